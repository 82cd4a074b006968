# Strict seccomp (issue 8; strace's seccomp-strict, prctl-seccomp-strict): a process that
# enters SECCOMP_MODE_STRICT by seccomp() or prctl() runs as untraced: the shim makes no
# call strict mode forbids (it would kill) and reads no TSC (strict mode disables rdtsc).
. "$TOP/tests/production/prod.sh"
prod_build seccomp_strict
prod_same seccomp_strict
grep -q 'strict: write ok' "$P/seccomp_strict.plain" || fail "untraced, the strict write failed"
echo ok
