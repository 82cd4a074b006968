/* A hardened program: a seccomp allow-list (as sandboxes install) of the calls it makes,
 * that kills the process on any other: process_vm_readv, and the calls only the tracer
 * makes (prctl, fallocate, pwrite64, readlinkat, sched_yield...). Traced, it must run as
 * untraced: the tracer's copies from the program's memory are direct, even in a thread
 * that blocks every signal, even from bad pointers, even in the program's own handler; the
 * tracer makes none of its own calls the filter would kill. */
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define ALLOW(nr) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1), \
		  BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)

static void install(void)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		ALLOW(SYS_read), ALLOW(SYS_write), ALLOW(SYS_close), ALLOW(SYS_fstat),
		ALLOW(SYS_newfstatat), ALLOW(SYS_mmap), ALLOW(SYS_munmap), ALLOW(SYS_mprotect),
		ALLOW(SYS_madvise), ALLOW(SYS_brk), ALLOW(SYS_rt_sigaction),
		ALLOW(SYS_rt_sigprocmask), ALLOW(SYS_rt_sigreturn), ALLOW(SYS_rt_sigpending),
		ALLOW(SYS_exit_group), ALLOW(SYS_exit), ALLOW(SYS_getpid), ALLOW(SYS_gettid),
		ALLOW(SYS_getppid), ALLOW(SYS_tgkill), ALLOW(SYS_futex), ALLOW(SYS_openat),
		ALLOW(SYS_clone), ALLOW(SYS_clone3), ALLOW(SYS_set_robust_list), ALLOW(SYS_rseq),
		ALLOW(SYS_uname), ALLOW(SYS_getrandom), ALLOW(SYS_ioctl),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
	};
	struct sock_fprog prog = { .len = sizeof f / sizeof f[0], .filter = f };
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog)) {
		perror("seccomp");
		_exit(1);
	}
}

static void calls(const char *who)
{
	char buf[256];
	int fd = open("/dev/zero", O_RDONLY);
	long r1 = read(fd, buf, sizeof buf);
	long r2 = syscall(SYS_read, fd, buf, 16);
	errno = 0;
	long r3 = syscall(SYS_uname, (void *)8);
	int e3 = errno;
	long r4 = syscall(SYS_write, 1, (void *)8, 4);
	close(fd);
	sigset_t s;
	sigprocmask(SIG_BLOCK, 0, &s);
	printf("%s: %ld %ld %ld/%d %ld\n", who, r1, r2, r3, e3, r4);
}

static void on_usr1(int sig)
{
	(void)sig;
	calls("handler");
}

static void *thread_blocking_all(void *arg)
{
	(void)arg;
	sigset_t all;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, 0);
	calls("thread, all blocked");
	return 0;
}

int main(void)
{
	setvbuf(stdout, 0, _IOLBF, 0);
	signal(SIGUSR1, on_usr1);
	install();
	calls("main");
	raise(SIGUSR1);
	pthread_t t;
	if (pthread_create(&t, 0, thread_blocking_all, 0) || pthread_join(t, 0))
		return 2;
	sigset_t segv;
	sigemptyset(&segv);
	sigaddset(&segv, SIGSEGV);
	sigprocmask(SIG_BLOCK, &segv, 0);
	calls("main, SIGSEGV blocked");
	return 0;
}
