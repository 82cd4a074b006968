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

/* execve's argv: the strings, "..." past -s of them; envp: a count unless -v */
static void lt_put_argv(struct lt_dctx *c, int i, int env)
{
	size_t len;
	uint64_t a = c->ev->args[i];
	const uint8_t *d = lt_cap_get(c, i, LT_CAP_SUB_SELF, 8, &len);
	if (!a) {
		lt_sb_puts(SB(c), "NULL");
		return;
	}
	if (!d) {
		lt_put_ptr(c, a);
		return;
	}
	size_t n = 0;
	while (n < len / 8 && RD(uint64_t, d, n * 8))
		n++;
	if (env) {
		lt_put_ptr(c, a);
		lt_sb_printf(SB(c), " /* %zu var%s */", n, n == 1 ? "" : "s");
		return;
	}
	lt_sb_putc(SB(c), '[');
	for (size_t k = 0; k < n; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		if (k >= LT_CAP_MAX_ARGV || (k >= c->strsize && !lt_verbose(c))) {
			lt_sb_puts(SB(c), "...");
			break;
		}
		lt_put_cstr(c, i, (unsigned)k, RD(uint64_t, d, k * 8), 0);
	}
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

void lt_put_nodemask(struct lt_dctx *c, int i, int kind)
{
	const struct lt_event *ev = c->ev;
	uint64_t words = LT_NODEMASK_WORDS(ev->args[i + 1 < 6 ? i + 1 : i]);
	const uint8_t *d = kind == LT_K_NODEMASK ? lt_in(c, i, 8) : lt_out(c, i, 8);
	size_t len;
	if (!d || !words || !lt_cap_get(c, i, LT_CAP_SUB_SELF, 8, &len)) {
		lt_put_ptr(c, ev->args[i]);
		return;
	}
	lt_sb_putc(SB(c), '[');
	for (uint64_t k = 0; k < words; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		if ((k + 1) * 8 > len || (k >= c->strsize && !lt_verbose(c))) {
			lt_sb_puts(SB(c), "...");
			break;
		}
		lt_sb_printf(SB(c), "%#016llx", (unsigned long long)RD(uint64_t, d, 8 * k));
	}
	lt_sb_putc(SB(c), ']');
}

void lt_put_mpol_mode_out(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_putc(SB(c), '[');
	lt_put_xlat(c, lt_x_mpol_mode, RD(uint32_t, d, 0), "MPOL_???");
	lt_sb_putc(SB(c), ']');
}

void lt_put_sched_param(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "[%d]", RD(int32_t, d, 0)); /* strace 6.1's notation */
}
