# Children under the strace backend: strace -f follows them (forks and exec'd images);
# they start no tracer of their own and add nothing of the shim's to the trace.
. "$TOP/tests/control/common.sh"
need_strace
logdir kids
rc=0
env LD_PRELOAD="$SO" LIBTRACE_BACKEND=strace LIBTRACE_REPORT=none \
	sh -c '/bin/echo from-child | cat; (exit 4); sh -c "exit 5"; echo $?' \
	>"$TMPDIR/k.out" 2>"$TMPDIR/k.err" || rc=$?
[ $rc -eq 0 ] || fail "sh exited $rc"
[ "$(cat "$TMPDIR/k.out")" = "$(printf 'from-child\n5')" ] || fail "output changed: $(cat "$TMPDIR/k.out")"
[ ! -s "$TMPDIR/k.err" ] || { cat "$TMPDIR/k.err"; fail "stderr not empty"; }
r=$(rundir)
set -- "$r"/strace.*.txt
[ $# -eq 1 ] || fail "expected one trace file, got: $*"
t=$1
root=$(basename "$t" | cut -d. -f2)
# Through the report, which joins calls strace split ("<unfinished ...>", "<... resumed>")
# when processes interleave.
"$REPORT" "$r" >"$TMPDIR/k.rep" || fail "libtrace-report failed on $r"
expect_contains "$TMPDIR/k.rep" 'execve("/bin/echo", ["/bin/echo", "from-child"]'
grep -Eq 'write\(1, "from-child\\n", 11\) += 11' "$TMPDIR/k.rep" || fail "no write of from-child"
expect_contains "$TMPDIR/k.rep" '+++ exited with 5 +++'
# Lines from processes other than the root: the children were followed.
[ "$(awk -v r="$root" '$1 != r' "$t" | grep -c .)" -gt 10 ] || fail "no children in the trace"
expect_not_contains "$t" 'strace'
expect_not_contains "$t" 'LIBTRACE'
check_clean_trace "$t"
# The children's exec'd images loaded the shim and made no syscall of their own: between
# the shim's mmap by ld.so and the program proper, nothing reads /proc or signals.
expect_not_contains "$t" '/proc/'
expect_not_contains "$t" 'rt_sigaction(SIGUSR1'

# LD_PRELOAD given relative to the current directory: a child that runs elsewhere is still
# traced (the shim hands its absolute path down), with no ld.so error.
logdir rel
rc=0
(cd "$(dirname "$SO")" && env LD_PRELOAD=./libtrace.so LIBTRACE_BACKEND=strace LIBTRACE_REPORT=none \
	sh -c 'cd / && exec sh -c "echo \$LD_PRELOAD"') >"$TMPDIR/r.out" 2>"$TMPDIR/r.err" || rc=$?
[ $rc -eq 0 ] || fail "relative LD_PRELOAD: exit $rc"
[ ! -s "$TMPDIR/r.err" ] || { cat "$TMPDIR/r.err"; fail "relative LD_PRELOAD: stderr not empty"; }
[ "$(cat "$TMPDIR/r.out")" = "$(readlink -f "$SO")" ] ||
	fail "relative LD_PRELOAD: descendants got '$(cat "$TMPDIR/r.out")'"
echo PASS
