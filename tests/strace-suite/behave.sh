#!/bin/sh
# Runs every test program of strace's suite (strace 6.1's tests/*.c, built at STRACE_SRC,
# default /work/strace-src) untraced twice and under the shim (native backend), and lists
# those whose exit status, signal, stdout or stderr the shim changes (behave.py says how
# they are compared). BUILD: the build directory (default build/). Exits 77 when the suite
# is absent. Extra arguments go to behave.py: -j N, --timeout S, --only NAME,...,
# --skip NAME,..., --known FILE (exit 1 on a difference not listed there),
# --env LIBTRACE_REWRITE=0 (or LIBTRACE_BACKEND=strace) for the traced runs, --list.
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
exec python3 "$here/behave.py" "$src" "$build" "$@"
