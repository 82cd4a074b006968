# One descriptor model for -y, --files and the views (issue 13): a program dups a file with
# F_DUPFD, F_DUPFD_CLOEXEC, dup and dup3, marks some close-on-exec (O_CLOEXEC, F_SETFD,
# dup3's flag), then execs itself and closes each. -y must name every descriptor as
# strace -y names it on the same program (F_DUPFD's 20 included) and none after the exec
# that the exec closed (close(3) = -1 EBADF, not close(3</path>)); --files must count
# every byte under the file's path, from the native log and from strace's own text alike.
. "$TOP/tests/lib.sh"
CC=${CC:-cc}
$CC -O2 -o "$TMPDIR/fdmodel" "$TOP/tests/report/fdmodel.c" || fail "cannot build fdmodel.c"
echo hello-there >"$TMPDIR/data"
data=$(readlink -f "$TMPDIR/data")
LD_PRELOAD=$SO LIBTRACE_DIR=$TMPDIR/logs LIBTRACE_REPORT=none LIBTRACE_BACKEND=native \
	"$TMPDIR/fdmodel" "$data" || fail "fdmodel failed under the shim (exit $?)"
ls "$TMPDIR"/logs/*/*.ltl >/dev/null 2>&1 || skip "no native log written"
logs=$(echo "$TMPDIR"/logs/*/)
# the calls from the program's marker (getppid) on, until an exec (the loader's calls in
# the new image are not the program's: strace sees them, the shim does not)
calls() { awk '/^getppid\(/ {on=1; next} /^execve\(/ {on=0} on && !/^(exit_group|\+\+\+)/' "$1"; }

"$REPORT" -y --no-pid "$logs" >"$TMPDIR/y.txt" || fail "-y failed"
calls "$TMPDIR/y.txt" >"$TMPDIR/y.calls"
cat "$TMPDIR/y.calls"
expect_contains "$TMPDIR/y.calls" "fcntl(3<$data>, F_DUPFD, 20) = 20<$data>"
expect_contains "$TMPDIR/y.calls" "read(20<$data>, \"he\", 2)"
expect_contains "$TMPDIR/y.calls" "read(22<$data>, \"re\", 2)"
for fd in 3 4 21 23; do
	expect_contains "$TMPDIR/y.calls" "close($fd)"
	expect_not_contains "$TMPDIR/y.calls" "close($fd<"
done
expect_contains "$TMPDIR/y.calls" "close(20<$data>) "

if command -v strace >/dev/null && strace -y -o "$TMPDIR/st.txt" "$TMPDIR/fdmodel" "$data" 2>/dev/null; then
	calls "$TMPDIR/st.txt" >"$TMPDIR/st.calls"
	diff "$TMPDIR/st.calls" "$TMPDIR/y.calls" || fail "-y differs from strace -y (< strace, > ours)"
	# --files from strace's text: the same descriptors, followed the same way
	"$REPORT" --files "$TMPDIR/st.txt" >"$TMPDIR/st.files" || fail "--files of strace text failed"
	cat "$TMPDIR/st.files"
	r=$(awk -v p="$data" '$NF == p { print $5 }' "$TMPDIR/st.files")
	[ "$r" = 11 ] || fail "--files (strace text): $data: want 11 bytes read, got '$r'"
	expect_not_contains "$TMPDIR/st.files" "<fd 20>"; expect_not_contains "$TMPDIR/st.files" "<fd 22>"
fi
"$REPORT" --files "$logs" >"$TMPDIR/files" || fail "--files failed"
cat "$TMPDIR/files"
r=$(awk -v p="$data" '$NF == p { print $5 }' "$TMPDIR/files")
[ "$r" = 11 ] || fail "--files: $data: want 11 bytes read, got '$r'" # 2+1+1+1+4+2
expect_not_contains "$TMPDIR/files" "<fd 20>"; expect_not_contains "$TMPDIR/files" "<fd 22>"

# A path with a terminal escape in it (issue 14): -y and --files print it escaped as
# strace -y does (\33, \7, and < > in octal), never raw.
evil="$TMPDIR/e$(printf '\033')]0;t$(printf '\007')<x>"
cp "$TMPDIR/data" "$evil"
evil=$(readlink -f "$evil")
LD_PRELOAD=$SO LIBTRACE_DIR=$TMPDIR/logs2 LIBTRACE_REPORT=none LIBTRACE_BACKEND=native \
	"$TMPDIR/fdmodel" "$evil" || fail "fdmodel failed under the shim on the escaped path"
logs2=$(echo "$TMPDIR"/logs2/*/)
"$REPORT" -y --no-pid "$logs2" >"$TMPDIR/y2.txt" || fail "-y failed"
"$REPORT" --files "$logs2" >"$TMPDIR/files2" || fail "--files failed"
for f in "$TMPDIR/y2.txt" "$TMPDIR/files2"; do
	if LC_ALL=C grep -q "$(printf '[\033\007]')" "$f"; then fail "$f has a raw ESC or BEL"; fi
done
expect_contains "$TMPDIR/y2.txt" 'read(20<'"$TMPDIR"'/e\33]0;t\7\74x\76>, "he", 2)'
expect_contains "$TMPDIR/files2" "$TMPDIR"'/e\33]0;t\7<x>'
if [ -f "$TMPDIR/st.calls" ] && strace -y -o "$TMPDIR/st2.txt" "$TMPDIR/fdmodel" "$evil" 2>/dev/null; then
	calls "$TMPDIR/st2.txt" >"$TMPDIR/st2.calls"
	calls "$TMPDIR/y2.txt" >"$TMPDIR/y2.calls"
	diff "$TMPDIR/st2.calls" "$TMPDIR/y2.calls" || fail "-y of an escaped path differs from strace -y"
fi
exit 0
