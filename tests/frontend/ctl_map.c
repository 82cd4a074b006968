/* A process that looks like one with the shim to `libtrace start|stop`: it maps a memfd
 * named as the shim names its control mapping ("libtrace-ctl:START:STOP", argv[1]), or the
 * file argv[1] when it is a path (a shim mapped without that memfd), and prints the
 * signal it gets. Tests the launcher's side of that contract on its own. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_sig(int sig) { got = sig; }

int main(int argc, char **argv)
{
	if (argc != 2)
		return 2;
	int fd = argv[1][0] == '/' ? open(argv[1], O_RDONLY | O_CLOEXEC)
				   : memfd_create(argv[1], MFD_CLOEXEC);
	if (fd < 0 || (argv[1][0] != '/' && ftruncate(fd, 4096) < 0))
		return 1;
	if (mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED)
		return 1;
	close(fd);
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sig;
	for (int s = 1; s < 32; s++)
		if (s != SIGKILL && s != SIGSTOP)
			sigaction(s, &sa, NULL);
	printf("ready\n");
	fflush(stdout);
	for (int i = 0; i < 1000 && !got; i++)
		usleep(10000);
	printf("signal %d\n", (int)got);
	return 0;
}
