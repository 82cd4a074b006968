/* The program's signal setup, virtualized while tracing: SIGSYS stays ours (its handler and
 * its unblocked state), the program sees and keeps its own; the program's handlers are
 * wrapped so their entry is recorded. */
#include <errno.h>

#include "native_int.h"

/* The program's own SIGSYS action. */
struct lt_ksigaction lt_prog_sigsys;

/* Masks with SIGSYS in them would make the next trap kill the process: strip it, pass
 * our copy to the kernel, and remember the program's view. */

uint64_t lt_mask_arg(uint64_t addr, uint64_t *copy)
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
long lt_sigprocmask(struct lt_thread *st, const uint64_t a[6], ucontext_t *uc)
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
void lt_wrap_existing(void)
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

long lt_sigaction(struct lt_thread *st, const uint64_t a[6])
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


void lt_forward_sigsys(int sig, siginfo_t *si, ucontext_t *uc)
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

