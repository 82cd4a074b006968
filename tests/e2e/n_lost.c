/* Native backend: when the log cannot grow (here RLIMIT_FSIZE), records are counted as
 * lost, and an LT_REC_LOST record says how many once the log can grow again. */
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	signal(SIGXFSZ, SIG_IGN);
	struct rlimit rl;
	getrlimit(RLIMIT_FSIZE, &rl);
	struct rlimit small = { 3u << 20, rl.rlim_max };
	setrlimit(RLIMIT_FSIZE, &small);
	for (int i = 0; i < 60000; i++)
		syscall(SYS_getppid);
	setrlimit(RLIMIT_FSIZE, &rl);
	syscall(SYS_getpid);
	printf("done\n");
	return 0;
}
