/* What the program sees of its alternate signal stack is exactly what it set, whatever the
 * tracer runs its handler on: none at first (also in a new thread), its own after setting
 * one, SS_ONSTACK inside a handler on it, EPERM when changing it from there, EINVAL and
 * ENOMEM as the kernel gives them, none again after disabling it. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *alt;
static size_t altsz = 64 * 1024;

static void show(const char *what)
{
	stack_t cur;
	int r = sigaltstack(NULL, &cur);
	printf("%s: r=%d flags=%#x ours=%d size=%zu\n", what, r, cur.ss_flags,
	       cur.ss_sp == alt && alt, cur.ss_size);
}

static void on_usr1(int sig)
{
	(void)sig;
	char local;
	show("in handler");
	printf("local on it: %d\n", (uintptr_t)&local >= (uintptr_t)alt &&
					     (uintptr_t)&local < (uintptr_t)alt + altsz);
	stack_t dis = { .ss_flags = SS_DISABLE };
	errno = 0;
	int r = sigaltstack(&dis, NULL);
	printf("disable on it: %d %s\n", r, strerror(errno));
}

static void *thr(void *a)
{
	(void)a;
	show("new thread");
	return 0;
}

int main(void)
{
	setvbuf(stdout, 0, _IOLBF, 0);
	show("start");
	alt = malloc(altsz);
	stack_t bad = { .ss_sp = alt, .ss_size = altsz, .ss_flags = 12345 };
	int r = sigaltstack(&bad, NULL);
	printf("bad flags: %d %s\n", r, strerror(errno));
	stack_t small = { .ss_sp = alt, .ss_size = 100 };
	r = sigaltstack(&small, NULL);
	printf("small: %d %s\n", r, strerror(errno));
	show("after errors");
	stack_t ss = { .ss_sp = alt, .ss_size = altsz };
	stack_t old;
	printf("set: %d\n", sigaltstack(&ss, &old));
	printf("old: flags=%#x size=%zu\n", old.ss_flags, old.ss_size);
	show("after set");
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_ONSTACK;
	sigaction(SIGUSR1, &sa, 0);
	raise(SIGUSR1);
	show("after handler");
	pthread_t t;
	if (pthread_create(&t, 0, thr, 0) || pthread_join(t, 0))
		return 3;
	stack_t dis = { .ss_flags = SS_DISABLE };
	printf("disable: %d\n", sigaltstack(&dis, &old));
	printf("old: flags=%#x ours=%d size=%zu\n", old.ss_flags, old.ss_sp == alt, old.ss_size);
	show("after disable");
	return 0;
}
