/* Disk ioctls: type 0x03, HDIO_* (strace's hdio.c and its generated hdio.def decoders),
 * type 0x12, BLK* (block.c), and type 'L', loop devices (loop.c). */
#include "decode_ioctl.h"
#include "xlat/gen.h"

/* x86-64 request numbers (the names print from report/xlat/tables.in's tables) */
enum {
	HDIO_GETGEO = 0x301, HDIO_GET_UNMASKINTR = 0x302, HDIO_GET_MULTCOUNT = 0x304,
	HDIO_OBSOLETE_IDENTITY = 0x307, HDIO_GET_KEEPSETTINGS = 0x308, HDIO_GET_32BIT = 0x309,
	HDIO_GET_NOWERR = 0x30a, HDIO_GET_DMA = 0x30b, HDIO_GET_NICE = 0x30c,
	HDIO_GET_IDENTITY = 0x30d, HDIO_GET_WCACHE = 0x30e, HDIO_GET_ACOUSTIC = 0x30f,
	HDIO_GET_ADDRESS = 0x310, HDIO_GET_BUSSTATE = 0x31a, HDIO_DRIVE_RESET = 0x31c,
	HDIO_DRIVE_CMD = 0x31f, HDIO_SET_MULTCOUNT = 0x321, HDIO_SET_UNMASKINTR = 0x322,
	HDIO_SET_KEEPSETTINGS = 0x323, HDIO_SET_32BIT = 0x324, HDIO_SET_NOWERR = 0x325,
	HDIO_SET_DMA = 0x326, HDIO_SET_PIO_MODE = 0x327, HDIO_SCAN_HWIF = 0x328,
	HDIO_SET_NICE = 0x329, HDIO_UNREGISTER_HWIF = 0x32a, HDIO_SET_WCACHE = 0x32b,
	HDIO_SET_ACOUSTIC = 0x32c, HDIO_SET_BUSSTATE = 0x32d, HDIO_SET_ADDRESS = 0x32f,
	BLKROSET = 0x125d, BLKROGET = 0x125e, BLKRRPART = 0x125f, BLKGETSIZE = 0x1260,
	BLKFLSBUF = 0x1261, BLKRASET = 0x1262, BLKRAGET = 0x1263, BLKFRASET = 0x1264,
	BLKFRAGET = 0x1265, BLKSECTGET = 0x1267, BLKSSZGET = 0x1268, BLKPG = 0x1269,
	BLKBSZGET = 0x80081270, BLKBSZSET = 0x40081271, BLKGETSIZE64 = 0x80081272,
	BLKTRACESETUP = 0xc0481273, BLKTRACESTART = 0x1274, BLKTRACESTOP = 0x1275,
	BLKTRACETEARDOWN = 0x1276, BLKDISCARD = 0x1277, BLKIOMIN = 0x1278, BLKIOOPT = 0x1279,
	BLKALIGNOFF = 0x127a, BLKPBSZGET = 0x127b, BLKDISCARDZEROES = 0x127c,
	BLKSECDISCARD = 0x127d, BLKROTATIONAL = 0x127e, BLKZEROOUT = 0x127f,
	BLKGETDISKSEQ = 0x80081280, BLKGETZONESZ = 0x80041284, BLKGETNRZONES = 0x80041285,
	LOOP_SET_FD = 0x4c00, LOOP_CLR_FD = 0x4c01, LOOP_SET_STATUS = 0x4c02,
	LOOP_GET_STATUS = 0x4c03, LOOP_SET_STATUS64 = 0x4c04, LOOP_GET_STATUS64 = 0x4c05,
	LOOP_CHANGE_FD = 0x4c06, LOOP_SET_CAPACITY = 0x4c07, LOOP_SET_DIRECT_IO = 0x4c08,
	LOOP_SET_BLOCK_SIZE = 0x4c09, LOOP_CONFIGURE = 0x4c0a, LOOP_CTL_ADD = 0x4c80,
	LOOP_CTL_REMOVE = 0x4c81, LOOP_CTL_GET_FREE = 0x4c82,
};

/* the IDE_NICE_* bit numbers, named as strace names them (its xlat/hdio_ide_nice.in) */
static const struct lt_xlat lt_x_ide_nice[] = {
	{ 1, "1 << IDE_NICE_DSC_OVERLAP" }, { 2, "1 << IDE_NICE_ATAPI_OVERLAP" },
	{ 8, "1 << IDE_NICE_1" }, { 4, "1 << IDE_NICE_0" }, { 16, "1 << IDE_NICE_2" }, { 0, 0 }
};

/* ATA commands (the kernel's include/linux/ata.h, not UAPI: strace's xlat/hdio_drive_cmds) */
static const struct lt_xlat lt_x_ata_cmd[] = {
	{ 0, "ATA_CMD_NOP" }, { 0x03, "ATA_CMD_CFA_REQ_EXT_ERR" }, { 0x06, "ATA_CMD_DSM" },
	{ 0x08, "ATA_CMD_DEV_RESET" }, { 0x0b, "ATA_CMD_REQ_SENSE_DATA" },
	{ 0x10, "ATA_CMD_RESTORE" }, { 0x20, "ATA_CMD_PIO_READ" }, { 0x22, "ATA_CMD_READ_LONG" },
	{ 0x23, "ATA_CMD_READ_LONG_ONCE" }, { 0x24, "ATA_CMD_PIO_READ_EXT" },
	{ 0x25, "ATA_CMD_READ_EXT" }, { 0x26, "ATA_CMD_READ_QUEUED" },
	{ 0x27, "ATA_CMD_READ_NATIVE_MAX_EXT" }, { 0x29, "ATA_CMD_READ_MULTI_EXT" },
	{ 0x2a, "ATA_CMD_READ_STREAM_DMA_EXT" }, { 0x2b, "ATA_CMD_READ_STREAM_EXT" },
	{ 0x2f, "ATA_CMD_READ_LOG_EXT" }, { 0x30, "ATA_CMD_PIO_WRITE" },
	{ 0x32, "ATA_CMD_WRITE_LONG" }, { 0x33, "ATA_CMD_WRITE_LONG_ONCE" },
	{ 0x34, "ATA_CMD_PIO_WRITE_EXT" }, { 0x35, "ATA_CMD_WRITE_EXT" },
	{ 0x36, "ATA_CMD_WRITE_QUEUED" }, { 0x37, "ATA_CMD_SET_MAX_EXT" },
	{ 0x38, "ATA_CMD_CFA_WRITE_NE" }, { 0x39, "ATA_CMD_WRITE_MULTI_EXT" },
	{ 0x3a, "ATA_CMD_WRITE_STREAM_DMA_EXT" }, { 0x3b, "ATA_CMD_WRITE_STREAM_EXT" },
	{ 0x3d, "ATA_CMD_WRITE_FUA_EXT" }, { 0x3e, "ATA_CMD_WRITE_QUEUED_FUA_EXT" },
	{ 0x3f, "ATA_CMD_WRITE_LOG_EXT" }, { 0x40, "ATA_CMD_VERIFY" },
	{ 0x42, "ATA_CMD_VERIFY_EXT" }, { 0x45, "ATA_CMD_WRITE_UNCORR_EXT" },
	{ 0x47, "ATA_CMD_READ_LOG_DMA_EXT" }, { 0x4a, "ATA_CMD_ZAC_MGMT_IN" },
	{ 0x51, "ATA_CMD_CONFIG_STREAM" }, { 0x57, "ATA_CMD_WRITE_LOG_DMA_EXT" },
	{ 0x5b, "ATA_CMD_TRUSTED_NONDATA" }, { 0x5c, "ATA_CMD_TRUSTED_RCV" },
	{ 0x5d, "ATA_CMD_TRUSTED_RCV_DMA" }, { 0x5e, "ATA_CMD_TRUSTED_SND" },
	{ 0x5f, "ATA_CMD_TRUSTED_SND_DMA" }, { 0x60, "ATA_CMD_FPDMA_READ" },
	{ 0x61, "ATA_CMD_FPDMA_WRITE" }, { 0x63, "ATA_CMD_NCQ_NON_DATA" },
	{ 0x64, "ATA_CMD_FPDMA_SEND" }, { 0x65, "ATA_CMD_FPDMA_RECV" },
	{ 0x87, "ATA_CMD_CFA_TRANS_SECT" }, { 0x90, "ATA_CMD_EDD" },
	{ 0x91, "ATA_CMD_INIT_DEV_PARAMS" }, { 0x92, "ATA_CMD_DOWNLOAD_MICRO" },
	{ 0x93, "ATA_CMD_DOWNLOAD_MICRO_DMA" }, { 0x9f, "ATA_CMD_ZAC_MGMT_OUT" },
	{ 0xa0, "ATA_CMD_PACKET" }, { 0xa1, "ATA_CMD_ID_ATAPI" }, { 0xa2, "ATA_CMD_SERVICE" },
	{ 0xb0, "ATA_CMD_SMART" }, { 0xb1, "ATA_CMD_CONF_OVERLAY" },
	{ 0xb4, "ATA_CMD_SANITIZE_DEVICE" }, { 0xc0, "ATA_CMD_CFA_ERASE" },
	{ 0xc4, "ATA_CMD_READ_MULTI" }, { 0xc5, "ATA_CMD_WRITE_MULTI" },
	{ 0xc6, "ATA_CMD_SET_MULTI" }, { 0xc8, "ATA_CMD_READ" }, { 0xca, "ATA_CMD_WRITE" },
	{ 0xcd, "ATA_CMD_CFA_WRITE_MULT_NE" }, { 0xce, "ATA_CMD_WRITE_MULTI_FUA_EXT" },
	{ 0xd1, "ATA_CMD_CHK_MED_CRD_TYP" }, { 0xde, "ATA_CMD_MEDIA_LOCK" },
	{ 0xdf, "ATA_CMD_MEDIA_UNLOCK" }, { 0xe0, "ATA_CMD_STANDBYNOW1" },
	{ 0xe1, "ATA_CMD_IDLEIMMEDIATE" }, { 0xe2, "ATA_CMD_STANDBY" }, { 0xe3, "ATA_CMD_IDLE" },
	{ 0xe4, "ATA_CMD_PMP_READ" }, { 0xe5, "ATA_CMD_CHK_POWER" }, { 0xe6, "ATA_CMD_SLEEP" },
	{ 0xe7, "ATA_CMD_FLUSH" }, { 0xe8, "ATA_CMD_PMP_WRITE" },
	{ 0xe9, "ATA_CMD_PMP_READ_DMA" }, { 0xea, "ATA_CMD_FLUSH_EXT" },
	{ 0xeb, "ATA_CMD_PMP_WRITE_DMA" }, { 0xec, "ATA_CMD_ID_ATA" },
	{ 0xef, "ATA_CMD_SET_FEATURES" }, { 0xf1, "ATA_CMD_SEC_SET_PASS" },
	{ 0xf2, "ATA_CMD_SEC_UNLOCK" }, { 0xf3, "ATA_CMD_SEC_ERASE_PREP" },
	{ 0xf4, "ATA_CMD_SEC_ERASE_UNIT" }, { 0xf5, "ATA_CMD_SEC_FREEZE_LOCK" },
	{ 0xf6, "ATA_CMD_SEC_DISABLE_PASS" }, { 0xf8, "ATA_CMD_READ_NATIVE_MAX" },
	{ 0xf9, "ATA_CMD_SET_MAX" }, { 0, 0 }
};

/* struct hd_geometry, as got */
static void lt_hd_geometry(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{heads=%u, sectors=%u, cylinders=%u, start=%llu}", d[0], d[1],
		     RD(uint16_t, d, 2), (unsigned long long)RD(uint64_t, d, 8));
}

/* HDIO_DRIVE_CMD: the command header, then on success " => " the status the drive gave */
static void lt_hdio_drive_cmd(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, 4);
	lt_next(a);
	if (d) {
		lt_sb_puts(SB(c), "{command=");
		lt_put_xlat(c, lt_x_ata_cmd, d[0], "ATA_CMD_???");
		lt_sb_printf(SB(c), ", sector_number=%u, feature=%u, sector_count=%u}", d[1], d[2],
			     d[3]);
		const uint8_t *o = lt_out(c, 2, 4);
		if (o)
			lt_sb_printf(SB(c), " => {status=%#x, error=%u, nsector=%u}", o[0], o[1], o[2]);
	} else {
		lt_put_ptr(c, c->ev->args[2]);
	}
	lt_done(a);
}

static int lt_elem_xint(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o)
{
	(void)k, (void)o;
	lt_put_hex(c, RD(uint32_t, e, 0));
	return 1;
}

/* an unsigned long the call wrote: [N], or in hex with its names (t) */
static void lt_hdio_ulong_out(struct lt_args *a, const struct lt_xlat *t, int flags)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_out(c, 2, 8);
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
	} else {
		lt_sb_putc(SB(c), '[');
		if (!t)
			lt_put_udec(c, RD(uint64_t, d, 0));
		else if (flags)
			lt_put_flags(c, t, RD(uint64_t, d, 0));
		else
			lt_put_xlat(c, t, RD(uint64_t, d, 0), "BUSSTATE_???");
		lt_sb_putc(SB(c), ']');
	}
	lt_done(a);
}

/* the drive's identification: bytes the call wrote, or the address when it failed */
static void lt_hdio_identity(struct lt_args *a, uint64_t size)
{
	struct lt_dctx *c = a->c;
	lt_next(a);
	if (lt_ok(c))
		lt_put_buf(c, 2, LT_CAP_SUB_SELF, c->ev->args[2], size);
	else
		lt_put_ptr(c, c->ev->args[2]);
	lt_done(a);
}

int lt_ioctl_hdio(struct lt_args *a, uint32_t req)
{
	struct lt_dctx *c = a->c;
	uint64_t v = c->ev->args[2];
	switch (req) {
	case HDIO_GETGEO:
		lt_ioctl_obj(a, 16, 1, lt_hd_geometry);
		return 1;
	case HDIO_DRIVE_CMD:
		lt_hdio_drive_cmd(a);
		return 1;
	case HDIO_DRIVE_RESET: case HDIO_SCAN_HWIF:
		lt_next(a);
		lt_put_array(c, 2, LT_CAP_SUB_SELF, v, 3, 4, lt_elem_xint, NULL);
		lt_done(a);
		return 1;
	case HDIO_GET_UNMASKINTR: case HDIO_GET_MULTCOUNT: case HDIO_GET_KEEPSETTINGS:
	case HDIO_GET_32BIT: case HDIO_GET_NOWERR: case HDIO_GET_DMA: case HDIO_GET_WCACHE:
	case HDIO_GET_ACOUSTIC: case HDIO_GET_ADDRESS:
		lt_hdio_ulong_out(a, NULL, 0);
		return 1;
	case HDIO_GET_NICE:
		lt_hdio_ulong_out(a, lt_x_ide_nice, 1);
		return 1;
	case HDIO_GET_BUSSTATE:
		lt_hdio_ulong_out(a, lt_x_hdio_busstate, 0);
		return 1;
	case HDIO_GET_IDENTITY:
		lt_hdio_identity(a, 512);
		return 1;
	case HDIO_OBSOLETE_IDENTITY:
		lt_hdio_identity(a, 142);
		return 1;
	case HDIO_SET_MULTCOUNT: case HDIO_SET_UNMASKINTR: case HDIO_SET_KEEPSETTINGS:
	case HDIO_SET_32BIT: case HDIO_SET_NOWERR: case HDIO_SET_DMA: case HDIO_SET_PIO_MODE:
	case HDIO_UNREGISTER_HWIF: case HDIO_SET_WCACHE: case HDIO_SET_ACOUSTIC:
	case HDIO_SET_ADDRESS:
		lt_next(a);
		lt_put_udec(c, v);
		lt_done(a);
		return 1;
	case HDIO_SET_NICE:
		lt_next(a);
		lt_put_flags(c, lt_x_ide_nice, v);
		lt_done(a);
		return 1;
	case HDIO_SET_BUSSTATE:
		lt_next(a);
		lt_put_xlat(c, lt_x_hdio_busstate, v, "BUSSTATE_???");
		lt_done(a);
		return 1;
	}
	return 0;
}

/* struct blkpg_ioctl_arg, and the blkpg_partition its data points to (sub 0) */
static void lt_blkpg(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, 24), *p;
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
		lt_done(a);
		return;
	}
	lt_sb_puts(SB(c), "{op=");
	lt_put_xlat(c, lt_x_blkpg_op, RD(uint32_t, d, 0), "BLKPG_???");
	lt_sb_printf(SB(c), ", flags=%d, datalen=%d, data=", RD(int32_t, d, 4), RD(int32_t, d, 8));
	p = lt_cap_get(c, 2, 0, 152, NULL);
	if (!p) {
		lt_put_ptr(c, RD(uint64_t, d, 16));
	} else {
		lt_sb_printf(SB(c), "{start=%lld, length=%lld, pno=%d, devname=",
			     (long long)RD(int64_t, p, 0), (long long)RD(int64_t, p, 8),
			     RD(int32_t, p, 16));
		lt_ioctl_cstring(c, p + 20, 64);
		lt_sb_puts(SB(c), ", volname=");
		lt_ioctl_cstring(c, p + 84, 64);
		lt_sb_putc(SB(c), '}');
	}
	lt_sb_putc(SB(c), '}');
	lt_done(a);
}

/* struct blk_user_trace_setup: what was asked, and the name the kernel chose on success */
static void lt_blk_trace_setup(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, 72), *o;
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
	} else {
		lt_sb_printf(SB(c), "{act_mask=%u, buf_size=%u, buf_nr=%u, start_lba=%llu, "
			     "end_lba=%llu, pid=%u", RD(uint16_t, d, 32), RD(uint32_t, d, 36),
			     RD(uint32_t, d, 40), (unsigned long long)RD(uint64_t, d, 48),
			     (unsigned long long)RD(uint64_t, d, 56), RD(uint32_t, d, 64));
		o = lt_out(c, 2, 72);
		if (o) {
			lt_sb_puts(SB(c), ", name=");
			lt_ioctl_cstring(c, o, 32);
		}
		lt_sb_putc(SB(c), '}');
	}
	lt_done(a);
}

static int lt_elem_u64(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o)
{
	(void)k, (void)o;
	lt_put_udec(c, RD(uint64_t, e, 0));
	return 1;
}

int lt_ioctl_block(struct lt_args *a, uint32_t req)
{
	struct lt_dctx *c = a->c;
	switch (req) {
	case BLKRASET: case BLKFRASET:
		lt_next(a);
		lt_put_udec(c, c->ev->args[2]);
		lt_done(a);
		return 1;
	case BLKSECTGET: case BLKROTATIONAL:
		lt_ioctl_num(a, 1, 2, 0);
		return 1;
	case BLKROGET: case BLKBSZGET: case BLKSSZGET: case BLKALIGNOFF:
		lt_ioctl_num(a, 1, 4, 1);
		return 1;
	case BLKROSET: case BLKBSZSET:
		lt_ioctl_num(a, 0, 4, 1);
		return 1;
	case BLKPBSZGET: case BLKIOMIN: case BLKIOOPT: case BLKDISCARDZEROES: case BLKGETZONESZ:
	case BLKGETNRZONES:
		lt_ioctl_num(a, 1, 4, 0);
		return 1;
	case BLKRAGET: case BLKFRAGET:
		lt_ioctl_num(a, 1, 8, 1);
		return 1;
	case BLKGETSIZE: case BLKGETSIZE64: case BLKGETDISKSEQ:
		lt_ioctl_num(a, 1, 8, 0);
		return 1;
	case BLKDISCARD: case BLKSECDISCARD: case BLKZEROOUT: {
		const uint8_t *d = lt_in(c, 2, 16);
		lt_next(a);
		if (d) {
			lt_sb_putc(SB(c), '[');
			lt_elem_u64(c, d, 0, NULL);
			lt_sb_puts(SB(c), ", ");
			lt_elem_u64(c, d + 8, 1, NULL);
			lt_sb_putc(SB(c), ']');
		} else {
			lt_put_ptr(c, c->ev->args[2]);
		}
		lt_done(a);
		return 1;
	}
	case BLKPG:
		lt_blkpg(a);
		return 1;
	case BLKTRACESETUP:
		lt_blk_trace_setup(a);
		return 1;
	case BLKRRPART: case BLKFLSBUF: case BLKTRACESTART: case BLKTRACESTOP:
	case BLKTRACETEARDOWN:
		return 1;
	}
	return 0;
}

/* bytes of a field as a string of n of them (strace's PRINT_FIELD_STRING: -s applies) */
static void lt_put_bytes_field(struct lt_dctx *c, const uint8_t *p, size_t n)
{
	lt_put_quoted(c, p, n < c->strsize ? n : c->strsize, n > c->strsize);
}

static void lt_put_xarray(struct lt_dctx *c, const uint8_t *p, size_t n, size_t es)
{
	lt_sb_putc(SB(c), '[');
	for (size_t k = 0; k < n; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		lt_put_hex(c, es == 1 ? p[k] : RD(uint64_t, p, k * 8));
	}
	lt_sb_putc(SB(c), ']');
}

/* the encryption fields loop_info and loop_info64 share: shown with -v or when set */
static void lt_loop_crypt(struct lt_dctx *c, uint32_t type, uint32_t keysize)
{
	lt_sb_puts(SB(c), ", lo_encrypt_type=");
	lt_put_xlat(c, lt_x_loop_crypt, type, "LO_CRYPT_???");
	lt_sb_printf(SB(c), ", lo_encrypt_key_size=%u", keysize);
}

/* struct loop_info */
static void lt_loop_info(struct lt_dctx *c, const uint8_t *d)
{
	int v = lt_verbose(c);
	uint32_t type = RD(uint32_t, d, 36), keysize = RD(uint32_t, d, 40);
	lt_sb_printf(SB(c), "{lo_number=%d", RD(int32_t, d, 0));
	if (v) {
		lt_sb_puts(SB(c), ", lo_device=");
		lt_put_dev(c, RD(uint64_t, d, 8));
		lt_sb_printf(SB(c), ", lo_inode=%llu, lo_rdevice=", (unsigned long long)RD(uint64_t, d, 16));
		lt_put_dev(c, RD(uint64_t, d, 24));
	}
	lt_sb_printf(SB(c), ", lo_offset=%#x", RD(uint32_t, d, 32));
	if (v || type)
		lt_loop_crypt(c, type, keysize);
	lt_sb_puts(SB(c), ", lo_flags=");
	lt_put_flags_unk(c, lt_x_loop_flags, RD(uint32_t, d, 44), "LO_FLAGS_???");
	lt_sb_puts(SB(c), ", lo_name=");
	lt_ioctl_cstring(c, d + 48, 64);
	if (v || type) {
		lt_sb_puts(SB(c), ", lo_encrypt_key=");
		lt_put_bytes_field(c, d + 112, keysize < 32 ? keysize : 32);
	}
	if (v) {
		lt_sb_puts(SB(c), ", lo_init=");
		lt_put_xarray(c, d + 144, 2, 8);
		lt_sb_puts(SB(c), ", reserved=");
		lt_put_xarray(c, d + 160, 4, 1);
		lt_sb_putc(SB(c), '}');
	} else {
		lt_sb_puts(SB(c), ", ...}");
	}
}

/* struct loop_info64 */
static void lt_loop_info64(struct lt_dctx *c, const uint8_t *d)
{
	int v = lt_verbose(c);
	uint32_t type = RD(uint32_t, d, 44), keysize = RD(uint32_t, d, 48);
	if (v) {
		lt_sb_puts(SB(c), "{lo_device=");
		lt_put_dev(c, RD(uint64_t, d, 0));
		lt_sb_printf(SB(c), ", lo_inode=%llu, lo_rdevice=", (unsigned long long)RD(uint64_t, d, 8));
		lt_put_dev(c, RD(uint64_t, d, 16));
		lt_sb_printf(SB(c), ", lo_offset=%#llx, lo_sizelimit=%llu, lo_number=%u",
			     (unsigned long long)RD(uint64_t, d, 24),
			     (unsigned long long)RD(uint64_t, d, 32), RD(uint32_t, d, 40));
	} else {
		lt_sb_printf(SB(c), "{lo_offset=%#llx, lo_number=%u",
			     (unsigned long long)RD(uint64_t, d, 24), RD(uint32_t, d, 40));
	}
	if (v || type)
		lt_loop_crypt(c, type, keysize);
	lt_sb_puts(SB(c), ", lo_flags=");
	lt_put_flags_unk(c, lt_x_loop_flags, RD(uint32_t, d, 52), "LO_FLAGS_???");
	lt_sb_puts(SB(c), ", lo_file_name=");
	lt_ioctl_cstring(c, d + 56, 64);
	if (v || type) {
		lt_sb_puts(SB(c), ", lo_crypt_name=");
		lt_ioctl_cstring(c, d + 120, 64);
		lt_sb_puts(SB(c), ", lo_encrypt_key=");
		lt_put_bytes_field(c, d + 184, keysize < 32 ? keysize : 32);
	}
	if (v) {
		lt_sb_puts(SB(c), ", lo_init=");
		lt_put_xarray(c, d + 216, 2, 8);
		lt_sb_putc(SB(c), '}');
	} else {
		lt_sb_puts(SB(c), ", ...}");
	}
}

/* struct loop_config */
static void lt_loop_config(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{fd=");
	lt_put_fd(c, RD(int32_t, d, 0));
	lt_sb_printf(SB(c), ", block_size=%u, info=", RD(uint32_t, d, 4));
	lt_loop_info64(c, d + 8);
	for (int k = 0; k < 8; k++)
		if (RD(uint64_t, d, 240 + k * 8)) {
			lt_sb_puts(SB(c), ", __reserved=");
			lt_put_xarray(c, d + 240, 8, 8);
			break;
		}
	lt_sb_putc(SB(c), '}');
}

int lt_ioctl_loop(struct lt_args *a, uint32_t req)
{
	struct lt_dctx *c = a->c;
	uint64_t v = c->ev->args[2];
	switch (req) {
	case LOOP_GET_STATUS: case LOOP_SET_STATUS:
		lt_ioctl_obj(a, 168, req == LOOP_GET_STATUS, lt_loop_info);
		return 1;
	case LOOP_GET_STATUS64: case LOOP_SET_STATUS64:
		lt_ioctl_obj(a, 232, req == LOOP_GET_STATUS64, lt_loop_info64);
		return 1;
	case LOOP_CONFIGURE:
		lt_ioctl_obj(a, 304, 0, lt_loop_config);
		return 1;
	case LOOP_CLR_FD: case LOOP_SET_CAPACITY: case LOOP_CTL_GET_FREE:
		return 1;
	case LOOP_SET_FD: case LOOP_CHANGE_FD:
		lt_next(a);
		lt_put_fd(c, (int)v);
		break;
	case LOOP_CTL_ADD: case LOOP_CTL_REMOVE:
		lt_next(a);
		lt_put_dec(c, (int32_t)v);
		break;
	case LOOP_SET_DIRECT_IO: case LOOP_SET_BLOCK_SIZE:
		lt_next(a);
		lt_put_udec(c, v);
		break;
	default:
		return 0;
	}
	lt_done(a);
	return 1;
}
