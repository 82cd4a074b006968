# Under an outer ptrace tracer (strace -f -o /dev/null), where no other ptrace-based tracer
# can attach: the native backend must still record everything (lt-diff against plain
# strace, the libtrace run wrapped in the outer strace); the strace backend must say in a
# `libtrace:` line that it cannot attach, and the program must run on with its output and
# exit status unchanged.
. "$TOP/tests/lib.sh"
command -v strace >/dev/null || skip "strace not installed"
. "$TOP/tests/e2e/corpus.sh"
ran=0
if why=$(/usr/bin/python3 "$TOP/tests/diff/lt-diff" --build "$BUILD" --probe --backend native); then
	for p in fileio rawsys threads forkwait vforkexec sigeintr sigrestart seccomp daemon; do
		one_case "outer-$p" "${LT_MIN_MATCH_C:-1}" 0 --backend native --check-output \
			--wrap "strace -f -qq -o /dev/null" -- "$E2E/$p"
	done
	ran=1
else
	echo "native part skipped: $why"
fi
if [ -f "$SO" ]; then
	for p in fileio forkwait; do
		mkdir -p "$TMPDIR/logs-$p" "$TMPDIR/cwd-$p"
		(cd "$TMPDIR/cwd-$p" && "$E2E/$p") >"$TMPDIR/$p.base" 2>&1
		base=$?
		(cd "$TMPDIR/cwd-$p" && rm -f ./* && strace -f -qq -o /dev/null env LD_PRELOAD="$SO" \
			LIBTRACE_BACKEND=strace LIBTRACE_DIR="$TMPDIR/logs-$p" LIBTRACE_REPORT=none \
			"$E2E/$p") >"$TMPDIR/$p.out" 2>"$TMPDIR/$p.err"
		rc=$?
		[ $rc -eq $base ] || fail "$p: exit $rc under outer strace + strace backend, $base untraced"
		cmp -s "$TMPDIR/$p.out" "$TMPDIR/$p.base" ||
			fail "$p: output changed under outer strace + strace backend"
		if grep -q '^libtrace: ' "$TMPDIR/$p.err"; then
			echo "ok   strace backend under outer strace ($p): $(grep '^libtrace: ' "$TMPDIR/$p.err" | head -1)"
			ran=1
		else
			cat "$TMPDIR/$p.err"
			nfail=$((nfail + 1)); failed="$failed strace-backend-$p"
			echo "FAIL strace backend under outer strace ($p): no 'libtrace:' line saying it cannot attach"
		fi
	done
fi
[ $nfail -eq 0 ] || fail "$nfail failures:$failed"
[ $ran -eq 1 ] || skip "neither backend available yet"
