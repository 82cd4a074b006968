# LIBTRACE_START=0 and the start/stop signals (strace backend): nothing is recorded before
# the start signal, everything between start and stop, and a second window works the same.
# The tracer's own start and stop never show.
. "$TOP/tests/control/common.sh"
need_strace

check_windows() { # TRACEFILE
	t=$1
	expect_contains "$t" 'access("/lt-phase-inside-1", F_OK)'
	expect_contains "$t" 'access("/lt-phase-inside-2", F_OK)'
	expect_not_contains "$t" '/lt-phase-before'
	expect_not_contains "$t" '/lt-phase-between'
	expect_not_contains "$t" '/lt-phase-after'
	# The program's own kill() that closes a window is its call: it is in the trace.
	grep -Eq 'kill\([0-9]+, SIGUSR2\) += 0' "$t" || fail "$t: no kill(.., SIGUSR2)"
	# The delivery of the stop signal and the start handler's sigreturn are the tracer's.
	expect_not_contains "$t" '--- SIGUSR2'
	expect_not_contains "$t" 'rt_sigreturn('
	expect_not_contains "$t" '-19540'
	expect_not_contains "$t" 'libtrace:'
	[ "$(grep -c 'lt-phase-inside' "$t")" -eq 2 ] || fail "inside calls not exactly once each"
}

# Windows opened and closed by the program raising the signals itself.
logdir self
rc=0
env LD_PRELOAD="$SO" LIBTRACE_BACKEND=strace LIBTRACE_START=0 LIBTRACE_REPORT=none \
	"$E/c_window" self >"$TMPDIR/self.out" 2>"$TMPDIR/self.err" || rc=$?
[ $rc -eq 0 ] || { cat "$TMPDIR/self.err"; fail "c_window self exited $rc"; }
[ "$(cat "$TMPDIR/self.out")" = done ] || fail "c_window self: output changed"
[ ! -s "$TMPDIR/self.err" ] || { cat "$TMPDIR/self.err"; fail "c_window self: stderr not empty"; }
r=$(rundir)
check_windows "$r"/strace.*.txt
check_clean_trace "$r"/strace.*.txt
# ... and what the report makes of it.
"$REPORT" "$r" >"$TMPDIR/self.rep" || fail "libtrace-report failed on $r"
check_windows "$TMPDIR/self.rep"

# The native backend, where it works here.
logdir native
rc=0
env LD_PRELOAD="$SO" LIBTRACE_BACKEND=native LIBTRACE_START=0 \
	LIBTRACE_REPORT_FILE="$TMPDIR/native.rep" "$E/c_window" self >"$TMPDIR/n.out" 2>"$TMPDIR/n.err" || rc=$?
[ $rc -eq 0 ] || { cat "$TMPDIR/n.err"; fail "c_window self (native) exited $rc"; }
[ "$(cat "$TMPDIR/n.out")" = done ] || fail "c_window self (native): output changed"
if grep -q 'native backend unavailable' "$TMPDIR/n.err"; then
	echo "note: $(cat "$TMPDIR/n.err")"
else
	[ ! -s "$TMPDIR/n.err" ] || { cat "$TMPDIR/n.err"; fail "native: stderr not empty"; }
	check_windows "$TMPDIR/native.rep"
fi

# Other start/stop signals (RTMIN+n), from outside, with the launcher's start/stop.
logdir ext
mkfifo "$TMPDIR/cmd" "$TMPDIR/ans"
env LD_PRELOAD="$SO" LIBTRACE_BACKEND=strace LIBTRACE_START=0 LIBTRACE_REPORT=none \
	LIBTRACE_SIGNALS=RTMIN+3,SIGRTMIN+4 "$E/c_window" stdin <"$TMPDIR/cmd" >"$TMPDIR/ans" \
	2>"$TMPDIR/ext.err" &
pid=$!
exec 3>"$TMPDIR/cmd" 4<"$TMPDIR/ans"
step() { echo "$1" >&3; read -r a <&4; [ "$a" = ok ] || fail "c_window did not answer '$1'"; }
# The signal is handled when the program next leaves the kernel: if a command were already
# in the pipe, its read() would complete first. So wait until strace is attached/detached.
traced() { # 1|0
	for i in $(seq 300); do
		tp=$(sed -n 's/^TracerPid:[[:space:]]*//p' /proc/$pid/status)
		if [ "$1" = 1 ] && [ "$tp" != 0 ]; then return 0; fi
		if [ "$1" = 0 ] && [ "$tp" = 0 ]; then return 0; fi
		sleep 0.01
	done
	fail "TracerPid did not become $1"
}
step "access /lt-phase-before"
bash "$TOP/scripts/libtrace" start $pid; traced 1
step "access /lt-phase-inside-1"
bash "$TOP/scripts/libtrace" stop $pid; traced 0
step "access /lt-phase-between"
bash "$TOP/scripts/libtrace" start $pid; traced 1
step "access /lt-phase-inside-2"
bash "$TOP/scripts/libtrace" stop $pid; traced 0
step "access /lt-phase-after"
echo quit >&3
exec 3>&- 4<&-
rc=0; wait $pid || rc=$?
[ $rc -eq 0 ] || { cat "$TMPDIR/ext.err"; fail "c_window stdin exited $rc"; }
[ ! -s "$TMPDIR/ext.err" ] || { cat "$TMPDIR/ext.err"; fail "c_window stdin: stderr not empty"; }
t=$(rundir)/strace.$pid.txt
expect_contains "$t" 'access("/lt-phase-inside-1", F_OK)'
expect_contains "$t" 'access("/lt-phase-inside-2", F_OK)'
expect_not_contains "$t" '/lt-phase-before'
expect_not_contains "$t" '/lt-phase-between'
expect_not_contains "$t" '/lt-phase-after'
expect_not_contains "$t" '--- SIGRT'
check_clean_trace "$t"
# A stop that arrives (on another thread) while the start is still attaching strace is
# not lost: the window ends closed. Several pairs, at several distances.
if [ -n "$PY" ]; then
	logdir race
	mkfifo "$TMPDIR/rin"
	env LD_PRELOAD="$SO" LIBTRACE_BACKEND=strace LIBTRACE_START=0 LIBTRACE_REPORT=none "$PY" -c '
import threading, time, sys, os
for _ in range(4):
    threading.Thread(target=time.sleep, args=(60,), daemon=True).start()
print("ready", flush=True)
sys.stdin.read()
os._exit(0)
' <"$TMPDIR/rin" >"$TMPDIR/race.out" 2>"$TMPDIR/race.err" &
	pid=$!
	exec 5>"$TMPDIR/rin"
	for i in $(seq 300); do grep -q ready "$TMPDIR/race.out" 2>/dev/null && break; sleep 0.01; done
	tracer() { sed -n 's/^TracerPid:[[:space:]]*//p' /proc/$pid/status 2>/dev/null || true; }
	# The stop sent the moment strace is attached, while the start's handler (on another
	# thread) is still finishing.
	for n in 1 2 3; do
		kill -USR1 $pid
		for i in $(seq 500); do [ "$(tracer)" != 0 ] && break; sleep 0.002; done
		kill -USR2 $pid
		for i in $(seq 100); do [ "$(tracer)" = 0 ] && break; sleep 0.02; done
		[ "$(tracer)" = 0 ] || fail "stop during the start: strace still attached"
	done
	# The launcher's start/stop wait for the window to open/close: back to back, in order.
	for n in 1 2 3; do
		bash "$TOP/scripts/libtrace" start $pid
		[ "$(tracer)" != 0 ] || fail "libtrace start returned before strace attached"
		bash "$TOP/scripts/libtrace" stop $pid
		[ "$(tracer)" = 0 ] || fail "libtrace stop returned with strace attached"
	done
	exec 5>&-
	rc=0; wait $pid || rc=$?
	[ $rc -eq 0 ] || { cat "$TMPDIR/race.err"; fail "threaded python exited $rc"; }
	[ ! -s "$TMPDIR/race.err" ] || { cat "$TMPDIR/race.err"; fail "race: stderr not empty"; }
fi
echo PASS
