/* MTD (memory technology device) ioctls: type 'M' (strace's mtd.c), which the OSS sound
 * mixer's MIXER_READ(n) and MIXER_WRITE(n) share: their names print first. */
#include "decode_ioctl.h"
#include "xlat/gen.h"

enum {
	MEMGETINFO = 0x80204d01, MEMERASE = 0x40084d02, MEMWRITEOOB = 0xc0104d03,
	MEMREADOOB = 0xc0104d04, MEMLOCK = 0x40084d05, MEMUNLOCK = 0x40084d06,
	MEMGETREGIONCOUNT = 0x80044d07, MEMGETREGIONINFO = 0xc0104d08, MEMGETOOBSEL = 0x80c84d0a,
	MEMGETBADBLOCK = 0x40084d0b, MEMSETBADBLOCK = 0x40084d0c, OTPSELECT = 0x80044d0d,
	OTPGETREGIONCOUNT = 0x40044d0e, OTPGETREGIONINFO = 0x400c4d0f, OTPLOCK = 0x800c4d10,
	ECCGETLAYOUT = 0x81484d11, ECCGETSTATS = 0x80104d12, MTDFILEMODE = 0x4d13,
	MEMERASE64 = 0x40104d14, MEMWRITEOOB64 = 0xc0184d15, MEMREADOOB64 = 0xc0184d16,
	MEMISLOCKED = 0x80084d17, MEMWRITE = 0xc0304d18,
};

/* strace's ioctl_decode_command_number for 'M': a read or a write of the mixer channel */
int lt_mixer_number(struct lt_dctx *c, uint32_t req)
{
	uint32_t dir = req >> 30;
	if (((req >> 8) & 0xff) != 'M' || (dir != 1 && dir != 2))
		return 0;
	lt_sb_printf(SB(c), "%s(%u)", dir == 1 ? "MIXER_WRITE" : "MIXER_READ", req & 0xff);
	return 1;
}

static void lt_mtd_erase(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{start=%#x, length=%#x}", RD(uint32_t, d, 0), RD(uint32_t, d, 4));
}

static void lt_mtd_erase64(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{start=%#llx, length=%#llx}", (unsigned long long)RD(uint64_t, d, 0),
		     (unsigned long long)RD(uint64_t, d, 8));
}

static void lt_mtd_oob(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{start=%#x, length=%#x, ptr=", RD(uint32_t, d, 0), RD(uint32_t, d, 4));
	lt_put_ptr(c, RD(uint64_t, d, 8));
	lt_sb_putc(SB(c), '}');
}

static void lt_mtd_oob64(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{start=%#llx, length=%#x, usr_ptr=",
		     (unsigned long long)RD(uint64_t, d, 0), RD(uint32_t, d, 12));
	lt_put_ptr(c, RD(uint64_t, d, 16));
	lt_sb_putc(SB(c), '}');
}

static void lt_mtd_otp_info(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{start=%#x, length=%#x, locked=%u}", RD(uint32_t, d, 0),
		     RD(uint32_t, d, 4), RD(uint32_t, d, 8));
}

static void lt_mtd_otp_select(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_putc(SB(c), '[');
	lt_put_xlat(c, lt_x_mtd_otp, RD(uint32_t, d, 0), "MTD_OTP_???");
	lt_sb_putc(SB(c), ']');
}

static void lt_mtd_write_req(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{start=%#llx, len=%#llx, ooblen=%#llx, usr_data=",
		     (unsigned long long)RD(uint64_t, d, 0), (unsigned long long)RD(uint64_t, d, 8),
		     (unsigned long long)RD(uint64_t, d, 16));
	lt_put_ptr(c, RD(uint64_t, d, 24));
	lt_sb_puts(SB(c), ", usr_oob=");
	lt_put_ptr(c, RD(uint64_t, d, 32));
	lt_sb_puts(SB(c), ", mode=");
	lt_put_xlat(c, lt_x_mtd_ops, d[40], "MTD_OPS_???");
	lt_sb_putc(SB(c), '}');
}

static void lt_mtd_info(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{type=");
	lt_put_xlat(c, lt_x_mtd_type, d[0], "MTD_???");
	lt_sb_puts(SB(c), ", flags=");
	lt_put_flags_unk(c, lt_x_mtd_flags, RD(uint32_t, d, 4), "MTD_???");
	lt_sb_printf(SB(c), ", size=%#x, erasesize=%#x, writesize=%#x, oobsize=%#x, padding=%#llx}",
		     RD(uint32_t, d, 8), RD(uint32_t, d, 12), RD(uint32_t, d, 16),
		     RD(uint32_t, d, 20), (unsigned long long)RD(uint64_t, d, 24));
}

/* n u32 words in hex, "..." past -s (strace's print_local_array of print_xint) */
static void lt_mtd_xints(struct lt_dctx *c, const uint8_t *d, unsigned n)
{
	lt_sb_putc(SB(c), '[');
	for (unsigned k = 0; k < n; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		if (k >= c->strsize) {
			lt_sb_puts(SB(c), "...");
			break;
		}
		lt_put_hex(c, RD(uint32_t, d, k * 4));
	}
	lt_sb_putc(SB(c), ']');
}

static void lt_mtd_oobinfo(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{useecc=");
	lt_put_xlat(c, lt_x_mtd_nandecc, RD(uint32_t, d, 0), "MTD_NANDECC_???");
	lt_sb_printf(SB(c), ", eccbytes=%#x, oobfree=[", RD(uint32_t, d, 4));
	for (unsigned k = 0; k < 8; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		if (k >= c->strsize) {
			lt_sb_puts(SB(c), "...");
			break;
		}
		lt_mtd_xints(c, d + 8 + k * 8, 2);
	}
	lt_sb_puts(SB(c), "], eccpos=");
	lt_mtd_xints(c, d + 72, 32);
	lt_sb_putc(SB(c), '}');
}

static void lt_mtd_ecclayout(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{eccbytes=%#x, eccpos=", RD(uint32_t, d, 0));
	lt_mtd_xints(c, d + 4, 64);
	lt_sb_printf(SB(c), ", oobavail=%#x, oobfree=[", RD(uint32_t, d, 260));
	for (unsigned k = 0; k < 8; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		if (k >= c->strsize) {
			lt_sb_puts(SB(c), "...");
			break;
		}
		lt_sb_printf(SB(c), "{offset=%#x, length=%#x}", RD(uint32_t, d, 264 + k * 8),
			     RD(uint32_t, d, 268 + k * 8));
	}
	lt_sb_puts(SB(c), "]}");
}

static void lt_mtd_ecc_stats(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{corrected=%#x, failed=%#x, badblocks=%#x, bbtblocks=%#x}",
		     RD(uint32_t, d, 0), RD(uint32_t, d, 4), RD(uint32_t, d, 8), RD(uint32_t, d, 12));
}

/* MEMGETREGIONINFO: the index asked, and after a success the region */
static void lt_mtd_region_info(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, 16), *o = lt_out(c, 2, 16);
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
	} else {
		lt_sb_printf(SB(c), "{regionindex=%#x", RD(uint32_t, d, 12));
		if (o)
			lt_sb_printf(SB(c), ", offset=%#x, erasesize=%#x, numblocks=%#x",
				     RD(uint32_t, o, 0), RD(uint32_t, o, 4), RD(uint32_t, o, 8));
		lt_sb_putc(SB(c), '}');
	}
	lt_done(a);
}

int lt_ioctl_mtd(struct lt_args *a, uint32_t req)
{
	struct lt_dctx *c = a->c;
	switch (req) {
	case MEMERASE: case MEMLOCK: case MEMUNLOCK: case MEMISLOCKED:
		lt_ioctl_obj(a, 8, 0, lt_mtd_erase);
		return 1;
	case MEMERASE64:
		lt_ioctl_obj(a, 16, 0, lt_mtd_erase64);
		return 1;
	case MEMWRITEOOB: case MEMREADOOB:
		lt_ioctl_obj(a, 16, 0, lt_mtd_oob);
		return 1;
	case MEMWRITEOOB64: case MEMREADOOB64:
		lt_ioctl_obj(a, 24, 0, lt_mtd_oob64);
		return 1;
	case MEMWRITE:
		lt_ioctl_obj(a, 48, 0, lt_mtd_write_req);
		return 1;
	case OTPGETREGIONINFO: case OTPLOCK:
		lt_ioctl_obj(a, 12, req == OTPGETREGIONINFO, lt_mtd_otp_info);
		return 1;
	case OTPSELECT:
		lt_ioctl_obj(a, 4, 0, lt_mtd_otp_select);
		return 1;
	case MTDFILEMODE:
		lt_next(a);
		lt_put_xlat(c, lt_x_mtd_file_mode, c->ev->args[2], "MTD_FILE_MODE_???");
		lt_done(a);
		return 1;
	case MEMGETBADBLOCK: case MEMSETBADBLOCK:
		lt_ioctl_num(a, 0, 8, 0);
		return 1;
	case MEMGETINFO:
		lt_ioctl_obj(a, 32, 1, lt_mtd_info);
		return 1;
	case MEMGETOOBSEL:
		lt_ioctl_obj(a, 200, 1, lt_mtd_oobinfo);
		return 1;
	case ECCGETLAYOUT:
		lt_ioctl_obj(a, 328, 1, lt_mtd_ecclayout);
		return 1;
	case ECCGETSTATS:
		lt_ioctl_obj(a, 16, 1, lt_mtd_ecc_stats);
		return 1;
	case OTPGETREGIONCOUNT:
		lt_ioctl_num(a, 1, 4, 0);
		return 1;
	case MEMGETREGIONCOUNT:
		lt_ioctl_num(a, 1, 4, 1);
		return 1;
	case MEMGETREGIONINFO:
		lt_mtd_region_info(a);
		return 1;
	}
	return 0;
}
