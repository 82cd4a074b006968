/* A child that becomes its parent's tracee (PTRACE_TRACEME, as debuggers and sandboxes
 * start programs), stops itself, writes, and execs /bin/true: the parent sees exactly the
 * stops it sees untraced (SIGSTOP, the exec's SIGTRAP, the exit), never a SIGSYS stop of
 * the tracer's traps. Also a second child that is already traced when a window arms it
 * (it execs a traced image while its parent traces it). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void trace_child(const char *name, char *const argv[])
{
	fflush(stdout);
	pid_t p = fork();
	if (p == 0) {
		if (ptrace(PTRACE_TRACEME, 0, 0, 0))
			_exit(90);
		raise(SIGSTOP);
		if (write(1, "child runs\n", 11) != 11 || syscall(SYS_getppid) <= 0)
			_exit(91);
		execv(argv[0], argv);
		_exit(92);
	}
	printf("%s:", name);
	for (int i = 0; i < 50; i++) {
		int st;
		if (waitpid(p, &st, 0) != p)
			break;
		printf(" %#x", st);
		if (!WIFSTOPPED(st))
			break;
		int sig = WSTOPSIG(st);
		ptrace(PTRACE_CONT, p, 0, sig == SIGSTOP || sig == SIGTRAP ? 0 : sig);
	}
	printf("\n");
}

int main(void)
{
	char *t[] = { "/bin/true", 0 };
	char *e[] = { "/bin/echo", "exec'd tracee", 0 };
	trace_child("true", t);
	trace_child("echo", e);
	return 0;
}
