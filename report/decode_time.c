/* Time: timespec and timeval (with strace's date comments), itimers, utimes' pairs,
 * times(2) and time(2) (strace's time.c). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "lt_capture.h"
#include "decode_struct.h"
#include "xlat/gen.h"

void lt_put_time_comment(struct lt_dctx *c, int64_t sec, uint64_t nsec)
{
	time_t t = (time_t)sec;
	struct tm tm;
	char buf[64], z[16];
	if (!localtime_r(&t, &tm) || !strftime(buf, sizeof buf, "%FT%T", &tm))
		return;
	strftime(z, sizeof z, "%z", &tm);
	if (nsec)
		lt_sb_printf(SB(c), " /* %s.%09llu%s */", buf, (unsigned long long)nsec, z);
	else
		lt_sb_printf(SB(c), " /* %s%s */", buf, z);
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
	const uint8_t *d;
	if (kind == LT_K_TIMEVAL_OUT) {
		lt_put_timespec_at(c, i, lt_out(c, i, 16), "tv_usec");
		return;
	}
	/* a sleep's remainder is only written when it was interrupted */
	const char *nm = c->se->name;
	int sleep = !strcmp(nm, "nanosleep") || !strcmp(nm, "clock_nanosleep");
	d = sleep ? (c->failed ? lt_cap_get(c, i, LT_CAP_SUB_SELF, 16, NULL) : NULL)
		  : lt_out(c, i, 16);
	lt_put_timespec_at(c, i, d, "tv_nsec");
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

/* utimensat's and utimes' two times; utimensat's may be UTIME_NOW or UTIME_OMIT */
static void lt_put_time_pair(struct lt_dctx *c, const uint8_t *d, int timespec)
{
	const char *fr = timespec ? "tv_nsec" : "tv_usec";
	lt_sb_putc(SB(c), '[');
	for (int k = 0; k < 2; k++) {
		int64_t ns = RD(int64_t, d, 16 * k + 8);
		if (k)
			lt_sb_puts(SB(c), ", ");
		if (timespec && ns == 0x3fffffff)
			lt_sb_puts(SB(c), "UTIME_NOW");
		else if (timespec && ns == 0x3ffffffe)
			lt_sb_puts(SB(c), "UTIME_OMIT");
		else {
			lt_put_timespec_data(c, d + 16 * k, fr);
			if (timespec)
				lt_put_time_comment(c, RD(int64_t, d, 16 * k), (uint64_t)ns);
		}
	}
	lt_sb_putc(SB(c), ']');
}

void lt_put_timespec_pair(struct lt_dctx *c, const uint8_t *d) { lt_put_time_pair(c, d, 1); }

void lt_put_timeval_pair(struct lt_dctx *c, const uint8_t *d) { lt_put_time_pair(c, d, 0); }

void lt_put_tms(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{tms_utime=%lld, tms_stime=%lld, tms_cutime=%lld, tms_cstime=%lld}",
		     (long long)RD(int64_t, d, 0), (long long)RD(int64_t, d, 8),
		     (long long)RD(int64_t, d, 16), (long long)RD(int64_t, d, 24));
}

void lt_put_time_out(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "[%lld]", (long long)RD(int64_t, d, 0));
}
