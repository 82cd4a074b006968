/* Timestamps without a syscall per call: the vDSO's clock_gettime, found at init from
 * AT_SYSINFO_EHDR. If the vDSO is missing, or its clocksource makes it fall back to the
 * syscall (which the SIGSYS handler then passes through raw, see lt_clock_in_vdso), the
 * cost is a raw syscall from the allowed region.
 *
 * The vDSO reads the TSC, which a program may forbid itself (prctl(PR_SET_TSC,
 * PR_TSC_SIGSEGV): rdtsc then raises SIGSEGV). The shim sees that prctl (trapped) and any
 * thread armed with the TSC already off (inherited across fork and exec): from then on this
 * process image takes its timestamps with the clock_gettime syscall, which cannot fault. */
#include <elf.h>
#include <stdint.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>

#include "shim.h"
#include "native.h"

typedef int (*lt_cgt_fn)(clockid_t, struct timespec *);
static lt_cgt_fn lt_vdso_cgt;
static uintptr_t lt_vdso_lo, lt_vdso_hi;
static volatile int lt_clock_syscall; /* 1: never the vDSO (see above) */

void lt_clock_no_tsc(void)
{
	lt_clock_syscall = 1;
}

void lt_clock_check_thread(void)
{
	int mode = 0;
	if (!lt_clock_syscall && lt_sys2(SYS_prctl, PR_GET_TSC, &mode) == 0 &&
	    mode == PR_TSC_SIGSEGV)
		lt_clock_syscall = 1;
}

static int lt_streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* Walks the vDSO's section headers (the vDSO image is mapped whole) for .dynsym. */
void lt_clock_init(void)
{
	uintptr_t base = (uintptr_t)getauxval(AT_SYSINFO_EHDR);
	if (!base)
		return;
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)base;
	if (eh->e_ident[EI_MAG0] != ELFMAG0 || eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    !eh->e_shoff || eh->e_shentsize != sizeof(Elf64_Shdr))
		return;
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(base + eh->e_phoff);
	uintptr_t bias = base, hi = base;
	int have_load = 0;
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (!have_load) {
			bias = base - ph[i].p_vaddr + ph[i].p_offset;
			have_load = 1;
		}
		uintptr_t end = bias + ph[i].p_vaddr + ph[i].p_memsz;
		if (end > hi)
			hi = end;
	}
	const Elf64_Shdr *sh = (const Elf64_Shdr *)(base + eh->e_shoff);
	for (int i = 0; i < eh->e_shnum; i++) {
		if (sh[i].sh_type != SHT_DYNSYM || sh[i].sh_link >= eh->e_shnum)
			continue;
		const Elf64_Sym *sym = (const Elf64_Sym *)(base + sh[i].sh_offset);
		const char *str = (const char *)(base + sh[sh[i].sh_link].sh_offset);
		size_t n = sh[i].sh_size / sizeof(Elf64_Sym);
		for (size_t j = 0; j < n; j++) {
			if (!sym[j].st_value || ELF64_ST_TYPE(sym[j].st_info) != STT_FUNC)
				continue;
			if (lt_streq(str + sym[j].st_name, "__vdso_clock_gettime")) {
				lt_vdso_cgt = (lt_cgt_fn)(bias + sym[j].st_value);
				break;
			}
		}
	}
	lt_vdso_lo = base;
	lt_vdso_hi = hi;
}

int lt_clock_in_vdso(uintptr_t ip)
{
	return ip >= lt_vdso_lo && ip < lt_vdso_hi;
}

static uint64_t lt_now(clockid_t id)
{
	struct timespec ts;
	if (lt_clock_syscall || !lt_vdso_cgt || lt_vdso_cgt(id, &ts) != 0)
		lt_sys2(SYS_clock_gettime, id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t lt_now_mono(void)
{
	return lt_now(CLOCK_MONOTONIC);
}

uint64_t lt_now_wall(void)
{
	return lt_now(CLOCK_REALTIME);
}
