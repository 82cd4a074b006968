/* epoll on a pipe and an eventfd: create, ctl (ADD/MOD/DEL, EEXIST on purpose), wait
 * with and without ready events. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "epoll: line %d: %s\n", __LINE__, #c); \
	return 1; } } while (0)

int main(void)
{
	int p[2], ep = epoll_create1(EPOLL_CLOEXEC);
	CHECK(ep >= 0 && pipe(p) == 0);
	int ev = eventfd(0, EFD_CLOEXEC);
	CHECK(ev >= 0);
	struct epoll_event e = { .events = EPOLLIN, .data.fd = p[0] };
	CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &e) == 0);
	CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &e) == -1 && errno == EEXIST);
	e.data.fd = ev;
	CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, ev, &e) == 0);
	struct epoll_event out[4];
	CHECK(epoll_wait(ep, out, 4, 0) == 0);
	CHECK(write(p[1], "a", 1) == 1);
	CHECK(epoll_wait(ep, out, 4, 1000) == 1 && out[0].data.fd == p[0]);
	uint64_t one = 1;
	CHECK(write(ev, &one, sizeof one) == sizeof one);
	CHECK(epoll_wait(ep, out, 4, 1000) == 2);
	e.events = EPOLLIN | EPOLLET;
	e.data.fd = p[0];
	CHECK(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &e) == 0);
	CHECK(epoll_ctl(ep, EPOLL_CTL_DEL, ev, NULL) == 0);
	char c;
	CHECK(read(p[0], &c, 1) == 1 && read(ev, &one, sizeof one) == sizeof one);
	CHECK(epoll_pwait(ep, out, 4, 0, NULL) == 0);
	close(ev); close(p[0]); close(p[1]); close(ep);
	printf("epoll ok\n");
	return 0;
}
