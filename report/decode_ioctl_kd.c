/* Console and keyboard ioctls: type 'K' (strace's kd_ioctl.c). Most requests are old
 * numbers with no size in them: lib/lt_capture.c's lt_req_ioctl_kd copies their
 * arguments. */
#include <stdio.h>

#include "decode_ioctl.h"
#include "xlat/gen.h"

/* x86-64 request numbers (the names print from report/xlat/tables.in's ioctl_kd) */
enum {
	KIOCSOUND = 0x4b2f, KDMKTONE = 0x4b30, KDGETLED = 0x4b31, KDSETLED = 0x4b32,
	KDGKBTYPE = 0x4b33, KDADDIO = 0x4b34, KDDELIO = 0x4b35, KDENABIO = 0x4b36,
	KDDISABIO = 0x4b37, KDSETMODE = 0x4b3a, KDGETMODE = 0x4b3b, KDMAPDISP = 0x4b3c,
	KDUNMAPDISP = 0x4b3d, GIO_SCRNMAP = 0x4b40, PIO_SCRNMAP = 0x4b41, KDGKBMODE = 0x4b44,
	KDSKBMODE = 0x4b45, KDGKBENT = 0x4b46, KDSKBENT = 0x4b47, KDGKBSENT = 0x4b48,
	KDSKBSENT = 0x4b49, KDGKBDIACR = 0x4b4a, KDSKBDIACR = 0x4b4b, KDGETKEYCODE = 0x4b4c,
	KDSETKEYCODE = 0x4b4d, KDSIGACCEPT = 0x4b4e, KDKBDREP = 0x4b52, GIO_FONT = 0x4b60,
	PIO_FONT = 0x4b61, KDGKBMETA = 0x4b62, KDSKBMETA = 0x4b63, KDGKBLED = 0x4b64,
	KDSKBLED = 0x4b65, PIO_UNIMAPCLR = 0x4b68, GIO_UNISCRNMAP = 0x4b69,
	PIO_UNISCRNMAP = 0x4b6a, PIO_FONTRESET = 0x4b6d, GIO_CMAP = 0x4b70, PIO_CMAP = 0x4b71,
	KDGKBDIACRUC = 0x4bfa, KDSKBDIACRUC = 0x4bfb, GIO_UNIMAP = 0x4b66, PIO_UNIMAP = 0x4b67,
	GIO_FONTX = 0x4b6b, PIO_FONTX = 0x4b6c, KDFONTOP = 0x4b72,
	KD_FONT_OP_SET = 0, KD_FONT_OP_GET = 1, KD_FONT_OP_SET_DEFAULT = 2, KD_FONT_OP_COPY = 3,
	KD_PIT_TICK_RATE = 1193182, KD_GPFIRST = 0x3b4, KD_GPLAST = 0x3df,
	KD_UNI_DIRECT_BASE = 0xf000, KD_UNI_DIRECT_MASK = 0x1ff, KD_MAX_DIACR = 256,
};

/* strace's kd_* value tables (linux/kd.h and linux/keyboard.h name them as macros with
 * shifts the generator cannot see) */
static const struct lt_xlat lt_x_kd_led[] = {
	{ 1, "LED_SCR" }, { 2, "LED_NUM" }, { 4, "LED_CAP" }, { 0, 0 }
};
static const struct lt_xlat lt_x_kd_default_led[] = {
	{ 1, "LED_SCR" }, { 2, "LED_NUM" }, { 4, "LED_CAP" },
	{ 0x10, "LED_SCR<<4" }, { 0x20, "LED_NUM<<4" }, { 0x40, "LED_CAP<<4" }, { 0, 0 }
};
static const struct lt_xlat lt_x_kd_kbd_types[] = {
	{ 1, "KB_84" }, { 2, "KB_101" }, { 3, "KB_OTHER" }, { 0, 0 }
};
static const struct lt_xlat lt_x_kd_modes[] = {
	{ 0, "KD_TEXT" }, { 1, "KD_GRAPHICS" }, { 2, "KD_TEXT0" }, { 3, "KD_TEXT1" }, { 0, 0 }
};
static const struct lt_xlat lt_x_kd_kbd_modes[] = {
	{ 0, "K_RAW" }, { 1, "K_XLATE" }, { 2, "K_MEDIUMRAW" }, { 3, "K_UNICODE" },
	{ 4, "K_OFF" }, { 0, 0 }
};
static const struct lt_xlat lt_x_kd_meta[] = {
	{ 3, "K_METABIT" }, { 4, "K_ESCPREFIX" }, { 0, 0 }
};
static const struct lt_xlat lt_x_kd_key_tables[] = {
	{ 0, "K_NORMTAB" }, { 1, "K_SHIFTTAB" }, { 2, "K_ALTTAB" }, { 3, "K_ALTSHIFTTAB" },
	{ 0, 0 }
};
static const struct lt_xlat lt_x_kd_keymap_flags[] = {
	{ 1, "1<<KG_SHIFT" }, { 2, "1<<KG_ALTGR" }, { 4, "1<<KG_CTRL" }, { 8, "1<<KG_ALT" },
	{ 0x10, "1<<KG_SHIFTL" }, { 0x20, "1<<KG_SHIFTR" }, { 0x40, "1<<KG_CTRLL" },
	{ 0x80, "1<<KG_CTRLR" }, { 0, 0 }
};
static const struct lt_xlat lt_x_kd_font_ops[] = {
	{ 0, "KD_FONT_OP_SET" }, { 1, "KD_FONT_OP_GET" }, { 2, "KD_FONT_OP_SET_DEFAULT" },
	{ 3, "KD_FONT_OP_COPY" }, { 0, 0 }
};
static const struct lt_xlat lt_x_kd_font_flags[] = {
	{ 1, "KD_FONT_FLAG_DONT_RECALC" }, { 0x80000000u, "KD_FONT_FLAG_OLD" }, { 0, 0 }
};
static const char *const lt_kd_key_types[] = {
	"KT_LATIN", "KT_FN", "KT_SPEC", "KT_PAD", "KT_DEAD", "KT_CONS", "KT_CUR", "KT_SHIFT",
	"KT_META", "KT_ASCII", "KT_LOCK", "KT_LETTER", "KT_SLOCK", "KT_DEAD2", "KT_BRL",
};

/* " / * text * /" unless -Xraw */
static void lt_kd_comment(struct lt_dctx *c, const char *text)
{
	if (lt_st(c) != LT_XLAT_RAW)
		lt_sb_printf(SB(c), " /* %s */", text);
}

/* strace's printxval_d: an int, named, unknown values in decimal with the comment unk */
static void lt_kd_xval_d(struct lt_dctx *c, const struct lt_xlat *t, uint32_t v,
			 const char *unk)
{
	const char *name = lt_xlat_name(t, v);
	if (!name || lt_st(c) != LT_XLAT_ABBREV)
		lt_put_dec(c, (int32_t)v);
	if (!name)
		lt_kd_comment(c, unk);
	else if (lt_st(c) == LT_XLAT_ABBREV)
		lt_sb_puts(SB(c), name);
	else
		lt_kd_comment(c, name);
}

/* strace's print_char with SCF_QUOTES | SCF_ESC_WS */
static void lt_kd_char(struct lt_dctx *c, uint8_t ch)
{
	if (ch >= 0x20 && ch < 0x7f)
		lt_sb_printf(SB(c), ch == '\'' || ch == '\\' ? "'\\%c'" : "'%c'", ch);
	else if (ch >= '\t' && ch <= '\r')
		lt_sb_printf(SB(c), "'\\%c'", "tnvfr"[ch - '\t']);
	else
		lt_sb_printf(SB(c), "'\\x%02x'", ch);
}

/* KIOCSOUND: the PIT divisor, and the frequency it makes */
static void lt_kd_sound(struct lt_dctx *c, uint64_t arg)
{
	uint32_t freq = arg ? (uint32_t)(KD_PIT_TICK_RATE / arg) : 0;
	char buf[32];
	lt_put_udec(c, arg);
	if (freq)
		snprintf(buf, sizeof buf, "%u Hz", freq);
	lt_kd_comment(c, freq ? buf : "off");
}

/* KDMKTONE: ticks<<16|divisor */
static void lt_kd_tone(struct lt_dctx *c, uint32_t arg)
{
	uint32_t ticks = arg >> 16, count = arg & 0xffff;
	uint32_t freq = ticks && count ? KD_PIT_TICK_RATE / count : 0;
	char buf[48];
	if (ticks)
		lt_sb_printf(SB(c), "%u<<16|", ticks);
	lt_sb_printf(SB(c), "%u", count);
	if (freq)
		snprintf(buf, sizeof buf, "%u Hz, %u ms", freq, ticks);
	lt_kd_comment(c, freq ? buf : "off");
}

static void lt_kd_io(struct lt_dctx *c, uint64_t arg)
{
	char buf[48];
	lt_put_hex(c, arg);
	if (arg >= KD_GPFIRST && arg <= KD_GPLAST) {
		snprintf(buf, sizeof buf, "GPFIRST + %llu", (unsigned long long)(arg - KD_GPFIRST));
		lt_kd_comment(c, buf);
	}
}

static void lt_kd_led(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_putc(SB(c), '[');
	lt_put_flags_unk(c, lt_x_kd_led, d[0], "LED_???");
	lt_sb_putc(SB(c), ']');
}

static void lt_kd_default_led(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_putc(SB(c), '[');
	lt_put_flags_unk(c, lt_x_kd_default_led, d[0], "LED_???");
	lt_sb_putc(SB(c), ']');
}

static void lt_kd_kb_type(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_putc(SB(c), '[');
	lt_put_xlat(c, lt_x_kd_kbd_types, d[0], "KB_???");
	lt_sb_putc(SB(c), ']');
}

static void lt_kd_mode(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_putc(SB(c), '[');
	lt_put_xlat(c, lt_x_kd_modes, RD(uint32_t, d, 0), "KD_???");
	lt_sb_putc(SB(c), ']');
}

static void lt_kd_kbd_mode(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_putc(SB(c), '[');
	lt_kd_xval_d(c, lt_x_kd_kbd_modes, RD(uint32_t, d, 0), "K_???");
	lt_sb_putc(SB(c), ']');
}

static void lt_kd_meta(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_putc(SB(c), '[');
	lt_put_xlat(c, lt_x_kd_meta, RD(uint32_t, d, 0), "K_???");
	lt_sb_putc(SB(c), ']');
}

static void lt_kd_repeat(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{delay=%d, period=%d}", RD(int32_t, d, 0), RD(int32_t, d, 4));
}

static void lt_kd_unimapinit(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{advised_hashsize=%u, advised_hashstep=%u, advised_hashlevel=%u}",
		     RD(uint16_t, d, 0), RD(uint16_t, d, 2), RD(uint16_t, d, 4));
}

/* a byte string of size bytes in hex (strace's printstr_ex with QUOTE_FORCE_HEX); a get
 * request's only on success */
static void lt_kd_bytes(struct lt_args *a, uint64_t size, int get)
{
	struct lt_dctx *c = a->c;
	lt_next(a);
	if (get && !lt_ok(c)) {
		lt_put_ptr(c, c->ev->args[2]);
	} else {
		int fh = c->force_hex;
		c->force_hex = 1;
		lt_put_buf(c, 2, LT_CAP_SUB_SELF, c->ev->args[2], size);
		c->force_hex = fh;
	}
	lt_done(a);
}

/* an unsigned short of GIO/PIO_UNISCRNMAP: glyphs the font maps directly by offset */
static int lt_kd_scrmap_elem(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o)
{
	(void)k, (void)o;
	uint16_t v = RD(uint16_t, e, 0);
	int direct = (v & ~KD_UNI_DIRECT_MASK) == KD_UNI_DIRECT_BASE;
	enum lt_xlat_style st = lt_st(c);
	char buf[32];
	if (st != LT_XLAT_ABBREV || !direct)
		lt_put_hex(c, v);
	if (st == LT_XLAT_RAW || !direct)
		return 1;
	snprintf(buf, sizeof buf, "UNI_DIRECT_BASE+%#x", v & KD_UNI_DIRECT_MASK);
	if (st == LT_XLAT_VERBOSE)
		lt_kd_comment(c, buf);
	else
		lt_sb_puts(SB(c), buf);
	return 1;
}

static void lt_kd_uni_scrnmap(struct lt_args *a, int get)
{
	struct lt_dctx *c = a->c;
	lt_next(a);
	if (get && !lt_ok(c))
		lt_put_ptr(c, c->ev->args[2]);
	else
		lt_put_array(c, 2, LT_CAP_SUB_SELF, c->ev->args[2], 256, 2, lt_kd_scrmap_elem, NULL);
	lt_done(a);
}

/* kb_value's comment: the key's name, or K(type, value) */
static void lt_kd_key(struct lt_dctx *c, uint16_t v)
{
	uint8_t typ = v >> 8, val = v & 0xff;
	const char *name = lt_xlat_name(lt_x_kd_keys, v);
	if (lt_st(c) == LT_XLAT_RAW)
		return;
	if (name && typ != 0 && typ != 5 && typ != 8 && typ != 11 && typ != 13) {
		lt_kd_comment(c, name);
		return;
	}
	lt_sb_puts(SB(c), " /* K(");
	if (typ < sizeof lt_kd_key_types / sizeof lt_kd_key_types[0])
		lt_sb_puts(SB(c), lt_kd_key_types[typ]);
	else
		lt_put_hex(c, typ);
	lt_sb_puts(SB(c), ", ");
	if (typ == 0 || typ == 8 || typ == 11 || typ == 13) /* LATIN, META, LETTER, DEAD2 */
		lt_kd_char(c, val);
	else
		lt_put_hex(c, val);
	lt_sb_puts(SB(c), ") */");
}

/* kb_func: the function key's number, KVAL(K_F1) */
static void lt_kd_kval(struct lt_dctx *c, uint8_t v)
{
	const char *name = lt_xlat_name(lt_x_kd_keys, 0x100u | v); /* K(KT_FN, v) */
	char buf[32];
	struct lt_xlat t[2] = { { v, buf }, { 0, 0 } };
	snprintf(buf, sizeof buf, "KVAL(%s)", name ? name : "");
	lt_put_xlat(c, name ? t : t + 1, v, "KVAL(K_?" "?" "?)");
}

/* KDGKBENT, KDSKBENT: {kb_table, kb_index} at entry, kb_value set or got */
static void lt_kd_kbentry(struct lt_args *a, int get)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, 2), *v;
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
		lt_done(a);
		return;
	}
	lt_sb_puts(SB(c), "{kb_table=");
	if (lt_xlat_name(lt_x_kd_key_tables, d[0]))
		lt_put_xlat(c, lt_x_kd_key_tables, d[0], "K_???"); /* hex with -Xraw */
	else
		lt_put_flags_unk(c, lt_x_kd_keymap_flags, d[0], "K_???");
	lt_sb_printf(SB(c), ", kb_index=%u", d[1]);
	if (!get || lt_ok(c)) {
		v = (get ? lt_ok(c) : 1) ? lt_cap_get(c, 2, 0, 2, NULL) : NULL;
		if (!v) {
			lt_sb_puts(SB(c), ", kb_value=???");
		} else {
			lt_sb_printf(SB(c), ", kb_value=%#x", RD(uint16_t, v, 0));
			lt_kd_key(c, RD(uint16_t, v, 0));
		}
	}
	lt_sb_putc(SB(c), '}');
	lt_done(a);
}

/* kb_string[512]: "???" when the memory ends before its NUL; else up to -s bytes, and
 * "..." after a string of -s bytes or more (strace prints MIN(-s, its length + 1)) */
static void lt_kd_kb_string(struct lt_dctx *c)
{
	const uint8_t *d;
	const struct lt_cap *cap = lt_event_cap(c->ev, 2, 0, &d);
	lt_sb_puts(SB(c), ", kb_string=");
	/* a string capture's len stops before the NUL; TRUNC: none was found, SHORT: the
	 * memory ended first */
	if (!cap || (cap->flags & (LT_CAP_FAULT | LT_CAP_SHORT)) ||
	    ((cap->flags & LT_CAP_TRUNC) && cap->len < 512)) {
		lt_sb_puts(SB(c), "???");
		return;
	}
	size_t ret = cap->flags & LT_CAP_TRUNC ? 512 : (size_t)cap->len + 1;
	if (ret <= c->strsize)
		lt_put_quoted(c, d, ret - 1, 0);
	else
		lt_put_quoted(c, d, c->strsize, 1);
}

/* KDGKBSENT, KDSKBSENT: {kb_func, kb_string} */
static void lt_kd_kbsentry(struct lt_args *a, int get)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, 1);
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
		lt_done(a);
		return;
	}
	lt_sb_puts(SB(c), "{kb_func=");
	lt_kd_kval(c, d[0]);
	if (!get || lt_ok(c))
		lt_kd_kb_string(c);
	lt_sb_putc(SB(c), '}');
	lt_done(a);
}

static int lt_kd_diacr_elem(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o)
{
	(void)k, (void)o;
	static const char *const f[] = { "{diacr=", ", base=", ", result=" };
	for (int j = 0; j < 3; j++) {
		lt_sb_puts(SB(c), f[j]);
		lt_kd_char(c, e[j]);
	}
	lt_sb_putc(SB(c), '}');
	return 1;
}

static int lt_kd_diacruc_elem(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o)
{
	(void)k, (void)o;
	lt_sb_printf(SB(c), "{diacr=%#x, base=%#x, result=%#x}", RD(uint32_t, e, 0),
		     RD(uint32_t, e, 4), RD(uint32_t, e, 8));
	return 1;
}

/* KD[GS]KBDIACR(UC): {kb_cnt, the kb_cnt entries} */
static void lt_kd_diacrs(struct lt_args *a, int get, int uc)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = get ? lt_out(c, 2, 4) : lt_in(c, 2, 4);
	uint64_t addr = c->ev->args[2];
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, addr);
		lt_done(a);
		return;
	}
	uint32_t n = RD(uint32_t, d, 0);
	lt_sb_printf(SB(c), "{kb_cnt=%u, %s=", n, uc ? "kbdiacruc" : "kbdiacr");
	int all = lt_put_array(c, 2, 0, addr + 4, n < KD_MAX_DIACR ? n : KD_MAX_DIACR,
			       uc ? 12 : 3, uc ? lt_kd_diacruc_elem : lt_kd_diacr_elem, NULL);
	if (all && n > KD_MAX_DIACR) { /* strace's PAF_ARRAY_TRUNCATED */
		SB(c)->len--;
		lt_sb_puts(SB(c), ", ...]");
	}
	lt_sb_putc(SB(c), '}');
	lt_done(a);
}

/* KDGETKEYCODE, KDSETKEYCODE: {scancode, keycode}, and the keycode got */
static void lt_kd_keycode(struct lt_args *a, int get)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, 8), *o;
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
		lt_done(a);
		return;
	}
	lt_sb_puts(SB(c), "{scancode=");
	lt_put_hex(c, RD(uint32_t, d, 0));
	lt_sb_puts(SB(c), ", keycode=");
	lt_put_hex(c, RD(uint32_t, d, 4));
	if (get && (o = lt_out(c, 2, 8))) {
		lt_sb_puts(SB(c), " => ");
		lt_put_hex(c, RD(uint32_t, o, 4));
	}
	lt_sb_putc(SB(c), '}');
	lt_done(a);
}

/* KDKBDREP: the rates set, and those got back */
static void lt_kd_kbdrep(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, 8), *o;
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
	} else {
		lt_kd_repeat(c, d);
		if ((o = lt_out(c, 2, 8))) {
			lt_sb_puts(SB(c), " => ");
			lt_kd_repeat(c, o);
		}
	}
	lt_done(a);
}

static int lt_kd_unipair_elem(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o)
{
	(void)k, (void)o;
	lt_sb_puts(SB(c), "{unicode=");
	lt_put_hex(c, RD(uint16_t, e, 0));
	lt_sb_puts(SB(c), ", fontpos=");
	lt_put_hex(c, RD(uint16_t, e, 2));
	lt_sb_putc(SB(c), '}');
	return 1;
}

/* GIO_UNIMAP, PIO_UNIMAP: struct unimapdesc; a get shows the count the kernel wrote
 * back even when it failed, and the entries only when it did not */
static void lt_kd_unimap(struct lt_args *a, int get)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, 16);
	const uint8_t *o = lt_cap_get(c, 2, LT_CAP_SUB_SELF, 16, NULL);
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
		lt_done(a);
		return;
	}
	lt_sb_printf(SB(c), "{entry_ct=%u", RD(uint16_t, d, 0));
	if (get && c->done) {
		if (!o) {
			lt_sb_putc(SB(c), '}');
			lt_done(a);
			return;
		}
		lt_sb_printf(SB(c), " => %u", RD(uint16_t, o, 0));
	}
	lt_sb_puts(SB(c), ", entries=");
	if (get && !lt_ok(c))
		lt_put_ptr(c, RD(uint64_t, d, 8));
	else
		lt_put_array(c, 2, 0, RD(uint64_t, d, 8), RD(uint16_t, d, 0), 4,
			     lt_kd_unipair_elem, NULL);
	lt_sb_putc(SB(c), '}');
	lt_done(a);
}

/* struct consolefontdesc; the glyphs as bytes, or (a get's at entry) their address */
static void lt_kd_fontdesc(struct lt_dctx *c, const uint8_t *d, int addr_only)
{
	lt_sb_printf(SB(c), "{charcount=%u, charheight=%u, chardata=", RD(uint16_t, d, 0),
		     RD(uint16_t, d, 2));
	if (addr_only) {
		lt_put_ptr(c, RD(uint64_t, d, 8));
	} else {
		int fh = c->force_hex;
		uint16_t n = RD(uint16_t, d, 0);
		c->force_hex = 1;
		lt_put_buf(c, 2, 0, RD(uint64_t, d, 8), (n < 512 ? n : 512) * 32u);
		c->force_hex = fh;
	}
	lt_sb_putc(SB(c), '}');
}

static void lt_kd_fontx(struct lt_args *a, int get)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, 16), *o;
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
	} else {
		lt_kd_fontdesc(c, d, get);
		if (get && (o = lt_out(c, 2, 16))) {
			lt_sb_puts(SB(c), " => ");
			lt_kd_fontdesc(c, o, 0);
		}
	}
	lt_done(a);
}

/* struct console_font_op: the fields op uses; at entry (in) op and flags too */
static void lt_kd_font_op(struct lt_dctx *c, const uint8_t *d, int in)
{
	uint32_t op = RD(uint32_t, d, 0), w = RD(uint32_t, d, 8), n = RD(uint32_t, d, 16);
	uint64_t data = RD(uint64_t, d, 24);
	lt_sb_putc(SB(c), '{');
	if (in) {
		lt_sb_puts(SB(c), "op=");
		lt_put_xlat(c, lt_x_kd_font_ops, op, "KD_FONT_OP_???");
		if (op != KD_FONT_OP_SET_DEFAULT && op != KD_FONT_OP_COPY) {
			lt_sb_puts(SB(c), ", flags=");
			lt_put_flags_unk(c, lt_x_kd_font_flags, RD(uint32_t, d, 4), "KD_FONT_FLAG_???");
		}
		lt_sb_puts(SB(c), ", ");
	}
	if (op != KD_FONT_OP_COPY)
		lt_sb_printf(SB(c), "width=%u, ", w);
	lt_sb_printf(SB(c), "height=%u", RD(uint32_t, d, 12));
	if (op != KD_FONT_OP_SET_DEFAULT && op != KD_FONT_OP_COPY)
		lt_sb_printf(SB(c), ", charcount=%u", n);
	if (op == KD_FONT_OP_SET || (op == KD_FONT_OP_GET && !in)) {
		int fh = c->force_hex;
		lt_sb_puts(SB(c), ", data=");
		c->force_hex = 1;
		lt_put_buf(c, 2, 0, data, ((w < 32 ? w : 32) + 7) / 8 * 32 * (n < 512 ? n : 512));
		c->force_hex = fh;
	} else if (op == KD_FONT_OP_SET_DEFAULT) {
		if (in) {
			lt_sb_puts(SB(c), ", data=");
			/* a 32-byte name whose last byte should be its NUL */
			lt_put_cstr(c, 2, 0, data, c->strsize < 31 ? c->strsize : 31);
		}
	} else if (op != KD_FONT_OP_COPY) {
		lt_sb_puts(SB(c), ", data=");
		lt_put_ptr(c, data);
	}
	lt_sb_putc(SB(c), '}');
}

/* KDFONTOP: set and copy show the structure once; the others, what came back too */
static void lt_kd_fontop(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, 32), *o;
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
	} else {
		uint32_t op = RD(uint32_t, d, 0);
		lt_kd_font_op(c, d, 1);
		if (op != KD_FONT_OP_SET && op != KD_FONT_OP_COPY && (o = lt_out(c, 2, 32))) {
			lt_sb_puts(SB(c), " => ");
			lt_kd_font_op(c, o, 0);
		}
	}
	lt_done(a);
}

/* the requests whose argument is a plain number */
static int lt_kd_scalar(struct lt_args *a, uint32_t req)
{
	struct lt_dctx *c = a->c;
	uint64_t arg = c->ev->args[2];
	lt_next(a);
	switch (req) {
	case KIOCSOUND: lt_kd_sound(c, arg); break;
	case KDMKTONE: lt_kd_tone(c, (uint32_t)arg); break;
	case KDSETLED: lt_put_flags_unk(c, lt_x_kd_led, (uint8_t)arg, "LED_???"); break;
	case KDSKBLED: lt_put_flags_unk(c, lt_x_kd_default_led, (uint8_t)arg, "LED_???"); break;
	case KDADDIO: case KDDELIO: lt_kd_io(c, arg); break;
	case KDSETMODE: lt_put_xlat(c, lt_x_kd_modes, (uint32_t)arg, "KD_???"); break;
	case KDSKBMODE: lt_kd_xval_d(c, lt_x_kd_kbd_modes, (uint32_t)arg, "K_???"); break;
	case KDSKBMETA: lt_put_xlat(c, lt_x_kd_meta, (uint32_t)arg, "K_???"); break;
	case KDSIGACCEPT:
		if (arg < 0x7fffffff)
			lt_put_signo(c, (int)arg);
		else
			lt_put_udec(c, arg);
		break;
	default:
		return 0;
	}
	lt_done(a);
	return 1;
}

int lt_ioctl_kd(struct lt_args *a, uint32_t req)
{
	switch (req) {
	case KIOCSOUND: case KDMKTONE: case KDSETLED: case KDSKBLED: case KDADDIO:
	case KDDELIO: case KDSETMODE: case KDSKBMODE: case KDSKBMETA: case KDSIGACCEPT:
		return lt_kd_scalar(a, req);
	case KDGETLED: lt_ioctl_obj(a, 1, 1, lt_kd_led); return 1;
	case KDGKBLED: lt_ioctl_obj(a, 1, 1, lt_kd_default_led); return 1;
	case KDGKBTYPE: lt_ioctl_obj(a, 1, 1, lt_kd_kb_type); return 1;
	case KDGETMODE: lt_ioctl_obj(a, 4, 1, lt_kd_mode); return 1;
	case KDGKBMODE: lt_ioctl_obj(a, 4, 1, lt_kd_kbd_mode); return 1;
	case KDGKBMETA: lt_ioctl_obj(a, 4, 1, lt_kd_meta); return 1;
	case PIO_UNIMAPCLR: lt_ioctl_obj(a, 6, 0, lt_kd_unimapinit); return 1;
	case GIO_SCRNMAP: case PIO_SCRNMAP: lt_kd_bytes(a, 256, req == GIO_SCRNMAP); return 1;
	case GIO_FONT: case PIO_FONT: lt_kd_bytes(a, 8192, req == GIO_FONT); return 1;
	case GIO_CMAP: case PIO_CMAP: lt_kd_bytes(a, 48, req == GIO_CMAP); return 1;
	case GIO_UNISCRNMAP: case PIO_UNISCRNMAP:
		lt_kd_uni_scrnmap(a, req == GIO_UNISCRNMAP);
		return 1;
	case KDGKBENT: case KDSKBENT: lt_kd_kbentry(a, req == KDGKBENT); return 1;
	case KDGKBSENT: case KDSKBSENT: lt_kd_kbsentry(a, req == KDGKBSENT); return 1;
	case KDGKBDIACR: case KDSKBDIACR: lt_kd_diacrs(a, req == KDGKBDIACR, 0); return 1;
	case KDGKBDIACRUC: case KDSKBDIACRUC:
		lt_kd_diacrs(a, req == KDGKBDIACRUC, 1);
		return 1;
	case KDGETKEYCODE: case KDSETKEYCODE: lt_kd_keycode(a, req == KDGETKEYCODE); return 1;
	case KDKBDREP: lt_kd_kbdrep(a); return 1;
	case GIO_UNIMAP: case PIO_UNIMAP: lt_kd_unimap(a, req == GIO_UNIMAP); return 1;
	case GIO_FONTX: case PIO_FONTX: lt_kd_fontx(a, req == GIO_FONTX); return 1;
	case KDFONTOP: lt_kd_fontop(a); return 1;
	case KDENABIO: case KDDISABIO: case KDMAPDISP: case KDUNMAPDISP: case PIO_FONTRESET:
		return 1;
	}
	return 0;
}
