/* Processes and their resources: rlimits, rusage, utsname, sysinfo, groups, CPU and
 * NUMA node masks, memory policy, scheduling parameters, execve's argv and envp
 * (strace's resource.c, uname.c, sysinfo.c, uid.c, affinity.c, numa.c, sched.c,
 * execve.c). */
#include <stdio.h>
#include <string.h>

#include "lt_capture.h"
#include "decode_struct.h"
#include "xlat/gen.h"

/* rlimit values: strace writes round ones as N*1024 */
static void lt_put_rlim(struct lt_dctx *c, uint64_t v)
{
	if (lt_st(c) != LT_XLAT_ABBREV) {
		lt_put_udec(c, v);
		if (lt_st(c) == LT_XLAT_RAW || (v != UINT64_MAX && !(v && v % 1024 == 0)))
			return;
		lt_sb_puts(SB(c), " /* ");
		if (v == UINT64_MAX)
			lt_sb_puts(SB(c), "RLIM64_INFINITY");
		else
			lt_sb_printf(SB(c), "%llu*1024", (unsigned long long)(v / 1024));
		lt_sb_puts(SB(c), " */");
		return;
	}
	if (v == UINT64_MAX)
		lt_sb_puts(SB(c), "RLIM64_INFINITY");
	else if (v && v % 1024 == 0)
		lt_sb_printf(SB(c), "%llu*1024", (unsigned long long)(v / 1024));
	else
		lt_put_udec(c, v);
}

/* envp unless -v: the address and how many variables (strace's printargc); an array
 * that runs into memory that cannot be read is "unterminated" */
static void lt_put_argc(struct lt_dctx *c, uint64_t a, const uint8_t *d, size_t n, int ended)
{
	lt_put_ptr(c, a);
	if (!d)
		return;
	lt_sb_printf(SB(c), " /* %zu var%s%s */", n, n == 1 ? "" : "s",
		     ended ? "" : ", unterminated");
}

/* The one copy of the strings behind the first n pointers of d (LT_SUB_STRINGS): it
 * starts at the lowest of them, as the planner took it. */
static const uint8_t *lt_argv_block(struct lt_dctx *c, int i, const uint8_t *d, size_t n,
				    uint64_t *lo, size_t *len)
{
	const uint8_t *b;
	const struct lt_cap *cap = lt_event_cap(c->ev, i, LT_SUB_STRINGS, &b);
	if (!cap || (cap->flags & LT_CAP_FAULT))
		return NULL;
	*lo = UINT64_MAX;
	for (size_t k = 0; k < n && k < LT_CAP_MAX_ARGV; k++)
		*lo = RD(uint64_t, d, k * 8) < *lo ? RD(uint64_t, d, k * 8) : *lo;
	*len = cap->len;
	return b;
}

/* string k at ptr: from the one copy, else its own; 0 when the shim had no room to copy
 * it. A string the copy ends in before its NUL and before -s + 1 bytes ran into memory
 * that cannot be read: strace prints its address. */
static int lt_put_argv_str(struct lt_dctx *c, int i, size_t k, uint64_t ptr, const uint8_t *b,
			   uint64_t lo, size_t len)
{
	if (!b) {
		if (!lt_event_cap(c->ev, i, (unsigned)k, NULL))
			return 0;
		lt_put_cstr(c, i, (unsigned)k, ptr, 0);
		return 1;
	}
	size_t off = (size_t)(ptr - lo), avail = off < len ? len - off : 0;
	const uint8_t *z = avail ? memchr(b + off, 0, avail) : NULL;
	size_t sl = z ? (size_t)(z - (b + off)) : avail;
	if (!z && avail <= c->strsize)
		lt_put_ptr(c, ptr);
	else
		lt_put_quoted(c, b + off, sl < c->strsize ? sl : c->strsize, !z || sl > c->strsize);
	return 1;
}

/* execve's argv (and envp with -v): the strings, "..." past -s of them (strace's
 * printargv); where the array runs into memory that cannot be read, "... / * addr * /" */
static void lt_put_argv(struct lt_dctx *c, int i, int env)
{
	size_t len = 0, blen = 0;
	uint64_t a = c->ev->args[i], lo = 0;
	const uint8_t *d = lt_cap_get(c, i, LT_CAP_SUB_SELF, 8, &len);
	if (!a) {
		lt_sb_puts(SB(c), "NULL");
		return;
	}
	size_t n = 0;
	while (d && n < len / 8 && RD(uint64_t, d, n * 8))
		n++;
	/* a 0 ends it; so does the capture's limit for argv (the planner reads one past
	 * what it shows); else the memory did */
	int ended = d && (n < len / 8 || (!env && n > LT_CAP_MAX_ARGV));
	if (env && !lt_verbose(c)) {
		lt_put_argc(c, a, d, n, ended);
		return;
	}
	if (!d) {
		lt_put_ptr(c, a);
		return;
	}
	const uint8_t *b = lt_argv_block(c, i, d, n, &lo, &blen);
	lt_sb_putc(SB(c), '[');
	for (size_t k = 0; k < n; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		if (k >= LT_CAP_MAX_ARGV || (k >= c->strsize && !lt_verbose(c)) ||
		    !lt_put_argv_str(c, i, k, RD(uint64_t, d, k * 8), b, lo, blen)) {
			lt_sb_puts(SB(c), "...");
			ended = 1;
			break;
		}
	}
	if (!ended)
		lt_sb_printf(SB(c), "%s... /* %#llx */", n ? ", " : "",
			     (unsigned long long)(a + n * 8));
	lt_sb_putc(SB(c), ']');
}

void lt_put_rusage(struct lt_dctx *c, const uint8_t *d)
{
	static const char *const f[] = { "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss",
		"ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd",
		"ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw" };
	lt_sb_printf(SB(c), "{ru_utime={tv_sec=%lld, tv_usec=%lld}, ru_stime={tv_sec=%lld, tv_usec=%lld}",
		     (long long)RD(int64_t, d, 0), (long long)RD(int64_t, d, 8),
		     (long long)RD(int64_t, d, 16), (long long)RD(int64_t, d, 24));
	int nf = lt_verbose(c) ? 14 : 6;
	for (int k = 0; k < nf; k++)
		lt_sb_printf(SB(c), ", %s=%lld", f[k], (long long)RD(int64_t, d, 32 + 8 * k));
	lt_sb_puts(SB(c), lt_verbose(c) ? "}" : ", ...}");
}

void lt_put_argv_arg(struct lt_dctx *c, int i, int kind)
{
	lt_put_argv(c, i, kind == LT_K_ENVP);
}

/* processes and resources */
void lt_put_rlimit(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{rlim_cur=");
	lt_put_rlim(c, RD(uint64_t, d, 0));
	lt_sb_puts(SB(c), ", rlim_max=");
	lt_put_rlim(c, RD(uint64_t, d, 8));
	lt_sb_putc(SB(c), '}');
}

void lt_put_utsname(struct lt_dctx *c, const uint8_t *d)
{
	static const char *const f[] = { "sysname", "nodename", "release", "version",
					 "machine", "domainname" };
	int nf = lt_verbose(c) ? 6 : 2;
	lt_sb_putc(SB(c), '{');
	for (int k = 0; k < nf; k++) {
		const uint8_t *s = d + 65 * k;
		const uint8_t *z = memchr(s, 0, 65);
		lt_sb_printf(SB(c), "%s%s=", k ? ", " : "", f[k]);
		lt_put_quoted(c, s, z ? (size_t)(z - s) : 65, 0);
	}
	lt_sb_puts(SB(c), nf == 6 ? "}" : ", ...}");
}

void lt_put_sysinfo(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{uptime=%lld, loads=[%llu, %llu, %llu], totalram=%llu"
		     ", freeram=%llu, sharedram=%llu, bufferram=%llu, totalswap=%llu"
		     ", freeswap=%llu, procs=%u, totalhigh=%llu, freehigh=%llu"
		     ", mem_unit=%u}",
		     (long long)RD(int64_t, d, 0), (unsigned long long)RD(uint64_t, d, 8),
		     (unsigned long long)RD(uint64_t, d, 16),
		     (unsigned long long)RD(uint64_t, d, 24),
		     (unsigned long long)RD(uint64_t, d, 32),
		     (unsigned long long)RD(uint64_t, d, 40),
		     (unsigned long long)RD(uint64_t, d, 48),
		     (unsigned long long)RD(uint64_t, d, 56),
		     (unsigned long long)RD(uint64_t, d, 64),
		     (unsigned long long)RD(uint64_t, d, 72), RD(uint16_t, d, 80),
		     (unsigned long long)RD(uint64_t, d, 88),
		     (unsigned long long)RD(uint64_t, d, 96), RD(uint32_t, d, 104));
}

/* a gid_t: (gid_t)-1 as -1, as strace's print_gid */
static int lt_put_gid_elem(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	uint32_t g = RD(uint32_t, e, 0);
	(void)k;
	(void)opaque;
	if (g == 0xffffffffu)
		lt_sb_puts(SB(c), "-1");
	else
		lt_sb_printf(SB(c), "%u", g);
	return 1;
}

/* strace's print_groups: more than NGROUPS_MAX (65536) is only an address */
void lt_put_groups(struct lt_dctx *c, int i, int kind)
{
	const struct lt_event *ev = c->ev;
	int out = kind == LT_K_GROUPS_OUT;
	uint64_t n = out ? (uint64_t)ev->ret : (uint32_t)ev->args[0];
	if (n == 0 && (!out || lt_ok(c))) {
		lt_sb_puts(SB(c), "[]");
		return;
	}
	if ((out && (!lt_ok(c) || (int32_t)ev->args[0] == 0)) || n > 65536) {
		lt_put_ptr(c, ev->args[i]);
		return;
	}
	lt_put_array(c, i, LT_CAP_SUB_SELF, ev->args[i], n, 4, lt_put_gid_elem, NULL);
}

/* memory policy and CPUs */
void lt_put_cpuset(struct lt_dctx *c, int i, int kind)
{
	const uint8_t *d = kind == LT_K_CPUSET ? lt_in(c, i, 0) : lt_out(c, i, 0);
	size_t len;
	int la = c->se->len[i];
	/* an empty set given: strace prints it as such, read or not */
	if (kind == LT_K_CPUSET && la >= 0 && la < 6 && !(uint32_t)c->ev->args[la]) {
		lt_sb_puts(SB(c), "[]");
		return;
	}
	if (!d || !lt_cap_get(c, i, LT_CAP_SUB_SELF, 0, &len)) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	lt_sb_putc(SB(c), '[');
	int first = 1;
	for (size_t b = 0; b < len * 8; b++)
		if (d[b / 8] >> (b % 8) & 1) {
			lt_sb_printf(SB(c), first ? "%zu" : " %zu", b);
			first = 0;
		}
	lt_sb_putc(SB(c), ']');
}

void lt_put_sched_param(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "[%d]", RD(int32_t, d, 0)); /* strace 6.1's notation */
}

/* clone3's flags: clone's, then the ones only clone3 takes (strace's clone3_flags) */
static const struct lt_xlat lt_x_clone3_flags[] = {
	{ 0x100, "CLONE_VM" }, { 0x200, "CLONE_FS" }, { 0x400, "CLONE_FILES" },
	{ 0x800, "CLONE_SIGHAND" }, { 0x1000, "CLONE_PIDFD" }, { 0x2000, "CLONE_PTRACE" },
	{ 0x4000, "CLONE_VFORK" }, { 0x8000, "CLONE_PARENT" }, { 0x10000, "CLONE_THREAD" },
	{ 0x20000, "CLONE_NEWNS" }, { 0x40000, "CLONE_SYSVSEM" }, { 0x80000, "CLONE_SETTLS" },
	{ 0x100000, "CLONE_PARENT_SETTID" }, { 0x200000, "CLONE_CHILD_CLEARTID" },
	{ 0x800000, "CLONE_UNTRACED" }, { 0x1000000, "CLONE_CHILD_SETTID" },
	{ 0x2000000, "CLONE_NEWCGROUP" }, { 0x4000000, "CLONE_NEWUTS" },
	{ 0x8000000, "CLONE_NEWIPC" }, { 0x10000000, "CLONE_NEWUSER" },
	{ 0x20000000, "CLONE_NEWPID" }, { 0x40000000, "CLONE_NEWNET" }, { 0x80000000u, "CLONE_IO" },
	{ 0x80, "CLONE_NEWTIME" }, { 0x100000000ull, "CLONE_CLEAR_SIGHAND" },
	{ 0x200000000ull, "CLONE_INTO_CGROUP" }, { 0, 0 }
};

enum { CL_PIDFD = 0x1000, CL_PARENT_SETTID = 0x100000, CL_SETTLS = 0x80000,
       CL_CHILD_TIDS = 0x1000000 | 0x200000, CL_INTO_CGROUP = 0x200000000ull };

int lt_elem_int(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	(void)k, (void)opaque;
	lt_sb_printf(SB(c), "%d", RD(int32_t, e, 0));
	return 1;
}

/* an int the kernel stored at addr (capture sub): "[N]", NULL, or the address */
static void lt_put_stored_int(struct lt_dctx *c, int i, unsigned sub, uint64_t addr)
{
	const uint8_t *v = addr ? lt_cap_get(c, i, sub, 4, NULL) : NULL;
	if (v)
		lt_sb_printf(SB(c), "[%d]", RD(int32_t, v, 0));
	else
		lt_put_ptr(c, addr);
}

/* set_tid: an array when its size is one the kernel takes, else the address */
static void lt_put_set_tid(struct lt_dctx *c, int i, uint64_t set_tid, uint64_t n)
{
	lt_sb_puts(SB(c), ", set_tid=");
	if (!set_tid || !n || n > 32)
		lt_put_ptr(c, set_tid);
	else
		lt_put_array(c, i, 0, set_tid, n, 4, lt_elem_int, NULL);
	lt_sb_printf(SB(c), ", set_tid_size=%llu", (unsigned long long)n);
}

/* after a success: what the kernel stored at pidfd and parent_tid (strace's " => {...}";
 * the tail it prints again is all zeros then, or the call would have failed) */
static void lt_put_clone3_stored(struct lt_dctx *c, int i, const uint64_t f[11])
{
	const char *pre = " => {";
	if (f[0] & CL_PIDFD) {
		lt_sb_printf(SB(c), "%spidfd=", pre);
		lt_put_stored_int(c, i, 1, f[1]);
		pre = ", ";
	}
	if (f[0] & CL_PARENT_SETTID) {
		/* the kernel stored the child's tid, the return value, there (a thread
		 * that has exited since has cleared it again) */
		lt_sb_printf(SB(c), "%sparent_tid=", pre);
		if (f[3])
			lt_sb_printf(SB(c), "[%lld]", (long long)c->ev->ret);
		else
			lt_sb_puts(SB(c), "NULL");
		pre = ", ";
	}
	if (*pre == ',')
		lt_sb_putc(SB(c), '}');
}

/* clone3's struct clone_args (strace's clone.c): the fields its flags make meaningful, the
 * newer ones when set, and the bytes past them that are not 0 */
void lt_put_clone_args(struct lt_dctx *c, int i, int kind)
{
	uint64_t addr = c->ev->args[i], size = c->ev->args[1];
	size_t fetch = size < 88 ? (size_t)size : 88;
	const uint8_t *d = fetch >= 64 ? lt_cap_get(c, i, LT_CAP_SUB_SELF, fetch, NULL) : NULL;
	uint64_t f[11] = { 0 }; /* the fields the call was given, 0 past them */
	(void)kind;
	if (!d) {
		lt_put_ptr(c, addr);
		return;
	}
	memcpy(f, d, fetch);
	lt_sb_puts(SB(c), "{flags=");
	lt_put_flags(c, lt_x_clone3_flags, f[0]);
	if (f[0] & CL_PIDFD)
		lt_sb_puts(SB(c), ", pidfd="), lt_put_ptr(c, f[1]);
	if (f[0] & CL_CHILD_TIDS)
		lt_sb_puts(SB(c), ", child_tid="), lt_put_ptr(c, f[2]);
	if (f[0] & CL_PARENT_SETTID)
		lt_sb_puts(SB(c), ", parent_tid="), lt_put_ptr(c, f[3]);
	lt_sb_puts(SB(c), ", exit_signal=");
	if (f[4] < INT32_MAX)
		lt_put_signo(c, (int)f[4]);
	else
		lt_put_udec(c, f[4]);
	lt_sb_puts(SB(c), ", stack=");
	lt_put_ptr(c, f[5]);
	lt_sb_puts(SB(c), ", stack_size=");
	lt_put_hex(c, f[6]);
	if (f[0] & CL_SETTLS)
		lt_sb_puts(SB(c), ", tls="), lt_put_ptr(c, f[7]);
	if (f[8] || f[9])
		lt_put_set_tid(c, i, f[8], f[9]);
	if (fetch > 80 && (f[10] || (f[0] & CL_INTO_CGROUP)))
		lt_sb_printf(SB(c), ", cgroup=%llu", (unsigned long long)f[10]);
	if (size > fetch)
		lt_put_nonzero_tail(c, i, fetch, size);
	lt_sb_putc(SB(c), '}');
	if (lt_ok(c))
		lt_put_clone3_stored(c, i, f);
}
