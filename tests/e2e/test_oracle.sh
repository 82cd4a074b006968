# The corpus's own determinism: every program run twice under strace -f and compared with
# lt-diff --against strace. The C programs must agree exactly (names, outcomes and masked
# text), so any difference libtrace shows on them is libtrace's; the real programs'
# noise floor is printed (see corpus.sh for what varies and why).
. "$TOP/tests/lib.sh"
command -v strace >/dev/null || skip "strace not installed"
. "$TOP/tests/e2e/corpus.sh"
corpus_c 1 1 --against strace --check-output
corpus_real "${LT_MIN_MATCH_REAL:-0.98}" 0.95 --against strace
corpus_summary
[ $nfail -eq 0 ] || fail "$nfail programs not deterministic under strace:$failed"
