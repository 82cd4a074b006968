# Replays the fuzz corpus: every file is a bad input, and every output format must reject
# it cleanly: exit status 1 (not a signal, not 0), and an error line naming the file.
. "$TOP/tests/lib.sh"
n=0
for f in "$TOP"/tests/fuzz/corpus/*; do
	[ -f "$f" ] || continue
	for mode in text -c --json --tef; do
		case $mode in
		text) set -- ;;
		--tef) set -- --tef "$TMPDIR/out.json" ;;
		*) set -- "$mode" ;;
		esac
		rc=0
		"$REPORT" "$@" "$f" >"$TMPDIR/out" 2>"$TMPDIR/err" || rc=$?
		[ $rc -eq 1 ] || { cat "$TMPDIR/err"; fail "$(basename "$f") $mode: exit status $rc, want 1"; }
		grep -qF "libtrace-report: $f" "$TMPDIR/err" ||
			{ cat "$TMPDIR/err"; fail "$(basename "$f") $mode: no error naming the file"; }
		n=$((n + 1))
	done
done
[ $n -gt 0 ] || fail "empty corpus"
# All of them at once, as a directory: still exit 1, still no crash.
rc=0
"$REPORT" -c "$TOP/tests/fuzz/corpus" >/dev/null 2>"$TMPDIR/err" || rc=$?
[ $rc -eq 1 ] || fail "corpus directory: exit status $rc, want 1"
echo "$n runs, all clean errors"
