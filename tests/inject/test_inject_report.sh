# Injected calls as the report shows them (strace's marks): the text line ends in
# "(INJECTED)" (and "(DELAYED)" for a delay), JSON has "injected", and calls not injected
# have neither. Skipped while the
# report does not read LT_SC_INJECTED (the report's side of issue 12 is another branch).
. "$TOP/tests/lib.sh"
grep -q LT_SC_INJECTED "$TOP"/report/*.c 2>/dev/null ||
	skip "the report does not show LT_SC_INJECTED yet"
cd "$TMPDIR"
echo one >f1; echo two >f2
LC_ALL=C LIBTRACE_DIR=$TMPDIR/logs LIBTRACE_REPORT=none LIBTRACE_BACKEND=native \
	LIBTRACE_INJECT='openat:error=ENOSPC:when=2' LD_PRELOAD=$SO cat f1 f2 >out 2>err || true
expect_contains err "f2: No space left on device"
"$REPORT" -e trace=openat logs >text
cat text
grep -E '^openat\(AT_FDCWD, "f2", O_RDONLY\) += -1 ENOSPC \(No space left on device\) \(INJECTED\)$' \
	text >/dev/null || fail "no injected line for f2"
grep -E '"f1".* = 3$' text >/dev/null || fail "f1's open changed"
[ "$(grep -c 'INJECTED' text)" = 1 ] || fail "not exactly one INJECTED line"
"$REPORT" --json -e trace=openat logs >json
python3 - json <<'PY' || fail "JSON marks"
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
sc = [e for e in ev if e.get("type") == "syscall" and e["name"] == "openat"]
hit = [e for e in sc if e.get("injected")]
assert len(hit) == 1 and '"f2"' in hit[0]["args"], hit
assert all('"f2"' not in e["args"] for e in sc if not e.get("injected")), sc
PY
# a delay: "(DELAYED)", after "(INJECTED)" when both (strace 6.1 prints them so)
grep -q LT_SC_DELAYED "$TOP"/report/*.c 2>/dev/null || { echo "no (DELAYED) yet"; echo ok; exit 0; }
rm -rf logs
LC_ALL=C LIBTRACE_DIR=$TMPDIR/logs LIBTRACE_REPORT=none LIBTRACE_BACKEND=native \
	LIBTRACE_INJECT='openat:delay_enter=1ms:when=1;openat:error=ENOENT:delay_exit=1ms:when=2' \
	LD_PRELOAD=$SO cat f1 f2 >out 2>err || true
"$REPORT" -e trace=openat logs >text
cat text
grep -E '"f1".* = 3 \(DELAYED\)$' text >/dev/null || fail "no (DELAYED) for f1"
grep -E '"f2".* = -1 ENOENT \(No such file or directory\) \(INJECTED\) \(DELAYED\)$' text \
	>/dev/null || fail "no (INJECTED) (DELAYED) for f2"
echo ok
