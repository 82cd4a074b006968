/* SCSI generic ioctls: type 0x22 (strace's scsi.c, sg_io_v3.c, sg_io_v4.c). SG_IO's header
 * is v3 (interface id 'S') or v4 (guard 'Q'); the shim captures it at entry with the command
 * and the data out, and at exit (whatever the call returned, as strace reads it back) with
 * the sense bytes and the data in (lt_capture.h's LT_SUB_SG_*). */
#include "decode_ioctl.h"
#include "xlat/gen.h"

enum { SG_IO = 0x2285, SG_DXFER_TO_DEV = -2, SG_DXFER_FROM_DEV = -3, SG_DXFER_TO_FROM_DEV = -4 };

/* the request names (strace's scsi_sg_commands; the libc header lacks some) */
const struct lt_xlat lt_x_ioctl_scsi[] = {
	{ 0x2201, "SG_SET_TIMEOUT" }, { 0x2202, "SG_GET_TIMEOUT" }, { 0x2203, "SG_EMULATED_HOST" },
	{ 0x2204, "SG_SET_TRANSFORM" }, { 0x2205, "SG_GET_TRANSFORM" },
	{ 0x2270, "SG_GET_COMMAND_Q" }, { 0x2271, "SG_SET_COMMAND_Q" },
	{ 0x2272, "SG_GET_RESERVED_SIZE" }, { 0x2275, "SG_SET_RESERVED_SIZE" },
	{ 0x2276, "SG_GET_SCSI_ID" }, { 0x2279, "SG_SET_FORCE_LOW_DMA" },
	{ 0x227a, "SG_GET_LOW_DMA" }, { 0x227b, "SG_SET_FORCE_PACK_ID" },
	{ 0x227c, "SG_GET_PACK_ID" }, { 0x227d, "SG_GET_NUM_WAITING" }, { 0x227e, "SG_SET_DEBUG" },
	{ 0x227f, "SG_GET_SG_TABLESIZE" }, { 0x2282, "SG_GET_VERSION_NUM" },
	{ 0x2283, "SG_NEXT_CMD_LEN" }, { 0x2284, "SG_SCSI_RESET" }, { 0x2285, "SG_IO" },
	{ 0x2286, "SG_GET_REQUEST_TABLE" }, { 0x2287, "SG_SET_KEEP_ORPHAN" },
	{ 0x2288, "SG_GET_KEEP_ORPHAN" }, { 0x2289, "SG_GET_ACCESS_COUNT" }, { 0, 0 }
};

/* strace's tables, in its order (the flags print in it) */
static const struct lt_xlat lt_x_sg_dxfer[] = {
	{ 0xffffffffu, "SG_DXFER_NONE" }, { 0xfffffffeu, "SG_DXFER_TO_DEV" },
	{ 0xfffffffdu, "SG_DXFER_FROM_DEV" }, { 0xfffffffcu, "SG_DXFER_TO_FROM_DEV" }, { 0, 0 }
};
static const struct lt_xlat lt_x_sg_flags[] = {
	{ 1, "SG_FLAG_DIRECT_IO" }, { 2, "SG_FLAG_UNUSED_LUN_INHIBIT" }, { 4, "SG_FLAG_MMAP_IO" },
	{ 0x10000, "SG_FLAG_NO_DXFER" }, { 0x10, "SG_FLAG_Q_AT_TAIL" },
	{ 0x20, "SG_FLAG_Q_AT_HEAD" }, { 0, 0 }
};
static const struct lt_xlat lt_x_sg_info[] = {
	{ 1, "SG_INFO_CHECK" }, { 2, "SG_INFO_DIRECT_IO" }, { 4, "SG_INFO_MIXED_IO" }, { 0, 0 }
};
static const struct lt_xlat lt_x_bsg_protocol[] = { { 0, "BSG_PROTOCOL_SCSI" }, { 0, 0 } };
static const struct lt_xlat lt_x_bsg_subprotocol[] = {
	{ 0, "BSG_SUB_PROTOCOL_SCSI_CMD" }, { 1, "BSG_SUB_PROTOCOL_SCSI_TMF" },
	{ 2, "BSG_SUB_PROTOCOL_SCSI_TRANSPORT" }, { 0, 0 }
};
static const struct lt_xlat lt_x_bsg_flags[] = {
	{ 0x10, "BSG_FLAG_Q_AT_TAIL" }, { 0x20, "BSG_FLAG_Q_AT_HEAD" }, { 0, 0 }
};

/* strace's print_sg_io_buffer: cnt iovecs holding len bytes, or len bytes in hex */
static void lt_sg_data(struct lt_dctx *c, const char *name, unsigned sub, unsigned buf_sub0,
		       uint64_t addr, uint64_t cnt, uint64_t len)
{
	lt_sb_printf(SB(c), "%s=", name);
	if (cnt) {
		lt_put_iov_at(c, 2, sub, buf_sub0, addr, cnt, 0, len);
		return;
	}
	int fh = c->force_hex;
	c->force_hex = 1;
	lt_put_buf(c, 2, sub, addr, len);
	c->force_hex = fh;
}

/* the data in the kernel reports: the length less a residue that fits in it */
static uint32_t lt_sg_din_len(uint32_t len, int32_t resid)
{
	return resid > 0 && (uint32_t)resid <= len ? len - (uint32_t)resid : len;
}

static void lt_sg_io_v3_in(struct lt_dctx *c, const uint8_t *h)
{
	int32_t dir = RD(int32_t, h, 4);
	lt_sb_puts(SB(c), "dxfer_direction=");
	lt_put_xlat(c, lt_x_sg_dxfer, (uint32_t)dir, "SG_DXFER_???");
	lt_sb_printf(SB(c), ", cmd_len=%u, ", h[8]);
	lt_sg_data(c, "cmdp", LT_SUB_SG_CMD, 0, RD(uint64_t, h, 24), 0, h[8]);
	lt_sb_printf(SB(c), ", mx_sb_len=%u, iovec_count=%u, dxfer_len=%u, timeout=%u, flags=",
		     h[9], RD(uint16_t, h, 10), RD(uint32_t, h, 12), RD(uint32_t, h, 40));
	lt_put_flags(c, lt_x_sg_flags, RD(uint32_t, h, 44));
	if (dir == SG_DXFER_TO_DEV || dir == SG_DXFER_TO_FROM_DEV) {
		lt_sb_puts(SB(c), ", ");
		lt_sg_data(c, "dxferp", LT_SUB_SG_DOUT, LT_SUB_SG_DOUT_BUF, RD(uint64_t, h, 16),
			   RD(uint16_t, h, 10), RD(uint32_t, h, 12));
	}
}

static void lt_sg_io_v3_out(struct lt_dctx *c, const uint8_t *in, const uint8_t *h)
{
	if (!h) { /* unreadable at exit: the pointers read at entry */
		if (RD(int32_t, in, 4) == SG_DXFER_FROM_DEV) {
			lt_sb_puts(SB(c), ", dxferp=");
			lt_put_ptr(c, RD(uint64_t, in, 16));
		}
		lt_sb_puts(SB(c), ", sbp=");
		lt_put_ptr(c, RD(uint64_t, in, 32));
		return;
	}
	if (RD(int32_t, h, 0) != 'S') {
		lt_sb_printf(SB(c), " => interface_id=%u", RD(uint32_t, h, 0));
		return;
	}
	int32_t dir = RD(int32_t, h, 4);
	uint32_t din = lt_sg_din_len(RD(uint32_t, h, 12), RD(int32_t, h, 72));
	if (dir == SG_DXFER_FROM_DEV || (dir == SG_DXFER_TO_FROM_DEV && din)) {
		lt_sb_puts(SB(c), dir == SG_DXFER_FROM_DEV ? ", " : " => ");
		lt_sg_data(c, "dxferp", LT_SUB_SG_DIN, LT_SUB_SG_DIN_BUF, RD(uint64_t, h, 16),
			   RD(uint16_t, h, 10), din);
	}
	lt_sb_puts(SB(c), ", status=");
	lt_put_hex(c, h[64]);
	lt_sb_puts(SB(c), ", masked_status=");
	lt_put_hex(c, h[65]);
	lt_sb_puts(SB(c), ", msg_status=");
	lt_put_hex(c, h[66]);
	lt_sb_printf(SB(c), ", sb_len_wr=%u, ", h[67]);
	lt_sg_data(c, "sbp", LT_SUB_SG_SENSE, 0, RD(uint64_t, h, 32), 0, h[67]);
	lt_sb_puts(SB(c), ", host_status=");
	lt_put_hex(c, RD(uint16_t, h, 68));
	lt_sb_puts(SB(c), ", driver_status=");
	lt_put_hex(c, RD(uint16_t, h, 70));
	lt_sb_printf(SB(c), ", resid=%d, duration=%u, info=", RD(int32_t, h, 72),
		     RD(uint32_t, h, 76));
	lt_put_flags(c, lt_x_sg_info, RD(uint32_t, h, 80));
}

static void lt_sg_io_v4_in(struct lt_dctx *c, const uint8_t *h)
{
	lt_sb_puts(SB(c), "protocol=");
	lt_put_xlat(c, lt_x_bsg_protocol, RD(uint32_t, h, 4), "BSG_PROTOCOL_???");
	lt_sb_puts(SB(c), ", subprotocol=");
	lt_put_xlat(c, lt_x_bsg_subprotocol, RD(uint32_t, h, 8), "BSG_SUB_PROTOCOL_???");
	lt_sb_printf(SB(c), ", request_len=%u, ", RD(uint32_t, h, 12));
	lt_sg_data(c, "request", LT_SUB_SG_CMD, 0, RD(uint64_t, h, 16), 0, RD(uint32_t, h, 12));
	lt_sb_printf(SB(c), ", request_tag=%#llx, request_attr=%u, request_priority=%u, "
		     "request_extra=%u, max_response_len=%u, dout_iovec_count=%u, "
		     "dout_xfer_len=%u, din_iovec_count=%u, din_xfer_len=%u, ",
		     (unsigned long long)RD(uint64_t, h, 24), RD(uint32_t, h, 32),
		     RD(uint32_t, h, 36), RD(uint32_t, h, 40), RD(uint32_t, h, 44),
		     RD(uint32_t, h, 56), RD(uint32_t, h, 60), RD(uint32_t, h, 64),
		     RD(uint32_t, h, 68));
	lt_sg_data(c, "dout_xferp", LT_SUB_SG_DOUT, LT_SUB_SG_DOUT_BUF, RD(uint64_t, h, 72),
		   RD(uint32_t, h, 56), RD(uint32_t, h, 60));
	lt_sb_printf(SB(c), ", timeout=%u, flags=", RD(uint32_t, h, 88));
	lt_put_flags(c, lt_x_bsg_flags, RD(uint32_t, h, 92));
	lt_sb_puts(SB(c), ", usr_ptr=");
	lt_put_hex(c, RD(uint64_t, h, 96));
}

static void lt_sg_io_v4_out(struct lt_dctx *c, const uint8_t *in, const uint8_t *h)
{
	if (!h) {
		lt_sb_puts(SB(c), ", response=");
		lt_put_hex(c, RD(uint64_t, in, 48));
		lt_sb_puts(SB(c), ", din_xferp=");
		lt_put_hex(c, RD(uint64_t, in, 80));
		return;
	}
	if (RD(int32_t, h, 0) != 'Q') {
		lt_sb_printf(SB(c), " => guard=%u", RD(uint32_t, h, 0));
		return;
	}
	lt_sb_printf(SB(c), ", response_len=%u, ", RD(uint32_t, h, 132));
	lt_sg_data(c, "response", LT_SUB_SG_SENSE, 0, RD(uint64_t, h, 48), 0, RD(uint32_t, h, 132));
	lt_sb_puts(SB(c), ", ");
	lt_sg_data(c, "din_xferp", LT_SUB_SG_DIN, LT_SUB_SG_DIN_BUF, RD(uint64_t, h, 80),
		   RD(uint32_t, h, 64), lt_sg_din_len(RD(uint32_t, h, 68), RD(int32_t, h, 136)));
	lt_sb_puts(SB(c), ", driver_status=");
	lt_put_hex(c, RD(uint32_t, h, 108));
	lt_sb_puts(SB(c), ", transport_status=");
	lt_put_hex(c, RD(uint32_t, h, 112));
	lt_sb_puts(SB(c), ", device_status=");
	lt_put_hex(c, RD(uint32_t, h, 116));
	lt_sb_printf(SB(c), ", retry_delay=%u, info=", RD(uint32_t, h, 120));
	lt_put_flags(c, lt_x_sg_info, RD(uint32_t, h, 124));
	lt_sb_printf(SB(c), ", duration=%u, response_len=%u, din_resid=%d, dout_resid=%d, "
		     "generated_tag=", RD(uint32_t, h, 128), RD(uint32_t, h, 132),
		     RD(int32_t, h, 136), RD(int32_t, h, 140));
	lt_put_hex(c, RD(uint64_t, h, 144));
}

/* SG_IO: the header as the call read it, then as the kernel left it */
static void lt_sg_io(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	uint64_t arg = c->ev->args[2];
	const uint8_t *id = lt_cap_get(c, 2, LT_SUB_ENTRY, 4, NULL);
	lt_next(a);
	uint32_t iid = id ? RD(uint32_t, id, 0) : 0;
	if (!id) {
		lt_put_ptr(c, arg);
	} else if (iid != 'S' && iid != 'Q') {
		lt_sb_printf(SB(c), "[%u]", iid);
	} else {
		size_t size = iid == 'S' ? 88 : 160;
		const uint8_t *in = lt_cap_get(c, 2, LT_SUB_ENTRY, size, NULL);
		const uint8_t *out = c->done ? lt_cap_get(c, 2, LT_CAP_SUB_SELF, size, NULL) : NULL;
		lt_sb_puts(SB(c), iid == 'S' ? "{interface_id='S', " : "{guard='Q', ");
		if (!in)
			lt_put_ptr(c, arg + 4);
		else if (iid == 'S')
			lt_sg_io_v3_in(c, in);
		else
			lt_sg_io_v4_in(c, in);
		if (in && c->done) {
			if (iid == 'S')
				lt_sg_io_v3_out(c, in, out);
			else
				lt_sg_io_v4_out(c, in, out);
		}
		lt_sb_putc(SB(c), '}');
	}
	lt_done(a);
}

static void lt_sg_scsi_id(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{host_no=%d, channel=%d, scsi_id=%#x, lun=%d, scsi_type=%#x, "
		     "h_cmd_per_lun=%d, d_queue_depth=%d}", RD(int32_t, d, 0), RD(int32_t, d, 4),
		     RD(uint32_t, d, 8), RD(int32_t, d, 12), RD(uint32_t, d, 16),
		     RD(int16_t, d, 20), RD(int16_t, d, 22));
}

static void lt_sg_req_info(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{req_state=%d, orphan=%d, sg_io_owned=%d, problem=%d, pack_id=%d, "
		     "usr_ptr=", (int8_t)d[0], (int8_t)d[1], (int8_t)d[2], (int8_t)d[3],
		     RD(int32_t, d, 4));
	lt_put_ptr(c, RD(uint64_t, d, 8));
	lt_sb_printf(SB(c), ", duration=%u}", RD(uint32_t, d, 16));
}

/* SG_SCSI_RESET's value: SG_SCSI_RESET_NO_ESCALATE, then the kind of reset */
static void lt_sg_scsi_reset(struct lt_dctx *c, const uint8_t *d)
{
	static const struct lt_xlat reset[] = {
		{ 0, "SG_SCSI_RESET_NOTHING" }, { 1, "SG_SCSI_RESET_DEVICE" },
		{ 2, "SG_SCSI_RESET_BUS" }, { 3, "SG_SCSI_RESET_HOST" },
		{ 4, "SG_SCSI_RESET_TARGET" }, { 0x100, "SG_SCSI_RESET_NO_ESCALATE" }, { 0, 0 }
	};
	uint32_t v = RD(uint32_t, d, 0);
	lt_sb_putc(SB(c), '[');
	if (v & 0x100) {
		lt_put_xlat(c, reset, 0x100, NULL);
		lt_sb_putc(SB(c), '|');
	}
	lt_put_xlat(c, reset, v & ~0x100u, "SG_SCSI_RESET_???");
	lt_sb_putc(SB(c), ']');
}

int lt_ioctl_scsi(struct lt_args *a, uint32_t req)
{
	switch (req) {
	case SG_IO:
		lt_sg_io(a);
		return 1;
	case 0x2276: /* SG_GET_SCSI_ID */
		lt_ioctl_obj(a, 32, 1, lt_sg_scsi_id);
		return 1;
	case 0x2286: /* SG_GET_REQUEST_TABLE */
		lt_ioctl_obj(a, 24, 1, lt_sg_req_info);
		return 1;
	case 0x2284: /* SG_SCSI_RESET */
		lt_ioctl_obj(a, 4, 0, lt_sg_scsi_reset);
		return 1;
	case 0x2283: case 0x2271: case 0x227e: case 0x2279: case 0x227b: case 0x2287:
	case 0x2275: case 0x2201: /* SG_NEXT_CMD_LEN, SG_SET_*: an int in */
		lt_ioctl_num(a, 0, 4, 1);
		return 1;
	case 0x2203: case 0x2289: case 0x2270: case 0x2288: case 0x227a: case 0x227d:
	case 0x227c: case 0x2272: case 0x227f: case 0x2205: case 0x2282: /* an int out */
		lt_ioctl_num(a, 1, 4, 1);
		return 1;
	case 0x2204: /* SG_SET_TRANSFORM: the value itself */
		lt_next(a);
		lt_put_hex(a->c, (uint32_t)a->c->ev->args[2]);
		lt_done(a);
		return 1;
	case 0x2202: /* SG_GET_TIMEOUT: no argument */
		return 1;
	}
	return 0;
}
