/* A program that forbids itself the TSC (prctl(PR_SET_TSC, PR_TSC_SIGSEGV): rdtsc raises
 * SIGSEGV, and with it the vDSO's clock_gettime). The tracer's timestamps must not use it
 * from then on: in this thread, in a thread started later, in a fork child, and in an
 * image exec'd with the TSC still off. The program itself never reads the clock after. */
#include <pthread.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void calls(const char *who)
{
	char buf[64];
	int n = snprintf(buf, sizeof buf, "%s: ppid ok %d\n", who, syscall(SYS_getppid) > 0);
	if (write(1, buf, n) != n)
		_exit(9);
}

static void *thr(void *a)
{
	(void)a;
	calls("thread");
	return 0;
}

int main(void)
{
	if (prctl(PR_SET_TSC, PR_TSC_SIGSEGV, 0, 0, 0)) {
		perror("PR_SET_TSC");
		return 1;
	}
	int mode = 0;
	prctl(PR_GET_TSC, &mode, 0, 0, 0);
	printf("tsc mode %d\n", mode);
	fflush(stdout);
	calls("main");
	pthread_t t;
	if (pthread_create(&t, 0, thr, 0) || pthread_join(t, 0))
		return 2;
	pid_t p = fork();
	if (p == 0) {
		calls("child");
		execl("/bin/echo", "echo", "exec'd with the TSC off", (char *)0);
		_exit(3);
	}
	int st;
	waitpid(p, &st, 0);
	printf("child status %#x\n", st);
	return 0;
}
