# Native backend: the program's own syscall user dispatch. Turning it off leaves the
# tracer's in place (the calls after it are still recorded); turning it on gives the
# thread's dispatch to the program, whose handler gets its trap as untraced, and the
# trace says the thread is no longer traced, then shows the exit.
. "$TOP/tests/lib.sh"
[ -x "$E2E/n_sud" ] || fail "missing $E2E/n_sud"
want="bad=-1 off=0 traced=1 on=0 trapped=110 r=42 off2=0"
"$E2E/n_sud" >"$TMPDIR/plain" || fail "n_sud failed untraced"
grep -qxF "$want" "$TMPDIR/plain" || skip "no syscall user dispatch here: $(cat "$TMPDIR/plain")"
LIBTRACE_DIR=$TMPDIR/logs LIBTRACE_REPORT=none LIBTRACE_BACKEND=native LIBTRACE_START=1 \
	LD_PRELOAD=$SO "$E2E/n_sud" >"$TMPDIR/out" 2>"$TMPDIR/err" || { cat "$TMPDIR/err"; fail "n_sud failed traced"; }
grep -qxF "$want" "$TMPDIR/out" || fail "the program saw otherwise: $(cat "$TMPDIR/out")"
"$REPORT" "$TMPDIR"/logs/run-* >"$TMPDIR/trace"
cat "$TMPDIR/trace" | tail -8
expect_contains "$TMPDIR/trace" "prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0x1, 0, NULL) = -1 EINVAL (Invalid argument)"
expect_contains "$TMPDIR/trace" "prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, NULL) = 0"
grep -qE '^getppid\(\) += [0-9]+$' "$TMPDIR/trace" || fail "the getppid after turning it off is not in the trace"
expect_contains "$TMPDIR/trace" "prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, 0, 0, 0x"
expect_contains "$TMPDIR/trace" "this thread is no longer traced ]"
expect_contains "$TMPDIR/trace" "+++ exited with 0 +++"
echo ok
