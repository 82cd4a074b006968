# Issue 8: a worker forked by root that gives up root (setuid, as nginx's workers do) is
# traced when a window opens in it later: its log goes to a directory of the run it can
# write (made while it was still root), merged into the run directory for the report.
. "$TOP/tests/control/common.sh"
[ "$(id -u)" = 0 ] || skip "needs root"
P=$TMPDIR/dropper
${CC:-cc} -O2 -Wall -Wextra -Werror -o "$P" "$TOP/tests/control/dropper.c" || fail "cannot build dropper"
"$P" >"$TMPDIR/plain" || fail "untraced run failed"
expect_contains "$TMPDIR/plain" "worker status 0"
logdir drop
rc=0
LIBTRACE_BACKEND=native LIBTRACE_START=0 LD_PRELOAD=$SO "$P" >"$TMPDIR/out" 2>"$TMPDIR/err" || rc=$?
grep -q "native backend unavailable" "$TMPDIR/err" && skip "no native backend here"
[ $rc -eq 0 ] || { cat "$TMPDIR/err"; fail "traced run exited $rc"; }
cmp -s "$TMPDIR/out" "$TMPDIR/plain" || { cat "$TMPDIR/out"; fail "stdout differs from untraced"; }
expect_not_contains "$TMPDIR/err" "tracing off"
expect_contains "$TMPDIR/err" 'access("/lt-worker-inside", F_OK)'
expect_not_contains "$TMPDIR/err" 'lt-worker-after'
r=$(rundir)
[ -z "$(ls -d "$r"/uid-* 2>/dev/null)" ] || { ls -lR "$r"; fail "uid-* directory not merged"; }
echo PASS
