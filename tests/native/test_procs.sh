# Native backend: threads (pthread and raw clone), fork, vfork+exec and posix_spawn are
# all recorded, each process in its own log, each thread under its own tid.
. "$TOP/tests/lib.sh"
out=$TMPDIR/out
LIBTRACE_DIR=$TMPDIR/logs LIBTRACE_REPORT=none LIBTRACE_BACKEND=native \
	LD_PRELOAD=$SO "$E2E/n_procs" >"$out" 2>"$TMPDIR/err" || fail "exit status $?"
sort "$out" >"$TMPDIR/got"
"$E2E/n_procs" | sort >"$TMPDIR/want"
diff "$TMPDIR/want" "$TMPDIR/got" || fail "output differs from the untraced run"
python3 "$TOP/tests/native/ltdump.py" "$TMPDIR"/logs/run-* >"$TMPDIR/dump"
d=$TMPDIR/dump
grep -v ' fd ' "$d" | cut -c1-160
main=$(awk '/ process .*flags=4/ {print $1; exit}' "$d")
[ -n "$main" ] || fail "no root process"
# four pthreads and the raw thread wrote from their own tids, and exited
for s in "thread 0" "thread 1" "thread 2" "thread 3" "raw"; do
	line=$(grep -E "^$main [0-9]+ sc write .*b'$s\\\\n'" "$d") || fail "no write of '$s'"
	tid=$(echo "$line" | awk '{print $2}')
	[ "$tid" != "$main" ] || fail "'$s' written by the main thread"
	grep -qE "^$main $tid sc exit " "$d" || fail "thread $tid has no exit"
done
[ "$(grep -cE "^$main $main sc clone3 .*ret=[1-9]" "$d")" -ge 5 ] || fail "clone3 x5 (4 threads + posix_spawn)"
grep -qE "^$main $main sc clone .*ret=[1-9]" "$d" || fail "raw clone"
grep -qE "^$main $main sc vfork .*ret=[1-9]" "$d" || fail "vfork"
# fork child: own log, flags FORK, its write and exit code
grep -qE "process pid=[0-9]+ ppid=$main flags=2 " "$d" || fail "fork child's process record"
grep -qE " sc write .*b'child\\\\n'" "$d" || fail "fork child's write"
expect_contains "$d" "exit code=7 signo=0"
# vfork+exec and posix_spawn: the new images log with EXEC|FORK
grep -qE "process pid=[0-9]+ ppid=$main flags=3 cmd=echo vforked" "$d" || fail "vfork exec'd image"
grep -qE "process pid=[0-9]+ ppid=$main flags=3 cmd=echo spawned" "$d" || fail "spawned image"
grep -qE " sc write .*b'vforked\\\\n'" "$d" || fail "echo vforked write"
grep -qE " sc write .*b'spawned\\\\n'" "$d" || fail "echo spawned write"
# the vfork and posix_spawn children, before their execve, log as processes of their own
# (argv's strings may be one capture, LT_SUB_STRINGS: the word starts one)
grep -qE " sc execve .*flags=1 .*b'/bin/echo'.*b'vforked\\\\x00" "$d" || fail "vfork child's execve"
grep -qE " sc execve .*flags=1 .*b'/bin/echo'.*b'spawned\\\\x00" "$d" || fail "spawn child's execve"
[ "$(ls "$TMPDIR"/logs/run-*/*.ltl | wc -l)" = 6 ] || fail "expected 6 logs"
echo ok
