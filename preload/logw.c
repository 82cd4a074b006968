/* Log writer: see logw.h and lib/lt_log.h. Every syscall here is a raw one from the
 * allowed region, so none of them is ever traced. */
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>

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

/* Moves fd to a high number, so programs that count or close descriptors 3..N see ours
 * rarely; stays below the soft limit, which F_DUPFD enforces. */
int lt_fd_high(int fd)
{
	struct rlimit rl;
	long target = 1000;
	if (lt_sys4(SYS_prlimit64, 0, RLIMIT_NOFILE, 0, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	    (long)rl.rlim_cur <= target + 24)
		target = (long)rl.rlim_cur > 64 ? (long)rl.rlim_cur - 24 : 3;
	if (fd >= target)
		return fd;
	long nfd = lt_sys3(SYS_fcntl, fd, F_DUPFD_CLOEXEC, target);
	if (nfd < 0)
		return fd;
	lt_sys1(SYS_close, fd);
	return (int)nfd;
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
	return 0;
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
	long w = lt_sys4(SYS_pwrite64, lg->fd, &h, sizeof h, 0);
	if (w != (long)sizeof h) {
		lt_sys1(SYS_close, lg->fd);
		lt_run_dir_unlink(lg->path);
		lg->fd = -1;
		return w < 0 ? (int)w : -EIO;
	}
	lg->open = 1;
	return 0;
}

void lt_chunk_drop(struct lt_chunk *ck)
{
	if (ck->base)
		lt_sys2(SYS_munmap, ck->base, LT_LOGW_CHUNK);
	ck->base = 0;
	ck->pos = 0;
}

/* Extends the file to cover [off, off+len) without ever shrinking it (two threads growing
 * at once with ftruncate could cut each other's chunk off: SIGBUS on the next store): a
 * one-byte write of the chunk's last byte, which is ours and still zero. The file stays
 * sparse (a thread that makes ten calls does not cost a whole chunk of disk). */
static int lt_extend(int fd, uint64_t off, uint64_t len)
{
	char z = 0;
	long r = lt_sys4(SYS_pwrite64, fd, &z, 1, off + len - 1);
	return r == 1 ? 0 : r < 0 ? (int)r : -EIO;
}

/* Reserves blocks for the next piece of the chunk, so a full disk shows here (the
 * records are counted as lost) and never as SIGBUS on a store into the mapping. */
static int lt_reserve_blocks(struct lt_log *lg, struct lt_chunk *ck)
{
	int r = lt_log_check_fd(lg);
	if (r)
		return r;
	long f = lt_sys4(SYS_fallocate, lg->fd, 0, ck->off + ck->avail, LT_LOGW_STEP);
	if (f && f != -EOPNOTSUPP && f != -ENOSYS)
		return (int)f;
	ck->avail += LT_LOGW_STEP;
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
	int r = lt_log_check_fd(lg);
	if (r)
		return r;
	r = lt_extend(lg->fd, off, cs);
	if (r)
		return r;
	struct lt_chunk nc = { 0 };
	nc.off = off;
	r = lt_reserve_blocks(lg, &nc);
	if (r)
		return r;
	long p = lt_sys6(SYS_mmap, 0, cs, PROT_READ | PROT_WRITE, MAP_SHARED, lg->fd, off);
	if (p < 0 && p > -4096)
		return (int)p;
	if (ck->base && ck->pid == lg->pid)
		lt_chunk_drop(ck);
	ck->retry = 0;
	ck->base = (char *)p;
	ck->pid = lg->pid;
	ck->avail = nc.avail;
	ck->ready = 0;
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

void *lt_log_reserve(struct lt_log *lg, struct lt_chunk *ck, uint32_t tid, uint32_t size)
{
	uint32_t need = size + (ck->lost ? (uint32_t)sizeof(struct lt_rec_lost) : 0);
	if (!ck->base || ck->pid != lg->pid || ck->pos + need > lg->chunk_size) {
		if (ck->base && ck->pid != lg->pid)
			ck->base = 0; /* the parent's mapping, in a fork child: never write it */
		if (need + sizeof(struct lt_chunk_header) > lg->chunk_size ||
		    lt_new_chunk(lg, ck, tid) != 0) {
			ck->lost++;
			return 0;
		}
	}
	while (ck->pos + need > ck->avail) {
		if (lt_reserve_blocks(lg, ck) != 0) {
			ck->lost++;
			return 0;
		}
	}
	if (__builtin_expect(ck->pos + need > ck->ready, 0))
		lt_prefault(ck, ck->pos + need);
	if (ck->lost) {
		struct lt_rec_lost *l = (struct lt_rec_lost *)(ck->base + ck->pos);
		l->h.type = LT_REC_LOST;
		l->h.flags = 0;
		l->h.ts = lt_now_mono();
		l->count = ck->lost;
		lt_log_publish(l, sizeof *l);
		ck->pos += sizeof *l;
		ck->lost = 0;
	}
	void *rec = ck->base + ck->pos;
	ck->pos += size;
	return rec;
}
