#!/bin/sh
# Runs strace's test suite (strace 6.1's tests, built) under the libtrace shim and prints
# the % of expected lines libtrace-report prints identically, by category, and the % of
# tests identical in full. STRACE_SRC: the built strace tree (default /work/strace-src;
# see docs/HACKING-decoders.md for how to build it). Exits 77 when it is absent.
# Extra arguments go to suite.py (--only NAME,..., --diffs FILE).
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
src=${STRACE_SRC:-/work/strace-src}
build=${BUILD:-$top/build}
if [ ! -f "$src/tests/gen_tests.in" ] || [ ! -x "$src/tests/dup3" ]; then
	echo "strace's test suite is not built at $src (set STRACE_SRC)"
	exit 77
fi
command -v python3 >/dev/null || { echo "python3 is needed"; exit 77; }
exec python3 "$here/suite.py" "$src" "$build" "$@"
