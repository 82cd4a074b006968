# The shim's descriptors are invisible: every descriptor call on one of its numbers gets
# what it would get untraced (EBADF), a program that wants the number (dup2, F_DUPFD) gets
# it, and the log stays whole. Through libc (interposed path), raw syscalls (trap path),
# and after libtrace_stop (wrappers of a thread that is not armed); native and strace
# backends.
. "$TOP/tests/lib.sh"
. "$TOP/tests/production/log_lib.sh"
${CC:-cc} -O2 -Wall -D_GNU_SOURCE -I"$TOP/include" -o "$TMPDIR/fd_probe" \
	"$TOP/tests/production/fd_probe.c" || fail "cannot build fd_probe"

# bash saves and reuses descriptors by number (issue 8): exec 1000> must work.
cd "$TMPDIR"
traced "$TMPDIR/b" bash -c 'exec 1000>f; echo hello >&1000' || fail "bash: exit $?"
[ "$(cat f)" = hello ] || fail "bash: f holds '$(cat f)', not hello"
"$REPORT" "$TMPDIR"/b/run-* >"$TMPDIR/brep" 2>&1 || { cat "$TMPDIR/brep"; fail "bash: log unreadable"; }
expect_contains "$TMPDIR/brep" "dup2(3, 1000)"
expect_contains "$TMPDIR/brep" "fcntl(1000, F_GETFD)                    = -1 EBADF"

# The probe finds the shim's numbers in /proc/self/fd (traced: the log, and a run directory
# where the shim holds one open) and probes them; untraced, the same numbers are free.
# found ERRFILE SECTION: the numbers listed under "SECTION: shim descriptors found".
found() { awk -v s="$2:" '$1 == s {on = 1; next} /found:/ {on = 0} on && /^shim descriptor: / {printf "%s ", $3}' "$1"; }
traced "$TMPDIR/p" "$TMPDIR/fd_probe" >"$TMPDIR/found" 2>"$TMPDIR/found.err" || fail "probe: exit $?"
cat "$TMPDIR/found.err"
start=$(found "$TMPDIR/found.err" start)
[ -n "$start" ] || fail "no shim descriptor found in /proc/self/fd"
# Where the shim's descriptors went after the probes moved them.
traced "$TMPDIR/p0" "$TMPDIR/fd_probe" $start >/dev/null 2>"$TMPDIR/found2.err" || fail "probe: exit $?"
n="$start -- $(found "$TMPDIR/found2.err" stopped)"
echo "probing: $n"
"$TMPDIR/fd_probe" $n >"$TMPDIR/untraced" 2>"$TMPDIR/u.err" || fail "untraced probe: exit $?"
rm -rf "$TMPDIR/p"
traced "$TMPDIR/p" "$TMPDIR/fd_probe" $n >"$TMPDIR/traced" 2>"$TMPDIR/t.err" || fail "probe: exit $?"
expect_contains "$TMPDIR/untraced" "libc fcntl F_GETFD: -1 EBADF"
expect_contains "$TMPDIR/untraced" "raw dup2 onto -> N: ok"
diff "$TMPDIR/untraced" "$TMPDIR/traced" || fail "native: the probe sees the shim's descriptors"
"$REPORT" "$TMPDIR"/p/run-* >"$TMPDIR/prep" 2>&1 || { tail "$TMPDIR/prep"; fail "probe: log unreadable"; }
# Calls made after close_range(3, ~0U) are in the log: it survived.
[ "$(grep -c '^getppid()' "$TMPDIR/prep")" -eq 100 ] || fail "log lost after close_range"
expect_contains "$TMPDIR/prep" "write(1000, \"x\", 1)                     = -1 EBADF"

# The strace backend: nothing sees the program's raw syscalls, so only its libc calls are
# checked; strace's own descriptors are in strace's process, and the shim keeps the log in
# strace's hands. Descriptors the shim itself holds here (a run directory) are hidden from
# the libc calls (the wrappers of a thread that is not armed).
LIBTRACE_DIR=$TMPDIR/s LIBTRACE_REPORT=none LIBTRACE_BACKEND=strace LD_PRELOAD=$SO \
	"$TMPDIR/fd_probe" >/dev/null 2>"$TMPDIR/s0.err" || fail "strace backend: exit $?"
cat "$TMPDIR/s0.err"
sn="$(found "$TMPDIR/s0.err" start) 1000 -- $(found "$TMPDIR/s0.err" stopped) 1000"
FD_PROBE_LIBC_ONLY=1 "$TMPDIR/fd_probe" $sn >"$TMPDIR/untraced-s" 2>/dev/null || fail "untraced: exit $?"
rm -rf "$TMPDIR/s"
LIBTRACE_DIR=$TMPDIR/s LIBTRACE_REPORT=none LIBTRACE_BACKEND=strace LD_PRELOAD=$SO FD_PROBE_LIBC_ONLY=1 \
	"$TMPDIR/fd_probe" $sn >"$TMPDIR/straced" 2>"$TMPDIR/s.err" || fail "strace backend: exit $?"
diff "$TMPDIR/untraced-s" "$TMPDIR/straced" || fail "strace backend: output differs"
echo ok
