# An installed layout (PREFIX/lib/libtrace.so, PREFIX/bin/libtrace-report and libtrace):
# the shim finds the report in ../bin, the launcher finds the shim in ../lib; and
# LIBTRACE_REPORT=summary gives the -c table.
. "$TOP/tests/control/common.sh"
need_strace
P=$TMPDIR/prefix
mkdir -p "$P/lib" "$P/bin"
cp "$SO" "$P/lib/libtrace.so"
cp "$REPORT" "$P/bin/libtrace-report"
cp "$TOP/scripts/libtrace" "$P/bin/libtrace"

logdir inst
rc=0
env LD_PRELOAD="$P/lib/libtrace.so" LIBTRACE_BACKEND=strace LIBTRACE_REPORT=summary \
	LIBTRACE_REPORT_FILE="$TMPDIR/sum.txt" "$E/c_hello" >/dev/null 2>"$TMPDIR/i.err" || rc=$?
[ $rc -eq 7 ] || fail "c_hello exited $rc"
[ ! -s "$TMPDIR/i.err" ] || { cat "$TMPDIR/i.err"; fail "stderr not empty"; }
expect_contains "$TMPDIR/sum.txt" "% time"
# c_hello makes exactly two writes after the shim's constructor.
grep -Eq '^ *[0-9.]+ +[0-9.]+ +[0-9]+ +2 +write$' "$TMPDIR/sum.txt" ||
	{ cat "$TMPDIR/sum.txt"; fail "summary: no 'write' row with 2 calls"; }

# The installed launcher, with no build directory next to it.
logdir inst2
rc=0
env -u LIBTRACE_SO bash "$P/bin/libtrace" --backend strace -- "$E/c_hello" x >"$TMPDIR/l.out" 2>"$TMPDIR/l.err" || rc=$?
[ $rc -eq 7 ] || { cat "$TMPDIR/l.err"; fail "installed launcher: exit $rc"; }
grep -Eq 'write\(1, "direct write\\n", 13\) += 13' "$TMPDIR/l.err" ||
	{ cat "$TMPDIR/l.err"; fail "installed launcher: no trace"; }
echo PASS
