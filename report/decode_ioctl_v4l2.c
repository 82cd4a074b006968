/* Video4Linux2 ioctls: type 'V' (strace's v4l2.c). A request strace decodes prints its
 * structure's fields as the call read them, then (on success) what it wrote; the others
 * print their argument in hex. */
#include "decode_ioctl.h"
#include "xlat/gen.h"

/* x86-64 request numbers (the names print from report/xlat/tables.in's ioctl_v4l2) */
enum {
	VIDIOC_QUERYCAP = 0x80685600, VIDIOC_ENUM_FMT = 0xc0405602, VIDIOC_G_FMT = 0xc0d05604,
	VIDIOC_S_FMT = 0xc0d05605, VIDIOC_REQBUFS = 0xc0145608, VIDIOC_QUERYBUF = 0xc0585609,
	VIDIOC_G_FBUF = 0x8030560a, VIDIOC_S_FBUF = 0x4030560b, VIDIOC_QBUF = 0xc058560f,
	VIDIOC_DQBUF = 0xc0585611, VIDIOC_STREAMON = 0x40045612, VIDIOC_STREAMOFF = 0x40045613,
	VIDIOC_G_PARM = 0xc0cc5615, VIDIOC_S_PARM = 0xc0cc5616, VIDIOC_G_STD = 0x80085617,
	VIDIOC_S_STD = 0x40085618, VIDIOC_ENUMSTD = 0xc0485619, VIDIOC_ENUMINPUT = 0xc050561a,
	VIDIOC_G_CTRL = 0xc008561b, VIDIOC_S_CTRL = 0xc008561c, VIDIOC_G_TUNER = 0xc054561d,
	VIDIOC_S_TUNER = 0x4054561e, VIDIOC_QUERYCTRL = 0xc0445624, VIDIOC_G_INPUT = 0x80045626,
	VIDIOC_S_INPUT = 0xc0045627, VIDIOC_CROPCAP = 0xc02c563a, VIDIOC_G_CROP = 0xc014563b,
	VIDIOC_S_CROP = 0x4014563c, VIDIOC_TRY_FMT = 0xc0d05640, VIDIOC_G_EXT_CTRLS = 0xc0205647,
	VIDIOC_S_EXT_CTRLS = 0xc0205648, VIDIOC_TRY_EXT_CTRLS = 0xc0205649,
	VIDIOC_ENUM_FRAMESIZES = 0xc02c564a, VIDIOC_ENUM_FRAMEINTERVALS = 0xc034564b,
	VIDIOC_CREATE_BUFS = 0xc100565c, VIDIOC_QUERY_EXT_CTRL = 0xc0e85667,
	V4L2_BUF_TYPE_VIDEO_CAPTURE = 1, V4L2_BUF_TYPE_VIDEO_OUTPUT = 2,
};

/* the buffer type, memory kind: every structure starts with one */
static void lt_v4l2_type(struct lt_dctx *c, uint32_t v)
{
	lt_put_xlat(c, lt_x_v4l2_buf_types, v, "V4L2_BUF_TYPE_???");
}

static void lt_v4l2_memory(struct lt_dctx *c, uint32_t v)
{
	lt_put_xlat(c, lt_x_v4l2_memories, v, "V4L2_MEMORY_???");
}

/* struct v4l2_rect */
static void lt_v4l2_rect(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{left=%d, top=%d, width=%u, height=%u}", RD(int32_t, d, 0),
		     RD(int32_t, d, 4), RD(uint32_t, d, 8), RD(uint32_t, d, 12));
}

/* a four-character code: v4l2_fourcc('Y', 'U', 'Y', 'V'), then its name from t (if any)
 * as a comment; in hex with -Xraw */
static void lt_v4l2_fourcc(struct lt_dctx *c, uint32_t v, const struct lt_xlat *t)
{
	if (lt_st(c) == LT_XLAT_RAW) {
		lt_put_hex(c, v);
		return;
	}
	lt_sb_puts(SB(c), "v4l2_fourcc(");
	for (int k = 0; k < 4; k++) {
		unsigned ch = v >> (8 * k) & 0xff;
		lt_sb_puts(SB(c), k ? ", '" : "'");
		if (ch >= 0x20 && ch < 0x7f)
			lt_sb_printf(SB(c), ch == '\'' || ch == '\\' ? "\\%c" : "%c", ch);
		else
			lt_sb_printf(SB(c), "\\x%02x", ch);
		lt_sb_putc(SB(c), '\'');
	}
	lt_sb_putc(SB(c), ')');
	const char *name = t ? lt_xlat_name(t, v) : NULL;
	if (name)
		lt_sb_printf(SB(c), " /* %s */", name);
}

/* the structure behind argument 2 as the call read it: its entering fields by fn, then
 * what fn_out prints of it on success (NULL: nothing); the address when unreadable */
static void lt_v4l2_obj(struct lt_args *a, size_t size,
			void (*fn)(struct lt_dctx *c, const uint8_t *d),
			void (*fn_out)(struct lt_dctx *c, const uint8_t *d))
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, size);
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
	} else {
		fn(c, d);
		const uint8_t *o = fn_out ? lt_out(c, 2, size) : NULL;
		if (o)
			fn_out(c, o);
		lt_sb_putc(SB(c), '}');
	}
	lt_done(a);
}

/* struct v4l2_capability (QUERYCAP): what the driver says it is, on success */
static void lt_v4l2_capability(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{driver=");
	lt_ioctl_cstring(c, d, 16);
	lt_sb_puts(SB(c), ", card=");
	lt_ioctl_cstring(c, d + 16, 32);
	lt_sb_puts(SB(c), ", bus_info=");
	lt_ioctl_cstring(c, d + 48, 32);
	lt_sb_puts(SB(c), ", version=");
	lt_put_kernel_version(c, RD(uint32_t, d, 80));
	lt_sb_puts(SB(c), ", capabilities=");
	lt_put_flags_unk(c, lt_x_v4l2_device_capabilities_flags, RD(uint32_t, d, 84), "V4L2_CAP_???");
	if (RD(uint32_t, d, 88)) {
		lt_sb_puts(SB(c), ", device_caps=");
		lt_put_flags_unk(c, lt_x_v4l2_device_capabilities_flags, RD(uint32_t, d, 88),
			       "V4L2_CAP_???");
	}
	lt_sb_putc(SB(c), '}');
}

/* struct v4l2_fmtdesc (ENUM_FMT) */
static void lt_v4l2_fmtdesc(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{index=%u, type=", RD(uint32_t, d, 0));
	lt_v4l2_type(c, RD(uint32_t, d, 4));
}

/* what ENUM_FMT returns on success */
static void lt_v4l2_fmtdesc_out(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), ", flags=");
	lt_put_flags_unk(c, lt_x_v4l2_format_description_flags, RD(uint32_t, d, 8),
		       "V4L2_FMT_FLAG_???");
	lt_sb_puts(SB(c), ", description=");
	lt_ioctl_cstring(c, d + 12, 32);
	lt_sb_puts(SB(c), ", pixelformat=");
	lt_v4l2_fourcc(c, RD(uint32_t, d, 44), lt_x_v4l2_pix_fmts);
}

/* struct v4l2_format's type (G_FMT reads no more) */
static void lt_v4l2_format_type(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{type=");
	lt_v4l2_type(c, RD(uint32_t, d, 0));
}

static void lt_v4l2_field(struct lt_dctx *c, uint32_t v)
{
	lt_sb_puts(SB(c), ", field=");
	lt_put_xlat(c, lt_x_v4l2_fields, v, "V4L2_FIELD_???");
}

static void lt_v4l2_colorspace(struct lt_dctx *c, uint32_t v)
{
	lt_sb_puts(SB(c), ", colorspace=");
	lt_put_xlat(c, lt_x_v4l2_colorspaces, v, "V4L2_COLORSPACE_???");
}

/* struct v4l2_pix_format */
static void lt_v4l2_fmt_pix(struct lt_dctx *c, const uint8_t *f)
{
	lt_sb_printf(SB(c), "fmt.pix={width=%u, height=%u, pixelformat=", RD(uint32_t, f, 0),
		     RD(uint32_t, f, 4));
	lt_v4l2_fourcc(c, RD(uint32_t, f, 8), lt_x_v4l2_pix_fmts);
	lt_v4l2_field(c, RD(uint32_t, f, 12));
	lt_sb_printf(SB(c), ", bytesperline=%u, sizeimage=%u", RD(uint32_t, f, 16),
		     RD(uint32_t, f, 20));
	lt_v4l2_colorspace(c, RD(uint32_t, f, 24));
	lt_sb_putc(SB(c), '}');
}

/* struct v4l2_pix_format_mplane: num_planes (at most 8) planes of 20 bytes */
static void lt_v4l2_fmt_pix_mp(struct lt_dctx *c, const uint8_t *f)
{
	unsigned n = f[180] < 8 ? f[180] : 8;
	lt_sb_printf(SB(c), "fmt.pix_mp={width=%u, height=%u, pixelformat=", RD(uint32_t, f, 0),
		     RD(uint32_t, f, 4));
	lt_v4l2_fourcc(c, RD(uint32_t, f, 8), lt_x_v4l2_pix_fmts);
	lt_v4l2_field(c, RD(uint32_t, f, 12));
	lt_v4l2_colorspace(c, RD(uint32_t, f, 16));
	lt_sb_puts(SB(c), ", plane_fmt=[");
	for (unsigned k = 0; k < n; k++)
		lt_sb_printf(SB(c), "%s{sizeimage=%u, bytesperline=%u}", k ? ", " : "",
			     RD(uint32_t, f, 20 + k * 20), RD(uint32_t, f, 24 + k * 20));
	lt_sb_printf(SB(c), "], num_planes=%u}", f[180]);
}

static int lt_v4l2_clip(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	(void)k, (void)opaque;
	lt_sb_puts(SB(c), "{c=");
	lt_v4l2_rect(c, e);
	lt_sb_putc(SB(c), '}');
	return 1;
}

/* struct v4l2_window: the clips the shim copied (sub 0); 0 when they could not be shown
 * whole, as strace then prints no more of the call */
static int lt_v4l2_fmt_win(struct lt_dctx *c, const uint8_t *f)
{
	uint32_t n = RD(uint32_t, f, 32);
	lt_sb_puts(SB(c), "fmt.win={w=");
	lt_v4l2_rect(c, f);
	lt_v4l2_field(c, RD(uint32_t, f, 16));
	lt_sb_printf(SB(c), ", chromakey=%#x, clips=", RD(uint32_t, f, 20));
	int ok = lt_put_array(c, 2, 0, RD(uint64_t, f, 24), n, 24, lt_v4l2_clip, NULL);
	lt_sb_printf(SB(c), ", clipcount=%u, bitmap=", n);
	lt_put_ptr(c, RD(uint64_t, f, 40));
	if (f[48])
		lt_sb_printf(SB(c), ", global_alpha=%#x", f[48]);
	lt_sb_putc(SB(c), '}');
	return ok;
}

/* struct v4l2_vbi_format */
static void lt_v4l2_fmt_vbi(struct lt_dctx *c, const uint8_t *f)
{
	lt_sb_printf(SB(c), "fmt.vbi={sampling_rate=%u, offset=%u, samples_per_line=%u, "
		     "sample_format=", RD(uint32_t, f, 0), RD(uint32_t, f, 4), RD(uint32_t, f, 8));
	lt_v4l2_fourcc(c, RD(uint32_t, f, 12), lt_x_v4l2_pix_fmts);
	lt_sb_printf(SB(c), ", start=[%d, %d], count=[%u, %u], flags=", RD(int32_t, f, 16),
		     RD(int32_t, f, 20), RD(uint32_t, f, 24), RD(uint32_t, f, 28));
	lt_put_flags_unk(c, lt_x_v4l2_vbi_flags, RD(uint32_t, f, 32), "V4L2_VBI_???");
	lt_sb_putc(SB(c), '}');
}

/* struct v4l2_sliced_vbi_format: service_lines[2][24] in hex */
static void lt_v4l2_fmt_sliced(struct lt_dctx *c, const uint8_t *f)
{
	lt_sb_puts(SB(c), "fmt.sliced={service_set=");
	lt_put_flags_unk(c, lt_x_v4l2_sliced_flags, RD(uint16_t, f, 0), "V4L2_SLICED_???");
	lt_sb_puts(SB(c), ", service_lines=[");
	for (int i = 0; i < 2; i++) {
		lt_sb_puts(SB(c), i ? "], [" : "[");
		for (int j = 0; j < 24; j++) {
			if (j)
				lt_sb_puts(SB(c), ", ");
			lt_put_hex(c, RD(uint16_t, f, 2 + (i * 24 + j) * 2));
		}
	}
	lt_sb_printf(SB(c), "]], io_size=%u}", RD(uint32_t, f, 100));
}

/* struct v4l2_sdr_format, v4l2_meta_format */
static void lt_v4l2_fmt_sdr(struct lt_dctx *c, const uint8_t *f)
{
	lt_sb_puts(SB(c), "fmt.sdr={pixelformat=");
	lt_v4l2_fourcc(c, RD(uint32_t, f, 0), lt_x_v4l2_sdr_fmts);
	if (RD(uint32_t, f, 4))
		lt_sb_printf(SB(c), ", buffersize=%u", RD(uint32_t, f, 4));
	lt_sb_putc(SB(c), '}');
}

static void lt_v4l2_fmt_meta(struct lt_dctx *c, const uint8_t *f)
{
	lt_sb_puts(SB(c), "fmt.meta={dataformat=");
	lt_v4l2_fourcc(c, RD(uint32_t, f, 0), lt_x_v4l2_meta_fmts);
	lt_sb_printf(SB(c), ", buffersize=%u}", RD(uint32_t, f, 4));
}

/* struct v4l2_format's union by its type, after prefix: -1 for a type with none, 0 when
 * its clips could not be shown whole, 1 done (strace's print_v4l2_format_fmt) */
static int lt_v4l2_fmt(struct lt_dctx *c, const uint8_t *d, const char *prefix)
{
	const uint8_t *f = d + 8;
	uint32_t type = RD(uint32_t, d, 0);
	if (type < 1 || type > 14)
		return -1;
	lt_sb_puts(SB(c), prefix);
	switch (type) {
	case 1: case 2: lt_v4l2_fmt_pix(c, f); break;       /* VIDEO_CAPTURE, VIDEO_OUTPUT */
	case 9: case 10: lt_v4l2_fmt_pix_mp(c, f); break;   /* VIDEO_*_MPLANE */
	case 3: case 8: return lt_v4l2_fmt_win(c, f);       /* VIDEO_(OUTPUT_)OVERLAY */
	case 4: case 5: lt_v4l2_fmt_vbi(c, f); break;       /* VBI_* */
	case 6: case 7: lt_v4l2_fmt_sliced(c, f); break;    /* SLICED_VBI_* */
	case 11: case 12: lt_v4l2_fmt_sdr(c, f); break;     /* SDR_* */
	case 13: case 14: lt_v4l2_fmt_meta(c, f); break;    /* META_* */
	}
	return 1;
}

/* struct v4l2_format (G_FMT, S_FMT, TRY_FMT): the type, the format set (S, TRY), then on
 * success the format as the driver left it */
static void lt_v4l2_format(struct lt_args *a, int get)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, 208);
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
		lt_done(a);
		return;
	}
	lt_sb_puts(SB(c), "{type=");
	lt_v4l2_type(c, RD(uint32_t, d, 0));
	if (get || lt_v4l2_fmt(c, d, ", ") > 0) {
		const uint8_t *o = lt_out(c, 2, 208);
		if (o)
			lt_v4l2_fmt(c, o, get ? ", " : "} => {");
	}
	lt_sb_putc(SB(c), '}');
	lt_done(a);
}

/* struct v4l2_requestbuffers (REQBUFS): the count granted follows " => " */
static void lt_v4l2_reqbufs(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{type=");
	lt_v4l2_type(c, RD(uint32_t, d, 4));
	lt_sb_puts(SB(c), ", memory=");
	lt_v4l2_memory(c, RD(uint32_t, d, 8));
	lt_sb_printf(SB(c), ", count=%u", RD(uint32_t, d, 0));
}

static void lt_v4l2_reqbufs_out(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), " => %u", RD(uint32_t, d, 0));
}

/* struct v4l2_buffer: the type, and the index but for DQBUF, which returns it */
static void lt_v4l2_buffer_type(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{type=");
	lt_v4l2_type(c, RD(uint32_t, d, 4));
}

static void lt_v4l2_buffer_index(struct lt_dctx *c, const uint8_t *d)
{
	lt_v4l2_buffer_type(c, d);
	lt_sb_printf(SB(c), ", index=%u", RD(uint32_t, d, 0));
}

/* v4l2_buffer's flags: the flags, then the timestamp type and source fields */
static void lt_v4l2_buffer_flags(struct lt_dctx *c, uint32_t v)
{
	uint32_t ts_type = v & 0xe000, ts_src = v & 0x70000, flags = v & ~0x7e000u;
	if (lt_st(c) == LT_XLAT_RAW) {
		lt_put_hex(c, v);
		return;
	}
	if (flags) {
		lt_put_flags_unk(c, lt_x_v4l2_buf_flags, flags, "V4L2_BUF_FLAG_???");
		lt_sb_putc(SB(c), '|');
	}
	lt_put_xlat(c, lt_x_v4l2_buf_flags_ts_type, ts_type, "V4L2_BUF_FLAG_TIMESTAMP_???");
	lt_sb_putc(SB(c), '|');
	lt_put_xlat(c, lt_x_v4l2_buf_flags_ts_src, ts_src, "V4L2_BUF_FLAG_TSTAMP_SRC_???");
}

/* what QUERYBUF, QBUF, DQBUF return on success: the buffer's memory, size and flags
 * (DQBUF: its index and timestamp too) */
static void lt_v4l2_buffer_out(struct lt_dctx *c, const uint8_t *d, int dq)
{
	uint32_t memory = RD(uint32_t, d, 60);
	if (dq)
		lt_sb_printf(SB(c), ", index=%u", RD(uint32_t, d, 0));
	lt_sb_puts(SB(c), ", memory=");
	lt_v4l2_memory(c, memory);
	if (memory == 1) /* MMAP */
		lt_sb_printf(SB(c), ", m.offset=%#x", RD(uint32_t, d, 64));
	if (memory == 2) { /* USERPTR */
		lt_sb_puts(SB(c), ", m.userptr=");
		lt_put_ptr(c, RD(uint64_t, d, 64));
	}
	lt_sb_printf(SB(c), ", length=%u, bytesused=%u, flags=", RD(uint32_t, d, 72),
		     RD(uint32_t, d, 8));
	lt_v4l2_buffer_flags(c, RD(uint32_t, d, 12));
	if (dq)
		lt_sb_printf(SB(c), ", timestamp={tv_sec=%lld, tv_usec=%llu}",
			     (long long)RD(int64_t, d, 24), (unsigned long long)RD(uint64_t, d, 32));
	lt_sb_puts(SB(c), ", ...");
}

static void lt_v4l2_buffer_q_out(struct lt_dctx *c, const uint8_t *d)
{
	lt_v4l2_buffer_out(c, d, 0);
}

static void lt_v4l2_buffer_dq_out(struct lt_dctx *c, const uint8_t *d)
{
	lt_v4l2_buffer_out(c, d, 1);
}

/* struct v4l2_framebuffer (G_FBUF, S_FBUF) */
static void lt_v4l2_framebuffer(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{capability=%#x, flags=%#x, base=", RD(uint32_t, d, 0),
		     RD(uint32_t, d, 4));
	lt_put_ptr(c, RD(uint64_t, d, 8));
	lt_sb_putc(SB(c), '}');
}

/* the buffer type STREAMON/STREAMOFF point to */
static void lt_v4l2_buf_type(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_putc(SB(c), '[');
	lt_v4l2_type(c, RD(uint32_t, d, 0));
	lt_sb_putc(SB(c), ']');
}

/* struct v4l2_captureparm / v4l2_outputparm at d (the same layout) */
static void lt_v4l2_parm(struct lt_dctx *c, const uint8_t *d, int capture)
{
	static const struct lt_xlat caps[] = { { 0x1000, "V4L2_CAP_TIMEPERFRAME" }, { 0, 0 } };
	static const struct lt_xlat modes[] = { { 1, "V4L2_MODE_HIGHQUALITY" }, { 0, 0 } };
	lt_sb_printf(SB(c), "parm.%s={capability=", capture ? "capture" : "output");
	lt_put_flags_unk(c, caps, RD(uint32_t, d, 0), "V4L2_CAP_???");
	lt_sb_printf(SB(c), ", %s=", capture ? "capturemode" : "outputmode");
	lt_put_flags_unk(c, modes, RD(uint32_t, d, 4), "V4L2_MODE_???");
	lt_sb_printf(SB(c), ", timeperframe=%u/%u, extendedmode=%#x, %s=%u}", RD(uint32_t, d, 8),
		     RD(uint32_t, d, 12), RD(uint32_t, d, 16),
		     capture ? "readbuffers" : "writebuffers", RD(uint32_t, d, 20));
}

/* struct v4l2_streamparm (G_PARM, S_PARM): the type; S_PARM's parameters as set, then
 * (on success) the parameters as the driver left them, for either */
static void lt_v4l2_streamparm(struct lt_args *a, int get)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, 204);
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
		lt_done(a);
		return;
	}
	uint32_t type = RD(uint32_t, d, 0);
	int io = type == V4L2_BUF_TYPE_VIDEO_CAPTURE || type == V4L2_BUF_TYPE_VIDEO_OUTPUT;
	lt_sb_puts(SB(c), "{type=");
	lt_v4l2_type(c, type);
	if (io && !get) {
		lt_sb_puts(SB(c), ", ");
		lt_v4l2_parm(c, d + 4, type == V4L2_BUF_TYPE_VIDEO_CAPTURE);
	}
	const uint8_t *o = io ? lt_out(c, 2, 204) : NULL;
	if (o) {
		lt_sb_puts(SB(c), get ? ", " : "} => {");
		lt_v4l2_parm(c, o + 4, type == V4L2_BUF_TYPE_VIDEO_CAPTURE);
	}
	lt_sb_putc(SB(c), '}');
	lt_done(a);
}

/* a video standard behind argument 2: [0x...] */
static void lt_v4l2_std(struct lt_args *a, int out)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = out ? lt_out(c, 2, 8) : lt_in(c, 2, 8);
	lt_next(a);
	if (d) {
		lt_sb_putc(SB(c), '[');
		lt_put_hex(c, RD(uint64_t, d, 0));
		lt_sb_putc(SB(c), ']');
	} else {
		lt_put_ptr(c, c->ev->args[2]);
	}
	lt_done(a);
}

/* ENUMSTD, ENUMINPUT, G_TUNER: the index asked for */
static void lt_v4l2_index(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{index=%u", RD(uint32_t, d, 0));
}

/* struct v4l2_crop (S_CROP): type and rectangle */
static void lt_v4l2_crop(struct lt_dctx *c, const uint8_t *d)
{
	lt_v4l2_format_type(c, d);
	lt_sb_puts(SB(c), ", c=");
	lt_v4l2_rect(c, d + 4);
}

/* what ENUMSTD, ENUMINPUT, CROPCAP, G_CROP return on success */
static void lt_v4l2_standard_out(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), ", name=");
	lt_ioctl_cstring(c, d + 16, 24);
	lt_sb_printf(SB(c), ", frameperiod=%u/%u, framelines=%u", RD(uint32_t, d, 40),
		     RD(uint32_t, d, 44), RD(uint32_t, d, 48));
}

static void lt_v4l2_input_out(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), ", name=");
	lt_ioctl_cstring(c, d + 4, 32);
	lt_sb_puts(SB(c), ", type=");
	lt_put_xlat(c, lt_x_v4l2_input_types, RD(uint32_t, d, 36), "V4L2_INPUT_TYPE_???");
}

static void lt_v4l2_cropcap_out(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), ", bounds=");
	lt_v4l2_rect(c, d + 4);
	lt_sb_puts(SB(c), ", defrect=");
	lt_v4l2_rect(c, d + 20);
	lt_sb_printf(SB(c), ", pixelaspect=%u/%u", RD(uint32_t, d, 36), RD(uint32_t, d, 40));
}

static void lt_v4l2_crop_out(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), ", c=");
	lt_v4l2_rect(c, d + 4);
}

/* struct v4l2_frmsizeenum, v4l2_frmivalenum (ENUM_FRAMESIZES, ENUM_FRAMEINTERVALS) */
static void lt_v4l2_frmsize(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{index=%u, pixel_format=", RD(uint32_t, d, 0));
	lt_v4l2_fourcc(c, RD(uint32_t, d, 4), lt_x_v4l2_pix_fmts);
}

static void lt_v4l2_frmival(struct lt_dctx *c, const uint8_t *d)
{
	lt_v4l2_frmsize(c, d);
	lt_sb_printf(SB(c), ", width=%u, height=%u", RD(uint32_t, d, 8), RD(uint32_t, d, 12));
}

/* what ENUM_FRAMESIZES returns: the type, and the sizes a discrete or stepwise one has */
static void lt_v4l2_frmsize_out(struct lt_dctx *c, const uint8_t *d)
{
	static const char *const step[] = { "min_width", "max_width", "step_width",
					    "min_height", "max_height", "step_height" };
	uint32_t type = RD(uint32_t, d, 8);
	lt_sb_puts(SB(c), ", type=");
	lt_put_xlat(c, lt_x_v4l2_framesize_types, type, "V4L2_FRMSIZE_TYPE_???");
	if (type == 1) { /* DISCRETE */
		lt_sb_printf(SB(c), ", discrete={width=%u, height=%u}", RD(uint32_t, d, 12),
			     RD(uint32_t, d, 16));
	} else if (type == 3) { /* STEPWISE */
		for (int k = 0; k < 6; k++)
			lt_sb_printf(SB(c), "%s%s=%u", k ? ", " : ", stepwise={", step[k],
				     RD(uint32_t, d, 12 + k * 4));
		lt_sb_putc(SB(c), '}');
	}
}

/* what ENUM_FRAMEINTERVALS returns: the type, and a discrete interval or the stepwise
 * (or continuous) range */
static void lt_v4l2_frmival_out(struct lt_dctx *c, const uint8_t *d)
{
	uint32_t type = RD(uint32_t, d, 16);
	lt_sb_puts(SB(c), ", type=");
	lt_put_xlat(c, lt_x_v4l2_frameinterval_types, type, "V4L2_FRMIVAL_TYPE_???");
	if (type == 1) /* DISCRETE */
		lt_sb_printf(SB(c), ", discrete=%u/%u", RD(uint32_t, d, 20), RD(uint32_t, d, 24));
	else if (type == 2 || type == 3) /* CONTINUOUS, STEPWISE */
		lt_sb_printf(SB(c), ", stepwise={min=%u/%u, max=%u/%u, step=%u/%u}",
			     RD(uint32_t, d, 20), RD(uint32_t, d, 24), RD(uint32_t, d, 28),
			     RD(uint32_t, d, 32), RD(uint32_t, d, 36), RD(uint32_t, d, 40));
}

/* struct v4l2_create_buffers (CREATE_BUFS): count, memory, the format's type */
static void lt_v4l2_create_bufs(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{count=%u, memory=", RD(uint32_t, d, 4));
	lt_v4l2_memory(c, RD(uint32_t, d, 8));
	lt_sb_puts(SB(c), ", format={type=");
	lt_v4l2_type(c, RD(uint32_t, d, 16));
	lt_sb_putc(SB(c), '}');
}

/* a control id: its name, else its class and offset (V4L2_CTRL_CLASS_DETECT+0x1234), else
 * hex; with next, the V4L2_CTRL_FLAG_NEXT_* bits a query ORs in first (strace's
 * print_v4l2_cid) */
static void lt_v4l2_cid(struct lt_dctx *c, uint32_t cid, int next)
{
	/* by hand: strace names NEXT_CTRL first, a generated table would not */
	static const struct lt_xlat next_flags[] = {
		{ 0x80000000u, "V4L2_CTRL_FLAG_NEXT_CTRL" }, { 0x40000000u, "V4L2_CTRL_FLAG_NEXT_COMPOUND" },
		{ 0, 0 }
	};
	if (lt_st(c) == LT_XLAT_RAW) {
		lt_put_hex(c, cid);
		return;
	}
	if (next && cid & 0xc0000000u) {
		lt_put_flags(c, next_flags, cid & 0xc0000000u);
		lt_sb_putc(SB(c), '|');
		cid &= ~0xc0000000u;
	}
	const char *name = lt_xlat_name(lt_x_v4l2_control_ids, cid);
	const struct lt_xlat *cls = NULL;
	for (const struct lt_xlat *t = lt_x_v4l2_control_classes; t->name; t++)
		if (t->val <= cid && (!cls || t->val > cls->val))
			cls = t;
	if (!name && (!cls || cid - cls->val >= 0x10000)) {
		lt_put_hex(c, cid);
		lt_sb_puts(SB(c), " /* V4L2_CID_??? */");
		return;
	}
	if (lt_st(c) == LT_XLAT_VERBOSE) {
		lt_put_hex(c, cid);
		lt_sb_puts(SB(c), " /* ");
	}
	if (name)
		lt_sb_puts(SB(c), name);
	else
		lt_sb_printf(SB(c), "%s+%#llx", cls->name, (unsigned long long)(cid - cls->val));
	if (lt_st(c) == LT_XLAT_VERBOSE)
		lt_sb_puts(SB(c), " */");
}

/* struct v4l2_control (G_CTRL, S_CTRL): the value got, or set and " => " as left */
static void lt_v4l2_ctrl_get(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{id=");
	lt_v4l2_cid(c, RD(uint32_t, d, 0), 0);
}

static void lt_v4l2_ctrl_value(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), ", value=%d", RD(int32_t, d, 4));
}

static void lt_v4l2_ctrl_set(struct lt_dctx *c, const uint8_t *d)
{
	lt_v4l2_ctrl_get(c, d);
	lt_v4l2_ctrl_value(c, d);
}

static void lt_v4l2_ctrl_set_out(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), " => %d", RD(int32_t, d, 4));
}

/* struct v4l2_tuner past its index: S_TUNER's as set, G_TUNER's as got */
static void lt_v4l2_tuner_body(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), ", name=");
	lt_ioctl_cstring(c, d + 4, 32);
	lt_sb_puts(SB(c), ", type=");
	lt_put_xlat(c, lt_x_v4l2_tuner_types, RD(uint32_t, d, 36), "V4L2_TUNER_???");
	lt_sb_puts(SB(c), ", capability=");
	lt_put_flags_unk(c, lt_x_v4l2_tuner_capabilities, RD(uint32_t, d, 40), "V4L2_TUNER_CAP_???");
	lt_sb_printf(SB(c), ", rangelow=%u, rangehigh=%u, rxsubchans=", RD(uint32_t, d, 44),
		     RD(uint32_t, d, 48));
	lt_put_flags_unk(c, lt_x_v4l2_tuner_rxsubchanses, RD(uint32_t, d, 52), "V4L2_TUNER_SUB_???");
	lt_sb_puts(SB(c), ", audmode=");
	lt_put_xlat(c, lt_x_v4l2_tuner_audmodes, RD(uint32_t, d, 56), "V4L2_TUNER_MODE_???");
	lt_sb_printf(SB(c), ", signal=%d, afc=%d", RD(int32_t, d, 60), RD(int32_t, d, 64));
}

static void lt_v4l2_tuner_set(struct lt_dctx *c, const uint8_t *d)
{
	lt_v4l2_index(c, d);
	lt_v4l2_tuner_body(c, d);
}

/* QUERYCTRL, QUERY_EXT_CTRL: the id asked for, NEXT_* flags and all */
static void lt_v4l2_queryctrl(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{id=");
	lt_v4l2_cid(c, RD(uint32_t, d, 0), 1);
}

/* -v: v4l2_queryctrl's range and flags past its name */
static void lt_v4l2_queryctrl_more(struct lt_dctx *c, const uint8_t *o)
{
	lt_sb_printf(SB(c), ", minimum=%d, maximum=%d, step=%d, default_value=%d, flags=",
		     RD(int32_t, o, 40), RD(int32_t, o, 44), RD(int32_t, o, 48), RD(int32_t, o, 52));
	lt_put_flags_unk(c, lt_x_v4l2_control_flags, RD(uint32_t, o, 56), "V4L2_CTRL_FLAG_???");
	lt_ioctl_reserved(c, "reserved", o + 60, 2);
}

/* -v: v4l2_query_ext_ctrl's 64-bit range, flags, element sizes and dimensions */
static void lt_v4l2_query_ext_ctrl_more(struct lt_dctx *c, const uint8_t *o)
{
	uint32_t dims = RD(uint32_t, o, 84);
	lt_sb_printf(SB(c), ", minimum=%lld, maximum=%lld, step=%llu, default_value=%lld, flags=",
		     (long long)RD(int64_t, o, 40), (long long)RD(int64_t, o, 48),
		     (unsigned long long)RD(uint64_t, o, 56), (long long)RD(int64_t, o, 64));
	lt_put_flags_unk(c, lt_x_v4l2_control_flags, RD(uint32_t, o, 72), "V4L2_CTRL_FLAG_???");
	lt_sb_printf(SB(c), ", elem_size=%u, elems=%u, nr_of_dims=%u, dims=[", RD(uint32_t, o, 76),
		     RD(uint32_t, o, 80), dims);
	for (uint32_t k = 0; k < dims && k < 4; k++)
		lt_sb_printf(SB(c), "%s%u", k ? ", " : "", RD(uint32_t, o, 88 + k * 4));
	lt_sb_putc(SB(c), ']');
	lt_ioctl_reserved(c, "reserved", o + 104, 32);
}

/* QUERYCTRL, QUERY_EXT_CTRL (size bytes): the id asked for, then on success the id found
 * (when another), type and name, and with -v what more by more */
static void lt_v4l2_queryctrl_call(struct lt_args *a, size_t size,
				   void (*more)(struct lt_dctx *c, const uint8_t *o))
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, size), *o = lt_out(c, 2, size);
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
		lt_done(a);
		return;
	}
	lt_v4l2_queryctrl(c, d);
	if (o) {
		if (RD(uint32_t, o, 0) != RD(uint32_t, d, 0)) {
			lt_sb_puts(SB(c), " => ");
			lt_v4l2_cid(c, RD(uint32_t, o, 0), 0);
		}
		lt_sb_puts(SB(c), ", type=");
		lt_put_xlat(c, lt_x_v4l2_control_types, RD(uint32_t, o, 4), "V4L2_CTRL_TYPE_???");
		lt_sb_puts(SB(c), ", name=");
		lt_ioctl_cstring(c, o + 8, 32);
		if (lt_verbose(c))
			more(c, o);
		else
			lt_sb_puts(SB(c), ", ...");
	}
	lt_sb_putc(SB(c), '}');
	lt_done(a);
}

/* struct v4l2_ext_control (20 bytes, packed): a string when it has a size */
static int lt_v4l2_ext_control(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	(void)opaque;
	uint32_t size = RD(uint32_t, e, 4);
	lt_sb_puts(SB(c), "{id=");
	lt_put_xlat(c, lt_x_v4l2_control_ids, RD(uint32_t, e, 0), "V4L2_CID_???");
	lt_sb_printf(SB(c), ", size=%u", size);
	if (size) {
		lt_sb_puts(SB(c), ", string=");
		lt_put_buf(c, 2, LT_SUB_V4L2_STRING(k), RD(uint64_t, e, 12), size);
	} else {
		lt_sb_printf(SB(c), ", value=%d, value64=%lld", RD(int32_t, e, 12),
			     (long long)RD(int64_t, e, 12));
	}
	lt_sb_putc(SB(c), '}');
	return 1;
}

/* struct v4l2_ext_controls (G/S/TRY_EXT_CTRLS): the class and count; the controls as set
 * (S, TRY), then on return the controls as left and, on failure, error_idx. The shim
 * copies the controls (sub 0) and their strings at return: an error leaves them as set. */
static void lt_v4l2_ext_ctrls(struct lt_args *a, int get)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, 32);
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
		lt_done(a);
		return;
	}
	uint32_t count = RD(uint32_t, d, 4);
	uint64_t ctrls = RD(uint64_t, d, 24);
	lt_sb_puts(SB(c), "{ctrl_class=");
	lt_put_xlat(c, lt_x_v4l2_control_classes, RD(uint32_t, d, 0), "V4L2_CTRL_CLASS_???");
	lt_sb_printf(SB(c), ", count=%u", count);
	if (count && !get) {
		lt_sb_puts(SB(c), ", controls=");
		if (!lt_put_array(c, 2, 0, ctrls, count, 20, lt_v4l2_ext_control, NULL) ||
		    !c->done) {
			lt_sb_putc(SB(c), '}');
			lt_done(a);
			return;
		}
	}
	if (count && c->done) {
		lt_sb_puts(SB(c), get ? ", controls=" : "} => {controls=");
		lt_put_array(c, 2, 0, ctrls, count, 20, lt_v4l2_ext_control, NULL);
		if (c->failed)
			lt_sb_printf(SB(c), ", error_idx=%u", RD(uint32_t, d, 8));
	}
	lt_sb_putc(SB(c), '}');
	lt_done(a);
}

int lt_ioctl_v4l2(struct lt_args *a, uint32_t req)
{
	switch (req) {
	case VIDIOC_ENUM_FMT:
		lt_v4l2_obj(a, 64, lt_v4l2_fmtdesc, lt_v4l2_fmtdesc_out);
		return 1;
	case VIDIOC_G_FMT: case VIDIOC_S_FMT: case VIDIOC_TRY_FMT:
		lt_v4l2_format(a, req == VIDIOC_G_FMT);
		return 1;
	case VIDIOC_REQBUFS:
		lt_v4l2_obj(a, 20, lt_v4l2_reqbufs, lt_v4l2_reqbufs_out);
		return 1;
	case VIDIOC_QUERYBUF: case VIDIOC_QBUF:
		lt_v4l2_obj(a, 88, lt_v4l2_buffer_index, lt_v4l2_buffer_q_out);
		return 1;
	case VIDIOC_DQBUF:
		lt_v4l2_obj(a, 88, lt_v4l2_buffer_type, lt_v4l2_buffer_dq_out);
		return 1;
	case VIDIOC_G_FBUF: case VIDIOC_S_FBUF:
		lt_ioctl_obj(a, 48, req == VIDIOC_G_FBUF, lt_v4l2_framebuffer);
		return 1;
	case VIDIOC_STREAMON: case VIDIOC_STREAMOFF:
		lt_ioctl_obj(a, 4, 0, lt_v4l2_buf_type);
		return 1;
	case VIDIOC_G_PARM: case VIDIOC_S_PARM:
		lt_v4l2_streamparm(a, req == VIDIOC_G_PARM);
		return 1;
	case VIDIOC_G_STD: case VIDIOC_S_STD:
		lt_v4l2_std(a, req == VIDIOC_G_STD);
		return 1;
	case VIDIOC_ENUMSTD:
		lt_v4l2_obj(a, 72, lt_v4l2_index, lt_v4l2_standard_out);
		return 1;
	case VIDIOC_ENUMINPUT:
		lt_v4l2_obj(a, 80, lt_v4l2_index, lt_v4l2_input_out);
		return 1;
	case VIDIOC_G_TUNER:
		lt_v4l2_obj(a, 84, lt_v4l2_index, lt_v4l2_tuner_body);
		return 1;
	case VIDIOC_G_INPUT:
		lt_ioctl_num(a, 1, 4, 0);
		return 1;
	case VIDIOC_S_INPUT:
		lt_ioctl_num(a, 0, 4, 0);
		return 1;
	case VIDIOC_CROPCAP:
		lt_v4l2_obj(a, 44, lt_v4l2_format_type, lt_v4l2_cropcap_out);
		return 1;
	case VIDIOC_G_CROP:
		lt_v4l2_obj(a, 20, lt_v4l2_format_type, lt_v4l2_crop_out);
		return 1;
	case VIDIOC_S_CROP:
		lt_v4l2_obj(a, 20, lt_v4l2_crop, NULL);
		return 1;
	case VIDIOC_ENUM_FRAMESIZES:
		lt_v4l2_obj(a, 44, lt_v4l2_frmsize, lt_v4l2_frmsize_out);
		return 1;
	case VIDIOC_ENUM_FRAMEINTERVALS:
		lt_v4l2_obj(a, 52, lt_v4l2_frmival, lt_v4l2_frmival_out);
		return 1;
	case VIDIOC_CREATE_BUFS:
		lt_v4l2_obj(a, 256, lt_v4l2_create_bufs, NULL);
		return 1;
	case VIDIOC_G_CTRL:
		lt_v4l2_obj(a, 8, lt_v4l2_ctrl_get, lt_v4l2_ctrl_value);
		return 1;
	case VIDIOC_S_CTRL:
		lt_v4l2_obj(a, 8, lt_v4l2_ctrl_set, lt_v4l2_ctrl_set_out);
		return 1;
	case VIDIOC_S_TUNER:
		lt_v4l2_obj(a, 84, lt_v4l2_tuner_set, NULL);
		return 1;
	case VIDIOC_QUERYCTRL:
		lt_v4l2_queryctrl_call(a, 68, lt_v4l2_queryctrl_more);
		return 1;
	case VIDIOC_QUERY_EXT_CTRL:
		lt_v4l2_queryctrl_call(a, 232, lt_v4l2_query_ext_ctrl_more);
		return 1;
	case VIDIOC_G_EXT_CTRLS: case VIDIOC_S_EXT_CTRLS: case VIDIOC_TRY_EXT_CTRLS:
		lt_v4l2_ext_ctrls(a, req == VIDIOC_G_EXT_CTRLS);
		return 1;
	case VIDIOC_QUERYCAP:
		lt_ioctl_obj(a, 104, 1, lt_v4l2_capability);
		return 1;
	}
	return 0;
}
