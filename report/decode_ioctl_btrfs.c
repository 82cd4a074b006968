/* btrfs ioctls: type 0x94 (strace's btrfs.c, fs_0x94_ioctl.c). Decoded so far: requests
 * without an argument, the numbers and flags, struct btrfs_ioctl_vol_args, clone ranges,
 * file system labels, defragmentation ranges, features, qgroup limits, and the quota and
 * qgroup requests the kernel only reads; the rest (subvolume v2, balance, trees, devices,
 * scrub, send) print as undecoded requests do. */
#include "decode_ioctl.h"
#include "xlat/gen.h"

enum {
	BTRFS_IOC_SNAP_CREATE = 0x50009401, BTRFS_IOC_DEFRAG = 0x50009402,
	BTRFS_IOC_RESIZE = 0x50009403, BTRFS_IOC_SCAN_DEV = 0x50009404,
	BTRFS_IOC_FORGET_DEV = 0x50009405, BTRFS_IOC_TRANS_START = 0x9406,
	BTRFS_IOC_TRANS_END = 0x9407, BTRFS_IOC_SYNC = 0x9408, BTRFS_IOC_ADD_DEV = 0x5000940a,
	BTRFS_IOC_RM_DEV = 0x5000940b, BTRFS_IOC_BALANCE = 0x5000940c,
	BTRFS_IOC_SUBVOL_CREATE = 0x5000940e, BTRFS_IOC_SNAP_DESTROY = 0x5000940f,
	BTRFS_IOC_DEFAULT_SUBVOL = 0x40089413, BTRFS_IOC_WAIT_SYNC = 0x40089416,
	BTRFS_IOC_START_SYNC = 0x80089418, BTRFS_IOC_SUBVOL_GETFLAGS = 0x80089419,
	BTRFS_IOC_SUBVOL_SETFLAGS = 0x4008941a, BTRFS_IOC_SCRUB_CANCEL = 0x941c,
	BTRFS_IOC_BALANCE_CTL = 0x40049421, BTRFS_IOC_DEVICES_READY = 0x90009427,
	BTRFS_IOC_QUOTA_RESCAN_WAIT = 0x942e, BTRFS_VOL_ARGS_SIZE = 4096,
	BTRFS_IOC_CLONE_RANGE = 0x4020940d, BTRFS_IOC_QUOTA_CTL = 0xc0109428,
	BTRFS_IOC_QGROUP_ASSIGN = 0x40189429, BTRFS_IOC_QGROUP_CREATE = 0x4010942a,
	BTRFS_IOC_QUOTA_RESCAN = 0x4040942c, BTRFS_IOC_DEFRAG_RANGE = 0x40309410,
	BTRFS_IOC_QGROUP_LIMIT = 0x8030942b, BTRFS_IOC_GET_FEATURES = 0x80189439,
	BTRFS_IOC_SET_FEATURES = 0x40309439, BTRFS_IOC_GET_SUPPORTED_FEATURES = 0x80489439,
	FS_IOC_GETFSLABEL = 0x81009431, FS_IOC_SETFSLABEL = 0x41009432, FSLABEL_MAX = 256,
};

/* strace's btrfs_snap_flags_v2 (CREATE_ASYNC is gone from newer headers) */
static const struct lt_xlat lt_x_btrfs_snap_flags[] = {
	{ 1, "BTRFS_SUBVOL_CREATE_ASYNC" }, { 2, "BTRFS_SUBVOL_RDONLY" },
	{ 4, "BTRFS_SUBVOL_QGROUP_INHERIT" }, { 0, 0 }
};
static const struct lt_xlat lt_x_btrfs_balance_ctl[] = {
	{ 1, "BTRFS_BALANCE_CTL_PAUSE" }, { 2, "BTRFS_BALANCE_CTL_CANCEL" }, { 0, 0 }
};

static const struct lt_xlat lt_x_btrfs_quota_ctl[] = {
	{ 1, "BTRFS_QUOTA_CTL_ENABLE" }, { 2, "BTRFS_QUOTA_CTL_DISABLE" },
	{ 3, "BTRFS_QUOTA_CTL_RESCAN__NOTUSED" }, { 0, 0 }
};

static const struct lt_xlat lt_x_btrfs_defrag_flags[] = {
	{ 1, "BTRFS_DEFRAG_RANGE_COMPRESS" }, { 2, "BTRFS_DEFRAG_RANGE_START_IO" }, { 0, 0 }
};
static const struct lt_xlat lt_x_btrfs_compress[] = {
	{ 0, "BTRFS_COMPRESS_NONE" }, { 1, "BTRFS_COMPRESS_ZLIB" }, { 2, "BTRFS_COMPRESS_LZO" },
	{ 3, "BTRFS_COMPRESS_ZSTD" }, { 0, 0 }
};

static void lt_btrfs_defrag_range(struct lt_dctx *c, const uint8_t *d)
{
	uint64_t len = RD(uint64_t, d, 8);
	lt_sb_printf(SB(c), "{start=%llu, len=", (unsigned long long)RD(uint64_t, d, 0));
	if (len == UINT64_MAX)
		lt_sb_puts(SB(c), "UINT64_MAX");
	else
		lt_sb_printf(SB(c), "%llu", (unsigned long long)len);
	lt_sb_puts(SB(c), ", flags=");
	lt_put_flags_unk(c, lt_x_btrfs_defrag_flags, RD(uint64_t, d, 16), "BTRFS_DEFRAG_RANGE_???");
	lt_sb_printf(SB(c), ", extent_thresh=%u, compress_type=", RD(uint32_t, d, 24));
	lt_put_xlat(c, lt_x_btrfs_compress, RD(uint32_t, d, 28), "BTRFS_COMPRESS_???");
	lt_sb_putc(SB(c), '}');
}

/* struct btrfs_ioctl_feature_flags (no compat flag has a name) */
static void lt_btrfs_features(struct lt_dctx *c, const uint8_t *d)
{
	static const struct lt_xlat none[] = { { 0, 0 } };
	lt_sb_puts(SB(c), "{compat_flags=");
	lt_put_flags_unk(c, none, RD(uint64_t, d, 0), "BTRFS_FEATURE_COMPAT_???");
	lt_sb_puts(SB(c), ", compat_ro_flags=");
	lt_put_flags_unk(c, lt_x_btrfs_features_compat_ro, RD(uint64_t, d, 8),
		       "BTRFS_FEATURE_COMPAT_RO_???");
	lt_sb_puts(SB(c), ", incompat_flags=");
	lt_put_flags_unk(c, lt_x_btrfs_features_incompat, RD(uint64_t, d, 16),
		       "BTRFS_FEATURE_INCOMPAT_???");
	lt_sb_putc(SB(c), '}');
}

/* SET_FEATURES' two (the flags and the mask), GET_SUPPORTED_FEATURES' three */
static void lt_btrfs_features_n(struct lt_dctx *c, const uint8_t *d, unsigned n)
{
	static const char *const what[] = { "supported", "safe to set", "safe to clear" };
	lt_sb_putc(SB(c), '[');
	for (unsigned k = 0; k < n; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		lt_btrfs_features(c, d + k * 24);
		if (n == 3)
			lt_sb_printf(SB(c), " /* %s */", what[k]);
	}
	lt_sb_putc(SB(c), ']');
}

static void lt_btrfs_set_features(struct lt_dctx *c, const uint8_t *d)
{
	lt_btrfs_features_n(c, d, 2);
}

static void lt_btrfs_supported_features(struct lt_dctx *c, const uint8_t *d)
{
	lt_btrfs_features_n(c, d, 3);
}

static void lt_btrfs_qgroup_limit(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{qgroupid=%llu, lim={flags=", (unsigned long long)RD(uint64_t, d, 0));
	lt_put_flags_unk(c, lt_x_btrfs_qgroup_limit_flags, RD(uint64_t, d, 8), "BTRFS_QGROUP_LIMIT_???");
	lt_sb_printf(SB(c), ", max_rfer=%llu, max_excl=%llu, rsv_rfer=%llu, rsv_excl=%llu}}",
		     (unsigned long long)RD(uint64_t, d, 16), (unsigned long long)RD(uint64_t, d, 24),
		     (unsigned long long)RD(uint64_t, d, 32), (unsigned long long)RD(uint64_t, d, 40));
}

/* FS_IOC_[GS]ETFSLABEL's FSLABEL_MAX bytes (strace's fs_0x94_ioctl.c decode_fslabel) */
static void lt_btrfs_fslabel(struct lt_dctx *c, const uint8_t *d)
{
	lt_ioctl_cstring(c, d, FSLABEL_MAX);
}

/* FICLONERANGE, which btrfs numbers BTRFS_IOC_CLONE_RANGE (strace's fs_0x94_ioctl.c) */
static void lt_btrfs_clone_range(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{src_fd=");
	lt_put_fd(c, (int)RD(int64_t, d, 0));
	lt_sb_printf(SB(c), ", src_offset=%llu, src_length=%llu, dest_offset=%llu}",
		     (unsigned long long)RD(uint64_t, d, 8), (unsigned long long)RD(uint64_t, d, 16),
		     (unsigned long long)RD(uint64_t, d, 24));
}

static void lt_btrfs_quota_ctl(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{cmd=");
	lt_put_xlat(c, lt_x_btrfs_quota_ctl, RD(uint64_t, d, 0), "BTRFS_QUOTA_CTL_???");
	lt_sb_putc(SB(c), '}');
}

static void lt_btrfs_qgroup_assign(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{assign=%llu, src=%llu, dst=%llu}",
		     (unsigned long long)RD(uint64_t, d, 0), (unsigned long long)RD(uint64_t, d, 8),
		     (unsigned long long)RD(uint64_t, d, 16));
}

static void lt_btrfs_qgroup_create(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{create=%llu, qgroupid=%llu}", (unsigned long long)RD(uint64_t, d, 0),
		     (unsigned long long)RD(uint64_t, d, 8));
}

static void lt_btrfs_quota_rescan(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{flags=%llu}", (unsigned long long)RD(uint64_t, d, 0));
}

static void lt_btrfs_flags(struct lt_dctx *c, const uint8_t *d)
{
	lt_put_flags_unk(c, lt_x_btrfs_snap_flags, RD(uint64_t, d, 0), "BTRFS_SUBVOL_???");
}

static void lt_btrfs_vol_args(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{fd=");
	lt_put_fd(c, (int)RD(int64_t, d, 0));
	lt_sb_puts(SB(c), ", name=");
	lt_ioctl_cstring(c, d + 8, BTRFS_VOL_ARGS_SIZE - 8);
	lt_sb_putc(SB(c), '}');
}

int lt_ioctl_btrfs(struct lt_args *a, uint32_t req)
{
	struct lt_dctx *c = a->c;
	switch (req) {
	case BTRFS_IOC_TRANS_START: case BTRFS_IOC_TRANS_END: case BTRFS_IOC_SYNC:
	case BTRFS_IOC_SCRUB_CANCEL: case BTRFS_IOC_QUOTA_RESCAN_WAIT: case BTRFS_IOC_DEFRAG:
	case BTRFS_IOC_BALANCE: /* numbered as taking vol_args, but reading none */
		return 1;
	case BTRFS_IOC_BALANCE_CTL:
		lt_next(a);
		lt_put_xlat(c, lt_x_btrfs_balance_ctl, c->ev->args[2], "BTRFS_BALANCE_CTL_???");
		lt_done(a);
		return 1;
	case BTRFS_IOC_START_SYNC:
		lt_ioctl_num(a, 1, 8, 0);
		return 1;
	case BTRFS_IOC_DEFAULT_SUBVOL: case BTRFS_IOC_WAIT_SYNC:
		lt_ioctl_num(a, 0, 8, 0);
		return 1;
	case BTRFS_IOC_SUBVOL_GETFLAGS: case BTRFS_IOC_SUBVOL_SETFLAGS:
		lt_ioctl_obj(a, 8, req == BTRFS_IOC_SUBVOL_GETFLAGS, lt_btrfs_flags);
		return 1;
	case BTRFS_IOC_SNAP_CREATE: case BTRFS_IOC_RESIZE: case BTRFS_IOC_SCAN_DEV:
	case BTRFS_IOC_FORGET_DEV: case BTRFS_IOC_ADD_DEV: case BTRFS_IOC_RM_DEV:
	case BTRFS_IOC_SUBVOL_CREATE: case BTRFS_IOC_SNAP_DESTROY: case BTRFS_IOC_DEVICES_READY:
		lt_ioctl_obj(a, BTRFS_VOL_ARGS_SIZE, 0, lt_btrfs_vol_args);
		return 1;
	case BTRFS_IOC_DEFRAG_RANGE:
		lt_ioctl_obj(a, 48, 0, lt_btrfs_defrag_range);
		return 1;
	case FS_IOC_GETFSLABEL: case FS_IOC_SETFSLABEL:
		lt_ioctl_obj(a, FSLABEL_MAX, req == FS_IOC_GETFSLABEL, lt_btrfs_fslabel);
		return 1;
	case BTRFS_IOC_GET_FEATURES:
		lt_ioctl_obj(a, 24, 1, lt_btrfs_features);
		return 1;
	case BTRFS_IOC_SET_FEATURES:
		lt_ioctl_obj(a, 48, 0, lt_btrfs_set_features);
		return 1;
	case BTRFS_IOC_GET_SUPPORTED_FEATURES:
		lt_ioctl_obj(a, 72, 1, lt_btrfs_supported_features);
		return 1;
	case BTRFS_IOC_QGROUP_LIMIT:
		lt_ioctl_obj(a, 48, 1, lt_btrfs_qgroup_limit);
		return 1;
	case BTRFS_IOC_CLONE_RANGE:
		lt_ioctl_obj(a, 32, 0, lt_btrfs_clone_range);
		return 1;
	case BTRFS_IOC_QUOTA_CTL: /* read-write: strace shows it as passed */
		lt_ioctl_obj(a, 16, 0, lt_btrfs_quota_ctl);
		return 1;
	case BTRFS_IOC_QGROUP_ASSIGN:
		lt_ioctl_obj(a, 24, 0, lt_btrfs_qgroup_assign);
		return 1;
	case BTRFS_IOC_QGROUP_CREATE:
		lt_ioctl_obj(a, 16, 0, lt_btrfs_qgroup_create);
		return 1;
	case BTRFS_IOC_QUOTA_RESCAN:
		lt_ioctl_obj(a, 64, 0, lt_btrfs_quota_rescan);
		return 1;
	}
	return 0;
}
