# Native backend: handlers installed before the window opens (LIBTRACE_START=0, then
# libtrace_start) are wrapped at its start: the program's output is unchanged, and each
# delivery and the handler's write are recorded, for signals 1, 28, 40 and 64 (the
# window's start finds them through SigCgt of /proc/self/status: docs/DESIGN.md,
# "Start-up cost").
. "$TOP/tests/lib.sh"
"$E2E/n_prehandlers" >"$TMPDIR/want" || fail "untraced run failed"
LIBTRACE_DIR=$TMPDIR/logs LIBTRACE_REPORT=none LIBTRACE_BACKEND=native LIBTRACE_START=0 \
	LD_PRELOAD=$SO timeout 20 "$E2E/n_prehandlers" >"$TMPDIR/got" 2>"$TMPDIR/err" ||
	{ cat "$TMPDIR/err"; fail "exit status $?"; }
cat "$TMPDIR/got"
diff "$TMPDIR/want" "$TMPDIR/got" || fail "output differs"
python3 "$TOP/tests/native/ltdump.py" "$TMPDIR"/logs/run-* >"$TMPDIR/dump"
d=$TMPDIR/dump
for s in 01 28 40 64; do
	grep -q " signal ${s#0} " "$d" || { cat "$d"; fail "no delivery record of signal $s"; }
	grep -qE " sc write .*b'handler $s" "$d" || fail "the handler's write for signal $s is not recorded"
done
echo ok
