/* 64 threads at once: all are created before any may finish (each blocks reading one byte
 * from a shared pipe until the main thread releases them all), so thread stacks are never
 * reused and every thread's calls are deterministic. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#define NT 64

static int go[2], devnull;

static void *worker(void *arg)
{
	long i = (long)arg;
	char c;
	if (read(go[0], &c, 1) != 1)
		return (void *)1;
	int fd = dup3(devnull, 100 + (int)i, O_CLOEXEC);
	if (fd < 0)
		return (void *)1;
	char line[16];
	int n = snprintf(line, sizeof line, "thread %ld\n", i);
	long bad = write(fd, line, n) != n;
	close(fd);
	return (void *)bad;
}

int main(void)
{
	pthread_t t[NT];
	devnull = open("/dev/null", O_WRONLY);
	if (pipe(go) || devnull < 0)
		return 1;
	for (long i = 0; i < NT; i++)
		if (pthread_create(&t[i], NULL, worker, (void *)i))
			return 1;
	char buf[NT];
	for (int i = 0; i < NT; i++)
		buf[i] = 'g';
	if (write(go[1], buf, NT) != NT)
		return 1;
	long bad = 0;
	for (int i = 0; i < NT; i++) {
		void *r;
		pthread_join(t[i], &r);
		bad += (long)r;
	}
	printf("manythreads %s\n", bad ? "FAILED" : "ok");
	return bad != 0;
}
