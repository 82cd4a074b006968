# Issue 14.1: with the shim preloaded globally (/etc/ld.so.preload), the exit report must
# not be traced (it would start a report of its own at exit, and so on: a fork bomb), and
# the shim stands down in libtrace's own tools. Run in a throwaway mount namespace whose
# /etc carries an ld.so.preload naming the shim, as an unprivileged user, under a process
# limit and a timeout.
. "$TOP/tests/control/common.sh"
need_python
command -v unshare >/dev/null 2>&1 || skip "unshare is not installed"
[ "$(id -u)" = 0 ] || skip "needs root (a mount namespace, then an unprivileged user)"
unshare -m true 2>/dev/null || skip "unshare -m is not permitted here"
uid=65534
chmod 0755 "$TMPDIR"
export LIBTRACE_DIR="$TMPDIR/logs"
mkdir -m 0700 "$LIBTRACE_DIR"; chown $uid:$uid "$LIBTRACE_DIR"
# /etc in the namespace: the real one, plus ld.so.preload. Python, started before the
# mount, is never traced; it mounts, drops to the unprivileged user, sets the limit and
# execs the program, the only process that sees the new /etc.
mkdir "$TMPDIR/etc"
cp -a /etc/. "$TMPDIR/etc/" 2>/dev/null || true
echo "$SO" >"$TMPDIR/etc/ld.so.preload"
cat >"$TMPDIR/drop.py" <<'PY'
import os, resource, subprocess, sys
etc, uid, prog = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
subprocess.check_call(["mount", "--bind", etc, "/etc"])
os.setgroups([]); os.setgid(uid); os.setuid(uid)
resource.setrlimit(resource.RLIMIT_NPROC, (40, 40))
os.execv(prog[0], prog)
PY
# The report runs with a clean environment: a traced report would log in the default
# directory of the user. What the test adds there is removed at the end.
dflt=/tmp/libtrace-$uid
before=$(ls "$dflt" 2>/dev/null | sort | tr '\n' ' ')
cleanup() {
	for d in $(ls "$dflt" 2>/dev/null); do
		case " $before " in *" $d "*) ;; *) rm -rf "${dflt:?}/$d";; esac
	done
	[ -n "$before" ] || rmdir "$dflt" 2>/dev/null || true
}
trap cleanup EXIT
rc=0
timeout 60 unshare -m -- "$PY" "$TMPDIR/drop.py" "$TMPDIR/etc" $uid "$E/c_hello" hi \
	>"$TMPDIR/out" 2>"$TMPDIR/err" || rc=$?
[ $rc -ne 124 ] || fail "the run did not end within 60 s (report recursion?)"
runs=$(ls "$LIBTRACE_DIR" | grep -c '^run-' || true)
extra=0
for d in $(ls "$dflt" 2>/dev/null); do
	case " $before " in *" $d "*) ;; *) extra=$((extra + 1));; esac
done
runs=$((runs + extra))
echo "exit $rc, $runs run directories"; head -5 "$TMPDIR/err"
[ "$runs" -eq 1 ] || { ls "$LIBTRACE_DIR"; fail "expected 1 run directory, found $runs (the report was traced)"; }
expect_contains "$TMPDIR/out" "hi"
# The report of the one run came out, and says what the program did.
grep -q 'arg 1: hi' "$TMPDIR/err" || { cat "$TMPDIR/err"; fail "no report of the program"; }
expect_not_contains "$TMPDIR/err" "cannot run"

# The tools themselves: the report preloaded by hand starts no run.
logdir tools
LD_PRELOAD=$SO "$REPORT" --help >/dev/null 2>&1 || true
[ ! -e "$LIBTRACE_DIR" ] || ! ls "$LIBTRACE_DIR" | grep -q '^run-' ||
	fail "libtrace-report, preloaded, started a run of its own"
# LIBTRACE_OFF (what the shim gives the processes it starts): the shim stands down.
LIBTRACE_OFF=1 LD_PRELOAD=$SO "$E/c_hello" >/dev/null 2>&1 || true
[ ! -e "$LIBTRACE_DIR" ] || ! ls "$LIBTRACE_DIR" | grep -q '^run-' ||
	fail "LIBTRACE_OFF=1: the shim started a run"
echo PASS
