/* Control signals and the program's own handlers. Prints to stderr the control signals
 * the shim publishes in /proc/self/maps ("ctl START STOP", or "ctl none"), to stdout what
 * the program itself sees. Modes:
 *   show       only the published signals
 *   sigaction  installs its own SIGUSR1 handler with sigaction(), raises SIGUSR1
 *   signal     the same with signal()
 *   raw        the same with a raw rt_sigaction syscall (seen by the native backend only
 *              while a window is open)
 * then, under the shim, opens and closes a window with the published signals, with an
 * access() of a recognisable path before, inside and after, and prints "done". */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile sig_atomic_t got;
static void handler(int sig) { got = sig; }

/* The published signals: 1 (start and stop set), or 0 without the shim. */
static int published(int *start, int *stop)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[512];
	int found = 0;
	while (f && fgets(line, sizeof line, f)) {
		char *p = strstr(line, "/memfd:libtrace-ctl:");
		if (p && sscanf(p, "/memfd:libtrace-ctl:%d:%d", start, stop) == 2)
			found++;
	}
	if (f)
		fclose(f);
	if (found > 1)
		fprintf(stderr, "ctl published %d times\n", found);
	return found == 1;
}

static void show(void)
{
	int a, b;
	if (published(&a, &b))
		fprintf(stderr, "ctl %d %d\n", a, b);
	else
		fprintf(stderr, "ctl none\n");
}

struct k_sigaction {
	void (*h)(int);
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask;
};

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "show";
	show();
	if (!strcmp(mode, "show"))
		return 0;
	if (!strcmp(mode, "sigaction")) {
		struct sigaction sa, old;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = handler;
		sigaction(SIGUSR1, &sa, &old);
		printf("old handler default: %d\n", old.sa_handler == SIG_DFL);
	} else if (!strcmp(mode, "signal")) {
		void (*old)(int) = signal(SIGUSR1, handler);
		printf("old handler default: %d\n", old == SIG_DFL);
	} else if (!strcmp(mode, "raw")) {
		/* Through libc's sigaction for the restorer, then the raw call the native
		 * backend sees: the handler as glibc installed it. */
		struct k_sigaction k;
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = handler;
		sigaction(SIGURG, &sa, NULL);
		syscall(SYS_rt_sigaction, SIGURG, NULL, &k, 8);
		long r = syscall(SYS_rt_sigaction, SIGUSR1, &k, NULL, 8);
		printf("raw rt_sigaction: %ld\n", r);
	}
	fflush(stdout);
	show();
	raise(SIGUSR1);
	printf("handler ran: %d\n", got == SIGUSR1);
	fflush(stdout);
	int start, stop;
	if (published(&start, &stop) && start && stop) {
		access("/lt-sig-before", F_OK);
		kill(getpid(), start);
		access("/lt-sig-inside", F_OK);
		kill(getpid(), stop);
		access("/lt-sig-after", F_OK);
	}
	printf("done\n");
	return 0;
}
