/* The shim's own memcpy, memmove, memset, memcmp and strlen, and their lt_ names.
 *
 * Why not libc's: a call through a rewritten site (patch_entry.S) reaches the recorder by
 * a plain call, and a syscall instruction preserves every register but rax, rcx and r11,
 * so the program may hold values in vector registers across it. The shim is compiled with
 * -mgeneral-regs-only, and these replace the libc string functions that it calls, and that
 * the compiler emits for structure copies, with code that touches no vector register
 * either (glibc's use AVX-512 where the CPU has it): the entry then needs to save no vector
 * state (docs/rewriting.md, "Registers"). Hidden (-fvisibility=hidden), so calls from the
 * shim bind here and the program's own calls still reach libc.
 *
 * rep movsb/stosb are the string instructions the CPU itself optimizes (ERMS); the loops
 * carry an empty asm so that no compiler turns them back into calls to these functions. */
#include <stddef.h>

#include "shim.h"

void *memcpy(void *d, const void *s, size_t n)
{
	void *r = d;
	__asm__ volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
	return r;
}

void *memmove(void *d, const void *s, size_t n)
{
	if ((const char *)d <= (const char *)s || (const char *)d >= (const char *)s + n)
		return memcpy(d, s, n);
	/* overlapping, destination above: copy backwards */
	void *r = d;
	d = (char *)d + n - 1;
	s = (const char *)s + n - 1;
	__asm__ volatile("std\n\trep movsb\n\tcld" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
	return r;
}

void *memset(void *d, int c, size_t n)
{
	void *r = d;
	__asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
	return r;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	for (size_t i = 0; i < n; i++) {
		__asm__("");
		if (x[i] != y[i])
			return x[i] - y[i];
	}
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;
	while (s[n]) {
		__asm__("");
		n++;
	}
	return n;
}

size_t lt_strlen(const char *s)
{
	return strlen(s);
}

void *lt_memcpy(void *d, const void *s, size_t n)
{
	return memcpy(d, s, n);
}

void *lt_memset(void *d, int c, size_t n)
{
	return memset(d, c, n);
}

int lt_strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) {
		__asm__("");
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}
