# Native backend: start/stop windows reach threads that already run; a program closing
# every descriptor keeps being traced; a SIGKILLed program's log is readable.
. "$TOP/tests/lib.sh"
LIBTRACE_DIR=$TMPDIR/logs LIBTRACE_REPORT=none LIBTRACE_BACKEND=native LIBTRACE_START=0 \
	LD_PRELOAD=$SO "$E2E/n_window" kill >"$TMPDIR/out" 2>"$TMPDIR/err" && rc=0 || rc=$?
[ $rc -eq 137 ] || { cat "$TMPDIR/err"; fail "expected death by SIGKILL (137), got $rc"; }
python3 "$TOP/tests/native/ltdump.py" "$TMPDIR"/logs/run-* >"$TMPDIR/dump"
d=$TMPDIR/dump
grep -v ' fd ' "$d" | cut -c1-150
for p in 2 4 5; do grep -q "b'/lt-worker-phase-$p'" "$d" || fail "worker phase $p not traced"; done
for p in 1 3; do ! grep -q "b'/lt-worker-phase-$p'" "$d" || fail "worker phase $p traced while off"; done
expect_contains "$d" "window on=1 seq=1"
expect_contains "$d" "window on=0 seq=1"
expect_contains "$d" "window on=1 seq=2"
grep -qE " sc close_range .*ret=0 " "$d" || fail "close_range recorded"
[ "$(grep -c ' sc close .*args=0x' "$d")" -ge 4000 ] || fail "the closes are recorded"
grep -qE " sc write .*b'killing\\\\n'" "$d" || fail "last write before SIGKILL"
echo ok
