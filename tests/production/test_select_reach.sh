# select with nfds past the program's descriptor table behaves as untraced although the
# shim's descriptors grow the table (strace's select test: 0 (Timeout) untraced, EFAULT
# traced before). Both paths to the kernel a program uses: libc and raw syscalls.
. "$TOP/tests/production/prod.sh"
prod_build select_reach
prod_same select_reach
expect_contains "$P/select_reach.plain" "select(1025, 8-byte set) = 0"
expect_contains "$P/select_reach.plain" "select(1024, fd_set with 700) = 0"
expect_contains "$P/select_reach.plain" "select(1025, 8-byte set) with 100 open = -1 EFAULT"
expect_contains "$P/select_reach.report" "select(1025, "
echo ok
