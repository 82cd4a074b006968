/* Real-time clock ioctls: type 'p' (strace's rtc.c). */
#include "decode_ioctl.h"
#include "xlat/gen.h"

/* x86-64 request numbers (the names print from report/xlat/tables.in's tables) */
enum {
	RTC_AIE_ON = 0x7001, RTC_AIE_OFF = 0x7002, RTC_UIE_ON = 0x7003, RTC_UIE_OFF = 0x7004,
	RTC_PIE_ON = 0x7005, RTC_PIE_OFF = 0x7006, RTC_WIE_ON = 0x700f, RTC_WIE_OFF = 0x7010,
	RTC_ALM_SET = 0x40247007, RTC_ALM_READ = 0x80247008, RTC_RD_TIME = 0x80247009,
	RTC_SET_TIME = 0x4024700a, RTC_IRQP_READ = 0x8008700b, RTC_IRQP_SET = 0x4008700c,
	RTC_EPOCH_READ = 0x8008700d, RTC_EPOCH_SET = 0x4008700e, RTC_WKALM_SET = 0x4028700f,
	RTC_WKALM_RD = 0x80287010, RTC_PLL_GET = 0x80207011, RTC_PLL_SET = 0x40207012,
	RTC_PARAM_GET = 0x40187013, RTC_PARAM_SET = 0x40187014, RTC_VL_READ = 0x80047013,
	RTC_VL_CLR = 0x7014,
	RTC_PARAM_FEATURES = 0, RTC_PARAM_CORRECTION = 1, RTC_PARAM_BACKUP_SWITCH_MODE = 2,
};

/* the RTC_FEATURE_* bit numbers, as strace names them */
static const struct lt_xlat lt_x_rtc_features[] = {
	{ 1, "1<<RTC_FEATURE_ALARM" }, { 2, "1<<RTC_FEATURE_ALARM_RES_MINUTE" },
	{ 4, "1<<RTC_FEATURE_NEED_WEEK_DAY" }, { 8, "1<<RTC_FEATURE_ALARM_RES_2S" },
	{ 0x10, "1<<RTC_FEATURE_UPDATE_INTERRUPT" }, { 0x20, "1<<RTC_FEATURE_CORRECTION" },
	{ 0x40, "1<<RTC_FEATURE_BACKUP_SWITCH_MODE" }, { 0x80, "1<<RTC_FEATURE_ALARM_WAKEUP_ONLY" },
	{ 0, 0 }
};

/* struct rtc_time: the broken-down fields past tm_year with -v only */
static void lt_rtc_time(struct lt_dctx *c, const uint8_t *d)
{
	static const char *const f[] = { "tm_sec", "tm_min", "tm_hour", "tm_mday", "tm_mon",
					 "tm_year", "tm_wday", "tm_yday", "tm_isdst" };
	int n = lt_verbose(c) ? 9 : 6;
	for (int k = 0; k < n; k++)
		lt_sb_printf(SB(c), "%s%s=%d", k ? ", " : "{", f[k], RD(int32_t, d, k * 4));
	lt_sb_puts(SB(c), n == 6 ? ", ...}" : "}");
}

static void lt_rtc_wkalrm(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{enabled=%u, pending=%u, time=", d[0], d[1]);
	lt_rtc_time(c, d + 4);
	lt_sb_putc(SB(c), '}');
}

static void lt_rtc_pll(struct lt_dctx *c, const uint8_t *d)
{
	static const char *const f[] = { "pll_ctrl", "pll_value", "pll_max", "pll_min",
					 "pll_posmult", "pll_negmult" };
	for (int k = 0; k < 6; k++)
		lt_sb_printf(SB(c), "%s%s=%d", k ? ", " : "{", f[k], RD(int32_t, d, k * 4));
	lt_sb_printf(SB(c), ", pll_clock=%lld}", (long long)RD(int64_t, d, 24));
}

static void lt_rtc_vl(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_putc(SB(c), '[');
	lt_put_flags_unk(c, lt_x_rtc_vl_flags, RD(uint32_t, d, 0), "RTC_VL_???");
	lt_sb_putc(SB(c), ']');
}

/* struct rtc_param's value, by the parameter */
static void lt_rtc_param_value(struct lt_dctx *c, const uint8_t *d)
{
	uint64_t v = RD(uint64_t, d, 8);
	switch (RD(uint64_t, d, 0)) {
	case RTC_PARAM_FEATURES:
		lt_sb_puts(SB(c), "uvalue=");
		lt_put_flags_unk(c, lt_x_rtc_features, v, "1<<RTC_FEATURE_???");
		break;
	case RTC_PARAM_CORRECTION:
		lt_sb_printf(SB(c), "svalue=%lld", (long long)v);
		break;
	case RTC_PARAM_BACKUP_SWITCH_MODE:
		lt_sb_puts(SB(c), "uvalue=");
		lt_put_xlat(c, lt_x_rtc_bsm, v, "RTC_BSM_???");
		break;
	default:
		lt_sb_printf(SB(c), "uvalue=%#llx", (unsigned long long)v);
	}
}

/* RTC_PARAM_GET/SET: the parameter (and the value set), then for a get on success " => "
 * the value got */
static void lt_rtc_param(struct lt_args *a, int get)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, 24);
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
		lt_done(a);
		return;
	}
	uint32_t pad = RD(uint32_t, d, 20);
	lt_sb_puts(SB(c), "{param=");
	lt_put_xlat(c, lt_x_rtc_param, RD(uint64_t, d, 0), "RTC_PARAM_???");
	if (!get) {
		lt_sb_puts(SB(c), ", ");
		lt_rtc_param_value(c, d);
	}
	lt_sb_printf(SB(c), ", index=%u", RD(uint32_t, d, 16));
	if (pad)
		lt_sb_printf(SB(c), ", __pad=%#x", pad);
	lt_sb_putc(SB(c), '}');
	if (get) {
		lt_sb_puts(SB(c), " => ");
		const uint8_t *o = lt_out(c, 2, 24);
		if (o) {
			lt_sb_putc(SB(c), '{');
			lt_rtc_param_value(c, o);
			if (RD(uint32_t, o, 20))
				lt_sb_printf(SB(c), ", __pad=%#x", RD(uint32_t, o, 20));
			lt_sb_putc(SB(c), '}');
		} else {
			lt_put_ptr(c, c->ev->args[2]);
		}
	}
	lt_done(a);
}

int lt_ioctl_rtc(struct lt_args *a, uint32_t req)
{
	struct lt_dctx *c = a->c;
	switch (req) {
	case RTC_ALM_READ: case RTC_RD_TIME:
		lt_ioctl_obj(a, 36, 1, lt_rtc_time);
		return 1;
	case RTC_ALM_SET: case RTC_SET_TIME:
		lt_ioctl_obj(a, 36, 0, lt_rtc_time);
		return 1;
	case RTC_IRQP_SET: case RTC_EPOCH_SET:
		lt_next(a);
		lt_put_udec(c, c->ev->args[2]);
		lt_done(a);
		return 1;
	case RTC_IRQP_READ: case RTC_EPOCH_READ:
		lt_ioctl_num(a, 1, 8, 0);
		return 1;
	case RTC_WKALM_RD: case RTC_WKALM_SET:
		lt_ioctl_obj(a, 40, req == RTC_WKALM_RD, lt_rtc_wkalrm);
		return 1;
	case RTC_PLL_GET: case RTC_PLL_SET:
		lt_ioctl_obj(a, 32, req == RTC_PLL_GET, lt_rtc_pll);
		return 1;
	case RTC_VL_READ:
		lt_ioctl_obj(a, 4, 1, lt_rtc_vl);
		return 1;
	case RTC_PARAM_GET: case RTC_PARAM_SET:
		lt_rtc_param(a, req == RTC_PARAM_GET);
		return 1;
	case RTC_AIE_ON: case RTC_AIE_OFF: case RTC_UIE_ON: case RTC_UIE_OFF: case RTC_PIE_ON:
	case RTC_PIE_OFF: case RTC_WIE_ON: case RTC_WIE_OFF: case RTC_VL_CLR:
		return 1;
	}
	return 0;
}
