# Clone (issues 8 and 14): every clone variant behaves as untraced (clone_variants.c lists
# them; stdout holds each child's output and the wait statuses), and a CLONE_VM sibling
# (memory shared, not a thread) records under its own pid, never into its parent's buffers.
. "$TOP/tests/production/prod.sh"
prod_build clone_variants
prod_same clone_variants
python3 "$TOP/tests/native/ltdump.py" "$P/clone_variants.logs"/run-* >"$P/cv.dump"
for what in "vm sibling" "tls child" "vfork stack" "fork-on-stack child"; do
	child=$(grep -F " sc write " "$P/cv.dump" | grep -F "b'$what\\n'" | awk '{print $1}')
	[ -n "$child" ] || fail "the write of '$what' is not in the trace"
	# its log is its own: the process that waits for it (printing "pid ok") logs elsewhere
	! grep "^$child " "$P/cv.dump" | grep -q "pid ok" ||
		fail "'$what' recorded in its parent's log ($child)"
	grep -q "^$child $child process pid=$child " "$P/cv.dump" ||
		fail "'$what': no log of its own (pid $child)"
done
echo ok
