# Live output: a line appears while the program still runs (strace streams), from the
# launcher and from libtrace-report --follow on a run started with plain LD_PRELOAD; the
# final text has each call once, in time order.
. "$TOP/tests/frontend/common.sh"
# wait_for FILE PATTERN PID: PATTERN shows in FILE while PID still runs
wait_for() {
	for i in $(seq 400); do
		if grep -q "$2" "$1" 2>/dev/null; then
			kill -0 "$3" 2>/dev/null || fail "'$2' came only after the program ended"
			return 0
		fi
		kill -0 "$3" 2>/dev/null || break
		sleep 0.01
	done
	cat "$1"; fail "no '$2' while the program ran"
}
prog='echo one; sleep 3; echo two'
"$L" -e trace=write sh -c "$prog" >/dev/null 2>"$TMPDIR/live.err" &
lp=$!
wait_for "$TMPDIR/live.err" 'write(1, "one' $lp
rc=0; wait $lp || rc=$?
[ $rc -eq 0 ] || fail "launcher: status $rc"
[ "$(grep -c 'write(1, "one' "$TMPDIR/live.err")" -eq 1 ] || { cat "$TMPDIR/live.err"; fail "'one' not exactly once"; }
[ "$(grep -c 'write(1, "two' "$TMPDIR/live.err")" -eq 1 ] || { cat "$TMPDIR/live.err"; fail "'two' not exactly once"; }
# libtrace-report --follow on a run of plain LD_PRELOAD
logdir follow
env LD_PRELOAD="$SO" LIBTRACE_REPORT=none sh -c "$prog" >/dev/null &
pp=$!
"$REPORT" --follow -e trace=write "$LIBTRACE_DIR" >"$TMPDIR/f.out" 2>"$TMPDIR/f.err" &
fp=$!
wait_for "$TMPDIR/f.out" 'write(1, "one' $pp
wait $pp
kill -INT $fp
rc=0; wait $fp || rc=$?
[ $rc -eq 0 ] || { cat "$TMPDIR/f.err"; fail "--follow: status $rc"; }
expect_contains "$TMPDIR/f.out" 'write(1, "two'
# the followed text is the text of the finished run (same calls, same order); only the
# [pid N] prefix may differ: live, like strace's, it starts once a second task shows up
"$REPORT" -e trace=write "$LIBTRACE_DIR" >"$TMPDIR/after.out"
unpid() { sed "s/^\[pid *[0-9]*\] //; s/  */ /g" "$1"; }
[ "$(unpid "$TMPDIR/f.out")" = "$(unpid "$TMPDIR/after.out")" ] ||
	{ diff "$TMPDIR/f.out" "$TMPDIR/after.out"; fail "--follow printed other lines than the report of the run"; }
# threads: merged in time order across threads
logdir mt
(cd "$TMPDIR" && exec env LD_PRELOAD="$SO" LIBTRACE_REPORT=none "$E/threads" >/dev/null 2>&1) & # it writes threadN.txt here
pp=$!
"$REPORT" --follow -ttt "$LIBTRACE_DIR" >"$TMPDIR/t.out" 2>/dev/null &
fp=$!
wait $pp || true
sleep 0.2
kill -INT $fp; wait $fp || true
sed -n 's/^\(\[pid *[0-9]*\] \)\{0,1\}\([0-9]*\.[0-9]*\) .*/\2/p' "$TMPDIR/t.out" >"$TMPDIR/ts"
[ -s "$TMPDIR/ts" ] || fail "threads: no timestamps"
sort -n -c "$TMPDIR/ts" || fail "threads: not in time order"
echo PASS
