/* Socket options (strace's net.c: print_sockopt_fd_level_name, print_getsockopt,
 * print_setsockopt): the option's name by level, getsockopt's and setsockopt's values. */
#include <string.h>

#include "lt_errno.h"
#include "decode_struct.h"
#include "xlat/gen.h"

/* strace 6.1's sock_*_options.in, packet_mreq_type.in, icmp_filter_flags.in,
 * sockopt_txrehash_vals.in */
static const struct lt_xlat lt_x_ip_opt[] = {
	{ 1, "IP_TOS" }, { 2, "IP_TTL" }, { 3, "IP_HDRINCL" }, { 4, "IP_OPTIONS" },
	{ 5, "IP_ROUTER_ALERT" }, { 6, "IP_RECVOPTS" }, { 7, "IP_RETOPTS" },
	{ 8, "IP_PKTINFO" }, { 9, "IP_PKTOPTIONS" }, { 10, "IP_MTU_DISCOVER" },
	{ 11, "IP_RECVERR" }, { 12, "IP_RECVTTL" }, { 13, "IP_RECVTOS" }, { 14, "IP_MTU" },
	{ 15, "IP_FREEBIND" }, { 16, "IP_IPSEC_POLICY" }, { 17, "IP_XFRM_POLICY" },
	{ 18, "IP_PASSSEC" }, { 19, "IP_TRANSPARENT" }, { 20, "IP_ORIGDSTADDR" },
	{ 21, "IP_MINTTL" }, { 22, "IP_NODEFRAG" }, { 23, "IP_CHECKSUM" },
	{ 24, "IP_BIND_ADDRESS_NO_PORT" }, { 25, "IP_RECVFRAGSIZE" },
	{ 26, "IP_RECVERR_RFC4884" }, { 32, "IP_MULTICAST_IF" }, { 33, "IP_MULTICAST_TTL" },
	{ 34, "IP_MULTICAST_LOOP" }, { 35, "IP_ADD_MEMBERSHIP" }, { 36, "IP_DROP_MEMBERSHIP" },
	{ 37, "IP_UNBLOCK_SOURCE" }, { 38, "IP_BLOCK_SOURCE" },
	{ 39, "IP_ADD_SOURCE_MEMBERSHIP" }, { 40, "IP_DROP_SOURCE_MEMBERSHIP" },
	{ 41, "IP_MSFILTER" }, { 42, "MCAST_JOIN_GROUP" }, { 43, "MCAST_BLOCK_SOURCE" },
	{ 44, "MCAST_UNBLOCK_SOURCE" }, { 45, "MCAST_LEAVE_GROUP" },
	{ 46, "MCAST_JOIN_SOURCE_GROUP" }, { 47, "MCAST_LEAVE_SOURCE_GROUP" },
	{ 48, "MCAST_MSFILTER" }, { 49, "IP_MULTICAST_ALL" }, { 50, "IP_UNICAST_IF" }, { 0, 0 }
};
static const struct lt_xlat lt_x_ipv6_opt[] = {
	{ 1, "IPV6_ADDRFORM" }, { 2, "IPV6_2292PKTINFO" }, { 3, "IPV6_2292HOPOPTS" },
	{ 4, "IPV6_2292DSTOPTS" }, { 5, "IPV6_2292RTHDR" }, { 6, "IPV6_2292PKTOPTIONS" },
	{ 7, "IPV6_CHECKSUM" }, { 8, "IPV6_2292HOPLIMIT" }, { 9, "IPV6_NEXTHOP" },
	{ 10, "IPV6_AUTHHDR" }, { 11, "IPV6_FLOWINFO" }, { 16, "IPV6_UNICAST_HOPS" },
	{ 17, "IPV6_MULTICAST_IF" }, { 18, "IPV6_MULTICAST_HOPS" },
	{ 19, "IPV6_MULTICAST_LOOP" }, { 20, "IPV6_ADD_MEMBERSHIP" },
	{ 21, "IPV6_DROP_MEMBERSHIP" }, { 22, "IPV6_ROUTER_ALERT" },
	{ 23, "IPV6_MTU_DISCOVER" }, { 24, "IPV6_MTU" }, { 25, "IPV6_RECVERR" },
	{ 26, "IPV6_V6ONLY" }, { 27, "IPV6_JOIN_ANYCAST" }, { 28, "IPV6_LEAVE_ANYCAST" },
	{ 29, "IPV6_MULTICAST_ALL" }, { 30, "IPV6_ROUTER_ALERT_ISOLATE" },
	{ 31, "IPV6_RECVERR_RFC4884" }, { 32, "IPV6_FLOWLABEL_MGR" },
	{ 33, "IPV6_FLOWINFO_SEND" }, { 34, "IPV6_IPSEC_POLICY" }, { 35, "IPV6_XFRM_POLICY" },
	{ 36, "IPV6_HDRINCL" }, { 42, "MCAST_JOIN_GROUP" }, { 43, "MCAST_BLOCK_SOURCE" },
	{ 44, "MCAST_UNBLOCK_SOURCE" }, { 45, "MCAST_LEAVE_GROUP" },
	{ 46, "MCAST_JOIN_SOURCE_GROUP" }, { 47, "MCAST_LEAVE_SOURCE_GROUP" },
	{ 48, "MCAST_MSFILTER" }, { 49, "IPV6_RECVPKTINFO" }, { 50, "IPV6_PKTINFO" },
	{ 51, "IPV6_RECVHOPLIMIT" }, { 52, "IPV6_HOPLIMIT" }, { 53, "IPV6_RECVHOPOPTS" },
	{ 54, "IPV6_HOPOPTS" }, { 55, "IPV6_RTHDRDSTOPTS" }, { 56, "IPV6_RECVRTHDR" },
	{ 57, "IPV6_RTHDR" }, { 58, "IPV6_RECVDSTOPTS" }, { 59, "IPV6_DSTOPTS" },
	{ 60, "IPV6_RECVPATHMTU" }, { 61, "IPV6_PATHMTU" }, { 62, "IPV6_DONTFRAG" },
	{ 63, "IPV6_USE_MIN_MTU" }, { 66, "IPV6_RECVTCLASS" }, { 67, "IPV6_TCLASS" },
	{ 70, "IPV6_AUTOFLOWLABEL" }, { 72, "IPV6_ADDR_PREFERENCES" },
	{ 73, "IPV6_MINHOPCOUNT" }, { 74, "IPV6_ORIGDSTADDR" }, { 75, "IPV6_TRANSPARENT" },
	{ 76, "IPV6_UNICAST_IF" }, { 77, "IPV6_RECVFRAGSIZE" }, { 78, "IPV6_FREEBIND" },
	{ 0, 0 }
};
static const struct lt_xlat lt_x_tcp_opt[] = {
	{ 1, "TCP_NODELAY" }, { 2, "TCP_MAXSEG" }, { 3, "TCP_CORK" }, { 4, "TCP_KEEPIDLE" },
	{ 5, "TCP_KEEPINTVL" }, { 6, "TCP_KEEPCNT" }, { 7, "TCP_SYNCNT" },
	{ 8, "TCP_LINGER2" }, { 9, "TCP_DEFER_ACCEPT" }, { 10, "TCP_WINDOW_CLAMP" },
	{ 11, "TCP_INFO" }, { 12, "TCP_QUICKACK" }, { 13, "TCP_CONGESTION" },
	{ 14, "TCP_MD5SIG" }, { 15, "TCP_COOKIE_TRANSACTIONS" },
	{ 16, "TCP_THIN_LINEAR_TIMEOUTS" }, { 17, "TCP_THIN_DUPACK" },
	{ 18, "TCP_USER_TIMEOUT" }, { 19, "TCP_REPAIR" }, { 20, "TCP_REPAIR_QUEUE" },
	{ 21, "TCP_QUEUE_SEQ" }, { 22, "TCP_REPAIR_OPTIONS" }, { 23, "TCP_FASTOPEN" },
	{ 24, "TCP_TIMESTAMP" }, { 25, "TCP_NOTSENT_LOWAT" }, { 26, "TCP_CC_INFO" },
	{ 27, "TCP_SAVE_SYN" }, { 28, "TCP_SAVED_SYN" }, { 29, "TCP_REPAIR_WINDOW" },
	{ 30, "TCP_FASTOPEN_CONNECT" }, { 31, "TCP_ULP" }, { 32, "TCP_MD5SIG_EXT" },
	{ 33, "TCP_FASTOPEN_KEY" }, { 34, "TCP_FASTOPEN_NO_COOKIE" },
	{ 35, "TCP_ZEROCOPY_RECEIVE" }, { 36, "TCP_INQ" }, { 37, "TCP_TX_DELAY" }, { 0, 0 }
};
static const struct lt_xlat lt_x_packet_opt[] = {
	{ 1, "PACKET_ADD_MEMBERSHIP" }, { 2, "PACKET_DROP_MEMBERSHIP" },
	{ 3, "PACKET_RECV_OUTPUT" }, { 5, "PACKET_RX_RING" }, { 6, "PACKET_STATISTICS" },
	{ 7, "PACKET_COPY_THRESH" }, { 8, "PACKET_AUXDATA" }, { 9, "PACKET_ORIGDEV" },
	{ 10, "PACKET_VERSION" }, { 11, "PACKET_HDRLEN" }, { 12, "PACKET_RESERVE" },
	{ 13, "PACKET_TX_RING" }, { 14, "PACKET_LOSS" }, { 15, "PACKET_VNET_HDR" },
	{ 16, "PACKET_TX_TIMESTAMP" }, { 17, "PACKET_TIMESTAMP" }, { 18, "PACKET_FANOUT" },
	{ 19, "PACKET_TX_HAS_OFF" }, { 20, "PACKET_QDISC_BYPASS" },
	{ 21, "PACKET_ROLLOVER_STATS" }, { 22, "PACKET_FANOUT_DATA" },
	{ 23, "PACKET_IGNORE_OUTGOING" }, { 0, 0 }
};
static const struct lt_xlat lt_x_icmp_filter[] = {
	{ 0, "ICMP_ECHOREPLY" }, { 3, "ICMP_DEST_UNREACH" }, { 4, "ICMP_SOURCE_QUENCH" },
	{ 5, "ICMP_REDIRECT" }, { 8, "ICMP_ECHO" }, { 11, "ICMP_TIME_EXCEEDED" },
	{ 12, "ICMP_PARAMETERPROB" }, { 13, "ICMP_TIMESTAMP" }, { 14, "ICMP_TIMESTAMPREPLY" },
	{ 15, "ICMP_INFO_REQUEST" }, { 16, "ICMP_INFO_REPLY" }, { 17, "ICMP_ADDRESS" },
	{ 18, "ICMP_ADDRESSREPLY" }, { 0, 0 }
};
static const struct lt_xlat lt_x_packet_mr[] = {
	{ 0, "PACKET_MR_MULTICAST" }, { 1, "PACKET_MR_PROMISC" }, { 2, "PACKET_MR_ALLMULTI" },
	{ 3, "PACKET_MR_UNICAST" }, { 0, 0 }
};
static const struct lt_xlat lt_x_txrehash[] = {
	{ 0, "SOCK_TXREHASH_DISABLED" }, { 1, "SOCK_TXREHASH_ENABLED" },
	{ 255, "SOCK_TXREHASH_DEFAULT" }, { 0, 0 }
};
static const struct lt_xlat lt_x_udp_opt[] = {
	{ 1, "UDP_CORK" }, { 100, "UDP_ENCAP" }, { 101, "UDP_NO_CHECK6_TX" },
	{ 102, "UDP_NO_CHECK6_RX" }, { 103, "UDP_SEGMENT" }, { 104, "UDP_GRO" }, { 0, 0 }
};
static const struct lt_xlat lt_x_raw_opt[] = { { 1, "ICMP_FILTER" }, { 0, 0 } };
/* option 26 of SOL_SOCKET is named by the call: strace's getsock_options, setsock_options */
static const struct lt_xlat lt_x_so_get[] = { { 26, "SO_GET_FILTER" }, { 0, 0 } };
static const struct lt_xlat lt_x_so_set[] = { { 26, "SO_ATTACH_FILTER" }, { 0, 0 } };

static int lt_is_getsockopt(struct lt_dctx *c)
{
	return c->ev->nr == LT_NR_getsockopt;
}

static void lt_put_sockopt_name(struct lt_dctx *c, uint32_t level, uint32_t name)
{
	const struct lt_xlat *t;
	const char *unk;
	switch (level) {
	case 1:
		t = name == 26 ? (lt_is_getsockopt(c) ? lt_x_so_get : lt_x_so_set) : lt_x_so;
		unk = "SO_???";
		break;
	case 0: t = lt_x_ip_opt; unk = "IP_???"; break;
	case 41: t = lt_x_ipv6_opt; unk = "IPV6_???"; break;
	case 6: t = lt_x_tcp_opt; unk = "TCP_???"; break;
	case 17: t = lt_x_udp_opt; unk = "UDP_???"; break;
	case 255: t = lt_x_raw_opt; unk = "RAW_???"; break;
	case 263: t = lt_x_packet_opt; unk = "PACKET_???"; break;
	case 270: t = lt_x_sol_netlink; unk = "NETLINK_???"; break;
	default:
		lt_put_udec(c, name);
		return;
	}
	lt_put_xlat(c, t, name, unk);
}

/* the socket filter's special offsets (strace's bpf_sock_filter.c); the instructions
 * themselves are printed by decode_seccomp.c's lt_put_bpf_code */
static const struct lt_xlat lt_x_skf_off[] = { { 0xfffff000u, "SKF_AD_OFF" },
	{ 0xfff00000u, "SKF_NET_OFF" }, { 0xffe00000u, "SKF_LL_OFF" }, { 0, 0 } };

/* a socket filter's k: the special offsets of BPF_LD|BPF_ABS by name */
void lt_put_sock_filter_k(struct lt_dctx *c, uint16_t code, uint32_t k)
{
	uint32_t off = k >= 0xfffff000u ? 0xfffff000u : k >= 0xfff00000u ? 0xfff00000u
			: k >= 0xffe00000u ? 0xffe00000u : 0;
	if ((code & 7) != 0 || (code & 0xe0) != 0x20 || !off) {
		lt_sb_printf(SB(c), k ? "%#x" : "%u", k);
		return;
	}
	const char *n = lt_xlat_name(lt_x_skf_off, off); /* strace's print_xlat32: hex */
	if (lt_st(c) == LT_XLAT_ABBREV)
		lt_sb_puts(SB(c), n);
	else if (lt_st(c) == LT_XLAT_RAW)
		lt_sb_printf(SB(c), "%#x", off);
	else
		lt_sb_printf(SB(c), "%#x /* %s */", off, n);
	lt_sb_putc(SB(c), '+');
	if (off == 0xfffff000u)
		lt_put_xlat(c, lt_x_skf_ad, k - off, "SKF_AD_???");
	else
		lt_sb_printf(SB(c), "%u", k - off);
}

static int lt_elem_bpf(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	uint16_t code = RD(uint16_t, e, 0);
	uint8_t jt = e[2], jf = e[3];
	uint32_t kv = RD(uint32_t, e, 4);
	(void)k;
	(void)opaque;
	lt_sb_puts(SB(c), jt || jf ? "BPF_JUMP(" : "BPF_STMT(");
	lt_put_bpf_code(c, code, 0); /* decode_seccomp.c: strace's bpf_filter.c */
	lt_sb_puts(SB(c), ", ");
	if (jt || jf)
		lt_sb_printf(SB(c), kv ? "%#x, " : "%u, ", kv);
	else
		lt_put_sock_filter_k(c, code, kv);
	if (jt || jf) {
		lt_sb_printf(SB(c), jt ? "%#x, " : "%u, ", jt);
		lt_sb_printf(SB(c), jf ? "%#x" : "%u", jf);
	}
	lt_sb_putc(SB(c), ')');
	return 1;
}

/* strace's print_bpf_fprog: n instructions, under -v only (else the address) */
static void lt_put_bpf_prog(struct lt_dctx *c, int i, unsigned sub, uint64_t addr, uint64_t n)
{
	if (!lt_verbose(c))
		lt_put_ptr(c, addr);
	else
		lt_put_array(c, i, sub, addr, n, 8, lt_elem_bpf, NULL);
}

/* SOL_SOCKET options whose value strace prints as an int (its "int-like options") */
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

/* The option's bytes when at least need of them were copied (strace's umove), else
 * the address is printed and NULL returned. */
static const uint8_t *lt_optval(struct lt_dctx *c, int i, size_t need)
{
	size_t have = 0;
	const uint8_t *d = lt_cap_get(c, i, LT_CAP_SUB_SELF, 1, &have);
	if (d && have >= need)
		return d;
	lt_put_ptr(c, c->ev->args[i]);
	return NULL;
}

/* strace's printnum_int: [%d] */
static void lt_put_optint(struct lt_dctx *c, int i)
{
	const uint8_t *d = lt_optval(c, i, 4);
	if (d)
		lt_sb_printf(SB(c), "[%d]", RD(int32_t, d, 0));
}

/* A structure of 4-byte fields of which len bytes were returned (MAYBE_PRINT_FIELD_LEN):
 * whole fields as fmt says ('d', 'u', 'i': an id), a partial one as hex bytes */
static void lt_put_fields_len(struct lt_dctx *c, const uint8_t *d, size_t len,
			      const char *const *names, const char *fmt)
{
	lt_sb_putc(SB(c), '{');
	for (size_t k = 0; names[k] && len > 4 * k; k++) {
		lt_sb_printf(SB(c), "%s%s=", k ? ", " : "", names[k]);
		if (len < 4 * k + 4)
			lt_put_hexbytes(c, d + 4 * k, len - 4 * k);
		else if (fmt[k] == 'd')
			lt_sb_printf(SB(c), "%d", RD(int32_t, d, 4 * k));
		else if (fmt[k] == 'i' && RD(int32_t, d, 4 * k) == -1)
			lt_sb_puts(SB(c), "-1");
		else
			lt_sb_printf(SB(c), "%u", RD(uint32_t, d, 4 * k));
	}
	lt_sb_putc(SB(c), '}');
}

/* ICMP_FILTER: the ICMP types filtered, "~[...]" for those let through when most are */
static void lt_put_icmp_filter(struct lt_dctx *c, int i, int64_t len)
{
	if (len <= 0) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	size_t n = len > 4 ? 4 : (size_t)len;
	const uint8_t *d = lt_optval(c, i, n);
	if (!d)
		return;
	uint32_t v = ~0u;
	memcpy(&v, d, n);
	if (__builtin_popcount(v) > 16) {
		v = ~v;
		lt_sb_putc(SB(c), '~');
	}
	lt_sb_putc(SB(c), '[');
	for (int b = 0, any = 0; b < 32; b++) {
		if (!(v >> b & 1))
			continue;
		if (any++)
			lt_sb_putc(SB(c), ' ');
		lt_put_xlat(c, lt_x_icmp_filter, (uint64_t)b, "ICMP_???");
	}
	lt_sb_putc(SB(c), ']');
}

/* SO_ERROR's value: the errno's name, as strace's print_err */
static void lt_put_so_error(struct lt_dctx *c, uint32_t e)
{
	const char *n = e < 4096 ? lt_errno_name((int)e) : NULL;
	lt_sb_putc(SB(c), '[');
	if (!n || lt_st(c) != LT_XLAT_ABBREV)
		lt_sb_printf(SB(c), "%u", e);
	if (n && lt_st(c) == LT_XLAT_ABBREV)
		lt_sb_puts(SB(c), n);
	else if (n && lt_st(c) == LT_XLAT_VERBOSE)
		lt_sb_printf(SB(c), " /* %s */", n);
	lt_sb_putc(SB(c), ']');
}

/* SO_TXREHASH's value: a name, unknown ones in decimal (strace's printxval_d) */
static void lt_put_txrehash(struct lt_dctx *c, int32_t v)
{
	const char *n = lt_xlat_name(lt_x_txrehash, (uint64_t)(int64_t)v);
	lt_sb_putc(SB(c), '[');
	if (!n || lt_st(c) != LT_XLAT_ABBREV)
		lt_sb_printf(SB(c), "%d", v);
	if (lt_st(c) != LT_XLAT_RAW && (!n || lt_st(c) == LT_XLAT_VERBOSE))
		lt_sb_printf(SB(c), " /* %s */", n ? n : "SOCK_TXREHASH_???");
	else if (n && lt_st(c) == LT_XLAT_ABBREV)
		lt_sb_puts(SB(c), n);
	lt_sb_putc(SB(c), ']');
}

/* An int value (SO_ERROR, SO_TXREHASH, the int-like options): the bytes in hex when
 * fewer than 4 were returned */
static void lt_put_getsockopt_int(struct lt_dctx *c, int i, uint32_t name, int64_t rlen)
{
	const uint8_t *d = lt_optval(c, i, rlen < 4 ? (size_t)rlen : 4);
	if (!d)
		return;
	if (rlen < 4) {
		lt_put_hexbytes(c, d, (size_t)rlen);
	} else if (name == 4) {
		lt_put_so_error(c, RD(uint32_t, d, 0));
	} else if (name == 74) {
		lt_put_txrehash(c, RD(int32_t, d, 0));
	} else {
		lt_sb_printf(SB(c), "[%d]", RD(int32_t, d, 0));
	}
}

/* strace's print_getsockopt's SOL_SOCKET cases; 0 when the option has none */
static int lt_put_getsockopt_so(struct lt_dctx *c, int i, uint32_t name, int64_t rlen)
{
	static const char *const linger[] = { "l_onoff", "l_linger", NULL };
	static const char *const ucred[] = { "pid", "uid", "gid", NULL };
	if (name == 13 || name == 17) { /* SO_LINGER, SO_PEERCRED */
		size_t max = name == 13 ? 8 : 12;
		size_t n = (uint64_t)rlen > max ? max : (size_t)rlen;
		const uint8_t *d = lt_optval(c, i, n);
		if (d)
			lt_put_fields_len(c, d, n, name == 13 ? linger : ucred,
					  name == 13 ? "dd" : "dii");
		return 1;
	}
	if (name != 4 && name != 74 && !lt_so_int_like(name))
		return 0;
	lt_put_getsockopt_int(c, i, name, rlen);
	return 1;
}

/* strace's default: an int when 4 bytes long, else the bytes as a string */
static void lt_put_sockopt_default(struct lt_dctx *c, int i, int64_t len)
{
	size_t have = 0;
	const uint8_t *d = lt_cap_get(c, i, LT_CAP_SUB_SELF, 1, &have);
	/* the planner copies up to 64 bytes: shorter, the memory ended (the address) */
	uint64_t want = (uint64_t)len < 64 ? (uint64_t)len : 64;
	if (len == 4) {
		lt_put_optint(c, i);
		return;
	}
	if (!d || len < 0 || (len > 0 && have < want)) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	size_t n = (size_t)len < have ? (size_t)len : have;
	lt_put_quoted(c, d, n > c->strsize ? c->strsize : n, n > c->strsize);
}

/* NETLINK_LIST_MEMBERSHIPS: the groups, as many as both lengths hold */
static void lt_put_nl_memberships(struct lt_dctx *c, int i, int64_t ulen, int64_t rlen)
{
	size_t n = (size_t)(ulen < rlen ? ulen : rlen) / 4, have = 0;
	const uint8_t *d = lt_cap_get(c, i, LT_CAP_SUB_SELF, 0, &have);
	if (n && (!d || have < 4)) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	lt_sb_putc(SB(c), '[');
	for (size_t k = 0; k < n && 4 * k + 4 <= have; k++)
		lt_sb_printf(SB(c), "%s%u", k ? ", " : "", RD(uint32_t, d, 4 * k));
	lt_sb_putc(SB(c), ']');
}

/* getsockopt's value: ulen the length given, rlen the one returned */
static void lt_put_getsockopt(struct lt_dctx *c, int i, int64_t ulen, int64_t rlen)
{
	static const char *const stats[] = { "tp_packets", "tp_drops", "tp_freeze_q_cnt", NULL };
	uint32_t level = (uint32_t)c->ev->args[1], name = (uint32_t)c->ev->args[2];
	uint64_t a = c->ev->args[i];
	if (ulen <= 0 || rlen <= 0 || !a) {
		lt_put_ptr(c, a);
		return;
	}
	if (level == 1 && name == 26) { /* SO_GET_FILTER: the instructions */
		if ((uint16_t)rlen == rlen)
			lt_put_bpf_prog(c, i, LT_CAP_SUB_SELF, a, (uint64_t)rlen);
		else
			lt_put_ptr(c, a);
		return;
	}
	if (level == 1 && lt_put_getsockopt_so(c, i, name, rlen))
		return;
	if (level == 263 && name == 6) { /* PACKET_STATISTICS */
		size_t n = rlen > 12 ? 12 : (size_t)rlen;
		const uint8_t *d = lt_optval(c, i, n);
		if (d)
			lt_put_fields_len(c, d, n, stats, "uuu");
	} else if (level == 255 && name == 1) { /* ICMP_FILTER */
		lt_put_icmp_filter(c, i, rlen);
	} else if (level == 270 && name == 9) { /* NETLINK_LIST_MEMBERSHIPS */
		lt_put_nl_memberships(c, i, ulen, rlen);
	} else if (level == 270) {
		lt_put_optint(c, i);
	} else {
		lt_put_sockopt_default(c, i, rlen);
	}
}

/* struct packet_mreq (PACKET_ADD_MEMBERSHIP, PACKET_DROP_MEMBERSHIP) */
static void lt_put_packet_mreq(struct lt_dctx *c, const uint8_t *d)
{
	uint16_t alen = RD(uint16_t, d, 6);
	lt_sb_puts(SB(c), "{mr_ifindex=");
	lt_put_ifindex(c, RD(uint32_t, d, 0));
	lt_sb_puts(SB(c), ", mr_type=");
	lt_put_xlat(c, lt_x_packet_mr, RD(uint16_t, d, 4), "PACKET_MR_???");
	lt_sb_printf(SB(c), ", mr_alen=%u, mr_address=", alen);
	lt_put_mac(c, d + 8, alen < 8 ? alen : 8);
	lt_sb_putc(SB(c), '}');
}

/* IP_ADD_MEMBERSHIP's ip_mreq, IPV6_ADD_MEMBERSHIP's ipv6_mreq, MCAST_JOIN_GROUP's
 * group_req */
static void lt_put_mreq(struct lt_dctx *c, const uint8_t *d, uint32_t level, uint32_t name)
{
	if (name == 42 || name == 45) { /* MCAST_JOIN_GROUP, MCAST_LEAVE_GROUP */
		lt_sb_puts(SB(c), "{gr_interface=");
		lt_put_ifindex(c, RD(uint32_t, d, 0));
		lt_sb_puts(SB(c), ", gr_group=");
		lt_put_sockaddr(c, d + 8, 128);
	} else if (level == 0) {
		lt_sb_putc(SB(c), '{');
		lt_put_inet_field(c, 2, d, "imr_multiaddr");
		lt_sb_puts(SB(c), ", ");
		lt_put_inet_field(c, 2, d + 4, "imr_interface");
	} else {
		lt_sb_putc(SB(c), '{');
		lt_put_inet_field(c, 10, d, "ipv6mr_multiaddr");
		lt_sb_puts(SB(c), ", ipv6mr_interface=");
		lt_put_ifindex(c, RD(uint32_t, d, 16));
	}
	lt_sb_putc(SB(c), '}');
}

/* The size of the structure setsockopt's option takes (exact: 'packet' options need
 * that size, the others at least it), 0 when strace prints none */
static size_t lt_setsockopt_struct(uint32_t level, uint32_t name, int *exact)
{
	*exact = 0;
	if (level == 1 && name == 13)
		return 8; /* SO_LINGER */
	if ((level == 0 || level == 41) && (name == 42 || name == 45))
		return 136; /* struct group_req */
	if (level == 0 && (name == 35 || name == 36))
		return 8; /* struct ip_mreq */
	if (level == 41 && (name == 20 || name == 21 || name == 27 || name == 28))
		return 20; /* struct ipv6_mreq: ADD/DROP_MEMBERSHIP, JOIN/LEAVE_ANYCAST */
	*exact = 1;
	if (level == 263 && (name == 5 || name == 13 || name == 1 || name == 2))
		return 16; /* struct tpacket_req, struct packet_mreq */
	return 0;
}

/* setsockopt's structures: the address when len is not what the option takes */
static int lt_put_setsockopt_struct(struct lt_dctx *c, int i, int64_t len)
{
	uint32_t level = (uint32_t)c->ev->args[1], name = (uint32_t)c->ev->args[2];
	int exact;
	size_t size = lt_setsockopt_struct(level, name, &exact);
	if (!size)
		return 0;
	const uint8_t *d = NULL;
	if ((exact ? len == (int64_t)size : len >= (int64_t)size))
		d = lt_optval(c, i, size);
	else
		lt_put_ptr(c, c->ev->args[i]);
	if (!d)
		return 1;
	if (level == 1)
		lt_sb_printf(SB(c), "{l_onoff=%d, l_linger=%d}", RD(int32_t, d, 0), RD(int32_t, d, 4));
	else if (level == 263 && (name == 1 || name == 2))
		lt_put_packet_mreq(c, d);
	else if (level == 263)
		lt_sb_printf(SB(c), "{tp_block_size=%u, tp_block_nr=%u, tp_frame_size=%u, "
			     "tp_frame_nr=%u}", RD(uint32_t, d, 0), RD(uint32_t, d, 4),
			     RD(uint32_t, d, 8), RD(uint32_t, d, 12));
	else
		lt_put_mreq(c, d, level, name);
	return 1;
}

/* setsockopt's value, len bytes */
static void lt_put_setsockopt(struct lt_dctx *c, int i, int64_t len)
{
	uint32_t level = (uint32_t)c->ev->args[1], name = (uint32_t)c->ev->args[2];
	uint64_t a = c->ev->args[i];
	if (!a) {
		lt_sb_puts(SB(c), "NULL");
		return;
	}
	if (lt_put_setsockopt_struct(c, i, len))
		return;
	if (level == 1 && (name == 26 || name == 51)) { /* SO_ATTACH_*FILTER: a sock_fprog */
		const uint8_t *d = len == 16 ? lt_optval(c, i, 16) : NULL;
		if (len != 16)
			lt_put_ptr(c, a);
		if (d) {
			lt_sb_printf(SB(c), "{len=%u, filter=", RD(uint16_t, d, 0));
			lt_put_bpf_prog(c, i, LT_SUB_SOCK_FPROG, RD(uint64_t, d, 8), RD(uint16_t, d, 0));
			lt_sb_putc(SB(c), '}');
		}
		return;
	}
	if (level == 1 && name == 74) { /* SO_TXREHASH */
		const uint8_t *d = len >= 4 ? lt_optval(c, i, 4) : NULL;
		if (len < 4)
			lt_put_ptr(c, a);
		if (d)
			lt_put_txrehash(c, RD(int32_t, d, 0));
	} else if (level == 255 && name == 1) {
		lt_put_icmp_filter(c, i, len);
	} else if ((level == 1 && lt_so_int_like(name)) || level == 270) {
		if (len < 4)
			lt_put_ptr(c, a);
		else
			lt_put_optint(c, i);
	} else {
		lt_put_sockopt_default(c, i, len);
	}
}

void lt_put_sockopt_name_arg(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_sockopt_name(c, (uint32_t)c->ev->args[1], (uint32_t)c->ev->args[i]);
}

void lt_put_sockopt_val_arg(struct lt_dctx *c, int i, int kind)
{
	if (kind != LT_K_SOCKOPT_VAL_OUT) {
		lt_put_setsockopt(c, i, (int32_t)c->ev->args[i + 1]);
		return;
	}
	/* getsockopt: the lengths before and after; on failure the address */
	const uint8_t *u = lt_cap_get(c, i + 1, LT_SUB_ENTRY, 4, NULL);
	const uint8_t *r = lt_out(c, i + 1, 4);
	if (!u || !r)
		lt_put_ptr(c, c->ev->args[i]);
	else
		lt_put_getsockopt(c, i, RD(int32_t, u, 0), RD(int32_t, r, 0));
}
