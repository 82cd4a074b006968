# Log retention (issue 9, report/retention.c): after formatting a run, the report deletes
# the other runs of its log directory that are older than LIBTRACE_KEEP_DAYS (7) days, then
# the oldest while all take more than LIBTRACE_KEEP_MB (1024) MiB; never the runs it was
# given, a run whose root pid is alive, or anything that is not exactly a run directory.
. "$TOP/tests/lib.sh"
d=$TMPDIR/logs
mkdir -p "$d"
chmod 700 "$d"
LIBTRACE_DIR=$d LIBTRACE_REPORT=none LD_PRELOAD=$SO /bin/true
run=$(ls -d "$d"/run-* | head -1)
[ -d "$run" ] || skip "no run directory made (shim off here)"
touch -d '30 days ago' "$run" "$run"/* # old, but the report's own input: kept
fake() { # NAME AGE KIB: a dead run's directory with one file of KIB KiB, AGE old
	mkdir -p "$d/$1"
	dd if=/dev/urandom of="$d/$1/1.ltl" bs=1024 count="$3" 2>/dev/null
	touch -d "$2" "$d/$1/1.ltl" "$d/$1"
}
# pids above any pid_max: never alive
fake run-999999999-1 '10 days ago' 4
fake run-999999998-2 '1 hour ago' 4
fake run-$$-3 '10 days ago' 4 # the shell running this test: alive
fake run-999999997-4 '10 days ago' 4
mkdir "$d/run-999999997-4/sub" # not exactly a run
fake notarun '10 days ago' 4
mkdir -p "$TMPDIR/elsewhere"
fake ../elsewhere/run-999999996-5 '10 days ago' 4
ln -s "$TMPDIR/elsewhere/run-999999996-5" "$d/run-999999996-5"
"$REPORT" "$run" >/dev/null 2>&1 || fail "report failed"
[ -d "$run" ] || fail "the report deleted the run it printed"
[ ! -e "$d/run-999999999-1" ] || fail "a run 10 days old was kept"
for k in run-999999998-2 run-$$-3 run-999999997-4 notarun run-999999996-5; do
	[ -e "$d/$k" ] || fail "$k was deleted"
done
[ -f "$TMPDIR/elsewhere/run-999999996-5/1.ltl" ] || fail "a symlink's target was emptied"
# Size: oldest first while the runs take more than LIBTRACE_KEEP_MB (3 x 800 KiB over 2 MiB: one
# goes, whatever the size of the real run).
fake run-999999990-1 '3 hours ago' 800
fake run-999999990-2 '2 hours ago' 800
fake run-999999990-3 '1 hours ago' 800
LIBTRACE_KEEP=all LIBTRACE_KEEP_MB=1 "$REPORT" "$run" >/dev/null 2>&1
[ -d "$d/run-999999990-1" ] || fail "LIBTRACE_KEEP=all deleted a run"
LIBTRACE_KEEP_MB=2 "$REPORT" "$run" >/dev/null 2>&1
[ ! -e "$d/run-999999990-1" ] || fail "over LIBTRACE_KEEP_MB, the oldest run was kept"
[ -d "$d/run-999999990-3" ] || fail "over LIBTRACE_KEEP_MB, the newest run was deleted"
[ -d "$run" ] || fail "the report's input was deleted for size"
echo ok
