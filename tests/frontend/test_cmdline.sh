# The launcher takes strace's command line: the same spellings parse, the same mistakes are
# refused the same way (status 1 before the command runs), and options libtrace cannot do
# are refused with a reason instead of being ignored. Each case runs under strace too.
. "$TOP/tests/frontend/common.sh"
need_strace
marker=$TMPDIR/ran
# refused LTARGS...: rc 1, one libtrace: line, and the command did not run
refused() {
	rm -f "$marker"
	lt "$@" -- touch "$marker"
	[ $rc -eq 1 ] || { cat "$TMPDIR/lt.err"; fail "libtrace $*: status $rc, not 1"; }
	[ ! -e "$marker" ] || fail "libtrace $*: the command ran"
	head -n 1 "$TMPDIR/lt.err" | grep -q '^libtrace: ' || { cat "$TMPDIR/lt.err"; fail "libtrace $*: no libtrace: line"; }
}
# same_rc ARGS...: strace and libtrace agree on the status of ARGS (run on `true`)
same_rc() {
	st "$@" true; lt "$@" true
	[ $rc -eq $src ] || { cat "$TMPDIR/st.err" "$TMPDIR/lt.err"; fail "'$*': strace $src, libtrace $rc"; }
}
# strace's own usage errors: same status
for a in "--bogus" "-e trace=nosuchcall" "-e status=bogus" "-e signal=SIGBOGUS" "-e read=x" "-etrace=nosuchcall" "-e nosuchcall" "-s" \
	"-e trace=/[" "-e trace=%nosuchclass" "-X bogus" "-e bogus=1" "-I 9" "-s x"; do
	# shellcheck disable=SC2086
	same_rc $a
	[ $rc -eq 1 ] || fail "'$a' accepted"
done
# a bad -e inject= rule is refused by the shim's own parser before the command runs, as strace refuses it
for a in "-e inject=openat:error=EFOO" "-e inject=openat:when=0" "-e fault=nosuchcall"; do
	# shellcheck disable=SC2086
	refused $a
	st $a true
	[ $src -eq 1 ] || fail "strace accepted $a"
done
lt -e trace=nosuchcall true
expect_contains "$TMPDIR/lt.err" "invalid system call 'nosuchcall'"
# Spellings that parse (status 0, like strace's)
for a in "-cf" "-fT" "-s200" "-etrace=openat" "-eopenat" "-e trace=?nosuch,openat" \
	"-e trace=!openat" "-e trace=%file" "-e trace=/^open" "--trace=openat" \
	"--summary-only" "--follow-forks" "--string-limit=64" "--output=$TMPDIR/o1" "-ff" \
	"-yfx" "-ttt" "-tt" "-t" "-Xraw" "-e status=failed" "-Z" "-qq" "-w -c" "-S time -c" \
	"-e abbrev=none" "-e decode-fds=path" "--syscall-times" "--absolute-timestamps=unix,us" \
	"-E FOO=bar" "-E HOME" "-I 3" "-D" "--seccomp-bpf" "-e inject=openat:error=ENOENT:when=99" \
	"-r" "--relative-timestamps=ms" "-n" "-z" "-e status=successful,unfinished" "-e status=!failed" \
	"-P /etc" "-e signal=SIGINT" "-e signal=!SIGCHLD,HUP" "-e signal=none" "-e read=3" "-e write=1,2" \
	"-e read=all"; do
	# shellcheck disable=SC2086
	same_rc $a
	[ $rc -eq 0 ] || { cat "$TMPDIR/lt.err"; fail "'$a' refused"; }
done
# strace options libtrace cannot do (yet): refused before the command runs
for a in "-k" "-i" "-yy" "-Y" "-b execve" "-u nobody" "-U calls" \
	"-O 1" "-a 10" "-S calls" "-e kvm=vcpu" "-T --syscall-times=ns" "-e raw=openat"; do
	# shellcheck disable=SC2086
	refused $a
done
# -V, -h: status 0
lt -V; [ $rc -eq 0 ] && grep -q '^libtrace ' "$TMPDIR/lt.out" || fail "-V"
lt --help; [ $rc -eq 0 ] && grep -q 'usage: libtrace' "$TMPDIR/lt.out" || fail "--help"
# No command: strace's message and status
st; lt
[ $rc -eq $src ] || fail "no command: strace $src, libtrace $rc"
# A missing command: strace's message, strace's status
st nosuchcmd-$$; lt nosuchcmd-$$
[ $rc -eq $src ] || fail "missing command: strace $src, libtrace $rc"
sed 's/^strace:/libtrace:/' "$TMPDIR/st.err" >"$TMPDIR/st.msg"
cmp -s "$TMPDIR/st.msg" "$TMPDIR/lt.err" || { cat "$TMPDIR/st.err" "$TMPDIR/lt.err"; fail "missing command: message differs"; }
# A builtin name is the PATH's program, exec'd directly: `echo hi` is traced.
lt -e trace=write echo hi
[ $rc -eq 0 ] && [ "$(cat "$TMPDIR/lt.out")" = hi ] || fail "echo: $rc"
grep -Eq '^write\(1, "hi\\n", 3\) += 3$' "$TMPDIR/lt.err" || { cat "$TMPDIR/lt.err"; fail "echo hi: no write line"; }
expect_not_contains "$TMPDIR/lt.err" "nothing was traced"
# The first lines agree with strace's: the execve, with the same argv
st -e trace=execve echo a 'b c'; lt -e trace=execve echo a 'b c'
s=$(grep -o '^execve("[^"]*", \[[^]]*\]' "$TMPDIR/st.err"); l=$(grep -o '^execve("[^"]*", \[[^]]*\]' "$TMPDIR/lt.err")
[ -n "$s" ] && [ "$s" = "$l" ] || { cat "$TMPDIR/st.err" "$TMPDIR/lt.err"; fail "execve: '$s' vs '$l'"; }
grep -Eq '^execve\(.*/\* [0-9]+ vars \*/\) = 0$' "$TMPDIR/lt.err" || fail "execve: no vars count"
# the loader's calls the shim could not see: one line says so
[ "$(grep -c "dynamic loader's calls" "$TMPDIR/lt.err")" -eq 1 ] || { cat "$TMPDIR/lt.err"; fail "no note on the loader's calls"; }
# Exit status: the command's, as strace's
st sh -c 'exit 5'; lt sh -c 'exit 5'
[ $rc -eq $src ] || fail "exit 5: strace $src, libtrace $rc"
# -f -o FILE: "PID  " prefix, as strace -f -o
lt -f -o "$TMPDIR/fo.txt" -e trace=write sh -c 'echo x; /bin/echo y'
st -f -o "$TMPDIR/so.txt" -e trace=write sh -c 'echo x; /bin/echo y'
pat='^[0-9]+ +write\(1, "y\\n", 2\) += 2$'
grep -Eq "$pat" "$TMPDIR/so.txt" || fail "strace -f -o: no line like $pat (the test's pattern is wrong)"
grep -Eq "$pat" "$TMPDIR/fo.txt" || { cat "$TMPDIR/fo.txt"; fail "-f -o: no line like $pat"; }
expect_not_contains "$TMPDIR/fo.txt" "[pid"
# -o '|cmd' pipes
lt -e trace=write -o "|cat >$TMPDIR/piped" echo piped
[ ! -e "$TMPDIR/|cat >$TMPDIR/piped" ] || fail "-o |cmd made a file"
expect_contains "$TMPDIR/piped" 'write(1, "piped\n", 6)'
# -ff -o BASE: one file per process
lt -ff -o "$TMPDIR/ff" -e trace=write sh -c 'echo x; /bin/echo y'
n=$(ls "$TMPDIR"/ff.* | wc -l)
[ "$n" -eq 2 ] || { ls "$TMPDIR"; fail "-ff: $n files"; }
grep -l 'write(1, "y\\n"' "$TMPDIR"/ff.* >/dev/null || fail "-ff: no file has the child's write"
expect_not_contains "$(grep -l 'write(1, "y' "$TMPDIR"/ff.*)" "pid"
# Without -f only the command's own process is printed (strace does not follow)
lt -e trace=write sh -c 'echo x; /bin/echo y'
expect_contains "$TMPDIR/lt.err" 'write(1, "x\n", 2)'
expect_not_contains "$TMPDIR/lt.err" 'write(1, "y\n", 2)'
# Views and outputs from the launcher; --keep keeps the logs
lt --files --keep "$TMPDIR/kept" cat /etc/hostname
expect_contains "$TMPDIR/lt.err" "/etc/hostname"
ls "$TMPDIR"/kept/run-*/*.ltl >/dev/null 2>&1 || fail "--keep: no logs"
lt --perfetto "$TMPDIR/t.pftrace" --threads true
[ -s "$TMPDIR/t.pftrace" ] || fail "--perfetto: no file"
lt -c -xx --since 0 --until 10s true
[ $rc -eq 0 ] || fail "-c --since --until: $rc"
# -e inject= reaches the shim as LIBTRACE_INJECT (calls python does not make, now that the shim injects)
lt -e inject=getppid:error=ENOENT -e fault=getpgid:when=3 -e trace=none "$PY" -c 'import os; print(os.environ.get("LIBTRACE_INJECT"))'
[ "$(cat "$TMPDIR/lt.out")" = "getppid:error=ENOENT;getpgid:when=3:error=ENOSYS" ] ||
	{ cat "$TMPDIR/lt.out"; fail "LIBTRACE_INJECT"; }
echo PASS
