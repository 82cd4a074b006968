/* Loops of syscalls for the rewriting tests and benchmarks.
 * sysloop MODE N [T]: T threads (default 1) each make N/T calls of MODE:
 *   getppid  syscall(SYS_getppid): glibc's generic syscall() wrapper
 *   raw      an inline `mov $110,%eax; syscall` in this program
 *   write    write(-1, buf, 8): the interposed path
 *   rawargs  `mov $110,%eax; mov %rdi,%rsi; xor %edx,%edx; syscall` (arguments set
 *            between the number and the syscall: the trampoline repeats them)
 *   rawrip   `mov $110,%eax; lea 0(%rip),%rsi; syscall` (rip-relative in between: never
 *            rewritten, every call traps)
 *   libc     getppid(): glibc's own inline site
 *   futex    N hand-offs between two threads (mutex + condition variable: futex calls)
 * With SYSLOOP_SECCOMP set, installs an allow-everything seccomp filter first (the shim
 * then rewrites nothing more). Exits 0 if every call returned what it should. With SYSLOOP_CPU set, prints the process's
 * CPU time (all threads, from getrusage once they are joined) and the wall time of the
 * loops to stderr: "cpu_us=... wall_us=...". */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <time.h>
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

static long raw_args(void)
{
	long r;
	__asm__ volatile("mov $110, %%eax\n\tmov %%rdi, %%rsi\n\txor %%edx, %%edx\n\tsyscall"
			 : "=a"(r) : : "rcx", "r11", "rsi", "rdx", "memory");
	return r;
}

static long raw_rip(void)
{
	long r;
	__asm__ volatile("mov $110, %%eax\n\tlea 0(%%rip), %%rsi\n\tsyscall"
			 : "=a"(r) : : "rcx", "r11", "rsi", "memory");
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
		case 5: r = raw_args(); if (r != pp) bad++; break;
		case 6: r = raw_rip(); if (r != pp) bad++; break;
		default: r = getppid(); if (r != pp) bad++; break;
		}
	}
	return 0;
}

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static long turn, n_hand;

/* Thread `me` (0 or 1) waits for its turn, passes it on; N hand-offs in all. */
static void *pingpong(void *arg)
{
	long me = (long)arg;
	pthread_mutex_lock(&mu);
	while (turn < n_hand) {
		while (turn < n_hand && (turn & 1) != me)
			pthread_cond_wait(&cv, &mu);
		if (turn < n_hand) {
			turn++;
			pthread_cond_signal(&cv);
		}
	}
	pthread_mutex_unlock(&mu);
	return 0;
}

static long now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000L + ts.tv_nsec / 1000;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: sysloop getppid|raw|rawargs|rawrip|write|libc|futex N [T]\n");
		return 2;
	}
	const char *m = argv[1];
	mode = !strcmp(m, "getppid") ? 0 : !strcmp(m, "raw") ? 1 : !strcmp(m, "write") ? 2
	       : !strcmp(m, "futex") ? 4 : !strcmp(m, "rawargs") ? 5 : !strcmp(m, "rawrip") ? 6
	       : 3;
	long n = atol(argv[2]);
	int t = argc > 3 ? atoi(argv[3]) : 1;
	if (t < 1)
		t = 1;
	n_per = n / t;
	if (getenv("SYSLOOP_SECCOMP")) {
		struct sock_filter allow = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
		struct sock_fprog prog = { 1, &allow };
		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
		    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog)) {
			perror("sysloop: seccomp");
			return 1;
		}
	}
	pthread_t th[1024];
	long t0 = now_us();
	if (mode == 4) {
		n_hand = n;
		pthread_create(&th[0], 0, pingpong, (void *)1L);
		pingpong(0);
		pthread_join(th[0], 0);
	} else if (t == 1) {
		run(0);
	} else {
		for (int i = 0; i < t && i < 1024; i++)
			pthread_create(&th[i], 0, run, 0);
		for (int i = 0; i < t && i < 1024; i++)
			pthread_join(th[i], 0);
	}
	if (getenv("SYSLOOP_CPU")) {
		struct rusage ru;
		getrusage(RUSAGE_SELF, &ru);
		long cpu = ru.ru_utime.tv_sec * 1000000L + ru.ru_utime.tv_usec +
			   ru.ru_stime.tv_sec * 1000000L + ru.ru_stime.tv_usec;
		fprintf(stderr, "cpu_us=%ld wall_us=%ld\n", cpu, now_us() - t0);
	}
	if (bad) {
		fprintf(stderr, "sysloop: %ld wrong results\n", bad);
		return 1;
	}
	return 0;
}
