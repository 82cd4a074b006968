/* Decoders of one syscall family each (report/decode_io_uring.c, decode_netlink.c,
 * decode_perf.c, semop's sembuf): strace 6.1's lines for the same calls, as its own test
 * programs print them (tests/io_uring_register.c, nlattr_ifla_af_spec.c,
 * perf_event_open.c, semop.c), with the captures the shim would have made. */
#include <stdint.h>
#include <stdlib.h>

#include "decode_fixture.h"

#define A 0x7ffd1000u

static void put16(uint8_t *p, uint16_t v) { memcpy(p, &v, 2); }
static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static void put64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }

static void test_io_uring(void)
{
	struct lt_event ev;
	/* IORING_REGISTER_FILES2: the rsrc_register structure, data as fds, tags in hex */
	uint8_t reg[32] = { 0 };
	put32(reg, 5);
	put64(reg + 16, A + 0x100);
	put64(reg + 24, A + 0x200);
	int32_t fds[5] = { 3, 0, -1, -2, -3 };
	uint64_t tags[5] = { 1, 0xdead, 0xfacefeed, 0xbadc0deddadfacedull, 0 };
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, reg, sizeof reg);
	cap(2, 0, LT_CAP_EXIT, fds, sizeof fds);
	cap(2, 1, LT_CAP_EXIT, tags, sizeof tags);
	ev = mk("io_uring_register", -95, 0, 13, A, 32, 0, 0);
	EXPECT(ev, "io_uring_register(0, IORING_REGISTER_FILES2, {nr=5, flags=0, data=[3, 0, -1, -2, -3], "
		   "tags=[0x1, 0xdead, 0xfacefeed, 0xbadc0deddadfaced, 0]}, 32) = -1 EOPNOTSUPP (Operation not supported)");
	/* the data array runs into unreadable memory after 5 of its 6 elements; the 8 bytes past
	 * the known 32 are not all zero */
	uint8_t big[40];
	memcpy(big, reg, 32);
	put32(big, 6);
	for (int k = 0; k < 8; k++)
		big[32 + k] = (uint8_t)(0xa0 + k);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, big, sizeof big);
	cap(2, 0, LT_CAP_EXIT | LT_CAP_TRUNC, fds, sizeof fds);
	ev = mk("io_uring_register", -95, 0, 13, A, 40, 0, 0);
	EXPECT(ev, "io_uring_register(0, IORING_REGISTER_FILES2, {nr=6, flags=0, data=[3, 0, -1, -2, -3, "
		   "... /* 0x7ffd1114 */], tags=0x7ffd1200, /* bytes 32..39 */ \"\\xa0\\xa1\\xa2\\xa3\\xa4\\xa5\\xa6\\xa7\"}, 40)"
		   " = -1 EOPNOTSUPP (Operation not supported)");
	/* restrictions: the opcode selects the member; an unknown one gets strace's comment */
	uint8_t r[32] = { 0 };
	put16(r, 1);
	r[2] = 46; /* IORING_OP_URING_CMD */
	put16(r + 16, 4);
	r[18] = 0xef;
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, r, sizeof r);
	ev = mk("io_uring_register", -95, 0, 11, A, 2, 0, 0);
	EXPECT(ev, "io_uring_register(0, IORING_REGISTER_RESTRICTIONS, [{opcode=IORING_RESTRICTION_SQE_OP, "
		   "sqe_op=IORING_OP_URING_CMD}, {opcode=0x4 /* IORING_RESTRICTION_??? */ /* op: 0xef */}], 2)"
		   " = -1 EOPNOTSUPP (Operation not supported)");
	/* strace 6.1 has no name for 0x18 */
	ev = mk("io_uring_register", -95, 0, 0x18, A, 0, 0, 0);
	EXPECT(ev, "io_uring_register(0, 0x18 /* IORING_REGISTER_??? */, 0x7ffd1000, 0) = -1 EOPNOTSUPP (Operation not supported)");
}

static void test_netlink(void)
{
	struct lt_event ev;
	struct lt_fmt f = { .strsize = 32 };
	/* socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 3 makes fd 3 a netlink socket */
	ev = mk("socket", 3, 16, 3, 0, 0, 0, 0);
	lt_decode_observe(&f, &ev);
	uint8_t m[43] = { 0 };
	put32(m, 43);
	put16(m + 4, 18);     /* RTM_GETLINK */
	put16(m + 6, 0x300);  /* NLM_F_DUMP */
	put16(m + 18, 772);   /* ARPHRD_LOOPBACK */
	put32(m + 24, 1);     /* IFF_UP */
	put16(m + 32, 11);
	put16(m + 34, 26);    /* IFLA_AF_SPEC */
	put16(m + 36, 7);
	put16(m + 38, 0);     /* AF_UNSPEC */
	memcpy(m + 40, "abc", 3);
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, m, sizeof m);
	ev = mk("sendto", 43, 3, A, 43, 0x40, 0, 0);
	EXPECTF(ev, &f, "sendto(3, [{nlmsg_len=43, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, "
		    "nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_LOOPBACK, ifi_index=0, ifi_flags=IFF_UP, "
		    "ifi_change=0}, [{nla_len=11, nla_type=IFLA_AF_SPEC}, [{nla_len=7, nla_type=AF_UNSPEC}, "
		    "\"\\x61\\x62\\x63\"]]], 43, MSG_DONTWAIT, NULL, 0) = 43");
	/* the message ends in unreadable memory (EFAULT): what was read, then the address */
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, m, 40);
	ev = mk("sendto", -14, 3, A, 44, 0x40, 0, 0);
	EXPECTF(ev, &f, "sendto(3, [{nlmsg_len=43, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, "
		    "nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_LOOPBACK, ifi_index=0, ifi_flags=IFF_UP, "
		    "ifi_change=0}, [{nla_len=11, nla_type=IFLA_AF_SPEC}, [{nla_len=7, nla_type=AF_UNSPEC}, "
		    "0x7ffd1028]]], 44, MSG_DONTWAIT, NULL, 0) = -1 EFAULT (Bad address)");
	/* closed, fd 3 is no netlink socket any more: its data is a string again */
	ev = mk("close", 0, 3, 0, 0, 0, 0, 0);
	lt_decode_observe(&f, &ev);
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, "abc", 3);
	ev = mk("sendto", 3, 3, A, 3, 0, 0, 0);
	EXPECTF(ev, &f, "sendto(3, \"abc\", 3, 0, NULL, 0) = 3");
	lt_decode_free(&f);
}

static void test_perf(void)
{
	struct lt_event ev;
	uint8_t a[128] = { 0 };
	put32(a + 4, 64);  /* PERF_ATTR_SIZE_VER0 */
	put64(a + 8, 1);   /* PERF_COUNT_HW_INSTRUCTIONS */
	put64(a + 40, 1 | 1ull << 15); /* disabled, precise_ip 1 */
	cap(0, LT_CAP_SUB_SELF, 0, a, sizeof a);
	ev = mk("perf_event_open", 3, A, 0, (uint64_t)-1, (uint64_t)-1, 0, 0);
	/* unless -v, strace reads only the first 48 bytes, and says there is more */
	EXPECT(ev, "perf_event_open({type=PERF_TYPE_HARDWARE, size=PERF_ATTR_SIZE_VER0, "
		   "config=PERF_COUNT_HW_INSTRUCTIONS, sample_period=0, sample_type=0, read_format=0, "
		   "disabled=1, precise_ip=1 /* constant skid */, ...}, 0, -1, -1, 0) = 3");
	/* shorter than the first published size: the address */
	put32(a + 4, 40);
	cap(0, LT_CAP_SUB_SELF, 0, a, sizeof a);
	ev = mk("perf_event_open", -22, A, 0, (uint64_t)-1, (uint64_t)-1, 0, 0);
	EXPECT(ev, "perf_event_open(0x7ffd1000, 0, -1, -1, 0) = -1 EINVAL (Invalid argument)");
}

static void test_sembuf(void)
{
	struct lt_event ev;
	uint8_t sb[6] = { 0 };
	put16(sb + 2, 1);
	put16(sb + 4, 0x1000); /* SEM_UNDO */
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, sb, sizeof sb);
	ev = mk("semop", 0, 35, A, 1, 0, 0, 0);
	EXPECT(ev, "semop(35, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}], 1) = 0");
	/* semtimedop's nsops is an unsigned int */
	ev = mk("semtimedop", -7, (uint64_t)-38177487, 0, 0xfacefeeddeadbeefull, 0, 0, 0);
	EXPECT(ev, "semtimedop(-38177487, NULL, 3735928559, NULL) = -1 E2BIG (Argument list too long)");
}

/* smaller families: sockopt values, arch_prctl's xfeatures, openat2's tail, mempolicy modes */
static void test_misc(void)
{
	struct lt_event ev;
	/* an int-like SOL_SOCKET option set with fewer than 4 bytes: the address */
	ev = mk("setsockopt", -22, 3, 1, 1, A, 3, 0);
	EXPECT(ev, "setsockopt(3, SOL_SOCKET, SO_DEBUG, 0x7ffd1000, 3) = -1 EINVAL (Invalid argument)");
	/* ...got with fewer: its bytes in hex */
	int32_t three = 3;
	cap(3, LT_CAP_SUB_SELF, LT_CAP_EXIT, "\0\0\0", 3);
	cap(4, LT_CAP_SUB_SELF, LT_CAP_EXIT, &three, 4);
	cap(4, LT_SUB_ENTRY, 0, &three, 4);
	ev = mk("getsockopt", 0, 3, 1, 1, A, A + 64, 0);
	EXPECT(ev, "getsockopt(3, SOL_SOCKET, SO_DEBUG, \"\\x00\\x00\\x00\", [3]) = 0");
	/* strace's so_error.c: the error's name; fewer bytes than an int in hex */
	int32_t ecr = 111, four = 4, five = 5, one = 1;
	cap(3, LT_CAP_SUB_SELF, LT_CAP_EXIT, &ecr, 4);
	cap(4, LT_SUB_ENTRY, 0, &five, 4);
	cap(4, LT_CAP_SUB_SELF, LT_CAP_EXIT, &four, 4);
	ev = mk("getsockopt", 0, 4, 1, 4, A, A + 64, 0);
	EXPECT(ev, "getsockopt(4, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [5 => 4]) = 0");
	cap(3, LT_CAP_SUB_SELF, LT_CAP_EXIT, &ecr, 1);
	cap(4, LT_SUB_ENTRY, 0, &one, 4);
	cap(4, LT_CAP_SUB_SELF, LT_CAP_EXIT, &one, 4);
	ev = mk("getsockopt", 0, 4, 1, 4, A, A + 64, 0);
	EXPECT(ev, "getsockopt(4, SOL_SOCKET, SO_ERROR, \"\\x6f\", [1]) = 0");
	int32_t minus1 = -1;
	cap(4, LT_SUB_ENTRY, 0, &minus1, 4);
	ev = mk("getsockopt", -22, 4, 1, 4, A, A + 64, 0);
	EXPECT(ev, "getsockopt(4, SOL_SOCKET, SO_ERROR, 0x7ffd1000, [-1]) = -1 EINVAL (Invalid argument)");
	/* strace's so_linger.c */
	int32_t lg[2] = { -15, -42 };
	cap(3, LT_CAP_SUB_SELF, LT_CAP_EXIT, lg, 8);
	ev = mk("setsockopt", 0, 3, 1, 13, A, 8, 0);
	EXPECT(ev, "setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=-15, l_linger=-42}, 8) = 0");
	/* strace's ip_mreq.c, net-packet_mreq.c, net-icmp_filter.c */
	uint8_t mreq[8] = { 224, 0, 0, 3, 127, 0, 0, 1 };
	cap(3, LT_CAP_SUB_SELF, LT_CAP_EXIT, mreq, 8);
	ev = mk("setsockopt", 0, 0, 0, 35, A, 8, 0);
	EXPECT(ev, "setsockopt(0, SOL_IP, IP_ADD_MEMBERSHIP, {imr_multiaddr=inet_addr(\"224.0.0.3\"), imr_interface=inet_addr(\"127.0.0.1\")}, 8) = 0");
	uint8_t pm[16] = { 0, 0, 0, 0, 0, 0, 8, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	cap(3, LT_CAP_SUB_SELF, LT_CAP_EXIT, pm, 16);
	ev = mk("setsockopt", -9, (uint64_t)-1, 263, 1, A, 16, 0);
	EXPECT(ev, "setsockopt(-1, SOL_PACKET, PACKET_ADD_MEMBERSHIP, {mr_ifindex=0, mr_type=PACKET_MR_MULTICAST, mr_alen=8, mr_address=ff:ff:ff:ff:ff:ff:ff:ff}, 16) = -1 EBADF (Bad file descriptor)");
	uint32_t icmp[2] = { ~(1u | 1u << 3 | 1u << 4 | 1u << 5 | 1u << 11 | 1u << 12), 0 };
	cap(3, LT_CAP_SUB_SELF, LT_CAP_EXIT, icmp, 8);
	ev = mk("setsockopt", -9, (uint64_t)-1, 255, 1, A, 8, 0);
	EXPECT(ev, "setsockopt(-1, SOL_RAW, ICMP_FILTER, ~[ICMP_ECHOREPLY ICMP_DEST_UNREACH ICMP_SOURCE_QUENCH ICMP_REDIRECT ICMP_TIME_EXCEEDED ICMP_PARAMETERPROB], 8) = -1 EBADF (Bad file descriptor)");
	/* strace's sock_filter-v.c: a socket filter's instructions under -v */
	{
		struct lt_fmt fv = { .strsize = 32, .verbose = 1 };
		uint64_t fprog[2] = { 3, A + 256 };
		uint8_t ins[24] = { 0x30, 0, 0, 0, 4, 0, 0xe0, 0xff, /* LD|B|ABS SKF_LL_OFF+4 */
				    0x15, 0, 0, 5, 0x11, 0, 0, 0,     /* JMP|K|JEQ 0x11, 0, 5 */
				    0x06, 0, 0, 0, 0xff, 0xff, 0xff, 0xff }; /* RET|K */
		cap(3, LT_CAP_SUB_SELF, LT_CAP_EXIT, fprog, 16);
		cap(3, LT_SUB_SOCK_FPROG, LT_CAP_EXIT, ins, sizeof ins);
		ev = mk("setsockopt", 0, 3, 1, 26, A, 16, 0);
		EXPECTF(ev, &fv, "setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, {len=3, filter=[BPF_STMT(BPF_LD|BPF_B|BPF_ABS, SKF_LL_OFF+4), BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x11, 0, 0x5), BPF_STMT(BPF_RET|BPF_K, 0xffffffff)]}, 16) = 0");
	}
	/* arch_prctl(ARCH_GET_XCOMP_SUPP): the XFEATURE_MASK_ bits, always named */
	uint64_t xf = 0xe7;
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &xf, 8);
	ev = mk("arch_prctl", 0, 0x1021, A, 0, 0, 0, 0);
	EXPECT(ev, "arch_prctl(ARCH_GET_XCOMP_SUPP, [0xe7 /* XFEATURE_MASK_FPSSE|XFEATURE_MASK_YMM|"
		   "XFEATURE_MASK_AVX512 */]) = 0");
	ev = mk("arch_prctl", 1, 0x1011, 0, 0, 0, 0, 0);
	EXPECT(ev, "arch_prctl(ARCH_GET_CPUID) = 1");
	/* openat2: the bytes past the known 24 that are not 0 */
	uint8_t how[32] = { 0 };
	for (int k = 0; k < 8; k++)
		how[24 + k] = (uint8_t)(0x80 + k);
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR, "x", 1);
	cap(2, LT_CAP_SUB_SELF, 0, how, sizeof how);
	ev = mk("openat2", -7, (uint64_t)-1, A + 0x100, A, 32, 0, 0);
	EXPECT(ev, "openat2(-1, \"x\", {flags=O_RDONLY, resolve=0, /* bytes 24..31 */ "
		   "\"\\x80\\x81\\x82\\x83\\x84\\x85\\x86\\x87\"}, 32) = -1 E2BIG (Argument list too long)");
	/* a mempolicy mode with its flags */
	ev = mk("set_mempolicy", 0, 1 | 0x8000, 0, 0, 0, 0, 0);
	EXPECT(ev, "set_mempolicy(MPOL_PREFERRED|MPOL_F_STATIC_NODES, NULL, 0) = 0");
}

int main(void)
{
	test_io_uring();
	test_netlink();
	test_perf();
	test_sembuf();
	test_misc();
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
