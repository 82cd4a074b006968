/* The program's seccomp filters, as seen installed while traced (the call's argument is
 * the BPF program): every later call the shim makes for itself (lt_syscall6, sys.S) is run
 * through a copy of them first, and one they would not allow (kill, trap, errno, trace,
 * notify) is not made: the shim gets -EPERM (or the filter's errno) and takes its
 * fallback, and the trace gets one LT_NOTE_SECCOMP per call number. The program's own
 * calls are performed as they are (lt_syscall6_prog): the kernel applies its filters.
 * Filters inherited from before (a parent, another image) cannot be read; the shim's calls
 * survive the EPERM they mostly answer. exit and exit_group are never held back. */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/prctl.h>

#include "native_int.h"

#define LT_FILTERS 16       /* filters kept (a process rarely installs more than a few) */
#define LT_FILTER_MAX 4096  /* BPF_MAXINSNS */

struct lt_filter {
	uint32_t len;
	const struct sock_filter *insns;
};

static struct lt_filter lt_filters[LT_FILTERS];
static volatile int lt_nfilters;
int lt_filters_on LT_HIDDEN;         /* read by sys.S: 1 once a filter is kept */
volatile uint32_t lt_seccomp_denied; /* 1: calls not made, to be noted */
static uint64_t lt_pending[512 / 64]; /* call numbers not made, not noted yet */
static uint64_t lt_noted[512 / 64];   /* call numbers already noted */

long lt_syscall6_checked(long nr, long a, long b, long c, long d, long e, long f) LT_HIDDEN;

/* Classic BPF as seccomp runs it, on d. An instruction it does not know: the worst. */
static uint32_t lt_bpf_run(const struct sock_filter *f, uint32_t len,
			   const struct seccomp_data *d)
{
	uint32_t A = 0, X = 0, M[BPF_MEMWORDS] = { 0 };
	for (uint32_t pc = 0; pc < len; pc++) {
		const struct sock_filter *i = &f[pc];
		uint32_t k = i->k, v = BPF_SRC(i->code) == BPF_X ? X : k;
		switch (BPF_CLASS(i->code)) {
		case BPF_LD:
			if (i->code == (BPF_LD | BPF_W | BPF_ABS) && k <= sizeof *d - 4 && !(k & 3))
				A = *(const uint32_t *)((const char *)d + k);
			else if (i->code == (BPF_LD | BPF_W | BPF_LEN))
				A = sizeof *d;
			else if (i->code == (BPF_LD | BPF_IMM))
				A = k;
			else if (i->code == (BPF_LD | BPF_MEM) && k < BPF_MEMWORDS)
				A = M[k];
			else
				return SECCOMP_RET_KILL_PROCESS;
			break;
		case BPF_LDX:
			if (i->code == (BPF_LDX | BPF_W | BPF_LEN))
				X = sizeof *d;
			else if (i->code == (BPF_LDX | BPF_IMM))
				X = k;
			else if (i->code == (BPF_LDX | BPF_MEM) && k < BPF_MEMWORDS)
				X = M[k];
			else
				return SECCOMP_RET_KILL_PROCESS;
			break;
		case BPF_ST:
		case BPF_STX:
			if (k >= BPF_MEMWORDS)
				return SECCOMP_RET_KILL_PROCESS;
			M[k] = BPF_CLASS(i->code) == BPF_ST ? A : X;
			break;
		case BPF_ALU:
			switch (BPF_OP(i->code)) {
			case BPF_ADD: A += v; break;
			case BPF_SUB: A -= v; break;
			case BPF_MUL: A *= v; break;
			case BPF_DIV: A = v ? A / v : 0; break;
			case BPF_MOD: A = v ? A % v : 0; break;
			case BPF_OR: A |= v; break;
			case BPF_AND: A &= v; break;
			case BPF_XOR: A ^= v; break;
			case BPF_LSH: A = v < 32 ? A << v : 0; break;
			case BPF_RSH: A = v < 32 ? A >> v : 0; break;
			case BPF_NEG: A = -A; break;
			default: return SECCOMP_RET_KILL_PROCESS;
			}
			break;
		case BPF_JMP: {
			int t;
			switch (BPF_OP(i->code)) {
			case BPF_JA: pc += k; continue;
			case BPF_JEQ: t = A == v; break;
			case BPF_JGT: t = A > v; break;
			case BPF_JGE: t = A >= v; break;
			case BPF_JSET: t = (A & v) != 0; break;
			default: return SECCOMP_RET_KILL_PROCESS;
			}
			pc += t ? i->jt : i->jf;
			break;
		}
		case BPF_RET:
			return BPF_RVAL(i->code) == BPF_A ? A : k;
		case BPF_MISC:
			if (BPF_MISCOP(i->code) == BPF_TAX)
				X = A;
			else
				A = X;
			break;
		}
	}
	return SECCOMP_RET_KILL_PROCESS;
}

/* What the filters answer for call nr with args: 0 to make it, else the error to return. */
static long lt_seccomp_verdict(long nr, const long args[6])
{
	struct seccomp_data d;
	d.nr = (int)nr;
	d.arch = AUDIT_ARCH_X86_64;
	d.instruction_pointer = (uint64_t)(uintptr_t)lt_syscall6_prog;
	for (int i = 0; i < 6; i++)
		d.args[i] = (uint64_t)args[i];
	int32_t worst = (int32_t)SECCOMP_RET_ALLOW;
	uint32_t ret = SECCOMP_RET_ALLOW;
	int n = __atomic_load_n(&lt_nfilters, __ATOMIC_ACQUIRE);
	for (int i = 0; i < n; i++) {
		uint32_t r = lt_bpf_run(lt_filters[i].insns, lt_filters[i].len, &d);
		/* the kernel's precedence: the lowest action, compared signed */
		if ((int32_t)(r & SECCOMP_RET_ACTION_FULL) < worst) {
			worst = (int32_t)(r & SECCOMP_RET_ACTION_FULL);
			ret = r;
		}
	}
	switch (ret & SECCOMP_RET_ACTION_FULL) {
	case SECCOMP_RET_ALLOW:
	case SECCOMP_RET_LOG:
		return 0;
	case SECCOMP_RET_ERRNO:
		return (ret & SECCOMP_RET_DATA) ? -(long)(ret & SECCOMP_RET_DATA) : -EPERM;
	case SECCOMP_RET_TRACE:
	case SECCOMP_RET_USER_NOTIF:
		return -ENOSYS;
	}
	return -EPERM;
}

long lt_syscall6_checked(long nr, long a, long b, long c, long d, long e, long f)
{
	const long args[6] = { a, b, c, d, e, f };
	if (nr != SYS_exit && nr != SYS_exit_group) {
		long v = lt_seccomp_verdict(nr, args);
		if (v) {
			if ((unsigned long)nr < 512)
				__atomic_fetch_or(&lt_pending[nr / 64], 1ull << (nr % 64),
						  __ATOMIC_RELAXED);
			lt_seccomp_denied = 1;
			return v;
		}
	}
	return lt_syscall6_prog(nr, a, b, c, d, e, f);
}

void lt_seccomp_note(struct lt_thread *st)
{
	lt_seccomp_denied = 0;
	for (unsigned w = 0; w < 512 / 64; w++) {
		uint64_t bits = __atomic_exchange_n(&lt_pending[w], 0, __ATOMIC_RELAXED) &
				~lt_noted[w];
		lt_noted[w] |= bits;
		for (unsigned b = 0; bits; b++, bits >>= 1) {
			if (!(bits & 1))
				continue;
			char text[128];
			lt_snprintf(text, sizeof text,
				    "the program's seccomp filter forbids syscall %u to the "
				    "tracer: not made", w * 64 + b);
			lt_note_record(st, LT_NOTE_SECCOMP, text);
		}
	}
}

/* SECCOMP_MODE_STRICT as the filter it amounts to: read, write, exit and rt_sigreturn;
 * anything else kills. */
static const struct sock_filter lt_strict[] = {
	BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_read, 4, 0),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_write, 3, 0),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_exit, 2, 0),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_rt_sigreturn, 1, 0),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_THREAD),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
};

/* 1 if the filter that seccomp(SECCOMP_SET_MODE_FILTER, ...) or prctl(PR_SET_SECCOMP,
 * SECCOMP_MODE_FILTER, ...) installs would not let a trap return (rt_sigreturn from the
 * shim's restorer): strace's seccomp-filter-v allows close and exit only. */
int lt_seccomp_forbids_return(unsigned nr, const uint64_t a[6], int direct)
{
	if (!((nr == SYS_seccomp && a[0] == SECCOMP_SET_MODE_FILTER) ||
	      (nr == SYS_prctl && a[0] == PR_SET_SECCOMP && a[1] == SECCOMP_MODE_FILTER)))
		return 0;
	struct { uint16_t len; uint16_t pad[3]; uint64_t filter; } p;
	if (lt_readmem(direct, &p, a[2], sizeof p) != sizeof p || !p.len || p.len > LT_FILTER_MAX)
		return 0; /* the kernel refuses it */
	size_t bytes = (size_t)p.len * sizeof(struct sock_filter);
	long m = lt_sys6(SYS_mmap, 0, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			 -1, 0);
	if (m < 0 && m > -4096)
		return 0;
	int forbids = 0;
	const struct sock_filter *last = (const struct sock_filter *)m + p.len - 1;
	/* the kernel refuses a program whose last instruction is not a return
	 * (bpf_check_classic): it installs nothing (strace's seccomp-filter) */
	if (lt_readmem(direct, (void *)m, p.filter, bytes) == (long)bytes &&
	    (last->code == (BPF_RET | BPF_K) || last->code == (BPF_RET | BPF_A))) {
		struct seccomp_data d;
		lt_memset(&d, 0, sizeof d);
		d.nr = SYS_rt_sigreturn;
		d.arch = AUDIT_ARCH_X86_64;
		d.instruction_pointer = (uint64_t)(uintptr_t)lt_sigreturn_restorer;
		uint32_t r = lt_bpf_run((const struct sock_filter *)m, p.len, &d);
		forbids = (r & SECCOMP_RET_ACTION_FULL) != SECCOMP_RET_ALLOW &&
			  (r & SECCOMP_RET_ACTION_FULL) != SECCOMP_RET_LOG;
	}
	lt_sys2(SYS_munmap, m, bytes);
	return forbids;
}

/* This thread is about to install a filter under which no trap could return: it leaves
 * tracing for good (disarmed, as a ptraced thread is), with a note in the trace. */
void lt_seccomp_untraceable(struct lt_thread *st)
{
	lt_untrace_for_good(st, LT_NOTE_SECCOMP,
			    "the program's seccomp filter forbids rt_sigreturn, which every "
			    "trap returns by: this thread is no longer traced");
}

long lt_seccomp_perform(struct lt_thread *st, unsigned nr, const uint64_t a[6], int direct)
{
	uint64_t fprog = a[2]; /* seccomp(op, flags, prog), prctl(PR_SET_SECCOMP, mode, prog) */
	struct { uint16_t len; uint16_t pad[3]; uint64_t filter; } p;
	struct sock_filter *copy = 0;
	size_t bytes = 0;
	(void)st;
	if ((nr == SYS_seccomp && a[0] == SECCOMP_SET_MODE_STRICT) ||
	    (nr == SYS_prctl && a[1] == SECCOMP_MODE_STRICT)) {
		/* Strict mode also disables rdtsc (the kernel's TIF_NOTSC): before, the
		 * record's end reads the clock. */
		lt_clock_no_tsc();
		p.len = sizeof lt_strict / sizeof lt_strict[0];
		copy = (struct sock_filter *)lt_strict; /* never unmapped: bytes stays 0 */
	} else if (lt_readmem(direct, &p, fprog, sizeof p) == sizeof p && p.len &&
	    p.len <= LT_FILTER_MAX && __atomic_load_n(&lt_nfilters, __ATOMIC_RELAXED) < LT_FILTERS) {
		bytes = (size_t)p.len * sizeof *copy;
		long m = lt_sys6(SYS_mmap, 0, bytes, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		copy = (m < 0 && m > -4096) ? 0 : (struct sock_filter *)m;
		if (copy && lt_readmem(direct, copy, p.filter, bytes) != (long)bytes) {
			lt_sys2(SYS_munmap, copy, bytes);
			copy = 0;
		}
	}
	long r = lt_syscall6_prog(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	static int reserved;
	int i = r >= 0 && copy ? __atomic_fetch_add(&reserved, 1, __ATOMIC_ACQ_REL) : LT_FILTERS;
	if (i < LT_FILTERS) {
		lt_filters[i].insns = copy;
		lt_filters[i].len = p.len;
		/* published in order: a filter is visible once those before it are */
		while (__atomic_load_n(&lt_nfilters, __ATOMIC_ACQUIRE) != i)
			lt_sys0(SYS_sched_yield);
		__atomic_store_n(&lt_nfilters, i + 1, __ATOMIC_RELEASE);
		__atomic_store_n(&lt_filters_on, 1, __ATOMIC_RELEASE);
	} else if (copy && bytes) {
		lt_sys2(SYS_munmap, copy, bytes);
	}
	return r;
}
