/* The program's own syscall user dispatch (prctl(PR_SET_SYSCALL_USER_DISPATCH)), which the
 * native backend's is: turning it off is answered without touching the tracer's (tracing
 * goes on), turning it on hands the thread's dispatch to the program, whose SIGSYS handler
 * then sees its trapped call as it would untraced. Prints what the program saw; exit 0. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#define PR_SET_SYSCALL_USER_DISPATCH_ 59

static volatile char selector; /* SYSCALL_DISPATCH_FILTER_ALLOW */
static volatile int trapped;

static void on_sigsys(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	(void)sig;
	selector = 0;
	trapped = si->si_syscall;
	uc->uc_mcontext.gregs[REG_RAX] = 42;
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_sigsys;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSYS, &sa, 0);
	long bad = syscall(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH_, 0, 1, 0, 0);
	long off = syscall(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH_, 0, 0, 0, 0);
	long traced = syscall(SYS_getppid); /* still traced */
	long on = syscall(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH_, 1, 0, 0, &selector);
	selector = 1; /* SYSCALL_DISPATCH_FILTER_BLOCK */
	long r = syscall(SYS_getppid); /* the program's handler answers 42 */
	selector = 0;
	long off2 = syscall(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH_, 0, 0, 0, 0);
	printf("bad=%ld off=%ld traced=%d on=%ld trapped=%d r=%ld off2=%ld\n", bad, off,
	       traced == getppid(), on, trapped, r, off2);
	return 0;
}
