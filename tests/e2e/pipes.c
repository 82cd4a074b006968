/* Pipes: pipe2, dup/dup2/dup3, fcntl, poll, nonblocking EAGAIN, EPIPE with SIGPIPE ignored. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "pipes: line %d: %s\n", __LINE__, #c); \
	return 1; } } while (0)

int main(void)
{
	int p[2];
	char buf[64];
	CHECK(pipe2(p, O_CLOEXEC) == 0);
	CHECK(write(p[1], "ping\n", 5) == 5);
	struct pollfd pfd = { .fd = p[0], .events = POLLIN };
	CHECK(poll(&pfd, 1, 1000) == 1 && (pfd.revents & POLLIN));
	CHECK(read(p[0], buf, sizeof buf) == 5);
	CHECK(fcntl(p[0], F_SETFL, O_NONBLOCK) == 0);
	CHECK((fcntl(p[0], F_GETFL) & O_NONBLOCK) != 0);
	CHECK(read(p[0], buf, sizeof buf) == -1 && errno == EAGAIN);
	CHECK(poll(&pfd, 1, 0) == 0);
	int d = dup(p[1]);
	CHECK(d > p[1]);
	CHECK(dup2(d, 20) == 20);
	CHECK(dup3(d, 21, O_CLOEXEC) == 21);
	CHECK(write(20, "x", 1) == 1 && write(21, "y", 1) == 1);
	CHECK(read(p[0], buf, 2) == 2 && memcmp(buf, "xy", 2) == 0);
	CHECK(close(d) == 0 && close(20) == 0 && close(21) == 0);
	CHECK(close(p[1]) == 0);
	CHECK(read(p[0], buf, 1) == 0); /* EOF */
	CHECK(pipe(p) == 0);
	signal(SIGPIPE, SIG_IGN);
	CHECK(close(p[0]) == 0);
	CHECK(write(p[1], "z", 1) == -1 && errno == EPIPE);
	CHECK(close(p[1]) == 0);
	printf("pipes ok\n");
	return 0;
}
