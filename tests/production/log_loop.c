/* log_loop N: N write()s to /dev/null (the interposed path) and N syscall(getppid) (the
 * trap path), then "done N". What the log tests trace. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1000;
	int fd = open("/dev/null", O_WRONLY);
	if (fd < 0)
		return 2;
	for (int i = 0; i < n; i++) {
		if (write(fd, "x", 1) != 1)
			return 1;
		syscall(SYS_getppid);
	}
	printf("done %d\n", n);
	return 0;
}
