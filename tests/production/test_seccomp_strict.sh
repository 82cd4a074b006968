# Strict seccomp (issue 8; strace's seccomp-strict, prctl-seccomp-strict): a process that
# enters SECCOMP_MODE_STRICT by seccomp() or prctl() runs as untraced: the shim makes no
# call strict mode forbids (it would kill) and reads no TSC (strict mode disables rdtsc);
# a thread that installs a filter that forbids rt_sigreturn (no trap could return) leaves
# tracing first, with a note. Through rewritten call sites and through traps alike.
. "$TOP/tests/production/prod.sh"
prod_build seccomp_strict
prod_same seccomp_strict
grep -q 'strict: write ok' "$P/seccomp_strict.plain" || fail "untraced, the strict write failed"
grep -q 'filter: write ok' "$P/seccomp_strict.plain" || fail "untraced, the filter's write failed"
grep -q 'forbids rt_sigreturn' "$P/seccomp_strict.report" || fail "no note of the untraced thread"
LIBTRACE_REWRITE=0 prod_same seccomp_strict
echo ok
