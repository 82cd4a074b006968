# The strace backend against plain strace, call for call: the shim attaches strace to its
# own process after the constructor, so from that point the two must agree on names and
# outcomes, with nothing of the tracer's own start/stop showing; the program's output and
# exit status are unchanged. Skips while the backend records nothing.
# Known differences (text only), found with this test:
# - spawn: posix_spawn's child reads every signal's disposition; for the start/stop
#   signals (USR1/USR2) it sees the shim's handler, not SIG_DFL as without tracing.
# - real programs: their own nondeterminism, as in test_native.sh.
. "$TOP/tests/lib.sh"
command -v strace >/dev/null || skip "strace not installed"
why=$(/usr/bin/python3 "$TOP/tests/diff/lt-diff" --build "$BUILD" --probe --backend strace) ||
	skip "strace backend not available: $why"
. "$TOP/tests/e2e/corpus.sh"
# text: the lines are strace's own; spawn's 8 rt_sigaction lines differ (see above)
corpus_c "${LT_MIN_MATCH_C:-1}" "${LT_MIN_TEXT_C:-0.95}" --backend strace --check-output
corpus_real "${LT_MIN_MATCH_REAL:-0.98}" 0 --backend strace --check-output
corpus_summary
[ $nfail -eq 0 ] || fail "$nfail programs differ from strace under the strace backend:$failed"
