/* Socket addresses by family (strace's sockaddr.c): print_sockaddr, decode_sockaddr,
 * print_inet_addr, honouring -X as strace does. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "decode_struct.h"
#include "xlat/gen.h"

static void lt_put_sockaddr_as(struct lt_dctx *c, const uint8_t *d, size_t len,
			       const char *family);

/* bytes quoted in hex, as strace's QUOTE_FORCE_HEX: "\x01\x00" */
void lt_put_hexbytes(struct lt_dctx *c, const uint8_t *d, size_t n)
{
	int fh = c->force_hex;
	c->force_hex = 1;
	lt_put_quoted(c, d, n, 0);
	c->force_hex = fh;
}

/* An IPv4 (af 2) or IPv6 (af 10) address as strace's print_inet_addr: the field named
 * name (or none) as inet_addr("1.2.3.4") or inet_pton(AF_INET6, "::1", &name), its bytes
 * in hex too with -X raw or verbose */
void lt_put_inet_field(struct lt_dctx *c, int af, const uint8_t *a, const char *name)
{
	char buf[64];
	size_t len = af == 2 ? 4 : 16;
	if (!inet_ntop(af == 2 ? AF_INET : AF_INET6, a, buf, sizeof buf)) {
		if (name)
			lt_sb_printf(SB(c), "%s=", name);
		lt_put_hexbytes(c, a, len);
		return;
	}
	enum lt_xlat_style st = lt_st(c);
	if (name && (af == 2 || st != LT_XLAT_ABBREV))
		lt_sb_printf(SB(c), "%s=", name);
	if (st != LT_XLAT_ABBREV)
		lt_put_hexbytes(c, a, len);
	if (st == LT_XLAT_RAW)
		return;
	lt_sb_puts(SB(c), st == LT_XLAT_VERBOSE ? " /* " : "");
	if (af == 2)
		lt_sb_printf(SB(c), "inet_addr(\"%s\")", buf);
	else if (name && st == LT_XLAT_ABBREV)
		lt_sb_printf(SB(c), "inet_pton(AF_INET6, \"%s\", &%s)", buf, name);
	else
		lt_sb_printf(SB(c), "inet_pton(AF_INET6, \"%s\")", buf);
	lt_sb_puts(SB(c), st == LT_XLAT_VERBOSE ? " */" : "");
}

/* struct sockaddr_rxrpc's fields after sa_family, its transport an AF_INET or AF_INET6
 * address whose fields print as lt_put_sockaddr prints them */
static void lt_put_rxrpc(struct lt_dctx *c, const uint8_t *d, size_t len)
{
	static const struct lt_xlat services[] = { { 1, "CM_SERVICE" }, { 2500, "YFS_FS_SERVICE" },
		{ 2501, "YFS_CM_SERVICE" }, { 2503, "YFS_VL_SERVICE" }, { 0, 0 } };
	uint16_t service = RD(uint16_t, d, 2), tlen = RD(uint16_t, d, 6), tfam = RD(uint16_t, d, 8);
	const char *n = lt_xlat_name(services, service);
	lt_sb_printf(SB(c), "srx_service=%#x", service);
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

/* A value printed as "htons(12345)" (the bytes in hex too with -X raw, verbose) */
static void lt_put_net16(struct lt_dctx *c, const char *name, const uint8_t *p)
{
	enum lt_xlat_style st = lt_st(c);
	lt_sb_printf(SB(c), "%s=", name);
	if (st != LT_XLAT_ABBREV)
		lt_put_hexbytes(c, p, 2);
	if (st == LT_XLAT_RAW)
		return;
	lt_sb_printf(SB(c), st == LT_XLAT_VERBOSE ? " /* htons(%u) */" : "htons(%u)",
		     (unsigned)(p[0] << 8 | p[1]));
}

/* strace's PRINT_VAL_0X: as wide as the value's type */
static void lt_put_0x(struct lt_dctx *c, uint64_t v, int bytes)
{
	lt_sb_printf(SB(c), "%#0*llx", bytes * 2, (unsigned long long)v);
}

static void lt_put_sa_in(struct lt_dctx *c, const uint8_t *d, size_t len)
{
	(void)len;
	lt_put_net16(c, "sin_port", d + 2);
	lt_sb_puts(SB(c), ", ");
	lt_put_inet_field(c, 2, d + 4, "sin_addr");
}

static void lt_put_sa_in6(struct lt_dctx *c, const uint8_t *d, size_t len)
{
	enum lt_xlat_style st = lt_st(c);
	const uint8_t *a = d + 8;
	lt_put_net16(c, "sin6_port", d + 2);
	lt_sb_puts(SB(c), ", sin6_flowinfo=");
	if (st != LT_XLAT_ABBREV)
		lt_put_hexbytes(c, d + 4, 4);
	if (st != LT_XLAT_RAW)
		lt_sb_printf(SB(c), st == LT_XLAT_VERBOSE ? " /* htonl(%u) */" : "htonl(%u)",
			     ((uint32_t)d[4] << 24 | (uint32_t)d[5] << 16 | (uint32_t)d[6] << 8 | d[7]));
	lt_sb_puts(SB(c), ", ");
	lt_put_inet_field(c, 10, a, "sin6_addr");
	if (len <= 24)
		return;
	lt_sb_puts(SB(c), ", sin6_scope_id=");
	/* link-local unicast and multicast: the scope is an interface */
	if ((a[0] == 0xfe && (a[1] & 0xc0) == 0x80) || (a[0] == 0xff && (a[1] & 0xf) == 2))
		lt_put_ifindex(c, RD(uint32_t, d, 24));
	else
		lt_sb_printf(SB(c), "%u", RD(uint32_t, d, 24));
}

/* sun_path: a string up to its NUL, or "@" and all the bytes of an abstract name */
static void lt_put_sa_un(struct lt_dctx *c, const uint8_t *d, size_t len)
{
	size_t path = (len > 110 ? 110 : len) - 2;
	const uint8_t *p = d + 2;
	lt_sb_puts(SB(c), "sun_path=");
	if (p[0]) {
		const uint8_t *z = memchr(p, 0, path);
		lt_put_quoted(c, p, z ? (size_t)(z - p) : path, 0);
	} else {
		lt_sb_putc(SB(c), '@');
		lt_put_quoted(c, p + 1, path - 1, 0);
	}
}

static void lt_put_sa_ipx(struct lt_dctx *c, const uint8_t *d, size_t len)
{
	(void)len;
	lt_put_net16(c, "sipx_port", d + 2);
	lt_sb_printf(SB(c), ", sipx_network=htonl(%#x), sipx_node=[",
		     ((uint32_t)d[4] << 24 | (uint32_t)d[5] << 16 | (uint32_t)d[6] << 8 | d[7]));
	for (int k = 0; k < 6; k++) {
		lt_sb_puts(SB(c), k ? ", " : "");
		lt_put_0x(c, d[8 + k], 1);
	}
	lt_sb_puts(SB(c), "], sipx_type=");
	lt_put_0x(c, d[14], 1);
	if (d[15])
		lt_sb_printf(SB(c), ", sipx_zero=%#x", d[15]);
}

/* strace's check_ax25_address: how an AX.25 call sign can be shown */
static enum lt_xlat_style lt_ax25_style(const uint8_t *a, int *deflt)
{
	enum lt_xlat_style ret = LT_XLAT_ABBREV;
	int space = 0, chr = 0;
	*deflt = 1;
	for (int k = 0; k < 6; k++) {
		unsigned ch = a[k];
		if (ch & 1)
			ret = LT_XLAT_VERBOSE, *deflt = 0;
		ch >>= 1;
		if (ch == ' ')
			space = 1;
		else
			chr = 1;
		if ((ch < '0' || ch > '9') && (ch < 'A' || ch > 'Z') && ch != ' ')
			ret = LT_XLAT_VERBOSE, *deflt = 0;
		if (ch != ' ' && space)
			ret = LT_XLAT_VERBOSE, *deflt = 0;
		if (ch < ' ' || ch > 0x7e || ch == '*' || ch == '/') {
			*deflt = 0;
			return LT_XLAT_RAW;
		}
	}
	if ((a[6] & ~0x1e) || (!chr && a[6]))
		ret = LT_XLAT_VERBOSE, *deflt = 0;
	return ret;
}

/* strace's print_ax25_addr: "CALL-7", the raw bytes when it is not a sane one */
static void lt_put_ax25(struct lt_dctx *c, const uint8_t *a)
{
	int deflt;
	enum lt_xlat_style xs = lt_ax25_style(a, &deflt);
	if (deflt)
		xs = lt_st(c);
	if (xs != LT_XLAT_ABBREV) {
		lt_sb_puts(SB(c), "{ax25_call=");
		lt_put_hexbytes(c, a, 7);
		lt_sb_putc(SB(c), '}');
	}
	if (xs == LT_XLAT_RAW)
		return;
	char buf[16];
	size_t end = 6, o = 0;
	while (end && (a[end - 1] >> 1) == ' ')
		end--;
	for (size_t k = 0; k < end; k++)
		buf[o++] = (char)(a[k] >> 1);
	unsigned ssid = (a[6] >> 1) & 0xf;
	snprintf(buf + o, sizeof buf - o, "-%u", ssid);
	const char *s = !strcmp(buf, "-0") ? "*" : buf;
	lt_sb_printf(SB(c), xs == LT_XLAT_VERBOSE ? " /* %s */" : "%s", s);
}

/* struct full_sockaddr_ax25: the call, and the digipeaters there is room for */
static void lt_put_sa_ax25(struct lt_dctx *c, const uint8_t *d, size_t len)
{
	int32_t ndigis = RD(int32_t, d, 12);
	int full = ndigis || len > 16;
	lt_sb_puts(SB(c), full ? "fsa_ax25={sax25_call=" : "sax25_call=");
	lt_put_ax25(c, d + 2);
	lt_sb_printf(SB(c), ", sax25_ndigis=%d", ndigis);
	if (!full)
		return;
	lt_sb_putc(SB(c), '}');
	size_t has = (len - 16) / 7 < 8 ? (len - 16) / 7 : 8;
	size_t want = ndigis > 0 ? ((size_t)ndigis < 8 ? (size_t)ndigis : 8) : 0;
	if (want) {
		lt_sb_puts(SB(c), ", fsa_digipeater=[");
		for (size_t k = 0; k < want; k++) {
			lt_sb_puts(SB(c), k ? ", " : "");
			if (k >= has || (k >= c->strsize && !lt_verbose(c))) {
				lt_sb_puts(SB(c), "...");
				break;
			}
			lt_put_ax25(c, d + 16 + 7 * k);
		}
		lt_sb_putc(SB(c), ']');
	}
	if (len > has * 7 + 16)
		lt_sb_puts(SB(c), ", ...");
}

static void lt_put_sa_x25(struct lt_dctx *c, const uint8_t *d, size_t len)
{
	const uint8_t *z = memchr(d + 2, 0, 16);
	(void)len;
	lt_sb_puts(SB(c), "sx25_addr={x25_addr=");
	lt_put_quoted(c, d + 2, z ? (size_t)(z - d - 2) : 15, !z);
	lt_sb_putc(SB(c), '}');
}

static void lt_put_sa_nl(struct lt_dctx *c, const uint8_t *d, size_t len)
{
	(void)len;
	if (RD(uint16_t, d, 2))
		lt_sb_printf(SB(c), "nl_pad=%#x, ", RD(uint16_t, d, 2));
	lt_sb_printf(SB(c), "nl_pid=%d, nl_groups=", RD(int32_t, d, 4));
	lt_put_0x(c, RD(uint32_t, d, 8), 4);
}

/* struct sockaddr_ll */
static void lt_put_sa_ll(struct lt_dctx *c, const uint8_t *d, size_t len)
{
	static const struct lt_xlat pkttype[] = { { 0, "PACKET_HOST" }, { 1, "PACKET_BROADCAST" },
		{ 2, "PACKET_MULTICAST" }, { 3, "PACKET_OTHERHOST" }, { 4, "PACKET_OUTGOING" },
		{ 5, "PACKET_LOOPBACK" }, { 6, "PACKET_USER" }, { 7, "PACKET_KERNEL" }, { 0, 0 } };
	enum lt_xlat_style st = lt_st(c);
	uint16_t proto = (uint16_t)(d[2] << 8 | d[3]);
	const char *pn = lt_xlat_name(lt_x_eth_p, proto);
	lt_sb_puts(SB(c), "sll_protocol=");
	if (st != LT_XLAT_ABBREV)
		lt_put_hexbytes(c, d + 2, 2);
	if (st != LT_XLAT_RAW) {
		lt_sb_puts(SB(c), st == LT_XLAT_VERBOSE ? " /* htons(" : "htons(");
		if (pn)
			lt_sb_puts(SB(c), pn);
		else
			lt_sb_printf(SB(c), "%#x /* ETH_P_??? */", proto);
		lt_sb_puts(SB(c), st == LT_XLAT_VERBOSE ? ") */" : ")");
	}
	lt_sb_puts(SB(c), ", sll_ifindex=");
	lt_put_ifindex(c, RD(uint32_t, d, 4));
	lt_sb_puts(SB(c), ", sll_hatype=");
	lt_put_xlat(c, lt_x_arphrd, RD(uint16_t, d, 8), "ARPHRD_???");
	lt_sb_puts(SB(c), ", sll_pkttype=");
	lt_put_xlat(c, pkttype, d[10], "PACKET_???");
	lt_sb_printf(SB(c), ", sll_halen=%u", d[11]);
	if (!d[11])
		return;
	lt_sb_puts(SB(c), ", sll_addr=[");
	for (unsigned k = 0; k < d[11]; k++) {
		lt_sb_puts(SB(c), k ? ", " : "");
		if (k >= len - 12 || k >= 8) {
			lt_sb_puts(SB(c), "...");
			break;
		}
		lt_put_0x(c, d[12 + k], 1);
	}
	lt_sb_putc(SB(c), ']');
}

/* strace's printxval: a name, unknown values in hex with the comment unk (none when
 * NULL); verbose: as -X verbose even under -X abbrev (PRINT_FIELD_XVAL_VERBOSE) */
static void lt_put_xv(struct lt_dctx *c, const struct lt_xlat *t, uint64_t v, const char *unk,
		      int verbose)
{
	enum lt_xlat_style st = lt_st(c);
	const char *n = lt_xlat_name(t, v);
	if (verbose && st == LT_XLAT_ABBREV)
		st = LT_XLAT_VERBOSE;
	if (st == LT_XLAT_ABBREV && n) {
		lt_sb_puts(SB(c), n);
		return;
	}
	lt_sb_printf(SB(c), "%#llx", (unsigned long long)v);
	if (st != LT_XLAT_RAW && (n || unk))
		lt_sb_printf(SB(c), " /* %s */", n ? n : unk);
}

/* strace's printflags (verbose: PRINT_FIELD_FLAGS_VERBOSE) */
static void lt_put_xf(struct lt_dctx *c, const struct lt_xlat *t, uint64_t v, const char *unk,
		      int verbose)
{
	enum lt_xlat_style st = lt_st(c);
	struct lt_sb n = { 0 };
	int any = 0;
	if (verbose && st == LT_XLAT_ABBREV)
		st = LT_XLAT_VERBOSE;
	if (!v || st == LT_XLAT_RAW) {
		lt_sb_printf(SB(c), v ? "%#llx" : "0", (unsigned long long)v);
		return;
	}
	uint64_t rest = lt_flags_names(&n, t, v, &any);
	if (any && rest)
		lt_sb_printf(&n, "|%#llx", (unsigned long long)rest);
	if (st == LT_XLAT_ABBREV && any)
		lt_sb_puts(SB(c), n.p);
	else
		lt_sb_printf(SB(c), "%#llx /* %s */", (unsigned long long)v, any ? n.p : unk);
	lt_sb_free(&n);
}

/* strace's print_quoted_string with QUOTE_0_TERMINATED|QUOTE_EXPECT_TRAILING_0: up to a
 * NUL within size bytes, else size - 1 of them and "..." */
static void lt_put_cstr_field(struct lt_dctx *c, const char *name, const uint8_t *p, size_t size)
{
	const uint8_t *z = size ? memchr(p, 0, size) : NULL;
	lt_sb_printf(SB(c), "%s=", name);
	lt_put_quoted(c, p, z ? (size_t)(z - p) : (size ? size - 1 : 0), !z);
}

static void lt_put_sa_ieee802154(struct lt_dctx *c, const uint8_t *d, size_t len)
{
	static const struct lt_xlat types[] = { { 0, "IEEE802154_ADDR_NONE" },
		{ 2, "IEEE802154_ADDR_SHORT" }, { 3, "IEEE802154_ADDR_LONG" }, { 0, 0 } };
	static const struct lt_xlat pans[] = { { 0xffff, "IEEE802154_PANID_BROADCAST" }, { 0, 0 } };
	static const struct lt_xlat addrs[] = { { 0xfffe, "IEEE802154_ADDR_UNDEF" },
		{ 0xffff, "IEEE802154_ADDR_BROADCAST" }, { 0, 0 } };
	uint32_t type = RD(uint32_t, d, 4);
	(void)len;
	lt_sb_puts(SB(c), "addr={addr_type=");
	lt_put_xv(c, types, type, "IEEE802154_ADDR_???", 1);
	lt_sb_puts(SB(c), ", pan_id=");
	lt_put_xv(c, pans, RD(uint16_t, d, 8), NULL, 1);
	if (type == 2) {
		lt_sb_puts(SB(c), ", short_addr=");
		lt_put_xv(c, addrs, RD(uint16_t, d, 10), NULL, 1);
	} else if (type != 0) {
		lt_sb_puts(SB(c), ", hwaddr=");
		lt_put_mac(c, d + 10, 8);
	}
	lt_sb_putc(SB(c), '}');
}

static void lt_put_sa_alg(struct lt_dctx *c, const uint8_t *d, size_t len)
{
	static const struct lt_xlat fl[] = { { 0x1000, "CRYPTO_ALG_KERN_DRIVER_ONLY" }, { 0, 0 } };
	lt_put_cstr_field(c, "salg_type", d + 2, 14);
	lt_sb_puts(SB(c), ", salg_feat=");
	lt_put_xf(c, fl, RD(uint32_t, d, 16), "CRYPTO_ALG_???", 1);
	lt_sb_puts(SB(c), ", salg_mask=");
	lt_put_xf(c, fl, RD(uint32_t, d, 20), "CRYPTO_ALG_???", 1);
	lt_sb_puts(SB(c), ", ");
	lt_put_cstr_field(c, "salg_name", d + 24, len - 24);
}

static void lt_put_sa_nfc(struct lt_dctx *c, const uint8_t *d, size_t len)
{
	static const struct lt_xlat protos[] = { { 1, "NFC_PROTO_JEWEL" }, { 2, "NFC_PROTO_MIFARE" },
		{ 3, "NFC_PROTO_FELICA" }, { 4, "NFC_PROTO_ISO14443" }, { 5, "NFC_PROTO_NFC_DEP" },
		{ 6, "NFC_PROTO_ISO14443_B" }, { 7, "NFC_PROTO_ISO15693" }, { 0, 0 } };
	static const struct lt_xlat saps[] = { { 1, "LLCP_SAP_SDP" }, { 2, "LLCP_SAP_IP" },
		{ 3, "LLCP_SAP_OBEX" }, { 4, "LLCP_SAP_SNEP" }, { 0xff, "LLCP_SAP_MAX" }, { 0, 0 } };
	lt_sb_puts(SB(c), "dev_idx=");
	lt_put_ifindex(c, RD(uint32_t, d, 4));
	lt_sb_printf(SB(c), ", target_idx=%#x, nfc_protocol=", RD(uint32_t, d, 8));
	lt_put_xv(c, protos, RD(uint32_t, d, 12), "NFC_PROTO_???", 0);
	if (len < 96) { /* struct sockaddr_nfc_llcp */
		if (len > 16)
			lt_sb_puts(SB(c), ", ...");
		return;
	}
	uint64_t sn = RD(uint64_t, d, 88);
	lt_sb_puts(SB(c), ", dsap=");
	lt_put_xv(c, saps, d[16], NULL, 1);
	lt_sb_puts(SB(c), ", ssap=");
	lt_put_xv(c, saps, d[17], NULL, 1);
	lt_sb_puts(SB(c), ", service_name=");
	lt_put_quoted(c, d + 18, sn < 63 ? (size_t)sn : 63, 0);
	lt_sb_printf(SB(c), ", service_name_len=%llu", (unsigned long long)sn);
}

static void lt_put_sa_vsock(struct lt_dctx *c, const uint8_t *d, size_t len)
{
	static const struct lt_xlat cids[] = { { 0, "VMADDR_CID_HYPERVISOR" },
		{ 1, "VMADDR_CID_LOCAL" }, { 2, "VMADDR_CID_HOST" }, { 0xffffffffu, "VMADDR_CID_ANY" },
		{ 0, 0 } };
	static const struct lt_xlat ports[] = { { 0xffffffffu, "VMADDR_PORT_ANY" }, { 0, 0 } };
	static const struct lt_xlat flags[] = { { 1, "VMADDR_FLAG_TO_HOST" }, { 0, 0 } };
	(void)len;
	if (RD(uint16_t, d, 2))
		lt_sb_printf(SB(c), "svm_reserved1=%#x, ", RD(uint16_t, d, 2));
	lt_sb_puts(SB(c), "svm_cid=");
	lt_put_xv(c, cids, RD(uint32_t, d, 8), NULL, 0);
	lt_sb_puts(SB(c), ", svm_port=");
	lt_put_xv(c, ports, RD(uint32_t, d, 4), NULL, 0);
	lt_sb_puts(SB(c), ", svm_flags=");
	lt_put_xf(c, flags, d[12], "VMADDR_FLAG_???", 0);
	if (d[13] || d[14] || d[15]) {
		lt_sb_puts(SB(c), ", svm_zero=");
		lt_put_hexbytes(c, d + 13, 3);
	}
}

static void lt_put_sa_qrtr(struct lt_dctx *c, const uint8_t *d, size_t len)
{
	static const struct lt_xlat nodes[] = { { 0xffffffffu, "QRTR_NODE_BCAST" }, { 0, 0 } };
	static const struct lt_xlat ports[] = { { 0xfffffffeu, "QRTR_PORT_CTRL" }, { 0, 0 } };
	(void)len;
	lt_sb_puts(SB(c), "sq_node=");
	lt_put_xv(c, nodes, RD(uint32_t, d, 4), NULL, 0);
	lt_sb_puts(SB(c), ", sq_port=");
	lt_put_xv(c, ports, RD(uint32_t, d, 8), NULL, 0);
}

static void lt_put_sa_xdp(struct lt_dctx *c, const uint8_t *d, size_t len)
{
	static const struct lt_xlat flags[] = { { 1, "XDP_SHARED_UMEM" }, { 2, "XDP_COPY" },
		{ 4, "XDP_ZEROCOPY" }, { 8, "XDP_USE_NEED_WAKEUP" }, { 0, 0 } };
	uint16_t fl = RD(uint16_t, d, 2);
	uint32_t fd = RD(uint32_t, d, 12);
	(void)len;
	lt_sb_puts(SB(c), "sxdp_flags=");
	lt_put_xf(c, flags, fl, "XDP_???", 0);
	lt_sb_puts(SB(c), ", sxdp_ifindex=");
	lt_put_ifindex(c, RD(uint32_t, d, 4));
	lt_sb_printf(SB(c), ", sxdp_queue_id=%u", RD(uint32_t, d, 8));
	if (fl & 1) {
		lt_sb_puts(SB(c), ", sxdp_shared_umem_fd=");
		lt_put_fd(c, (int)fd);
	} else if (fd) {
		lt_sb_printf(SB(c), ", sxdp_shared_umem_fd=%#x", fd);
	}
}

static void lt_put_sa_mctp(struct lt_dctx *c, const uint8_t *d, size_t len)
{
	static const struct lt_xlat nets[] = { { 0, "MCTP_NET_ANY" }, { 0, 0 } };
	static const struct lt_xlat addrs[] = { { 0, "MCTP_ADDR_NULL" }, { 0xff, "MCTP_ADDR_ANY" },
		{ 0, 0 } };
	(void)len;
	if (RD(uint16_t, d, 2))
		lt_sb_printf(SB(c), "__smctp_pad0=%#x, ", RD(uint16_t, d, 2));
	lt_sb_puts(SB(c), "smctp_network=");
	lt_put_xv(c, nets, RD(uint32_t, d, 4), NULL, 0);
	lt_sb_puts(SB(c), ", smctp_addr={s_addr=");
	lt_put_xv(c, addrs, d[8], NULL, 0);
	lt_sb_printf(SB(c), "}, smctp_type=%#x, smctp_tag=%#x", d[9], d[10]);
	if (d[11])
		lt_sb_printf(SB(c), ", __smctp_pad1=%#x", d[11]);
}

typedef void (*lt_sa_fn)(struct lt_dctx *c, const uint8_t *d, size_t len);
/* strace's sa_printers: a family's printer and the shortest address it prints */
static const struct {
	lt_sa_fn fn;
	size_t min;
} lt_sa_printers[] = {
	[1] = { lt_put_sa_un, 3 },      [2] = { lt_put_sa_in, 16 },
	[3] = { lt_put_sa_ax25, 16 },   [4] = { lt_put_sa_ipx, 16 },
	[9] = { lt_put_sa_x25, 18 },    [10] = { lt_put_sa_in6, 24 },
	[16] = { lt_put_sa_nl, 12 },    [17] = { lt_put_sa_ll, 20 },
	[33] = { lt_put_rxrpc, 36 },    [36] = { lt_put_sa_ieee802154, 20 },
	[38] = { lt_put_sa_alg, 25 },   [39] = { lt_put_sa_nfc, 16 },
	[40] = { lt_put_sa_vsock, 16 }, [42] = { lt_put_sa_qrtr, 12 },
	[44] = { lt_put_sa_xdp, 16 },   [45] = { lt_put_sa_mctp, 12 },
};

/* a sockaddr whose family field is named family (an RxRPC transport's is "sin_family"),
 * as strace's print_sockaddr: len bytes (at most 128), zeros past them */
static void lt_put_sockaddr_as(struct lt_dctx *c, const uint8_t *d, size_t len,
			       const char *family)
{
	uint8_t buf[136] = { 0 };
	if (len > 128)
		len = 128;
	memcpy(buf, d, len);
	if (len < 2) {
		lt_sb_puts(SB(c), "{}");
		return;
	}
	uint16_t fam = RD(uint16_t, buf, 0);
	lt_sb_printf(SB(c), "{%s=", family);
	lt_put_xlat(c, lt_x_af, fam, "AF_???");
	if (len > 2) {
		lt_sb_puts(SB(c), ", ");
		if (fam < sizeof lt_sa_printers / sizeof lt_sa_printers[0] &&
		    lt_sa_printers[fam].fn && len >= lt_sa_printers[fam].min) {
			lt_sa_printers[fam].fn(c, buf, len);
		} else {
			lt_sb_puts(SB(c), "sa_data=");
			lt_put_quoted(c, buf + 2, len - 2, 0);
		}
	}
	lt_sb_putc(SB(c), '}');
}

/* strace's decode_sockaddr: an address of addrlen bytes (at most a sockaddr_storage)
 * from a capture of have bytes; the address itself when shorter than a family or
 * when the capture came back short */
void lt_put_sockaddr_len(struct lt_dctx *c, uint64_t addr, const uint8_t *d, size_t have,
				int64_t addrlen)
{
	if (addrlen > 128)
		addrlen = 128;
	if (!addr && addrlen >= 2)
		lt_sb_puts(SB(c), "NULL");
	else if (addrlen < 2 || !d || have < (uint64_t)addrlen)
		lt_put_ptr(c, addr);
	else
		lt_put_sockaddr(c, d, (size_t)addrlen);
}

