# Issue 8, strace backend: a run whose program dies by a signal (or ends with a raw
# exit_group, as Go programs do) never detaches strace; strace's keeper then turns the
# raw file into strace.PID.txt, and `libtrace-report DIR` reads it like any other run.
. "$TOP/tests/control/common.sh"
need_strace
# wait_trace DIR: until the keeper has made the trace (at most 10 s)
wait_trace() {
	i=0
	while [ $i -lt 100 ] && { ! ls "$1"/strace.*.txt >/dev/null 2>&1 || ls "$1"/.strace.*.raw >/dev/null 2>&1; }; do
		sleep 0.1; i=$((i + 1))
	done
}
for sig in KILL SEGV; do
	logdir killed-$sig
	rc=0
	LIBTRACE_BACKEND=strace LD_PRELOAD=$SO sh -c 'echo before-kill; kill -'$sig' $$; echo after' \
		>"$TMPDIR/out" 2>"$TMPDIR/err" || rc=$?
	rc2=0
	sh -c 'echo before-kill; kill -'$sig' $$; echo after' >/dev/null 2>&1 || rc2=$?
	[ $rc -eq $rc2 ] || fail "SIG$sig: traced exit $rc, untraced $rc2"
	[ "$(cat "$TMPDIR/out")" = before-kill ] || fail "SIG$sig: output changed: $(cat "$TMPDIR/out")"
	r=$(rundir)
	wait_trace "$r"
	"$REPORT" "$r" >"$TMPDIR/rep" 2>"$TMPDIR/rep.err" || { ls -la "$r"; cat "$TMPDIR/rep.err"; fail "SIG$sig: report failed on $r"; }
	grep -Eq 'write\(1, "before-kill\\n", 12\) += 12' "$TMPDIR/rep" || { cat "$TMPDIR/rep"; fail "SIG$sig: no write of before-kill"; }
	expect_contains "$TMPDIR/rep" "+++ killed by SIG$sig"
	check_clean_trace "$r"/strace.*.txt
done

# A raw exit_group (no libc exit, no shim exit hook): the same.
logdir raw-exit-run
cat >"$TMPDIR/rawexit.c" <<'C'
#include <unistd.h>
#include <sys/syscall.h>
int main(void) { write(1, "raw\n", 4); syscall(SYS_exit_group, 3); return 0; }
C
${CC:-cc} -o "$TMPDIR/rawexit" "$TMPDIR/rawexit.c" || fail "cannot build rawexit"
rc=0
LIBTRACE_BACKEND=strace LD_PRELOAD=$SO "$TMPDIR/rawexit" >"$TMPDIR/out" 2>"$TMPDIR/err" || rc=$?
[ $rc -eq 3 ] || fail "rawexit: exit $rc"
r=$(rundir)
wait_trace "$r"
"$REPORT" "$r" >"$TMPDIR/rep" || fail "rawexit: report failed"
expect_contains "$TMPDIR/rep" 'write(1, "raw\n", 4)'
expect_contains "$TMPDIR/rep" "+++ exited with 3 +++"
echo PASS
