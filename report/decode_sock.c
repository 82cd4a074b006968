/* Sockets (strace's net.c, msghdr.c): socket types and protocols, iovecs, msghdr and
 * mmsghdr with their control messages; addresses are decode_sockaddr.c's, options
 * decode_sockopt.c's. */
#include <stdio.h>
#include <arpa/inet.h>
#include <string.h>

#include "lt_capture.h"
#include "decode_struct.h"
#include "xlat/gen.h"

/* an address and its length: the argument after it (connect, sendto), or what the
 * kernel wrote of the caller's buffer (accept, getsockname, recvfrom: the shorter of the
 * lengths before and after, as strace's decode_sockname) */
static void lt_put_sockaddr_arg(struct lt_dctx *c, int i, int out)
{
	size_t have = 0;
	uint64_t a = c->ev->args[i];
	const uint8_t *d = lt_cap_get(c, i, LT_CAP_SUB_SELF, 1, &have);
	int64_t len = i + 1 < 6 ? (int32_t)c->ev->args[i + 1] : 0;
	if (out) {
		const uint8_t *u = i + 1 < 6 ? lt_cap_get(c, i + 1, LT_SUB_ENTRY, 4, NULL) : NULL;
		const uint8_t *r = i + 1 < 6 ? lt_out(c, i + 1, 4) : NULL;
		if (!a || !u || !r) {
			lt_put_ptr(c, a);
			return;
		}
		len = RD(int32_t, u, 0) < RD(int32_t, r, 0) ? RD(int32_t, u, 0) : RD(int32_t, r, 0);
	}
	lt_put_sockaddr_len(c, a, d, have, len);
}

static void lt_put_socklen(struct lt_dctx *c, int i)
{
	const uint8_t *in = lt_cap_get(c, i, LT_SUB_ENTRY, 4, NULL);
	const uint8_t *out = lt_out(c, i, 4);
	if (!c->ev->args[i]) {
		lt_sb_puts(SB(c), "NULL");
		return;
	}
	if (!in && !out) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	/* an int, as strace prints it */
	if (in && out && RD(int32_t, in, 0) != RD(int32_t, out, 0))
		lt_sb_printf(SB(c), "[%d => %d]", RD(int32_t, in, 0), RD(int32_t, out, 0));
	else
		lt_sb_printf(SB(c), "[%d]", RD(int32_t, out ? out : in, 0));
}

const struct lt_xlat lt_x_netlink[] = {
	{ 0, "NETLINK_ROUTE" }, { 1, "NETLINK_UNUSED" }, { 2, "NETLINK_USERSOCK" },
	{ 3, "NETLINK_FIREWALL" }, { 4, "NETLINK_SOCK_DIAG" }, { 5, "NETLINK_NFLOG" },
	{ 6, "NETLINK_XFRM" }, { 7, "NETLINK_SELINUX" }, { 8, "NETLINK_ISCSI" },
	{ 9, "NETLINK_AUDIT" }, { 10, "NETLINK_FIB_LOOKUP" }, { 11, "NETLINK_CONNECTOR" },
	{ 12, "NETLINK_NETFILTER" }, { 13, "NETLINK_IP6_FW" }, { 14, "NETLINK_DNRTMSG" },
	{ 15, "NETLINK_KOBJECT_UEVENT" }, { 16, "NETLINK_GENERIC" },
	{ 18, "NETLINK_SCSITRANSPORT" }, { 19, "NETLINK_ECRYPTFS" }, { 20, "NETLINK_RDMA" },
	{ 21, "NETLINK_CRYPTO" }, { 22, "NETLINK_SMC" }, { 0, 0 }
};

static void lt_put_socktype(struct lt_dctx *c, uint32_t v)
{
	if (lt_st(c) != LT_XLAT_ABBREV) {
		/* the type and the flags each in their own notation */
		lt_put_xlat(c, lt_x_socktype, v & 0xf, "SOCK_???");
		if (v & ~0xfu) {
			lt_sb_putc(SB(c), '|');
			lt_put_flags(c, lt_x_sock_flags, v & ~0xfu);
		}
		return;
	}
	const char *t = lt_xlat_name(lt_x_socktype, v & 0xf);
	if (t)
		lt_sb_puts(SB(c), t);
	else
		lt_sb_printf(SB(c), "%#x /* SOCK_??? */", v & 0xf);
	uint32_t fl = v & ~0xfu;
	if (!fl)
		return;
	struct lt_sb n = { 0 };
	int any = 0;
	uint32_t rest = (uint32_t)lt_flags_names(&n, lt_x_sock_flags, fl, &any);
	if (any)
		lt_sb_printf(SB(c), "|%s", n.p);
	if (rest)
		lt_sb_printf(SB(c), "|%#x", rest);
	lt_sb_free(&n);
}

static void lt_put_sockproto(struct lt_dctx *c, uint32_t fam, uint32_t proto)
{
	if (fam == 2 || fam == 10)
		lt_put_xlat(c, lt_x_ipproto, proto, NULL);
	else if (fam == 16)
		lt_put_xlat(c, lt_x_netlink, proto, NULL);
	else
		lt_put_dec(c, (int32_t)proto);
}

/* iovec array at (i, array_sub) with buffers at subs buf_sub0.., for out calls showing at
 * most total bytes of data; addr_only: the buffers' addresses (strace's IOV_DECODE_ADDR:
 * an out call that failed, process_madvise). An array as strace's print_array prints it. */
struct lt_iov_walk {
	int i;
	unsigned buf_sub0;
	int addr_only;
	uint64_t total;
};

static int lt_iov_elem(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	struct lt_iov_walk *w = opaque;
	if (k >= LT_CAP_MAX_ELEMS) { /* no buffer captured past these */
		lt_sb_puts(SB(c), "...");
		return 0;
	}
	uint64_t base = RD(uint64_t, e, 0), ilen = RD(uint64_t, e, 8);
	uint64_t show = ilen < w->total ? ilen : w->total;
	lt_sb_puts(SB(c), "{iov_base=");
	if (w->addr_only)
		lt_put_ptr(c, base);
	else if (!show) /* strace's printstrn of 0 bytes reads nothing */
		lt_sb_puts(SB(c), base ? "\"\"" : "NULL");
	else
		lt_put_buf(c, w->i, w->buf_sub0 + (unsigned)k, base, show);
	if (w->total != (uint64_t)-1)
		w->total -= show;
	lt_sb_printf(SB(c), ", iov_len=%llu}", (unsigned long long)ilen);
	return 1;
}

void lt_put_iov_at(struct lt_dctx *c, int i, unsigned array_sub, unsigned buf_sub0,
			  uint64_t addr, uint64_t cnt, int out, uint64_t total)
{
	struct lt_iov_walk w = { i, buf_sub0, out < 0 || (out && !lt_ok(c)), total };
	lt_put_array(c, i, array_sub, addr, cnt, 16, lt_iov_elem, &w);
}

static void lt_put_iov(struct lt_dctx *c, int i, unsigned array_sub, uint64_t addr, uint64_t cnt,
		       int out, uint64_t total)
{
	lt_put_iov_at(c, i, array_sub, 0, addr, cnt, out, total);
}

/* One msghdr's fields from its 56 bytes m; what it points to is at the given subs. */
/* The kernel reads at most net.core.optmem_max bytes of control data, and strace shows as
 * much (read where the report runs, which is where strace would have run). */
static uint64_t lt_optmem_max(void)
{
	static uint64_t v;
	if (!v) {
		FILE *f = fopen("/proc/sys/net/core/optmem_max", "r");
		unsigned long long n = 0;
		v = f && fscanf(f, "%llu", &n) == 1 && n ? n : 20480;
		if (f)
			fclose(f);
	}
	return v;
}

/* A control message's data as an array of n-byte elements (strace's print_local_array):
 * hex bytes or unsigned ints, "..." after -s elements unless -v */
static void lt_put_cmsg_array(struct lt_dctx *c, const uint8_t *d, size_t len, size_t size)
{
	lt_sb_putc(SB(c), '[');
	for (size_t k = 0; k < len / size; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		if (k >= c->strsize && !lt_verbose(c)) {
			lt_sb_puts(SB(c), "...");
			break;
		}
		if (size == 1)
			lt_sb_printf(SB(c), "%#x", d[k]);
		else
			lt_sb_printf(SB(c), "%u", RD(uint32_t, d, 4 * k));
	}
	lt_sb_putc(SB(c), ']');
}

/* SCM_TIMESTAMP*: n timevals or timespecs (frac names the fraction), "???" when short */
static void lt_put_cmsg_times(struct lt_dctx *c, const uint8_t *d, size_t len, unsigned n,
			      const char *frac)
{
	if (len < 16 * n) {
		lt_sb_puts(SB(c), "???");
		return;
	}
	if (n > 1)
		lt_sb_putc(SB(c), '[');
	for (unsigned k = 0; k < n; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		lt_put_timespec_data(c, d + 16 * k, frac);
	}
	if (n > 1)
		lt_sb_putc(SB(c), ']');
}

static void lt_put_in_addr(struct lt_dctx *c, const uint8_t *a)
{
	lt_sb_printf(SB(c), "inet_addr(\"%u.%u.%u.%u\")", a[0], a[1], a[2], a[3]);
}

/* SOL_SOCKET's control messages (strace's cmsg_socket_printers) */
static void lt_put_cmsg_socket(struct lt_dctx *c, int type, const uint8_t *d, size_t n)
{
	size_t min = type == 1 ? 4 : type == 2 ? 12 : 1;
	if (n < min || !((type >= 1 && type <= 3) || type == 29 || type == 35 || type == 37 ||
			 (type >= 63 && type <= 65)))
		return;
	lt_sb_puts(SB(c), ", cmsg_data=");
	switch (type) {
	case 1: /* SCM_RIGHTS */
		lt_sb_putc(SB(c), '[');
		for (size_t k = 0; k < n / 4; k++) {
			if (k)
				lt_sb_puts(SB(c), ", ");
			if (k >= c->strsize && !lt_verbose(c)) {
				lt_sb_puts(SB(c), "...");
				break;
			}
			lt_put_fd(c, RD(int32_t, d, 4 * k));
		}
		lt_sb_putc(SB(c), ']');
		return;
	case 2: /* SCM_CREDENTIALS */
		lt_sb_printf(SB(c), "{pid=%d, uid=%u, gid=%u}", RD(int32_t, d, 0),
			     RD(uint32_t, d, 4), RD(uint32_t, d, 8));
		return;
	case 3: /* SCM_SECURITY */
		lt_put_quoted(c, d, n, 0);
		return;
	case 29: case 63: /* SO_TIMESTAMP_OLD, _NEW */
		lt_put_cmsg_times(c, d, n, 1, "tv_usec");
		return;
	case 35: case 64: /* SO_TIMESTAMPNS_OLD, _NEW */
		lt_put_cmsg_times(c, d, n, 1, "tv_nsec");
		return;
	default: /* SO_TIMESTAMPING_OLD, _NEW */
		lt_put_cmsg_times(c, d, n, 3, "tv_nsec");
	}
}

/* SOL_IP's control messages (strace's cmsg_ip_printers) */
static void lt_put_cmsg_ip(struct lt_dctx *c, int type, const uint8_t *d, size_t n)
{
	static const uint8_t min[24] = { [8] = 12, [2] = 4, [1] = 1, [6] = 1, [7] = 1,
					 [11] = 32, [20] = 16, [23] = 4, [3] = 1 };
	if (type < 0 || type >= 24 || !min[type] || n < min[type])
		return;
	lt_sb_puts(SB(c), ", cmsg_data=");
	switch (type) {
	case 8: /* IP_PKTINFO */
		lt_sb_puts(SB(c), "{ipi_ifindex=");
		lt_put_ifindex(c, RD(uint32_t, d, 0));
		lt_sb_puts(SB(c), ", ipi_spec_dst=");
		lt_put_in_addr(c, d + 4);
		lt_sb_puts(SB(c), ", ipi_addr=");
		lt_put_in_addr(c, d + 8);
		lt_sb_putc(SB(c), '}');
		return;
	case 2: case 23: /* IP_TTL, IP_CHECKSUM */
		lt_put_cmsg_array(c, d, n, 4);
		return;
	case 1: case 6: case 7: /* IP_TOS, IP_RECVOPTS, IP_RETOPTS */
		lt_put_cmsg_array(c, d, n, 1);
		return;
	case 11: /* IP_RECVERR: struct sock_extended_err and the offender */
		lt_sb_printf(SB(c), "{ee_errno=%u, ee_origin=%u, ee_type=%u, ee_code=%u, ee_info=%u"
			     ", ee_data=%u, offender=", RD(uint32_t, d, 0), d[4], d[5], d[6],
			     RD(uint32_t, d, 8), RD(uint32_t, d, 12));
		lt_put_sockaddr(c, d + 16, 16);
		lt_sb_putc(SB(c), '}');
		return;
	case 20: /* IP_ORIGDSTADDR */
		lt_put_sockaddr(c, d, n > 128 ? 128 : n);
		return;
	default: /* SCM_SECURITY */
		lt_put_quoted(c, d, n, 0);
	}
}

/* One control message's type and data, as strace's print_cmsg_type_data. */
static void lt_put_cmsg_data(struct lt_dctx *c, int level, int type, const uint8_t *d, size_t n)
{
	static const struct lt_xlat scm[] = {
		{ 1, "SCM_RIGHTS" }, { 2, "SCM_CREDENTIALS" }, { 3, "SCM_SECURITY" },
		{ 41, "SO_WIFI_STATUS" }, { 61, "SO_TXTIME" }, { 29, "SO_TIMESTAMP_OLD" },
		{ 35, "SO_TIMESTAMPNS_OLD" }, { 37, "SO_TIMESTAMPING_OLD" },
		{ 63, "SO_TIMESTAMP_NEW" }, { 64, "SO_TIMESTAMPNS_NEW" },
		{ 65, "SO_TIMESTAMPING_NEW" }, { 0, 0 }
	};
	static const struct lt_xlat ip[] = {
		{ 1, "IP_TOS" }, { 2, "IP_TTL" }, { 6, "IP_RECVOPTS" }, { 7, "IP_RETOPTS" },
		{ 8, "IP_PKTINFO" }, { 11, "IP_RECVERR" }, { 20, "IP_ORIGDSTADDR" },
		{ 23, "IP_CHECKSUM" }, { 3, "SCM_SECURITY" }, { 0, 0 }
	};
	if (level == 1 /* SOL_SOCKET */) {
		lt_put_xlat(c, scm, (uint32_t)type, "SCM_???");
		lt_put_cmsg_socket(c, type, d, n);
	} else if (level == 0 /* SOL_IP */) {
		lt_put_xlat(c, ip, (uint32_t)type, "IP_???");
		lt_put_cmsg_ip(c, type, d, n);
	} else {
		lt_put_hex(c, (uint32_t)type);
	}
}

/* msg_control: the control messages as strace's decode_msg_control walks them. */
static void lt_put_cmsgs(struct lt_dctx *c, int i, uint64_t addr, uint64_t in_len)
{
	size_t have;
	const uint8_t *d = lt_cap_get(c, i, LT_SUB_MSG_CONTROL, 0, &have);
	uint64_t ctl_len = in_len > lt_optmem_max() ? lt_optmem_max() : in_len;
	uint64_t buf_len = ctl_len, off = 0;
	if (!d || ctl_len < 16) {
		lt_put_ptr(c, addr);
		return;
	}
	int short_cap = 0;
	lt_sb_putc(SB(c), '[');
	while (buf_len >= 16) {
		if (off + 16 > have) { /* beyond what the shim copied */
			short_cap = 1;
			break;
		}
		uint64_t cmsg_len = RD(uint64_t, d, off);
		int level = RD(int32_t, d, off + 8), type = RD(int32_t, d, off + 12);
		if (off)
			lt_sb_puts(SB(c), ", ");
		lt_sb_printf(SB(c), "{cmsg_len=%llu, cmsg_level=", (unsigned long long)cmsg_len);
		lt_put_xlat(c, lt_x_sol, (uint32_t)level, "SOL_???");
		lt_sb_puts(SB(c), ", cmsg_type=");
		uint64_t len = cmsg_len > buf_len ? buf_len : cmsg_len;
		uint64_t dlen = len > 16 ? len - 16 : 0;
		if (off + 16 + dlen > have)
			dlen = have - off - 16;
		lt_put_cmsg_data(c, level, type, d + off + 16, (size_t)dlen);
		lt_sb_putc(SB(c), '}');
		if (len < 16) {
			buf_len -= 16;
			break;
		}
		len = (cmsg_len + 7) & ~7ull;
		if (len >= buf_len) {
			buf_len = 0;
			break;
		}
		off += len;
		buf_len -= len;
	}
	if (short_cap || ctl_len < in_len) {
		lt_sb_puts(SB(c), ", ...");
	} else if (buf_len) {
		lt_sb_printf(SB(c), ", ... /* %#llx */", (unsigned long long)(addr + ctl_len - buf_len));
	}
	lt_sb_putc(SB(c), ']');
}

static void lt_put_msghdr_fields(struct lt_dctx *c, int i, const uint8_t *m, const uint8_t *entry,
				 unsigned name_sub, unsigned iov_sub, unsigned buf_sub0,
				 uint64_t total)
{
	uint64_t name = RD(uint64_t, m, 0), iov = RD(uint64_t, m, 16), iovlen = RD(uint64_t, m, 24);
	uint64_t ctl = RD(uint64_t, m, 32), ctllen = RD(uint64_t, m, 40);
	uint32_t namelen = RD(uint32_t, m, 8), flags = RD(uint32_t, m, 48);
	size_t nl = 0;
	const uint8_t *nd = lt_cap_get(c, i, name_sub, 1, &nl);
	/* recvmsg's namelen is in and out: the address as long as the shorter of the two */
	int32_t user = entry ? RD(int32_t, entry, 8) : (int32_t)namelen;
	lt_sb_puts(SB(c), "{msg_name=");
	lt_put_sockaddr_len(c, name, nd, nl, (int32_t)namelen > user ? user : (int32_t)namelen);
	if (user != (int32_t)namelen)
		lt_sb_printf(SB(c), ", msg_namelen=%d => %d", user, (int32_t)namelen);
	else
		lt_sb_printf(SB(c), ", msg_namelen=%d", (int32_t)namelen);
	lt_sb_puts(SB(c), ", msg_iov=");
	lt_put_iov_at(c, i, iov_sub, buf_sub0, iov, iovlen, 0, total);
	lt_sb_printf(SB(c), ", msg_iovlen=%llu", (unsigned long long)iovlen);
	if (ctllen) {
		lt_sb_puts(SB(c), ", msg_control=");
		lt_put_cmsgs(c, i, ctl, ctllen);
	}
	lt_sb_printf(SB(c), ", msg_controllen=%llu, msg_flags=", (unsigned long long)ctllen);
	lt_put_flags(c, lt_x_msg_flags, flags);
	lt_sb_putc(SB(c), '}');
}

static void lt_put_mmsg(struct lt_dctx *c, int i)
{
	size_t len;
	uint64_t a = c->ev->args[i];
	const uint8_t *d = lt_ok(c) ? lt_cap_get(c, i, LT_CAP_SUB_SELF, 64, &len) : NULL;
	if (!d) {
		lt_put_ptr(c, a);
		return;
	}
	uint64_t n = (uint64_t)c->ev->ret;
	lt_sb_putc(SB(c), '[');
	for (uint64_t k = 0; k < n; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		if ((k + 1) * 64 > len || k >= LT_MMSG_MAX) {
			lt_sb_puts(SB(c), "...");
			break;
		}
		lt_sb_puts(SB(c), "{msg_hdr=");
		lt_put_msghdr_fields(c, i, d + 64 * k, NULL, LT_SUB_MMSG_NAME((unsigned)k),
				     LT_SUB_MMSG_IOV((unsigned)k), LT_SUB_MMSG_BUF((unsigned)k, 0),
				     RD(uint32_t, d, 64 * k + 56));
		lt_sb_printf(SB(c), ", msg_len=%u}", RD(uint32_t, d, 64 * k + 56));
	}
	lt_sb_putc(SB(c), ']');
}

static void lt_put_msghdr(struct lt_dctx *c, int i, int out)
{
	const uint8_t *m = (!out || lt_ok(c)) ? lt_cap_get(c, i, LT_CAP_SUB_SELF, 56, NULL) : NULL;
	const uint8_t *entry = out ? lt_cap_get(c, i, LT_SUB_ENTRY, 56, NULL) : NULL;
	if (out && c->done && !lt_ok(c) && entry && c->ev->args[i]) {
		/* a failed recvmsg: strace shows what it read at entry, the name's length */
		lt_sb_printf(SB(c), "{msg_namelen=%d}", RD(int32_t, entry, 8));
		return;
	}
	if (!m) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	uint64_t total = c->done && c->ev->ret >= 0 ? (uint64_t)c->ev->ret : (uint64_t)-1;
	lt_put_msghdr_fields(c, i, m, entry, LT_SUB_MSG_NAME, LT_SUB_MSG_IOV, 0, total);
}

/* sockets: the other arguments say what the value means */
void lt_put_socktype_arg(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_socktype(c, (uint32_t)c->ev->args[i]);
}

void lt_put_sockproto_arg(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_sockproto(c, (uint32_t)c->ev->args[0], (uint32_t)c->ev->args[i]);
}

void lt_put_sockaddr_kind(struct lt_dctx *c, int i, int kind)
{
	lt_put_sockaddr_arg(c, i, kind == LT_K_SOCKADDR_OUT);
}

void lt_put_socklen_arg(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_socklen(c, i);
}

void lt_put_iov_arg(struct lt_dctx *c, int i, int kind)
{
	const struct lt_event *ev = c->ev;
	int out = kind == LT_K_IOVEC_OUT ? 1 : kind == LT_K_IOVEC_ADDR ? -1 : 0;
	/* what the call transferred bounds what is printed; nothing known: all of it (in) */
	uint64_t limit = c->done && ev->ret >= 0 ? (uint64_t)ev->ret : out ? 0 : (uint64_t)-1;
	lt_put_iov(c, i, LT_CAP_SUB_SELF, ev->args[i], ev->args[i + 1], out, limit);
}

void lt_put_msghdr_arg(struct lt_dctx *c, int i, int kind)
{
	lt_put_msghdr(c, i, kind == LT_K_MSGHDR_OUT);
}

void lt_put_mmsg_arg(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_mmsg(c, i);
}

/* recvmmsg after its return value: (Timeout), or the time its timeout has left */
void lt_ret_recvmmsg(struct lt_dctx *c)
{
	const uint8_t *t = c->ev->args[4] ? lt_out(c, 4, 16) : NULL;
	if (c->ev->ret == 0) {
		lt_sb_puts(SB(c), " (Timeout)");
	} else if (t) {
		lt_sb_puts(SB(c), " (left ");
		lt_put_timespec_data(c, t, "tv_nsec");
		lt_sb_putc(SB(c), ')');
	}
}
