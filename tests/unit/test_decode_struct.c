/* Structure decoders, one family per block. The bytes behind each pointer are built with
 * the C library's own structure definitions (not the decoder's offsets), and the expected
 * text is what strace 6.1 printed for the same values on this machine. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>

#include "decode_fixture.h"
#define A 0x7ffd1000u

int main(void)
{
	struct lt_event ev;

	/* stat family */
	struct stat st;
	memset(&st, 0, sizeof st);
	st.st_mode = S_IFREG | 0644;
	st.st_size = 1221;
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR, "/etc/passwd", 11);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, &st, sizeof st);
	ev = mk("newfstatat", 0, (uint64_t)-100, A, A + 64, 0, 0, 0);
	EXPECT(ev, "newfstatat(AT_FDCWD, \"/etc/passwd\", {st_mode=S_IFREG|0644, st_size=1221, ...}, 0) = 0");
	st.st_mode = S_IFCHR | 0666;
	st.st_rdev = makedev(1, 3);
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &st, sizeof st);
	ev = mk("fstat", 0, 0, A, 0, 0, 0, 0);
	EXPECT(ev, "fstat(0, {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}) = 0");
	st.st_mode = S_IFDIR | S_ISVTX | 0777;
	st.st_size = 4096;
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR, "/tmp", 4);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, &st, sizeof st);
	ev = mk("newfstatat", 0, (uint64_t)-100, A, A + 64, 0x100, 0, 0);
	EXPECT(ev, "newfstatat(AT_FDCWD, \"/tmp\", {st_mode=S_IFDIR|S_ISVTX|0777, st_size=4096, ...}, AT_SYMLINK_NOFOLLOW) = 0");
	/* a failed stat, a capture shorter than the structure: the address */
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &st, 40);
	ev = mk("fstat", 0, 0, A, 0, 0, 0, 0);
	EXPECT(ev, "fstat(0, 0x7ffd1000) = 0");
	ev = mk("fstat", -9, 5, A, 0, 0, 0, 0);
	EXPECT(ev, "fstat(5, 0x7ffd1000) = -1 EBADF (Bad file descriptor)");

	/* signals: sigaction, masks */
	{
		uint64_t ka[4] = { 0x55d904977439ull, 0x04000000 | 0x10000000, 0x7f30df41e050ull,
				   1ull << (SIGTERM - 1) };
		ev = mk("rt_sigaction", 0, SIGINT, A, 0, 8, 0, 0);
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, ka, sizeof ka);
		ev = mk("rt_sigaction", 0, SIGINT, A, 0, 8, 0, 0);
		EXPECT(ev, "rt_sigaction(SIGINT, {sa_handler=0x55d904977439, sa_mask=[TERM], sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f30df41e050}, NULL, 8) = 0");
		uint64_t ign[4] = { 1, 0x04000000, 0x7f30df41e050ull, 0 };
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, ign, sizeof ign);
		ev = mk("rt_sigaction", 0, SIGPIPE, A, 0, 8, 0, 0);
		EXPECT(ev, "rt_sigaction(SIGPIPE, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=SA_RESTORER, sa_restorer=0x7f30df41e050}, NULL, 8) = 0");
		/* all but RTMIN and RT_1 (32, 33): the complement */
		uint64_t full = ~0ull & ~(3ull << 31);
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &full, 8);
		ev = mk("rt_sigprocmask", 0, SIG_BLOCK, A, 0, 8, 0, 0);
		EXPECT(ev, "rt_sigprocmask(SIG_BLOCK, ~[RTMIN RT_1], NULL, 8) = 0");
		uint64_t set = (1ull << (SIGINT - 1)) | (1ull << 33);
		uint64_t old = ~0ull & ~((1ull << (SIGKILL - 1)) | (1ull << (SIGSTOP - 1)) | (3ull << 31));
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &set, 8);
		cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, &old, 8);
		ev = mk("rt_sigprocmask", 0, SIG_SETMASK, A, A + 8, 8, 0, 0);
		EXPECT(ev, "rt_sigprocmask(SIG_SETMASK, [INT RT_2], ~[KILL STOP RTMIN RT_1], 8) = 0");
		/* one buffer for both: the set as it was at entry, the old mask after */
		cap(1, LT_SUB_ENTRY, 0, &set, 8);
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &old, 8);
		cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, &old, 8);
		ev = mk("rt_sigprocmask", 0, SIG_SETMASK, A, A, 8, 0, 0);
		EXPECT(ev, "rt_sigprocmask(SIG_SETMASK, [INT RT_2], ~[KILL STOP RTMIN RT_1], 8) = 0");
	}

	/* wait status */
	{
		int s = 3 << 8;
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &s, 4);
		ev = mk("wait4", 6727, 6727, A, 0, 0, 0, 0);
		EXPECT(ev, "wait4(6727, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 6727");
		s = SIGKILL;
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &s, 4);
		ev = mk("wait4", 6728, 6728, A, 0, 0, 0, 0);
		EXPECT(ev, "wait4(6728, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], 0, NULL) = 6728");
	}

	/* sockets */
	{
		struct sockaddr_un un = { AF_UNIX, "/nonexistent/sock" };
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &un, sizeof un);
		ev = mk("connect", -2, 7, A, sizeof un, 0, 0, 0);
		EXPECT(ev, "connect(7, {sa_family=AF_UNIX, sun_path=\"/nonexistent/sock\"}, 110) = -1 ENOENT (No such file or directory)");
		struct sockaddr_un ab = { AF_UNIX, "\0abstract" };
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &ab, offsetof(struct sockaddr_un, sun_path) + 9);
		ev = mk("connect", -111, 7, A, 11, 0, 0, 0);
		EXPECT(ev, "connect(7, {sa_family=AF_UNIX, sun_path=@\"abstract\"}, 11) = -1 ECONNREFUSED (Connection refused)");
		struct sockaddr_in in = { AF_INET, htons(53), { inet_addr("127.0.0.1") }, { 0 } };
		cap(4, LT_CAP_SUB_SELF, LT_CAP_EXIT, &in, sizeof in);
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, "hi", 2);
		ev = mk("sendto", 2, 8, A, 2, 0, A + 64, 16);
		EXPECT(ev, "sendto(8, \"hi\", 2, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 2");
		in.sin_port = htons(38187);
		uint32_t l0 = 128, l1 = 16;
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &in, sizeof in);
		cap(2, LT_SUB_ENTRY, 0, &l0, 4);
		cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, &l1, 4);
		ev = mk("getsockname", 0, 8, A, A + 64, 0, 0, 0);
		EXPECT(ev, "getsockname(8, {sa_family=AF_INET, sin_port=htons(38187), sin_addr=inet_addr(\"127.0.0.1\")}, [128 => 16]) = 0");
		/* strace's sockname.c: the address only as long as the caller's buffer */
		struct sockaddr_un sn = { AF_UNIX, "getsockname.socket" };
		uint32_t l2 = 2, l21 = 21;
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &sn, 21);
		cap(2, LT_SUB_ENTRY, 0, &l2, 4);
		cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, &l21, 4);
		ev = mk("getsockname", 0, 3, A, A + 64, 0, 0, 0);
		EXPECT(ev, "getsockname(3, {sa_family=AF_UNIX}, [2 => 21]) = 0");
		/* strace's msg_name.c: a failed recvmsg shows the name's length it had */
		struct msghdr mh;
		memset(&mh, 0, sizeof mh);
		mh.msg_namelen = 36;
		cap(1, LT_SUB_ENTRY, 0, &mh, sizeof mh);
		ev = mk("recvmsg", -14, 3, A, MSG_DONTWAIT, 0, 0, 0);
		EXPECT(ev, "recvmsg(3, {msg_namelen=36}, MSG_DONTWAIT) = -1 EFAULT (Bad address)");
		/* strace's recvmmsg-timeout.c: the timeout given, then the time left */
		struct timespec t0 = { 0, 12345678 }, t1 = { 0, 12340411 };
		cap(4, LT_SUB_ENTRY, 0, &t0, sizeof t0);
		cap(4, LT_CAP_SUB_SELF, LT_CAP_EXIT, &t1, sizeof t1);
		ev = mk("recvmmsg", 1, 3, 0, 1, 0, A, 0);
		EXPECT(ev, "recvmmsg(3, NULL, 1, 0, {tv_sec=0, tv_nsec=12345678}) = 1 (left {tv_sec=0, tv_nsec=12340411})");
		/* strace's msg_control.c: IP_TTL's data, a timestamp too short for its type */
		{
			uint8_t cm[24];
			uint64_t cl = 20;
			int32_t lvl = 0 /* SOL_IP */, typ = 2 /* IP_TTL */;
			uint32_t ttl = 4207869677u;
			memset(cm, 0, sizeof cm);
			memcpy(cm, &cl, 8);
			memcpy(cm + 8, &lvl, 4);
			memcpy(cm + 12, &typ, 4);
			memcpy(cm + 16, &ttl, 4);
			memset(&mh, 0, sizeof mh);
			mh.msg_control = (void *)(uintptr_t)(A + 256);
			mh.msg_controllen = 24;
			cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &mh, sizeof mh);
			cap(1, LT_SUB_MSG_CONTROL, LT_CAP_EXIT, cm, sizeof cm);
			ev = mk("sendmsg", -9, (uint64_t)-1, A, 0, 0, 0, 0);
			EXPECT(ev, "sendmsg(-1, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=0, msg_control=[{cmsg_len=20, cmsg_level=SOL_IP, cmsg_type=IP_TTL, cmsg_data=[4207869677]}], msg_controllen=24, msg_flags=0}, 0) = -1 EBADF (Bad file descriptor)");
			cl = 24;
			lvl = 1; /* SOL_SOCKET */
			typ = 29; /* SO_TIMESTAMP_OLD */
			memcpy(cm, &cl, 8);
			memcpy(cm + 8, &lvl, 4);
			memcpy(cm + 12, &typ, 4);
			cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &mh, sizeof mh);
			cap(1, LT_SUB_MSG_CONTROL, LT_CAP_EXIT, cm, sizeof cm);
			ev = mk("sendmsg", -9, (uint64_t)-1, A, 0, 0, 0, 0);
			EXPECT(ev, "sendmsg(-1, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=0, msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMP_OLD, cmsg_data=???}], msg_controllen=24, msg_flags=0}, 0) = -1 EBADF (Bad file descriptor)");
		}
		/* strace's net-sockaddr.c: AF_INET shorter than a sockaddr_in, AX.25, netlink */
		{
			uint8_t sa[16] = { 2, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff };
			cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, sa, 12);
			ev = mk("connect", -9, (uint64_t)-1, A, 12, 0, 0, 0);
			EXPECT(ev, "connect(-1, {sa_family=AF_INET, sa_data=\"\\0\\0\\0\\0\\0\\0\\377\\377\\377\\377\"}, 12) = -1 EBADF (Bad file descriptor)");
			uint8_t ax[16] = { 3, 0, 0xac, 0x82, 0x98, 0x92, 0x88, 0x40, 0x1a };
			cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, ax, 16);
			ev = mk("connect", -9, (uint64_t)-1, A, 16, 0, 0, 0);
			EXPECT(ev, "connect(-1, {sa_family=AF_AX25, sax25_call=VALID-13, sax25_ndigis=0}, 16) = -1 EBADF (Bad file descriptor)");
			uint32_t nl[3] = { 16, 1234567890, 0xfacefeed };
			cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, nl, 12);
			ev = mk("connect", -9, (uint64_t)-1, A, 12, 0, 0, 0);
			EXPECT(ev, "connect(-1, {sa_family=AF_NETLINK, nl_pid=1234567890, nl_groups=0xfacefeed}, 12) = -1 EBADF (Bad file descriptor)");
		}
		/* strace's sockaddr_xlat.c: AF_VSOCK, AF_MCTP */
		{
			uint8_t vm[16] = { 40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1 };
			cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, vm, 16);
			ev = mk("connect", -9, (uint64_t)-1, A, 16, 0, 0, 0);
			EXPECT(ev, "connect(-1, {sa_family=AF_VSOCK, svm_cid=VMADDR_CID_LOCAL, svm_port=0x1, svm_flags=VMADDR_FLAG_TO_HOST}, 16) = -1 EBADF (Bad file descriptor)");
			uint8_t mc[12] = { 45, 0, 0xad, 0xde, 0, 0, 0, 0, 0, 0, 0, 0 };
			cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, mc, 12);
			ev = mk("connect", -9, (uint64_t)-1, A, 12, 0, 0, 0);
			EXPECT(ev, "connect(-1, {sa_family=AF_MCTP, __smctp_pad0=0xdead, smctp_network=MCTP_NET_ANY, smctp_addr={s_addr=MCTP_ADDR_NULL}, smctp_type=0, smctp_tag=0}, 12) = -1 EBADF (Bad file descriptor)");
		}
		/* strace's recvfrom-MSG_TRUNC.c: no more than the buffer holds */
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, "A", 1);
		ev = mk("recvfrom", 2, 3, A, 1, MSG_TRUNC, 0, 0);
		EXPECT(ev, "recvfrom(3, \"A\", 1, MSG_TRUNC, NULL, NULL) = 2");
		/* strace's sendfile.c: the offset unsigned */
		uint64_t off = 0xcafef00dfacefeedull;
		cap(2, LT_SUB_ENTRY, 0, &off, 8);
		ev = mk("sendfile", -22, 4, 5, A, 1, 0, 0);
		EXPECT(ev, "sendfile(4, 5, [14627392582579060461], 1) = -1 EINVAL (Invalid argument)");
		struct sockaddr_in6 i6;
		memset(&i6, 0, sizeof i6);
		i6.sin6_family = AF_INET6;
		i6.sin6_port = htons(80);
		inet_pton(AF_INET6, "::1", &i6.sin6_addr);
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &i6, sizeof i6);
		ev = mk("connect", 0, 9, A, sizeof i6, 0, 0, 0);
		EXPECT(ev, "connect(9, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0");
		ev = mk("socket", 6, AF_INET6, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, 0, 0, 0);
		EXPECT(ev, "socket(AF_INET6, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 6");
		ev = mk("socket", 7, AF_UNIX, SOCK_DGRAM, 0, 0, 0, 0);
		EXPECT(ev, "socket(AF_UNIX, SOCK_DGRAM, 0) = 7");
		ev = mk("socket", 9, AF_NETLINK, SOCK_RAW, 0, 0, 0, 0);
		EXPECT(ev, "socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 9");
		int one = 1;
		cap(3, LT_CAP_SUB_SELF, LT_CAP_EXIT, &one, 4);
		ev = mk("setsockopt", 0, 8, SOL_SOCKET, SO_REUSEADDR, A, 4, 0);
		EXPECT(ev, "setsockopt(8, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");
	}

	/* sendmmsg: each element's msghdr, its iovecs and their data (strace 6.1 on the same) */
	{
		struct mmsghdr m[2];
		memset(m, 0, sizeof m);
		struct iovec i1[2] = { { (void *)0x1000, 5 }, { (void *)0x2000, 6 } };
		struct iovec i2[1] = { { (void *)0x3000, 6 } };
		m[0].msg_hdr.msg_iov = (void *)0x4000;
		m[0].msg_hdr.msg_iovlen = 2;
		m[0].msg_len = 11;
		m[1].msg_hdr.msg_iov = (void *)0x5000;
		m[1].msg_hdr.msg_iovlen = 1;
		m[1].msg_len = 6;
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, m, sizeof m);
		cap(1, LT_SUB_MMSG_IOV(0), LT_CAP_EXIT, i1, sizeof i1);
		cap(1, LT_SUB_MMSG_BUF(0, 0), LT_CAP_EXIT, "hello", 5);
		cap(1, LT_SUB_MMSG_BUF(0, 1), LT_CAP_EXIT, " world", 6);
		cap(1, LT_SUB_MMSG_IOV(1), LT_CAP_EXIT, i2, sizeof i2);
		cap(1, LT_SUB_MMSG_BUF(1, 0), LT_CAP_EXIT, "second", 6);
		ev = mk("sendmmsg", 2, 4, A, 2, MSG_NOSIGNAL, 0, 0);
		EXPECT(ev, "sendmmsg(4, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", iov_len=5}, {iov_base=\" world\", iov_len=6}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, msg_len=11}, {msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"second\", iov_len=6}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=6}], 2, MSG_NOSIGNAL) = 2");
	}

	/* poll, epoll, select */
	{
		struct pollfd pf[2] = { { 5, POLLIN, POLLIN }, { 6, POLLOUT, POLLOUT } };
		cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, pf, sizeof pf);
		ev = mk("poll", 2, A, 2, 0, 0, 0, 0);
		EXPECT(ev, "poll([{fd=5, events=POLLIN}, {fd=6, events=POLLOUT}], 2, 0) = 2 ([{fd=5, revents=POLLIN}, {fd=6, revents=POLLOUT}])");
		struct epoll_event e = { EPOLLIN | EPOLLET, { .u64 = 7 } };
		cap(3, LT_CAP_SUB_SELF, LT_CAP_EXIT, &e, sizeof e);
		ev = mk("epoll_ctl", 0, 11, EPOLL_CTL_ADD, 5, A, 0, 0);
		EXPECT(ev, "epoll_ctl(11, EPOLL_CTL_ADD, 5, {events=EPOLLIN|EPOLLET, data={u32=7, u64=7}}) = 0");
		e.events = EPOLLIN;
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &e, sizeof e);
		ev = mk("epoll_wait", 1, 11, A, 4, 0, 0, 0);
		EXPECT(ev, "epoll_wait(11, [{events=EPOLLIN, data={u32=7, u64=7}}], 4, 0) = 1");
		ev = mk("epoll_wait", 0, 3, A, 4, 0, 0, 0);
		EXPECT(ev, "epoll_wait(3, [], 4, 0) = 0");
		uint64_t in = 1u << 5, out = 1u << 5;
		struct timespec t0 = { 1, 0 }, t1 = { 0, 999996884 };
		cap(1, LT_SUB_ENTRY, 0, &in, 8);
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &out, 8);
		cap(4, LT_SUB_ENTRY, 0, &t0, 16);
		cap(4, LT_CAP_SUB_SELF, LT_CAP_EXIT, &t1, 16);
		ev = mk("pselect6", 1, 6, A, 0, 0, A + 64, 0);
		EXPECT(ev, "pselect6(6, [5], NULL, NULL, {tv_sec=1, tv_nsec=0}, NULL) = 1 (in [5], left {tv_sec=0, tv_nsec=999996884})");
	}

	/* iovec */
	{
		struct iovec iov[2] = { { (void *)0x1000, 3 }, { (void *)0x2000, 3 } };
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, iov, sizeof iov);
		cap(1, 0, LT_CAP_EXIT, "abc", 3);
		cap(1, 1, LT_CAP_EXIT, "de\n", 3);
		ev = mk("writev", 6, 1, A, 2, 0, 0, 0);
		EXPECT(ev, "writev(1, [{iov_base=\"abc\", iov_len=3}, {iov_base=\"de\\n\", iov_len=3}], 2) = 6");
		struct iovec r[2] = { { (void *)0x1000, 4 }, { (void *)0x2000, 8 } };
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, r, sizeof r);
		cap(1, 0, LT_CAP_EXIT, "x012", 4);
		cap(1, 1, LT_CAP_EXIT, "3456", 4);
		ev = mk("readv", 8, 5, A, 2, 0, 0, 0);
		EXPECT(ev, "readv(5, [{iov_base=\"x012\", iov_len=4}, {iov_base=\"3456\", iov_len=8}], 2) = 8");
	}

	/* process: execve, clone, pipe2, getdents64 */
	{
		uint64_t argv[4] = { 0x1000, 0x2000, 0x3000, 0 };
		cap(0, LT_CAP_SUB_SELF, LT_CAP_STR, "/bin/true", 9);
		cap(1, LT_CAP_SUB_SELF, 0, argv, sizeof argv);
		cap(1, 0, LT_CAP_STR, "/bin/true", 9);
		cap(1, 1, LT_CAP_STR, "-x", 2);
		cap(1, 2, LT_CAP_STR, "y", 1);
		uint64_t envp[3] = { 0x4000, 0x5000, 0 };
		cap(2, LT_CAP_SUB_SELF, 0, envp, sizeof envp);
		ev = mk("execve", 0, 0x100, A, 0x7fff208f1230ull, 0, 0, 0);
		ev.flags |= LT_EVF_UNFINISHED;
		EXPECT(ev, "execve(\"/bin/true\", [\"/bin/true\", \"-x\", \"y\"], 0x7fff208f1230 /* 2 vars */) = 0");
		ev = mk("clone", 6727, 0x01200000 | SIGCHLD, 0, 0, 0x7f30df3dfa10ull, 0, 0);
		EXPECT(ev, "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f30df3dfa10) = 6727");
		int fds[2] = { 3, 4 };
		cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, fds, 8);
		ev = mk("pipe2", 0, A, O_CLOEXEC, 0, 0, 0, 0);
		EXPECT(ev, "pipe2([3, 4], O_CLOEXEC) = 0");
		/* three entries built by hand: d_ino, d_off, d_reclen, d_type, name */
		uint8_t de[72];
		memset(de, 0, sizeof de);
		for (int k = 0; k < 3; k++) {
			uint16_t rl = 24;
			memcpy(de + 24 * k + 16, &rl, 2);
			de[24 * k + 18] = 8;
			de[24 * k + 19] = (uint8_t)('a' + k);
		}
		cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, de, sizeof de);
		ev = mk("getdents64", 72, 12, 0x7fff208f1520ull, 32768, 0, 0, 0);
		EXPECT(ev, "getdents64(12, 0x7fff208f1520 /* 3 entries */, 32768) = 72");
	}

	/* resources and system information */
	{
		uint64_t rl[2] = { 8192 * 1024, RLIM_INFINITY };
		cap(3, LT_CAP_SUB_SELF, LT_CAP_EXIT, rl, 16);
		ev = mk("prlimit64", 0, 0, RLIMIT_STACK, 0, A, 0, 0);
		EXPECT(ev, "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0");
		uint64_t r2[2] = { 20000, 20000 };
		cap(3, LT_CAP_SUB_SELF, LT_CAP_EXIT, r2, 16);
		ev = mk("prlimit64", 0, 0, RLIMIT_NOFILE, 0, A, 0, 0);
		EXPECT(ev, "prlimit64(0, RLIMIT_NOFILE, NULL, {rlim_cur=20000, rlim_max=20000}) = 0");
		struct utsname u;
		memset(&u, 0, sizeof u);
		strcpy(u.sysname, "Linux");
		strcpy(u.nodename, "vm");
		cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, &u, sizeof u);
		ev = mk("uname", 0, A, 0, 0, 0, 0, 0);
		EXPECT(ev, "uname({sysname=\"Linux\", nodename=\"vm\", ...}) = 0");
		struct timespec ts = { 0, 1000 };
		cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, &ts, 16);
		ev = mk("clock_nanosleep", 0, CLOCK_MONOTONIC, 0, A, 0x7fff208f1290ull, 0, 0);
		EXPECT(ev, "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, 0x7fff208f1290) = 0");
		uint8_t ss[24] = { 0 };
		uint64_t sp = 0x55d9242ef2a0ull, sz = 65536;
		memcpy(ss, &sp, 8);
		memcpy(ss + 16, &sz, 8);
		cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, ss, 24);
		ev = mk("sigaltstack", 0, A, 0, 0, 0, 0, 0);
		EXPECT(ev, "sigaltstack({ss_sp=0x55d9242ef2a0, ss_flags=0, ss_size=65536}, NULL) = 0");
	}

	/* fcntl, ioctl, prctl, mmap */
	{
		ev = mk("fcntl", 0x800, 5, F_GETFL, 0, 0, 0, 0);
		EXPECT(ev, "fcntl(5, F_GETFL) = 0x800 (flags O_RDONLY|O_NONBLOCK)");
		ev = mk("fcntl", 0, 5, F_SETFL, O_NONBLOCK, 0, 0, 0);
		EXPECT(ev, "fcntl(5, F_SETFL, O_RDONLY|O_NONBLOCK) = 0");
		ev = mk("fcntl", 0, 0, F_SETFD, FD_CLOEXEC, 0, 0, 0);
		EXPECT(ev, "fcntl(0, F_SETFD, FD_CLOEXEC) = 0");
		ev = mk("fcntl", 14, 5, F_DUPFD, 10, 0, 0, 0);
		EXPECT(ev, "fcntl(5, F_DUPFD, 10) = 14");
		struct flock fl = { F_WRLCK, SEEK_SET, 0, 0, 0 };
		cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, &fl, sizeof fl);
		ev = mk("fcntl", 0, 13, F_SETLK, A, 0, 0, 0);
		EXPECT(ev, "fcntl(13, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=0}) = 0");
		int one = 1;
		cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, &one, 4);
		ev = mk("ioctl", 0, 5, 0x5421, A, 0, 0, 0);
		EXPECT(ev, "ioctl(5, FIONBIO, [1]) = 0");
		ev = mk("ioctl", -25, 1, 0x5413, 0x7fff208f1514ull, 0, 0, 0);
		EXPECT(ev, "ioctl(1, TIOCGWINSZ, 0x7fff208f1514) = -1 ENOTTY (Inappropriate ioctl for device)");
		ev = mk("ioctl", -25, 0, 0x12345678, 0, 0, 0, 0);
		EXPECT(ev, "ioctl(0, _IOC(_IOC_NONE, 0x56, 0x78, 0x1234), 0) = -1 ENOTTY (Inappropriate ioctl for device)");
		cap(1, LT_CAP_SUB_SELF, LT_CAP_STR, "lttest", 6);
		ev = mk("prctl", 0, 15, A, 0, 0, 0, 0);
		EXPECT(ev, "prctl(PR_SET_NAME, \"lttest\") = 0");
		ev = mk("prctl", 0, 38, 1, 0, 0, 0, 0);
		EXPECT(ev, "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) = 0");
		ev = mk("prctl", 1, 3, 0, 0, 0, 0, 0);
		EXPECT(ev, "prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER)");
		ev = mk("mmap", 0x7f76f3639000ll, 0x7f76f3639000ull, 1400832, 5, 0x812, 3, 0x26000);
		EXPECT(ev, "mmap(0x7f76f3639000, 1400832, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0x7f76f3639000");
		ev = mk("mmap", 0x7f76f3800000ll, 0, 8192, 3, 0x22, (uint64_t)-1, 0);
		EXPECT(ev, "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f76f3800000");
		ev = mk("mmap", -22, 0, 4096, 0, 0x3 | 0x40 | 0x10000 | 0x100 | 0x800 | 0x2000 | 0x40000 | 0x80000, 3, 0);
		EXPECT(ev, "mmap(NULL, 4096, PROT_NONE, MAP_SHARED_VALIDATE|MAP_32BIT|MAP_NONBLOCK|MAP_GROWSDOWN|MAP_DENYWRITE|MAP_LOCKED|MAP_HUGETLB|MAP_SYNC, 3, 0) = -1 EINVAL (Invalid argument)");
		ev = mk("futex", -11, 0, 128, 0, 0, 0, 0);
		EXPECT(ev, "futex(NULL, FUTEX_WAIT_PRIVATE, 0, NULL) = -1 EAGAIN (Resource temporarily unavailable)");
		ev = mk("futex", 1, 0x7f0000001000ull, 129, 1, 0, 0, 0);
		EXPECT(ev, "futex(0x7f0000001000, FUTEX_WAKE_PRIVATE, 1) = 1");
	}

	/* a terminal's settings (the kernel's struct termios: four flag words, line, 19 cc),
	 * as strace 6.1 showed them for `stty -a` on a pty */
	{
		uint8_t t[36] = { 0 };
		uint32_t fl[4] = { 0400 | 02000, 01 | 04, 017 | 060 | 0200,
				   01 | 02 | 010 | 020 | 040 | 0100000 | 01000 | 04000 };
		memcpy(t, fl, sizeof fl);
		cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, t, sizeof t);
		ev = mk("ioctl", 0, 1, 0x5401, A, 0, 0, 0);
		EXPECT(ev, "ioctl(1, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0");
		uint32_t raw[4] = { 0, 04, 017 | 060 | 0200, 020 | 040 | 0100000 | 01000 | 04000 };
		memcpy(t, raw, sizeof raw);
		cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, t, sizeof t);
		ev = mk("ioctl", 0, 0, 0x5403, A, 0, 0, 0);
		EXPECT(ev, "ioctl(0, SNDCTL_TMR_STOP or TCSETSW, {c_iflag=, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0");
	}

	/* a signal's siginfo */
	{
		siginfo_t si;
		memset(&si, 0, sizeof si);
		si.si_signo = SIGCHLD;
		si.si_code = CLD_EXITED;
		si.si_pid = 6727;
		si.si_uid = 0;
		si.si_status = 3;
		struct lt_event sev;
		memset(&sev, 0, sizeof sev);
		sev.type = LT_EV_SIGNAL;
		sev.signo = SIGCHLD;
		sev.siginfo = (const uint8_t *)&si;
		struct lt_sb sb = { 0 };
		lt_format_signal(&sb, &sev, &fmt0);
		const char *want = "SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=6727, si_uid=0, si_status=3, si_utime=0, si_stime=0}";
		if (strcmp(sb.p, want)) {
			fprintf(stderr, "signal:\n  got  %s\n  want %s\n", sb.p, want);
			failures++;
		}
		lt_sb_reset(&sb);
		memset(&si, 0, sizeof si);
		si.si_signo = SIGSEGV;
		si.si_code = SEGV_MAPERR;
		si.si_addr = (void *)0xffffffffffffff80ull;
		lt_format_signal(&sb, &sev, &fmt0);
		want = "SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0xffffffffffffff80}";
		if (strcmp(sb.p, want)) {
			fprintf(stderr, "signal:\n  got  %s\n  want %s\n", sb.p, want);
			failures++;
		}
		lt_sb_free(&sb);
	}

	if (failures) {
		fprintf(stderr, "%d failures\n", failures);
		return 1;
	}
	printf("ok\n");
	return 0;
}
