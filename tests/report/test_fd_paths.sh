# -y for descriptors opened before tracing began: a program under LIBTRACE_START=0 opens a
# file through a symlinked directory, then starts tracing with libtrace_start() and reads
# it. The shim's LT_REC_FD records must name fd 3 with the file's real path, which this test
# finds independently (readlink -f); --files must count the bytes under that path; and
# -e read -y must still name a descriptor whose open was filtered out.
. "$TOP/tests/lib.sh"
CC=${CC:-cc}
cat >"$TMPDIR/late.c" <<'EOF'
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "libtrace.h"
int main(int argc, char **argv)
{
	char buf[100];
	if (argc != 3)
		return 2;
	int fd = open(argv[1], O_RDONLY);
	if (fd < 0 || dup2(fd, 99) != 99)
		return 1;
	if (LIBTRACE_START() != 0 && !LIBTRACE_ACTIVE())
		return 3;
	if (read(fd, buf, sizeof buf) != sizeof buf || read(99, buf, 50) != 50)
		return 1;
	int fd2 = open(argv[2], O_RDONLY); /* opened inside the window */
	if (fd2 < 0 || read(fd2, buf, 10) != 10)
		return 1;
	close(fd2);
	close(fd);
	printf("%d %d\n", fd, fd2); /* whatever descriptors the test was started with */
	return 0;
}
EOF
$CC -O2 -I"$TOP/include" -o "$TMPDIR/late" "$TMPDIR/late.c" || fail "cannot build late.c"
mkdir -p "$TMPDIR/real"
ln -s real "$TMPDIR/link"
head -c 1000 /dev/zero >"$TMPDIR/real/data"
head -c 1000 /dev/zero >"$TMPDIR/real/second"
path=$(readlink -f "$TMPDIR/link/data")
# opened inside the window: the path as the program named it (strace would resolve it)
second=$TMPDIR/link/second
case $path in */real/data) ;; *) fail "readlink -f gave $path" ;; esac

LD_PRELOAD=$SO LIBTRACE_START=0 LIBTRACE_DIR=$TMPDIR/logs LIBTRACE_REPORT=none \
	LIBTRACE_BACKEND=native "$TMPDIR/late" "$TMPDIR/link/data" "$TMPDIR/link/second" \
	>"$TMPDIR/fds" || fail "late failed under the shim (exit $?)"
read fd fd2 <"$TMPDIR/fds"
ls "$TMPDIR"/logs/*/*.ltl >/dev/null 2>&1 || skip "no native log written"
logs=$(echo "$TMPDIR"/logs/*/)

"$REPORT" -y "$logs" >"$TMPDIR/y.txt" || fail "-y failed"
cat "$TMPDIR/y.txt"
expect_contains "$TMPDIR/y.txt" "read($fd<$path>, "
expect_contains "$TMPDIR/y.txt" "read(99<$path>, "
expect_contains "$TMPDIR/y.txt" "read($fd2<$second>, "
expect_contains "$TMPDIR/y.txt" "close($fd<$path>)"
# strace -y says the same of the descriptors open before the window (it reads /proc)
if command -v strace >/dev/null &&
	strace -y -e trace=read -o "$TMPDIR/st.txt" "$TMPDIR/late" "$TMPDIR/link/data" \
		"$TMPDIR/link/second" >/dev/null 2>&1; then
	for f in "$fd" 99; do
		want=$(grep "^read($f</" "$TMPDIR/st.txt" | grep -F "$path") || fail "strace: no read($f"
		got=$(grep "^read($f</" "$TMPDIR/y.txt")
		[ "$got" = "$want" ] || fail "read($f: strace -y has '$want', we '$got'"
	done
fi
# without -y no paths, and the descriptor records print nothing of their own
"$REPORT" "$logs" >"$TMPDIR/n.txt" || fail "report failed"
expect_contains "$TMPDIR/n.txt" "read($fd, "
expect_not_contains "$TMPDIR/n.txt" "$path"

# the open of fd2 is filtered out, its path is still known
"$REPORT" -y -e trace=read "$logs" >"$TMPDIR/e.txt" || fail "-y -e failed"
expect_contains "$TMPDIR/e.txt" "read($fd2<$second>, "
expect_not_contains "$TMPDIR/e.txt" "openat("

# --files: the bytes read through fd and fd 99 belong to the file, not to "<fd N>"
"$REPORT" --files "$logs" >"$TMPDIR/files.txt" || fail "--files failed"
cat "$TMPDIR/files.txt"
r=$(awk -v p="$path" '$NF == p { print $5 }' "$TMPDIR/files.txt")
[ "$r" = 150 ] || fail "--files: $path: want 150 bytes read, got '$r'"
expect_not_contains "$TMPDIR/files.txt" "<fd $fd>"

# the other outputs take the records without a stray event
"$REPORT" --json "$logs" >"$TMPDIR/j.json" || fail "--json failed"
python3 - "$TMPDIR/j.json" <<'PY' || fail "--json: unexpected event types"
import json, sys
types = {json.loads(l)["type"] for l in open(sys.argv[1])}
assert types <= {"syscall", "process", "thread", "window", "exit", "signal", "lost"}, types
PY
"$REPORT" --tef "$TMPDIR/t.json" "$logs" || fail "--tef failed"
"$REPORT" --perfetto "$TMPDIR/t.pftrace" "$logs" || fail "--perfetto failed"
exit 0
