/* The program's own seccomp filter (SECCOMP_RET_TRAP for umask) and its own SIGSYS
 * handler: the handler must see si_code SYS_SECCOMP and si_syscall __NR_umask, and its
 * return value (42, set in the context) is what umask returns. */
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#ifndef SYS_SECCOMP
#define SYS_SECCOMP 1
#endif

static volatile sig_atomic_t seen, bad;

static void on_sigsys(int sig, siginfo_t *si, void *uc_)
{
	ucontext_t *uc = uc_;
	(void)sig;
	seen++;
	if (si->si_code != SYS_SECCOMP || si->si_syscall != SYS_umask)
		bad = 1;
	uc->uc_mcontext.gregs[REG_RAX] = 42;
	if (write(1, "sigsys\n", 7) != 7)
		bad = 1;
}

int main(void)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_umask, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = sizeof f / sizeof f[0], .filter = f };
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_sigsys;
	sa.sa_flags = SA_SIGINFO;
	if (sigaction(SIGSYS, &sa, NULL))
		return 1;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog))
		return 1;
	mode_t r = umask(022);
	if (r != 42 || seen != 1 || bad) {
		fprintf(stderr, "seccomp: umask returned %o, seen %d, bad %d\n", (unsigned)r,
			(int)seen, (int)bad);
		return 1;
	}
	if (getpid() <= 0)
		return 1; /* other calls still allowed */
	printf("seccomp ok\n");
	return 0;
}
