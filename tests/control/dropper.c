/* A worker that gives up root: the parent (root) forks a child that setgid/setuid()s to
 * the user in argv[1] (65534 if none), then, under the shim, opens a window with the
 * start signal published in /proc/self/maps, makes a recognisable access(), closes the
 * window and exits. The parent prints the child's wait status. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int published(int *start, int *stop)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[512];
	int found = 0;
	while (f && fgets(line, sizeof line, f)) {
		char *p = strstr(line, "/memfd:libtrace-ctl:");
		if (p && sscanf(p, "/memfd:libtrace-ctl:%d:%d", start, stop) == 2)
			found = 1;
	}
	if (f)
		fclose(f);
	return found;
}

int main(int argc, char **argv)
{
	int uid = argc > 1 ? atoi(argv[1]) : 65534;
	fflush(stdout);
	pid_t p = fork();
	if (p == 0) {
		if (setgid(uid) || setuid(uid)) {
			perror("setuid");
			_exit(2);
		}
		int start, stop;
		if (published(&start, &stop) && start && stop) {
			kill(getpid(), start);
			access("/lt-worker-inside", F_OK);
			kill(getpid(), stop);
		}
		access("/lt-worker-after", F_OK);
		_exit(getuid() == (uid_t)uid ? 0 : 3);
	}
	int st;
	waitpid(p, &st, 0);
	printf("worker status %d\n", st);
	return 0;
}
