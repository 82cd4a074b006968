/* vecregs: the program's vector registers survive calls through rewritten sites.
 * A call site rewritten by the shim (preload/patch.c) reaches the recorder by a call, not by
 * a signal, so nothing saves the program's vector state but the shim itself; a syscall
 * instruction preserves every register but rax, rcx and r11, and compilers rely on that
 * around inline syscalls. Each loop loads all vector registers (zmm0-31 and k1-k7 with
 * AVX-512, else ymm0-15 with AVX, else xmm0-15) with distinct bytes, makes one syscall from
 * its own `mov $nr,%eax; syscall` site (write, openat, fstat, read: calls whose records
 * copy memory), and compares every register after it. Prints "preserved N calls" or what
 * was clobbered; exit 1 if anything was. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define ITER 300
enum { ZMM, YMM, XMM };
static unsigned char src[32 * 64] __attribute__((aligned(64)));
static unsigned char dst[32 * 64] __attribute__((aligned(64)));
static uint16_t ksrc[8], kdst[8];

#define R8(m, a, b, c, d, e, f, g, h) m(a) m(b) m(c) m(d) m(e) m(f) m(g) m(h)
#define ALL16(m) R8(m, 0, 1, 2, 3, 4, 5, 6, 7) R8(m, 8, 9, 10, 11, 12, 13, 14, 15)
#define ALL32(m) ALL16(m) R8(m, 16, 17, 18, 19, 20, 21, 22, 23) R8(m, 24, 25, 26, 27, 28, 29, 30, 31)
#define K7(m) m(1) m(2) m(3) m(4) m(5) m(6) m(7)
#define LZ(i) "vmovdqu64 " #i "*64(%[s]), %%zmm" #i "\n\t"
#define SZ(i) "vmovdqu64 %%zmm" #i ", " #i "*64(%[d])\n\t"
#define LY(i) "vmovdqu " #i "*64(%[s]), %%ymm" #i "\n\t"
#define SY(i) "vmovdqu %%ymm" #i ", " #i "*64(%[d])\n\t"
#define LX(i) "movdqu " #i "*64(%[s]), %%xmm" #i "\n\t"
#define SX(i) "movdqu %%xmm" #i ", " #i "*64(%[d])\n\t"
#define LK(i) "kmovw " #i "*2(%[ks]), %%k" #i "\n\t"
#define SK(i) "kmovw %%k" #i ", " #i "*2(%[kd])\n\t"
#define CX(i) "xmm" #i,
#define STR2(x) #x
#define STR(x) STR2(x)
#define SITE(nr) "mov $" STR(nr) ", %%eax\n\tsyscall\n\t"

/* One function per (width, syscall): the site is `mov $nr,%eax; syscall`, the pattern the
 * shim rewrites. Arguments in rdi, rsi, rdx, r10. */
#define VCALL(name, attr, LOAD, STORE, NR, ...)                                            \
	attr static long name(long a0, long a1, long a2, long a3)                           \
	{                                                                                  \
		register long r10 __asm__("r10") = a3;                                     \
		long ret;                                                                  \
		__asm__ volatile(LOAD SITE(NR) STORE                                       \
				 : "=&a"(ret), "+D"(a0), "+S"(a1), "+d"(a2), "+r"(r10)      \
				 : [s] "r"(src), [d] "r"(dst), [ks] "r"(ksrc), [kd] "r"(kdst) \
				 : "rcx", "r11", "memory", __VA_ARGS__);                   \
		return ret;                                                                \
	}
#define AVX512 __attribute__((target("avx512f")))
#define AVX __attribute__((target("avx")))
#define ZL ALL32(LZ) K7(LK)
#define ZS ALL32(SZ) K7(SK)
#define ZC ALL32(CX) "k1", "k2", "k3", "k4", "k5", "k6", "k7"
#define FAMILY(w, attr, L, S, C)                                                           \
	VCALL(w##_write, attr, L, S, 1, C)                                                 \
	VCALL(w##_openat, attr, L, S, 257, C)                                              \
	VCALL(w##_fstat, attr, L, S, 5, C)                                                 \
	VCALL(w##_read, attr, L, S, 0, C)
FAMILY(z, AVX512, ZL, ZS, ZC)
FAMILY(y, AVX, ALL16(LY), ALL16(SY), ALL16(CX) "cc")
FAMILY(x, , ALL16(LX), ALL16(SX), ALL16(CX) "cc")

typedef long (*vcall)(long, long, long, long);
static const vcall calls[3][4] = { { z_write, z_openat, z_fstat, z_read },
				   { y_write, y_openat, y_fstat, y_read },
				   { x_write, x_openat, x_fstat, x_read } };
static const char *const names[4] = { "write", "openat", "fstat", "read" };

/* 1 if a register differs: its name in what. */
static int clobbered(int w, char *what, size_t n)
{
	int nreg = w == ZMM ? 32 : 16, bytes = w == ZMM ? 64 : w == YMM ? 32 : 16;
	for (int r = 0; r < nreg; r++)
		if (memcmp(src + r * 64, dst + r * 64, bytes)) {
			snprintf(what, n, "%s%d", w == ZMM ? "zmm" : w == YMM ? "ymm" : "xmm", r);
			return 1;
		}
	for (int k = 1; w == ZMM && k < 8; k++)
		if (ksrc[k] != kdst[k]) {
			snprintf(what, n, "k%d", k);
			return 1;
		}
	return 0;
}

int main(void)
{
	int w = __builtin_cpu_supports("avx512f") ? ZMM : __builtin_cpu_supports("avx") ? YMM : XMM;
	int devnull = open("/dev/null", O_RDWR);
	char buf[256];
	struct stat st;
	long calls_made = 0;
	for (int i = 0; i < ITER; i++) {
		for (int c = 0; c < 4; c++) {
			for (size_t b = 0; b < sizeof src; b++)
				src[b] = (unsigned char)(b * 7 + i * 13 + c + 1);
			for (int k = 0; k < 8; k++)
				ksrc[k] = (uint16_t)(0x1111 * k + i);
			memset(dst, 0, sizeof dst);
			memset(kdst, 0, sizeof kdst);
			long r;
			switch (c) {
			case 0: r = calls[w][c](devnull, (long)src, 64, 0); break;
			case 1: r = calls[w][c](AT_FDCWD, (long)"/dev/null", O_RDONLY | O_CLOEXEC, 0); break;
			case 2: r = calls[w][c](devnull, (long)&st, 0, 0); break;
			default: r = calls[w][c](devnull, (long)buf, sizeof buf, 0); break;
			}
			if (c == 1 && r >= 0)
				close((int)r);
			if (r < 0) {
				printf("%s failed: %ld\n", names[c], r);
				return 1;
			}
			char what[16];
			if (clobbered(w, what, sizeof what)) {
				printf("%s: %s clobbered at call %d\n", names[c], what, i);
				return 1;
			}
			calls_made++;
		}
	}
	printf("preserved %ld calls\n", calls_made);
	return 0;
}
