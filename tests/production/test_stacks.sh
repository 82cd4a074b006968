# Stacks (issue 8): the trap handler never runs on a stack it could overflow, and the
# program sees exactly the alternate stack it set.
# - stack_coroutine: syscalls from a 4 KiB makecontext stack, main thread and a thread;
# - stack_alt: sigaltstack as the program sees it (none, own, SS_ONSTACK, EPERM, EINVAL,
#   ENOMEM, disabled), in the main thread and a new one.
# A cgo Go program (5 runs) is test_go.sh.
. "$TOP/tests/production/prod.sh"
for n in stack_coroutine stack_alt; do
	prod_build $n
	prod_same $n
done
# the coroutine's calls were recorded
grep -q 'write(1, "coroutine\\n", 10) *= 10' "$P/stack_coroutine.report" ||
	{ head -40 "$P/stack_coroutine.report"; fail "the coroutine's write is not in the trace"; }
# stack_rewrite: calls through rewritten sites (patch_entry.S) from a 4 KiB coroutine, and
# from handlers nested in a rewritten read: as untraced, every getppid call in the trace,
# every record readable, the sites rewritten; the SIGUSR1 handler's calls recorded on the
# shim's entry stack nested under the read (FAST records), the SA_ONSTACK SIGUSR2
# handler's by the trap (the entry stack is held by the read).
prod_build stack_rewrite
LIBTRACE_REWRITE=v prod_same stack_rewrite
r=$P/stack_rewrite
! grep -q '^libtrace-report:' "$r.report" || fail "stack_rewrite: $(grep '^libtrace-report:' "$r.report")"
want=$(sed -n 's/^getppid calls: //p' "$r.plain")
got=$("$REPORT" -c "$r.logs"/run-* 2>&1 | awk '$NF == "getppid" { print $4 }')
[ -n "$want" ] && [ "$got" = "$want" ] || fail "stack_rewrite: the trace has $got getppid calls, not $want"
through=$(sed -n 's/^libtrace: rewrite: .* \([0-9]*\) calls through rewritten sites/\1/p' "$r.logs.err")
[ "${through:-0}" -ge 6000 ] || fail "stack_rewrite: ${through:-no} calls through rewritten sites (not rewritten?)"
python3 "$TOP/tests/native/ltdump.py" "$r.logs"/run-*/*.ltl >"$r.dump" || fail "stack_rewrite: ltdump"
# per handler: "SIG FAST COUNT" for the getppid records between its signal and its sigreturn
awk '/ signal 1[02] / { s = $4; next }
     s && / sc getppid / { n[s " " ($0 ~ / flags=2 /)]++ }
     s && / sc rt_sigreturn / { s = "" }
     END { for (k in n) print k, n[k] }' "$r.dump" | sort >"$r.handlers"
printf '10 1 100\n12 0 100\n' | cmp -s - "$r.handlers" ||
	{ cat "$r.handlers"; fail "stack_rewrite: handler calls not recorded as expected (signal fast count)"; }
echo "stack_rewrite: $got getppid calls traced, $through through rewritten sites"
echo ok
