# Program memory (issue 8 "never touch program memory unsafely"): the tracer's copies are
# sized by the call's contract and never fault, whatever pointer the program passes.
# - mem_trunc: recvfrom/recv/recvmsg with MSG_TRUNC into a 1-byte buffer at the end of a
#   mapping (the return is the datagram's length, 4096);
# - mem_badptr: bad pointers to read/write/stat/open/... (interposed, trapped and raw):
#   EFAULT traced as untraced;
# - mem_fault: the program's own SIGSEGV/SIGBUS handling (handlers, SA_RESETHAND, SIG_IGN,
#   default action, signals sent with kill) behaves as untraced; wait statuses compared;
# - mem_seccomp: a seccomp allow-list of the program's calls (no process_vm_readv, none of
#   the tracer's own), with calls from a thread that blocks every signal, from a handler,
#   with SIGSEGV blocked; the tracer's forbidden calls are noted (LT_NOTE_SECCOMP).
. "$TOP/tests/production/prod.sh"
for n in mem_trunc mem_badptr mem_fault mem_seccomp; do
	prod_build $n
	prod_same $n
done
# the truncated datagrams: one byte captured each, the return 4096
python3 "$TOP/tests/native/ltdump.py" "$P/mem_trunc.logs"/run-* >"$P/mem_trunc.dump"
[ "$(grep -c " sc recvfrom .*ret=4096 .* caps=1:1:b'[ab]'\$" "$P/mem_trunc.dump")" = 2 ] ||
	{ grep recv "$P/mem_trunc.dump"; fail "recvfrom MSG_TRUNC: not one byte captured"; }
grep -q 'write(.*0x[0-9a-f]*, 16) *= -1 EFAULT' "$P/mem_badptr.report" ||
	{ grep write "$P/mem_badptr.report"; fail "write EFAULT not recorded"; }
# the tracer's own calls the filter forbids were not made, and the trace says so
python3 "$TOP/tests/native/ltdump.py" "$P/mem_seccomp.logs"/run-* >"$P/mem_seccomp.dump"
grep -q " note code=3 .*forbids syscall" "$P/mem_seccomp.dump" ||
	{ grep note "$P/mem_seccomp.dump"; fail "no LT_NOTE_SECCOMP note"; }
echo ok
