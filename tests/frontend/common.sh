# Helpers for the front-end tests: . "$TOP/tests/frontend/common.sh"
. "$TOP/tests/control/common.sh"
L="$TOP/scripts/libtrace"
export LIBTRACE_SO="$SO"
logdir frontend
# lt ARGS...: the launcher; its status in $rc, stdout in $TMPDIR/lt.out, stderr in lt.err
lt() { rc=0; "$L" "$@" >"$TMPDIR/lt.out" 2>"$TMPDIR/lt.err" </dev/null || rc=$?; }
# st ARGS...: strace the same way: $src, $TMPDIR/st.out, st.err
st() { src=0; strace "$@" >"$TMPDIR/st.out" 2>"$TMPDIR/st.err" </dev/null || src=$?; }
