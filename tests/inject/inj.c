/* Test program for fault injection: does what its arguments say, in order, and prints one
 * line per step with the result, so a test compares results without tracing anything.
 *   o:PATH   raw openat(2) (the trap path)      O:PATH  libc open (the interposed path)
 *   p        raw getppid                         s       SIGWINCH handlers run so far
 *   u        raw getuid                          d:PATH  raw chdir
 *   t:PATH   two threads, each two raw openats of PATH, joined: failures in all
 *   a:RULES  libtrace_inject(RULES)              c       libtrace_inject(NULL)
 *   C:RULES  libtrace_inject_check(RULES)        n       libtrace_inject_count()
 *   k:N      libtrace_inject_keep(N)
 *   x:N      two threads open /dev/null raw while this one adds and drops a rule N times:
 *            the errors seen (EPERM is the rule's; anything else is a bug) */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
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

static volatile int stop_churn;
static long churn_ok, churn_eperm, churn_other;
static void *churn_opens(void *arg)
{
	(void)arg;
	while (!stop_churn) {
		long fd = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY);
		if (fd >= 0) {
			close((int)fd);
			__atomic_add_fetch(&churn_ok, 1, __ATOMIC_RELAXED);
		} else if (errno == EPERM) {
			__atomic_add_fetch(&churn_eperm, 1, __ATOMIC_RELAXED);
		} else {
			__atomic_add_fetch(&churn_other, 1, __ATOMIC_RELAXED);
		}
	}
	return NULL;
}

static void churn(int n)
{
	pthread_t t[2];
	int busy = 0;
	for (int k = 0; k < 2; k++)
		pthread_create(&t[k], NULL, churn_opens, NULL);
	while (__atomic_load_n(&churn_ok, __ATOMIC_RELAXED) < 2)
		sched_yield();
	for (int i = 0; i < n; i++) {
		if (libtrace_inject("openat:error=EPERM:when=1+2") == -EBUSY)
			busy++;
		/* in force until the threads made a call or two */
		long seen = churn_ok + churn_eperm;
		while (__atomic_load_n(&churn_ok, __ATOMIC_RELAXED) +
			       __atomic_load_n(&churn_eperm, __ATOMIC_RELAXED) < seen + 2)
			sched_yield();
		if (libtrace_inject_keep(0) == -EBUSY)
			busy++;
	}
	stop_churn = 1;
	for (int k = 0; k < 2; k++)
		pthread_join(t[k], NULL);
	printf("churn: other errors %ld, busy %d, injected %s\n", churn_other, busy,
	       churn_eperm > 0 ? "some" : "none");
	fprintf(stderr, "churn: %ld made, %ld EPERM\n", churn_ok, churn_eperm);
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
		case 'u':
			result(a, syscall(SYS_getuid));
			break;
		case 'd':
			result(a, syscall(SYS_chdir, v));
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
		case 'x':
			churn(atoi(v));
			break;
		default:
			fprintf(stderr, "inj: bad step %s\n", a);
			return 2;
		}
		fflush(stdout);
	}
	return 0;
}
