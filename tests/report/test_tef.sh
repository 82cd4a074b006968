# --tef of a live strace run of an 8-thread, forking program loads in Perfetto's importer
# with no error, one slice per call, and every thread named (the workers by their
# prctl(PR_SET_NAME) names); the .gz variant is real gzip of the same JSON.
. "$TOP/tests/lib.sh"
command -v strace >/dev/null || skip "strace not installed"
CHECK=$TOP/../shared/tools/perfetto-check/check.mjs
[ -f "$CHECK" ] || CHECK=/work/shared/tools/perfetto-check/check.mjs
[ -f "$CHECK" ] || skip "perfetto-check not found at \$TOP/../shared/tools/perfetto-check"
command -v node >/dev/null || skip "node not installed (perfetto-check needs it)"
${CC:-cc} -O2 -o "$TMPDIR/mt" "$TOP/tests/report/mt.c" -lpthread || fail "cannot build mt.c"
strace -f -ttt -T -o "$TMPDIR/st.txt" "$TMPDIR/mt" >/dev/null 2>"$TMPDIR/strace.err" ||
	skip "strace cannot trace here: $(tail -1 "$TMPDIR/strace.err")"

"$REPORT" --tef "$TMPDIR/t.json" "$TMPDIR/st.txt" || fail "--tef failed"
"$REPORT" --tef "$TMPDIR/t.json.gz" "$TMPDIR/st.txt" || fail "--tef .gz failed"
gzip -t "$TMPDIR/t.json.gz" || fail "t.json.gz is not gzip"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMPDIR/t.json" || fail "not JSON"

# What the trace must hold, from strace's own text: calls and tasks.
calls=$(grep -c -E '^[0-9]+ +[0-9.]+ ([a-z_0-9]+\(|<\.\.\. [a-z_0-9]+ resumed>)' "$TMPDIR/st.txt")
unfinished=$(grep -c 'unfinished \.\.\.>$' "$TMPDIR/st.txt" || true)
calls=$((calls - unfinished))
tids=$(awk '{print $1}' "$TMPDIR/st.txt" | sort -u | wc -l)

# The .gz holds the same trace: Perfetto loads the compressed one.
gzip -dc "$TMPDIR/t.json.gz" | cmp -s - "$TMPDIR/t.json" || fail "t.json.gz is not t.json compressed"
for f in t.json.gz; do
	node "$CHECK" "$TMPDIR/$f" \
		"select (select count(*) from slice where category = 'syscall') as slices, (select count(*) from thread where tid > 0) as threads, (select count(*) from thread where tid > 0 and (name is null or name = '')) as unnamed, (select count(*) from thread where name like 'worker-%') as workers" \
		>"$TMPDIR/check.out" 2>&1 || { cat "$TMPDIR/check.out"; fail "perfetto-check rejected $f"; }
	cat "$TMPDIR/check.out"
	line=$(grep 'slices=' "$TMPDIR/check.out" | grep 'unnamed=' | tail -1)
	[ -n "$line" ] || fail "no query result for $f"
	case "$line" in *"slices=$calls "*) ;; *) fail "$f: want slices=$calls: $line";; esac
	case "$line" in *"threads=$tids "*) ;; *) fail "$f: want threads=$tids: $line";; esac
	case "$line" in *"unnamed=0 "*) ;; *) fail "$f: unnamed threads: $line";; esac
	case "$line" in *"workers=8"*) ;; *) fail "$f: want 8 worker-N threads: $line";; esac
done
exit 0
