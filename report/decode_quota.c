/* quotactl and quotactl_fd: the command, then what it reads or writes (strace's
 * quota.c). The command decides how many arguments are shown. */
#include <stdio.h>
#include <string.h>

#include "lt_capture.h"
#include "decode_struct.h"

#define X(v, n) { (uint64_t)(v), n }
#define END { 0, 0 }
#define XQM(x) (('X' << 8) + (x))

static const struct lt_xlat lt_x_quotacmds[] = {
	X(0x0100, "Q_V1_QUOTAON"), X(0x0200, "Q_V1_QUOTAOFF"), X(0x0300, "Q_V1_GETQUOTA"),
	X(0x0400, "Q_V1_SETQUOTA"), X(0x0500, "Q_V1_SETUSE"), X(0x0600, "Q_V1_SYNC"),
	X(0x0700, "Q_SETQLIM"), X(0x0800, "Q_V1_GETSTATS"), X(0x1000, "Q_V1_RSQUASH"),
	X(0x0d00, "Q_V2_GETQUOTA"), X(0x0e00, "Q_V2_SETQUOTA"), X(0x0f00, "Q_V2_SETUSE"),
	X(0x0900, "Q_V2_GETINFO"), X(0x0a00, "Q_V2_SETINFO"), X(0x0b00, "Q_V2_SETGRACE"),
	X(0x0c00, "Q_V2_SETFLAGS"), X(0x1100, "Q_V2_GETSTATS"),
	X(0x800001, "Q_SYNC"), X(0x800002, "Q_QUOTAON"), X(0x800003, "Q_QUOTAOFF"),
	X(0x800004, "Q_GETFMT"), X(0x800005, "Q_GETINFO"), X(0x800006, "Q_SETINFO"),
	X(0x800007, "Q_GETQUOTA"), X(0x800008, "Q_SETQUOTA"), X(0x800009, "Q_GETNEXTQUOTA"),
	X(XQM(1), "Q_XQUOTAON"), X(XQM(2), "Q_XQUOTAOFF"), X(XQM(3), "Q_XGETQUOTA"),
	X(XQM(4), "Q_XSETQLIM"), X(XQM(5), "Q_XGETQSTAT"), X(XQM(6), "Q_XQUOTARM"),
	X(XQM(7), "Q_XQUOTASYNC"), X(XQM(8), "Q_XGETQSTATV"), X(XQM(9), "Q_XGETNEXTQUOTA"), END
};
static const struct lt_xlat lt_x_quotatypes[] = {
	X(0, "USRQUOTA"), X(1, "GRPQUOTA"), X(2, "PRJQUOTA"), END
};
static const struct lt_xlat lt_x_quota_formats[] = {
	X(1, "QFMT_VFS_OLD"), X(2, "QFMT_VFS_V0"), X(3, "QFMT_OCFS2"), X(4, "QFMT_VFS_V1"), END
};
static const struct lt_xlat lt_x_dqblk_valid[] = {
	X(1, "QIF_BLIMITS"), X(2, "QIF_SPACE"), X(4, "QIF_ILIMITS"), X(8, "QIF_INODES"),
	X(16, "QIF_BTIME"), X(32, "QIF_ITIME"), END
};
static const struct lt_xlat lt_x_dqinfo_flags[] = {
	X(1, "DQF_ROOT_SQUASH"), X(1 << 16, "DQF_SYS_FILE"), END
};
static const struct lt_xlat lt_x_dqinfo_valid[] = {
	X(1, "IIF_BGRACE"), X(2, "IIF_IGRACE"), X(4, "IIF_FLAGS"), END
};
static const struct lt_xlat lt_x_xfs_quota_flags[] = {
	X(1, "FS_QUOTA_UDQ_ACCT"), X(2, "FS_QUOTA_UDQ_ENFD"), X(4, "FS_QUOTA_GDQ_ACCT"),
	X(8, "FS_QUOTA_GDQ_ENFD"), X(16, "FS_QUOTA_PDQ_ACCT"), X(32, "FS_QUOTA_PDQ_ENFD"), END
};
static const struct lt_xlat lt_x_xfs_dqblk_flags[] = {
	X(1, "FS_USER_QUOTA"), X(2, "FS_PROJ_QUOTA"), X(4, "FS_GROUP_QUOTA"), END
};

/* strace's print_qcmd: QCMD(command, type), the number under -X raw and verbose */
static void lt_put_qcmd(struct lt_dctx *c, uint32_t q)
{
	enum lt_xlat_style st = lt_st(c);
	uint32_t cmd = q >> 8, type = q & 0xff;
	if (st != LT_XLAT_ABBREV)
		lt_sb_printf(SB(c), "%u", q);
	if (st == LT_XLAT_RAW)
		return;
	const char *cn = lt_xlat_name(lt_x_quotacmds, cmd), *tn = lt_xlat_name(lt_x_quotatypes, type);
	lt_sb_puts(SB(c), st == LT_XLAT_VERBOSE ? " /* QCMD(" : "QCMD(");
	if (cn)
		lt_sb_puts(SB(c), cn);
	else
		lt_sb_printf(SB(c), "%#x /* Q_??? */", cmd);
	if (tn)
		lt_sb_printf(SB(c), ", %s)", tn);
	else
		lt_sb_printf(SB(c), ", %#x /* ???QUOTA */)", type);
	if (st == LT_XLAT_VERBOSE)
		lt_sb_puts(SB(c), " */");
}

#define U64(off) ((unsigned long long)RD(uint64_t, d, off))

static void lt_put_dqblk(struct lt_dctx *c, const uint8_t *d, int next)
{
	lt_sb_printf(SB(c), "{dqb_bhardlimit=%llu, dqb_bsoftlimit=%llu, dqb_curspace=%llu, "
		     "dqb_ihardlimit=%llu, dqb_isoftlimit=%llu, dqb_curinodes=%llu", U64(0), U64(8),
		     U64(16), U64(24), U64(32), U64(40));
	if (lt_verbose(c)) {
		lt_sb_printf(SB(c), ", dqb_btime=%llu, dqb_itime=%llu, dqb_valid=", U64(48), U64(56));
		lt_put_flags_unk(c, lt_x_dqblk_valid, RD(uint32_t, d, 64), "QIF_???");
		if (next)
			lt_sb_printf(SB(c), ", dqb_id=%u", RD(uint32_t, d, 68));
	} else {
		if (next)
			lt_sb_printf(SB(c), ", dqb_id=%u", RD(uint32_t, d, 68));
		lt_sb_puts(SB(c), ", ...");
	}
	lt_sb_putc(SB(c), '}');
}

static void lt_put_dqinfo(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{dqi_bgrace=%llu, dqi_igrace=%llu, dqi_flags=", U64(0), U64(8));
	lt_put_flags_unk(c, lt_x_dqinfo_flags, RD(uint32_t, d, 16), "DQF_???");
	lt_sb_puts(SB(c), ", dqi_valid=");
	lt_put_flags_unk(c, lt_x_dqinfo_valid, RD(uint32_t, d, 20), "IIF_???");
	lt_sb_putc(SB(c), '}');
}

/* struct fs_disk_quota (linux/dqblk_xfs.h), 112 bytes */
static void lt_put_xfs_dqblk(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{d_version=%d, d_flags=", RD(int8_t, d, 0));
	lt_put_flags_unk(c, lt_x_xfs_dqblk_flags, RD(uint8_t, d, 1), "FS_???_QUOTA");
	lt_sb_printf(SB(c), ", d_fieldmask=%#x, d_id=%u, d_blk_hardlimit=%llu, d_blk_softlimit=%llu"
		     ", d_ino_hardlimit=%llu, d_ino_softlimit=%llu, d_bcount=%llu, d_icount=%llu",
		     RD(uint16_t, d, 2), RD(uint32_t, d, 4), U64(8), U64(16), U64(24), U64(32),
		     U64(40), U64(48));
	if (lt_verbose(c))
		lt_sb_printf(SB(c), ", d_itimer=%d, d_btimer=%d, d_iwarns=%u, d_bwarns=%u"
			     ", d_rtb_hardlimit=%llu, d_rtb_softlimit=%llu, d_rtbcount=%llu"
			     ", d_rtbtimer=%d, d_rtbwarns=%u}", RD(int32_t, d, 56),
			     RD(int32_t, d, 60), RD(uint16_t, d, 64), RD(uint16_t, d, 66), U64(72),
			     U64(80), U64(88), RD(int32_t, d, 96), RD(uint16_t, d, 100));
	else
		lt_sb_puts(SB(c), ", ...}");
}

static void lt_put_qid(struct lt_args *a, uint32_t id)
{
	lt_next(a);
	if (id == UINT32_MAX)
		lt_sb_puts(SB(a->c), "-1");
	else
		lt_sb_printf(SB(a->c), "%u", id);
	lt_done(a);
}

static void lt_put_quota_data(struct lt_dctx *c, int i, uint32_t cmd)
{
	int out;
	size_t size = lt_quota_data_size(cmd, &out);
	uint64_t v = c->ev->args[i];
	const uint8_t *d = !v || !size ? NULL : out ? lt_out(c, i, size) : lt_in(c, i, size);
	if (!d) {
		lt_put_ptr(c, v);
		return;
	}
	switch (cmd) {
	case 0x800007: case 0x800008: lt_put_dqblk(c, d, 0); return;
	case 0x800009: lt_put_dqblk(c, d, 1); return;
	case XQM(3): case XQM(4): case XQM(9): lt_put_xfs_dqblk(c, d); return;
	case 0x800005: case 0x800006: lt_put_dqinfo(c, d); return;
	}
	lt_sb_putc(SB(c), '[');
	if (cmd == 0x800004)
		lt_put_xlat(c, lt_x_quota_formats, RD(uint32_t, d, 0), "QFMT_VFS_???");
	else
		lt_put_flags_unk(c, cmd == XQM(6) ? lt_x_xfs_dqblk_flags : lt_x_xfs_quota_flags,
			      RD(uint32_t, d, 0), cmd == XQM(6) ? "FS_???_QUOTA" : "FS_QUOTA_???");
	lt_sb_putc(SB(c), ']');
}

int lt_special_quotactl(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const struct lt_event *ev = c->ev;
	int fd = ev->nr == 443, ci = fd ? 1 : 0;
	uint32_t q = (uint32_t)ev->args[ci], cmd = q >> 8, id = (uint32_t)ev->args[2];
	lt_next(a);
	if (fd)
		lt_put_fd(c, (int)ev->args[0]);
	else
		lt_put_qcmd(c, q);
	lt_done(a);
	lt_next(a);
	if (fd)
		lt_put_qcmd(c, q);
	else
		lt_put_path(c, 1, LT_CAP_SUB_SELF, ev->args[1]);
	lt_done(a);
	switch (cmd) {
	case 0x800003: case 0x800001: case XQM(7): /* QUOTAOFF, SYNC, XQUOTASYNC */
		return a->n;
	case 0x800002: /* QUOTAON: a format and the quota file */
		lt_next(a);
		lt_put_xlat(c, lt_x_quota_formats, id, "QFMT_VFS_???");
		lt_done(a);
		lt_next(a);
		lt_put_path(c, 3, LT_CAP_SUB_SELF, ev->args[3]);
		lt_done(a);
		return a->n;
	case 0x800007: case 0x800008: case 0x800009: case XQM(3): case XQM(4): case XQM(9):
		lt_put_qid(a, id);
		break;
	case 0x800004: case 0x800005: case 0x800006: case XQM(1): case XQM(2): case XQM(6):
		break;
	case XQM(5): case XQM(8): /* XGETQSTAT(V): not decoded yet */
		lt_next(a);
		lt_put_ptr(c, ev->args[3]);
		lt_done(a);
		return a->n;
	default:
		lt_put_qid(a, id);
		lt_next(a);
		lt_put_ptr(c, ev->args[3]);
		lt_done(a);
		return a->n;
	}
	lt_next(a);
	lt_put_quota_data(c, 3, cmd);
	lt_done(a);
	return a->n;
}

/* the data argument alone (lt_special_quotactl prints the calls whole) */
void lt_put_quota_addr(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_quota_data(c, i, (uint32_t)c->ev->args[c->ev->nr == 443 ? 1 : 0] >> 8);
}
