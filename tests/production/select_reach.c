/* select_reach: select with nfds past the program's descriptor table. The kernel reads the
 * sets only up to the table's size, so a short set, or a bit set beyond the table, is
 * harmless untraced; the shim's descriptors (near 1000) grow the table, and the shim must
 * keep the kernel's reach where it was (preload/fdguard.c, "select's reach").
 * Run without arguments: closes every descriptor above 2 and runs itself again in a child,
 * whose table is then the smallest (64), whatever the test harness left open. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* A set of `bytes` bytes that ends where an unmapped page starts. */
static unsigned long *short_set(size_t bytes)
{
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED || munmap(p + 4096, 4096))
		return NULL;
	memset(p, 0, 4096);
	return (unsigned long *)(p + 4096 - bytes);
}

static void show(const char *what, long r)
{
	if (r < 0)
		printf("%s = -1 %s\n", what, strerrorname_np(errno));
	else
		printf("%s = %ld\n", what, r);
	fflush(stdout);
}

static long raw_select(int n, void *r, void *w, void *e)
{
	struct timeval tv = { 0, 0 };
	return syscall(SYS_select, n, r, w, e, &tv);
}

static long raw_pselect(int n, void *r, void *w, void *e)
{
	struct timespec ts = { 0, 0 };
	return syscall(SYS_pselect6, n, r, w, e, &ts, NULL);
}

static int inner(void)
{
	int p[2];
	if (pipe(p)) /* 3 and 4: nothing to read */
		return 1;
	unsigned long *s8 = short_set(8), *s16 = short_set(16);
	fd_set *big = (fd_set *)short_set(sizeof(fd_set));
	if (!s8 || !s16 || !big)
		return 1;
	*s8 = 1ul << p[0];
	show("select(1025, 8-byte set)", raw_select(1025, s8, NULL, NULL));
	show("pselect6(1025, 8-byte set)", raw_pselect(1025, s8, NULL, NULL));
	show("select(1025, NULL, 8-byte set, 8-byte set)", raw_select(1025, NULL, s8, s8));
	FD_SET(p[0], big);
	FD_SET(700, big); /* never open: beyond the table untraced, so not looked at */
	show("select(1024, fd_set with 700)", raw_select(1024, big, NULL, NULL));
	FD_CLR(700, big);
	struct timeval tv = { 0, 0 };
	show("libc select(FD_SETSIZE, fd_set)", select(FD_SETSIZE, big, NULL, NULL, &tv));
	if (dup2(p[1], 100) != 100) /* the table grows to 128 */
		return 1;
	*s16 = 1ul << p[0];
	show("select(1025, 16-byte set) with 100 open", raw_select(1025, s16, NULL, NULL));
	show("select(1025, 8-byte set) with 100 open", raw_select(1025, s8, NULL, NULL));
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "inner"))
		return inner();
	for (int fd = 3; fd < 4096; fd++)
		close(fd);
	pid_t c = fork();
	if (c == 0) {
		execl("/proc/self/exe", argv[0], "inner", (char *)NULL);
		_exit(127);
	}
	int st;
	if (c < 0 || waitpid(c, &st, 0) != c)
		return 1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
