#!/bin/sh
# Many cores (issue 9): CPU time per call with T threads, untraced and under the native
# backend, for the trap path (syscall(SYS_getppid) with LIBTRACE_REWRITE=0: every call a
# SIGSYS), the rewritten path (the same loop, its site rewritten after one trap) and the
# interposed path (write(-1, b, 8) through the shim's wrapper). SCALE_N calls in all
# (default 1.6M) split over T threads (SCALE_T, default "1 4 16 64"). CPU time is the
# process's own (getrusage after the threads are joined: every thread, user + system),
# so a machine without perf or /usr/bin/time measures it. Prints one table; the "xT1"
# column is CPU per call relative to T=1 of the same path (target: <= 1.5 at T=16 on
# >= 16 cores). Needs only sh, awk and build/ (build/libtrace.so; build/bench/sysloop is
# built here if missing and a C compiler exists). Runs in about a minute on 16 cores.
#   sh tests/bench/scale16.sh                      the full run
#   SCALE_N=20000 SCALE_T="1 4" sh tests/bench/scale16.sh   a quick check
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-$TOP/build}
SO=$BUILD/libtrace.so
LOOP=$BUILD/bench/sysloop
N=${SCALE_N:-1600000}
TS=${SCALE_T:-1 4 16 64}
[ -f "$SO" ] || { echo "scale16: $SO missing (make first)" >&2; exit 1; }
if [ ! -x "$LOOP" ]; then
	mkdir -p "$BUILD/bench"
	${CC:-cc} -O2 -D_GNU_SOURCE -o "$LOOP" "$TOP/tests/scale/sysloop.c" -lpthread ||
		{ echo "scale16: cannot build $LOOP" >&2; exit 1; }
fi
LOGS=/dev/shm
[ -d "$LOGS" ] && [ -w "$LOGS" ] || LOGS=${TMPDIR:-/tmp}
LOGS=$LOGS/lt-scale16.$$
trap 'rm -rf "$LOGS"' EXIT INT TERM
TO=""
command -v timeout >/dev/null && TO="timeout 120"
echo "scale16: $(nproc 2>/dev/null || echo '?') cpus, kernel $(uname -r), $N calls per run," \
	"threads: $TS"

# one MODE T REWRITE traced(0|1): prints "cpu_us wall_us" (or "fail fail")
one() {
	rm -rf "$LOGS"
	mkdir -p "$LOGS"
	if [ "$4" = 1 ]; then
		out=$(SYSLOOP_CPU=1 LIBTRACE_REWRITE=$3 LIBTRACE_DIR=$LOGS LIBTRACE_REPORT=none \
			LIBTRACE_BACKEND=native LIBTRACE_START=1 LD_PRELOAD=$SO \
			$TO "$LOOP" "$1" "$N" "$2" 2>&1 >/dev/null) || out="fail"
	else
		out=$(SYSLOOP_CPU=1 $TO "$LOOP" "$1" "$N" "$2" 2>&1 >/dev/null) || out="fail"
	fi
	echo "$out" | awk '/cpu_us=/ { split($1, a, "="); split($2, b, "="); print a[2], b[2]; ok = 1 }
		END { if (!ok) print "fail fail" }'
}

printf '%-11s %4s %12s %12s %12s %6s %10s %10s\n' path T "untraced" "native" "overhead" \
	xT1 "wall ms" "untr. ms"
printf '%-11s %4s %12s %12s %12s %6s %10s %10s\n' "" "" "ns/call CPU" "ns/call CPU" \
	"ns/call" "" "native" ""
for path in trap rewritten interposed; do
	case $path in
	trap) mode=getppid rw=0 ;;
	rewritten) mode=getppid rw=1 ;;
	interposed) mode=write rw=1 ;;
	esac
	base=""
	for t in $TS; do
		set -- $(one $mode "$t" "$rw" 0)
		ucpu=$1 uwall=$2
		set -- $(one $mode "$t" "$rw" 1)
		ncpu=$1 nwall=$2
		line=$(awk -v u="$ucpu" -v n="$ncpu" -v N="$N" -v b="$base" -v uw="$uwall" \
			-v nw="$nwall" 'BEGIN {
			if (u == "fail" || n == "fail") { print "fail"; exit }
			un = u * 1000 / N; nn = n * 1000 / N
			r = b == "" ? 1 : nn / b
			printf "%12.0f %12.0f %12.0f %6.2f %10.0f %10.0f %.3f", un, nn, nn - un, r,
				nw / 1000, uw / 1000, nn
		}')
		if [ "$line" = fail ]; then
			printf '%-11s %4s   failed (untraced: %s, native: %s)\n' $path "$t" "$ucpu" "$ncpu"
			continue
		fi
		[ -n "$base" ] || base=${line##* }
		printf '%-11s %4s %s\n' $path "$t" "${line% *}"
	done
done
