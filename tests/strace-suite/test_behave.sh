# Issue 8: every test program of strace's suite behaves identically traced (exit status,
# signal, stdout and stderr) except those listed in behave-known.txt, each with its cause:
# a program that behaved identically when the list was written and no longer does fails
# here. Skipped when the suite is not built. Programs that wait untraced for a tracer that
# never comes (they only time out) are not run, to keep this to a few minutes. One program
# at a time: under load (two at once beside the rest of the suite) a few programs whose
# output depends on timing differed even after reruns.
. "$TOP/tests/lib.sh"
waits="attach-f-p,attach-p-cmd-cmd,attach-p-cmd-p,clone_parent,clone_parent--quiet-exit"
waits="$waits,clone_parent-q,clone_parent-qq,kill_child"
rc=0
out=$(sh "$TOP/tests/strace-suite/behave.sh" -j 1 --timeout 8 --skip "$waits" \
	--known "$TOP/tests/strace-suite/behave-known.txt") || rc=$?
[ $rc -eq 77 ] && skip "$out"
echo "$out"
[ $rc -eq 0 ] || fail "a program of strace's suite behaves differently traced (see above)"
