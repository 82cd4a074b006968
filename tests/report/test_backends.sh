# What the shim's backends write (native: binary logs; strace: strace.<pid>.txt) for an
# 8-thread, forking program whose calls the test knows (41 writes, 8 failing closes, 8
# worker threads named by prctl, a child exiting with 3) reads back with those numbers in
# -c, --json and --tef, from the run directory as LIBTRACE_DIR holds it.
. "$TOP/tests/lib.sh"
[ -f "$SO" ] || skip "no $SO"
${CC:-cc} -O2 -o "$TMPDIR/mt" "$TOP/tests/report/mt.c" -lpthread || fail "cannot build mt.c"
CHECK=$TOP/../shared/tools/perfetto-check/check.mjs
[ -f "$CHECK" ] || CHECK=/work/shared/tools/perfetto-check/check.mjs
ran=0

check_backend() { # BACKEND
b=$1
logs=$TMPDIR/logs-$b
LD_PRELOAD=$SO LIBTRACE_BACKEND=$b LIBTRACE_REPORT=none LIBTRACE_DIR=$logs \
	"$TMPDIR/mt" >"$TMPDIR/out" 2>"$TMPDIR/err" || { cat "$TMPDIR/err"; fail "$b: mt failed under the shim"; }
ls -R "$logs" || true
if ! find "$logs" -name '*.ltl' -o -name 'strace.*.txt' 2>/dev/null | grep -q .; then
	cat "$TMPDIR/err"
	grep -q '^libtrace:' "$TMPDIR/err" && { echo "$b backend unavailable here: $(head -1 "$TMPDIR/err")"; return 0; }
	fail "$b: no logs written"
fi
ran=$((ran + 1))

"$REPORT" -c "$logs" >"$TMPDIR/sum.txt" || { cat "$TMPDIR/sum.txt"; fail "-c failed"; }
cat "$TMPDIR/sum.txt"
row() { awk -v n="$1" '$NF == n { print $4, (NF == 6 ? $5 : 0) }' "$TMPDIR/sum.txt"; }
[ "$(row write)" = "41 0" ] || fail "$b: write row: want 41 calls, 0 errors: $(row write)"
c=$(row close)
[ "${c#* }" = 8 ] || fail "$b: close row: want 8 errors: $c"

"$REPORT" --json "$logs" >"$TMPDIR/ev.json" || fail "--json failed"
python3 - "$TMPDIR/ev.json" <<'PY' || fail "JSON check failed"
import json, sys
evs = [json.loads(l) for l in open(sys.argv[1])]
ts = [e["ts_ns"] for e in evs]
assert ts == sorted(ts) or sum(a > b for a, b in zip(ts, ts[1:])) < len(ts) // 100, "not in time order"
names = {e["name"] for e in evs if e["type"] == "thread"}
assert {"worker-%d" % i for i in range(8)} <= names, names
writes = [e for e in evs if e["type"] == "syscall" and e["name"] == "write"]
assert len(writes) == 41 and all(e["ret"] == int(e["args"][2]) for e in writes), writes[:3]
bad = [e for e in evs if e["type"] == "syscall" and e["name"] == "close" and e.get("errno")]
assert len(bad) == 8 and all(e["errno"] == "EBADF" for e in bad), bad
procs = {e["pid"] for e in evs if e["type"] == "syscall"}
assert len(procs) == 2, procs
exits = [e for e in evs if e["type"] == "exit"]
assert any(e.get("code") == 3 for e in exits), exits
print("json ok:", len(evs), "events")
PY

# TEF from strace text is test_tef's; here the binary logs' thread records name threads.
if [ "$b" = native ] && [ -f "$CHECK" ] && command -v node >/dev/null; then
	"$REPORT" --tef "$TMPDIR/t.json" "$logs" || fail "--tef failed"
	node "$CHECK" "$TMPDIR/t.json" "select count(*) as unnamed from thread where tid > 0 and (name is null or name = '')" \
		>"$TMPDIR/check.out" 2>&1 || { cat "$TMPDIR/check.out"; fail "perfetto-check rejected the TEF"; }
	cat "$TMPDIR/check.out"
	grep -q 'unnamed=0' "$TMPDIR/check.out" || fail "unnamed threads"
	[ "$(grep -c 'name="worker-' "$TMPDIR/check.out")" -eq 8 ] || fail "want 8 worker threads"
else
	echo "$b: TEF not checked here"
fi
}

check_backend native
check_backend strace
[ $ran -gt 0 ] || skip "neither backend can trace here"
exit 0
