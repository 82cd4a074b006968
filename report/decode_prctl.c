/* prctl: its options and what each one's arguments are (strace's prctl.c) */
#include "decode_struct.h"
#include "xlat/gen.h"

/* getters that write an int (a pointer for PR_GET_TID_ADDRESS) at arg2:
 * PDEATHSIG, UNALIGN, FPEMU, FPEXC, ENDIAN, TSC, CHILD_SUBREAPER */
static void lt_prctl_getter(struct lt_args *a, uint32_t op)
{
	struct lt_dctx *c = a->c;
	const uint64_t *g = c->ev->args;
	static const struct lt_xlat tsc[] = { { 1, "PR_TSC_ENABLE" }, { 2, "PR_TSC_SIGSEGV" },
					      { 0, 0 } };
	static const struct lt_xlat unalign[] = { { 1, "PR_UNALIGN_NOPRINT" },
						  { 2, "PR_UNALIGN_SIGBUS" }, { 0, 0 } };
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
			lt_put_xlat(c, tsc, RD(uint32_t, d, 0), "PR_TSC_???");
		else if (op == 5)
			lt_put_flags(c, unalign, RD(uint32_t, d, 0));
		else if (op == 40)
			lt_put_ptr(c, RD(uint64_t, d, 0));
		else
			lt_sb_printf(SB(c), "%u", RD(uint32_t, d, 0));
		lt_sb_putc(SB(c), ']');
	}
	lt_done(a);
}

/* PR_SCHED_CORE: command, pid, pid type (always with its name), cookie */
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
	lt_arg_ptr(a, g[4]);
}

int lt_special_prctl(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const uint64_t *g = c->ev->args;
	uint32_t op = (uint32_t)g[0];
	lt_next(a);
	lt_put_xlat(c, lt_x_prctl, op, "PR_???");
	lt_done(a);
	switch (op) {
	case 15: case 16: /* PR_SET_NAME, PR_GET_NAME */
		lt_next(a);
		if (op == 16 && !lt_ok(c))
			lt_put_ptr(c, g[1]);
		else
			lt_put_cstr(c, 1, LT_CAP_SUB_SELF, g[1], 16);
		lt_done(a);
		break;
	case 1: /* PR_SET_PDEATHSIG */
		lt_next(a);
		lt_put_signo(c, (int)g[1]);
		lt_done(a);
		break;
	case 2: case 5: case 9: case 11: case 19: case 25: case 37: case 40:
		lt_prctl_getter(a, op);
		break;
	case 3: case 7: case 13: case 21: case 27:
	case 30: case 31: case 32: case 34: case 39: case 42: case 46: case 58:
	case 66: case 68: /* getters without arguments */
		break;
	case 4: case 8: case 24: case 23: case 29: case 36: /* one integer */
		lt_arg_udec(a, g[1]);
		break;
	case 38: case 41: /* PR_SET_NO_NEW_PRIVS, PR_SET_THP_DISABLE: strace shows all five */
		lt_arg_udec(a, g[1]);
		lt_arg_udec(a, g[2]);
		lt_arg_udec(a, g[3]);
		lt_arg_udec(a, g[4]);
		break;
	case 62: /* PR_SCHED_CORE */
		lt_prctl_sched_core(a);
		break;
	case 0x59616d61: /* PR_SET_PTRACER */
		lt_next(a);
		if ((int64_t)g[1] == -1)
			lt_sb_puts(SB(c), "PR_SET_PTRACER_ANY");
		else
			lt_put_dec(c, (int)g[1]);
		lt_done(a);
		break;
	default:
		for (int k = 1; k < 5; k++)
			lt_arg_hex(a, g[k]);
	}
	return a->n;
}

/* The decoration after prctl's return value */
void lt_ret_prctl(struct lt_dctx *c)
{
	static const struct lt_xlat dump[] = {
		{ 0, "SUID_DUMP_DISABLE" }, { 1, "SUID_DUMP_USER" }, { 2, "SUID_DUMP_ROOT" }, { 0, 0 }
	};
	if ((uint32_t)c->ev->args[0] == 3) /* PR_GET_DUMPABLE */
		lt_ret_name(c, dump, (uint64_t)c->ev->ret, "SUID_DUMP_???");
}
