/* ioctl, by request: the request's name (lt_x_ioctl, or the number taken apart as strace
 * does), then its argument as the request's decoder prints it (strace's ioctl.c,
 * term_ioctl.c and the *_ioctl.c files). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_capture.h"
#include "decode_ioctl.h"
#include "xlat/gen.h"

/* struct termios as TCGETS/TCSETS* pass it (the kernel's, 36 bytes) */
static void lt_put_termios(struct lt_dctx *c, const uint8_t *d)
{
	static const struct lt_xlat iflag[] = {
		{ 01, "IGNBRK" }, { 02, "BRKINT" }, { 04, "IGNPAR" }, { 010, "PARMRK" },
		{ 020, "INPCK" }, { 040, "ISTRIP" }, { 0100, "INLCR" }, { 0200, "IGNCR" },
		{ 0400, "ICRNL" }, { 01000, "IUCLC" }, { 02000, "IXON" }, { 04000, "IXANY" },
		{ 010000, "IXOFF" }, { 020000, "IMAXBEL" }, { 040000, "IUTF8" }, { 0, 0 }
	};
	static const struct lt_xlat oflag[] = {
		{ 01, "OPOST" }, { 02, "OLCUC" }, { 04, "ONLCR" }, { 010, "OCRNL" }, { 020, "ONOCR" },
		{ 040, "ONLRET" }, { 0100, "OFILL" }, { 0200, "OFDEL" }, { 0, 0 }
	};
	static const struct lt_xlat cflag[] = {
		{ 0100, "CSTOPB" }, { 0200, "CREAD" }, { 0400, "PARENB" }, { 01000, "PARODD" },
		{ 02000, "HUPCL" }, { 04000, "CLOCAL" }, { 010000000000, "CMSPAR" },
		{ 020000000000, "CRTSCTS" }, { 0, 0 }
	};
	static const struct lt_xlat lflag[] = {
		{ 01, "ISIG" }, { 02, "ICANON" }, { 04, "XCASE" }, { 010, "ECHO" }, { 020, "ECHOE" },
		{ 040, "ECHOK" }, { 0100, "ECHONL" }, { 0200, "NOFLSH" }, { 0400, "TOSTOP" },
		{ 0100000, "IEXTEN" }, { 01000, "ECHOCTL" }, { 02000, "ECHOPRT" }, { 04000, "ECHOKE" },
		{ 010000, "FLUSHO" }, { 040000, "PENDIN" }, { 0200000, "EXTPROC" }, { 0, 0 }
	};
	static const struct lt_xlat baud[] = {
		{ 0, "B0" }, { 1, "B50" }, { 2, "B75" }, { 3, "B110" }, { 4, "B134" }, { 5, "B150" },
		{ 6, "B200" }, { 7, "B300" }, { 010, "B600" }, { 011, "B1200" }, { 012, "B1800" },
		{ 013, "B2400" }, { 014, "B4800" }, { 015, "B9600" }, { 016, "B19200" },
		{ 017, "B38400" }, { 010001, "B57600" }, { 010002, "B115200" }, { 010003, "B230400" },
		{ 010004, "B460800" }, { 010005, "B500000" }, { 010006, "B576000" },
		{ 010007, "B921600" }, { 010010, "B1000000" }, { 010011, "B1152000" },
		{ 010012, "B1500000" }, { 010013, "B2000000" }, { 010014, "B2500000" },
		{ 010015, "B3000000" }, { 010016, "B3500000" }, { 010017, "B4000000" }, { 0, 0 }
	};
	static const char *const cc[] = { "VINTR", "VQUIT", "VERASE", "VKILL", "VEOF", "VTIME",
		"VMIN", "VSWTC", "VSTART", "VSTOP", "VSUSP", "VEOL", "VREPRINT", "VDISCARD", "VWERASE",
		"VLNEXT", "VEOL2" };
	uint32_t in = RD(uint32_t, d, 0), out = RD(uint32_t, d, 4), cf = RD(uint32_t, d, 8);
	uint32_t lf = RD(uint32_t, d, 12);
	int any;
	/* strace 6.1 prints an empty flag set here as nothing at all */
	lt_sb_puts(SB(c), "{c_iflag=");
	if (in)
		lt_put_flags(c, iflag, in);
	/* the output delays are fields: each prints its value's name first */
	lt_sb_printf(SB(c), ", c_oflag=NL%u|CR%u|TAB%u|BS%u|VT%u|FF%u", out >> 8 & 1, out >> 9 & 3,
		     out >> 11 & 3, out >> 13 & 1, out >> 14 & 1, out >> 15 & 1);
	any = 1;
	uint64_t rest = lt_flags_names(SB(c), oflag, out & 0377, &any);
	if (rest)
		lt_sb_printf(SB(c), "|%#llx", (unsigned long long)rest);
	const char *b = lt_xlat_name(baud, cf & 010017);
	lt_sb_puts(SB(c), ", c_cflag=");
	if (b)
		lt_sb_puts(SB(c), b);
	else
		lt_sb_printf(SB(c), "%#o", cf & 010017);
	lt_sb_printf(SB(c), "|CS%u", 5 + (cf >> 4 & 3));
	any = 1;
	rest = lt_flags_names(SB(c), cflag, cf & ~(010017u | 060u | 002003600000u), &any);
	if (rest)
		lt_sb_printf(SB(c), "|%#llx", (unsigned long long)rest);
	if (cf & 002003600000u) {
		const char *ib = lt_xlat_name(baud, (cf & 002003600000u) >> 16);
		if (ib)
			lt_sb_printf(SB(c), "|%s<<IBSHIFT", ib);
		else
			lt_sb_printf(SB(c), "|%#o<<IBSHIFT", (cf & 002003600000u) >> 16);
	}
	lt_sb_puts(SB(c), ", c_lflag=");
	if (lf)
		lt_put_flags(c, lflag, lf);
	if (!lt_verbose(c)) {
		lt_sb_puts(SB(c), ", ...}");
		return;
	}
	lt_sb_puts(SB(c), ", c_line=");
	if (d[16] == 0)
		lt_sb_puts(SB(c), "N_TTY");
	else
		lt_sb_printf(SB(c), "%u", d[16]);
	lt_sb_puts(SB(c), ", c_cc=[");
	for (int k = 0; k < 19; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		if (k < 17)
			lt_sb_printf(SB(c), "[%s]=", cc[k]);
		else
			lt_sb_printf(SB(c), "[%d]=", k);
		lt_put_hex(c, d[17 + k]);
	}
	lt_sb_puts(SB(c), "]}");
}

/* Every table of request names; a number several names share prints them all, sorted and
 * joined with " or " (strace's ioctlent is sorted by number, then name). */
static const struct lt_xlat *const lt_ioctl_tables[] = {
	lt_x_ioctl, lt_x_ioctl_fs, lt_x_ioctl_counter, lt_x_ioctl_inotify, lt_x_ioctl_random,
	lt_x_ioctl_watchdog, lt_x_ioctl_fastrpc, lt_x_ioctl_hdio,
	lt_x_ioctl_blkzoned, lt_x_ioctl_nbd, lt_x_ioctl_gpio,
	lt_x_ioctl_evdev, lt_x_ioctl_ptp, lt_x_ioctl_loop,
	lt_x_ioctl_seccomp, lt_x_ioctl_perf,
	lt_x_ioctl_rtc, lt_x_ioctl_nvram, lt_x_ioctl_phantom, lt_x_ioctl_kd,
	lt_x_ioctl_v4l2,
	lt_x_ioctl_ubi, lt_x_ioctl_dvb_net, lt_x_ioctl_scsi, lt_x_ioctl_dm,
	lt_x_ioctl_mtd, lt_x_ioctl_tee, lt_x_ioctl_sock, lt_x_ioctl_sock_asm,
	lt_x_ioctl_btrfs,
};

int lt_ioctl_by_name(const char *name, size_t len, uint64_t *req)
{
	for (size_t k = 0; k < sizeof lt_ioctl_tables / sizeof lt_ioctl_tables[0]; k++)
		for (const struct lt_xlat *t = lt_ioctl_tables[k]; t->name; t++)
			if (strlen(t->name) == len && !memcmp(t->name, name, len)) {
				*req = t->val;
				return 1;
			}
	return 0;
}

static int lt_ioctl_name_cmp(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* the names of req joined into sb (when not NULL); 0 when it has none */
static int lt_ioctl_names(struct lt_sb *sb, uint32_t req)
{
	const char *names[8];
	size_t n = 0;
	for (size_t k = 0; k < sizeof lt_ioctl_tables / sizeof lt_ioctl_tables[0]; k++)
		for (const struct lt_xlat *t = lt_ioctl_tables[k]; t->name && n < 8; t++)
			if (t->val == req)
				names[n++] = t->name;
	qsort(names, n, sizeof names[0], lt_ioctl_name_cmp);
	for (size_t k = 0; k < n && sb; k++) {
		if (k && !strcmp(names[k], names[k - 1]))
			continue;
		if (k)
			lt_sb_puts(sb, " or ");
		lt_sb_puts(sb, names[k]);
	}
	return n > 0;
}

static void lt_ioctl_req(struct lt_dctx *c, uint32_t req)
{
	static const char *const dirs[] = { "_IOC_NONE", "_IOC_WRITE", "_IOC_READ",
					    "_IOC_READ|_IOC_WRITE" };
	enum lt_xlat_style st = lt_st(c);
	if (st != LT_XLAT_ABBREV)
		lt_put_hex(c, req);
	if (st == LT_XLAT_RAW)
		return;
	if (st == LT_XLAT_VERBOSE)
		lt_sb_puts(SB(c), " /* ");
	/* a number that carries an argument, its names, or the number taken apart */
	int arg = lt_evdev_number(c, req) || lt_mixer_number(c, req);
	if (arg && lt_ioctl_names(NULL, req))
		lt_sb_puts(SB(c), " or ");
	if (!lt_ioctl_names(SB(c), req) && !arg)
		lt_sb_printf(SB(c), "_IOC(%s, %#x, %#x, %#x)", dirs[req >> 30], (req >> 8) & 0xff,
			     req & 0xff, (req >> 16) & 0x3fff);
	if (st == LT_XLAT_VERBOSE)
		lt_sb_puts(SB(c), " */");
}

void lt_ioctl_obj(struct lt_args *a, size_t size, int out,
		  void (*fn)(struct lt_dctx *c, const uint8_t *d))
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = out ? lt_out(c, 2, size) : lt_in(c, 2, size);
	lt_next(a);
	if (d)
		fn(c, d);
	else
		lt_put_ptr(c, c->ev->args[2]);
	lt_done(a);
}

void lt_ioctl_num(struct lt_args *a, int out, size_t size, int sign)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = out ? lt_out(c, 2, size) : lt_in(c, 2, size);
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
	} else {
		uint64_t v = size == 2 ? RD(uint16_t, d, 0) : size == 4 ? RD(uint32_t, d, 0)
									 : RD(uint64_t, d, 0);
		lt_sb_putc(SB(c), '[');
		if (!sign)
			lt_put_udec(c, v);
		else if (size == 4)
			lt_put_dec(c, (int32_t)v);
		else
			lt_put_dec(c, (int64_t)v);
		lt_sb_putc(SB(c), ']');
	}
	lt_done(a);
}

void lt_ioctl_cstring(struct lt_dctx *c, const uint8_t *p, size_t size)
{
	size_t n = strnlen((const char *)p, size);
	lt_put_quoted(c, p, n < size ? n : size - 1, n == size);
}

void lt_ioctl_reserved(struct lt_dctx *c, const char *name, const uint8_t *p, size_t n)
{
	size_t k;
	for (k = 0; k < n && !RD(uint32_t, p, k * 4); k++)
		;
	if (k == n)
		return;
	lt_sb_printf(SB(c), ", %s=[", name);
	for (k = 0; k < n; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		lt_put_hex(c, RD(uint32_t, p, k * 4));
	}
	lt_sb_putc(SB(c), ']');
}

/* ifc_len, and how many ifreqs it holds when it holds them whole */
static void lt_ifc_len(struct lt_dctx *c, int32_t len)
{
	lt_sb_printf(SB(c), "%d", len);
	if (len > 0 && len % 40 == 0)
		lt_sb_printf(SB(c), " /* %d * sizeof(struct ifreq) */", len / 40);
}

static int lt_elem_ifreq(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o)
{
	(void)k, (void)o;
	lt_sb_puts(SB(c), "{ifr_name=");
	lt_ioctl_cstring(c, e, 16);
	lt_sb_puts(SB(c), ", ifr_addr=");
	lt_put_sockaddr(c, e + 16, 16);
	lt_sb_putc(SB(c), '}');
	return 1;
}

/* SIOCGIFCONF (strace's decode_ifconf): the room given (its length only when a buffer was
 * given), " => " what the kernel used, and the interfaces on success */
static void lt_ioctl_ifconf(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const uint8_t *in = lt_cap_get(c, 2, LT_SUB_ENTRY, 16, NULL);
	const uint8_t *out = lt_cap_get(c, 2, LT_CAP_SUB_SELF, 16, NULL);
	lt_next(a);
	if (!in) {
		lt_put_ptr(c, c->ev->args[2]);
		lt_done(a);
		return;
	}
	int32_t len0 = RD(int32_t, in, 0);
	uint64_t buf0 = RD(uint64_t, in, 8);
	lt_sb_puts(SB(c), "{ifc_len=");
	if (buf0)
		lt_ifc_len(c, len0);
	if (!out) {
		if (!buf0)
			lt_ifc_len(c, len0);
		lt_sb_puts(SB(c), ", ifc_buf=");
		lt_put_ptr(c, buf0);
		lt_sb_putc(SB(c), '}');
		lt_done(a);
		return;
	}
	int32_t len = RD(int32_t, out, 0);
	uint64_t buf = RD(uint64_t, out, 8);
	if (buf0 && len0 != len)
		lt_sb_puts(SB(c), " => ");
	if (!buf0 || len0 != len)
		lt_ifc_len(c, len);
	lt_sb_puts(SB(c), ", ifc_buf=");
	if (!buf0 || !lt_ok(c)) {
		lt_put_ptr(c, buf0);
		if (buf0 != buf) {
			lt_sb_puts(SB(c), " => ");
			lt_put_ptr(c, buf);
		}
	} else {
		lt_put_array(c, 2, 0, buf, (uint32_t)len / 40, 40, lt_elem_ifreq, NULL);
	}
	lt_sb_putc(SB(c), '}');
	lt_done(a);
}

/* the family decoders, by the request's type byte (strace's ioctl_decode) */
static lt_ioctl_fn lt_ioctl_family(uint32_t req)
{
	switch ((req >> 8) & 0xff) {
	case 0x03: return lt_ioctl_hdio;
	case 0x12: return lt_ioctl_block;
	case 0x21: return lt_ioctl_seccomp;
	case 0x22: return lt_ioctl_scsi;
	case 0x24: return lt_ioctl_perf;
	case 0x3d: return lt_ioctl_ptp;
	case 0x3e: return lt_ioctl_counter;
	case 'E': return lt_ioctl_evdev;
	case 'I': return lt_ioctl_inotify;
	case 'K': return lt_ioctl_kd;
	case 'L': return lt_ioctl_loop;
	case 'M': return lt_ioctl_mtd;
	case 'R': return lt_ioctl_random;
	case 'V': return lt_ioctl_v4l2;
	case 'W': return lt_ioctl_watchdog;
	case 0xa4: return lt_ioctl_tee;
	case 0x94: return lt_ioctl_btrfs;
	case 0xab: return lt_ioctl_nbd;
	case 0xb4: return lt_ioctl_gpio;
	case 0xfd: return lt_ioctl_dm;
	case 'X': return lt_ioctl_fs_x;
	case 'f': return lt_ioctl_fs_f;
	case 'p': return lt_ioctl_rtc;
	case 0x89: return lt_ioctl_sock;
	case 'o': case 'O': return lt_ioctl_ubi;
	}
	return NULL;
}

int lt_special_ioctl(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const uint64_t *g = c->ev->args;
	uint32_t req = (uint32_t)g[1];
	lt_next(a);
	lt_put_fd(c, (int)g[0]);
	lt_done(a);
	lt_next(a);
	lt_ioctl_req(c, req);
	lt_done(a);
	if (req == 0x8912) { /* SIOCGIFCONF */
		lt_ioctl_ifconf(a);
		return a->n;
	}
	lt_ioctl_fn fam = lt_ioctl_family(req);
	if (fam && fam(a, req))
		return a->n;
	const uint8_t *d;
	lt_next(a);
	switch (req) {
	case 0x5401: case 0x5402: case 0x5403: case 0x5404: /* TCGETS, TCSETS* */
		d = req == 0x5401 ? lt_out(c, 2, 36) : lt_cap_get(c, 2, LT_CAP_SUB_SELF, 36, NULL);
		if (d)
			lt_put_termios(c, d);
		else
			lt_put_ptr(c, g[2]);
		break;
	case 0x5413: case 0x5414: /* TIOCGWINSZ, TIOCSWINSZ */
		d = req == 0x5413 ? lt_out(c, 2, 8) : lt_cap_get(c, 2, LT_CAP_SUB_SELF, 8, NULL);
		if (d)
			lt_sb_printf(SB(c), "{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}",
				     RD(uint16_t, d, 0), RD(uint16_t, d, 2), RD(uint16_t, d, 4),
				     RD(uint16_t, d, 6));
		else
			lt_put_ptr(c, g[2]);
		break;
	case 0x5421: case 0x5452: case 0x5410:
		d = lt_cap_get(c, 2, LT_CAP_SUB_SELF, 4, NULL);
		lt_put_int_array1(c, 2, d, 1);
		break;
	case 0x541b: case 0x540f: case 0x5411: case 0x5429: case 0x80045430: case 0x80045439:
		lt_put_int_array1(c, 2, lt_out(c, 2, 4), 1);
		break;
	case 0x5415: case 0x5416: case 0x5417: case 0x5418: /* TIOCMGET, TIOCMBIS/BIC/SET */
		d = req == 0x5415 ? lt_out(c, 2, 4) : lt_cap_get(c, 2, LT_CAP_SUB_SELF, 4, NULL);
		if (d) {
			lt_sb_putc(SB(c), '[');
			lt_put_flags_unk(c, lt_x_tiocm, RD(uint32_t, d, 0), "TIOCM_???");
			lt_sb_putc(SB(c), ']');
		} else {
			lt_put_ptr(c, g[2]);
		}
		break;
	case 0x40049409: /* FICLONE: the source descriptor itself */
		lt_put_fd(c, (int)g[2]);
		break;
	case 0x5450: case 0x5451: case 0x5422: case 0x540c: case 0x540d: case 0x5437:
		/* no argument, but strace still shows what was passed */
		lt_put_ptr(c, g[2]);
		break;
	default: /* the terminal and socket requests strace decodes show a pointer; what it
		  * does not decode, in hex */
		if (lt_xlat_name(lt_x_ioctl, req))
			lt_put_ptr(c, g[2]);
		else
			lt_put_hex(c, g[2]);
	}
	lt_done(a);
	return a->n;
}
