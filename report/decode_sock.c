/* Sockets (strace's net.c, sockaddr.c, msghdr.c): addresses by family, socket types
 * and protocols, socket options, iovecs, msghdr and mmsghdr with their control
 * messages. */
#include <stdio.h>
#include <string.h>

#include "lt_capture.h"
#include "decode_struct.h"
#include "xlat/gen.h"

static void lt_put_sockaddr_as(struct lt_dctx *c, const uint8_t *d, size_t len,
			       const char *family);

/* struct sockaddr_rxrpc's fields after sa_family, its transport an AF_INET or AF_INET6
 * address whose fields print as lt_put_sockaddr prints them */
static void lt_put_rxrpc(struct lt_dctx *c, const uint8_t *d, size_t len)
{
	static const struct lt_xlat services[] = { { 1, "CM_SERVICE" }, { 2500, "YFS_FS_SERVICE" },
		{ 2501, "YFS_CM_SERVICE" }, { 2503, "YFS_VL_SERVICE" }, { 0, 0 } };
	uint16_t service = RD(uint16_t, d, 2), tlen = RD(uint16_t, d, 6), tfam = RD(uint16_t, d, 8);
	const char *n = lt_xlat_name(services, service);
	lt_sb_printf(SB(c), ", srx_service=%#x", service);
	if (lt_st(c) != LT_XLAT_RAW)
		lt_sb_printf(SB(c), " /* %s */", n ? n : "???_SERVICE");
	lt_sb_puts(SB(c), ", transport_type=");
	lt_put_xlat(c, lt_x_socktype, RD(uint16_t, d, 4), "SOCK_???");
	lt_sb_printf(SB(c), ", transport_len=%u, transport={", tlen);
	size_t have = tlen < len - 8 ? tlen : len - 8;
	size_t rest = have > 2 ? have - 2 : 0;
	size_t full = tfam == 2 ? 16 : tfam == 10 ? 24 : 0;
	if (full) {
		lt_sb_puts(SB(c), tfam == 2 ? "sin=" : "sin6=");
		if (tlen >= full) {
			lt_put_sockaddr_as(c, d + 8, have, tfam == 2 ? "sin_family" : "sin6_family");
		} else {
			lt_sb_puts(SB(c), tfam == 2 ? "{sin_family=" : "{sin6_family=");
			lt_put_xlat(c, lt_x_af, tfam, "AF_???");
			if (rest) {
				lt_sb_puts(SB(c), ", ");
				lt_put_quoted(c, d + 10, rest, 0);
			}
			lt_sb_putc(SB(c), '}');
		}
	} else {
		lt_sb_puts(SB(c), "family=");
		lt_put_xlat(c, lt_x_af, tfam, "AF_???");
		if (rest) {
			lt_sb_puts(SB(c), ", ");
			lt_put_quoted(c, d + 10, rest, 0);
		}
	}
	lt_sb_putc(SB(c), '}');
}

void lt_put_sockaddr(struct lt_dctx *c, const uint8_t *d, size_t len)
{
	lt_put_sockaddr_as(c, d, len, "sa_family");
}

/* a sockaddr whose family field is named family (an RxRPC transport's is "sin_family") */
static void lt_put_sockaddr_as(struct lt_dctx *c, const uint8_t *d, size_t len,
			       const char *family)
{
	if (len < 2) {
		lt_sb_puts(SB(c), "{}");
		return;
	}
	uint16_t fam = RD(uint16_t, d, 0);
	lt_sb_printf(SB(c), "{%s=", family);
	lt_put_xlat(c, lt_x_af, fam, "AF_???");
	if (fam == 1) { /* AF_UNIX */
		if (len > 2) {
			const uint8_t *p = d + 2;
			size_t n = len - 2;
			lt_sb_puts(SB(c), ", sun_path=");
			if (p[0] == 0 && n > 0) {
				/* abstract: the name is all the bytes after the NUL */
				lt_sb_putc(SB(c), '@');
				lt_put_quoted(c, p + 1, n - 1, 0);
			} else {
				const uint8_t *z = memchr(p, 0, n);
				lt_put_quoted(c, p, z ? (size_t)(z - p) : n, 0);
			}
		}
	} else if (fam == 2 && len >= 8) { /* AF_INET */
		const uint8_t *a = d + 4;
		lt_sb_printf(SB(c), ", sin_port=htons(%u), sin_addr=inet_addr(\"%u.%u.%u.%u\")",
			     (unsigned)(d[2] << 8 | d[3]), a[0], a[1], a[2], a[3]);
	} else if (fam == 10 && len >= 24) { /* AF_INET6 */
		char buf[64];
		const uint8_t *a = d + 8;
		/* the usual text form: longest run of zero groups as "::" */
		unsigned g[8];
		for (int k = 0; k < 8; k++)
			g[k] = (unsigned)(a[2 * k] << 8 | a[2 * k + 1]);
		int best = -1, bestlen = 1;
		for (int k = 0; k < 8;) {
			if (g[k]) {
				k++;
				continue;
			}
			int e = k;
			while (e < 8 && !g[e])
				e++;
			if (e - k > bestlen) {
				best = k;
				bestlen = e - k;
			}
			k = e;
		}
		size_t o = 0;
		int v4 = best == 0 && (bestlen == 6 || (bestlen == 5 && g[5] == 0xffff));
		for (int k = 0; k < 8 && o < sizeof buf - 8; k++) {
			if (k == best) {
				o += (size_t)snprintf(buf + o, sizeof buf - o, "::");
				k += bestlen - 1;
				if (v4) {
					if (bestlen == 5)
						o += (size_t)snprintf(buf + o, sizeof buf - o, "ffff:");
					snprintf(buf + o, sizeof buf - o, "%u.%u.%u.%u", a[12], a[13], a[14],
						 a[15]);
					o = strlen(buf);
					break;
				}
				continue;
			}
			if (o && buf[o - 1] != ':')
				buf[o++] = ':';
			o += (size_t)snprintf(buf + o, sizeof buf - o, "%x", g[k]);
		}
		buf[o < sizeof buf ? o : sizeof buf - 1] = 0;
		if (!v4)
			buf[o] = 0;
		lt_sb_printf(SB(c), ", sin6_port=htons(%u), sin6_flowinfo=htonl(%u)"
			     ", inet_pton(AF_INET6, \"%s\", &sin6_addr)",
			     (unsigned)(d[2] << 8 | d[3]),
			     (unsigned)(d[4] << 24 | d[5] << 16 | d[6] << 8 | d[7]), buf);
		if (len >= 28)
			lt_sb_printf(SB(c), ", sin6_scope_id=%u", RD(uint32_t, d, 24));
	} else if (fam == 33 && len >= 36) { /* AF_RXRPC */
		lt_put_rxrpc(c, d, len);
	} else if (fam == 16 && len >= 12) { /* AF_NETLINK */
		lt_sb_printf(SB(c), ", nl_pid=%d, nl_groups=%08x", RD(int32_t, d, 4), RD(uint32_t, d, 8));
	} else {
		lt_sb_puts(SB(c), ", sa_data="); /* all of it, as strace shows it */
		lt_put_quoted(c, d + 2, len - 2, 0);
	}
	lt_sb_putc(SB(c), '}');
}

static void lt_put_sockaddr_arg(struct lt_dctx *c, int i, int out)
{
	size_t len;
	uint64_t a = c->ev->args[i];
	const uint8_t *d = (!out || lt_ok(c)) ? lt_cap_get(c, i, LT_CAP_SUB_SELF, 1, &len) : NULL;
	/* an address the kernel wrote: only as much of it as the caller's buffer held */
	const uint8_t *in = out && d && i + 1 < 6 ? lt_cap_get(c, i + 1, LT_SUB_ENTRY, 4, NULL) : NULL;
	if (in && RD(uint32_t, in, 0) < len)
		len = RD(uint32_t, in, 0);
	if (d && !len)
		d = NULL;
	if (!a)
		lt_sb_puts(SB(c), "NULL");
	else if (d)
		lt_put_sockaddr(c, d, len);
	else
		lt_put_ptr(c, a);
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
	if (in && out && RD(uint32_t, in, 0) != RD(uint32_t, out, 0))
		lt_sb_printf(SB(c), "[%u => %u]", RD(uint32_t, in, 0), RD(uint32_t, out, 0));
	else
		lt_sb_printf(SB(c), "[%u]", RD(uint32_t, out ? out : in, 0));
}

static const struct lt_xlat lt_x_netlink[] = {
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

static const struct lt_xlat lt_x_tcp_opt[] = {
	{ 1, "TCP_NODELAY" }, { 2, "TCP_MAXSEG" }, { 3, "TCP_CORK" }, { 4, "TCP_KEEPIDLE" },
	{ 5, "TCP_KEEPINTVL" }, { 6, "TCP_KEEPCNT" }, { 7, "TCP_SYNCNT" }, { 8, "TCP_LINGER2" },
	{ 9, "TCP_DEFER_ACCEPT" }, { 10, "TCP_WINDOW_CLAMP" }, { 11, "TCP_INFO" },
	{ 12, "TCP_QUICKACK" }, { 13, "TCP_CONGESTION" }, { 14, "TCP_MD5SIG" },
	{ 18, "TCP_USER_TIMEOUT" }, { 23, "TCP_FASTOPEN" }, { 25, "TCP_NOTSENT_LOWAT" },
	{ 30, "TCP_FASTOPEN_CONNECT" }, { 31, "TCP_ULP" }, { 0, 0 }
};
static const struct lt_xlat lt_x_ip_opt[] = {
	{ 1, "IP_TOS" }, { 2, "IP_TTL" }, { 3, "IP_HDRINCL" }, { 4, "IP_OPTIONS" },
	{ 6, "IP_RECVOPTS" }, { 8, "IP_PKTINFO" }, { 10, "IP_MTU_DISCOVER" }, { 11, "IP_RECVERR" },
	{ 12, "IP_RECVTTL" }, { 13, "IP_RECVTOS" }, { 14, "IP_MTU" }, { 15, "IP_FREEBIND" },
	{ 19, "IP_TRANSPARENT" }, { 24, "IP_BIND_ADDRESS_NO_PORT" }, { 32, "IP_MULTICAST_IF" },
	{ 33, "IP_MULTICAST_TTL" }, { 34, "IP_MULTICAST_LOOP" }, { 35, "IP_ADD_MEMBERSHIP" },
	{ 36, "IP_DROP_MEMBERSHIP" }, { 0, 0 }
};
static const struct lt_xlat lt_x_ipv6_opt[] = {
	{ 16, "IPV6_UNICAST_HOPS" }, { 17, "IPV6_MULTICAST_IF" }, { 18, "IPV6_MULTICAST_HOPS" },
	{ 19, "IPV6_MULTICAST_LOOP" }, { 20, "IPV6_ADD_MEMBERSHIP" }, { 21, "IPV6_DROP_MEMBERSHIP" },
	{ 23, "IPV6_MTU_DISCOVER" }, { 24, "IPV6_MTU" }, { 25, "IPV6_RECVERR" },
	{ 26, "IPV6_V6ONLY" }, { 49, "IPV6_RECVPKTINFO" }, { 67, "IPV6_TCLASS" }, { 0, 0 }
};

static void lt_put_sockopt_name(struct lt_dctx *c, uint32_t level, uint32_t name)
{
	switch (level) {
	case 1: lt_put_xlat(c, lt_x_so, name, "SO_???"); return;
	case 6: lt_put_xlat(c, lt_x_tcp_opt, name, "TCP_???"); return;
	case 0: lt_put_xlat(c, lt_x_ip_opt, name, "IP_???"); return;
	case 41: lt_put_xlat(c, lt_x_ipv6_opt, name, "IPV6_???"); return;
	case 270: lt_put_xlat(c, lt_x_sol_netlink, name, "NETLINK_???"); return;
	}
	lt_put_dec(c, name);
}

/* SOL_SOCKET options whose value strace prints as an int (its print_[gs]etsockopt) */
static int lt_so_int_like(uint32_t name)
{
	switch (name) {
	case 1: case 2: case 5 ... 12: case 14: case 15: case 16: case 18: case 19: case 27:
	case 29: case 30: case 32 ... 37: case 40 ... 46: case 49: case 53: case 56: case 60:
	case 63 ... 65: case 68 ... 70: case 73: case 75:
		return 1;
	}
	return 0;
}

/* setsockopt's value (out 0: len is the argument), getsockopt's (out 1: the length the
 * kernel returned) */
static void lt_put_sockopt_val(struct lt_dctx *c, int i, int out)
{
	size_t have = 0;
	const uint64_t *g = c->ev->args;
	uint64_t a = g[i];
	uint32_t level = (uint32_t)g[1], name = (uint32_t)g[2];
	const uint8_t *d = (!out || lt_ok(c)) ? lt_cap_get(c, i, LT_CAP_SUB_SELF, 1, &have) : NULL;
	int64_t len = (int32_t)g[i + 1];
	if (out) {
		const uint8_t *r = lt_ok(c) ? lt_cap_get(c, i + 1, LT_CAP_SUB_SELF, 4, NULL) : NULL;
		len = r ? RD(int32_t, r, 0) : 0;
		if (len <= 0)
			d = NULL;
	}
	if (!a) {
		lt_sb_puts(SB(c), "NULL");
		return;
	}
	int as_int = (level == 1 && lt_so_int_like(name)) || level == 270 /* SOL_NETLINK */;
	/* the planner copies up to 64 bytes: shorter, the memory ended (strace: the address) */
	uint64_t want = (uint64_t)len < 64 ? (uint64_t)len : 64;
	if (as_int && (len >= 4 || !out))
		want = 4;
	if (!d || len < 0 || (len > 0 && have < want) || (as_int && !out && len < 4)) {
		lt_put_ptr(c, a);
		return;
	}
	if (len == 4 || (as_int && len >= 4)) {
		lt_sb_printf(SB(c), "[%d]", RD(int32_t, d, 0));
		return;
	}
	size_t n = (size_t)len < have ? (size_t)len : have;
	int fh = c->force_hex;
	c->force_hex = as_int; /* a short int-like value: its bytes in hex */
	lt_put_quoted(c, d, n > c->strsize ? c->strsize : n, n > c->strsize);
	c->force_hex = fh;
}

/* iovec array at (i, array_sub) with buffers at subs buf_sub0.., for out calls showing at
 * most total bytes of data. */
static void lt_put_iov_at(struct lt_dctx *c, int i, unsigned array_sub, unsigned buf_sub0,
			  uint64_t addr, uint64_t cnt, int out, uint64_t total)
{
	size_t len;
	const uint8_t *d = lt_cap_get(c, i, array_sub, 16, &len);
	if (!addr) {
		lt_sb_puts(SB(c), "NULL");
		return;
	}
	if (!d || (out && !lt_ok(c))) {
		lt_put_ptr(c, addr);
		return;
	}
	uint64_t n = len / 16;
	if (n > cnt)
		n = cnt;
	lt_sb_putc(SB(c), '[');
	for (uint64_t k = 0; k < n; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		if (k >= LT_CAP_MAX_ELEMS || (k >= c->strsize && !lt_verbose(c))) {
			lt_sb_puts(SB(c), "...");
			break;
		}
		uint64_t base = RD(uint64_t, d, k * 16), ilen = RD(uint64_t, d, k * 16 + 8);
		uint64_t show = ilen < total ? ilen : total;
		lt_sb_puts(SB(c), "{iov_base=");
		if (out && !show && !total)
			lt_put_ptr(c, base);
		else
			lt_put_buf(c, i, buf_sub0 + (unsigned)k, base, show);
		total -= show;
		lt_sb_printf(SB(c), ", iov_len=%llu}", (unsigned long long)ilen);
	}
	if (n < cnt && n == len / 16 && n < LT_CAP_MAX_ELEMS)
		lt_sb_puts(SB(c), n ? ", ..." : "...");
	lt_sb_putc(SB(c), ']');
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
		if (type == 1 && n >= 4) {
			lt_sb_puts(SB(c), ", cmsg_data=[");
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
		} else if (type == 2 && n >= 12) {
			lt_sb_printf(SB(c), ", cmsg_data={pid=%d, uid=%u, gid=%u}", RD(int32_t, d, 0),
				     RD(uint32_t, d, 4), RD(uint32_t, d, 8));
		} else if (type == 3 && n >= 1) {
			lt_sb_puts(SB(c), ", cmsg_data=");
			lt_put_quoted(c, d, n, 0);
		}
	} else if (level == 0 /* SOL_IP */) {
		lt_put_xlat(c, ip, (uint32_t)type, "IP_???");
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
	size_t nl;
	const uint8_t *nd = lt_cap_get(c, i, name_sub, 1, &nl);
	lt_sb_puts(SB(c), "{msg_name=");
	if (!name)
		lt_sb_puts(SB(c), "NULL");
	else if (nd)
		lt_put_sockaddr(c, nd, nl);
	else
		lt_put_ptr(c, name);
	/* recvmsg's namelen is in and out: both when they differ */
	if (entry && RD(uint32_t, entry, 8) != namelen)
		lt_sb_printf(SB(c), ", msg_namelen=%u => %u", RD(uint32_t, entry, 8), namelen);
	else
		lt_sb_printf(SB(c), ", msg_namelen=%u", namelen);
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
	if (!m) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	uint64_t total = c->done && c->ev->ret >= 0 ? (uint64_t)c->ev->ret : (uint64_t)-1;
	lt_put_msghdr_fields(c, i, m, out ? lt_cap_get(c, i, LT_SUB_ENTRY, 56, NULL) : NULL,
			     LT_SUB_MSG_NAME, LT_SUB_MSG_IOV, 0, total);
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

void lt_put_sockopt_name_arg(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_sockopt_name(c, (uint32_t)c->ev->args[1], (uint32_t)c->ev->args[i]);
}

void lt_put_sockopt_val_arg(struct lt_dctx *c, int i, int kind)
{
	lt_put_sockopt_val(c, i, kind == LT_K_SOCKOPT_VAL_OUT);
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
	int out = kind == LT_K_IOVEC_OUT;
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
