# Native backend, trap path: a single-threaded program's calls (libc and raw syscall
# instructions) are recorded with their arguments, data and results.
. "$TOP/tests/lib.sh"
[ -x "$E2E/n_fileio" ] || fail "missing $E2E/n_fileio"
out=$TMPDIR/out
LIBTRACE_DIR=$TMPDIR/logs LIBTRACE_REPORT=none LIBTRACE_BACKEND=native \
	LD_PRELOAD=$SO "$E2E/n_fileio" "$TMPDIR/f.tmp" >"$out" 2>"$TMPDIR/err" && rc=0 || rc=$?
[ $rc -eq 5 ] || { cat "$TMPDIR/err"; fail "exit status $rc, expected 5"; }
expect_contains "$out" "raw-write"
[ -s "$TMPDIR/err" ] && { cat "$TMPDIR/err"; fail "stderr not empty"; }
python3 "$TOP/tests/native/ltdump.py" "$TMPDIR"/logs/run-* >"$TMPDIR/dump"
d=$TMPDIR/dump
cat "$d" | cut -c1-200
expect_contains "$d" "flags=4 cmd=$E2E/n_fileio $TMPDIR/f.tmp"
expect_contains "$d" "window on=1 seq=1"
grep -E " sc openat .*ret=3 .*b'$TMPDIR/f.tmp'" "$d" >/dev/null || fail "openat of f.tmp"
grep -E " sc write .*ret=16 .*args=0x3,.*,0x10,.*b'0123456789abcdef'" "$d" >/dev/null || fail "write 16"
grep -E " sc read .*ret=16 .*args=0x3,.*,0x40,.*b'0123456789abcdef'" "$d" >/dev/null || fail "read 16"
grep -E " sc write .*ret=10 .*args=0x1,.*,0xa,.*b'raw-write\\\\n'" "$d" >/dev/null || fail "raw write"
grep -E " sc getppid .*ret=$$ " "$d" >/dev/null || fail "raw getppid = $$"
grep -E " sc openat .*ret=-2 .*b'/nonexistent/x'" "$d" >/dev/null || fail "failed openat"
grep -E " sc unlink" "$d" >/dev/null || fail "unlink"
grep -E " sc exit_group .*flags=1 args=0x5," "$d" >/dev/null || fail "exit_group unfinished"
expect_contains "$d" "exit code=5 signo=0"
# nothing of the tracer's own: no access to the run dir, no prctl, no process_vm_readv
expect_not_contains "$d" "process_vm"
expect_not_contains "$d" " sc prctl"
expect_not_contains "$d" "/proc/self/"
# the calls appear once each, in order
[ "$(grep -c ' sc write .*0123456789abcdef' "$d")" = 1 ] || fail "write recorded twice"
grep ' sc ' "$d" | awk '{print $4}' | tr '\n' ' ' | grep -q "openat write close openat read close write getppid openat unlink exit_group" ||
	fail "call order"
echo ok
