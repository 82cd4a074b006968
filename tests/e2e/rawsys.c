/* Raw `syscall` instructions from the program's own code (inline asm, not libc's wrappers):
 * only a catch-all (Syscall User Dispatch, ptrace) can see these. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>

static long raw6(long nr, long a, long b, long c, long d, long e, long f)
{
	long ret;
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "0"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}
#define raw3(n, a, b, c) raw6((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "rawsys: line %d: %s\n", __LINE__, #c); \
	return 1; } } while (0)

int main(void)
{
	long pid = raw3(SYS_getpid, 0, 0, 0);
	long ppid = raw3(SYS_getppid, 0, 0, 0);
	CHECK(pid > 0 && ppid > 0);
	CHECK(raw3(SYS_write, 1, "raw write\n", 10) == 10);
	CHECK(raw3(SYS_openat, AT_FDCWD, "/nonexistent/raw", O_RDONLY) == -2); /* ENOENT */
	long fd = raw3(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY);
	CHECK(fd >= 0);
	CHECK(raw3(SYS_write, fd, "x", 1) == 1);
	CHECK(raw3(SYS_close, fd, 0, 0) == 0);
	CHECK(raw3(SYS_close, fd, 0, 0) == -9);  /* EBADF */
	CHECK(raw3(1000, 1, 2, 3) == -38);       /* ENOSYS: no such syscall */
	for (int i = 0; i < 10; i++)
		CHECK(raw3(SYS_getppid, 0, 0, 0) == ppid);
	CHECK(raw3(SYS_gettid, 0, 0, 0) == pid);
	return 0;
}
