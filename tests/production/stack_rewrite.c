/* Calls through rewritten call sites (preload/patch.c) where the program's stack is small
 * or in use. Each site below traps once and is rewritten; the entry (patch_entry.S) must
 * then record every later call on a stack of the shim's, never the program's.
 * - A coroutine on a 4 KiB makecontext stack loops N times over three sites: glibc's
 *   syscall(), libc's getppid(), and an inline `mov $110,%eax; syscall` with less than
 *   1 KiB of the stack left (untraced a syscall instruction needs none of it).
 * - Nesting: the thread blocks in a raw read(2) from a rewritten site while a helper
 *   thread sends it SIGUSR1 (its handler runs on the stack in use: the shim's, where the
 *   read is being recorded) and SIGUSR2 (SA_ONSTACK: on the program's alternate stack);
 *   both handlers make K calls through rewritten sites. Then the helper writes, and the
 *   read (restarted: SA_RESTART) returns the byte.
 * Both in the main thread and in a second one. Prints the results, and the number of
 * getppid calls made in all (the trace must hold exactly as many). */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#define N 1000
#define K 50

static ucontext_t main_uc, co_uc;
static long calls, bad;
static pid_t parent;

/* A rewritable site (patch.c's pattern): aligned, so that its 5 bytes can be stored at
 * once; the nop keeps the byte before the mov from being a prefix. */
static __attribute__((noinline)) long raw_getppid(void)
{
	long r;
	__asm__ volatile(".p2align 4\n\tnop\n\tmov $110, %%eax\n\tsyscall"
			 : "=a"(r) : : "rcx", "r11", "memory");
	return r;
}

static __attribute__((noinline)) long raw_read(int fd, void *buf, long n)
{
	long r;
	__asm__ volatile(".p2align 4\n\tnop\n\tmov $0, %%eax\n\tsyscall"
			 : "=a"(r) : "D"((long)fd), "S"(buf), "d"(n) : "rcx", "r11", "memory");
	return r;
}

static void check(long r)
{
	calls++;
	bad += r != parent;
}

/* About 3 KiB of the coroutine's stack in use, then the raw site. */
static __attribute__((noinline)) void deep(void)
{
	volatile char pad[3 * 1024 + 256];
	pad[0] = 1;
	check(raw_getppid() + pad[0] - 1);
}

static void co(void)
{
	for (int i = 0; i < N; i++) {
		check(syscall(SYS_getppid));
		check(getppid());
		deep();
	}
	swapcontext(&co_uc, &main_uc);
}

static void coroutine(void)
{
	size_t sz = 4096;
	char *stk = aligned_alloc(4096, sz);
	if (!stk || getcontext(&co_uc))
		exit(1);
	co_uc.uc_stack.ss_sp = stk;
	co_uc.uc_stack.ss_size = sz;
	co_uc.uc_link = &main_uc;
	makecontext(&co_uc, co, 0);
	if (swapcontext(&main_uc, &co_uc))
		exit(2);
	free(stk);
}

/* ---- nesting ---- */

static volatile long handled[2];
static volatile long hcalls, hbad;
static int data[2], ready[2];

static void on_signal(int sig)
{
	for (int i = 0; i < K; i++)
		hbad += raw_getppid() != parent;
	hcalls += K;
	handled[sig == SIGUSR2]++;
}

static void wait_blocked(pid_t tid)
{
	char path[64], buf[64];
	snprintf(path, sizeof path, "/proc/self/task/%d/syscall", (int)tid);
	for (int i = 0; i < 5000; i++) {
		FILE *f = fopen(path, "r");
		int n = f ? (int)fread(buf, 1, sizeof buf - 1, f) : 0;
		if (f)
			fclose(f);
		if (!f || (n >= 2 && buf[0] == '0' && buf[1] == ' '))
			break; /* in read(2), or no way to tell */
		struct timespec ts = { 0, 1000000 };
		nanosleep(&ts, 0);
	}
	struct timespec ts = { 0, 20000000 };
	nanosleep(&ts, 0);
}

static void *helper(void *arg)
{
	pthread_t target = *(pthread_t *)arg;
	pid_t tid;
	if (read(ready[0], &tid, sizeof tid) != sizeof tid)
		exit(4);
	wait_blocked(tid);
	for (int s = 0; s < 2; s++) {
		long before = handled[s];
		pthread_kill(target, s ? SIGUSR2 : SIGUSR1);
		for (int i = 0; i < 5000 && handled[s] == before; i++) {
			struct timespec ts = { 0, 1000000 };
			nanosleep(&ts, 0);
		}
	}
	if (write(data[1], "x", 1) != 1)
		exit(5);
	return 0;
}

static void nesting(void)
{
	char c = 0;
	/* Once, so that the read site is rewritten. */
	if (write(data[1], "a", 1) != 1 || raw_read(data[0], &c, 1) != 1 || c != 'a')
		exit(6);
	pthread_t self = pthread_self(), h;
	if (pthread_create(&h, 0, helper, &self))
		exit(7);
	pid_t tid = (pid_t)syscall(SYS_gettid);
	if (write(ready[1], &tid, sizeof tid) != sizeof tid)
		exit(8);
	long r = raw_read(data[0], &c, 1);
	pthread_join(h, 0);
	printf("  blocked read: %ld '%c', handlers %ld %ld\n", r, c, handled[0], handled[1]);
	handled[0] = handled[1] = 0;
}

static void run(const char *who)
{
	coroutine();
	nesting();
	printf("%s: %ld calls from the coroutine, %ld wrong\n", who, calls, bad);
	fflush(stdout);
}

static void *thr(void *a)
{
	(void)a;
	stack_t ss = { .ss_sp = malloc(65536), .ss_size = 65536 };
	if (!ss.ss_sp || sigaltstack(&ss, 0))
		exit(9);
	run("thread");
	return 0;
}

int main(void)
{
	setvbuf(stdout, 0, _IOLBF, 0);
	parent = getppid();
	if (pipe(data) || pipe(ready))
		return 1;
	stack_t ss = { .ss_sp = malloc(65536), .ss_size = 65536 };
	if (!ss.ss_sp || sigaltstack(&ss, 0))
		return 1;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &sa, 0);
	sa.sa_flags = SA_RESTART | SA_ONSTACK;
	sigaction(SIGUSR2, &sa, 0);
	run("main");
	pthread_t t;
	if (pthread_create(&t, 0, thr, 0) || pthread_join(t, 0))
		return 3;
	printf("handlers: %ld calls, %ld wrong\n", hcalls, hbad);
	/* main's getppid() for the expected value, the loops, the handlers */
	printf("getppid calls: %ld\n", 1 + calls + hcalls);
	return 0;
}
