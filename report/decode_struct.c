/* Structures behind pointers, and calls whose arguments depend on each other (clone,
 * futex, fcntl, ioctl, prctl, socket). Layouts are the x86-64 kernel's; every capture is
 * checked for length before a field is read, and a short or missing one prints as the
 * address, as strace does for memory it cannot read. */
#include <stdio.h>
#include <string.h>

#include "lt_capture.h"
#include "decode_struct.h"
#include "decode_ioctl.h"
#include "xlat/gen.h"

/* ---- small pieces ---- */

void lt_put_int_array1(struct lt_dctx *c, int i, const uint8_t *d, int sign)
{
	if (!d) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	if (sign)
		lt_sb_printf(SB(c), "[%d]", RD(int32_t, d, 0));
	else
		lt_sb_printf(SB(c), "[%u]", RD(uint32_t, d, 0));
}

/* ---- arrays of records ---- */

/* getdents/getdents64: abbreviated as strace does unless -v */
static void lt_put_dirents(struct lt_dctx *c, int i, int is64)
{
	size_t len;
	uint64_t a = c->ev->args[i];
	const uint8_t *d = lt_out(c, i, 0);
	if (d)
		lt_cap_get(c, i, LT_CAP_SUB_SELF, 0, &len);
	else if (lt_ok(c) && c->ev->ret == 0)
		len = 0; /* the end of the directory: nothing was there to capture */
	if (!d && !(lt_ok(c) && c->ev->ret == 0)) {
		lt_put_ptr(c, a);
		return;
	}
	size_t total = (size_t)c->ev->ret < len ? (size_t)c->ev->ret : len;
	unsigned count = 0;
	static const struct lt_xlat dt[] = {
		{ 0, "DT_UNKNOWN" }, { 1, "DT_FIFO" }, { 2, "DT_CHR" }, { 4, "DT_DIR" },
		{ 6, "DT_BLK" }, { 8, "DT_REG" }, { 10, "DT_LNK" }, { 12, "DT_SOCK" },
		{ 14, "DT_WHT" }, { 0, 0 }
	};
	struct lt_sb ents = { 0 };
	for (size_t off = 0; off + (is64 ? 19 : 18) <= total;) {
		uint16_t rl = RD(uint16_t, d, off + 16);
		if (rl < (is64 ? 19 : 18) || off + rl > total)
			break;
		if (lt_verbose(c)) {
			const uint8_t *name = d + off + (is64 ? 19 : 18);
			size_t maxn = rl - (size_t)(is64 ? 19 : 18);
			const uint8_t *z = memchr(name, 0, maxn);
			unsigned type = is64 ? d[off + 18] : d[off + rl - 1];
			const char *tn = lt_xlat_name(dt, type);
			/* getdents64 has d_type before d_name, getdents after it, as strace
			 * prints them */
			lt_sb_printf(&ents, "%s{d_ino=%llu, d_off=%lld, d_reclen=%u, ",
				     count ? ", " : "", (unsigned long long)RD(uint64_t, d, off),
				     (long long)RD(int64_t, d, off + 8), rl);
			for (int f = 0; f < 2; f++) {
				if (f)
					lt_sb_puts(&ents, ", ");
				if (f == !!is64) {
					struct lt_sb *save = c->sb;
					c->sb = &ents;
					lt_sb_puts(&ents, "d_name=");
					lt_put_quoted(c, name, z ? (size_t)(z - name) : maxn, 0);
					c->sb = save;
				} else if (tn) {
					lt_sb_printf(&ents, "d_type=%s", tn);
				} else {
					lt_sb_printf(&ents, "d_type=%u", type);
				}
			}
			lt_sb_putc(&ents, '}');
		}
		count++;
		off += rl;
	}
	if (lt_verbose(c))
		lt_sb_printf(SB(c), "[%s]", ents.p ? ents.p : "");
	else {
		lt_put_ptr(c, a);
		lt_sb_printf(SB(c), " /* %u entries */", count);
	}
	lt_sb_free(&ents);
}

/* ---- structure kinds: one printer each, found in lt_struct_printers ---- */

/* mknod's dev_t is the kernel's old 32-bit encoding */
static void lt_put_mknod_dev(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	uint64_t v = c->ev->args[i];
	uint32_t dv = (uint32_t)v;
	if (lt_st(c) == LT_XLAT_ABBREV)
		lt_sb_printf(SB(c), "makedev(%#x, %#x)", (dv >> 8) & 0xfff,
			     (dv & 0xff) | ((dv >> 12) & 0xfff00));
	else
		lt_put_dev(c, v);
}

static void lt_put_mmap_flags(struct lt_dctx *c, int i, int kind)
{
	static const struct lt_xlat types[] = {
		{ 1, "MAP_SHARED" }, { 2, "MAP_PRIVATE" }, { 3, "MAP_SHARED_VALIDATE" },
		{ 8, "MAP_DROPPABLE" }, { 0, 0 }
	};
	(void)kind;
	uint32_t f = (uint32_t)c->ev->args[i];
	const char *t = lt_xlat_name(types, f & 0xf);
	struct lt_sb *out = SB(c), names = { 0 };
	if (lt_st(c) != LT_XLAT_ABBREV) {
		lt_put_hex(c, f);
		if (lt_st(c) == LT_XLAT_RAW)
			return;
		/* the names go in the comment */
		c->sb = &names;
	}
	if (t)
		lt_sb_puts(SB(c), t);
	else
		lt_sb_printf(SB(c), "%#x /* MAP_??? */", f & 0xf);
	uint32_t rest = f & ~0xfu;
	uint32_t huge = rest >> 26 & 0x3f;
	rest &= ~(0x3fu << 26);
	struct lt_sb n = { 0 };
	int any = 0;
	rest = (uint32_t)lt_flags_names(&n, lt_x_mmap_flags, rest, &any);
	if (any)
		lt_sb_printf(SB(c), "|%s", n.p);
	lt_sb_free(&n);
	if (huge)
		lt_sb_printf(SB(c), "|%u<<MAP_HUGE_SHIFT", huge);
	if (rest)
		lt_sb_printf(SB(c), "|%#x", rest);
	if (c->sb != out) {
		c->sb = out;
		lt_sb_printf(out, " /* %s */", names.p);
		lt_sb_free(&names);
	}
}

static void lt_put_dirents_arg(struct lt_dctx *c, int i, int kind)
{
	lt_put_dirents(c, i, kind == LT_K_DIRENTS64_OUT);
}

static void lt_put_fdpair(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_putc(SB(c), '[');
	lt_put_fd(c, RD(int32_t, d, 0));
	lt_sb_puts(SB(c), ", ");
	lt_put_fd(c, RD(int32_t, d, 4));
	lt_sb_putc(SB(c), ']');
}

static void lt_put_int_out(struct lt_dctx *c, int i, int kind)
{
	int sign = kind == LT_K_INT_OUT || kind == LT_K_TIMERID_OUT;
	lt_put_int_array1(c, i, lt_out(c, i, 4), sign);
}

/* one offset in brackets: sendfile's unsigned (strace's "%" PRIu64), the others signed */
static void lt_put_off_val(struct lt_dctx *c, const uint8_t *d, int kind)
{
	if (kind == LT_K_SENDFILE_OFF)
		lt_sb_printf(SB(c), "[%llu]", (unsigned long long)RD(uint64_t, d, 0));
	else
		lt_sb_printf(SB(c), "[%lld]", (long long)RD(int64_t, d, 0));
}

/* lseek-like offsets the call moves: both values when they differ */
static void lt_put_off_inout(struct lt_dctx *c, int i, int kind)
{
	const uint8_t *in = lt_cap_get(c, i, LT_SUB_ENTRY, 8, NULL);
	const uint8_t *out = lt_out(c, i, 8);
	if (in && out && RD(int64_t, in, 0) != RD(int64_t, out, 0)) {
		lt_put_off_val(c, in, kind);
		lt_sb_puts(SB(c), " => ");
		lt_put_off_val(c, out, kind);
	} else if (in || out) {
		lt_put_off_val(c, in ? in : out, kind);
	} else {
		lt_put_ptr(c, c->ev->args[i]);
	}
}

/* arch_prctl's GET_* results: an address, or the kernel's XFEATURE_MASK_ bits, always
 * with their names */
static void lt_put_arch_prctl_out(struct lt_dctx *c, int i)
{
	const struct lt_event *ev = c->ev;
	const uint8_t *d = lt_out(c, i, 8);
	if (!d) {
		lt_put_ptr(c, ev->args[i]);
	} else if (ev->args[0] < 0x1020) {
		lt_sb_putc(SB(c), '[');
		lt_put_ptr(c, RD(uint64_t, d, 0));
		lt_sb_putc(SB(c), ']');
	} else {
		uint64_t x = RD(uint64_t, d, 0);
		struct lt_sb names = { 0 };
		int any = 0;
		uint64_t rest = lt_flags_names(&names, lt_x_xfeature_masks, x, &any);
		lt_sb_putc(SB(c), '[');
		lt_put_hex(c, x);
		if (lt_st(c) != LT_XLAT_RAW && any && rest)
			lt_sb_printf(SB(c), " /* %s|%#llx */", names.p, (unsigned long long)rest);
		else if (lt_st(c) != LT_XLAT_RAW && (any || x))
			lt_sb_printf(SB(c), " /* %s */", any ? names.p : "XFEATURE_MASK_???");
		lt_sb_putc(SB(c), ']');
		lt_sb_free(&names);
	}
}

static void lt_put_arch_prctl_addr(struct lt_dctx *c, int i, int kind)
{
	uint64_t v = c->ev->args[i];
	(void)kind;
	switch ((uint32_t)c->ev->args[0]) {
	case 0x1003: case 0x1004: /* ARCH_GET_GS, ARCH_GET_FS */
	case 0x1021: case 0x1022: case 0x1024: /* ARCH_GET_XCOMP_* */
		lt_put_arch_prctl_out(c, i);
		return;
	case 0x1023: case 0x1025: { /* ARCH_REQ_XCOMP_*PERM: an XFEATURE_ number */
		const char *n = lt_xlat_name(lt_x_xfeature_bits, v);
		lt_put_hex(c, v);
		if (lt_st(c) != LT_XLAT_RAW)
			lt_sb_printf(SB(c), " /* %s */", n ? n : "XFEATURE_???");
		return;
	}
	}
	lt_put_hex(c, v);
}

static void lt_put_open_how(struct lt_dctx *c, int i, int kind)
{
	const struct lt_event *ev = c->ev;
	const uint8_t *d;
	(void)kind;
	if (ev->args[3] < 24 || !(d = lt_in(c, i, 24))) {
		lt_put_ptr(c, ev->args[i]);
		return;
	}
	lt_sb_puts(SB(c), "{flags=");
	uint64_t fl = RD(uint64_t, d, 0);
	lt_put_open_flags(c, fl);
	uint64_t mode = RD(uint64_t, d, 8);
	if ((fl & (0100 | 020000000)) || mode) /* O_CREAT, __O_TMPFILE */
		lt_sb_printf(SB(c), ", mode=%#03llo", (unsigned long long)mode);
	lt_sb_puts(SB(c), ", resolve=");
	lt_put_flags(c, lt_x_resolve, RD(uint64_t, d, 16));
	lt_put_nonzero_tail(c, i, 24, ev->args[3]);
	lt_sb_putc(SB(c), '}');
}

/* How each structure kind prints: either from the object behind the pointer (`obj`, given
 * `need` bytes of it, or the kind's SIZE when 0: after the call on success for an `out`
 * kind, else as it was before; the address when the capture is missing or short), or from
 * the argument itself (`arg`), when other arguments or several captures say what it is. */
struct lt_struct_printer {
	void (*obj)(struct lt_dctx *c, const uint8_t *d);
	void (*arg)(struct lt_dctx *c, int i, int kind);
	uint16_t need;
};

static const struct lt_struct_printer lt_struct_printers[LT_K__COUNT] = {
	/* values that other arguments explain */
	[LT_K_DEV] = { .arg = lt_put_mknod_dev },
	[LT_K_MMAP_FLAGS] = { .arg = lt_put_mmap_flags },
	[LT_K_SOCKTYPE] = { .arg = lt_put_socktype_arg },
	[LT_K_SOCKPROTO] = { .arg = lt_put_sockproto_arg },
	[LT_K_SOCKOPT_NAME] = { .arg = lt_put_sockopt_name_arg },
	[LT_K_ARCH_PRCTL_ADDR] = { .arg = lt_put_arch_prctl_addr },
	/* files */
	[LT_K_STAT_OUT] = { .obj = lt_put_stat },
	[LT_K_ACCESS_MODE] = { .arg = lt_put_access_mode },
	[LT_K_XATTR_VAL] = { .arg = lt_put_xattr_val },
	[LT_K_XATTR_VAL_OUT] = { .arg = lt_put_xattr_val },
	[LT_K_XATTR_LIST_OUT] = { .arg = lt_put_xattr_list },
	[LT_K_STATX_OUT] = { .obj = lt_put_statx },
	[LT_K_STATFS_OUT] = { .obj = lt_put_statfs, .need = 88 },
	[LT_K_DIRENTS_OUT] = { .arg = lt_put_dirents_arg },
	[LT_K_MOUNT_FLAGS] = { .arg = lt_put_mount_flags },
	[LT_K_IOCBPP] = { .arg = lt_put_iocbpp },
	[LT_K_IOCB] = { .obj = lt_put_iocb_hdr },
	[LT_K_IO_EVENT_OUT] = { .obj = lt_put_io_event },
	[LT_K_IO_EVENTS_OUT] = { .arg = lt_put_io_events },
	[LT_K_AIO_CTX_OUT] = { .obj = lt_put_aio_ctx },
	[LT_K_FSCONFIG_ARG] = { .arg = lt_put_fsconfig_arg },
	[LT_K_FSCONFIG_AUX] = { .arg = lt_put_fsconfig_arg },
	[LT_K_MOUNT_ATTR_ARG] = { .arg = lt_put_mount_attr },
	[LT_K_OPEN_TREE_FLAGS] = { .arg = lt_put_open_tree_flags },
	[LT_K_QUOTA_ADDR] = { .arg = lt_put_quota_addr },
	[LT_K_MOUNT_STR] = { .arg = lt_put_mount_str },
	[LT_K_SWAP_FLAGS] = { .arg = lt_put_swap_flags },
	[LT_K_DIRENTS64_OUT] = { .arg = lt_put_dirents_arg },
	[LT_K_OPEN_HOW] = { .arg = lt_put_open_how },
	[LT_K_OFF_INOUT] = { .arg = lt_put_off_inout },
	[LT_K_SENDFILE_OFF] = { .arg = lt_put_off_inout },
	[LT_K_FDPAIR_OUT] = { .obj = lt_put_fdpair },
	/* signals */
	[LT_K_SIGACTION] = { .obj = lt_put_sigaction },
	[LT_K_SIGACTION_OUT] = { .obj = lt_put_sigaction },
	[LT_K_STACK_T] = { .obj = lt_put_stack },
	[LT_K_STACK_T_OUT] = { .obj = lt_put_stack },
	[LT_K_SIGINFO] = { .obj = lt_put_siginfo },
	[LT_K_SIGINFO_OUT] = { .obj = lt_put_siginfo },
	[LT_K_SIGEVENT] = { .obj = lt_put_sigevent },
	[LT_K_PSELECT_SIGMASK] = { .arg = lt_put_pselect_arg },
	/* time */
	[LT_K_TIMESPEC] = { .arg = lt_put_timespec_arg },
	[LT_K_TIMESPEC_INOUT] = { .arg = lt_put_timespec_arg },
	[LT_K_TIMEVAL] = { .arg = lt_put_timespec_arg },
	[LT_K_TIMEVAL_INOUT] = { .arg = lt_put_timespec_arg },
	[LT_K_TIMESPEC_OUT] = { .arg = lt_put_timespec_out },
	[LT_K_TIMEVAL_OUT] = { .arg = lt_put_timespec_out },
	[LT_K_SLEEP_REM] = { .arg = lt_put_sleep_rem },
	[LT_K_ITIMERVAL] = { .obj = lt_put_itimerval },
	[LT_K_ITIMERVAL_OUT] = { .obj = lt_put_itimerval },
	[LT_K_ITIMERSPEC] = { .obj = lt_put_itimerspec },
	[LT_K_ITIMERSPEC_OUT] = { .obj = lt_put_itimerspec },
	[LT_K_TIMESPEC_PAIR] = { .obj = lt_put_timespec_pair },
	[LT_K_TIMEVAL_PAIR] = { .obj = lt_put_timeval_pair },
	[LT_K_TMS_OUT] = { .obj = lt_put_tms },
	[LT_K_TIME_OUT] = { .obj = lt_put_time_out },
	[LT_K_UTIMBUF] = { .obj = lt_put_utimbuf },
	[LT_K_TIMEZONE] = { .obj = lt_put_timezone },
	[LT_K_TIMEZONE_OUT] = { .obj = lt_put_timezone },
	[LT_K_TIMEX] = { .obj = lt_put_timex },
	/* processes and resources */
	[LT_K_RLIMIT] = { .obj = lt_put_rlimit },
	[LT_K_RLIMIT_OUT] = { .obj = lt_put_rlimit },
	[LT_K_UTSNAME_OUT] = { .obj = lt_put_utsname },
	[LT_K_SYSINFO_OUT] = { .obj = lt_put_sysinfo },
	[LT_K_RUSAGE_OUT] = { .obj = lt_put_rusage },
	[LT_K_WSTATUS_OUT] = { .obj = lt_put_wstatus_obj },
	[LT_K_INT_OUT] = { .arg = lt_put_int_out },
	[LT_K_TIMERID_OUT] = { .arg = lt_put_int_out },
	[LT_K_UINT_OUT] = { .arg = lt_put_int_out },
	[LT_K_UID_OUT] = { .arg = lt_put_int_out },
	[LT_K_GROUPS] = { .arg = lt_put_groups },
	[LT_K_GROUPS_OUT] = { .arg = lt_put_groups },
	[LT_K_ARGV] = { .arg = lt_put_argv_arg },
	[LT_K_ENVP] = { .arg = lt_put_argv_arg },
	[LT_K_CLONE_ARGS] = { .arg = lt_put_clone_args },
	[LT_K_SECCOMP_ARGS] = { .arg = lt_put_seccomp_args },
	[LT_K_SECCOMP_FLAGS] = { .arg = lt_put_seccomp_flags },
	[LT_K_LANDLOCK_RULESET_ATTR] = { .arg = lt_put_landlock_ruleset_attr },
	[LT_K_LANDLOCK_RULE_ATTR] = { .arg = lt_put_landlock_rule_attr },
	[LT_K_KEXEC_SEGMENTS] = { .arg = lt_put_kexec_segments },
	[LT_K_KEXEC_FLAGS] = { .arg = lt_put_kexec_flags },
	[LT_K_KEXEC_CMDLINE] = { .arg = lt_put_kexec_cmdline },
	[LT_K_IORING_PARAMS] = { .arg = lt_put_io_uring_params },
	[LT_K_BPF_ATTR] = { .arg = lt_put_bpf_attr },
	[LT_K_CPUSET] = { .arg = lt_put_cpuset },
	[LT_K_CPUSET_OUT] = { .arg = lt_put_cpuset },
	[LT_K_NODEMASK] = { .arg = lt_put_nodemask },
	[LT_K_NODEMASK_OUT] = { .arg = lt_put_nodemask },
	[LT_K_MPOL_MODE_OUT] = { .obj = lt_put_mpol_mode_out },
	[LT_K_MPOL_MODE] = { .arg = lt_put_mpol_mode },
	[LT_K_MBIND_MODE] = { .arg = lt_put_mpol_mode },
	[LT_K_PAGE_ADDRS] = { .arg = lt_put_move_pages_arr },
	[LT_K_NODE_IDS] = { .arg = lt_put_move_pages_arr },
	[LT_K_PAGE_STATUS_OUT] = { .arg = lt_put_move_pages_arr },
	[LT_K_MINCORE_VEC_OUT] = { .arg = lt_put_mincore_vec },
	[LT_K_SCHED_PARAM] = { .obj = lt_put_sched_param },
	[LT_K_SCHED_PARAM_OUT] = { .obj = lt_put_sched_param },
	/* sockets and I/O */
	[LT_K_SOCKOPT_VAL] = { .arg = lt_put_sockopt_val_arg },
	[LT_K_SOCKOPT_VAL_OUT] = { .arg = lt_put_sockopt_val_arg },
	[LT_K_SOCKADDR] = { .arg = lt_put_sockaddr_kind },
	[LT_K_SOCKADDR_OUT] = { .arg = lt_put_sockaddr_kind },
	[LT_K_SOCKLEN_INOUT] = { .arg = lt_put_socklen_arg },
	[LT_K_IOVEC_IN] = { .arg = lt_put_iov_arg },
	[LT_K_IOVEC_OUT] = { .arg = lt_put_iov_arg },
	[LT_K_IOVEC_ADDR] = { .arg = lt_put_iov_arg },
	[LT_K_MSGHDR] = { .arg = lt_put_msghdr_arg },
	[LT_K_MSGHDR_OUT] = { .arg = lt_put_msghdr_arg },
	[LT_K_MMSGHDR] = { .arg = lt_put_mmsg_arg },
	[LT_K_MMSGHDR_OUT] = { .arg = lt_put_mmsg_arg },
	[LT_K_POLLFDS] = { .arg = lt_put_pollfds_arg },
	[LT_K_EPOLL_EVENT] = { .arg = lt_put_epoll_event_arg },
	[LT_K_EPOLL_EVENTS_OUT] = { .arg = lt_put_epoll_events_arg },
	[LT_K_FDSET] = { .arg = lt_put_fdset_kind },
};

int lt_decode_struct(struct lt_dctx *c, int i, int kind)
{
	uint64_t v = c->ev->args[i];
	if (!v && lt_kinds[kind].print == LT_PRINT_STRUCT) {
		lt_sb_puts(SB(c), "NULL");
		return 1;
	}
	const struct lt_struct_printer *p = &lt_struct_printers[kind];
	if (p->arg) {
		p->arg(c, i, kind);
		return 1;
	}
	if (!p->obj)
		return 0;
	size_t need = p->need ? p->need : lt_kinds[kind].size;
	const uint8_t *d = lt_kinds[kind].dir == LT_DIR_OUT ? lt_out(c, i, need) : lt_in(c, i, need);
	if (d)
		p->obj(c, d);
	else
		lt_put_ptr(c, v);
	return 1;
}

/* ---- whole calls ---- */

/* argument i printed by the table's kind */
static void lt_arg_kind(struct lt_args *a, int i, void (*gen)(struct lt_dctx *, int))
{
	lt_next(a);
	gen(a->c, i);
	lt_done(a);
}

void lt_arg_hex(struct lt_args *a, uint64_t v)
{
	lt_next(a);
	lt_put_hex(a->c, v);
	lt_done(a);
}

void lt_arg_dec(struct lt_args *a, int64_t v)
{
	lt_next(a);
	lt_put_dec(a->c, v);
	lt_done(a);
}

void lt_arg_udec(struct lt_args *a, uint64_t v)
{
	lt_next(a);
	lt_put_udec(a->c, v);
	lt_done(a);
}

void lt_arg_ptr(struct lt_args *a, uint64_t v)
{
	lt_next(a);
	lt_put_ptr(a->c, v);
	lt_done(a);
}

static void lt_gen_fd(struct lt_dctx *c, int i) { lt_put_fd(c, (int)c->ev->args[i]); }
static void lt_gen_struct(struct lt_dctx *c, int i)
{
	if (!lt_decode_struct(c, i, c->se->kind[i]))
		lt_put_ptr(c, c->ev->args[i]);
}

/* argument i as the table's kind says (for special calls that drop or reorder some) */
static void lt_gen_struct_or_kind(struct lt_dctx *c, int i) { lt_put_arg_by_kind(c, i); }

static void lt_clone_flags(struct lt_dctx *c, uint64_t fl, int with_sig)
{
	if (lt_st(c) != LT_XLAT_ABBREV) {
		int sig = with_sig ? (int)(fl & 0xff) : 0;
		uint64_t bits = with_sig ? fl & ~0xffull : fl;
		if (bits || !sig)
			lt_put_flags(c, lt_x_clone_flags, bits);
		if (sig) {
			if (bits)
				lt_sb_putc(SB(c), '|');
			lt_put_signo(c, sig);
		}
		return;
	}
	struct lt_sb n = { 0 };
	int any = 0;
	uint64_t rest = lt_flags_names(&n, lt_x_clone_flags, with_sig ? fl & ~0xffull : fl, &any);
	if (any)
		lt_sb_puts(SB(c), n.p);
	lt_sb_free(&n);
	int sig = with_sig ? (int)(fl & 0xff) : 0;
	if (sig) {
		if (any)
			lt_sb_putc(SB(c), '|');
		lt_put_signo(c, sig);
		any = 1;
	}
	if (rest) {
		if (any)
			lt_sb_putc(SB(c), '|');
		lt_put_hex(c, rest);
		any = 1;
	}
	if (!any)
		lt_sb_putc(SB(c), '0');
}

static int lt_special_clone(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const uint64_t *g = c->ev->args;
	/* x86-64 clone: flags, stack, parent_tid, child_tid, tls */
	lt_next(a);
	lt_sb_puts(SB(c), "child_stack=");
	lt_put_ptr(c, g[1]);
	lt_done(a);
	lt_next(a);
	lt_sb_puts(SB(c), "flags=");
	lt_clone_flags(c, g[0], 1);
	lt_done(a);
	if (g[0] & 0x100000) { /* CLONE_PARENT_SETTID */
		/* what the kernel stored there is the child's tid: the return value */
		lt_next(a);
		lt_sb_puts(SB(c), "parent_tid=");
		if (lt_ok(c) && c->ev->ret > 0)
			lt_sb_printf(SB(c), "[%lld]", (long long)c->ev->ret);
		else
			lt_put_ptr(c, g[2]);
		lt_done(a);
	}
	if (g[0] & (0x200000 | 0x1000000)) { /* CHILD_CLEARTID, CHILD_SETTID */
		lt_next(a);
		lt_sb_puts(SB(c), "child_tidptr=");
		lt_put_ptr(c, g[3]);
		lt_done(a);
	}
	if (g[0] & 0x80000) { /* CLONE_SETTLS */
		lt_next(a);
		lt_sb_puts(SB(c), "tls=");
		lt_put_ptr(c, g[4]);
		lt_done(a);
	}
	return a->n;
}

/* futex's op: the command, _PRIVATE, the clock, and unknown bits */
static void lt_put_futex_op(struct lt_dctx *c, uint32_t op)
{
	uint32_t cmd = op & 0x7f;
	const char *n = lt_xlat_name(lt_x_futex_op, cmd);
	if (n)
		lt_sb_puts(SB(c), n);
	else
		lt_sb_printf(SB(c), "%#x /* FUTEX_??? */", cmd);
	if (op & 128)
		lt_sb_puts(SB(c), "_PRIVATE");
	if (op & 256)
		lt_sb_puts(SB(c), "|FUTEX_CLOCK_REALTIME");
	if (op & ~0x1ffu)
		lt_sb_printf(SB(c), "|%#x", op & ~0x1ffu);
}

static void lt_futex_bitset(struct lt_args *a, uint32_t v3)
{
	lt_next(a);
	if (v3 == 0xffffffffu)
		lt_sb_puts(SB(a->c), "FUTEX_BITSET_MATCH_ANY");
	else
		lt_put_hex(a->c, v3);
	lt_done(a);
}

/* FUTEX_WAKE_OP's val3: an operation and a comparison, packed */
static void lt_futex_wake_op(struct lt_args *a, uint32_t v3)
{
	static const char *const ops[] = { "FUTEX_OP_SET", "FUTEX_OP_ADD", "FUTEX_OP_OR",
					   "FUTEX_OP_ANDN", "FUTEX_OP_XOR" };
	static const char *const cmps[] = { "FUTEX_OP_CMP_EQ", "FUTEX_OP_CMP_NE",
					    "FUTEX_OP_CMP_LT", "FUTEX_OP_CMP_LE",
					    "FUTEX_OP_CMP_GT", "FUTEX_OP_CMP_GE" };
	struct lt_sb *sb = SB(a->c);
	lt_next(a);
	unsigned o = v3 >> 28 & 7, cm = v3 >> 24 & 15;
	if (v3 >> 31)
		lt_sb_puts(sb, "FUTEX_OP_OPARG_SHIFT<<28|");
	if (o < 5)
		lt_sb_printf(sb, "%s<<28", ops[o]);
	else
		lt_sb_printf(sb, "%#x<<28", o);
	lt_sb_printf(sb, "|%#x<<12|", v3 >> 12 & 0xfff);
	if (cm < 6)
		lt_sb_printf(sb, "%s<<24", cmps[cm]);
	else
		lt_sb_printf(sb, "%#x<<24", cm);
	lt_sb_printf(sb, "|%#x", v3 & 0xfff);
	lt_done(a);
}

static int lt_special_futex(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const uint64_t *g = c->ev->args;
	uint32_t op = (uint32_t)g[1], cmd = op & 0x7f;
	lt_arg_ptr(a, g[0]);
	lt_next(a);
	lt_put_futex_op(c, op);
	lt_done(a);
	switch (cmd) {
	case 0: /* WAIT */
		lt_arg_dec(a, (int32_t)g[2]);
		lt_arg_kind(a, 3, lt_gen_struct);
		break;
	case 9: /* WAIT_BITSET */
		lt_arg_dec(a, (int32_t)g[2]);
		lt_arg_kind(a, 3, lt_gen_struct);
		lt_futex_bitset(a, (uint32_t)g[5]);
		break;
	case 1: /* WAKE */
		lt_arg_dec(a, (int32_t)g[2]);
		break;
	case 10: /* WAKE_BITSET */
		lt_arg_dec(a, (int32_t)g[2]);
		lt_futex_bitset(a, (uint32_t)g[5]);
		break;
	case 3: /* REQUEUE */
		lt_arg_dec(a, (int32_t)g[2]);
		lt_arg_dec(a, (int32_t)g[3]);
		lt_arg_ptr(a, g[4]);
		break;
	case 4: case 12: /* CMP_REQUEUE(_PI) */
		lt_arg_dec(a, (int32_t)g[2]);
		lt_arg_dec(a, (int32_t)g[3]);
		lt_arg_ptr(a, g[4]);
		lt_arg_dec(a, (int32_t)g[5]);
		break;
	case 5: /* WAKE_OP */
		lt_arg_dec(a, (int32_t)g[2]);
		lt_arg_dec(a, (int32_t)g[3]);
		lt_arg_ptr(a, g[4]);
		lt_futex_wake_op(a, (uint32_t)g[5]);
		break;
	case 6: case 13: /* LOCK_PI(2) */
		lt_arg_kind(a, 3, lt_gen_struct);
		break;
	case 7: case 8: /* UNLOCK_PI, TRYLOCK_PI */
		break;
	case 11: /* WAIT_REQUEUE_PI */
		lt_arg_dec(a, (int32_t)g[2]);
		lt_arg_kind(a, 3, lt_gen_struct);
		lt_arg_ptr(a, g[4]);
		break;
	default:
		lt_arg_hex(a, g[2]);
		lt_arg_hex(a, g[3]);
		lt_arg_hex(a, g[4]);
		lt_arg_hex(a, g[5]);
	}
	return a->n;
}

static const struct lt_xlat lt_x_flock_type[] = {
	{ 0, "F_RDLCK" }, { 1, "F_WRLCK" }, { 2, "F_UNLCK" }, { 0, 0 }
};

static int lt_special_fcntl(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const uint64_t *g = c->ev->args;
	uint32_t cmd = (uint32_t)g[1];
	lt_arg_kind(a, 0, lt_gen_fd);
	lt_next(a);
	lt_put_xlat(c, lt_x_fcntl_cmd, cmd, "F_???");
	lt_done(a);
	switch (cmd) {
	case 1: case 3: case 9: case 11: case 1025: case 1032: case 1034: case 1035:
	case 1037: /* no argument */
		break;
	case 2: /* F_SETFD */
		lt_next(a);
		lt_put_flags(c, lt_x_fd_flags, (uint32_t)g[2]);
		lt_done(a);
		break;
	case 4: /* F_SETFL: open flags with the access mode */
		lt_next(a);
		lt_put_open_flags(c, (uint32_t)g[2]);
		lt_done(a);
		break;
	case 5: case 6: case 7: case 36: case 37: case 38: { /* struct flock */
		const uint8_t *d = lt_cap_get(c, 2, LT_CAP_SUB_SELF, 32, NULL);
		lt_next(a);
		if (!d) {
			lt_put_ptr(c, g[2]);
		} else {
			lt_sb_puts(SB(c), "{l_type=");
			lt_put_xlat(c, lt_x_flock_type, RD(uint16_t, d, 0), "F_???");
			lt_sb_puts(SB(c), ", l_whence=");
			lt_put_xlat(c, lt_x_whence, RD(uint16_t, d, 2), "SEEK_???");
			lt_sb_printf(SB(c), ", l_start=%lld, l_len=%lld", (long long)RD(int64_t, d, 8),
				     (long long)RD(int64_t, d, 16));
			if ((cmd == 5 || cmd == 36) && lt_ok(c))
				lt_sb_printf(SB(c), ", l_pid=%d", RD(int32_t, d, 24));
			lt_sb_putc(SB(c), '}');
		}
		lt_done(a);
		break;
	}
	case 15: case 16: { /* f_owner_ex */
		static const struct lt_xlat ot[] = {
			{ 0, "F_OWNER_TID" }, { 1, "F_OWNER_PID" }, { 2, "F_OWNER_PGRP" }, { 0, 0 }
		};
		const uint8_t *d = (cmd == 15 || lt_ok(c)) ? lt_cap_get(c, 2, LT_CAP_SUB_SELF, 8, NULL)
							     : NULL;
		lt_next(a);
		if (d) {
			lt_sb_puts(SB(c), "{type=");
			lt_put_xlat(c, ot, RD(uint32_t, d, 0), "F_OWNER_???");
			lt_sb_printf(SB(c), ", pid=%d}", RD(int32_t, d, 4));
		} else {
			lt_put_ptr(c, g[2]);
		}
		lt_done(a);
		break;
	}
	case 10: /* F_SETSIG */
		lt_next(a);
		lt_put_signo(c, (int)g[2]);
		lt_done(a);
		break;
	case 1024: /* F_SETLEASE */
		lt_next(a);
		lt_put_xlat(c, lt_x_flock_type, (uint32_t)g[2], "F_???");
		lt_done(a);
		break;
	case 1033: { /* F_ADD_SEALS */
		static const struct lt_xlat seals[] = {
			{ 1, "F_SEAL_SEAL" }, { 2, "F_SEAL_SHRINK" }, { 4, "F_SEAL_GROW" },
			{ 8, "F_SEAL_WRITE" }, { 16, "F_SEAL_FUTURE_WRITE" }, { 32, "F_SEAL_EXEC" }, { 0, 0 }
		};
		lt_next(a);
		lt_put_flags(c, seals, (uint32_t)g[2]);
		lt_done(a);
		break;
	}
	case 1026: /* F_NOTIFY */
		lt_next(a);
		lt_put_flags_unk(c, lt_x_dnotify, g[2], "DN_???");
		lt_done(a);
		break;
	case 0: case 1030: case 8: case 1031:
		lt_arg_dec(a, (int32_t)g[2]);
		break;
	default:
		lt_arg_hex(a, g[2]);
	}
	return a->n;
}

int lt_decode_special(struct lt_dctx *c, size_t *ends, int maxends)
{
	struct lt_args a = { c, ends, maxends, 0 };
	const char *n = c->se->name;
	switch (c->ev->nr) {
	case 56: /* clone */
		return lt_special_clone(&a);
	case 179: case 443: /* quotactl, quotactl_fd: the command says what follows */
		return lt_special_quotactl(&a);
	case 202: /* futex */
		return lt_special_futex(&a);
	case 72: /* fcntl */
		return lt_special_fcntl(&a);
	case 16: /* ioctl */
		return lt_special_ioctl(&a);
	case 157: /* prctl */
		return lt_special_prctl(&a);
	case 158: /* arch_prctl: ARCH_GET_CPUID has no argument */
		if ((uint32_t)c->ev->args[0] == 0x1011) {
			lt_arg_kind(&a, 0, lt_gen_struct_or_kind);
			return a.n;
		}
		return -1;
	case 25: /* mremap: the new address only matters with MREMAP_FIXED */
		if (!(c->ev->args[3] & 2)) {
			for (int k = 0; k < 4; k++)
				lt_arg_kind(&a, k, lt_gen_struct_or_kind);
			return a.n;
		}
		return -1;
	case 15: { /* rt_sigreturn: the mask it restores */
		const uint8_t *d = lt_cap_get(c, 0, LT_CAP_SUB_SELF, 8, NULL);
		lt_next(&a);
		lt_sb_puts(SB(c), "{mask=");
		if (d)
			lt_put_sigmask(c, d, 8);
		else
			lt_sb_puts(SB(c), "?");
		lt_sb_putc(SB(c), '}');
		lt_done(&a);
		return a.n;
	}
	}
	(void)n;
	return lt_decode_special_misc(c, ends, maxends);
}

/* ---- after the return value ---- */

/* Return decorations keep their names whatever -X says, as strace's do. */
static void lt_put_name_plain(struct lt_dctx *c, const struct lt_xlat *t, uint64_t v, const char *unk)
{
	const char *n = lt_xlat_name(t, v);
	if (n)
		lt_sb_puts(SB(c), n);
	else
		lt_sb_printf(SB(c), "%#llx /* %s */", (unsigned long long)v, unk);
}

/* fcntl getters show what they got */
static void lt_ret_fcntl(struct lt_dctx *c)
{
	const struct lt_event *ev = c->ev;
	uint32_t cmd = (uint32_t)ev->args[1];
	if (cmd == 3) {
		static const struct lt_xlat acc[] = {
			{ 0, "O_RDONLY" }, { 1, "O_WRONLY" }, { 2, "O_RDWR" }, { 3, "O_ACCMODE" }, { 0, 0 }
		};
		uint32_t fl = (uint32_t)ev->ret;
		int any = 1;
		lt_sb_printf(SB(c), " (flags %s", acc[fl & 3].name);
		uint64_t rest = lt_flags_names(SB(c), lt_x_open_flags, fl & ~3u, &any);
		if (rest)
			lt_sb_printf(SB(c), "|%#llx", (unsigned long long)rest);
		lt_sb_putc(SB(c), ')');
	} else if (cmd == 1 && ev->ret) {
		/* unlike F_GETFL's, this one follows -X */
		lt_sb_puts(SB(c), " (flags ");
		lt_put_flags(c, lt_x_fd_flags, (uint64_t)ev->ret);
		lt_sb_putc(SB(c), ')');
	} else if (cmd == 1025) {
		lt_sb_puts(SB(c), " (");
		lt_put_name_plain(c, lt_x_flock_type, (uint64_t)ev->ret, "F_???");
		lt_sb_putc(SB(c), ')');
	} else if (cmd == 11 && ev->ret && lt_signal_name((int)ev->ret)) { /* F_GETSIG */
		lt_sb_printf(SB(c), " (%s)", lt_signal_name((int)ev->ret));
	}
}

/* A name in parentheses after the return value */
static void lt_ret_name(struct lt_dctx *c, const struct lt_xlat *t, uint64_t v, const char *unk)
{
	lt_sb_puts(SB(c), " (");
	lt_put_name_plain(c, t, v, unk);
	lt_sb_putc(SB(c), ')');
}

void lt_decode_ret_extra(struct lt_dctx *c)
{
	const struct lt_event *ev = c->ev;
	if (c->failed || !c->done)
		return;
	switch (ev->nr) {
	case LT_NR_fcntl:
		lt_ret_fcntl(c);
		return;
	case LT_NR_poll: case LT_NR_ppoll:
		lt_ret_poll(c);
		return;
	case LT_NR_select: case LT_NR_pselect6:
		lt_ret_select(c);
		return;
	case LT_NR_recvmmsg:
		lt_ret_recvmmsg(c);
		return;
	case LT_NR_sched_getscheduler:
		lt_ret_name(c, lt_x_sched_policy, (uint64_t)ev->ret, "SCHED_???");
		return;
	case LT_NR_personality:
		lt_ret_name(c, lt_x_personality, (uint64_t)ev->ret & 0xffffffffu, "PER_???");
		return;
	case LT_NR_prctl: case LT_NR_arch_prctl:
		lt_ret_prctl(c);
		return;
	case LT_NR_time:
		lt_ret_time(c);
		return;
	case LT_NR_adjtimex: case LT_NR_clock_adjtime:
		lt_ret_adjtimex(c);
		return;
	case LT_NR_rt_sigtimedwait:
		if (lt_signal_name((int)ev->ret))
			lt_sb_printf(SB(c), " (%s)", lt_signal_name((int)ev->ret));
		return;
	}
	lt_decode_ret_misc(c);
}
