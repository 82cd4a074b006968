/* A thread made with a raw clone3 syscall (CLONE_THREAD, its own stack given as
 * stack/stack_size, no TLS): like rawclone.c, the child runs without libc, makes raw
 * syscalls and exits with a raw exit; the parent waits through CLONE_CHILD_CLEARTID. */
#include <linux/futex.h>
#include <linux/sched.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_clone3
#define SYS_clone3 435
#endif

/* long raw_clone3(struct clone_args *args, size_t size, void (*fn)(void)): the child
 * (same registers, new stack) calls fn, which must not return. */
__asm__(".text\n"
	".globl raw_clone3\n"
	".type raw_clone3,@function\n"
	"raw_clone3:\n"
	"	pushq %r12\n"
	"	movq %rdx, %r12\n"           /* fn survives the syscall in both tasks */
	"	movl $435, %eax\n"
	"	syscall\n"
	"	testq %rax, %rax\n"
	"	jnz 1f\n"
	"	xorl %ebp, %ebp\n"
	"	andq $-16, %rsp\n"
	"	call *%r12\n"
	"	hlt\n"
	"1:	popq %r12\n"
	"	ret\n"
	".size raw_clone3, .-raw_clone3\n");
long raw_clone3(struct clone_args *args, size_t size, void (*fn)(void));

static long raw3(long nr, long a, long b, long c)
{
	long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "0"(nr), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return ret;
}

static const char child_msg[] = "raw clone3 child\n";
static volatile int child_tid, child_ok;
static int pipefd[2];

__attribute__((noreturn)) static void child(void)
{
	long ok = raw3(SYS_gettid, 0, 0, 0) > 0;
	ok &= raw3(SYS_write, pipefd[1], (long)child_msg, sizeof child_msg - 1) ==
	      (long)sizeof child_msg - 1;
	ok &= raw3(SYS_openat, -100 /* AT_FDCWD */, (long)"/nonexistent/clone3", 0) == -2;
	child_ok = (int)ok;
	for (;;)
		raw3(SYS_exit, 0, 0, 0);
}

int main(void)
{
	size_t sz = 64 * 1024;
	char *stack = mmap(NULL, sz, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS |
			   MAP_STACK, -1, 0);
	if (stack == MAP_FAILED || pipe(pipefd))
		return 1;
	int ptid = 0;
	child_tid = -1; /* cleared by the kernel (with a futex wake) when the child exits */
	struct clone_args ca;
	memset(&ca, 0, sizeof ca);
	ca.flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
		CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
	ca.parent_tid = (uintptr_t)&ptid;
	ca.child_tid = (uintptr_t)&child_tid;
	ca.stack = (uintptr_t)stack;
	ca.stack_size = sz;
	long r = raw_clone3(&ca, sizeof ca, child);
	if (r <= 0) {
		fprintf(stderr, "rawclone3: clone3 failed: %ld\n", r);
		return 1;
	}
	char buf[64];
	ssize_t n = read(pipefd[0], buf, sizeof buf);
	while (child_tid != 0) {
		int v = child_tid;
		if (v)
			syscall(SYS_futex, &child_tid, FUTEX_WAIT, v, NULL, NULL, 0);
	}
	if (n != (ssize_t)sizeof child_msg - 1 || memcmp(buf, child_msg, n) || !child_ok ||
	    ptid != r) {
		fprintf(stderr, "rawclone3: child misbehaved\n");
		return 1;
	}
	munmap(stack, sz);
	printf("rawclone3 ok\n");
	return 0;
}
