/* ioctls of small device families: counter (strace's counter_ioctl.c), inotify
 * (inotify_ioctl.c), random (random_ioctl.c), watchdog (watchdog_ioctl.c), network block
 * devices (nbd_ioctl.c), seccomp user notification descriptors (seccomp_ioctl.c), perf
 * events (perf_ioctl.c). */
#include "lt_errno.h"
#include "lt_syscall.h"

#include "decode_ioctl.h"
#include "xlat/gen.h"

/* x86-64 request numbers (the names print from report/xlat/tables.in's tables) */
enum {
	COUNTER_ADD_WATCH_IOCTL = 0x40063e00, COUNTER_ENABLE_EVENTS_IOCTL = 0x3e01,
	COUNTER_DISABLE_EVENTS_IOCTL = 0x3e02, INOTIFY_IOC_SETNEXTWD = 0x40044900,
	RNDGETENTCNT = 0x80045200, RNDADDTOENTCNT = 0x40045201, RNDADDENTROPY = 0x40085203,
	RNDZAPENTCNT = 0x5204, RNDCLEARPOOL = 0x5206, RNDRESEEDCRNG = 0x5207,
	WDIOC_GETSTATUS = 0x80045701, WDIOC_GETBOOTSTATUS = 0x80045702,
	WDIOC_GETTEMP = 0x80045703, WDIOC_KEEPALIVE = 0x80045705, WDIOC_SETTIMEOUT = 0xc0045706,
	WDIOC_GETTIMEOUT = 0x80045707, WDIOC_SETPRETIMEOUT = 0xc0045708,
	WDIOC_GETPRETIMEOUT = 0x80045709, WDIOC_GETTIMELEFT = 0x8004570a,
	NBD_SET_SOCK = 0xab00, NBD_SET_BLKSIZE = 0xab01, NBD_SET_SIZE = 0xab02, NBD_DO_IT = 0xab03,
	NBD_CLEAR_SOCK = 0xab04, NBD_CLEAR_QUE = 0xab05, NBD_PRINT_DEBUG = 0xab06,
	NBD_SET_SIZE_BLOCKS = 0xab07, NBD_DISCONNECT = 0xab08, NBD_SET_TIMEOUT = 0xab09,
	NBD_SET_FLAGS = 0xab0a, SECCOMP_IOCTL_NOTIF_RECV = 0xc0502100,
	SECCOMP_IOCTL_NOTIF_SEND = 0xc0182101, SECCOMP_IOCTL_NOTIF_ID_VALID = 0x40082102,
	SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR = 0x80082102, /* an old header's number */
	SECCOMP_IOCTL_NOTIF_ADDFD = 0x40182103, AUDIT_ARCH_X86_64 = 0xc000003e,
	PERF_EVENT_IOC_ENABLE = 0x2400, PERF_EVENT_IOC_DISABLE = 0x2401,
	PERF_EVENT_IOC_REFRESH = 0x2402, PERF_EVENT_IOC_RESET = 0x2403,
	PERF_EVENT_IOC_PERIOD = 0x40082404, PERF_EVENT_IOC_SET_OUTPUT = 0x2405,
	PERF_EVENT_IOC_SET_FILTER = 0x40082406, PERF_EVENT_IOC_ID = 0x80082407,
	PERF_EVENT_IOC_SET_BPF = 0x40042408, PERF_EVENT_IOC_PAUSE_OUTPUT = 0x40042409,
	PERF_EVENT_IOC_QUERY_BPF = 0xc008240a, PERF_EVENT_IOC_MODIFY_ATTRIBUTES = 0x4008240b,
};

/* the export's flags: the server sends some linux/nbd.h does not define and the client
 * passes them on (strace's xlat/nbd_ioctl_flags.in) */
static const struct lt_xlat lt_x_nbd_flags[] = {
	{ 1, "NBD_FLAG_HAS_FLAGS" }, { 2, "NBD_FLAG_READ_ONLY" }, { 4, "NBD_FLAG_SEND_FLUSH" },
	{ 8, "NBD_FLAG_SEND_FUA" }, { 0x10, "NBD_FLAG_ROTATIONAL" },
	{ 0x20, "NBD_FLAG_SEND_TRIM" }, { 0x40, "NBD_FLAG_SEND_WRITE_ZEROES" },
	{ 0x80, "NBD_FLAG_SEND_DF" }, { 0x100, "NBD_FLAG_CAN_MULTI_CONN" },
	{ 0x200, "NBD_FLAG_SEND_RESIZE" }, { 0x400, "NBD_FLAG_SEND_CACHE" }, { 0, 0 }
};

/* struct counter_watch: {component={type, scope, parent, id}, event, channel} */
static void lt_counter_watch(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_puts(SB(c), "{component={type=");
	lt_put_xlat(c, lt_x_counter_component_type, d[0], "COUNTER_COMPONENT_???");
	lt_sb_puts(SB(c), ", scope=");
	lt_put_xlat(c, lt_x_counter_scope, d[1], "COUNTER_SCOPE_???");
	lt_sb_printf(SB(c), ", parent=%u, id=%u}, event=", d[2], d[3]);
	lt_put_xlat(c, lt_x_counter_event, d[4], "COUNTER_EVENT_???");
	lt_sb_printf(SB(c), ", channel=%u}", d[5]);
}

int lt_ioctl_counter(struct lt_args *a, uint32_t req)
{
	switch (req) {
	case COUNTER_ADD_WATCH_IOCTL:
		lt_ioctl_obj(a, 6, 0, lt_counter_watch);
		return 1;
	case COUNTER_ENABLE_EVENTS_IOCTL: case COUNTER_DISABLE_EVENTS_IOCTL:
		return 1;
	}
	return 0;
}

int lt_ioctl_inotify(struct lt_args *a, uint32_t req)
{
	if (req != INOTIFY_IOC_SETNEXTWD)
		return 0;
	lt_next(a);
	lt_put_dec(a->c, (int32_t)a->c->ev->args[2]);
	lt_done(a);
	return 1;
}

/* struct rand_pool_info: the count, the size and the bytes that follow */
static void lt_random_pool(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, 8);
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
	} else {
		int32_t size = RD(int32_t, d, 4);
		lt_sb_printf(SB(c), "{entropy_count=%d, buf_size=%d, buf=", RD(int32_t, d, 0), size);
		lt_put_buf(c, 2, 0, c->ev->args[2] + 8, (uint32_t)size);
		lt_sb_putc(SB(c), '}');
	}
	lt_done(a);
}

int lt_ioctl_random(struct lt_args *a, uint32_t req)
{
	switch (req) {
	case RNDGETENTCNT:
		lt_ioctl_num(a, 1, 4, 1);
		return 1;
	case RNDADDTOENTCNT:
		lt_ioctl_num(a, 0, 4, 1);
		return 1;
	case RNDADDENTROPY:
		lt_random_pool(a);
		return 1;
	case RNDZAPENTCNT: case RNDCLEARPOOL: case RNDRESEEDCRNG:
		return 1;
	}
	return 0;
}

int lt_ioctl_watchdog(struct lt_args *a, uint32_t req)
{
	switch (req) {
	case WDIOC_GETSTATUS: case WDIOC_GETBOOTSTATUS: case WDIOC_GETTEMP:
	case WDIOC_GETTIMEOUT: case WDIOC_GETPRETIMEOUT: case WDIOC_GETTIMELEFT:
		lt_ioctl_num(a, 1, 4, 1);
		return 1;
	case WDIOC_SETTIMEOUT: case WDIOC_SETPRETIMEOUT:
		lt_ioctl_num(a, 0, 4, 1);
		return 1;
	case WDIOC_KEEPALIVE:
		return 1;
	}
	return 0;
}

int lt_ioctl_nbd(struct lt_args *a, uint32_t req)
{
	struct lt_dctx *c = a->c;
	uint64_t v = c->ev->args[2];
	switch (req) {
	case NBD_DISCONNECT: case NBD_CLEAR_SOCK: case NBD_DO_IT: case NBD_CLEAR_QUE:
	case NBD_PRINT_DEBUG:
		return 1;
	case NBD_SET_SOCK:
		lt_next(a);
		lt_put_fd(c, (int)v);
		break;
	case NBD_SET_BLKSIZE: case NBD_SET_SIZE: case NBD_SET_SIZE_BLOCKS: case NBD_SET_TIMEOUT:
		lt_next(a);
		lt_put_udec(c, v);
		break;
	case NBD_SET_FLAGS:
		lt_next(a);
		lt_put_flags_unk(c, lt_x_nbd_flags, v, "NBD_IOC_FLAG_???");
		break;
	default:
		return 0;
	}
	lt_done(a);
	return 1;
}

/* struct seccomp_notif: the id, the pid, the flags and the call the target made */
static void lt_seccomp_notif(struct lt_dctx *c, const uint8_t *d)
{
	uint32_t nr = RD(uint32_t, d, 16), arch = RD(uint32_t, d, 20);
	const struct lt_sysent *se = arch == AUDIT_ARCH_X86_64 ? lt_sysent_get(nr) : NULL;
	lt_sb_printf(SB(c), "{id=%#llx, pid=%u, flags=%#x, data={nr=",
		     (unsigned long long)RD(uint64_t, d, 0), RD(uint32_t, d, 8), RD(uint32_t, d, 12));
	if (se && se->name[0] && lt_st(c) != LT_XLAT_RAW)
		lt_sb_printf(SB(c), "__NR_%s", se->name);
	else
		lt_sb_printf(SB(c), "%u", nr);
	lt_sb_puts(SB(c), ", arch=");
	lt_put_xlat(c, lt_x_audit_arch, arch, "AUDIT_ARCH_???");
	lt_sb_puts(SB(c), ", instruction_pointer=");
	lt_put_ptr(c, RD(uint64_t, d, 24));
	lt_sb_puts(SB(c), ", args=[");
	for (int k = 0; k < 6; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		lt_put_hex(c, RD(uint64_t, d, 32 + k * 8));
	}
	lt_sb_puts(SB(c), "]}}");
}

/* SECCOMP_IOCTL_NOTIF_RECV: a structure passed in not all zero prints before the call
 * and " => " after it; what the kernel wrote, on success */
static void lt_seccomp_recv(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, 80), *o;
	int filled = 0;
	lt_next(a);
	for (int k = 0; d && k < 80; k++)
		filled |= d[k];
	if (filled) {
		lt_seccomp_notif(c, d);
		lt_sb_puts(SB(c), " => ");
	}
	o = d ? lt_out(c, 2, 80) : NULL;
	if (o)
		lt_seccomp_notif(c, o);
	else
		lt_put_ptr(c, c->ev->args[2]);
	lt_done(a);
}

/* struct seccomp_notif_resp */
static void lt_seccomp_resp(struct lt_dctx *c, const uint8_t *d)
{
	int32_t err = RD(int32_t, d, 16);
	const char *n = err < 0 && lt_st(c) != LT_XLAT_RAW ? lt_errno_name(-err) : NULL;
	lt_sb_printf(SB(c), "{id=%#llx, val=%lld, error=", (unsigned long long)RD(uint64_t, d, 0),
		     (long long)RD(int64_t, d, 8));
	if (n)
		lt_sb_printf(SB(c), "-%s", n);
	else
		lt_sb_printf(SB(c), "%d", err);
	lt_sb_puts(SB(c), ", flags=");
	lt_put_flags_unk(c, lt_x_seccomp_notif_resp_flags, RD(uint32_t, d, 20),
		       "SECCOMP_USER_NOTIF_FLAG_???");
	lt_sb_putc(SB(c), '}');
}

/* struct seccomp_notif_addfd */
static void lt_seccomp_addfd(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "{id=%#llx, flags=", (unsigned long long)RD(uint64_t, d, 0));
	lt_put_flags_unk(c, lt_x_seccomp_addfd_flags, RD(uint32_t, d, 8), "SECCOMP_ADDFD_FLAG_???");
	lt_sb_puts(SB(c), ", srcfd=");
	lt_put_fd(c, RD(int32_t, d, 12));
	lt_sb_printf(SB(c), ", newfd=%d, newfd_flags=", RD(int32_t, d, 16));
	lt_put_flags_unk(c, lt_x_open_flags, RD(uint32_t, d, 20), "O_???");
	lt_sb_putc(SB(c), '}');
}

static void lt_seccomp_id(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_printf(SB(c), "[%#llx]", (unsigned long long)RD(uint64_t, d, 0));
}

int lt_ioctl_seccomp(struct lt_args *a, uint32_t req)
{
	switch (req) {
	case SECCOMP_IOCTL_NOTIF_RECV:
		lt_seccomp_recv(a);
		return 1;
	case SECCOMP_IOCTL_NOTIF_SEND:
		lt_ioctl_obj(a, 24, 0, lt_seccomp_resp);
		return 1;
	case SECCOMP_IOCTL_NOTIF_ID_VALID: case SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR:
		lt_ioctl_obj(a, 8, 0, lt_seccomp_id);
		return 1;
	case SECCOMP_IOCTL_NOTIF_ADDFD:
		lt_ioctl_obj(a, 24, 0, lt_seccomp_addfd);
		return 1;
	}
	return 0;
}

static int lt_elem_u32(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o)
{
	(void)k, (void)o;
	lt_put_udec(c, RD(uint32_t, e, 0));
	return 1;
}

/* struct perf_event_query_bpf: the room given, then on success the programs attached */
static void lt_perf_query_bpf(struct lt_args *a)
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, 4), *o;
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
	} else {
		lt_sb_printf(SB(c), "{ids_len=%u, ", RD(uint32_t, d, 0));
		o = lt_out(c, 2, 8);
		if (o) {
			uint32_t n = RD(uint32_t, o, 4);
			lt_sb_printf(SB(c), "prog_cnt=%u, ids=", n);
			lt_put_array(c, 2, 0, c->ev->args[2] + 8, n, 4, lt_elem_u32, NULL);
			lt_sb_putc(SB(c), '}');
		} else {
			lt_sb_puts(SB(c), "...}");
		}
	}
	lt_done(a);
}

int lt_ioctl_perf(struct lt_args *a, uint32_t req)
{
	struct lt_dctx *c = a->c;
	uint64_t v = c->ev->args[2];
	switch (req) {
	case PERF_EVENT_IOC_ENABLE: case PERF_EVENT_IOC_DISABLE: case PERF_EVENT_IOC_RESET:
		lt_next(a);
		lt_put_flags_unk(c, lt_x_perf_ioc_flags, (uint32_t)v, "PERF_IOC_FLAG_???");
		break;
	case PERF_EVENT_IOC_REFRESH:
		lt_next(a);
		lt_put_dec(c, (int32_t)v);
		break;
	case PERF_EVENT_IOC_PERIOD:
		lt_ioctl_num(a, 0, 8, 0);
		return 1;
	case PERF_EVENT_IOC_ID:
		lt_ioctl_num(a, 1, 8, 0);
		return 1;
	case PERF_EVENT_IOC_SET_OUTPUT: case PERF_EVENT_IOC_SET_BPF:
		lt_next(a);
		lt_put_fd(c, (int)v);
		break;
	case PERF_EVENT_IOC_PAUSE_OUTPUT:
		lt_next(a);
		lt_put_udec(c, v);
		break;
	case PERF_EVENT_IOC_SET_FILTER: {
		/* strace reads up to a page: a string that ends in unreadable memory first
		 * (the copy came back short, with no NUL) prints as its address */
		const uint8_t *d;
		const struct lt_cap *cap = lt_event_cap(c->ev, 2, LT_CAP_SUB_SELF, &d);
		lt_next(a);
		if (cap && (cap->flags & LT_CAP_TRUNC) && cap->len <= c->strsize)
			lt_put_ptr(c, v);
		else
			lt_put_cstr(c, 2, LT_CAP_SUB_SELF, v, c->strsize);
		break;
	}
	case PERF_EVENT_IOC_QUERY_BPF:
		lt_perf_query_bpf(a);
		return 1;
	case PERF_EVENT_IOC_MODIFY_ATTRIBUTES:
		lt_next(a);
		lt_put_perf_attr(c, 2, v);
		break;
	default:
		return 0;
	}
	lt_done(a);
	return 1;
}
