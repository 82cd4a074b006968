/* log_clonevm N: a child made by clone(CLONE_VM|SIGCHLD), a process of its own on our
 * memory and our TLS block, writes N times to descriptor 21 while the parent writes N times
 * to descriptor 20. Prints the child's pid. Traced, the parent's log must hold the
 * parent's N writes and none of the child's (a sibling must never write into the parent's
 * buffers), and stay readable. */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static int n;
static volatile int go;

static int child(void *arg)
{
	(void)arg;
	while (!go)
		;
	for (int i = 0; i < n; i++)
		if (write(21, "c", 1) != 1)
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	n = argc > 1 ? atoi(argv[1]) : 10000;
	int fd = open("/dev/null", O_WRONLY);
	if (fd < 0 || dup2(fd, 20) != 20 || dup2(fd, 21) != 21)
		return 2;
	size_t sz = 1 << 20;
	char *stack = mmap(0, sz, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (stack == MAP_FAILED)
		return 2;
	int pid = clone(child, stack + sz, CLONE_VM | SIGCHLD, 0);
	if (pid < 0) {
		perror("clone");
		return 2;
	}
	go = 1;
	for (int i = 0; i < n; i++)
		if (write(20, "p", 1) != 1)
			return 1;
	int status;
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "child status %#x\n", status);
		return 1;
	}
	printf("child %d\n", pid);
	return 0;
}
