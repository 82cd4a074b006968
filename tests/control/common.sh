# Helpers for the control-plane tests: . "$TOP/tests/control/common.sh"
. "$TOP/tests/lib.sh"
# Start from a clean slate: nothing of an enclosing run, or of the user's settings.
for v in $(env | sed -n 's/^\(LIBTRACE_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done
unset PYTHONUNBUFFERED LD_PRELOAD
# The default log directory, used when LIBTRACE_DIR is bad, stays inside the test.
export XDG_RUNTIME_DIR="$TMPDIR/xdg"
mkdir -p -m 0700 "$XDG_RUNTIME_DIR"
E=$BUILD/e2e
PY=$(command -v python3 || true)
# The real interpreter, not a shim script (pyenv) that would add a shell to every trace.
[ -n "$PY" ] && PY=$("$PY" -c 'import sys; print(sys.executable)')
need_strace() { command -v strace >/dev/null 2>&1 || skip "strace is not installed"; }
need_python() { [ -n "$PY" ] || skip "python3 is not installed"; }
# logdir NAME: a fresh LIBTRACE_DIR
logdir() { export LIBTRACE_DIR="$TMPDIR/$1"; rm -rf "$LIBTRACE_DIR"; }
# the (only) run directory under $LIBTRACE_DIR
rundir() {
	set -- "$LIBTRACE_DIR"/run-*
	[ $# -eq 1 ] && [ -d "$1" ] || fail "expected one run directory in $LIBTRACE_DIR, got: $*"
	echo "$1"
}
# libtrace_lines FILE: the lines the shim printed
libtrace_lines() { grep '^libtrace:' "$1" || true; }
# the trace of a strace-backend run, with nothing of the tracer in it
check_clean_trace() {
	expect_not_contains "$1" "-19540"
	expect_not_contains "$1" "libtrace:"
	expect_not_contains "$1" "attached"
	expect_not_contains "$1" "libtrace-report"
	[ ! -e "$(dirname "$1")/.strace.$(basename "$1" | cut -d. -f2).raw" ] || fail "raw strace file left behind"
}
# expect_hello FILE: the line python3 -c 'print("Hello")' makes, in strace's layout (the
# report pads the " = " column as strace does, so any run of spaces before it)
expect_hello() {
	grep -Eq 'write\(1, "Hello\\n", 6\) +=  *6( |$)' "$1" ||
		{ echo "--- $1:"; grep -n 'write(' "$1" | head; fail "$1 lacks write(1, \"Hello\\n\", 6) = 6"; }
}
