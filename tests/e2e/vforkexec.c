/* vfork + execve of this program with "child" (which makes a few known calls and exits
 * 7), then a vfork whose exec fails (ENOENT) and whose child _exits 9. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "child") == 0) {
		int fd = open("/dev/null", O_WRONLY);
		if (fd < 0 || write(fd, "exec'd\n", 7) != 7)
			return 1;
		close(fd);
		return 7;
	}
	char *args[] = { argv[0], "child", NULL };
	pid_t pid = vfork();
	if (pid == 0) {
		execve("/proc/self/exe", args, environ);
		_exit(127);
	}
	int st;
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 7) {
		fprintf(stderr, "vforkexec: exec'd child failed\n");
		return 1;
	}
	pid = vfork();
	if (pid == 0) {
		char *none[] = { "/nonexistent/prog", NULL };
		execve(none[0], none, environ);
		_exit(errno == ENOENT ? 9 : 1);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 9) {
		fprintf(stderr, "vforkexec: failed-exec child wrong\n");
		return 1;
	}
	printf("vforkexec ok\n");
	return 0;
}
