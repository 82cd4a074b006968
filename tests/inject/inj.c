/* Test program for fault injection: does what its arguments say, in order, and prints one
 * line per step with the result, so a test compares results without tracing anything.
 *   o:PATH   raw openat(2) (the trap path)      O:PATH  libc open (the interposed path)
 *   p        raw getppid                         s       SIGWINCH handlers run so far
 *   t:PATH   two threads, each two raw openats of PATH, joined: failures in all
 *   a:RULES  libtrace_inject(RULES)              c       libtrace_inject(NULL)
 *   C:RULES  libtrace_inject_check(RULES)        n       libtrace_inject_count()
 *   k:N      libtrace_inject_keep(N) */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "libtrace.h"

static volatile sig_atomic_t winch;
static void on_winch(int sig)
{
	(void)sig;
	winch++;
}

static void result(const char *what, long r)
{
	if (r < 0)
		printf("%s = -1 %s (%s)\n", what, strerrorname_np(errno), strerror(errno));
	else
		printf("%s = %ld\n", what, r);
	fflush(stdout);
}

static int fails;
static void *two_opens(void *path)
{
	for (int i = 0; i < 2; i++) {
		long fd = syscall(SYS_openat, AT_FDCWD, path, O_RDONLY);
		if (fd < 0)
			__atomic_add_fetch(&fails, 1, __ATOMIC_RELAXED);
		else
			close((int)fd);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	signal(SIGWINCH, on_winch);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = a[0] && a[1] == ':' ? a + 2 : "";
		long r;
		switch (a[0]) {
		case 'o':
			r = syscall(SYS_openat, AT_FDCWD, v, O_RDONLY);
			result(a, r);
			if (r >= 0)
				close((int)r);
			break;
		case 'O':
			r = open(v, O_RDONLY);
			result(a, r);
			if (r >= 0)
				close((int)r);
			break;
		case 'p':
			result(a, syscall(SYS_getppid));
			break;
		case 's':
			printf("winch = %d\n", (int)winch);
			break;
		case 't': {
			pthread_t t[2];
			for (int k = 0; k < 2; k++)
				pthread_create(&t[k], NULL, two_opens, (void *)v);
			for (int k = 0; k < 2; k++)
				pthread_join(t[k], NULL);
			printf("thread opens failed = %d\n", fails);
			break;
		}
		case 'a':
		case 'c':
			if (!libtrace_inject) {
				printf("no libtrace_inject\n");
				return 2;
			}
			r = libtrace_inject(a[0] == 'a' ? v : NULL);
			printf("inject = %ld%s%s\n", r, r ? " " : "", r ? libtrace_inject_error() : "");
			break;
		case 'C':
			r = libtrace_inject_check(v);
			printf("check = %ld%s%s\n", r, r ? " " : "", r ? libtrace_inject_error() : "");
			break;
		case 'n':
			printf("count = %d\n", libtrace_inject_count());
			break;
		case 'k':
			printf("keep = %d\n", libtrace_inject_keep(atoi(v)));
			break;
		default:
			fprintf(stderr, "inj: bad step %s\n", a);
			return 2;
		}
		fflush(stdout);
	}
	return 0;
}
