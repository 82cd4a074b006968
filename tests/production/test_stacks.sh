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
echo ok
