/* Input event device ioctls: type 'E' (strace's evdev.c, evdev_mpers.c, and the numbers
 * ioctl.c names with their argument: EVIOCGNAME(len), EVIOCGBIT(ev, len),
 * EVIOCGABS(abs)...). What a read request returns prints only on success. */
#include "decode_ioctl.h"
#include "xlat/gen.h"

/* x86-64 request numbers (the names print from report/xlat/tables.in's tables) */
enum {
	EVIOCGVERSION = 0x80044501, EVIOCGID = 0x80084502, EVIOCGREP = 0x80084503,
	EVIOCSREP = 0x40084503, EVIOCGKEYCODE = 0x80084504, EVIOCGKEYCODE_V2 = 0x80284504,
	EVIOCSKEYCODE = 0x40084504, EVIOCSKEYCODE_V2 = 0x40284504, EVIOCSFF = 0x40304580,
	EVIOCRMFF = 0x40044581, EVIOCGEFFECTS = 0x80044584, EVIOCGRAB = 0x40044590,
	EVIOCREVOKE = 0x40044591, EVIOCSCLOCKID = 0x400445a0,
};

/* an event code in a request number: its name, or in hex ("0xe /" "* ABS_??? *" "/") */
static void lt_evdev_code(struct lt_dctx *c, const struct lt_xlat *t, uint32_t v,
			  const char *unk)
{
	const char *n = lt_xlat_name(t, v);
	if (n)
		lt_sb_puts(SB(c), n);
	else if (lt_st(c) == LT_XLAT_VERBOSE)
		lt_sb_printf(SB(c), "%#x", v);
	else
		lt_sb_printf(SB(c), "%#x /* %s */", v, unk);
}

int lt_evdev_number(struct lt_dctx *c, uint32_t req)
{
	static const char *const sized[] = {
		[0x06] = "EVIOCGNAME", [0x07] = "EVIOCGPHYS", [0x08] = "EVIOCGUNIQ",
		[0x09] = "EVIOCGPROP", [0x0a] = "EVIOCGMTSLOTS", [0x18] = "EVIOCGKEY",
		[0x19] = "EVIOCGLED", [0x1a] = "EVIOCGSND", [0x1b] = "EVIOCGSW",
	};
	uint32_t dir = req >> 30, nr = req & 0xff, size = (req >> 16) & 0x3fff;
	if (((req >> 8) & 0xff) != 'E')
		return 0;
	if (dir == 1 && nr >= 0xc0) {
		lt_sb_puts(SB(c), "EVIOCSABS(");
		lt_evdev_code(c, lt_x_evdev_abs, nr - 0xc0, "ABS_???");
	} else if (dir != 2) {
		return 0;
	} else if (nr >= 0x20 && nr < 0x40) {
		lt_sb_puts(SB(c), "EVIOCGBIT(");
		if (nr == 0x20)
			lt_sb_putc(SB(c), '0');
		else
			lt_evdev_code(c, lt_x_evdev_ev, nr - 0x20, "EV_???");
		lt_sb_printf(SB(c), ", %u", size);
	} else if (nr >= 0x40 && nr < 0x80) {
		lt_sb_puts(SB(c), "EVIOCGABS(");
		lt_evdev_code(c, lt_x_evdev_abs, nr - 0x40, "ABS_???");
	} else if (nr < sizeof sized / sizeof sized[0] && sized[nr]) {
		lt_sb_printf(SB(c), "%s(%u", sized[nr], size);
	} else {
		return 0;
	}
	lt_sb_putc(SB(c), ')');
	return 1;
}

/* [N, KEY_...]: a scancode and its keycode */
static void lt_evdev_keycode(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "[%u, ", RD(uint32_t, d, 0));
	lt_put_xlat(c, lt_x_evdev_keycode, RD(uint32_t, d, 4), "KEY_???");
	lt_sb_putc(SB(c), ']');
}

/* struct input_keymap_entry */
static void lt_evdev_keymap(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{flags=%u, len=%u, ", d[0], d[1]);
	if (!lt_verbose(c)) {
		lt_sb_puts(SB(c), "...}");
		return;
	}
	lt_sb_printf(SB(c), "index=%u, keycode=", RD(uint16_t, d, 2));
	lt_put_xlat(c, lt_x_evdev_keycode, RD(uint32_t, d, 4), "KEY_???");
	lt_sb_puts(SB(c), ", scancode=[");
	for (int k = 0; k < 32; k++)
		lt_sb_printf(SB(c), k ? ", %#x" : "%#x", d[8 + k]);
	lt_sb_puts(SB(c), "]}");
}

static void lt_evdev_pair(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "[%u, %u]", RD(uint32_t, d, 0), RD(uint32_t, d, 4));
}

static void lt_evdev_id(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{bustype=%u, vendor=%u, product=%u, version=%u}", RD(uint16_t, d, 0),
		     RD(uint16_t, d, 2), RD(uint16_t, d, 4), RD(uint16_t, d, 6));
}

static void lt_evdev_version(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "[%#x]", RD(uint32_t, d, 0));
}

static void lt_ff_envelope(struct lt_dctx *c, const uint8_t *p)
{
	lt_sb_printf(SB(c), "envelope={attack_length=%u, attack_level=%u, fade_length=%u, "
		     "fade_level=%#x}", RD(uint16_t, p, 0), RD(uint16_t, p, 2), RD(uint16_t, p, 4),
		     RD(uint16_t, p, 6));
}

/* the union of struct ff_effect, by its type */
static void lt_ff_union(struct lt_dctx *c, uint16_t type, const uint8_t *u)
{
	switch (type) {
	case 0x52: /* FF_CONSTANT */
		lt_sb_printf(SB(c), ", constant={level=%d, ", RD(int16_t, u, 0));
		lt_ff_envelope(c, u + 2);
		break;
	case 0x57: /* FF_RAMP */
		lt_sb_printf(SB(c), ", ramp={start_level=%d, end_level=%d, ", RD(int16_t, u, 0),
			     RD(int16_t, u, 2));
		lt_ff_envelope(c, u + 4);
		break;
	case 0x51: /* FF_PERIODIC */
		lt_sb_printf(SB(c), ", periodic={waveform=%u, period=%u, magnitude=%d, offset=%d, "
			     "phase=%u, ", RD(uint16_t, u, 0), RD(uint16_t, u, 2), RD(int16_t, u, 4),
			     RD(int16_t, u, 6), RD(uint16_t, u, 8));
		lt_ff_envelope(c, u + 10);
		lt_sb_printf(SB(c), ", custom_len=%u, custom_data=", RD(uint32_t, u, 20));
		lt_put_ptr(c, RD(uint64_t, u, 24));
		break;
	case 0x50: /* FF_RUMBLE */
		lt_sb_printf(SB(c), ", rumble={strong_magnitude=%u, weak_magnitude=%u",
			     RD(uint16_t, u, 0), RD(uint16_t, u, 2));
		break;
	default:
		return;
	}
	lt_sb_putc(SB(c), '}');
}

/* struct ff_effect */
static void lt_ff_effect(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{type=");
	lt_put_xlat(c, lt_x_evdev_ff_types, RD(uint16_t, d, 0), "FF_???");
	lt_sb_printf(SB(c), ", id=%d, direction=%u, ", RD(int16_t, d, 2), RD(uint16_t, d, 4));
	if (!lt_verbose(c)) {
		lt_sb_puts(SB(c), "...}");
		return;
	}
	lt_sb_printf(SB(c), "trigger={button=%u, interval=%u}, replay={length=%u, delay=%u}",
		     RD(uint16_t, d, 6), RD(uint16_t, d, 8), RD(uint16_t, d, 10),
		     RD(uint16_t, d, 12));
	lt_ff_union(c, RD(uint16_t, d, 0), d + 16);
	lt_sb_putc(SB(c), '}');
}

/* struct input_absinfo, as much of it as the request's size covers */
static void lt_evdev_abs(struct lt_args *a, uint32_t size, int out)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = size >= 20 ? (out ? lt_out(c, 2, 20) : lt_in(c, 2, 20)) : NULL;
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
	} else {
		lt_sb_printf(SB(c), "{value=%u, minimum=%u, ", RD(uint32_t, d, 0), RD(uint32_t, d, 4));
		if (!lt_verbose(c)) {
			lt_sb_puts(SB(c), "...}");
		} else {
			lt_sb_printf(SB(c), "maximum=%u, fuzz=%u, flat=%u", RD(uint32_t, d, 8),
				     RD(uint32_t, d, 12), RD(uint32_t, d, 16));
			const uint8_t *r = size >= 24 ? lt_cap_get(c, 2, LT_CAP_SUB_SELF, 24, NULL)
						      : NULL;
			if (r)
				lt_sb_printf(SB(c), ", resolution=%u", RD(uint32_t, r, 20));
			lt_sb_puts(SB(c), size > 20 && size != 24 ? ", ...}" : "}");
		}
	}
	lt_done(a);
}

static int lt_evdev_write(struct lt_args *a, uint32_t req)
{
	struct lt_dctx *c = a->c;
	uint64_t v = c->ev->args[2];
	switch (req) {
	case EVIOCSREP:
		lt_ioctl_obj(a, 8, 0, lt_evdev_pair);
		return 1;
	case EVIOCSKEYCODE:
		lt_ioctl_obj(a, 8, 0, lt_evdev_keycode);
		return 1;
	case EVIOCSKEYCODE_V2:
		lt_ioctl_obj(a, 40, 0, lt_evdev_keymap);
		return 1;
	case EVIOCSFF:
		lt_ioctl_obj(a, 48, 0, lt_ff_effect);
		return 1;
	case EVIOCRMFF:
		lt_next(a);
		lt_put_dec(c, (int32_t)v);
		lt_done(a);
		return 1;
	case EVIOCGRAB: case EVIOCREVOKE:
		lt_next(a);
		lt_put_udec(c, v);
		lt_done(a);
		return 1;
	case EVIOCSCLOCKID:
		lt_ioctl_num(a, 0, 4, 0);
		return 1;
	}
	if ((req & 0xff) >= 0xc0) { /* EVIOCSABS */
		lt_evdev_abs(a, (req >> 16) & 0x3fff, 0);
		return 1;
	}
	lt_next(a);
	lt_put_ptr(c, v);
	lt_done(a);
	return 1;
}

static int lt_evdev_read(struct lt_args *a, uint32_t req)
{
	struct lt_dctx *c = a->c;
	uint32_t nr = req & 0xff;
	switch (req) {
	case EVIOCGVERSION:
		lt_ioctl_obj(a, 4, 1, lt_evdev_version);
		return 1;
	case EVIOCGEFFECTS:
		lt_ioctl_num(a, 1, 4, 0);
		return 1;
	case EVIOCGID:
		lt_ioctl_obj(a, 8, 1, lt_evdev_id);
		return 1;
	case EVIOCGREP:
		lt_ioctl_obj(a, 8, 1, lt_evdev_pair);
		return 1;
	case EVIOCGKEYCODE:
		lt_ioctl_obj(a, 8, 1, lt_evdev_keycode);
		return 1;
	case EVIOCGKEYCODE_V2:
		lt_ioctl_obj(a, 40, 1, lt_evdev_keymap);
		return 1;
	}
	if (nr >= 0x40 && nr < 0x80) { /* EVIOCGABS */
		lt_evdev_abs(a, (req >> 16) & 0x3fff, 1);
		return 1;
	}
	lt_next(a);
	if ((nr == 6 || nr == 7 || nr == 8) && lt_ok(c)) /* EVIOCGNAME, PHYS, UNIQ */
		lt_put_buf(c, 2, LT_CAP_SUB_SELF, c->ev->args[2], (uint64_t)c->ev->ret);
	else /* bit sets and slots are not decoded yet */
		lt_put_ptr(c, c->ev->args[2]);
	lt_done(a);
	return 1;
}

int lt_ioctl_evdev(struct lt_args *a, uint32_t req)
{
	switch (req >> 30) {
	case 1:
		return lt_evdev_write(a, req);
	case 2:
		return lt_evdev_read(a, req);
	}
	return 0;
}
