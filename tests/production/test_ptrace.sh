# ptrace (issue 8): a thread that becomes a tracee (PTRACE_TRACEME, or traced when an image
# arms it) is disarmed with a note (LT_NOTE_PTRACED), so its tracer sees the wait statuses
# it sees untraced, never a SIGSYS stop (0x1f7f).
. "$TOP/tests/production/prod.sh"
prod_build ptrace_traceme
prod_same ptrace_traceme
! grep -q 0x1f7f "$P/ptrace_traceme.logs.out" || fail "a SIGSYS stop reached the tracer"
grep -q 'ptrace(PTRACE_TRACEME' "$P/ptrace_traceme.report" ||
	{ head -30 "$P/ptrace_traceme.report"; fail "PTRACE_TRACEME is not in the trace"; }
python3 "$TOP/tests/native/ltdump.py" "$P/ptrace_traceme.logs"/run-* >"$P/pt.dump"
[ "$(grep -c ' note code=1 ' "$P/pt.dump")" -ge 2 ] ||
	{ grep note "$P/pt.dump"; fail "no LT_NOTE_PTRACED notes"; }
echo ok
