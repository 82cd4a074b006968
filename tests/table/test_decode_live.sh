#!/bin/sh
# The decoders against strace itself, live: one small program with fixed arguments runs
# under strace and under the native backend, and its calls must print the same with each
# formatting option (-s, -x, -xx, -v, -X raw|verbose). Addresses and pids are masked.
set -eu
. "$TOP/tests/lib.sh"
command -v strace >/dev/null || skip "strace not installed"
command -v "${CC:-cc}" >/dev/null || skip "no C compiler"
cat >"$TMPDIR/prog.c" <<'PROG'
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <unistd.h>
static void h(int s) { (void)s; }
int main(void)
{
	struct stat st;
	char buf[64];
	/* the marker: everything after it is compared */
	syscall(SYS_lseek, -1, 4242, SEEK_SET);
	syscall(SYS_newfstatat, AT_FDCWD, "/dev/null", &st, 0);
	syscall(SYS_newfstatat, AT_FDCWD, "/nonexistent/x", &st, AT_SYMLINK_NOFOLLOW);
	int fd = syscall(SYS_openat, AT_FDCWD, "/dev/zero", O_RDONLY | O_CLOEXEC);
	syscall(SYS_read, fd, buf, 40);
	syscall(SYS_lseek, fd, 0, SEEK_END);
	syscall(SYS_fcntl, fd, F_GETFD);
	syscall(SYS_fcntl, fd, F_SETFL, O_NONBLOCK);
	syscall(SYS_close, fd);
	int null = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY | O_APPEND);
	syscall(SYS_write, null, "Hello\n\t\"x\"\\\001\377 and more than forty bytes...", 42);
	struct iovec iov[2] = { { "ab", 2 }, { "c\n", 2 } };
	syscall(SYS_writev, null, iov, 2);
	syscall(SYS_mmap, 0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	syscall(SYS_access, "/etc/passwd", R_OK | W_OK);
	syscall(SYS_faccessat2, AT_FDCWD, "/", X_OK, AT_EACCESS);
	int s = syscall(SYS_socket, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_un un = { AF_UNIX, "/nonexistent/socket" };
	syscall(SYS_connect, s, &un, sizeof un);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigaddset(&sa.sa_mask, SIGTERM);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGPIPE, &sa, 0);
	struct utsname u;
	uname(&u);
	syscall(SYS_kill, 0, 0);
	syscall(SYS_lseek, -1, 4343, SEEK_SET);
	(void)h;
	return 0;
}
PROG
"${CC:-cc}" -o "$TMPDIR/prog" "$TMPDIR/prog.c" || fail "cannot build the test program"
mask() { # FILE: the compared lines, addresses and variable numbers masked
	sed -n '/^lseek(-1, 4242/,/^lseek(-1, 4343/p' "$1" |
		sed -e 's/ *= /= /' -e 's/0x[0-9a-f]\{6,\}/0xADDR/g' \
		    -e 's/\(nodename\|release\|version\)="[^"]*"/\1=_/g' \
		    -e 's/st_\(ino\|atime\|mtime\|ctime\|atime_nsec\|mtime_nsec\|ctime_nsec\|dev\)=[^,}]*/st_\1=_/g' \
		    -e 's/ \/\* [0-9-]*T[^*]* \*\///g'
}
nfail=0
for opt in "" "-s 8" "-x" "-xx" "-v" "-X raw" "-X verbose"; do
	# shellcheck disable=SC2086
	strace -qq $opt -o "$TMPDIR/s.txt" "$TMPDIR/prog" || fail "strace failed"
	rm -rf "$TMPDIR/d"
	mkdir "$TMPDIR/d"
	LIBTRACE_BACKEND=native LIBTRACE_REPORT=none LIBTRACE_DIR="$TMPDIR/d" LD_PRELOAD="$SO" \
		"$TMPDIR/prog" || fail "the program failed under libtrace"
	# shellcheck disable=SC2086
	"$REPORT" --no-pid $opt "$TMPDIR/d" >"$TMPDIR/l.txt" 2>&1 || true
	mask "$TMPDIR/s.txt" >"$TMPDIR/s.m"
	mask "$TMPDIR/l.txt" >"$TMPDIR/l.m"
	[ -s "$TMPDIR/l.m" ] || skip "the native backend recorded nothing here"
	n=$(wc -l <"$TMPDIR/s.m")
	[ "$n" -ge 20 ] || fail "strace showed only $n lines for '$opt'"
	if diff "$TMPDIR/s.m" "$TMPDIR/l.m" >"$TMPDIR/diff"; then
		echo "ok   strace ${opt:-(default)}: $n lines identical"
	else
		echo "FAIL strace ${opt:-(default)}:"
		cat "$TMPDIR/diff"
		nfail=$((nfail + 1))
	fi
done
[ $nfail -eq 0 ] || fail "$nfail option sets differ from strace"
