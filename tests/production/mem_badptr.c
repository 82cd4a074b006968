/* Bad pointers given to calls: the kernel answers EFAULT, the tracer copies nothing and
 * never faults, and the program sees what it sees untraced. Through libc (the interposed
 * wrappers and the trapped ones) and raw syscalls; pointers to nothing, to a page with no
 * access, to kernel space, and a buffer that runs into a hole. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define SHOW(name, expr) do { errno = 0; long r_ = (long)(expr); \
	printf("%-12s %ld %s\n", name, r_, r_ < 0 ? strerror(errno) : "-"); } while (0)

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *m = mmap(0, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED || mprotect(m + pg, pg, PROT_NONE))
		return 1;
	char *hole = m + pg, *edge = m + pg - 8;
	memcpy(edge, "/tmp/abc", 8); /* no NUL before the hole */
	/* volatile: the compiler must not see through them (fortify would refuse) */
	void *volatile kern_v = (void *)0xffffffffff600000ul, *volatile none_v = (void *)16;
	void *kern = kern_v, *none = none_v;
	int fd = open("/dev/zero", O_RDONLY);
	int pfd[2]; /* a pipe reads what it is given (/dev/null would not) */
	if (fd < 0 || pipe(pfd))
		return 1;
	int wfd = pfd[1];
	SHOW("read", read(fd, hole, 16));
	SHOW("read-edge", read(fd, edge, 16));
	SHOW("write", write(wfd, hole, 16));
	SHOW("write-none", write(wfd, none, 16));
	SHOW("write-edge", write(wfd, edge, 16));
	SHOW("write-edge64", write(wfd, edge - 32, 64));
	SHOW("raw-wr-edge64", syscall(SYS_write, wfd, edge - 32, 64));
	SHOW("pread", pread(fd, kern, 16, 0));
	SHOW("open", open(hole, O_RDONLY));
	SHOW("open-edge", open(edge, O_RDONLY));
	SHOW("stat", stat(hole, (struct stat *)m));
	SHOW("stat-buf", stat("/", (struct stat *)hole));
	SHOW("fstat-buf", fstat(fd, (struct stat *)(edge)));
	SHOW("access", access(none, F_OK));
	SHOW("readv", readv(fd, (struct iovec *)hole, 2));
	SHOW("writev", writev(wfd, (struct iovec *)none, 2));
	SHOW("raw-write", syscall(SYS_write, wfd, hole, 16));
	SHOW("raw-openat", syscall(SYS_openat, AT_FDCWD, kern, O_RDONLY));
	SHOW("raw-uname", syscall(SYS_uname, hole));
	SHOW("nanosleep", nanosleep((struct timespec *)hole, 0));
	SHOW("sigaction", syscall(SYS_rt_sigaction, SIGUSR1, hole, 0, 8));
	SHOW("sigaction-o", syscall(SYS_rt_sigaction, SIGUSR1, 0, hole, 8));
	SHOW("sigprocmask", syscall(SYS_rt_sigprocmask, SIG_BLOCK, hole, 0, 8));
	SHOW("sigprocmsk-o", syscall(SYS_rt_sigprocmask, SIG_BLOCK, 0, hole, 8));
	SHOW("segv-act", syscall(SYS_rt_sigaction, SIGSEGV, 0, hole, 8));
	SHOW("sendto", sendto(wfd, hole, 4, 0, 0, 0));
	SHOW("getcwd", syscall(SYS_getcwd, hole, 64));
	/* /dev/null reads none of the buffer: the call succeeds on a bad pointer */
	int nfd = open("/dev/null", O_WRONLY);
	SHOW("null-write", write(nfd, hole, 16));
	SHOW("null-raw", syscall(SYS_write, nfd, none, 16));
	sigset_t segv;
	sigemptyset(&segv);
	sigaddset(&segv, SIGSEGV);
	sigaddset(&segv, SIGBUS);
	sigprocmask(SIG_BLOCK, &segv, 0); /* a fault of ours would now kill: none may happen */
	SHOW("blk-null", write(nfd, hole, 16));
	SHOW("blk-null-raw", syscall(SYS_write, nfd, kern, 16));
	SHOW("blk-read", read(fd, hole, 16));
	SHOW("blk-stat", stat("/", (struct stat *)hole));
	SHOW("blk-sigact", syscall(SYS_rt_sigaction, SIGUSR1, 0, hole, 8));
	sigprocmask(SIG_UNBLOCK, &segv, 0);
	SHOW("execve", syscall(SYS_execve, hole, 0, 0));
	SHOW("execve-argv", syscall(SYS_execve, "/bin/true", hole, 0));
	return 0;
}
