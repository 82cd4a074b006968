/* Native backend: every kind of task: pthreads, a raw CLONE_THREAD clone without TLS, fork,
 * vfork+exec, posix_spawn. */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
extern char **environ;
static void *thr(void *arg)
{
	char b[32];
	int n = snprintf(b, sizeof b, "thread %ld\n", (long)arg);
	if (write(1, b, n) < 0)
		_exit(90);
	return 0;
}
static int rawchild(void *arg)
{
	(void)arg;
	syscall(SYS_write, 1, "raw\n", 4);
	return 0;
}
int main(void)
{
	pthread_t t[4];
	for (long i = 0; i < 4; i++)
		pthread_create(&t[i], 0, thr, (void *)i);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], 0);
	/* raw clone thread without TLS */
	char *stk = mmap(0, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int tid = clone(rawchild, stk + 65536, CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM, 0);
	/* wait for the raw thread: it clears nothing, so poll its /proc entry */
	char path[64];
	snprintf(path, sizeof path, "/proc/self/task/%d", tid);
	for (int i = 0; i < 1000 && access(path, F_OK) == 0; i++)
		usleep(1000);
	pid_t p = fork();
	if (p == 0) {
		if (write(1, "child\n", 6) < 0)
			_exit(90);
		_exit(7);
	}
	int st;
	waitpid(p, &st, 0);
	printf("fork child exit %d\n", WEXITSTATUS(st));
	fflush(stdout);
	p = vfork();
	if (p == 0) {
		execl("/bin/echo", "echo", "vforked", (char *)0);
		_exit(127);
	}
	waitpid(p, &st, 0);
	char *argv[] = { "echo", "spawned", 0 };
	posix_spawn(&p, "/bin/echo", 0, 0, argv, environ);
	waitpid(p, &st, 0);
	printf("done\n");
	return 0;
}
