# Issue 14.8: LIBTRACE_REPORT_FILE never follows a symlink, and never truncates a file
# that is not the user's. A new file, or one of the user's, gets the report.
. "$TOP/tests/control/common.sh"
run() { # run REPORT_FILE: the traced program, its report to REPORT_FILE
	rc=0
	LIBTRACE_REPORT_FILE=$1 LD_PRELOAD=$SO "$E/c_hello" x >"$TMPDIR/out" 2>"$TMPDIR/err" || rc=$?
	[ $rc -eq 7 ] || { cat "$TMPDIR/err"; fail "traced run exited $rc, untraced exits 7"; }
}
logdir rf
echo keep >"$TMPDIR/target"
ln -s "$TMPDIR/target" "$TMPDIR/link"
run "$TMPDIR/link"
[ "$(cat "$TMPDIR/target")" = keep ] || fail "the report followed a symlink and overwrote its target"
expect_contains "$TMPDIR/err" "LIBTRACE_REPORT_FILE=$TMPDIR/link: refused"
expect_contains "$TMPDIR/err" 'write(1, "arg 1: x'   # the report, on stderr instead

if [ "$(id -u)" = 0 ]; then
	echo keep >"$TMPDIR/other"
	chown 65534 "$TMPDIR/other"
	run "$TMPDIR/other"
	[ "$(cat "$TMPDIR/other")" = keep ] || fail "the report truncated another user's file"
	expect_contains "$TMPDIR/err" "refused (owned by another user)"
fi

# The user's own file is replaced by the report; a new one is created.
printf '%s\n' old old old old old old old old old old old old old old >"$TMPDIR/mine"
run "$TMPDIR/mine"
expect_not_contains "$TMPDIR/mine" "old"
expect_contains "$TMPDIR/mine" 'write(1, "arg 1: x'
run "$TMPDIR/new"
expect_contains "$TMPDIR/new" 'write(1, "arg 1: x'
[ "$(stat -c %a "$TMPDIR/new")" = 600 ] || fail "new report file is not 0600"
echo PASS
