/* Reading and writing the program's memory without ever faulting, and without a syscall on
 * the hot path.
 *
 * Direct copies (lt_ucopy, lt_ucopy_str in native_sys.S) are plain loads and stores; a fault
 * in them is caught by the shim's SIGSEGV/SIGBUS handler (lt_fault, native_signals.c),
 * which resumes at the routine's fixup label: the copy returns the bytes it got. That needs
 * our handler installed (lt_fault_owned) and SIGSEGV/SIGBUS unblocked in the thread: a
 * fault in a blocked signal kills the process whatever its handler. So in a thread that
 * blocks them (LT_COPY_UNBLOCK), each copy unblocks them around itself and restores the
 * exact mask after; a SIGSEGV/SIGBUS someone sent meanwhile is held by lt_fault and sent
 * again once they are blocked, so it stays pending as it would untraced. Only a vfork
 * child (whose signal actions are its own) or a process where our handler could not be
 * installed copies through process_vm_readv/writev (LT_COPY_VM), which never faults but
 * takes the process's mm lock and may be forbidden by the program's seccomp filter. */
#include <errno.h>
#include <sys/uio.h>

#include "native_int.h"

extern const char lt_ucopy_at[] LT_HIDDEN, lt_ucopy_fixup[] LT_HIDDEN;
extern const char lt_ucopy_byte_at[] LT_HIDDEN, lt_ucopy_byte_st[] LT_HIDDEN;
extern const char lt_ucopy_str_at[] LT_HIDDEN, lt_ucopy_str_fixup[] LT_HIDDEN;

#define LT_FAULT_BITS ((1ull << (SIGSEGV - 1)) | (1ull << (SIGBUS - 1)))

/* LT_COPY_UNBLOCK: SIGSEGV and SIGBUS unblocked for the copy; the previous mask. */
struct lt_thread *lt_unblock_faults(uint64_t *old)
{
	struct lt_thread *st = lt_self();
	uint64_t bits = LT_FAULT_BITS;
	if (st)
		st->faults_unblocked = 1;
	lt_sys4(SYS_rt_sigprocmask, SIG_UNBLOCK, &bits, old, 8);
	return st;
}

void lt_reblock_faults(struct lt_thread *st, const uint64_t *old)
{
	lt_sys4(SYS_rt_sigprocmask, SIG_SETMASK, old, 0, 8);
	if (!st)
		return;
	st->faults_unblocked = 0;
	for (int i = 0; i < 2; i++) {
		siginfo_t *si = &st->held_fault[i];
		if (si->si_signo) {
			lt_sys4(SYS_rt_tgsigqueueinfo, lt_sys0(SYS_getpid), lt_gettid(),
				si->si_signo, si);
			si->si_signo = 0;
		}
	}
}

int lt_mem_fixup(ucontext_t *uc)
{
	greg_t *ip = &uc->uc_mcontext.gregs[REG_RIP];
	const char *pc = (const char *)*ip;
	if (pc == lt_ucopy_at || pc == lt_ucopy_byte_at || pc == lt_ucopy_byte_st)
		*ip = (greg_t)lt_ucopy_fixup;
	else if (pc == lt_ucopy_str_at)
		*ip = (greg_t)lt_ucopy_str_fixup;
	else
		return 0;
	return 1;
}

long lt_readmem(int direct, void *dst, uint64_t addr, size_t len)
{
	if (!len)
		return 0;
	if (direct == LT_COPY_UNBLOCK) {
		uint64_t old;
		struct lt_thread *st = lt_unblock_faults(&old);
		long r = lt_readmem(LT_COPY_DIRECT, dst, addr, len);
		lt_reblock_faults(st, &old);
		return r;
	}
	if (direct) {
		size_t n = lt_ucopy(dst, (const void *)(uintptr_t)addr, len);
		return n ? (long)n : -EFAULT;
	}
	struct iovec l = { dst, len }, r = { (void *)(uintptr_t)addr, len };
	return lt_sys6(SYS_process_vm_readv, lt_pid, &l, 1, &r, 1, 0);
}

long lt_readstr(int direct, char *dst, uint64_t addr, size_t len)
{
	if (direct == LT_COPY_UNBLOCK) {
		uint64_t old;
		struct lt_thread *st = lt_unblock_faults(&old);
		long r = (long)lt_ucopy_str(dst, (const char *)(uintptr_t)addr, len);
		lt_reblock_faults(st, &old);
		return r;
	}
	if (direct)
		return (long)lt_ucopy_str(dst, (const char *)(uintptr_t)addr, len);
	/* process_vm_readv reads whole ranges: the planner's length, cut at the NUL below. */
	return lt_readmem(0, dst, addr, len);
}

long lt_writemem(int direct, uint64_t addr, const void *src, size_t len)
{
	if (!len)
		return 0;
	if (direct == LT_COPY_UNBLOCK) {
		uint64_t old;
		struct lt_thread *st = lt_unblock_faults(&old);
		long r = lt_writemem(LT_COPY_DIRECT, addr, src, len);
		lt_reblock_faults(st, &old);
		return r;
	}
	if (direct) {
		size_t n = lt_ucopy((void *)(uintptr_t)addr, src, len);
		return n ? (long)n : -EFAULT;
	}
	struct iovec l = { (void *)src, len }, r = { (void *)(uintptr_t)addr, len };
	return lt_sys6(SYS_process_vm_writev, lt_pid, &l, 1, &r, 1, 0);
}

int lt_peek(void *ctx, uint64_t addr, void *dst, size_t len)
{
	const int *direct = ctx;
	return lt_readmem(*direct, dst, addr, len) == (long)len ? 0 : -EFAULT;
}

int lt_mem_writable(int direct, uint64_t addr, size_t len)
{
	if (direct == LT_COPY_UNBLOCK) {
		uint64_t old;
		struct lt_thread *st = lt_unblock_faults(&old);
		int r = lt_mem_writable(LT_COPY_DIRECT, addr, len);
		lt_reblock_faults(st, &old);
		return r;
	}
	if (direct) /* each byte read and written back: a fault stops it short */
		return lt_ucopy((void *)(uintptr_t)addr, (const void *)(uintptr_t)addr, len) == len;
	char buf[512];
	for (size_t off = 0; off < len; off += sizeof buf) {
		size_t n = len - off < sizeof buf ? len - off : sizeof buf;
		if (lt_readmem(LT_COPY_VM, buf, addr + off, n) != (long)n ||
		    lt_writemem(LT_COPY_VM, addr + off, buf, n) != (long)n)
			return 0;
	}
	return 1;
}
