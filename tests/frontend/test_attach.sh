# libtrace -p PID: a process without the shim is traced by strace, and libtrace-report
# formats it (text, -c, views); a process with the shim gets a tracing window instead.
# ^C (SIGINT to the launcher) ends the attachment; the report follows.
. "$TOP/tests/control/common.sh"
. "$TOP/tests/frontend/common.sh"
need_strace
need_python
# a loop that does not fork (strace can hang detaching from a shell inside vfork)
loop="import os, time
while True:
    os.write(1, b'tick\\n')
    time.sleep(0.05)"
# attach_run ARGS...: attach to $target with ARGS for a second, then ^C
attach_run() {
	"$L" "$@" -p $target >"$TMPDIR/a.out" 2>"$TMPDIR/a.err" &
	ap=$!
	sleep 1.5
	kill -INT $ap
	rc=0; wait $ap || rc=$?
}
# Without the shim: strace attaches; the process keeps running afterwards.
"$PY" -c "$loop" >/dev/null &
target=$!
attach_run -e trace=write
[ $rc -eq 0 ] || { cat "$TMPDIR/a.err"; fail "-p (strace): status $rc"; }
expect_contains "$TMPDIR/a.err" "tracing it with strace"
grep -Eq 'write\(1, "tick\\n", 5\) += 5' "$TMPDIR/a.err" || { cat "$TMPDIR/a.err"; fail "-p (strace): no write"; }
kill -0 $target || fail "the attached process died"
attach_run -c
grep -Eq '^ *[0-9.]+ +[0-9.]+ +[0-9]+ +[0-9]+ +([0-9]+ +)?(write|clock_nanosleep|select|pselect6)$' "$TMPDIR/a.err" ||
	{ cat "$TMPDIR/a.err"; fail "-p -c: no summary rows"; }
attach_run --threads
expect_contains "$TMPDIR/a.err" "$target"
kill $target; wait $target 2>/dev/null || true
# With the shim, loaded idle: -p opens a window, ^C closes it.
logdir attach
env LD_PRELOAD="$SO" LIBTRACE_START=0 LIBTRACE_REPORT=none "$PY" -c "$loop" >/dev/null &
target=$!
sleep 0.3
attach_run -e trace=write
[ $rc -eq 0 ] || { cat "$TMPDIR/a.err"; fail "-p (shim): status $rc"; }
expect_not_contains "$TMPDIR/a.err" "tracing it with strace"
grep -Eq 'write\(1, "tick\\n", 5\) += 5' "$TMPDIR/a.err" || { cat "$TMPDIR/a.err"; fail "-p (shim): no write"; }
kill -0 $target || fail "the attached process died"
kill $target; wait $target 2>/dev/null || true
# With the shim, already tracing: its calls from now are shown, and it goes on tracing.
logdir attach_on
env LD_PRELOAD="$SO" LIBTRACE_START=1 LIBTRACE_REPORT=none "$PY" -c "$loop" >/dev/null &
target=$!
sleep 2 # ~40 writes before the attach, ~30 during it
attach_run -e trace=write
[ $rc -eq 0 ] || { cat "$TMPDIR/a.err"; fail "-p (shim, tracing): status $rc"; }
grep -Eq 'write\(1, "tick\\n", 5\) += 5' "$TMPDIR/a.err" || { cat "$TMPDIR/a.err"; fail "-p (shim, tracing): no write"; }
n=$(grep -c 'write(1, "tick' "$TMPDIR/a.err")
[ "$n" -le 45 ] || fail "-p (shim, tracing): $n writes: the calls before the attach were shown"
[ "$(tr '\0' '\n' </proc/$target/environ | sed -n 's/^LIBTRACE_START=//p')" = 1 ] ||
	fail "-p closed a window it did not open"
kill $target; wait $target 2>/dev/null || true
# A pid that does not exist: refused
rc=0; "$L" -p 999999999 2>"$TMPDIR/n.err" || rc=$?
[ $rc -eq 1 ] || fail "-p nosuchpid: status $rc"
echo PASS
