/* posix_spawn of this program with "child" (known calls, exit 5), and of a missing program
 * (posix_spawn reports ENOENT). */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "child") == 0) {
		int fd = open("/dev/null", O_WRONLY);
		if (fd < 0 || write(fd, "spawned\n", 8) != 8)
			return 1;
		close(fd);
		return 5;
	}
	char *args[] = { argv[0], "child", NULL };
	pid_t pid;
	int r = posix_spawn(&pid, "/proc/self/exe", NULL, NULL, args, environ);
	int st;
	if (r || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 5) {
		fprintf(stderr, "spawn: child failed (%d)\n", r);
		return 1;
	}
	char *none[] = { "/nonexistent/prog", NULL };
	r = posix_spawn(&pid, none[0], NULL, NULL, none, environ);
	if (r != ENOENT) {
		fprintf(stderr, "spawn: expected ENOENT, got %d\n", r);
		return 1;
	}
	printf("spawn ok\n");
	return 0;
}
