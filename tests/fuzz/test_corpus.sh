# Replays the fuzz corpus. Every file but crash-* is a bad input, and every output format
# must reject it cleanly: exit status 1 (not a signal, not 0), and an error line naming the
# file. crash-* (and leak-, timeout-, oom-) files are inputs that once crashed the report
# (found by make fuzz, or by hand): some are valid, so they must only never crash, in any
# output (exit 0 or 1). With BUILD=build-asan (make asan) this runs under ASan and UBSan.
# Also replays the fuzzer's seeds (make_seeds.py: valid, exit 0).
. "$TOP/tests/lib.sh"
modes="text -c --json --tef --perfetto --files --threads --top -y"
run_mode() { # MODE FILE: sets rc
	case $1 in
	text) set -- "$2" ;;
	--tef|--perfetto) set -- "$1" "$TMPDIR/out.trace" "$2" ;;
	--top) set -- --top 3 "$2" ;;
	*) set -- "$1" "$2" ;;
	esac
	rc=0
	"$REPORT" "$@" >"$TMPDIR/out" 2>"$TMPDIR/err" || rc=$?
	if grep -q -e 'runtime error' -e 'AddressSanitizer' "$TMPDIR/err"; then
		cat "$TMPDIR/err"; fail "$(basename "$f") $mode: sanitizer report"
	fi
}
n=0
for f in "$TOP"/tests/fuzz/corpus/*; do
	[ -f "$f" ] || continue
	for mode in $modes; do
		run_mode "$mode" "$f"
		case $(basename "$f") in
		crash-*|leak-*|timeout-*|oom-*)
			[ $rc -le 1 ] || { cat "$TMPDIR/err"; fail "$(basename "$f") $mode: exit status $rc"; }
			;;
		*)
			[ $rc -eq 1 ] || { cat "$TMPDIR/err"; fail "$(basename "$f") $mode: exit status $rc, want 1"; }
			grep -qF "libtrace-report: $f" "$TMPDIR/err" ||
				{ cat "$TMPDIR/err"; fail "$(basename "$f") $mode: no error naming the file"; }
		esac
		n=$((n + 1))
	done
done
[ $n -gt 0 ] || fail "empty corpus"
python3 "$TOP/tests/fuzz/make_seeds.py" "$TMPDIR/seeds"
for f in "$TMPDIR"/seeds/*; do
	for mode in $modes; do
		run_mode "$mode" "$f"
		[ $rc -eq 0 ] || { cat "$TMPDIR/err"; fail "seed $(basename "$f") $mode: exit status $rc, want 0"; }
		n=$((n + 1))
	done
done
# All of them at once, as a directory: still exit 1, still no crash.
rc=0
"$REPORT" -c "$TOP/tests/fuzz/corpus" >/dev/null 2>"$TMPDIR/err" || rc=$?
[ $rc -eq 1 ] || fail "corpus directory: exit status $rc, want 1"
echo "$n runs, all clean"
