/* Every clone variant behaves as untraced: its return, what the child does and the wait
 * status its parent sees. Each case runs in a forked child of its own, so a crash ends only
 * that case; the parent prints the case's output and wait status.
 * - glibc clone() on a new stack without CLONE_VM (a fork on its own stack);
 * - CLONE_VM without CLONE_THREAD (a sibling process sharing memory), with and without
 *   CLONE_SETTLS; CLONE_VM|CLONE_VFORK on a new stack (posix_spawn's way); vfork();
 * - CLONE_PIDFD; CLONE_PARENT_SETTID;
 * - clone3 with arguments the kernel refuses: a size too small or too large, a bad
 *   pointer, a stack without a size, a nonzero tail, invalid flags, set_tid of a pid in use,
 *   CLONE_INTO_CGROUP with a bad descriptor; a valid larger struct (zero tail);
 * - clone3 with CLONE_VM and a stack that is not mapped: the child faults at once. */
#include <errno.h>
#include <linux/sched.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define STK (64 * 1024)
static volatile int shared;

static long raw3(long nr, long a, long b, long c)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "0"(nr), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
	return r;
}

static void raw_exit(int code)
{
	for (;;)
		raw3(SYS_exit, code, 0, 0);
}

static int child_fn(void *arg)
{
	shared = 42;
	const char *msg = arg;
	/* libc's write: the interposed wrapper, whose state is found through the TLS
	 * block this child may share with its parent */
	if (write(1, msg, strlen(msg)) != (ssize_t)strlen(msg))
		return 8;
	return 7;
}

/* For CLONE_SETTLS: no glibc (its TLS is not ours), raw calls only. */
static int tls_fn(void *arg)
{
	(void)arg;
	shared = 43;
	raw3(SYS_write, 1, (long)"tls child\n", 10);
	raw_exit(9);
	return 0;
}

static char *stack_top(void)
{
	char *s = mmap(0, STK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (s == MAP_FAILED)
		exit(90);
	return s + STK;
}

static void waitfor(pid_t p, const char *what)
{
	int st;
	pid_t w = waitpid(p, &st, __WALL);
	printf("%s: pid ok %d status %#x shared %d\n", what, w == p, st, shared);
}

static void fork_on_stack(void)
{
	pid_t p = clone(child_fn, stack_top(), SIGCHLD, "fork-on-stack child\n");
	waitfor(p, "fork on stack");
}

static int return_fn(void *arg)
{
	(void)arg;
	return 7;
}

/* A fork on a stack of one page with nothing mapped below (strace's clone-flags): enough
 * for the child's function, not for a signal frame. */
static void fork_small_stack(void)
{
	char *s = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (s == MAP_FAILED || munmap(s, 4096))
		exit(90);
	pid_t p = clone(return_fn, s + 8192, SIGCHLD, 0);
	waitfor(p, "fork on a one-page stack");
}

static void vm_sibling(void)
{
	pid_t p = clone(child_fn, stack_top(), CLONE_VM | SIGCHLD, "vm sibling\n");
	waitfor(p, "vm sibling");
}

static void vm_sibling_tls(void)
{
	static uint64_t tls[64];
	tls[0] = (uint64_t)(uintptr_t)tls; /* the TCB points to itself */
	pid_t p = clone(tls_fn, stack_top(), CLONE_VM | CLONE_SETTLS | SIGCHLD, 0, 0, tls, 0);
	waitfor(p, "vm sibling settls");
}

static void vm_vfork_stack(void)
{
	pid_t p = clone(child_fn, stack_top(), CLONE_VM | CLONE_VFORK | SIGCHLD, "vfork stack\n");
	waitfor(p, "vm vfork stack");
}

static void plain_vfork(void)
{
	pid_t p = vfork();
	if (p == 0) {
		shared = 5;
		_exit(4);
	}
	waitfor(p, "vfork");
}

static void pidfd(void)
{
	int pfd = -1;
	pid_t ptid = 0;
	pid_t p = clone(child_fn, stack_top(), CLONE_PIDFD | SIGCHLD, "pidfd child\n", &pfd);
	struct pollfd q = { pfd, POLLIN, 0 };
	int pr = poll(&q, 1, 5000);
	printf("pidfd: valid %d poll %d\n", pfd >= 0, pr);
	waitfor(p, "pidfd");
	p = clone(child_fn, stack_top(), CLONE_PARENT_SETTID | SIGCHLD, "settid child\n", &ptid);
	printf("settid: %d\n", ptid == p);
	waitfor(p, "settid");
}

static void clone3_errors(void)
{
	struct clone_args ca;
	char big[200];
	struct {
		const char *what;
		void *args;
		size_t size;
	} cases[] = {
		{ "size 8", &ca, 8 },
		{ "size 5000", &ca, 5000 },
		{ "bad pointer", (void *)16, sizeof ca },
		{ "stack no size", &ca, sizeof ca },
		{ "nonzero tail", big, sizeof big },
		{ "thread no sighand", &ca, sizeof ca },
		{ "set_tid in use", &ca, sizeof ca },
		{ "bad cgroup", &ca, sizeof ca },
	};
	pid_t me = getpid();
	for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&ca, 0, sizeof ca);
		memset(big, 0, sizeof big);
		ca.exit_signal = SIGCHLD;
		if (i == 3)
			ca.stack = (uint64_t)(uintptr_t)stack_top() - STK;
		if (i == 4) {
			memcpy(big, &ca, sizeof ca);
			big[150] = 1;
		}
		if (i == 5)
			ca.flags = CLONE_THREAD | CLONE_VM;
		if (i == 6) {
			ca.set_tid = (uint64_t)(uintptr_t)&me;
			ca.set_tid_size = 1;
		}
		if (i == 7) {
			ca.flags = CLONE_INTO_CGROUP;
			ca.cgroup = 987;
		}
		errno = 0;
		long r = syscall(SYS_clone3, cases[i].args, cases[i].size);
		if (r == 0)
			_exit(0);
		int e = errno;
		if (r > 0)
			waitpid(r, 0, 0);
		printf("clone3 %s: %ld %s\n", cases[i].what, r < 0 ? r : 1, strerror(e));
	}
	/* a nonzero word of the tail, then an unmapped page: the kernel stops at the word
	 * (E2BIG, strace's clone3.c) */
	char *pg = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pg == MAP_FAILED || munmap(pg + 4096, 4096))
		exit(91);
	char *edge = pg + 4096 - (sizeof ca + 8);
	memset(edge, 0, sizeof ca + 8);
	((struct clone_args *)edge)->exit_signal = SIGCHLD;
	edge[sizeof ca] = 1;
	errno = 0;
	long rh = syscall(SYS_clone3, edge, sizeof ca + 16);
	if (rh == 0)
		_exit(0);
	printf("clone3 nonzero tail before a hole: %ld %s\n", rh < 0 ? rh : 1, strerror(errno));
	/* larger than the kernel's struct, zero tail: a plain fork */
	memset(big, 0, sizeof big);
	memcpy(big, &(struct clone_args){ .exit_signal = SIGCHLD }, sizeof ca);
	long r = syscall(SYS_clone3, big, sizeof big);
	if (r == 0)
		_exit(6);
	waitfor(r, "clone3 zero tail");
}

static __attribute__((noinline)) void use_stack(void)
{
	volatile char c[64];
	c[0] = 1;
	raw_exit(c[0]);
}

static void clone3_unmapped_stack(void)
{
	setrlimit(RLIMIT_CORE, &(struct rlimit){ 0, 0 });
	char *s = mmap(0, STK, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct clone_args ca = { .flags = CLONE_VM, .exit_signal = SIGCHLD,
				 .stack = (uint64_t)(uintptr_t)s, .stack_size = STK };
	long r = raw3(SYS_clone3, (long)&ca, sizeof ca, 0);
	if (r == 0) /* not reached: the child faults on its first use of the stack */
		use_stack();
	waitfor(r, "clone3 unmapped stack");
}

static void run(const char *name, void (*fn)(void))
{
	fflush(stdout);
	pid_t p = fork();
	if (p == 0) {
		fn();
		fflush(stdout);
		_exit(0);
	}
	int st;
	waitpid(p, &st, 0);
	printf("[%s] %#x\n", name, st);
	fflush(stdout);
}

int main(void)
{
	run("fork_on_stack", fork_on_stack);
	run("fork_small_stack", fork_small_stack);
	run("vm_sibling", vm_sibling);
	run("vm_sibling_tls", vm_sibling_tls);
	run("vm_vfork_stack", vm_vfork_stack);
	run("vfork", plain_vfork);
	run("pidfd", pidfd);
	run("clone3_errors", clone3_errors);
	run("clone3_unmapped_stack", clone3_unmapped_stack);
	return 0;
}
