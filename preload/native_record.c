/* Records of the native backend: a syscall's record built in the thread's scratch slot
 * (captures planned by lib/lt_capture.c), the other record types, and their placement in
 * the thread's chunk of this process image's log. */
#include <errno.h>
#include <fcntl.h>
#include <sys/prctl.h>

#include <pthread.h>

#include "fdguard.h"
#include "inject.h"
#include "lt_syscall.h"
#include "native_int.h"
#include "wrap.h"

/* Copies a finished record into the thread's chunk. A record that cannot be placed is
 * counted as lost, never dropped silently. */
void lt_emit(struct lt_thread *st, void *rec, uint32_t size)
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
struct lt_rec_syscall *lt_emit_keep(struct lt_thread *st, void *rec, uint32_t size)
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

void lt_thread_record(struct lt_thread *st)
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

void lt_process_record(struct lt_thread *st, uint32_t flags)
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

void lt_note_record(struct lt_thread *st, uint32_t code, const char *text)
{
	char buf[sizeof(struct lt_rec_note) + 256];
	struct lt_rec_note *r = (struct lt_rec_note *)buf;
	size_t n = lt_strlen(text);
	if (n > 256 - 8)
		n = 256 - 8;
	lt_memset(buf, 0, sizeof buf);
	r->h.type = LT_REC_NOTE;
	r->h.ts = lt_now_mono();
	r->code = code;
	r->text_len = (uint32_t)n;
	lt_memcpy(r + 1, text, n);
	lt_emit(st, r, (uint32_t)LT_ALIGN8(sizeof *r + n));
}

/* The control plane's newest note (a control signal moved off one the program took,
 * preload/control_signals.c), once per process image: checked where it can change (a
 * trapped rt_sigaction) and when a window opens. */
void lt_control_note_flush(struct lt_thread *st)
{
	static unsigned noted;
	uint32_t code;
	const char *text;
	unsigned seq = lt_control_note(&code, &text);
	if (seq && __atomic_exchange_n(&noted, seq, __ATOMIC_ACQ_REL) != seq)
		lt_note_record(st, code, text);
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

void lt_fd_records(struct lt_thread *st)
{
	lt_dir_each("/proc/self/fd", lt_fd_record, st);
}

void lt_window_record(struct lt_thread *st, int on)
{
	struct lt_rec_window r;
	lt_memset(&r, 0, sizeof r);
	r.h.type = LT_REC_WINDOW;
	r.h.ts = lt_now_mono();
	r.on = (uint32_t)on;
	r.seq = lt_win;
	lt_emit(st, &r, sizeof r);
}

void lt_exit_record(struct lt_thread *st, int code, int signo)
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


/* Calls whose entry captures are inputs the call does not change and whose memory the
 * kernel has read in full when it succeeds (the fast path's trusted set): when trapped
 * (glibc's internal calls: stdio's writes, the loader's opens), they are captured after
 * the call with direct copies, not a process_vm_readv per region before it. */
static inline int lt_defer_ok(unsigned nr)
{
	const struct lt_sysent *se = lt_sysent_get(nr);
	return se && (se->flags & LT_SYS_F_TRUSTED);
}


/* Every copy from the program is fault-safe (native_mem.c): direct, with SIGSEGV/SIGBUS
 * unblocked once around the captures of a thread that blocks them, or through
 * process_vm_readv (vfork children). No copy trusts that the kernel has read the memory
 * (write to /dev/null reads none of its buffer). */
void lt_capture(struct lt_build *b, unsigned nr, const uint64_t a[6], int64_t ret,
		enum lt_cap_phase phase)
{
	int mode = b->direct;
	uint64_t mask;
	struct lt_thread *unblocked = 0;
	if (mode == LT_COPY_UNBLOCK) {
		unblocked = lt_unblock_faults(&mask);
		mode = LT_COPY_DIRECT;
	}
	struct lt_cap_req req[LT_CAP_MAX_REQS];
	int n = lt_capture_plan(nr, a, ret, phase, lt_cfg.strsize, lt_peek, &mode, req,
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
		int str = !!(flags & LT_CAP_STR);
		if (mode == LT_COPY_DIRECT)
			got = (long)(str ? lt_ucopy_str(data, (const char *)(uintptr_t)req[i].addr, len)
					 : lt_ucopy(data, (const void *)(uintptr_t)req[i].addr, len));
		else if (str)
			got = lt_readstr(mode, data, req[i].addr, len);
		else
			got = lt_readmem(mode, data, req[i].addr, len);
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
	if (b->direct == LT_COPY_UNBLOCK)
		lt_reblock_faults(unblocked, &mask);
}

int lt_begin(struct lt_thread *st, struct lt_build *b, unsigned nr, const uint64_t a[6],
	     int direct)
{
	b->direct = direct;
	b->level = lt_level_enter(st);
	if (b->level < 0) {
		__atomic_add_fetch(&st->nested_lost, 1, __ATOMIC_RELAXED);
		return -1;
	}
	struct lt_rec_syscall *r = lt_build_start(st, b, nr, a, 0);
	r->ret = 0;
	r->dur = 0;
	b->defer = lt_defer_ok(nr);
	if (!b->defer)
		lt_capture(b, nr, a, 0, LT_PHASE_ENTRY);
	r->h.ts = lt_now_mono();
	return 0;
}

void lt_end(struct lt_thread *st, struct lt_build *b, long ret, uint16_t flags)
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
			lt_capture(b, r->nr, r->args, ret, LT_PHASE_ENTRY);
		if (ph & LT_PH_EXIT)
			lt_capture(b, r->nr, r->args, ret, LT_PHASE_EXIT);
	} else {
		lt_capture(b, r->nr, r->args, ret, LT_PHASE_EXIT);
	}
	lt_emit(st, r, b->off);
	lt_level_leave(st, b->level);
	if (!st->named)
		lt_thread_record(st);
}

/* An entry-only record (exit, exit_group, execve before it is performed). */
struct lt_rec_syscall *lt_end_unfinished(struct lt_thread *st, struct lt_build *b)
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

int lt_blocking(unsigned nr, const uint64_t a[6])
{
	const struct lt_sysent *se = lt_sysent_get(nr);
	if (!se || !(se->flags & LT_SYS_F_BLOCKING))
		return 0;
	if (nr == SYS_futex) { /* only its WAIT operations */
		unsigned op = (unsigned)a[1] & 0x7f;
		return op == 0 /* FUTEX_WAIT */ || op == 9 /* FUTEX_WAIT_BITSET */;
	}
	return 1;
}


void lt_emit_early(struct lt_thread *st, struct lt_build *b, struct lt_early *e)
{
	b->r->h.flags = LT_SC_UNFINISHED;
	e->rec = lt_emit_keep(st, b->r, b->off);
	b->r->h.flags = 0;
	e->cbase = st->ck.base;
	e->cseq = st->ck.seq;
	e->foff = e->rec ? st->ck.off + (uint64_t)((char *)e->rec - st->ck.base) : 0;
}

void lt_supersede(struct lt_thread *st, const struct lt_early *e)
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

int lt_log_ensure(struct lt_thread *st, uint32_t flags)
{
	if (lt_log.open && lt_log.pid == lt_pid)
		return 0;
	char comm[17];
	lt_memset(comm, 0, sizeof comm);
	/* The process's name is its main thread's: one prctl on the main thread, not an
	 * open/read/read/close of /proc/self/comm (docs/DESIGN.md, "Start-up cost"). */
	if (!st || st->tid != lt_pid || lt_sys2(SYS_prctl, PR_GET_NAME, comm) != 0) {
		lt_memset(comm, 0, sizeof comm);
		long n = lt_read_file("/proc/self/comm", comm, 16);
		if (n > 0 && comm[n - 1] == '\n')
			comm[n - 1] = 0;
	}
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



/* Which capture phases can yield anything for a call, learnt once per syscall number by
 * asking the planner about probe arguments (every argument a pointer, or 1; results that
 * succeed and that fail): a phase that yields nothing for any of them is not planned on
 * the fast path. Only for the wrapped calls, whose captures depend on no flag argument
 * (lt_wrap_call's callers). */
uint8_t lt_phases_of[512];

static int lt_probe_peek(void *ctx, uint64_t addr, void *dst, size_t len)
{
	(void)ctx;
	(void)addr;
	lt_memset(dst, 0, len);
	return 0;
}

__attribute__((noinline)) unsigned lt_phases_learn(unsigned nr)
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



/* The interposed fast path (wrap.c): the wrapper makes the call itself from the allowed
 * region and records it, without a trap. Here, beside lt_capture and lt_emit, so the
 * compiler sees them whole. */
/* The call itself, as the program made it, with the shim's descriptors hidden: the same
 * check lt_perform makes on the trap path (a rewritten site records through here). */
static long lt_wrap_perform(unsigned nr, const uint64_t a[6])
{
	long fg;
	if (lt_fd_guard_syscall(nr, a, &fg))
		return fg;
	return lt_syscall6_prog(nr, (long)a[0], (long)a[1], (long)a[2], (long)a[3], (long)a[4],
				(long)a[5]);
}

long lt_wrap_call(struct lt_thread *st, unsigned nr, long a0, long a1, long a2, long a3,
		  long a4, long a5, int wf)
{
	int cancel = wf & LT_WF_CANCEL;
	uint64_t a[6] = { (uint64_t)a0, (uint64_t)a1, (uint64_t)a2,
			  (uint64_t)a3, (uint64_t)a4, (uint64_t)a5 };
	struct lt_build b;
	b.direct = st->log == &lt_log ? lt_mem_direct(st->prog_mask) : LT_COPY_VM;
	/* As on the trap path: a filter no trap could return through ends this thread's
	 * tracing before it is installed. */
	if (__builtin_expect(nr == SYS_seccomp || nr == SYS_prctl, 0) &&
	    lt_seccomp_forbids_return(nr, a, b.direct))
		lt_seccomp_untraceable(st);
	b.level = lt_level_enter(st);
	if (b.level < 0) {
		__atomic_add_fetch(&st->nested_lost, 1, __ATOMIC_RELAXED);
		return lt_wrap_perform(nr, a);
	}
	struct lt_rec_syscall *r = lt_build_start(st, &b, nr, a, LT_SC_FAST);
	unsigned ph = (wf & LT_WF_INDIRECT) ? LT_PH_ENTRY | LT_PH_EXIT : lt_phases(nr);
	/* What the call rewrites (getsockname's length, recvmsg's msghdr, sendfile's offset)
	 * is read before it, as on the trap path; only trusted inputs wait until after. */
	int entry_first = (ph & LT_PH_ENTRY) && !lt_defer_ok(nr);
	if (entry_first)
		lt_capture(&b, nr, a, 0, LT_PHASE_ENTRY);
	/* A cancellation point stays one: the call may be cancelled while it blocks, as in
	 * libc (glibc enables asynchronous cancellation around such calls the same way). */
	int old = 0;
	if (cancel)
		pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
	r->h.ts = lt_now_mono();
	long ret = LT_INJECT(nr, a, &r->h.flags, lt_wrap_perform(nr, a));
	uint64_t t1 = lt_now_mono();
	if (cancel && old != PTHREAD_CANCEL_ASYNCHRONOUS)
		pthread_setcanceltype(old, &old);
	long rret = ret;
	if (__builtin_expect(st->kret_ts == r->h.ts, 0))
		rret = st->kret;
	r->ret = rret;
	r->dur = t1 - r->h.ts;
	if ((ph & LT_PH_ENTRY) && !entry_first)
		lt_capture(&b, nr, a, rret, LT_PHASE_ENTRY);
	if (ph & LT_PH_EXIT)
		lt_capture(&b, nr, a, rret, LT_PHASE_EXIT);
	lt_emit(st, r, b.off);
	lt_level_leave(st, b.level);
	if (!st->named)
		lt_thread_record(st);
	/* As on the trap path (a call site rewritten to come here may make it). */
	if (__builtin_expect(nr == SYS_ptrace, 0) && a0 == 0 /* PTRACE_TRACEME */ && ret == 0)
		lt_tracee(st);
	return ret;
}
