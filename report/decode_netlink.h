/* What the netlink decoders share: decode_netlink.c (sockets, the message header and
 * array, attributes, route links and stats, sock_diag's inet messages) and the family files
 * decode_netlink_proto.c (message types and flags by protocol, netfilter, selinux) and
 * decode_netlink_route.c (the other route messages), decode_netlink_diag.c (sock_diag).
 * Report side only. */
#ifndef LT_DECODE_NETLINK_H
#define LT_DECODE_NETLINK_H

#include "decode_struct.h" /* RD, lt_put_dev */
#include "xlat/gen.h"

enum { NETLINK_ROUTE = 0, NETLINK_SELINUX = 7, NETLINK_SOCK_DIAG = 4, NETLINK_XFRM = 6,
       NETLINK_AUDIT = 9, NETLINK_NETFILTER = 12, NETLINK_KOBJECT_UEVENT = 15,
       NETLINK_GENERIC = 16, NETLINK_CRYPTO = 21 };
enum { NLMSG_HDRLEN = 16, NLA_HDRLEN = 4, NLMSG_ERROR = 2, NLMSG_DONE = 3, NLMSG_MIN_TYPE = 16 };

/* The message bytes the shim captured, and where they were. Offsets are from addr. */
struct lt_nl {
	struct lt_dctx *c;
	const uint8_t *d;
	size_t have;
	uint64_t addr;
	int proto;
};

static inline int lt_nl_readable(const struct lt_nl *m, uint64_t off, uint64_t n)
{
	return off <= m->have && n <= m->have - off;
}

/* print_quoted_string(..., QUOTE_FORCE_HEX): n bytes, whole */
void lt_put_hexstr(struct lt_dctx *c, const uint8_t *p, size_t n);
/* print_array over the message: n elements of es bytes at off, each printed by fn; the
 * address when not even the first is readable, "... / * addr * /" where reading stopped,
 * "..." past -s elements unless -v */
typedef void (*lt_nl_elem_fn)(const struct lt_nl *m, const uint8_t *e, uint64_t k);
void lt_nl_array(const struct lt_nl *m, uint64_t off, uint64_t n, size_t es, lt_nl_elem_fn fn);
/* print_mac_addr: ab:cd:ef:01:02:03 (with -X, the bytes in hex first) */
void lt_put_mac(struct lt_dctx *c, const uint8_t *a, size_t n);
/* strace's printstr_ex(..., QUOTE_FORCE_HEX), or the address when it could not be read */
void lt_nl_hex(const struct lt_nl *m, uint64_t off, uint64_t len);

/* A decoder of one attribute's data: prints it and returns 1, or returns 0 to have it
 * printed in hex. arg: what decode_nlattr passes (the family, the attribute type). */
typedef int (*lt_nla_fn)(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);

struct lt_nla_table {
	const struct lt_xlat *names;
	const char *dflt;
	lt_nla_fn (*decoder)(unsigned type); /* NULL: every attribute in hex */
	lt_nla_fn all;                       /* one decoder for every type, given the type */
};

/* An attribute whose payload is attributes of table T, as a decoder named FN (strace's
 * nested decode_nla_* functions, each a call of decode_nlattr). */
#define LT_NLA_NESTED(fn, t)                                                            \
	static int fn(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg) \
	{                                                                               \
		lt_nl_attrs(m, off, len, &(t), arg);                                      \
		return 1;                                                               \
	}

/* strace's decode_nlattr: the attributes in [off, off + len) */
void lt_nl_attrs(const struct lt_nl *m, uint64_t off, uint64_t len, const struct lt_nla_table *t,
		 uint64_t arg);

/* decode_nla_*: attribute values */
int lt_nla_u8(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);
int lt_nla_u16(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);
int lt_nla_u32(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);
int lt_nla_u64(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);
int lt_nla_s32(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);
int lt_nla_x16(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);
int lt_nla_x32(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);
int lt_nla_str(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);
int lt_nla_ifindex(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);
int lt_nla_fd(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);
int lt_nla_clock_t(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);
/* decode_inet_addr: the len bytes at off as an address of family af, named var (or NULL) */
void lt_nl_inet_addr(const struct lt_nl *m, uint64_t off, uint64_t len, uint8_t af, const char *var);
/* the same as an attribute decoder: arg is the address family */
int lt_nla_inet_addr(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t af);

/* decode_nla_xval / decode_nla_flags: a number of up to 8 bytes (exactly size bytes when
 * size is not 0) named from t */
int lt_nla_xval(const struct lt_nl *m, uint64_t off, uint64_t len, unsigned size,
		const struct lt_xlat *t, const char *dflt, int flags);

/* print_ifindex: if_nametoindex("lo") for an interface this machine has */
void lt_put_ifindex(struct lt_dctx *c, uint32_t idx);
/* print_inet_addr: var=inet_addr("10.0.0.1"), inet_pton(AF_INET6, "::1", &var), else hex */
void lt_put_inet_addr(struct lt_dctx *c, const uint8_t *a, size_t len, uint8_t af, const char *var);

/* A payload that starts with a structure of size bytes whose first byte (the family) is
 * named from fx: "{first=AF_INET, " then fn's fields when len covers the structure, "..."
 * when it does not, "}"; then the attributes past it with t, none when t is NULL (strace's decoders of
 * ifaddrlblmsg, dcbmsg, br_port_msg...). A 1-byte structure has no fields past the first. */
typedef void (*lt_nl_body_fn)(const struct lt_nl *m, const uint8_t *d);
void lt_nl_fixed(const struct lt_nl *m, uint64_t off, uint64_t len, const char *first,
		 const struct lt_xlat *fx, const char *fdflt, size_t size, lt_nl_body_fn fn,
		 const struct lt_nla_table *t, uint64_t arg);

/* decode_netlink_proto.c: the header's type and flags by protocol; the payloads of
 * protocols other than route and sock_diag (1 if it printed the payload) */
void lt_nlmsg_type(const struct lt_nl *m, uint16_t type);
const struct lt_xlat *lt_nlm_flags_table(int proto, uint16_t type);
int lt_nl_proto_payload(const struct lt_nl *m, const uint8_t *h, uint64_t off, uint64_t len);
/* decode_netlink_kobject_uevent: udev's monitor header and the properties after it, or 0
 * (nothing printed) for data that does not start with one */
int lt_nl_kobject_uevent(const struct lt_nl *m, uint64_t len);

/* decode_netlink_diag.c: sock_diag payloads (1 if it printed the payload) */
int lt_nl_sock_diag(const struct lt_nl *m, const uint8_t *h, uint64_t off, uint64_t len);

/* decode_family: {family=AF_..., data=hex}, a payload with no decoder of its own */
void lt_nl_family(const struct lt_nl *m, uint64_t off, uint64_t len, uint8_t family);

/* decode_nla_uid/gid: -1 as -1, the rest unsigned */
int lt_nla_uid(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);
/* decode_nla_ip_proto: IPPROTO_* from up to 8 bytes */
int lt_nla_ip_proto(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);

/* decode_netlink_route.c: route messages beyond links, stats, nexthops and cache reports
 * (1 if it printed the payload) */
int lt_nl_route_more(const struct lt_nl *m, uint16_t type, uint64_t off, uint64_t len);
/* attribute decoders by type: IFLA_INET6_*, IPMRA_CREPORT_*, IP6MRA_CREPORT_* */
lt_nla_fn lt_ifla_inet6_decoder(unsigned type);
lt_nla_fn lt_ipmra_decoder(unsigned type);
lt_nla_fn lt_ip6mra_decoder(unsigned type);
/* NHA_* decoded in decode_netlink_route.c (groups, gateway, encap type, resilient groups) */
lt_nla_fn lt_nha_more_decoder(unsigned type);
/* struct ifla_bridge_id: {prio=[...], addr=MAC} */
int lt_nla_bridge_id(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);
/* IFLA_BRPORT_* (decode_netlink.c) */
extern const struct lt_nla_table lt_nla_brport;
/* IFLA_INET_* and IFLA_BRIDGE_* of IFLA_AF_SPEC */
lt_nla_fn lt_ifla_inet_decoder(unsigned type);
lt_nla_fn lt_ifla_bridge_decoder(unsigned type);
/* BRIDGE_XSTATS_* of LINK_XSTATS_TYPE_BRIDGE */
lt_nla_fn lt_bridge_xstats_decoder(unsigned type);
/* IFLA_* attributes decoded in decode_netlink_route.c (stats, map, ports, XDP...) */
lt_nla_fn lt_ifla_more_decoder(unsigned type);
/* struct rtnl_link_stats64 (IFLA_STATS64, IFLA_STATS_LINK_64) */
int lt_nla_link_stats64(const struct lt_nl *m, uint64_t off, uint64_t len, uint64_t arg);

#endif
