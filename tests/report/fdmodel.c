/* The descriptor cases of issue 13, for tests/report/test_fd_model.sh: F_DUPFD,
 * F_DUPFD_CLOEXEC, F_SETFD, dup, dup3, O_CLOEXEC, and what an exec keeps of each. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
int main(int argc, char **argv)
{
	char buf[8];
	if (argc == 2 && !strcmp(argv[1], "child")) {
		getppid(); /* marker: compare from here */
		close(3);  /* O_CLOEXEC: gone */
		close(4);  /* F_SETFD FD_CLOEXEC: gone */
		close(21); /* F_DUPFD_CLOEXEC: gone */
		close(23); /* dup3 O_CLOEXEC: gone */
		if (read(20, buf, 4) != 4 || read(22, buf, 2) != 2) /* still open */
			return 1;
		close(20);
		close(22);
		return 0;
	}
	if (argc != 2)
		return 2;
	int fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd != 3)
		return 3;
	getppid();
	if (fcntl(fd, F_DUPFD, 20) != 20 || read(20, buf, 2) != 2)
		return 1;
	if (fcntl(fd, F_DUPFD_CLOEXEC, 21) != 21 || read(21, buf, 1) != 1)
		return 1;
	if (dup(fd) != 4 || fcntl(4, F_SETFD, FD_CLOEXEC) != 0 || read(4, buf, 1) != 1)
		return 1;
	if (dup3(fd, 22, 0) != 22 || dup3(fd, 23, O_CLOEXEC) != 23 || read(23, buf, 1) != 1)
		return 1;
	if (fcntl(22, F_SETFD, 0) != 0)
		return 1;
	execl("/proc/self/exe", argv[0], "child", (char *)0);
	return 4;
}
