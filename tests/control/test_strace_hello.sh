# The strace backend end to end: python3 printing Hello, run with LD_PRELOAD directly.
# The trace has the program's write and nothing of the tracer: no attach messages, no
# markers, no report process, no raw files left.
. "$TOP/tests/control/common.sh"
need_strace
need_python
logdir py
rc=0
env LD_PRELOAD="$SO" LIBTRACE_BACKEND=strace LIBTRACE_REPORT_FILE="$TMPDIR/report.txt" \
	"$PY" -c 'print("Hello")' >"$TMPDIR/py.out" 2>"$TMPDIR/py.err" || rc=$?
[ $rc -eq 0 ] || { cat "$TMPDIR/py.err"; fail "python3 exited $rc"; }
[ "$(cat "$TMPDIR/py.out")" = Hello ] || fail "python3 output changed"
[ ! -s "$TMPDIR/py.err" ] || { cat "$TMPDIR/py.err"; fail "stderr not empty"; }
r=$(rundir)
set -- "$r"/strace.*.txt
[ $# -eq 1 ] && [ -f "$1" ] || fail "expected one strace.PID.txt in $r: $*"
t=$1
ls -A "$r"
[ "$(ls -A "$r")" = "$(basename "$t")" ] || fail "other files left in the run directory"
expect_hello "$t"
check_clean_trace "$t"
expect_not_contains "$t" 'wait4('
expect_not_contains "$t" 'strace'
# The last lines are the program's end, as strace shows it.
tail -n 2 "$t" | head -n 1 | grep -q 'exit_group(0) *= ?' || { tail -n 3 "$t"; fail "no exit_group at the end"; }
tail -n 1 "$t" | grep -q '+++ exited with 0 +++' || { tail -n 3 "$t"; fail "no exit line at the end"; }
# Every line is strace -f -ttt -T output for the process itself.
bad=$(grep -Ev "^[0-9]+ +[0-9]+\.[0-9]{6} " "$t" | head -n 3)
[ -z "$bad" ] || fail "lines not in strace -f -ttt form: $bad"
pid=$(basename "$t" | cut -d. -f2)
grep -Ev "^$pid " "$t" | head -n 3 | grep . && fail "lines of another process"

# The report the shim ran at exit.
expect_hello "$TMPDIR/report.txt"
expect_not_contains "$TMPDIR/report.txt" '-19540'
expect_not_contains "$TMPDIR/report.txt" 'libtrace.so'
expect_not_contains "$TMPDIR/report.txt" 'LIBTRACE_'
expect_not_contains "$TMPDIR/report.txt" 'wait4('
expect_not_contains "$TMPDIR/report.txt" 'strace'
expect_contains "$TMPDIR/report.txt" '+++ exited with 0 +++'

# An image exec'd by the root is still the root: env python3 -> python3.
logdir env
env LD_PRELOAD="$SO" LIBTRACE_BACKEND=strace LIBTRACE_REPORT=none \
	/usr/bin/env "$PY" -c 'print("Hello")' >"$TMPDIR/env.out" 2>"$TMPDIR/env.err" || fail "env python3 failed"
[ ! -s "$TMPDIR/env.err" ] || { cat "$TMPDIR/env.err"; fail "env: stderr not empty"; }
t=$(echo "$(rundir)"/strace.*.txt)
expect_contains "$t" 'execve("'"$PY"'"'
expect_hello "$t"
tail -n 1 "$t" | grep -q '+++ exited with 0 +++' || fail "env: no exit line at the end"
check_clean_trace "$t"
expect_not_contains "$t" 'libtrace-report'
# python3 itself asks for every handler (rt_sigaction(SIGUSR1, NULL, ...)); the shim's own
# installation of its handlers in the exec'd image is not shown.
expect_not_contains "$t" 'rt_sigaction(SIGUSR1, {'
expect_not_contains "$t" 'rt_sigaction(SIGUSR2, {'
# A C program's last stdio buffer is flushed by exit after every destructor: still traced.
logdir c
env LD_PRELOAD="$SO" LIBTRACE_BACKEND=strace LIBTRACE_REPORT=none "$E/c_hello" a >"$TMPDIR/c.out" || true
t=$(echo "$(rundir)"/strace.*.txt)
expect_contains "$t" 'write(1, "direct write\n", 13) = 13'
expect_contains "$t" 'write(1, "arg 1: a\nbuffered tail\n", 23) = 23'
tail -n 1 "$t" | grep -q '+++ exited with 7 +++' || fail "c_hello: no exit line"
echo PASS
