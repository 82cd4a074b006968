#!/bin/sh
# Start-up cost (issue 9, "cheap processes"): 300 x /bin/true in a sh loop, wall and CPU
# (user+sys of the whole tree, tracer included; best of SPAWN_RUNS, default 3):
#   untraced     the loop alone
#   strace -f    strace -f -qq -o /dev/null
#   launcher     scripts/libtrace -o /dev/null (its default log directory), run by
#                /usr/bin/python3 when there is one (as bench.py: a pyenv shim first in
#                PATH adds ~0.3 s of its own bash to every launch here)
#   preload      LD_PRELOAD=libtrace.so LIBTRACE_REPORT=none (logs in a fresh directory
#                under $TMPDIR, the plain-preload case without the launcher)
# then one /bin/true: task-clock per process (perf stat -r 20, "-" without perf) and the
# syscalls it makes (strace -f -c), traced (logs on /dev/shm if it can) against untraced
# (both behind the same `env`): the difference is the shim's own.
# Prints the table and one "spawn:" summary line. Usage: spawn.sh BUILD TOP
set -u
BUILD=${1:?usage: spawn.sh BUILD TOP}
TOP=${2:?usage: spawn.sh BUILD TOP}
SO=$BUILD/libtrace.so
RUNS=${SPAWN_RUNS:-3}
PY=/usr/bin/python3
[ -x $PY ] || PY=python3
N=${SPAWN_N:-300}
LOOP="i=0; while [ \$i -lt $N ]; do /bin/true; i=\$((i+1)); done"
work=$(mktemp -d "${TMPDIR:-/tmp}/lt-bench-spawn.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
# the environment the configurations start from: no libtrace variable, no preload
clean() { env -u LD_PRELOAD -u LIBTRACE_DIR -u LIBTRACE_REPORT -u LIBTRACE_START \
	-u LIBTRACE_BACKEND -u LIBTRACE_OUTPUT "$@"; }

# one timed run of "$@": prints "wall_ms cpu_ms" (GNU time: %e %U %S of the tree)
timed() {
	clean /usr/bin/time -f '%e %U %S' -o "$work/t" "$@" >/dev/null 2>"$work/err" ||
		{ echo "spawn: $* failed: $(head -c 300 "$work/err")" >&2; return 1; }
	awk '{ printf "%.0f %.0f\n", $1 * 1000, ($2 + $3) * 1000 }' "$work/t"
}
preload_loop() {
	d=$(mktemp -d "$work/logs.XXXXXX")
	timed env LD_PRELOAD="$SO" LIBTRACE_REPORT=none LIBTRACE_DIR="$d" sh -c "$LOOP"
	rm -rf "$d"
}
run_cfg() {
	case $1 in
	untraced) timed sh -c "$LOOP" ;;
	strace) timed strace -f -qq -o /dev/null sh -c "$LOOP" ;;
	launcher) timed $PY "$TOP/scripts/libtrace" -o /dev/null -- sh -c "$LOOP" ;;
	preload) preload_loop ;;
	esac
}
CFGS="untraced strace launcher preload"
command -v strace >/dev/null 2>&1 || CFGS="untraced launcher preload"
rc=0
r=0
while [ $r -lt "$RUNS" ]; do
	for c in $CFGS; do  # interleaved, so a load spike hits every configuration alike
		v=$(run_cfg $c) || { rc=1; continue; }
		echo "$c $v" >>"$work/all"
	done
	r=$((r + 1))
done
best() { awk -v c="$1" '$1 == c { if (w == "" || $2 < w) w = $2; if (u == "" || $3 < u) u = $3 }
	END { if (w == "") print "- -"; else print w, u }' "$work/all" 2>/dev/null; }

# one /bin/true: CPU per process and the calls it makes
task_ms() {  # task-clock msec per run of "$@", mean of 20
	clean perf stat -x, -r 20 -e task-clock "$@" 2>&1 >/dev/null |
		awk -F, '$3 ~ /task-clock/ { printf "%.2f", $1; ok = 1 } END { if (!ok) print "-" }'
}
calls() {  # syscalls made by "$@" (strace -f -c total)
	clean strace -f -qq -c -o "$work/c" "$@" >/dev/null 2>&1
	awk '$NF == "total" { print ($4 ~ /^[0-9]+$/ && $5 != "total") ? $4 : $3 }' "$work/c" 2>/dev/null
}
# its logs where the launcher puts them by default: tmpfs when there is one
pd=$(mktemp -d /dev/shm/lt-bench-one.XXXXXX 2>/dev/null) || pd=$(mktemp -d "$work/one.XXXXXX")
trap 'rm -rf "$work" "$pd"' EXIT
PRE="env LD_PRELOAD=$SO LIBTRACE_REPORT=none LIBTRACE_DIR=$pd"
t_un=$(task_ms env /bin/true) t_lt=$(task_ms $PRE /bin/true)
c_un=$(calls env /bin/true) c_lt=$(calls $PRE /bin/true)
[ -n "$c_un" ] || c_un=-
[ -n "$c_lt" ] || c_lt=-

printf '\n%s x /bin/true in sh: wall ms / CPU ms (best of %s)\n' "$N" "$RUNS"
for c in $CFGS; do
	set -- $(best $c)
	printf '  %-12s %8s %8s\n' "$c" "$1" "$2"
done
printf 'one /bin/true: task-clock ms %s traced (LD_PRELOAD) / %s untraced; syscalls %s / %s\n' \
	"$t_lt" "$t_un" "$c_lt" "$c_un"
set -- $(best untraced); uw=$1
set -- $(best launcher); lw=$1
set -- $(best strace); sw=$1
set -- $(best preload); pw=$1
shim=-
[ "$c_un" != - ] && [ "$c_lt" != - ] && shim=$((c_lt - c_un))
printf 'spawn: %s x true wall ms: untraced %s, strace -f %s, launcher %s, preload %s; launcher/untraced %s (goal 1.5x), launcher <= strace -f: %s; per process %s ms CPU traced vs %s; shim syscalls/process %s\n' \
	"$N" "$uw" "$sw" "$lw" "$pw" \
	"$(awk -v a="$lw" -v b="$uw" 'BEGIN { if (a+0 > 0 && b+0 > 0) printf "%.2fx", a / b; else print "-" }')" \
	"$(awk -v a="$lw" -v b="$sw" 'BEGIN { if (a == "-" || b == "-") print "-"; else print (a + 0 <= b + 0) ? "PASS" : "MISS" }')" \
	"$t_lt" "$t_un" "$shim"
exit $rc
