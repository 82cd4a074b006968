/* Daemon-like: closes every descriptor above 2, once with close_range and once with a
 * close loop (each failing with EBADF), then keeps doing I/O, forks, and checks it all
 * still works. A tracer keeping its log on a descriptor must survive this. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "daemon: line %d: %s\n", __LINE__, #c); \
	return 1; } } while (0)

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	CHECK(fd >= 3);
	CHECK(syscall(SYS_close_range, 3, ~0U, 0) == 0);
	CHECK(close(fd) == -1 && errno == EBADF);
	int bad = 0;
	for (int i = 3; i < 256; i++)
		if (close(i) == 0 || errno != EBADF)
			bad++;
	CHECK(bad == 0);
	/* life goes on */
	fd = open("daemon.log", O_WRONLY | O_CREAT | O_APPEND, 0600);
	CHECK(fd == 3);
	for (int i = 0; i < 10; i++)
		CHECK(write(fd, "tick\n", 5) == 5);
	CHECK(close(fd) == 0);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		fd = open("daemon.log", O_RDONLY);
		char buf[128];
		_exit(read(fd, buf, sizeof buf) == 50 ? 0 : 1);
	}
	int st;
	CHECK(pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK(unlink("daemon.log") == 0);
	printf("daemon ok\n");
	return 0;
}
