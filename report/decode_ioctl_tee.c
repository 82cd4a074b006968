/* TEE (trusted execution environment) ioctls: type 0xa4 (strace's tee.c). Sessions and
 * invocations pass a struct tee_ioctl_buf_data pointing to their argument and its
 * parameters, buf_len bytes in all (at most TEE_MAX_ARG_SIZE), which the shim copies (sub
 * 0 at entry, sub 1 after a success: lt_capture.h's LT_SUB_TEE_*). */
#include "decode_ioctl.h"
#include "xlat/gen.h"

enum {
	TEE_IOC_VERSION = 0x800ca400, TEE_IOC_SHM_ALLOC = 0xc010a401,
	TEE_IOC_OPEN_SESSION = 0x8010a402, TEE_IOC_INVOKE = 0x8010a403,
	TEE_IOC_CANCEL = 0x8008a404, TEE_IOC_CLOSE_SESSION = 0x8004a405,
	TEE_IOC_SUPPL_RECV = 0x8010a406, TEE_IOC_SUPPL_SEND = 0x8010a407,
	TEE_IOC_SHM_REGISTER_FD = 0xc020a408, TEE_IOC_SHM_REGISTER = 0xc018a409,
	TEE_MAX_ARG_SIZE = 1024, TEE_PARAM_SIZE = 32, TEE_ATTR_META = 0x100,
	TEE_LOGIN_GROUP = 2, TEE_LOGIN_GROUP_APPLICATION = 6, TEE_IMPL_ID_OPTEE = 1,
};

/* strace's tables (several name values the UAPI header does not) */
static const struct lt_xlat lt_x_tee_shm_flags[] = {
	{ 1, "TEE_IOCTL_SHM_MAPPED" }, { 2, "TEE_IOCTL_SHM_DMA_BUF" },
	{ 4, "TEE_IOCTL_SHM_EXT_DMA_BUF" }, { 8, "TEE_IOCTL_SHM_REGISTER" },
	{ 0x10, "TEE_IOCTL_SHM_USER_MAPPED" }, { 0x20, "TEE_IOCTL_SHM_POOL" },
	{ 0x40, "TEE_IOCTL_SHM_KERNEL_MAPPED" }, { 0, 0 }
};
static const struct lt_xlat lt_x_tee_origins[] = {
	{ 1, "TEEC_ORIGIN_API" }, { 2, "TEEC_ORIGIN_COMMS" }, { 3, "TEEC_ORIGIN_TEE" },
	{ 4, "TEEC_ORIGIN_TRUSTED_APP" }, { 0, 0 }
};
static const struct lt_xlat lt_x_tee_logins[] = {
	{ 0, "TEE_IOCTL_LOGIN_PUBLIC" }, { 1, "TEE_IOCTL_LOGIN_USER" },
	{ 2, "TEE_IOCTL_LOGIN_GROUP" }, { 4, "TEE_IOCTL_LOGIN_APPLICATION" },
	{ 5, "TEE_IOCTL_LOGIN_USER_APPLICATION" }, { 6, "TEE_IOCTL_LOGIN_GROUP_APPLICATION" },
	{ 0, 0 }
};
static const struct lt_xlat lt_x_tee_gen_caps[] = {
	{ 1, "TEE_GEN_CAP_GP" }, { 2, "TEE_GEN_CAP_PRIVILEGED" }, { 4, "TEE_GEN_CAP_REG_MEM" },
	{ 8, "TEE_GEN_CAP_MEMREF_NULL" }, { 0, 0 }
};
static const struct lt_xlat lt_x_tee_impl_ids[] = {
	{ 1, "TEE_IMPL_ID_OPTEE" }, { 2, "TEE_IMPL_ID_AMDTEE" }, { 0, 0 }
};
static const struct lt_xlat lt_x_tee_optee_caps[] = { { 1, "TEE_OPTEE_CAP_TZ" }, { 0, 0 } };
static const struct lt_xlat lt_x_tee_param_attr[] = {
	{ 0, "TEE_IOCTL_PARAM_ATTR_TYPE_NONE" }, { 1, "TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT" },
	{ 2, "TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT" },
	{ 3, "TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT" },
	{ 5, "TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT" },
	{ 6, "TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT" },
	{ 7, "TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT" }, { 0x100, "TEE_IOCTL_PARAM_ATTR_META" },
	{ 0, 0 }
};

static void lt_tee_shm_flags(struct lt_dctx *c, uint32_t v)
{
	lt_sb_puts(SB(c), "flags=");
	lt_put_flags_unk(c, lt_x_tee_shm_flags, v, "TEE_IOCTL_SHM_???");
}

/* one struct tee_ioctl_param */
static void lt_tee_param(struct lt_dctx *c, const uint8_t *p)
{
	uint64_t attr = RD(uint64_t, p, 0), a = RD(uint64_t, p, 8), b = RD(uint64_t, p, 16);
	uint64_t v = RD(uint64_t, p, 24);
	lt_sb_puts(SB(c), "{attr=");
	lt_put_xlat(c, lt_x_tee_param_attr, attr & ~(uint64_t)TEE_ATTR_META, "TEE_IOCTL_PARAM_ATTR_");
	if (attr & TEE_ATTR_META)
		lt_sb_puts(SB(c), "|TEE_IOCTL_PARAM_ATTR_META");
	if (attr == 5 || attr == 6 || attr == 7) {
		lt_sb_puts(SB(c), ", shm_offs=");
		lt_put_hex(c, a);
		lt_sb_puts(SB(c), ", size=");
		lt_put_hex(c, b);
		lt_sb_printf(SB(c), ", shm_id=%llu", (unsigned long long)v);
	} else if (attr) {
		lt_sb_puts(SB(c), ", a=");
		lt_put_hex(c, a);
		lt_sb_puts(SB(c), ", b=");
		lt_put_hex(c, b);
		lt_sb_puts(SB(c), ", c=");
		lt_put_hex(c, v);
	}
	lt_sb_putc(SB(c), '}');
}

/* ", params=[...]": n parameters after the size-byte argument in the have bytes at d */
static void lt_tee_params(struct lt_dctx *c, const uint8_t *d, size_t have, size_t size,
			  uint32_t n, uint64_t ptr)
{
	lt_sb_puts(SB(c), ", params=");
	if (!n) {
		lt_sb_puts(SB(c), "[]");
		return;
	}
	if (have < size + TEE_PARAM_SIZE) {
		lt_put_ptr(c, ptr + size);
		return;
	}
	lt_sb_putc(SB(c), '[');
	for (uint32_t k = 0; k < n; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		if (k >= c->strsize) {
			lt_sb_puts(SB(c), "...");
			break;
		}
		if (have < size + (k + 1) * (size_t)TEE_PARAM_SIZE) {
			lt_sb_printf(SB(c), "... /* %#llx */",
				     (unsigned long long)(ptr + size + k * TEE_PARAM_SIZE));
			break;
		}
		lt_tee_param(c, d + size + k * TEE_PARAM_SIZE);
	}
	lt_sb_putc(SB(c), ']');
}

/* the argument's fields before num_params at entry, and after a success */
static void lt_tee_in_fields(struct lt_dctx *c, uint32_t req, const uint8_t *d)
{
	switch (req) {
	case TEE_IOC_OPEN_SESSION: {
		uint32_t login = RD(uint32_t, d, 32);
		lt_sb_printf(SB(c), "uuid=%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
			     "%02x%02x%02x%02x%02x%02x, clnt_login=", d[0], d[1], d[2], d[3], d[4],
			     d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12], d[13], d[14], d[15]);
		lt_put_xlat(c, lt_x_tee_logins, login, "TEE_IOCTL_LOGIN_???");
		if (login == TEE_LOGIN_GROUP || login == TEE_LOGIN_GROUP_APPLICATION) {
			uint32_t gid = RD(uint32_t, d, 16);
			if (gid == (uint32_t)-1)
				lt_sb_puts(SB(c), ", clnt_uuid=-1");
			else
				lt_sb_printf(SB(c), ", clnt_uuid=%u", gid);
		} else if (!lt_xlat_name(lt_x_tee_logins, login)) {
			lt_sb_puts(SB(c), ", clnt_uuid=[");
			for (int k = 0; k < 16; k++) {
				if (k)
					lt_sb_puts(SB(c), ", ");
				lt_put_hex(c, d[16 + k]);
			}
			lt_sb_putc(SB(c), ']');
		}
		lt_sb_printf(SB(c), ", cancel_id=%u, ", RD(uint32_t, d, 36));
		break;
	}
	case TEE_IOC_INVOKE:
		lt_sb_printf(SB(c), "func=%u, session=", RD(uint32_t, d, 0));
		lt_put_hex(c, RD(uint32_t, d, 4));
		lt_sb_printf(SB(c), ", cancel_id=%u, ", RD(uint32_t, d, 8));
		break;
	case TEE_IOC_SUPPL_RECV:
		lt_sb_printf(SB(c), "func=%u, ", RD(uint32_t, d, 0));
		break;
	}
}

static void lt_tee_out_fields(struct lt_dctx *c, uint32_t req, const uint8_t *d)
{
	switch (req) {
	case TEE_IOC_OPEN_SESSION:
		lt_sb_puts(SB(c), "session=");
		lt_put_hex(c, RD(uint32_t, d, 40));
		lt_sb_printf(SB(c), ", ret=%u, ret_origin=", RD(uint32_t, d, 44));
		lt_put_xlat(c, lt_x_tee_origins, RD(uint32_t, d, 48), "TEEC_ORIGIN_???");
		break;
	case TEE_IOC_INVOKE:
		lt_sb_printf(SB(c), "ret=%u, ret_origin=", RD(uint32_t, d, 12));
		lt_put_xlat(c, lt_x_tee_origins, RD(uint32_t, d, 16), "TEEC_ORIGIN_???");
		break;
	case TEE_IOC_SUPPL_RECV:
		lt_sb_printf(SB(c), "num_params=%u", RD(uint32_t, d, 4));
		break;
	case TEE_IOC_SUPPL_SEND:
		lt_sb_printf(SB(c), "ret=%u", RD(uint32_t, d, 0));
		break;
	}
}

/* strace's tee_fetch_buf_data: the argument of size bytes behind the buf_data (sub), NULL
 * after printing the buf_data itself when it is not one the kernel would take */
static const uint8_t *lt_tee_fetch(struct lt_dctx *c, unsigned hdr_sub, unsigned sub,
				   size_t size, size_t npoff, int entering, size_t *have)
{
	const uint8_t *b = lt_cap_get(c, 2, hdr_sub, 16, NULL);
	if (!b) {
		lt_put_ptr(c, c->ev->args[2]);
		return NULL;
	}
	uint64_t ptr = RD(uint64_t, b, 0), len = RD(uint64_t, b, 8);
	const uint8_t *d = lt_cap_get(c, 2, sub, size, have);
	if (len > TEE_MAX_ARG_SIZE || len < size || !d ||
	    (entering && size + (uint64_t)TEE_PARAM_SIZE * RD(uint32_t, d, npoff) != len)) {
		lt_sb_printf(SB(c), "{buf_len=%llu, buf_ptr=", (unsigned long long)len);
		lt_put_ptr(c, ptr);
		lt_sb_putc(SB(c), '}');
		return NULL;
	}
	return d;
}

static void lt_tee_buf_call(struct lt_args *a, uint32_t req)
{
	struct lt_dctx *c = a->c;
	size_t size = req == TEE_IOC_OPEN_SESSION ? 56 : req == TEE_IOC_INVOKE ? 24 : 8;
	size_t npoff = size - 4, have = 0;
	lt_next(a);
	const uint8_t *d = lt_tee_fetch(c, LT_SUB_ENTRY, LT_SUB_TEE_IN, size, npoff, 1, &have);
	if (!d) {
		lt_done(a);
		return;
	}
	uint64_t ptr = RD(uint64_t, lt_cap_get(c, 2, LT_SUB_ENTRY, 16, NULL), 0);
	uint32_t n = RD(uint32_t, d, npoff);
	lt_sb_printf(SB(c), "{buf_len=%zu, buf_ptr={", size + (size_t)n * TEE_PARAM_SIZE);
	lt_tee_in_fields(c, req, d);
	lt_sb_printf(SB(c), "num_params=%u", n);
	lt_tee_params(c, d, have, size, n, ptr);
	lt_sb_putc(SB(c), '}');
	if (c->done && !lt_ok(c)) {
		lt_sb_putc(SB(c), '}');
	} else if (lt_ok(c)) {
		lt_sb_puts(SB(c), " => ");
		d = lt_tee_fetch(c, LT_CAP_SUB_SELF, LT_SUB_TEE_OUT, size, npoff, 0, &have);
		if (d) {
			lt_sb_putc(SB(c), '{');
			lt_tee_out_fields(c, req, d);
			lt_tee_params(c, d, have, size, RD(uint32_t, d, npoff), ptr);
			lt_sb_puts(SB(c), "}}");
		}
	}
	lt_done(a);
}

static void lt_tee_version(struct lt_dctx *c, const uint8_t *d)
{
	uint32_t id = RD(uint32_t, d, 0);
	lt_sb_puts(SB(c), "{impl_id=");
	lt_put_xlat(c, lt_x_tee_impl_ids, id, "TEE_IMPL_ID_???");
	lt_sb_puts(SB(c), ", gen_caps=");
	lt_put_flags_unk(c, lt_x_tee_gen_caps, RD(uint32_t, d, 8), "TEE_GEN_CAP_???");
	lt_sb_puts(SB(c), ", impl_caps=");
	if (id == TEE_IMPL_ID_OPTEE)
		lt_put_flags_unk(c, lt_x_tee_optee_caps, RD(uint32_t, d, 4), "TEE_OPTEE_CAP_???");
	else
		lt_put_hex(c, RD(uint32_t, d, 4));
	lt_sb_putc(SB(c), '}');
}

static void lt_tee_cancel(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{cancel_id=%u, session=", RD(uint32_t, d, 0));
	lt_put_hex(c, RD(uint32_t, d, 4));
	lt_sb_putc(SB(c), '}');
}

static void lt_tee_close(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{session=");
	lt_put_hex(c, RD(uint32_t, d, 0));
	lt_sb_putc(SB(c), '}');
}

/* the shared-memory requests: what the call takes, " => " what it gave on success */
static void lt_tee_shm(struct lt_dctx *c, uint32_t req, const uint8_t *d, int out)
{
	if (req == TEE_IOC_SHM_ALLOC) {
		lt_sb_puts(SB(c), "{size=");
		lt_put_hex(c, RD(uint64_t, d, 0));
		lt_sb_puts(SB(c), ", ");
		lt_tee_shm_flags(c, RD(uint32_t, d, 8));
		if (out)
			lt_sb_printf(SB(c), ", id=%d", RD(int32_t, d, 12));
	} else if (req == TEE_IOC_SHM_REGISTER_FD && !out) {
		lt_sb_puts(SB(c), "{fd=");
		lt_put_fd(c, (int)RD(int64_t, d, 0));
		lt_sb_puts(SB(c), ", ");
		lt_tee_shm_flags(c, RD(uint32_t, d, 16));
	} else if (req == TEE_IOC_SHM_REGISTER_FD) {
		lt_sb_puts(SB(c), "{size=");
		lt_put_hex(c, RD(uint64_t, d, 8));
		lt_sb_printf(SB(c), ", id=%d", RD(int32_t, d, 24));
	} else {
		if (!out) {
			lt_sb_puts(SB(c), "{addr=");
			lt_put_ptr(c, RD(uint64_t, d, 0));
			lt_sb_puts(SB(c), ", length=");
		} else {
			lt_sb_puts(SB(c), "{length=");
		}
		lt_put_hex(c, RD(uint64_t, d, 8));
		lt_sb_puts(SB(c), ", ");
		lt_tee_shm_flags(c, RD(uint32_t, d, 16));
		if (out)
			lt_sb_printf(SB(c), ", id=%d", RD(int32_t, d, 20));
	}
	lt_sb_putc(SB(c), '}');
}

static void lt_tee_shm_call(struct lt_args *a, uint32_t req)
{
	struct lt_dctx *c = a->c;
	size_t size = (req >> 16) & 0x3fff;
	const uint8_t *d = lt_in(c, 2, size), *o = lt_out(c, 2, size);
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
	} else {
		lt_tee_shm(c, req, d, 0);
		if (o) {
			lt_sb_puts(SB(c), " => ");
			lt_tee_shm(c, req, o, 1);
		}
	}
	lt_done(a);
}

int lt_ioctl_tee(struct lt_args *a, uint32_t req)
{
	switch (req) {
	case TEE_IOC_VERSION:
		lt_ioctl_obj(a, 12, 1, lt_tee_version);
		return 1;
	case TEE_IOC_OPEN_SESSION: case TEE_IOC_INVOKE: case TEE_IOC_SUPPL_RECV:
	case TEE_IOC_SUPPL_SEND:
		lt_tee_buf_call(a, req);
		return 1;
	case TEE_IOC_CANCEL:
		lt_ioctl_obj(a, 8, 0, lt_tee_cancel);
		return 1;
	case TEE_IOC_CLOSE_SESSION:
		lt_ioctl_obj(a, 4, 0, lt_tee_close);
		return 1;
	case TEE_IOC_SHM_ALLOC: case TEE_IOC_SHM_REGISTER_FD: case TEE_IOC_SHM_REGISTER:
		lt_tee_shm_call(a, req);
		return 1;
	}
	return 0;
}
