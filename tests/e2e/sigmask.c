/* Every signal blocked (sigfillset + sigprocmask), then ordinary syscalls; a signal raised
 * while blocked stays pending and is handled (with a full sa_mask) once unblocked. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	(void)sig;
	got++;
	if (write(1, "handler\n", 8) != 8)
		_exit(2);
}

int main(void)
{
	sigset_t all, old, pend;
	sigfillset(&all);
	if (sigprocmask(SIG_SETMASK, &all, &old))
		return 1;
	/* syscalls with everything blocked (SIGSYS included, as far as the program knows) */
	int fd = open("/dev/null", O_WRONLY);
	if (fd < 0 || write(fd, "x", 1) != 1 || close(fd))
		return 1;
	if (getpid() <= 0)
		return 1;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sigfillset(&sa.sa_mask);
	if (sigaction(SIGUSR1, &sa, NULL))
		return 1;
	if (raise(SIGUSR1) || got)
		return 1;
	if (sigpending(&pend) || !sigismember(&pend, SIGUSR1))
		return 1;
	sigset_t cur;
	if (sigprocmask(SIG_BLOCK, NULL, &cur) || !sigismember(&cur, SIGSYS))
		return 1; /* the program must see the mask it set */
	if (sigprocmask(SIG_SETMASK, &old, NULL) || got != 1)
		return 1;
	printf("sigmask ok\n");
	return 0;
}
