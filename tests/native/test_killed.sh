# Native backend: a call blocked when the process is killed with SIGKILL is in the log
# (logged UNFINISHED at entry, like execve), and a blocking call that returns is recorded
# once (its early copy is superseded, never shown twice).
. "$TOP/tests/lib.sh"
# A shell waits for its child: dash blocks in rt_sigsuspend (others in wait4), trapped.
LIBTRACE_DIR=$TMPDIR/logs LIBTRACE_REPORT=none LIBTRACE_BACKEND=native LD_PRELOAD=$SO \
	sh -c 'sleep 30 & echo $! >"$0"; wait' "$TMPDIR/child" &
shpid=$!
i=0
while [ ! -s "$TMPDIR/child" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
sleep 0.5
kill -9 "$shpid"
wait "$shpid" 2>/dev/null || true
[ -s "$TMPDIR/child" ] && kill -9 "$(cat "$TMPDIR/child")" 2>/dev/null || true
python3 "$TOP/tests/native/ltdump.py" "$TMPDIR"/logs/run-* >"$TMPDIR/dump"
d=$TMPDIR/dump
grep -E " sc (wait4|rt_sigsuspend) .*flags=1 " "$d" ||
	{ grep " sc " "$d" | cut -c1-100 | tail; fail "no unfinished wait4/rt_sigsuspend"; }
"$REPORT" "$TMPDIR"/logs/run-* >"$TMPDIR/report" 2>&1 || true
grep -E "(wait4|rt_sigsuspend)\(.*= \?" "$TMPDIR/report" || fail "the report lacks the blocked call"
# A blocking call that returns (sleep's clock_nanosleep) shows once, finished.
LIBTRACE_DIR=$TMPDIR/logs2 LIBTRACE_REPORT=none LIBTRACE_BACKEND=native LD_PRELOAD=$SO \
	sleep 0.1
python3 "$TOP/tests/native/ltdump.py" "$TMPDIR"/logs2/run-* >"$TMPDIR/dump2"
[ "$(grep -cE " sc (clock_)?nanosleep " "$TMPDIR/dump2")" = 1 ] || fail "nanosleep recorded $(grep -cE " sc (clock_)?nanosleep " "$TMPDIR/dump2") times"
grep -E " sc (clock_)?nanosleep .*flags=0 " "$TMPDIR/dump2" || fail "nanosleep not finished"
grep -q " type32766" "$TMPDIR/dump2" || fail "no superseded early copy"
"$REPORT" "$TMPDIR"/logs2/run-* >"$TMPDIR/report2" 2>&1 || true
[ "$(grep -c "nanosleep(" "$TMPDIR/report2")" = 1 ] || fail "the report shows nanosleep $(grep -c "nanosleep(" "$TMPDIR/report2") times"
echo ok
