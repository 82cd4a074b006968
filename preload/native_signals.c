/* The program's signal setup, virtualized while tracing: SIGSYS stays ours (its handler and
 * its unblocked state), the program sees and keeps its own; the program's handlers are
 * wrapped so their entry is recorded. */
#include <errno.h>
#include <sys/mman.h>

#include "native_int.h"

/* The program's own SIGSYS action. */
struct lt_ksigaction lt_prog_sigsys;

/* Masks with SIGSYS in them would make the next trap kill the process: strip it, pass
 * our copy to the kernel, and remember the program's view. */

uint64_t lt_mask_arg(int direct, uint64_t addr, uint64_t *copy)
{
	if (!addr || lt_readmem(direct, copy, addr, 8) != 8)
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
	int direct = lt_trap_direct(st, uc);
	if (a[1]) {
		if (a[0] > SIG_SETMASK)
			return -EINVAL;
		if (lt_readmem(direct, &set, a[1], 8) != 8)
			return -EFAULT;
	}
	if (a[2] && lt_writemem(direct, a[2], &old, 8) != 8)
		return -EFAULT;
	if (!a[1])
		return 0;
	uint64_t v = a[0] == SIG_BLOCK ? old | set : a[0] == SIG_UNBLOCK ? old & ~set : set;
	st->blocks_sigsys = !!(v & LT_SIGSYS_BIT);
	st->prog_mask = v;
	v &= ~(LT_SIGSYS_BIT | (1ull << (SIGKILL - 1)) | (1ull << (SIGSTOP - 1)));
	*mask = v;
	return 0;
}

/* The program's handlers run inside ours, so their entry is recorded (LT_REC_SIGNAL, as
 * strace's "--- SIGx {...} ---"); rt_sigaction shows the program its own values. */
static struct lt_ksigaction lt_prog_act[65];

void lt_signal_record(struct lt_thread *st, const siginfo_t *si, uint16_t flags)
{
	struct lt_rec_signal r;
	r.h.type = LT_REC_SIGNAL;
	r.h.flags = flags;
	r.h.size = 0;
	r.h.ts = lt_now_mono();
	__builtin_memcpy(r.siginfo, si, sizeof r.siginfo);
	lt_emit(st, &r, sizeof r);
}

/* The recording thread we run in, or 0. */
static struct lt_thread *lt_signal_thread(void)
{
	struct lt_thread *st = lt_me;
	if (!st || st->tls_shared || st->in_vfork)
		st = lt_lookup((int)lt_gettid());
	return st && st->armed && st->selector == SYSCALL_DISPATCH_FILTER_BLOCK ? st : 0;
}

/* Runs the program's handler pa for sig as the kernel would have, recording its entry. The
 * thread's mask while it runs is the one the kernel set for it (uc's, plus pa's mask and
 * sig itself unless SA_NODEFER); rt_sigreturn restores uc's. */
static void lt_run_handler(int sig, const struct lt_ksigaction *pa, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	struct lt_thread *st = lt_signal_thread();
	if (st) {
		lt_signal_record(st, si, LT_SIG_HANDLER);
		uint64_t m = uc->uc_sigmask.__val[0] | pa->mask;
		if (!(pa->flags & SA_NODEFER))
			m |= 1ull << (sig - 1);
		st->prog_mask = m;
	}
	if (pa->flags & SA_SIGINFO)
		((void (*)(int, siginfo_t *, void *))pa->handler)(sig, si, uc);
	else if (pa->handler != SIG_DFL && pa->handler != SIG_IGN)
		((void (*)(int))pa->handler)(sig);
	if (st)
		st->prog_mask = uc->uc_sigmask.__val[0];
}

static void lt_sig_wrapper(int sig, siginfo_t *si, void *uc)
{
	struct lt_ksigaction pa = lt_prog_act[sig > 0 && sig <= 64 ? sig : 0];
	lt_run_handler(sig, &pa, si, uc);
}

/* ---- SIGSEGV and SIGBUS ----
 * Ours, so a direct copy from a bad program pointer (native_mem.c) comes back as a short
 * copy instead of killing the program. The program's own action is kept in lt_prog_act
 * and is what it sees; every fault that is not ours gets exactly that action. */

int lt_fault_owned;

static int lt_is_fault_sig(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS;
}

void lt_fault(int sig, siginfo_t *si, void *ucv);

/* What the kernel holds for a fault signal whose program action is pa: our handler, with
 * the program's flags and mask when it has a handler (so the kernel applies them: stack,
 * mask, restorer), else a handler of our own. SA_RESETHAND is done by lt_fault, so our
 * handler stays. */
static struct lt_ksigaction lt_fault_action(const struct lt_ksigaction *pa)
{
	struct lt_ksigaction k;
	if (pa->handler == SIG_DFL || pa->handler == SIG_IGN) {
		k.flags = SA_SIGINFO | SA_RESTORER | SA_NODEFER | SA_ONSTACK;
		k.restorer = (void *)lt_sigreturn_restorer;
		k.mask = 0;
	} else {
		k = *pa;
		k.flags = (pa->flags | SA_SIGINFO) & ~(unsigned long)SA_RESETHAND;
		k.mask &= ~LT_SIGSYS_BIT;
	}
	k.handler = (void *)lt_fault;
	return k;
}

int lt_own_fault_signals(void)
{
	for (int sig = SIGBUS; sig <= SIGSEGV; sig += SIGSEGV - SIGBUS) {
		struct lt_ksigaction cur;
		long r = lt_sys4(SYS_rt_sigaction, sig, 0, &cur, 8);
		if (r)
			return (int)r;
		if (cur.handler == (void *)lt_fault)
			continue;
		lt_prog_act[sig] = cur;
		struct lt_ksigaction k = lt_fault_action(&cur);
		if ((r = lt_sys4(SYS_rt_sigaction, sig, &k, 0, 8)))
			return (int)r;
	}
	lt_fault_owned = 1;
	return 0;
}

void lt_fault(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	if (si->si_code > 0 && lt_mem_fixup(uc))
		/* Not through the program's restorer: no rt_sigreturn in the trace. */
		lt_sigreturn_at((uintptr_t)uc);
	struct lt_thread *held = si->si_code <= 0 ? lt_lookup((int)lt_gettid()) : 0;
	if (held && held->faults_unblocked) {
		/* Sent while the program blocks it and a copy of ours unblocked it: it stays
		 * pending, as untraced (native_mem.c sends it again). */
		held->held_fault[sig == SIGSEGV] = *si;
		return;
	}
	struct lt_ksigaction pa = lt_prog_act[sig];
	if (pa.handler == SIG_IGN && si->si_code <= 0)
		return; /* sent by someone, ignored */
	if (pa.handler == SIG_DFL || pa.handler == SIG_IGN) {
		struct lt_thread *st = lt_signal_thread();
		if (st)
			lt_signal_record(st, si, 0);
		/* The kernel's default action, as untraced. A fault (si_code > 0) happens
		 * again when we return to the instruction, now fatal, with the kernel's own
		 * siginfo and a core of the program's state; a signal someone sent is sent
		 * again, to this thread, with its siginfo. */
		struct lt_ksigaction dfl = { SIG_DFL, 0, 0, 0 };
		lt_sys4(SYS_rt_sigaction, sig, &dfl, 0, 8);
		if (si->si_code <= 0) {
			uint64_t m = 1ull << (sig - 1);
			uc->uc_sigmask.__val[0] &= ~m;
			lt_sys4(SYS_rt_sigprocmask, SIG_UNBLOCK, &m, 0, 8);
			lt_sys4(SYS_rt_tgsigqueueinfo, lt_sys0(SYS_getpid), lt_gettid(), sig, si);
		}
		return;
	}
	if (pa.flags & SA_RESETHAND) {
		struct lt_ksigaction dfl = { SIG_DFL, 0, 0, 0 }, k = lt_fault_action(&dfl);
		lt_prog_act[sig] = dfl;
		lt_sys4(SYS_rt_sigaction, sig, &k, 0, 8);
	}
	lt_run_handler(sig, &pa, si, uc);
}

/* Handlers we wrap: the program's own functions, not the tracer's (installed with our
 * restorer: the start/stop signals' handler) nor glibc's internal ones. */
static int lt_wrappable(int sig, const struct lt_ksigaction *act)
{
	return act->handler != SIG_DFL && act->handler != SIG_IGN &&
	       act->handler != (void *)lt_sig_wrapper &&
	       act->restorer != (void *)lt_sigreturn_restorer && sig != SIGSYS && sig != 32 &&
	       sig != 33 && !lt_is_fault_sig(sig);
}

/* ---- alternate signal stacks ----
 * SIGSYS is delivered SA_ONSTACK, so the trap never runs on a stack it could overflow (a
 * coroutine's 4 KiB stack; a signal frame is up to ~12 KiB). A thread whose program set no
 * alternate stack gets the shim's, installed SS_AUTODISARM: while a handler runs on it the
 * kernel holds none, so nested traps stay on it and rt_sigreturn restores whatever the
 * frame's uc_stack says. A thread with its own (Go's gsignal stacks) keeps it, and the
 * trap runs there. The program sees only its own: sigaltstack is answered from prog_ss. */

static int lt_ss_none(const stack_t *ss)
{
	return (ss->ss_flags & SS_DISABLE) || !ss->ss_size;
}

/* The kernel's on_sig_stack for the program's stack and sp. */
static int lt_ss_on(const stack_t *ss, uintptr_t sp)
{
	if (lt_ss_none(ss) || (ss->ss_flags & SS_AUTODISARM))
		return 0;
	return sp > (uintptr_t)ss->ss_sp && sp - (uintptr_t)ss->ss_sp <= ss->ss_size;
}

static int lt_altstack_ours(struct lt_thread *st, stack_t *ss)
{
	if (!st->altstack) {
		long m = lt_sys6(SYS_mmap, 0, LT_ALTSTACK, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
		if (m < 0 && m > -4096)
			return (int)m;
		st->altstack = (char *)m;
	}
	ss->ss_sp = st->altstack;
	ss->ss_size = LT_ALTSTACK;
	ss->ss_flags = SS_AUTODISARM;
	return 0;
}

void lt_altstack_arm(struct lt_thread *st, stack_t *frame_ss)
{
	if (st->altstack && frame_ss->ss_sp == st->altstack)
		return; /* ours already: the program's view is kept in prog_ss */
	if (!lt_ss_none(frame_ss)) {
		st->prog_ss = *frame_ss;
		st->prog_ss.ss_flags &= SS_AUTODISARM;
		return;
	}
	st->prog_ss.ss_sp = 0;
	st->prog_ss.ss_size = 0;
	st->prog_ss.ss_flags = SS_DISABLE;
	lt_altstack_ours(st, frame_ss);
}

void lt_altstack_arm_now(struct lt_thread *st)
{
	stack_t cur, ss;
	if (lt_sys2(SYS_sigaltstack, 0, &cur))
		return;
	ss = cur;
	lt_altstack_arm(st, &ss);
	if (ss.ss_sp != cur.ss_sp)
		lt_sys2(SYS_sigaltstack, &ss, 0);
}

void lt_altstack_child(struct lt_thread *c, stack_t *frame_ss)
{
	stack_t ss;
	if (lt_altstack_ours(c, &ss) == 0)
		*frame_ss = ss;
}

void lt_altstack_disarm(struct lt_thread *st, stack_t *frame_ss)
{
	if (st->altstack && frame_ss->ss_sp == st->altstack)
		*frame_ss = st->prog_ss;
}

/* sigaltstack(ss, oss) as the kernel answers the program from where it called (uc's rsp):
 * oss is the program's own view; a new stack is checked by the kernel itself (made from a
 * side stack, off any alternate one) and becomes the frame's uc_stack, which rt_sigreturn
 * installs; disabling it puts the shim's back. */
long lt_sigaltstack(struct lt_thread *st, const uint64_t a[6], ucontext_t *uc)
{
	int direct = lt_trap_direct(st, uc);
	uintptr_t sp = (uintptr_t)uc->uc_mcontext.gregs[REG_RSP];
	stack_t old = st->prog_ss, ss;
	if (lt_ss_none(&old))
		old.ss_flags = SS_DISABLE;
	else
		old.ss_flags |= lt_ss_on(&st->prog_ss, sp) ? SS_ONSTACK : 0;
	if (st->log != &lt_log) /* a vfork child: no view of its own */
		return lt_syscall6_prog(SYS_sigaltstack, a[0], a[1], 0, 0, 0, 0);
	if (a[0]) {
		if (lt_readmem(direct, &ss, a[0], sizeof ss) != sizeof ss)
			return -EFAULT;
		if (lt_ss_on(&st->prog_ss, sp))
			return -EPERM;
		uint64_t all = ~0ull, mask;
		lt_sys4(SYS_rt_sigprocmask, SIG_SETMASK, &all, &mask, 8);
		long r = lt_syscall_on(SYS_sigaltstack, (long)(uintptr_t)&ss, 0,
				       &st->side_stack[8]);
		lt_sys4(SYS_rt_sigprocmask, SIG_SETMASK, &mask, 0, 8);
		if (r)
			return r;
		if ((ss.ss_flags & ~SS_FLAG_BITS) == SS_DISABLE) {
			st->prog_ss.ss_sp = 0;
			st->prog_ss.ss_size = 0;
			st->prog_ss.ss_flags = SS_DISABLE;
			if (lt_altstack_ours(st, &uc->uc_stack))
				uc->uc_stack = st->prog_ss;
		} else {
			st->prog_ss = ss;
			st->prog_ss.ss_flags &= SS_FLAG_BITS;
			uc->uc_stack = st->prog_ss;
		}
	}
	if (a[1] && lt_writemem(direct, a[1], &old, sizeof old) != sizeof old)
		return -EFAULT;
	return 0;
}

/* The signals with a handler: SigCgt of /proc/self/status (dispositions belong to the
 * process), or all 64 if it cannot be read. One read instead of 64 rt_sigaction probes at
 * each window's start (docs/DESIGN.md, "Start-up cost"). */
static uint64_t lt_caught_signals(void)
{
	char buf[1024];
	long n = lt_read_file("/proc/self/status", buf, sizeof buf - 1);
	if (n <= 0)
		return ~0ull;
	buf[n] = 0;
	const char *v = lt_proc_field(buf, "SigCgt");
	if (!v)
		return ~0ull;
	uint64_t m = 0;
	int digits = 0;
	for (;; v++, digits++) {
		int d = *v >= '0' && *v <= '9' ? *v - '0' :
			*v >= 'a' && *v <= 'f' ? *v - 'a' + 10 : -1;
		if (d < 0)
			break;
		m = m << 4 | (uint64_t)d;
	}
	return digits == 16 && *v == '\n' ? m : ~0ull;
}

/* At a window's start: wrap the handlers installed while tracing was off. */
void lt_wrap_existing(void)
{
	uint64_t caught = lt_caught_signals();
	for (int sig = 1; sig <= 64; sig++) {
		struct lt_ksigaction cur;
		if (!(caught >> (sig - 1) & 1))
			continue;
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

long lt_sigaction(struct lt_thread *st, const uint64_t a[6], int direct)
{
	struct lt_ksigaction act;
	if (a[0] == SIGSYS) {
		/* Ours stays installed; the program's is kept for the traps that are not
		 * ours (seccomp's SECCOMP_RET_TRAP, a kill -SYS). */
		if (a[3] != 8)
			return -EINVAL;
		struct lt_ksigaction old = lt_prog_sigsys;
		if (a[1]) {
			if (lt_readmem(direct, &act, a[1], sizeof act) != sizeof act)
				return -EFAULT;
			/* A vfork child shares our memory: the parent's view stays. */
			if (st->log == &lt_log)
				lt_prog_sigsys = act;
		}
		if (a[2] && lt_writemem(direct, a[2], &old, sizeof old) != sizeof old)
			return -EFAULT;
		return 0;
	}
	if (a[3] != 8 || a[0] < 1 || a[0] > 64)
		return lt_syscall6_prog(SYS_rt_sigaction, a[0], a[1], a[2], a[3], 0, 0);
	int sig = (int)a[0];
	struct lt_ksigaction prev = lt_prog_act[sig], kold;
	long r;
	if (lt_is_fault_sig(sig) && lt_fault_owned && st->log == &lt_log) {
		/* The kernel keeps ours; the program's is what it set and sees. */
		if (a[1]) {
			if (lt_readmem(direct, &act, a[1], sizeof act) != sizeof act)
				return -EFAULT;
			struct lt_ksigaction k = lt_fault_action(&act);
			if ((r = lt_syscall6_prog(SYS_rt_sigaction, sig, (uint64_t)(uintptr_t)&k, 0, 8,
					     0, 0)))
				return r;
			lt_prog_act[sig] = act;
		}
		if (a[2] && lt_writemem(direct, a[2], &prev, sizeof prev) != sizeof prev)
			return -EFAULT;
		return 0;
	}
	if (a[1]) {
		if (lt_readmem(direct, &act, a[1], sizeof act) != sizeof act)
			return -EFAULT;
		lt_control_signal_wanted(sig); /* a control signal the program takes: moved first */
		struct lt_ksigaction k = act;
		k.mask &= ~LT_SIGSYS_BIT;
		if (lt_wrappable(sig, &act) && st->log == &lt_log) {
			lt_prog_act[sig] = act;
			k.handler = (void *)lt_sig_wrapper;
			k.flags |= SA_SIGINFO;
		}
		r = lt_syscall6_prog(SYS_rt_sigaction, sig, (uint64_t)(uintptr_t)&k,
				(uint64_t)(uintptr_t)&kold, 8, 0, 0);
		lt_control_note_flush(st);
	} else {
		r = lt_syscall6_prog(SYS_rt_sigaction, sig, 0, (uint64_t)(uintptr_t)&kold, 8, 0, 0);
	}
	if (r)
		return r;
	/* The program sees its own handler, never our wrapper. */
	if (kold.handler == (void *)lt_sig_wrapper || kold.handler == (void *)lt_fault)
		kold = prev;
	if (a[2] && lt_writemem(direct, a[2], &kold, sizeof kold) != sizeof kold)
		return -EFAULT;
	return 0;
}


/* A trap of the program's own syscall user dispatch (a thread whose dispatch the program
 * took, or one that left tracing otherwise and is never armed again): to its handler with
 * no syscall first, which the program's selector may be blocking. */
void lt_forward_sigsys_prog(int sig, siginfo_t *si, ucontext_t *uc)
{
	struct lt_ksigaction *pa = &lt_prog_sigsys;
	if (pa->handler == SIG_DFL || pa->handler == SIG_IGN)
		lt_forward_sigsys(sig, si, uc); /* it dies of it, as untraced */
	else if (pa->flags & SA_SIGINFO)
		((void (*)(int, siginfo_t *, void *))pa->handler)(sig, si, uc);
	else
		((void (*)(int))pa->handler)(sig);
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
	if (st && st->armed)
		lt_signal_record(st, si, LT_SIG_HANDLER);
	if (pa->flags & SA_SIGINFO)
		((void (*)(int, siginfo_t *, void *))pa->handler)(sig, si, uc);
	else
		((void (*)(int))pa->handler)(sig);
	/* The program's handler returned into ours, not through its own rt_sigreturn; the
	 * kernel would have run one, so the trace shows one. */
	struct lt_build b;
	uint64_t a[6] = { (uint64_t)(uintptr_t)uc }; /* the frame whose mask is restored */
	if (st && st->armed && lt_begin(st, &b, SYS_rt_sigreturn, a, lt_trap_direct(st, uc)) == 0)
		lt_end(st, &b, uc->uc_mcontext.gregs[REG_RAX], 0);
}

