/* Syscall-site rewriting: a call site traps once.
 *
 * Every SUD trap is a signal delivery, and every delivery takes the process's signal lock
 * (sighand->siglock): with many threads that lock is where the time goes. So once a
 * `syscall` instruction in a file-backed executable mapping has trapped (and been handled
 * as always), lt_patch_site rewrites the instruction before it into a 5-byte jmp to a
 * per-site trampoline, which calls the shim's recording entry (patch_entry.S) and
 * continues after the syscall: no signal again for that site.
 *
 * Only two patterns, proven by their bytes at trap time, are rewritten:
 *   mov $nr,%eax; [insns]; syscall  b8 imm32, imm == the trapped number, the byte before
 *                                  not REX or 0x66, then up to 16 bytes of simple register
 *                                  and memory instructions (lt_insn_len) that decode
 *                                  exactly up to the syscall (glibc's inline syscalls:
 *                                  436 adjacent, ~80 more with arguments set in between)
 *   mov 8(%rsp),%r9; syscall       the last 7 bytes of glibc's syscall() wrapper, matched
 *                                  in full (25 bytes, straight-line code)
 * Only the 5 bytes of the first instruction change (the trampoline repeats the
 * instructions up to the syscall); the rest stays. A branch to the mov lands on the jmp
 * (same start, same effect); a branch past it, or a thread stopped past it, runs the
 * original instructions and syscall, which traps as before.
 *
 * Safety rules (docs/rewriting.md): the 5 new bytes are written with one locked store (8
 * bytes, or 16 with cmpxchg16b) within one cache line, or not at all; the page is made
 * writable only for that store and gets its own protection back (never left writable);
 * the trampoline is complete and executable before the jmp appears; one thread patches at
 * a time (a busy patcher means "not now", never a wait). Numbers whose trap-path handling
 * is special (signals, clone/fork/vfork, exec, exit, sigreturn, prctl) or that log an
 * early copy (blocking waits) are never recorded through a rewritten site: they take the
 * trampoline's own syscall, which traps as the site did. LIBTRACE_REWRITE=0 turns it off.
 */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <ucontext.h>

#include "patch.h"
#include "wrap.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

#define LT_TRAMP 48u                /* bytes per trampoline */
#define LT_RELOC_MAX 21             /* bytes of the program's instructions it repeats */
#define LT_TPAGE 4096u
#define LT_TPAGES 64                /* trampoline pages at most */
#define LT_REJECT 1024              /* sites known not rewritable (hash set) */
#define LT_REACH ((1l << 31) - (2l << 20)) /* rel32 reach, with a margin */

/* patch_entry.S */
void lt_patch_entry(void) LT_HIDDEN;
/* native.c: the interposed path's per-thread state and recording call. */
struct lt_thread;
struct lt_thread *lt_wrap_self(void) LT_HIDDEN;
long lt_wrap_call(struct lt_thread *st, unsigned nr, long a0, long a1, long a2, long a3,
		  long a4, long a5, int wf) LT_HIDDEN;

static int lt_patch_on;             /* LIBTRACE_REWRITE is not 0, and we are set up */
static int lt_patch_verbose;        /* LIBTRACE_REWRITE=v: counts at exit */
static int lt_patch_busy;           /* the tid of the thread patching, or 0 */
static unsigned long lt_n_traps, lt_n_patched, lt_n_rejected, lt_n_calls;

struct lt_tpage {
	uintptr_t base;
	unsigned used; /* bytes used, the entry slot included */
};
static struct lt_tpage lt_tpages[LT_TPAGES];
static int lt_ntpages;
static uintptr_t lt_reject[LT_REJECT];

/* ---- which calls a rewritten site records ---- */

/* Calls the trap path handles specially or logs early (native.c: lt_sigsys, lt_perform,
 * lt_blocking; futex waits excepted, see docs/rewriting.md): a rewritten site hands them
 * back to the trap. */
static int lt_patch_nr_ok(unsigned long nr)
{
	switch (nr) {
	case SYS_rt_sigreturn: case SYS_rt_sigprocmask: case SYS_rt_sigaction:
	case SYS_rt_sigsuspend: case SYS_ppoll: case SYS_epoll_pwait: case SYS_epoll_pwait2:
	case SYS_pselect6: case SYS_close_range: case SYS_clone: case SYS_clone3:
	case SYS_fork: case SYS_vfork: case SYS_execve: case SYS_execveat: case SYS_exit:
	case SYS_exit_group: case SYS_kill: case SYS_tkill: case SYS_tgkill: case SYS_prctl:
	case SYS_wait4: case SYS_waitid: case SYS_poll: case SYS_select: case SYS_epoll_wait:
	case SYS_nanosleep: case SYS_clock_nanosleep: case SYS_pause:
	case SYS_rt_sigtimedwait: case SYS_accept: case SYS_accept4: case SYS_msgrcv:
	case SYS_mq_timedreceive: case SYS_rt_sigqueueinfo: case SYS_rt_tgsigqueueinfo:
	case SYS_sigaltstack: case SYS_seccomp: case SYS_arch_prctl:
		return 0;
	}
	return nr < 512;
}

/* The trap path's trusted set (native.c lt_defer_ok, wrap.c's wrappers): captures copied
 * directly once the result shows the kernel read them. Others read fault-safely. */
static int lt_patch_trusted(unsigned long nr)
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

struct lt_patch_regs {
	uint64_t rax, r9, r8, r10, rdx, rsi, rdi;
};

/* Called by patch_entry.S while a window is open: 0 if the call was made and recorded
 * (r->rax holds the result), 1 if the trampoline's own syscall must make it (the thread
 * is not armed for the interposed path, or the number is one the trap path handles). */
int lt_patch_call(struct lt_patch_regs *r) LT_HIDDEN;
int lt_patch_call(struct lt_patch_regs *r)
{
	unsigned long nr = r->rax;
	if (!lt_patch_nr_ok(nr))
		return 1;
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return 1;
	if (lt_patch_verbose)
		__atomic_add_fetch(&lt_n_calls, 1, __ATOMIC_RELAXED);
	r->rax = (uint64_t)lt_wrap_call(st, (unsigned)nr, (long)r->rdi, (long)r->rsi,
					(long)r->rdx, (long)r->r10, (long)r->r8, (long)r->r9,
					lt_patch_trusted(nr) ? 0 : LT_WF_INDIRECT);
	return 0;
}

/* ---- sites known not rewritable ---- */

static unsigned lt_site_hash(uintptr_t ip)
{
	return (unsigned)((ip * 0x9e3779b97f4a7c15ull) >> 54) % LT_REJECT;
}

static int lt_rejected(uintptr_t ip)
{
	unsigned h = lt_site_hash(ip);
	for (unsigned i = 0; i < 16; i++) {
		uintptr_t v = __atomic_load_n(&lt_reject[(h + i) % LT_REJECT], __ATOMIC_RELAXED);
		if (v == ip)
			return 1;
		if (!v)
			return 0;
	}
	return 1; /* a full neighbourhood: stop trying around here */
}

static void lt_reject_site(uintptr_t ip)
{
	unsigned h = lt_site_hash(ip);
	if (lt_patch_verbose)
		__atomic_add_fetch(&lt_n_rejected, 1, __ATOMIC_RELAXED);
	for (unsigned i = 0; i < 16; i++) {
		uintptr_t z = 0;
		if (__atomic_compare_exchange_n(&lt_reject[(h + i) % LT_REJECT], &z, ip, 0,
						__ATOMIC_RELAXED, __ATOMIC_RELAXED) || z == ip)
			return;
	}
}

/* ---- the mapping of a site ---- */

static uintptr_t lt_hex(const char **p)
{
	uintptr_t v = 0;
	for (;; (*p)++) {
		char c = **p;
		unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
			     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10) : 16;
		if (d == 16)
			return v;
		v = v * 16 + d;
	}
}

/* One line of /proc/self/maps: its range, and whether the mapping is file-backed (an
 * inode), readable, executable and not writable (then its protection in *prot). */
static int lt_maps_line(const char *l, uintptr_t *lo, uintptr_t *hi, int *prot)
{
	*lo = lt_hex(&l);
	if (*l++ != '-')
		return 0;
	*hi = lt_hex(&l);
	if (*l++ != ' ')
		return 0;
	int p = (l[0] == 'r' ? PROT_READ : 0) | (l[1] == 'w' ? PROT_WRITE : 0) |
		(l[2] == 'x' ? PROT_EXEC : 0);
	if (p != (PROT_READ | PROT_EXEC))
		return 0;
	/* perms, offset, dev, then the inode */
	for (int field = 0; field < 3; field++) {
		while (*l && *l != ' ')
			l++;
		while (*l == ' ')
			l++;
	}
	if (*l < '1' || *l > '9')
		return 0; /* inode 0: anonymous, [vdso], JIT code */
	*prot = p;
	return 1;
}

/* 1 if the byte before ip lies in a file-backed r-x mapping: its protection in *prot, and
 * in *start the first address of the run of such mappings that ends there without a gap
 * (rewriting a page splits its mapping in three; the bytes before a site may lie in the
 * piece before). */
static int lt_site_mapping(uintptr_t ip, int *prot, uintptr_t *start)
{
	int fd = (int)lt_sys3(SYS_open, "/proc/self/maps", O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return 0;
	char buf[1024], line[160];
	size_t ll = 0;
	int found = 0;
	uintptr_t run_lo = 0, run_hi = 0;
	long n;
	while (!found && (n = lt_sys3(SYS_read, fd, buf, sizeof buf)) > 0) {
		for (long i = 0; i < n && !found; i++) {
			if (buf[i] != '\n') {
				if (ll < sizeof line - 1)
					line[ll++] = buf[i];
				continue;
			}
			line[ll] = 0;
			ll = 0;
			uintptr_t lo, hi;
			int p;
			if (!lt_maps_line(line, &lo, &hi, &p)) {
				run_hi = 0;
				continue;
			}
			if (lo != run_hi)
				run_lo = lo;
			run_hi = hi;
			if (ip - 1 >= lo && ip <= hi) {
				*prot = p;
				*start = run_lo;
				found = 1;
			}
		}
	}
	lt_sys1(SYS_close, fd);
	return found;
}

/* Seccomp (/proc/self/status): *mode ("Seccomp:") and *filters ("Seccomp_filters:",
 * -1 where the kernel does not say); 0, or -1 if the file cannot be read. */
static int lt_seccomp_status(int *mode, int *filters)
{
	int fd = (int)lt_sys3(SYS_open, "/proc/self/status", O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	char buf[3072];
	size_t len = 0;
	long n;
	while (len < sizeof buf - 1 &&
	       (n = lt_sys3(SYS_read, fd, buf + len, sizeof buf - 1 - len)) > 0)
		len += (size_t)n;
	lt_sys1(SYS_close, fd);
	buf[len] = 0;
	*mode = *filters = -1;
	for (char *l = buf; *l; l++) {
		if (l != buf && l[-1] != '\n')
			continue;
		int *out = 0;
		const char *k = l;
		if (!__builtin_memcmp(k, "Seccomp:\t", 9) && k + 9 <= buf + len)
			out = mode, k += 9;
		else if (k + 17 <= buf + len && !__builtin_memcmp(k, "Seccomp_filters:\t", 17))
			out = filters, k += 17;
		if (!out)
			continue;
		int v = 0;
		while (*k >= '0' && *k <= '9')
			v = v * 10 + (*k++ - '0');
		*out = v;
	}
	return *mode < 0 ? -1 : 0;
}

/* The filters the process had when the shim was loaded (a container's, a service
 * manager's): -1 if none, else their count (-2 if the kernel does not count them). */
static int lt_seccomp_inherited = -1;

/* 1 if the program has installed a seccomp filter of its own since the shim was loaded (or
 * that cannot be told). Its filter may kill or trap the mprotect and mmap calls a rewrite
 * makes, calls it never made itself: then nothing more is rewritten. The filters the
 * process came with apply to every call the shim makes anyway (its log, its signals). */
static int lt_seccomp_added(void)
{
	int mode, filters;
	if (lt_seccomp_status(&mode, &filters) < 0)
		return 1;
	if (mode == 0)
		return 0;
	return lt_seccomp_inherited < 0 || filters < 0 || filters != lt_seccomp_inherited;
}

/* ---- trampolines ---- */

static int lt_near(uintptr_t a, uintptr_t b)
{
	long d = (long)(a - b);
	return d < LT_REACH && d > -LT_REACH;
}

/* A fresh trampoline page within reach of site, its entry slot written; or 0. */
static uintptr_t lt_tpage_new(uintptr_t site)
{
	uintptr_t at = site & ~(uintptr_t)0xfffff;
	for (int k = 1; k <= 96; k++) {
		/* 1 MiB, 2 MiB, ... below the site, then above, alternating; 16 MiB steps
		 * further out. */
		long off = (long)((k + 1) / 2) * (k <= 32 ? (1l << 20) : (16l << 20));
		uintptr_t hint = k & 1 ? at - (uintptr_t)off : at + (uintptr_t)off;
		long p = lt_sys6(SYS_mmap, hint, LT_TPAGE, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
		if (p < 0 && p > -4096)
			continue;
		if (!lt_near((uintptr_t)p, site) || !lt_near((uintptr_t)p + LT_TPAGE, site)) {
			lt_sys2(SYS_munmap, p, LT_TPAGE); /* an old kernel took it as a hint */
			continue;
		}
		void (*entry)(void) = lt_patch_entry;
		__builtin_memcpy((void *)p, &entry, sizeof entry);
		return (uintptr_t)p;
	}
	return 0;
}

/* Writes a trampoline for site into a page within reach: it repeats the n bytes of
 * instructions at site before the syscall (orig), calls the entry and continues at cont
 * (after the syscall). Returns its address, executable, or 0. */
static uintptr_t lt_tramp_make(uintptr_t site, const unsigned char *orig, unsigned n,
			       uintptr_t cont)
{
	struct lt_tpage *tp = 0;
	for (int i = 0; i < lt_ntpages && !tp; i++)
		if (lt_tpages[i].used + LT_TRAMP <= LT_TPAGE && lt_near(lt_tpages[i].base, site) &&
		    lt_near(lt_tpages[i].base + LT_TPAGE, site))
			tp = &lt_tpages[i];
	int fresh = !tp;
	if (fresh) {
		if (lt_ntpages == LT_TPAGES)
			return 0;
		uintptr_t base = lt_tpage_new(site);
		if (!base)
			return 0;
		tp = &lt_tpages[lt_ntpages++];
		tp->base = base;
		tp->used = LT_TRAMP; /* the entry slot, then trampolines at 32-byte steps */
	} else if (lt_sys3(SYS_mprotect, tp->base, LT_TPAGE,
			   PROT_READ | PROT_WRITE | PROT_EXEC) != 0) {
		return 0;
	}
	uintptr_t t = tp->base + tp->used;
	unsigned char *c = (unsigned char *)t;
	__builtin_memcpy(c, orig, n);
	static const unsigned char lea[5] = { 0x48, 0x8d, 0x64, 0x24, 0x80 };
	__builtin_memcpy(c + n, lea, 5);
	unsigned q = n + 11; /* the continuation's address, right after the call */
	int32_t disp = (int32_t)((long)tp->base - (long)(t + q));
	c[n + 5] = 0xff, c[n + 6] = 0x15; /* call *disp(%rip) */
	__builtin_memcpy(c + n + 7, &disp, 4);
	uint64_t cont64 = cont;
	__builtin_memcpy(c + q, &cont64, 8);
	static const unsigned char tail[8] = { 0x0f, 0x05, 0xff, 0x25, 0xf0, 0xff, 0xff, 0xff };
	__builtin_memcpy(c + q + 8, tail, 8); /* syscall; jmp *-16(%rip) */
	tp->used += LT_TRAMP;
	if (lt_sys3(SYS_mprotect, tp->base, LT_TPAGE, PROT_READ | PROT_EXEC) != 0)
		return 0; /* never executable and writable: the site stays as it is */
	return t;
}

static int lt_in_tpages(uintptr_t ip)
{
	for (int i = 0; i < lt_ntpages; i++)
		if (ip - lt_tpages[i].base < LT_TPAGE)
			return 1;
	return 0;
}

/* ---- the site ---- */

/* glibc's syscall(): the 25 bytes ending with its syscall instruction. */
static const unsigned char lt_glibc_syscall[25] = {
	0x48, 0x89, 0xf8, 0x48, 0x89, 0xf7, 0x48, 0x89, 0xd6, 0x48, 0x89, 0xca, 0x4d,
	0x89, 0xc2, 0x4d, 0x89, 0xc8, 0x4c, 0x8b, 0x4c, 0x24, 0x08, 0x0f, 0x05,
};

/* A byte that, as a prefix, would change what b8 is: REX (mov $imm,%r8d or a 64-bit
 * immediate) or the operand-size override (a 2-byte immediate). Other prefixes do not
 * apply to mov $imm,%eax; the byte may also be the end of the previous instruction. */
static int lt_alters_mov(unsigned char b)
{
	return (b & 0xf0) == 0x40 || b == 0x66;
}

/* 1 if one locked store within a cache line covers the 5 bytes at site (lt_store5). */
static int lt_storable(uintptr_t site)
{
	return (site & 63) <= 56 || (site & 15) <= 11;
}

/* Stores the 5 bytes at site with one locked store of 8 or 16 bytes covering them: 1, or
 * 0 if none fits in one cache line (a locked access split across lines is atomic too,
 * but slow, and fatal where split-lock detection is on). The page is writable now. */
static int lt_store5(uintptr_t site, const unsigned char jmp[5])
{
	unsigned char ok;
	if ((site & 63) <= 56) {
		uint64_t *w = (uint64_t *)site, old, nv;
		__builtin_memcpy(&old, w, 8);
		do {
			nv = old;
			__builtin_memcpy(&nv, jmp, 5);
			__asm__ volatile("lock cmpxchgq %3, %1\n\tsete %0"
					 : "=q"(ok), "+m"(*(volatile uint64_t *)w), "+a"(old)
					 : "r"(nv)
					 : "memory", "cc");
		} while (!ok);
		return 1;
	}
	if ((site & 15) <= 11) {
		uint64_t *w = (uint64_t *)(site & ~(uintptr_t)15);
		uint64_t lo = w[0], hi = w[1];
		do {
			uint64_t nv[2] = { lo, hi };
			__builtin_memcpy((char *)nv + (site & 15), jmp, 5);
			__asm__ volatile("lock cmpxchg16b %1\n\tsete %0"
					 : "=q"(ok), "+m"(*(volatile uint64_t(*)[2])w),
					   "+a"(lo), "+d"(hi)
					 : "b"(nv[0]), "c"(nv[1])
					 : "memory", "cc");
		} while (!ok);
		return 1;
	}
	return 0;
}

/* The length of the instruction at p if it is one a trampoline may repeat, else 0: a
 * plain register or memory operation without rip-relative addressing or control flow
 * (mov, xor, add, sub, and, or, cmp, test, lea, cmovcc; register, immediate or ModRM
 * operands; one optional REX prefix). Such an instruction does the same wherever it runs,
 * provided rsp is the program's (the trampoline runs them before stepping below the red
 * zone). */
static unsigned lt_insn_len(const unsigned char *p)
{
	unsigned i = 0, imm = 0;
	unsigned char rex = 0;
	if (p[i] >= 0x40 && p[i] <= 0x4f)
		rex = p[i++];
	unsigned char op = p[i++];
	if (op >= 0xb8 && op <= 0xbf) /* mov $imm,%reg (movabs with REX.W) */
		return i + ((rex & 8) ? 8 : 4);
	switch (op) {
	case 0x01: case 0x03: case 0x09: case 0x0b: case 0x21: case 0x23: case 0x29:
	case 0x2b: case 0x31: case 0x33: case 0x39: case 0x3b: case 0x85: case 0x89:
	case 0x8b: case 0x8d:
		break;
	case 0x80: case 0x83:
		imm = 1;
		break;
	case 0x81:
		imm = 4;
		break;
	case 0xc7:
		if ((p[i] >> 3 & 7) != 0)
			return 0;
		imm = 4;
		break;
	case 0x0f:
		if ((p[i] & 0xf0) != 0x40) /* cmovcc */
			return 0;
		i++;
		break;
	default:
		return 0;
	}
	unsigned char m = p[i++], mod = m >> 6, rm = m & 7;
	if (mod != 3) {
		if (rm == 4) { /* SIB */
			unsigned char sib = p[i++];
			if (mod == 0 && (sib & 7) == 5)
				i += 4;
		} else if (mod == 0 && rm == 5) {
			return 0; /* rip-relative */
		}
		i += mod == 1 ? 1 : mod == 2 ? 4 : 0;
	}
	return i + imm;
}

/* The instructions before a syscall that a rewritten site repeats in its trampoline,
 * recognised by their bytes (see the file's head), within the avail bytes before rip that
 * the same mapping holds: their length from the first one's start to the syscall, or 0.
 * The first is `mov $nr,%eax` (or the `mov 8(%rsp),%r9` of glibc's syscall()); those
 * after it must decode (lt_insn_len) exactly up to the syscall. */
static unsigned lt_site_pattern(uintptr_t rip, unsigned nr, uintptr_t avail)
{
	const unsigned char *e = (const unsigned char *)rip; /* the syscall is e[-2], e[-1] */
	if (avail < 8 || e[-2] != 0x0f || e[-1] != 0x05)
		return 0;
	if (avail >= sizeof lt_glibc_syscall &&
	    __builtin_memcmp(e - sizeof lt_glibc_syscall, lt_glibc_syscall,
			     sizeof lt_glibc_syscall) == 0)
		return 5; /* glibc's syscall(): mov 8(%rsp),%r9; syscall */
	for (unsigned n = 5; n <= LT_RELOC_MAX && n + 3 <= avail; n++) {
		const unsigned char *s = e - 2 - n;
		uint32_t imm;
		__builtin_memcpy(&imm, s + 1, 4);
		if (s[0] != 0xb8 || imm != nr || lt_alters_mov(s[-1]) || !lt_storable((uintptr_t)s))
			continue;
		unsigned k = 5, l;
		while (k < n && (l = lt_insn_len(s + k)) != 0)
			k += l;
		if (k == n)
			return n;
	}
	return 0;
}

/* Rewrites the site whose syscall instruction ends at rip: 1 done, 0 not rewritable. */
static int lt_rewrite(uintptr_t rip, unsigned nr)
{
	int prot;
	uintptr_t start;
	if (!lt_site_mapping(rip, &prot, &start) || rip - 2 < start)
		return 0;
	unsigned n = lt_site_pattern(rip, nr, rip - start);
	uintptr_t site = rip - 2 - n;
	if (!n || (!lt_patch_nr_ok(nr) && ((const unsigned char *)site)[0] == 0xb8))
		return 0;
	if (!lt_storable(site))
		return 0;
	unsigned char orig[LT_RELOC_MAX];
	__builtin_memcpy(orig, (const void *)site, n);
	uintptr_t t = lt_tramp_make(site, orig, n, rip);
	if (!t)
		return 0;
	unsigned char jmp[5] = { 0xe9 };
	int32_t rel = (int32_t)((long)t - (long)(site + 5));
	__builtin_memcpy(jmp + 1, &rel, 4);
	uintptr_t page = site & ~(uintptr_t)(LT_TPAGE - 1);
	if (lt_sys3(SYS_mprotect, page, LT_TPAGE, PROT_READ | PROT_WRITE | PROT_EXEC) != 0)
		return 0;
	int done = lt_store5(site, jmp);
	lt_sys3(SYS_mprotect, page, LT_TPAGE, prot);
	return done;
}

void lt_patch_site(void *ucv, unsigned nr)
{
	if (lt_patch_verbose)
		__atomic_add_fetch(&lt_n_traps, 1, __ATOMIC_RELAXED);
	if (!lt_patch_on)
		return;
	ucontext_t *uc = ucv;
	uintptr_t rip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
	if (lt_rejected(rip) || lt_in_tpages(rip))
		return;
	int spins = 0;
	/* One patcher at a time, per process (the lock holds its tid). A thread that finds
	 * another patching waits for it a little (yielding, bounded): the site it trapped on
	 * is likely the one being rewritten, and trapping again meanwhile only adds to the
	 * signal lock's contention. A fork child that inherited a held lock never patches
	 * (its holder is not there to release it). */
	int tid = (int)lt_sys0(SYS_gettid), z = 0;
	while (!__atomic_compare_exchange_n(&lt_patch_busy, &z, tid, 0, __ATOMIC_ACQUIRE,
					    __ATOMIC_RELAXED)) {
		if (z == tid || ++spins > 200)
			return;
		lt_sys0(SYS_sched_yield);
		z = 0;
	}
	if (lt_seccomp_added()) {
		lt_patch_on = 0;
		__atomic_store_n(&lt_patch_busy, 0, __ATOMIC_RELEASE);
		return;
	}
	/* Another thread may have rewritten it meanwhile: then its bytes no longer match. */
	int done = lt_rewrite(rip, nr);
	if (done && lt_patch_verbose)
		__atomic_add_fetch(&lt_n_patched, 1, __ATOMIC_RELAXED);
	if (!done) {
		lt_reject_site(rip);
		if (lt_patch_verbose > 1)
			lt_warn("rewrite: site %lx (syscall %u) not rewritable", rip - 2, nr);
	}
	__atomic_store_n(&lt_patch_busy, 0, __ATOMIC_RELEASE);
}

/* ---- set-up ---- */

extern char **environ;

__attribute__((constructor(101))) static void lt_patch_init(void)
{
	const char *v = "1";
	static const char key[] = "LIBTRACE_REWRITE=";
	for (char **e = environ; e && *e; e++) {
		unsigned i = 0;
		while (key[i] && (*e)[i] == key[i])
			i++;
		if (!key[i])
			v = *e + i;
	}
	if (v[0] == '0' && !v[1])
		return;
	lt_patch_verbose = v[0] == 'v' ? 1 + (v[1] == 'v') : 0;
	/* One prctl; /proc/self/status only where a filter came with the process. */
	if (lt_sys1(SYS_prctl, PR_GET_SECCOMP) != 0) {
		int mode, filters;
		if (lt_seccomp_status(&mode, &filters) < 0 || mode != 2)
			return;
		lt_seccomp_inherited = filters < 0 ? -2 : filters;
	}
	lt_patch_on = 1;
}

__attribute__((destructor)) static void lt_patch_fini(void)
{
	if (lt_patch_verbose)
		lt_warn("rewrite: %lu traps, %lu sites rewritten, %lu not rewritable, "
			"%lu calls through rewritten sites",
			lt_n_traps, lt_n_patched, lt_n_rejected, lt_n_calls);
}
