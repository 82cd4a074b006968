# Issue 4's metric: the share of calls whose whole line `name(args) = ret` prints exactly as
# strace prints it (after masking addresses, pids, errno messages, random bytes and times),
# across the corpus, native backend. Per program and in total; the total must reach
# LT_MIN_TEXT (default 0.95). Skips while the native backend records nothing.
. "$TOP/tests/lib.sh"
command -v strace >/dev/null || skip "strace not installed"
why=$(/usr/bin/python3 "$TOP/scripts/lt-diff" --build "$BUILD" --probe --backend native) ||
	skip "native backend not available: $why"
. "$TOP/tests/e2e/corpus.sh"
LT_SHOW_LINES=25
corpus_c 0 0 --backend native --no-details --examples 8
corpus_real 0 0 --backend native --no-details --examples 8
corpus_summary | tee "$TMPDIR/table"
total=$(sed -n 's/^corpus: [0-9]* pairs, identical text \([0-9.]*\).*/\1/p' "$TMPDIR/table")
[ -n "$total" ] || fail "no total"
awk -v t="$total" -v m="${LT_MIN_TEXT:-0.95}" 'BEGIN { exit !(t >= m) }' ||
	fail "identical text across the corpus $total < ${LT_MIN_TEXT:-0.95}"
echo "identical text across the corpus: $total"
