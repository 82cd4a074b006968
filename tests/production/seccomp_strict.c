/* Strict seccomp (strace's seccomp-strict and prctl-seccomp-strict): after
 * seccomp(SECCOMP_SET_MODE_STRICT) or prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT) only read,
 * write, exit and rt_sigreturn are allowed (anything else kills), and rdtsc faults. Mode
 * "prctl" (argv[1]) takes the prctl; each mode runs in a child, whose status is printed. */
#include <linux/seccomp.h>
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

int main(void)
{
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
