# --help (status 0) and --version on both tools; the man pages render without warnings;
# bash completion loads and completes an option, a syscall name and a command.
. "$TOP/tests/frontend/common.sh"
for t in "$L" "$REPORT"; do
	rc=0; "$t" --help >"$TMPDIR/h.out" 2>&1 || rc=$?
	[ $rc -eq 0 ] || fail "$t --help: status $rc"
	grep -q '^usage: ' "$TMPDIR/h.out" || fail "$t --help: no usage line"
	rc=0; "$t" --version >"$TMPDIR/v.out" 2>&1 || rc=$?
	[ $rc -eq 0 ] && grep -Eq '^libtrace(-report)? [0-9]' "$TMPDIR/v.out" || fail "$t --version"
done
# The launcher runs as a program and through sh or bash (older scripts run `bash libtrace`)
for sh in sh bash; do
	"$sh" "$L" --version >/dev/null || fail "$sh libtrace --version"
done
# The launcher's help names the strace options it takes
"$L" --help >"$TMPDIR/lh.out"
for o in -c -C -f -ff -o -A -e -s -t -tt -ttt -T -v -x -xx -X -y -q -qq -Z -E -p -w -D -I; do
	grep -qe "$o" "$TMPDIR/lh.out" || fail "--help does not mention $o"
done
if command -v groff >/dev/null 2>&1; then
	for m in "$TOP"/docs/man/*.[13]; do
		groff -man -ww -z "$m" 2>"$TMPDIR/g.err"
		[ ! -s "$TMPDIR/g.err" ] || { cat "$TMPDIR/g.err"; fail "groff warns on $m"; }
	done
fi
command -v bash >/dev/null || skip "no bash"
PATH="$BUILD:$PATH" bash -c '
	. "$1"
	COMP_WORDS=(libtrace --summ); COMP_CWORD=1; _libtrace
	[ "${COMPREPLY[*]}" = "--summary-only --summary" ] || { echo "options: ${COMPREPLY[*]}"; exit 1; }
	COMP_WORDS=(libtrace -e trace=opena); COMP_CWORD=2; _libtrace
	[ "${COMPREPLY[*]}" = "trace=openat trace=openat2" ] || { echo "syscalls: ${COMPREPLY[*]}"; exit 1; }
	COMP_WORDS=(libtrace-report --fol); COMP_CWORD=1; _libtrace_report
	[ "${COMPREPLY[*]}" = "--follow" ] || { echo "report: ${COMPREPLY[*]}"; exit 1; }
' _ "$TOP/scripts/completion/libtrace.bash" || fail "bash completion"
echo PASS
