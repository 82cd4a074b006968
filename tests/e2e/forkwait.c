/* fork + wait: the child does known I/O and exits 3; the parent checks the status. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int p[2];
	if (pipe(p))
		return 1;
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		close(p[0]);
		if (write(p[1], "child", 5) != 5)
			_exit(1);
		int fd = open("/dev/null", O_WRONLY);
		if (fd < 0 || write(fd, "x", 1) != 1)
			_exit(1);
		close(fd);
		_exit(3);
	}
	close(p[1]);
	char buf[16];
	ssize_t n = read(p[0], buf, sizeof buf);
	int st;
	if (waitpid(pid, &st, 0) != pid)
		return 1;
	if (n != 5 || !WIFEXITED(st) || WEXITSTATUS(st) != 3) {
		fprintf(stderr, "forkwait: bad child (n=%zd status=%#x)\n", n, st);
		return 1;
	}
	if (waitpid(pid, &st, 0) != -1)
		return 1; /* ECHILD on purpose */
	printf("forkwait ok\n");
	return 0;
}
