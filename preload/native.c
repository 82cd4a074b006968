/* The native backend: Syscall User Dispatch. The shim's section lt_systext is the allowed
 * region; while a window is open every other syscall of every armed thread traps to
 * lt_sigsys, which records it, performs it from the allowed region and returns.
 *
 * Per-thread state lives in mmap'ed memory found through a lock-free table keyed by tid
 * (a thread from raw clone has no usable TLS of its own); an initial-exec TLS pointer
 * caches it when the thread's TLS block is its own.
 *
 * What a program can observe: while tracing, SIGSYS's disposition is virtualized (the
 * program sees and keeps its own) and SIGSYS is never really blocked (the program sees
 * its own mask). Windows open and close with a SIGSYS sent to each thread (si_code
 * SI_QUEUE from our pid with a magic value): a thread blocked in a call the kernel does not
 * restart after a handler (epoll_wait, select, sigtimedwait, ...) may see EINTR, as with
 * any signal. A thread that blocks SIGSYS while tracing is off stays unarmed until it
 * unblocks it. */
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <signal.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <ucontext.h>

#include "inject.h"
#include "logw.h"
#include "lt_capture.h"
#include "fdguard.h"
#include "native.h"
#include "patch.h"
#include "shim.h"

#ifndef PR_SET_SYSCALL_USER_DISPATCH
#define PR_SET_SYSCALL_USER_DISPATCH 59
#define PR_SYS_DISPATCH_OFF 0
#define PR_SYS_DISPATCH_ON 1
#define SYSCALL_DISPATCH_FILTER_ALLOW 0
#define SYSCALL_DISPATCH_FILTER_BLOCK 1
#endif
#ifndef SYS_USER_DISPATCH
#define SYS_USER_DISPATCH 2
#endif
#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000
#endif

#define LT_MAX_DEPTH 8
#define LT_SLOT (40u << 10)  /* one record being built, per nesting level */
#define LT_TAB 16384         /* threads tracked at once */
#define LT_MAGIC_ARM 0x4c54410000000000ull
#define LT_MAGIC_DISARM 0x4c54440000000000ull
#define LT_MAGIC_MASK 0xffffff0000000000ull
#define LT_SIGSYS_BIT (1ull << (SIGSYS - 1))

struct lt_ksigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	uint64_t mask;
};

struct lt_thread {
	volatile unsigned char selector; /* SUD's per-thread switch: BLOCK while armed */
	volatile int armed;
	int tid;
	int tls_shared;        /* another thread shares this TLS block: find state by tid */
	volatile int in_vfork; /* this thread's vfork child runs on our memory */
	volatile int in_log;   /* a record is being copied into the chunk */
	int depth;
	int named;
	int blocks_sigsys;     /* the program believes this thread blocks SIGSYS */
	uintptr_t lv_sp[LT_MAX_DEPTH];
	uint64_t nested_lost;
	/* A call of ours that the program's seccomp filter trapped (SECCOMP_RET_TRAP): the
	 * kernel's return (rax as it left it, before the program's handler set one) for the
	 * record begun at kret_ts. */
	uint64_t kret_ts;
	long kret;
	struct lt_chunk ck;
	struct lt_log *log;        /* the process's log, or own_log for a vfork child */
	int pid;
	struct lt_thread *vchild;  /* state for this thread's vfork children */
	char *vstack;              /* private stack for vfork */
	char *scratch;
	struct lt_log own_log;
};
#define LT_STATE_HDR 16384u

struct lt_slot {
	int tid; /* 0: never used (ends a probe), -1: free for reuse */
	struct lt_thread *st;
};

static struct lt_slot lt_tab[LT_TAB];
/* vfork children now running on our memory, for threads that find their state by tid. */
#define LT_VKIDS 64
static struct lt_slot lt_vkids[LT_VKIDS];
static __thread struct lt_thread *lt_me __attribute__((tls_model("initial-exec")));
static struct lt_log lt_log;
static int lt_pid;
static volatile int lt_on;         /* a window is open (ours; lt_tracing follows later) */
static volatile uint32_t lt_win;   /* window number */
static volatile int lt_acks;
static struct lt_ksigaction lt_prog_sigsys; /* the program's own SIGSYS action */
static int lt_handler_installed;

static void lt_sigsys(int sig, siginfo_t *si, void *ucv);
long lt_clone_thread(long nr, long a0, long a1, long a2, long a3, long a4, long a5, void *csp,
		     void *info) LT_HIDDEN;
void lt_sigreturn_at(uintptr_t sp) LT_HIDDEN __attribute__((noreturn));
uintptr_t lt_native_child_start(void *info) LT_HIDDEN;
/* wrap.c */
void lt_wrap_init(void) LT_HIDDEN;

static inline long lt_gettid(void)
{
	return lt_sys0(SYS_gettid);
}

/* ---- per-thread state ---- */

static unsigned lt_hash(int tid)
{
	return ((unsigned)tid * 2654435761u) % LT_TAB;
}

static struct lt_thread *lt_lookup(int tid)
{
	unsigned h = lt_hash(tid);
	for (unsigned i = 0; i < LT_TAB; i++) {
		struct lt_slot *s = &lt_tab[(h + i) % LT_TAB];
		int t = __atomic_load_n(&s->tid, __ATOMIC_ACQUIRE);
		if (t == tid)
			return s->st;
		if (t == 0)
			return 0;
	}
	return 0;
}

static struct lt_thread *lt_state_new(void)
{
	_Static_assert(sizeof(struct lt_thread) <= LT_STATE_HDR, "lt_thread too big");
	size_t sz = LT_STATE_HDR + (size_t)LT_MAX_DEPTH * LT_SLOT;
	long p = lt_sys6(SYS_mmap, 0, sz, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p < 0 && p > -4096)
		return 0;
	struct lt_thread *st = (struct lt_thread *)p;
	st->scratch = (char *)p + LT_STATE_HDR;
	return st;
}

/* The state of thread tid, created if needed. Only tid itself (or the thread creating
 * it, before it runs) registers tid, so probes never race for the same key. */
static struct lt_thread *lt_register(int tid)
{
	struct lt_thread *st = lt_lookup(tid);
	if (st)
		return st;
	unsigned h = lt_hash(tid);
	for (unsigned i = 0; i < LT_TAB; i++) {
		struct lt_slot *s = &lt_tab[(h + i) % LT_TAB];
		int t = __atomic_load_n(&s->tid, __ATOMIC_ACQUIRE);
		if (t == -1 && s->st) {
			if (!__atomic_compare_exchange_n(&s->tid, &t, -2, 0, __ATOMIC_ACQ_REL,
							 __ATOMIC_RELAXED))
				continue;
			st = s->st;
		} else if (t == 0) {
			if (!__atomic_compare_exchange_n(&s->tid, &t, -2, 0, __ATOMIC_ACQ_REL,
							 __ATOMIC_RELAXED))
				continue;
			st = s->st ? s->st : lt_state_new();
			if (!st) {
				__atomic_store_n(&s->tid, 0, __ATOMIC_RELEASE);
				return 0;
			}
			s->st = st;
		} else {
			continue;
		}
		char *scratch = st->scratch, *vstack = st->vstack;
		struct lt_thread *vchild = st->vchild;
		lt_memset(st, 0, offsetof(struct lt_thread, own_log));
		st->scratch = scratch;
		st->vstack = vstack;
		st->vchild = vchild;
		st->tid = tid;
		st->pid = lt_pid;
		st->log = &lt_log;
		__atomic_store_n(&s->tid, tid, __ATOMIC_RELEASE);
		return st;
	}
	return 0;
}

static void lt_release(struct lt_thread *st)
{
	unsigned h = lt_hash(st->tid);
	for (unsigned i = 0; i < LT_TAB; i++) {
		struct lt_slot *s = &lt_tab[(h + i) % LT_TAB];
		if (s->st == st) {
			lt_chunk_drop(&st->ck);
			st->armed = 0;
			__atomic_store_n(&s->tid, -1, __ATOMIC_RELEASE);
			return;
		}
		if (s->tid == 0)
			return;
	}
}

static struct lt_thread *lt_self(void)
{
	struct lt_thread *st = lt_me;
	if (st && !st->tls_shared)
		/* While this thread is suspended in vfork, only its child can be here. */
		return st->in_vfork ? st->vchild : st;
	int tid = (int)lt_gettid();
	if ((st = lt_lookup(tid)))
		return st;
	for (int i = 0; i < LT_VKIDS; i++)
		if (__atomic_load_n(&lt_vkids[i].tid, __ATOMIC_ACQUIRE) == tid)
			return lt_vkids[i].st;
	return 0;
}

static int lt_arm(struct lt_thread *st)
{
	/* Nothing of this thread is in flight while it is unarmed; a state found again by a
	 * reused tid may hold a dead thread's nesting levels. */
	st->depth = 0;
	st->in_log = 0;
	st->selector = SYSCALL_DISPATCH_FILTER_BLOCK;
	long r = lt_sys5(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON,
			 (uintptr_t)__start_lt_systext,
			 (uintptr_t)(__stop_lt_systext - __start_lt_systext), &st->selector);
	if (r == 0)
		st->armed = 1;
	return (int)r;
}

static void lt_disarm(struct lt_thread *st)
{
	lt_sys5(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0);
	st->armed = 0;
}

/* ---- reading the program's memory without ever faulting ---- */

static long lt_readmem(void *dst, uint64_t addr, size_t len)
{
	if (!len)
		return 0;
	struct iovec l = { dst, len }, r = { (void *)(uintptr_t)addr, len };
	return lt_sys6(SYS_process_vm_readv, lt_pid, &l, 1, &r, 1, 0);
}

static long lt_writemem(uint64_t addr, const void *src, size_t len)
{
	struct iovec l = { (void *)src, len }, r = { (void *)(uintptr_t)addr, len };
	return lt_sys6(SYS_process_vm_writev, lt_pid, &l, 1, &r, 1, 0);
}

static int lt_peek(void *ctx, uint64_t addr, void *dst, size_t len)
{
	(void)ctx;
	return lt_readmem(dst, addr, len) == (long)len ? 0 : -EFAULT;
}

/* ---- records ---- */

/* Copies a finished record into the thread's chunk. A record that cannot be placed is
 * counted as lost, never dropped silently. */
static void lt_emit(struct lt_thread *st, void *rec, uint32_t size)
{
	if (st->in_log) {
		/* We interrupted this thread's own copy into its chunk (a signal handler's
		 * syscall): the chunk cursor is not ours to move now. */
		__atomic_add_fetch(&st->nested_lost, 1, __ATOMIC_RELAXED);
		return;
	}
	st->in_log = 1;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	if (st->nested_lost)
		st->ck.lost += __atomic_exchange_n(&st->nested_lost, 0, __ATOMIC_RELAXED);
	void *dst = lt_log_reserve(st->log, &st->ck, (uint32_t)st->tid, size);
	if (dst) {
		struct lt_rec_header *h = rec;
		h->size = 0;
		__builtin_memcpy(dst, rec, size);
		lt_log_publish(dst, size);
	}
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	st->in_log = 0;
}

/* Like lt_emit, but returns where the record went so it can be completed in place
 * (execve: unfinished until it fails). */
static struct lt_rec_syscall *lt_emit_keep(struct lt_thread *st, void *rec, uint32_t size)
{
	if (st->in_log)
		return 0;
	st->in_log = 1;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	void *dst = lt_log_reserve(st->log, &st->ck, (uint32_t)st->tid, size);
	if (dst) {
		struct lt_rec_header *h = rec;
		h->size = 0;
		__builtin_memcpy(dst, rec, size);
		lt_log_publish(dst, size);
	}
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	st->in_log = 0;
	return dst;
}

static void lt_thread_record(struct lt_thread *st)
{
	struct lt_rec_thread r;
	lt_memset(&r, 0, sizeof r);
	r.h.type = LT_REC_THREAD;
	r.h.ts = lt_now_mono();
	lt_sys2(SYS_prctl, PR_GET_NAME, r.name);
	r.name[15] = 0;
	st->named = 1;
	lt_emit(st, &r, sizeof r);
}

static long lt_read_file(const char *path, char *buf, size_t size)
{
	long fd = lt_sys4(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return fd;
	size_t n = 0;
	while (n < size) {
		long r = lt_sys3(SYS_read, fd, buf + n, size - n);
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	lt_sys1(SYS_close, fd);
	return (long)n;
}

static void lt_process_record(struct lt_thread *st, uint32_t flags)
{
	char *buf = st->scratch;
	struct lt_rec_process *r = (struct lt_rec_process *)buf;
	lt_memset(r, 0, sizeof *r);
	long n = lt_read_file("/proc/self/cmdline", buf + sizeof *r, LT_SLOT - sizeof *r - 8);
	if (n < 0)
		n = 0;
	r->h.type = LT_REC_PROCESS;
	r->h.flags = (uint16_t)flags;
	r->h.ts = lt_now_mono();
	r->pid = (uint32_t)st->pid;
	r->ppid = (uint32_t)lt_sys0(SYS_getppid);
	r->cmdline_len = (uint32_t)n;
	uint32_t size = (uint32_t)LT_ALIGN8(sizeof *r + (uint64_t)n);
	lt_memset(buf + sizeof *r + n, 0, size - sizeof *r - (uint32_t)n);
	lt_emit(st, r, size);
}

/* The descriptors open when a window starts, so the report can show paths (-y). */
static int lt_fd_record(void *ctx, int dfd, const char *name)
{
	struct lt_thread *st = ctx;
	long fd = lt_dec_name(name);
	if (fd < 0 || fd == dfd || fd == st->log->fd)
		return 0;
	char *buf = st->scratch;
	struct lt_rec_fd *r = (struct lt_rec_fd *)buf;
	long len = lt_sys4(SYS_readlinkat, dfd, name, buf + sizeof *r, 4096);
	if (len < 0)
		return 0;
	r->h.type = LT_REC_FD;
	r->h.flags = 0;
	r->h.ts = lt_now_mono();
	r->fd = (int32_t)fd;
	r->path_len = (uint32_t)len;
	uint32_t size = (uint32_t)LT_ALIGN8(sizeof *r + (uint64_t)len);
	lt_memset(buf + sizeof *r + len, 0, size - sizeof *r - (uint32_t)len);
	lt_emit(st, r, size);
	return 0;
}

static void lt_fd_records(struct lt_thread *st)
{
	lt_dir_each("/proc/self/fd", lt_fd_record, st);
}

static void lt_window_record(struct lt_thread *st, int on)
{
	struct lt_rec_window r;
	lt_memset(&r, 0, sizeof r);
	r.h.type = LT_REC_WINDOW;
	r.h.ts = lt_now_mono();
	r.on = (uint32_t)on;
	r.seq = lt_win;
	lt_emit(st, &r, sizeof r);
}

static void lt_exit_record(struct lt_thread *st, int code, int signo)
{
	struct lt_rec_exit r;
	lt_memset(&r, 0, sizeof r);
	r.h.type = LT_REC_EXIT;
	r.h.ts = lt_now_mono();
	r.code = code;
	r.signo = signo;
	lt_emit(st, &r, sizeof r);
	st->log->exit_logged = 1;
}

/* ---- one syscall record, built in the thread's scratch slot for this nesting level ---- */

struct lt_build {
	struct lt_rec_syscall *r;
	uint32_t off, cap;
	int level;
	int defer; /* entry captures made after the call, copied directly (lt_defer_ok) */
};

/* Calls whose entry captures are inputs the call does not change and whose memory the
 * kernel has read in full when it succeeds (the fast path's trusted set): when trapped
 * (glibc's internal calls: stdio's writes, the loader's opens), they are captured after
 * the call with direct copies, not a process_vm_readv per region before it. */
static inline int lt_defer_ok(unsigned nr)
{
	switch (nr) {
	case SYS_read: case SYS_write: case SYS_pread64: case SYS_pwrite64:
	case SYS_open: case SYS_openat: case SYS_close: case SYS_lseek:
	case SYS_newfstatat: case SYS_access: case SYS_mmap: case SYS_munmap:
	case SYS_mprotect: case SYS_dup: case SYS_dup2: case SYS_dup3:
		return 1;
	}
	return 0;
}

static inline unsigned lt_phases(unsigned nr);
#define LT_PH_KNOWN 1
#define LT_PH_ENTRY 2
#define LT_PH_EXIT 4

static int lt_level_enter(struct lt_thread *st)
{
	uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
	/* Levels left by a handler that longjmp'ed out sit below our frame: drop them. */
	while (st->depth > 0 && st->lv_sp[st->depth - 1] <= sp)
		st->depth--;
	if (st->depth >= LT_MAX_DEPTH)
		return -1;
	st->lv_sp[st->depth] = sp;
	return st->depth++;
}

static void lt_level_leave(struct lt_thread *st, int level)
{
	if (level >= 0 && st->depth > level)
		st->depth = level;
}

/* Errors a path lookup returns only after it has read the whole path from memory. */
static int lt_path_was_read(int64_t ret)
{
	return ret >= 0 || ret == -ENOENT || ret == -ENOTDIR || ret == -EACCES || ret == -ELOOP ||
	       ret == -EEXIST || ret == -EISDIR || ret == -EROFS || ret == -ETXTBSY;
}

/* Copies len bytes the kernel has just accessed for this call (so they are mapped). */
static long lt_copy_trusted(char *dst, uint64_t addr, uint32_t len, int str)
{
	const char *src = (const char *)(uintptr_t)addr;
	uint32_t i = 0;
	if (str) {
		while (i < len && src[i])
			dst[i] = src[i], i++;
		if (i < len)
			dst[i] = 0;
		return i < len ? (long)i + 1 : (long)i;
	}
	__builtin_memcpy(dst, src, len);
	return len;
}

/* trust: the call was made by an interposed wrapper whose memory the kernel accessed in
 * full if ret says so (see lt_path_was_read): copy directly instead of through
 * process_vm_readv, which costs a syscall per region. */
static void lt_capture(struct lt_build *b, unsigned nr, const uint64_t a[6], int64_t ret,
		       enum lt_cap_phase phase, int trust)
{
	struct lt_cap_req req[LT_CAP_MAX_REQS];
	int n = lt_capture_plan(nr, a, ret, phase, lt_cfg.strsize, lt_peek, 0, req,
				LT_CAP_MAX_REQS);
	char *base = (char *)b->r;
	for (int i = 0; i < n; i++) {
		uint32_t room = b->cap - b->off;
		if (room < sizeof(struct lt_cap) + 8)
			break;
		struct lt_cap *c = (struct lt_cap *)(base + b->off);
		char *data = (char *)(c + 1);
		uint32_t len = req[i].len;
		uint8_t flags = req[i].flags | (phase == LT_PHASE_EXIT ? LT_CAP_EXIT : 0);
		if (len > room - sizeof *c - 8) {
			len = room - (uint32_t)sizeof *c - 8;
			flags |= LT_CAP_TRUNC;
		}
		long got;
		if (trust && ((flags & LT_CAP_STR) ? lt_path_was_read(ret)
					   : ret >= 0 && (phase == LT_PHASE_EXIT || (uint64_t)ret >= len)))
			got = lt_copy_trusted(data, req[i].addr, len, !!(flags & LT_CAP_STR));
		else
			got = lt_readmem(data, req[i].addr, len);
		if (got < 0)
			got = 0;
		if (flags & LT_CAP_STR) {
			long k = 0;
			while (k < got && data[k])
				k++;
			if (k == got) {
				if (got == 0 && len)
					flags |= LT_CAP_FAULT;
				else
					flags |= LT_CAP_TRUNC;
			}
			got = k;
		} else {
			if (got == 0 && len)
				flags |= LT_CAP_FAULT;
			if ((uint32_t)got < len || req[i].full > len)
				flags |= LT_CAP_TRUNC;
		}
		c->arg = req[i].arg;
		c->flags = flags;
		c->sub = req[i].sub;
		c->len = (uint32_t)got;
		uint32_t padded = (uint32_t)LT_ALIGN8(got);
		/* Zero padding up to 8 bytes: one store (room keeps 8 spare bytes). */
		const uint64_t zero8 = 0;
		__builtin_memcpy(data + got, &zero8, 8);
		b->off += (uint32_t)sizeof *c + padded;
		b->r->ncaps++;
	}
}

static int lt_begin(struct lt_thread *st, struct lt_build *b, unsigned nr, const uint64_t a[6])
{
	b->level = lt_level_enter(st);
	if (b->level < 0) {
		__atomic_add_fetch(&st->nested_lost, 1, __ATOMIC_RELAXED);
		return -1;
	}
	b->r = (struct lt_rec_syscall *)(st->scratch + (size_t)b->level * LT_SLOT);
	b->cap = LT_SLOT;
	b->off = sizeof *b->r;
	struct lt_rec_syscall *r = b->r;
	r->h.type = LT_REC_SYSCALL;
	r->h.flags = 0;
	r->h.size = 0;
	r->nr = nr;
	r->ncaps = 0;
	for (int i = 0; i < 6; i++)
		r->args[i] = a[i];
	r->ret = 0;
	r->dur = 0;
	b->defer = lt_defer_ok(nr);
	if (!b->defer)
		lt_capture(b, nr, a, 0, LT_PHASE_ENTRY, 0);
	r->h.ts = lt_now_mono();
	return 0;
}

static void lt_end(struct lt_thread *st, struct lt_build *b, long ret, uint16_t flags)
{
	if (b->level < 0)
		return;
	uint64_t t1 = lt_now_mono();
	struct lt_rec_syscall *r = b->r;
	if (__builtin_expect(st->kret_ts == r->h.ts, 0))
		ret = st->kret;
	r->ret = ret;
	r->dur = t1 - r->h.ts;
	r->h.flags = flags;
	if (b->defer) {
		unsigned ph = lt_phases(r->nr);
		if (ph & LT_PH_ENTRY)
			lt_capture(b, r->nr, r->args, ret, LT_PHASE_ENTRY, 1);
		if (ph & LT_PH_EXIT)
			lt_capture(b, r->nr, r->args, ret, LT_PHASE_EXIT, 1);
	} else {
		lt_capture(b, r->nr, r->args, ret, LT_PHASE_EXIT, 0);
	}
	lt_emit(st, r, b->off);
	lt_level_leave(st, b->level);
	if (!st->named)
		lt_thread_record(st);
}

/* An entry-only record (exit, exit_group, execve before it is performed). */
static struct lt_rec_syscall *lt_end_unfinished(struct lt_thread *st, struct lt_build *b)
{
	if (b->level < 0)
		return 0;
	b->r->h.flags = LT_SC_UNFINISHED;
	struct lt_rec_syscall *dst = lt_emit_keep(st, b->r, b->off);
	lt_level_leave(st, b->level);
	return dst;
}

/* Calls that block for long (waits, polls, sleeps, accept, futex waits), when trapped:
 * their entry is logged first as UNFINISHED, so a process killed (SIGKILL) while one is
 * blocked still shows it, as strace shows "<unfinished ...>". When the call returns, the
 * early copy is marked LT_REC_SUPERSEDED (a type readers skip as unknown) and the whole
 * record is logged as usual, with its exit captures. Only the trap path does this (an
 * extra record copy beside a signal round trip); the interposed wrappers (read, recv,
 * connect, ... through the PLT) do not. */
#define LT_REC_SUPERSEDED 0x7ffe /* not an lt_rec_type: readers skip unknown types */

static int lt_blocking(unsigned nr, const uint64_t a[6])
{
	switch (nr) {
	case SYS_wait4: case SYS_waitid: case SYS_poll: case SYS_ppoll: case SYS_select:
	case SYS_pselect6: case SYS_epoll_wait: case SYS_epoll_pwait: case SYS_epoll_pwait2:
	case SYS_nanosleep: case SYS_clock_nanosleep: case SYS_pause: case SYS_rt_sigsuspend:
	case SYS_rt_sigtimedwait: case SYS_accept: case SYS_accept4: case SYS_msgrcv:
	case SYS_mq_timedreceive:
		return 1;
	case SYS_futex: {
		unsigned op = (unsigned)a[1] & 0x7f;
		return op == 0 /* FUTEX_WAIT */ || op == 9 /* FUTEX_WAIT_BITSET */;
	}
	}
	return 0;
}

struct lt_early {
	struct lt_rec_syscall *rec; /* where the unfinished copy went, or 0 */
	char *cbase;                /* the chunk it went to (still mapped if unchanged) */
	uint32_t cseq;
	uint64_t foff;              /* its offset in the log file */
};

static void lt_emit_early(struct lt_thread *st, struct lt_build *b, struct lt_early *e)
{
	b->r->h.flags = LT_SC_UNFINISHED;
	e->rec = lt_emit_keep(st, b->r, b->off);
	b->r->h.flags = 0;
	e->cbase = st->ck.base;
	e->cseq = st->ck.seq;
	e->foff = e->rec ? st->ck.off + (uint64_t)((char *)e->rec - st->ck.base) : 0;
}

static void lt_supersede(struct lt_thread *st, const struct lt_early *e)
{
	if (!e->rec)
		return;
	uint16_t t = LT_REC_SUPERSEDED;
	if (st->ck.base == e->cbase && st->ck.seq == e->cseq)
		__atomic_store_n(&e->rec->h.type, t, __ATOMIC_RELEASE);
	else if (st->log->fd >= 0) /* a handler moved us to another chunk: ours is unmapped */
		lt_sys4(SYS_pwrite64, st->log->fd, &t, sizeof t, e->foff);
}

/* ---- the log of this process image ---- */

static int lt_log_ensure(struct lt_thread *st, uint32_t flags)
{
	if (lt_log.open && lt_log.pid == lt_pid)
		return 0;
	char comm[17];
	lt_memset(comm, 0, sizeof comm);
	long n = lt_read_file("/proc/self/comm", comm, 16);
	if (n > 0 && comm[n - 1] == '\n')
		comm[n - 1] = 0;
	int r = lt_log_create(&lt_log, lt_cfg.run_dir, lt_pid, (int)lt_sys0(SYS_getppid), flags,
			      lt_cfg.strsize, comm);
	if (r) {
		lt_warn("cannot create the log in %s (error %d); tracing off", lt_cfg.run_dir, -r);
		return r;
	}
	if (st)
		lt_process_record(st, flags);
	return 0;
}

/* ---- clone ---- */

struct lt_kucontext { /* the kernel's struct ucontext, which glibc's ucontext_t begins with */
	unsigned long uc_flags;
	void *uc_link;
	stack_t uc_stack;
	mcontext_t uc_mcontext;
	uint64_t uc_sigmask;
};

struct lt_child_info {
	uintptr_t frame_sp;       /* where rt_sigreturn finds the child's registers */
	uint64_t flags;           /* clone flags */
	struct lt_thread *parent; /* the creating thread's state */
	uint32_t win;
};

static size_t lt_fpstate_size(const void *fp)
{
	const uint32_t *sw = (const uint32_t *)((const char *)fp + 464);
	if (sw[0] == 0x46505853u /* FP_XSTATE_MAGIC1 */ && sw[1] >= 512 && sw[1] < 65536)
		return sw[1];
	return 512;
}

/* Builds, below place, a signal frame through which rt_sigreturn resumes the program with
 * the registers of uc but rsp prog_sp and rax 0. Returns an info block below the frame;
 * the caller's code runs below that. */
static struct lt_child_info *lt_build_frame(ucontext_t *uc, uintptr_t place, uintptr_t prog_sp,
					    int keep_altstack)
{
	const void *fp = uc->uc_mcontext.fpregs;
	size_t fsz = fp ? lt_fpstate_size(fp) : 0;
	uintptr_t p = place - 256;
	uintptr_t fpdst = (p - fsz) & ~(uintptr_t)63;
	if (fp)
		lt_memcpy((void *)fpdst, fp, fsz);
	uintptr_t frame = (fpdst - sizeof(struct lt_kucontext) - 8) & ~(uintptr_t)15;
	struct lt_kucontext *kuc = (struct lt_kucontext *)(frame + 8);
	lt_memcpy(kuc, uc, sizeof *kuc);
	*(uintptr_t *)frame = 0;
	kuc->uc_mcontext.gregs[REG_RSP] = (greg_t)prog_sp;
	kuc->uc_mcontext.gregs[REG_RAX] = 0;
	kuc->uc_mcontext.fpregs = fp ? (fpregset_t)fpdst : 0;
	kuc->uc_sigmask &= ~LT_SIGSYS_BIT;
	kuc->uc_link = 0;
	if (!keep_altstack) {
		kuc->uc_stack.ss_sp = 0;
		kuc->uc_stack.ss_size = 0;
		kuc->uc_stack.ss_flags = SS_DISABLE;
	}
	struct lt_child_info *info =
		(struct lt_child_info *)((frame - sizeof(struct lt_child_info)) & ~(uintptr_t)15);
	lt_memset(info, 0, sizeof *info);
	info->frame_sp = frame + 8;
	return info;
}

/* Runs first in a child made by lt_clone_thread, on its new stack, with every signal
 * blocked: arms it if it is a thread of ours, then returns where rt_sigreturn finds the
 * program's registers and signal mask. */
uintptr_t lt_native_child_start(void *arg)
{
	struct lt_child_info *info = arg;
	if ((info->flags & CLONE_THREAD) && lt_on && info->win == lt_win) {
		int tid = (int)lt_gettid();
		struct lt_thread *st = lt_register(tid);
		if (st) {
			if (info->flags & CLONE_SETTLS) {
				lt_me = st;
			} else {
				/* It runs on its parent's TLS block: both must look up by tid. */
				st->tls_shared = 1;
				if (info->parent)
					info->parent->tls_shared = 1;
			}
			lt_arm(st);
			lt_thread_record(st);
		}
	} else if (!(info->flags & CLONE_THREAD) && (info->flags & CLONE_VFORK) && lt_on &&
		   info->parent && info->parent->vchild) {
		/* A process of its own on our memory (vfork, posix_spawn) while its parent
		 * waits: it logs through the parent's spare state into a log of its own,
		 * touching nothing else the parent owns. */
		struct lt_thread *c = info->parent->vchild;
		c->tid = (int)lt_gettid();
		c->pid = (int)lt_sys0(SYS_getpid);
		c->log = &c->own_log;
		char comm[16];
		lt_memset(comm, 0, sizeof comm);
		lt_sys2(SYS_prctl, PR_GET_NAME, comm);
		uint32_t lf = (lt_cfg.log_flags & ~LT_LOG_F_ROOT) | LT_LOG_F_FORK;
		for (int i = 0; i < LT_VKIDS; i++) {
			int z = 0;
			if (__atomic_compare_exchange_n(&lt_vkids[i].tid, &z, -2, 0,
							__ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
				lt_vkids[i].st = c;
				__atomic_store_n(&lt_vkids[i].tid, c->tid, __ATOMIC_RELEASE);
				break;
			}
		}
		if (lt_log_create(c->log, lt_cfg.run_dir, c->pid, info->parent->pid, lf,
				  lt_cfg.strsize, comm) == 0) {
			lt_process_record(c, lf);
			lt_thread_record(c);
			lt_window_record(c, 1);
			lt_arm(c);
		}
	}
	/* Any other CLONE_VM child that is a process of its own is not armed. */
	return info->frame_sp;
}

/* The spare state a vfork child of st will use (allocated here, in the parent). */
static void lt_vchild_prepare(struct lt_thread *st)
{
	if (!st->vchild)
		st->vchild = lt_state_new();
	struct lt_thread *c = st->vchild;
	if (c) {
		char *scratch = c->scratch;
		lt_memset(c, 0, offsetof(struct lt_thread, own_log));
		c->scratch = scratch;
		c->own_log.open = 0;
		c->own_log.fd = -1;
		c->log = &c->own_log;
		c->blocks_sigsys = st->blocks_sigsys;
	}
	st->in_vfork = 1;
}

/* The child has exec'd or exited: its chunk mapping is still in our memory. */
static void lt_vchild_done(struct lt_thread *st)
{
	st->in_vfork = 0;
	if (st->vchild) {
		for (int i = 0; i < LT_VKIDS; i++)
			if (lt_vkids[i].st == st->vchild && lt_vkids[i].tid > 0) {
				lt_vkids[i].st = 0;
				__atomic_store_n(&lt_vkids[i].tid, 0, __ATOMIC_RELEASE);
			}
		lt_chunk_drop(&st->vchild->ck);
		st->vchild->own_log.open = 0;
	}
}

/* Returns from the trap with rax = ret (used where the call cannot be made). */
static void lt_sigreturn_fail(ucontext_t *uc, long ret) __attribute__((noreturn));
static void lt_sigreturn_fail(ucontext_t *uc, long ret)
{
	uc->uc_mcontext.gregs[REG_RAX] = ret;
	/* The kernel's frame for this handler begins 8 bytes below uc (pretcode). */
	lt_sigreturn_at((uintptr_t)uc);
}

/* In a fork child: the parent's log descriptor, chunks and threads are not ours. */
static void lt_forget_parent(void)
{
	if (lt_log.fd >= 0)
		lt_sys1(SYS_close, lt_log.fd);
	lt_log.fd = -1;
	lt_log.open = 0;
	for (unsigned i = 0; i < LT_TAB; i++) {
		struct lt_slot *s = &lt_tab[i];
		if (s->st) {
			lt_chunk_drop(&s->st->ck);
			s->st->ck.seq = 0;
			s->st->ck.lost = 0;
			if (s->tid != 0)
				s->tid = -1;
		}
	}
	for (int i = 0; i < LT_VKIDS; i++)
		lt_vkids[i].tid = 0;
	lt_me = 0;
}

#define LT_NO_RECORD (-1000000L) /* a fork child: the record in flight is the parent's */

static void lt_do_vfork(struct lt_thread *st, struct lt_build *b, unsigned nr, const uint64_t a[6],
			ucontext_t *uc) __attribute__((noreturn));

static long lt_do_clone(struct lt_thread *st, struct lt_build *b, unsigned nr, const uint64_t a[6],
			ucontext_t *uc)
{
	uint64_t flags, child_sp = 0;
	if (nr == SYS_clone3) {
		struct clone_args ca;
		lt_memset(&ca, 0, sizeof ca);
		size_t sz = a[1] < sizeof ca ? a[1] : sizeof ca;
		if (lt_readmem(&ca, a[0], sz) != (long)sz)
			return lt_syscall6(nr, a[0], a[1], 0, 0, 0, 0);
		flags = ca.flags;
		if (ca.stack)
			child_sp = ca.stack + ca.stack_size;
	} else if (nr == SYS_clone) {
		flags = a[0];
		child_sp = a[1];
	} else if (nr == SYS_vfork) {
		flags = CLONE_VM | CLONE_VFORK;
	} else {
		flags = 0;
	}

	if (!(flags & CLONE_VM)) {
		/* fork: the child gets a copy of this frame and returns through it. */
		long ret = lt_syscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		if (ret == 0) {
			lt_pid = (int)lt_sys0(SYS_getpid);
			lt_control_forked();
			int tid = (int)lt_gettid();
			int blocked = st->blocks_sigsys;
			lt_forget_parent();
			struct lt_thread *nst = lt_register(tid);
			if (!nst)
				return 0;
			nst->blocks_sigsys = blocked;
			lt_me = nst;
			uint32_t lf = (lt_cfg.log_flags & ~LT_LOG_F_ROOT) | LT_LOG_F_FORK;
			if (lt_log_ensure(nst, lf) == 0 && lt_arm(nst) == 0) {
				lt_thread_record(nst);
				lt_window_record(nst, 1);
			}
			return LT_NO_RECORD;
		}
		return ret;
	}

	/* CLONE_VM: the child must resume in the program's code with the program's
	 * registers, on its own stack. Everything is blocked so no signal lands on the
	 * half-built child stack; the child's rt_sigreturn sets the program's mask. */
	if (!child_sp) {
		/* vfork (or a CLONE_VM child on our stack). */
		lt_do_vfork(st, b, nr, a, uc);
	}
	uint64_t all = ~0ull, old;
	lt_sys4(SYS_rt_sigprocmask, SIG_SETMASK, &all, &old, 8);
	struct lt_child_info *info = lt_build_frame(uc, child_sp, child_sp, !!(flags & CLONE_VFORK));
	info->flags = flags;
	info->parent = st;
	info->win = lt_win;
	uintptr_t csp = (uintptr_t)info & ~(uintptr_t)15;
	int vf = (flags & CLONE_VFORK) && !(flags & CLONE_THREAD);
	if (vf)
		lt_vchild_prepare(st);
	long ret = lt_clone_thread(nr, a[0], a[1], a[2], a[3], a[4], a[5], (void *)csp, info);
	if (vf)
		lt_vchild_done(st);
	lt_sys4(SYS_rt_sigprocmask, SIG_SETMASK, &old, 0, 8);
	return ret;
}

/* vfork, or any CLONE_VM child on the caller's stack: the child runs on the program's
 * stack, where this handler's frame lies, until it execs or exits. So neither side may
 * come back here: both leave through frames built in a private area (st's vfork stack),
 * the child right away, the parent once it resumes. */
struct lt_vfork_parent {
	struct lt_thread *st;
	struct lt_build b;
	uintptr_t frame_sp;
};

void lt_vfork_stub(long nr, long a0, long a1, long a2, long a3, long a4, long a5, void *csp,
		   void *child_info, void *parent_info) LT_HIDDEN __attribute__((noreturn));
uintptr_t lt_vfork_parent_done(void *pinfo, long ret) LT_HIDDEN;

#define LT_VSTACK (256u << 10)

uintptr_t lt_vfork_parent_done(void *arg, long ret)
{
	struct lt_vfork_parent *p = arg;
	struct lt_thread *st = p->st;
	lt_vchild_done(st);
	struct lt_kucontext *kuc = (struct lt_kucontext *)p->frame_sp;
	kuc->uc_mcontext.gregs[REG_RAX] = ret;
	lt_end(st, &p->b, ret, 0);
	return p->frame_sp;
}

static void lt_do_vfork(struct lt_thread *st, struct lt_build *b, unsigned nr, const uint64_t a[6],
			ucontext_t *uc)
{
	if (!st->vstack) {
		long m = lt_sys6(SYS_mmap, 0, LT_VSTACK, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		st->vstack = (m < 0 && m > -4096) ? 0 : (char *)m;
	}
	if (!st->vstack) {
		/* No private stack: let the program's own site perform it, untraced. */
		lt_end(st, b, -ENOMEM, 0);
		lt_sigreturn_fail(uc, -ENOMEM);
	}
	lt_vchild_prepare(st);
	uintptr_t prog_sp = (uintptr_t)uc->uc_mcontext.gregs[REG_RSP];
	uint64_t all = ~0ull;
	lt_sys4(SYS_rt_sigprocmask, SIG_SETMASK, &all, 0, 8);
	uintptr_t top = (uintptr_t)st->vstack + LT_VSTACK;
	struct lt_child_info *pi = lt_build_frame(uc, top, prog_sp, 1);
	struct lt_vfork_parent *pp =
		(struct lt_vfork_parent *)(((uintptr_t)pi - sizeof *pp) & ~(uintptr_t)15);
	pp->st = st;
	pp->b = *b;
	pp->frame_sp = pi->frame_sp;
	struct lt_child_info *ci = lt_build_frame(uc, (uintptr_t)pp - 64, prog_sp, 1);
	ci->flags = CLONE_VM | CLONE_VFORK;
	ci->parent = st;
	ci->win = lt_win;
	/* The frame's rsp slot: lt_build_frame set rsp but the pretcode slot sits at -8. */
	uintptr_t csp = ((uintptr_t)ci - 64) & ~(uintptr_t)15;
	st->in_vfork = 1;
	/* The handler's frame is abandoned: its nesting level ends here. */
	lt_level_leave(st, b->level);
	pp->b.level = lt_level_enter(st);
	lt_vfork_stub(nr, a[0], a[1], a[2], a[3], a[4], a[5], (void *)csp, ci, pp);
}

/* ---- signals the program sets up ---- */

/* Masks with SIGSYS in them would make the next trap kill the process: strip it, pass
 * our copy to the kernel, and remember the program's view. */

static uint64_t lt_mask_arg(uint64_t addr, uint64_t *copy)
{
	if (!addr || lt_readmem(copy, addr, 8) != 8)
		return addr;
	if (!(*copy & LT_SIGSYS_BIT))
		return addr;
	*copy &= ~LT_SIGSYS_BIT;
	return (uint64_t)(uintptr_t)copy;
}

/* The thread's mask is the one in the trap's frame: rt_sigreturn from this handler sets
 * it, so rt_sigprocmask is done there, not on the live mask (which the return would undo). */
static long lt_sigprocmask(struct lt_thread *st, const uint64_t a[6], ucontext_t *uc)
{
	if (a[3] != 8)
		return -EINVAL;
	uint64_t *mask = (uint64_t *)&uc->uc_sigmask;
	uint64_t old = *mask | (st->blocks_sigsys ? LT_SIGSYS_BIT : 0), set = 0;
	if (a[1]) {
		if (a[0] > SIG_SETMASK)
			return -EINVAL;
		if (lt_readmem(&set, a[1], 8) != 8)
			return -EFAULT;
	}
	if (a[2] && lt_writemem(a[2], &old, 8) != 8)
		return -EFAULT;
	if (!a[1])
		return 0;
	uint64_t v = a[0] == SIG_BLOCK ? old | set : a[0] == SIG_UNBLOCK ? old & ~set : set;
	st->blocks_sigsys = !!(v & LT_SIGSYS_BIT);
	v &= ~(LT_SIGSYS_BIT | (1ull << (SIGKILL - 1)) | (1ull << (SIGSTOP - 1)));
	*mask = v;
	return 0;
}

/* The program's handlers run inside ours, so their entry is recorded (LT_REC_SIGNAL, as
 * strace's "--- SIGx {...} ---"); rt_sigaction shows the program its own values. */
static struct lt_ksigaction lt_prog_act[65];

static void lt_sig_wrapper(int sig, siginfo_t *si, void *uc)
{
	struct lt_thread *st = lt_me;
	if (!st || st->tls_shared || st->in_vfork)
		st = lt_lookup((int)lt_gettid());
	if (st && st->armed && st->selector == SYSCALL_DISPATCH_FILTER_BLOCK) {
		struct lt_rec_signal r;
		r.h.type = LT_REC_SIGNAL;
		r.h.flags = LT_SIG_HANDLER;
		r.h.size = 0;
		r.h.ts = lt_now_mono();
		__builtin_memcpy(r.siginfo, si, sizeof r.siginfo);
		lt_emit(st, &r, sizeof r);
	}
	struct lt_ksigaction *pa = &lt_prog_act[sig > 0 && sig <= 64 ? sig : 0];
	if (pa->flags & SA_SIGINFO)
		((void (*)(int, siginfo_t *, void *))pa->handler)(sig, si, uc);
	else if (pa->handler != SIG_DFL && pa->handler != SIG_IGN)
		((void (*)(int))pa->handler)(sig);
}

/* Handlers we wrap: the program's own functions, not the tracer's (installed with our
 * restorer: the start/stop signals' handler) nor glibc's internal ones. */
static int lt_wrappable(int sig, const struct lt_ksigaction *act)
{
	return act->handler != SIG_DFL && act->handler != SIG_IGN &&
	       act->handler != (void *)lt_sig_wrapper &&
	       act->restorer != (void *)lt_sigreturn_restorer && sig != SIGSYS && sig != 32 &&
	       sig != 33;
}

/* At a window's start: wrap the handlers installed while tracing was off. */
static void lt_wrap_existing(void)
{
	for (int sig = 1; sig <= 64; sig++) {
		struct lt_ksigaction cur;
		if (lt_sys4(SYS_rt_sigaction, sig, 0, &cur, 8) != 0 || !lt_wrappable(sig, &cur))
			continue;
		lt_prog_act[sig] = cur;
		struct lt_ksigaction k = cur;
		k.handler = (void *)lt_sig_wrapper;
		k.flags |= SA_SIGINFO;
		k.mask &= ~LT_SIGSYS_BIT;
		lt_sys4(SYS_rt_sigaction, sig, &k, 0, 8);
	}
}

static long lt_sigaction(struct lt_thread *st, const uint64_t a[6])
{
	struct lt_ksigaction act;
	if (a[0] == SIGSYS) {
		/* Ours stays installed; the program's is kept for the traps that are not
		 * ours (seccomp's SECCOMP_RET_TRAP, a kill -SYS). */
		if (a[3] != 8)
			return -EINVAL;
		struct lt_ksigaction old = lt_prog_sigsys;
		if (a[1]) {
			if (lt_readmem(&act, a[1], sizeof act) != sizeof act)
				return -EFAULT;
			/* A vfork child shares our memory: the parent's view stays. */
			if (st->log == &lt_log)
				lt_prog_sigsys = act;
		}
		if (a[2] && lt_writemem(a[2], &old, sizeof old) != sizeof old)
			return -EFAULT;
		return 0;
	}
	if (a[3] != 8 || a[0] < 1 || a[0] > 64)
		return lt_syscall6(SYS_rt_sigaction, a[0], a[1], a[2], a[3], 0, 0);
	int sig = (int)a[0];
	struct lt_ksigaction prev = lt_prog_act[sig], kold;
	long r;
	if (a[1]) {
		if (lt_readmem(&act, a[1], sizeof act) != sizeof act)
			return -EFAULT;
		lt_control_signal_wanted(sig); /* a control signal the program takes: moved first */
		struct lt_ksigaction k = act;
		k.mask &= ~LT_SIGSYS_BIT;
		if (lt_wrappable(sig, &act) && st->log == &lt_log) {
			lt_prog_act[sig] = act;
			k.handler = (void *)lt_sig_wrapper;
			k.flags |= SA_SIGINFO;
		}
		r = lt_syscall6(SYS_rt_sigaction, sig, (uint64_t)(uintptr_t)&k,
				(uint64_t)(uintptr_t)&kold, 8, 0, 0);
	} else {
		r = lt_syscall6(SYS_rt_sigaction, sig, 0, (uint64_t)(uintptr_t)&kold, 8, 0, 0);
	}
	if (r)
		return r;
	/* The program sees its own handler, never our wrapper. */
	if (kold.handler == (void *)lt_sig_wrapper)
		kold = prev;
	if (a[2] && lt_writemem(a[2], &kold, sizeof kold) != sizeof kold)
		return -EFAULT;
	return 0;
}

/* ---- the trap ---- */

static void lt_forward_sigsys(int sig, siginfo_t *si, ucontext_t *uc)
{
	struct lt_ksigaction *pa = &lt_prog_sigsys;
	if (pa->handler == SIG_IGN && si->si_code <= 0)
		return;
	if (pa->handler == SIG_DFL || pa->handler == SIG_IGN) {
		/* What the kernel would do with a forced SIGSYS the program does not
		 * handle: die of it. */
		struct lt_ksigaction dfl = { SIG_DFL, 0, 0, 0 };
		lt_sys4(SYS_rt_sigaction, SIGSYS, &dfl, 0, 8);
		uint64_t m = LT_SIGSYS_BIT;
		lt_sys4(SYS_rt_sigprocmask, SIG_UNBLOCK, &m, 0, 8);
		lt_sys4(SYS_rt_tgsigqueueinfo, lt_pid, lt_gettid(), SIGSYS, si);
		return;
	}
	struct lt_thread *st = lt_lookup((int)lt_gettid());
	uintptr_t ip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
	if (st && st->armed && si->si_code == 1 /* SYS_SECCOMP */ && st->depth > 0 &&
	    ip >= (uintptr_t)__start_lt_systext && ip < (uintptr_t)__stop_lt_systext) {
		/* The program's filter trapped the call we are making for it: the record in
		 * flight shows what the kernel returned, as strace does (the handler's rax
		 * is what the program sees, and its rt_sigreturn shows that). */
		struct lt_rec_syscall *r = (struct lt_rec_syscall *)(st->scratch +
			(size_t)(st->depth - 1) * LT_SLOT);
		if (r->h.type == LT_REC_SYSCALL && r->nr == (uint32_t)si->si_syscall) {
			st->kret = uc->uc_mcontext.gregs[REG_RAX];
			st->kret_ts = r->h.ts;
		}
	}
	if (st && st->armed) {
		struct lt_rec_signal r;
		r.h.type = LT_REC_SIGNAL;
		r.h.flags = LT_SIG_HANDLER;
		r.h.size = 0;
		r.h.ts = lt_now_mono();
		__builtin_memcpy(r.siginfo, si, sizeof r.siginfo);
		lt_emit(st, &r, sizeof r);
	}
	if (pa->flags & SA_SIGINFO)
		((void (*)(int, siginfo_t *, void *))pa->handler)(sig, si, uc);
	else
		((void (*)(int))pa->handler)(sig);
	/* The program's handler returned into ours, not through its own rt_sigreturn; the
	 * kernel would have run one, so the trace shows one. */
	struct lt_build b;
	uint64_t a[6] = { (uint64_t)(uintptr_t)uc }; /* the frame whose mask is restored */
	if (st && st->armed && lt_begin(st, &b, SYS_rt_sigreturn, a) == 0)
		lt_end(st, &b, uc->uc_mcontext.gregs[REG_RAX], 0);
}

static void lt_arm_signal(ucontext_t *uc, uint32_t win)
{
	if (!lt_on || win != lt_win)
		return;
	struct lt_thread *st = lt_register((int)lt_gettid());
	if (!st)
		return;
	struct lt_thread *cached = lt_me;
	if (cached && cached != st) {
		cached->tls_shared = 1;
		st->tls_shared = 1;
	}
	if (!st->tls_shared)
		lt_me = st;
	if (uc->uc_sigmask.__val[0] & LT_SIGSYS_BIT) {
		st->blocks_sigsys = 1;
		uc->uc_sigmask.__val[0] &= ~LT_SIGSYS_BIT;
	}
	if (!st->armed && lt_arm(st) == 0 && !st->named)
		lt_thread_record(st);
	__atomic_add_fetch(&lt_acks, 1, __ATOMIC_RELEASE);
}

static void lt_disarm_signal(void)
{
	struct lt_thread *st = lt_lookup((int)lt_gettid());
	if (st && st->armed)
		lt_disarm(st);
	if (lt_me && (!st || lt_me == st))
		lt_me = 0;
	__atomic_add_fetch(&lt_acks, 1, __ATOMIC_RELEASE);
}

static void lt_sigsys_other(int sig, siginfo_t *si, ucontext_t *uc)
{
	if (si->si_code == SI_QUEUE && si->si_pid == lt_pid) {
		uint64_t v = (uint64_t)(uintptr_t)si->si_value.sival_ptr;
		if ((v & LT_MAGIC_MASK) == LT_MAGIC_ARM) {
			lt_arm_signal(uc, (uint32_t)v);
			return;
		}
		if ((v & LT_MAGIC_MASK) == LT_MAGIC_DISARM) {
			lt_disarm_signal();
			return;
		}
	}
	lt_forward_sigsys(sig, si, uc);
}

static long lt_perform(struct lt_thread *st, unsigned nr, const uint64_t a[6], ucontext_t *uc,
		       struct lt_build *b)
{
	long fg; /* the shim's descriptors are invisible to the program (preload/fdguard.c) */
	if (lt_fd_guard_syscall(nr, a, &fg))
		return fg;
	uint64_t e[6] = { a[0], a[1], a[2], a[3], a[4], a[5] };
	uint64_t m1, m2;
	int lf = st->log->fd;
	switch (nr) {
	case SYS_rt_sigprocmask:
		return lt_sigprocmask(st, a, uc);
	case SYS_rt_sigaction:
		return lt_sigaction(st, a);
	case SYS_rt_sigsuspend:
		e[0] = lt_mask_arg(a[0], &m1);
		break;
	case SYS_ppoll:
		e[3] = lt_mask_arg(a[3], &m1);
		break;
	case SYS_epoll_pwait:
	case SYS_epoll_pwait2:
		e[4] = lt_mask_arg(a[4], &m1);
		break;
	case SYS_pselect6:
		if (a[5]) {
			uint64_t ss[2];
			if (lt_readmem(ss, a[5], 16) == 16 && ss[1] == 8) {
				uint64_t p = lt_mask_arg(ss[0], &m2);
				if (p != ss[0]) {
					ss[0] = p;
					m1 = (uint64_t)(uintptr_t)ss;
					e[5] = m1;
					return lt_syscall6(nr, e[0], e[1], e[2], e[3], e[4], e[5]);
				}
			}
		}
		break;
	case SYS_close:
		/* Our log descriptor survives programs that close everything. */
		if (lf >= 0 && (int)a[0] == lf)
			return 0;
		break;
	case SYS_close_range:
		if (lf >= 0 && a[0] <= (uint64_t)lf && a[1] >= (uint64_t)lf &&
		    !(a[2] & 4 /* CLOSE_RANGE_CLOEXEC */)) {
			long r = 0;
			if ((uint64_t)lf > a[0])
				r = lt_syscall6(nr, a[0], lf - 1, a[2], 0, 0, 0);
			if (r == 0 && (uint64_t)lf < a[1])
				r = lt_syscall6(nr, lf + 1, a[1], a[2], 0, 0, 0);
			return r;
		}
		break;
	case SYS_clone:
	case SYS_clone3:
	case SYS_fork:
	case SYS_vfork:
		return lt_do_clone(st, b, nr, a, uc);
	case SYS_prctl:
		if (a[0] == PR_SET_NAME)
			st->named = 0;
		break;
	}
	return lt_syscall6(nr, e[0], e[1], e[2], e[3], e[4], e[5]);
}

static void lt_sigsys(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	if (si->si_code != SYS_USER_DISPATCH) {
		lt_sigsys_other(sig, si, uc);
		return;
	}
	greg_t *g = uc->uc_mcontext.gregs;
	unsigned nr = (unsigned)si->si_syscall;
	uint64_t a[6] = { (uint64_t)g[REG_RDI], (uint64_t)g[REG_RSI], (uint64_t)g[REG_RDX],
			  (uint64_t)g[REG_R10], (uint64_t)g[REG_R8], (uint64_t)g[REG_R9] };
	struct lt_thread *st;
	if (lt_clock_in_vdso((uintptr_t)g[REG_RIP]) || !(st = lt_self())) {
		g[REG_RAX] = lt_syscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		return;
	}
	struct lt_build b;
	switch (nr) {
	case SYS_rt_sigreturn: {
		/* The program's handler returns: its frame is at the trap's rsp - 8. Record
		 * it, then perform it on that frame, abandoning ours. */
		uintptr_t sp = (uintptr_t)g[REG_RSP];
		struct lt_kucontext kuc;
		/* The decoder finds the mask it restores at args[0] + LT_SIGFRAME_MASK_OFF. */
		a[0] = sp;
		if (lt_begin(st, &b, nr, a) == 0) {
			long rax = 0;
			if (lt_readmem(&kuc, sp, sizeof kuc) == sizeof kuc)
				rax = kuc.uc_mcontext.gregs[REG_RAX];
			lt_end(st, &b, rax, 0);
		}
		struct lt_kucontext *pk = (struct lt_kucontext *)sp;
		uint64_t m;
		if (lt_readmem(&m, (uintptr_t)&pk->uc_sigmask, 8) == 8 && (m & LT_SIGSYS_BIT)) {
			m &= ~LT_SIGSYS_BIT;
			lt_writemem((uintptr_t)&pk->uc_sigmask, &m, 8);
		}
		lt_sigreturn_at(sp);
	}
	case SYS_exit_group:
		if (lt_begin(st, &b, nr, a) == 0)
			lt_end_unfinished(st, &b);
		lt_exit_record(st, (int)a[0], 0);
		st->selector = SYSCALL_DISPATCH_FILTER_ALLOW;
		lt_control_exit((int)a[0], 0);
		for (;;)
			lt_sys1(SYS_exit_group, a[0]);
	case SYS_exit:
		if (lt_begin(st, &b, nr, a) == 0)
			lt_end_unfinished(st, &b);
		if (lt_me == st)
			lt_me = 0;
		lt_disarm(st);
		lt_release(st);
		for (;;)
			lt_sys1(SYS_exit, a[0]);
	case SYS_kill:
	case SYS_tkill:
	case SYS_tgkill:
		/* These may not come back (abort(), a fatal signal to ourselves): the entry
		 * is in the log first, completed in place if they return. */
	case SYS_execve:
	case SYS_execveat: {
		if (lt_begin(st, &b, nr, a) != 0)
			break;
		struct lt_rec_syscall *done = lt_end_unfinished(st, &b);
		uint64_t t0 = b.r->h.ts;
		char *cbase = st->ck.base;
		uint32_t cseq = st->ck.seq;
		long ret = lt_syscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		/* It came back (for execve: it failed). Complete the record in place, if a
		 * signal handler run meanwhile has not moved this thread to another chunk. */
		if (done && st->ck.base == cbase && st->ck.seq == cseq) {
			done->ret = ret;
			done->dur = lt_now_mono() - t0;
			__atomic_store_n(&done->h.flags, 0, __ATOMIC_RELEASE);
		}
		g[REG_RAX] = ret;
		return;
	}
	}
	uint16_t inj = 0; /* LT_SC_INJECTED/LT_SC_DELAYED when a rule of preload/inject.c fired */
	if (lt_begin(st, &b, nr, a) != 0) {
		g[REG_RAX] = LT_INJECT(nr, a, &inj, lt_perform(st, nr, a, uc, &b));
		return;
	}
	struct lt_early early = { 0 };
	if (lt_blocking(nr, a))
		lt_emit_early(st, &b, &early);
	long ret = LT_INJECT(nr, a, &inj, lt_perform(st, nr, a, uc, &b));
	lt_supersede(st, &early);
	if (ret == LT_NO_RECORD) {
		g[REG_RAX] = 0;
		return;
	}
	g[REG_RAX] = ret;
	lt_end(st, &b, ret, inj);
	lt_patch_site(uc, nr);
}

/* ---- the interposed fast path (wrap.c) ---- */

/* wrap.c's flags for lt_wrap_call: LT_WF_CANCEL, a cancellation point; LT_WF_INDIRECT,
 * captures that depend on a request code or go through pointers the kernel may not have
 * followed in full (ioctl, iovecs, msghdr): both phases planned, memory read through
 * process_vm_readv (never a fault), never copied directly. */
#include "wrap.h"

/* Which capture phases can yield anything for a call, learnt once per syscall number by
 * asking the planner about probe arguments (every argument a pointer, or 1; results that
 * succeed and that fail): a phase that yields nothing for any of them is not planned on
 * the fast path. Only for the wrapped calls, whose captures depend on no flag argument
 * (lt_wrap_call's callers). */
static uint8_t lt_phases_of[512];

static int lt_probe_peek(void *ctx, uint64_t addr, void *dst, size_t len)
{
	(void)ctx;
	(void)addr;
	lt_memset(dst, 0, len);
	return 0;
}

static __attribute__((noinline)) unsigned lt_phases_learn(unsigned nr)
{
	static char dummy[64];
	const uint64_t p = (uint64_t)(uintptr_t)dummy;
	const uint64_t args[2][6] = { { p, p, p, p, p, p }, { 1, 1, 1, 1, 1, 1 } };
	const int64_t rets[] = { 0, 1, 16, -ENOENT, -EACCES, -EINVAL };
	struct lt_cap_req req[LT_CAP_MAX_REQS];
	unsigned ph = LT_PH_KNOWN;
	for (int i = 0; i < 2; i++)
		for (unsigned j = 0; j < sizeof rets / sizeof rets[0]; j++) {
			if (lt_capture_plan(nr, args[i], rets[j], LT_PHASE_ENTRY, lt_cfg.strsize,
					    lt_probe_peek, 0, req, LT_CAP_MAX_REQS) > 0)
				ph |= LT_PH_ENTRY;
			if (lt_capture_plan(nr, args[i], rets[j], LT_PHASE_EXIT, lt_cfg.strsize,
					    lt_probe_peek, 0, req, LT_CAP_MAX_REQS) > 0)
				ph |= LT_PH_EXIT;
		}
	lt_phases_of[nr] = (uint8_t)ph;
	return ph;
}

static inline unsigned lt_phases(unsigned nr)
{
	if (nr >= sizeof lt_phases_of)
		return LT_PH_ENTRY | LT_PH_EXIT;
	unsigned ph = lt_phases_of[nr];
	if (__builtin_expect(ph & LT_PH_KNOWN, 1))
		return ph;
	return lt_phases_learn(nr);
}

struct lt_thread *lt_wrap_self(void)
{
	struct lt_thread *st = lt_me;
	/* Not armed, a vfork child on our memory, or a shared TLS block: let the real
	 * function run; if the thread is armed, the trap records it (never twice). */
	if (!st || st->tls_shared || st->in_vfork ||
	    st->selector != SYSCALL_DISPATCH_FILTER_BLOCK)
		return 0;
	return st;
}

long lt_wrap_call(struct lt_thread *st, unsigned nr, long a0, long a1, long a2, long a3,
		  long a4, long a5, int wf)
{
	int cancel = wf & LT_WF_CANCEL;
	uint64_t a[6] = { (uint64_t)a0, (uint64_t)a1, (uint64_t)a2,
			  (uint64_t)a3, (uint64_t)a4, (uint64_t)a5 };
	if (nr == SYS_close && st->log->fd >= 0 && a0 == st->log->fd)
		return 0;
	struct lt_build b;
	b.level = lt_level_enter(st);
	if (b.level < 0) {
		__atomic_add_fetch(&st->nested_lost, 1, __ATOMIC_RELAXED);
		return lt_syscall6(nr, a0, a1, a2, a3, a4, a5);
	}
	struct lt_rec_syscall *r = (struct lt_rec_syscall *)(st->scratch + (size_t)b.level * LT_SLOT);
	b.r = r;
	b.cap = LT_SLOT;
	b.off = sizeof *r;
	r->h.type = LT_REC_SYSCALL;
	r->h.flags = LT_SC_FAST;
	r->h.size = 0;
	r->nr = nr;
	r->ncaps = 0;
	for (int i = 0; i < 6; i++)
		r->args[i] = a[i];
	/* A cancellation point stays one: the call may be cancelled while it blocks, as in
	 * libc (glibc enables asynchronous cancellation around such calls the same way). */
	int old = 0;
	if (cancel)
		pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
	r->h.ts = lt_now_mono();
	long ret = LT_INJECT(nr, a, &r->h.flags, lt_syscall6(nr, a0, a1, a2, a3, a4, a5));
	uint64_t t1 = lt_now_mono();
	if (cancel && old != PTHREAD_CANCEL_ASYNCHRONOUS)
		pthread_setcanceltype(old, &old);
	long rret = ret;
	if (__builtin_expect(st->kret_ts == r->h.ts, 0))
		rret = st->kret;
	r->ret = rret;
	r->dur = t1 - r->h.ts;
	unsigned ph = (wf & LT_WF_INDIRECT) ? LT_PH_ENTRY | LT_PH_EXIT : lt_phases(nr);
	int trust = !(wf & LT_WF_INDIRECT);
	if (ph & LT_PH_ENTRY)
		lt_capture(&b, nr, a, rret, LT_PHASE_ENTRY, trust);
	if (ph & LT_PH_EXIT)
		lt_capture(&b, nr, a, rret, LT_PHASE_EXIT, trust);
	lt_emit(st, r, b.off);
	lt_level_leave(st, b.level);
	if (!st->named)
		lt_thread_record(st);
	return ret;
}

/* ---- windows ---- */

static int lt_install_handler(void)
{
	struct lt_ksigaction cur, ours = {
		(void *)lt_sigsys,
		/* NODEFER: the program's handlers, running on top of ours, trap too (a trap
		 * while SIGSYS is blocked kills). RESTART: our arm/disarm signals do not
		 * cut the program's restartable calls short. */
		SA_SIGINFO | SA_NODEFER | SA_RESTART | SA_RESTORER,
		(void *)lt_sigreturn_restorer, 0
	};
	long r = lt_sys4(SYS_rt_sigaction, SIGSYS, 0, &cur, 8);
	if (r)
		return (int)r;
	if (cur.handler != (void *)lt_sigsys)
		lt_prog_sigsys = cur;
	r = lt_sys4(SYS_rt_sigaction, SIGSYS, &ours, 0, 8);
	if (r == 0)
		lt_handler_installed = 1;
	return (int)r;
}

/* Sends every thread of the process our SIGSYS carrying magic|win; returns how many. */
struct lt_signal_ctx {
	uint64_t magic;
	int sent;
};

static int lt_signal_task(void *ctx, int dfd, const char *name)
{
	struct lt_signal_ctx *c = ctx;
	long tid = lt_dec_name(name);
	(void)dfd;
	if (tid < 0)
		return 0;
	siginfo_t si;
	lt_memset(&si, 0, sizeof si);
	si.si_signo = SIGSYS;
	si.si_code = SI_QUEUE;
	si.si_pid = lt_pid;
	si.si_value.sival_ptr = (void *)(uintptr_t)c->magic;
	if (lt_sys4(SYS_rt_tgsigqueueinfo, lt_pid, tid, SIGSYS, &si) == 0)
		c->sent++;
	return 0;
}

static int lt_signal_all(uint64_t magic)
{
	struct lt_signal_ctx c = { magic, 0 };
	int r = lt_dir_each("/proc/self/task", lt_signal_task, &c);
	return r < 0 ? r : c.sent;
}

static void lt_wait_acks(int want)
{
	uint64_t t0 = lt_now_mono();
	while (__atomic_load_n(&lt_acks, __ATOMIC_ACQUIRE) < want &&
	       lt_now_mono() - t0 < 50000000ull)
		lt_sys0(SYS_sched_yield);
}

static int native_start(void)
{
	lt_pid = (int)lt_sys0(SYS_getpid);
	uint32_t flags = lt_cfg.log_flags;
	if (lt_log.open && lt_log.pid != lt_pid) {
		/* Forked while tracing was off: a process of its own now. */
		lt_forget_parent();
		flags = (flags & ~LT_LOG_F_ROOT) | LT_LOG_F_FORK;
	}
	int tid = (int)lt_gettid();
	struct lt_thread *st = lt_register(tid);
	if (!st)
		return -ENOMEM;
	int r = lt_log_ensure(st, flags);
	if (r)
		return r;
	r = lt_install_handler();
	if (r)
		return r;
	lt_wrap_existing();
	lt_win++;
	lt_log.exit_logged = 0;
	lt_window_record(st, 1);
	lt_fd_records(st);
	__atomic_store_n(&lt_acks, 0, __ATOMIC_RELEASE);
	lt_on = 1;
	int sent = lt_signal_all(LT_MAGIC_ARM | lt_win);
	lt_wait_acks(sent);
	return 0;
}

static int native_stop(void)
{
	if (!lt_on)
		return 0;
	struct lt_thread *st = lt_register((int)lt_gettid());
	if (st)
		lt_window_record(st, 0);
	lt_on = 0;
	__atomic_store_n(&lt_acks, 0, __ATOMIC_RELEASE);
	int sent = lt_signal_all(LT_MAGIC_DISARM);
	lt_wait_acks(sent);
	return 0;
}

static int native_init(void)
{
	lt_pid = (int)lt_sys0(SYS_getpid);
	lt_clock_init();
	/* SUD must work on this kernel: arm and disarm this thread once. */
	static volatile unsigned char probe = SYSCALL_DISPATCH_FILTER_ALLOW;
	long r = lt_sys5(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON,
			 (uintptr_t)__start_lt_systext,
			 (uintptr_t)(__stop_lt_systext - __start_lt_systext), &probe);
	if (r)
		return r == -EINVAL ? -ENOSYS : (int)r;
	lt_sys5(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0);
	lt_wrap_init();
	return 0;
}

static void native_fini(int code, int signo)
{
	struct lt_thread *st = lt_lookup((int)lt_gettid());
	if (st && !st->log->exit_logged)
		lt_exit_record(st, code, signo);
}

const struct lt_backend lt_backend_native = {
	.name = "native",
	.init = native_init,
	.start = native_start,
	.stop = native_stop,
	.fini = native_fini,
};
