#!/bin/sh
# make bench: builds the benchmark programs into $BUILD/bench and runs bench.py, which
# prints the side-by-side table and the PASS/MISS targets (see bench.py), then
# bench_scale.py (issue 9's workloads and targets), then spawn.sh (start-up cost). Exits non-zero
# only if a configuration crashed. BENCH_RUNS, BENCH_N, BENCH_N_SLOW, BENCH_REPORT_N
# override the defaults (5 runs, 200000 calls, 20000 under ptrace, a 1M-call log).
set -eu
: "${BUILD:?BUILD must be set (make bench does)}"
TOP=$(cd "$(dirname "$0")/../.." && pwd)
CC=${CC:-cc}
B=$BUILD/bench
mkdir -p "$B"
CFLAGS="-O2 -g -Wall -Wextra -Werror -std=gnu11 -D_GNU_SOURCE"
$CC $CFLAGS -o "$B/loop" "$TOP/tests/bench/loop.c"
$CC $CFLAGS -o "$B/sysloop" "$TOP/tests/scale/sysloop.c" -lpthread
if [ -f "$TOP/tests/support/lt_logwrite.c" ]; then
	$CC $CFLAGS -I"$TOP/lib" -I"$TOP/tests/support" -o "$B/genlog" "$TOP/tests/bench/genlog.c" \
		"$TOP/tests/support/lt_logwrite.c" || echo "bench: genlog did not build" >&2
fi
PY=/usr/bin/python3
[ -x $PY ] || PY=python3
rc=0
$PY "$TOP/tests/bench/bench.py" --build "$BUILD" --bin "$B" "$@" || rc=$?
# issue 9: rewritten sites, threads, processes (BENCH_SCALE_RUNS runs, default 3)
$PY "$TOP/tests/bench/bench_scale.py" --build "$BUILD" --bin "$B" --top "$TOP" || rc=$?
# issue 9, cheap processes: 300 x /bin/true, per-process CPU and the shim's own syscalls
sh "$TOP/tests/bench/spawn.sh" "$BUILD" "$TOP" || rc=$?
exit $rc
