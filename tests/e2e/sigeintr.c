/* A handler without SA_RESTART interrupts a blocking read: the read fails with EINTR. The
 * handler writes to the pipe, so the next read finds the byte. Self-checking. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static int p[2];
static volatile sig_atomic_t hits;

static void on_alarm(int sig)
{
	(void)sig;
	hits++;
	if (write(p[1], "!", 1) != 1)
		_exit(2);
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm; /* no SA_RESTART */
	if (pipe(p) || sigaction(SIGALRM, &sa, NULL))
		return 1;
	struct itimerval it = { { 0, 0 }, { 0, 100000 } }; /* 100 ms: blocked in read by then */
	if (setitimer(ITIMER_REAL, &it, NULL))
		return 1;
	char c;
	ssize_t n = read(p[0], &c, 1);
	int e = errno;
	if (n != -1 || e != EINTR || hits != 1) {
		fprintf(stderr, "sigeintr: read returned %zd errno %d hits %d\n", n, e, hits);
		return 1;
	}
	n = read(p[0], &c, 1);
	if (n != 1 || c != '!')
		return 1;
	printf("sigeintr ok\n");
	return 0;
}
