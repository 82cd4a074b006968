# Threads (issue 8): a thread that blocks every signal while a window opens is armed at its
# next interposed call (thread_blocked.c, window opened with the C API), its calls are
# recorded, and it still sees its signals blocked.
. "$TOP/tests/production/prod.sh"
prod_build thread_blocked
LIBTRACE_START=0
export LIBTRACE_START
prod_same thread_blocked
python3 "$TOP/tests/native/ltdump.py" "$P/thread_blocked.logs"/run-* >"$P/tb.dump"
w=$(grep -F "b'worker after the window opened" "$P/tb.dump" | awk '{print $2}')
[ -n "$w" ] || { grep ' sc ' "$P/tb.dump" | head; fail "the worker's write is not in the trace"; }
grep -q "^[0-9]* $w sc getppid " "$P/tb.dump" || fail "the worker's raw getppid is not in the trace"
echo ok
