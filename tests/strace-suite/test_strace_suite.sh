# strace's own test suite (strace 6.1's test programs, built at $STRACE_SRC, default
# /work/strace-src) run under the shim: libtrace-report must print at least the share of
# expected lines identical that it printed when this floor was last raised (a decoder
# change that loses lines fails here). Skipped when the suite is not built.
. "$TOP/tests/lib.sh"
floor=${LT_STRACE_SUITE_FLOOR:-93.5}
rc=0
out=$(sh "$TOP/tests/strace-suite/run.sh" --diffs "$TMPDIR/diffs.txt") || rc=$?
[ $rc -eq 77 ] && skip "$out"
echo "$out"
[ $rc -eq 0 ] || fail "the suite runner failed ($rc)"
pct=$(echo "$out" | awk '$1 == "all" { sub("%", "", $4); print $4 }')
[ -n "$pct" ] || fail "no total line"
awk -v p="$pct" -v f="$floor" 'BEGIN { exit !(p + 0 >= f + 0) }' ||
	fail "$pct% of strace's expected lines identical, below the floor of $floor%"
