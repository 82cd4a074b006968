/* Native backend: windows opened and closed from another thread while worker threads run
 * (threads that exist before the start must be armed by it), a daemon-like close of every
 * descriptor above 2 in the window, then a SIGKILL of itself: the log must survive. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "libtrace.h"

static volatile int phase;
static void *worker(void *arg)
{
	(void)arg;
	int seen = -1;
	while (phase < 9) {
		if (phase != seen) {
			seen = phase;
			char path[64];
			snprintf(path, sizeof path, "/lt-worker-phase-%d", seen);
			access(path, F_OK);
		}
		usleep(1000);
	}
	return 0;
}

static void step(int p)
{
	phase = p;
	usleep(50000);
}

int main(int argc, char **argv)
{
	(void)argv;
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step(1); /* off */
	LIBTRACE_START();
	step(2); /* on: the worker was armed by the start */
	LIBTRACE_STOP();
	step(3); /* off */
	LIBTRACE_START();
	step(4);
	/* a daemon closes everything above 2 */
	for (int fd = 3; fd < 4096; fd++)
		close(fd);
	syscall(SYS_close_range, 3, ~0u, 0);
	step(5); /* still traced after the close-everything */
	phase = 9;
	pthread_join(t, 0);
	if (argc > 1) {
		if (write(1, "killing\n", 8) < 0)
			_exit(90);
		kill(getpid(), SIGKILL);
	}
	return 0;
}
