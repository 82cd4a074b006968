/* A handler with SA_RESTART interrupts a blocking read: the read resumes and returns the
 * byte the handler wrote to the pipe. Self-checking. */
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
	sa.sa_handler = on_alarm;
	sa.sa_flags = SA_RESTART;
	if (pipe(p) || sigaction(SIGALRM, &sa, NULL))
		return 1;
	struct itimerval it = { { 0, 0 }, { 0, 100000 } }; /* 100 ms: blocked in read by then */
	if (setitimer(ITIMER_REAL, &it, NULL))
		return 1;
	char c = 0;
	ssize_t n = read(p[0], &c, 1);
	if (n != 1 || c != '!' || hits != 1) {
		fprintf(stderr, "sigrestart: read returned %zd errno %d hits %d\n", n,
			n < 0 ? errno : 0, hits);
		return 1;
	}
	printf("sigrestart ok\n");
	return 0;
}
