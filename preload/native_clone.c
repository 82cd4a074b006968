/* clone, clone3, fork and vfork, trapped: a child that shares our memory must resume in the
 * program's code with the program's registers, so the shim builds a signal frame for it
 * and the child leaves by rt_sigreturn (native_sys.S). */
#include <errno.h>
#include <linux/sched.h>
#include <sys/mman.h>
#include <sys/prctl.h>

#include "native_int.h"

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

/* The bytes lt_build_frame writes below place. */
static size_t lt_frame_room(const ucontext_t *uc)
{
	const void *fp = uc->uc_mcontext.fpregs;
	return 256 + (fp ? lt_fpstate_size(fp) + 64 : 0) + sizeof(struct lt_kucontext) + 32 +
	       sizeof(struct lt_child_info) + 16;
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

/* A process of its own on our memory (vfork and posix_spawn while the parent waits, or a
 * CLONE_VM sibling running beside it): it logs into a log of its own under its own pid,
 * through state c that nothing else uses, touching nothing else the parent owns. */
static void lt_own_process_start(struct lt_thread *c, int ppid)
{
	c->tid = (int)lt_gettid();
	c->pid = (int)lt_sys0(SYS_getpid);
	c->log = &c->own_log;
	c->own_log.open = 0;
	c->own_log.fd = -1;
	char comm[16];
	lt_memset(comm, 0, sizeof comm);
	lt_sys2(SYS_prctl, PR_GET_NAME, comm);
	uint32_t lf = (lt_cfg.log_flags & ~LT_LOG_F_ROOT) | LT_LOG_F_FORK;
	if (lt_log_create(c->log, lt_cfg.run_dir, c->pid, ppid, lf, lt_cfg.strsize, comm) == 0) {
		lt_process_record(c, lf);
		lt_thread_record(c);
		lt_window_record(c, 1);
		lt_arm(c);
	}
}

/* In a fork child (a clone without CLONE_VM), made from thread st of the parent: the
 * parent's log, chunks and threads are not ours; this thread starts a log of its own. */
static struct lt_thread *lt_fork_child(struct lt_thread *st)
{
	lt_pid = (int)lt_sys0(SYS_getpid);
	lt_control_forked();
	int tid = (int)lt_gettid();
	int blocked = st->blocks_sigsys;
	uint64_t mask = st->prog_mask;
	stack_t ss = st->prog_ss;
	char *alt = st->altstack;
	lt_forget_parent();
	struct lt_thread *nst = lt_register(tid);
	if (!nst)
		return 0;
	nst->blocks_sigsys = blocked;
	nst->prog_mask = mask;
	nst->prog_ss = ss;
	if (nst != st) {
		/* The stack in use is the parent's state's (copied with the memory): this
		 * thread's state takes it, the other the spare. */
		st->altstack = nst->altstack;
		nst->altstack = alt;
	}
	lt_me = nst;
	uint32_t lf = (lt_cfg.log_flags & ~LT_LOG_F_ROOT) | LT_LOG_F_FORK;
	if (lt_log_ensure(nst, lf) == 0 && lt_arm(nst) == 0) {
		lt_thread_record(nst);
		lt_window_record(nst, 1);
	}
	return nst;
}

/* Runs first in a child made by lt_clone_thread, on its new stack, with every signal
 * blocked: sets up its tracing, then returns where rt_sigreturn finds the program's
 * registers and signal mask. info is 0 when no frame could be written on the stack the
 * program gave: its child would have faulted at once, so this one does. */
uintptr_t lt_native_child_start(void *arg)
{
	struct lt_child_info *info = arg;
	if (!info)
		for (;;)
			lt_sys3(SYS_tgkill, lt_sys0(SYS_getpid), lt_gettid(), SIGSEGV);
	struct lt_kucontext *kuc = (struct lt_kucontext *)info->frame_sp;
	uint64_t flags = info->flags;
	if (!(flags & CLONE_VM)) {
		/* A fork on a stack of its own. */
		if (info->parent)
			lt_fork_child(info->parent);
	} else if ((flags & CLONE_THREAD) && lt_on && info->win == lt_win) {
		int tid = (int)lt_gettid();
		struct lt_thread *st = lt_register(tid);
		if (st) {
			if (flags & CLONE_SETTLS) {
				lt_me = st;
			} else {
				/* It runs on its parent's TLS block: both must look up by tid. */
				st->tls_shared = 1;
				if (info->parent)
					info->parent->tls_shared = 1;
			}
			st->prog_mask = kuc->uc_sigmask;
			if (lt_arm(st) == 0)
				lt_altstack_arm(st, &kuc->uc_stack);
			lt_thread_record(st);
		}
	} else if ((flags & CLONE_VFORK) && lt_on && info->parent && info->parent->vchild) {
		struct lt_thread *c = info->parent->vchild;
		for (int i = 0; i < LT_VKIDS; i++) {
			int z = 0;
			if (__atomic_compare_exchange_n(&lt_vkids[i].tid, &z, -2, 0,
							__ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
				lt_vkids[i].st = c;
				__atomic_store_n(&lt_vkids[i].tid, (int)lt_gettid(),
						 __ATOMIC_RELEASE);
				break;
			}
		}
		lt_own_process_start(c, info->parent->pid);
	} else if (!(flags & CLONE_VFORK) && lt_on && info->win == lt_win && info->parent) {
		/* A CLONE_VM sibling (not a thread, not waited for): a state of its own,
		 * found by tid; if it shares its parent's TLS block, neither may trust it. */
		struct lt_thread *c = lt_register((int)lt_gettid());
		if (c) {
			if (flags & CLONE_SETTLS) {
				lt_me = c;
			} else {
				c->tls_shared = 1;
				info->parent->tls_shared = 1;
			}
			c->prog_mask = kuc->uc_sigmask;
			c->prog_ss = info->parent->prog_ss;
			lt_own_process_start(c, info->parent->pid);
			lt_altstack_arm(c, &kuc->uc_stack);
		}
	}
	return info->frame_sp;
}

/* The spare state a vfork child of st will use (allocated here, in the parent), and the
 * alternate stack its frame ci installs: its own, never the one the parent's handler is
 * running on (the child would write over the parent's frame). */
static void lt_vchild_prepare(struct lt_thread *st, struct lt_child_info *ci)
{
	if (!st->vchild)
		st->vchild = lt_state_new();
	struct lt_thread *c = st->vchild;
	stack_t *frame_ss = &((struct lt_kucontext *)ci->frame_sp)->uc_stack;
	frame_ss->ss_sp = 0;
	frame_ss->ss_size = 0;
	frame_ss->ss_flags = SS_DISABLE;
	if (c) {
		char *scratch = c->scratch, *altstack = c->altstack;
		lt_memset(c, 0, offsetof(struct lt_thread, own_log));
		c->scratch = scratch;
		c->altstack = altstack;
		lt_altstack_child(c, frame_ss);
		c->own_log.open = 0;
		c->own_log.fd = -1;
		c->log = &c->own_log;
		c->blocks_sigsys = st->blocks_sigsys;
		c->prog_mask = st->prog_mask;
		c->prog_ss = st->prog_ss;
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

static void lt_do_vfork(struct lt_thread *st, struct lt_build *b, unsigned nr, const uint64_t a[6],
			ucontext_t *uc) __attribute__((noreturn));

/* clone3's argument, read as the kernel reads it before it does anything: 0, or the error
 * it would return (the shim builds nothing from arguments the kernel would refuse). */
static long lt_clone3_args(int direct, const uint64_t a[6], struct clone_args *ca)
{
	uint64_t size = a[1];
	lt_memset(ca, 0, sizeof *ca);
	if (size > 4096)
		return -E2BIG;
	if (size < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	size_t n = size < sizeof *ca ? size : sizeof *ca;
	if (lt_readmem(direct, ca, a[0], n) != (long)n)
		return -EFAULT;
	/* The tail must be zero; like the kernel's check_zeroed_user, word by aligned word,
	 * so a nonzero word before an unmapped page is E2BIG, not EFAULT. */
	for (uint64_t off = n, k; off < size; off += k) {
		uint64_t word = 0;
		k = 8 - ((a[0] + off) & 7);
		if (k > size - off)
			k = size - off;
		if (lt_readmem(direct, &word, a[0] + off, k) != (long)k)
			return -EFAULT;
		if (word)
			return -E2BIG;
	}
	/* A stack is an address and a size, or neither. */
	if (!ca->stack != !ca->stack_size)
		return -EINVAL;
	return 0;
}

#define LT_VSTACK (256u << 10)

/* st's private stack (vfork, and the frame of a fork on a stack of its own), mapped at its
 * first use; 0 when it cannot be. */
static char *lt_vstack(struct lt_thread *st)
{
	if (!st->vstack) {
		long m = lt_sys6(SYS_mmap, 0, LT_VSTACK, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		st->vstack = (m < 0 && m > -4096) ? 0 : (char *)m;
	}
	return st->vstack;
}

long lt_do_clone(struct lt_thread *st, struct lt_build *b, unsigned nr, const uint64_t a[6],
			ucontext_t *uc)
{
	uint64_t flags, child_sp = 0;
	if (nr == SYS_clone3) {
		struct clone_args ca;
		long r = lt_clone3_args(lt_trap_direct(st, uc), a, &ca);
		if (r)
			return r;
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

	if (!(flags & CLONE_VM) && !child_sp) {
		/* fork: the child gets a copy of this frame and returns through it. */
		long ret = lt_syscall6_prog(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		if (ret == 0)
			return lt_fork_child(st) ? LT_NO_RECORD : 0;
		return ret;
	}

	/* A child on a stack of its own (CLONE_VM, or a fork on a new stack) must resume in
	 * the program's code with the program's registers, on that stack. Everything is
	 * blocked so no signal lands on the half-built child stack; the child's
	 * rt_sigreturn sets the program's mask. */
	if (!child_sp) {
		/* vfork (or a CLONE_VM child on our stack). */
		lt_do_vfork(st, b, nr, a, uc);
	}
	/* The program's stack is the program's business: if the frame cannot be written
	 * there, the kernel still decides, and the child faults at once as it would. (Probed
	 * before signals are blocked: a fault must reach lt_fault.) */
	uintptr_t place = child_sp;
	int writable;
	if (!(flags & CLONE_VM) && lt_vstack(st)) {
		/* A fork on a stack of its own gets a copy of our memory: its frame is built
		 * in st's private stack, never on the program's, which may be too small for it
		 * (strace's clone-flags and ioctl_nsfs give one page; a frame with AVX-512
		 * state takes more). */
		place = (uintptr_t)st->vstack + LT_VSTACK;
		writable = 1;
	} else {
		writable = lt_mem_writable(lt_trap_direct(st, uc), child_sp - lt_frame_room(uc),
					   lt_frame_room(uc));
	}
	uint64_t all = ~0ull, old;
	lt_sys4(SYS_rt_sigprocmask, SIG_SETMASK, &all, &old, 8);
	struct lt_child_info *info = 0;
	uintptr_t csp = child_sp;
	int vf = (flags & CLONE_VM) && (flags & CLONE_VFORK) && !(flags & CLONE_THREAD);
	if (writable) {
		/* A thread or CLONE_VM sibling starts with no alternate stack; a fork or
		 * vfork child keeps the program's. */
		int keep = !(flags & CLONE_VM) || (flags & CLONE_VFORK);
		info = lt_build_frame(uc, place, child_sp, keep);
		info->flags = flags;
		info->parent = st;
		info->win = lt_win;
		csp = (uintptr_t)info & ~(uintptr_t)15;
		if (vf)
			lt_vchild_prepare(st, info);
	} else {
		vf = 0;
	}
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
	if (!lt_vstack(st)) {
		/* No private stack: let the program's own site perform it, untraced. */
		lt_end(st, b, -ENOMEM, 0);
		lt_sigreturn_fail(uc, -ENOMEM);
	}
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
	lt_vchild_prepare(st, ci);
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

