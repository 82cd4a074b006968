# Live strace output of a multi-threaded, forking program: libtrace-report -c's call and
# error counts equal strace's own summary of the same run (-C prints both), and --json
# has each thread's writes with their strace-formatted arguments.
. "$TOP/tests/lib.sh"
command -v strace >/dev/null || skip "strace not installed"
${CC:-cc} -O2 -o "$TMPDIR/mt" "$TOP/tests/report/mt.c" -lpthread || fail "cannot build mt.c"
strace -f -C -ttt -T -o "$TMPDIR/st.txt" "$TMPDIR/mt" >/dev/null 2>"$TMPDIR/strace.err" ||
	skip "strace cannot trace here: $(tail -1 "$TMPDIR/strace.err")"
grep -q '^% time' "$TMPDIR/st.txt" || fail "strace -C printed no summary"

"$REPORT" -c "$TMPDIR/st.txt" >"$TMPDIR/sum.txt" || fail "libtrace-report -c failed"
cat "$TMPDIR/sum.txt"
python3 "$TOP/tests/report/summary_cmp.py" "$TMPDIR/st.txt" "$TMPDIR/sum.txt" ||
	fail "call counts differ from strace -c"
# The table must not be empty (a parser that read nothing would fail above, but say it)
grep -q ' write$' "$TMPDIR/sum.txt" || fail "no write row"

"$REPORT" --json "$TMPDIR/st.txt" >"$TMPDIR/ev.json" || fail "libtrace-report --json failed"
python3 - "$TMPDIR/ev.json" <<'PY' || fail "JSON check failed"
import json, sys
evs = [json.loads(l) for l in open(sys.argv[1])]
writes = [e for e in evs if e["type"] == "syscall" and e["name"] == "write"]
lines = sorted(e["args"][1] for e in writes if e["args"][1].startswith('"thread '))
want = sorted('"thread %d line %d\\n"' % (i, k) for i in range(8) for k in range(5))
assert lines == want, (lines[:5], want[:5])
for e in writes:
    if e["args"][1].startswith('"thread '):
        assert e["ret"] == len(json.loads(e["args"][1])), e
        assert e["args"][2] == str(e["ret"]), e
bad = [e for e in evs if e["type"] == "syscall" and e["name"] == "close" and e["args"] == ["-1"]]
assert len(bad) == 8 and all(e["ret"] == -1 and e["errno"] == "EBADF" for e in bad), bad
tids = {e["tid"] for e in writes}
assert len(tids) >= 9, tids  # 8 workers and the child
exits = [e for e in evs if e["type"] == "exit"]
assert any(e.get("code") == 3 for e in exits), exits
print("json ok:", len(evs), "events")
PY

# Text: strace's lines come back, one per call, with -f's prefix.
"$REPORT" -ttt -T "$TMPDIR/st.txt" >"$TMPDIR/out.txt" || fail "text output failed"
expect_contains "$TMPDIR/out.txt" 'write(1, "child\n", 6)'
expect_contains "$TMPDIR/out.txt" '+++ exited with 3 +++'
expect_contains "$TMPDIR/out.txt" 'close(-1)'
n=$(grep -c '= -1 EBADF' "$TMPDIR/out.txt")
[ "$n" -eq 8 ] || fail "expected 8 EBADF lines, got $n"

# Filters: trace=NAME with -Z keeps the 8 failed closes (and, as strace does, the
# signal and exit lines); negation drops what it names.
"$REPORT" -e trace=close -Z "$TMPDIR/st.txt" >"$TMPDIR/f.txt"
grep -v -e '--- SIG' -e '+++ ' "$TMPDIR/f.txt" >"$TMPDIR/f-calls.txt" || true
[ "$(grep -c '^\[pid *[0-9]*\] close(-1) *= -1 EBADF' "$TMPDIR/f-calls.txt")" -eq 8 ] &&
	[ "$(wc -l <"$TMPDIR/f-calls.txt")" -eq 8 ] ||
	{ cat "$TMPDIR/f.txt"; fail "-e trace=close -Z: want the 8 failed closes only"; }
expect_contains "$TMPDIR/f.txt" '+++ exited with 3 +++'
"$REPORT" -e trace='!write,close' -c "$TMPDIR/st.txt" >"$TMPDIR/f2.txt"
expect_not_contains "$TMPDIR/f2.txt" ' write'
expect_contains "$TMPDIR/f2.txt" ' mmap'
exit 0
