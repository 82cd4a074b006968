# Cheap processes: the log of a small process takes little disk. Chunks are reserved a
# small step at a time, so /bin/true and a program of a few hundred calls each leave a log
# under 64 KiB (du), where a whole chunk used to be reserved (~265 KB).
. "$TOP/tests/lib.sh"
. "$TOP/tests/production/log_lib.sh"
prog log_loop
traced "$TMPDIR/l1" /bin/true || fail "/bin/true exit $?"
traced "$TMPDIR/l2" "$TMPDIR/log_loop" 200 >/dev/null || fail "log_loop exit $?"
for d in l1 l2; do
	f=$(ls "$TMPDIR/$d"/run-*/*.ltl)
	kb=$(du -k "$f" | cut -f1)
	echo "$d: $kb KiB on disk, $(stat -c %s "$f") bytes"
	[ "$kb" -lt 64 ] || fail "$d: log takes $kb KiB"
done
# The small log is whole: 400 calls of the loop are in it.
python3 "$TOP/tests/native/ltdump.py" "$TMPDIR"/l2/run-* >"$TMPDIR/dump"
[ "$(grep -c ' sc getppid ' "$TMPDIR/dump")" -eq 200 ] || fail "getppid calls missing"
[ "$(grep -c ' sc write ' "$TMPDIR/dump")" -ge 200 ] || fail "write calls missing"
echo ok
