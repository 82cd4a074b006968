# A file size limit (ulimit -f) never kills a traced program through its log: the log
# fills up to the limit, counts the rest as lost and says so (LT_NOTE_LOG_FULL), and a
# SIGXFSZ the program raises itself still reaches it, as untraced.
. "$TOP/tests/lib.sh"
. "$TOP/tests/production/log_lib.sh"
prog log_loop
prog log_xfsz

# ulimit -f 100 (100 KiB): /bin/true, and a program that logs far more than fits.
(ulimit -f 100; traced "$TMPDIR/l1" /bin/true) || fail "/bin/true under ulimit -f 100: exit $?"
(ulimit -f 100; traced "$TMPDIR/l2" "$TMPDIR/log_loop" 20000 >"$TMPDIR/out2") ||
	fail "log_loop under ulimit -f 100: exit $?"
expect_contains "$TMPDIR/out2" "done 20000"
python3 "$TOP/tests/native/ltdump.py" "$TMPDIR"/l2/run-* >"$TMPDIR/dump2"
recorded=$(grep -c ' sc getppid ' "$TMPDIR/dump2" || true)
lost=$(lost_in "$TMPDIR/l2")
echo "ulimit -f 100: recorded $recorded getppid, lost $lost records"
[ "$recorded" -gt 100 ] || fail "the log was not filled up to the limit"
[ "$lost" -gt 0 ] || fail "no LT_REC_LOST"
# Every call of the loop is either in the log or counted (2 per iteration, plus exit).
total=$(grep -c ' sc ' "$TMPDIR/dump2" || true)
[ $((total + lost)) -ge 40000 ] || fail "recorded $total + lost $lost < 40000"
[ "$(grep -c ' type9$' "$TMPDIR/dump2" || true)" -eq 1 ] || fail "expected one note (log full)"
"$REPORT" "$TMPDIR"/l2/run-* >"$TMPDIR/rep2" 2>&1 || fail "report failed"
expect_contains "$TMPDIR/rep2" "lost"

# The program's own SIGXFSZ, blocked and pending, stays pending while the log grows.
"$TMPDIR/log_xfsz" pending "$TMPDIR/f0" >"$TMPDIR/u3" || fail "untraced pending: exit $?"
traced "$TMPDIR/l3" "$TMPDIR/log_xfsz" pending "$TMPDIR/f1" >"$TMPDIR/t3" ||
	fail "traced pending: exit $?"
expect_contains "$TMPDIR/u3" "SIGXFSZ pending: 1"
cmp "$TMPDIR/u3" "$TMPDIR/t3" || fail "stdout differs traced (pending)"

# ... and, unblocked, kills it as untraced (exit by SIGXFSZ).
"$TMPDIR/log_xfsz" die "$TMPDIR/f2" >"$TMPDIR/u4" && rc=0 || rc=$?
traced "$TMPDIR/l4" "$TMPDIR/log_xfsz" die "$TMPDIR/f3" >"$TMPDIR/t4" && trc=0 || trc=$?
echo "die: untraced exit $rc, traced exit $trc"
[ $rc -eq 153 ] || fail "untraced: exit $rc, not by SIGXFSZ (25)"
[ $trc -eq $rc ] || fail "traced exit $trc, untraced $rc"
# The limit unreadable (seccomp EPERM on prlimit64): the log's growth reaches the limit and
# the kernel raises SIGXFSZ, which the shim blocks around its call and takes back.
"$TMPDIR/log_xfsz" seccomp >"$TMPDIR/u5" || fail "untraced seccomp: exit $?"
traced "$TMPDIR/l5" "$TMPDIR/log_xfsz" seccomp >"$TMPDIR/t5" && rc=0 || rc=$?
[ $rc -eq 0 ] || fail "traced seccomp: exit $rc (153: killed by SIGXFSZ)"
expect_contains "$TMPDIR/u5" "survived; SIGXFSZ pending: 0"
cmp "$TMPDIR/u5" "$TMPDIR/t5" || fail "stdout differs traced (seccomp)"
[ "$(lost_in "$TMPDIR/l5")" -gt 0 ] || fail "seccomp: no LT_REC_LOST"
echo ok
