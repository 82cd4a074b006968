/* PTP hardware clock ioctls: type '=' (strace's ptp.c). The "2" requests are the same
 * structures with their reserved words checked: those print when not zero. */
#include "decode_ioctl.h"
#include "xlat/gen.h"

/* x86-64 request numbers (the names print from report/xlat/tables.in's tables) */
enum {
	PTP_CLOCK_GETCAPS = 0x80503d01, PTP_EXTTS_REQUEST = 0x40103d02,
	PTP_PEROUT_REQUEST = 0x40383d03, PTP_ENABLE_PPS = 0x40043d04, PTP_SYS_OFFSET = 0x43403d05,
	PTP_PIN_GETFUNC = 0xc0603d06, PTP_PIN_SETFUNC = 0x40603d07,
	PTP_SYS_OFFSET_PRECISE = 0xc0403d08, PTP_SYS_OFFSET_EXTENDED = 0xc4c03d09,
	PTP_CLOCK_GETCAPS2 = 0x80503d0a, PTP_EXTTS_REQUEST2 = 0x40103d0b,
	PTP_PEROUT_REQUEST2 = 0x40383d0c, PTP_ENABLE_PPS2 = 0x40043d0d,
	PTP_SYS_OFFSET2 = 0x43403d0e, PTP_PIN_GETFUNC2 = 0xc0603d0f,
	PTP_PIN_SETFUNC2 = 0x40603d10, PTP_SYS_OFFSET_PRECISE2 = 0xc0403d11,
	PTP_SYS_OFFSET_EXTENDED2 = 0xc4c03d12,
	PTP_PEROUT_DUTY_CYCLE = 2, PTP_PEROUT_PHASE = 4, PTP_MAX_SAMPLES = 25,
};

/* struct ptp_clock_time; a point in time (rtc) gets its date, as strace dates one */
static void lt_ptp_time(struct lt_dctx *c, const char *name, const uint8_t *p, int rtc)
{
	int64_t sec = RD(int64_t, p, 0);
	uint32_t nsec = RD(uint32_t, p, 8), rsv = RD(uint32_t, p, 12);
	if (name)
		lt_sb_printf(SB(c), "%s=", name);
	lt_sb_printf(SB(c), "{sec=%lld, nsec=%u", (long long)sec, nsec);
	if (rsv)
		lt_sb_printf(SB(c), ", reserved=%#x", rsv);
	lt_sb_putc(SB(c), '}');
	if (rtc && lt_st(c) != LT_XLAT_RAW && (sec || nsec) && nsec < 1000000000)
		lt_put_time_comment(c, sec, nsec);
}

static void lt_ptp_caps(struct lt_dctx *c, const uint8_t *d)
{
	static const char *const f[] = { "max_adj", "n_alarm", "n_ext_ts", "n_per_out", "pps",
					 "n_pins", "cross_timestamping", "adjust_phase" };
	for (int k = 0; k < 8; k++)
		lt_sb_printf(SB(c), "%s%s=%d", k ? ", " : "{", f[k], RD(int32_t, d, k * 4));
	lt_ioctl_reserved(c, "rsv", d + 32, 12);
	lt_sb_putc(SB(c), '}');
}

static void lt_ptp_extts(struct lt_dctx *c, const uint8_t *d, int v2)
{
	lt_sb_printf(SB(c), "{index=%u, flags=", RD(uint32_t, d, 0));
	lt_put_flags_unk(c, lt_x_ptp_extts_flags, RD(uint32_t, d, 4), "PTP_???");
	if (v2)
		lt_ioctl_reserved(c, "rsv", d + 8, 2);
	lt_sb_putc(SB(c), '}');
}
static void lt_ptp_extts1(struct lt_dctx *c, const uint8_t *d) { lt_ptp_extts(c, d, 0); }
static void lt_ptp_extts2(struct lt_dctx *c, const uint8_t *d) { lt_ptp_extts(c, d, 1); }

static void lt_ptp_perout(struct lt_dctx *c, const uint8_t *d, int v2)
{
	uint32_t flags = RD(uint32_t, d, 36);
	lt_sb_putc(SB(c), '{');
	if (flags & PTP_PEROUT_PHASE)
		lt_ptp_time(c, "phase", d, 0);
	else
		lt_ptp_time(c, "start", d, 1);
	lt_sb_puts(SB(c), ", ");
	lt_ptp_time(c, "period", d + 16, 0);
	lt_sb_printf(SB(c), ", index=%u, flags=", RD(uint32_t, d, 32));
	lt_put_flags_unk(c, lt_x_ptp_perout_flags, flags, "PTP_PEROUT_???");
	if (flags & PTP_PEROUT_DUTY_CYCLE) {
		lt_sb_puts(SB(c), ", ");
		lt_ptp_time(c, "on", d + 40, 0);
	} else if (v2) {
		lt_ioctl_reserved(c, "rsv", d + 40, 4);
	}
	lt_sb_putc(SB(c), '}');
}
static void lt_ptp_perout1(struct lt_dctx *c, const uint8_t *d) { lt_ptp_perout(c, d, 0); }
static void lt_ptp_perout2(struct lt_dctx *c, const uint8_t *d) { lt_ptp_perout(c, d, 1); }

static void lt_ptp_precise(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_putc(SB(c), '{');
	lt_ptp_time(c, "device", d, 1);
	lt_sb_puts(SB(c), ", ");
	lt_ptp_time(c, "sys_realtime", d + 16, 1);
	lt_sb_puts(SB(c), ", ");
	lt_ptp_time(c, "sys_monoraw", d + 32, 0);
	lt_ioctl_reserved(c, "rsv", d + 48, 4);
	lt_sb_putc(SB(c), '}');
}

/* PTP_SYS_OFFSET(_EXTENDED): the samples asked for, then on success the times measured:
 * 2n+1 of them, or n triplets; "..." past -s (unless -v) or past what was captured */
static void lt_ptp_sys_offset(struct lt_args *a, int ext)
{
	struct lt_dctx *c = a->c;
	size_t len = 0, size = ext ? 1216 : 832; /* strace reads the structure whole */
	const uint8_t *d = lt_in(c, 2, size);
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
		lt_done(a);
		return;
	}
	uint32_t n = RD(uint32_t, d, 0);
	lt_sb_printf(SB(c), "{n_samples=%u", n);
	lt_ioctl_reserved(c, "rsv", d + 4, 3);
	const uint8_t *o = lt_ok(c) ? lt_cap_get(c, 2, LT_CAP_SUB_SELF, 16, &len) : NULL;
	if (o) {
		uint32_t m = (n < PTP_MAX_SAMPLES ? n : PTP_MAX_SAMPLES), es = ext ? 48 : 16;
		uint64_t cnt = ext ? m : 2ull * m + 1;
		lt_sb_puts(SB(c), ", ts=[");
		for (uint64_t k = 0; k < cnt; k++) {
			if (k)
				lt_sb_puts(SB(c), ", ");
			if ((k >= c->strsize && !lt_verbose(c)) || 16 + (k + 1) * es > len) {
				lt_sb_puts(SB(c), "...");
				break;
			}
			const uint8_t *t = o + 16 + k * es;
			if (ext)
				lt_sb_putc(SB(c), '[');
			for (int j = 0; j < (ext ? 3 : 1); j++) {
				if (j)
					lt_sb_puts(SB(c), ", ");
				lt_ptp_time(c, NULL, t + j * 16, 1);
			}
			if (ext)
				lt_sb_putc(SB(c), ']');
		}
		lt_sb_putc(SB(c), ']');
	}
	lt_sb_putc(SB(c), '}');
	lt_done(a);
}

/* struct ptp_pin_desc: the index asked about, then what the pin does (as got or set) */
static void lt_ptp_pin(struct lt_args *a, uint32_t req)
{
	struct lt_dctx *c = a->c;
	int get = req == PTP_PIN_GETFUNC || req == PTP_PIN_GETFUNC2;
	const uint8_t *d = lt_in(c, 2, 96), *o = d;
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
		lt_done(a);
		return;
	}
	lt_sb_printf(SB(c), "{index=%u", RD(uint32_t, d, 64));
	if (req == PTP_PIN_GETFUNC2)
		lt_ioctl_reserved(c, "rsv", d + 76, 5);
	if (get)
		o = lt_out(c, 2, 96);
	if (o) {
		if (get) {
			lt_sb_puts(SB(c), ", name=");
			lt_ioctl_cstring(c, o, 64);
		}
		lt_sb_puts(SB(c), ", func=");
		lt_put_xlat(c, lt_x_ptp_pin_funcs, RD(uint32_t, o, 68), "PTP_PF_???");
		lt_sb_printf(SB(c), ", chan=%u", RD(uint32_t, o, 72));
		if (req == PTP_PIN_SETFUNC2)
			lt_ioctl_reserved(c, "rsv", o + 76, 5);
	}
	lt_sb_putc(SB(c), '}');
	lt_done(a);
}

int lt_ioctl_ptp(struct lt_args *a, uint32_t req)
{
	switch (req) {
	case PTP_CLOCK_GETCAPS: case PTP_CLOCK_GETCAPS2:
		lt_ioctl_obj(a, 80, 1, lt_ptp_caps);
		return 1;
	case PTP_EXTTS_REQUEST:
		lt_ioctl_obj(a, 16, 0, lt_ptp_extts1);
		return 1;
	case PTP_EXTTS_REQUEST2:
		lt_ioctl_obj(a, 16, 0, lt_ptp_extts2);
		return 1;
	case PTP_PEROUT_REQUEST:
		lt_ioctl_obj(a, 56, 0, lt_ptp_perout1);
		return 1;
	case PTP_PEROUT_REQUEST2:
		lt_ioctl_obj(a, 56, 0, lt_ptp_perout2);
		return 1;
	case PTP_ENABLE_PPS: case PTP_ENABLE_PPS2:
		lt_next(a);
		lt_put_hex(a->c, a->c->ev->args[2]);
		lt_done(a);
		return 1;
	case PTP_SYS_OFFSET: case PTP_SYS_OFFSET2:
		lt_ptp_sys_offset(a, 0);
		return 1;
	case PTP_SYS_OFFSET_EXTENDED: case PTP_SYS_OFFSET_EXTENDED2:
		lt_ptp_sys_offset(a, 1);
		return 1;
	case PTP_PIN_GETFUNC: case PTP_PIN_GETFUNC2: case PTP_PIN_SETFUNC: case PTP_PIN_SETFUNC2:
		lt_ptp_pin(a, req);
		return 1;
	case PTP_SYS_OFFSET_PRECISE: case PTP_SYS_OFFSET_PRECISE2:
		lt_ioctl_obj(a, 64, 1, lt_ptp_precise);
		return 1;
	}
	return 0;
}
