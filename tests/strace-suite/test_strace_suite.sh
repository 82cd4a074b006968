# strace's own test suite (strace 6.1's test programs, built at $STRACE_SRC, default
# /work/strace-src) run under the shim: libtrace-report must print at least the share of
# expected lines identical, and of tests identical in full, that it printed when these
# floors were last raised, less a margin for the few tests whose result depends on what
# is mapped next to their guard pages (a decoder change that loses lines or a test fails
# here). Skipped when the suite is not built.
. "$TOP/tests/lib.sh"
floor=${LT_STRACE_SUITE_FLOOR:-99.0}
tests_floor=${LT_STRACE_SUITE_TESTS_FLOOR:-89}
rc=0
out=$(sh "$TOP/tests/strace-suite/run.sh" --diffs "$TMPDIR/diffs.txt") || rc=$?
[ $rc -eq 77 ] && skip "$out"
echo "$out"
[ $rc -eq 0 ] || fail "the suite runner failed ($rc)"
pct=$(echo "$out" | awk '$1 == "all" { sub("%", "", $4); print $4 }')
[ -n "$pct" ] || fail "no total line"
awk -v p="$pct" -v f="$floor" 'BEGIN { exit !(p + 0 >= f + 0) }' ||
	fail "$pct% of strace's expected lines identical, below the floor of $floor%"
tpct=$(echo "$out" | awk '$1 == "all" { sub("%", "", $6); print $6 }')
awk -v p="$tpct" -v f="$tests_floor" 'BEGIN { exit !(p + 0 >= f + 0) }' ||
	fail "$tpct% of strace's tests identical in full, below the floor of $tests_floor%"
