/* Route messages beyond links, stats, nexthops and cache reports, as strace 6.1 prints
 * them: address labels (rtnl_addrlabel.c), DCB (rtnl_dcb.c), netconf (rtnl_netconf.c),
 * namespace ids (rtnl_nsid.c), bridge multicast databases (rtnl_mdb.c). */
#include "decode_netlink.h"

void lt_nl_fixed(const struct lt_nl *m, uint64_t off, uint64_t len, const char *first,
		 const struct lt_xlat *fx, const char *fdflt, size_t size, lt_nl_body_fn fn,
		 const struct lt_nla_table *t, uint64_t arg)
{
	struct lt_dctx *c = m->c;
	int attrs = size == 1;
	lt_sb_printf(c->sb, "{%s=", first);
	lt_put_xlat(c, fx, m->d[off], fdflt);
	if (size > 1) {
		lt_sb_puts(c->sb, ", ");
		if (len < size)
			lt_sb_puts(c->sb, "...");
		else if (!lt_nl_readable(m, off + 1, size - 1))
			lt_put_ptr(c, m->addr + off + 1);
		else {
			fn(m, m->d + off);
			attrs = 1;
		}
	}
	lt_sb_putc(c->sb, '}');
	uint64_t start = (size + 3) & ~(size_t)3;
	if (attrs && t && len > start) {
		lt_sb_puts(c->sb, ", ");
		lt_nl_attrs(m, off + start, len - start, t, arg);
	}
}

/* a structure of n unsigned fields of the given sizes (1, 2, 4, 8; negative: signed) */
struct lt_field { const char *name; int size; };

static int lt_nla_fields(const struct lt_nl *m, uint64_t off, uint64_t len,
			 const struct lt_field *f, size_t n)
{
	size_t need = 0;
	for (size_t k = 0; k < n; k++)
		need += (size_t)(f[k].size < 0 ? -f[k].size : f[k].size);
	if (len < need)
		return 0;
	if (!lt_nl_readable(m, off, need)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	for (size_t k = 0, at = 0; k < n; k++) {
		const uint8_t *d = m->d + off + at;
		int sz = f[k].size < 0 ? -f[k].size : f[k].size;
		lt_sb_printf(m->c->sb, "%s%s=", k ? ", " : "{", f[k].name);
		if (f[k].size == -1)
			lt_put_dec(m->c, (int8_t)d[0]);
		else if (f[k].size == -2)
			lt_put_dec(m->c, RD(int16_t, d, 0));
		else if (f[k].size == -4)
			lt_put_dec(m->c, RD(int32_t, d, 0));
		else
			lt_put_udec(m->c, sz == 1 ? d[0] : sz == 2 ? RD(uint16_t, d, 0)
				    : sz == 4 ? RD(uint32_t, d, 0) : RD(uint64_t, d, 0));
		at += (size_t)sz;
	}
	lt_sb_putc(m->c->sb, '}');
	return 1;
}
#define LT_FIELDS(m, off, len, ...) ({ static const struct lt_field f_[] = { __VA_ARGS__ }; \
	lt_nla_fields(m, off, len, f_, sizeof f_ / sizeof f_[0]); })

/* ---- address labels ---- */

static lt_nla_fn lt_ifal_decoder(unsigned type)
{
	return type == 1 ? lt_nla_inet_addr : type == 2 ? lt_nla_u32 : NULL;
}

static const struct lt_nla_table lt_nla_ifal = { lt_x_ifal, "IFAL_???", lt_ifal_decoder, NULL };

static void lt_ifaddrlblmsg(const struct lt_nl *m, const uint8_t *d)
{
	lt_sb_printf(m->c->sb, "ifal_prefixlen=%u, ifal_flags=%u, ifal_index=", d[2], d[3]);
	lt_put_ifindex(m->c, RD(uint32_t, d, 4));
	lt_sb_printf(m->c->sb, ", ifal_seq=%u", RD(uint32_t, d, 8));
}

/* ---- DCB ---- */

static const struct lt_nla_table lt_nla_dcb = { lt_x_dcb_attr, "DCB_ATTR_???", NULL, NULL };

static void lt_dcbmsg(const struct lt_nl *m, const uint8_t *d)
{
	lt_sb_puts(m->c->sb, "cmd=");
	lt_put_xlat(m->c, lt_x_dcb_cmd, d[1], "DCB_CMD_???");
}

/* ---- netconf, nsid ---- */

static lt_nla_fn lt_netconfa_decoder(unsigned type)
{
	return type == 1 ? lt_nla_ifindex : type >= 2 && type <= 8 ? lt_nla_s32 : NULL;
}

static const struct lt_nla_table lt_nla_netconf = { lt_x_netconfa, "NETCONFA_???",
						    lt_netconfa_decoder, NULL };

static lt_nla_fn lt_netnsa_decoder(unsigned type)
{
	switch (type) {
	case 1: case 4: case 5: return lt_nla_s32; /* NSID, TARGET_NSID, CURRENT_NSID */
	case 2: return lt_nla_u32;                 /* PID */
	case 3: return lt_nla_fd;                  /* FD */
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_nsid = { lt_x_netnsa, "NETNSA_???", lt_netnsa_decoder,
						 NULL };

/* ---- bridge multicast database ---- */

static lt_nla_fn lt_mdb_eattr_decoder(unsigned type)
{
	return type == 1 ? lt_nla_clock_t : NULL; /* MDBA_MDB_EATTR_TIMER */
}

static const struct lt_nla_table lt_nla_mdb_eattr = { lt_x_mdba_mdb_eattr, "MDBA_MDB_EATTR_???",
						      lt_mdb_eattr_decoder, NULL };

/* struct br_mdb_entry, then MDBA_MDB_EATTR_* */
static int lt_mdb_entry_info(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	enum { SIZE = 28 };
	struct lt_dctx *c = m->c;
	(void)arg;
	if (len < SIZE)
		return 0;
	if (!lt_nl_readable(m, off, SIZE)) {
		lt_put_ptr(c, m->addr + off);
	} else {
		const uint8_t *d = m->d + off;
		uint16_t proto = (uint16_t)(d[24] << 8 | d[25]);
		lt_sb_puts(c->sb, "{ifindex=");
		lt_put_ifindex(c, RD(uint32_t, d, 0));
		lt_sb_puts(c->sb, ", state=");
		lt_put_xlat(c, lt_x_mdb_states, d[4], "MDB_???");
		lt_sb_puts(c->sb, ", flags=");
		lt_put_flags(c, lt_x_mdb_flags, d[5]);
		lt_sb_printf(c->sb, ", vid=%u, addr={", RD(uint16_t, d, 6));
		lt_put_inet_addr(c, d + 8, 16, (uint8_t)(proto == 0x800 ? 2 : proto == 0x86dd ? 10 : 0),
				 "u");
		lt_sb_puts(c->sb, ", proto=htons(");
		lt_put_xlat(c, lt_x_af, proto, "AF_???");
		lt_sb_puts(c->sb, ")}}");
	}
	if (len > SIZE) {
		lt_sb_puts(c->sb, ", ");
		lt_nl_attrs(m, off + SIZE, len - SIZE, &lt_nla_mdb_eattr, 0);
	}
	return 1;
}

static lt_nla_fn lt_mdb_entry_decoder(unsigned type)
{
	return type == 1 ? lt_mdb_entry_info : NULL;
}

static const struct lt_nla_table lt_nla_mdb_entry = { lt_x_mdba_mdb_entry, "MDBA_MDB_ENTRY_???",
						      lt_mdb_entry_decoder, NULL };

LT_NLA_NESTED(lt_mdb_entry, lt_nla_mdb_entry)

static lt_nla_fn lt_mdb_decoder(unsigned type)
{
	return type == 1 ? lt_mdb_entry : NULL;
}

static const struct lt_nla_table lt_nla_mdba_mdb = { lt_x_mdba_mdb, "MDBA_MDB_???",
						     lt_mdb_decoder, NULL };

static int lt_mdb_rtr_type(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)len, (void)arg;
	if (!lt_nl_readable(m, off, 1))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_put_xlat(m->c, lt_x_mdb_rtr_type, m->d[off], "MDB_RTR_TYPE_???");
	return 1;
}

static lt_nla_fn lt_router_pattr_decoder(unsigned type)
{
	switch (type) {
	case 1: case 3: case 4: return lt_nla_clock_t; /* TIMER, INET_TIMER, INET6_TIMER */
	case 2: return lt_mdb_rtr_type;
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_router_pattr = { lt_x_mdba_router_pattr,
	"MDBA_ROUTER_PATTR_???", lt_router_pattr_decoder, NULL };

/* MDBA_ROUTER_PORT: an ifindex, then MDBA_ROUTER_PATTR_* */
static int lt_mdb_router_port(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 4)
		return 0;
	if (!lt_nl_readable(m, off, 4))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_put_ifindex(m->c, RD(uint32_t, m->d, off));
	if (len > 4) {
		lt_sb_puts(m->c->sb, ", ");
		lt_nl_attrs(m, off + 4, len - 4, &lt_nla_router_pattr, 0);
	}
	return 1;
}

static lt_nla_fn lt_router_decoder(unsigned type)
{
	return type == 1 ? lt_mdb_router_port : NULL;
}

static const struct lt_nla_table lt_nla_mdba_router = { lt_x_mdba_router, "MDBA_ROUTER_???",
							lt_router_decoder, NULL };

LT_NLA_NESTED(lt_mdba_mdb, lt_nla_mdba_mdb)

LT_NLA_NESTED(lt_mdba_router, lt_nla_mdba_router)

static lt_nla_fn lt_mdba_decoder(unsigned type)
{
	return type == 1 ? lt_mdba_mdb : type == 2 ? lt_mdba_router : NULL;
}

static const struct lt_nla_table lt_nla_mdba = { lt_x_mdba, "MDBA_???", lt_mdba_decoder, NULL };

static void lt_br_port_msg(const struct lt_nl *m, const uint8_t *d)
{
	lt_sb_puts(m->c->sb, "ifindex=");
	lt_put_ifindex(m->c, RD(uint32_t, d, 4));
}

/* ---- IFLA_INET6_* (rtnl_link.c) ---- */

/* not in the UAPI headers (net/if_inet6.h) */
static const struct lt_xlat lt_x_inet6_if_flags[] = { { 0x10, "IF_RS_SENT" },
	{ 0x20, "IF_RA_RCVD" }, { 0x40, "IF_RA_MANAGED" }, { 0x80, "IF_RA_OTHERCONF" },
	{ 0x80000000, "IF_READY" }, { 0, 0 } };

static int lt_inet6_flags(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 4, lt_x_inet6_if_flags, NULL, 1);
}

static void lt_devconf_elem(const struct lt_nl *m, const uint8_t *e, uint64_t k)
{
	lt_sb_putc(m->c->sb, '[');
	lt_put_xval_u(m->c, lt_x_inet6_devconf, k, "DEVCONF_???");
	lt_sb_printf(m->c->sb, "]=%d", RD(int32_t, e, 0));
}

static void lt_ipstats_elem(const struct lt_nl *m, const uint8_t *e, uint64_t k)
{
	lt_sb_putc(m->c->sb, '[');
	lt_put_xval_u(m->c, lt_x_snmp_ip_stats, k, "IPSTATS_MIB_???");
	lt_sb_printf(m->c->sb, "]=%llu", (unsigned long long)RD(uint64_t, e, 0));
}

static void lt_icmp6stats_elem(const struct lt_nl *m, const uint8_t *e, uint64_t k)
{
	lt_sb_putc(m->c->sb, '[');
	lt_put_xval_u(m->c, lt_x_snmp_icmp6_stats, k, "ICMP6_MIB_???");
	lt_sb_printf(m->c->sb, "]=%llu", (unsigned long long)RD(uint64_t, e, 0));
}

static int lt_inet6_conf(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 4)
		return 0;
	lt_nl_array(m, off, len / 4, 4, lt_devconf_elem);
	return 1;
}

static int lt_inet6_stats(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	if (len < 8)
		return 0;
	lt_nl_array(m, off, len / 8, 8, arg ? lt_icmp6stats_elem : lt_ipstats_elem);
	return 1;
}

static int lt_inet6_icmp6stats(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_inet6_stats(m, off, len, 1);
}

static int lt_inet6_ipstats(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_inet6_stats(m, off, len, 0);
}

static int lt_inet6_cacheinfo(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 16)
		return 0;
	if (!lt_nl_readable(m, off, 16))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_sb_printf(m->c->sb, "{max_reasm_len=%u, tstamp=%u, reachable_time=%u, retrans_time=%u}",
			     RD(uint32_t, m->d, off), RD(uint32_t, m->d, off + 4),
			     RD(uint32_t, m->d, off + 8), RD(uint32_t, m->d, off + 12));
	return 1;
}

/* decode_nla_in_addr, decode_nla_in6_addr */
static int lt_nla_in_addr(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	lt_nl_inet_addr(m, off, len, 2, NULL);
	return 1;
}

static int lt_nla_in6_addr(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	lt_nl_inet_addr(m, off, len, 10, NULL);
	return 1;
}

static int lt_inet6_agm(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 1, lt_x_in6_addr_gen_mode, "IN6_ADDR_GEN_MODE_???", 0);
}

lt_nla_fn lt_ifla_inet6_decoder(unsigned type)
{
	switch (type) {
	case 1: return lt_inet6_flags;
	case 2: return lt_inet6_conf;
	case 3: return lt_inet6_ipstats;
	case 5: return lt_inet6_cacheinfo;
	case 6: return lt_inet6_icmp6stats;
	case 7: return lt_nla_in6_addr;    /* TOKEN */
	case 8: return lt_inet6_agm;       /* ADDR_GEN_MODE */
	case 9: return lt_nla_u32;         /* RA_MTU */
	}
	return NULL;
}

/* ---- cache reports (rtnl_cachereport.c) ---- */

static int lt_ipmra_msgtype(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 1, lt_x_ipmra_msg_types, "IGMPMSG_???", 0);
}

static int lt_ip6mra_msgtype(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 1, lt_x_ip6mra_msg_types, "MRT6MSG_???", 0);
}

/* IPMRA_CREPORT_: MSGTYPE, VIF_ID, SRC_ADDR, DST_ADDR, PKT (raw), TABLE */
lt_nla_fn lt_ipmra_decoder(unsigned type)
{
	switch (type) {
	case 1: return lt_ipmra_msgtype;
	case 2: case 6: return lt_nla_u32;
	case 3: case 4: return lt_nla_in_addr;
	}
	return NULL;
}

/* IP6MRA_CREPORT_: MSGTYPE, MIF_ID, SRC_ADDR, DST_ADDR, PKT (raw) */
lt_nla_fn lt_ip6mra_decoder(unsigned type)
{
	switch (type) {
	case 1: return lt_ip6mra_msgtype;
	case 2: return lt_nla_u32;
	case 3: case 4: return lt_nla_in6_addr;
	}
	return NULL;
}

/* ---- links: statistics, maps, XDP (rtnl_link.c) ---- */

int lt_ifla_port(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);
int lt_ifla_vf_ports(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);

static const char *const lt_link_stats_names[] = { "rx_packets", "tx_packets", "rx_bytes",
	"tx_bytes", "rx_errors", "tx_errors", "rx_dropped", "tx_dropped", "multicast", "collisions",
	"rx_length_errors", "rx_over_errors", "rx_crc_errors", "rx_frame_errors", "rx_fifo_errors",
	"rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors", "tx_fifo_errors",
	"tx_heartbeat_errors", "tx_window_errors", "rx_compressed", "tx_compressed", "rx_nohandler",
	"rx_otherhost_dropped" };

/* n counters of width bytes at off, named as struct rtnl_link_stats(64) names them */
static void lt_link_counters(const struct lt_nl *m, uint64_t off, unsigned n, unsigned width)
{
	for (unsigned k = 0; k < n; k++) {
		uint64_t v = width == 8 ? RD(uint64_t, m->d, off + 8 * k) : RD(uint32_t, m->d, off + 4 * k);
		lt_sb_printf(m->c->sb, "%s%s=%llu", k ? ", " : "{", lt_link_stats_names[k],
			     (unsigned long long)v);
	}
	lt_sb_putc(m->c->sb, '}');
}

/* struct rtnl_link_stats: 24 counters, or the 23 of older kernels */
static int lt_ifla_stats(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	unsigned n = len >= 96 ? 24 : len == 92 ? 23 : 0;
	if (!n)
		return 0;
	if (!lt_nl_readable(m, off, n * 4))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_link_counters(m, off, n, 4);
	return 1;
}

/* struct rtnl_link_stats64: 25 counters, or the 24 or 23 of older kernels */
int lt_nla_link_stats64(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	unsigned n = len >= 200 ? 25 : len == 192 ? 24 : len == 184 ? 23 : 0;
	if (!n)
		return 0;
	if (!lt_nl_readable(m, off, n * 8))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_link_counters(m, off, n, 8);
	return 1;
}

/* struct rtnl_link_ifmap, up to its port */
static int lt_ifla_map(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 28)
		return 0;
	if (!lt_nl_readable(m, off, 28)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	const uint8_t *d = m->d + off;
	lt_sb_printf(m->c->sb, "{mem_start=%#llx, mem_end=%#llx, base_addr=%#llx, irq=%u, dma=%u, "
		     "port=%u}", (unsigned long long)RD(uint64_t, d, 0),
		     (unsigned long long)RD(uint64_t, d, 8), (unsigned long long)RD(uint64_t, d, 16),
		     RD(uint16_t, d, 24), d[26], d[27]);
	return 1;
}

static int lt_ifla_ext_mask(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 4, lt_x_rtext_filter, NULL, 1);
}

static int lt_xdp_attached(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 1, lt_x_xdp_attached, "XDP_ATTACHED_???", 0);
}

static int lt_xdp_flags(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 4)
		return 0;
	if (!lt_nl_readable(m, off, 4))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_put_flags(m->c, lt_x_xdp_flags, RD(uint32_t, m->d, off));
	return 1;
}

static lt_nla_fn lt_ifla_xdp_decoder(unsigned type)
{
	switch (type) {
	case 1: case 8: return lt_nla_fd;   /* FD, EXPECTED_FD */
	case 2: return lt_xdp_attached;
	case 3: return lt_xdp_flags;
	case 4 ... 7: return lt_nla_u32;    /* PROG_ID, DRV_, SKB_, HW_PROG_ID */
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_ifla_xdp = { lt_x_ifla_xdp, "IFLA_XDP_???",
						     lt_ifla_xdp_decoder, NULL };

LT_NLA_NESTED(lt_ifla_xdp, lt_nla_ifla_xdp)

static lt_nla_fn lt_proto_down_reason_decoder(unsigned type)
{
	return type == 1 || type == 2 ? lt_nla_x32 : NULL; /* MASK, VALUE */
}

static const struct lt_nla_table lt_nla_proto_down_reason = { lt_x_ifla_proto_down_reason,
	"IFLA_PROTO_DOWN_REASON_???", lt_proto_down_reason_decoder, NULL };

static int lt_ifla_proto_down_reason(const struct lt_nl *m, uint64_t off, uint64_t len,
				     uint64_t arg)
{
	lt_nl_attrs(m, off, len, &lt_nla_proto_down_reason, arg);
	return 1;
}

static int lt_ifla_event(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 4)
		return 0;
	if (!lt_nl_readable(m, off, 4))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_put_xlat(m->c, lt_x_ifla_event, RD(uint32_t, m->d, off), "IFLA_EVENT_???");
	return 1;
}

/* IFLA_PROP_LIST: IFLA_* names, every one a string (strace's ifla_prop_list_decoder) */
static const struct lt_nla_table lt_nla_prop_list = { lt_x_ifla, "IFLA_???", NULL, lt_nla_str };

LT_NLA_NESTED(lt_ifla_prop_list, lt_nla_prop_list)

/* ---- IFLA_LINKINFO: data by the kind named before it (rtnl_link.c) ---- */

/* what IFLA_INFO_KIND and IFLA_INFO_SLAVE_KIND said, for the attributes after them */
struct lt_linkinfo_ctx {
	char kind[64];
	char slave_kind[64];
};

/* update_ctx_str: the kind when it is NUL-terminated within the attribute, else "" */
static void lt_linkinfo_note(const struct lt_nl *m, uint64_t off, uint64_t len, char *str)
{
	str[0] = 0;
	if (len >= 64 || !lt_nl_readable(m, off, len))
		return;
	const uint8_t *z = memchr(m->d + off, 0, (size_t)len);
	if (z)
		memcpy(str, m->d + off, (size_t)(z - (m->d + off)) + 1);
}

/* printstr_ex(..., QUOTE_0_TERMINATED): up to the NUL, "..." when there is none within -s */
static void lt_nl_cstr(const struct lt_nl *m, uint64_t off, uint64_t len)
{
	struct lt_dctx *c = m->c;
	uint64_t size = len < (uint64_t)c->strsize + 1 ? len : (uint64_t)c->strsize + 1;
	if (!lt_nl_readable(m, off, size)) {
		lt_put_ptr(c, m->addr + off);
		return;
	}
	if (size > c->strsize)
		size = c->strsize;
	const uint8_t *z = memchr(m->d + off, 0, (size_t)size);
	if (z)
		lt_put_quoted(c, m->d + off, (size_t)(z - (m->d + off)), 0);
	else
		lt_put_quoted(c, m->d + off, (size_t)size, len != 0);
}

static int lt_info_kind(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	lt_linkinfo_note(m, off, len, ((struct lt_linkinfo_ctx *)(uintptr_t)arg)->kind);
	lt_nl_cstr(m, off, len);
	return 1;
}

static int lt_info_slave_kind(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	lt_linkinfo_note(m, off, len, ((struct lt_linkinfo_ctx *)(uintptr_t)arg)->slave_kind);
	lt_nl_cstr(m, off, len);
	return 1;
}

static int lt_nla_hwaddr(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);

/* struct br_boolopt_multi */
static int lt_br_boolopt(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	static const struct lt_xlat bits[] = { { 1, "1<<BR_BOOLOPT_NO_LL_LEARN" },
		{ 2, "1<<BR_BOOLOPT_MCAST_VLAN_SNOOPING" }, { 4, "1<<BR_BOOLOPT_MST_ENABLE" }, { 0, 0 } };
	(void)arg;
	if (len < 8)
		return 0;
	if (!lt_nl_readable(m, off, 8)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	lt_sb_puts(m->c->sb, "{optval=");
	lt_put_flags(m->c, bits, RD(uint32_t, m->d, off));
	lt_sb_puts(m->c->sb, ", optmask=");
	lt_put_flags(m->c, bits, RD(uint32_t, m->d, off + 4));
	lt_sb_putc(m->c->sb, '}');
	return 1;
}

static lt_nla_fn lt_bridge_querier_decoder(unsigned type)
{
	switch (type) {
	case 1: return lt_nla_in_addr;
	case 2: case 6: return lt_nla_ifindex;   /* IP_PORT, IPV6_PORT */
	case 3: case 7: return lt_nla_clock_t;   /* IP_OTHER_TIMER, IPV6_OTHER_TIMER */
	case 5: return lt_nla_in6_addr;
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_bridge_querier = { lt_x_bridge_querier,
	"BRIDGE_QUERIER_???", lt_bridge_querier_decoder, NULL };

LT_NLA_NESTED(lt_br_mcast_qstate, lt_nla_bridge_querier)

/* decode_nla_ether_proto: htons(ETH_P_*) */
static int lt_nla_ether_proto(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 2 || len > 8)
		return 0;
	if (!lt_nl_readable(m, off, 2)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	lt_sb_puts(m->c->sb, "htons(");
	lt_put_xlat(m->c, lt_x_eth_p, (unsigned)(m->d[off] << 8 | m->d[off + 1]), "ETH_P_???");
	lt_sb_putc(m->c->sb, ')');
	return 1;
}

static lt_nla_fn lt_ifla_br_decoder(unsigned type)
{
	switch (type) {
	case 1 ... 4: case 16 ... 19: case 30 ... 35: return lt_nla_clock_t;
	case 5: case 13: case 26 ... 29: return lt_nla_u32;
	case 6: case 12: case 39: return lt_nla_u16;      /* PRIORITY ROOT_PORT VLAN_DEFAULT_PVID */
	case 7: case 14: case 15: case 22 ... 25: case 36 ... 38: case 41 ... 45: return lt_nla_u8;
	case 8: return lt_nla_ether_proto;                 /* VLAN_PROTOCOL */
	case 9: return lt_nla_x16;                         /* GROUP_FWD_MASK */
	case 10: case 11: return lt_nla_bridge_id;         /* ROOT_ID, BRIDGE_ID */
	case 20: return lt_nla_hwaddr;                     /* GROUP_ADDR */
	case 46: return lt_br_boolopt;                     /* MULTI_BOOLOPT */
	case 47: return lt_br_mcast_qstate;                /* MCAST_QUERIER_STATE */
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_ifla_br = { lt_x_ifla_br, "IFLA_BR_???",
						    lt_ifla_br_decoder, NULL };

/* decode_nla_uid/gid: -1 as -1, the rest unsigned */
int lt_nla_uid(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 4)
		return 0;
	if (!lt_nl_readable(m, off, 4))
		lt_put_ptr(m->c, m->addr + off);
	else if (RD(uint32_t, m->d, off) == UINT32_MAX)
		lt_sb_puts(m->c->sb, "-1");
	else
		lt_put_udec(m->c, RD(uint32_t, m->d, off));
	return 1;
}

static int lt_tun_type(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 1, lt_x_tun_type, "IFF_???", 0);
}

static lt_nla_fn lt_ifla_tun_decoder(unsigned type)
{
	switch (type) {
	case 1: case 2: return lt_nla_uid;     /* OWNER, GROUP */
	case 3: return lt_tun_type;
	case 4 ... 7: return lt_nla_u8;        /* PI VNET_HDR PERSIST MULTI_QUEUE */
	case 8: case 9: return lt_nla_u32;     /* NUM_QUEUES, NUM_DISABLED_QUEUES */
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_ifla_tun = { lt_x_ifla_tun, "IFLA_TUN_???",
						     lt_ifla_tun_decoder, NULL };

static int lt_info_data(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	const char *kind = ((struct lt_linkinfo_ctx *)(uintptr_t)arg)->kind;
	if (!strcmp(kind, "bridge"))
		lt_nl_attrs(m, off, len, &lt_nla_ifla_br, arg);
	else if (!strcmp(kind, "tun"))
		lt_nl_attrs(m, off, len, &lt_nla_ifla_tun, arg);
	else
		return 0;
	return 1;
}

static int lt_info_slave_data(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	if (strcmp(((struct lt_linkinfo_ctx *)(uintptr_t)arg)->slave_kind, "bridge"))
		return 0;
	lt_nl_attrs(m, off, len, &lt_nla_brport, 0);
	return 1;
}

/* struct can_device_stats, for kind "can" */
static int lt_info_xstats(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	if (strcmp(((struct lt_linkinfo_ctx *)(uintptr_t)arg)->kind, "can"))
		return 0;
	return LT_FIELDS(m, off, len, { "bus_error", 4 }, { "error_warning", 4 },
			 { "error_passive", 4 }, { "bus_off", 4 }, { "arbitration_lost", 4 },
			 { "restarts", 4 });
}

static lt_nla_fn lt_ifla_info_decoder(unsigned type)
{
	switch (type) {
	case 1: return lt_info_kind;
	case 2: return lt_info_data;
	case 3: return lt_info_xstats;
	case 4: return lt_info_slave_kind;
	case 5: return lt_info_slave_data;
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_ifla_info = { lt_x_ifla_info, "IFLA_INFO_???",
						      lt_ifla_info_decoder, NULL };

static int lt_ifla_linkinfo(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	struct lt_linkinfo_ctx ctx = { "", "" };
	(void)arg;
	lt_nl_attrs(m, off, len, &lt_nla_ifla_info, (uintptr_t)&ctx);
	return 1;
}

/* ---- IFLA_VFINFO_LIST (rtnl_link.c) ---- */

/* struct ifla_vf_mac / ifla_vf_broadcast: (vf,) a 32-byte address */
static int lt_vf_mac(const struct lt_nl *m, uint64_t off, uint64_t len, int with_vf)
{
	uint64_t size = with_vf ? 36 : 32;
	if (len < size)
		return 0;
	if (!lt_nl_readable(m, off, size)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	if (with_vf)
		lt_sb_printf(m->c->sb, "{vf=%u, mac=", RD(uint32_t, m->d, off));
	else
		lt_sb_puts(m->c->sb, "{broadcast=");
	lt_put_mac(m->c, m->d + off + size - 32, 32);
	lt_sb_putc(m->c->sb, '}');
	return 1;
}

static int lt_ifla_vf_mac(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_vf_mac(m, off, len, 1);
}

static int lt_ifla_vf_broadcast(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_vf_mac(m, off, len, 0);
}

static int lt_ifla_vf_vlan(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return LT_FIELDS(m, off, len, { "vf", 4 }, { "vlan", 4 }, { "qos", 4 });
}

static int lt_ifla_vf_tx_rate(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return LT_FIELDS(m, off, len, { "vf", 4 }, { "rate", 4 });
}

/* ifla_vf_spoofchk, ifla_vf_rss_query_en, ifla_vf_trust */
static int lt_ifla_vf_setting(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return LT_FIELDS(m, off, len, { "vf", 4 }, { "setting", 4 });
}

static int lt_ifla_vf_rate(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return LT_FIELDS(m, off, len, { "vf", 4 }, { "min_tx_rate", 4 }, { "max_tx_rate", 4 });
}

static int lt_ifla_vf_link_state(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 8)
		return 0;
	if (!lt_nl_readable(m, off, 8)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	lt_sb_printf(m->c->sb, "{vf=%u, link_state=", RD(uint32_t, m->d, off));
	lt_put_xlat(m->c, lt_x_ifla_vf_link_state, RD(uint32_t, m->d, off + 4),
		    "IFLA_VF_LINK_STATE_???");
	lt_sb_putc(m->c->sb, '}');
	return 1;
}

static lt_nla_fn lt_ifla_vf_stats_decoder(unsigned type)
{
	return type <= 8 && type != 6 ? lt_nla_u64 : NULL; /* all but PAD */
}

static const struct lt_nla_table lt_nla_ifla_vf_stats = { lt_x_ifla_vf_stats,
	"IFLA_VF_STATS_???", lt_ifla_vf_stats_decoder, NULL };

LT_NLA_NESTED(lt_ifla_vf_stats, lt_nla_ifla_vf_stats)

/* struct ifla_vf_guid: 12 bytes packed, or 16 with the guid aligned */
static int lt_ifla_vf_guid(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len != 12 && len != 16)
		return 0;
	if (!lt_nl_readable(m, off, len)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	lt_sb_printf(m->c->sb, "{vf=%u, guid=%#llx}", RD(uint32_t, m->d, off),
		     (unsigned long long)RD(uint64_t, m->d, off + len - 8));
	return 1;
}

static int lt_ifla_vf_vlan_info(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 16) /* with its padding */
		return 0;
	if (!lt_nl_readable(m, off, 16)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	const uint8_t *d = m->d + off;
	lt_sb_printf(m->c->sb, "{vf=%u, vlan=%u, qos=%u, vlan_proto=htons(", RD(uint32_t, d, 0),
		     RD(uint32_t, d, 4), RD(uint32_t, d, 8));
	lt_put_xlat(m->c, lt_x_eth_p, (unsigned)(d[12] << 8 | d[13]), "ETH_P_???");
	lt_sb_puts(m->c->sb, ")}");
	return 1;
}

static lt_nla_fn lt_ifla_vf_vlan_list_decoder(unsigned type)
{
	return type == 1 ? lt_ifla_vf_vlan_info : NULL;
}

static const struct lt_nla_table lt_nla_ifla_vf_vlan_list = { lt_x_ifla_vf_vlan_list,
	"IFLA_VF_VLAN_INFO_???", lt_ifla_vf_vlan_list_decoder, NULL };

LT_NLA_NESTED(lt_ifla_vf_vlan_list, lt_nla_ifla_vf_vlan_list)

static lt_nla_fn lt_ifla_vf_decoder(unsigned type)
{
	switch (type) {
	case 1: return lt_ifla_vf_mac;
	case 2: return lt_ifla_vf_vlan;
	case 3: return lt_ifla_vf_tx_rate;
	case 4: case 7: case 9: return lt_ifla_vf_setting; /* SPOOFCHK RSS_QUERY_EN TRUST */
	case 5: return lt_ifla_vf_link_state;
	case 6: return lt_ifla_vf_rate;
	case 8: return lt_ifla_vf_stats;
	case 10: case 11: return lt_ifla_vf_guid;         /* IB_NODE_GUID, IB_PORT_GUID */
	case 12: return lt_ifla_vf_vlan_list;
	case 13: return lt_ifla_vf_broadcast;
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_ifla_vf = { lt_x_ifla_vf, "IFLA_VF_???",
						    lt_ifla_vf_decoder, NULL };

LT_NLA_NESTED(lt_ifla_vf_info, lt_nla_ifla_vf)

static lt_nla_fn lt_ifla_vfinfo_list_decoder(unsigned type)
{
	return type == 1 ? lt_ifla_vf_info : NULL;
}

static const struct lt_nla_table lt_nla_ifla_vfinfo_list = { lt_x_ifla_vfinfo_list,
	"IFLA_VF_INFO_???", lt_ifla_vfinfo_list_decoder, NULL };

LT_NLA_NESTED(lt_ifla_vfinfo_list, lt_nla_ifla_vfinfo_list)

/* the IFLA_* attributes decoded here (the rest: lt_ifla_decoder in decode_netlink.c) */
lt_nla_fn lt_ifla_more_decoder(unsigned type)
{
	switch (type) {
	case 7: return lt_ifla_stats;              /* IFLA_STATS */
	case 14: return lt_ifla_map;               /* IFLA_MAP */
	case 18: return lt_ifla_linkinfo;          /* IFLA_LINKINFO */
	case 22: return lt_ifla_vfinfo_list;       /* IFLA_VFINFO_LIST */
	case 23: return lt_nla_link_stats64;       /* IFLA_STATS64 */
	case 24: return lt_ifla_vf_ports;          /* IFLA_VF_PORTS */
	case 25: return lt_ifla_port;              /* IFLA_PORT_SELF */
	case 29: return lt_ifla_ext_mask;          /* IFLA_EXT_MASK */
	case 43: return lt_ifla_xdp;               /* IFLA_XDP */
	case 44: return lt_ifla_event;             /* IFLA_EVENT */
	case 52: return lt_ifla_prop_list;         /* IFLA_PROP_LIST */
	case 55: return lt_ifla_proto_down_reason; /* IFLA_PROTO_DOWN_REASON */
	}
	return NULL;
}

/* ---- IFLA_AF_SPEC: AF_INET's and AF_BRIDGE's attributes (rtnl_link.c) ---- */

/* strace names IFLA_INET_CONF's elements by IPV4_DEVCONF_* less one: [IPV4_DEVCONF_FORWARDING-1] */
static void lt_inet_devconf_elem(const struct lt_nl *m, const uint8_t *e, uint64_t k)
{
	struct lt_dctx *c = m->c;
	const char *name = lt_xlat_name(lt_x_ipv4_devconf, k + 1);
	enum lt_xlat_style st = c->fmt ? c->fmt->xlat : LT_XLAT_ABBREV;
	lt_sb_putc(c->sb, '[');
	if (!name || st != LT_XLAT_ABBREV)
		lt_put_udec(c, k);
	if (!name && st != LT_XLAT_RAW)
		lt_sb_puts(c->sb, " /* IPV4_DEVCONF_??? */");
	else if (name && st == LT_XLAT_ABBREV)
		lt_sb_printf(c->sb, "%s-1", name);
	else if (name && st == LT_XLAT_VERBOSE)
		lt_sb_printf(c->sb, " /* %s-1 */", name);
	lt_sb_printf(c->sb, "]=%d", RD(int32_t, e, 0));
}

static int lt_ifla_inet_conf(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 4)
		return 0;
	lt_nl_array(m, off, len / 4, 4, lt_inet_devconf_elem);
	return 1;
}

lt_nla_fn lt_ifla_inet_decoder(unsigned type)
{
	return type == 1 ? lt_ifla_inet_conf : NULL; /* IFLA_INET_CONF */
}

static int lt_ifla_bridge_flags(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 2, lt_x_bridge_flags, NULL, 1);
}

static int lt_ifla_bridge_mode(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 2, lt_x_bridge_mode, "BRIDGE_MODE_???", 0);
}

/* struct bridge_vlan_info, then whatever follows in hex */
static int lt_ifla_bridge_vlan_info(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 4)
		return 0;
	if (!lt_nl_readable(m, off, 4)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	lt_sb_puts(m->c->sb, "{flags=");
	lt_put_flags(m->c, lt_x_bridge_vlan_info, RD(uint16_t, m->d, off));
	lt_sb_printf(m->c->sb, ", vid=%u}", RD(uint16_t, m->d, off + 2));
	if (len > 4) {
		lt_sb_puts(m->c->sb, ", ");
		lt_nl_hex(m, off + 4, len - 4);
	}
	return 1;
}

static int lt_bridge_vlan_flags(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 2, lt_x_bridge_vlan_info, NULL, 1);
}

static lt_nla_fn lt_vlan_tunnel_decoder(unsigned type)
{
	return type == 1 ? lt_nla_u32 : type == 2 ? lt_nla_u16 : type == 3 ? lt_bridge_vlan_flags
		: NULL; /* TUNNEL_ID, VID, FLAGS */
}

static const struct lt_nla_table lt_nla_vlan_tunnel = { lt_x_ifla_bridge_vlan_tunnel,
	"IFLA_BRIDGE_VLAN_TUNNEL_???", lt_vlan_tunnel_decoder, NULL };

static int lt_ifla_bridge_vlan_tunnel(const struct lt_nl *m, uint64_t off, uint64_t len,
				      uint64_t arg)
{
	lt_nl_attrs(m, off, len, &lt_nla_vlan_tunnel, arg);
	return 1;
}

lt_nla_fn lt_ifla_bridge_decoder(unsigned type)
{
	switch (type) {
	case 0: return lt_ifla_bridge_flags;        /* IFLA_BRIDGE_FLAGS */
	case 1: return lt_ifla_bridge_mode;
	case 2: return lt_ifla_bridge_vlan_info;
	case 3: return lt_ifla_bridge_vlan_tunnel;  /* VLAN_TUNNEL_INFO */
	}
	return NULL;
}

/* ---- link statistics: bridge extended stats (rtnl_stats.c) ---- */

/* the bytes past a structure, in hex */
static void lt_nl_tail(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t size)
{
	if (len > size) {
		lt_sb_puts(m->c->sb, ", ");
		lt_nl_hex(m, off + size, len - size);
	}
}

/* struct bridge_vlan_xstats */
static int lt_bridge_vlan_xstats(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 40)
		return 0;
	if (!lt_nl_readable(m, off, 40)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	const uint8_t *d = m->d + off;
	lt_sb_printf(m->c->sb, "{rx_bytes=%llu, rx_packets=%llu, tx_bytes=%llu, tx_packets=%llu, "
		     "vid=%u, flags=", (unsigned long long)RD(uint64_t, d, 0),
		     (unsigned long long)RD(uint64_t, d, 8), (unsigned long long)RD(uint64_t, d, 16),
		     (unsigned long long)RD(uint64_t, d, 24), RD(uint16_t, d, 32));
	lt_put_flags(m->c, lt_x_bridge_vlan_info, RD(uint16_t, d, 34));
	if (RD(uint32_t, d, 36))
		lt_sb_printf(m->c->sb, ", pad2=%#x", RD(uint32_t, d, 36));
	lt_sb_putc(m->c->sb, '}');
	lt_nl_tail(m, off, len, 40);
	return 1;
}

/* struct br_mcast_stats: counters by direction, two parse error counts */
static int lt_bridge_mcast_xstats(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	static const char *const f[] = { "igmp_v1queries", "igmp_v2queries", "igmp_v3queries",
		"igmp_leaves", "igmp_v1reports", "igmp_v2reports", "igmp_v3reports", "=igmp_parse_errors",
		"mld_v1queries", "mld_v2queries", "mld_leaves", "mld_v1reports", "mld_v2reports",
		"=mld_parse_errors", "mcast_bytes", "mcast_packets" };
	enum { SIZE = 14 * 16 + 2 * 8 };
	struct lt_dctx *c = m->c;
	(void)arg;
	if (len < SIZE)
		return 0;
	if (!lt_nl_readable(m, off, SIZE)) {
		lt_put_ptr(c, m->addr + off);
		return 1;
	}
	uint64_t at = off;
	for (size_t k = 0; k < sizeof f / sizeof f[0]; k++) {
		lt_sb_puts(c->sb, k ? ", " : "{");
		if (f[k][0] == '=') { /* a single counter */
			lt_sb_printf(c->sb, "%s=%llu", f[k] + 1, (unsigned long long)RD(uint64_t, m->d, at));
			at += 8;
			continue;
		}
		lt_sb_printf(c->sb, "%s=[", f[k]);
		for (unsigned dir = 0; dir < 2; dir++, at += 8) {
			lt_sb_puts(c->sb, dir ? ", [" : "[");
			lt_put_xval_u(c, lt_x_br_mcast_dir, dir, NULL);
			lt_sb_printf(c->sb, "]=%llu", (unsigned long long)RD(uint64_t, m->d, at));
		}
		lt_sb_putc(c->sb, ']');
	}
	lt_sb_putc(c->sb, '}');
	lt_nl_tail(m, off, len, SIZE);
	return 1;
}

static int lt_bridge_stp_xstats(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 48)
		return 0;
	if (!LT_FIELDS(m, off, len, { "transition_blk", 8 }, { "transition_fwd", 8 },
		       { "rx_bpdu", 8 }, { "tx_bpdu", 8 }, { "rx_tcn", 8 }, { "tx_tcn", 8 }))
		return 0;
	if (lt_nl_readable(m, off, 48))
		lt_nl_tail(m, off, len, 48);
	return 1;
}

lt_nla_fn lt_bridge_xstats_decoder(unsigned type)
{
	switch (type) {
	case 1: return lt_bridge_vlan_xstats;
	case 2: return lt_bridge_mcast_xstats;
	case 4: return lt_bridge_stp_xstats;
	}
	return NULL;
}

/* ---- addresses (rtnl_addr.c) ---- */

static int lt_ifa_cacheinfo(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 16)
		return 0;
	if (!lt_nl_readable(m, off, 16))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_sb_printf(m->c->sb, "{ifa_prefered=%u, ifa_valid=%u, cstamp=%u, tstamp=%u}",
			     RD(uint32_t, m->d, off), RD(uint32_t, m->d, off + 4),
			     RD(uint32_t, m->d, off + 8), RD(uint32_t, m->d, off + 12));
	return 1;
}

static int lt_ifa_flags(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 4)
		return 0;
	if (!lt_nl_readable(m, off, 4))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_put_flags(m->c, lt_x_ifa_flags, RD(uint32_t, m->d, off));
	return 1;
}

static lt_nla_fn lt_ifa_decoder(unsigned type)
{
	switch (type) {
	case 1: case 2: case 4: case 5: case 7: /* ADDRESS LOCAL BROADCAST ANYCAST MULTICAST */
		return lt_nla_inet_addr;
	case 3: return lt_nla_str;      /* LABEL */
	case 6: return lt_ifa_cacheinfo;
	case 8: return lt_ifa_flags;
	case 9: return lt_nla_u32;      /* RT_PRIORITY */
	case 10: return lt_nla_s32;     /* TARGET_NETNSID */
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_ifa = { lt_x_ifa, "IFA_???", lt_ifa_decoder, NULL };

static void lt_ifaddrmsg(const struct lt_nl *m, const uint8_t *d)
{
	struct lt_dctx *c = m->c;
	lt_sb_printf(c->sb, "ifa_prefixlen=%u, ifa_flags=", d[1]);
	lt_put_flags(c, lt_x_ifa_flags, d[2]);
	lt_sb_puts(c->sb, ", ifa_scope=");
	if (lt_xlat_name(lt_x_rt_scope, d[3])) /* no default name: plain hex */
		lt_put_xlat(c, lt_x_rt_scope, d[3], NULL);
	else
		lt_put_hex(c, d[3]);
	lt_sb_puts(c->sb, ", ifa_index=");
	lt_put_ifindex(c, RD(uint32_t, d, 4));
}

/* ---- neighbour tables (rtnl_neightbl.c) ---- */

static int lt_ndt_config(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 32)
		return 0;
	if (!lt_nl_readable(m, off, 32)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	const uint8_t *d = m->d + off;
	lt_sb_printf(m->c->sb, "{ndtc_key_len=%u, ndtc_entry_size=%u, ndtc_entries=%u, "
		     "ndtc_last_flush=%u, ndtc_last_rand=%u, ndtc_hash_rnd=%u, ndtc_hash_mask=%#x, "
		     "ndtc_hash_chain_gc=%u, ndtc_proxy_qlen=%u}", RD(uint16_t, d, 0),
		     RD(uint16_t, d, 2), RD(uint32_t, d, 4), RD(uint32_t, d, 8), RD(uint32_t, d, 12),
		     RD(uint32_t, d, 16), RD(uint32_t, d, 20), RD(uint32_t, d, 24), RD(uint32_t, d, 28));
	return 1;
}

static lt_nla_fn lt_ndtpa_decoder(unsigned type)
{
	switch (type) {
	case 1: return lt_nla_ifindex;
	case 2: case 7 ... 10: case 13: case 15: case 16: return lt_nla_u32;
	case 3 ... 6: case 11: case 12: case 14: case 18: return lt_nla_u64;
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_ndtpa = { lt_x_ndtpa, "NDTPA_???", lt_ndtpa_decoder,
						  NULL };

LT_NLA_NESTED(lt_ndta_parms, lt_nla_ndtpa)

/* struct ndt_stats: 11 counters, or the first 10 of an older kernel's */
static int lt_ndt_stats(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	static const char *const f[] = { "ndts_allocs", "ndts_destroys", "ndts_hash_grows",
		"ndts_res_failed", "ndts_lookups", "ndts_hits", "ndts_rcv_probes_mcast",
		"ndts_rcv_probes_ucast", "ndts_periodic_gc_runs", "ndts_forced_gc_runs",
		"ndts_table_fulls" };
	(void)arg;
	unsigned n = len >= 88 ? 11 : len == 80 ? 10 : 0;
	if (!n)
		return 0;
	if (!lt_nl_readable(m, off, n * 8)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	for (unsigned k = 0; k < n; k++)
		lt_sb_printf(m->c->sb, "%s%s=%llu", k ? ", " : "{", f[k],
			     (unsigned long long)RD(uint64_t, m->d, off + 8 * k));
	lt_sb_putc(m->c->sb, '}');
	return 1;
}

static lt_nla_fn lt_ndta_decoder(unsigned type)
{
	switch (type) {
	case 1: return lt_nla_str;
	case 2: case 3: case 4: return lt_nla_u32;
	case 5: return lt_ndt_config;
	case 6: return lt_ndta_parms;
	case 7: return lt_ndt_stats;
	case 8: return lt_nla_u64;
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_ndta = { lt_x_ndta, "NDTA_???", lt_ndta_decoder, NULL };

/* ---- IFLA_VF_PORTS, IFLA_PORT_SELF (rtnl_link.c) ---- */

/* struct ifla_port_vsi; pad only when not zero */
static int lt_ifla_port_vsi(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 8)
		return 0;
	if (!lt_nl_readable(m, off, 8)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	const uint8_t *d = m->d + off;
	lt_sb_printf(m->c->sb, "{vsi_mgr_id=%u, vsi_type_id=", d[0]);
	lt_put_hexstr(m->c, d + 1, 3);
	lt_sb_printf(m->c->sb, ", vsi_type_version=%u", d[4]);
	if (d[5] || d[6] || d[7]) {
		lt_sb_puts(m->c->sb, ", pad=");
		lt_put_hexstr(m->c, d + 5, 3);
	}
	lt_sb_putc(m->c->sb, '}');
	return 1;
}

static lt_nla_fn lt_ifla_port_decoder(unsigned type)
{
	switch (type) {
	case 1: return lt_nla_u32;        /* VF */
	case 2: return lt_nla_str;        /* PROFILE */
	case 3: return lt_ifla_port_vsi;
	case 6: return lt_nla_u8;         /* REQUEST */
	case 7: return lt_nla_u16;        /* RESPONSE */
	}
	return NULL;
}

/* strace names unknown IFLA_PORT_* attributes IFLA_VF_PORT_??? */
static const struct lt_nla_table lt_nla_ifla_port = { lt_x_ifla_port, "IFLA_VF_PORT_???",
						      lt_ifla_port_decoder, NULL };

int lt_ifla_port(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	lt_nl_attrs(m, off, len, &lt_nla_ifla_port, arg);
	return 1;
}

static lt_nla_fn lt_ifla_vf_port_decoder(unsigned type)
{
	return type == 1 ? lt_ifla_port : NULL;
}

static const struct lt_nla_table lt_nla_ifla_vf_port = { lt_x_ifla_vf_port, "IFLA_VF_PORT_???",
							 lt_ifla_vf_port_decoder, NULL };

int lt_ifla_vf_ports(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	lt_nl_attrs(m, off, len, &lt_nla_ifla_vf_port, arg);
	return 1;
}

/* ---- traffic control (rtnl_tc.c, rtnl_tc_action.c) ---- */


static int lt_tc_stats(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return LT_FIELDS(m, off, len, { "bytes", 8 }, { "packets", 4 }, { "drops", 4 },
			 { "overlimits", 4 }, { "bps", 4 }, { "pps", 4 }, { "qlen", 4 },
			 { "backlog", 4 });
}

static int lt_tc_estimator(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return LT_FIELDS(m, off, len, { "interval", -1 }, { "ewma_log", 1 });
}

static int lt_gnet_basic(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return LT_FIELDS(m, off, len, { "bytes", 8 }, { "packets", 4 });
}

static int lt_gnet_rate_est(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return LT_FIELDS(m, off, len, { "bps", 4 }, { "pps", 4 });
}

static int lt_gnet_queue(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return LT_FIELDS(m, off, len, { "qlen", 4 }, { "backlog", 4 }, { "drops", 4 },
			 { "requeues", 4 }, { "overlimits", 4 });
}

static int lt_gnet_rate_est64(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return LT_FIELDS(m, off, len, { "bps", 8 }, { "pps", 8 });
}

static lt_nla_fn lt_tca_stats_decoder(unsigned type)
{
	switch (type) {
	case 1: case 7: return lt_gnet_basic;   /* BASIC, BASIC_HW */
	case 2: return lt_gnet_rate_est;
	case 3: return lt_gnet_queue;
	case 5: return lt_gnet_rate_est64;
	case 8: return lt_nla_u64;              /* PKT64 */
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_tca_stats = { lt_x_tca_stats, "TCA_STATS_???",
						      lt_tca_stats_decoder, NULL };

LT_NLA_NESTED(lt_nla_tc_stats, lt_nla_tca_stats)

static int lt_tc_sizespec(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return LT_FIELDS(m, off, len, { "cell_log", 1 }, { "size_log", 1 }, { "cell_align", -2 },
			 { "overhead", -4 }, { "linklayer", 4 }, { "mpu", 4 }, { "mtu", 4 },
			 { "tsize", 4 });
}

static void lt_u16_elem(const struct lt_nl *m, const uint8_t *e, uint64_t k)
{
	(void)k;
	lt_sb_printf(m->c->sb, "%u", RD(uint16_t, e, 0));
}

static int lt_tca_stab_data(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 2)
		return 0;
	lt_nl_array(m, off, len / 2, 2, lt_u16_elem);
	return 1;
}

static lt_nla_fn lt_tca_stab_decoder(unsigned type)
{
	return type == 1 ? lt_tc_sizespec : type == 2 ? lt_tca_stab_data : NULL;
}

static const struct lt_nla_table lt_nla_tca_stab = { lt_x_tca_stab, "TCA_STAB_???",
						     lt_tca_stab_decoder, NULL };

LT_NLA_NESTED(lt_tca_stab, lt_nla_tca_stab)

static lt_nla_fn lt_tca_decoder(unsigned type)
{
	switch (type) {
	case 1: return lt_nla_str;          /* KIND */
	case 3: return lt_tc_stats;
	case 5: return lt_tc_estimator;     /* RATE */
	case 6: case 11: case 13: case 14: case 15: return lt_nla_u32;
	case 7: return lt_nla_tc_stats;     /* STATS2 */
	case 8: return lt_tca_stab;
	case 12: return lt_nla_u8;          /* HW_OFFLOAD */
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_tca = { lt_x_tca, "TCA_???", lt_tca_decoder, NULL };

static void lt_tcmsg(const struct lt_nl *m, const uint8_t *d)
{
	lt_sb_puts(m->c->sb, "tcm_ifindex=");
	lt_put_ifindex(m->c, RD(uint32_t, d, 4));
	lt_sb_printf(m->c->sb, ", tcm_handle=%u, tcm_parent=%u, tcm_info=%u", RD(uint32_t, d, 8),
		     RD(uint32_t, d, 12), RD(uint32_t, d, 16));
}

static int lt_tca_act_flags(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 4, lt_x_tca_act_flags, NULL, 1);
}

static int lt_tca_act_hw_stats(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 4, lt_x_tca_act_hw_stats, NULL, 1);
}

static lt_nla_fn lt_tca_act_decoder(unsigned type)
{
	switch (type) {
	case 1: return lt_nla_str;          /* KIND */
	case 3: case 10: return lt_nla_u32; /* INDEX, IN_HW_COUNT */
	case 4: return lt_nla_tc_stats;
	case 7: return lt_tca_act_flags;
	case 8: case 9: return lt_tca_act_hw_stats;
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_tca_act = { lt_x_tca_act, "TCA_ACT_???",
						    lt_tca_act_decoder, NULL };

/* ---- routes (rtnl_route.c) ---- */

/* strace's ip_type_of_services (netinet/ip.h) */
static const struct lt_xlat lt_x_iptos[] = { { 0x10, "IPTOS_LOWDELAY" },
	{ 0x08, "IPTOS_THROUGHPUT" }, { 0x04, "IPTOS_RELIABILITY" }, { 0x02, "IPTOS_MINCOST" },
	{ 0, 0 } };

/* a value whose table has no default name: plain hex when unknown */
static void lt_put_xval_hex(struct lt_dctx *c, const struct lt_xlat *t, uint64_t v)
{
	if (lt_xlat_name(t, v))
		lt_put_xlat(c, t, v, NULL);
	else
		lt_put_hex(c, v);
}

/* decode_nla_rt_class: a routing table id */
static int lt_nla_rt_class(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 4)
		return 0;
	if (!lt_nl_readable(m, off, 4))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_put_xval_hex(m->c, lt_x_rt_table, RD(uint32_t, m->d, off));
	return 1;
}

static lt_nla_fn lt_rtax_decoder(unsigned type)
{
	return type == 16 ? lt_nla_str : type >= 1 && type <= 15 ? lt_nla_u32 : NULL;
}

static const struct lt_nla_table lt_nla_rtax = { lt_x_rtax, "RTAX_???", lt_rtax_decoder, NULL };

LT_NLA_NESTED(lt_rta_metrics, lt_nla_rtax)

static int lt_rta_cacheinfo(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 32)
		return 0;
	if (!lt_nl_readable(m, off, 32)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	const uint8_t *d = m->d + off;
	lt_sb_printf(m->c->sb, "{rta_clntref=%u, rta_lastuse=%u, rta_expires=%u, rta_error=%u, "
		     "rta_used=%u, rta_id=%#x, rta_ts=%u, rta_tsage=%u}", RD(uint32_t, d, 0),
		     RD(uint32_t, d, 4), RD(uint32_t, d, 8), RD(uint32_t, d, 12), RD(uint32_t, d, 16),
		     RD(uint32_t, d, 20), RD(uint32_t, d, 24), RD(uint32_t, d, 28));
	return 1;
}

static int lt_rta_mfc_stats(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return LT_FIELDS(m, off, len, { "mfcs_packets", 8 }, { "mfcs_bytes", 8 },
			 { "mfcs_wrong_if", 8 });
}

/* struct rtvia: the family, then an address of it */
static int lt_rta_via(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 2)
		return 0;
	if (!lt_nl_readable(m, off, 2)) {
		lt_put_ptr(m->c, m->addr + off);
		return 1;
	}
	uint16_t af = RD(uint16_t, m->d, off);
	lt_sb_puts(m->c->sb, "{rtvia_family=");
	lt_put_xlat(m->c, lt_x_af, af, "AF_???");
	if (len > 2) {
		lt_sb_puts(m->c->sb, ", ");
		lt_nl_inet_addr(m, off + 2, len - 2, (uint8_t)af, "rtvia_addr");
	}
	lt_sb_putc(m->c->sb, '}');
	return 1;
}

static int lt_nla_lwt_encap_type(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 2)
		return 0;
	if (!lt_nl_readable(m, off, 2))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_put_xlat(m->c, lt_x_lwtunnel_encap, RD(uint16_t, m->d, off), "LWTUNNEL_ENCAP_???");
	return 1;
}

static int lt_rta_multipath(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);

static lt_nla_fn lt_rta_decoder(unsigned type)
{
	switch (type) {
	case 1: case 2: case 5: case 7: case 19: /* DST SRC GATEWAY PREFSRC NEWDST */
		return lt_nla_inet_addr;
	case 3: case 4: return lt_nla_ifindex;  /* IIF, OIF */
	case 6: case 10: case 11: case 14: case 16: case 25: /* PRIORITY PROTOINFO FLOW MP_ALGO MARK UID */
		return lt_nla_u32;
	case 8: return lt_rta_metrics;
	case 9: return lt_rta_multipath;
	case 12: return lt_rta_cacheinfo;
	case 15: return lt_nla_rt_class;      /* TABLE */
	case 17: return lt_rta_mfc_stats;
	case 18: return lt_rta_via;
	case 20: case 26: case 27: return lt_nla_u8; /* PREF TTL_PROPAGATE IP_PROTO */
	case 21: return lt_nla_lwt_encap_type;
	case 23: return lt_nla_u64;           /* EXPIRES */
	case 28: case 29: return lt_nla_u16;  /* SPORT, DPORT */
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_rta = { lt_x_rta, "RTA_???", lt_rta_decoder, NULL };

/* RTA_MULTIPATH: struct rtnexthop after rtnexthop, each followed by its RTA_* */
static int lt_rta_multipath(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	struct lt_dctx *c = m->c;
	if (len < 8)
		return 0;
	int array = 0;
	for (uint64_t cur = off, left = len;;) {
		if (!lt_nl_readable(m, cur, 8)) {
			lt_put_ptr(c, m->addr + cur);
			break;
		}
		uint16_t nh_len = RD(uint16_t, m->d, cur);
		uint64_t n = nh_len < left ? nh_len : left;
		if (cur == off && nh_len < len) {
			lt_sb_putc(c->sb, '[');
			array = 1;
		}
		if (cur > off)
			lt_sb_puts(c->sb, ", ");
		if (n > 8)
			lt_sb_putc(c->sb, '[');
		lt_sb_printf(c->sb, "{rtnh_len=%u, rtnh_flags=", nh_len);
		lt_put_flags(c, lt_x_rtnh_flags, m->d[cur + 2]);
		lt_sb_printf(c->sb, ", rtnh_hops=%u, rtnh_ifindex=", m->d[cur + 3]);
		lt_put_ifindex(c, RD(uint32_t, m->d, cur + 4));
		lt_sb_putc(c->sb, '}');
		if (n > 8) {
			lt_sb_puts(c->sb, ", ");
			lt_nl_attrs(m, cur + 8, n - 8, &lt_nla_rta, arg);
			lt_sb_putc(c->sb, ']');
		}
		uint64_t step = (n + 3) & ~3ull;
		if (step >= left || !step) /* strace would print a 0-length one forever */
			break;
		cur += step;
		left -= step;
	}
	if (array)
		lt_sb_putc(c->sb, ']');
	return 1;
}

static void lt_rtmsg(const struct lt_nl *m, const uint8_t *d)
{
	struct lt_dctx *c = m->c;
	lt_sb_printf(c->sb, "rtm_dst_len=%u, rtm_src_len=%u, rtm_tos=", d[1], d[2]);
	lt_put_flags(c, lt_x_iptos, d[3]);
	lt_sb_puts(c->sb, ", rtm_table=");
	lt_put_xval_hex(c, lt_x_rt_table, d[4]);
	lt_sb_puts(c->sb, ", rtm_protocol=");
	lt_put_xlat(c, lt_x_rtprot, d[5], "RTPROT_???");
	lt_sb_puts(c->sb, ", rtm_scope=");
	lt_put_xval_hex(c, lt_x_rt_scope, d[6]);
	lt_sb_puts(c->sb, ", rtm_type=");
	lt_put_xlat(c, lt_x_rtn, d[7], "RTN_???");
	lt_sb_puts(c->sb, ", rtm_flags=");
	lt_put_flags(c, lt_x_rtm_f, RD(uint32_t, d, 8));
}

/* ---- neighbours (rtnl_neigh.c) ---- */

static int lt_nda_cacheinfo(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return LT_FIELDS(m, off, len, { "ndm_confirmed", 4 }, { "ndm_used", 4 }, { "ndm_updated", 4 },
			 { "ndm_refcnt", 4 });
}

/* decode_nla_hwaddr_nofamily: up to MAX_ADDR_LEN bytes as a MAC address */
static int lt_nla_hwaddr(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len > 32)
		return 0;
	if (!lt_nl_readable(m, off, len))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_put_mac(m->c, m->d + off, (size_t)len);
	return 1;
}

/* decode_nla_be16: htons(N) */
static int lt_nla_be16(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 2)
		return 0;
	if (!lt_nl_readable(m, off, 2))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_sb_printf(m->c->sb, "htons(%u)", (unsigned)(m->d[off] << 8 | m->d[off + 1]));
	return 1;
}

static int lt_fdb_notify(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 1, lt_x_fdb_notify, NULL, 1);
}

static lt_nla_fn lt_nfea_decoder(unsigned type)
{
	return type == 1 ? lt_fdb_notify : NULL;
}

static const struct lt_nla_table lt_nla_nfea = { lt_x_nfea, "NFEA_???", lt_nfea_decoder, NULL };

LT_NLA_NESTED(lt_nda_fdb_ext, lt_nla_nfea)

static int lt_nda_flags_ext(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 4, lt_x_ntf_ext, NULL, 1);
}

static int lt_nda_state_mask(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 2, lt_x_nud, NULL, 1);
}

static int lt_nda_flags_mask(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 1, lt_x_ntf, NULL, 1);
}

static lt_nla_fn lt_nda_decoder(unsigned type)
{
	switch (type) {
	case 1: return lt_nla_inet_addr;      /* DST */
	case 2: return lt_nla_hwaddr;         /* LLADDR */
	case 3: return lt_nda_cacheinfo;
	case 4: case 7: case 10: case 11: case 13: return lt_nla_u32; /* PROBES VNI NETNSID SRC_VNI NH_ID */
	case 5: return lt_nla_u16;            /* VLAN */
	case 6: return lt_nla_be16;           /* PORT */
	case 8: case 9: return lt_nla_ifindex; /* IFINDEX, MASTER */
	case 12: return lt_nla_ip_proto;      /* PROTOCOL */
	case 14: return lt_nda_fdb_ext;
	case 15: return lt_nda_flags_ext;
	case 16: return lt_nda_state_mask;
	case 17: return lt_nda_flags_mask;
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_nda = { lt_x_nda, "NDA_???", lt_nda_decoder, NULL };

static void lt_ndmsg(const struct lt_nl *m, const uint8_t *d)
{
	struct lt_dctx *c = m->c;
	lt_sb_puts(c->sb, "ndm_ifindex=");
	lt_put_ifindex(c, RD(uint32_t, d, 4));
	lt_sb_puts(c->sb, ", ndm_state=");
	lt_put_flags(c, lt_x_nud, RD(uint16_t, d, 8));
	lt_sb_puts(c->sb, ", ndm_flags=");
	lt_put_flags(c, lt_x_ntf, d[10]);
	lt_sb_puts(c->sb, ", ndm_type=");
	lt_put_xlat(c, lt_x_rtn, d[11], "RTN_???");
}

/* ---- rules (rtnl_rule.c) ---- */

static int lt_fra_range(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	if (arg) /* uid range: 32-bit */
		return LT_FIELDS(m, off, len, { "start", 4 }, { "end", 4 });
	return LT_FIELDS(m, off, len, { "start", 2 }, { "end", 2 });
}

static int lt_fra_uid_range(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_fra_range(m, off, len, 1);
}

static int lt_fra_port_range(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_fra_range(m, off, len, 0);
}

/* decode_nla_be64: htobe64(N) */
static int lt_nla_be64(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 8)
		return 0;
	if (!lt_nl_readable(m, off, 8))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_sb_printf(m->c->sb, "htobe64(%llu)",
			     (unsigned long long)__builtin_bswap64(RD(uint64_t, m->d, off)));
	return 1;
}

/* decode_nla_rt_proto */
static int lt_nla_rt_proto(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 1)
		return 0;
	if (!lt_nl_readable(m, off, 1))
		lt_put_ptr(m->c, m->addr + off);
	else
		lt_put_xlat(m->c, lt_x_rtprot, m->d[off], "RTPROT_???");
	return 1;
}

static lt_nla_fn lt_fra_decoder(unsigned type)
{
	switch (type) {
	case 1: case 2: return lt_nla_inet_addr;      /* DST, SRC */
	case 3: case 17: return lt_nla_str;           /* IIFNAME, OIFNAME */
	case 4: case 6: case 10: case 11: case 13: case 14: case 16: return lt_nla_u32;
	case 12: return lt_nla_be64;                  /* TUN_ID */
	case 15: return lt_nla_rt_class;              /* TABLE */
	case 19: return lt_nla_u8;                    /* L3MDEV */
	case 20: return lt_fra_uid_range;
	case 21: return lt_nla_rt_proto;              /* PROTOCOL */
	case 22: return lt_nla_ip_proto;              /* IP_PROTO */
	case 23: case 24: return lt_fra_port_range;   /* SPORT_RANGE, DPORT_RANGE */
	}
	return NULL;
}

static const struct lt_nla_table lt_nla_fra = { lt_x_fra, "FRA_???", lt_fra_decoder, NULL };

static void lt_fib_rule_hdr(const struct lt_nl *m, const uint8_t *d)
{
	struct lt_dctx *c = m->c;
	lt_sb_printf(c->sb, "dst_len=%u, src_len=%u, tos=", d[1], d[2]);
	lt_put_flags(c, lt_x_iptos, d[3]);
	lt_sb_puts(c->sb, ", table=");
	lt_put_xlat(c, lt_x_rt_table, d[4], "RT_TABLE_???");
	lt_sb_puts(c->sb, ", action=");
	lt_put_xlat(c, lt_x_fr_act, d[7], "FR_ACT_???");
	lt_sb_puts(c->sb, ", flags=");
	lt_put_flags(c, lt_x_fib_rule_flags, RD(uint32_t, d, 8));
}

/* ---- nexthops (rtnl_nh.c) ---- */

/* struct nexthop_grp: reserved fields only when not 0 */
static void lt_nh_grp_elem(const struct lt_nl *m, const uint8_t *e, uint64_t k)
{
	(void)k;
	lt_sb_printf(m->c->sb, "{id=%u, weight=%u", RD(uint32_t, e, 0), e[4]);
	if (e[5])
		lt_sb_printf(m->c->sb, ", resvd1=%#x", e[5]);
	if (RD(uint16_t, e, 6))
		lt_sb_printf(m->c->sb, ", resvd2=%#x", RD(uint16_t, e, 6));
	lt_sb_putc(m->c->sb, '}');
}

static int lt_nha_group(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	if (len < 8)
		return 0;
	lt_nl_array(m, off, len / 8, 8, lt_nh_grp_elem);
	return 1;
}

static int lt_nha_group_type(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg)
{
	(void)arg;
	return lt_nla_xval(m, off, len, 2, lt_x_nexthop_grp_type, "NEXTHOP_GRP_TYPE_???", 0);
}

static lt_nla_fn lt_nha_res_group_decoder(unsigned type)
{
	return type == 1 ? lt_nla_u16 : type >= 2 && type <= 4 ? lt_nla_clock_t : NULL;
}

static const struct lt_nla_table lt_nla_nha_res_group = { lt_x_nha_res_group,
	"NHA_RES_GROUP_???", lt_nha_res_group_decoder, NULL };

static lt_nla_fn lt_nha_res_bucket_decoder(unsigned type)
{
	return type == 1 ? lt_nla_u16 : type == 2 ? lt_nla_clock_t : type == 3 ? lt_nla_u32 : NULL;
}

static const struct lt_nla_table lt_nla_nha_res_bucket = { lt_x_nha_res_bucket,
	"NHA_RES_BUCKET_???", lt_nha_res_bucket_decoder, NULL };

LT_NLA_NESTED(lt_nha_res_group, lt_nla_nha_res_group)

LT_NLA_NESTED(lt_nha_res_bucket, lt_nla_nha_res_bucket)

lt_nla_fn lt_nha_more_decoder(unsigned type)
{
	switch (type) {
	case 2: return lt_nha_group;
	case 3: return lt_nha_group_type;
	case 6: return lt_nla_inet_addr;      /* NHA_GATEWAY, of the nhmsg's family */
	case 7: return lt_nla_lwt_encap_type; /* NHA_ENCAP_TYPE */
	case 12: return lt_nha_res_group;
	case 13: return lt_nha_res_bucket;
	}
	return NULL;
}

/* ---- by message type ---- */

int lt_nl_route_more(const struct lt_nl *m, uint16_t type, uint64_t off, uint64_t len)
{
	uint8_t family = m->d[off];
	switch (type) {
	case 28: case 29: case 30: /* RTM_NEWNEIGH, DEL, GET */
		lt_nl_fixed(m, off, len, "ndm_family", lt_x_af, "AF_???", 12, lt_ndmsg, &lt_nla_nda,
			    family);
		return 1;
	case 32: case 33: case 34: /* RTM_NEWRULE, DEL, GET */
		lt_nl_fixed(m, off, len, "family", lt_x_af, "AF_???", 12, lt_fib_rule_hdr, &lt_nla_fra,
			    family);
		return 1;
	case 24: case 25: case 26: /* RTM_NEWROUTE, DEL, GET */
		lt_nl_fixed(m, off, len, "rtm_family", lt_x_af, "AF_???", 12, lt_rtmsg, &lt_nla_rta,
			    family);
		return 1;
	case 20: case 21: case 22: case 58: case 62: /* RTM_NEWADDR, DEL, GET; GETMULTICAST, GETANYCAST */
		lt_nl_fixed(m, off, len, "ifa_family", lt_x_af, "AF_???", 8, lt_ifaddrmsg, &lt_nla_ifa,
			    family);
		return 1;
	case 36 ... 38: case 40 ... 42: case 44 ... 46: case 100 ... 102: /* QDISC TCLASS TFILTER CHAIN */
		lt_nl_fixed(m, off, len, "tcm_family", lt_x_af, "AF_???", 20, lt_tcmsg, &lt_nla_tca, 0);
		return 1;
	case 48: case 49: case 50: /* RTM_NEWACTION, DEL, GET */
		lt_nl_fixed(m, off, len, "tca_family", lt_x_af, "AF_???", 1, NULL, &lt_nla_tca_act, 0);
		return 1;
	case 64: case 66: case 67: /* RTM_NEWNEIGHTBL, GET, SET */
		lt_nl_fixed(m, off, len, "ndtm_family", lt_x_af, "AF_???", 1, NULL, &lt_nla_ndta, 0);
		return 1;
	case 72: case 73: case 74: /* RTM_NEWADDRLABEL, DEL, GET */
		lt_nl_fixed(m, off, len, "ifal_family", lt_x_af, "AF_???", 12, lt_ifaddrlblmsg,
			    &lt_nla_ifal, family);
		return 1;
	case 78: case 79: /* RTM_GETDCB, RTM_SETDCB */
		lt_nl_fixed(m, off, len, "dcb_family", lt_x_af, "AF_???", 4, lt_dcbmsg, &lt_nla_dcb,
			    0);
		return 1;
	case 80: case 81: case 82: /* RTM_NEWNETCONF, DEL, GET */
		lt_nl_fixed(m, off, len, "ncm_family", lt_x_af, "AF_???", 1, NULL, &lt_nla_netconf, 0);
		return 1;
	case 84: case 85: case 86: /* RTM_NEWMDB, DEL, GET */
		lt_nl_fixed(m, off, len, "family", lt_x_af, "AF_???", 8, lt_br_port_msg, &lt_nla_mdba,
			    0);
		return 1;
	case 88: case 89: case 90: /* RTM_NEWNSID, DEL, GET */
		lt_nl_fixed(m, off, len, "rtgen_family", lt_x_af, "AF_???", 1, NULL, &lt_nla_nsid, 0);
		return 1;
	}
	return 0;
}
