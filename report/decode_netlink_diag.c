/* sock_diag messages as strace 6.1 prints them (netlink_sock_diag.c and its family files
 * netlink_inet_diag.c, netlink_unix_diag.c, netlink_netlink_diag.c): requests and replies
 * by address family, their attributes; the other families as {family, data}. */
#include "decode_netlink.h"
#include "decode_struct.h"

static const struct lt_xlat lt_x_tcp_states[] = { { 1, "TCP_ESTABLISHED" },
	{ 2, "TCP_SYN_SENT" }, { 3, "TCP_SYN_RECV" }, { 4, "TCP_FIN_WAIT1" },
	{ 5, "TCP_FIN_WAIT2" }, { 6, "TCP_TIME_WAIT" }, { 7, "TCP_CLOSE" },
	{ 8, "TCP_CLOSE_WAIT" }, { 9, "TCP_LAST_ACK" }, { 10, "TCP_LISTEN" },
	{ 11, "TCP_CLOSING" }, { 12, "TCP_NEW_SYN_RECV" }, { 0, 0 } };

/* strace's tcp_state_flags: a bit per state */
#define S(n, name) { 1u << (n), "1<<" name }
static const struct lt_xlat lt_x_tcp_state_flags[] = { S(1, "TCP_ESTABLISHED"),
	S(2, "TCP_SYN_SENT"), S(3, "TCP_SYN_RECV"), S(4, "TCP_FIN_WAIT1"), S(5, "TCP_FIN_WAIT2"),
	S(6, "TCP_TIME_WAIT"), S(7, "TCP_CLOSE"), S(8, "TCP_CLOSE_WAIT"), S(9, "TCP_LAST_ACK"),
	S(10, "TCP_LISTEN"), S(11, "TCP_CLOSING"), S(12, "TCP_NEW_SYN_RECV"), { 0, 0 } };
#undef S

/* strace's inet_diag_extended_flags: bit n-1 asks for attribute n */
#define E(n, name) { 1u << ((n) - 1), "1<<(" name "-1)" }
static const struct lt_xlat lt_x_inet_diag_ext[] = { E(1, "INET_DIAG_MEMINFO"),
	E(2, "INET_DIAG_INFO"), E(3, "INET_DIAG_VEGASINFO"), E(4, "INET_DIAG_CONG"),
	E(5, "INET_DIAG_TOS"), E(6, "INET_DIAG_TCLASS"), E(7, "INET_DIAG_SKMEMINFO"),
	E(8, "INET_DIAG_SHUTDOWN"), E(9, "INET_DIAG_DCTCPINFO"), E(10, "INET_DIAG_PROTOCOL"),
	E(11, "INET_DIAG_SKV6ONLY"), E(12, "INET_DIAG_LOCALS"), E(13, "INET_DIAG_PEERS"),
	E(14, "INET_DIAG_PAD"), E(15, "INET_DIAG_MARK"), E(16, "INET_DIAG_BBRINFO"),
	E(17, "INET_DIAG_CLASS_ID"), E(18, "INET_DIAG_MD5SIG"), E(19, "INET_DIAG_ULP_INFO"),
	E(20, "INET_DIAG_SK_BPF_STORAGES"), E(21, "INET_DIAG_CGROUP_ID"),
	E(22, "INET_DIAG_SOCKOPT"), { 0, 0 } };
#undef E

static const struct lt_xlat lt_x_netlink_states[] = { { 0, "NETLINK_UNCONNECTED" },
	{ 1, "NETLINK_CONNECTED" }, { 0, 0 } };

static void lt_put_cookie(struct lt_dctx *c, const char *name, const uint8_t *d)
{
	lt_sb_printf(c->sb, "%s=[%u, %u]", name, RD(uint32_t, d, 0), RD(uint32_t, d, 4));
}

/* ---- attributes several families share ---- */

static void lt_meminfo_elem(const struct lt_nl *m, const uint8_t *e, uint64_t k)
{
	struct lt_dctx *c = m->c;
	lt_sb_putc(c->sb, '[');
	lt_put_xval_u(c, lt_x_sk_meminfo, k, "SK_MEMINFO_???");
	lt_sb_printf(c->sb, "]=%u", RD(uint32_t, e, 0));
}

/* decode_nla_meminfo: [[SK_MEMINFO_RMEM_ALLOC]=1, ...] */
static int lt_nla_meminfo(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 4)
		return 0;
	lt_nl_array(m, off, len / 4, 4, lt_meminfo_elem);
	return 1;
}

static void lt_u32_elem(const struct lt_nl *m, const uint8_t *e, uint64_t k)
{
	(void)k;
	lt_sb_printf(m->c->sb, "%u", RD(uint32_t, e, 0));
}

/* ---- inet ---- */

/* a structure of n u32 fields; the fields the attribute holds when it is longer than min */
static int lt_u32_struct(const struct lt_nl *m, uint64_t off, uint64_t len,
			 const char *const *f, unsigned n)
{
	if (len < 4ull * n)
		return 0;
	if (!lt_nl_readable(m, off, 4ull * n)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	for (unsigned k = 0; k < n; k++)
		lt_sb_printf(m->c->sb, "%s%s=%u", k ? ", " : "{", f[k], RD(uint32_t, m->d, off + 4 * k));
	lt_sb_putc(m->c->sb, '}');
	return 1;
}

static int lt_idiag_meminfo(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	static const char *const f[] = { "idiag_rmem", "idiag_wmem", "idiag_fmem", "idiag_tmem" };
	(void)arg;
	return lt_u32_struct(m, off, len, f, 4);
}

static int lt_idiag_vegas(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	static const char *const f[] = { "tcpv_enabled", "tcpv_rttcnt", "tcpv_rtt", "tcpv_minrtt" };
	(void)arg;
	return lt_u32_struct(m, off, len, f, 4);
}

/* struct tcp_dctcp_info: u16 enabled, u16 ce_state, u32 alpha, ab_ecn, ab_tot */
static int lt_idiag_dctcp(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 16)
		return 0;
	if (!lt_nl_readable(m, off, 16)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	const uint8_t *d = m->d + off;
	lt_sb_printf(m->c->sb, "{dctcp_enabled=%u, dctcp_ce_state=%u, dctcp_alpha=%u, dctcp_ab_ecn=%u, "
		     "dctcp_ab_tot=%u}", RD(uint16_t, d, 0), RD(uint16_t, d, 2), RD(uint32_t, d, 4),
		     RD(uint32_t, d, 8), RD(uint32_t, d, 12));
	return 1;
}

/* struct tcp_bbr_info */
static int lt_idiag_bbr(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 20)
		return 0;
	if (!lt_nl_readable(m, off, 20)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	const uint8_t *d = m->d + off;
	lt_sb_printf(m->c->sb, "{bbr_bw_lo=%#x, bbr_bw_hi=%#x, bbr_min_rtt=%u, bbr_pacing_gain=%u, "
		     "bbr_cwnd_gain=%u}", RD(uint32_t, d, 0), RD(uint32_t, d, 4), RD(uint32_t, d, 8),
		     RD(uint32_t, d, 12), RD(uint32_t, d, 16));
	return 1;
}

/* INET_DIAG_SHUTDOWN: the bits always with their names in a comment (not UAPI names) */
static int lt_idiag_shutdown(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	static const struct lt_xlat bits[] = { { 1, "RCV_SHUTDOWN" }, { 2, "SEND_SHUTDOWN" }, { 0, 0 } };
	struct lt_dctx *c = m->c;
	(void)arg;
	if (len < 1 || len > 8)
		return 0;
	if (!lt_nl_readable(m, off, 1)) {
		lt_put_ptr(c, m->addr + off);
		return 1;
	}
	uint8_t v = m->d[off];
	lt_put_hex(c, v);
	if (c->fmt && c->fmt->xlat == LT_XLAT_RAW)
		return 1;
	if (!v)
		return 1;
	struct lt_sb names = { 0 };
	int any = 0;
	uint64_t rest = lt_flags_names(&names, bits, v, &any);
	if (!any) /* no known bit: the default name alone */
		lt_sb_puts(c->sb, " /* ???_SHUTDOWN */");
	else if (rest)
		lt_sb_printf(c->sb, " /* %s|%#llx */", names.p, (unsigned long long)rest);
	else
		lt_sb_printf(c->sb, " /* %s */", names.p);
	lt_sb_free(&names);
	return 1;
}

/* decode_nla_xint: 1, 2, 4 or 8 bytes in hex */
static int lt_nla_xint(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len != 1 && len != 2 && len != 4 && len != 8)
		return 0;
	if (!lt_nl_readable(m, off, len)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	uint64_t v = 0;
	memcpy(&v, m->d + off, (size_t)len);
	lt_put_hex(m->c, v);
	return 1;
}

static int lt_tls_version(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 2, lt_x_tls_version, "TLS_???_VERSION", 0);
}

static int lt_tls_cipher(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 2, lt_x_tls_cipher, "TLS_CIPHER_???", 0);
}

static int lt_tls_conf(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 2, lt_x_tls_conf, "TLS_CONF_???", 0);
}

static lt_nla_fn lt_tls_info_decoder(unsigned type)
{
	return type == 1 ? lt_tls_version : type == 2 ? lt_tls_cipher
		: type == 3 || type == 4 ? lt_tls_conf : NULL;
}

static const struct lt_nla_table lt_nla_tls_info = { lt_x_tls_info, "TLS_INFO_???",
						     lt_tls_info_decoder, NULL };

static int lt_mptcp_flags(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 4, lt_x_mptcp_subflow_flag, NULL, 1);
}

static lt_nla_fn lt_mptcp_subflow_decoder(unsigned type)
{
	switch (type) {
	case 1: case 2: return lt_nla_x32;   /* TOKEN_REM, TOKEN_LOC */
	case 3: case 5: case 6: return lt_nla_u32;
	case 4: return lt_nla_u64;             /* MAP_SEQ */
	case 7: return lt_nla_u16;             /* MAP_DATALEN */
	case 8: return lt_mptcp_flags;
	case 9: case 10: return lt_nla_u8;     /* ID_REM, ID_LOC */
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_mptcp_subflow = { lt_x_mptcp_subflow_attr,
	"MPTCP_SUBFLOW_ATTR_???", lt_mptcp_subflow_decoder, NULL };

LT_NLA_NESTED(lt_ulp_tls, lt_nla_tls_info)

LT_NLA_NESTED(lt_ulp_mptcp, lt_nla_mptcp_subflow)

static lt_nla_fn lt_ulp_info_decoder(unsigned type)
{
	return type == 1 ? lt_nla_str : type == 2 ? lt_ulp_tls : type == 3 ? lt_ulp_mptcp : NULL;
}

static const struct lt_nla_table lt_nla_ulp_info = { lt_x_inet_ulp_info, "INET_ULP_INFO_???",
						     lt_ulp_info_decoder, NULL };

LT_NLA_NESTED(lt_idiag_ulp_info, lt_nla_ulp_info)

static lt_nla_fn lt_bpf_storage_decoder(unsigned type)
{
	return type == 2 ? lt_nla_u32 : type == 3 ? lt_nla_xint : NULL; /* MAP_ID, MAP_VALUE */
}

static const struct lt_nla_table lt_nla_bpf_storage = { lt_x_sk_diag_bpf_storage,
	"SK_DIAG_BPF_STORAGE_???", lt_bpf_storage_decoder, NULL };

LT_NLA_NESTED(lt_bpf_storage, lt_nla_bpf_storage)

static lt_nla_fn lt_bpf_storages_decoder(unsigned type)
{
	return type == 1 ? lt_bpf_storage : NULL;
}

static const struct lt_nla_table lt_nla_bpf_storages = { lt_x_sk_diag_bpf_storages,
	"SK_DIAG_BPF_STORAGE_???", lt_bpf_storages_decoder, NULL };

LT_NLA_NESTED(lt_idiag_bpf_storages, lt_nla_bpf_storages)

/* struct tcp_diag_md5sig: the address of its family, the key up to its length */
static void lt_md5sig_elem(const struct lt_nl *m, const uint8_t *e, uint64_t k)
{
	struct lt_dctx *c = m->c;
	uint16_t keylen = RD(uint16_t, e, 2);
	(void)k;
	lt_sb_puts(c->sb, "{tcpm_family=");
	lt_put_xlat(c, lt_x_af, e[0], "AF_???");
	lt_sb_printf(c->sb, ", tcpm_prefixlen=%u, tcpm_keylen=%u, ", e[1], keylen);
	lt_put_inet_addr(c, e + 4, 16, e[0], "tcpm_addr");
	lt_sb_puts(c->sb, ", tcpm_key=");
	lt_put_hexstr(c, e + 20, keylen < 80 ? keylen : 80);
	lt_sb_putc(c->sb, '}');
}

static int lt_idiag_md5sig(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 100)
		return 0;
	lt_nl_array(m, off, len / 100, 100, lt_md5sig_elem);
	return 1;
}

static void lt_sockaddr_elem(const struct lt_nl *m, const uint8_t *e, uint64_t k)
{
	(void)k;
	lt_put_sockaddr(m->c, e, 128);
}

/* decode_nla_sockaddrs: struct sockaddr_storage after sockaddr_storage */
static int lt_idiag_sockaddrs(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 128)
		return 0;
	lt_nl_array(m, off, len / 128, 128, lt_sockaddr_elem);
	return 1;
}

/* struct inet_diag_sockopt: its bits, the ones set (all with -v), the rest of the
 * attribute's bytes when not zero */
static int lt_idiag_sockopt(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	static const char *const bit[] = { "recverr", "is_icsk", "freebind", "hdrincl", "mc_loop",
		"transparent", "mc_all", "nodefrag", "bind_address_no_port", "recverr_rfc4884",
		"defer_connect" };
	struct lt_dctx *c = m->c;
	int all = c->fmt && c->fmt->verbose, n = 0;
	(void)arg;
	if (len < 2)
		return 0;
	if (!lt_nl_readable(m, off, 2)) {
		lt_put_ptr(c, m->addr + off);
		return 1;
	}
	uint16_t v = RD(uint16_t, m->d, off);
	lt_sb_putc(c->sb, '{');
	for (unsigned k = 0; k < 11; k++)
		if (all || (v >> k & 1))
			lt_sb_printf(c->sb, "%s%s=%u", n++ ? ", " : "", bit[k], v >> k & 1);
	if (all || v >> 11)
		lt_sb_printf(c->sb, "%sunused=%#x /* bits 3..8 */", n++ ? ", " : "", v >> 11);
	lt_sb_putc(c->sb, '}');
	if (len > 2 && lt_nl_readable(m, off, len)) {
		int nonzero = 0;
		for (uint64_t k = 2; k < len; k++)
			nonzero |= m->d[off + k];
		if (nonzero) {
			lt_sb_printf(c->sb, ", /* bytes 2..%llu */ ", (unsigned long long)(len - 1));
			lt_put_hexstr(c, m->d + off + 2, (size_t)(len - 2));
		}
	}
	return 1;
}

static int lt_nla_meminfo(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);

static lt_nla_fn lt_inet_diag_decoder(unsigned type)
{
	switch (type) {
	case 1: return lt_idiag_meminfo;
	case 3: return lt_idiag_vegas;
	case 4: return lt_nla_str;             /* CONG */
	case 5: case 6: case 11: return lt_nla_u8; /* TOS TCLASS SKV6ONLY */
	case 7: return lt_nla_meminfo;         /* SKMEMINFO */
	case 8: return lt_idiag_shutdown;
	case 9: return lt_idiag_dctcp;
	case 10: return lt_nla_ip_proto;       /* PROTOCOL */
	case 12: case 13: return lt_idiag_sockaddrs; /* LOCALS, PEERS */
	case 18: return lt_idiag_md5sig;
	case 22: return lt_idiag_sockopt;
	case 15: case 17: return lt_nla_u32;   /* MARK, CLASS_ID */
	case 16: return lt_idiag_bbr;
	case 19: return lt_idiag_ulp_info;
	case 20: return lt_idiag_bpf_storages;
	case 21: return lt_nla_u64;            /* CGROUP_ID */
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_inet_diag = { lt_x_inet_diag_attr, "INET_DIAG_???",
						      lt_inet_diag_decoder, NULL };

/* struct inet_diag_sockid at d */
static void lt_inet_diag_sockid(struct lt_dctx *c, const uint8_t *d, uint8_t family)
{
	lt_sb_printf(c->sb, "id={idiag_sport=htons(%u), idiag_dport=htons(%u), ",
		     (unsigned)(d[0] << 8 | d[1]), (unsigned)(d[2] << 8 | d[3]));
	lt_put_inet_addr(c, d + 4, 16, family, "idiag_src");
	lt_sb_puts(c->sb, ", ");
	lt_put_inet_addr(c, d + 20, 16, family, "idiag_dst");
	lt_sb_puts(c->sb, ", idiag_if=");
	lt_put_ifindex(c, RD(uint32_t, d, 36));
	lt_sb_puts(c->sb, ", ");
	lt_put_cookie(c, "idiag_cookie", d + 40);
	lt_sb_putc(c->sb, '}');
}

static void lt_inet_diag_msg(const struct lt_nl *m, const uint8_t *d)
{
	struct lt_dctx *c = m->c;
	lt_sb_puts(c->sb, "idiag_state=");
	lt_put_xlat(c, lt_x_tcp_states, d[1], "TCP_???");
	lt_sb_printf(c->sb, ", idiag_timer=%u, idiag_retrans=%u, ", d[2], d[3]);
	lt_inet_diag_sockid(c, d + 4, d[0]);
	lt_sb_printf(c->sb, ", idiag_expires=%u, idiag_rqueue=%u, idiag_wqueue=%u, idiag_uid=%u, "
		     "idiag_inode=%u", RD(uint32_t, d, 52), RD(uint32_t, d, 56), RD(uint32_t, d, 60),
		     RD(uint32_t, d, 64), RD(uint32_t, d, 68));
}

/* INET_DIAG_REQ_BYTECODE's first op: {code, yes, no}, then what the code compares */
static void lt_put_bc_op(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(c->sb, "{code=");
	lt_put_xlat(c, lt_x_inet_diag_bc, d[0], "INET_DIAG_BC_???");
	lt_sb_printf(c->sb, ", yes=%u, no=%u}", d[1], RD(uint16_t, d, 2));
}

/* struct inet_diag_hostcond, then its address */
static void lt_bc_hostcond(const struct lt_nl *m, uint64_t off, uint64_t len)
{
	struct lt_dctx *c = m->c;
	if (len < 8) {
		lt_nl_hex(m, off, len);
		return;
	}
	if (!lt_nl_readable(m, off, 8)) {
		lt_put_ptr(c, m->addr + off);
		return;
	}
	uint8_t af = m->d[off];
	lt_sb_puts(c->sb, "{family=");
	lt_put_xlat(c, lt_x_af, af, "AF_???");
	lt_sb_printf(c->sb, ", prefix_len=%u, port=%d", m->d[off + 1], RD(int32_t, m->d, off + 4));
	if (len > 8) {
		lt_sb_puts(c->sb, ", ");
		lt_nl_inet_addr(m, off + 8, len - 8, af, "addr");
	}
	lt_sb_putc(c->sb, '}');
}

static void lt_bc_data(const struct lt_nl *m, uint64_t off, uint64_t len, uint8_t code)
{
	struct lt_dctx *c = m->c;
	switch (code) {
	case 7: case 8: /* INET_DIAG_BC_S_COND, D_COND */
		lt_bc_hostcond(m, off, len);
		return;
	case 9: /* INET_DIAG_BC_DEV_COND */
		if (len < 4)
			break;
		if (!lt_nl_readable(m, off, 4))
			lt_put_ptr(c, m->addr + off);
		else
			lt_put_ifindex(c, RD(uint32_t, m->d, off));
		return;
	case 2: case 3: case 4: case 5: /* S_GE, S_LE, D_GE, D_LE */
		if (len < 4)
			break;
		if (!lt_nl_readable(m, off, 4))
			lt_put_ptr(c, m->addr + off);
		else
			lt_put_bc_op(c, m->d + off);
		return;
	case 10: /* INET_DIAG_BC_MARK_COND */
		if (len < 8)
			break;
		if (!lt_nl_readable(m, off, 8))
			lt_put_ptr(c, m->addr + off);
		else
			lt_sb_printf(c->sb, "{mark=%u, mask=%u}", RD(uint32_t, m->d, off),
				     RD(uint32_t, m->d, off + 4));
		return;
	}
	lt_nl_hex(m, off, len);
}

static int lt_nla_bc_op(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 4)
		return 0;
	if (!lt_nl_readable(m, off, 4)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	lt_put_bc_op(m->c, m->d + off);
	if (len > 4) {
		lt_sb_puts(m->c->sb, ", ");
		lt_bc_data(m, off + 4, len - 4, m->d[off]);
	}
	return 1;
}

/* decode_nla_ip_proto (decode_nla_xval): the attribute's bytes, up to 8, as one number */
int lt_nla_ip_proto(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len > 8)
		return 0;
	if (!lt_nl_readable(m, off, len)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	uint64_t v = 0;
	memcpy(&v, m->d + off, (size_t)len);
	lt_put_xlat(m->c, lt_x_ipproto, v, "IPPROTO_???");
	return 1;
}

static lt_nla_fn lt_inet_diag_req_decoder(unsigned type)
{
	return type == 1 ? lt_nla_bc_op : type == 3 ? lt_nla_ip_proto : NULL;
}

static const struct lt_nla_table lt_nla_inet_diag_req = { lt_x_inet_diag_req_attr,
	"INET_DIAG_REQ_???", lt_inet_diag_req_decoder, NULL };

static void lt_inet_diag_req_compat(const struct lt_nl *m, const uint8_t *d)
{
	struct lt_dctx *c = m->c;
	lt_sb_printf(c->sb, "idiag_src_len=%u, idiag_dst_len=%u, idiag_ext=", d[1], d[2]);
	lt_put_flags(c, lt_x_inet_diag_ext, d[3]);
	lt_sb_puts(c->sb, ", ");
	lt_inet_diag_sockid(c, d + 4, d[0]);
	lt_sb_puts(c->sb, ", idiag_states=");
	lt_put_flags(c, lt_x_tcp_state_flags, RD(uint32_t, d, 52));
	lt_sb_printf(c->sb, ", idiag_dbs=%u", RD(uint32_t, d, 56));
}

static void lt_inet_diag_req_v2(const struct lt_nl *m, const uint8_t *d)
{
	struct lt_dctx *c = m->c;
	lt_sb_puts(c->sb, "sdiag_protocol=");
	lt_put_xlat(c, lt_x_ipproto, d[1], "IPPROTO_???");
	lt_sb_puts(c->sb, ", idiag_ext=");
	lt_put_flags(c, lt_x_inet_diag_ext, d[2]);
	lt_sb_puts(c->sb, ", idiag_states=");
	lt_put_flags(c, lt_x_tcp_state_flags, RD(uint32_t, d, 4));
	lt_sb_puts(c->sb, ", ");
	lt_inet_diag_sockid(c, d + 8, d[0]);
}

static void lt_nl_inet_diag(const struct lt_nl *m, uint16_t type, int request, uint64_t off,
			    uint64_t len)
{
	if (!request)
		lt_nl_fixed(m, off, len, "idiag_family", lt_x_af, "AF_???", 72, lt_inet_diag_msg,
			    &lt_nla_inet_diag, 0);
	else if (type == 18 || type == 19) /* TCPDIAG_GETSOCK, DCCPDIAG_GETSOCK */
		lt_nl_fixed(m, off, len, "idiag_family", lt_x_af, "AF_???", 60,
			    lt_inet_diag_req_compat, &lt_nla_inet_diag_req, 0);
	else
		lt_nl_fixed(m, off, len, "sdiag_family", lt_x_af, "AF_???", 56, lt_inet_diag_req_v2,
			    &lt_nla_inet_diag_req, 0);
}

/* ---- unix ---- */

static int lt_unix_diag_vfs(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 8)
		return 0;
	if (!lt_nl_readable(m, off, 8)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	lt_sb_puts(m->c->sb, "{udiag_vfs_dev=");
	lt_put_dev(m->c, RD(uint32_t, m->d, off + 4));
	lt_sb_printf(m->c->sb, ", udiag_vfs_ino=%u}", RD(uint32_t, m->d, off));
	return 1;
}

static int lt_unix_diag_icons(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 4)
		return 0;
	lt_nl_array(m, off, len / 4, 4, lt_u32_elem);
	return 1;
}

static int lt_unix_diag_rqlen(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 8)
		return 0;
	if (!lt_nl_readable(m, off, 8))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_sb_printf(m->c->sb, "{udiag_rqueue=%u, udiag_wqueue=%u}", RD(uint32_t, m->d, off),
			     RD(uint32_t, m->d, off + 4));
	return 1;
}

static lt_nla_fn lt_unix_diag_decoder(unsigned type)
{
	switch (type) {
	case 0: return lt_nla_str;          /* UNIX_DIAG_NAME */
	case 1: return lt_unix_diag_vfs;
	case 2: return lt_nla_u32;          /* PEER */
	case 3: return lt_unix_diag_icons;
	case 4: return lt_unix_diag_rqlen;
	case 5: return lt_nla_meminfo;
	case 6: return lt_nla_u8;           /* SHUTDOWN */
	case 7: return lt_nla_uid;          /* UID */
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_unix_diag = { lt_x_unix_diag_attr, "UNIX_DIAG_???",
						      lt_unix_diag_decoder, NULL };

static void lt_unix_diag_req(const struct lt_nl *m, const uint8_t *d)
{
	struct lt_dctx *c = m->c;
	lt_sb_printf(c->sb, "sdiag_protocol=%u, udiag_states=", d[1]);
	lt_put_flags(c, lt_x_tcp_state_flags, RD(uint32_t, d, 4));
	lt_sb_printf(c->sb, ", udiag_ino=%u, udiag_show=", RD(uint32_t, d, 8));
	lt_put_flags(c, lt_x_unix_diag_show, RD(uint32_t, d, 12));
	lt_sb_puts(c->sb, ", ");
	lt_put_cookie(c, "udiag_cookie", d + 16);
}

static void lt_unix_diag_msg(const struct lt_nl *m, const uint8_t *d)
{
	struct lt_dctx *c = m->c;
	lt_sb_puts(c->sb, "udiag_type=");
	lt_put_xlat(c, lt_x_socktype, d[1], "SOCK_???");
	lt_sb_puts(c->sb, ", udiag_state=");
	lt_put_xlat(c, lt_x_tcp_states, d[2], "TCP_???");
	lt_sb_printf(c->sb, ", udiag_ino=%u, ", RD(uint32_t, d, 4));
	lt_put_cookie(c, "udiag_cookie", d + 8);
}

/* ---- netlink ---- */

static void lt_group_elem(const struct lt_nl *m, const uint8_t *e, uint64_t k)
{
	(void)k;
	lt_put_hex(m->c, RD(uint64_t, e, 0));
}

static int lt_netlink_diag_groups(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 8)
		return 0;
	lt_nl_array(m, off, len / 8, 8, lt_group_elem);
	return 1;
}

static int lt_netlink_diag_ring(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 16)
		return 0;
	if (!lt_nl_readable(m, off, 16))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_sb_printf(m->c->sb, "{ndr_block_size=%u, ndr_block_nr=%u, ndr_frame_size=%u, "
			     "ndr_frame_nr=%u}", RD(uint32_t, m->d, off), RD(uint32_t, m->d, off + 4),
			     RD(uint32_t, m->d, off + 8), RD(uint32_t, m->d, off + 12));
	return 1;
}

static int lt_netlink_diag_flags(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 4)
		return 0;
	if (!lt_nl_readable(m, off, 4))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_put_flags(m->c, lt_x_netlink_diag_flags, RD(uint32_t, m->d, off));
	return 1;
}

static lt_nla_fn lt_netlink_diag_decoder(unsigned type)
{
	switch (type) {
	case 0: return lt_nla_meminfo;
	case 1: return lt_netlink_diag_groups;
	case 2: case 3: return lt_netlink_diag_ring; /* RX_RING, TX_RING */
	case 4: return lt_netlink_diag_flags;
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_netlink_diag = { lt_x_netlink_diag_attr,
	"NETLINK_DIAG_???", lt_netlink_diag_decoder, NULL };

static void lt_netlink_diag_req(const struct lt_nl *m, const uint8_t *d)
{
	struct lt_dctx *c = m->c;
	lt_sb_puts(c->sb, "sdiag_protocol=");
	if (d[1] == 0xff)
		lt_put_xlat(c, (const struct lt_xlat[]){ { 0xff, "NDIAG_PROTO_ALL" }, { 0, 0 } }, d[1],
			    NULL);
	else
		lt_put_xlat(c, lt_x_netlink, d[1], "NETLINK_???");
	lt_sb_printf(c->sb, ", ndiag_ino=%u, ndiag_show=", RD(uint32_t, d, 4));
	lt_put_flags(c, lt_x_netlink_diag_show, RD(uint32_t, d, 8));
	lt_sb_puts(c->sb, ", ");
	lt_put_cookie(c, "ndiag_cookie", d + 12);
}

static void lt_netlink_diag_msg(const struct lt_nl *m, const uint8_t *d)
{
	struct lt_dctx *c = m->c;
	lt_sb_puts(c->sb, "ndiag_type=");
	lt_put_xlat(c, lt_x_socktype, d[1], "SOCK_???");
	lt_sb_puts(c->sb, ", ndiag_protocol=");
	lt_put_xlat(c, lt_x_netlink, d[2], "NETLINK_???");
	lt_sb_puts(c->sb, ", ndiag_state=");
	lt_put_xlat(c, lt_x_netlink_states, d[3], "NETLINK_???");
	lt_sb_printf(c->sb, ", ndiag_portid=%u, ndiag_dst_portid=%u, ndiag_dst_group=%u, "
		     "ndiag_ino=%u, ", RD(uint32_t, d, 4), RD(uint32_t, d, 8), RD(uint32_t, d, 12),
		     RD(uint32_t, d, 16));
	lt_put_cookie(c, "ndiag_cookie", d + 20);
}

/* ---- packet (netlink_packet_diag.c) ---- */

static int lt_nla_meminfo(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);

static int lt_pdiag_info(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	struct lt_dctx *c = m->c;
	(void)arg;
	if (len < 24)
		return 0;
	if (!lt_nl_readable(m, off, 24)) {
		lt_put_ptr(c, m->addr + off);
		return 1;
	}
	const uint8_t *d = m->d + off;
	lt_sb_puts(c->sb, "{pdi_index=");
	lt_put_ifindex(c, RD(uint32_t, d, 0));
	lt_sb_puts(c->sb, ", pdi_version=");
	lt_put_xlat(c, lt_x_tpacket_versions, RD(uint32_t, d, 4), "TPACKET_???");
	lt_sb_printf(c->sb, ", pdi_reserve=%u, pdi_copy_thresh=%u, pdi_tstamp=%u, pdi_flags=",
		     RD(uint32_t, d, 8), RD(uint32_t, d, 12), RD(uint32_t, d, 16));
	lt_put_flags(c, lt_x_packet_diag_info_flags, RD(uint32_t, d, 20));
	lt_sb_putc(c->sb, '}');
	return 1;
}

/* struct packet_diag_mclist: the address up to its length */
static void lt_pdiag_mclist_elem(const struct lt_nl *m, const uint8_t *e, uint64_t k)
{
	struct lt_dctx *c = m->c;
	uint16_t alen = RD(uint16_t, e, 10);
	(void)k;
	lt_sb_puts(c->sb, "{pdmc_index=");
	lt_put_ifindex(c, RD(uint32_t, e, 0));
	lt_sb_printf(c->sb, ", pdmc_count=%u, pdmc_type=%u, pdmc_alen=%u, pdmc_addr=",
		     RD(uint32_t, e, 4), RD(uint16_t, e, 8), alen);
	lt_put_hexstr(c, e + 12, alen < 32 ? alen : 32);
	lt_sb_putc(c->sb, '}');
}

static int lt_pdiag_mclist(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 44)
		return 0;
	lt_nl_array(m, off, len / 44, 44, lt_pdiag_mclist_elem);
	return 1;
}

static int lt_pdiag_ring(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	static const char *const f[] = { "pdr_block_size", "pdr_block_nr", "pdr_frame_size",
		"pdr_frame_nr", "pdr_retire_tmo", "pdr_sizeof_priv", "pdr_features" };
	(void)arg;
	return lt_u32_struct(m, off, len, f, 7);
}

/* the instructions' codes: decode_seccomp.c's lt_put_bpf_code (strace's bpf_filter.c) */

static void lt_bpf_insn_elem(const struct lt_nl *m, const uint8_t *e, uint64_t k)
{
	struct lt_dctx *c = m->c;
	uint16_t code = RD(uint16_t, e, 0);
	uint32_t kv = RD(uint32_t, e, 4);
	(void)k;
	if (e[2] || e[3]) {
		lt_sb_puts(c->sb, "BPF_JUMP(");
		lt_put_bpf_code(c, code, 0);
		lt_sb_printf(c->sb, ", %#x, %#x, %#x)", kv, e[2], e[3]);
		return;
	}
	lt_sb_puts(c->sb, "BPF_STMT(");
	lt_put_bpf_code(c, code, 0);
	lt_sb_puts(c->sb, ", ");
	lt_put_sock_filter_k(c, code, kv); /* decode_sockopt.c */
	lt_sb_putc(c->sb, ')');
}

/* a socket filter: its instructions with -v, else the address (print_sock_fprog) */
static int lt_pdiag_filter(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	uint64_t n = len / 8;
	if (!n || n > 0xffff)
		return 0;
	if (!(m->c->fmt && m->c->fmt->verbose))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_nl_array(m, off, n, 8, lt_bpf_insn_elem);
	return 1;
}

static lt_nla_fn lt_packet_diag_decoder(unsigned type)
{
	switch (type) {
	case 0: return lt_pdiag_info;
	case 1: return lt_pdiag_mclist;
	case 2: case 3: return lt_pdiag_ring;  /* RX_RING, TX_RING */
	case 4: return lt_nla_u32;             /* FANOUT */
	case 5: return lt_nla_uid;             /* UID */
	case 6: return lt_nla_meminfo;
	case 7: return lt_pdiag_filter;
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_packet_diag = { lt_x_packet_diag_attr,
	"PACKET_DIAG_???", lt_packet_diag_decoder, NULL };

static void lt_packet_diag_req(const struct lt_nl *m, const uint8_t *d)
{
	struct lt_dctx *c = m->c;
	lt_sb_printf(c->sb, "sdiag_protocol=%#x, pdiag_ino=%u, pdiag_show=", d[1], RD(uint32_t, d, 4));
	lt_put_flags(c, lt_x_packet_diag_show, RD(uint32_t, d, 8));
	lt_sb_puts(c->sb, ", ");
	lt_put_cookie(c, "pdiag_cookie", d + 12);
}

static void lt_packet_diag_msg(const struct lt_nl *m, const uint8_t *d)
{
	struct lt_dctx *c = m->c;
	lt_sb_puts(c->sb, "pdiag_type=");
	lt_put_xlat(c, lt_x_socktype, d[1], "SOCK_???");
	lt_sb_puts(c->sb, ", pdiag_num=");
	lt_put_xlat(c, lt_x_eth_p, RD(uint16_t, d, 2), "ETH_P_???");
	lt_sb_printf(c->sb, ", pdiag_ino=%u, ", RD(uint32_t, d, 4));
	lt_put_cookie(c, "pdiag_cookie", d + 8);
}

/* ---- smc (netlink_smc_diag.c) ---- */

/* not in the UAPI headers (net/smc/smc.h, smc_clc.h): strace's own tables */
static const struct lt_xlat lt_x_smc_states[] = { { 1, "SMC_ACTIVE" }, { 2, "SMC_INIT" },
	{ 7, "SMC_CLOSED" }, { 10, "SMC_LISTEN" }, { 20, "SMC_PEERCLOSEWAIT1" },
	{ 21, "SMC_PEERCLOSEWAIT2" }, { 24, "SMC_APPFINCLOSEWAIT" }, { 22, "SMC_APPCLOSEWAIT1" },
	{ 23, "SMC_APPCLOSEWAIT2" }, { 25, "SMC_PEERFINCLOSEWAIT" }, { 26, "SMC_PEERABORTWAIT" },
	{ 27, "SMC_PROCESSABORT" }, { 0, 0 } };
static const struct lt_xlat lt_x_smc_decl_codes[] = { { 0x01010000, "SMC_CLC_DECL_MEM" },
	{ 0x02010000, "SMC_CLC_DECL_TIMEOUT_CL" }, { 0x02020000, "SMC_CLC_DECL_TIMEOUT_AL" },
	{ 0x03000000, "SMC_CLC_DECL_CNFERR" }, { 0x03010000, "SMC_CLC_DECL_PEERNOSMC" },
	{ 0x03020000, "SMC_CLC_DECL_IPSEC" }, { 0x03030000, "SMC_CLC_DECL_NOSMCDEV" },
	{ 0x03040000, "SMC_CLC_DECL_MODEUNSUPP" }, { 0x03050000, "SMC_CLC_DECL_RMBE_EC" },
	{ 0x03060000, "SMC_CLC_DECL_OPTUNSUPP" }, { 0x04000000, "SMC_CLC_DECL_SYNCERR" },
	{ 0x05000000, "SMC_CLC_DECL_PEERDECL" }, { 0x99990000, "SMC_CLC_DECL_INTERR" },
	{ 0x99990001, "SMC_CLC_DECL_ERR_RTOK" }, { 0x99990002, "SMC_CLC_DECL_ERR_RDYLNK" },
	{ 0x99990003, "SMC_CLC_DECL_ERR_REGRMB" }, { 0, 0 } };
static const struct lt_xlat lt_x_smc_roles[] = { { 0, "SMC_CLNT" }, { 1, "SMC_SERV" }, { 0, 0 } };
static const struct lt_xlat lt_x_sock_shutdown[] = { { 1, "RCV_SHUTDOWN" },
	{ 2, "SEND_SHUTDOWN" }, { 0, 0 } };
#define E(n, name) { 1u << ((n) - 1), "1<<(" name "-1)" }
static const struct lt_xlat lt_x_smc_diag_ext[] = { E(1, "SMC_DIAG_CONNINFO"),
	E(2, "SMC_DIAG_LGRINFO"), E(3, "SMC_DIAG_SHUTDOWN"), E(4, "SMC_DIAG_DMBINFO"),
	E(5, "SMC_DIAG_FALLBACK"), { 0, 0 } };
#undef E

static void lt_smc_cursor(struct lt_dctx *c, const char *name, const uint8_t *d)
{
	lt_sb_printf(c->sb, ", %s={reserved=%u, wrap=%u, count=%u}", name, RD(uint16_t, d, 0),
		     RD(uint16_t, d, 2), RD(uint32_t, d, 4));
}

static int lt_smc_conninfo(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	static const char *const cur[] = { "rx_prod", "rx_cons", "tx_prod", "tx_cons" };
	static const char *const cur2[] = { "tx_prep", "tx_sent", "tx_fin" };
	(void)arg;
	if (len < 76)
		return 0;
	if (!lt_nl_readable(m, off, 76)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	const uint8_t *d = m->d + off;
	lt_sb_printf(m->c->sb, "{token=%u, sndbuf_size=%u, rmbe_size=%u, peer_rmbe_size=%u",
		     RD(uint32_t, d, 0), RD(uint32_t, d, 4), RD(uint32_t, d, 8), RD(uint32_t, d, 12));
	for (int k = 0; k < 4; k++)
		lt_smc_cursor(m->c, cur[k], d + 16 + 8 * k);
	lt_sb_printf(m->c->sb, ", rx_prod_flags=%#x, rx_conn_state_flags=%#x, tx_prod_flags=%#x, "
		     "tx_conn_state_flags=%#x", d[48], d[49], d[50], d[51]);
	for (int k = 0; k < 3; k++)
		lt_smc_cursor(m->c, cur2[k], d + 52 + 8 * k);
	lt_sb_putc(m->c->sb, '}');
	return 1;
}

/* PRINT_FIELD_CSTRING: a char array up to its NUL */
static void lt_put_cstring_field(struct lt_dctx *c, const char *name, const uint8_t *d, size_t n)
{
	const uint8_t *z = memchr(d, 0, n);
	lt_sb_printf(c->sb, "%s=", name);
	lt_put_quoted(c, d, z ? (size_t)(z - d) : n, !z);
}

static int lt_smc_lgrinfo(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 147)
		return 0;
	if (!lt_nl_readable(m, off, 147)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	const uint8_t *d = m->d + off;
	lt_sb_printf(m->c->sb, "{lnk=[{link_id=%u, ", d[0]);
	lt_put_cstring_field(m->c, "ibname", d + 1, 64);
	lt_sb_printf(m->c->sb, ", ibport=%u, ", d[65]);
	lt_put_cstring_field(m->c, "gid", d + 66, 40);
	lt_sb_puts(m->c->sb, ", ");
	lt_put_cstring_field(m->c, "peer_gid", d + 106, 40);
	lt_sb_puts(m->c->sb, "}], role=");
	lt_put_xlat(m->c, lt_x_smc_roles, d[146], "SMC_???");
	lt_sb_putc(m->c->sb, '}');
	return 1;
}

/* sock_shutdown_flags, whose names share no prefix: strace's "???_SHUTDOWN" comment */
static int lt_smc_shutdown(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 1 || len > 8)
		return 0;
	if (!lt_nl_readable(m, off, 1)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	uint8_t v = m->d[off];
	if (v && !(v & 3) && (!m->c->fmt || m->c->fmt->xlat != LT_XLAT_RAW)) {
		lt_put_hex(m->c, v);
		lt_sb_puts(m->c->sb, " /* ???_SHUTDOWN */");
	} else {
		lt_put_flags(m->c, lt_x_sock_shutdown, v);
	}
	return 1;
}

static int lt_smc_dmbinfo(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 40)
		return 0;
	if (!lt_nl_readable(m, off, 40)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	const uint8_t *d = m->d + off;
	lt_sb_printf(m->c->sb, "{linkid=%u, peer_gid=%#llx, my_gid=%#llx, token=%#llx, "
		     "peer_token=%#llx}", RD(uint32_t, d, 0), (unsigned long long)RD(uint64_t, d, 8),
		     (unsigned long long)RD(uint64_t, d, 16), (unsigned long long)RD(uint64_t, d, 24),
		     (unsigned long long)RD(uint64_t, d, 32));
	return 1;
}

/* PRINT_FIELD_XVAL_VERBOSE: the value in hex, its name in a comment */
static void lt_put_decl(struct lt_dctx *c, const char *field, uint32_t v)
{
	const char *name = lt_xlat_name(lt_x_smc_decl_codes, v);
	lt_sb_printf(c->sb, "%s=", field);
	lt_put_hex(c, v);
	lt_sb_printf(c->sb, " /* %s */", name ? name : "SMC_CLC_DECL_???");
}

static int lt_smc_fallback(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 8)
		return 0;
	if (!lt_nl_readable(m, off, 8)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	lt_sb_putc(m->c->sb, '{');
	lt_put_decl(m->c, "reason", RD(uint32_t, m->d, off));
	lt_sb_puts(m->c->sb, ", ");
	lt_put_decl(m->c, "peer_diagnosis", RD(uint32_t, m->d, off + 4));
	lt_sb_putc(m->c->sb, '}');
	return 1;
}

static lt_nla_fn lt_smc_diag_decoder(unsigned type)
{
	switch (type) {
	case 1: return lt_smc_conninfo;
	case 2: return lt_smc_lgrinfo;
	case 3: return lt_smc_shutdown;
	case 4: return lt_smc_dmbinfo;
	case 5: return lt_smc_fallback;
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_smc_diag = { lt_x_smc_diag_attr, "SMC_DIAG_???",
						     lt_smc_diag_decoder, NULL };

static void lt_smc_diag_req(const struct lt_nl *m, const uint8_t *d)
{
	lt_sb_puts(m->c->sb, "diag_ext=");
	lt_put_flags(m->c, lt_x_smc_diag_ext, d[1]);
	lt_sb_puts(m->c->sb, ", ");
	lt_inet_diag_sockid(m->c, d + 4, 2 /* AF_INET: what AF_SMC keeps */);
}

static void lt_smc_diag_msg(const struct lt_nl *m, const uint8_t *d)
{
	struct lt_dctx *c = m->c;
	lt_sb_puts(c->sb, "diag_state=");
	lt_put_xlat(c, lt_x_smc_states, d[1], "SMC_???");
	lt_sb_puts(c->sb, ", diag_fallback=");
	lt_put_xlat(c, lt_x_smc_diag_mode, d[2], "SMC_DIAG_MODE_???");
	lt_sb_printf(c->sb, ", diag_shutdown=%u, ", d[3]);
	lt_inet_diag_sockid(c, d + 4, 2);
	lt_sb_printf(c->sb, ", diag_uid=%u, diag_inode=%llu", RD(uint32_t, d, 52),
		     (unsigned long long)RD(uint64_t, d, 56));
}

/* ---- by family ---- */

/* decode_netlink_sock_diag: 1 if it printed the payload */
int lt_nl_sock_diag(const struct lt_nl *m, const uint8_t *h, uint64_t off, uint64_t len)
{
	uint16_t type = RD(uint16_t, h, 4);
	int request = RD(uint16_t, h, 6) & 1; /* NLM_F_REQUEST */
	if (type == NLMSG_DONE)
		return 0;
	if (!lt_nl_readable(m, off, 1)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	uint8_t family = m->d[off];
	if (len > 1) {
		switch (family) {
		case 1: /* AF_UNIX */
			if (request)
				lt_nl_fixed(m, off, len, "sdiag_family", lt_x_af, "AF_???", 24,
					    lt_unix_diag_req, NULL, 0);
			else
				lt_nl_fixed(m, off, len, "udiag_family", lt_x_af, "AF_???", 16,
					    lt_unix_diag_msg, &lt_nla_unix_diag, 0);
			return 1;
		case 2: case 10: /* AF_INET, AF_INET6 */
			lt_nl_inet_diag(m, type, request, off, len);
			return 1;
		case 16: /* AF_NETLINK */
			if (request)
				lt_nl_fixed(m, off, len, "sdiag_family", lt_x_af, "AF_???", 20,
					    lt_netlink_diag_req, NULL, 0);
			else
				lt_nl_fixed(m, off, len, "ndiag_family", lt_x_af, "AF_???", 28,
					    lt_netlink_diag_msg, &lt_nla_netlink_diag, 0);
			return 1;
		case 43: /* AF_SMC */
			if (request)
				lt_nl_fixed(m, off, len, "diag_family", lt_x_af, "AF_???", 52,
					    lt_smc_diag_req, NULL, 0);
			else
				lt_nl_fixed(m, off, len, "diag_family", lt_x_af, "AF_???", 64,
					    lt_smc_diag_msg, &lt_nla_smc_diag, 0);
			return 1;
		case 17: /* AF_PACKET */
			if (request)
				lt_nl_fixed(m, off, len, "sdiag_family", lt_x_af, "AF_???", 20,
					    lt_packet_diag_req, NULL, 0);
			else
				lt_nl_fixed(m, off, len, "pdiag_family", lt_x_af, "AF_???", 16,
					    lt_packet_diag_msg, &lt_nla_packet_diag, 0);
			return 1;
		}
	}
	lt_nl_family(m, off, len, family);
	return 1;
}
