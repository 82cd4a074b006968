/* Linux AIO: io_setup's context, io_submit's iocbs, io_getevents' and io_cancel's events
 * (strace's aio.c). */
#include <stdio.h>
#include <string.h>

#include "lt_capture.h"
#include "decode_struct.h"

enum { IOCB_PREAD, IOCB_PWRITE, IOCB_POLL = 5, IOCB_PREADV = 7, IOCB_PWRITEV = 8 };
#define IOCB_FLAG_RESFD 1u
#define IOCB_FLAG_IOPRIO 2u

static const struct lt_xlat lt_x_aio_cmds[] = {
	{ 0, "IOCB_CMD_PREAD" }, { 1, "IOCB_CMD_PWRITE" }, { 2, "IOCB_CMD_FSYNC" },
	{ 3, "IOCB_CMD_FDSYNC" }, { 4, "IOCB_CMD_PREADX" }, { 5, "IOCB_CMD_POLL" },
	{ 6, "IOCB_CMD_NOOP" }, { 7, "IOCB_CMD_PREADV" }, { 8, "IOCB_CMD_PWRITEV" }, { 0, 0 }
};
static const struct lt_xlat lt_x_aio_iocb_flags[] = {
	{ IOCB_FLAG_RESFD, "IOCB_FLAG_RESFD" }, { IOCB_FLAG_IOPRIO, "IOCB_FLAG_IOPRIO" }, { 0, 0 }
};

/* strace's print_ioprio: IOPRIO_PRIO_VALUE(class, data) */
static void lt_put_ioprio(struct lt_dctx *c, uint32_t v)
{
	static const struct lt_xlat cls[] = { { 0, "IOPRIO_CLASS_NONE" }, { 1, "IOPRIO_CLASS_RT" },
		{ 2, "IOPRIO_CLASS_BE" }, { 3, "IOPRIO_CLASS_IDLE" }, { 0, 0 } };
	enum lt_xlat_style st = lt_st(c);
	if (st != LT_XLAT_ABBREV)
		lt_put_hex(c, v);
	if (st == LT_XLAT_RAW)
		return;
	const char *n = lt_xlat_name(cls, v >> 13);
	lt_sb_puts(SB(c), st == LT_XLAT_VERBOSE ? " /* IOPRIO_PRIO_VALUE(" : "IOPRIO_PRIO_VALUE(");
	if (n)
		lt_sb_puts(SB(c), n);
	else
		lt_sb_printf(SB(c), "%#x /* IOPRIO_CLASS_??? */", v >> 13);
	lt_sb_printf(SB(c), ", %u)%s", v & 0x1fff, st == LT_XLAT_VERBOSE ? " */" : "");
}

/* aio_data, aio_key, aio_rw_flags, aio_lio_opcode, aio_reqprio, aio_fildes */
static unsigned lt_put_iocb_header(struct lt_dctx *c, const uint8_t *d)
{
	uint32_t key = RD(uint32_t, d, 8), rwf = RD(uint32_t, d, 12), flags = RD(uint32_t, d, 56);
	uint16_t op = RD(uint16_t, d, 16);
	int16_t prio = RD(int16_t, d, 18);
	lt_sb_printf(SB(c), "aio_data=%#llx", (unsigned long long)RD(uint64_t, d, 0));
	if (key)
		lt_sb_printf(SB(c), ", aio_key=%u", key);
	if (rwf) {
		lt_sb_puts(SB(c), ", aio_rw_flags=");
		lt_put_flags(c, lt_x_rwf, rwf);
	}
	lt_sb_puts(SB(c), ", aio_lio_opcode=");
	lt_put_xval_u(c, lt_x_aio_cmds, op, "IOCB_CMD_???");
	if (flags & IOCB_FLAG_IOPRIO) {
		lt_sb_puts(SB(c), ", aio_reqprio=");
		lt_put_ioprio(c, (uint16_t)prio);
	} else if (prio) {
		lt_sb_printf(SB(c), ", aio_reqprio=%d", prio);
	}
	lt_sb_puts(SB(c), ", aio_fildes=");
	lt_put_fd(c, RD(int32_t, d, 20));
	return op;
}

static void lt_put_iocb_flags(struct lt_dctx *c, const uint8_t *d)
{
	uint32_t flags = RD(uint32_t, d, 56), resfd = RD(uint32_t, d, 60);
	if (flags) {
		lt_sb_puts(SB(c), ", aio_flags=");
		lt_put_flags(c, lt_x_aio_iocb_flags, flags);
	}
	if (flags & IOCB_FLAG_RESFD) {
		lt_sb_puts(SB(c), ", aio_resfd=");
		lt_put_fd(c, (int32_t)resfd);
	} else if (resfd) {
		lt_sb_printf(SB(c), ", aio_resfd=%#x", resfd);
	}
}

/* iocb k of io_submit's argument i: its captures are sub k (the iocb), LT_SUB_IOCB_BUF + k
 * (PWRITE's bytes) and LT_SUB_IOCB_IOV + k (PREADV/PWRITEV's iovecs) */
static void lt_put_iocb(struct lt_dctx *c, int i, uint64_t k, const uint8_t *d)
{
	uint64_t buf = RD(uint64_t, d, 24), n = RD(uint64_t, d, 32);
	int valid = (int64_t)n >= 0;
	lt_sb_putc(SB(c), '{');
	unsigned op = lt_put_iocb_header(c, d);
	if (op == IOCB_PREAD || op == IOCB_PWRITE) {
		lt_sb_puts(SB(c), ", aio_buf=");
		if (op == IOCB_PWRITE && valid)
			lt_put_buf(c, i, LT_SUB_IOCB_BUF + (unsigned)k, buf, n);
		else
			lt_put_hex(c, buf);
		lt_sb_printf(SB(c), ", aio_nbytes=%llu", (unsigned long long)n);
	} else if (op == IOCB_PREADV || op == IOCB_PWRITEV) {
		lt_sb_puts(SB(c), ", aio_buf=");
		if (valid) {
			lt_put_array(c, i, LT_SUB_IOCB_IOV + (unsigned)k, buf, n, 16, lt_elem_iov_addr, NULL);
		} else {
			lt_put_hex(c, buf);
			lt_sb_printf(SB(c), ", aio_nbytes=%llu", (unsigned long long)n);
		}
	} else if (op == IOCB_POLL) {
		lt_sb_puts(SB(c), ", aio_buf=");
		lt_put_flags(c, lt_x_poll_events, buf);
		lt_put_iocb_flags(c, d);
		lt_sb_putc(SB(c), '}');
		return;
	} else {
		lt_sb_putc(SB(c), '}');
		return;
	}
	lt_sb_printf(SB(c), ", aio_offset=%lld", (long long)RD(int64_t, d, 40));
	lt_put_iocb_flags(c, d);
	lt_sb_putc(SB(c), '}');
}

static int lt_elem_iocbp(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	int i = *(const int *)opaque;
	uint64_t addr = RD(uint64_t, e, 0);
	const uint8_t *d = addr && k < LT_CAP_MAX_ELEMS ? lt_cap_get(c, i, (unsigned)k, 64, NULL) : NULL;
	if (d)
		lt_put_iocb(c, i, k, d);
	else
		lt_put_ptr(c, addr);
	return 1;
}

/* io_submit's iocbpp: nr pointers to iocbs */
void lt_put_iocbpp(struct lt_dctx *c, int i, int kind)
{
	int64_t nr = (int64_t)c->ev->args[1];
	(void)kind;
	if (nr < 0)
		lt_put_ptr(c, c->ev->args[i]);
	else
		lt_put_array(c, i, LT_CAP_SUB_SELF, c->ev->args[i], (uint64_t)nr, 8, lt_elem_iocbp, &i);
}

/* io_cancel's iocb: the header only */
void lt_put_iocb_hdr(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_putc(SB(c), '{');
	lt_put_iocb_header(c, d);
	lt_sb_putc(SB(c), '}');
}

static int lt_elem_io_event(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	(void)k, (void)opaque;
	lt_sb_printf(SB(c), "{data=%#llx, obj=%#llx, res=%lld, res2=%lld}",
		     (unsigned long long)RD(uint64_t, e, 0), (unsigned long long)RD(uint64_t, e, 8),
		     (long long)RD(int64_t, e, 16), (long long)RD(int64_t, e, 24));
	return 1;
}

void lt_put_io_event(struct lt_dctx *c, const uint8_t *d)
{
	lt_elem_io_event(c, d, 0, NULL);
}

/* io_getevents' events: as many as it returned, written on success */
void lt_put_io_events(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	if (!lt_ok(c) && c->ev->args[i])
		lt_put_ptr(c, c->ev->args[i]);
	else
		lt_put_array(c, i, LT_CAP_SUB_SELF, c->ev->args[i], (uint64_t)c->ev->ret, 32,
			     lt_elem_io_event, NULL);
}

/* io_setup's context, written on success */
void lt_put_aio_ctx(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_putc(SB(c), '[');
	lt_put_ptr(c, RD(uint64_t, d, 0));
	lt_sb_putc(SB(c), ']');
}
