# The public API: a program built with include/libtrace.h runs unchanged without the shim,
# and with it traces exactly the region between libtrace_start() and libtrace_stop(),
# leaving errno alone.
. "$TOP/tests/control/common.sh"
need_strace
out=$("$E/c_api")
[ "$out" = "shim=0 active0=0 start=0 active1=0 stop=0 active2=0 errno_kept=1" ] ||
	fail "without the shim: $out"
echo "without the shim: $out"

logdir api
out=$(env LD_PRELOAD="$SO" LIBTRACE_BACKEND=strace LIBTRACE_START=0 LIBTRACE_REPORT=none \
	"$E/c_api" 2>"$TMPDIR/api.err")
[ "$out" = "shim=1 active0=0 start=0 active1=1 stop=0 active2=0 errno_kept=1" ] ||
	{ cat "$TMPDIR/api.err"; fail "with the shim: $out"; }
[ ! -s "$TMPDIR/api.err" ] || { cat "$TMPDIR/api.err"; fail "stderr not empty"; }
echo "with the shim: $out"
t=$(echo "$(rundir)"/strace.*.txt)
expect_contains "$t" 'access("/lt-api-inside", F_OK)'
expect_not_contains "$t" 'lt-api-outside'
check_clean_trace "$t"

# No backend: the calls fail with ENOSYS instead of pretending.
logdir api2
out=$(env LD_PRELOAD="$SO" LIBTRACE_BACKEND=strace LIBTRACE_START=0 LIBTRACE_REPORT=none \
	PATH=/nonexistent "$E/c_api" 2>"$TMPDIR/api2.err")
[ "$out" = "shim=1 active0=0 start=-1 active1=0 stop=-1 active2=0 errno_kept=0" ] ||
	fail "with no usable backend: $out"
echo PASS
