# libtrace start|stop PID: the signals come only from the shim's control mapping, a memfd
# named "libtrace-ctl:START:STOP"; "0:0" (signal control disabled) and a process without
# the shim are refused, and no signal is sent to them.
. "$TOP/tests/frontend/common.sh"
${CC:-cc} -O1 -o "$TMPDIR/ctl" "$TOP/tests/frontend/ctl_map.c" || fail "cannot build ctl_map.c"
# run_ctl NAME ACTION: starts ctl with the mapping NAME, runs `libtrace ACTION PID`
run_ctl() {
	rm -f "$TMPDIR/ctl.out"
	"$TMPDIR/ctl" "$1" >"$TMPDIR/ctl.out" &
	cpid=$!
	for i in $(seq 200); do grep -q ready "$TMPDIR/ctl.out" 2>/dev/null && break; sleep 0.01; done
	rc=0; "$L" "$2" $cpid 2>"$TMPDIR/ctl.err" || rc=$?
	# nothing sent: wake it with a signal of ours (SIGWINCH, 28) to end it
	sleep 0.1; kill -WINCH $cpid 2>/dev/null || true
	wait $cpid || true
}
run_ctl libtrace-ctl:10:12 start
[ $rc -eq 0 ] || { cat "$TMPDIR/ctl.err"; fail "start: status $rc"; }
expect_contains "$TMPDIR/ctl.out" "signal 10"
run_ctl libtrace-ctl:10:12 stop
[ $rc -eq 0 ] || { cat "$TMPDIR/ctl.err"; fail "stop: status $rc"; }
expect_contains "$TMPDIR/ctl.out" "signal 12"
run_ctl libtrace-ctl:14:15 stop # the numbers of the name, not a default
[ $rc -eq 0 ] || { cat "$TMPDIR/ctl.err"; fail "stop 14:15: status $rc"; }
expect_contains "$TMPDIR/ctl.out" "signal 15"
run_ctl libtrace-ctl:0:0 start
[ $rc -eq 1 ] || fail "0:0: status $rc"
expect_contains "$TMPDIR/ctl.err" "libtrace_start()"
expect_contains "$TMPDIR/ctl.out" "signal 28"
run_ctl not-the-shim start
[ $rc -eq 1 ] || fail "no shim: status $rc"
expect_contains "$TMPDIR/ctl.err" "not started with the libtrace shim"
expect_contains "$TMPDIR/ctl.out" "signal 28"
# a shim that knows the contract but publishes nothing handles no signals: refused
mkdir -p "$TMPDIR/lib"
printf 'a shim build that publishes libtrace-ctl:%%u:%%u\n' >"$TMPDIR/lib/libtrace.so"
truncate -s 4096 "$TMPDIR/lib/libtrace.so"
run_ctl "$TMPDIR/lib/libtrace.so" start
[ $rc -eq 1 ] || fail "shim without published signals: status $rc"
expect_contains "$TMPDIR/ctl.err" "handles no signals"
expect_contains "$TMPDIR/ctl.out" "signal 28"
echo PASS
