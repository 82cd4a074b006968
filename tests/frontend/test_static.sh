# Under --backend auto, a statically linked program (the shim cannot load in it) is traced
# by strace, with one line saying so; its trace is the one strace gives.
. "$TOP/tests/frontend/common.sh"
need_strace
printf '#include <unistd.h>\nint main(void){return write(1,"static\\n",7)!=7;}\n' >"$TMPDIR/s.c"
${CC:-cc} -static -o "$TMPDIR/static" "$TMPDIR/s.c" 2>/dev/null || skip "no static libc to link with"
lt -e trace=write "$TMPDIR/static"
[ $rc -eq 0 ] || { cat "$TMPDIR/lt.err"; fail "status $rc"; }
[ "$(cat "$TMPDIR/lt.out")" = static ] || fail "output changed"
[ "$(grep -c 'statically linked' "$TMPDIR/lt.err")" -eq 1 ] || { cat "$TMPDIR/lt.err"; fail "no one line saying it"; }
st -e trace=write "$TMPDIR/static"
grep '^write' "$TMPDIR/st.err" >"$TMPDIR/st.w"
grep '^write' "$TMPDIR/lt.err" >"$TMPDIR/lt.w"
[ -s "$TMPDIR/st.w" ] && cmp "$TMPDIR/st.w" "$TMPDIR/lt.w" || { cat "$TMPDIR/st.err" "$TMPDIR/lt.err"; fail "not strace's lines"; }
# a script whose interpreter is static, too
printf '#!%s\n' "$TMPDIR/static" >"$TMPDIR/script"; chmod +x "$TMPDIR/script"
lt "$TMPDIR/script"
expect_contains "$TMPDIR/lt.err" "statically linked"
# setuid (not to us): strace too, with a line
cp "$TMPDIR/static" "$TMPDIR/suid"
if chown nobody "$TMPDIR/suid" 2>/dev/null && chmod u+s "$TMPDIR/suid"; then
	cp "$E/c_hello" "$TMPDIR/suid_dyn" && chown nobody "$TMPDIR/suid_dyn" && chmod u+s "$TMPDIR/suid_dyn"
	lt "$TMPDIR/suid_dyn"
	expect_contains "$TMPDIR/lt.err" "setuid"
fi
# --backend native is the user's choice: no strace
lt --backend native "$TMPDIR/static"
expect_not_contains "$TMPDIR/lt.err" "tracing it with strace"
echo PASS
