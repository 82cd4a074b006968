# Clocks (issue 8): a program that turned the TSC off (PR_SET_TSC, PR_TSC_SIGSEGV) runs as
# untraced, its threads, fork children and exec'd images too, and its calls keep their
# timestamps (they do not all read 0).
. "$TOP/tests/production/prod.sh"
prod_build clock_notsc
prod_same clock_notsc
grep -q 'write(1, "main: ppid ok 1\\n", 16) *= 16' "$P/clock_notsc.report" ||
	{ head -30 "$P/clock_notsc.report"; fail "the main thread's write is not in the trace"; }
grep -q 'execve("/bin/echo"' "$P/clock_notsc.report" || fail "the exec is not in the trace"
python3 "$TOP/tests/native/ltdump.py" "$P/clock_notsc.logs"/run-* >"$P/clock.dump"
n=$(grep -c ' sc .* ts=[1-9]' "$P/clock.dump")
[ "$n" -gt 20 ] || fail "calls without timestamps ($n with)"
echo ok
