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
#include <sys/prctl.h>

#include "native_int.h"
#include "wrap.h"

struct lt_log lt_log;
int lt_pid;
volatile int lt_on;
volatile uint32_t lt_win;
volatile int lt_acks;
static int lt_handler_installed;

/* ---- the interposed fast path (wrap.c) ---- */

/* A thread the window's arm signal could not reach (it blocks SIGSYS: jemalloc's
 * background thread blocks every signal) is armed at its first interposed call: SIGSYS is
 * unblocked for real (the program keeps seeing it blocked, blocks_sigsys), which delivers
 * the pending arm signal; failing that, it is armed here, or left as it was. */
static __attribute__((noinline, cold)) void lt_wrap_arm_late(void)
{
	int tid = (int)lt_gettid();
	struct lt_thread *st = lt_lookup(tid);
	uint32_t win = lt_win;
	/* armed (its TLS block is shared), a tracee, or tried in this window already */
	if (st && (st->armed || st->tracee || st->late_win == win))
		return;
	if (!st && !(st = lt_register(tid)))
		return;
	st->late_win = win;
	uint64_t cur, m = LT_SIGSYS_BIT;
	if (lt_sys4(SYS_rt_sigprocmask, SIG_BLOCK, 0, &cur, 8) || !(cur & LT_SIGSYS_BIT))
		return;
	st->blocks_sigsys = 1;
	lt_sys4(SYS_rt_sigprocmask, SIG_UNBLOCK, &m, 0, 8);
	if (st->armed || !lt_on)
		return;
	/* No arm signal was pending (it was for an older window): arm here. */
	st->prog_mask = cur;
	if (lt_arm(st) == 0) {
		lt_altstack_arm_now(st);
		if (!lt_me)
			lt_me = st;
		lt_thread_record(st);
	} else {
		lt_sys4(SYS_rt_sigprocmask, SIG_BLOCK, &m, 0, 8);
	}
}

struct lt_thread *lt_wrap_self(void)
{
	struct lt_thread *st = lt_me;
	if (__builtin_expect(!st, 0)) {
		if (lt_on)
			lt_wrap_arm_late();
		return 0;
	}
	/* Not armed, a vfork child on our memory, or a shared TLS block: let the real
	 * function run; if the thread is armed, the trap records it (never twice). */
	if (st->tls_shared || st->in_vfork || st->selector != SYSCALL_DISPATCH_FILTER_BLOCK)
		return 0;
	return st;
}

/* ---- windows ---- */

static int lt_install_handler(void)
{
	struct lt_ksigaction cur, ours = {
		(void *)lt_sigsys,
		/* NODEFER: the program's handlers, running on top of ours, trap too (a trap
		 * while SIGSYS is blocked kills). RESTART: our arm/disarm signals do not
		 * cut the program's restartable calls short. ONSTACK: never on a stack the
		 * trap could overflow (native_signals.c). */
		SA_SIGINFO | SA_NODEFER | SA_RESTART | SA_RESTORER | SA_ONSTACK,
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
	/* A ptraced thread would stop for its tracer on our signal: never armed (its state
	 * holds the note if it is this one). */
	if (lt_task_traced((int)tid)) {
		struct lt_thread *st = lt_lookup((int)tid);
		if (st && tid == lt_gettid())
			lt_tracee(st);
		return 0;
	}
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
	lt_clock_check_thread(); /* before the first timestamp */
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
	/* Without our fault handler, copies fall back to process_vm_readv (native_mem.c). */
	lt_own_fault_signals();
	lt_wrap_existing();
	lt_win++;
	lt_log.exit_logged = 0;
	lt_window_record(st, 1);
	lt_control_note_flush(st);
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

int lt_native_sees_exit(void)
{
	struct lt_thread *st = lt_me;
	/* A thread under a seccomp filter that left it untraced: any call of the exit hooks'
	 * may be one the filter kills (the process would die of SIGSYS), so they stay out. */
	return !(st && !st->tls_shared && !st->in_vfork && st->tracee &&
		 st->gone_why != LT_NOTE_SECCOMP);
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
