/* Time: timespec and timeval (with strace's date comments), itimers, utimes' pairs,
 * times(2) and time(2) (strace's time.c). */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lt_capture.h"
#include "decode_struct.h"
#include "xlat/gen.h"

/* strace's sprinttime_ex: the local date of sec with its fraction part (of max + 1, width
 * digits); none for the epoch itself, a fraction out of range or a year localtime cannot
 * hold. */
static const char *lt_date(char *buf, size_t n, int64_t sec, uint64_t part, uint64_t max, int width)
{
	time_t t = (time_t)sec;
	struct tm tm;
	if ((sec == 0 && part == 0) || part > max || !localtime_r(&t, &tm))
		return NULL;
	size_t pos = strftime(buf, n, "%FT%T", &tm);
	if (!pos)
		return NULL;
	if (part)
		pos += (size_t)snprintf(buf + pos, n - pos, ".%0*llu", width, (unsigned long long)part);
	return pos < n && strftime(buf + pos, n - pos, "%z", &tm) ? buf : NULL;
}

static void lt_put_date_comment(struct lt_dctx *c, int64_t sec, uint64_t part, uint64_t max, int width)
{
	char buf[96];
	const char *d = lt_date(buf, sizeof buf, sec, part, max, width);
	if (d)
		lt_sb_printf(SB(c), " /* %s */", d);
}

void lt_put_time_comment(struct lt_dctx *c, int64_t sec, uint64_t nsec)
{
	lt_put_date_comment(c, sec, nsec, 999999999, 9);
}

static void lt_put_time_comment_usec(struct lt_dctx *c, int64_t sec, uint64_t usec)
{
	lt_put_date_comment(c, sec, usec, 999999, 6);
}

/* a time_t with its date: utime's times, time's result */
static void lt_put_time_t(struct lt_dctx *c, int64_t t)
{
	lt_put_dec(c, t);
	lt_put_date_comment(c, t, 0, 0, 0);
}

void lt_put_timespec_data(struct lt_dctx *c, const uint8_t *d, const char *frac)
{
	/* strace prints the fraction unsigned (a negative one is out of range anyway) */
	lt_sb_printf(SB(c), "{tv_sec=%lld, %s=%llu}", (long long)RD(int64_t, d, 0), frac,
		     (unsigned long long)RD(uint64_t, d, 8));
}

static void lt_put_timespec_at(struct lt_dctx *c, int i, const uint8_t *d, const char *frac)
{
	if (!c->ev->args[i])
		lt_sb_puts(SB(c), "NULL");
	else if (d)
		lt_put_timespec_data(c, d, frac);
	else
		lt_put_ptr(c, c->ev->args[i]);
}

/* time: a NULL or unreadable pointer is handled by lt_put_timespec_at */
void lt_put_timespec_arg(struct lt_dctx *c, int i, int kind)
{
	const char *frac = kind == LT_K_TIMEVAL || kind == LT_K_TIMEVAL_INOUT ? "tv_usec" : "tv_nsec";
	lt_put_timespec_at(c, i, lt_in(c, i, 16), frac);
}

void lt_put_timespec_out(struct lt_dctx *c, int i, int kind)
{
	lt_put_timespec_at(c, i, lt_out(c, i, 16), kind == LT_K_TIMEVAL_OUT ? "tv_usec" : "tv_nsec");
}

/* a sleep's remainder: the planner copied it only when a signal interrupted the sleep */
void lt_put_sleep_rem(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_timespec_at(c, i, lt_cap_get(c, i, LT_CAP_SUB_SELF, 16, NULL), "tv_nsec");
}

static void lt_put_itimer(struct lt_dctx *c, const uint8_t *d, const char *frac)
{
	lt_sb_puts(SB(c), "{it_interval=");
	lt_put_timespec_data(c, d, frac);
	lt_sb_puts(SB(c), ", it_value=");
	lt_put_timespec_data(c, d + 16, frac);
	lt_sb_putc(SB(c), '}');
}

void lt_put_itimerval(struct lt_dctx *c, const uint8_t *d) { lt_put_itimer(c, d, "tv_usec"); }

void lt_put_itimerspec(struct lt_dctx *c, const uint8_t *d) { lt_put_itimer(c, d, "tv_nsec"); }

/* utimensat's time: UTIME_NOW and UTIME_OMIT follow -X (strace's print_timespec_t_utime) */
static void lt_put_utime_timespec(struct lt_dctx *c, const uint8_t *d)
{
	uint64_t ns = RD(uint64_t, d, 8);
	if (ns != 0x3fffffff && ns != 0x3ffffffe) {
		lt_put_timespec_data(c, d, "tv_nsec");
		lt_put_time_comment(c, RD(int64_t, d, 0), ns);
		return;
	}
	const char *n = ns == 0x3fffffff ? "UTIME_NOW" : "UTIME_OMIT";
	if (lt_st(c) != LT_XLAT_ABBREV)
		lt_put_timespec_data(c, d, "tv_nsec");
	if (lt_st(c) == LT_XLAT_VERBOSE)
		lt_sb_printf(SB(c), " /* %s */", n);
	else if (lt_st(c) == LT_XLAT_ABBREV)
		lt_sb_puts(SB(c), n);
}

/* utimensat's and utimes' two times */
static void lt_put_time_pair(struct lt_dctx *c, const uint8_t *d, int timespec)
{
	lt_sb_putc(SB(c), '[');
	for (int k = 0; k < 2; k++) {
		const uint8_t *t = d + 16 * k;
		if (k)
			lt_sb_puts(SB(c), ", ");
		if (timespec) {
			lt_put_utime_timespec(c, t);
		} else {
			lt_put_timespec_data(c, t, "tv_usec");
			lt_put_time_comment_usec(c, RD(int64_t, t, 0), RD(uint64_t, t, 8));
		}
	}
	lt_sb_putc(SB(c), ']');
}

void lt_put_timespec_pair(struct lt_dctx *c, const uint8_t *d) { lt_put_time_pair(c, d, 1); }

void lt_put_timeval_pair(struct lt_dctx *c, const uint8_t *d) { lt_put_time_pair(c, d, 0); }

void lt_put_utimbuf(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{actime=");
	lt_put_time_t(c, RD(int64_t, d, 0));
	lt_sb_puts(SB(c), ", modtime=");
	lt_put_time_t(c, RD(int64_t, d, 8));
	lt_sb_putc(SB(c), '}');
}

void lt_put_timezone(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{tz_minuteswest=%d, tz_dsttime=%d}", RD(int32_t, d, 0),
		     RD(int32_t, d, 4));
}

/* a clock_t count of ticks and, unless -X raw, the seconds it is (strace's print_clock_t) */
void lt_put_clock_t(struct lt_dctx *c, uint64_t v)
{
	static long tck;
	lt_put_udec(c, v);
	if (!tck)
		tck = sysconf(_SC_CLK_TCK) > 0 ? sysconf(_SC_CLK_TCK) : -1;
	if (lt_st(c) == LT_XLAT_RAW || tck <= 0 || !v)
		return;
	int width = 0;
	for (long t = tck; t >= 10 && width < 9; t /= 10)
		width++;
	/* the whole seconds, then the fraction as %f rounds it ("0.13") */
	char frac[16];
	snprintf(frac, sizeof frac, "%.*f", width, (double)(v % (uint64_t)tck) / (double)tck);
	const char *dot = strchr(frac, '.');
	lt_sb_printf(SB(c), " /* %llu%s s */", (unsigned long long)(v / (uint64_t)tck),
		     dot ? dot : "");
}

void lt_put_tms(struct lt_dctx *c, const uint8_t *d)
{
	static const char *const f[] = { "tms_utime", "tms_stime", "tms_cutime", "tms_cstime" };
	for (int k = 0; k < 4; k++) {
		lt_sb_printf(SB(c), "%s%s=", k ? ", " : "{", f[k]);
		lt_put_clock_t(c, RD(uint64_t, d, 8 * k));
	}
	lt_sb_putc(SB(c), '}');
}

void lt_put_time_out(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_putc(SB(c), '[');
	lt_put_time_t(c, RD(int64_t, d, 0));
	lt_sb_putc(SB(c), ']');
}

/* time's result is a date too: " (2026-11-30T03:45:22+0000)" */
void lt_ret_time(struct lt_dctx *c)
{
	char buf[96];
	const char *d = lt_date(buf, sizeof buf, c->ev->ret, 0, 0, 0);
	if (d)
		lt_sb_printf(SB(c), " (%s)", d);
}

/* adjtimex's and clock_adjtime's struct timex (x86-64 layout), as the kernel left it */
void lt_put_timex(struct lt_dctx *c, const uint8_t *d)
{
	static const struct { const char *name; uint16_t off; } f1[] = {
		{ "offset", 8 }, { "freq", 16 }, { "maxerror", 24 }, { "esterror", 32 },
	}, f2[] = {
		{ "constant", 48 }, { "precision", 56 }, { "tolerance", 64 },
	}, f3[] = {
		{ "tick", 88 }, { "ppsfreq", 96 }, { "jitter", 104 }, { "shift", 112 },
		{ "stabil", 120 }, { "jitcnt", 128 }, { "calcnt", 136 }, { "errcnt", 144 },
		{ "stbcnt", 152 }, { "tai", 160 },
	};
	lt_sb_puts(SB(c), "{modes=");
	lt_put_flags(c, lt_x_adjtimex_modes, RD(uint32_t, d, 0));
	for (size_t k = 0; k < sizeof f1 / sizeof f1[0]; k++)
		lt_sb_printf(SB(c), ", %s=%lld", f1[k].name, (long long)RD(int64_t, d, f1[k].off));
	lt_sb_puts(SB(c), ", status=");
	lt_put_flags(c, lt_x_adjtimex_status, (uint32_t)RD(int32_t, d, 40));
	for (size_t k = 0; k < sizeof f2 / sizeof f2[0]; k++)
		lt_sb_printf(SB(c), ", %s=%lld", f2[k].name, (long long)RD(int64_t, d, f2[k].off));
	lt_sb_printf(SB(c), ", time={tv_sec=%lld, tv_usec=%llu}", (long long)RD(int64_t, d, 72),
		     (unsigned long long)RD(uint64_t, d, 80));
	/* shift and tai are ints */
	for (size_t k = 0; k < sizeof f3 / sizeof f3[0]; k++) {
		int is_int = f3[k].off == 112 || f3[k].off == 160;
		long long v = is_int ? RD(int32_t, d, f3[k].off) : (long long)RD(int64_t, d, f3[k].off);
		lt_sb_printf(SB(c), ", %s=%lld", f3[k].name, v);
	}
	lt_sb_putc(SB(c), '}');
}

/* adjtimex's and clock_adjtime's result: the clock's state, " (TIME_ERROR)" */
void lt_ret_adjtimex(struct lt_dctx *c)
{
	const char *n = lt_xlat_name(lt_x_adjtimex_state, (uint64_t)c->ev->ret);
	if (n)
		lt_sb_printf(SB(c), " (%s)", n);
}
