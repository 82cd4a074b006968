# --perfetto of real runs loads in Perfetto's own importer (perfetto-check) with no import
# error and holds what --tef of the same logs holds: the same processes, the same threads
# with the same number of slices each, the same total; every process and thread named;
# children linked to their parent process; a flow from each fork/clone to what it made.
# Runs: an 8-thread forking program (native backend and strace text), vfork+exec and
# posix_spawn (native backend).
. "$TOP/tests/lib.sh"
CHECK=$TOP/../shared/tools/perfetto-check/check.mjs
[ -f "$CHECK" ] || CHECK=/work/shared/tools/perfetto-check/check.mjs
[ -f "$CHECK" ] || skip "perfetto-check not found at \$TOP/../shared/tools/perfetto-check"
command -v node >/dev/null || skip "node not installed (perfetto-check needs it)"
CC=${CC:-cc}
$CC -O2 -o "$TMPDIR/mt" "$TOP/tests/report/mt.c" -lpthread || fail "cannot build mt.c"
$CC -O2 -o "$TMPDIR/vforkexec" "$TOP/tests/e2e/vforkexec.c" || fail "cannot build vforkexec.c"
$CC -O2 -o "$TMPDIR/spawn" "$TOP/tests/e2e/spawn.c" || fail "cannot build spawn.c"

Q="select (select count(*) from slice where category = 'syscall') as calls,
 (select count(*) from thread where tid > 0 and (name is null or name = '')) as unnamed_threads,
 (select count(*) from process where pid > 0 and (name is null or name = '')) as unnamed_procs,
 (select count(*) from process p where pid > 0 and parent_upid in
   (select upid from process where pid > 0)) as children,
 (select count(*) from flow) as flows"

# summary TRACE OUT: the checker's per-process/thread lines without names (the two formats
# may word a name differently; the counts must agree).
summary() {
	node "$CHECK" "$1" "$Q" >"$2.full" 2>&1 || { cat "$2.full"; fail "perfetto-check rejected $1"; }
	grep -E '^(slices:|process |thread )' "$2.full" | sed -E 's/ name="[^"]*"//' | sort >"$2"
	grep -q '^thread ' "$2" || fail "$1: no threads in the trace"
}

# check NAME INPUT WANT_MIN_FLOWS [WANT_CALLS]: every process but the first is a child of
# one in the trace (all these programs fork)
check() {
	name=$1 in=$2
	"$REPORT" --perfetto "$TMPDIR/$name.pftrace" "$in" || fail "$name: --perfetto failed"
	"$REPORT" --tef "$TMPDIR/$name.json" "$in" || fail "$name: --tef failed"
	summary "$TMPDIR/$name.pftrace" "$TMPDIR/$name.pf.sum"
	summary "$TMPDIR/$name.json" "$TMPDIR/$name.tef.sum"
	echo "== $name"
	cat "$TMPDIR/$name.pf.sum.full"
	diff "$TMPDIR/$name.tef.sum" "$TMPDIR/$name.pf.sum" ||
		fail "$name: --perfetto and --tef differ in processes, threads or slices"
	line=$(grep 'calls=' "$TMPDIR/$name.pf.sum.full" | tail -1)
	[ -n "$line" ] || fail "$name: no query result"
	case "$line" in *"unnamed_threads=0 unnamed_procs=0 "*) ;;
		*) fail "$name: unnamed process or thread: $line";; esac
	procs=$(grep -c '^process ' "$TMPDIR/$name.pf.sum")
	[ "$procs" -ge 2 ] || fail "$name: want a parent and a child process"
	case "$line" in *"children=$((procs - 1)) "*) ;;
		*) fail "$name: want children=$((procs - 1)): $line";; esac
	flows=${line##*flows=}
	[ "$flows" -ge "$3" ] || fail "$name: want >= $3 flows: $line"
	if [ -n "${4:-}" ]; then
		case "$line" in *"calls=$4 "*) ;; *) fail "$name: want calls=$4: $line";; esac
	fi
}

ran=0
# Native backend: logs, one per process image.
native() { # NAME PROG [ARGS]
	n=$1; shift
	rm -rf "$TMPDIR/l-$n"
	LD_PRELOAD=$SO LIBTRACE_DIR=$TMPDIR/l-$n LIBTRACE_REPORT=none LIBTRACE_BACKEND=native \
		"$@" >/dev/null 2>"$TMPDIR/$n.err" || { cat "$TMPDIR/$n.err"; fail "$n failed under the shim"; }
	set -- "$TMPDIR/l-$n"/*/
	[ -d "$1" ] || return 1
	echo "$1"
}
if d=$(native mt "$TMPDIR/mt"); then
	# 8 workers + main + the child: 8 threads and 1 process made by clone
	check mt-native "$d" 9
	grep -c '^thread ' "$TMPDIR/mt-native.pf.sum" | grep -qx 10 || fail "mt-native: want 10 threads"
	grep -q 'name="worker-7"' "$TMPDIR/mt-native.pf.sum.full" || fail "mt-native: worker names lost"
	d=$(native vforkexec "$TMPDIR/vforkexec") || fail "vforkexec: no logs"
	check vforkexec-native "$d" 1
	d=$(native spawn "$TMPDIR/spawn") || fail "spawn: no logs"
	check spawn-native "$d" 1
	ran=1
fi

# strace text of the same program: the count of calls comes from strace's own lines.
if command -v strace >/dev/null &&
	strace -f -ttt -T -o "$TMPDIR/st.txt" "$TMPDIR/mt" >/dev/null 2>"$TMPDIR/strace.err"; then
	calls=$(grep -c -E '^[0-9]+ +[0-9.]+ ([a-z_0-9]+\(|<\.\.\. [a-z_0-9]+ resumed>)' "$TMPDIR/st.txt")
	unfinished=$(grep -c 'unfinished \.\.\.>$' "$TMPDIR/st.txt" || true)
	check mt-strace "$TMPDIR/st.txt" 9 $((calls - unfinished))
	ran=1
fi
# One naming model (issue 13): a process is called the same in --perfetto (its cmdline, which
# trace processor shows; it takes the display name from the first word) and in --tef (its
# name), and a thread the same in both; a name with a terminal escape prints escaped.
esc=$(printf 'x\033]0;t\007')
if command -v bash >/dev/null && [ $ran = 1 ]; then
	d=$(native names bash -c 'sh -c "ls /etc | wc -l"; exec -a "$1" sh -c "ls /etc | wc -l"' _ "$esc") ||
		fail "names: no logs"
	"$REPORT" --perfetto "$TMPDIR/n.pftrace" "$d" || fail "names: --perfetto failed"
	"$REPORT" --tef "$TMPDIR/n.json" "$d" || fail "names: --tef failed"
	node "$CHECK" "$TMPDIR/n.pftrace" "select pid, cmdline as n from process where pid > 0 order by pid" |
		grep '^  pid=' >"$TMPDIR/n.pf" || fail "names: no processes in --perfetto"
	node "$CHECK" "$TMPDIR/n.json" "select pid, name as n from process where pid > 0 order by pid" |
		grep '^  pid=' >"$TMPDIR/n.tef" || fail "names: no processes in --tef"
	cat "$TMPDIR/n.pf"
	diff "$TMPDIR/n.tef" "$TMPDIR/n.pf" || fail "names: --tef and --perfetto name processes differently"
	grep -q 'n=sh -c ls /etc | wc -l$' "$TMPDIR/n.pf" || fail "names: no 'sh -c ls /etc | wc -l'"
	grep -q 'n=x\\33\]0;t\\7 -c ls' "$TMPDIR/n.pf" || fail "names: the escape is not escaped"
	for f in "$TMPDIR/n.pftrace" "$TMPDIR/n.json"; do
		node "$CHECK" "$f" "select tid, name from thread where tid > 0 order by tid" |
			grep '^  tid=' >"$f.threads"
	done
	diff "$TMPDIR/n.json.threads" "$TMPDIR/n.pftrace.threads" ||
		fail "names: --tef and --perfetto name threads differently"
fi
[ $ran = 1 ] || skip "neither the native backend nor strace could trace here"
exit 0
