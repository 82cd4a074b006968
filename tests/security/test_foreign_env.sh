# Issue 14.5: a process whose real uid is not the run's (a root child of a setuid program
# that kept the user's environment: su without -, sudo -E) ignores the inherited run
# variables: it neither logs in the user's run directory nor writes the user's
# LIBTRACE_REPORT_FILE (root used to overwrite a root-owned file of the user's choice).
. "$TOP/tests/control/common.sh"
[ "$(id -u)" = 0 ] || skip "needs root (files of another user)"
uid=65534
chmod 0755 "$TMPDIR"
udir=$TMPDIR/user
mkdir -m 0700 "$udir"; chown $uid "$udir"
victim=$TMPDIR/victim
echo "root's file" >"$victim"
logdir own
# The user's run (run directory in the user's LIBTRACE_DIR, the process as its root, a
# report file of the user's choice), inherited by a root process.
rc=0
LIBTRACE_RUN_DIR=$udir/run-1-1 LIBTRACE_REPORT_FILE=$victim \
	sh -c 'LIBTRACE_RUN_PID=$$ LD_PRELOAD=$1 exec "$0" foreign' "$E/c_hello" "$SO" >"$TMPDIR/out" 2>"$TMPDIR/err" || rc=$?
[ $rc -eq 7 ] || { cat "$TMPDIR/err"; fail "traced run exited $rc, untraced exits 7"; }
[ "$(cat "$victim")" = "root's file" ] || fail "the user's LIBTRACE_REPORT_FILE was written: $(head -3 "$victim")"
[ -z "$(ls -A "$udir")" ] || { ls -lR "$udir"; fail "root logged in the user's run directory"; }
# Still traced, as a run of its own, its report on stderr.
expect_contains "$TMPDIR/err" 'write(1, "arg 1: foreign'
rundir >/dev/null

# The same variables from a run of this user are obeyed (the run is joined).
logdir mine
mkdir -m 0700 "$LIBTRACE_DIR"
rc=0
LIBTRACE_RUN_DIR=$LIBTRACE_DIR/run-1-1 LIBTRACE_REPORT_FILE=$TMPDIR/mine.txt \
	sh -c 'LIBTRACE_RUN_PID=$$ LD_PRELOAD=$1 exec "$0" mine' "$E/c_hello" "$SO" >"$TMPDIR/out" 2>"$TMPDIR/err" || rc=$?
[ $rc -eq 7 ] || fail "own run exited $rc"
[ -d "$LIBTRACE_DIR/run-1-1" ] || fail "the run of this user was not joined"
expect_contains "$TMPDIR/mine.txt" 'write(1, "arg 1: mine'
echo PASS
