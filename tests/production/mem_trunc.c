/* recvfrom(MSG_TRUNC) into a 1-byte buffer returns the datagram's whole length; the tracer
 * must copy at most the buffer. The buffer is the last byte of a page followed by an
 * inaccessible page, so any copy past it faults. Same for recv() (the interposed path) and
 * for recvmsg (msghdr with MSG_TRUNC). */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		return 1;
	long pg = sysconf(_SC_PAGESIZE);
	char *m = mmap(0, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED || mprotect(m + pg, pg, PROT_NONE))
		return 1;
	char *b = m + pg - 1;
	for (int i = 0; i < 3; i++) {
		char msg[4096];
		memset(msg, 'a' + i, sizeof msg);
		if (send(sv[0], msg, sizeof msg, 0) != (ssize_t)sizeof msg)
			return 2;
	}
	/* libc recvfrom (interposed), a raw syscall (trapped), recvmsg */
	ssize_t r1 = recvfrom(sv[1], b, 1, MSG_TRUNC, 0, 0);
	printf("recvfrom: %zd %c\n", r1, *b);
	ssize_t r2 = syscall(SYS_recvfrom, sv[1], b, 1, MSG_TRUNC, 0, 0);
	printf("raw recvfrom: %zd %c\n", r2, *b);
	struct iovec iov = { b, 1 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t r3 = recvmsg(sv[1], &mh, MSG_TRUNC);
	printf("recvmsg: %zd %c flags=%#x\n", r3, *b, mh.msg_flags);
	return 0;
}
