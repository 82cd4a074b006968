/* Benchmark loops: `loop getppid N` makes N raw getppid syscalls (inline asm: the trap
 * path, only a catch-all sees them); `loop write N` makes N write(fd, "x", 1) calls to
 * /dev/null through libc (the interposed fast path). Prints the loop's own time per call
 * in ns, measured inside the process (start-up and tracer attach excluded). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long raw0(long nr)
{
	long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "0"(nr) : "rcx", "r11", "memory");
	return ret;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: loop getppid|write N\n");
		return 2;
	}
	long n = atol(argv[2]);
	int fd = open("/dev/null", O_WRONLY);
	if (fd < 0 || n <= 0)
		return 2;
	double t0 = now();
	if (strcmp(argv[1], "getppid") == 0) {
		for (long i = 0; i < n; i++)
			if (raw0(SYS_getppid) <= 0)
				return 1;
	} else if (strcmp(argv[1], "write") == 0) {
		for (long i = 0; i < n; i++)
			if (write(fd, "x", 1) != 1)
				return 1;
	} else {
		return 2;
	}
	double t1 = now();
	printf("%.1f\n", (t1 - t0) / n);
	return 0;
}
