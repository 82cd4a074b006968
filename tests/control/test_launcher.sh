# The launcher: runs the command under the shim with its output and exit status (death by
# signal N gives 128+N), prints the trace on stderr (or to -o FILE), and start/stop PID.
. "$TOP/tests/control/common.sh"
need_strace
need_python
L="$TOP/scripts/libtrace"
export LIBTRACE_SO="$SO"

logdir hello
rc=0
bash "$L" --backend strace -- "$PY" -c 'print("Hello")' >"$TMPDIR/h.out" 2>"$TMPDIR/h.err" || rc=$?
[ $rc -eq 0 ] || { cat "$TMPDIR/h.err"; fail "launcher: exit $rc"; }
[ "$(cat "$TMPDIR/h.out")" = Hello ] || fail "launcher: stdout changed: $(cat "$TMPDIR/h.out")"
expect_hello "$TMPDIR/h.err"
expect_not_contains "$TMPDIR/h.err" '-19540'
expect_not_contains "$TMPDIR/h.err" 'libtrace.so'
expect_not_contains "$TMPDIR/h.err" 'LIBTRACE_'
expect_not_contains "$TMPDIR/h.err" 'wait4('
expect_not_contains "$TMPDIR/h.err" 'strace'
# -o FILE: the trace goes there, stderr stays the program's.
bash "$L" --backend strace -o "$TMPDIR/o.txt" -- "$E/c_hello" >/dev/null 2>"$TMPDIR/o.err" || true
grep -Eq 'write\(1, "direct write\\n", 13\) += 13' "$TMPDIR/o.txt" || { cat "$TMPDIR/o.txt"; fail "-o: no write"; }
[ ! -s "$TMPDIR/o.err" ] || { cat "$TMPDIR/o.err"; fail "-o: stderr not empty"; }
# -c: the summary, with the write counted.
bash "$L" --backend strace -c -- "$E/c_hello" >/dev/null 2>"$TMPDIR/c.err" || true
grep -Eq '^ *[0-9.]+ +[0-9.]+ +[0-9]+ +[0-9]+ +([0-9]+ +)?write$' "$TMPDIR/c.err" ||
	{ cat "$TMPDIR/c.err"; fail "-c: no write row"; }
expect_contains "$TMPDIR/c.err" "% time"
# The logs of a reported run are not left behind.
[ -z "$(ls -A "$LIBTRACE_DIR")" ] || { ls -R "$LIBTRACE_DIR"; fail "logs left in $LIBTRACE_DIR"; }

# Exit status, plain and by signal, with the strace backend and the default one.
for b in strace auto; do
	rc=0; bash "$L" --backend $b -- sh -c 'exit 3' 2>/dev/null || rc=$?
	[ $rc -eq 3 ] || fail "--backend $b: sh -c 'exit 3' gave $rc"
	rc=0; bash "$L" --backend $b -- sh -c 'kill -TERM $$' 2>"$TMPDIR/k.err" || rc=$?
	[ $rc -eq 143 ] || fail "--backend $b: killed by SIGTERM gave $rc, not 143"
	rc=0; bash "$L" --backend $b -- "$E/c_hello" a >"$TMPDIR/c.out" 2>/dev/null || rc=$?
	[ $rc -eq 7 ] || fail "--backend $b: c_hello gave $rc"
	"$E/c_hello" a >"$TMPDIR/c.ref" || true
	cmp -s "$TMPDIR/c.out" "$TMPDIR/c.ref" || fail "--backend $b: c_hello output changed"
done
# The killed program's trace is still shown (strace backend: salvaged by the launcher).
logdir killed
rc=0; bash "$L" --backend strace -- sh -c 'echo hi; kill -TERM $$' >/dev/null 2>"$TMPDIR/k.err" || rc=$?
[ $rc -eq 143 ] || fail "killed: $rc"
grep -Eq 'write\(1, "hi\\n", 3\) += 3' "$TMPDIR/k.err" || { cat "$TMPDIR/k.err"; fail "killed: no write in the report"; }
expect_contains "$TMPDIR/k.err" '+++ killed by SIGTERM +++'
expect_not_contains "$TMPDIR/k.err" 'Terminated'
# TERM sent to the launcher reaches the command, and the report still comes.
logdir fwd
bash "$L" --backend strace -- sh -c 'echo started; exec sleep 30' >"$TMPDIR/f.out" 2>"$TMPDIR/f.err" &
lp=$!
for i in $(seq 300); do grep -q started "$TMPDIR/f.out" 2>/dev/null && break; sleep 0.01; done
sleep 0.2
kill -TERM $lp
rc=0; wait $lp || rc=$?
[ $rc -eq 143 ] || { cat "$TMPDIR/f.err"; fail "TERM to the launcher: exit $rc, not 143"; }
expect_contains "$TMPDIR/f.err" '+++ killed by SIGTERM +++'
expect_not_contains "$TMPDIR/k.err" '-19540'
expect_not_contains "$TMPDIR/k.err" 'libtrace.so'
expect_not_contains "$TMPDIR/k.err" 'LIBTRACE_'

# --start-off, then start/stop from outside.
logdir startoff
mkfifo "$TMPDIR/cmd" "$TMPDIR/ans"
bash "$L" --backend strace --start-off -- "$E/c_window" stdin \
	<"$TMPDIR/cmd" >"$TMPDIR/ans" 2>"$TMPDIR/s.err" &
lpid=$!
exec 3>"$TMPDIR/cmd" 4<"$TMPDIR/ans"
step() { echo "$1" >&3; read -r a <&4; [ "$a" = ok ] || fail "c_window did not answer '$1'"; }
step "access /lt-phase-before"
# the launcher's child (the launcher's own command line names c_window too, and may
# have started in the same clock tick: -n alone could pick it)
pid=$(pgrep -P "$lpid" -f "c_window stdin") || fail "no c_window process"
traced() { # 1|0: wait for the strace backend to attach/detach (see test_window.sh)
	for i in $(seq 300); do
		tp=$(sed -n 's/^TracerPid:[[:space:]]*//p' /proc/$pid/status)
		if [ "$1" = 1 ] && [ "$tp" != 0 ]; then return 0; fi
		if [ "$1" = 0 ] && [ "$tp" = 0 ]; then return 0; fi
		sleep 0.01
	done
	fail "TracerPid did not become $1"
}
bash "$L" start "$pid"; traced 1
step "access /lt-phase-inside-1"
bash "$L" stop "$pid"; traced 0
step "access /lt-phase-after"
echo quit >&3
exec 3>&- 4<&-
rc=0; wait $lpid || rc=$?
[ $rc -eq 0 ] || { cat "$TMPDIR/s.err"; fail "start-off run: exit $rc"; }
f=$TMPDIR/s.err
expect_contains "$f" '/lt-phase-inside-1'
expect_not_contains "$f" '/lt-phase-before'
expect_not_contains "$f" '/lt-phase-after'

# Usage errors are the launcher's, with status 1 (as strace's).
rc=0; bash "$L" --bogus -- true 2>"$TMPDIR/u.err" || rc=$?
[ $rc -eq 1 ] || fail "bad option gave $rc"
echo PASS
