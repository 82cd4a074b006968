# Native backend: records that cannot be written are counted and reported (LT_REC_LOST),
# never silently dropped, and the program is not disturbed.
. "$TOP/tests/lib.sh"
LIBTRACE_DIR=$TMPDIR/logs LIBTRACE_REPORT=none LIBTRACE_BACKEND=native \
	LD_PRELOAD=$SO "$E2E/n_lost" >"$TMPDIR/out" 2>"$TMPDIR/err" || fail "exit status $?"
expect_contains "$TMPDIR/out" "done"
python3 "$TOP/tests/native/ltdump.py" "$TMPDIR"/logs/run-* >"$TMPDIR/dump"
d=$TMPDIR/dump
recorded=$(grep -c ' sc getppid ' "$d" || true)
lost=$(awk '$3 == "lost" {s += $4} END {print s + 0}' "$d")
echo "recorded $recorded, lost $lost"
[ "$lost" -gt 0 ] || fail "no LT_REC_LOST record"
[ $((recorded + lost)) -ge 60000 ] || fail "recorded + lost < 60000 calls"
grep -q ' sc getpid ' "$d" || fail "recording resumed after the limit was lifted"
echo ok
