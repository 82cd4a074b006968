# A CLONE_VM child that is not a thread shares its parent's memory and TLS block: its
# calls through the interposed wrappers must never go into the parent's chunk (issue 14
# item 3). The parent's log holds exactly the parent's writes, under the parent's pid, and
# stays readable; any of the child's calls that are recorded are under the child's pid.
. "$TOP/tests/lib.sh"
. "$TOP/tests/production/log_lib.sh"
prog log_clonevm
n=20000
for i in 1 2 3; do
	rm -rf "$TMPDIR/l"
	traced "$TMPDIR/l" "$TMPDIR/log_clonevm" $n >"$TMPDIR/out" 2>"$TMPDIR/err" ||
		{ cat "$TMPDIR/err"; fail "exit $?"; }
	child=$(sed -n 's/^child //p' "$TMPDIR/out")
	parent=$(ls "$TMPDIR"/l/run-*/ | sed -n 's/^\([0-9]*\)\.ltl$/\1/p' | sort -n | head -1)
	"$REPORT" "$TMPDIR"/l/run-* >"$TMPDIR/rep" 2>&1 || { tail "$TMPDIR/rep"; fail "log unreadable"; }
	python3 "$TOP/tests/native/ltdump.py" "$TMPDIR"/l/run-* >"$TMPDIR/dump" || fail "ltdump"
	# ltdump: "PID TID sc write ts=.. ret=.. flags=.. args=0x14,..." (0x14 = 20, 0x15 = 21)
	pw=$(awk -v p="$parent" '$1 == p && / sc write .* args=0x14,/' "$TMPDIR/dump" | wc -l)
	cw=$(awk -v p="$parent" '$1 == p && / sc write .* args=0x15,/' "$TMPDIR/dump" | wc -l)
	bad=$(awk -v c="$child" '/ sc write .* args=0x15,/ && ($1 != c || $2 != c)' "$TMPDIR/dump" | wc -l)
	echo "run $i: parent $parent child $child: parent's writes $pw, child's writes in the parent's log $cw, under a wrong pid $bad"
	[ "$pw" -eq $n ] || fail "parent's writes: $pw of $n"
	[ "$cw" -eq 0 ] || fail "the child's writes went into the parent's log"
	[ "$bad" -eq 0 ] || fail "child's calls under the wrong pid"
done
echo ok
