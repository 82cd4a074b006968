/* The trap: while a window is open every syscall an armed thread makes outside the shim's
 * allowed region (section lt_systext) raises SIGSYS; lt_sigsys records it, performs it from
 * the allowed region (lt_perform) and returns into the program with its result. Also
 * handles the window's arm/disarm signals, and forwards SIGSYS that are not ours. */
#include <errno.h>
#include <sys/prctl.h>
#include <time.h>

#include "fdguard.h"
#include "inject.h"
#include "native_int.h"
#include "patch.h"

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
	st->prog_mask = uc->uc_sigmask.__val[0];
	if (uc->uc_sigmask.__val[0] & LT_SIGSYS_BIT) {
		st->blocks_sigsys = 1;
		uc->uc_sigmask.__val[0] &= ~LT_SIGSYS_BIT;
	}
	lt_clock_check_thread();
	if (!st->armed && lt_arm(st) == 0) {
		lt_altstack_arm(st, &uc->uc_stack);
		if (!st->named)
			lt_thread_record(st);
	}
	__atomic_add_fetch(&lt_acks, 1, __ATOMIC_RELEASE);
}

static void lt_disarm_signal(ucontext_t *uc)
{
	struct lt_thread *st = lt_lookup((int)lt_gettid());
	if (st && st->armed) {
		lt_disarm(st);
		lt_altstack_disarm(st, &uc->uc_stack);
	}
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
			lt_disarm_signal(uc);
			return;
		}
	}
	lt_forward_sigsys(sig, si, uc);
}

/* select's nfds as the kernel would take it untraced (fdguard.c, "select's reach"): it
 * changes only when the sets hold something, or end, where the shim's larger descriptor
 * table would make the kernel look. */
static uint64_t lt_select_nfds(const uint64_t a[6], int direct)
{
	long from, nfds = (int)a[0];
	long to = lt_fd_guard_select_extra(nfds, &from);
	if (!to)
		return a[0];
	for (int i = 1; i <= 3; i++) {
		uint64_t w[16];
		for (long bit = from & ~63L; a[i] && bit < to; bit += 64 * 16) {
			long n = (to - bit + 63) / 64;
			n = n > 16 ? 16 : n;
			if (lt_readmem(direct, w, a[i] + (uint64_t)bit / 8, (size_t)n * 8) != n * 8)
				return (uint64_t)lt_fd_guard_select_nfds(nfds);
			for (long k = 0; k < n; k++)
				if (w[k])
					return (uint64_t)lt_fd_guard_select_nfds(nfds);
		}
	}
	return a[0];
}

long lt_perform(struct lt_thread *st, unsigned nr, const uint64_t a[6], ucontext_t *uc,
		       struct lt_build *b)
{
	long fg; /* the shim's descriptors are invisible to the program (preload/fdguard.c) */
	if (lt_fd_guard_syscall(nr, a, &fg) || lt_sud_guard(nr, a, &fg))
		return fg;
	uint64_t e[6] = { a[0], a[1], a[2], a[3], a[4], a[5] };
	uint64_t m1, m2;
	int lf = st->log->fd;
	int direct = lt_trap_direct(st, uc);
	if (nr == SYS_select || nr == SYS_pselect6)
		e[0] = lt_select_nfds(a, direct);
	switch (nr) {
	case SYS_rt_sigprocmask:
		return lt_sigprocmask(st, a, uc);
	case SYS_rt_sigaction:
		return lt_sigaction(st, a, direct);
	case SYS_sigaltstack:
		return lt_sigaltstack(st, a, uc);
	case SYS_rt_sigsuspend:
		e[0] = lt_mask_arg(direct, a[0], &m1);
		break;
	case SYS_ppoll:
		e[3] = lt_mask_arg(direct, a[3], &m1);
		break;
	case SYS_epoll_pwait:
	case SYS_epoll_pwait2:
		e[4] = lt_mask_arg(direct, a[4], &m1);
		break;
	case SYS_pselect6:
		if (a[5]) {
			uint64_t ss[2];
			if (lt_readmem(direct, ss, a[5], 16) == 16 && ss[1] == 8) {
				uint64_t p = lt_mask_arg(direct, ss[0], &m2);
				if (p != ss[0]) {
					ss[0] = p;
					m1 = (uint64_t)(uintptr_t)ss;
					e[5] = m1;
					return lt_syscall6_prog(nr, e[0], e[1], e[2], e[3], e[4], e[5]);
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
				r = lt_syscall6_prog(nr, a[0], lf - 1, a[2], 0, 0, 0);
			if (r == 0 && (uint64_t)lf < a[1])
				r = lt_syscall6_prog(nr, lf + 1, a[1], a[2], 0, 0, 0);
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
		else if (a[0] == PR_SET_TSC && a[1] == PR_TSC_SIGSEGV)
			lt_clock_no_tsc(); /* before: the record's end reads the clock */
		else if (a[0] == PR_SET_SECCOMP && (a[1] == 1 || a[1] == 2)) /* STRICT, FILTER */
			return lt_seccomp_perform(st, nr, a, direct);
		break;
	case SYS_seccomp:
		if (a[0] == 0 || a[0] == 1) /* SECCOMP_SET_MODE_STRICT, _FILTER */
			return lt_seccomp_perform(st, nr, a, direct);
		break;
	}
	return lt_syscall6_prog(nr, e[0], e[1], e[2], e[3], e[4], e[5]);
}

/* A trap the shim does not record: from the vDSO, or from a thread it does not know.
 * Returns 1 if it performed the call. */
static inline int lt_trap_untraced(greg_t *g, unsigned nr, const uint64_t a[6],
				   struct lt_thread **stp)
{
	if (lt_clock_in_vdso((uintptr_t)g[REG_RIP])) {
		/* The vDSO falls back to the syscall for the monotonic clock: its clocksource
		 * cannot be read from user space, so the shim's timestamps skip the vDSO. */
		if (nr == SYS_clock_gettime && a[0] == CLOCK_MONOTONIC)
			lt_clock_no_tsc();
		g[REG_RAX] = lt_syscall6_prog(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		return 1;
	}
	if (!(*stp = lt_self())) {
		g[REG_RAX] = lt_syscall6_prog(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		return 1;
	}
	return 0;
}

/* rt_sigreturn: the program's handler returns: its frame is at the trap's rsp - 8.
 * Record it, then perform it on that frame, abandoning ours. */
static __attribute__((noreturn, noinline, cold)) void
lt_trap_sigreturn(struct lt_thread *st, greg_t *g, uint64_t a[6], int direct)
{
	struct lt_build b;
	uintptr_t sp = (uintptr_t)g[REG_RSP];
	struct lt_kucontext kuc;
	/* The decoder finds the mask it restores at args[0] + LT_SIGFRAME_MASK_OFF. */
	a[0] = sp;
	if (lt_begin(st, &b, SYS_rt_sigreturn, a, direct) == 0) {
		long rax = 0;
		if (lt_readmem(direct, &kuc, sp, sizeof kuc) == sizeof kuc)
			rax = kuc.uc_mcontext.gregs[REG_RAX];
		lt_end(st, &b, rax, 0);
	}
	struct lt_kucontext *pk = (struct lt_kucontext *)sp;
	uint64_t m;
	if (lt_readmem(direct, &m, (uintptr_t)&pk->uc_sigmask, 8) == 8) {
		st->prog_mask = m;
		if (m & LT_SIGSYS_BIT) {
			m &= ~LT_SIGSYS_BIT;
			lt_writemem(direct, (uintptr_t)&pk->uc_sigmask, &m, 8);
		}
	}
	lt_sigreturn_at(sp);
}

/* seccomp/prctl installing a filter that would kill the return from here: the thread
 * leaves tracing and makes the call again from its own site. */
static __attribute__((noinline, cold)) void
lt_trap_seccomp_untraceable(struct lt_thread *st, greg_t *g, unsigned nr, const uint64_t a[6],
			    int direct)
{
	struct lt_build b;
	if (lt_begin(st, &b, nr, a, direct) == 0)
		lt_end_unfinished(st, &b);
	lt_seccomp_untraceable(st);
	g[REG_RIP] -= 2; /* the syscall instruction */
	g[REG_RAX] = nr;
}

/* exit_group and exit: recorded unfinished (they do not return), then performed. */
static __attribute__((noreturn, noinline, cold)) void
lt_trap_exit(struct lt_thread *st, unsigned nr, const uint64_t a[6], int direct)
{
	struct lt_build b;
	if (lt_begin(st, &b, nr, a, direct) == 0)
		lt_end_unfinished(st, &b);
	if (nr == SYS_exit_group) {
		lt_exit_record(st, (int)a[0], 0);
		st->selector = SYSCALL_DISPATCH_FILTER_ALLOW;
		lt_control_exit((int)a[0], 0);
		if (st->log != &lt_log && lt_lookup(st->tid) == st)
			lt_release(st); /* a CLONE_VM sibling: its state is in our table */
		for (;;)
			lt_sys1(SYS_exit_group, a[0]);
	}
	if (lt_me == st)
		lt_me = 0;
	lt_disarm(st);
	lt_release(st);
	for (;;)
		lt_sys1(SYS_exit, a[0]);
}

/* kill, tkill, tgkill may not come back (abort(), a fatal signal to ourselves), nor does
 * a successful execve: the entry is in the log first, completed in place if they return.
 * Returns 0 if no record could begin (the caller takes the common path). */
static __attribute__((noinline)) int
lt_trap_may_not_return(struct lt_thread *st, greg_t *g, unsigned nr, const uint64_t a[6],
		       ucontext_t *uc, int direct)
{
	struct lt_build b;
	if (lt_begin(st, &b, nr, a, direct) != 0)
		return 0;
	struct lt_rec_syscall *done = lt_end_unfinished(st, &b);
	uint64_t t0 = b.r->h.ts;
	char *cbase = st->ck.base;
	uint32_t cseq = st->ck.seq;
	long ret = lt_perform(st, nr, a, uc, &b);
	/* It came back (for execve: it failed). Complete the record in place, if a
	 * signal handler run meanwhile has not moved this thread to another chunk. */
	if (done && st->ck.base == cbase && st->ck.seq == cseq) {
		done->ret = ret;
		done->dur = lt_now_mono() - t0;
		__atomic_store_n(&done->h.flags, 0, __ATOMIC_RELEASE);
	}
	g[REG_RAX] = ret;
	return 1;
}

/* The calls that leave the common path: 1 if handled (g[REG_RAX] set), 0 to go on. */
static inline int lt_trap_special(struct lt_thread *st, ucontext_t *uc, unsigned nr,
				  uint64_t a[6], int direct)
{
	greg_t *g = uc->uc_mcontext.gregs;
	switch (nr) {
	case SYS_rt_sigreturn:
		lt_trap_sigreturn(st, g, a, direct);
	case SYS_seccomp:
	case SYS_prctl:
		if (__builtin_expect(lt_seccomp_forbids_return(nr, a, direct), 0)) {
			lt_trap_seccomp_untraceable(st, g, nr, a, direct);
			return 1;
		}
		return 0;
	case SYS_exit_group:
	case SYS_exit:
		lt_trap_exit(st, nr, a, direct);
	case SYS_kill:
	case SYS_tkill:
	case SYS_tgkill:
	case SYS_execve:
	case SYS_execveat:
		return lt_trap_may_not_return(st, g, nr, a, uc, direct);
	}
	return 0;
}

void lt_sigsys(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	if (si->si_code != SYS_USER_DISPATCH) {
		lt_sigsys_other(sig, si, uc);
		return;
	}
	struct lt_thread *me = lt_me;
	if (__builtin_expect(me && !me->tls_shared && !me->in_vfork && me->tracee && !me->armed,
			     0)) {
		lt_forward_sigsys_prog(sig, si, uc); /* not ours: this thread is never armed */
		return;
	}
	greg_t *g = uc->uc_mcontext.gregs;
	unsigned nr = (unsigned)si->si_syscall;
	uint64_t a[6] = { (uint64_t)g[REG_RDI], (uint64_t)g[REG_RSI], (uint64_t)g[REG_RDX],
			  (uint64_t)g[REG_R10], (uint64_t)g[REG_R8], (uint64_t)g[REG_R9] };
	struct lt_thread *st;
	if (lt_trap_untraced(g, nr, a, &st))
		return;
	/* A call site that trapped, from the program (si->si_call_addr is the instruction
	 * after its syscall): the place where a site patcher learns of it. */
	int direct = lt_trap_direct(st, uc);
	st->prog_mask = uc->uc_sigmask.__val[0];
	if (lt_trap_special(st, uc, nr, a, direct))
		return;
	struct lt_build b;
	uint16_t inj = 0; /* LT_SC_INJECTED/LT_SC_DELAYED when a rule of preload/inject.c fired */
	if (lt_begin(st, &b, nr, a, direct) != 0) {
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
	/* Its tracer would see every later trap as a SIGSYS stop: disarmed for good. */
	if (__builtin_expect(nr == SYS_ptrace, 0) && a[0] == 0 /* PTRACE_TRACEME */ && ret == 0)
		lt_tracee(st);
	if (__builtin_expect(nr == SYS_prctl, 0))
		lt_sud_taken(st, nr, a, ret);
	if (__builtin_expect(lt_seccomp_denied != 0, 0))
		lt_seccomp_note(st);
	lt_patch_site(uc, nr);
}
