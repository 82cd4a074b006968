/* Netlink decoders (report/decode_netlink*.c): strace 6.1's lines for messages its own test
 * programs send (tests/netlink_*.c, nfnetlink_*.c, nlattr_*.c), with the captures the shim
 * would have made. */
#include <stdint.h>
#include <stdlib.h>

#include "decode_fixture.h"

#define A 0x7ffd1000u

static void put16(uint8_t *p, uint16_t v) { memcpy(p, &v, 2); }
static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }



/* socket(AF_NETLINK, SOCK_RAW, proto) = 3 */
static void nl_socket(int proto)
{
	struct lt_event ev = mk("socket", 3, 16, 3, (uint64_t)proto, 0, 0, 0);
	lt_decode_observe(&fmt0, &ev);
}

/* a message of len bytes: header, then body */
static size_t nl_msg(uint8_t *m, uint32_t len, uint16_t type, uint16_t flags, const void *body,
		     size_t blen)
{
	memset(m, 0, len);
	put32(m, len);
	put16(m + 4, type);
	put16(m + 6, flags);
	if (blen)
		memcpy(m + 16, body, blen);
	return len;
}

static void sendto_line(const uint8_t *m, size_t len, const char *want, int line)
{
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, m, len);
	struct lt_event ev = mk("sendto", (int64_t)len, 3, A, len, 0x40, 0, 0);
	expect_fmt(&ev, &fmt0, want, line);
}
#define SENDTO(m, len, want) sendto_line(m, len, want, __LINE__)

/* message types and request flags by protocol (netlink.c) */
static void test_types(void)
{
	uint8_t m[64];
	nl_socket(9); /* NETLINK_AUDIT */
	SENDTO(m, nl_msg(m, 16, 1000, 1, NULL, 0), "sendto(3, {nlmsg_len=16, nlmsg_type=AUDIT_GET, "
	       "nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, 16, MSG_DONTWAIT, NULL, 0) = 16");
	nl_socket(6); /* NETLINK_XFRM */
	SENDTO(m, nl_msg(m, 16, 0x12, 0x300, NULL, 0), "sendto(3, {nlmsg_len=16, nlmsg_type=XFRM_MSG_GETSA, "
	       "nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, 16, MSG_DONTWAIT, NULL, 0) = 16");
	SENDTO(m, nl_msg(m, 16, 0x16, 0x108, NULL, 0), "sendto(3, {nlmsg_len=16, nlmsg_type=XFRM_MSG_ALLOCSPI, "
	       "nlmsg_flags=NLM_F_ECHO|0x100, nlmsg_seq=0, nlmsg_pid=0}, 16, MSG_DONTWAIT, NULL, 0) = 16");
	nl_socket(16); /* NETLINK_GENERIC */
	SENDTO(m, nl_msg(m, 20, 0x10, 0x301, "\3\0\0\0", 4), "sendto(3, [{nlmsg_len=20, nlmsg_type=nlctrl, "
	       "nlmsg_flags=NLM_F_REQUEST|0x300, nlmsg_seq=0, nlmsg_pid=0}, \"\\x03\\x00\\x00\\x00\"], 20, "
	       "MSG_DONTWAIT, NULL, 0) = 20");
	nl_socket(12); /* NETLINK_NETFILTER */
	SENDTO(m, nl_msg(m, 16, 0x7ff, 1, NULL, 0), "sendto(3, {nlmsg_len=16, nlmsg_type=NFNL_SUBSYS_ACCT<<8|"
	       "0xff /* NFNL_MSG_ACCT_??? */, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, 16, "
	       "MSG_DONTWAIT, NULL, 0) = 16");
	SENDTO(m, nl_msg(m, 16, 0x802, 0x101, NULL, 0), "sendto(3, {nlmsg_len=16, nlmsg_type="
	       "NFNL_SUBSYS_CTNETLINK_TIMEOUT<<8|IPCTNL_MSG_TIMEOUT_DELETE, nlmsg_flags=NLM_F_REQUEST|"
	       "NLM_F_NONREC, nlmsg_seq=0, nlmsg_pid=0}, 16, MSG_DONTWAIT, NULL, 0) = 16");
	SENDTO(m, nl_msg(m, 16, 0xffff, 1, NULL, 0), "sendto(3, {nlmsg_len=16, nlmsg_type=0xff /* "
	       "NFNL_SUBSYS_??? */<<8|0xff, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, 16, "
	       "MSG_DONTWAIT, NULL, 0) = 16");
}

/* payloads: nfgenmsg and its attributes, selinux, nlmsgerr */
static void test_payloads(void)
{
	uint8_t m[64];
	nl_socket(12); /* NETLINK_NETFILTER */
	SENDTO(m, nl_msg(m, 20, 0xa00, 1, "\1\0\0\x0a", 4), "sendto(3, [{nlmsg_len=20, nlmsg_type="
	       "NFNL_SUBSYS_NFTABLES<<8|NFT_MSG_NEWTABLE, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, "
	       "nlmsg_pid=0}, {nfgen_family=AF_UNIX, version=NFNETLINK_V0, res_id=htons("
	       "NFNL_SUBSYS_NFTABLES)}], 20, MSG_DONTWAIT, NULL, 0) = 20");
	SENDTO(m, nl_msg(m, 24, 0xaff, 1, "\1\0\0\x0a\4\0\xcd\x0b", 8), "sendto(3, [{nlmsg_len=24, "
	       "nlmsg_type=NFNL_SUBSYS_NFTABLES<<8|0xff /* NFT_MSG_??? */, nlmsg_flags=NLM_F_REQUEST, "
	       "nlmsg_seq=0, nlmsg_pid=0}, {nfgen_family=AF_UNIX, version=NFNETLINK_V0, res_id=htons("
	       "NFNL_SUBSYS_NFTABLES)}, {nla_len=4, nla_type=0xbcd}], 24, MSG_DONTWAIT, NULL, 0) = 24");
	SENDTO(m, nl_msg(m, 24, 0x10, 1, "\1\0\xab\xcd" "1234", 8), "sendto(3, [{nlmsg_len=24, "
	       "nlmsg_type=NFNL_MSG_BATCH_BEGIN, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, "
	       "{nfgen_family=AF_UNIX, version=NFNETLINK_V0, res_id=htons(43981)}, \"\\x31\\x32\\x33\\x34\"]"
	       ", 24, MSG_DONTWAIT, NULL, 0) = 24");
	nl_socket(7); /* NETLINK_SELINUX */
	SENDTO(m, nl_msg(m, 20, 0x11, 1, "\xbc\xfa\xdc\xab", 4), "sendto(3, [{nlmsg_len=20, "
	       "nlmsg_type=SELNL_MSG_POLICYLOAD, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, "
	       "{seqno=2883386044}], 20, MSG_DONTWAIT, NULL, 0) = 20");
	/* NLMSG_ERROR: the error, the request it answers with its payload, then attributes */
	nl_socket(4); /* NETLINK_SOCK_DIAG */
	uint8_t e[21] = { 0xf3, 0xff, 0xff, 0xff, 17, 0, 0, 0, 20, 0, 1, 0, 0x75, 0x10, 0, 0,
			  0x40, 0xe2, 1, 0, 0 };
	SENDTO(m, nl_msg(m, 37, 2, 1, e, sizeof e), "sendto(3, [{nlmsg_len=37, nlmsg_type=NLMSG_ERROR, "
	       "nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, {error=-EACCES, msg=[{nlmsg_len=17, "
	       "nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=4213, "
	       "nlmsg_pid=123456}, {family=AF_UNSPEC}]}], 37, MSG_DONTWAIT, NULL, 0) = 37");
	nl_socket(0); /* NETLINK_ROUTE */
	uint8_t c[26] = { 0xf3, 0xff, 0xff, 0xff, 20, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
			  6, 0, 3, 0, 0xab, 0xfe };
	SENDTO(m, nl_msg(m, 42, 2, 0x101, c, sizeof c), "sendto(3, [{nlmsg_len=42, nlmsg_type=NLMSG_ERROR, "
	       "nlmsg_flags=NLM_F_REQUEST|NLM_F_CAPPED, nlmsg_seq=0, nlmsg_pid=0}, [{error=-EACCES, "
	       "msg={nlmsg_len=20, nlmsg_type=NLMSG_NOOP, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, "
	       "nlmsg_pid=0}}, [{nla_len=6, nla_type=NLMSGERR_ATTR_COOKIE}, [171, 254]]]], 42, "
	       "MSG_DONTWAIT, NULL, 0) = 42");
}

/* route messages: fixed headers, then attributes nested as strace nests them */
static void test_route(void)
{
	uint8_t m[64];
	nl_socket(0); /* NETLINK_ROUTE */
	SENDTO(m, nl_msg(m, 28, 78, 0x300, "\1\0\0\0\x08\0\xff\x3f" "abcd", 12), "sendto(3, [{nlmsg_len=28, "
	       "nlmsg_type=RTM_GETDCB, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {dcb_family=AF_UNIX, "
	       "cmd=DCB_CMD_UNDEFINED}, [{nla_len=8, nla_type=0x3fff /* DCB_ATTR_??? */}, "
	       "\"\\x61\\x62\\x63\\x64\"]], 28, MSG_DONTWAIT, NULL, 0) = 28");
	SENDTO(m, nl_msg(m, 28, 90, 0x300, "\1\xff\xff\xff\x08\0\xff\x3f" "abcd", 12), "sendto(3, [{nlmsg_len=28, "
	       "nlmsg_type=RTM_GETNSID, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {rtgen_family=AF_UNIX}, "
	       "[{nla_len=8, nla_type=0x3fff /* NETNSA_??? */}, \"\\x61\\x62\\x63\\x64\"]], 28, MSG_DONTWAIT, NULL, 0) = 28");
	/* an address label: IFAL_ADDRESS of family AF_INET */
	uint8_t l[20] = { 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 1, 0, 10, 11, 12, 13 };
	SENDTO(m, nl_msg(m, 36, 74, 0x300, l, sizeof l), "sendto(3, [{nlmsg_len=36, nlmsg_type=RTM_GETADDRLABEL, "
	       "nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {ifal_family=AF_INET, ifal_prefixlen=0, "
	       "ifal_flags=0, ifal_index=0, ifal_seq=0}, [{nla_len=8, nla_type=IFAL_ADDRESS}, "
	       "inet_addr(\"10.11.12.13\")]], 36, MSG_DONTWAIT, NULL, 0) = 36");
	/* MDBA_ROUTER > MDBA_ROUTER_PORT: the port's ifindex, then its attributes */
	uint8_t r[25] = { 1, 0, 0, 0, 0, 0, 0, 0, 17, 0, 2, 0, 13, 0, 1, 0, 0, 0, 0, 0, 5, 0, 2, 0, 0 };
	SENDTO(m, nl_msg(m, 41, 86, 0x300, r, sizeof r), "sendto(3, [{nlmsg_len=41, nlmsg_type=RTM_GETMDB, "
	       "nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {family=AF_UNIX, ifindex=0}, [{nla_len=17, "
	       "nla_type=MDBA_ROUTER}, [{nla_len=13, nla_type=MDBA_ROUTER_PORT}, 0, [{nla_len=5, "
	       "nla_type=MDBA_ROUTER_PATTR_TYPE}, MDB_RTR_TYPE_DISABLED]]]], 41, MSG_DONTWAIT, NULL, 0) = 41");
}

/* sock_diag: replies and requests by family (netlink_unix_diag.c, netlink_inet_diag.c) */
static void test_diag(void)
{
	uint8_t m[128];
	nl_socket(4); /* NETLINK_SOCK_DIAG */
	/* unix_diag_msg with UNIX_DIAG_VFS: struct unix_diag_vfs is {ino, dev} */
	uint8_t u[28] = { 1, 1, 1, 0 };
	put16(u + 16, 12);
	put16(u + 18, 1); /* UNIX_DIAG_VFS */
	put32(u + 20, 0xbafabcda);
	put32(u + 24, 0xabcddafa);
	SENDTO(m, nl_msg(m, 44, 20, 0x300, u, sizeof u), "sendto(3, [{nlmsg_len=44, "
	       "nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, "
	       "{udiag_family=AF_UNIX, udiag_type=SOCK_STREAM, udiag_state=TCP_ESTABLISHED, udiag_ino=0, "
	       "udiag_cookie=[0, 0]}, [{nla_len=12, nla_type=UNIX_DIAG_VFS}, {udiag_vfs_dev=makedev(0xdda, "
	       "0xabcfa), udiag_vfs_ino=3136994522}]], 44, MSG_DONTWAIT, NULL, 0) = 44");
	/* smc_diag_msg with SMC_DIAG_FALLBACK: codes from a kernel-internal header, always in hex */
	uint8_t sm[76] = { 43, 1, 0, 0 };
	memcpy(sm + 8, "\x0c\x22\x38\x4e", 4);
	memcpy(sm + 24, "\x0c\x22\x38\x4e", 4);
	put16(sm + 64, 12);
	put16(sm + 66, 5); /* SMC_DIAG_FALLBACK */
	put32(sm + 72, 0x3020000);
	SENDTO(m, nl_msg(m, 92, 20, 0x300, sm, sizeof sm), "sendto(3, [{nlmsg_len=92, "
	       "nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, "
	       "{diag_family=AF_SMC, diag_state=SMC_ACTIVE, diag_fallback=SMC_DIAG_MODE_SMCR, diag_shutdown=0, "
	       "id={idiag_sport=htons(0), idiag_dport=htons(0), idiag_src=inet_addr(\"12.34.56.78\"), "
	       "idiag_dst=inet_addr(\"12.34.56.78\"), idiag_if=0, idiag_cookie=[0, 0]}, diag_uid=0, "
	       "diag_inode=0}, [{nla_len=12, nla_type=SMC_DIAG_FALLBACK}, {reason=0 /* SMC_CLC_DECL_??? */, "
	       "peer_diagnosis=0x3020000 /* SMC_CLC_DECL_IPSEC */}]], 92, MSG_DONTWAIT, NULL, 0) = 92");
	/* inet_diag_msg: INET_DIAG_ULP_INFO > INET_ULP_INFO_TLS > TLS_INFO_CIPHER; INET_DIAG_SOCKOPT */
	uint8_t id[92] = { 2, 10 };
	put16(id + 72, 14); put16(id + 74, 19);   /* INET_DIAG_ULP_INFO */
	put16(id + 76, 10); put16(id + 78, 2);    /* INET_ULP_INFO_TLS */
	put16(id + 80, 6); put16(id + 82, 2);     /* TLS_INFO_CIPHER */
	put16(id + 84, 52);                       /* TLS_CIPHER_AES_GCM_256 */
	put16(id + 88, 6); put16(id + 90, 22);    /* INET_DIAG_SOCKOPT */
	uint8_t idm[112];
	nl_msg(idm, 112, 20, 0x300, id, sizeof id);
	idm[108] = 0x03; /* recverr, is_icsk */
	SENDTO(idm, 112, "sendto(3, [{nlmsg_len=112, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_DUMP, "
	       "nlmsg_seq=0, nlmsg_pid=0}, {idiag_family=AF_INET, idiag_state=TCP_LISTEN, idiag_timer=0, "
	       "idiag_retrans=0, id={idiag_sport=htons(0), idiag_dport=htons(0), "
	       "idiag_src=inet_addr(\"0.0.0.0\"), idiag_dst=inet_addr(\"0.0.0.0\"), idiag_if=0, "
	       "idiag_cookie=[0, 0]}, idiag_expires=0, idiag_rqueue=0, idiag_wqueue=0, idiag_uid=0, "
	       "idiag_inode=0}, [[{nla_len=14, nla_type=INET_DIAG_ULP_INFO}, [{nla_len=10, "
	       "nla_type=INET_ULP_INFO_TLS}, [{nla_len=6, nla_type=TLS_INFO_CIPHER}, TLS_CIPHER_AES_GCM_256]]], "
	       "[{nla_len=6, nla_type=INET_DIAG_SOCKOPT}, {recverr=1, is_icsk=1}]]], 112, MSG_DONTWAIT, NULL, 0) = 112");
	/* packet_diag_msg with PACKET_DIAG_FILTER: classic BPF with -v (nlattr_packet_diag_msg.c) */
	uint8_t pk[36] = { 17, 1, 3, 0 };
	put16(pk + 16, 20); put16(pk + 18, 7);   /* PACKET_DIAG_FILTER */
	put16(pk + 20, 0x30);                    /* BPF_LD|BPF_B|BPF_ABS */
	put32(pk + 24, (uint32_t)-0x1000 + 4);   /* SKF_AD_OFF+SKF_AD_PKTTYPE */
	put16(pk + 28, 0x06);                    /* BPF_RET|BPF_K */
	put32(pk + 32, 0x2a);
	struct lt_fmt v = fmt0;
	v.verbose = 1;
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, m, nl_msg(m, 52, 20, 0x300, pk, sizeof pk));
	struct lt_event pe = mk("sendto", 52, 3, A, 52, 0x40, 0, 0);
	expect_fmt(&pe, &v, "sendto(3, [{nlmsg_len=52, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_DUMP, "
		   "nlmsg_seq=0, nlmsg_pid=0}, {pdiag_family=AF_PACKET, pdiag_type=SOCK_STREAM, pdiag_num=ETH_P_ALL, "
		   "pdiag_ino=0, pdiag_cookie=[0, 0]}, [{nla_len=20, nla_type=PACKET_DIAG_FILTER}, "
		   "[BPF_STMT(BPF_LD|BPF_B|BPF_ABS, SKF_AD_OFF+SKF_AD_PKTTYPE), BPF_STMT(BPF_RET|BPF_K, 0x2a)]]], "
		   "52, MSG_DONTWAIT, NULL, 0) = 52", __LINE__);
	/* TCPDIAG_GETSOCK: struct inet_diag_req, then an attribute strace has no name for */
	uint8_t q[68] = { 2, 0, 0, 1 << (5 - 1) };
	memcpy(q + 8, "\x0a\x0b\x0c\x0d", 4);
	memcpy(q + 24, "\x0a\x0b\x0c\x0d", 4);
	put32(q + 52, 1 << 9); /* TCP_LAST_ACK */
	put16(q + 60, 8);
	put16(q + 62, 4);
	memcpy(q + 64, "abcd", 4);
	SENDTO(m, nl_msg(m, 84, 18, 1, q, sizeof q), "sendto(3, [{nlmsg_len=84, nlmsg_type=TCPDIAG_GETSOCK, "
	       "nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, {idiag_family=AF_INET, idiag_src_len=0, "
	       "idiag_dst_len=0, idiag_ext=1<<(INET_DIAG_TOS-1), id={idiag_sport=htons(0), idiag_dport=htons(0), "
	       "idiag_src=inet_addr(\"10.11.12.13\"), idiag_dst=inet_addr(\"10.11.12.13\"), idiag_if=0, "
	       "idiag_cookie=[0, 0]}, idiag_states=1<<TCP_LAST_ACK, idiag_dbs=0}, [{nla_len=8, nla_type=0x4 "
	       "/* INET_DIAG_REQ_??? */}, \"\\x61\\x62\\x63\\x64\"]], 84, MSG_DONTWAIT, NULL, 0) = 84");
}

/* IFLA_PROTINFO of AF_INET6 links, cache reports: values by attribute (rtnl_link.c,
 * rtnl_cachereport.c) */
static void test_link_values(void)
{
	uint8_t m[64];
	nl_socket(0); /* NETLINK_ROUTE */
	uint8_t p[28] = { 10, 0, 4, 3 }; /* AF_INET6, ARPHRD_LOOPBACK */
	put32(p + 8, 1); /* IFF_UP */
	put16(p + 16, 12);
	put16(p + 18, 12); /* IFLA_PROTINFO */
	put16(p + 20, 8);
	put16(p + 22, 1); /* IFLA_INET6_FLAGS */
	put32(p + 24, 0xc0);
	SENDTO(m, nl_msg(m, 44, 18, 0x300, p, sizeof p), "sendto(3, [{nlmsg_len=44, nlmsg_type=RTM_GETLINK, "
	       "nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {ifi_family=AF_INET6, ifi_type=ARPHRD_LOOPBACK, "
	       "ifi_index=0, ifi_flags=IFF_UP, ifi_change=0}, [{nla_len=12, nla_type=IFLA_PROTINFO}, [{nla_len=8, "
	       "nla_type=IFLA_INET6_FLAGS}, IF_RA_MANAGED|IF_RA_OTHERCONF]]], 44, MSG_DONTWAIT, NULL, 0) = 44");
	/* IFLA_XDP > IFLA_XDP_ATTACHED; IFLA_ALT_IFNAME keeps NULs inside, drops the last one */
	uint8_t x[25] = { 1, 0, 4, 3 };
	put32(x + 8, 1);
	put16(x + 16, 9);
	put16(x + 18, 43); /* IFLA_XDP */
	put16(x + 20, 5);
	put16(x + 22, 2);  /* IFLA_XDP_ATTACHED */
	x[24] = 4;
	SENDTO(m, nl_msg(m, 41, 18, 0x300, x, sizeof x), "sendto(3, [{nlmsg_len=41, nlmsg_type=RTM_GETLINK, "
	       "nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {ifi_family=AF_UNIX, ifi_type=ARPHRD_LOOPBACK, "
	       "ifi_index=0, ifi_flags=IFF_UP, ifi_change=0}, [{nla_len=9, nla_type=IFLA_XDP}, [{nla_len=5, "
	       "nla_type=IFLA_XDP_ATTACHED}, XDP_ATTACHED_MULTI]]], 41, MSG_DONTWAIT, NULL, 0) = 41");
	uint8_t n[24] = { 1, 0, 4, 3 };
	put32(n + 8, 1);
	put16(n + 16, 8);
	put16(n + 18, 53); /* IFLA_ALT_IFNAME */
	memcpy(n + 20, "a\0b\0", 4);
	SENDTO(m, nl_msg(m, 40, 18, 0x300, n, sizeof n), "sendto(3, [{nlmsg_len=40, nlmsg_type=RTM_GETLINK, "
	       "nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {ifi_family=AF_UNIX, ifi_type=ARPHRD_LOOPBACK, "
	       "ifi_index=0, ifi_flags=IFF_UP, ifi_change=0}, [{nla_len=8, nla_type=IFLA_ALT_IFNAME}, "
	       "\"a\\0b\"]], 40, MSG_DONTWAIT, NULL, 0) = 40");
	/* RTM_GETROUTE: rtmsg, RTA_TABLE */
	uint8_t rt[20] = { 1, 0, 0, 0x10, 253, 2, 0, 2 };
	put32(rt + 8, 0x100);
	put16(rt + 12, 8);
	put16(rt + 14, 15); /* RTA_TABLE */
	put32(rt + 16, 254);
	SENDTO(m, nl_msg(m, 36, 26, 0x300, rt, sizeof rt), "sendto(3, [{nlmsg_len=36, nlmsg_type=RTM_GETROUTE, "
	       "nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {rtm_family=AF_UNIX, rtm_dst_len=0, "
	       "rtm_src_len=0, rtm_tos=IPTOS_LOWDELAY, rtm_table=RT_TABLE_DEFAULT, rtm_protocol=RTPROT_KERNEL, "
	       "rtm_scope=RT_SCOPE_UNIVERSE, rtm_type=RTN_LOCAL, rtm_flags=RTM_F_NOTIFY}, [{nla_len=8, "
	       "nla_type=RTA_TABLE}, RT_TABLE_MAIN]], 36, MSG_DONTWAIT, NULL, 0) = 36");
	/* RTM_NEWRULE: fib_rule_hdr (netlink_route.c's values) */
	uint8_t fr[12] = { 1, 175, 218, 0x10, 0, 0, 0, 1, 2, 0, 0, 0 };
	SENDTO(m, nl_msg(m, 28, 32, 1, fr, sizeof fr), "sendto(3, [{nlmsg_len=28, nlmsg_type=RTM_NEWRULE, "
	       "nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, {family=AF_UNIX, dst_len=175, src_len=218, "
	       "tos=IPTOS_LOWDELAY, table=RT_TABLE_UNSPEC, action=FR_ACT_TO_TBL, flags=FIB_RULE_INVERT}], 28, "
	       "MSG_DONTWAIT, NULL, 0) = 28");
	/* RTM_GETSTATS: LINK_XSTATS > TYPE_BOND > BOND_XSTATS_3AD > LACPDU_RX, nested four deep */
	uint8_t st[36] = { 1 };
	put32(st + 8, 0x22);
	put16(st + 12, 24); put16(st + 14, 2);   /* IFLA_STATS_LINK_XSTATS */
	put16(st + 16, 20); put16(st + 18, 2);   /* LINK_XSTATS_TYPE_BOND */
	put16(st + 20, 16); put16(st + 22, 1);   /* BOND_XSTATS_3AD */
	put16(st + 24, 12); put16(st + 26, 0);   /* BOND_3AD_STAT_LACPDU_RX */
	put32(st + 28, 7);
	SENDTO(m, nl_msg(m, 52, 94, 0x300, st, sizeof st), "sendto(3, [{nlmsg_len=52, nlmsg_type=RTM_GETSTATS, "
	       "nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {family=AF_UNIX, ifindex=0, "
	       "filter_mask=1<<IFLA_STATS_LINK_64|1<<IFLA_STATS_AF_SPEC}, [{nla_len=24, "
	       "nla_type=IFLA_STATS_LINK_XSTATS}, [{nla_len=20, nla_type=LINK_XSTATS_TYPE_BOND}, [{nla_len=16, "
	       "nla_type=BOND_XSTATS_3AD}, [{nla_len=12, nla_type=BOND_3AD_STAT_LACPDU_RX}, 7]]]]], 52, "
	       "MSG_DONTWAIT, NULL, 0) = 52");
	/* IFLA_VFINFO_LIST > IFLA_VF_INFO > IFLA_VF_LINK_STATE */
	uint8_t vf[32] = { 1, 0, 4, 3 };
	put32(vf + 8, 1);
	put16(vf + 16, 16); put16(vf + 18, 22);  /* IFLA_VFINFO_LIST */
	put16(vf + 20, 12); put16(vf + 22, 1);   /* IFLA_VF_INFO */
	put16(vf + 24, 8); put16(vf + 26, 5);    /* IFLA_VF_LINK_STATE, 4 bytes short */
	SENDTO(m, nl_msg(m, 48, 18, 0x300, vf, sizeof vf), "sendto(3, [{nlmsg_len=48, nlmsg_type=RTM_GETLINK, "
	       "nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {ifi_family=AF_UNIX, ifi_type=ARPHRD_LOOPBACK, "
	       "ifi_index=0, ifi_flags=IFF_UP, ifi_change=0}, [{nla_len=16, nla_type=IFLA_VFINFO_LIST}, "
	       "[{nla_len=12, nla_type=IFLA_VF_INFO}, [{nla_len=8, nla_type=IFLA_VF_LINK_STATE}, "
	       "\"\\x00\\x00\\x00\\x00\"]]]], 48, MSG_DONTWAIT, NULL, 0) = 48");
	/* IFLA_AF_SPEC of AF_BRIDGE: IFLA_BRIDGE_MODE */
	uint8_t br[26] = { 7, 0, 4, 3 };
	put32(br + 8, 1);
	put16(br + 16, 10); put16(br + 18, 26);  /* IFLA_AF_SPEC */
	put16(br + 20, 6); put16(br + 22, 1);    /* IFLA_BRIDGE_MODE */
	put16(br + 24, 1);                       /* BRIDGE_MODE_VEPA */
	SENDTO(m, nl_msg(m, 42, 18, 0x300, br, sizeof br), "sendto(3, [{nlmsg_len=42, nlmsg_type=RTM_GETLINK, "
	       "nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {ifi_family=AF_BRIDGE, ifi_type=ARPHRD_LOOPBACK, "
	       "ifi_index=0, ifi_flags=IFF_UP, ifi_change=0}, [{nla_len=10, nla_type=IFLA_AF_SPEC}, [{nla_len=6, "
	       "nla_type=IFLA_BRIDGE_MODE}, BRIDGE_MODE_VEPA]]], 42, MSG_DONTWAIT, NULL, 0) = 42");
	/* IFLA_LINKINFO: IFLA_INFO_DATA is read by the kind named before it */
	uint8_t li[44] = { 1, 0, 4, 3 };
	put32(li + 8, 1);
	put16(li + 16, 28); put16(li + 18, 18);  /* IFLA_LINKINFO */
	put16(li + 20, 8); put16(li + 22, 1);    /* IFLA_INFO_KIND */
	memcpy(li + 24, "tun", 4);
	put16(li + 28, 16); put16(li + 30, 2);   /* IFLA_INFO_DATA */
	put16(li + 32, 5); put16(li + 34, 3);    /* IFLA_TUN_TYPE */
	li[36] = 2;                              /* IFF_TAP */
	put16(li + 40, 4); put16(li + 42, 0);    /* IFLA_TUN_UNSPEC */
	SENDTO(m, nl_msg(m, 60, 18, 0x300, li, sizeof li), "sendto(3, [{nlmsg_len=60, nlmsg_type=RTM_GETLINK, "
	       "nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {ifi_family=AF_UNIX, ifi_type=ARPHRD_LOOPBACK, "
	       "ifi_index=0, ifi_flags=IFF_UP, ifi_change=0}, [{nla_len=28, nla_type=IFLA_LINKINFO}, "
	       "[[{nla_len=8, nla_type=IFLA_INFO_KIND}, \"tun\"], [{nla_len=16, nla_type=IFLA_INFO_DATA}, "
	       "[[{nla_len=5, nla_type=IFLA_TUN_TYPE}, IFF_TAP], {nla_len=4, nla_type=IFLA_TUN_UNSPEC}]]]]], "
	       "60, MSG_DONTWAIT, NULL, 0) = 60");
	/* RTM_GETNEXTHOP: NHA_GROUP_TYPE */
	uint8_t nh[16] = { 1, 0, 0, 0, 0, 0, 0, 0, 6, 0, 3, 0, 1, 0 };
	SENDTO(m, nl_msg(m, 32, 106, 0x300, nh, sizeof nh), "sendto(3, [{nlmsg_len=32, nlmsg_type=RTM_GETNEXTHOP, "
	       "nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {nh_family=AF_UNIX, nh_scope=RT_SCOPE_UNIVERSE, "
	       "nh_protocol=RTPROT_UNSPEC, nh_flags=0}, [{nla_len=6, nla_type=NHA_GROUP_TYPE}, "
	       "NEXTHOP_GRP_TYPE_RES]], 32, MSG_DONTWAIT, NULL, 0) = 32");
	/* RTM_GETADDR: ifaddrmsg, IFA_FLAGS */
	uint8_t a[16] = { 10, 0, 1, 0, 0, 0, 0, 0, 8, 0, 8, 0, 0x81, 0, 0, 0 };
	SENDTO(m, nl_msg(m, 32, 22, 0x300, a, sizeof a), "sendto(3, [{nlmsg_len=32, nlmsg_type=RTM_GETADDR, "
	       "nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {ifa_family=AF_INET6, ifa_prefixlen=0, "
	       "ifa_flags=IFA_F_SECONDARY, ifa_scope=RT_SCOPE_UNIVERSE, ifa_index=0}, [{nla_len=8, "
	       "nla_type=IFA_FLAGS}, IFA_F_SECONDARY|IFA_F_PERMANENT]], 32, MSG_DONTWAIT, NULL, 0) = 32");
	/* RTM_GETQDISC: tcmsg, TCA_RATE's tc_estimator */
	uint8_t q[26] = { 1 };
	put16(q + 20, 6);
	put16(q + 22, 5); /* TCA_RATE */
	q[24] = 0xcd;
	q[25] = 0xab;
	SENDTO(m, nl_msg(m, 42, 38, 0x300, q, sizeof q), "sendto(3, [{nlmsg_len=42, nlmsg_type=RTM_GETQDISC, "
	       "nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {tcm_family=AF_UNIX, tcm_ifindex=0, "
	       "tcm_handle=0, tcm_parent=0, tcm_info=0}, [{nla_len=6, nla_type=TCA_RATE}, {interval=-51, "
	       "ewma_log=171}]], 42, MSG_DONTWAIT, NULL, 0) = 42");
	/* RTM_NEWCACHEREPORT of RTNL_FAMILY_IPMR: IPMRA_CREPORT_MSGTYPE */
	uint8_t r[9] = { 128, 0, 0, 0, 5, 0, 1, 0, 3 };
	SENDTO(m, nl_msg(m, 25, 96, 0, r, sizeof r), "sendto(3, [{nlmsg_len=25, nlmsg_type=RTM_NEWCACHEREPORT, "
	       "nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {rtgen_family=RTNL_FAMILY_IPMR}, [{nla_len=5, "
	       "nla_type=IPMRA_CREPORT_MSGTYPE}, IGMPMSG_WHOLEPKT]], 25, MSG_DONTWAIT, NULL, 0) = 25");
}

/* hostile messages: random headers, types each protocol decodes, payloads of nested
 * attributes with lengths that lie, under every -X style, -v and a short -s, the capture
 * cut anywhere. Nothing may crash, hang or read past the capture (run under ASan). */
static uint64_t rng = 0x2545f4914f6cdd1dull;
static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)rng;
}

static void fuzz_one(uint8_t *m, size_t len, int proto)
{
	static const uint16_t route[] = { 16, 18, 20, 22, 24, 26, 28, 30, 32, 36, 40, 44, 48, 49,
		58, 62, 64, 66, 72, 74, 78, 80, 84, 88, 92, 94, 96, 100, 104, 106, 2, 3, 1 };
	static const uint16_t diag[] = { 18, 19, 20, 2, 3 };
	static const uint8_t fams[] = { 0, 1, 2, 7, 10, 16, 17, 28, 43, 44, 45, 128, 129 };
	for (size_t k = 0; k < len; k++)
		m[k] = (uint8_t)rnd();
	put32(m, rnd() % 4 ? (uint32_t)len : rnd() % 600);
	uint16_t type = proto == 0 ? route[rnd() % (sizeof route / 2)]
		: proto == 4 ? diag[rnd() % (sizeof diag / 2)] : (uint16_t)(rnd() % 0x1000);
	put16(m + 4, type);
	put16(m + 6, (uint16_t)(rnd() & 0x31f));
	if (len > 16)
		m[16] = fams[rnd() % sizeof fams];
	/* plausible attributes after a fixed header of 4..72 bytes */
	for (size_t at = 16 + 4 * (1 + rnd() % 18); at + 4 <= len; ) {
		uint16_t nla = (uint16_t)(4 + rnd() % 40);
		put16(m + at, rnd() % 8 ? nla : (uint16_t)rnd());
		put16(m + at + 2, (uint16_t)(rnd() % 8 ? rnd() % 60 : rnd()));
		at += rnd() % 3 ? 4 : (nla + 3u) & ~3u;
	}
}

static void test_fuzz(void)
{
	static const int protos[] = { 0, 4, 6, 7, 9, 12, 15, 16, 21 };
	struct lt_fmt fs[4] = { fmt0, fmt0, fmt0, fmt0 };
	fs[1].xlat = LT_XLAT_RAW;
	fs[2].xlat = LT_XLAT_VERBOSE;
	fs[2].verbose = 1;
	fs[3].strsize = 3;
	static uint8_t m[640];
	for (unsigned p = 0; p < sizeof protos / sizeof protos[0]; p++) {
		nl_socket(protos[p]);
		for (int i = 0; i < 3000; i++) {
			size_t len = 16 + rnd() % 300;
			fuzz_one(m, len, protos[p]);
			size_t have = rnd() % 4 ? len : rnd() % (len + 1);
			caplen = ncaps = 0;
			cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, m, have);
			struct lt_event ev = mk("sendto", rnd() % 2 ? (int64_t)len : -14, 3, A, len, 0, 0, 0);
			struct lt_sb sb = { 0 };
			lt_format_args(&sb, &ev, &fs[i % 4], NULL, 0);
			CHECK(sb.p && strlen(sb.p) == sb.len);
			if (getenv("LT_FUZZ_SHOW") && i < 3) fprintf(stderr, "%s\n", sb.p);
			lt_sb_free(&sb);
		}
	}
	caplen = ncaps = 0;
}

int main(void)
{
	test_types();
	test_payloads();
	test_route();
	test_diag();
	test_link_values();
	test_fuzz();
	lt_decode_free(&fmt0);
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
