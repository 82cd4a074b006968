/* A handler on an alternate signal stack: it checks that it runs there (sigaltstack
 * reports SS_ONSTACK, a local lies inside the stack) and makes syscalls. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *alt;
static size_t altsz = 64 * 1024;
static volatile sig_atomic_t ok;

static void on_usr2(int sig)
{
	(void)sig;
	char local;
	stack_t cur;
	if (sigaltstack(NULL, &cur))
		return;
	if ((cur.ss_flags & SS_ONSTACK) && (uintptr_t)&local >= (uintptr_t)alt &&
	    (uintptr_t)&local < (uintptr_t)alt + altsz && write(1, "on altstack\n", 12) == 12)
		ok = 1;
}

int main(void)
{
	alt = malloc(altsz);
	stack_t ss = { .ss_sp = alt, .ss_size = altsz, .ss_flags = 0 };
	if (!alt || sigaltstack(&ss, NULL))
		return 1;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr2;
	sa.sa_flags = SA_ONSTACK;
	if (sigaction(SIGUSR2, &sa, NULL) || kill(getpid(), SIGUSR2))
		return 1;
	if (!ok) {
		fprintf(stderr, "sigaltstack: handler did not run on the alternate stack\n");
		return 1;
	}
	stack_t dis = { .ss_flags = SS_DISABLE };
	if (sigaltstack(&dis, NULL))
		return 1;
	printf("sigaltstack ok\n");
	return 0;
}
