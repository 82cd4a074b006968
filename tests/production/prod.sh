# Helpers for the production cases (. "$TOP/tests/production/prod.sh"): each case is a
# program run untraced and traced (LD_PRELOAD=libtrace.so, native backend, tracing from
# load); what it prints (its own results and the wait statuses its children give it) and
# its exit status must be the same, and the traced run's log must be readable.
. "$TOP/tests/lib.sh"
CC=${CC:-cc}
P=$TMPDIR/prod
mkdir -p "$P"
# prod_build NAME [cc args...]: tests/production/NAME.c -> $P/NAME
prod_build() {
	n=$1; shift
	$CC -O2 -g -Wall -Wextra -Werror -D_GNU_SOURCE -o "$P/$n" "$TOP/tests/production/$n.c" \
		-lpthread "$@" || fail "$n did not build"
}
# prod_run DIR CMD...: runs CMD traced into log directory DIR (native backend, from load
# unless LIBTRACE_START says otherwise);
# stdout to DIR.out, exit status to DIR.rc
prod_run() {
	d=$1; shift
	mkdir -p "$d"
	LIBTRACE_DIR=$d LIBTRACE_REPORT=none LIBTRACE_BACKEND=native LIBTRACE_START=${LIBTRACE_START:-1} \
		LD_PRELOAD=$SO "$@" >"$d.out" 2>"$d.err" && echo 0 >"$d.rc" || echo $? >"$d.rc"
}
# prod_same NAME [ARGS...]: $P/NAME untraced and traced: same stdout, same exit status; the
# trace is readable. Leaves the traced run's report in $P/NAME.report.
prod_same() {
	n=$1; shift
	"$P/$n" "$@" >"$P/$n.plain" 2>"$P/$n.plain.err" && rc0=0 || rc0=$?
	prod_run "$P/$n.logs" "$P/$n" "$@"
	rc1=$(cat "$P/$n.logs.rc")
	[ -s "$P/$n.plain" ] || { cat "$P/$n.plain.err"; fail "$n: prints nothing untraced"; }
	if ! cmp -s "$P/$n.plain" "$P/$n.logs.out" || [ "$rc0" != "$rc1" ]; then
		echo "--- untraced (exit $rc0):"; cat "$P/$n.plain" "$P/$n.plain.err"
		echo "--- traced (exit $rc1):"; cat "$P/$n.logs.out" "$P/$n.logs.err"
		fail "$n $*: traced differs from untraced"
	fi
	"$REPORT" "$P/$n.logs"/run-* >"$P/$n.report" 2>&1 ||
		{ tail -5 "$P/$n.report"; fail "$n: the trace is not readable"; }
	echo "same: $n $* (exit $rc0)"
}
