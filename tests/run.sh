#!/bin/sh
# Runs every test: unit binaries ($BUILD/tests/test_*) and test scripts (tests/*/test_*.sh).
# Each test's output goes to $BUILD/test-logs/NAME.log; a failing one's tail is shown.
# TESTS="pattern ..." runs only tests whose name matches one of the shell patterns.
# Scripts get BUILD (absolute), TOP (the checkout) and TMPDIR (a fresh directory) and exit
# 0 on pass, 77 on skip, anything else on failure.
set -u
: "${BUILD:?BUILD must be set (make test does)}"
TOP=$(cd "$(dirname "$0")/.." && pwd)
export BUILD TOP
logs=$BUILD/test-logs
rm -rf "$logs"; mkdir -p "$logs"
pass=0; fail=0; skip=0; failed=""
want() {
	[ -z "${TESTS:-}" ] && return 0
	set -f # the patterns are for test names, not for files in the current directory
	for p in $TESTS; do case "$1" in $p) set +f; return 0;; esac; done
	set +f
	return 1
}
run_one() { # name cmd...
	name=$1; shift
	want "$name" || return 0
	log=$logs/$(echo "$name" | tr / _).log
	t0=$(date +%s)
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/lt-test.XXXXXX")
	( cd "$TOP" && TMPDIR=$tmp "$@" ) >"$log" 2>&1
	rc=$?
	rm -rf "$tmp"
	dt=$(( $(date +%s) - t0 ))
	if [ $rc -eq 0 ]; then
		pass=$((pass + 1)); echo "PASS $name (${dt}s)"
	elif [ $rc -eq 77 ]; then
		skip=$((skip + 1)); echo "SKIP $name: $(tail -n 1 "$log")"
	else
		fail=$((fail + 1)); failed="$failed $name"
		echo "FAIL $name (exit $rc, ${dt}s); last lines of $log:"
		tail -n 25 "$log" | sed 's/^/    /'
	fi
}
for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	case "$t" in *-t) continue;; esac
	run_one "unit/$(basename "$t")" "$t"
done
for t in "$TOP"/tests/*/test_*.sh; do
	[ -f "$t" ] || continue
	d=$(basename "$(dirname "$t")")
	run_one "$d/$(basename "$t" .sh)" sh "$t"
done
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
