# `make install` and `make uninstall` under a PREFIX: names that collide with nothing
# (PREFIX/lib/libtrace/libtrace.so off the linker's path, PREFIX/include/libtrace/), the
# shim finds the report from there, the installed launcher finds the shim, pkg-config
# builds a program with the C API, man pages read, and uninstall leaves nothing.
. "$TOP/tests/control/common.sh"
need_strace
P=$TMPDIR/prefix
make -s -C "$TOP" install BUILD="$BUILD" PREFIX="$P" >"$TMPDIR/make.out" 2>&1 ||
	{ cat "$TMPDIR/make.out"; fail "make install"; }
for f in bin/libtrace bin/libtrace-report lib/libtrace/libtrace.so include/libtrace/libtrace.h \
	lib/pkgconfig/libtrace-shim.pc share/man/man1/libtrace.1 share/man/man1/libtrace-report.1 \
	share/man/man3/libtrace.3 share/bash-completion/completions/libtrace; do
	[ -e "$P/$f" ] || fail "not installed: $f"
done
# Nothing under the names of WAND's libtrace (-ltrace, <libtrace.h>)
for f in lib/libtrace.so include/libtrace.h; do
	[ ! -e "$P/$f" ] || fail "installed $f, which is WAND libtrace's name"
done

logdir inst
rc=0
env LD_PRELOAD="$P/lib/libtrace/libtrace.so" LIBTRACE_BACKEND=strace LIBTRACE_REPORT=summary \
	LIBTRACE_REPORT_FILE="$TMPDIR/sum.txt" "$E/c_hello" >/dev/null 2>"$TMPDIR/i.err" || rc=$?
[ $rc -eq 7 ] || fail "c_hello exited $rc"
[ ! -s "$TMPDIR/i.err" ] || { cat "$TMPDIR/i.err"; fail "stderr not empty"; }
expect_contains "$TMPDIR/sum.txt" "% time"
# c_hello makes exactly two writes after the shim's constructor.
grep -Eq '^ *[0-9.]+ +[0-9.]+ +[0-9]+ +2 +write$' "$TMPDIR/sum.txt" ||
	{ cat "$TMPDIR/sum.txt"; fail "summary: no 'write' row with 2 calls"; }

# The installed launcher, with no build directory next to it.
logdir inst2
rc=0
env -u LIBTRACE_SO bash "$P/bin/libtrace" --backend strace -- "$E/c_hello" x >"$TMPDIR/l.out" 2>"$TMPDIR/l.err" || rc=$?
[ $rc -eq 7 ] || { cat "$TMPDIR/l.err"; fail "installed launcher: exit $rc"; }
grep -Eq 'write\(1, "direct write\\n", 13\) += 13' "$TMPDIR/l.err" ||
	{ cat "$TMPDIR/l.err"; fail "installed launcher: no trace"; }

# pkg-config: the header's directory, and the shim's path
if command -v pkg-config >/dev/null 2>&1; then
	export PKG_CONFIG_PATH="$P/lib/pkgconfig"
	[ "$(pkg-config --variable=shim libtrace-shim)" = "$P/lib/libtrace/libtrace.so" ] ||
		fail "pkg-config shim: $(pkg-config --variable=shim libtrace-shim)"
	# shellcheck disable=SC2046
	${CC:-cc} $(pkg-config --cflags libtrace-shim) -o "$TMPDIR/api" "$TOP/tests/e2e/c_api.c" -lpthread ||
		fail "cannot build a program with pkg-config --cflags libtrace-shim"
fi
if command -v man >/dev/null 2>&1; then
	for m in man1/libtrace.1 man1/libtrace-report.1 man3/libtrace.3; do
		MANWIDTH=80 man -l "$P/share/man/$m" 2>"$TMPDIR/man.err" | grep -q 'libtrace' ||
			{ cat "$TMPDIR/man.err"; fail "man -l $m"; }
	done
fi

make -s -C "$TOP" uninstall BUILD="$BUILD" PREFIX="$P" >"$TMPDIR/make.out" 2>&1 ||
	{ cat "$TMPDIR/make.out"; fail "make uninstall"; }
left=$(find "$P" ! -type d)
[ -z "$left" ] || fail "left after uninstall: $left"
echo PASS
