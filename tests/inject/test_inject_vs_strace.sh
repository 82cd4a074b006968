# Differential: the same program under strace -e inject=RULE and under the shim with
# LIBTRACE_INJECT=RULE gives the same results, for when= forms, actions and sets. The rules
# name calls the dynamic loader does not make (strace sees the loader's; the shim starts
# after it), in a single thread (strace counts per thread, the shim per process).
. "$TOP/tests/lib.sh"
command -v strace >/dev/null || skip "strace not installed"
strace -qq -o /dev/null -e inject=getppid:retval=1 true 2>/dev/null || skip "strace cannot inject here"
CC=${CC:-cc}
$CC -O2 -Wall -Werror -I"$TOP/include" -o "$TMPDIR/inj" "$TOP/tests/inject/inj.c" -lpthread ||
	fail "cannot build inj.c"
cd "$TMPDIR"
p8="u u u u u u u u"
d8="d:. d:. d:. d:. d:. d:. d:. d:."
n=0
while IFS='@' read -r rule args; do
	[ -n "$rule" ] || continue
	n=$((n + 1))
	# getuid, not getppid: strace is its tracee's parent, the shell is ours
	case $rule in fault=*) opt=$rule;; *) opt=inject=$rule;; esac
	LC_ALL=C strace -f -qq -o /dev/null -e "$opt" ./inj $args >want.$n 2>&1 || true
	LC_ALL=C LIBTRACE_DIR=$TMPDIR/logs LIBTRACE_REPORT=none LIBTRACE_BACKEND=native \
		LIBTRACE_INJECT="$rule" LD_PRELOAD=$SO ./inj $args >got.$n 2>&1 || true
	if ! cmp -s want.$n got.$n; then
		echo "rule $rule, args $args:"; diff want.$n got.$n
		fail "differs from strace: $rule"
	fi
	echo "same: $rule"
done <<EOF2
getuid:retval=42@$p8
getuid:retval=42:when=1@$p8
getuid:retval=42:when=3@$p8
getuid:retval=42:when=3+@$p8
getuid:retval=42:when=2+2@$p8
getuid:retval=42:when=2..5@$p8
getuid:retval=42:when=2..7+3@$p8
getuid:error=EPERM:when=1+3@$p8
getuid:retval=0x10@u u
getuid:signal=SIGWINCH:when=2@u s u s u s
getuid:signal=28:retval=7@u s u s
fault=getuid:when=2@u u u
fault=getuid:error=EACCES@u u
chdir:error=ENOSPC:when=2+2@$d8
chdir:retval=99:when=4@$d8
/^getu|^chd:retval=5:when=2+@u d:. u d:. u
!/^[^c]:error=EIO:when=1@u d:. u d:.
getuid,chdir:error=EPERM:when=2@u d:. u d:. u d:.
EOF2
echo "ok: $n rules"
