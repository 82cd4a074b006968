/* The small syscalls strace decodes with code of their own (strace's kcmp.c, reboot.c,
 * syslog.c, ioprio.c, hostname.c, mq.c, memfd_create.c, sched.c, ldt.c, sysctl.c,
 * futex_waitv.c, get_robust_list.c, epoll.c): whole calls whose arguments depend on one
 * another (lt_decode_special_misc), the own printers of their kinds (named in
 * lt_own_printers, decode.c), and what follows their return value (lt_decode_ret_misc). */
#include <string.h>

#include "decode_struct.h"
#include "xlat/gen.h"

/* ---- value tables strace has and the headers do not ---- */

static const struct lt_xlat lt_x_bootflags1[] = { { 0xfee1dead, "LINUX_REBOOT_MAGIC1" }, { 0, 0 } };
static const struct lt_xlat lt_x_bootflags2[] = {
	{ 672274793, "LINUX_REBOOT_MAGIC2" }, { 85072278, "LINUX_REBOOT_MAGIC2A" },
	{ 369367448, "LINUX_REBOOT_MAGIC2B" }, { 537993216, "LINUX_REBOOT_MAGIC2C" }, { 0, 0 }
};
static const struct lt_xlat lt_x_bootflags3[] = {
	{ 0x01234567, "LINUX_REBOOT_CMD_RESTART" }, { 0xCDEF0123, "LINUX_REBOOT_CMD_HALT" },
	{ 0x89ABCDEF, "LINUX_REBOOT_CMD_CAD_ON" }, { 0x00000000, "LINUX_REBOOT_CMD_CAD_OFF" },
	{ 0x4321FEDC, "LINUX_REBOOT_CMD_POWER_OFF" }, { 0xA1B2C3D4, "LINUX_REBOOT_CMD_RESTART2" },
	{ 0xD000FCE2, "LINUX_REBOOT_CMD_SW_SUSPEND" }, { 0x45584543, "LINUX_REBOOT_CMD_KEXEC" },
	{ 0, 0 }
};
static const struct lt_xlat lt_x_syslog_action[] = {
	{ 0, "SYSLOG_ACTION_CLOSE" }, { 1, "SYSLOG_ACTION_OPEN" }, { 2, "SYSLOG_ACTION_READ" },
	{ 3, "SYSLOG_ACTION_READ_ALL" }, { 4, "SYSLOG_ACTION_READ_CLEAR" },
	{ 5, "SYSLOG_ACTION_CLEAR" }, { 6, "SYSLOG_ACTION_CONSOLE_OFF" },
	{ 7, "SYSLOG_ACTION_CONSOLE_ON" }, { 8, "SYSLOG_ACTION_CONSOLE_LEVEL" },
	{ 9, "SYSLOG_ACTION_SIZE_UNREAD" }, { 10, "SYSLOG_ACTION_SIZE_BUFFER" }, { 0, 0 }
};
static const struct lt_xlat lt_x_loglevel[] = {
	{ 0, "LOGLEVEL_EMERG" }, { 1, "LOGLEVEL_ALERT" }, { 2, "LOGLEVEL_CRIT" },
	{ 3, "LOGLEVEL_ERR" }, { 4, "LOGLEVEL_WARNING" }, { 5, "LOGLEVEL_NOTICE" },
	{ 6, "LOGLEVEL_INFO" }, { 7, "LOGLEVEL_DEBUG" }, { 8, "LOGLEVEL_DEBUG+1" }, { 0, 0 }
};

#define LT_REBOOT_CMD_RESTART2 0xA1B2C3D4u
#define LT_KCMP_FILE 0
#define LT_KCMP_EPOLL_TFD 7

/* ---- arguments, as decode_struct.c's whole-call printers count them ---- */

struct lt_margs {
	struct lt_dctx *c;
	size_t *ends;
	int maxends, n;
};

static void lt_m_next(struct lt_margs *a)
{
	if (a->n)
		lt_sb_puts(SB(a->c), ", ");
}

static void lt_m_done(struct lt_margs *a)
{
	if (a->ends && a->n < a->maxends)
		a->ends[a->n] = SB(a->c)->len;
	a->n++;
}

static void lt_m_kind(struct lt_margs *a, int i)
{
	lt_m_next(a);
	lt_put_arg_by_kind(a->c, i);
	lt_m_done(a);
}

static void lt_m_hex(struct lt_margs *a, uint64_t v)
{
	lt_m_next(a);
	lt_put_hex(a->c, v);
	lt_m_done(a);
}

/* A value strace prints in decimal with its name in a comment whatever -X says
 * (XLAT_STYLE_VERBOSE | XLAT_STYLE_FMT_D): "8 / * SYSLOG_ACTION_CONSOLE_LEVEL * /". */
static void lt_m_dec_named(struct lt_margs *a, const struct lt_xlat *t, int32_t v, const char *unk)
{
	const char *name = lt_xlat_name(t, (uint64_t)(int64_t)v);
	lt_m_next(a);
	lt_sb_printf(SB(a->c), "%d /* %s */", v, name ? name : unk);
	lt_m_done(a);
}

/* ---- kcmp ---- */

/* a descriptor of process pid: its path (-y) only when that is the caller, whose table the
 * report knows */
static void lt_kcmp_fd(struct lt_dctx *c, uint64_t pid, uint64_t fd)
{
	if ((int32_t)pid == (int32_t)c->ev->pid)
		lt_put_fd(c, (int)fd);
	else
		lt_put_dec(c, (int32_t)fd);
}

static void lt_m_kcmp_fd(struct lt_margs *a, uint64_t pid, uint64_t fd)
{
	lt_m_next(a);
	lt_kcmp_fd(a->c, pid, fd);
	lt_m_done(a);
}

/* struct kcmp_epoll_slot { __u32 efd, tfd, toff; }: descriptors of pid2 */
static void lt_kcmp_slot(struct lt_dctx *c, int i)
{
	const uint8_t *d = lt_in(c, i, 12);
	if (!c->ev->args[i] || !d) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	lt_sb_puts(SB(c), "{efd=");
	lt_kcmp_fd(c, c->ev->args[1], RD(uint32_t, d, 0));
	lt_sb_puts(SB(c), ", tfd=");
	lt_kcmp_fd(c, c->ev->args[1], RD(uint32_t, d, 4));
	lt_sb_printf(SB(c), ", toff=%u}", RD(uint32_t, d, 8));
}

static int lt_special_kcmp(struct lt_margs *a)
{
	const uint64_t *v = a->c->ev->args;
	for (int k = 0; k < 3; k++)
		lt_m_kind(a, k);
	switch ((uint32_t)v[2]) {
	case LT_KCMP_FILE:
		lt_m_kcmp_fd(a, v[0], v[3]);
		lt_m_kcmp_fd(a, v[1], v[4]);
		break;
	case LT_KCMP_EPOLL_TFD:
		lt_m_kcmp_fd(a, v[0], v[3]);
		lt_m_next(a);
		lt_kcmp_slot(a->c, 4);
		lt_m_done(a);
		break;
	case 1: case 2: case 3: case 4: case 5: case 6: /* VM FILES FS SIGHAND IO SYSVSEM */
		break;
	default:
		lt_m_hex(a, v[3]);
		lt_m_hex(a, v[4]);
	}
	return a->n;
}

/* ---- reboot, syslog, sethostname ---- */

static int lt_special_reboot(struct lt_margs *a)
{
	struct lt_dctx *c = a->c;
	const uint64_t *v = c->ev->args;
	static const struct lt_xlat *const t[3] = { lt_x_bootflags1, lt_x_bootflags2, lt_x_bootflags3 };
	static const char *const unk[3] = { "LINUX_REBOOT_MAGIC_???", "LINUX_REBOOT_MAGIC_???",
					    "LINUX_REBOOT_CMD_???" };
	for (int k = 0; k < 3; k++) {
		lt_m_next(a);
		lt_put_xlat(c, t[k], (uint32_t)v[k], unk[k]);
		lt_m_done(a);
	}
	if ((uint32_t)v[2] == LT_REBOOT_CMD_RESTART2) {
		/* the kernel copies at most 255 bytes */
		lt_m_next(a);
		lt_put_cstr(c, 3, LT_CAP_SUB_SELF, v[3], c->strsize < 255 ? c->strsize : 255);
		lt_m_done(a);
	}
	return a->n;
}

static int lt_special_syslog(struct lt_margs *a)
{
	const uint64_t *v = a->c->ev->args;
	int32_t type = (int32_t)v[0];
	lt_m_dec_named(a, lt_x_syslog_action, type, "SYSLOG_ACTION_???");
	switch (type) {
	case 0: case 1: case 5: case 6: case 7: case 9: case 10: /* no buffer, no length */
		return a->n;
	case 8: /* CONSOLE_LEVEL */
		lt_m_next(a);
		lt_put_ptr(a->c, v[1]);
		lt_m_done(a);
		lt_m_dec_named(a, lt_x_loglevel, (int32_t)v[2], "LOGLEVEL_???");
		return a->n;
	case 2: case 3: case 4: /* READ*: what was read */
		lt_m_kind(a, 1);
		break;
	default:
		lt_m_next(a);
		lt_put_ptr(a->c, v[1]);
		lt_m_done(a);
	}
	lt_m_next(a);
	lt_put_dec(a->c, (int32_t)v[2]);
	lt_m_done(a);
	return a->n;
}

/* a name longer than the kernel's __NEW_UTS_LEN (64) is not read */
static int lt_special_sethostname(struct lt_margs *a)
{
	const uint64_t *v = a->c->ev->args;
	if ((uint32_t)v[1] <= 64)
		return -1;
	lt_m_next(a);
	lt_put_ptr(a->c, v[0]);
	lt_m_done(a);
	lt_m_kind(a, 1);
	return a->n;
}

/* mq_open: the mode and the attributes only with O_CREAT */
static int lt_special_mq_open(struct lt_margs *a)
{
	int n = (a->c->ev->args[1] & 0100) ? 4 : 2;
	for (int k = 0; k < n; k++)
		lt_m_kind(a, k);
	return a->n;
}

/* epoll_pwait, epoll_pwait2: strace decodes the timeout and the mask after the call, and a
 * failed call's as addresses */
static int lt_special_epoll_pwait(struct lt_margs *a)
{
	if (!a->c->failed)
		return -1;
	for (int k = 0; k < a->c->se->nargs; k++) {
		int kind = a->c->se->kind[k];
		if (kind == LT_K_SIGSET || kind == LT_K_TIMESPEC) {
			lt_m_next(a);
			lt_put_ptr(a->c, a->c->ev->args[k]);
			lt_m_done(a);
		} else {
			lt_m_kind(a, k);
		}
	}
	return a->n;
}

/* membarrier: cpu_id only with MEMBARRIER_CMD_FLAG_CPU */
static int lt_special_membarrier(struct lt_margs *a)
{
	int n = (a->c->ev->args[1] & 1) ? 3 : 2;
	for (int k = 0; k < n; k++)
		lt_m_kind(a, k);
	return a->n;
}

int lt_decode_special_misc(struct lt_dctx *c, size_t *ends, int maxends)
{
	struct lt_margs a = { c, ends, maxends, 0 };
	switch (c->ev->nr) {
	case LT_NR_kcmp:
		return lt_special_kcmp(&a);
	case LT_NR_reboot:
		return lt_special_reboot(&a);
	case LT_NR_syslog:
		return lt_special_syslog(&a);
	case LT_NR_sethostname:
		return lt_special_sethostname(&a);
	case LT_NR_mq_open:
		return lt_special_mq_open(&a);
	case LT_NR_membarrier:
		return lt_special_membarrier(&a);
	case LT_NR_epoll_pwait: case LT_NR_epoll_pwait2:
		return lt_special_epoll_pwait(&a);
	}
	return -1;
}

/* ---- ioprio ---- */

/* "IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)": class in the high bits, data in the low 13 */
static void lt_put_ioprio_value(struct lt_dctx *c, uint32_t v)
{
	lt_sb_puts(SB(c), "IOPRIO_PRIO_VALUE(");
	lt_put_xlat(c, lt_x_ioprio_class, v >> 13, "IOPRIO_CLASS_???");
	lt_sb_printf(SB(c), ", %u)", v & 0x1fff);
}

/* ioprio_set's argument: the number unless -X abbrev, the macro unless -X raw */
void lt_put_ioprio_arg(struct lt_dctx *c, int i, int kind)
{
	uint32_t v = (uint32_t)c->ev->args[i];
	enum lt_xlat_style st = lt_st(c);
	(void)kind;
	if (st != LT_XLAT_ABBREV)
		lt_put_dec(c, (int32_t)v);
	if (st == LT_XLAT_RAW)
		return;
	if (st == LT_XLAT_VERBOSE)
		lt_sb_puts(SB(c), " /* ");
	lt_put_ioprio_value(c, v);
	if (st == LT_XLAT_VERBOSE)
		lt_sb_puts(SB(c), " */");
}

/* ---- message queues ---- */

/* struct mq_attr: mq_flags in hex for mq_open, named for mq_getsetattr */
void lt_put_mq_attr_arg(struct lt_dctx *c, int i, int kind)
{
	static const struct lt_xlat flags[] = { { 04000, "O_NONBLOCK" }, { 0, 0 } };
	const uint8_t *d = kind == LT_K_MQ_ATTR_OUT ? lt_out(c, i, 64) : lt_in(c, i, 64);
	if (!c->ev->args[i] || !d) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	lt_sb_puts(SB(c), "{mq_flags=");
	if (c->ev->nr == LT_NR_mq_open)
		lt_put_hex(c, RD(uint64_t, d, 0));
	else
		lt_put_flags_unk(c, flags, RD(uint64_t, d, 0), "O_???");
	lt_sb_printf(SB(c), ", mq_maxmsg=%lld, mq_msgsize=%lld, mq_curmsgs=%lld}",
		     (long long)RD(int64_t, d, 8), (long long)RD(int64_t, d, 16),
		     (long long)RD(int64_t, d, 24));
}

/* ---- memfd_create ---- */

/* the name: strace reads at most MFD_NAME_MAX_LEN + 1 (250) bytes of it */
void lt_put_mfd_name_arg(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_cstr(c, i, LT_CAP_SUB_SELF, c->ev->args[i], c->strsize < 250 ? c->strsize : 250);
}

/* the flags, then the huge page size as "N<<MFD_HUGE_SHIFT" (MFD_HUGE_MASK 0x3f, shift 26);
 * -X verbose puts it all in a comment after the number */
void lt_put_mfd_flags_arg(struct lt_dctx *c, int i, int kind)
{
	uint32_t fl = (uint32_t)c->ev->args[i], huge = fl & (0x3fu << 26);
	enum lt_xlat_style st = lt_st(c);
	(void)kind;
	if (!fl || st != LT_XLAT_ABBREV)
		lt_put_hex(c, fl);
	if (!fl || st == LT_XLAT_RAW)
		return;
	if (st == LT_XLAT_VERBOSE)
		lt_sb_puts(SB(c), " /* ");
	fl &= ~huge;
	if (fl || !huge) {
		struct lt_fmt abbrev = c->fmt ? *c->fmt : (struct lt_fmt){ 0 };
		const struct lt_fmt *saved = c->fmt;
		abbrev.xlat = LT_XLAT_ABBREV;
		c->fmt = &abbrev;
		lt_put_flags_unk(c, lt_x_mfd, fl, "MFD_???");
		c->fmt = saved;
	}
	if (huge)
		lt_sb_printf(SB(c), "%s%u<<MFD_HUGE_SHIFT", fl ? "|" : "", huge >> 26);
	if (st == LT_XLAT_VERBOSE)
		lt_sb_puts(SB(c), " */");
}

/* ---- sched_setattr, sched_getattr ---- */

/* struct sched_attr (56 bytes, 48 before util_min/util_max) as strace's print_sched_attr:
 * set: what the program passed, size 0 meaning 48; get: the size the kernel wrote */
static void lt_put_sched_attr(struct lt_dctx *c, const uint8_t *d, size_t have, int set)
{
	static const struct lt_xlat fl[] = {
		{ 1, "SCHED_FLAG_RESET_ON_FORK" }, { 2, "SCHED_FLAG_RECLAIM" },
		{ 4, "SCHED_FLAG_DL_OVERRUN" }, { 8, "SCHED_FLAG_KEEP_POLICY" },
		{ 0x10, "SCHED_FLAG_KEEP_PARAMS" }, { 0x20, "SCHED_FLAG_UTIL_CLAMP_MIN" },
		{ 0x40, "SCHED_FLAG_UTIL_CLAMP_MAX" }, { 0, 0 }
	};
	uint32_t asize = RD(uint32_t, d, 0), usize = set ? (asize ? asize : 48) : asize;
	uint32_t size = usize < 56 ? usize : 56;
	if (set && size >= 48 && have < size) {
		lt_put_ptr(c, c->ev->args[1]);
		return;
	}
	uint64_t flags = RD(uint64_t, d, 8);
	lt_sb_printf(SB(c), "{size=%u", asize);
	if (size >= 48) {
		if (!set || RD(int32_t, d, 4) < 0 || !(flags & 0x18)) {
			lt_sb_puts(SB(c), ", sched_policy=");
			lt_put_xlat(c, lt_x_sched_policy, RD(uint32_t, d, 4), "SCHED_???");
		}
		lt_sb_puts(SB(c), ", sched_flags=");
		lt_put_flags_unk(c, fl, flags, "SCHED_FLAG_???");
		if (!set || !(flags & 0x10))
			lt_sb_printf(SB(c), ", sched_nice=%d, sched_priority=%u, sched_runtime=%llu, "
				     "sched_deadline=%llu, sched_period=%llu", RD(int32_t, d, 16),
				     RD(uint32_t, d, 20), (unsigned long long)RD(uint64_t, d, 24),
				     (unsigned long long)RD(uint64_t, d, 32),
				     (unsigned long long)RD(uint64_t, d, 40));
		if (size >= 56)
			lt_sb_printf(SB(c), ", sched_util_min=%u, sched_util_max=%u",
				     RD(uint32_t, d, 48), RD(uint32_t, d, 52));
	}
	lt_sb_puts(SB(c), (set ? usize : asize) > size ? ", ...}" : "}");
}

void lt_put_sched_attr_arg(struct lt_dctx *c, int i, int kind)
{
	uint64_t v = c->ev->args[i];
	size_t have = 0;
	const uint8_t *d = lt_cap_get(c, i, LT_CAP_SUB_SELF, 4, &have);
	int set = kind == LT_K_SCHED_ATTR;
	if (!set && (!lt_ok(c) || !(uint32_t)c->ev->args[2] ||
		     have < ((uint32_t)c->ev->args[2] < 56 ? (uint32_t)c->ev->args[2] : 56)))
		d = NULL;
	if (!v || !d) {
		lt_put_ptr(c, v);
		return;
	}
	if (have < 56) { /* the fields past what was read print as 0, as strace's zeroed copy */
		uint8_t z[56] = { 0 };
		memcpy(z, d, have);
		lt_put_sched_attr(c, z, have, set);
	} else {
		lt_put_sched_attr(c, d, have, set);
	}
	const uint8_t *w = set && c->done && c->ev->ret == -7 ? lt_cap_get(c, i, 0, 4, NULL) : NULL;
	if (w)
		lt_sb_printf(SB(c), " => {size=%u}", RD(uint32_t, w, 0));
}

/* ---- modify_ldt ---- */

/* struct user_desc, when the byte count says it is one */
void lt_put_user_desc_arg(struct lt_dctx *c, int i, int kind)
{
	const uint8_t *d = lt_in(c, i, 16);
	(void)kind;
	if (c->ev->args[i + 1] != 16 || !d) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	uint32_t id = RD(uint32_t, d, 0), bits = RD(uint32_t, d, 12);
	if (id == 0xffffffffu)
		lt_sb_puts(SB(c), "{entry_number=-1");
	else
		lt_sb_printf(SB(c), "{entry_number=%u", id);
	lt_sb_printf(SB(c), ", base_addr=%#08x, limit=%#08x, seg_32bit=%u, contents=%u, "
		     "read_exec_only=%u, limit_in_pages=%u, seg_not_present=%u, useable=%u, lm=%u}",
		     RD(uint32_t, d, 4), RD(uint32_t, d, 8), bits & 1, (bits >> 1) & 3,
		     (bits >> 3) & 1, (bits >> 4) & 1, (bits >> 5) & 1, (bits >> 6) & 1,
		     (bits >> 7) & 1);
}

/* ---- _sysctl, futex_waitv ---- */

/* struct __sysctl_args: its pointers, not what they point to */
void lt_put_sysctl_args_arg(struct lt_dctx *c, int i, int kind)
{
	const uint8_t *d = lt_in(c, i, 80);
	(void)kind;
	if (!c->ev->args[i] || !d) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	lt_sb_puts(SB(c), "{name=");
	lt_put_ptr(c, RD(uint64_t, d, 0));
	lt_sb_printf(SB(c), ", nlen=%d, oldval=", RD(int32_t, d, 8));
	lt_put_ptr(c, RD(uint64_t, d, 16));
	lt_sb_puts(SB(c), ", oldlenp=");
	lt_put_ptr(c, RD(uint64_t, d, 24));
	lt_sb_puts(SB(c), ", newval=");
	lt_put_ptr(c, RD(uint64_t, d, 32));
	lt_sb_printf(SB(c), ", newlen=%llu}", (unsigned long long)RD(uint64_t, d, 40));
}

/* struct futex_waitv { __u64 val, uaddr; __u32 flags, __reserved; }, at most
 * FUTEX_WAITV_MAX (128) of them */
static int lt_futex_waiter(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	static const struct lt_xlat fl[] = { { 2, "FUTEX_32" }, { 128, "FUTEX_PRIVATE_FLAG" }, { 0, 0 } };
	(void)opaque;
	if (k >= 128) {
		lt_sb_puts(SB(c), "...");
		return 0;
	}
	lt_sb_puts(SB(c), "{val=");
	lt_put_hex(c, RD(uint64_t, e, 0));
	lt_sb_puts(SB(c), ", uaddr=");
	lt_put_ptr(c, RD(uint64_t, e, 8));
	lt_sb_puts(SB(c), ", flags=");
	lt_put_flags_unk(c, fl, RD(uint32_t, e, 16), "FUTEX_???");
	if (RD(uint32_t, e, 20))
		lt_sb_printf(SB(c), ", __reserved=%#x", RD(uint32_t, e, 20));
	lt_sb_putc(SB(c), '}');
	return 1;
}

void lt_put_futex_waitv_arg(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_array(c, i, LT_CAP_SUB_SELF, c->ev->args[i], (uint32_t)c->ev->args[i + 1], 24,
		     lt_futex_waiter, NULL);
}

/* ---- pointers to one value the call writes (get_robust_list) ---- */

void lt_put_addr_out(struct lt_dctx *c, int i, int kind)
{
	const uint8_t *d = lt_out(c, i, 8);
	(void)kind;
	if (d)
		lt_sb_printf(SB(c), "[%#llx]", (unsigned long long)RD(uint64_t, d, 0));
	else
		lt_put_ptr(c, c->ev->args[i]);
}

void lt_put_size_out(struct lt_dctx *c, int i, int kind)
{
	const uint8_t *d = lt_out(c, i, 8);
	(void)kind;
	if (d)
		lt_sb_printf(SB(c), "[%llu]", (unsigned long long)RD(uint64_t, d, 0));
	else
		lt_put_ptr(c, c->ev->args[i]);
}

/* ---- after the return value ---- */

void lt_decode_ret_misc(struct lt_dctx *c)
{
	/* modify_ldt returns an int the kernel zero-extends: strace still sees the error */
	uint64_t r = (uint64_t)c->ev->ret;
	if (c->ev->nr == LT_NR_modify_ldt && r >= 0xfffff000u && r <= 0xffffffffu) {
		int e = (int)-(int32_t)(uint32_t)r;
		if (lt_errno_name(e))
			lt_sb_printf(SB(c), " %s (%s)", lt_errno_name(e), lt_errno_msg(e));
		return;
	}
	if (c->ev->nr == LT_NR_membarrier && !(uint32_t)c->ev->args[0] && r) {
		struct lt_sb names = { 0 };
		int any = 0;
		uint64_t rest = lt_flags_names(&names, lt_x_membarrier, r, &any);
		lt_sb_printf(SB(c), " (%s", any ? names.p : "");
		if (rest)
			lt_sb_printf(SB(c), "%s%#llx", any ? "|" : "", (unsigned long long)rest);
		lt_sb_putc(SB(c), ')');
		lt_sb_free(&names);
		return;
	}
	if (c->ev->nr == LT_NR_ioprio_get && lt_st(c) != LT_XLAT_RAW) {
		lt_sb_puts(SB(c), " (");
		lt_put_ioprio_value(c, (uint32_t)c->ev->ret);
		lt_sb_putc(SB(c), ')');
	}
}
