/* A thread that blocks every signal (as jemalloc's background thread does) while a window
 * opens (libtrace_start, the C API, or nothing when untraced) never receives the window's
 * arm signal: it must be armed at its next interposed call, its calls recorded, and still
 * see every signal blocked. Run with LIBTRACE_START=0. */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../../include/libtrace.h"

static int go[2], done[2];

static void *worker(void *a)
{
	(void)a;
	sigset_t all;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, 0);
	char c;
	if (write(done[1], "r", 1) != 1 || read(go[0], &c, 1) != 1) /* the window opens */
		return 0;
	char msg[] = "worker after the window opened\n";
	if (write(1, msg, strlen(msg)) != (ssize_t)strlen(msg))
		return 0;
	syscall(SYS_getppid);
	sigset_t now;
	pthread_sigmask(SIG_BLOCK, 0, &now);
	printf("worker: all blocked %d, SIGSYS blocked %d\n", sigisemptyset(&now) == 0 &&
	       sigismember(&now, SIGUSR1) && sigismember(&now, SIGTERM), sigismember(&now, SIGSYS));
	fflush(stdout);
	if (write(done[1], "d", 1) != 1)
		return 0;
	return 0;
}

int main(void)
{
	setvbuf(stdout, 0, _IOLBF, 0);
	if (pipe(go) || pipe(done))
		return 1;
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	char c;
	if (read(done[0], &c, 1) != 1)
		return 2;
	printf("start: %d\n", LIBTRACE_START() >= 0);
	if (write(go[1], "g", 1) != 1 || read(done[0], &c, 1) != 1)
		return 3;
	pthread_join(t, 0);
	LIBTRACE_STOP();
	printf("main done\n");
	return 0;
}
