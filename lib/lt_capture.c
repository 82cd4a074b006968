/* The capture planner: for each syscall, what memory the shim copies into the record.
 * Linked into the shim and run on every traced call: no libc, no allocation, no loops but
 * over the arguments and over arrays bounded by the constants in lt_capture.h.
 *
 * When: after the call whenever the call leaves the memory as it was (paths, write
 * buffers, structures passed in), whatever it returned (a call that faulted on one bad
 * pointer still shows the others, as strace does); at entry only what the call overwrites
 * (LT_SUB_ENTRY copies) or what never returns to us (execve's path, argv, envp). Output
 * objects are copied at exit and only on success, sized by the return value or the
 * object's size. */
#include "lt_capture.h"
#include "lt_log.h"
#include "lt_syscall.h"

/* Sizes of the x86-64 kernel structures the planner sizes by code; fixed-size objects
 * behind an argument have their size in the kind table (lib/syscalls.tbl). */
enum {
	SZ_TIMESPEC = 16, SZ_EPOLL_EVENT = 12, SZ_POLLFD = 8, SZ_IOVEC = 16, SZ_MSGHDR = 56,
	SZ_MMSGHDR = 64, SZ_SOCKADDR = 128, SZ_OPEN_HOW = 24, SZ_TERMIOS = 36,
	SZ_WINSIZE = 8, SZ_FLOCK = 32, SZ_SIGSET = 8, SZ_CONTROL = 256, SZ_PERF_ATTR = 128,
	SZ_SOCK_FPROG = 16, SZ_SOCK_FILTER = 8, SZ_BPF_MAXINSNS = 4096, SZ_LANDLOCK_RULESET = 8,
	SZ_LANDLOCK_PATH_BENEATH = 12, SZ_KEXEC_SEGMENT = 32,
	SZ_SCHED_ATTR = 56,
};

struct lt_plan {
	struct lt_cap_req *out;
	int n, max;
	unsigned strsize;
	lt_peek_fn peek;
	void *ctx;
	int exit;
};

/* A zero-length request is kept only for buffers (strace shows an empty read as ""). */
#define LT_REQ_EMPTY_OK 0x100u

static void lt_req(struct lt_plan *p, unsigned arg, unsigned sub, unsigned flags, uint64_t addr,
		   uint64_t len, uint64_t full)
{
	if (p->n >= p->max || !addr || (!len && !(flags & LT_REQ_EMPTY_OK)))
		return;
	flags &= 0xff;
	if (len > 0xffffffffu)
		len = 0xffffffffu;
	if (full > 0xffffffffu)
		full = 0xffffffffu;
	struct lt_cap_req *r = &p->out[p->n++];
	r->arg = (uint8_t)arg;
	r->flags = (uint8_t)(flags | (p->exit ? LT_CAP_EXIT : 0));
	r->sub = (uint16_t)sub;
	r->len = (uint32_t)len;
	r->full = (uint32_t)full;
	r->addr = addr;
}

static uint64_t lt_min(uint64_t a, uint64_t b) { return a < b ? a : b; }

/* A buffer shown up to -s bytes: one more tells the decoder to print "...". */
static void lt_req_buf(struct lt_plan *p, unsigned arg, unsigned sub, uint64_t addr, uint64_t count)
{
	lt_req(p, arg, sub, LT_REQ_EMPTY_OK, addr, lt_min(count, (uint64_t)p->strsize + 1), count);
}

static void lt_req_str(struct lt_plan *p, unsigned arg, unsigned sub, uint64_t addr, uint64_t max)
{
	lt_req(p, arg, sub, LT_CAP_STR, addr, max, 0);
}

static int lt_peek64(struct lt_plan *p, uint64_t addr, uint64_t *v)
{
	return p->peek && addr && p->peek(p->ctx, addr, v, 8) == 0;
}

static int lt_peek32(struct lt_plan *p, uint64_t addr, uint32_t *v)
{
	return p->peek && addr && p->peek(p->ctx, addr, v, 4) == 0;
}

/* An iovec array of cnt elements and the buffers behind the first ones, showing at most
 * total bytes in all (the return value for readv/writev: what was transferred). Buffer i
 * is sub buf_sub0 + i. */
static void lt_req_iov_at(struct lt_plan *p, unsigned arg, unsigned array_sub, unsigned buf_sub0,
			  uint64_t addr, uint64_t cnt, uint64_t total)
{
	if (!addr || !cnt)
		return;
	uint64_t n = lt_min(cnt, LT_CAP_MAX_ELEMS + 1);
	lt_req(p, arg, array_sub, 0, addr, n * SZ_IOVEC, cnt * SZ_IOVEC);
	n = lt_min(cnt, LT_CAP_MAX_ELEMS);
	for (uint64_t i = 0; i < n && total; i++) {
		uint64_t iov[2];
		if (!p->peek || p->peek(p->ctx, addr + i * SZ_IOVEC, iov, sizeof iov))
			return;
		uint64_t len = lt_min(iov[1], total);
		total -= len;
		lt_req_buf(p, arg, buf_sub0 + (unsigned)i, iov[0], len);
	}
}

static void lt_req_iov(struct lt_plan *p, unsigned arg, unsigned array_sub, uint64_t addr,
		       uint64_t cnt, uint64_t total)
{
	lt_req_iov_at(p, arg, array_sub, 0, addr, cnt, total);
}

/* sendmmsg/recvmmsg: the elements the call got through, and what each points to */
static void lt_req_mmsg(struct lt_plan *p, unsigned arg, uint64_t addr, uint64_t n)
{
	n = lt_min(n, LT_MMSG_MAX);
	if (!addr || !n)
		return;
	lt_req(p, arg, LT_CAP_SUB_SELF, 0, addr, n * SZ_MMSGHDR, n * SZ_MMSGHDR);
	for (unsigned k = 0; k < n; k++) {
		uint64_t m[8]; /* msghdr, then msg_len */
		if (!p->peek || p->peek(p->ctx, addr + k * SZ_MMSGHDR, m, sizeof m))
			return;
		lt_req(p, arg, LT_SUB_MMSG_NAME(k), 0, m[0], lt_min((uint32_t)m[1], SZ_SOCKADDR),
		       (uint32_t)m[1]);
		lt_req_iov_at(p, arg, LT_SUB_MMSG_IOV(k), LT_SUB_MMSG_BUF(k, 0), m[2], m[3],
			      (uint32_t)m[7]);
	}
}

/* The instructions a struct sock_fprog {unsigned short len; filter *} points to. */
static void lt_req_sock_fprog(struct lt_plan *p, unsigned arg, uint64_t addr)
{
	uint64_t f[2];
	if (!addr || !p->peek || p->peek(p->ctx, addr, f, sizeof f))
		return;
	uint64_t n = (uint16_t)f[0];
	lt_req(p, arg, LT_SUB_SOCK_FPROG, 0, f[1], lt_min(n, LT_BPF_MAX) * 8, n * 8);
}

/* A msghdr and what it points to; total limits the iovec data shown. */
static void lt_req_msghdr(struct lt_plan *p, unsigned arg, uint64_t addr, uint64_t total, int out)
{
	uint64_t m[7]; /* name, namelen, iov, iovlen, control, controllen, flags */
	if (!addr || !p->peek || p->peek(p->ctx, addr, m, sizeof m))
		return;
	lt_req(p, arg, LT_CAP_SUB_SELF, 0, addr, SZ_MSGHDR, SZ_MSGHDR);
	lt_req(p, arg, LT_SUB_MSG_NAME, 0, m[0], lt_min((uint32_t)m[1], SZ_SOCKADDR), (uint32_t)m[1]);
	lt_req(p, arg, LT_SUB_MSG_CONTROL, 0, m[4], lt_min(m[5], SZ_CONTROL), m[5]);
	lt_req_iov(p, arg, LT_SUB_MSG_IOV, m[2], m[3], out ? total : (uint64_t)-1);
}

/* Counts the pointers of a NULL-terminated array (execve's envp), reading it in blocks,
 * and captures the array up to its NULL so the decoder can count too. */
static void lt_req_ptr_array(struct lt_plan *p, unsigned arg, uint64_t addr, uint64_t limit)
{
	uint64_t blk[32];
	uint64_t n = 0;
	if (!addr || !p->peek)
		return;
	while (n < limit) {
		if (p->peek(p->ctx, addr + n * 8, blk, sizeof blk)) {
			/* near the end of a mapping: go pointer by pointer */
			uint64_t v;
			if (!lt_peek64(p, addr + n * 8, &v) || !v)
				break;
			n++;
			continue;
		}
		unsigned i = 0;
		while (i < 32 && blk[i])
			i++;
		n += i;
		if (i < 32)
			break;
	}
	lt_req(p, arg, LT_CAP_SUB_SELF, 0, addr, (n + 1) * 8, (n + 1) * 8);
}

/* The number of non-NULL pointers at addr, up to max, and the lowest and highest. */
static unsigned lt_scan_ptrs(struct lt_plan *p, uint64_t addr, unsigned max, uint64_t *lo,
			     uint64_t *hi)
{
	unsigned n = 0;
	uint64_t v;
	*lo = UINT64_MAX;
	*hi = 0;
	for (; n < max && lt_peek64(p, addr + n * 8ull, &v) && v; n++) {
		*lo = v < *lo ? v : *lo;
		*hi = v > *hi ? v : *hi;
	}
	return n;
}

/* The strings behind the first n pointers at addr: one copy when they lie close together
 * (an exec's own arguments and environment do), else one each while requests are left.
 * The decoder finds the copy's start again as the lowest of the same pointers. */
static void lt_req_strings(struct lt_plan *p, unsigned arg, uint64_t addr, unsigned n,
			   uint64_t lo, uint64_t hi)
{
	uint64_t tail = (uint64_t)p->strsize + 1, v;
	if (n && hi - lo <= LT_STRINGS_SPAN && hi + tail > hi) {
		lt_req(p, arg, LT_SUB_STRINGS, 0, lo, hi - lo + tail, hi - lo + tail);
		return;
	}
	for (unsigned i = 0; i < n && i < LT_CAP_MAX_ARGV_COPIES && p->n < p->max; i++)
		if (lt_peek64(p, addr + i * 8ull, &v))
			lt_req_str(p, arg, i, v, tail);
}

/* argv: the array, one element past what we show to know if there is more, and its
 * strings */
static void lt_req_argv(struct lt_plan *p, unsigned arg, uint64_t addr)
{
	uint64_t lo, hi;
	if (!addr || !p->peek)
		return;
	unsigned n = lt_scan_ptrs(p, addr, LT_CAP_MAX_ARGV + 1, &lo, &hi);
	lt_req(p, arg, LT_CAP_SUB_SELF, 0, addr, (uint64_t)(n < LT_CAP_MAX_ARGV + 1 ? n + 1 : n) * 8,
	       0);
	if (n > LT_CAP_MAX_ARGV)
		n = lt_scan_ptrs(p, addr, LT_CAP_MAX_ARGV, &lo, &hi);
	lt_req_strings(p, arg, addr, n, lo, hi);
}

/* envp: the pointers, counted whole (strace prints how many), then the first strings
 * (strace prints them with -v); envp is execve's last capture */
static void lt_req_envp(struct lt_plan *p, unsigned arg, uint64_t addr)
{
	uint64_t lo, hi;
	lt_req_ptr_array(p, arg, addr, LT_CAP_MAX_ENVP);
	if (!addr || !p->peek)
		return;
	unsigned n = lt_scan_ptrs(p, addr, LT_CAP_MAX_ARGV, &lo, &hi);
	lt_req_strings(p, arg, addr, n, lo, hi);
}

/* The contract a request number states (_IOC: direction and size) for the requests no
 * case below sizes: what it writes (_IOC_WRITE) is read after the call whatever it
 * returned; what it reads back (_IOC_READ) on success; both: also at entry, as
 * LT_SUB_ENTRY. At most LT_IOCTL_CAP bytes; an _IOC_WRITE number whose argument is a
 * value, not an address, only makes a fault-safe copy fail. */
#define LT_IOCTL_CAP 1280
static void lt_req_ioctl_contract(struct lt_plan *p, const uint64_t a[6], int ok)
{
	uint32_t req = (uint32_t)a[1], dir = req >> 30, size = (req >> 16) & 0x3fff;
	if (dir == 1 || (dir & 2 && (ok || !p->exit)))
		lt_req(p, 2, p->exit ? LT_CAP_SUB_SELF : LT_SUB_ENTRY, 0, a[2],
		       lt_min(size, LT_IOCTL_CAP), size);
}

/* struct loop_info (168 bytes), loop_info64 (232), loop_config (304) by LOOP_* number */
#define LT_LOOP_SIZE(req) \
	((req & 0xff) == 0x0a ? 304u : (req & 0xff) >= 4 ? 232u : 168u)

/* ioctl arguments strace decodes, by request: in (read at exit, unchanged) or out. */
/* Disks' requests with no size in their number (HDIO, BLK, loop): by hand. 1 if req is one. */
static int lt_req_ioctl_disk(struct lt_plan *p, const uint64_t a[6], int ok)
{
	switch ((uint32_t)a[1]) {
	case 0x1267: case 0x127e: /* BLKSECTGET, BLKROTATIONAL: an unsigned short out */
		if (ok)
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 2, 2);
		return 1;
	case 0x125e: case 0x80081270: case 0x1268: case 0x127a: case 0x127b: case 0x1278:
	case 0x1279: case 0x127c: case 0x80041284: case 0x80041285: /* BLK*GET: an int out */
		if (ok)
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 4, 4);
		return 1;
	case 0x1263: case 0x1265: case 0x1260: case 0x80081272: case 0x80081280: /* a long out */
		if (ok)
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 8, 8);
		return 1;
	case 0x125d: case 0x40081271: /* BLKROSET, BLKBSZSET: an int in */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 4, 4);
		return 1;
	case 0x1277: case 0x127d: case 0x127f: /* BLKDISCARD, BLKSECDISCARD, BLKZEROOUT */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 16, 16);
		return 1;
	case 0x1269: { /* BLKPG: blkpg_ioctl_arg, and the blkpg_partition it points to (sub 0) */
		uint64_t data;
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 24, 24);
		if (p->peek && !p->peek(p->ctx, a[2] + 16, &data, sizeof data))
			lt_req(p, 2, 0, 0, data, 152, 152);
		return 1;
	}
	case 0x4c02: case 0x4c04: case 0x4c0a: /* LOOP_SET_STATUS(64), LOOP_CONFIGURE: in */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], LT_LOOP_SIZE(a[1]), LT_LOOP_SIZE(a[1]));
		return 1;
	case 0x4c03: case 0x4c05: /* LOOP_GET_STATUS(64): out */
		if (ok)
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], LT_LOOP_SIZE(a[1]), LT_LOOP_SIZE(a[1]));
		return 1;
	case 0x301: /* HDIO_GETGEO: struct hd_geometry */
		if (ok)
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 16, 16);
		return 1;
	case 0x302: case 0x304: case 0x308: case 0x309: case 0x30a: case 0x30b: case 0x30c:
	case 0x30e: case 0x30f: case 0x310: case 0x31a: /* HDIO_GET_*: an unsigned long */
		if (ok)
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 8, 8);
		return 1;
	case 0x307: case 0x30d: /* HDIO_OBSOLETE_IDENTITY, HDIO_GET_IDENTITY */
		if (ok)
			lt_req_buf(p, 2, LT_CAP_SUB_SELF, a[2], (uint32_t)a[1] == 0x307 ? 142 : 512);
		return 1;
	case 0x31c: case 0x328: /* HDIO_DRIVE_RESET, HDIO_SCAN_HWIF: three ints */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 12, 12);
		return 1;
	case 0x31f: /* HDIO_DRIVE_CMD: the header in (LT_SUB_ENTRY), the status out */
		if (!p->exit)
			lt_req(p, 2, LT_SUB_ENTRY, 0, a[2], 4, 4);
		else if (ok)
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 4, 4);
		return 1;
	}
	return 0;
}

/* The console's font and unicode map requests: a structure that points to the data
 * (sub 0). 1 if req is one. */
static int lt_req_ioctl_kd_font(struct lt_plan *p, uint32_t req, uint64_t v, int ok)
{
	uint64_t g[4], n; /* unimapdesc, consolefontdesc: count, pointer; console_font_op:
			   * op | flags << 32, width | height << 32, charcount, data */
	switch (req) {
	case 0x4b66: case 0x4b67: /* GIO_UNIMAP (even failed), PIO_UNIMAP: unipairs */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, v, 16, 16);
		if ((ok || req == 0x4b67) && p->peek && !p->peek(p->ctx, v, g, 16)) {
			n = (uint16_t)g[0];
			lt_req(p, 2, 0, 0, g[1], lt_min(n, (uint64_t)p->strsize + 1) * 4, n * 4);
		}
		return 1;
	case 0x4b6b: case 0x4b6c: /* GIO_FONTX (on success), PIO_FONTX: 32 bytes a glyph */
		if ((ok || req == 0x4b6c) && p->peek && !p->peek(p->ctx, v, g, 16)) {
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, v, 16, 16);
			lt_req_buf(p, 2, 0, g[1], lt_min((uint16_t)g[0], 512) * 32);
		}
		return 1;
	case 0x4b72: /* KDFONTOP: by op, the font (set, got) or its name (set default) */
		if (!p->peek || p->peek(p->ctx, v, g, 32))
			return 1;
		n = (lt_min((uint32_t)g[1], 32) + 7) / 8 * 32 * lt_min((uint32_t)g[2], 512);
		if ((uint32_t)g[0] == 1 && !ok) /* KD_FONT_OP_GET failed: nothing written */
			return 1;
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, v, 32, 32);
		if ((uint32_t)g[0] <= 1) /* SET, GET */
			lt_req_buf(p, 2, 0, g[3], n);
		else if ((uint32_t)g[0] == 2) /* SET_DEFAULT: a name */
			lt_req_str(p, 2, 0, g[3], 32);
		return 1;
	}
	return 0;
}

/* UBI's, MTD's and btrfs' requests whose number's size or direction is not what strace reads: 1 if
 * req is one */
static int lt_req_ioctl_flash(struct lt_plan *p, const uint64_t a[6])
{
	switch ((uint32_t)a[1]) {
	case 0x40044f02: /* UBI_IOCEBCH: a struct ubi_leb_change_req, not the __s32 named */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 16, 16);
		return 1;
	case 0x80044f05: /* UBI_IOCEBISMAP: _IOR, but strace shows the int passed in */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 4, 4);
		return 1;
	case 0x80044d0d: case 0x800c4d10: case 0x80084d17: /* MTD's OTPSELECT, OTPLOCK,
		* MEMISLOCKED: _IOR, but strace shows what was passed in */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], (a[1] >> 16) & 0x3fff, (a[1] >> 16) & 0x3fff);
		return 1;
	case 0x50009401: case 0x50009403: case 0x50009404: case 0x50009405: case 0x5000940a:
	case 0x5000940b: case 0x5000940e: case 0x5000940f: case 0x90009427: /* btrfs vol_args:
		* 4096 bytes, past LT_IOCTL_CAP (DEVICES_READY's _IOR: read all the same) */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 4096, 4096);
		return 1;
	case 0x51106f03: /* UBI_IOCRNVOL: 4368 bytes, past LT_IOCTL_CAP; strace shows all 32 */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 4368, 4368);
		return 1;
	}
	return 0;
}

/* Console and keyboard requests (type 'K'): old numbers with no size in them. At entry
 * (p->exit 0) the structures a get request reads and rewrites (LT_SUB_ENTRY); at exit
 * what a set request reads (unchanged) and, on success, what a get request wrote. A
 * structure's trailing member is its own capture (sub 0) where strace reads it apart.
 * 1 if req is one. */
static int lt_req_ioctl_kd(struct lt_plan *p, const uint64_t a[6], int ok)
{
	uint32_t req = (uint32_t)a[1], n;
	uint64_t v = a[2];
	if (!p->exit) {
		switch (req) {
		case 0x4b46: lt_req(p, 2, LT_SUB_ENTRY, 0, v, 2, 2); return 1; /* KDGKBENT */
		case 0x4b48: lt_req(p, 2, LT_SUB_ENTRY, 0, v, 1, 1); return 1; /* KDGKBSENT */
		case 0x4b4c: case 0x4b52: /* KDGETKEYCODE, KDKBDREP */
			lt_req(p, 2, LT_SUB_ENTRY, 0, v, 8, 8);
			return 1;
		case 0x4b66: case 0x4b6b: /* GIO_UNIMAP, GIO_FONTX: struct unimapdesc, consolefontdesc */
			lt_req(p, 2, LT_SUB_ENTRY, 0, v, 16, 16);
			return 1;
		case 0x4b72: /* KDFONTOP: struct console_font_op */
			lt_req(p, 2, LT_SUB_ENTRY, 0, v, 32, 32);
			return 1;
		}
		return 0;
	}
	if (lt_req_ioctl_kd_font(p, req, v, ok))
		return 1;
	switch (req) {
	case 0x4b31: case 0x4b64: case 0x4b33: /* KDGETLED, KDGKBLED, KDGKBTYPE: a char out */
		if (ok)
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, v, 1, 1);
		return 1;
	case 0x4b3b: case 0x4b44: case 0x4b62: /* KDGETMODE, KDGKBMODE, KDGKBMETA: an int out */
		if (ok)
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, v, 4, 4);
		return 1;
	case 0x4b40: case 0x4b60: case 0x4b70: /* GIO_SCRNMAP, GIO_FONT, GIO_CMAP: bytes out */
		if (ok)
			lt_req_buf(p, 2, LT_CAP_SUB_SELF, v, req == 0x4b40 ? 256 : req == 0x4b60 ? 8192 : 48);
		return 1;
	case 0x4b41: case 0x4b61: case 0x4b71: /* PIO_SCRNMAP, PIO_FONT, PIO_CMAP: bytes in */
		lt_req_buf(p, 2, LT_CAP_SUB_SELF, v, req == 0x4b41 ? 256 : req == 0x4b61 ? 8192 : 48);
		return 1;
	case 0x4b69: case 0x4b6a: /* GIO_UNISCRNMAP, PIO_UNISCRNMAP: 256 unsigned shorts */
		if (ok || req == 0x4b6a)
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, v, lt_min(256, (uint64_t)p->strsize + 1) * 2, 512);
		return 1;
	case 0x4b68: /* PIO_UNIMAPCLR: struct unimapinit */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, v, 6, 6);
		return 1;
	case 0x4b46: case 0x4b47: /* KDGKBENT, KDSKBENT: struct kbentry; kb_value apart */
		if (ok || req == 0x4b47) {
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, v, 2, 2);
			lt_req(p, 2, 0, 0, v + 2, 2, 2);
		}
		return 1;
	case 0x4b48: case 0x4b49: /* KDGKBSENT, KDSKBSENT: kb_func, then kb_string[512] */
		if (ok || req == 0x4b49) {
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, v, 1, 1);
			lt_req_str(p, 2, 0, v + 1, 512); /* whole: strace shows ??? where it ends unread */
		}
		return 1;
	case 0x4b4a: case 0x4b4b: case 0x4bfa: case 0x4bfb: /* KD[GS]KBDIACR(UC): kb_cnt, array */
		if ((ok || req & 1) && p->peek && !p->peek(p->ctx, v, &n, sizeof n)) {
			uint64_t es = req >= 0x4bfa ? 12 : 3, k = lt_min(n, 256);
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, v, 4, 4);
			lt_req(p, 2, 0, 0, v + 4, lt_min(k, (uint64_t)p->strsize + 1) * es, k * es);
		}
		return 1;
	case 0x4b4c: case 0x4b4d: case 0x4b52: /* KD[GS]ETKEYCODE, KDKBDREP: two ints */
		if (ok || req == 0x4b4d)
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, v, 8, 8);
		return 1;
	}
	return 0;
}

/* SCSI generic requests, whose numbers carry no size: 1 if req is one */
static int lt_req_ioctl_scsi(struct lt_plan *p, const uint64_t a[6], int ok)
{
	switch ((uint32_t)a[1]) {
	case 0x2283: case 0x2271: case 0x227e: case 0x2279: case 0x227b: case 0x2287:
	case 0x2275: case 0x2201: case 0x2284: /* SG_NEXT_CMD_LEN, SG_SET_*, SG_SCSI_RESET: in */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 4, 4);
		return 1;
	case 0x2203: case 0x2289: case 0x2270: case 0x2288: case 0x227a: case 0x227d:
	case 0x227c: case 0x2272: case 0x227f: case 0x2205: case 0x2282: /* SG_GET_*: int out */
		if (ok)
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 4, 4);
		return 1;
	case 0x2276: case 0x2286: /* SG_GET_SCSI_ID, SG_GET_REQUEST_TABLE: out */
		if (ok)
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], (uint32_t)a[1] == 0x2276 ? 32 : 24,
			       (uint32_t)a[1] == 0x2276 ? 32 : 24);
		return 1;
	}
	return 0;
}

/* device mapper (type 0xfd, struct dm_ioctl): the header and data_size bytes after it, at
 * entry and at exit (strace reads it back whatever the call returned) */
static void lt_req_ioctl_dm(struct lt_plan *p, uint64_t arg)
{
	uint32_t size;
	if (!lt_peek32(p, arg + 12, &size))
		return;
	size = size < 305 ? 305 : size;
	lt_req(p, 2, p->exit ? LT_CAP_SUB_SELF : LT_SUB_ENTRY, 0, arg, lt_min(size, LT_DM_CAP), size);
}

/* TEE: requests strace reads at entry though their numbers say _IOR; for those passing a
 * struct tee_ioctl_buf_data, the buf_len bytes it points to, at entry and after a success */
static int lt_req_ioctl_tee(struct lt_plan *p, const uint64_t a[6], int ok)
{
	uint32_t req = (uint32_t)a[1];
	uint64_t b[2]; /* buf_ptr, buf_len */
	switch (req) {
	case 0x8008a404: case 0x8004a405: /* TEE_IOC_CANCEL, TEE_IOC_CLOSE_SESSION */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], (req >> 16) & 0x3fff, (req >> 16) & 0x3fff);
		return 1;
	case 0x8010a402: case 0x8010a403: case 0x8010a406: case 0x8010a407:
		if (p->exit && !ok)
			return 1;
		lt_req(p, 2, p->exit ? LT_CAP_SUB_SELF : LT_SUB_ENTRY, 0, a[2], 16, 16);
		if (p->peek && !p->peek(p->ctx, a[2], b, sizeof b) && b[1] <= LT_TEE_MAX_ARG)
			lt_req(p, 2, p->exit ? LT_SUB_TEE_OUT : LT_SUB_TEE_IN, 0, b[0], b[1], b[1]);
		return 1;
	}
	return 0;
}

/* sockets (type 0x89): the struct ifreq of an interface request at entry, and after a
 * success for those that get a field (lt_ioctl_sock's lists); ints; bridge names */
static int lt_req_ioctl_sock(struct lt_plan *p, const uint64_t a[6], int ok)
{
	uint32_t req = (uint32_t)a[1];
	if ((req >> 8) != 0x89)
		return 0;
	switch (req) {
	case 0x8931: case 0x8932: case 0x8916: case 0x891a: case 0x8918: case 0x8914: case 0x8924:
	case 0x8937: case 0x8971: case 0x891e: case 0x8922: case 0x8923: case 0x891c: case 0x8930:
	case 0x8943: case 0x89a2: case 0x89a3: /* SIOCS*: an ifreq in */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 40, 40);
		return 1;
	case 0x8915: case 0x8919: case 0x8917: case 0x8913: case 0x8927: case 0x8933: case 0x8970:
	case 0x891d: case 0x8921: case 0x8910: case 0x891b: case 0x8929: case 0x8942: /* SIOCG* */
		if (!p->exit || ok)
			lt_req(p, 2, p->exit ? LT_CAP_SUB_SELF : LT_SUB_ENTRY, 0, a[2], 40, 40);
		return 1;
	case 0x89a0: case 0x89a1: /* SIOCBRADDBR, SIOCBRDELBR: a name of IFNAMSIZ bytes */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 16, 16);
		return 1;
	case 0x8926: /* SIOCSIFENCAP: an int in (FIOSETOWN, SIOCSPGRP: lt_req_ioctl) */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 4, 4);
		return 1;
	case 0x8905: case 0x8925: case 0x894b: /* SIOCATMARK, SIOCGIFENCAP, SIOCOUTQNSD: out */
		if (ok)
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 4, 4);
		return 1;
	}
	return 0;
}

/* Video4Linux2 arrays behind the structure, read at return, failed or not: strace prints
 * them then (a failure leaves them as they were set), -s + 1 elements at most (sub 0).
 * G/S/TRY_EXT_CTRLS: struct v4l2_ext_controls points to count controls of 20 bytes, each
 * with a string of size bytes when size is not 0 (LT_SUB_V4L2_STRING(k), for the first
 * LT_CAP_MAX_ELEMS). G/S/TRY_FMT of an overlay type: struct v4l2_window's clipcount clips
 * of 24 bytes. */
static void lt_req_ioctl_v4l2(struct lt_plan *p, const uint64_t a[6])
{
	uint64_t ptr;
	uint32_t n, type, nr = (uint32_t)a[1] & 0xff;
	if (!p->exit || !p->peek)
		return;
	if (nr >= 0x47 && nr <= 0x49) { /* EXT_CTRLS */
		if (p->peek(p->ctx, a[2] + 4, &n, sizeof n) || !lt_peek64(p, a[2] + 24, &ptr))
			return;
		uint64_t shown = lt_min(n, (uint64_t)p->strsize + 1);
		lt_req(p, 2, 0, 0, ptr, shown * 20, (uint64_t)n * 20);
		for (uint64_t k = 0; k < lt_min(shown, LT_CAP_MAX_ELEMS); k++) {
			uint32_t size;
			uint64_t str;
			if (p->peek(p->ctx, ptr + k * 20 + 4, &size, sizeof size) ||
			    !lt_peek64(p, ptr + k * 20 + 12, &str))
				return;
			if (size)
				lt_req_buf(p, 2, LT_SUB_V4L2_STRING(k), str, size);
		}
		return;
	}
	if (p->peek(p->ctx, a[2], &type, sizeof type) || (type != 3 && type != 8) ||
	    !lt_peek64(p, a[2] + 32, &ptr) || p->peek(p->ctx, a[2] + 40, &n, sizeof n))
		return;
	lt_req(p, 2, 0, 0, ptr, lt_min(n, (uint64_t)p->strsize + 1) * 24, (uint64_t)n * 24);
}

/* SG_IO data, a buffer of len bytes or cnt iovecs holding len bytes in all */
static void lt_req_sg_data(struct lt_plan *p, unsigned sub, unsigned buf_sub0, uint64_t addr,
			   uint64_t cnt, uint64_t len)
{
	if (cnt)
		lt_req_iov_at(p, 2, sub, buf_sub0, addr, cnt, len);
	else
		lt_req_buf(p, 2, sub, addr, len);
}

/* SG_IO (strace's sg_io_v3.c, sg_io_v4.c): the header by its first int, at entry with the
 * command and data out, at exit (failed or not: strace reads it back) with the sense and
 * data in, the data in less the residue the kernel left */
static void lt_req_ioctl_sg_io(struct lt_plan *p, uint64_t arg)
{
	uint8_t h[160];
	uint32_t iid, len;
	int32_t resid;
	if (!lt_peek32(p, arg, &iid))
		return;
	if (iid != 'S' && iid != 'Q') { /* strace shows the number */
		if (!p->exit)
			lt_req(p, 2, LT_SUB_ENTRY, 0, arg, 4, 4);
		return;
	}
	size_t size = iid == 'S' ? 88 : 160;
	if (p->peek(p->ctx, arg, h, size))
		size = 4; /* the interface id alone: strace shows the header's address */
	lt_req(p, 2, p->exit ? LT_CAP_SUB_SELF : LT_SUB_ENTRY, 0, arg, size, size);
	if (size == 4)
		return;
#define H(T, off) ({ T v_; __builtin_memcpy(&v_, h + (off), sizeof v_); v_; })
	if (iid == 'S' && !p->exit) {
		int32_t dir = H(int32_t, 4);
		lt_req_buf(p, 2, LT_SUB_SG_CMD, H(uint64_t, 24), h[8]);
		if (dir == -2 || dir == -4) /* SG_DXFER_TO_DEV, SG_DXFER_TO_FROM_DEV */
			lt_req_sg_data(p, LT_SUB_SG_DOUT, LT_SUB_SG_DOUT_BUF, H(uint64_t, 16),
				       H(uint16_t, 10), H(uint32_t, 12));
	} else if (iid == 'S') {
		len = H(uint32_t, 12), resid = H(int32_t, 72);
		if (resid > 0 && (uint32_t)resid <= len)
			len -= (uint32_t)resid;
		lt_req_sg_data(p, LT_SUB_SG_DIN, LT_SUB_SG_DIN_BUF, H(uint64_t, 16),
			       H(uint16_t, 10), len);
		lt_req_buf(p, 2, LT_SUB_SG_SENSE, H(uint64_t, 32), h[67]);
	} else if (!p->exit) {
		lt_req_buf(p, 2, LT_SUB_SG_CMD, H(uint64_t, 16), H(uint32_t, 12));
		lt_req_sg_data(p, LT_SUB_SG_DOUT, LT_SUB_SG_DOUT_BUF, H(uint64_t, 72),
			       H(uint32_t, 56), H(uint32_t, 60));
	} else {
		len = H(uint32_t, 68), resid = H(int32_t, 136);
		if (resid > 0 && (uint32_t)resid <= len)
			len -= (uint32_t)resid;
		lt_req_buf(p, 2, LT_SUB_SG_SENSE, H(uint64_t, 48), H(uint32_t, 132));
		lt_req_sg_data(p, LT_SUB_SG_DIN, LT_SUB_SG_DIN_BUF, H(uint64_t, 80),
			       H(uint32_t, 64), len);
	}
#undef H
}

/* requests whose argument lt_req_ioctl copies at entry too (the object as passed: what
 * the call rewrites, or what strace reads at entry behind it) */
static int lt_ioctl_planned_at_entry(uint32_t req)
{
	switch (req) {
	case 0x31f: case 0x8912: case 0x2285: /* HDIO_DRIVE_CMD, SIOCGIFCONF, SG_IO */
	case 0x8915: case 0x8919: case 0x8917: case 0x8913: case 0x8927: case 0x8933: case 0x8970:
	case 0x891d: case 0x8921: case 0x8910: case 0x891b: case 0x8929: case 0x8942: /* SIOCG* */
	case 0x8010a402: case 0x8010a403: case 0x8010a406: case 0x8010a407: /* TEE buf_data */
		return 1;
	}
	return (req & ~0xffu) == 0xc138fd00u; /* DM_* */
}

static void lt_req_ioctl(struct lt_plan *p, const uint64_t a[6], int ok)
{
	if (lt_req_ioctl_disk(p, a, ok) || lt_req_ioctl_kd(p, a, ok) || lt_req_ioctl_flash(p, a) ||
	    lt_req_ioctl_scsi(p, a, ok) || lt_req_ioctl_tee(p, a, ok) || lt_req_ioctl_sock(p, a, ok))
		return;
	if (((uint32_t)a[1] & ~0xffu) == 0xc138fd00u) { /* DM_*: _IOWR(0xfd, nr, struct dm_ioctl) */
		lt_req_ioctl_dm(p, a[2]);
		return;
	}
	switch ((uint32_t)a[1]) {
	case 0x2285: /* SG_IO */
		lt_req_ioctl_sg_io(p, a[2]);
		return;
	case 0x5401: /* TCGETS */
		if (ok)
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], SZ_TERMIOS, SZ_TERMIOS);
		return;
	case 0x5402: case 0x5403: case 0x5404: /* TCSETS* */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], SZ_TERMIOS, SZ_TERMIOS);
		return;
	case 0x5413: /* TIOCGWINSZ */
		if (ok)
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], SZ_WINSIZE, SZ_WINSIZE);
		return;
	case 0x5414: /* TIOCSWINSZ */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], SZ_WINSIZE, SZ_WINSIZE);
		return;
	case 0x5421: case 0x5452: case 0x5410: case 0x8902: case 0x8901:
	case 0x5416: case 0x5417: case 0x5418: /* int in (TIOCMBIS, TIOCMBIC, TIOCMSET) */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 4, 4);
		return;
	case 0x541b: case 0x540f: case 0x5411: case 0x5429: case 0x80045430: case 0x8903:
	case 0x8904: case 0x80045439: case 0x5415: /* int out (TIOCMGET) */
		if (ok)
			lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 4, 4);
		return;
	case 0x80082102: /* SECCOMP_IOCTL_NOTIF_ID_VALID in an old header: read, not written */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], 8, 8);
		return;
	case 0x4008240b: /* PERF_EVENT_IOC_MODIFY_ATTRIBUTES: the attr, not the pointer's size */
		lt_req(p, 2, LT_CAP_SUB_SELF, 0, a[2], SZ_PERF_ATTR, SZ_PERF_ATTR);
		return;
	case 0x40082406: /* PERF_EVENT_IOC_SET_FILTER: a string */
		lt_req_str(p, 2, LT_CAP_SUB_SELF, a[2], (uint64_t)p->strsize + 1);
		return;
	case 0xc008240a: { /* PERF_EVENT_IOC_QUERY_BPF: the ids the kernel wrote (sub 0) */
		uint32_t n;
		if (p->exit && ok && p->peek && !p->peek(p->ctx, a[2] + 4, &n, sizeof n))
			lt_req(p, 2, 0, 0, a[2] + 8, lt_min(n, (uint64_t)p->strsize + 1) * 4,
			       (uint64_t)n * 4);
		break;
	}
	case 0x8912: { /* SIOCGIFCONF: struct ifconf before and after, the ifreqs (sub 0) */
		uint64_t d[2];
		lt_req(p, 2, p->exit ? LT_CAP_SUB_SELF : LT_SUB_ENTRY, 0, a[2], 16, 16);
		if (p->exit && ok && p->peek && !p->peek(p->ctx, a[2], d, sizeof d) && (int32_t)d[0] > 0)
			lt_req(p, 2, 0, 0, d[1], lt_min((uint32_t)d[0] / 40, (uint64_t)p->strsize + 1) * 40,
			       (uint32_t)d[0] / 40 * 40);
		return;
	}
	case 0x40085203: { /* RNDADDENTROPY: the buf_size bytes after the two ints (sub 0) */
		int32_t n;
		if (p->peek && !p->peek(p->ctx, a[2] + 4, &n, sizeof n) && n >= 0)
			lt_req_buf(p, 2, 0, a[2] + 8, (uint64_t)n);
		break;
	}
	case 0xc0205647: case 0xc0205648: case 0xc0205649: /* VIDIOC_G/S/TRY_EXT_CTRLS */
	case 0xc0d05604: case 0xc0d05605: case 0xc0d05640: /* VIDIOC_G/S/TRY_FMT */
		lt_req_ioctl_v4l2(p, a);
		break;
	case 0xc020660b: /* FS_IOC_FIEMAP: the extents mapped (sub 0), -s + 1 at most */
		if (ok) {
			uint32_t n;
			if (p->peek && !p->peek(p->ctx, a[2] + 20, &n, sizeof n))
				lt_req(p, 2, 0, 0, a[2] + 32,
				       lt_min(lt_min(n, (uint64_t)p->strsize + 1), 64) * 56,
				       (uint64_t)n * 56);
		}
		break;
	}
	lt_req_ioctl_contract(p, a, ok);
}

/* io_uring_register's argument, by opcode (a[1]), nr_args (a[3]) elements or bytes: the
 * arrays and structures strace prints, each array at most -s + 1 elements (strace shows -s,
 * then "..."). Sub 0 and 1: what a structure points to (data or fds, then tags). entry:
 * the objects the call rewrites (PROBE, IOWQ_MAX_WORKERS), as LT_SUB_ENTRY. */
static void lt_req_io_uring_register(struct lt_plan *p, unsigned i, const uint64_t a[6], int ok,
				     int entry)
{
	uint64_t addr = a[2], n = (uint32_t)a[3], shown = lt_min(n, (uint64_t)p->strsize + 1);
	uint64_t ptrs[2];
	uint32_t op = (uint32_t)a[1];
	switch (op) {
	case 0: /* REGISTER_BUFFERS: iovecs */
		if (!entry)
			lt_req(p, i, LT_CAP_SUB_SELF, 0, addr, shown * SZ_IOVEC, n * SZ_IOVEC);
		return;
	case 2: case 4: case 7: /* REGISTER_FILES, REGISTER_EVENTFD(_ASYNC): ints */
		if (!entry)
			lt_req(p, i, LT_CAP_SUB_SELF, 0, addr, shown * 4, n * 4);
		return;
	case 6: /* REGISTER_FILES_UPDATE: {offset, resv, fds}, fds[n] */
		if (entry || !lt_peek64(p, addr + 8, &ptrs[0]))
			return;
		lt_req(p, i, LT_CAP_SUB_SELF, 0, addr, 16, 16);
		lt_req(p, i, 0, 0, ptrs[0], shown * 4, n * 4);
		return;
	case 8: /* REGISTER_PROBE: 16 bytes and n ops of 8, written on success */
		if (n <= 256 && (entry || ok))
			lt_req(p, i, entry ? LT_SUB_ENTRY : LT_CAP_SUB_SELF, 0, addr, 16 + 8 * n,
			       16 + 8 * n);
		return;
	case 11: case 20: case 21: /* RESTRICTIONS, (UN)REGISTER_RING_FDS: 16-byte elements */
		if (!entry)
			lt_req(p, i, LT_CAP_SUB_SELF, 0, addr, shown * 16, n * 16);
		return;
	case 13: case 15: case 14: case 16: { /* rsrc_register / rsrc_update2: n bytes */
		int reg = op == 13 || op == 15;
		uint32_t nr;
		if (entry || n < 32 || !p->peek || p->peek(p->ctx, addr + (reg ? 16 : 8), ptrs, 16) ||
		    !lt_peek32(p, addr + (reg ? 0 : 24), &nr))
			return;
		lt_req(p, i, LT_CAP_SUB_SELF, 0, addr, lt_min(n, 4096), n);
		uint64_t elem = op == 13 || op == 14 ? 4 : SZ_IOVEC;
		uint64_t nshown = lt_min(nr, (uint64_t)p->strsize + 1);
		lt_req(p, i, 0, 0, ptrs[0], nshown * elem, nr * elem);
		lt_req(p, i, 1, 0, ptrs[1], nshown * 8, nr * 8ull);
		return;
	}
	case 17: /* REGISTER_IOWQ_AFF: a cpu mask of n bytes */
		if (!entry)
			lt_req(p, i, LT_CAP_SUB_SELF, 0, addr, lt_min(n, 128), n);
		return;
	case 19: /* REGISTER_IOWQ_MAX_WORKERS: u32[n], read and rewritten */
		if (entry || ok)
			lt_req(p, i, entry ? LT_SUB_ENTRY : LT_CAP_SUB_SELF, 0, addr, shown * 4, n * 4);
		return;
	case 22: case 23: /* (UN)REGISTER_PBUF_RING: struct io_uring_buf_reg */
		if (!entry)
			lt_req(p, i, LT_CAP_SUB_SELF, 0, addr, 40, 40);
		return;
	}
}

#define LT_XQM(x) (('X' << 8) + (x))

size_t lt_quota_data_size(uint32_t cmd, int *out)
{
	*out = 1;
	switch (cmd) {
	case 0x800008: *out = 0; return 68; /* Q_SETQUOTA: struct if_dqblk, packed */
	case 0x800007: return 68;           /* Q_GETQUOTA */
	case 0x800009: return 72;           /* Q_GETNEXTQUOTA: struct if_nextdqblk */
	case LT_XQM(4): *out = 0; return 112; /* Q_XSETQLIM: struct fs_disk_quota */
	case LT_XQM(3): case LT_XQM(9): return 112; /* Q_XGETQUOTA, Q_XGETNEXTQUOTA */
	case 0x800006: *out = 0; return 24; /* Q_SETINFO: struct if_dqinfo */
	case 0x800005: return 24;           /* Q_GETINFO */
	case 0x800004: return 4;            /* Q_GETFMT */
	case LT_XQM(1): case LT_XQM(2): case LT_XQM(6): *out = 0; return 4; /* XFS flags */
	}
	return 0;
}

/* A seccomp filter (struct sock_fprog) and its instructions (sub 0), one past
 * BPF_MAXINSNS at most (strace shows that many, then "..."): read before the call, since
 * a filter that forbids rt_sigreturn ends tracing before it is installed. (A socket
 * filter's are lt_req_sock_fprog's: the instructions only, as LT_SUB_SOCK_FPROG.) */
static void lt_req_seccomp_fprog(struct lt_plan *p, unsigned arg, uint64_t addr)
{
	uint64_t fp[2];
	if (!addr || !p->peek || p->peek(p->ctx, addr, fp, sizeof fp))
		return;
	uint64_t n = lt_min((uint16_t)fp[0], SZ_BPF_MAXINSNS + 1);
	lt_req(p, arg, LT_CAP_SUB_SELF, 0, addr, SZ_SOCK_FPROG, SZ_SOCK_FPROG);
	lt_req(p, arg, 0, 0, fp[1], n * SZ_SOCK_FILTER, (uint16_t)fp[0] * (uint64_t)SZ_SOCK_FILTER);
}

/* BPF_LINK_CREATE's arrays, by attach type: BPF_TRACE_ITER's iter_info (sub 13),
 * BPF_TRACE_KPROBE_MULTI's syms, addrs and cookies (subs 10-12, -s + 1 elements) and the
 * strings of the first symbols (subs 16..31). */
static void lt_req_bpf_link_create(struct lt_plan *p, unsigned i, uint64_t attr, uint64_t size)
{
	uint64_t f[6] = { 0 }, shown = (uint64_t)p->strsize + 1;
	if (size < 28 || !p->peek || p->peek(p->ctx, attr, f, size < 48 ? 28 : 48))
		return; /* as much as size says: the attr may end a page */
	uint32_t type = (uint32_t)f[1];
	if (type == 28) { /* BPF_TRACE_ITER: iter_info at 16, iter_info_len at 24 */
		uint64_t n = lt_min((uint32_t)f[3], shown);
		lt_req(p, i, 13, 0, f[2], n * 4, n * 4);
		return;
	}
	if (type != 42 || size < 48) /* BPF_TRACE_KPROBE_MULTI: cnt at 20, arrays at 24.. */
		return;
	uint64_t n = lt_min(f[2] >> 32, shown);
	lt_req(p, i, 10, 0, f[3], n * 8, n * 8);
	lt_req(p, i, 11, 0, f[4], n * 8, n * 8);
	lt_req(p, i, 12, 0, f[5], n * 8, n * 8);
	for (uint64_t k = 0; k < n && k < 16; k++) {
		uint64_t sym;
		if (!lt_peek64(p, f[3] + k * 8, &sym))
			break;
		lt_req_str(p, i, 16 + (unsigned)k, sym, shown);
	}
}

/* bpf's union bpf_attr at entry (size bytes, up to a page) and, for BPF_PROG_LOAD, what
 * it points to: the instructions (sub 0, BPF_MAXINSNS + 1 at most), the license (sub 1)
 * and the log buffer before the verifier writes it (sub 2). */
static void lt_req_bpf_attr(struct lt_plan *p, unsigned i, const uint64_t a[6])
{
	uint32_t size = (uint32_t)a[2];
	uint64_t f[5]; /* prog_type|insn_cnt, insns, license, log_level|log_size, log_buf */
	if (!size || size > 4096)
		return;
	lt_req(p, i, LT_SUB_ENTRY, 0, a[1], size, size);
	if ((uint32_t)a[0] == 15 && size >= 16 && p->peek && !p->peek(p->ctx, a[1], f, 16) &&
	    (f[0] >> 32) <= 4096) /* BPF_OBJ_GET_INFO_BY_FD: the info before the call (sub 1) */
		lt_req(p, i, 1, 0, f[1], f[0] >> 32, f[0] >> 32);
	if (((uint32_t)a[0] == 6 || (uint32_t)a[0] == 7) && size >= 8 && p->peek &&
	    !p->peek(p->ctx, a[1], f, 8)) /* BPF_OBJ_PIN, BPF_OBJ_GET: the path (sub 5) */
		lt_req_str(p, i, 5, f[0], LT_PATH_CAP);
	if ((uint32_t)a[0] == 17 && size >= 8 && p->peek && !p->peek(p->ctx, a[1], f, 8))
		lt_req_str(p, i, 6, f[0], lt_min(128, (uint64_t)p->strsize + 1)); /* tracepoint */
	if ((uint32_t)a[0] == 18 && size >= 24 && p->peek && !p->peek(p->ctx, a[1], f, 24))
		lt_req_buf(p, i, 7, f[0], (uint32_t)f[2]); /* BTF_LOAD: btf_size bytes of btf */
	if ((uint32_t)a[0] == 28) /* BPF_LINK_CREATE */
		lt_req_bpf_link_create(p, i, a[1], size);
	if ((uint32_t)a[0] != 5 || size < sizeof f || !p->peek || p->peek(p->ctx, a[1], f, sizeof f))
		return;
	uint64_t n = lt_min(f[0] >> 32, SZ_BPF_MAXINSNS + 1);
	lt_req(p, i, 0, 0, f[1], n * 8, (f[0] >> 32) * 8);
	lt_req_str(p, i, 1, f[2], (uint64_t)p->strsize + 1);
	lt_req_str(p, i, 2, f[4], lt_min(f[3] >> 32, (uint64_t)p->strsize + 1));
}

/* What a struct bpf_prog_info the call filled points to (a map's info has other fields
 * there: what it points to is garbage, copied fault-safely or not at all): the
 * translated instructions (sub 2), the map ids (sub 3), the JITed code (sub 4). */
static void lt_req_bpf_prog_info(struct lt_plan *p, unsigned i, uint64_t info)
{
	uint64_t m[8]; /* jited_len|xlated_len at 16, jited 24, xlated 32, nr_map_ids at 52, ids 56 */
	if (!p->peek || p->peek(p->ctx, info, m, sizeof m))
		return;
	uint64_t xlated = lt_min((uint32_t)(m[2] >> 32) / 8, SZ_BPF_MAXINSNS + 1);
	lt_req(p, i, 2, 0, m[4], xlated * 8, xlated * 8);
	uint64_t ids = lt_min(m[6] >> 32, SZ_BPF_MAXINSNS + 1);
	lt_req(p, i, 3, 0, m[7], ids * 4, ids * 4);
	lt_req_buf(p, i, 4, m[3], (uint32_t)m[2]);
}

/* PROG_QUERY, TASK_FD_QUERY and the batch commands rewrite their attribute: as the call
 * left it (SELF), with PROG_QUERY's prog ids (sub 9) and TASK_FD_QUERY's buf (sub 8). */
static void lt_req_bpf_written(struct lt_plan *p, unsigned i, uint32_t cmd, uint64_t v,
			       uint64_t size)
{
	uint64_t f[4];
	lt_req(p, i, LT_CAP_SUB_SELF, 0, v, size, size);
	if (size < sizeof f || !p->peek || p->peek(p->ctx, v, f, sizeof f))
		return;
	if (cmd == 16) { /* prog_ids at 16, prog_cnt at 24 */
		uint64_t n = lt_min((uint32_t)f[3], SZ_BPF_MAXINSNS + 1);
		lt_req(p, i, 9, 0, f[2], n * 4, n * 4);
	} else if (cmd == 20) { /* buf_len at 12, buf at 16 */
		lt_req_str(p, i, 8, f[2], lt_min(f[1] >> 32, (uint64_t)p->strsize + 1));
	}
}

static int lt_futex_has_timeout(unsigned op)
{
	switch (op & 0x7f) {
	case 0: case 6: case 9: case 11: case 13: /* WAIT, LOCK_PI, WAIT_BITSET, WAIT_REQUEUE_PI, LOCK_PI2 */
		return 1;
	}
	return 0;
}

static uint64_t lt_le(const uint8_t *b, unsigned n)
{
	uint64_t v = 0;
	while (n--)
		v = v << 8 | b[n];
	return v;
}

/* io_submit's iocb pointers (-s + 1 of them), the first LT_CAP_MAX_ELEMS iocbs they point
 * to (sub k, 64 bytes), and what an iocb's buffer holds: PWRITE's bytes, PREADV/PWRITEV's
 * iovecs (lt_capture.h's LT_SUB_IOCB_*) */
static void lt_req_iocbs(struct lt_plan *p, unsigned i, uint64_t v, int64_t nr)
{
	if (nr <= 0)
		return;
	uint64_t shown = lt_min((uint64_t)nr, (uint64_t)p->strsize + 1);
	lt_req(p, i, LT_CAP_SUB_SELF, 0, v, shown * 8, lt_min((uint64_t)nr, UINT32_MAX) * 8);
	for (uint64_t k = 0; k < shown && k < LT_CAP_MAX_ELEMS; k++) {
		uint64_t cb;
		uint8_t iocb[64];
		if (!lt_peek64(p, v + 8 * k, &cb))
			return;
		if (!cb || p->peek(p->ctx, cb, iocb, sizeof iocb))
			continue;
		lt_req(p, i, (unsigned)k, 0, cb, 64, 64);
		uint64_t op = lt_le(iocb + 16, 2), buf = lt_le(iocb + 24, 8), n = lt_le(iocb + 32, 8);
		if ((int64_t)n < 0)
			continue;
		if (op == 1) /* PWRITE */
			lt_req_buf(p, i, LT_SUB_IOCB_BUF + (unsigned)k, buf, n);
		else if ((op == 7 || op == 8) && n <= UINT32_MAX) /* PREADV, PWRITEV */
			lt_req(p, i, LT_SUB_IOCB_IOV + (unsigned)k, 0, buf,
			       lt_min(n, (uint64_t)p->strsize + 1) * 16, n * 16);
	}
}

/* The length that goes with argument i: another argument, else the return value. */
static uint64_t lt_plan_len(const struct lt_sysent *se, unsigned i, const uint64_t a[6], int64_t ret)
{
	int lenarg = se->len[i];
	return lenarg >= 0 && lenarg < 6 ? a[lenarg] : (uint64_t)ret;
}

/* clone3's clone_args and what follows up to a page (strace shows bytes that are not 0);
 * sub 0: the set_tid array (32 at most, the kernel's limit); sub 1: after a success, the
 * descriptor the kernel stored at pidfd (at parent_tid it stored the return value, which
 * a thread clears again when it exits: the decoder prints that) */
static void lt_req_clone_args(struct lt_plan *p, unsigned i, uint64_t v, uint64_t len, int ok)
{
	uint64_t flags, set_tid, set_tid_size, pidfd;
	lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(len, 4096), len);
	if (len < 64 || !lt_peek64(p, v, &flags))
		return;
	if (len >= 80 && lt_peek64(p, v + 64, &set_tid) && lt_peek64(p, v + 72, &set_tid_size) &&
	    set_tid_size && set_tid_size <= 32)
		lt_req(p, i, 0, 0, set_tid, set_tid_size * 4, set_tid_size * 4);
	if (ok && (flags & 0x1000) && lt_peek64(p, v + 8, &pidfd)) /* CLONE_PIDFD */
		lt_req(p, i, 1, 0, pidfd, 4, 4);
}

/* Variable-size objects the call only reads: read at exit whatever it returned (the
 * copy is fault-safe). 0: not such a kind. */
static int lt_plan_read_arg(struct lt_plan *p, const struct lt_sysent *se, unsigned nr,
			    unsigned i, const uint64_t a[6], int64_t ret, int ok)
{
	uint64_t v = a[i];
	uint64_t len = lt_plan_len(se, i, a, ret);
	switch (se->kind[i]) {
	case LT_K_PATH:
		if (nr != 59 && nr != 322) /* execve's was read at entry */
			lt_req_str(p, i, LT_CAP_SUB_SELF, v, LT_PATH_CAP);
		return 1;
	case LT_K_STR: case LT_K_MOUNT_STR:
		lt_req_str(p, i, LT_CAP_SUB_SELF, v, (uint64_t)p->strsize + 1);
		return 1;
	case LT_K_FUTEX_WAITV: /* struct futex_waitv: 24 bytes; strace shows FUTEX_WAITV_MAX */
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v,
		       lt_min((uint32_t)len, lt_min((uint64_t)p->strsize + 1, 129)) * 24,
		       (uint32_t)len * 24ull);
		return 1;
	case LT_K_MFD_NAME:
		lt_req_str(p, i, LT_CAP_SUB_SELF, v, lt_min((uint64_t)p->strsize + 1, 250));
		return 1;
	case LT_K_BUF_IN: case LT_K_XATTR_VAL:
		lt_req_buf(p, i, LT_CAP_SUB_SELF, v, len);
		return 1;
	case LT_K_SEMBUF: /* struct sembuf: 6 bytes each, -s of them and one more */
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min((uint32_t)len, (uint64_t)p->strsize + 1) * 6,
		       (uint32_t)len * 6ull);
		return 1;
	case LT_K_SEND_BUF: /* a netlink message is decoded whole: small ones are kept */
		if (len <= LT_SEND_WHOLE)
			lt_req(p, i, LT_CAP_SUB_SELF, LT_REQ_EMPTY_OK, v, len, len);
		else
			lt_req_buf(p, i, LT_CAP_SUB_SELF, v, len);
		return 1;
	case LT_K_SOCKOPT_VAL: /* up to a struct group_req (136 bytes), the largest decoded */
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(len, 136), len);
		if ((uint32_t)a[1] == 1 && ((uint32_t)a[2] == 26 || (uint32_t)a[2] == 51) &&
		    (uint32_t)len == 16)
			lt_req_sock_fprog(p, i, v); /* SO_ATTACH_FILTER, SO_ATTACH_REUSEPORT_CBPF */
		return 1;
	case LT_K_IOVEC_IN:
		lt_req_iov(p, i, LT_CAP_SUB_SELF, v, len, ok ? (uint64_t)ret : (uint64_t)-1);
		return 1;
	case LT_K_IOVEC_ADDR: /* the array alone */
		lt_req_iov(p, i, LT_CAP_SUB_SELF, v, len, 0);
		return 1;
	case LT_K_IOVEC_OUT: /* a failed call's array still shows, its buffers as addresses */
		if (!ok)
			lt_req_iov(p, i, LT_CAP_SUB_SELF, v, len, 0);
		return !ok;
	case LT_K_MSGHDR:
		lt_req_msghdr(p, i, v, ok ? (uint64_t)ret : (uint64_t)-1, 0);
		return 1;
	case LT_K_SOCKADDR:
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(len, SZ_SOCKADDR), len);
		return 1;
	case LT_K_SIGSET:
		if (len && len <= 128)
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(len, SZ_SIGSET), len);
		return 1;
	case LT_K_POLLFDS: /* poll writes only revents: events are still there */
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(len, 33) * SZ_POLLFD, len * SZ_POLLFD);
		return 1;
	case LT_K_CPUSET:
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(len, 128), len);
		return 1;
	case LT_K_NODEMASK:
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(LT_NODEMASK_WORDS(len), 33) * 8,
		       LT_NODEMASK_WORDS(len) * 8);
		return 1;
	case LT_K_GROUPS:
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min((uint32_t)len, 33) * 4, (uint32_t)len * 4ull);
		return 1;
	case LT_K_PAGE_ADDRS: /* -s of them and one more, to tell "..." from the end of memory */
		if (len <= UINT64_MAX / 8)
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(len, (uint64_t)p->strsize + 1) * 8, len * 8);
		return 1;
	case LT_K_NODE_IDS:
		if (len <= UINT64_MAX / 4)
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(len, (uint64_t)p->strsize + 1) * 4, len * 4);
		return 1;
	case LT_K_CLONE_ARGS:
		lt_req_clone_args(p, i, v, len, ok);
		return 1;
	case LT_K_SECCOMP_ARGS: /* SET_MODE_FILTER's is read at entry */
		if ((uint32_t)a[0] == 2) /* SECCOMP_GET_ACTION_AVAIL: the action asked about */
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, 4, 4);
		else if ((uint32_t)a[0] == 3 && ok) /* SECCOMP_GET_NOTIF_SIZES: three u16 written */
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, 6, 6);
		return 1;
	case LT_K_LANDLOCK_RULESET_ATTR: /* what strace 6.1 knows of it, if size covers it */
		if (len >= SZ_LANDLOCK_RULESET)
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, SZ_LANDLOCK_RULESET, len);
		return 1;
	case LT_K_KEXEC_SEGMENTS:
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v,
		       lt_min(len, (uint64_t)p->strsize + 1) * SZ_KEXEC_SEGMENT,
		       lt_min(len, 0xffffffffu / SZ_KEXEC_SEGMENT) * SZ_KEXEC_SEGMENT);
		return 1;
	case LT_K_KEXEC_CMDLINE:
		lt_req_buf(p, i, LT_CAP_SUB_SELF, v, len);
		return 1;
	case LT_K_IOCBPP:
		lt_req_iocbs(p, i, v, (int64_t)len);
		return 1;
	case LT_K_OPEN_HOW: case LT_K_MOUNT_ATTR_ARG: /* and what follows, up to a page, to show bytes that are not 0 */
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(len, 4096), len);
		return 1;
	}
	return 0;
}

/* prctl: the option, the low 32 bits of the first argument as the kernel reads it, says
 * what arg2 (argument i) points to; PR_SET_VMA_ANON_NAME's name and PR_SCHED_CORE_GET's
 * cookie are at arg5 */
static void lt_req_prctl(struct lt_plan *p, unsigned i, const uint64_t a[6], int ok)
{
	uint64_t v = a[i];
	switch ((uint32_t)a[0]) {
	case 15: /* PR_SET_NAME */
		lt_req_str(p, i, LT_CAP_SUB_SELF, v, 16);
		break;
	case 16: /* PR_GET_NAME */
		if (ok)
			lt_req_str(p, i, LT_CAP_SUB_SELF, v, 16);
		break;
	case 2: case 5: case 9: case 11: case 19: case 25: case 37: /* getters writing an int */
		if (ok)
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, 4, 4);
		break;
	case 40: /* PR_GET_TID_ADDRESS */
		if (ok)
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, 8, 8);
		break;
	case 62: /* PR_SCHED_CORE: PR_SCHED_CORE_GET writes the cookie at arg5 */
		if (ok && (uint32_t)a[1] == 0)
			lt_req(p, 4, LT_CAP_SUB_SELF, 0, a[4], 8, 8);
		break;
	case 0x53564d41: /* PR_SET_VMA */
		if (a[1] == 0) /* PR_SET_VMA_ANON_NAME */
			lt_req_str(p, 4, LT_CAP_SUB_SELF, a[4], (uint64_t)p->strsize + 1);
		break;
	}
}

/* cond kinds: what the call read or wrote depends on a command argument. 0: not such
 * a kind. */
static int lt_plan_cond_arg(struct lt_plan *p, const struct lt_sysent *se, unsigned i,
			    const uint64_t a[6], int64_t ret, int ok)
{
	uint64_t v = a[i];
	switch (se->kind[i]) {
	case LT_K_IOCTL_ARG:
		lt_req_ioctl(p, a, ok);
		return 1;
	case LT_K_IORING_REGISTER_ARG:
		lt_req_io_uring_register(p, i, a, ok, 0);
		return 1;
	case LT_K_SCHED_ATTR: /* E2BIG: the size the kernel wrote back, as sub 0 */
		if (ret == -7)
			lt_req(p, i, 0, 0, v, 4, 4);
		return 1;
	case LT_K_PERF_ATTR: /* E2BIG: the size the kernel wrote back, as sub 0 */
		if (ret == -7)
			lt_req(p, i, 0, 0, v + 4, 4, 4);
		return 1;
	case LT_K_FCNTL_ARG:
		switch ((uint32_t)a[1]) {
		case 5: case 6: case 7: case 36: case 37: case 38: /* struct flock */
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, SZ_FLOCK, SZ_FLOCK);
			break;
		case 15: case 16: /* f_owner_ex */
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, 8, 8);
			break;
		}
		return 1;
	case LT_K_QUOTA_ADDR: {
		uint32_t cmd = (uint32_t)a[se->kind[0] == LT_K_QUOTA_CMD ? 0 : 1] >> 8;
		int out;
		size_t size = lt_quota_data_size(cmd, &out);
		if (cmd == 0x800002) /* Q_QUOTAON: the quota file's path */
			lt_req_str(p, i, LT_CAP_SUB_SELF, v, LT_PATH_CAP);
		else if (size && (ok || !out))
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, size, size);
		return 1;
	}
	case LT_K_FSCONFIG_ARG: { /* cmd a[1]: SET_FLAG, STRING, BINARY, PATH, PATH_EMPTY, FD */
		uint32_t cmd = (uint32_t)a[1];
		int32_t aux = (int32_t)a[4];
		uint64_t str = lt_min(LT_FSCONFIG_STR, (uint64_t)p->strsize + 1);
		if (i == 2 && cmd <= 5)
			lt_req_str(p, i, LT_CAP_SUB_SELF, v, str);
		else if (i == 3 && cmd == 1)
			lt_req_str(p, i, LT_CAP_SUB_SELF, v, str);
		else if (i == 3 && (cmd == 3 || cmd == 4))
			lt_req_str(p, i, LT_CAP_SUB_SELF, v, LT_PATH_CAP);
		else if (i == 3 && cmd == 2 && aux >= 0 && aux <= LT_FSCONFIG_BIN_MAX)
			lt_req_buf(p, i, LT_CAP_SUB_SELF, v, (uint64_t)aux);
		return 1;
	}
	case LT_K_BPF_ATTR: { /* what the call wrote back: next ids; OBJ_GET_INFO_BY_FD's info */
		uint64_t f[2]; /* bpf_fd|info_len, info */
		uint32_t size = (uint32_t)a[2];
		uint32_t cmd = (uint32_t)a[0];
		if (!size || size > 4096)
			return 1;
		if (cmd == 11 || cmd == 12 || cmd == 23 || cmd == 31) /* *_GET_NEXT_ID: next_id */
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(size, 12), lt_min(size, 12));
		if (cmd == 16 || cmd == 20 || (cmd >= 24 && cmd <= 27)) /* PROG_QUERY, TASK_FD_QUERY,
									  batches: the attr after */
			lt_req_bpf_written(p, i, cmd, v, lt_min(size, 56));
		if (cmd != 15)
			return 1;
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, size, size);
		if (size >= sizeof f && p->peek && !p->peek(p->ctx, v, f, sizeof f) &&
		    (f[0] >> 32) <= 4096) {
			lt_req(p, i, 0, 0, f[1], f[0] >> 32, f[0] >> 32);
			if ((f[0] >> 32) >= 64)
				lt_req_bpf_prog_info(p, i, f[1]);
		}
		return 1;
	}
	case LT_K_LANDLOCK_RULE_ATTR:
		if ((uint32_t)a[1] == 1) /* LANDLOCK_RULE_PATH_BENEATH */
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, SZ_LANDLOCK_PATH_BENEATH,
			       SZ_LANDLOCK_PATH_BENEATH);
		return 1;
	case LT_K_FUTEX_TIMEOUT:
		if (lt_futex_has_timeout((unsigned)a[1]))
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, SZ_TIMESPEC, SZ_TIMESPEC);
		return 1;
	case LT_K_PRCTL_ARG:
		lt_req_prctl(p, i, a, ok);
		return 1;
	case LT_K_SLEEP_REM: /* EINTR, and for clock_nanosleep a relative sleep only */
		if (ret == -4 && (se->kind[1] != LT_K_TIMER_FLAGS || !(a[1] & 1)))
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, SZ_TIMESPEC, SZ_TIMESPEC);
		return 1;
	case LT_K_KCMP_IDX2: /* KCMP_EPOLL_TFD: struct kcmp_epoll_slot */
		if ((uint32_t)a[2] == 7)
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, 12, 12);
		return 1;
	case LT_K_REBOOT_ARG: /* LINUX_REBOOT_CMD_RESTART2: at most 255 bytes are read */
		if ((uint32_t)a[2] == 0xA1B2C3D4u)
			lt_req_str(p, i, LT_CAP_SUB_SELF, v, lt_min((uint64_t)p->strsize + 1, 255));
		return 1;
	case LT_K_PSELECT_SIGMASK: {
		uint64_t d[2];
		if (!v || !p->peek || p->peek(p->ctx, v, d, sizeof d))
			return 1;
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, 16, 16);
		if (d[1] && d[1] <= 128)
			lt_req(p, i, LT_SUB_SIGMASK, 0, d[0], lt_min(d[1], SZ_SIGSET), d[1]);
		return 1;
	}
	}
	return 0;
}

/* Variable-size objects the call wrote: read only when it succeeded. */
static void lt_plan_written_arg(struct lt_plan *p, const struct lt_sysent *se, unsigned i,
				const uint64_t a[6], int64_t ret)
{
	uint64_t v = a[i];
	int lenarg = se->len[i];
	uint64_t len = lt_plan_len(se, i, a, ret);
	uint32_t u32;
	switch (se->kind[i]) {
	case LT_K_BUF_OUT: case LT_K_LINK_OUT: case LT_K_XATTR_VAL_OUT: case LT_K_XATTR_LIST_OUT:
	case LT_K_RANDOM_OUT:
		/* Sized by the return, but never past the buffer, whose size is the next
		 * argument: recvfrom(MSG_TRUNC) returns the datagram's whole length. */
		if (lenarg == LT_LEN_RET && i + 1 < 6)
			len = lt_min(len, a[i + 1]);
		lt_req_buf(p, i, LT_CAP_SUB_SELF, v, len);
		return;
	case LT_K_PATH_OUT:
		lt_req_str(p, i, LT_CAP_SUB_SELF, v, lt_min(len, LT_PATH_CAP));
		return;
	case LT_K_IOVEC_OUT:
		lt_req_iov(p, i, LT_CAP_SUB_SELF, v, len, (uint64_t)ret);
		return;
	case LT_K_SCHED_ATTR_OUT:
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min((uint32_t)len, SZ_SCHED_ATTR), (uint32_t)len);
		return;
	case LT_K_MSGHDR_OUT:
		lt_req_msghdr(p, i, v, (uint64_t)ret, 1);
		return;
	case LT_K_SIGSET_OUT:
		if (len && len <= 128)
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(len, SZ_SIGSET), len);
		return;
	case LT_K_FDSET: {
		uint64_t bytes = ((uint64_t)(uint32_t)a[0] + 63) / 64 * 8;
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(bytes, 128), bytes);
		return;
	}
	case LT_K_EPOLL_EVENTS_OUT:
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(len, 33) * SZ_EPOLL_EVENT,
		       len * SZ_EPOLL_EVENT);
		return;
	case LT_K_PAGE_STATUS_OUT:
		if (len <= UINT64_MAX / 4)
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(len, (uint64_t)p->strsize + 1) * 4, len * 4);
		return;
	case LT_K_MINCORE_VEC_OUT:
		len = LT_MINCORE_PAGES(len);
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(len, (uint64_t)p->strsize + 1), len);
		return;
	case LT_K_IO_EVENTS_OUT:
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(len, (uint64_t)p->strsize + 1) * 32,
		       lt_min(len, UINT32_MAX) * 32);
		return;
	case LT_K_GROUPS_OUT:
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(len, 33) * 4, len * 4);
		return;
	case LT_K_CPUSET_OUT:
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(len, 128), len);
		return;
	case LT_K_NODEMASK_OUT:
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(LT_NODEMASK_WORDS(len), 33) * 8,
		       LT_NODEMASK_WORDS(len) * 8);
		return;
	case LT_K_DIRENTS_OUT: case LT_K_DIRENTS64_OUT:
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(len, LT_CAP_DIRENTS), len);
		return;
	case LT_K_SOCKADDR_OUT: {
		/* as long as the kernel says the address is, within what the buffer holds */
		uint32_t have = 0;
		if (i + 1 < 6 && lt_peek32(p, a[i + 1], &have))
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(have, SZ_SOCKADDR), have);
		return;
	}
	case LT_K_SOCKOPT_VAL_OUT:
		if (!(i + 1 < 6 && lt_peek32(p, a[i + 1], &u32)))
			return;
		if ((uint32_t)a[1] == 1 && (uint32_t)a[2] == 26) /* SO_GET_FILTER: instructions */
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(u32, LT_BPF_MAX) * 8,
			       (uint64_t)u32 * 8);
		else
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, lt_min(u32, 64), u32);
		return;
	case LT_K_ARCH_PRCTL_ADDR: /* ARCH_GET_GS, ARCH_GET_FS, ARCH_GET_XCOMP_{SUPP,PERM,GUEST_PERM} */
		if (a[0] == 0x1003 || a[0] == 0x1004 || a[0] == 0x1021 || a[0] == 0x1022 || a[0] == 0x1024)
			lt_req(p, i, LT_CAP_SUB_SELF, 0, v, 8, 8);
		return;
	case LT_K_MMSGHDR_OUT: case LT_K_MMSGHDR:
		lt_req_mmsg(p, i, v, (uint64_t)ret);
		return;
	}
}

/* One argument at exit. ok: the call succeeded; ret: its return value. */
static void lt_plan_exit_arg(struct lt_plan *p, const struct lt_sysent *se, unsigned nr,
			     unsigned i, const uint64_t a[6], int64_t ret, int ok)
{
	const struct lt_kind_info *k = &lt_kinds[se->kind[i]];
	/* fixed-size objects: the kind table says how big, and whether the call wrote them */
	if (k->size) {
		if (k->dir == LT_DIR_IN || (ok && (k->dir == LT_DIR_OUT || k->dir == LT_DIR_INOUT)))
			lt_req(p, i, LT_CAP_SUB_SELF, 0, a[i], k->size, k->size);
		return;
	}
	if (lt_plan_read_arg(p, se, nr, i, a, ret, ok) || lt_plan_cond_arg(p, se, i, a, ret, ok))
		return;
	if (ok)
		lt_plan_written_arg(p, se, i, a, ret);
}

/* The size of an input structure the call reads but does not write, or 0. */
static uint64_t lt_in_size(const struct lt_sysent *se, unsigned i, const uint64_t a[6])
{
	const struct lt_kind_info *k = &lt_kinds[se->kind[i]];
	if (se->kind[i] == LT_K_SIGSET) {
		uint64_t len = se->len[i] >= 0 && se->len[i] < 6 ? a[se->len[i]] : 0;
		return len && len <= 128 ? lt_min(len, SZ_SIGSET) : 0;
	}
	return k->dir == LT_DIR_IN ? k->size : 0;
}

/* What the call rewrites or never returns from, read before it runs. */
static void lt_plan_entry_arg(struct lt_plan *p, const struct lt_sysent *se, unsigned nr,
			      unsigned i, const uint64_t a[6])
{
	uint64_t v = a[i];
	/* an input that shares its memory with an output (sigprocmask(how, &s, &s)) is
	 * overwritten by the call: it has to be read now */
	uint64_t in = v ? lt_in_size(se, i, a) : 0;
	if (in)
		for (unsigned j = 0; j < se->nargs; j++)
			if (j != i && a[j] == v) {
				lt_req(p, i, LT_SUB_ENTRY, 0, v, in, in);
				break;
			}
	const struct lt_kind_info *k = &lt_kinds[se->kind[i]];
	if (k->size && k->dir == LT_DIR_INOUT) { /* the value before the call */
		lt_req(p, i, LT_SUB_ENTRY, 0, v, k->size, k->size);
		return;
	}
	switch (se->kind[i]) {
	case LT_K_PATH:
		if (nr == 59 || nr == 322) /* execve, execveat */
			lt_req_str(p, i, LT_CAP_SUB_SELF, v, LT_PATH_CAP);
		return;
	case LT_K_ARGV:
		lt_req_argv(p, i, v);
		return;
	case LT_K_ENVP:
		lt_req_envp(p, i, v);
		return;
	case LT_K_FDSET: {
		uint64_t bytes = ((uint64_t)(uint32_t)a[0] + 63) / 64 * 8;
		lt_req(p, i, LT_SUB_ENTRY, 0, v, lt_min(bytes, 128), bytes);
		return;
	}
	case LT_K_IOCTL_ARG: /* what a read-write request rewrites */
		if (lt_ioctl_planned_at_entry((uint32_t)a[1]))
			lt_req_ioctl(p, a, 0);
		else if (lt_req_ioctl_kd(p, a, 0))
			return;
		else if ((uint32_t)a[1] >> 30 == 3)
			lt_req_ioctl_contract(p, a, 0);
		return;
	case LT_K_MSGHDR_OUT:
		lt_req(p, i, LT_SUB_ENTRY, 0, v, SZ_MSGHDR, SZ_MSGHDR);
		return;
	case LT_K_IORING_REGISTER_ARG:
		lt_req_io_uring_register(p, i, a, 0, 1);
		return;
	case LT_K_SECCOMP_ARGS:
		if ((uint32_t)a[0] == 1) /* SECCOMP_SET_MODE_FILTER (the kernel's op is 32 bits) */
			lt_req_seccomp_fprog(p, i, v);
		return;
	case LT_K_BPF_ATTR:
		lt_req_bpf_attr(p, i, a);
		return;
	case LT_K_PRCTL_ARG:
		if (a[0] == 22 && a[1] == 2) /* PR_SET_SECCOMP, SECCOMP_MODE_FILTER: arg3 */
			lt_req_seccomp_fprog(p, 2, a[2]);
		return;
	case LT_K_PERF_ATTR: /* as much as a struct perf_event_attr the decoders know */
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, SZ_PERF_ATTR, SZ_PERF_ATTR);
		return;
	case LT_K_SCHED_ATTR: /* as much as a struct sched_attr strace knows */
		lt_req(p, i, LT_CAP_SUB_SELF, 0, v, SZ_SCHED_ATTR, SZ_SCHED_ATTR);
		return;
	}
}

int lt_capture_plan(unsigned nr, const uint64_t args[6], int64_t ret, enum lt_cap_phase phase,
		    unsigned strsize, lt_peek_fn peek, void *ctx, struct lt_cap_req *out, int max)
{
	const struct lt_sysent *se = lt_sysent_get(nr);
	if (!se || !out || max <= 0)
		return 0;
	struct lt_plan p = { out, 0, max, strsize, peek, ctx, phase == LT_PHASE_EXIT };
	if (phase == LT_PHASE_ENTRY) {
		if (nr == 15) { /* rt_sigreturn: the saved mask in the frame at the stack pointer */
			lt_req(&p, 0, LT_CAP_SUB_SELF, 0, args[0] + LT_SIGFRAME_MASK_OFF, SZ_SIGSET,
			       SZ_SIGSET);
			return p.n;
		}
		for (unsigned i = 0; i < se->nargs; i++)
			lt_plan_entry_arg(&p, se, nr, i, args);
		return p.n;
	}
	/* A bad pointer (-EFAULT) may be any of them: what the call only read is copied all
	 * the same, fault-safe, and strace prints it if it could all be read (the decoders
	 * print the address when the copy came back short). */
	int ok = ret >= 0 || ret < -4095;
	for (unsigned i = 0; i < se->nargs; i++)
		lt_plan_exit_arg(&p, se, nr, i, args, ret, ok);
	return p.n;
}
