/* Files' metadata: stat, statx, statfs, st_mode and dev_t (strace's stat.c, statx.c,
 * statfs.c), access modes, xattr values (printmode.c, xattr.c). */
#include <stdio.h>
#include <string.h>

#include "lt_capture.h"
#include "decode_struct.h"
#include "xlat/gen.h"

static const struct lt_xlat lt_st_mode_types[] = {
	{ 0140000, "S_IFSOCK" }, { 0120000, "S_IFLNK" }, { 0100000, "S_IFREG" },
	{ 0060000, "S_IFBLK" }, { 0040000, "S_IFDIR" }, { 0020000, "S_IFCHR" },
	{ 0010000, "S_IFIFO" }, { 0, 0 }
};

/* strace's print_symbolic_mode_t: a file type it has no name for prints the whole mode
 * in octal, in every style. */
void lt_put_st_mode(struct lt_dctx *c, uint32_t mode)
{
	enum lt_xlat_style st = c->fmt ? c->fmt->xlat : LT_XLAT_ABBREV;
	const char *t = (mode & 0170000) ? lt_xlat_name(lt_st_mode_types, mode & 0170000) : "";
	if (!t || st != LT_XLAT_ABBREV)
		lt_sb_printf(SB(c), "%#03o", mode);
	if (!t || st == LT_XLAT_RAW)
		return;
	if (st == LT_XLAT_VERBOSE)
		lt_sb_puts(SB(c), " /* ");
	lt_sb_printf(SB(c), "%s%s%s%s%s%#03o", t, t[0] ? "|" : "", (mode & 04000) ? "S_ISUID|" : "",
		     (mode & 02000) ? "S_ISGID|" : "", (mode & 01000) ? "S_ISVTX|" : "",
		     mode & ~(0170000u | 07000u));
	if (st == LT_XLAT_VERBOSE)
		lt_sb_puts(SB(c), " */");
}

/* access modes: bits none of R_OK, W_OK, X_OK name print with strace's "?_OK" */
void lt_put_access_mode(struct lt_dctx *c, int i, int kind)
{
	uint32_t m = (uint32_t)c->ev->args[i];
	(void)kind;
	if (m && !(m & 7) && lt_st(c) != LT_XLAT_RAW)
		lt_sb_printf(SB(c), "%#x /* ?_OK */", m);
	else
		lt_put_flags(c, lt_x_access, m);
}

/* strace's print_xattr_val: a value of at most XATTR_SIZE_MAX bytes (what the call read,
 * or what it returned it wrote), its -s bytes read whole or the address, a NUL ending
 * them left out */
void lt_put_xattr_val(struct lt_dctx *c, int i, int kind)
{
	const struct lt_event *ev = c->ev;
	uint64_t addr = ev->args[i], size = kind == LT_K_XATTR_VAL ? ev->args[3] : (uint64_t)ev->ret;
	size_t have = 0;
	const uint8_t *d = addr ? lt_cap_get(c, i, LT_CAP_SUB_SELF, 0, &have) : NULL;
	uint64_t want = size < (uint64_t)c->strsize + 1 ? size : (uint64_t)c->strsize + 1;
	if (!addr || (kind != LT_K_XATTR_VAL && !lt_ok(c)) || size > 65536 || !d || have < want) {
		lt_put_ptr(c, addr);
		return;
	}
	size_t n = size < c->strsize ? (size_t)size : c->strsize;
	int trunc = size > c->strsize;
	if (n && !d[n - 1]) {
		n--;
		trunc = 0;
	}
	lt_put_quoted(c, d, n, trunc);
}

/* strace's print_xattr_list: the address when the size is 0 or the call failed */
void lt_put_xattr_list(struct lt_dctx *c, int i, int kind)
{
	uint64_t addr = c->ev->args[i];
	(void)kind;
	if (!c->ev->args[i + 1] || !lt_ok(c))
		lt_put_ptr(c, addr);
	else
		lt_put_buf(c, i, LT_CAP_SUB_SELF, addr, (uint64_t)c->ev->ret);
}

void lt_put_dev(struct lt_dctx *c, uint64_t dev)
{
	/* the kernel's new_encode_dev layout, as glibc's major()/minor() read it */
	unsigned major = (unsigned)(((dev >> 32) & 0xfffff000) | ((dev >> 8) & 0xfff));
	unsigned minor = (unsigned)(((dev >> 12) & 0xffffff00) | (dev & 0xff));
	if (lt_st(c) != LT_XLAT_ABBREV)
		lt_put_hex(c, dev);
	if (lt_st(c) == LT_XLAT_VERBOSE)
		lt_sb_printf(SB(c), " /* makedev(%#x, %#x) */", major, minor);
	else if (lt_st(c) == LT_XLAT_ABBREV)
		lt_sb_printf(SB(c), "makedev(%#x, %#x)", major, minor);
}

void lt_put_stat(struct lt_dctx *c, const uint8_t *d)
{
	uint32_t mode = RD(uint32_t, d, 24);
	uint64_t rdev = RD(uint64_t, d, 40);
	int64_t size = RD(int64_t, d, 48);
	int dev = (mode & 0170000) == 0020000 || (mode & 0170000) == 0060000;
	if (!lt_verbose(c)) {
		lt_sb_puts(SB(c), "{st_mode=");
		lt_put_st_mode(c, mode);
		if (dev) {
			lt_sb_puts(SB(c), ", st_rdev=");
			lt_put_dev(c, rdev);
		} else {
			lt_sb_printf(SB(c), ", st_size=%lld", (long long)size);
		}
		lt_sb_puts(SB(c), ", ...}");
		return;
	}
	lt_sb_puts(SB(c), "{st_dev=");
	lt_put_dev(c, RD(uint64_t, d, 0));
	lt_sb_printf(SB(c), ", st_ino=%llu, st_mode=", (unsigned long long)RD(uint64_t, d, 8));
	lt_put_st_mode(c, mode);
	lt_sb_printf(SB(c), ", st_nlink=%llu, st_uid=%u, st_gid=%u, st_blksize=%lld, st_blocks=%lld",
		     (unsigned long long)RD(uint64_t, d, 16), RD(uint32_t, d, 28),
		     RD(uint32_t, d, 32), (long long)RD(int64_t, d, 56),
		     (long long)RD(int64_t, d, 64));
	if (dev) {
		lt_sb_puts(SB(c), ", st_rdev=");
		lt_put_dev(c, rdev);
	} else {
		lt_sb_printf(SB(c), ", st_size=%lld", (long long)size);
	}
	static const char *const tn[] = { "st_atime", "st_mtime", "st_ctime" };
	for (int k = 0; k < 3; k++) {
		int64_t s = RD(int64_t, d, 72 + 16 * k);
		uint64_t ns = RD(uint64_t, d, 80 + 16 * k);
		lt_sb_printf(SB(c), ", %s=%lld", tn[k], (long long)s);
		lt_put_time_comment(c, s, ns);
		lt_sb_printf(SB(c), ", %s_nsec=%llu", tn[k], (unsigned long long)ns);
	}
	lt_sb_putc(SB(c), '}');
}

void lt_put_statx(struct lt_dctx *c, const uint8_t *d)
{
	uint32_t mask = RD(uint32_t, d, 0);
	lt_sb_puts(SB(c), "{stx_mask=");
	lt_put_flags(c, lt_x_statx_mask, mask);
	if (!lt_verbose(c)) {
		lt_sb_puts(SB(c), ", stx_attributes=");
		lt_put_flags(c, lt_x_statx_attr, RD(uint64_t, d, 8));
		lt_sb_puts(SB(c), ", stx_mode=");
		lt_put_st_mode(c, RD(uint16_t, d, 28));
		lt_sb_printf(SB(c), ", stx_size=%llu, ...}", (unsigned long long)RD(uint64_t, d, 40));
		return;
	}
	lt_sb_printf(SB(c), ", stx_blksize=%u, stx_attributes=", RD(uint32_t, d, 4));
	lt_put_flags(c, lt_x_statx_attr, RD(uint64_t, d, 8));
	lt_sb_printf(SB(c), ", stx_nlink=%u, stx_uid=%u, stx_gid=%u, stx_mode=", RD(uint32_t, d, 16),
		     RD(uint32_t, d, 20), RD(uint32_t, d, 24));
	lt_put_st_mode(c, RD(uint16_t, d, 28));
	lt_sb_printf(SB(c), ", stx_ino=%llu, stx_size=%llu, stx_blocks=%llu, stx_attributes_mask=",
		     (unsigned long long)RD(uint64_t, d, 32), (unsigned long long)RD(uint64_t, d, 40),
		     (unsigned long long)RD(uint64_t, d, 48));
	lt_put_flags(c, lt_x_statx_attr, RD(uint64_t, d, 56));
	/* each time only when the kernel says it filled it in */
	static const char *const tn[] = { "stx_atime", "stx_btime", "stx_ctime", "stx_mtime" };
	static const uint32_t tbit[] = { 0x20, 0x800, 0x80, 0x40 };
	for (int k = 0; k < 4; k++) {
		if (!(mask & tbit[k]))
			continue;
		int64_t s = RD(int64_t, d, 64 + 16 * k);
		uint32_t ns = RD(uint32_t, d, 72 + 16 * k);
		lt_sb_printf(SB(c), ", %s={tv_sec=%lld, tv_nsec=%u}", tn[k], (long long)s, ns);
		if (s || ns)
			lt_put_time_comment(c, s, ns);
	}
	lt_sb_printf(SB(c), ", stx_rdev_major=%u, stx_rdev_minor=%u, stx_dev_major=%u, stx_dev_minor=%u",
		     RD(uint32_t, d, 128), RD(uint32_t, d, 132), RD(uint32_t, d, 136),
		     RD(uint32_t, d, 140));
	lt_sb_printf(SB(c), ", stx_mnt_id=%#llx}", (unsigned long long)RD(uint64_t, d, 144));
}

static const struct lt_xlat lt_x_fs_magic[] = {
	{ 0xef53, "EXT2_SUPER_MAGIC" }, { 0x01021994, "TMPFS_MAGIC" }, { 0x9fa0, "PROC_SUPER_MAGIC" },
	{ 0x62656572, "SYSFS_MAGIC" }, { 0x9123683e, "BTRFS_SUPER_MAGIC" },
	{ 0x58465342, "XFS_SUPER_MAGIC" }, { 0x794c7630, "OVERLAYFS_SUPER_MAGIC" },
	{ 0x63677270, "CGROUP2_SUPER_MAGIC" }, { 0x27e0eb, "CGROUP_SUPER_MAGIC" },
	{ 0x1cd1, "DEVPTS_SUPER_MAGIC" }, { 0x6969, "NFS_SUPER_MAGIC" },
	{ 0x73717368, "SQUASHFS_MAGIC" }, { 0x65735546, "FUSE_SUPER_MAGIC" },
	{ 0x01021997, "V9FS_MAGIC" }, { 0x4d44, "MSDOS_SUPER_MAGIC" },
	{ 0x858458f6, "RAMFS_MAGIC" }, { 0x9660, "ISOFS_SUPER_MAGIC" },
	{ 0xf2f52010, "F2FS_SUPER_MAGIC" }, { 0x2fc12fc1, "ZFS_SUPER_MAGIC" },
	{ 0x64626720, "DEBUGFS_MAGIC" }, { 0x74726163, "TRACEFS_MAGIC" },
	{ 0xcafe4a11, "BPF_FS_MAGIC" }, { 0x73636673, "SECURITYFS_MAGIC" },
	{ 0xf97cff8c, "SELINUX_MAGIC" }, { 0x19800202, "MQUEUE_MAGIC" },
	{ 0x6e736673, "NSFS_MAGIC" }, { 0x42494e4d, "BINFMTFS_MAGIC" },
	{ 0x5346544e, "NTFS_SB_MAGIC" }, { 0x7366746e, "NTFS3_SUPER_MAGIC" }, { 0, 0 }
};

static const struct lt_xlat lt_x_statfs_flags[] = {
	{ 1, "ST_RDONLY" }, { 2, "ST_NOSUID" }, { 4, "ST_NODEV" }, { 8, "ST_NOEXEC" },
	{ 16, "ST_SYNCHRONOUS" }, { 32, "ST_VALID" }, { 64, "ST_MANDLOCK" }, { 1024, "ST_NOATIME" },
	{ 2048, "ST_NODIRATIME" }, { 4096, "ST_RELATIME" }, { 8192, "ST_NOSYMFOLLOW" }, { 0, 0 }
};

void lt_put_statfs(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{f_type=");
	lt_put_xlat(c, lt_x_fs_magic, RD(uint64_t, d, 0), NULL);
	lt_sb_printf(SB(c), ", f_bsize=%lld, f_blocks=%llu, f_bfree=%llu, f_bavail=%llu"
		     ", f_files=%llu, f_ffree=%llu, f_fsid={val=[%#x, %#x]}, f_namelen=%lld"
		     ", f_frsize=%lld, f_flags=",
		     (long long)RD(int64_t, d, 8),
		     (unsigned long long)RD(uint64_t, d, 16), (unsigned long long)RD(uint64_t, d, 24),
		     (unsigned long long)RD(uint64_t, d, 32), (unsigned long long)RD(uint64_t, d, 40),
		     (unsigned long long)RD(uint64_t, d, 48), RD(uint32_t, d, 56), RD(uint32_t, d, 60),
		     (long long)RD(int64_t, d, 64), (long long)RD(int64_t, d, 72));
	lt_put_flags(c, lt_x_statfs_flags, RD(uint64_t, d, 80));
	lt_sb_putc(SB(c), '}');
}
