/* io_uring_register's argument, as strace 6.1 prints it (its src/io_uring.c): by opcode,
 * an array of iovecs, fds or restrictions, a probe, a resource registration or update
 * with its data and tags arrays. The shim captures them (lib/lt_capture.c,
 * lt_req_io_uring_register): the object as SELF, what a structure points to as sub 0
 * (data, fds) and sub 1 (tags), and what the call rewrites at entry (LT_SUB_ENTRY). */
#include <string.h>

#include "lt_capture.h"
#include "xlat.h"
#include "xlat/gen.h"
#include "decode_struct.h"

/* strace's own names (not in the UAPI headers) */
static const struct lt_xlat lt_x_uring_files_update_fds[] = {
	{ (uint64_t)-2, "IORING_REGISTER_FILES_SKIP" }, { 0, 0 } };
static const struct lt_xlat lt_x_uring_iowq_acct[] = {
	{ 0, "IO_WQ_BOUND" }, { 1, "IO_WQ_UNBOUND" }, { 0, 0 } };

enum {
	OP_BUFFERS = 0, OP_FILES = 2, OP_EVENTFD = 4, OP_FILES_UPDATE = 6, OP_EVENTFD_ASYNC = 7,
	OP_PROBE = 8, OP_RESTRICTIONS = 11, OP_FILES2 = 13, OP_FILES_UPDATE2 = 14, OP_BUFFERS2 = 15,
	OP_BUFFERS_UPDATE = 16, OP_IOWQ_AFF = 17, OP_IOWQ_MAX_WORKERS = 19, OP_RING_FDS = 20,
	OP_UNREGISTER_RING_FDS = 21, OP_PBUF_RING = 22, OP_UNREGISTER_PBUF_RING = 23,
};

static void lt_field_x(struct lt_dctx *c, const char *name, uint64_t v)
{
	lt_sb_printf(c->sb, ", %s=", name);
	lt_put_hex(c, v);
}

/* "resv2=[0, 0xffffffff, 0]" when any of the n u32 at p is not 0 */
static void lt_xint_array32(struct lt_dctx *c, const char *name, const uint8_t *p, int n)
{
	int any = 0;
	for (int k = 0; k < n; k++)
		any |= RD(uint32_t, p, k * 4) != 0;
	if (!any)
		return;
	lt_sb_printf(c->sb, ", %s=[", name);
	for (int k = 0; k < n; k++) {
		if (k)
			lt_sb_puts(c->sb, ", ");
		lt_put_hex(c, RD(uint32_t, p, k * 4));
	}
	lt_sb_putc(c->sb, ']');
}

static int lt_elem_fd(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o)
{
	(void)k, (void)o;
	lt_put_fd(c, RD(int32_t, e, 0));
	return 1;
}

static int lt_elem_update_fd(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o)
{
	(void)k, (void)o;
	int32_t fd = RD(int32_t, e, 0);
	if (fd < -1) {
		const char *name = lt_xlat_name(lt_x_uring_files_update_fds, (uint64_t)(int64_t)fd);
		enum lt_xlat_style st = c->fmt ? c->fmt->xlat : LT_XLAT_ABBREV;
		if (name && st == LT_XLAT_ABBREV)
			lt_sb_puts(c->sb, name);
		else
			lt_put_dec(c, fd);
		if (name && st == LT_XLAT_VERBOSE)
			lt_sb_printf(c->sb, " /* %s */", name);
	} else {
		lt_put_fd(c, fd);
	}
	return 1;
}

int lt_elem_iov_addr(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o)
{
	(void)k, (void)o;
	lt_sb_puts(c->sb, "{iov_base=");
	lt_put_ptr(c, RD(uint64_t, e, 0));
	lt_sb_printf(c->sb, ", iov_len=%llu}", (unsigned long long)RD(uint64_t, e, 8));
	return 1;
}

static int lt_elem_xint64(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o)
{
	(void)k, (void)o;
	lt_put_hex(c, RD(uint64_t, e, 0));
	return 1;
}

static int lt_elem_restriction(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o)
{
	(void)k, (void)o;
	uint16_t opcode = RD(uint16_t, e, 0);
	uint8_t arg = e[2], resv = e[3];
	lt_sb_puts(c->sb, "{opcode=");
	lt_put_xlat(c, lt_x_io_uring_restriction, opcode, "IORING_RESTRICTION_???");
	switch (opcode) {
	case 0:
		lt_sb_puts(c->sb, ", register_op=");
		lt_put_xlat(c, lt_x_io_uring_register_op, arg, "IORING_REGISTER_???");
		break;
	case 1:
		lt_sb_puts(c->sb, ", sqe_op=");
		lt_put_xlat(c, lt_x_io_uring_op, arg, "IORING_OP_???");
		break;
	case 2: case 3:
		lt_sb_puts(c->sb, ", sqe_flags=");
		lt_put_flags(c, lt_x_io_uring_sqe_flags, arg);
		break;
	default:
		lt_sb_puts(c->sb, " /* op: ");
		lt_put_hex(c, arg);
		lt_sb_puts(c->sb, " */");
	}
	if (resv)
		lt_field_x(c, "resv", resv);
	lt_xint_array32(c, "resv2", e + 4, 3);
	lt_sb_putc(c->sb, '}');
	return 1;
}

static int lt_elem_ringfd(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o)
{
	(void)k;
	int unregister = o != NULL;
	uint32_t offset = RD(uint32_t, e, 0), resv = RD(uint32_t, e, 4);
	uint64_t data = RD(uint64_t, e, 8);
	if (offset == 0xffffffffu && !unregister)
		lt_sb_puts(c->sb, "{offset=-1");
	else
		lt_sb_printf(c->sb, "{offset=%u", offset);
	if (resv)
		lt_field_x(c, "resv", resv);
	if (!unregister) {
		lt_sb_puts(c->sb, ", data=");
		lt_put_fd(c, (int)data);
	} else if (data) {
		lt_field_x(c, "data", data);
	}
	lt_sb_putc(c->sb, '}');
	return 1;
}

static int lt_elem_probe_op(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o)
{
	(void)k, (void)o;
	lt_sb_puts(c->sb, "{op=");
	lt_put_xval_u(c, lt_x_io_uring_op, e[0], "IORING_OP_???");
	if (e[1])
		lt_field_x(c, "resv", e[1]);
	lt_sb_puts(c->sb, ", flags=");
	lt_put_flags(c, lt_x_io_uring_op_flags, RD(uint16_t, e, 2));
	if (RD(uint32_t, e, 4))
		lt_field_x(c, "resv2", RD(uint32_t, e, 4));
	lt_sb_putc(c->sb, '}');
	return 1;
}

static int lt_elem_iowq(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o)
{
	(void)o;
	lt_sb_putc(c->sb, '[');
	lt_put_xval_u(c, lt_x_uring_iowq_acct, k, "IO_WQ_???");
	lt_sb_printf(c->sb, "]=%u", RD(uint32_t, e, 0));
	return 1;
}

/* A probe: {last_op, ops_len, [resv], [resv2], ops=[n of them]}; more: ", ..." after them */
static void lt_put_probe(struct lt_dctx *c, const uint8_t *d, uint64_t n, int more)
{
	lt_sb_puts(c->sb, "{last_op=");
	lt_put_xval_u(c, lt_x_io_uring_op, d[0], "IORING_OP_???");
	lt_sb_printf(c->sb, ", ops_len=%u", d[1]);
	if (RD(uint16_t, d, 2))
		lt_field_x(c, "resv", RD(uint16_t, d, 2));
	lt_xint_array32(c, "resv2", d + 4, 3);
	lt_sb_puts(c->sb, ", ops=[");
	int verbose = c->fmt && c->fmt->verbose;
	uint64_t k;
	for (k = 0; k < n; k++) {
		if (k)
			lt_sb_puts(c->sb, ", ");
		if (k >= c->strsize && !verbose) {
			lt_sb_puts(c->sb, "...");
			break;
		}
		lt_elem_probe_op(c, d + 16 + k * 8, k, NULL);
	}
	if (more && k == n)
		lt_sb_puts(c->sb, n ? ", ..." : "...");
	lt_sb_puts(c->sb, "]}");
}

static int lt_all_zero(const uint8_t *p, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (p[k])
			return 0;
	return 1;
}

static void lt_put_probe_arg(struct lt_dctx *c, int i, uint64_t addr, uint64_t n)
{
	size_t need = 16 + 8 * n;
	const uint8_t *in = n <= 256 ? lt_cap_get(c, i, LT_SUB_ENTRY, need, NULL) : NULL;
	const uint8_t *out = n <= 256 && c->done && !c->failed
		? lt_cap_get(c, i, LT_CAP_SUB_SELF, need, NULL) : NULL;
	int printed = in && !lt_all_zero(in, need);
	if (printed)
		lt_put_probe(c, in, n, 0);
	if (out) {
		if (printed)
			lt_sb_puts(c->sb, " => ");
		lt_put_probe(c, out, out[1] < n ? out[1] : n, n < out[1]);
	} else if (!printed) {
		lt_put_ptr(c, addr);
	}
}


/* FILES2/BUFFERS2 (io_uring_rsrc_register) and FILES_UPDATE2/BUFFERS_UPDATE
 * (io_uring_rsrc_update2): 32 bytes and nargs of size. */
static void lt_put_rsrc(struct lt_dctx *c, int i, unsigned op, uint64_t addr, uint64_t size)
{
	const uint8_t *d = size >= 32 ? lt_cap_get(c, i, LT_CAP_SUB_SELF, 32, NULL) : NULL;
	if (!d) {
		lt_put_ptr(c, addr);
		return;
	}
	int reg = op == OP_FILES2 || op == OP_BUFFERS2;
	uint32_t nr = RD(uint32_t, d, reg ? 0 : 24);
	uint64_t data = RD(uint64_t, d, reg ? 16 : 8), tags = RD(uint64_t, d, reg ? 24 : 16);
	if (reg) {
		lt_sb_printf(c->sb, "{nr=%u, flags=", nr);
		lt_put_flags(c, lt_x_io_uring_rsrc_flags, RD(uint32_t, d, 4));
		if (RD(uint64_t, d, 8))
			lt_field_x(c, "resv2", RD(uint64_t, d, 8));
	} else {
		lt_sb_printf(c->sb, "{offset=%u", RD(uint32_t, d, 0));
		if (RD(uint32_t, d, 4))
			lt_field_x(c, "resv", RD(uint32_t, d, 4));
	}
	lt_sb_puts(c->sb, ", data=");
	if (op == OP_FILES2)
		lt_put_array(c, i, 0, data, nr, 4, lt_elem_fd, NULL);
	else if (op == OP_FILES_UPDATE2)
		lt_put_array(c, i, 0, data, nr, 4, lt_elem_update_fd, NULL);
	else
		lt_put_array(c, i, 0, data, nr, 16, lt_elem_iov_addr, NULL);
	lt_sb_puts(c->sb, ", tags=");
	lt_put_array(c, i, 1, tags, nr, 8, lt_elem_xint64, NULL);
	if (!reg) {
		lt_sb_printf(c->sb, ", nr=%u", nr);
		if (RD(uint32_t, d, 28))
			lt_field_x(c, "resv2", RD(uint32_t, d, 28));
	}
	lt_put_nonzero_tail(c, i, 32, size);
	lt_sb_putc(c->sb, '}');
}

static void lt_put_buf_reg(struct lt_dctx *c, int i, uint64_t addr)
{
	const uint8_t *d = lt_cap_get(c, i, LT_CAP_SUB_SELF, 40, NULL);
	if (!d) {
		lt_put_ptr(c, addr);
		return;
	}
	lt_sb_puts(c->sb, "{ring_addr=");
	lt_put_ptr(c, RD(uint64_t, d, 0));
	lt_sb_printf(c->sb, ", ring_entries=%u, bgid=%u", RD(uint32_t, d, 8), RD(uint16_t, d, 12));
	if (RD(uint16_t, d, 14))
		lt_field_x(c, "pad", RD(uint16_t, d, 14));
	if (!lt_all_zero(d + 16, 24)) {
		lt_sb_puts(c->sb, ", resv=[");
		for (int k = 0; k < 3; k++) {
			if (k)
				lt_sb_puts(c->sb, ", ");
			lt_put_hex(c, RD(uint64_t, d, 16 + k * 8));
		}
		lt_sb_putc(c->sb, ']');
	}
	lt_sb_putc(c->sb, '}');
}

static void lt_put_files_update(struct lt_dctx *c, int i, uint64_t addr, uint64_t n)
{
	const uint8_t *d = lt_cap_get(c, i, LT_CAP_SUB_SELF, 16, NULL);
	if (!d) {
		lt_put_ptr(c, addr);
		return;
	}
	lt_sb_printf(c->sb, "{offset=%u", RD(uint32_t, d, 0));
	if (RD(uint32_t, d, 4))
		lt_field_x(c, "resv", RD(uint32_t, d, 4));
	lt_sb_puts(c->sb, ", fds=");
	lt_put_array(c, i, 0, RD(uint64_t, d, 8), n, 4, lt_elem_update_fd, NULL);
	lt_sb_putc(c->sb, '}');
}

static void lt_put_cpu_list(struct lt_dctx *c, int i, uint64_t addr, uint64_t n)
{
	size_t len;
	const uint8_t *d = addr ? lt_cap_get(c, i, LT_CAP_SUB_SELF, 0, &len) : NULL;
	if (addr && !n) {
		lt_sb_puts(c->sb, "[]");
		return;
	}
	if (!d || (len < n && len < 128)) {
		lt_put_ptr(c, addr);
		return;
	}
	lt_sb_putc(c->sb, '[');
	int first = 1;
	for (size_t b = 0; b < len * 8; b++)
		if (d[b / 8] >> (b % 8) & 1) {
			lt_sb_printf(c->sb, first ? "%zu" : " %zu", b);
			first = 0;
		}
	lt_sb_putc(c->sb, ']');
}

void lt_put_io_uring_register_arg(struct lt_dctx *c, int i)
{
	const struct lt_event *ev = c->ev;
	unsigned op = (uint32_t)ev->args[1];
	uint64_t addr = ev->args[i], n = (uint32_t)ev->args[3];
	switch (op) {
	case OP_BUFFERS:
		lt_put_array(c, i, LT_CAP_SUB_SELF, addr, n, 16, lt_elem_iov_addr, NULL);
		return;
	case OP_FILES: case OP_EVENTFD: case OP_EVENTFD_ASYNC:
		lt_put_array(c, i, LT_CAP_SUB_SELF, addr, n, 4, lt_elem_fd, NULL);
		return;
	case OP_FILES_UPDATE:
		lt_put_files_update(c, i, addr, n);
		return;
	case OP_PROBE:
		lt_put_probe_arg(c, i, addr, n);
		return;
	case OP_RESTRICTIONS:
		lt_put_array(c, i, LT_CAP_SUB_SELF, addr, n, 16, lt_elem_restriction, NULL);
		return;
	case OP_FILES2: case OP_BUFFERS2: case OP_FILES_UPDATE2: case OP_BUFFERS_UPDATE:
		lt_put_rsrc(c, i, op, addr, n);
		return;
	case OP_IOWQ_AFF:
		lt_put_cpu_list(c, i, addr, n);
		return;
	case OP_IOWQ_MAX_WORKERS:
		if (lt_put_array(c, i, LT_SUB_ENTRY, addr, n, 4, lt_elem_iowq, NULL)) {
			lt_sb_puts(c->sb, " => ");
			if (c->done && !c->failed)
				lt_put_array(c, i, LT_CAP_SUB_SELF, addr, n, 4, lt_elem_iowq, NULL);
			else
				lt_put_ptr(c, addr);
		}
		return;
	case OP_RING_FDS: case OP_UNREGISTER_RING_FDS:
		lt_put_array(c, i, LT_CAP_SUB_SELF, addr, n, 16, lt_elem_ringfd,
			     op == OP_UNREGISTER_RING_FDS ? (void *)c : NULL);
		return;
	case OP_PBUF_RING: case OP_UNREGISTER_PBUF_RING:
		lt_put_buf_reg(c, i, addr);
		return;
	}
	lt_put_ptr(c, addr);
}

/* io_uring_setup's struct io_uring_params (120 bytes): what the program asked for, as
 * it was before the call (LT_SUB_ENTRY), then on success what the kernel wrote back. */
static void lt_put_uring_off(struct lt_dctx *c, const uint8_t *o, const char *const f[7])
{
	lt_sb_putc(c->sb, '{');
	for (int k = 0; k < 7; k++)
		lt_sb_printf(c->sb, "%s%s=%u", k ? ", " : "", f[k], RD(uint32_t, o, 4 * k));
	if (RD(uint32_t, o, 28))
		lt_field_x(c, "resv1", RD(uint32_t, o, 28));
	if (RD(uint64_t, o, 32))
		lt_field_x(c, "resv2", RD(uint64_t, o, 32));
	lt_sb_putc(c->sb, '}');
}

void lt_put_io_uring_params(struct lt_dctx *c, int i, int kind)
{
	static const char *const sq[7] = { "head", "tail", "ring_mask", "ring_entries", "flags",
					   "dropped", "array" };
	static const char *const cq[7] = { "head", "tail", "ring_mask", "ring_entries",
					   "overflow", "cqes", "flags" };
	const uint8_t *d = lt_cap_get(c, i, LT_SUB_ENTRY, 120, NULL), *o;
	(void)kind;
	if (!d) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	uint32_t flags = RD(uint32_t, d, 8);
	lt_sb_puts(c->sb, "{flags=");
	lt_put_flags(c, lt_x_io_uring_setup_flags, flags);
	lt_field_x(c, "sq_thread_cpu", RD(uint32_t, d, 12));
	lt_sb_printf(c->sb, ", sq_thread_idle=%u", RD(uint32_t, d, 16));
	if (flags & 0x20) { /* IORING_SETUP_ATTACH_WQ */
		lt_sb_puts(c->sb, ", wq_fd=");
		lt_put_fd(c, RD(int32_t, d, 24));
	}
	if (RD(uint32_t, d, 28) || RD(uint32_t, d, 32) || RD(uint32_t, d, 36))
		lt_sb_printf(c->sb, ", resv=[%#x, %#x, %#x]", RD(uint32_t, d, 28),
			     RD(uint32_t, d, 32), RD(uint32_t, d, 36));
	if (c->done && !c->failed && (o = lt_cap_get(c, i, LT_CAP_SUB_SELF, 120, NULL))) {
		lt_sb_printf(c->sb, ", sq_entries=%u, cq_entries=%u, features=", RD(uint32_t, o, 0),
			     RD(uint32_t, o, 4));
		lt_put_flags(c, lt_x_io_uring_features, RD(uint32_t, o, 20));
		lt_sb_puts(c->sb, ", sq_off=");
		lt_put_uring_off(c, o + 40, sq);
		lt_sb_puts(c->sb, ", cq_off=");
		lt_put_uring_off(c, o + 80, cq);
	}
	lt_sb_putc(c->sb, '}');
}
