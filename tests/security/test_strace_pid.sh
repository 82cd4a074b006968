# Issue 14.4: LIBTRACE_STRACE_PID is not trusted. A forged value naming an unrelated
# process must not get that process signalled at exit (it used to get SIGTERM, then
# SIGKILL), and the run must still be traced by a strace of its own.
. "$TOP/tests/control/common.sh"
need_strace
sleep 300 &
victim=$!
trap 'kill $victim 2>/dev/null || true' EXIT
logdir forged
rc=0
LIBTRACE_STRACE_PID=$(printf %010d $victim) LIBTRACE_BACKEND=strace LD_PRELOAD=$SO \
	"$E/c_hello" forged >"$TMPDIR/out" 2>"$TMPDIR/err" || rc=$?
[ $rc -eq 7 ] || { cat "$TMPDIR/err"; fail "traced run exited $rc, untraced exits 7"; }
kill -0 $victim 2>/dev/null || fail "the process named by a forged LIBTRACE_STRACE_PID was killed"
# The trace comes from a real strace started for this run.
expect_contains "$TMPDIR/err" 'write(1, "arg 1: forged'
check_clean_trace "$(rundir)/strace.$(ls "$(rundir)" | sed -n 's/^strace\.\([0-9]*\)\.txt$/\1/p').txt"
echo PASS
