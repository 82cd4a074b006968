/* Per-thread state of the native backend: mmap'ed, found through a lock-free table keyed by
 * tid (a thread from raw clone has no usable TLS of its own); an initial-exec TLS pointer
 * caches it when the thread's TLS block is its own. Arming is Syscall User Dispatch's prctl
 * with the thread's selector byte. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/prctl.h>

#include "native_int.h"

__thread struct lt_thread *lt_me __attribute__((tls_model("initial-exec")));
static struct lt_slot lt_tab[LT_TAB];
/* vfork children now running on our memory, for threads that find their state by tid. */
struct lt_slot lt_vkids[LT_VKIDS];

static unsigned lt_hash(int tid)
{
	return ((unsigned)tid * 2654435761u) % LT_TAB;
}

struct lt_thread *lt_lookup(int tid)
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

/* One mapping per state: a guard page, the stack calls through rewritten sites are
 * recorded on (patch.h; it ends where the state begins), the state, its scratch slots. */
struct lt_thread *lt_state_new(void)
{
	_Static_assert(sizeof(struct lt_thread) <= LT_STATE_HDR, "lt_thread too big");
	_Static_assert(offsetof(struct lt_thread, entry_busy) == 0, "patch_entry.S reads it");
	size_t below = 4096 + LT_PATCH_STACK;
	size_t sz = below + LT_STATE_HDR + (size_t)LT_MAX_DEPTH * LT_SLOT;
	long p = lt_sys6(SYS_mmap, 0, sz, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p < 0 && p > -4096)
		return 0;
	lt_sys3(SYS_mprotect, p, 4096, PROT_NONE); /* an overflow faults, if allowed */
	struct lt_thread *st = (struct lt_thread *)(p + (long)below);
	st->scratch = (char *)st + LT_STATE_HDR;
	return st;
}

/* The state of thread tid, created if needed. Only tid itself (or the thread creating
 * it, before it runs) registers tid, so probes never race for the same key. */
/* A state taken for thread tid: what a previous owner left is cleared, but the mappings
 * it made (scratch, stacks, vfork state) are kept for reuse. */
static void lt_state_reset(struct lt_thread *st, int tid)
{
	char *scratch = st->scratch, *vstack = st->vstack, *altstack = st->altstack;
	struct lt_thread *vchild = st->vchild;
	lt_memset(st, 0, offsetof(struct lt_thread, own_log));
	st->scratch = scratch;
	st->vstack = vstack;
	st->altstack = altstack;
	st->vchild = vchild;
	st->tid = tid;
	st->pid = lt_pid;
	st->log = &lt_log;
}

struct lt_thread *lt_register(int tid)
{
	struct lt_thread *st = lt_lookup(tid);
	if (st && st->log == &lt_log)
		return st;
	if (st) {
		/* A CLONE_VM sibling that ended without releasing its state (killed, or
		 * exit_group): its tid is someone else's now. */
		lt_chunk_drop(&st->ck);
		st->own_log.open = 0;
		lt_state_reset(st, tid);
		return st;
	}
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
		lt_state_reset(st, tid);
		__atomic_store_n(&s->tid, tid, __ATOMIC_RELEASE);
		return st;
	}
	return 0;
}

void lt_release(struct lt_thread *st)
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

struct lt_thread *lt_self(void)
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

static int lt_task_tracer(int tid)
{
	char path[48], buf[1024];
	lt_snprintf(path, sizeof path, "/proc/self/task/%d/status", tid);
	long n = lt_read_file(path, buf, sizeof buf - 1);
	if (n <= 0)
		return 0;
	buf[n] = 0;
	const char *v = lt_proc_field(buf, "TracerPid");
	int pid = 0;
	while (v && *v >= '0' && *v <= '9')
		pid = pid * 10 + (*v++ - '0');
	return pid;
}

/* A tracer that is a process of this run (it has a log in the run directory) is the
 * program's own debugger, sandbox or test harness, which expects exactly the stops it
 * would see untraced. A tracer from outside the run (strace or gdb around the launcher)
 * is the user's, and sees the traps as SIGSYS stops it passes on. */
int lt_task_traced(int tid)
{
	int tracer = lt_task_tracer(tid);
	if (tracer <= 0)
		return 0;
	char path[PATH_MAX];
	lt_snprintf(path, sizeof path, "%s/%d%s", lt_cfg.run_dir, tracer, LT_LOG_SUFFIX);
	return lt_sys4(SYS_faccessat, AT_FDCWD, path, F_OK, 0) == 0;
}

void lt_untrace_for_good(struct lt_thread *st, uint32_t code, const char *why)
{
	if (st->armed)
		lt_disarm(st);
	st->selector = SYSCALL_DISPATCH_FILTER_ALLOW;
	if (!st->tracee) {
		lt_note_record(st, code, why);
		st->gone_why = code;
	}
	st->tracee = 1;
}

void lt_tracee(struct lt_thread *st)
{
	lt_untrace_for_good(st, LT_NOTE_PTRACED,
			    "this thread is ptraced: no longer traced (every trap would stop it "
			    "for its tracer)");
}

/* The program's own prctl(PR_SET_SYSCALL_USER_DISPATCH). While the shim traces a thread,
 * the thread's dispatch is the shim's and, as the program sees it, off: turning it off is
 * answered here as the kernel answers it, and the shim's stays. 1 if answered. */
int lt_sud_guard(unsigned nr, const uint64_t a[6], long *ret)
{
	if (nr != SYS_prctl || (uint32_t)a[0] != PR_SET_SYSCALL_USER_DISPATCH ||
	    a[1] != PR_SYS_DISPATCH_OFF)
		return 0;
	*ret = a[2] || a[3] || a[4] ? -EINVAL : 0;
	return 1;
}

/* After the call: turning it on (any mode the kernel took) replaced the shim's dispatch
 * with the program's, which the shim cannot share and must not turn off: the thread
 * leaves tracing for good, as a ptraced one does. */
void lt_sud_taken(struct lt_thread *st, unsigned nr, const uint64_t a[6], long ret)
{
	if (nr != SYS_prctl || (uint32_t)a[0] != PR_SET_SYSCALL_USER_DISPATCH || ret != 0 ||
	    a[1] == PR_SYS_DISPATCH_OFF)
		return;
	st->armed = 0;
	lt_untrace_for_good(st, LT_NOTE_TEXT,
			    "the program set its own syscall user dispatch, which replaces the "
			    "tracer's: this thread is no longer traced");
}

int lt_arm(struct lt_thread *st)
{
	/* Nothing of this thread is in flight while it is unarmed; a state found again by a
	 * reused tid may hold a dead thread's nesting levels. */
	st->depth = 0;
	st->in_log = 0;
	if (st->tracee || lt_task_traced(st->tid)) {
		lt_tracee(st);
		return -EBUSY;
	}
	st->selector = SYSCALL_DISPATCH_FILTER_BLOCK;
	long r = lt_sys5(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON,
			 (uintptr_t)__start_lt_systext,
			 (uintptr_t)(__stop_lt_systext - __start_lt_systext), &st->selector);
	if (r == 0)
		st->armed = 1;
	else
		st->selector = SYSCALL_DISPATCH_FILTER_ALLOW; /* nor the interposed path */
	return (int)r;
}

void lt_disarm(struct lt_thread *st)
{
	lt_sys5(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0);
	st->armed = 0;
}

void lt_forget_parent(void)
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

