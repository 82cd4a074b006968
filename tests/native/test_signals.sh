# Native backend: signals stay the program's (EINTR, SA_RESTART, blocked masks,
# sigaltstack, seccomp with its own SIGSYS handler): same output as untraced, and the
# handlers' calls, including their rt_sigreturn, are recorded.
. "$TOP/tests/lib.sh"
"$E2E/n_signals" >"$TMPDIR/want" || fail "untraced run failed"
LIBTRACE_DIR=$TMPDIR/logs LIBTRACE_REPORT=none LIBTRACE_BACKEND=native \
	LD_PRELOAD=$SO timeout 20 "$E2E/n_signals" >"$TMPDIR/got" 2>"$TMPDIR/err" || fail "exit status $?"
cat "$TMPDIR/got"
diff "$TMPDIR/want" "$TMPDIR/got" || fail "output differs"
python3 "$TOP/tests/native/ltdump.py" "$TMPDIR"/logs/run-* >"$TMPDIR/dump"
d=$TMPDIR/dump
grep -qE " sc read .*ret=-4 " "$d" || fail "read = -EINTR"
grep -qE " sc rt_sigreturn .*ret=-4 " "$d" || fail "rt_sigreturn restoring -EINTR"
# every rt_sigreturn records its frame (args[0]) and the mask it restores (a capture)
[ "$(grep -c " sc rt_sigreturn " "$d")" = "$(grep -cE " sc rt_sigreturn .*args=0x[1-9a-f][0-9a-f]*,.*caps=0:" "$d")" ] ||
	fail "rt_sigreturn without its frame's mask"
[ "$(grep -c " sc write .*b'in handler" "$d")" = 2 ] || fail "handler writes"
grep -qE " sc write .*b'alt handler" "$d" || fail "altstack handler write"
grep -qE " sc seccomp| sc prctl .*args=0x16," "$d" || fail "seccomp filter install"
# The trapped getppid shows what the kernel left in rax (its number, 110), as strace
# does; the value the program's handler made it return (4242) is its rt_sigreturn's.
grep -qE " sc getppid .*ret=110 " "$d" || fail "getppid trapped by seccomp: the kernel's rax"
grep -qE " sc rt_sigreturn .*ret=4242 " "$d" || fail "getppid emulated by the program's SIGSYS handler"
# the handlers' entries, with their siginfo (LT_REC_SIGNAL), SIGSYS from seccomp included
[ "$(grep -c " signal 10 " "$d")" = 2 ] || fail "two SIGUSR1 deliveries"
grep -q " signal 12 " "$d" || fail "SIGUSR2 delivery"
grep -q " signal 31 code=1 " "$d" || fail "SIGSYS (SYS_SECCOMP) delivery"
echo ok
