/* Reading and writing the program's memory without ever faulting. */
#include <errno.h>
#include <sys/uio.h>

#include "native_int.h"

long lt_readmem(void *dst, uint64_t addr, size_t len)
{
	if (!len)
		return 0;
	struct iovec l = { dst, len }, r = { (void *)(uintptr_t)addr, len };
	return lt_sys6(SYS_process_vm_readv, lt_pid, &l, 1, &r, 1, 0);
}

long lt_writemem(uint64_t addr, const void *src, size_t len)
{
	struct iovec l = { (void *)src, len }, r = { (void *)(uintptr_t)addr, len };
	return lt_sys6(SYS_process_vm_writev, lt_pid, &l, 1, &r, 1, 0);
}

int lt_peek(void *ctx, uint64_t addr, void *dst, size_t len)
{
	(void)ctx;
	return lt_readmem(dst, addr, len) == (long)len ? 0 : -EFAULT;
}

