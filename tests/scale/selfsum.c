/* Checksums glibc's syscall() wrapper (the 32 bytes at its address) before and after
 * calling it 100 times: prints "same" or "changed". A program that reads its own text sees
 * a rewritten site (docs/rewriting.md; LIBTRACE_REWRITE=0 keeps text as loaded). */
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	unsigned char before[32], after[32];
	const void *fn = (const void *)&syscall;
	memcpy(before, fn, sizeof before);
	for (int i = 0; i < 100; i++)
		syscall(SYS_getppid);
	memcpy(after, fn, sizeof after);
	puts(memcmp(before, after, sizeof before) ? "changed" : "same");
	return 0;
}
