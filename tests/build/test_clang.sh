# The shim and the report build warning-free (-Wall -Wextra -Werror) under clang too, not
# only under the compiler `make test` itself used.
. "$TOP/tests/lib.sh"
command -v clang >/dev/null || skip "clang not installed"
make -s -j2 BUILD="$TMPDIR/clang" CC=clang all || fail "clang build failed"
[ -f "$TMPDIR/clang/libtrace.so" ] && [ -x "$TMPDIR/clang/libtrace-report" ] || fail "clang build made no outputs"
# The clang-built report reads what the gcc-built shim writes.
LIBTRACE_DIR=$TMPDIR/logs LIBTRACE_REPORT=none LD_PRELOAD=$SO /bin/sh -c 'echo built-by-clang >/dev/null'
"$TMPDIR/clang/libtrace-report" "$TMPDIR/logs" >"$TMPDIR/out" 2>&1 || { cat "$TMPDIR/out"; fail "clang report failed"; }
expect_contains "$TMPDIR/out" 'write(1, "built-by-clang\n", 15)'
