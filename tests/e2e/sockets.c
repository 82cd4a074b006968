/* Sockets: socketpair, a unix stream server (bind/listen/connect/accept) in the cwd, and
 * an inet loopback connection (port 0, getsockname). Single thread, nonblocking connect
 * avoided: the kernel completes loopback connects immediately (backlog). */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "sockets: line %d: %s\n", __LINE__, #c); \
	return 1; } } while (0)

int main(void)
{
	int sv[2];
	char buf[64];
	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	CHECK(send(sv[0], "hi", 2, 0) == 2);
	CHECK(recv(sv[1], buf, sizeof buf, 0) == 2);
	CHECK(close(sv[0]) == 0 && close(sv[1]) == 0);

	/* unix stream */
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	strcpy(un.sun_path, "e2e.sock");
	unlink(un.sun_path);
	int ls = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	CHECK(ls >= 0);
	CHECK(bind(ls, (struct sockaddr *)&un, sizeof un) == 0);
	CHECK(listen(ls, 4) == 0);
	int c = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK(connect(c, (struct sockaddr *)&un, sizeof un) == 0);
	int a = accept4(ls, NULL, NULL, SOCK_CLOEXEC);
	CHECK(a >= 0);
	CHECK(write(c, "unix", 4) == 4 && read(a, buf, sizeof buf) == 4);
	CHECK(shutdown(c, SHUT_WR) == 0 && read(a, buf, sizeof buf) == 0);
	close(a); close(c); close(ls);
	CHECK(unlink("e2e.sock") == 0);

	/* inet loopback */
	int one = 1;
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = 0 };
	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ls = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(ls >= 0);
	CHECK(setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0);
	CHECK(bind(ls, (struct sockaddr *)&in, sizeof in) == 0);
	socklen_t len = sizeof in;
	CHECK(getsockname(ls, (struct sockaddr *)&in, &len) == 0 && in.sin_port != 0);
	CHECK(listen(ls, 4) == 0);
	c = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(connect(c, (struct sockaddr *)&in, sizeof in) == 0);
	struct sockaddr_in peer;
	len = sizeof peer;
	a = accept(ls, (struct sockaddr *)&peer, &len);
	CHECK(a >= 0 && peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
	CHECK(sendto(c, "inet", 4, 0, NULL, 0) == 4);
	CHECK(recvfrom(a, buf, sizeof buf, 0, NULL, NULL) == 4 && memcmp(buf, "inet", 4) == 0);
	close(a); close(c); close(ls);
	/* connecting to a closed port fails */
	c = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(connect(c, (struct sockaddr *)&in, sizeof in) == -1 && errno == ECONNREFUSED);
	close(c);
	printf("sockets ok\n");
	return 0;
}
