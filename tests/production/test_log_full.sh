# A log directory on a full disk: the program runs as untraced (same output, same exit),
# the log makes a bounded number of growth attempts (fallocate) however many calls are
# lost, and every lost record is counted (LT_REC_LOST) with one note saying why.
# Needs a tmpfs of its own: a private mount namespace (root, or unshare -rm).
. "$TOP/tests/lib.sh"
. "$TOP/tests/production/log_lib.sh"
command -v strace >/dev/null || skip "no strace"
if [ "$(id -u)" = 0 ]; then ns="unshare -m"; else ns="unshare -rm"; fi
$ns true 2>/dev/null || skip "cannot make a mount namespace"
prog log_loop
n=20000
"$TMPDIR/log_loop" $n >"$TMPDIR/untraced" || fail "untraced exit $?"
cat >"$TMPDIR/run.sh" <<EOS
set -e
mount -t tmpfs -o size=1M lt-full "$TMPDIR/mnt"
# Room for the header and a few steps of the log, then nothing.
dd if=/dev/zero of="$TMPDIR/mnt/fill" bs=4k count=220 2>/dev/null
mkdir "$TMPDIR/mnt/logs"
LIBTRACE_DIR="$TMPDIR/mnt/logs" LIBTRACE_REPORT=none LIBTRACE_BACKEND=native \
	strace -f -qq -c -o "$TMPDIR/strace" -e trace=fallocate \
	env LD_PRELOAD="$SO" "$TMPDIR/log_loop" $n >"$TMPDIR/traced" || echo "exit \$?" >"$TMPDIR/status"
df -k "$TMPDIR/mnt" | tail -1
cp -r "$TMPDIR/mnt/logs" "$TMPDIR/logs"
# An exec'd image on a disk with a few pages left (the first image's log takes 5): its
# log gets a header and a page, and counts all it loses there.
rm -rf "$TMPDIR/mnt/fill" "$TMPDIR/mnt/logs"
dd if=/dev/zero of="$TMPDIR/mnt/fill" bs=4k count=248 2>/dev/null
mkdir "$TMPDIR/mnt/logs"
LIBTRACE_DIR="$TMPDIR/mnt/logs" LIBTRACE_REPORT=none LIBTRACE_BACKEND=native \
	LD_PRELOAD="$SO" sh -c 'exec "\$0" 3000' "$TMPDIR/log_loop" >"$TMPDIR/traced2" || echo "exit \$?" >"$TMPDIR/status"
cp -r "$TMPDIR/mnt/logs" "$TMPDIR/logs2"
EOS
mkdir "$TMPDIR/mnt"
$ns sh "$TMPDIR/run.sh" || fail "the full-disk run failed"
[ -e "$TMPDIR/status" ] && fail "traced: $(cat "$TMPDIR/status")"
cmp "$TMPDIR/untraced" "$TMPDIR/traced" || fail "stdout differs traced"
cat "$TMPDIR/strace"
calls=$(awk '$NF == "fallocate" {print $4}' "$TMPDIR/strace")
lost=$(lost_in "$TMPDIR/logs")
python3 "$TOP/tests/native/ltdump.py" "$TMPDIR"/logs/run-* >"$TMPDIR/dump"
total=$(grep -c ' sc ' "$TMPDIR/dump" || true)
echo "fallocate attempts ${calls:-0}; recorded $total, lost $lost"
[ "$total" -gt 100 ] || fail "nothing recorded before the disk filled up"
[ "$lost" -gt 0 ] || fail "no LT_REC_LOST"
[ $((total + lost)) -ge $((2 * n)) ] || fail "recorded $total + lost $lost < $((2 * n)) calls"
[ "$(grep -c ' type9$' "$TMPDIR/dump" || true)" -eq 1 ] || fail "expected one note (log full)"
# One attempt per call would be ~$((2 * n)); backing off (1 ms doubling to 1 s) gives a few
# dozen even under strace's slowdown.
[ "${calls:-0}" -lt 1000 ] || fail "$calls fallocate attempts for $lost lost records"
"$REPORT" "$TMPDIR"/logs/run-* >"$TMPDIR/rep" 2>&1 || fail "report failed"
expect_contains "$TMPDIR/rep" "lost"

expect_contains "$TMPDIR/traced2" "done 3000"
img=$(ls "$TMPDIR"/logs2/run-*/*.1.ltl) || fail "no log for the exec'd image"
python3 "$TOP/tests/native/ltdump.py" "$img" >"$TMPDIR/dump2"
total2=$(grep -c ' sc ' "$TMPDIR/dump2" || true)
lost2=$(awk '$3 == "lost" {s += $4} END {print s + 0}' "$TMPDIR/dump2")
echo "exec'd image: recorded $total2, lost $lost2"
[ "$lost2" -gt 0 ] || fail "the exec'd image's losses are not counted"
[ $((total2 + lost2)) -ge 6000 ] || fail "exec'd image: recorded $total2 + lost $lost2 < 6000"
echo ok
