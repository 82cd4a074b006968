/* File system ioctls: type 'f' (FS_IOC_GETFLAGS/SETFLAGS and their 32-bit twins,
 * FS_IOC_FIEMAP: strace's fs_f_ioctl.c) and 'X' (FIFREEZE, FITHAW, FITRIM,
 * FS_IOC_FSGETXATTR/FSSETXATTR: fs_x_ioctl.c). */
#include "decode_ioctl.h"
#include "xlat/gen.h"

/* x86-64 request numbers (the names print from report/xlat/tables.in's tables) */
enum {
	FS_IOC_GETFLAGS = 0x80086601, FS_IOC_SETFLAGS = 0x40086602,
	FS_IOC32_GETFLAGS = 0x80046601, FS_IOC32_SETFLAGS = 0x40046602,
	FS_IOC_FIEMAP = 0xc020660b, FIFREEZE = 0xc0045877, FITHAW = 0xc0045878,
	FITRIM = 0xc0185879, FS_IOC_FSGETXATTR = 0x801c581f, FS_IOC_FSSETXATTR = 0x401c5820,
};

/* [FLAGS] behind argument 2: as set (out == 0) or as got (out == 1) */
static void lt_fs_ioc_flags(struct lt_args *a, int out)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = out ? lt_out(c, 2, 4) : lt_in(c, 2, 4);
	lt_next(a);
	if (d) {
		lt_sb_putc(SB(c), '[');
		lt_put_flags_unk(c, lt_x_fs_ioc_flags, RD(uint32_t, d, 0), "FS_???_FL");
		lt_sb_putc(SB(c), ']');
	} else {
		lt_put_ptr(c, c->ev->args[2]);
	}
	lt_done(a);
}

static int lt_fiemap_extent(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o)
{
	(void)k, (void)o;
	lt_sb_printf(SB(c), "{fe_logical=%llu, fe_physical=%llu, fe_length=%llu, fe_flags=",
		     (unsigned long long)RD(uint64_t, e, 0), (unsigned long long)RD(uint64_t, e, 8),
		     (unsigned long long)RD(uint64_t, e, 16));
	lt_put_flags_unk(c, lt_x_fiemap_extent_flags, RD(uint32_t, e, 40), "FIEMAP_EXTENT_???");
	lt_sb_putc(SB(c), '}');
	return 1;
}

/* struct fiemap: what was asked, then on success " => " what the kernel mapped (the
 * extents with -v only) */
static void lt_fiemap(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	uint64_t addr = c->ev->args[2];
	const uint8_t *d = lt_in(c, 2, 32);
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, addr);
		lt_done(a);
		return;
	}
	lt_sb_printf(SB(c), "{fm_start=%llu, fm_length=%llu, fm_flags=",
		     (unsigned long long)RD(uint64_t, d, 0), (unsigned long long)RD(uint64_t, d, 8));
	lt_put_flags_unk(c, lt_x_fiemap_flags, RD(uint32_t, d, 16), "FIEMAP_FLAG_???");
	lt_sb_printf(SB(c), ", fm_extent_count=%u}", RD(uint32_t, d, 24));
	if (lt_ok(c)) {
		lt_sb_puts(SB(c), " => ");
		d = lt_out(c, 2, 32);
		if (!d) {
			lt_put_ptr(c, addr);
		} else {
			lt_sb_puts(SB(c), "{fm_flags=");
			lt_put_flags_unk(c, lt_x_fiemap_flags, RD(uint32_t, d, 16), "FIEMAP_FLAG_???");
			lt_sb_printf(SB(c), ", fm_mapped_extents=%u, ", RD(uint32_t, d, 20));
			if (lt_verbose(c)) {
				lt_sb_puts(SB(c), "fm_extents=");
				lt_put_array(c, 2, 0, addr + 32, RD(uint32_t, d, 20), 56,
					     lt_fiemap_extent, NULL);
				lt_sb_putc(SB(c), '}');
			} else {
				lt_sb_puts(SB(c), "...}");
			}
		}
	}
	lt_done(a);
}

int lt_ioctl_fs_f(struct lt_args *a, uint32_t req)
{
	switch (req) {
	case FS_IOC_FIEMAP:
		lt_fiemap(a);
		return 1;
	case FS_IOC_GETFLAGS: case FS_IOC32_GETFLAGS:
		lt_fs_ioc_flags(a, 1);
		return 1;
	case FS_IOC_SETFLAGS: case FS_IOC32_SETFLAGS:
		lt_fs_ioc_flags(a, 0);
		return 1;
	}
	return 0;
}

/* struct fstrim_range */
static void lt_fstrim_range(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{start=%#llx, len=%llu, minlen=%llu}",
		     (unsigned long long)RD(uint64_t, d, 0), (unsigned long long)RD(uint64_t, d, 8),
		     (unsigned long long)RD(uint64_t, d, 16));
}

/* struct fsxattr: fsx_nextents only as got */
static void lt_fsxattr(struct lt_dctx *c, const uint8_t *d, int get)
{
	lt_sb_puts(SB(c), "{fsx_xflags=");
	lt_put_flags_unk(c, lt_x_fs_xflags, RD(uint32_t, d, 0), "FS_XFLAG_???");
	lt_sb_printf(SB(c), ", fsx_extsize=%u", RD(uint32_t, d, 4));
	if (get)
		lt_sb_printf(SB(c), ", fsx_nextents=%u", RD(uint32_t, d, 8));
	lt_sb_printf(SB(c), ", fsx_projid=%#x, fsx_cowextsize=%u}", RD(uint32_t, d, 12),
		     RD(uint32_t, d, 16));
}

static void lt_fsxattr_get(struct lt_dctx *c, const uint8_t *d) { lt_fsxattr(c, d, 1); }
static void lt_fsxattr_set(struct lt_dctx *c, const uint8_t *d) { lt_fsxattr(c, d, 0); }

int lt_ioctl_fs_x(struct lt_args *a, uint32_t req)
{
	switch (req) {
	case FITRIM:
		lt_ioctl_obj(a, 24, 0, lt_fstrim_range);
		return 1;
	case FS_IOC_FSGETXATTR:
		lt_ioctl_obj(a, 28, 1, lt_fsxattr_get);
		return 1;
	case FS_IOC_FSSETXATTR:
		lt_ioctl_obj(a, 28, 0, lt_fsxattr_set);
		return 1;
	case FIFREEZE: case FITHAW:
		return 1;
	}
	return 0;
}
