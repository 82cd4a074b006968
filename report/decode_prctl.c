/* prctl: what each option's arguments are, and what its return value means (strace's
 * prctl.c). The option is the low 32 bits of the first argument, as the kernel reads it. */
#include <string.h>

#include "decode_struct.h"
#include "xlat/gen.h"

/* tables strace orders or names otherwise than the headers */
static const struct lt_xlat lt_x_pr_dumpable[] = {
	{ 0, "SUID_DUMP_DISABLE" }, { 1, "SUID_DUMP_USER" }, { 2, "SUID_DUMP_ROOT" }, { 0, 0 }
};
static const struct lt_xlat lt_x_pr_sve_vl_flags[] = {
	{ 1 << 18, "PR_SVE_SET_VL_ONEXEC" }, { 1 << 17, "PR_SVE_VL_INHERIT" }, { 0, 0 }
};
static const struct lt_xlat lt_x_pr_sme_vl_flags[] = {
	{ 1 << 18, "PR_SME_SET_VL_ONEXEC" }, { 1 << 17, "PR_SME_VL_INHERIT" }, { 0, 0 }
};

/* getters that write an int (a pointer for PR_GET_TID_ADDRESS) at arg2:
 * PDEATHSIG, UNALIGN, FPEMU, FPEXC, ENDIAN, TSC, CHILD_SUBREAPER */
static void lt_prctl_getter(struct lt_args *a, uint32_t op)
{
	struct lt_dctx *c = a->c;
	const uint64_t *g = c->ev->args;
	const uint8_t *d = lt_ok(c) ? lt_cap_get(c, 1, LT_CAP_SUB_SELF, op == 40 ? 8 : 4, NULL)
				    : NULL;
	lt_next(a);
	if (!g[1]) {
		lt_sb_puts(SB(c), "NULL");
	} else if (!d) {
		lt_put_ptr(c, g[1]);
	} else {
		lt_sb_putc(SB(c), '[');
		if (op == 2)
			lt_put_signo(c, RD(int32_t, d, 0));
		else if (op == 25)
			lt_put_xlat(c, lt_x_pr_tsc, RD(uint32_t, d, 0), "PR_TSC_???");
		else if (op == 5)
			lt_put_flags(c, lt_x_pr_unalign_flags, RD(uint32_t, d, 0));
		else if (op == 40)
			lt_put_ptr(c, RD(uint64_t, d, 0));
		else
			lt_sb_printf(SB(c), "%u", RD(uint32_t, d, 0));
		lt_sb_putc(SB(c), ']');
	}
	lt_done(a);
}

/* PR_SCHED_CORE: command, pid, pid type (always with its name), cookie (written by GET) */
static void lt_prctl_sched_core(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const uint64_t *g = c->ev->args;
	static const struct lt_xlat cmds[] = { { 0, "PR_SCHED_CORE_GET" },
		{ 1, "PR_SCHED_CORE_CREATE" }, { 2, "PR_SCHED_CORE_SHARE_TO" },
		{ 3, "PR_SCHED_CORE_SHARE_FROM" }, { 0, 0 } };
	static const struct lt_xlat types[] = { { 0, "PIDTYPE_PID" }, { 1, "PIDTYPE_TGID" },
		{ 2, "PIDTYPE_PGID" }, { 3, "PIDTYPE_SID" }, { 0, 0 } };
	lt_next(a);
	lt_put_xlat(c, cmds, (uint32_t)g[1], "PR_SCHED_CORE_???");
	lt_done(a);
	lt_arg_dec(a, (int)g[2]);
	lt_next(a);
	lt_put_hex(c, (uint32_t)g[3]);
	if (lt_st(c) != LT_XLAT_RAW) {
		const char *n = lt_xlat_name(types, (uint32_t)g[3]);
		lt_sb_printf(SB(c), " /* %s */", n ? n : "PIDTYPE_???");
	}
	lt_done(a);
	/* PR_SCHED_CORE_GET writes the cookie there */
	const uint8_t *d = (uint32_t)g[1] == 0 ? lt_out(c, 4, 8) : NULL;
	lt_next(a);
	if (d)
		lt_sb_printf(SB(c), "[%#llx]", (unsigned long long)RD(uint64_t, d, 0));
	else
		lt_put_ptr(c, g[4]);
	lt_done(a);
}

/* arguments first..5 (1-based as prctl(2) names them: arg2 is g[1]) in hex, strace's
 * print_prctl_args */
static void lt_prctl_rest(struct lt_args *a, int first)
{
	for (int k = first; k < 5; k++)
		lt_arg_hex(a, a->c->ev->args[k]);
}

static void lt_prctl_xval(struct lt_args *a, const struct lt_xlat *t, uint64_t v, const char *unk)
{
	lt_next(a);
	lt_put_xlat(a->c, t, v, unk);
	lt_done(a);
}

static void lt_prctl_flags(struct lt_args *a, const struct lt_xlat *t, uint64_t v)
{
	lt_next(a);
	lt_put_flags(a->c, t, v);
	lt_done(a);
}

/* PR_SVE_* and PR_SME_* vector lengths: "PR_SVE_VL_INHERIT|0xea57", the flags (or the
 * unnamed bits in hex) then the length (strace's sprint_sve_val, abbreviated) */
static void lt_vl_str(struct lt_sb *sb, const struct lt_xlat *t, uint64_t v)
{
	uint64_t fl = v & ~0xffffull;
	if (fl) {
		int any = 0;
		uint64_t rest = lt_flags_names(sb, t, fl, &any);
		if (rest)
			lt_sb_printf(sb, "%s%#llx", any ? "|" : "", (unsigned long long)rest);
		lt_sb_putc(sb, '|');
	}
	lt_sb_printf(sb, "%#llx", (unsigned long long)(v & 0xffff));
}

static void lt_prctl_vl(struct lt_args *a, const struct lt_xlat *t, uint64_t v)
{
	struct lt_dctx *c = a->c;
	struct lt_sb s = { 0 };
	lt_next(a);
	if (lt_st(c) == LT_XLAT_RAW) {
		lt_put_hex(c, v);
	} else {
		lt_vl_str(&s, t, v);
		if ((v & ~0xffffull) && lt_st(c) == LT_XLAT_VERBOSE)
			lt_sb_printf(SB(c), "%#llx /* %s */", (unsigned long long)v, s.p);
		else
			lt_sb_puts(SB(c), s.p);
	}
	lt_sb_free(&s);
	lt_done(a);
}

/* PR_{SET,GET}_TAGGED_ADDR_CTRL's word: "PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_ASYNC|
 * 0x1<<PR_MTE_TAG_SHIFT|0x57a80000" (strace's sprint_tagged_addr_val, abbreviated) */
static void lt_tagged_str(struct lt_sb *sb, uint64_t v)
{
	uint64_t tag = v & (0xffffull << 3), rest = v & ~(1ull | 6ull | (0xffffull << 3));
	const char *tcf = lt_xlat_name(lt_x_pr_mte_tcf, v & 6);
	lt_sb_printf(sb, "%s|%s", (v & 1) ? "PR_TAGGED_ADDR_ENABLE" : "!PR_TAGGED_ADDR_ENABLE",
		     tcf ? tcf : "");
	if (tag)
		lt_sb_printf(sb, "|%#llx<<PR_MTE_TAG_SHIFT", (unsigned long long)(tag >> 3));
	if (rest)
		lt_sb_printf(sb, "|%#llx", (unsigned long long)rest);
}

static void lt_prctl_tagged(struct lt_args *a, uint64_t v)
{
	struct lt_dctx *c = a->c;
	enum lt_xlat_style st = lt_st(c);
	lt_next(a);
	if (st != LT_XLAT_ABBREV)
		lt_put_hex(c, v);
	if (st != LT_XLAT_RAW) {
		struct lt_sb s = { 0 };
		lt_tagged_str(&s, v);
		lt_sb_printf(SB(c), st == LT_XLAT_VERBOSE ? " /* %s */" : "%s", s.p);
		lt_sb_free(&s);
	}
	lt_done(a);
}

/* PR_SET_NAME: up to TASK_COMM_LEN - 1 bytes, "..." when no NUL is among them, as
 * strace's printstr_ex with QUOTE_0_TERMINATED shows it */
static void lt_prctl_set_name(struct lt_args *a, uint64_t addr)
{
	struct lt_dctx *c = a->c;
	size_t lim = c->strsize < 15 ? c->strsize : 15;
	const uint8_t *d = lt_cap_get(c, 1, LT_CAP_SUB_SELF, lim, NULL);
	lt_next(a);
	if (addr && d && !memchr(d, 0, lim))
		lt_put_quoted(c, d, lim, 1);
	else
		lt_put_cstr(c, 1, LT_CAP_SUB_SELF, addr, lim);
	lt_done(a);
}

/* PR_SET_VMA: PR_SET_VMA_ANON_NAME's address, size and name */
static void lt_prctl_set_vma(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const uint64_t *g = c->ev->args;
	lt_prctl_xval(a, lt_x_pr_set_vma, g[1], "PR_SET_VMA_???");
	if (g[1] != 0) {
		lt_prctl_rest(a, 2);
		return;
	}
	lt_arg_ptr(a, g[2]);
	lt_arg_udec(a, g[3]);
	lt_next(a);
	lt_put_cstr(c, 4, LT_CAP_SUB_SELF, g[4], 0);
	lt_done(a);
}

/* options whose argument is one named value or flag word (the rest are not shown) */
static int lt_prctl_one(struct lt_args *a, uint32_t op)
{
	const uint64_t v = a->c->ev->args[1];
	switch (op) {
	case 4: /* PR_SET_DUMPABLE */
		lt_prctl_xval(a, lt_x_pr_dumpable, v, "SUID_DUMP_???");
		return 1;
	case 23: case 24: /* PR_CAPBSET_READ, PR_CAPBSET_DROP */
		lt_prctl_xval(a, lt_x_cap, v, "CAP_???");
		return 1;
	case 26: /* PR_SET_TSC */
		lt_prctl_xval(a, lt_x_pr_tsc, (uint32_t)v, "PR_TSC_???");
		return 1;
	case 6: /* PR_SET_UNALIGN */
		lt_prctl_flags(a, lt_x_pr_unalign_flags, (uint32_t)v);
		return 1;
	case 28: /* PR_SET_SECUREBITS */
		lt_prctl_flags(a, lt_x_secbits, v);
		return 1;
	case 45: /* PR_SET_FP_MODE */
		lt_prctl_flags(a, lt_x_pr_fp_mode, (uint32_t)v);
		return 1;
	case 8: case 10: case 12: case 14: case 20: case 36: /* KEEPCAPS, FPEMU, FPEXC, TIMING,
								ENDIAN, CHILD_SUBREAPER */
		lt_arg_udec(a, v);
		return 1;
	case 29: /* PR_SET_TIMERSLACK */
		lt_arg_dec(a, (int64_t)v);
		return 1;
	case 1: /* PR_SET_PDEATHSIG */
		lt_next(a);
		if (v > 128)
			lt_put_udec(a->c, v);
		else
			lt_put_signo(a->c, (int)v);
		lt_done(a);
		return 1;
	case 50: /* PR_SVE_SET_VL */
		lt_prctl_vl(a, lt_x_pr_sve_vl_flags, v);
		return 1;
	case 63: /* PR_SME_SET_VL */
		lt_prctl_vl(a, lt_x_pr_sme_vl_flags, v);
		return 1;
	case 52: /* PR_GET_SPECULATION_CTRL */
		lt_prctl_xval(a, lt_x_pr_spec_cmds, v, "PR_SPEC_???");
		return 1;
	case 0x59616d61: /* PR_SET_PTRACER */
		lt_next(a);
		if ((int)v == -1 && lt_st(a->c) == LT_XLAT_ABBREV)
			lt_sb_puts(SB(a->c), "PR_SET_PTRACER_ANY");
		else if ((int)v == -1 && lt_st(a->c) == LT_XLAT_VERBOSE)
			lt_sb_puts(SB(a->c), "-1 /* PR_SET_PTRACER_ANY */");
		else
			lt_put_dec(a->c, (int)v);
		lt_done(a);
		return 1;
	}
	return 0;
}

/* options with several arguments of their own */
static int lt_prctl_many(struct lt_args *a, uint32_t op)
{
	const uint64_t *g = a->c->ev->args;
	switch (op) {
	case 47: /* PR_CAP_AMBIENT: RAISE, LOWER and IS_SET name a capability */
		lt_prctl_xval(a, lt_x_pr_cap_ambient, g[1], "PR_CAP_AMBIENT_???");
		if (g[1] >= 1 && g[1] <= 3) {
			lt_prctl_xval(a, lt_x_cap, g[2], "CAP_???");
			lt_prctl_rest(a, 3);
		} else {
			lt_prctl_rest(a, 2);
		}
		return 1;
	case 33: /* PR_MCE_KILL */
		lt_prctl_xval(a, lt_x_pr_mce_kill, g[1], "PR_MCE_KILL_???");
		if (g[1] == 1) /* PR_MCE_KILL_SET */
			lt_prctl_xval(a, lt_x_pr_mce_kill_policy, g[2], "PR_MCE_KILL_???");
		else
			lt_arg_hex(a, g[2]);
		lt_prctl_rest(a, 3);
		return 1;
	case 35: /* PR_SET_MM */
		lt_prctl_xval(a, lt_x_pr_set_mm, (uint32_t)g[1], "PR_SET_MM_???");
		lt_prctl_rest(a, 2);
		return 1;
	case 38: case 41: case 57: /* NO_NEW_PRIVS, THP_DISABLE, IO_FLUSHER: all five */
		lt_arg_udec(a, g[1]);
		lt_prctl_rest(a, 2);
		return 1;
	case 53: /* PR_SET_SPECULATION_CTRL */
		lt_prctl_xval(a, lt_x_pr_spec_cmds, g[1], "PR_SPEC_???");
		if (g[1] <= 2)
			lt_prctl_xval(a, lt_x_pr_spec_set_flags, g[2], "PR_SPEC_???");
		else
			lt_arg_hex(a, g[2]);
		return 1;
	case 54: /* PR_PAC_RESET_KEYS: every key */
		lt_prctl_flags(a, lt_x_pr_pac_keys, g[1]);
		lt_prctl_rest(a, 2);
		return 1;
	case 60: /* PR_PAC_SET_ENABLED_KEYS: the keys to change, then their new state */
		lt_prctl_flags(a, lt_x_pr_pac_enabled_keys, g[1]);
		lt_prctl_flags(a, lt_x_pr_pac_enabled_keys, g[2]);
		lt_prctl_rest(a, 3);
		return 1;
	case 55: /* PR_SET_TAGGED_ADDR_CTRL */
		lt_prctl_tagged(a, g[1]);
		lt_prctl_rest(a, 2);
		return 1;
	case 59: /* PR_SET_SYSCALL_USER_DISPATCH: mode, offset, length, selector */
		lt_prctl_xval(a, lt_x_pr_sud_cmds, g[1], "PR_SYS_DISPATCH_???");
		lt_arg_hex(a, g[2]);
		lt_arg_hex(a, g[3]);
		lt_arg_ptr(a, g[4]);
		return 1;
	case 0x53564d41: /* PR_SET_VMA */
		lt_prctl_set_vma(a);
		return 1;
	case 22: /* PR_SET_SECCOMP: STRICT has no argument, FILTER a struct sock_fprog */
		lt_prctl_xval(a, lt_x_seccomp_mode, g[1], "SECCOMP_MODE_???");
		if (g[1] == 2) { /* the filter: decode_seccomp.c's */
			lt_next(a);
			lt_put_seccomp_fprog(a->c, 2);
			lt_done(a);
		}
		else if (g[1] != 1)
			lt_prctl_rest(a, 2);
		return 1;
	case 62: /* PR_SCHED_CORE */
		lt_prctl_sched_core(a);
		return 1;
	}
	return 0;
}

int lt_special_prctl(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const uint64_t *g = c->ev->args;
	uint32_t op = (uint32_t)g[0];
	lt_next(a);
	lt_put_xlat(c, lt_x_prctl, op, "PR_???");
	lt_done(a);
	if (lt_prctl_one(a, op) || lt_prctl_many(a, op))
		return a->n;
	switch (op) {
	case 15: /* PR_SET_NAME */
		lt_prctl_set_name(a, g[1]);
		break;
	case 16: /* PR_GET_NAME */
		lt_next(a);
		if (!lt_ok(c))
			lt_put_ptr(c, g[1]);
		else
			lt_put_cstr(c, 1, LT_CAP_SUB_SELF, g[1], 16);
		lt_done(a);
		break;
	case 2: case 5: case 9: case 11: case 19: case 25: case 37: case 40:
		lt_prctl_getter(a, op);
		break;
	case 3: case 7: case 13: case 21: case 27: case 30: case 31: case 32: case 46:
	case 51: case 64: /* getters whose answer is the return value */
		break;
	default: /* and PR_MCE_KILL_GET, PR_GET_TAGGED_ADDR_CTRL, PR_PAC_GET_ENABLED_KEYS */
		lt_prctl_rest(a, 1);
	}
	return a->n;
}

/* Options that return a flag word: in hex, unless 0 (arch_prctl's ARCH_REQ_XCOMP_*PERM:
 * the XFEATURE_MASK_ bits now permitted) */
int lt_prctl_ret_hex(const struct lt_event *ev)
{
	if (ev->nr == LT_NR_arch_prctl)
		return ev->ret > 0 && ((uint32_t)ev->args[0] == 0x1023 ||
				       (uint32_t)ev->args[0] == 0x1025);
	switch ((uint32_t)ev->args[0]) {
	case 27: case 46: case 50: case 51: case 63: case 64: /* SECUREBITS, FP_MODE, SVE, SME */
		return ev->ret != 0;
	case 52: /* PR_GET_SPECULATION_CTRL */
		return ev->args[1] <= 2;
	case 56: case 61: /* PR_GET_TAGGED_ADDR_CTRL, PR_PAC_GET_ENABLED_KEYS */
		return 1;
	}
	return 0;
}

/* " (NAME|NAME|0x10)" after a returned flag word: nothing with -X raw or when no bit has a
 * name (strace's sprintflags_ex in SPFF_AUXSTR_MODE) */
static void lt_ret_flags(struct lt_dctx *c, const struct lt_xlat *t, uint64_t v)
{
	struct lt_sb s = { 0 };
	int any = 0;
	if (lt_st(c) == LT_XLAT_RAW)
		return;
	if (!v && lt_xlat_name(t, 0)) {
		lt_sb_printf(SB(c), " (%s)", lt_xlat_name(t, 0));
		return;
	}
	uint64_t rest = lt_flags_names(&s, t, v, &any);
	if (any && rest)
		lt_sb_printf(SB(c), " (%s|%#llx)", s.p, (unsigned long long)rest);
	else if (any)
		lt_sb_printf(SB(c), " (%s)", s.p);
	lt_sb_free(&s);
}

/* " (NAME)" when the value has one, whatever -X says */
static void lt_ret_known(struct lt_dctx *c, const struct lt_xlat *t, uint64_t v)
{
	const char *n = lt_xlat_name(t, v);
	if (n)
		lt_sb_printf(SB(c), " (%s)", n);
}

/* The decoration after prctl's and arch_prctl's return value (a successful call's) */
void lt_ret_prctl(struct lt_dctx *c)
{
	const struct lt_event *ev = c->ev;
	uint64_t r = (uint64_t)ev->ret;
	struct lt_sb s = { 0 };
	if (ev->nr == LT_NR_arch_prctl) {
		if (lt_prctl_ret_hex(ev))
			lt_ret_flags(c, lt_x_xfeature_masks, r);
		return;
	}
	switch ((uint32_t)ev->args[0]) {
	case 3: /* PR_GET_DUMPABLE */
		lt_ret_known(c, lt_x_pr_dumpable, r);
		break;
	case 34: /* PR_MCE_KILL_GET */
		lt_ret_known(c, lt_x_pr_mce_kill_policy, r);
		break;
	case 27: /* PR_GET_SECUREBITS */
		if (r)
			lt_ret_flags(c, lt_x_secbits, r);
		break;
	case 46: /* PR_GET_FP_MODE */
		if (r)
			lt_ret_flags(c, lt_x_pr_fp_mode, r);
		break;
	case 61: /* PR_PAC_GET_ENABLED_KEYS */
		lt_ret_flags(c, lt_x_pr_pac_enabled_keys, r);
		break;
	case 52: /* PR_GET_SPECULATION_CTRL */
		if (ev->args[1] <= 2)
			lt_ret_flags(c, lt_x_pr_spec_get_flags, r);
		break;
	case 50: case 51: case 63: case 64: /* the vector length and its flags */
		if (lt_st(c) == LT_XLAT_RAW || !(r & ~0xffffull))
			break;
		lt_vl_str(&s, (uint32_t)ev->args[0] < 60 ? lt_x_pr_sve_vl_flags
							  : lt_x_pr_sme_vl_flags, r);
		lt_sb_printf(SB(c), " (%s)", s.p);
		break;
	case 56: /* PR_GET_TAGGED_ADDR_CTRL */
		if (lt_st(c) == LT_XLAT_RAW)
			break;
		lt_tagged_str(&s, r);
		lt_sb_printf(SB(c), " (%s)", s.p);
		break;
	}
	lt_sb_free(&s);
}
