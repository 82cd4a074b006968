# In a setgid program (AT_SECURE) the shim ignores its environment and stays off. ld.so
# ignores LD_PRELOAD paths there, so the program links the shim directly.
. "$TOP/tests/control/common.sh"
grp=$(getent group nogroup >/dev/null && echo nogroup || echo nobody)
getent group "$grp" >/dev/null || skip "no nogroup/nobody group to make a setgid program"
[ "$(id -g)" != "$(getent group "$grp" | cut -d: -f3)" ] || skip "already in group $grp"
cc=${CC:-cc}
"$cc" -o "$TMPDIR/sec" "$TOP/tests/e2e/c_hello.c" -Wl,--no-as-needed "$SO" -Wl,-rpath,"$(dirname "$SO")" ||
	fail "cannot build the test program"
rc=0; C_HELLO_STATUS=3 "$TMPDIR/sec" a >"$TMPDIR/plain.out" || rc=$?
[ $rc -eq 3 ] || fail "plain run exited $rc"

# Not setgid: the shim is loaded and makes LIBTRACE_DIR (so the next check means something).
logdir plain
C_HELLO_STATUS=3 LIBTRACE_BACKEND=strace LIBTRACE_START=0 LIBTRACE_REPORT=none \
	"$TMPDIR/sec" a >/dev/null || true
[ -d "$LIBTRACE_DIR" ] || fail "not setgid: the shim did not make $LIBTRACE_DIR"

chgrp "$grp" "$TMPDIR/sec"
chmod g+s "$TMPDIR/sec"
[ -g "$TMPDIR/sec" ] || skip "cannot set the setgid bit here"
logdir secure
rc=0
C_HELLO_STATUS=3 LIBTRACE_BACKEND=bogus LIBTRACE_STRSIZE=x LIBTRACE_REPORT=text \
	"$TMPDIR/sec" a >"$TMPDIR/sec.out" 2>"$TMPDIR/sec.err" || rc=$?
[ $rc -eq 3 ] || fail "setgid run exited $rc"
cmp -s "$TMPDIR/sec.out" "$TMPDIR/plain.out" || fail "setgid run: output changed"
[ ! -s "$TMPDIR/sec.err" ] || { cat "$TMPDIR/sec.err"; fail "setgid run: the shim spoke"; }
[ ! -e "$LIBTRACE_DIR" ] || { ls -R "$LIBTRACE_DIR"; fail "setgid run: the shim made $LIBTRACE_DIR"; }
echo PASS
