# The strace backend cannot work: strace missing, or the process is already traced. One
# libtrace: line says so and the program runs on with its output and status.
. "$TOP/tests/control/common.sh"
need_strace
P=$E/c_hello
ref_rc=0; C_HELLO_STATUS=4 "$P" x >"$TMPDIR/ref.out" || ref_rc=$?

logdir missing
mkdir "$TMPDIR/emptybin"
rc=0
env PATH="$TMPDIR/emptybin" LD_PRELOAD="$SO" LIBTRACE_BACKEND=strace C_HELLO_STATUS=4 \
	"$P" x >"$TMPDIR/m.out" 2>"$TMPDIR/m.err" || rc=$?
[ $rc -eq $ref_rc ] || fail "strace missing: exit status $rc, untraced $ref_rc"
cmp -s "$TMPDIR/m.out" "$TMPDIR/ref.out" || fail "strace missing: output changed"
cat "$TMPDIR/m.err"
[ "$(grep -c . "$TMPDIR/m.err")" -eq 1 ] || fail "strace missing: expected exactly one line on stderr"
expect_contains "$TMPDIR/m.err" "libtrace: strace backend: strace not found"

# An image the root execs during a window, with a PATH that has no strace: it keeps the
# tracer it inherits (no warning), and its calls are in the trace.
logdir exec-nopath
rc=0
env LD_PRELOAD="$SO" LIBTRACE_BACKEND=strace LIBTRACE_REPORT=none C_HELLO_STATUS=4 \
	sh -c 'PATH="$1"; exec "$2" x' sh "$TMPDIR/emptybin" "$P" >"$TMPDIR/e.out" 2>"$TMPDIR/e.err" || rc=$?
[ $rc -eq $ref_rc ] || fail "exec without strace in PATH: exit status $rc, untraced $ref_rc"
cmp -s "$TMPDIR/e.out" "$TMPDIR/ref.out" || fail "exec without strace in PATH: output changed"
[ ! -s "$TMPDIR/e.err" ] || { cat "$TMPDIR/e.err"; fail "exec without strace in PATH: stderr not empty"; }
t=$(echo "$(rundir)"/strace.*.txt)
expect_contains "$t" "execve(\"$P\""
expect_contains "$t" "exit_group(4)"
check_clean_trace "$t"

logdir traced
rc=0
strace -f -o /dev/null env LD_PRELOAD="$SO" LIBTRACE_BACKEND=strace C_HELLO_STATUS=4 \
	"$P" x >"$TMPDIR/t.out" 2>"$TMPDIR/t.err" || rc=$?
[ $rc -eq $ref_rc ] || fail "already traced: exit status $rc, untraced $ref_rc"
cmp -s "$TMPDIR/t.out" "$TMPDIR/ref.out" || fail "already traced: output changed"
cat "$TMPDIR/t.err"
[ "$(grep -c . "$TMPDIR/t.err")" -eq 1 ] || fail "already traced: expected exactly one line on stderr"
expect_contains "$TMPDIR/t.err" "libtrace: strace backend: this process is already traced"
echo PASS
