/* A thread made with a raw clone syscall (CLONE_THREAD, its own mmap'ed stack, no TLS):
 * the child runs code that uses no libc at all, makes raw syscalls and exits with a raw
 * exit. The parent waits for it through CLONE_CHILD_CLEARTID and a raw futex. */
#include <linux/futex.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

/* long raw_clone(unsigned long flags, void *stack_top, int *ptid, int *ctid,
 *                void (*fn)(void)): the child calls fn, which must not return. */
__asm__(".text\n"
	".globl raw_clone\n"
	".type raw_clone,@function\n"
	"raw_clone:\n"
	"	subq $8, %rsi\n"
	"	movq %r8, (%rsi)\n"          /* fn on the child's stack */
	"	movq %rcx, %r10\n"           /* ctid */
	"	xorl %r8d, %r8d\n"           /* tls */
	"	movl $56, %eax\n"            /* SYS_clone: flags, stack, ptid, ctid, tls */
	"	syscall\n"
	"	testq %rax, %rax\n"
	"	jnz 1f\n"
	"	xorl %ebp, %ebp\n"
	"	popq %rax\n"
	"	andq $-16, %rsp\n"
	"	call *%rax\n"
	"	hlt\n"
	"1:	ret\n"
	".size raw_clone, .-raw_clone\n");
long raw_clone(unsigned long flags, void *stack_top, int *ptid, int *ctid, void (*fn)(void));

static long raw3(long nr, long a, long b, long c)
{
	long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "0"(nr), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return ret;
}

static const char child_msg[] = "raw clone child\n";
static volatile int child_tid, child_ok;
static int pipefd[2];

__attribute__((noreturn)) static void child(void)
{
	/* no libc: raw syscalls only, no TLS, no errno */
	long tid = raw3(SYS_gettid, 0, 0, 0);
	long ok = tid > 0;
	ok &= raw3(SYS_write, pipefd[1], (long)child_msg, sizeof child_msg - 1) ==
	      (long)sizeof child_msg - 1;
	ok &= raw3(SYS_getppid, 0, 0, 0) > 0;
	ok &= raw3(SYS_close, 9999, 0, 0) == -9; /* EBADF */
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
	child_tid = -1; /* the kernel clears it (and wakes us) when the child exits; never
			 * written here after the clone, or a fast child's exit could be lost */
	unsigned long flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
		CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
	long r = raw_clone(flags, stack + sz, &ptid, (int *)&child_tid, child);
	if (r <= 0) {
		fprintf(stderr, "rawclone: clone failed: %ld\n", r);
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
		fprintf(stderr, "rawclone: child misbehaved\n");
		return 1;
	}
	munmap(stack, sz);
	printf("rawclone ok\n");
	return 0;
}
