/* fd_probe N... [-- M...]: probes descriptor numbers with every kind of descriptor call and prints
 * what each returns: traced, the shim's own descriptors must look exactly as untraced,
 * where the numbers are free. The shim's numbers, as /proc/self/fd shows them (links to a
 * log, *.ltl, or a run directory), go to stderr, at the start and after libtrace_stop:
 * give those as N and M (the shim's descriptor moves up when the program takes its
 * number, so the second list differs). Each probe is made through libc (the interposed path) and as
 * a raw syscall (the trap path), first while tracing, then again after libtrace_stop (the
 * wrappers' unarmed path). Ends with close_range(3, ~0U) and more calls, which must reach
 * the log. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <linux/close_range.h>
#include <unistd.h>

#include "libtrace.h"

static int raw;

static void show(const char *what, long r)
{
	if (r == -1)
		printf("%s %s: -1 %s\n", raw ? "raw" : "libc", what, strerrorname_np(errno));
	else
		printf("%s %s: %s\n", raw ? "raw" : "libc", what, r >= 0 ? "ok" : "?");
	fflush(stdout);
}

/* What a number returned is, relative to the probed one. */
static void show_fd(const char *what, long r, int n)
{
	char buf[96];
	snprintf(buf, sizeof buf, "%s -> %s", what, r == n ? "N" : r < 0 ? "err" : "other");
	show(buf, r < 0 ? -1 : 0);
}

#define CALL(libc_call, nr, ...) (raw ? syscall(nr, __VA_ARGS__) : (long)(libc_call))

static void probe(int n)
{
	char b[8];
	struct stat st;
	int v;
	show("fcntl F_GETFD", CALL(fcntl(n, F_GETFD), SYS_fcntl, n, F_GETFD));
	show("fstat", CALL(fstat(n, &st), SYS_fstat, n, &st));
	show("read", CALL(read(n, b, 1), SYS_read, n, b, 1));
	show("write", CALL(write(n, "x", 1), SYS_write, n, "x", 1));
	show("pwrite", CALL(pwrite(n, "x", 1, 0), SYS_pwrite64, n, "x", 1, 0));
	show("lseek", CALL(lseek(n, 0, SEEK_CUR), SYS_lseek, n, 0, SEEK_CUR));
	show("ioctl FIONREAD", CALL(ioctl(n, FIONREAD, &v), SYS_ioctl, n, FIONREAD, &v));
	void *m = raw ? (void *)syscall(SYS_mmap, 0, 4096, PROT_READ, MAP_SHARED, n, 0)
		      : mmap(0, 4096, PROT_READ, MAP_SHARED, n, 0);
	show("mmap", m == MAP_FAILED ? -1 : 0);
	if (m != MAP_FAILED)
		munmap(m, 4096);
	show("openat relative", CALL(openat(n, "x", O_RDONLY), SYS_openat, n, "x", O_RDONLY));
	long f = CALL(openat(n, "/dev/null", O_RDONLY), SYS_openat, n, "/dev/null", O_RDONLY);
	show("openat absolute", f);
	if (f >= 0)
		close((int)f);
	show("dup", CALL(dup(n), SYS_dup, n));
	show("dup2 from", CALL(dup2(n, 50), SYS_dup2, n, 50));
	show("close", CALL(close(n), SYS_close, n));
	show_fd("fcntl F_DUPFD min N", CALL(fcntl(0, F_DUPFD, n), SYS_fcntl, 0, F_DUPFD, n), n);
	show("close it", CALL(close(n), SYS_close, n));
	show_fd("dup2 onto", CALL(dup2(0, n), SYS_dup2, 0, n), n);
	show("fcntl F_GETFD", CALL(fcntl(n, F_GETFD), SYS_fcntl, n, F_GETFD));
	show("close it", CALL(close(n), SYS_close, n));
	show("close again", CALL(close(n), SYS_close, n));
	show_fd("dup3 onto", CALL(dup3(0, n, O_CLOEXEC), SYS_dup3, 0, n, O_CLOEXEC), n);
	printf("  cloexec %d\n", fcntl(n, F_GETFD));
	show("close it", CALL(close(n), SYS_close, n));
	show("close_range N..N", CALL(close_range(n, n, 0), SYS_close_range, n, n, 0));
	show("close_range N-1..N+1 cloexec",
	     CALL(close_range(n - 1, n + 1, CLOSE_RANGE_CLOEXEC), SYS_close_range, n - 1, n + 1,
		  CLOSE_RANGE_CLOEXEC));
	show("dup2 bad onto", CALL(dup2(999999, n), SYS_dup2, 999999, n));
	show("fcntl F_GETFD", CALL(fcntl(n, F_GETFD), SYS_fcntl, n, F_GETFD));
}

/* The shim's descriptors, as /proc/self/fd/N links show them (the program can read these;
 * listings of the directory leave them out while tracing). */
static int find(int *out, int max)
{
	int k = 0;
	for (int n = 0; n < 4096 && k < max; n++) {
		char p[64], t[4096];
		snprintf(p, sizeof p, "/proc/self/fd/%d", n);
		ssize_t l = readlink(p, t, sizeof t - 1);
		if (l <= 0)
			continue;
		t[l] = 0;
		const char *base = strrchr(t, '/');
		if ((l > 4 && !strcmp(t + l - 4, ".ltl")) || (base && !strncmp(base, "/run-", 5)))
			out[k++] = n;
	}
	return k;
}

/* The numbers a listing of /proc/self/fd shows. */
static void listing(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	printf("listing:");
	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.')
			printf(" %s", e->d_name);
	printf("\n");
	if (d)
		closedir(d);
}

static void all(char **nums)
{
	/* FD_PROBE_LIBC_ONLY: where nothing sees raw syscalls (the strace backend). */
	int kinds = getenv("FD_PROBE_LIBC_ONLY") ? 1 : 2;
	for (int i = 0; nums[i] && strcmp(nums[i], "--"); i++)
		for (raw = 0; raw < kinds; raw++) {
			printf("-- fd %d, %s\n", i + 1, raw ? "raw" : "libc");
			probe(atoi(nums[i]));
		}
}

static void report_found(const char *when)
{
	int fds[8], k = find(fds, 8);
	fprintf(stderr, "%s: shim descriptors found: %d\n", when, k);
	for (int i = 0; i < k; i++)
		fprintf(stderr, "shim descriptor: %d\n", fds[i]);
}

int main(int argc, char **argv)
{
	(void)argc;
	report_found("start");
	listing();
	all(argv + 1);
	printf("== stopped\n");
	LIBTRACE_STOP();
	report_found("stopped");
	int sep = 1;
	while (argv[sep] && strcmp(argv[sep], "--"))
		sep++;
	if (argv[sep])
		all(argv + sep + 1);
	LIBTRACE_START();
	show("close_range 3..", syscall(SYS_close_range, 3, ~0u, 0));
	for (int i = 0; i < 100; i++)
		syscall(SYS_getppid);
	printf("done\n");
	return 0;
}
