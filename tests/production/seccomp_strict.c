/* Strict seccomp (strace's seccomp-strict and prctl-seccomp-strict): after
 * seccomp(SECCOMP_SET_MODE_STRICT) or prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT) only read,
 * write, exit and rt_sigreturn are allowed (anything else kills), and rdtsc faults. Then a
 * filter that allows write, exit and exit_group only (strace's seccomp-filter-v): no
 * rt_sigreturn, so no trap could return. Each runs in a child, whose status is printed. */
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void strict_child(int use_prctl)
{
	static const char msg[] = "strict: write ok\n";
	long r = use_prctl ? prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT, 0, 0, 0)
			   : syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 0, 0);
	if (r)
		syscall(SYS_exit, 2);
	long w = write(1, msg, sizeof msg - 1);
	syscall(SYS_exit, w == (long)sizeof msg - 1 ? 0 : 3);
}

static void filter_child(void)
{
	static const char msg[] = "filter: write ok\n";
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_write, 3, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_exit, 2, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_exit_group, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof f / sizeof f[0], f };
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog))
		_exit(2);
	long w = write(1, msg, sizeof msg - 1);
	_exit(w == (long)sizeof msg - 1 ? 0 : 3);
}

int main(void)
{
	fflush(stdout);
	pid_t c = fork();
	if (c == 0)
		filter_child();
	int cs = 0;
	waitpid(c, &cs, 0);
	printf("filter: status %#x\n", cs);
	for (int use_prctl = 0; use_prctl < 2; use_prctl++) {
		fflush(stdout);
		pid_t p = fork();
		if (p == 0)
			strict_child(use_prctl);
		int st = 0;
		waitpid(p, &st, 0);
		printf("%s: status %#x\n", use_prctl ? "prctl" : "seccomp", st);
	}
	return 0;
}
