/* Socket ioctls: type 0x89 (strace's sock.c sock_ioctl; SIOCGIFCONF is decode_ioctl.c's).
 * Interface requests pass a struct ifreq (40 bytes): its name, then the one field the
 * request sets, or after a success gets. */
#include "decode_ioctl.h"
#include "xlat/gen.h"

enum {
	FIOSETOWN = 0x8901, SIOCSPGRP = 0x8902, FIOGETOWN = 0x8903, SIOCGPGRP = 0x8904,
	SIOCATMARK = 0x8905, SIOCGIFENCAP = 0x8925, SIOCSIFENCAP = 0x8926, SIOCOUTQNSD = 0x894b,
	SIOCGIFNAME = 0x8910, SIOCBRADDBR = 0x89a0, SIOCBRDELBR = 0x89a1, SIOCBRADDIF = 0x89a2,
	SIOCBRDELIF = 0x89a3, IFREQ_SIZE = 40,
};

/* the field an interface request sets (in) or gets (out): 0 when it is not one */
static int lt_ifreq_kind(uint32_t req, int *get)
{
	switch (req) {
	case 0x8931: case 0x8932: case 0x8916: case 0x891a: case 0x8918: case 0x8914: case 0x8924:
	case 0x8937: case 0x8971: case 0x891e: case 0x8922: case 0x8923: case 0x891c: case 0x8930:
	case 0x8943: /* SIOCADDMULTI ... SIOCSIFTXQLEN */
		*get = 0;
		return 1;
	case 0x8915: case 0x8919: case 0x8917: case 0x8913: case 0x8927: case 0x8933: case 0x8970:
	case 0x891d: case 0x8921: case 0x8910: case 0x891b: case 0x8929: case 0x8942:
		*get = 1;
		return 1;
	}
	return 0;
}

/* strace's print_ifreq: the request's field of the union at 16 */
static void lt_ifreq_field(struct lt_dctx *c, uint32_t req, const uint8_t *d)
{
	const uint8_t *u = d + 16;
	switch (req) {
	case 0x8916: case 0x8915:
		lt_sb_puts(SB(c), "ifr_addr=");
		lt_put_sockaddr(c, u, 16);
		break;
	case 0x8918: case 0x8917:
		lt_sb_puts(SB(c), "ifr_dstaddr=");
		lt_put_sockaddr(c, u, 16);
		break;
	case 0x891a: case 0x8919:
		lt_sb_puts(SB(c), "ifr_broadaddr=");
		lt_put_sockaddr(c, u, 16);
		break;
	case 0x891c: case 0x891b:
		lt_sb_puts(SB(c), "ifr_netmask=");
		lt_put_sockaddr(c, u, 16);
		break;
	case 0x8931: case 0x8932: case 0x8927: case 0x8924: case 0x8937: {
		uint16_t fam = RD(uint16_t, u, 0);
		lt_sb_puts(SB(c), "ifr_hwaddr={sa_family=");
		lt_put_xlat(c, lt_x_arphrd, fam, "ARPHRD_???");
		lt_sb_puts(SB(c), ", sa_data=");
		lt_put_mac(c, u + 2, fam == 1 ? 6 : 14);
		lt_sb_putc(SB(c), '}');
		break;
	}
	case 0x8914: case 0x8913:
		lt_sb_puts(SB(c), "ifr_flags=");
		lt_put_flags(c, lt_x_iff, RD(uint16_t, u, 0));
		break;
	case 0x8933:
		lt_sb_printf(SB(c), "ifr_ifindex=%d", RD(int32_t, u, 0));
		break;
	case 0x891e: case 0x891d:
		lt_sb_printf(SB(c), "ifr_metric=%d", RD(int32_t, u, 0));
		break;
	case 0x8922: case 0x8921:
		lt_sb_printf(SB(c), "ifr_mtu=%d", RD(int32_t, u, 0));
		break;
	case 0x8930: case 0x8929:
		lt_sb_puts(SB(c), "ifr_slave=");
		lt_ioctl_cstring(c, u, 16);
		break;
	case 0x8923:
		lt_sb_puts(SB(c), "ifr_newname=");
		lt_ioctl_cstring(c, u, 16);
		break;
	case SIOCGIFNAME:
		lt_sb_puts(SB(c), "ifr_name=");
		lt_ioctl_cstring(c, d, 16);
		break;
	case 0x8943: case 0x8942:
		lt_sb_printf(SB(c), "ifr_qlen=%d", RD(int32_t, u, 0));
		break;
	case 0x8971: case 0x8970:
		lt_sb_printf(SB(c), "ifr_map={mem_start=%#llx, mem_end=%#llx, base_addr=%#x, irq=%#x, "
			     "dma=%#x, port=%#x}", (unsigned long long)RD(uint64_t, u, 0),
			     (unsigned long long)RD(uint64_t, u, 8), RD(uint16_t, u, 16), u[18], u[19],
			     u[20]);
		break;
	}
}

static void lt_ifreq(struct lt_args *a, uint32_t req, int get)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, IFREQ_SIZE);
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
		lt_done(a);
		return;
	}
	if (req == SIOCGIFNAME) {
		lt_sb_printf(SB(c), "{ifr_ifindex=%d", RD(int32_t, d, 16));
	} else {
		lt_sb_puts(SB(c), "{ifr_name=");
		lt_ioctl_cstring(c, d, 16);
	}
	const uint8_t *o = get ? lt_out(c, 2, IFREQ_SIZE) : d;
	if (o) {
		lt_sb_puts(SB(c), ", ");
		lt_ifreq_field(c, req, o);
	}
	lt_sb_putc(SB(c), '}');
	lt_done(a);
}

/* SIOCBRADDBR/DELBR: a bridge name of up to IFNAMSIZ bytes (printstr_ex, 0-terminated) */
static void lt_sock_brname(struct lt_dctx *c, const uint8_t *d)
{
	size_t n = strnlen((const char *)d, 16);
	lt_put_quoted(c, d, n, n == 16);
}

static void lt_sock_brif(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{ifr_ifindex=");
	lt_put_ifindex(c, RD(uint32_t, d, 16));
	lt_sb_putc(SB(c), '}');
}

/* the requests strace shows as an address */
static int lt_sock_addr_only(uint32_t req)
{
	static const uint32_t reqs[] = {
		0x8980, 0x890b, 0x8995, 0x8990, 0x8994, 0x8991, 0x8992, 0x8993, 0x8953, 0x8981,
		0x890c, 0x8936, 0x8960, 0x8946, 0x8954, 0x89b1, 0x8940, 0x8938, 0x891f, 0x8935,
		0x8982, 0x8947, 0x8948, 0x8961, 0x894c, 0x8906, 0x80108906, 0x8907, 0x80108907,
		0x890d, 0x8955, 0x89b0, 0x8941, 0x8911, 0x8920, 0x8934, 0x8983, 0x8949, 0x8962,
		0x894a,
	};
	for (size_t k = 0; k < sizeof reqs / sizeof reqs[0]; k++)
		if (reqs[k] == req)
			return 1;
	return 0;
}

int lt_ioctl_sock(struct lt_args *a, uint32_t req)
{
	struct lt_dctx *c = a->c;
	int get;
	if (lt_ifreq_kind(req, &get)) {
		lt_ifreq(a, req, get);
		return 1;
	}
	switch (req) {
	case SIOCBRADDBR: case SIOCBRDELBR:
		lt_ioctl_obj(a, 16, 0, lt_sock_brname);
		return 1;
	case SIOCBRADDIF: case SIOCBRDELIF:
		lt_ioctl_obj(a, IFREQ_SIZE, 0, lt_sock_brif);
		return 1;
	case FIOGETOWN: case SIOCATMARK: case SIOCGIFENCAP: case SIOCGPGRP: case SIOCOUTQNSD:
		lt_ioctl_num(a, 1, 4, 1);
		return 1;
	case FIOSETOWN: case SIOCSIFENCAP: case SIOCSPGRP:
		lt_ioctl_num(a, 0, 4, 1);
		return 1;
	}
	if (!lt_sock_addr_only(req))
		return 0;
	lt_next(a);
	lt_put_ptr(c, c->ev->args[2]);
	lt_done(a);
	return 1;
}
