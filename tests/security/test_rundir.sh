# Issue 14.6: the run directory is held open and the run's files are created relative to
# it: renamed and replaced by a symlink after it was made, it still gets the logs, and the
# symlink's target gets nothing. For root, a LIBTRACE_DIR that others can write (not
# sticky), or in such a directory, is refused.
. "$TOP/tests/control/common.sh"
logdir swap
evil=$TMPDIR/evil
mkdir "$evil"
# The program (standing in for another user) swaps the run directory for a symlink, in
# one process (one that exec'd would make the directory again), then forks: the child's
# log is made after the swap.
need_python
cat >"$TMPDIR/swap.py" <<'PY'
import os, sys
d = os.environ["LIBTRACE_RUN_DIR"]
os.rename(d, d + ".moved")
os.symlink(sys.argv[1], d)
PY
rc=0
LD_PRELOAD=$SO sh -c '"$0" "$1" "$2" && "$3" swapped' "$PY" "$TMPDIR/swap.py" "$evil" "$E/c_hello" \
	>"$TMPDIR/out" 2>"$TMPDIR/err" || rc=$?
[ $rc -eq 7 ] || { cat "$TMPDIR/err"; fail "traced run exited $rc, untraced exits 7"; }
[ -z "$(ls -A "$evil")" ] || { ls -l "$evil"; fail "logs were created through the swapped-in symlink"; }
ls "$LIBTRACE_DIR"/run-*.moved/*.ltl >/dev/null 2>&1 || { ls -lR "$LIBTRACE_DIR"; fail "no log in the real run directory"; }

if [ "$(id -u)" = 0 ]; then
	for mode in 0777 0770; do
		export LIBTRACE_DIR="$TMPDIR/shared$mode"
		mkdir -m $mode "$LIBTRACE_DIR"; chmod $mode "$LIBTRACE_DIR"
		LIBTRACE_REPORT=none LD_PRELOAD=$SO "$E/c_hello" >/dev/null 2>"$TMPDIR/err" || true
		expect_contains "$TMPDIR/err" "others can write it and it is not sticky"
		[ -z "$(ls -A "$LIBTRACE_DIR")" ] || fail "root used a LIBTRACE_DIR ($mode) others can write"
	done
	mkdir -m 0777 "$TMPDIR/pub"; chmod 0777 "$TMPDIR/pub"
	export LIBTRACE_DIR="$TMPDIR/pub/lt"
	LIBTRACE_REPORT=none LD_PRELOAD=$SO "$E/c_hello" >/dev/null 2>"$TMPDIR/err" || true
	expect_contains "$TMPDIR/err" "its parent lets others rename it"
	[ -z "$(ls -A "$LIBTRACE_DIR")" ] || fail "root used a LIBTRACE_DIR in a directory others can write"
	# Sticky (like /tmp): accepted.
	export LIBTRACE_DIR="$TMPDIR/sticky"
	mkdir -m 1777 "$LIBTRACE_DIR"; chmod 1777 "$LIBTRACE_DIR"
	LIBTRACE_REPORT=none LD_PRELOAD=$SO "$E/c_hello" >/dev/null 2>"$TMPDIR/err" || true
	[ ! -s "$TMPDIR/err" ] || { cat "$TMPDIR/err"; fail "sticky LIBTRACE_DIR: the shim complained"; }
	rundir >/dev/null
fi
echo PASS
