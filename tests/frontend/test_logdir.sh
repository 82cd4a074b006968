# Where the launcher puts its temporary logs (docs/DESIGN.md, "Start-up cost"):
# LIBTRACE_DIR, else $XDG_RUNTIME_DIR/libtrace, else /dev/shm/libtrace-UID when that is a
# private directory of ours on a /dev/shm with 1 GiB free, else /tmp/libtrace-UID; the
# launch directory is gone after the report. The command prints the LIBTRACE_DIR it got.
. "$TOP/tests/frontend/common.sh"
uid=$(id -u)
# where VAR=VALUE...: runs the launcher with only those of the two variables set; the
# launch directory the command saw is in $TMPDIR/w.out
where() {
	rc=0
	env -u LIBTRACE_DIR -u XDG_RUNTIME_DIR "$@" "$L" -o /dev/null -- sh -c 'echo "$LIBTRACE_DIR"' \
		>"$TMPDIR/w.out" 2>"$TMPDIR/w.err" </dev/null || rc=$?
	[ $rc -eq 0 ] || { cat "$TMPDIR/w.err"; fail "launcher ($*): status $rc"; }
	d=$(cat "$TMPDIR/w.out")
	[ -n "$d" ] || fail "launcher ($*): the command saw no LIBTRACE_DIR"
	[ ! -e "$d" ] || fail "launcher ($*): $d is left after the report"
}
# expect DIR: the launch directory was DIR/launch.*
expect() {
	case $d in "$1"/launch.*) ;; *) fail "expected the logs under $1, got $d";; esac
}

mkdir -m 0700 "$TMPDIR/ld-mine" "$TMPDIR/ld-xdg"
where LIBTRACE_DIR="$TMPDIR/ld-mine" XDG_RUNTIME_DIR="$TMPDIR/ld-xdg"
expect "$TMPDIR/ld-mine"
where XDG_RUNTIME_DIR="$TMPDIR/ld-xdg"
expect "$TMPDIR/ld-xdg/libtrace"

# Neither: tmpfs if /dev/shm/libtrace-UID is (or can be made) ours and private, and
# /dev/shm has room. Judged here from outside, as the launcher must.
shm=/dev/shm/libtrace-$uid
room=$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print ($4 >= 1048576) ? 1 : 0 }')
usable=0
if [ "$room" = 1 ]; then
	if [ ! -e "$shm" ] && [ ! -L "$shm" ]; then
		[ -w /dev/shm ] && usable=1
	elif [ -d "$shm" ] && [ ! -L "$shm" ] && [ "$(stat -c %u "$shm")" = "$uid" ]; then
		case $(stat -c %a "$shm") in *00) usable=1;; esac
	fi
fi
where
if [ $usable = 1 ]; then
	expect "$shm"
	[ "$(stat -c '%u %a' "$shm")" = "$uid 700" ] || fail "$shm: $(stat -c '%u %a' "$shm"), not $uid 700"
else
	echo "/dev/shm not usable here (room=$room): expecting /tmp"
	expect "/tmp/libtrace-$uid"
fi
echo "default launch directory: $d"
exit 0
