/* A coroutine (makecontext/swapcontext) on a 4 KiB stack makes syscalls: through libc
 * (interposed and trapped) and raw, the raw ones with less than 1 KiB of the stack left
 * (untraced a syscall instruction needs none). The tracer's trap handler must not run on
 * that stack (a signal frame alone is 1-12 KiB with the CPU's vector state). Also from a
 * thread. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

static ucontext_t main_uc, co_uc;
static long results[4];

/* Uses about 3 KiB of the stack, then makes raw syscalls. */
static __attribute__((noinline)) long deep(void)
{
	volatile char pad[3 * 1024 + 256];
	pad[0] = 1;
	long r, ok = 1;
	for (int i = 0; i < 3; i++) {
		__asm__ volatile("syscall" : "=a"(r) : "0"((long)SYS_getpid) : "rcx", "r11", "memory");
		ok &= r > 0;
		__asm__ volatile("syscall" : "=a"(r) : "0"((long)SYS_getppid) : "rcx", "r11", "memory");
		ok &= r > 0;
	}
	return ok + pad[0] - 1;
}

static void co(void)
{
	results[0] = write(1, "coroutine\n", 10);
	results[1] = syscall(SYS_getppid) > 0;
	int fd = open("/dev/null", O_RDONLY);
	results[2] = fd >= 0 && close(fd) == 0;
	results[3] = deep();
	swapcontext(&co_uc, &main_uc);
}

static void run(const char *who)
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
	printf("%s: %ld %ld %ld %ld\n", who, results[0], results[1], results[2], results[3]);
	fflush(stdout);
	free(stk);
}

static void *thr(void *a)
{
	(void)a;
	run("thread");
	return 0;
}

int main(void)
{
	run("main");
	pthread_t t;
	if (pthread_create(&t, 0, thr, 0) || pthread_join(t, 0))
		return 3;
	return 0;
}
