/* Log writer: see logw.h and lib/lt_log.h. Every syscall here is a raw one from the
 * allowed region, so none of them is ever traced. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include "fdguard.h"
#include "logw.h"
#include "shim.h"

static char *lt_put_str(char *p, char *end, const char *s)
{
	while (*s && p < end)
		*p++ = *s++;
	return p;
}

static char *lt_put_uint(char *p, char *end, unsigned long v)
{
	char tmp[24];
	int n = 0;
	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10));
	while (n && p < end)
		*p++ = tmp[--n];
	return p;
}

static int lt_build_path(char *buf, size_t size, const char *dir, int pid, int n)
{
	char *p = buf, *end = buf + size - 1;
	p = lt_put_str(p, end, dir);
	p = lt_put_str(p, end, "/");
	p = lt_put_uint(p, end, (unsigned long)pid);
	if (n) {
		p = lt_put_str(p, end, ".");
		p = lt_put_uint(p, end, (unsigned long)n);
	}
	p = lt_put_str(p, end, LT_LOG_SUFFIX);
	if (p >= end)
		return -ENAMETOOLONG;
	*p = 0;
	return 0;
}

static int lt_same_file(int fd, uint64_t dev, uint64_t ino)
{
	struct stat st;
	if (lt_sys2(SYS_fstat, fd, &st) != 0)
		return 0;
	return st.st_dev == dev && st.st_ino == ino;
}

int lt_log_check_fd(struct lt_log *lg)
{
	if (lg->fd >= 0 && lt_same_file(lg->fd, lg->dev, lg->ino))
		return 0;
	/* Closed behind our back (or the number now names one of the program's files, which
	 * we must leave alone): reopen by path, and only if it is still our file. */
	long fd = lt_run_dir_openat(lg->path, O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0);
	if (fd < 0) {
		lg->fd = -1;
		return (int)fd;
	}
	if (!lt_same_file((int)fd, lg->dev, lg->ino)) {
		lt_sys1(SYS_close, fd);
		lg->fd = -1;
		return -ESTALE;
	}
	lg->fd = lt_fd_high((int)fd);
	lt_fd_guard_changed(&lg->fd);
	return 0;
}

/* ---- growing the file without a signal ---- */

#define LT_FSIZE_UNKNOWN (UINT64_MAX - 1)

/* Bytes the file may hold under RLIMIT_FSIZE: UINT64_MAX if unlimited, LT_FSIZE_UNKNOWN if
 * the limit cannot be read (a seccomp filter may answer EPERM). */
static uint64_t lt_fsize_limit(void)
{
	struct rlimit rl;
	if (lt_sys4(SYS_prlimit64, 0, RLIMIT_FSIZE, 0, &rl) != 0)
		return LT_FSIZE_UNKNOWN;
	return rl.rlim_cur == RLIM_INFINITY ? UINT64_MAX : rl.rlim_cur;
}

/* Makes a call that may grow the file to `end` bytes, as the log's own, under the file
 * size limit lim (lt_fsize_limit): a log that would pass it is full (-EFBIG) before the
 * kernel is asked, so the kernel never sends SIGXFSZ, whose default action kills the
 * program. Unless the file size is unlimited, SIGXFSZ is also blocked around the call (the
 * program may lower the limit meanwhile); one that our call raised is taken back
 * (sigtimedwait) before the mask is restored, and one that was pending before (the
 * program's own) stays pending for the program. Returns the call's result, or -EFBIG. */
static long lt_fsize_call(long nr, long a, long b, long c, long d, uint64_t end, uint64_t lim)
{
	if (lim == UINT64_MAX)
		return lt_syscall6(nr, a, b, c, d, 0, 0);
	if (lim != LT_FSIZE_UNKNOWN && end > lim)
		return -EFBIG;
	uint64_t xfsz = 1ull << (SIGXFSZ - 1), old, pend = 0;
	if (lt_sys4(SYS_rt_sigprocmask, SIG_BLOCK, &xfsz, &old, 8) != 0)
		return -EFBIG; /* cannot make sure no signal escapes: treat as full */
	lt_sys2(SYS_rt_sigpending, &pend, 8);
	int was_pending = !!(pend & xfsz);
	long r = lt_syscall6(nr, a, b, c, d, 0, 0);
	if (!was_pending && lt_sys2(SYS_rt_sigpending, &pend, 8) == 0 && (pend & xfsz)) {
		struct timespec zero = { 0, 0 };
		lt_sys4(SYS_rt_sigtimedwait, &xfsz, 0, &zero, 8);
	}
	lt_sys4(SYS_rt_sigprocmask, SIG_SETMASK, &old, 0, 8);
	return r;
}

int lt_log_create(struct lt_log *lg, const char *dir, int pid, int ppid, uint32_t flags,
		  uint32_t strsize, const char *comm)
{
	long fd = -EEXIST;
	lg->open = 0;
	for (int n = 0; n < 1000 && fd == -EEXIST; n++) {
		int r = lt_build_path(lg->path, sizeof lg->path, dir, pid, n);
		if (r)
			return r;
		fd = lt_run_dir_openat(lg->path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
				       0600);
	}
	if (fd < 0)
		return (int)fd;
	struct stat st;
	if (lt_sys2(SYS_fstat, fd, &st) != 0) {
		lt_sys1(SYS_close, fd);
		return -EIO;
	}
	lg->dev = st.st_dev;
	lg->ino = st.st_ino;
	lg->fd = lt_fd_high((int)fd);
	lg->pid = pid;
	lg->chunk_size = LT_LOGW_CHUNK;
	lg->full_noted = 0;
	lg->full_until = 0;
	lg->full_backoff = 0;
	lg->orphan_lost = 0;
	lg->grow_calls = 0;
	__atomic_store_n(&lg->next_off, LT_LOGW_DATA_OFF, __ATOMIC_RELAXED);

	struct lt_file_header h;
	lt_memset(&h, 0, sizeof h);
	lt_memcpy(h.magic, LT_LOG_MAGIC, LT_LOG_MAGIC_LEN);
	h.version = LT_LOG_VERSION;
	h.header_size = sizeof h;
	h.arch = LT_ARCH_X86_64;
	h.data_offset = LT_LOGW_DATA_OFF;
	h.chunk_size = LT_LOGW_CHUNK;
	h.pid = (uint32_t)pid;
	h.ppid = (uint32_t)ppid;
	h.mono_ns = lt_now_mono();
	h.wall_ns = lt_now_wall();
	h.strsize = strsize;
	h.backend = LT_BACKEND_NATIVE;
	h.flags = flags;
	for (int i = 0; i < 15 && comm && comm[i]; i++)
		h.comm[i] = comm[i];
	long w = lt_fsize_call(SYS_pwrite64, lg->fd, (long)&h, sizeof h, 0, sizeof h,
			       lt_fsize_limit());
	if (w != (long)sizeof h) {
		lt_sys1(SYS_close, lg->fd);
		lt_run_dir_unlink(lg->path);
		lg->fd = -1;
		return w < 0 ? (int)w : -EIO;
	}
	lg->open = 1;
	lt_fd_guard_add(&lg->fd, &lg->open);
	return 0;
}

void lt_chunk_drop(struct lt_chunk *ck)
{
	if (ck->base)
		lt_sys2(SYS_munmap, ck->base, LT_LOGW_CHUNK);
	ck->base = 0;
	ck->pos = 0;
	ck->avail = 0;
	ck->ready = 0;
	ck->lostrec = 0;
}

/* Reserves blocks for the next piece of the chunk (fallocate, which also extends the
 * file; never shrinks it, so threads growing at once cannot cut each other's chunks), so
 * a full disk shows here, where the records are counted as lost, and never as SIGBUS on
 * a store into the mapping. Steps grow with the chunk (see LT_LOGW_STEP_MIN), and stop
 * at RLIMIT_FSIZE. Where fallocate is not supported the file is extended sparse. */
static int lt_reserve_blocks(struct lt_log *lg, struct lt_chunk *ck)
{
	if (ck->avail >= lg->chunk_size)
		return -E2BIG; /* not reached: a full chunk is replaced, not grown */
	int r = lt_log_check_fd(lg);
	if (r)
		return r;
	uint32_t step = !ck->first ? LT_LOGW_STEP_MAX
			: ck->avail < LT_LOGW_SMALL ? LT_LOGW_STEP_MIN
			: ck->avail < LT_LOGW_STEP_MAX ? ck->avail : LT_LOGW_STEP_MAX;
	if (step > lg->chunk_size - ck->avail)
		step = lg->chunk_size - ck->avail;
	uint64_t from = ck->off + ck->avail, lim = lt_fsize_limit();
	if (lim != LT_FSIZE_UNKNOWN && from + step > lim) /* fill up to the limit */
		step = lim > from ? (uint32_t)((lim - from) & ~4095ull) : 0;
	if (!step)
		return -EFBIG;
	__atomic_add_fetch(&lg->grow_calls, 1, __ATOMIC_RELAXED);
	long f = lt_fsize_call(SYS_fallocate, lg->fd, 0, (long)from, step, from + step, lim);
	if ((f == -ENOSPC || f == -EDQUOT) && step > 4096) {
		/* What is left may still hold a page: enough for a new chunk's header and the
		 * kept tail, so that what this thread loses from now on is counted. */
		step = 4096;
		f = lt_fsize_call(SYS_fallocate, lg->fd, 0, (long)from, step, from + step, lim);
	}
	if (f == -EOPNOTSUPP || f == -ENOSYS) {
		char z = 0;
		f = lt_fsize_call(SYS_pwrite64, lg->fd, (long)&z, 1, (long)(from + step - 1),
				  from + step, lim);
		f = f == 1 ? 0 : f < 0 ? f : -EIO;
	}
	if (f)
		return (int)f;
	ck->avail += step;
	return 0;
}

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif
#define LT_LOGW_PREFAULT (64u << 10)

/* Makes the chunk's pages up to at least `upto` writable in one call, instead of one
 * write fault per page taken by the record copy: on a virtualized machine a fault costs
 * several µs, and a page holds only a few dozen records. The window doubles with use, from
 * 8 KiB to LT_LOGW_PREFAULT, within the reserved blocks (a thread that makes a few calls
 * dirties two pages, not 64 KiB). If the kernel cannot (before 5.14), the pages fault in
 * one by one as before. */
static void lt_prefault(struct lt_chunk *ck, uint32_t upto)
{
	uint32_t start = ck->ready & ~4095u;
	uint32_t win = ck->ready < (8u << 10) ? (8u << 10)
		       : ck->ready < LT_LOGW_PREFAULT ? ck->ready : LT_LOGW_PREFAULT;
	uint32_t end = ck->ready + win;
	if (end < upto)
		end = upto;
	end = (end + 4095u) & ~4095u;
	if (end > ck->avail)
		end = ck->avail;
	if (end > start)
		lt_sys3(SYS_madvise, ck->base + start, end - start, MADV_POPULATE_WRITE);
	ck->ready = end > upto ? end : upto;
}

static int lt_new_chunk(struct lt_log *lg, struct lt_chunk *ck, uint32_t tid)
{
	uint32_t cs = lg->chunk_size;
	if (!lg->open)
		return -EBADF;
	uint64_t off = ck->retry && ck->pid == lg->pid ? ck->retry
						       : __atomic_fetch_add(&lg->next_off, cs, __ATOMIC_RELAXED);
	if (off + cs > LT_LOGW_CAP)
		return -EFBIG;
	ck->retry = off;
	ck->pid = lg->pid;
	struct lt_chunk nc = { 0 };
	nc.off = off;
	nc.first = ck->seq == 0;
	int r = lt_reserve_blocks(lg, &nc);
	if (r)
		return r;
	if (!nc.first) {
		/* A busy thread's chunk: the file is extended (sparse, one block) to the chunk's
		 * end at once. With the file ending at the reserved bytes instead, every
		 * prefault's readahead stops there and faults again: ~5% more CPU per call. Best
		 * effort (the blocks are reserved already): within RLIMIT_FSIZE, never shrinks. */
		char z = 0;
		uint64_t end = off + cs;
		lt_fsize_call(SYS_pwrite64, lg->fd, (long)&z, 1, (long)(end - 1), end, lt_fsize_limit());
	}
	long p = lt_sys6(SYS_mmap, 0, cs, PROT_READ | PROT_WRITE, MAP_SHARED, lg->fd, off);
	if (p < 0 && p > -4096)
		return (int)p;
	if (ck->base && ck->pid == lg->pid)
		lt_chunk_drop(ck);
	ck->retry = 0;
	ck->base = (char *)p;
	ck->pid = lg->pid;
	ck->avail = nc.avail;
	ck->first = nc.first;
	ck->ready = 0;
	ck->lostrec = 0;
	lt_prefault(ck, sizeof(struct lt_chunk_header));
	struct lt_chunk_header *ch = (struct lt_chunk_header *)ck->base;
	ch->tid = tid;
	ch->seq = ck->seq++;
	ch->reserved = 0;
	__atomic_store_n(&ch->magic, LT_CHUNK_MAGIC, __ATOMIC_RELEASE);
	ck->pos = sizeof *ch;
	ck->off = off;
	return 0;
}

/* ---- losses ---- */

static int lt_chunk_usable(const struct lt_log *lg, const struct lt_chunk *ck)
{
	return ck->base && ck->pid == lg->pid;
}

/* Writes a record of `size` bytes (header filled by the caller but size) at the chunk's
 * cursor, which the caller has checked has room. */
static void *lt_put(struct lt_chunk *ck, uint16_t type, uint32_t size)
{
	if (ck->pos + size > ck->ready)
		lt_prefault(ck, ck->pos + size);
	struct lt_rec_header *h = (struct lt_rec_header *)(ck->base + ck->pos);
	h->type = type;
	h->flags = 0;
	h->ts = lt_now_mono();
	ck->pos += size;
	return h;
}

static const char *lt_full_text(int err)
{
	switch (err) {
	case -EFBIG:
		return "log full (file size limit): records are counted as lost";
	case -EDQUOT:
		return "log full (disk quota exceeded): records are counted as lost";
	default:
		return "log full (no space left on device): records are counted as lost";
	}
}

/* The first time the log cannot grow, one note says why (in the kept tail). */
static void lt_note_full(struct lt_log *lg, struct lt_chunk *ck, int err)
{
	if (__atomic_load_n(&lg->full_noted, __ATOMIC_RELAXED))
		return;
	const char *text = lt_full_text(err);
	uint32_t len = (uint32_t)lt_strlen(text);
	uint32_t size = (uint32_t)LT_ALIGN8(sizeof(struct lt_rec_note) + len);
	if (ck->pos + size + sizeof(struct lt_rec_lost) > ck->avail ||
	    __atomic_exchange_n(&lg->full_noted, 1, __ATOMIC_RELAXED))
		return;
	struct lt_rec_note *n = lt_put(ck, LT_REC_NOTE, size);
	n->code = LT_NOTE_LOG_FULL;
	n->text_len = len;
	lt_memset((char *)(n + 1), 0, size - sizeof *n);
	lt_memcpy((char *)(n + 1), text, len);
	lt_log_publish(n, size);
}

/* Counts one lost record (plus any pending) where a reader will find it: in the LT_REC_LOST
 * at the end of the thread's chunk, written once and then counted up in place (the kept
 * tail guarantees its room), or, without a chunk, for the next thread that writes. */
static void lt_lose(struct lt_log *lg, struct lt_chunk *ck, int err)
{
	uint64_t n = 1 + ck->lost;
	ck->lost = 0;
	if (!lt_chunk_usable(lg, ck)) {
		__atomic_add_fetch(&lg->orphan_lost, n, __ATOMIC_RELAXED);
		return;
	}
	if (err == -EFBIG || err == -ENOSPC || err == -EDQUOT)
		lt_note_full(lg, ck, err);
	if (__atomic_load_n(&lg->orphan_lost, __ATOMIC_RELAXED))
		n += __atomic_exchange_n(&lg->orphan_lost, 0, __ATOMIC_RELAXED);
	if (ck->lostrec) {
		__atomic_store_n(&ck->lostrec->count, ck->lostrec->count + n, __ATOMIC_RELEASE);
		return;
	}
	if (ck->pos + sizeof(struct lt_rec_lost) > ck->avail) {
		ck->lost = n; /* not reached: the tail is kept for this record */
		return;
	}
	struct lt_rec_lost *l = lt_put(ck, LT_REC_LOST, sizeof *l);
	l->count = n;
	lt_log_publish(l, sizeof *l);
	ck->lostrec = l;
}

/* Grows the thread's space by a new chunk or more blocks, unless the disk was found full
 * a moment ago: then no attempt is made until the backoff interval has passed; it
 * doubles with each failure, from LT_LOGW_BACKOFF_MIN_NS to LT_LOGW_BACKOFF_MAX_NS. */
static int lt_grow(struct lt_log *lg, struct lt_chunk *ck, uint32_t tid, uint32_t need)
{
	uint64_t until = __atomic_load_n(&lg->full_until, __ATOMIC_RELAXED);
	if (until && lt_now_mono() < until)
		return -ENOSPC;
	int r;
	if (!lt_chunk_usable(lg, ck) || ck->pos + need > lg->chunk_size) {
		if (ck->base && ck->pid != lg->pid)
			ck->base = 0; /* the parent's mapping, in a fork child: never write it */
		r = need + sizeof(struct lt_chunk_header) > lg->chunk_size ? -E2BIG
									     : lt_new_chunk(lg, ck, tid);
	} else {
		r = lt_reserve_blocks(lg, ck);
	}
	if (r == -ENOSPC || r == -EDQUOT) {
		uint64_t b = lg->full_backoff * 2;
		b = b < LT_LOGW_BACKOFF_MIN_NS ? LT_LOGW_BACKOFF_MIN_NS
		    : b > LT_LOGW_BACKOFF_MAX_NS ? LT_LOGW_BACKOFF_MAX_NS : b;
		lg->full_backoff = b;
		__atomic_store_n(&lg->full_until, lt_now_mono() + b, __ATOMIC_RELAXED);
	} else if (r == 0 && until) {
		lg->full_backoff = 0;
		__atomic_store_n(&lg->full_until, 0, __ATOMIC_RELAXED);
	}
	return r;
}

void *lt_log_reserve(struct lt_log *lg, struct lt_chunk *ck, uint32_t tid, uint32_t size)
{
	uint64_t orphans = __atomic_load_n(&lg->orphan_lost, __ATOMIC_RELAXED);
	int lost = ck->lost || orphans;
	/* Room for the record, the pending lost record, and the tail kept for losses. */
	uint32_t need = size + (lost ? (uint32_t)sizeof(struct lt_rec_lost) : 0) + LT_LOGW_TAIL;
	while (!lt_chunk_usable(lg, ck) || ck->pos + need > ck->avail) {
		int r = lt_grow(lg, ck, tid, need);
		if (r) {
			lt_lose(lg, ck, r);
			return 0;
		}
	}
	ck->lostrec = 0; /* space again: the losses so far are counted */
	if (__builtin_expect(ck->pos + need > ck->ready, 0))
		lt_prefault(ck, ck->pos + size + (lost ? (uint32_t)sizeof(struct lt_rec_lost) : 0));
	if (lost) {
		uint64_t n = ck->lost + (orphans ? __atomic_exchange_n(&lg->orphan_lost, 0,
								       __ATOMIC_RELAXED) : 0);
		ck->lost = 0;
		if (n) {
			struct lt_rec_lost *l = lt_put(ck, LT_REC_LOST, sizeof *l);
			l->count = n;
			lt_log_publish(l, sizeof *l);
		}
	}
	void *rec = ck->base + ck->pos;
	ck->pos += size;
	return rec;
}
