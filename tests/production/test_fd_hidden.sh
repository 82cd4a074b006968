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

# The probe finds the shim's numbers in /proc/self/fd (traced) and probes them; untraced,
# the same numbers are free.
traced "$TMPDIR/p" "$TMPDIR/fd_probe" >"$TMPDIR/found" 2>"$TMPDIR/found.err" || fail "probe: exit $?"
cat "$TMPDIR/found.err"
expect_contains "$TMPDIR/found.err" "start: shim descriptors found: 1"
# The numbers at the start, and where the shim's descriptor went after the probes moved it.
traced "$TMPDIR/p0" "$TMPDIR/fd_probe" $(sed -n 's/^shim descriptor: //p' "$TMPDIR/found.err") \
	>/dev/null 2>"$TMPDIR/found2.err" || fail "probe: exit $?"
n="$(sed -n 's/^shim descriptor: //p' "$TMPDIR/found2.err" | tr '\n' ' ' | sed 's/ / -- /')"
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

# The strace backend keeps no descriptor in the program.
LIBTRACE_DIR=$TMPDIR/s LIBTRACE_REPORT=none LIBTRACE_BACKEND=strace LD_PRELOAD=$SO \
	"$TMPDIR/fd_probe" $n >"$TMPDIR/straced" 2>"$TMPDIR/s.err" || fail "strace backend: exit $?"
expect_contains "$TMPDIR/s.err" "start: shim descriptors found: 0"
diff "$TMPDIR/untraced" "$TMPDIR/straced" || fail "strace backend: output differs"
echo ok
