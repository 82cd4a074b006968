# The run directory is made when a window first opens, not at load: a program loaded idle
# (LIBTRACE_START=0) and never started leaves nothing behind; a descendant of a root that
# never started makes it, and the root's report still finds it; processes of one run that
# race to make it all end up logging in it; what they find there must be a private
# directory of theirs (not a symlink, not open to others).
. "$TOP/tests/control/common.sh"

# Loaded idle, never started: LIBTRACE_DIR is checked (made 0700), no run directory.
logdir idle
rc=0
C_HELLO_STATUS=0 env LD_PRELOAD="$SO" LIBTRACE_START=0 LIBTRACE_REPORT=text "$E/c_hello" a >"$TMPDIR/i.out" \
	2>"$TMPDIR/i.err" || rc=$?
[ $rc -eq 0 ] || fail "idle run exited $rc"
[ ! -s "$TMPDIR/i.err" ] || { cat "$TMPDIR/i.err"; fail "idle run: stderr not empty"; }
[ -d "$LIBTRACE_DIR" ] || fail "idle run: $LIBTRACE_DIR was not made"
[ -z "$(ls -A "$LIBTRACE_DIR")" ] || { ls -lR "$LIBTRACE_DIR"; fail "idle run left something behind"; }

# The native backend from here on (the strace backend's descendants never start).
logdir probe
env LD_PRELOAD="$SO" LIBTRACE_BACKEND=native LIBTRACE_REPORT=none /bin/true 2>"$TMPDIR/p.err"
! grep -q 'native backend unavailable' "$TMPDIR/p.err" || skip "no native backend here"

# A root that never starts; its child starts at load (LIBTRACE_START=1 of its own): the
# child makes the run directory named by the root, and the root reports the child's calls.
logdir kid
rc=0
env LD_PRELOAD="$SO" LIBTRACE_BACKEND=native LIBTRACE_START=0 LIBTRACE_REPORT=text \
	sh -c 'LIBTRACE_START=1 /bin/echo from-kid; echo root-done' >"$TMPDIR/k.out" \
	2>"$TMPDIR/k.err" || rc=$?
[ $rc -eq 0 ] || { cat "$TMPDIR/k.err"; fail "kid run exited $rc"; }
[ "$(cat "$TMPDIR/k.out")" = "$(printf 'from-kid\nroot-done')" ] || fail "kid run: output changed"
[ -z "$(libtrace_lines "$TMPDIR/k.err")" ] || { cat "$TMPDIR/k.err"; fail "kid run: the shim warned"; }
r=$(rundir)
[ "$(stat -c %a "$r")" = 700 ] || fail "run directory mode $(stat -c %a "$r")"
set -- "$r"/*.ltl
[ $# -eq 1 ] || fail "expected the kid's log only, got: $*"
grep -Eq 'write\(1, "from-kid\\n", 9\) += 9' "$TMPDIR/k.err" ||
	{ cat "$TMPDIR/k.err"; fail "the root's report lacks the kid's write"; }
expect_not_contains "$TMPDIR/k.err" 'root-done'

# Eight processes of one run, none of them its root, start at once: all log in the one
# run directory, whoever made it.
logdir race
mkdir -m 0700 "$LIBTRACE_DIR"
run=$LIBTRACE_DIR/run-1-1
for i in 1 2 3 4 5 6 7 8; do
	env LD_PRELOAD="$SO" LIBTRACE_BACKEND=native LIBTRACE_RUN_DIR="$run" LIBTRACE_RUN_PID=1 \
		LIBTRACE_START=1 /bin/echo "racer $i" >"$TMPDIR/race$i.out" 2>"$TMPDIR/race$i.err" &
done
wait
for i in 1 2 3 4 5 6 7 8; do
	[ "$(cat "$TMPDIR/race$i.out")" = "racer $i" ] || fail "racer $i: output changed"
	[ ! -s "$TMPDIR/race$i.err" ] || { cat "$TMPDIR/race$i.err"; fail "racer $i: stderr not empty"; }
done
[ "$(ls "$run"/*.ltl | wc -l)" = 8 ] || { ls -l "$run"; fail "expected 8 logs in $run"; }

# What a process finds at the run directory's name must be private and ours: a symlink or
# a directory others can enter is refused (one libtrace: line, the program runs on
# untraced, nothing is written through the link).
for kind in symlink open; do
	logdir "bad-$kind"
	mkdir -m 0700 "$LIBTRACE_DIR" "$TMPDIR/elsewhere-$kind"
	run=$LIBTRACE_DIR/run-1-1
	if [ $kind = symlink ]; then ln -s "$TMPDIR/elsewhere-$kind" "$run"; else mkdir -m 0755 "$run"; fi
	rc=0
	env LD_PRELOAD="$SO" LIBTRACE_BACKEND=native LIBTRACE_RUN_DIR="$run" LIBTRACE_RUN_PID=1 \
		LIBTRACE_START=1 /bin/echo bad >"$TMPDIR/b.out" 2>"$TMPDIR/b.err" || rc=$?
	[ $rc -eq 0 ] || fail "$kind run dir: exit $rc"
	[ "$(cat "$TMPDIR/b.out")" = bad ] || fail "$kind run dir: output changed"
	[ "$(libtrace_lines "$TMPDIR/b.err" | grep -c 'not a private directory')" -eq 1 ] ||
		{ cat "$TMPDIR/b.err"; fail "$kind run dir: expected one libtrace: line"; }
	[ -z "$(ls -A "$TMPDIR/elsewhere-$kind")" ] || fail "$kind run dir: written through"
	[ $kind = symlink ] || [ -z "$(ls -A "$run")" ] || fail "$kind run dir: logged in it"
done
echo PASS
