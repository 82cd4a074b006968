/* SIGXFSZ belongs to the program: the log never raises it, and one the program raised
 * itself reaches it as it would untraced. Under a file size limit of 8 MiB:
 *   log_xfsz pending FILE: blocks SIGXFSZ, writes FILE past the limit (EFBIG, SIGXFSZ
 *     pending), makes enough calls for the log to grow several times, then prints
 *     whether SIGXFSZ is still pending;
 *   log_xfsz die FILE: writes FILE past the limit with SIGXFSZ's default action (the
 *     program is killed by SIGXFSZ, traced or not);
 *   log_xfsz seccomp: with a limit of 256 KiB and a seccomp filter that answers EPERM to
 *     prlimit64 (the shim cannot read the limit, so its growth calls do reach the limit
 *     and the kernel raises SIGXFSZ), makes enough calls to fill the log, then prints
 *     whether SIGXFSZ is pending: the shim takes back the signals its calls raised.
 * The calls in between print nothing: stdout is the same traced and untraced. */
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

static void past_limit(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0) {
		perror("open");
		_exit(2);
	}
	ssize_t r = pwrite(fd, "x", 1, 9 << 20);
	printf("pwrite past the limit: %zd %s\n", r, r < 0 ? strerror(errno) : "");
	fflush(stdout);
	close(fd);
}

static int seccomp_mode(void)
{
	struct rlimit rl = { 256 << 10, RLIM_INFINITY };
	if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
		return 2;
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_prlimit64, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof f / sizeof f[0], f };
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog)) {
		perror("seccomp");
		return 2;
	}
	for (int i = 0; i < 50000; i++)
		syscall(SYS_getppid);
	sigset_t pend;
	sigpending(&pend);
	printf("survived; SIGXFSZ pending: %d\n", sigismember(&pend, SIGXFSZ));
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "seccomp"))
		return seccomp_mode();
	if (argc < 3)
		return 2;
	struct rlimit rl = { 8 << 20, RLIM_INFINITY };
	if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
		return 2;
	if (!strcmp(argv[1], "die")) {
		for (int i = 0; i < 20000; i++)
			syscall(SYS_getppid);
		past_limit(argv[2]);
		printf("not killed\n");
		return 0;
	}
	sigset_t x, pend;
	sigemptyset(&x);
	sigaddset(&x, SIGXFSZ);
	sigprocmask(SIG_BLOCK, &x, 0);
	past_limit(argv[2]);
	for (int i = 0; i < 50000; i++)
		syscall(SYS_getppid);
	sigpending(&pend);
	printf("SIGXFSZ pending: %d\n", sigismember(&pend, SIGXFSZ));
	return 0;
}
