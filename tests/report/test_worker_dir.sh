# A run whose root died before moving its workers' logs up (processes that gave up root log
# in uid-<N>/, preload/control_rundir.c): `libtrace-report RUN` reads them beside the
# root's, and only directories named exactly uid-<digits>.
. "$TOP/tests/lib.sh"
d=$TMPDIR/logs
mkdir -p "$d"
LIBTRACE_DIR=$d/a LIBTRACE_REPORT=none LD_PRELOAD=$SO /bin/echo root-line >/dev/null
LIBTRACE_DIR=$d/b LIBTRACE_REPORT=none LD_PRELOAD=$SO /bin/echo worker-line >/dev/null
run=$(ls -d "$d"/a/run-* 2>/dev/null | head -1)
other=$(ls -d "$d"/b/run-* 2>/dev/null | head -1)
[ -d "$run" ] && [ -d "$other" ] || skip "no run directory (shim off here)"
# the second process's logs, as a worker's beside the first's
mkdir "$run/uid-1000" "$run/uid-x"
mv "$other"/*.ltl "$run/uid-1000/" || fail "no log in $other"
"$REPORT" "$run" >"$TMPDIR/out" 2>&1 || { cat "$TMPDIR/out"; fail "report failed"; }
expect_contains "$TMPDIR/out" 'write(1, "root-line\n", 10)'
expect_contains "$TMPDIR/out" 'write(1, "worker-line\n", 12)'
# not a worker directory: not read
mv "$run/uid-1000/"*.ltl "$run/uid-x/"
"$REPORT" "$run" >"$TMPDIR/out2" 2>&1 || { cat "$TMPDIR/out2"; fail "report failed"; }
expect_contains "$TMPDIR/out2" 'root-line'
expect_not_contains "$TMPDIR/out2" 'worker-line'
echo PASS
