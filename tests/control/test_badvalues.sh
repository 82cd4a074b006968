# Each bad configuration value gives one "libtrace:" line naming it, and the program's
# stdout and exit status stay byte-identical to an untraced run.
. "$TOP/tests/control/common.sh"
need_strace
P=$E/c_hello
ref_rc=0
C_HELLO_STATUS=5 "$P" one "two words" >"$TMPDIR/ref.out" 2>"$TMPDIR/ref.err" || ref_rc=$?
[ $ref_rc -eq 5 ] || fail "untraced c_hello exited $ref_rc"
[ -s "$TMPDIR/ref.out" ] || fail "untraced c_hello printed nothing"

n=0
# check VAR VALUE [EXPECT]: the run with VAR=VALUE warns once about VAR (EXPECT: text the
# warning must contain), with output and status unchanged.
check() {
	n=$((n + 1))
	logdir "logs$n"
	out=$TMPDIR/t$n.out err=$TMPDIR/t$n.err
	rc=0
	env LD_PRELOAD="$SO" LIBTRACE_BACKEND=strace LIBTRACE_START=0 LIBTRACE_REPORT=none \
		C_HELLO_STATUS=5 "$1=$2" "$P" one "two words" >"$out" 2>"$err" || rc=$?
	cmp -s "$out" "$TMPDIR/ref.out" || { diff "$TMPDIR/ref.out" "$out"; fail "$1=$2: stdout changed"; }
	[ $rc -eq $ref_rc ] || fail "$1=$2: exit status $rc, untraced $ref_rc"
	lines=$(libtrace_lines "$err")
	[ "$(printf '%s\n' "$lines" | grep -c "$1")" -eq 1 ] ||
		{ cat "$err"; fail "$1=$2: expected one libtrace: line about $1"; }
	[ -z "${3:-}" ] || expect_contains "$err" "$3"
	# Nothing but libtrace: lines added to what the program printed on stderr.
	[ "$(grep -vc '^libtrace:' "$err")" -eq "$(grep -c . "$TMPDIR/ref.err")" ] ||
		{ cat "$err"; fail "$1=$2: stderr has more than libtrace: lines"; }
	echo "ok: $1=$2: $lines"
}
check LIBTRACE_START maybe "using 1"
check LIBTRACE_BACKEND ptrace "using auto"
check LIBTRACE_SIGNALS FOO,BAR "using USR1,USR2"
check LIBTRACE_SIGNALS USR1 "using USR1,USR2"
check LIBTRACE_SIGNALS KILL,USR2 "using USR1,USR2"
check LIBTRACE_SIGNALS USR1,USR1 "using USR1,USR2"
check LIBTRACE_SIGNALS RTMIN+99,RTMIN+4 "using USR1,USR2"
check LIBTRACE_STRSIZE abc "using 32"
check LIBTRACE_STRSIZE -5 "using 32"
check LIBTRACE_STRSIZE 99999999999999999999999 "using 32"
check LIBTRACE_REPORT fancy "using text"
check LIBTRACE_DIR /nonexistent/a/b "cannot create"
ln -s "$TMPDIR" "$TMPDIR/link"
check LIBTRACE_DIR "$TMPDIR/link" "symlink"
mkdir -p "$TMPDIR/notmine"
if chown nobody "$TMPDIR/notmine" 2>/dev/null && [ "$(id -u)" != "$(stat -c %u "$TMPDIR/notmine")" ]; then
	check LIBTRACE_DIR "$TMPDIR/notmine" "not owned"
else
	echo "note: cannot chown a directory to nobody; not-owned case not run"
fi
touch "$TMPDIR/afile"
check LIBTRACE_DIR "$TMPDIR/afile" "not a directory"

# The report file can only fail at exit, where the report is made.
logdir logsrf
rc=0
env LD_PRELOAD="$SO" LIBTRACE_BACKEND=strace LIBTRACE_REPORT_FILE=/nonexistent/dir/r.txt \
	C_HELLO_STATUS=5 "$P" one "two words" >"$TMPDIR/rf.out" 2>"$TMPDIR/rf.err" || rc=$?
cmp -s "$TMPDIR/rf.out" "$TMPDIR/ref.out" || fail "LIBTRACE_REPORT_FILE: stdout changed"
[ $rc -eq $ref_rc ] || fail "LIBTRACE_REPORT_FILE: exit status $rc"
[ "$(libtrace_lines "$TMPDIR/rf.err" | grep -c LIBTRACE_REPORT_FILE)" -eq 1 ] ||
	{ cat "$TMPDIR/rf.err"; fail "LIBTRACE_REPORT_FILE: expected one libtrace: line"; }

# Good values are silent.
logdir logsgood
rc=0
env LD_PRELOAD="$SO" LIBTRACE_BACKEND=strace LIBTRACE_START=0 LIBTRACE_REPORT=none \
	LIBTRACE_SIGNALS=SIGRTMIN+3,rtmin+4 LIBTRACE_STRSIZE=64 C_HELLO_STATUS=5 \
	"$P" one "two words" >"$TMPDIR/g.out" 2>"$TMPDIR/g.err" || rc=$?
[ $rc -eq $ref_rc ] || fail "good values: exit status changed"
[ -z "$(libtrace_lines "$TMPDIR/g.err")" ] || { cat "$TMPDIR/g.err"; fail "good values warned"; }
echo PASS
