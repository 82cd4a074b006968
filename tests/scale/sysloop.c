/* Loops of syscalls for the rewriting tests and benchmarks.
 * sysloop MODE N [T]: T threads (default 1) each make N/T calls of MODE:
 *   getppid  syscall(SYS_getppid): glibc's generic syscall() wrapper
 *   raw      an inline `mov $110,%eax; syscall` in this program
 *   write    write(-1, buf, 8): the interposed path
 *   libc     getppid(): glibc's own inline site
 * Prints nothing; exits 0 if every call returned what it should. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static long n_per;
static int mode;
static volatile long bad;

static long raw_getppid(void)
{
	long r;
	__asm__ volatile("mov $110, %%eax\n\tsyscall" : "=a"(r) : : "rcx", "r11", "memory");
	return r;
}

static void *run(void *arg)
{
	(void)arg;
	pid_t pp = getppid();
	char buf[8] = { 0 };
	for (long i = 0; i < n_per; i++) {
		long r;
		switch (mode) {
		case 0: r = syscall(SYS_getppid); if (r != pp) bad++; break;
		case 1: r = raw_getppid(); if (r != pp) bad++; break;
		case 2: r = write(-1, buf, 8); if (r != -1) bad++; break;
		default: r = getppid(); if (r != pp) bad++; break;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: sysloop getppid|raw|write|libc N [T]\n");
		return 2;
	}
	const char *m = argv[1];
	mode = !strcmp(m, "getppid") ? 0 : !strcmp(m, "raw") ? 1 : !strcmp(m, "write") ? 2 : 3;
	long n = atol(argv[2]);
	int t = argc > 3 ? atoi(argv[3]) : 1;
	if (t < 1)
		t = 1;
	n_per = n / t;
	pthread_t th[1024];
	if (t == 1) {
		run(0);
	} else {
		for (int i = 0; i < t && i < 1024; i++)
			pthread_create(&th[i], 0, run, 0);
		for (int i = 0; i < t && i < 1024; i++)
			pthread_join(th[i], 0);
	}
	if (bad) {
		fprintf(stderr, "sysloop: %ld wrong results\n", bad);
		return 1;
	}
	return 0;
}
