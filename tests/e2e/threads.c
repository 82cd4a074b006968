/* 4 pthreads, each doing a known sequence of writes to its own file; the main thread
 * checks the files after joining them. The main thread opens the files (threads racing
 * for the lowest free descriptor would make fd numbers differ from run to run); each
 * thread moves its file to descriptor 50+i with dup3 and works there. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define NT 4
#define NW 5

static int fds[NT];

static void *worker(void *arg)
{
	long i = (long)arg;
	char line[32];
	int fd = dup3(fds[i], 50 + (int)i, O_CLOEXEC);
	if (fd < 0 || close(fds[i]))
		return (void *)1;
	for (int k = 0; k < NW; k++) {
		int n = snprintf(line, sizeof line, "t%ld line %d\n", i, k);
		if (write(fd, line, n) != n)
			return (void *)1;
	}
	close(fd);
	return NULL;
}

int main(void)
{
	pthread_t t[NT];
	for (int i = 0; i < NT; i++) {
		char name[32];
		snprintf(name, sizeof name, "thread%d.txt", i);
		fds[i] = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fds[i] < 0)
			return 1;
	}
	for (long i = 0; i < NT; i++)
		if (pthread_create(&t[i], NULL, worker, (void *)i))
			return 1;
	int bad = 0;
	for (int i = 0; i < NT; i++) {
		void *r;
		pthread_join(t[i], &r);
		bad |= r != NULL;
	}
	for (int i = 0; i < NT; i++) {
		char name[32], buf[256];
		snprintf(name, sizeof name, "thread%d.txt", i);
		int fd = open(name, O_RDONLY);
		ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf) : -1;
		close(fd);
		if (n != NW * 10) /* "tI line K\n" */
			bad = 1;
	}
	printf("threads %s\n", bad ? "FAILED" : "ok");
	return bad;
}
