/* Native backend: signals stay the program's. Prints what it observed; the output must be
 * the same with and without the shim. */

#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

static volatile int hits;
static void on_usr1(int sig)
{
	(void)sig;
	hits++;
	if (write(1, "in handler\n", 11) < 0)
		_exit(90);
}

static pthread_t main_thread;
static void *kicker(void *arg)
{
	struct timespec ts = { 0, 50 * 1000 * 1000 };
	nanosleep(&ts, 0);
	pthread_kill(main_thread, SIGUSR1);
	(void)arg;
	return 0;
}

static void read_interrupted(int restart)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sa.sa_flags = restart ? SA_RESTART : 0;
	sigaction(SIGUSR1, &sa, 0);
	int p[2];
	if (pipe(p))
		exit(2);
	pthread_t t;
	pthread_create(&t, 0, kicker, 0);
	char c;
	ssize_t n;
	if (restart) {
		/* a second kick: the restarted read then gets data */
		struct timespec ts = { 0, 150 * 1000 * 1000 };
		pid_t pid = fork();
		if (pid == 0) {
			nanosleep(&ts, 0);
			if (write(p[1], "x", 1) < 0)
				_exit(90);
			_exit(0);
		}
	}
	n = read(p[0], &c, 1);
	printf("restart=%d read=%zd errno=%s hits=%d\n", restart, n, n < 0 ? strerrorname_np(errno) : "-", hits);
	fflush(stdout);
	pthread_join(t, 0);
	close(p[0]);
	close(p[1]);
}

static char altstack[65536];
static volatile void *seen_sp;
static void on_segv_alt(int sig, siginfo_t *si, void *uc)
{
	(void)sig; (void)si; (void)uc;
	int local;
	seen_sp = &local;
	if (write(1, "alt handler\n", 12) < 0)
		_exit(90);
}

static volatile long emulated;
static void on_sigsys(int sig, siginfo_t *si, void *ucv)
{
	(void)sig;
	ucontext_t *uc = ucv;
	if (si->si_code == 1 /* SYS_SECCOMP */) {
		emulated = si->si_syscall;
		uc->uc_mcontext.gregs[REG_RAX] = 4242;
	}
}

int main(void)
{
	setvbuf(stdout, 0, _IOLBF, 0);
	main_thread = pthread_self();
	read_interrupted(0);
	read_interrupted(1);

	/* A fully blocked mask must not kill the program. */
	sigset_t all, old;
	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, &old);
	sigset_t cur;
	sigprocmask(SIG_SETMASK, 0, &cur);
	printf("blocked: SIGSYS=%d SIGUSR1=%d\n", sigismember(&cur, SIGSYS), sigismember(&cur, SIGUSR1));
	sigprocmask(SIG_SETMASK, &old, 0);

	/* A handler on sigaltstack. */
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0 };
	sigaltstack(&ss, 0);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_segv_alt;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigaction(SIGUSR2, &sa, 0);
	raise(SIGUSR2);
	printf("on altstack: %d\n", (char *)seen_sp >= altstack && (char *)seen_sp < altstack + sizeof altstack);

	/* Its own SIGSYS handler and a seccomp filter trapping getppid. */
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_sigsys;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSYS, &sa, 0);
	struct sigaction back;
	sigaction(SIGSYS, 0, &back);
	printf("sigsys handler is mine: %d\n", back.sa_sigaction == on_sigsys);
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof f / sizeof f[0], f };
	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog))
		perror("seccomp");
	long r = syscall(SYS_getppid);
	printf("getppid under seccomp trap = %ld (emulated nr %ld)\n", r, emulated);
	return 0;
}
