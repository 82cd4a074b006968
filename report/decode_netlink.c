/* Netlink messages sent on netlink sockets, as strace 6.1 prints them (its netlink.c,
 * nlattr.c, netlink_route.c, rtnl_link.c): an array of {nlmsghdr} with their payloads,
 * route link messages as {ifinfomsg} and their attributes, IFLA_AF_SPEC nested by address
 * family; what is not decoded yet prints as strace prints unknown payloads, in hex.
 *
 * strace asks the kernel which protocol a socket has; the report knows it from the
 * socket(AF_NETLINK, ..., protocol) call that created it (lt_decode_observe sees every
 * event, before -e filters them), following dup and close. The message is the capture
 * of the data argument (lib/lt_capture.c keeps small ones whole); whatever lies past the
 * capture prints as its address, as strace prints memory it cannot read. */
#include <arpa/inet.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>

#include "decode_netlink.h"
#include "lt_capture.h"
#include "lt_errno.h"

/* ---- which descriptors are netlink sockets ---- */

struct lt_socket {
	uint32_t pid;
	int fd;
	int proto;
};

struct lt_socktab {
	struct lt_socket *v;
	size_t n, cap;
};

static struct lt_socket *lt_sock_find(struct lt_socktab *t, uint32_t pid, int fd)
{
	for (size_t k = 0; t && k < t->n; k++)
		if (t->v[k].pid == pid && t->v[k].fd == fd)
			return &t->v[k];
	return NULL;
}

static void lt_sock_forget(struct lt_socktab *t, uint32_t pid, int fd)
{
	struct lt_socket *s = lt_sock_find(t, pid, fd);
	if (s)
		*s = t->v[--t->n];
}

static void lt_sock_add(struct lt_fmt *fmt, uint32_t pid, int fd, int proto)
{
	struct lt_socktab *t = fmt->socks;
	if (!t && !(t = fmt->socks = calloc(1, sizeof *t)))
		return;
	lt_sock_forget(t, pid, fd);
	if (t->n == t->cap) {
		size_t ncap = t->cap ? t->cap * 2 : 8;
		struct lt_socket *nv = realloc(t->v, ncap * sizeof *nv);
		if (!nv)
			return;
		t->v = nv;
		t->cap = ncap;
	}
	t->v[t->n++] = (struct lt_socket){ pid, fd, proto };
}

void lt_decode_observe(struct lt_fmt *fmt, const struct lt_event *ev)
{
	if (ev->type != LT_EV_SYSCALL || ev->ret < 0 || (ev->flags & LT_EVF_UNFINISHED))
		return;
	int fd = (int)ev->ret;
	switch (ev->nr) {
	case LT_NR_socket:
		if ((uint32_t)ev->args[0] == 16 /* AF_NETLINK */)
			lt_sock_add(fmt, ev->pid, fd, (int)ev->args[2]);
		else if (fmt->socks)
			lt_sock_forget(fmt->socks, ev->pid, fd);
		return;
	case LT_NR_close:
		if (fmt->socks)
			lt_sock_forget(fmt->socks, ev->pid, (int)ev->args[0]);
		return;
	case LT_NR_dup: case LT_NR_dup2: case LT_NR_dup3: {
		if (!fmt->socks || fd == (int)ev->args[0])
			return;
		struct lt_socket *s = lt_sock_find(fmt->socks, ev->pid, (int)ev->args[0]);
		if (s)
			lt_sock_add(fmt, ev->pid, fd, s->proto);
		else
			lt_sock_forget(fmt->socks, ev->pid, fd);
		return;
	}
	}
}

void lt_decode_free(struct lt_fmt *fmt)
{
	if (fmt->socks)
		free(fmt->socks->v);
	free(fmt->socks);
	fmt->socks = NULL;
}

/* ---- the message, as captured ---- */

void lt_nl_array(const struct lt_nl *m, uint64_t off, uint64_t n, size_t es, lt_nl_elem_fn fn)
{
	struct lt_dctx *c = m->c;
	int abbrev = !(c->fmt && c->fmt->verbose) && c->strsize < n;
	for (uint64_t k = 0; k < n; k++) {
		uint64_t at = off + k * es;
		if (k)
			lt_sb_puts(c->sb, ", ");
		if (!lt_nl_readable(m, at, es)) {
			if (!k) {
				lt_put_ptr(c, m->addr + at);
				return;
			}
			lt_sb_printf(c->sb, "... /* %#llx */", (unsigned long long)(m->addr + at));
			break;
		}
		if (!k)
			lt_sb_putc(c->sb, '[');
		if (abbrev && k >= c->strsize) {
			lt_sb_puts(c->sb, "...");
			break;
		}
		fn(m, m->d + at, k);
	}
	lt_sb_putc(c->sb, ']');
}

/* print_mac_addr: ab:cd:ef:01:02:03, with -X the bytes in hex first */
void lt_put_mac(struct lt_dctx *c, const uint8_t *a, size_t n)
{
	enum lt_xlat_style st = c->fmt ? c->fmt->xlat : LT_XLAT_ABBREV;
	if (st != LT_XLAT_ABBREV || n > 32 /* MAX_ADDR_LEN */)
		lt_put_hexstr(c, a, n);
	if (st == LT_XLAT_RAW || n > 32)
		return;
	lt_sb_puts(c->sb, st == LT_XLAT_VERBOSE ? " /* " : "");
	for (size_t k = 0; k < n; k++)
		lt_sb_printf(c->sb, "%s%02x", k ? ":" : "", a[k]);
	lt_sb_puts(c->sb, st == LT_XLAT_VERBOSE ? " */" : "");
}

/* strace's printstr_ex(..., QUOTE_FORCE_HEX): -s bytes, "..." when longer; the address
 * when the bytes it needs could not be read */
/* print_quoted_string(..., QUOTE_FORCE_HEX): n bytes, whole */
void lt_put_hexstr(struct lt_dctx *c, const uint8_t *p, size_t n)
{
	int fh = c->force_hex;
	c->force_hex = 1;
	lt_put_quoted(c, p, n, 0);
	c->force_hex = fh;
}

void lt_nl_hex(const struct lt_nl *m, uint64_t off, uint64_t len)
{
	struct lt_dctx *c = m->c;
	uint64_t show = len < c->strsize ? len : c->strsize;
	uint64_t need = len < (uint64_t)c->strsize + 1 ? len : (uint64_t)c->strsize + 1;
	if (!lt_nl_readable(m, off, need)) {
		lt_put_ptr(c, m->addr + off);
		return;
	}
	int fh = c->force_hex;
	c->force_hex = 1;
	lt_put_quoted(c, m->d + off, (size_t)show, len > c->strsize);
	c->force_hex = fh;
}

/* ---- attributes (nlattr.c) ---- */

static void lt_nla_header(const struct lt_nl *m, uint16_t nla_len, uint16_t type,
			  const struct lt_nla_table *t)
{
	struct lt_dctx *c = m->c;
	lt_sb_printf(c->sb, "{nla_len=%u, nla_type=", nla_len);
	if (type & 0x8000)
		lt_sb_puts(c->sb, "NLA_F_NESTED|");
	if (type & 0x4000)
		lt_sb_puts(c->sb, "NLA_F_NET_BYTEORDER|");
	if (t->names)
		lt_put_xlat(c, t->names, type & 0x3fff, t->dflt);
	else /* no names at all: plain hex, no comment */
		lt_put_hex(c, type & 0x3fff);
	lt_sb_putc(c->sb, '}');
}

static void lt_nla_with_data(const struct lt_nl *m, uint64_t off, uint64_t len, uint16_t nla_len,
			     uint16_t type, const struct lt_nla_table *t, uint64_t arg)
{
	struct lt_dctx *c = m->c;
	uint64_t n = nla_len < len ? nla_len : len;
	if (n > NLA_HDRLEN)
		lt_sb_putc(c->sb, '[');
	lt_nla_header(m, nla_len, type, t);
	if (n <= NLA_HDRLEN)
		return;
	lt_sb_puts(c->sb, ", ");
	lt_nla_fn fn = t->all ? t->all : t->decoder ? t->decoder(type & 0x3fff) : NULL;
	if (!fn || !fn(m, off + NLA_HDRLEN, n - NLA_HDRLEN, t->all ? type : arg))
		lt_nl_hex(m, off + NLA_HDRLEN, n - NLA_HDRLEN);
	lt_sb_putc(c->sb, ']');
}

void lt_nl_attrs(const struct lt_nl *m, uint64_t off, uint64_t len, const struct lt_nla_table *t,
		 uint64_t arg)
{
	struct lt_dctx *c = m->c;
	int array = 0, verbose = c->fmt && c->fmt->verbose;
	for (unsigned elt = 0;; elt++) {
		if (len < NLA_HDRLEN) {
			lt_nl_hex(m, off, len);
			break;
		}
		if (!lt_nl_readable(m, off, NLA_HDRLEN)) {
			if (array)
				lt_sb_printf(c->sb, "... /* %#llx */", (unsigned long long)(m->addr + off));
			else
				lt_put_ptr(c, m->addr + off);
			break;
		}
		if (!verbose && elt == c->strsize) {
			lt_sb_puts(c->sb, "...");
			break;
		}
		uint16_t nla_len = RD(uint16_t, m->d, off), type = RD(uint16_t, m->d, off + 2);
		uint64_t step = (nla_len + 3u) & ~3u, next = 0;
		if (nla_len >= NLA_HDRLEN && len > step)
			next = len - step;
		if (!array && next) {
			lt_sb_putc(c->sb, '[');
			array = 1;
		}
		lt_nla_with_data(m, off, len, nla_len, type, t, arg);
		if (!next)
			break;
		lt_sb_puts(c->sb, ", ");
		off += step;
		len = next;
	}
	if (array)
		lt_sb_putc(c->sb, ']');
}

/* ---- attribute values (nlattr.c's decode_nla_*) ---- */

/* an unsigned number of size bytes: 0 (hex) when the attribute is shorter */
static int lt_nla_unsigned(const struct lt_nl *m, uint64_t off, uint64_t len, unsigned size)
{
	if (len < size)
		return 0;
	if (!lt_nl_readable(m, off, size)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	uint64_t v = size == 1 ? m->d[off] : size == 2 ? RD(uint16_t, m->d, off)
		: size == 4 ? RD(uint32_t, m->d, off) : RD(uint64_t, m->d, off);
	lt_put_udec(m->c, v);
	return 1;
}

/* decode_nla_xval / decode_nla_flags: up to 8 bytes (size of them when size is not 0) as one
 * number, named from t; 0 (hex) when the attribute is longer than 8 or shorter than size */
int lt_nla_xval(const struct lt_nl *m, uint64_t off, uint64_t len, unsigned size,
		const struct lt_xlat *t, const char *dflt, int flags)
{
	if (len > 8 || len < size)
		return 0;
	if (size)
		len = size;
	if (!lt_nl_readable(m, off, len)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	uint64_t v = 0; /* little-endian (x86-64) */
	memcpy(&v, m->d + off, (size_t)len);
	if (flags)
		lt_put_flags(m->c, t, v);
	else
		lt_put_xlat(m->c, t, v, dflt);
	return 1;
}

int lt_nla_u32(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_unsigned(m, off, len, 4);
}

int lt_nla_u8(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_unsigned(m, off, len, 1);
}

int lt_nla_u16(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_unsigned(m, off, len, 2);
}

int lt_nla_x16(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 2)
		return 0;
	if (!lt_nl_readable(m, off, 2))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_put_hex(m->c, RD(uint16_t, m->d, off));
	return 1;
}

/* decode_nla_x32 */
int lt_nla_x32(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 4)
		return 0;
	if (!lt_nl_readable(m, off, 4))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_put_hex(m->c, RD(uint32_t, m->d, off));
	return 1;
}

/* clock ticks (USER_HZ, 100 on Linux): "999 / * 9.99 s * /" */
int lt_nla_clock_t(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len > 8)
		return 0;
	if (!lt_nl_readable(m, off, len)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	uint64_t v = 0; /* any length up to 8, little-endian (x86-64) */
	memcpy(&v, m->d + off, (size_t)len);
	lt_put_udec(m->c, v);
	if (v && (!m->c->fmt || m->c->fmt->xlat != LT_XLAT_RAW))
		lt_sb_printf(m->c->sb, " /* %llu.%02llu s */", (unsigned long long)(v / 100),
			     (unsigned long long)(v % 100));
	return 1;
}

/* decode_nla_str (printstr_ex with QUOTE_OMIT_TRAILING_0 | QUOTE_EXPECT_TRAILING_0): up to -s
 * bytes, NULs inside shown, a NUL at the end dropped; "..." when the bytes shown do not end
 * with one */
int lt_nla_str(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	struct lt_dctx *c = m->c;
	uint64_t size = len < (uint64_t)c->strsize + 1 ? len : (uint64_t)c->strsize + 1;
	if (!lt_nl_readable(m, off, size)) {
		lt_put_ptr(c, m->addr + off);
		return 1;
	}
	if (size > c->strsize)
		size = c->strsize;
	int trailing0 = size && m->d[off + size - 1] == 0;
	lt_put_quoted(c, m->d + off, (size_t)(trailing0 ? size - 1 : size), !trailing0 && len);
	return 1;
}

void lt_put_ifindex(struct lt_dctx *c, uint32_t idx);

int lt_nla_ifindex(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 4)
		return 0;
	if (!lt_nl_readable(m, off, 4))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_put_ifindex(m->c, RD(uint32_t, m->d, off));
	return 1;
}

/* ---- route: links (rtnl_link.c) ---- */

static const struct lt_nla_table lt_nla_inet = { lt_x_ifla_inet, "IFLA_INET_???",
						 lt_ifla_inet_decoder, NULL };
static const struct lt_nla_table lt_nla_inet6 = { lt_x_ifla_inet6, "IFLA_INET6_???",
						  lt_ifla_inet6_decoder, NULL };
static lt_nla_fn lt_ifla_mctp_decoder(unsigned type)
{
	return type == 1 ? lt_nla_u32 : NULL; /* IFLA_MCTP_NET */
}

static const struct lt_nla_table lt_nla_mctp = { lt_x_ifla_mctp, "IFLA_MCTP_???",
						 lt_ifla_mctp_decoder, NULL };
static const struct lt_nla_table lt_nla_bridge = { lt_x_ifla_bridge, "IFLA_BRIDGE_???",
						   lt_ifla_bridge_decoder, NULL };

/* one IFLA_AF_SPEC member: the family's own attributes, or hex */
static int lt_nla_af(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t af)
{
	const struct lt_nla_table *t = af == 2 ? &lt_nla_inet : af == 10 ? &lt_nla_inet6
		: af == 45 ? &lt_nla_mctp : NULL;
	if (!t)
		return 0;
	lt_nl_attrs(m, off, len, t, 0);
	return 1;
}

static const struct lt_nla_table lt_nla_af_spec = { lt_x_af, "AF_???", NULL, lt_nla_af };

static int lt_ifla_af_spec(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t family)
{
	lt_nl_attrs(m, off, len, family == 7 /* AF_BRIDGE */ ? &lt_nla_bridge : &lt_nla_af_spec, 0);
	return 1;
}

/* struct ifla_bridge_id: {prio=[171, 205], addr=ab:cd:ef:ac:bc:cd} */
int lt_nla_bridge_id(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 8)
		return 0;
	if (!lt_nl_readable(m, off, 8)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	lt_sb_printf(m->c->sb, "{prio=[%u, %u], addr=", m->d[off], m->d[off + 1]);
	lt_put_mac(m->c, m->d + off + 2, 6);
	lt_sb_putc(m->c->sb, '}');
	return 1;
}

/* IFLA_BRPORT_*: strace's ifla_brport_nla_decoders */
static lt_nla_fn lt_brport_decoder(unsigned type)
{
	switch (type) {
	case 1: case 4 ... 12: case 19: case 20: case 25: case 27 ... 30: case 32: case 33:
	case 35: case 36: case 39:
		return lt_nla_u8;
	case 2: case 15 ... 18:
		return lt_nla_u16;
	case 3: case 37: case 38:
		return lt_nla_u32;
	case 21 ... 23: /* MESSAGE_AGE, FORWARD_DELAY, HOLD timers */
		return lt_nla_clock_t;
	case 31: /* GROUP_FWD_MASK */
		return lt_nla_x16;
	case 34: /* BACKUP_PORT */
		return lt_nla_ifindex;
	case 13: case 14: /* ROOT_ID, BRIDGE_ID */
		return lt_nla_bridge_id;
	}
	return NULL;
}

const struct lt_nla_table lt_nla_brport = { lt_x_ifla_brport, "IFLA_BRPORT_???",
						   lt_brport_decoder, NULL };

/* IFLA_PROTINFO: bridge port attributes for AF_BRIDGE, inet6's for AF_INET6, else hex */
static int lt_ifla_protinfo(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t family)
{
	if (family != 7 && family != 10) {
		lt_nl_hex(m, off, len);
		return 1;
	}
	lt_nl_attrs(m, off, len, family == 7 ? &lt_nla_brport : &lt_nla_inet6, 0);
	return 1;
}

int lt_nla_s32(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 4)
		return 0;
	if (!lt_nl_readable(m, off, 4))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_put_dec(m->c, RD(int32_t, m->d, off));
	return 1;
}

int lt_nla_fd(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 4)
		return 0;
	if (!lt_nl_readable(m, off, 4))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_put_fd(m->c, RD(int32_t, m->d, off));
	return 1;
}

/* IFLA_*: strace's ifinfomsg_nla_decoders, those that print numbers and strings */
static lt_nla_fn lt_ifla_decoder(unsigned type)
{
	lt_nla_fn more = lt_ifla_more_decoder(type);
	if (more)
		return more;
	switch (type) {
	case 4: case 5: case 10: case 13: case 15: case 19: case 21: case 27: case 30 ... 32:
	case 35: case 40: case 41: case 47: case 48: case 50: case 51: case 58 ... 61:
		return lt_nla_u32;
	case 16: case 17: case 33: case 39:
		return lt_nla_u8;
	case 3: case 6: case 20: case 38: case 53: case 56: case 57:
		return lt_nla_str;
	case 37: case 45: case 46:
		return lt_nla_s32;
	case 49:
		return lt_nla_ifindex;
	case 28:
		return lt_nla_fd;
	case 26: /* IFLA_AF_SPEC */
		return lt_ifla_af_spec;
	case 12: /* IFLA_PROTINFO */
		return lt_ifla_protinfo;

	}
	return NULL;
}

static const struct lt_nla_table lt_nla_ifla = { lt_x_ifla, "IFLA_???", lt_ifla_decoder, NULL };

/* strace's print_ifindex: if_nametoindex("lo") for an interface this machine has */
void lt_put_ifindex(struct lt_dctx *c, uint32_t idx)
{
	char name[IF_NAMESIZE + 1];
	const char *n = idx ? if_indextoname(idx, name) : NULL;
	enum lt_xlat_style st = c->fmt ? c->fmt->xlat : LT_XLAT_ABBREV;
	if (!n || st != LT_XLAT_ABBREV)
		lt_put_udec(c, idx);
	if (n && st == LT_XLAT_ABBREV)
		lt_sb_printf(c->sb, "if_nametoindex(\"%s\")", n);
	else if (n && st == LT_XLAT_VERBOSE)
		lt_sb_printf(c->sb, " /* if_nametoindex(\"%s\") */", n);
}

static void lt_nl_ifinfomsg(const struct lt_nl *m, uint64_t off, uint64_t len, uint8_t family)
{
	struct lt_dctx *c = m->c;
	int attrs = 0;
	lt_sb_puts(c->sb, "{ifi_family=");
	lt_put_xlat(c, lt_x_af, family, "AF_???");
	lt_sb_puts(c->sb, ", ");
	if (len >= 16) {
		if (!lt_nl_readable(m, off + 1, 15)) {
			lt_put_ptr(c, m->addr + off + 1);
		} else {
			lt_sb_puts(c->sb, "ifi_type=");
			lt_put_xlat(c, lt_x_arphrd, RD(uint16_t, m->d, off + 2), "ARPHRD_???");
			lt_sb_puts(c->sb, ", ifi_index=");
			lt_put_ifindex(c, RD(uint32_t, m->d, off + 4));
			lt_sb_puts(c->sb, ", ifi_flags=");
			lt_put_flags(c, lt_x_iff, RD(uint32_t, m->d, off + 8));
			lt_sb_puts(c->sb, ", ifi_change=");
			lt_put_hex(c, RD(uint32_t, m->d, off + 12));
			attrs = 1;
		}
	} else {
		lt_sb_puts(c->sb, "...");
	}
	lt_sb_putc(c->sb, '}');
	if (attrs && len > 16) {
		lt_sb_puts(c->sb, ", ");
		lt_nl_attrs(m, off + 16, len - 16, &lt_nla_ifla, family);
	}
}

/* ---- route: other messages (netlink_route.c, rtnl_stats.c, rtnl_cachereport.c) ---- */

/* decode_family: a message with no decoder of its own */
void lt_nl_family(const struct lt_nl *m, uint64_t off, uint64_t len, uint8_t family)
{
	struct lt_dctx *c = m->c;
	lt_sb_puts(c->sb, "{family=");
	lt_put_xlat(c, lt_x_af, family, "AF_???");
	if (len > 1) {
		lt_sb_puts(c->sb, ", data=");
		lt_nl_hex(m, off + 1, len - 1);
	}
	lt_sb_putc(c->sb, '}');
}

int lt_nla_u64(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_unsigned(m, off, len, 8);
}

static lt_nla_fn lt_bond_3ad_decoder(unsigned type)
{
	return type <= 8 ? lt_nla_u64 : NULL;
}

/* strace names unknown BOND_3AD_STAT_* attributes BOND_XSTATS_??? */
static const struct lt_nla_table lt_nla_bond_3ad = { lt_x_bond_3ad_stat, "BOND_XSTATS_???",
						     lt_bond_3ad_decoder, NULL };

LT_NLA_NESTED(lt_nla_bond_xstats_3ad, lt_nla_bond_3ad)

static lt_nla_fn lt_bond_xstats_decoder(unsigned type)
{
	return type == 1 ? lt_nla_bond_xstats_3ad : NULL;
}

static const struct lt_nla_table lt_nla_bond_xstats = { lt_x_bond_xstats, "BOND_XSTATS_???",
							lt_bond_xstats_decoder, NULL };
static const struct lt_nla_table lt_nla_bridge_xstats = { lt_x_bridge_xstats, "BRIDGE_XSTATS_???",
							  lt_bridge_xstats_decoder, NULL };

/* LINK_XSTATS_TYPE_BRIDGE, _BOND: their own attributes */
LT_NLA_NESTED(lt_nla_xstats_bridge, lt_nla_bridge_xstats)

LT_NLA_NESTED(lt_nla_xstats_bond, lt_nla_bond_xstats)

static lt_nla_fn lt_xstats_type_decoder(unsigned type)
{
	return type == 1 ? lt_nla_xstats_bridge : type == 2 ? lt_nla_xstats_bond : NULL;
}

static const struct lt_nla_table lt_nla_link_xstats = { lt_x_link_xstats_type,
	"LINK_XSTATS_TYPE_???", lt_xstats_type_decoder, NULL };
static lt_nla_fn lt_offload_xstats_decoder(unsigned type)
{
	return type == 1 ? lt_nla_link_stats64 : NULL; /* IFLA_OFFLOAD_XSTATS_CPU_HIT */
}

static const struct lt_nla_table lt_nla_offload_xstats = { lt_x_offload_xstats,
	"IFLA_OFFLOAD_XSTATS_???", lt_offload_xstats_decoder, NULL };

static int lt_nla_link_xstats_fn(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	lt_nl_attrs(m, off, len, &lt_nla_link_xstats, 0);
	return 1;
}

static int lt_nla_offload_fn(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	lt_nl_attrs(m, off, len, &lt_nla_offload_xstats, 0);
	return 1;
}

/* struct mpls_link_stats: nine counters, then whatever follows in hex */
static int lt_nla_mpls_link(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	static const char *const f[] = { "rx_packets", "tx_packets", "rx_bytes", "tx_bytes",
		"rx_errors", "tx_errors", "rx_dropped", "tx_dropped", "rx_noroute" };
	(void)arg;
	if (len < 72)
		return 0;
	if (!lt_nl_readable(m, off, 72)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	for (int k = 0; k < 9; k++)
		lt_sb_printf(m->c->sb, "%s%s=%llu", k ? ", " : "{", f[k],
			     (unsigned long long)RD(uint64_t, m->d, off + 8 * k));
	lt_sb_putc(m->c->sb, '}');
	if (len > 72) {
		lt_sb_puts(m->c->sb, ", ");
		lt_nl_hex(m, off + 72, len - 72);
	}
	return 1;
}

static lt_nla_fn lt_mpls_stats_decoder(unsigned type)
{
	return type == 1 ? lt_nla_mpls_link : NULL;
}

static const struct lt_nla_table lt_nla_mpls_stats = { lt_x_mpls_stats, "MPLS_STATS_???",
						       lt_mpls_stats_decoder, NULL };

/* IFLA_STATS_AF_SPEC: by family, AF_MPLS's attributes, else hex */
static int lt_nla_stats_af(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t af)
{
	if (af != 28)
		return 0;
	lt_nl_attrs(m, off, len, &lt_nla_mpls_stats, 0);
	return 1;
}

static const struct lt_nla_table lt_nla_stats_af_spec = { lt_x_af, "AF_???", NULL,
							  lt_nla_stats_af };

static int lt_nla_stats_af_spec_fn(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	lt_nl_attrs(m, off, len, &lt_nla_stats_af_spec, 0);
	return 1;
}

static lt_nla_fn lt_ifla_stats_decoder(unsigned type)
{
	switch (type) {
	case 1: return lt_nla_link_stats64;      /* IFLA_STATS_LINK_64 */
	case 2: case 3: return lt_nla_link_xstats_fn;
	case 4: return lt_nla_offload_fn;
	case 5: return lt_nla_stats_af_spec_fn;
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_ifla_stats = { lt_x_ifla_stats, "IFLA_STATS_???",
						       lt_ifla_stats_decoder, NULL };

/* struct if_stats_msg: family, pads (when not 0), ifindex, filter_mask; then attributes */
static void lt_nl_ifstatsmsg(const struct lt_nl *m, uint64_t off, uint64_t len, uint8_t family)
{
	static const struct lt_xlat mask[] = { { 1, "1<<IFLA_STATS_UNSPEC" },
		{ 2, "1<<IFLA_STATS_LINK_64" }, { 4, "1<<IFLA_STATS_LINK_XSTATS" },
		{ 8, "1<<IFLA_STATS_LINK_XSTATS_SLAVE" }, { 16, "1<<IFLA_STATS_LINK_OFFLOAD_XSTATS" },
		{ 32, "1<<IFLA_STATS_AF_SPEC" }, { 0, 0 } };
	struct lt_dctx *c = m->c;
	int attrs = 0;
	lt_sb_puts(c->sb, "{family=");
	lt_put_xlat(c, lt_x_af, family, "AF_???");
	lt_sb_puts(c->sb, ", ");
	if (len >= 12) {
		if (!lt_nl_readable(m, off + 1, 11)) {
			lt_put_ptr(c, m->addr + off + 1);
		} else {
			if (m->d[off + 1])
				lt_sb_printf(c->sb, "pad1=%#x, ", m->d[off + 1]);
			if (RD(uint16_t, m->d, off + 2))
				lt_sb_printf(c->sb, "pad2=%#x, ", RD(uint16_t, m->d, off + 2));
			lt_sb_puts(c->sb, "ifindex=");
			lt_put_ifindex(c, RD(uint32_t, m->d, off + 4));
			lt_sb_puts(c->sb, ", filter_mask=");
			lt_put_flags(c, mask, RD(uint32_t, m->d, off + 8));
			attrs = 1;
		}
	} else {
		lt_sb_puts(c->sb, "...");
	}
	lt_sb_putc(c->sb, '}');
	if (attrs && len > 12) {
		lt_sb_puts(c->sb, ", ");
		lt_nl_attrs(m, off + 12, len - 12, &lt_nla_ifla_stats, family);
	}
}

static const struct lt_nla_table lt_nla_ipmra = { lt_x_ipmra_creport, "IPMRA_CREPORT_???",
						  lt_ipmra_decoder, NULL };
static const struct lt_nla_table lt_nla_ip6mra = { lt_x_ip6mra_creport, "IP6MRA_CREPORT_???",
						   lt_ip6mra_decoder, NULL };

/* RTM_NEWCACHEREPORT: struct rtgenmsg, then the multicast routing family's attributes */
static void lt_nl_cachereport(const struct lt_nl *m, uint64_t off, uint64_t len, uint8_t family)
{
	static const struct lt_xlat rtnl_family[] = { { 128, "RTNL_FAMILY_IPMR" },
		{ 129, "RTNL_FAMILY_IP6MR" }, { 0, 0 } };
	struct lt_dctx *c = m->c;
	lt_sb_puts(c->sb, "{rtgen_family=");
	if (lt_xlat_name(rtnl_family, family))
		lt_put_xlat(c, rtnl_family, family, "RTNL_FAMILY_???");
	else if (lt_xlat_name(lt_x_af, family))
		lt_put_xlat(c, lt_x_af, family, "AF_???");
	else
		lt_put_xlat(c, rtnl_family, family, "RTNL_FAMILY_???");
	lt_sb_putc(c->sb, '}');
	if (len > 4) {
		lt_sb_puts(c->sb, ", ");
		if (family == 128 || family == 129)
			lt_nl_attrs(m, off + 4, len - 4, family == 128 ? &lt_nla_ipmra : &lt_nla_ip6mra, 0);
		else
			lt_nl_hex(m, off + 4, len - 4);
	}
}

/* the route messages strace 6.1 has a decoder of its own for (its route_decoders[]) */
static int lt_nl_route_has_decoder(uint16_t type)
{
	switch (type) {
	case 16 ... 19: case 20 ... 22: case 24 ... 26: case 28 ... 30: case 32 ... 34:
	case 36 ... 38: case 40 ... 42: case 44 ... 46: case 48 ... 50: case 58: case 62:
	case 64: case 66: case 67: case 72 ... 74: case 78: case 79: case 80 ... 82: case 84 ... 86:
	case 88 ... 90: case 92: case 94: case 96: case 100 ... 102: case 104 ... 106:
		return 1;
	}
	return 0;
}

/* ---- route: nexthops (rtnl_nh.c) ---- */

static lt_nla_fn lt_nha_decoder(unsigned type)
{
	lt_nla_fn more = lt_nha_more_decoder(type);
	if (more)
		return more;
	switch (type) {
	case 1: case 4: case 9: case 11: /* NHA_ID, BLACKHOLE, GROUPS, FDB */
		return lt_nla_u32;
	case 5: case 10: /* NHA_OIF, NHA_MASTER */
		return lt_nla_ifindex;
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_nha = { lt_x_nha, "NHA_???", lt_nha_decoder, NULL };

/* struct nhmsg: family, scope, protocol, resvd (when not 0), flags; then attributes */
static void lt_nl_nhmsg(const struct lt_nl *m, uint64_t off, uint64_t len, uint8_t family)
{
	struct lt_dctx *c = m->c;
	int attrs = 0;
	lt_sb_puts(c->sb, "{nh_family=");
	lt_put_xlat(c, lt_x_af, family, "AF_???");
	lt_sb_puts(c->sb, ", ");
	if (len >= 8) {
		if (!lt_nl_readable(m, off + 1, 7)) {
			lt_put_ptr(c, m->addr + off + 1);
		} else {
			uint8_t scope = m->d[off + 1];
			lt_sb_puts(c->sb, "nh_scope=");
			if (lt_xlat_name(lt_x_rt_scope, scope)) /* no default name: plain hex */
				lt_put_xlat(c, lt_x_rt_scope, scope, "RT_SCOPE_???");
			else
				lt_put_hex(c, scope);
			lt_sb_puts(c->sb, ", nh_protocol=");
			lt_put_xlat(c, lt_x_rtprot, m->d[off + 2], "RTPROT_???");
			if (m->d[off + 3])
				lt_sb_printf(c->sb, ", resvd=%#x", m->d[off + 3]);
			lt_sb_puts(c->sb, ", nh_flags=");
			lt_put_flags(c, lt_x_rtnh_flags, RD(uint32_t, m->d, off + 4));
			attrs = 1;
		}
	} else {
		lt_sb_puts(c->sb, "...");
	}
	lt_sb_putc(c->sb, '}');
	if (attrs && len > 8) {
		lt_sb_puts(c->sb, ", ");
		lt_nl_attrs(m, off + 8, len - 8, &lt_nla_nha, family);
	}
}

/* decode_netlink_route: 1 if it printed the payload */
static int lt_nl_route(const struct lt_nl *m, uint16_t type, uint64_t off, uint64_t len)
{
	if (type == NLMSG_DONE)
		return 0;
	if (!lt_nl_readable(m, off, 1)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	uint8_t family = m->d[off];
	switch (type) {
	case 16: case 17: case 18: case 19: /* RTM_NEWLINK, DELLINK, GETLINK, SETLINK */
		lt_nl_ifinfomsg(m, off, len, family);
		return 1;
	case 30: /* RTM_GETNEIGH: of AF_BRIDGE, a link (decode_rtm_getneigh) */
		if (family != 7)
			break;
		lt_nl_ifinfomsg(m, off, len, family);
		return 1;
	case 92: case 94: /* RTM_NEWSTATS, RTM_GETSTATS */
		lt_nl_ifstatsmsg(m, off, len, family);
		return 1;
	case 104: case 105: case 106: /* RTM_NEWNEXTHOP, DELNEXTHOP, GETNEXTHOP */
		lt_nl_nhmsg(m, off, len, family);
		return 1;
	case 96: /* RTM_NEWCACHEREPORT */
		lt_nl_cachereport(m, off, len, family);
		return 1;
	}
	if (lt_nl_route_more(m, type, off, len))
		return 1;
	if (lt_nl_route_has_decoder(type))
		return 0; /* strace decodes it; not yet here: hex */
	lt_nl_family(m, off, len, family);
	return 1;
}

/* ---- sock_diag (netlink_sock_diag.c, netlink_inet_diag.c) ---- */

/* an address of family af: inet_addr("10.0.0.1"), inet_pton(AF_INET6, "::1") */
/* strace's print_inet_addr, with -X: bytes in hex, then inet_addr("...") or
 * inet_pton(AF_INET6, "...", &var); bytes of other families in hex */
void lt_put_inet_addr(struct lt_dctx *c, const uint8_t *a, size_t len, uint8_t af, const char *var)
{
	char buf[INET6_ADDRSTRLEN];
	enum lt_xlat_style st = c->fmt ? c->fmt->xlat : LT_XLAT_ABBREV;
	int v4 = af == 2 && len >= 4 && inet_ntop(AF_INET, a, buf, sizeof buf);
	int v6 = af == 10 && len >= 16 && inet_ntop(AF_INET6, a, buf, sizeof buf);
	if (!v4 && !v6) {
		if (var)
			lt_sb_printf(c->sb, "%s=", var);
		lt_put_hexstr(c, a, len);
		return;
	}
	if (var && (v4 || st != LT_XLAT_ABBREV)) /* abbreviated v6 names it as &var */
		lt_sb_printf(c->sb, "%s=", var);
	if (st != LT_XLAT_ABBREV)
		lt_put_hexstr(c, a, len);
	if (st == LT_XLAT_RAW)
		return;
	if (st == LT_XLAT_VERBOSE)
		lt_sb_puts(c->sb, " /* ");
	if (v4)
		lt_sb_printf(c->sb, "inet_addr(\"%s\")", buf);
	else if (var && st == LT_XLAT_ABBREV)
		lt_sb_printf(c->sb, "inet_pton(AF_INET6, \"%s\", &%s)", buf, var);
	else
		lt_sb_printf(c->sb, "inet_pton(AF_INET6, \"%s\")", buf);
	if (st == LT_XLAT_VERBOSE)
		lt_sb_puts(c->sb, " */");
}

/* decode_inet_addr: the len bytes at off as an address of family af, named var */
void lt_nl_inet_addr(const struct lt_nl *m, uint64_t off, uint64_t len, uint8_t af, const char *var)
{
	size_t size = af == 2 ? 4 : af == 10 ? 16 : 0;
	int whole = size && len >= size && lt_nl_readable(m, off, size);
	if (!whole && var)
		lt_sb_printf(m->c->sb, "%s=", var);
	if (!size || len < size)
		lt_nl_hex(m, off, len);
	else if (!whole)
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_put_inet_addr(m->c, m->d + off, size, af, var);
}

int lt_nla_inet_addr(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t af)
{
	lt_nl_inet_addr(m, off, len, (uint8_t)af, NULL);
	return 1;
}

/* ---- the header (netlink.c) ---- */

static void lt_nlmsghdr(const struct lt_nl *m, const uint8_t *h)
{
	struct lt_dctx *c = m->c;
	uint16_t type = RD(uint16_t, h, 4), flags = RD(uint16_t, h, 6);
	lt_sb_printf(c->sb, "{nlmsg_len=%u, nlmsg_type=", RD(uint32_t, h, 0));
	lt_nlmsg_type(m, type);
	lt_sb_puts(c->sb, ", nlmsg_flags=");
	lt_put_flags(c, lt_nlm_flags_table(m->proto, type), flags);
	lt_sb_printf(c->sb, ", nlmsg_seq=%u, nlmsg_pid=%u}", RD(uint32_t, h, 8), RD(uint32_t, h, 12));
}

static void lt_nl_msg(const struct lt_nl *m, const uint8_t *h, uint64_t off, uint64_t len);

static void lt_nl_put_u8(const struct lt_nl *m, const uint8_t *e, uint64_t k)
{
	(void)k;
	lt_sb_printf(m->c->sb, "%u", e[0]);
}

/* print_cookie's array: the bytes in decimal */
static int lt_nlmsgerr_cookie(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	lt_nl_array(m, off, len, 1, lt_nl_put_u8);
	return 1;
}

static lt_nla_fn lt_nlmsgerr_decoder(unsigned type)
{
	switch (type) {
	case 1: return lt_nla_str;          /* NLMSGERR_ATTR_MSG */
	case 2: return lt_nla_u32;          /* NLMSGERR_ATTR_OFFS */
	case 3: return lt_nlmsgerr_cookie;  /* NLMSGERR_ATTR_COOKIE */
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_nlmsgerr = { lt_x_nlmsgerr_attr, "NLMSGERR_ATTR_???",
						     lt_nlmsgerr_decoder, NULL };

/* PRINT_FIELD_ERR_D: -EACCES */
static void lt_put_err_d(struct lt_dctx *c, int32_t err)
{
	const char *name = err < 0 ? lt_errno_name(-err) : NULL;
	enum lt_xlat_style st = c->fmt ? c->fmt->xlat : LT_XLAT_ABBREV;
	if (!name || st != LT_XLAT_ABBREV)
		lt_put_dec(c, err);
	if (name && st == LT_XLAT_ABBREV)
		lt_sb_printf(c->sb, "-%s", name);
	else if (name && st == LT_XLAT_VERBOSE)
		lt_sb_printf(c->sb, " /* -%s */", name);
}

/* decode_nlmsgerr: {error=-EACCES, msg=the request with its payload}, then attributes */
static void lt_nl_nlmsgerr(const struct lt_nl *m, uint64_t off, uint64_t len, int capped)
{
	struct lt_dctx *c = m->c;
	if (len < 20) {
		lt_nl_hex(m, off, len);
		return;
	}
	if (!lt_nl_readable(m, off, 20)) {
		lt_put_ptr(c, m->addr + off);
		return;
	}
	int32_t err = RD(int32_t, m->d, off);
	uint32_t inner = RD(uint32_t, m->d, off + 4);
	off += 4;
	len -= 4;
	uint64_t n = capped ? NLMSG_HDRLEN : inner > NLMSG_HDRLEN ? inner : NLMSG_HDRLEN;
	uint64_t payload = len < n ? len : n;
	if (len > payload)
		lt_sb_putc(c->sb, '[');
	lt_sb_puts(c->sb, "{error=");
	lt_put_err_d(c, err);
	lt_sb_puts(c->sb, ", msg=");
	lt_nl_msg(m, m->d + off, off, payload);
	lt_sb_putc(c->sb, '}');
	if (len > payload) {
		lt_sb_puts(c->sb, ", ");
		lt_nl_attrs(m, off + payload, len - payload, &lt_nla_nlmsgerr, 0);
		lt_sb_putc(c->sb, ']');
	}
}

static void lt_nl_payload(const struct lt_nl *m, const uint8_t *h, uint64_t off, uint64_t len)
{
	uint16_t type = RD(uint16_t, h, 4);
	if (type == NLMSG_ERROR) {
		lt_nl_nlmsgerr(m, off, len, RD(uint16_t, h, 6) & 0x100 /* NLM_F_CAPPED */);
		return;
	}
	if (type >= NLMSG_MIN_TYPE || type == NLMSG_DONE) {
		if (m->proto == NETLINK_ROUTE && lt_nl_route(m, type, off, len))
			return;
		if (m->proto == NETLINK_SOCK_DIAG && lt_nl_sock_diag(m, h, off, len))
			return;
		if (lt_nl_proto_payload(m, h, off, len))
			return;
	}
	if (type == NLMSG_DONE && len == 4) {
		if (lt_nl_readable(m, off, 4))
			lt_put_dec(m->c, RD(int32_t, m->d, off));
		else
			lt_put_ptr(m->c, m->addr + off);
		return;
	}
	lt_nl_hex(m, off, len);
}

/* decode_nlmsghdr_with_payload: the header h (read whole), and its payload within the n
 * bytes of the message at off */
static void lt_nl_msg(const struct lt_nl *m, const uint8_t *h, uint64_t off, uint64_t n)
{
	struct lt_dctx *c = m->c;
	uint32_t nlmsg_len = RD(uint32_t, h, 0);
	if (nlmsg_len < n)
		n = nlmsg_len;
	if (n > NLMSG_HDRLEN)
		lt_sb_putc(c->sb, '[');
	lt_nlmsghdr(m, h);
	if (n > NLMSG_HDRLEN) {
		lt_sb_puts(c->sb, ", ");
		lt_nl_payload(m, h, off + NLMSG_HDRLEN, n - NLMSG_HDRLEN);
		lt_sb_putc(c->sb, ']');
	}
}

static void lt_nl_messages(const struct lt_nl *m, uint64_t off, uint64_t len)
{
	struct lt_dctx *c = m->c;
	int array = 0, verbose = c->fmt && c->fmt->verbose;
	for (unsigned elt = 0;; elt++) {
		if (len < NLMSG_HDRLEN) {
			lt_nl_hex(m, off, len);
			break;
		}
		if (!lt_nl_readable(m, off, NLMSG_HDRLEN)) {
			if (array)
				lt_sb_printf(c->sb, "... /* %#llx */", (unsigned long long)(m->addr + off));
			else
				lt_put_ptr(c, m->addr + off);
			break;
		}
		if (!verbose && elt == c->strsize) {
			lt_sb_puts(c->sb, "...");
			break;
		}
		const uint8_t *h = m->d + off;
		uint32_t nlmsg_len = RD(uint32_t, h, 0);
		uint64_t step = ((uint64_t)nlmsg_len + 3) & ~3ull, next = 0;
		if (nlmsg_len >= NLMSG_HDRLEN && len > step)
			next = len - step;
		if (!array && next) {
			lt_sb_putc(c->sb, '[');
			array = 1;
		}
		lt_nl_msg(m, h, off, len);
		if (!next)
			break;
		lt_sb_puts(c->sb, ", ");
		off += step;
		len = next;
	}
	if (array)
		lt_sb_putc(c->sb, ']');
}

int lt_put_netlink(struct lt_dctx *c, int i, int fd, uint64_t addr, uint64_t len)
{
	const struct lt_socket *s = c->fmt ? lt_sock_find(c->fmt->socks, c->ev->pid, fd) : NULL;
	if (!s || !addr)
		return 0;
	const uint8_t *d = NULL;
	const struct lt_cap *cap = lt_event_cap(c->ev, i, LT_CAP_SUB_SELF, &d);
	struct lt_nl m = { c, d, cap && !(cap->flags & LT_CAP_FAULT) ? cap->len : 0, addr, s->proto };
	if (s->proto == NETLINK_KOBJECT_UEVENT) /* udev's header, else a string as any data */
		return lt_nl_kobject_uevent(&m, len);
	lt_nl_messages(&m, 0, len);
	return 1;
}
