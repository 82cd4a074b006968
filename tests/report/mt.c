/* A small multi-threaded, multi-process program for the report's tests: 8 named threads
 * each write known lines and make one failing call; then a forked child writes and exits
 * with status 3. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define NTHREADS 8

static void *worker(void *arg)
{
	long i = (long)arg;
	char name[16], line[64];
	snprintf(name, sizeof(name), "worker-%ld", i);
	prctl(PR_SET_NAME, name);
	int fd = open("/dev/null", O_WRONLY);
	for (int k = 0; k < 5; k++) {
		int n = snprintf(line, sizeof(line), "thread %ld line %d\n", i, k);
		if (write(fd, line, (size_t)n) != n)
			return NULL;
	}
	close(fd);
	close(-1); /* EBADF, on purpose */
	return NULL;
}

int main(void)
{
	pthread_t t[NTHREADS];
	for (long i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	if (access("/nonexistent/libtrace", F_OK) == 0)
		return 1;
	pid_t pid = fork();
	if (pid == 0) {
		if (write(1, "child\n", 6) != 6)
			_exit(1);
		_exit(3);
	}
	int st;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) && WEXITSTATUS(st) == 3 ? 0 : 1;
}
