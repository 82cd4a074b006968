# strace's filters and line decorations, each run under strace and under libtrace on the
# same program, the lines compared: -z/-Z/-e status=, -n, -r, -e signal=, -P, -e read=/
# write= dumps, -c and -ff with the first execve. Lines the shim cannot see (the dynamic
# loader's, before it loads) are left out of both sides by the filters or by grep.
. "$TOP/tests/frontend/common.sh"
need_strace
need_python
D=$TMPDIR/data
mkdir -p "$D"
printf 'hello world, this is a test of the hex dump\001\002\377\n' >"$D/in"
# both ARGS...: strace and libtrace on the same command, the traces (-o) in st.trace and
# lt.trace (the program's stderr apart)
both() { st -o "$TMPDIR/st.trace" "$@"; lt -o "$TMPDIR/lt.trace" "$@"; }
# same_lines FILTER: the lines of both that pass the grep -E FILTER are the same, and some are
# (pids, addresses and environment counts differ between two runs)
# (the program's own messages, and the tracers', are not compared)
norm() {
	grep -Ev '^(strace|libtrace|cat): ' "$2" |
		sed -E 's/^\[pid +[0-9]+\] //; s/^[0-9]+ +//; s/0x[0-9a-f]+ \/\* [0-9]+ vars \*\//\/* N vars *\//; s/\/\* [0-9]+ vars \*\//\/* N vars *\//; s/(si_pid=|kill\()[0-9]+/\1N/g' |
		grep -E "$1" || true
}
same_lines() {
	norm "$1" "$TMPDIR/st.trace" >"$TMPDIR/st.cmp"
	norm "$1" "$TMPDIR/lt.trace" >"$TMPDIR/lt.cmp"
	[ -s "$TMPDIR/st.cmp" ] || { cat "$TMPDIR/st.trace"; fail "$2: strace printed no line like $1"; }
	diff "$TMPDIR/st.cmp" "$TMPDIR/lt.cmp" >"$TMPDIR/diff" ||
		{ cat "$TMPDIR/diff"; fail "$2: libtrace's lines differ from strace's"; }
}
# the calls cat makes on its files (not the loader's: ld.so.cache, libc)
cat_files="$D/in|/nonexistent|exit_group|\+\+\+"
cmd="cat $D/in /nonexistent"
# -z, -Z, -e status=: which calls show
for a in "-z" "-Z" "-e status=successful" "-e status=failed" "-e status=unfinished" \
	"-e status=!successful" "-e status=successful,unfinished" "-e status=none"; do
	# shellcheck disable=SC2086
	both $a -e trace=openat,exit_group $cmd
	[ "$a" = "-e status=none" ] && { grep -q openat "$TMPDIR/lt.trace" && fail "status=none showed a call"; continue; }
	same_lines "$cat_files" "$a"
done
# the first execve (the launcher's line) follows the status filter too
both -z -e trace=execve true; same_lines '^execve' "-z execve"
both -Z -e trace=execve true; expect_not_contains "$TMPDIR/lt.trace" "execve("
# -n: "[ NNN] " before the call, as strace 6.1; on a task's exit line, its last call's number
both -n -e trace=execve,openat $cmd
same_lines "^\[ *[0-9]+\] (execve|openat\(AT_FDCWD, \"($D/in|/nonexistent)|\+\+\+)" "-n"
# -r: the time since the previous line began; with -t in parentheses after the time
both -r -e trace=execve,openat $cmd
grep -Eq '^ +0\.000000 execve\(' "$TMPDIR/lt.trace" || { cat "$TMPDIR/lt.trace"; fail "-r: the first line is not 0.000000"; }
for f in st lt; do
	grep -Ev '^(strace|libtrace|cat): ' "$TMPDIR/$f.trace" | grep -Evq '^ +[0-9]+\.[0-9]{6} [a-z+]' &&
		{ cat "$TMPDIR/$f.trace"; fail "-r: a line of $f is not '     S.UUUUUU call'"; }
done
both -ttt -r -e trace=openat,close $cmd
grep -Ev '^(strace|libtrace|cat): ' "$TMPDIR/lt.trace" | awk '
	{ t = $1; sub(/^\(\+ */, "", $2); d = $3; if ($2 != "") d = $2 }
	NR > 1 { if ((t - prev - d) > 0.0000015 || (t - prev - d) < -0.0000015) { print "line " NR ": " t " - " prev " != " d; bad = 1 } }
	{ prev = t } END { exit bad }' || { cat "$TMPDIR/lt.trace"; fail "-ttt -r: a delta is not the difference of the times"; }
grep -Eq '^[0-9]+\.[0-9]{6} \(\+ +[0-9]+\.[0-9]{6}\) openat' "$TMPDIR/st.trace" || fail "strace -ttt -r: not the format the test expects"
grep -Eq '^[0-9]+\.[0-9]{6} \(\+ +[0-9]+\.[0-9]{6}\) openat' "$TMPDIR/lt.trace" || { cat "$TMPDIR/lt.trace"; fail "-ttt -r: not strace's format"; }
# with -f, one clock for every task, as strace's
lt -o "$TMPDIR/lt.trace" -f -ttt -r -e trace=execve,wait4 sh -c '/bin/true; /bin/true'
sed -E 's/^[0-9]+ +//' "$TMPDIR/lt.trace" | awk '
	{ t = $1; sub(/^\(\+ */, "", $2); d = $3; if ($2 != "") d = $2 }
	NR > 1 { if ((t - prev - d) > 0.0000015 || (t - prev - d) < -0.0000015) { print "line " NR ": " t " - " prev " != " d; bad = 1 } }
	{ prev = t } END { exit bad || NR < 4 }' || { cat "$TMPDIR/lt.trace"; fail "-f -ttt -r: a delta is not the difference of the times"; }
both --relative-timestamps=ms -e trace=openat $cmd
grep -Eq '^ +[0-9]+\.[0-9]{3} openat\(AT_FDCWD, "/nonexistent"' "$TMPDIR/st.trace" || fail "strace -r ms: format"
grep -Eq '^ +[0-9]+\.[0-9]{3} openat\(AT_FDCWD, "/nonexistent"' "$TMPDIR/lt.trace" || { cat "$TMPDIR/lt.trace"; fail "-r ms: format"; }
# -qq drops the exit lines whatever comes before them
lt -qq -t -r -n -e trace=none true
expect_not_contains "$TMPDIR/lt.err" "+++ exited"
# -e signal=: which signals' lines show (SIGHUP and SIGWINCH are caught by handlers)
sigprog='import os, signal
for s in (signal.SIGHUP, signal.SIGWINCH, signal.SIGHUP):
    signal.signal(s, lambda *a: None)
    os.kill(os.getpid(), s)'
for a in "" "-e signal=none" "-e signal=SIGHUP" "-e signal=!HUP" "-e signal=28" "-e signal=all"; do
	# shellcheck disable=SC2086
	both $a -e trace=kill "$PY" -c "$sigprog"
	same_lines '^(--- SIG|kill\()' "signal '$a'"
done
# -P: calls that name the path, or work on a descriptor that refers to it (also one opened
# by a relative path)
(cd "$D" && both -P "$D/in" cat in "$D/in" /nonexistent)
same_lines '.' "-P"
grep -Eq '^[a-z_0-9]+\(3, ' "$TMPDIR/lt.trace" || fail "-P: no call on the file's descriptor"
# -e read= / -e write=: strace's hex dumps
(cd "$D" && both -P "$D/in" -e read=all "$PY" -c 'import os; os.read(os.open("in", os.O_RDONLY), 100)')
same_lines '.' "-e read=all"
grep -q '^ | 00020  68 65 20 68 ' "$TMPDIR/lt.trace" || fail "-e read=all: no dump"
wr='import os, sys; os.write(1, open(sys.argv[1], "rb").read())'
both -e trace=write -e write=1 "$PY" -c "$wr" "$D/in"
same_lines '.' "-e write=1"
grep -q '^ | 00000  68 65 6c 6c 6f 20' "$TMPDIR/lt.trace" || fail "-e write=1: no dump"
both -e trace=writev -e write=1 "$PY" -c 'import os; os.writev(1, [b"abc", b"defgh\n"])'
same_lines '.' "-e write=1 (writev)"
both -e trace=write -e write=2 "$PY" -c "$wr" "$D/in"
expect_not_contains "$TMPDIR/lt.trace" " | 00000"
# what the shim did not capture is said, not hidden
head -c 5000 /dev/zero >"$D/big"
lt -e trace=write -e write=1 "$PY" -c "$wr" "$D/big"
grep -Eq "^ \* 9[0-9]{2} more bytes were not captured \(LIBTRACE_STRSIZE\)$" "$TMPDIR/lt.err" || fail "-e write=1: the uncaptured rest is not said"
# -c counts the first execve, as strace's; -ff puts it first in the command's file
both -c -e trace=execve true
same_lines 'execve$' "-c execve"
rm -f "$TMPDIR"/ff.* "$TMPDIR"/sff.*
lt -ff -o "$TMPDIR/ff" sh -c '/bin/true'
st -ff -o "$TMPDIR/sff" sh -c '/bin/true'
for f in "$TMPDIR"/ff.* "$TMPDIR"/sff.*; do head -n 1 "$f"; done | grep -c '^execve("/usr/bin/sh\|^execve("/bin/sh' >"$TMPDIR/n"
[ "$(cat "$TMPDIR/n")" -eq 2 ] || { head -n 2 "$TMPDIR"/ff.* "$TMPDIR"/sff.*; fail "-ff: the command's file does not begin with its execve"; }
# libtrace-report has them too, on kept logs
lt --keep "$TMPDIR/kept" -e trace=none $cmd
"$REPORT" -z -n -r -e trace=openat "$TMPDIR/kept" >"$TMPDIR/rep.out" 2>&1 || { cat "$TMPDIR/rep.out"; fail "libtrace-report -z -n -r"; }
grep -Eq "^ +[0-9]+\.[0-9]{6} \[ 257\] openat\(AT_FDCWD, \"$D/in\"" "$TMPDIR/rep.out" || { cat "$TMPDIR/rep.out"; fail "libtrace-report -z -n -r: no line"; }
expect_not_contains "$TMPDIR/rep.out" "nonexistent"
echo PASS
