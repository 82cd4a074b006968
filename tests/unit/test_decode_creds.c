/* Credentials: prctl's decoder (report/decode_prctl.c) and the group lists of
 * setgroups/getgroups. Every expected line is strace 6.1's: from its test programs
 * (tests/prctl-*.c, setgroups.c) or from /usr/bin/strace 6.1 with -e inject=prctl:retval=. */
#include "decode_fixture.h"

#define A 0x7ffc00001000ull
#define EPERM_ (-1)
#define EINVAL_ (-22)

static struct lt_fmt fmt_raw = { .strsize = 32, .xlat = LT_XLAT_RAW };
static struct lt_fmt fmt_verbose = { .strsize = 32, .xlat = LT_XLAT_VERBOSE };

/* options whose argument is one value: capabilities, dumpable, signals, flag words */
static void test_values(void)
{
	struct lt_event ev;
	ev = mk("prctl", EPERM_, 47, 2, 13, 0, 0, 0);
	EXPECT(ev, "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0) = -1 EPERM (Operation not permitted)");
	ev = mk("prctl", EINVAL_, 47, 0xff, 0xaaaa, 0xbbbb, 0xcccc, 0);
	EXPECT(ev, "prctl(PR_CAP_AMBIENT, 0xff /* PR_CAP_AMBIENT_??? */, 0xaaaa, 0xbbbb, 0xcccc) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EINVAL_, 23, 0xff, 0, 0, 0, 0);
	EXPECT(ev, "prctl(PR_CAPBSET_READ, 0xff /* CAP_??? */) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EINVAL_, 4, 0xdeadc0de00000001ull, 0, 0, 0, 0);
	EXPECT(ev, "prctl(PR_SET_DUMPABLE, 0xdeadc0de00000001 /* SUID_DUMP_??? */) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", 0, 4, 0, 0, 0, 0, 0);
	EXPECT(ev, "prctl(PR_SET_DUMPABLE, SUID_DUMP_DISABLE) = 0");
	ev = mk("prctl", EINVAL_, 1, 0xbadc0deddeadfeedull, 0, 0, 0, 0);
	EXPECT(ev, "prctl(PR_SET_PDEATHSIG, 13464652301225295597) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EINVAL_, 26, 0xdeadc0defacebeefull, 0, 0, 0, 0);
	EXPECT(ev, "prctl(PR_SET_TSC, 0xfacebeef /* PR_TSC_??? */) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EINVAL_, 6, 3, 0, 0, 0, 0);
	EXPECT(ev, "prctl(PR_SET_UNALIGN, PR_UNALIGN_NOPRINT|PR_UNALIGN_SIGBUS) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EPERM_, 28, 0xbadc0ded00000000ull, 0, 0, 0, 0);
	EXPECT(ev, "prctl(PR_SET_SECUREBITS, 0xbadc0ded00000000 /* SECBIT_??? */) = -1 EPERM (Operation not permitted)");
	ev = mk("prctl", 0xff, 27, 0, 0, 0, 0, 0);
	EXPECT(ev, "prctl(PR_GET_SECUREBITS) = 0xff (SECBIT_NOROOT|SECBIT_NOROOT_LOCKED|SECBIT_NO_SETUID_FIXUP|SECBIT_NO_SETUID_FIXUP_LOCKED|SECBIT_KEEP_CAPS|SECBIT_KEEP_CAPS_LOCKED|SECBIT_NO_CAP_AMBIENT_RAISE|SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED)");
	ev = mk("prctl", 0x4ea5f, 27, 0, 0, 0, 0, 0);
	EXPECTF(ev, &fmt_raw, "prctl(0x1b) = 0x4ea5f");
	ev = mk("prctl", 0, 33, 1, 1, 0, 0, 0);
	EXPECT(ev, "prctl(PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_EARLY, 0, 0) = 0");
	ev = mk("prctl", EINVAL_, 33, 0xaaaa, 0xbbbb, 0xcccc, 0xdddd, 0);
	EXPECT(ev, "prctl(PR_MCE_KILL, 0xaaaa /* PR_MCE_KILL_??? */, 0xbbbb, 0xcccc, 0xdddd) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", 2, 34, 0, 0, 0, 0, 0);
	EXPECT(ev, "prctl(PR_MCE_KILL_GET, 0, 0, 0, 0) = 2 (PR_MCE_KILL_DEFAULT)");
	ev = mk("prctl", EINVAL_, 59, 1, 0xdeadbeeffacefeedull, 0, 0, 0);
	EXPECT(ev, "prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, 0xdeadbeeffacefeed, 0, NULL) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EINVAL_, 0x59616d61, 0x55558064, 0, 0, 0, 0);
	EXPECT(ev, "prctl(PR_SET_PTRACER, 1431666788) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EINVAL_, 0x59616d61, ~0ull, 0, 0, 0, 0);
	EXPECTF(ev, &fmt_verbose, "prctl(0x59616d61 /* PR_SET_PTRACER */, -1 /* PR_SET_PTRACER_ANY */) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EINVAL_, 0x59616d61, ~0ull, 0, 0, 0, 0);
	EXPECTF(ev, &fmt_raw, "prctl(0x59616d61, -1) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EINVAL_, 22, 0xbadc0ded00000007ull, 0x10, 0x20, 0x30, 0);
	EXPECT(ev, "prctl(PR_SET_SECCOMP, 0xbadc0ded00000007 /* SECCOMP_MODE_??? */, 0x10, 0x20, 0x30) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", 0, 21, 0, 0, 0, 0, 0);
	EXPECT(ev, "prctl(PR_GET_SECCOMP) = 0");
	ev = mk("prctl", 0x4ea5f, 52, 0, 0, 0, 0, 0);
	EXPECT(ev, "prctl(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS) = 0x4ea5f (PR_SPEC_PRCTL|PR_SPEC_ENABLE|PR_SPEC_DISABLE|PR_SPEC_FORCE_DISABLE|PR_SPEC_DISABLE_NOEXEC|0x4ea40)");
}

/* pointer authentication keys, SVE/SME vector lengths, tagged addresses: -X each way */
static void test_arm_words(void)
{
	struct lt_event ev;
	ev = mk("prctl", EINVAL_, 60, 1, 0x1e, 0, 1, 0);
	EXPECT(ev, "prctl(PR_PAC_SET_ENABLED_KEYS, PR_PAC_APIAKEY, PR_PAC_APIBKEY|PR_PAC_APDAKEY|PR_PAC_APDBKEY|0x10, 0, 0x1) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EINVAL_, 60, 1, 0x7ffffff0, 0, 1, 0);
	EXPECTF(ev, &fmt_verbose, "prctl(0x3c /* PR_PAC_SET_ENABLED_KEYS */, 0x1 /* PR_PAC_APIAKEY */, 0x7ffffff0 /* PR_PAC_??? */, 0, 0x1) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EINVAL_, 54, 0xcafe, 1, 2, 3, 0);
	EXPECT(ev, "prctl(PR_PAC_RESET_KEYS, PR_PAC_APIBKEY|PR_PAC_APDAKEY|PR_PAC_APDBKEY|PR_PAC_APGAKEY|0xcae0, 0x1, 0x2, 0x3) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", 0x4ea5f, 61, 0, 0, 0, 0, 0);
	EXPECT(ev, "prctl(PR_PAC_GET_ENABLED_KEYS, 0, 0, 0, 0) = 0x4ea5f (PR_PAC_APIAKEY|PR_PAC_APIBKEY|PR_PAC_APDAKEY|PR_PAC_APDBKEY|0x4ea50)");

	ev = mk("prctl", EINVAL_, 50, 0xfacefeed, 1, 2, 3, 0);
	EXPECT(ev, "prctl(PR_SVE_SET_VL, PR_SVE_SET_VL_ONEXEC|PR_SVE_VL_INHERIT|0xfac80000|0xfeed) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EINVAL_, 50, 0x10000, 1, 2, 3, 0);
	EXPECTF(ev, &fmt_verbose, "prctl(0x32 /* PR_SVE_SET_VL */, 0x10000 /* 0x10000|0 */) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EINVAL_, 50, 0xdead, 1, 2, 3, 0);
	EXPECTF(ev, &fmt_verbose, "prctl(0x32 /* PR_SVE_SET_VL */, 0xdead) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EINVAL_, 63, 0xbadc0ded0000faceull, 1, 2, 3, 0);
	EXPECTF(ev, &fmt_raw, "prctl(0x3f, 0xbadc0ded0000face) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", 0x4ea5f, 51, 0, 0, 0, 0, 0);
	EXPECT(ev, "prctl(PR_SVE_GET_VL) = 0x4ea5f (PR_SVE_SET_VL_ONEXEC|0xea5f)");
	ev = mk("prctl", 0x4ea5f, 51, 0, 0, 0, 0, 0);
	EXPECTF(ev, &fmt_raw, "prctl(0x33) = 0x4ea5f");

	ev = mk("prctl", EINVAL_, 55, 0, 1, 2, 3, 0);
	EXPECT(ev, "prctl(PR_SET_TAGGED_ADDR_CTRL, !PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_NONE, 0x1, 0x2, 0x3) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EINVAL_, 55, ~0ull, 1, 2, 3, 0);
	EXPECT(ev, "prctl(PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_MASK|0xffff<<PR_MTE_TAG_SHIFT|0xfffffffffff80000, 0x1, 0x2, 0x3) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EINVAL_, 55, 0x57ae57f4, 1, 2, 3, 0);
	EXPECTF(ev, &fmt_verbose, "prctl(0x37 /* PR_SET_TAGGED_ADDR_CTRL */, 0x57ae57f4 /* !PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_ASYNC|0xcafe<<PR_MTE_TAG_SHIFT|0x57a80000 */, 0x1, 0x2, 0x3) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EINVAL_, 55, 0x57ae57f4, 1, 2, 3, 0);
	EXPECTF(ev, &fmt_raw, "prctl(0x37, 0x57ae57f4, 0x1, 0x2, 0x3) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", 0x4ea5f, 56, 0, 0, 0, 0, 0);
	EXPECT(ev, "prctl(PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0) = 0x4ea5f (PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_MASK|0x9d4b<<PR_MTE_TAG_SHIFT)");
}

/* what arguments point to: names, PR_SET_VMA's name, getters' ints */
static void test_memory(void)
{
	struct lt_event ev;
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR, "123456789abcdef", 16);
	ev = mk("prctl", 0, 15, A, 0, 0, 0, 0);
	EXPECT(ev, "prctl(PR_SET_NAME, \"123456789abcdef\"...) = 0");
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR, "1234", 5);
	ev = mk("prctl", 0, 15, A, 0, 0, 0, 0);
	EXPECT(ev, "prctl(PR_SET_NAME, \"1234\") = 0");
	cap(4, LT_CAP_SUB_SELF, LT_CAP_STR, "12345678901234567890123456789012", 33);
	ev = mk("prctl", EINVAL_, 0x53564d41, 0, 0, 1, A, 0);
	EXPECT(ev, "prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, NULL, 1, \"12345678901234567890123456789012\") = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EINVAL_, 0x53564d41, 0, A, 4, 0, 0);
	EXPECT(ev, "prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, 0x7ffc00001000, 4, NULL) = -1 EINVAL (Invalid argument)");
	ev = mk("prctl", EINVAL_, 0x53564d41, 0xdefacedface1fedull, A, 0xdefacedface2fedull, A, 0);
	EXPECT(ev, "prctl(PR_SET_VMA, 0xdefacedface1fed /* PR_SET_VMA_??? */, 0x7ffc00001000, 0xdefacedface2fed, 0x7ffc00001000) = -1 EINVAL (Invalid argument)");
	uint64_t cookie = 0x1234;
	cap(4, LT_CAP_SUB_SELF, 0, &cookie, 8);
	ev = mk("prctl", 0, 62, 0, 0, 0, A, 0);
	EXPECT(ev, "prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, 0 /* PIDTYPE_PID */, [0x1234]) = 0");
	ev = mk("prctl", EINVAL_, 62, 0, 0, 0, 8, 0);
	EXPECT(ev, "prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, 0 /* PIDTYPE_PID */, 0x8) = -1 EINVAL (Invalid argument)");
	uint32_t zero = 0;
	cap(1, LT_CAP_SUB_SELF, 0, &zero, 4);
	ev = mk("prctl", 0, 0xbadc0ded00000025ull, A, 0, 0, 0, 0);
	EXPECT(ev, "prctl(PR_GET_CHILD_SUBREAPER, [0]) = 0");
}

/* the planner copies what the option says, whatever the high bits of the option word */
static void test_plan(void)
{
	unsigned nr = (unsigned)lt_sysent_lookup("prctl");
	struct lt_cap_req req[LT_CAP_MAX_REQS];
	uint64_t a[6] = { 0xbadc0ded00000025ull, A, 0, 0, 0, 0 };
	int n = lt_capture_plan(nr, a, 0, LT_PHASE_EXIT, 32, NULL, NULL, req, LT_CAP_MAX_REQS);
	CHECK(n == 1 && req[0].arg == 1 && req[0].len == 4);
	uint64_t v[6] = { 0x53564d41, 0, 0, 1, A, 0 };
	n = lt_capture_plan(nr, v, -22, LT_PHASE_EXIT, 32, NULL, NULL, req, LT_CAP_MAX_REQS);
	CHECK(n == 1 && req[0].arg == 4 && (req[0].flags & LT_CAP_STR));
}

/* arch_prctl, prctl's sibling: XFEATURE_MASK_ bits and the permissions ARCH_REQ_XCOMP_PERM
 * returns (strace's arch_prctl-success test) */
static void test_arch_prctl(void)
{
	struct lt_event ev;
	uint64_t x = 0xbadfaced;
	cap(1, LT_CAP_SUB_SELF, 0, &x, 8);
	ev = mk("arch_prctl", 0, 0x1021, A, 0, 0, 0, 0);
	EXPECT(ev, "arch_prctl(ARCH_GET_XCOMP_SUPP, [0xbadfaced /* XFEATURE_MASK_FP|XFEATURE_MASK_YMM|XFEATURE_MASK_BNDREGS|XFEATURE_MASK_AVX512|XFEATURE_MASK_PASID|XFEATURE_MASK_LBR|XFEATURE_MASK_XTILE|0xbad92800 */]) = 0");
	ev = mk("arch_prctl", 1, 0x1023, 0, 0, 0, 0, 0);
	EXPECT(ev, "arch_prctl(ARCH_REQ_XCOMP_PERM, 0 /* XFEATURE_FP */) = 0x1 (XFEATURE_MASK_FP)");
	ev = mk("arch_prctl", 1, 0x1023, 0, 0, 0, 0, 0);
	EXPECTF(ev, &fmt_raw, "arch_prctl(0x1023, 0) = 0x1");
}

/* gid arrays: (gid_t)-1 as -1, where the readable memory ended, NGROUPS_MAX */
static void test_groups(void)
{
	struct lt_event ev;
	struct lt_fmt s2 = { .strsize = 2 };
	uint32_t g[4] = { 0xffffffffu, 0, 1, 2 };
	cap(1, LT_CAP_SUB_SELF, 0, g, 4);
	ev = mk("setgroups", EINVAL_, 1, A, 0, 0, 0, 0);
	EXPECT(ev, "setgroups(1, [-1]) = -1 EINVAL (Invalid argument)");
	cap(1, LT_CAP_SUB_SELF, 0, g, 4);
	ev = mk("setgroups", EINVAL_, 2, A, 0, 0, 0, 0);
	EXPECT(ev, "setgroups(2, [-1, ... /* 0x7ffc00001004 */]) = -1 EINVAL (Invalid argument)");
	cap(1, LT_CAP_SUB_SELF, 0, g + 1, 12);
	ev = mk("setgroups", EINVAL_, 3, A, 0, 0, 0, 0);
	EXPECTF(ev, &s2, "setgroups(3, [0, 1, ...]) = -1 EINVAL (Invalid argument)");
	cap(1, LT_CAP_SUB_SELF, 0, g + 1, 8);
	ev = mk("setgroups", -14, 3, A, 0, 0, 0, 0);
	EXPECTF(ev, &s2, "setgroups(3, [0, 1, ... /* 0x7ffc00001008 */]) = -1 EFAULT (Bad address)");
	cap(1, LT_CAP_SUB_SELF, 0, g + 1, 8);
	ev = mk("setgroups", EINVAL_, 65537, A, 0, 0, 0, 0);
	EXPECT(ev, "setgroups(65537, 0x7ffc00001000) = -1 EINVAL (Invalid argument)");
}

int main(void)
{
	test_groups();
	test_arch_prctl();
	test_values();
	test_arm_words();
	test_memory();
	test_plan();
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
