/* Netlink message types and flags by protocol (strace's netlink.c), and the payloads of
 * the protocols other than route and sock_diag: netfilter's nfgenmsg
 * (netlink_netfilter.c), selinux (netlink_selinux.c), udev's monitor header
 * (netlink_kobject_uevent.c). */
#include <string.h>

#include "decode_netlink.h"

static const struct lt_xlat lt_x_nlmsg_types[] = {
	{ 1, "NLMSG_NOOP" }, { 2, "NLMSG_ERROR" }, { 3, "NLMSG_DONE" }, { 4, "NLMSG_OVERRUN" },
	{ 0, 0 } };
static const struct lt_xlat lt_x_sock_diag_types[] = {
	{ 18, "TCPDIAG_GETSOCK" }, { 19, "DCCPDIAG_GETSOCK" }, { 20, "SOCK_DIAG_BY_FAMILY" },
	{ 21, "SOCK_DESTROY" }, { 0, 0 } };
/* strace asks the kernel for generic netlink's family names; only nlctrl's id is fixed */
static const struct lt_xlat lt_x_genl_families[] = { { 0x10, "nlctrl" }, { 0, 0 } };

/* the message types of each netfilter subsystem, by NFNL_SUBSYS_* (strace's nf_nlmsg_types) */
static const struct { const struct lt_xlat *x; const char *dflt; } lt_nf_msg_types[] = {
	{ NULL, NULL },
	{ lt_x_nf_ctnetlink_msg, "IPCTNL_MSG_CT_???" },
	{ lt_x_nf_ctnetlink_exp_msg, "IPCTNL_MSG_EXP_???" },
	{ lt_x_nf_queue_msg, "NFQNL_MSG_???" },
	{ lt_x_nf_ulog_msg, "NFULNL_MSG_???" },
	{ lt_x_nf_osf_msg, "OSF_MSG_???" },
	{ lt_x_nf_ipset_msg, "IPSET_CMD_???" },
	{ lt_x_nf_acct_msg, "NFNL_MSG_ACCT_???" },
	{ lt_x_nf_cttimeout_msg, "IPCTNL_MSG_TIMEOUT_???" },
	{ lt_x_nf_cthelper_msg, "NFNL_MSG_CTHELPER_???" },
	{ lt_x_nf_nftables_msg, "NFT_MSG_???" },
	{ lt_x_nf_nft_compat_msg, "NFNL_MSG_COMPAT_???" },
	{ lt_x_nf_hook_msg, "NFT_MSG_HOOK_???" },
};
#define LT_NF_NSUBSYS (sizeof lt_nf_msg_types / sizeof lt_nf_msg_types[0])

/* decode_nlmsg_type_netfilter: batch messages by name, the rest "SUBSYS<<8|MSG" */
static void lt_nf_type(struct lt_dctx *c, uint16_t type)
{
	const char *batch = lt_xlat_name(lt_x_nl_netfilter_msg_types, type);
	if (batch) {
		lt_put_xlat(c, lt_x_nl_netfilter_msg_types, type, NULL);
		return;
	}
	unsigned subsys = type >> 8, msg = type & 0xff;
	lt_put_xlat(c, lt_x_nl_netfilter_subsys, subsys, "NFNL_SUBSYS_???");
	lt_sb_puts(c->sb, "<<8|");
	if (subsys < LT_NF_NSUBSYS && lt_nf_msg_types[subsys].x)
		lt_put_xlat(c, lt_nf_msg_types[subsys].x, msg, lt_nf_msg_types[subsys].dflt);
	else
		lt_put_hex(c, msg);
}

void lt_nlmsg_type(const struct lt_nl *m, uint16_t type)
{
	struct lt_dctx *c = m->c;
	const struct lt_xlat *t = lt_x_nlmsg_types;
	const char *dflt = "NLMSG_???";
	if (type >= NLMSG_MIN_TYPE) {
		switch (m->proto) {
		case NETLINK_NETFILTER: lt_nf_type(c, type); return;
		case NETLINK_ROUTE: t = lt_x_rtm_type, dflt = "RTM_???"; break;
		case NETLINK_SOCK_DIAG: t = lt_x_sock_diag_types, dflt = "SOCK_DIAG_???"; break;
		case NETLINK_AUDIT: t = lt_x_nl_audit_types, dflt = "AUDIT_???"; break;
		case NETLINK_CRYPTO: t = lt_x_nl_crypto_types, dflt = "CRYPTO_MSG_???"; break;
		case NETLINK_SELINUX: t = lt_x_nl_selinux_types, dflt = "SELNL_MSG_???"; break;
		case NETLINK_XFRM: t = lt_x_nl_xfrm_types, dflt = "XFRM_MSG_???"; break;
		case NETLINK_GENERIC: t = lt_x_genl_families, dflt = "GENERIC_FAMILY_???"; break;
		}
	}
	lt_put_xlat(c, t, type, dflt);
}

/* netlink_flags, then the flags of the message's kind of request */
#define LT_NLM_F_COMMON { 1, "NLM_F_REQUEST" }, { 2, "NLM_F_MULTI" }, { 4, "NLM_F_ACK" }, \
	{ 8, "NLM_F_ECHO" }, { 0x10, "NLM_F_DUMP_INTR" }, { 0x20, "NLM_F_DUMP_FILTERED" }
static const struct lt_xlat lt_x_nlm_f[] = { LT_NLM_F_COMMON, { 0, 0 } };
static const struct lt_xlat lt_x_nlm_f_get[] = { LT_NLM_F_COMMON, { 0x300, "NLM_F_DUMP" },
	{ 0x100, "NLM_F_ROOT" }, { 0x200, "NLM_F_MATCH" }, { 0x400, "NLM_F_ATOMIC" }, { 0, 0 } };
static const struct lt_xlat lt_x_nlm_f_new[] = { LT_NLM_F_COMMON, { 0x100, "NLM_F_REPLACE" },
	{ 0x200, "NLM_F_EXCL" }, { 0x400, "NLM_F_CREATE" }, { 0x800, "NLM_F_APPEND" }, { 0, 0 } };
static const struct lt_xlat lt_x_nlm_f_del[] = { LT_NLM_F_COMMON, { 0x100, "NLM_F_NONREC" },
	{ 0x200, "NLM_F_BULK" }, { 0, 0 } };
static const struct lt_xlat lt_x_nlm_f_ack[] = { LT_NLM_F_COMMON, { 0x100, "NLM_F_CAPPED" },
	{ 0x200, "NLM_F_ACK_TLVS" }, { 0, 0 } };

/* which messages are new/get/delete requests (decode_nlmsg_flags_netfilter): subsystem,
 * message, 'n' 'g' or 'd' */
static const struct { uint8_t subsys, msg; char kind; } lt_nf_flag_kinds[] = {
	{ 1, 0, 'n' }, { 1, 1, 'g' }, { 1, 3, 'g' }, { 1, 4, 'g' }, { 1, 5, 'g' }, { 1, 6, 'g' },
	{ 1, 7, 'g' }, { 1, 2, 'd' },                           /* CTNETLINK */
	{ 2, 0, 'n' }, { 2, 1, 'g' }, { 2, 3, 'g' }, { 2, 2, 'd' }, /* CTNETLINK_EXP */
	{ 7, 0, 'n' }, { 7, 1, 'g' }, { 7, 2, 'g' }, { 7, 3, 'd' }, /* ACCT */
	{ 8, 0, 'n' }, { 8, 1, 'g' }, { 8, 2, 'd' },              /* CTNETLINK_TIMEOUT */
	{ 9, 0, 'n' }, { 9, 1, 'g' }, { 9, 2, 'd' },              /* CTHELPER */
	/* NFTABLES: NEW* TABLE CHAIN RULE SET SETELEM GEN OBJ FLOWTABLE, GET*, DEL* */
	{ 10, 0, 'n' }, { 10, 3, 'n' }, { 10, 6, 'n' }, { 10, 9, 'n' }, { 10, 12, 'n' },
	{ 10, 15, 'n' }, { 10, 18, 'n' }, { 10, 22, 'n' },
	{ 10, 1, 'g' }, { 10, 4, 'g' }, { 10, 7, 'g' }, { 10, 10, 'g' }, { 10, 13, 'g' },
	{ 10, 16, 'g' }, { 10, 19, 'g' }, { 10, 21, 'g' }, { 10, 23, 'g' },
	{ 10, 2, 'd' }, { 10, 5, 'd' }, { 10, 8, 'd' }, { 10, 11, 'd' }, { 10, 14, 'd' },
	{ 10, 20, 'd' }, { 10, 24, 'd' },
	{ 11, 0, 'g' },                                           /* NFT_COMPAT */
	{ 12, 0, 'g' },                                           /* HOOK */
};

static const struct lt_xlat *lt_nlm_flags_kind(char kind)
{
	return kind == 'n' ? lt_x_nlm_f_new : kind == 'g' ? lt_x_nlm_f_get
		: kind == 'd' ? lt_x_nlm_f_del : lt_x_nlm_f;
}

static char lt_nf_flags_kind(uint16_t type)
{
	for (size_t k = 0; k < sizeof lt_nf_flag_kinds / sizeof lt_nf_flag_kinds[0]; k++)
		if (lt_nf_flag_kinds[k].subsys == type >> 8 && lt_nf_flag_kinds[k].msg == (type & 0xff))
			return lt_nf_flag_kinds[k].kind;
	return 0;
}

/* XFRM_MSG_*: NEWSA NEWPOLICY NEWAE NEWSADINFO NEWSPDINFO; DELSA DELPOLICY; GET... */
static char lt_xfrm_flags_kind(uint16_t type)
{
	switch (type) {
	case 0x10: case 0x13: case 0x1e: case 0x22: case 0x24: return 'n';
	case 0x11: case 0x14: return 'd';
	case 0x12: case 0x15: case 0x1f: case 0x23: case 0x25: return 'g';
	}
	return 0;
}

/* CRYPTO_MSG_NEWALG; DELALG, DELRNG; GETALG */
static char lt_crypto_flags_kind(uint16_t type)
{
	return type == 0x10 ? 'n' : type == 0x11 || type == 0x14 ? 'd' : type == 0x13 ? 'g' : 0;
}

const struct lt_xlat *lt_nlm_flags_table(int proto, uint16_t type)
{
	if (type < NLMSG_MIN_TYPE)
		return type == NLMSG_ERROR ? lt_x_nlm_f_ack : lt_x_nlm_f;
	switch (proto) {
	case NETLINK_SOCK_DIAG:
		return lt_x_nlm_f_get;
	case NETLINK_ROUTE: /* RTM_NEW* RTM_DEL* RTM_GET* by type & 3; RTM_DELACTION (49) as a get */
		return type == 49 ? lt_x_nlm_f_get : lt_nlm_flags_kind("ndg"[type & 3]);
	case NETLINK_NETFILTER: return lt_nlm_flags_kind(lt_nf_flags_kind(type));
	case NETLINK_XFRM: return lt_nlm_flags_kind(lt_xfrm_flags_kind(type));
	case NETLINK_CRYPTO: return lt_nlm_flags_kind(lt_crypto_flags_kind(type));
	}
	return lt_x_nlm_f;
}

/* ---- payloads ---- */

static const struct lt_nla_table lt_nla_untyped = { NULL, NULL, NULL, NULL };

/* decode_netlink_netfilter: struct nfgenmsg, then attributes (hex for batches) */
static int lt_nl_netfilter(const struct lt_nl *m, uint16_t type, uint64_t off, uint64_t len)
{
	static const struct lt_xlat versions[] = { { 0, "NFNETLINK_V0" }, { 0, 0 } };
	struct lt_dctx *c = m->c;
	if (type == NLMSG_DONE)
		return 0;
	if (len < 4) {
		lt_nl_hex(m, off, len);
		return 1;
	}
	if (!lt_nl_readable(m, off, 4)) {
		lt_put_ptr(c, m->addr + off);
		return 1;
	}
	uint16_t raw = RD(uint16_t, m->d, off + 2), res_id = (uint16_t)(raw >> 8 | raw << 8);
	int nft = type >> 8 == 10 /* NFNL_SUBSYS_NFTABLES */;
	lt_sb_puts(c->sb, "{nfgen_family=");
	lt_put_xlat(c, lt_x_af, m->d[off], "AF_???");
	lt_sb_puts(c->sb, ", version=");
	lt_put_xlat(c, versions, m->d[off + 1], "NFNETLINK_???");
	lt_sb_puts(c->sb, ", res_id=");
	if (nft && res_id == 10)
		lt_sb_puts(c->sb, "htons(NFNL_SUBSYS_NFTABLES)");
	else if (nft && raw == 10)
		lt_sb_puts(c->sb, "NFNL_SUBSYS_NFTABLES");
	else
		lt_sb_printf(c->sb, "htons(%u)", res_id);
	lt_sb_putc(c->sb, '}');
	if (len > 4) {
		lt_sb_puts(c->sb, ", ");
		if (lt_xlat_name(lt_x_nl_netfilter_msg_types, type) || type < NLMSG_MIN_TYPE)
			lt_nl_hex(m, off + 4, len - 4);
		else
			lt_nl_attrs(m, off + 4, len - 4, &lt_nla_untyped, 0);
	}
	return 1;
}

/* decode_netlink_selinux: {val=} for SETENFORCE, {seqno=} for POLICYLOAD */
static int lt_nl_selinux(const struct lt_nl *m, uint16_t type, uint64_t off, uint64_t len)
{
	if (type != 0x10 && type != 0x11)
		return 0;
	if (len < 4)
		lt_nl_hex(m, off, len);
	else if (!lt_nl_readable(m, off, 4))
		lt_put_ptr(m->c, m->addr + off);
	else if (type == 0x10)
		lt_sb_printf(m->c->sb, "{val=%d}", RD(int32_t, m->d, off));
	else
		lt_sb_printf(m->c->sb, "{seqno=%u}", RD(uint32_t, m->d, off));
	return 1;
}

int lt_nl_proto_payload(const struct lt_nl *m, const uint8_t *h, uint64_t off, uint64_t len)
{
	uint16_t type = RD(uint16_t, h, 4);
	switch (m->proto) {
	case NETLINK_NETFILTER: return lt_nl_netfilter(m, type, off, len);
	case NETLINK_SELINUX: return lt_nl_selinux(m, type, off, len);
	}
	return 0;
}

/* struct udev_monitor_netlink_header: "libudev\0", then big-endian magic and hashes */
int lt_nl_kobject_uevent(const struct lt_nl *m, uint64_t len)
{
	enum { SIZE = 40 };
	static const char *const f[] = { "magic=htonl(%#x)", "header_size=%u", "properties_off=%u",
		"properties_len=%u", "filter_subsystem_hash=htonl(%#x)", "filter_devtype_hash=htonl(%#x)",
		"filter_tag_bloom_hi=htonl(%#x)", "filter_tag_bloom_lo=htonl(%#x)" };
	struct lt_dctx *c = m->c;
	if (c->failed || len < SIZE || !lt_nl_readable(m, 0, SIZE) || memcmp(m->d, "libudev", 8))
		return 0;
	if (len > SIZE)
		lt_sb_putc(c->sb, '[');
	lt_sb_puts(c->sb, "{prefix=\"libudev\"");
	for (int k = 0; k < 8; k++) {
		uint32_t v = RD(uint32_t, m->d, 8 + 4 * k);
		if (k == 0 || k >= 4) /* network byte order */
			v = __builtin_bswap32(v);
		lt_sb_puts(c->sb, ", ");
		lt_sb_printf(c->sb, f[k], v);
	}
	lt_sb_putc(c->sb, '}');
	if (len > SIZE) {
		uint64_t rest = len - SIZE, show = rest < c->strsize ? rest : c->strsize;
		lt_sb_puts(c->sb, ", ");
		if (!lt_nl_readable(m, SIZE, show))
			lt_put_ptr(c, m->addr + SIZE);
		else
			lt_put_quoted(c, m->d + SIZE, (size_t)show, rest > show);
		lt_sb_putc(c->sb, ']');
	}
	return 1;
}
