/* UBI (unsorted block images) ioctls: types 'o' and 'O' (strace's ubi.c). */
#include "decode_ioctl.h"
#include "xlat/gen.h"

/* x86-64 request numbers (the names print from report/xlat/tables.in's ioctl_ubi) */
enum {
	UBI_IOCMKVOL = 0x40986f00, UBI_IOCRMVOL = 0x40046f01, UBI_IOCRSVOL = 0x400c6f02,
	UBI_IOCRNVOL = 0x51106f03, UBI_IOCRPEB = 0x40046f04, UBI_IOCSPEB = 0x40046f05,
	UBI_IOCATT = 0x40186f40, UBI_IOCDET = 0x40046f41, UBI_IOCVOLUP = 0x40084f00,
	UBI_IOCEBER = 0x40044f01, UBI_IOCEBCH = 0x40044f02, UBI_IOCEBMAP = 0x40084f03,
	UBI_IOCEBUNMAP = 0x40044f04, UBI_IOCEBISMAP = 0x80044f05, UBI_IOCSETVOLPROP = 0x40104f06,
	UBI_IOCVOLCRBLK = 0x40804f07, UBI_IOCVOLRMBLK = 0x4f08,
	UBI_MAX_RNVOL = 32, UBI_NAME_SIZE = 128,
};

/* the dtype values (a kernel-internal enum the UAPI header does not carry) */
static const struct lt_xlat lt_x_ubi_data_types[] = {
	{ 1, "UBI_LONGTERM" }, { 2, "UBI_SHORTTERM" }, { 3, "UBI_UNKNOWN" }, { 0, 0 }
};

/* a name of name_len bytes in a 128-byte array (PRINT_FIELD_CSTRING_SZ) */
static void lt_ubi_name(struct lt_dctx *c, const uint8_t *name, int16_t len)
{
	int n = len < 0 ? 0 : len > UBI_NAME_SIZE - 1 ? UBI_NAME_SIZE - 1 : len;
	lt_sb_puts(SB(c), ", name=");
	lt_ioctl_cstring(c, name, (size_t)n + 1);
}

static void lt_ubi_mkvol(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{vol_id=%d, alignment=%d, bytes=%lld, vol_type=", RD(int32_t, d, 0),
		     RD(int32_t, d, 4), (long long)RD(int64_t, d, 8));
	lt_put_xlat(c, lt_x_ubi_volume_types, (uint8_t)d[16], "UBI_???_VOLUME");
	lt_sb_puts(SB(c), ", flags=");
	lt_put_flags(c, lt_x_ubi_volume_flags, d[17]);
	lt_sb_printf(SB(c), ", name_len=%d", RD(int16_t, d, 18));
	lt_ubi_name(c, d + 24, RD(int16_t, d, 18));
	lt_sb_putc(SB(c), '}');
}

static void lt_ubi_attach(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{ubi_num=%d, mtd_num=%d, vid_hdr_offset=%d, max_beb_per1024=%d}",
		     RD(int32_t, d, 0), RD(int32_t, d, 4), RD(int32_t, d, 8), RD(int16_t, d, 12));
}

/* MKVOL, ATT: the request, then " => [N]" (the number the kernel gave) on success */
static void lt_ubi_create(struct lt_args *a, size_t size,
			  void (*fn)(struct lt_dctx *c, const uint8_t *d))
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, size), *o = lt_out(c, 2, 4);
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
	} else {
		fn(c, d);
		if (o)
			lt_sb_printf(SB(c), " => [%d]", RD(int32_t, o, 0));
	}
	lt_done(a);
}

static void lt_ubi_rnvol(struct lt_dctx *c, const uint8_t *d)
{
	int32_t count = RD(int32_t, d, 0);
	int n = count < 0 ? 0 : count > UBI_MAX_RNVOL ? UBI_MAX_RNVOL : count;
	lt_sb_printf(SB(c), "{count=%d, ents=[", count);
	for (int k = 0; k < n; k++) {
		const uint8_t *e = d + 16 + k * 136;
		lt_sb_printf(SB(c), "%s{vol_id=%d, name_len=%d", k ? ", " : "", RD(int32_t, e, 0),
			     RD(int16_t, e, 4));
		lt_ubi_name(c, e + 8, RD(int16_t, e, 4));
		lt_sb_putc(SB(c), '}');
	}
	lt_sb_puts(SB(c), "]}");
}

static void lt_ubi_rsvol(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{bytes=%lld, vol_id=%d}", (long long)RD(int64_t, d, 0),
		     RD(int32_t, d, 8));
}

static void lt_ubi_leb_change(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{lnum=%d, bytes=%d, dtype=", RD(int32_t, d, 0), RD(int32_t, d, 4));
	lt_put_xlat(c, lt_x_ubi_data_types, (uint8_t)d[8], "UBI_???");
	lt_sb_putc(SB(c), '}');
}

static void lt_ubi_map(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{lnum=%d, dtype=", RD(int32_t, d, 0));
	lt_put_xlat(c, lt_x_ubi_data_types, (uint8_t)d[4], "UBI_???");
	lt_sb_putc(SB(c), '}');
}

static void lt_ubi_prop(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{property=");
	lt_put_xlat(c, lt_x_ubi_volume_props, d[0], "UBI_VOL_PROP_???");
	lt_sb_printf(SB(c), ", value=%#llx}", (unsigned long long)RD(uint64_t, d, 8));
}

int lt_ioctl_ubi(struct lt_args *a, uint32_t req)
{
	switch (req) {
	case UBI_IOCMKVOL:
		lt_ubi_create(a, 152, lt_ubi_mkvol);
		return 1;
	case UBI_IOCATT:
		lt_ubi_create(a, 24, lt_ubi_attach);
		return 1;
	case UBI_IOCRNVOL:
		lt_ioctl_obj(a, 16 + UBI_MAX_RNVOL * 136, 0, lt_ubi_rnvol);
		return 1;
	case UBI_IOCRSVOL:
		lt_ioctl_obj(a, 12, 0, lt_ubi_rsvol);
		return 1;
	case UBI_IOCEBCH:
		lt_ioctl_obj(a, 16, 0, lt_ubi_leb_change);
		return 1;
	case UBI_IOCEBMAP:
		lt_ioctl_obj(a, 8, 0, lt_ubi_map);
		return 1;
	case UBI_IOCSETVOLPROP:
		lt_ioctl_obj(a, 16, 0, lt_ubi_prop);
		return 1;
	case UBI_IOCVOLUP:
		lt_ioctl_num(a, 0, 8, 1);
		return 1;
	case UBI_IOCDET: case UBI_IOCEBER: case UBI_IOCEBISMAP: case UBI_IOCEBUNMAP:
	case UBI_IOCRMVOL: case UBI_IOCRPEB: case UBI_IOCSPEB:
		lt_ioctl_num(a, 0, 4, 1);
		return 1;
	case UBI_IOCVOLCRBLK: case UBI_IOCVOLRMBLK:
		return 1;
	}
	return 0;
}
