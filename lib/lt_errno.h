/* errno names, shared by the shim (inject's error=NAME) and the report (printing and
 * parsing): the names strace prints (glibc's strerrorname_np), then the kernel-internal
 * codes a tracer can see (include/linux/errno.h, 512..530). The messages strace prints
 * in parentheses are the report's alone (report/xlat_errno.h). No libc needed. */
#ifndef LT_ERRNO_H
#define LT_ERRNO_H

#include <stddef.h>

#define LT_ERRNO_USER_MAX 133   /* EHWPOISON */
#define LT_ERRNO_KERNEL_MIN 512 /* ERESTARTSYS */
#define LT_ERRNO_KERNEL_MAX 530 /* ERECALLCONFLICT */
/* Row of errno E in lt_errno_names (E must be in one of the two ranges). */
#define LT_ERRNO_INDEX(e) ((e) <= LT_ERRNO_USER_MAX ? (e) : \
			   (e) - LT_ERRNO_KERNEL_MIN + LT_ERRNO_USER_MAX + 1)
#define LT_ERRNO_ROWS LT_ERRNO_INDEX(LT_ERRNO_KERNEL_MAX + 1)

/* Names are arrays, not pointers: pointers would cost the shim a relocation each,
 * which every traced process pays for at load. "": no name for that number. */
extern const char lt_errno_names[LT_ERRNO_ROWS][22];

/* The name of errno ERR, or NULL. */
static inline const char *lt_errno_name(int err)
{
	if (err <= 0 || (err > LT_ERRNO_USER_MAX && err < LT_ERRNO_KERNEL_MIN) ||
	    err > LT_ERRNO_KERNEL_MAX || !lt_errno_names[LT_ERRNO_INDEX(err)][0])
		return NULL;
	return lt_errno_names[LT_ERRNO_INDEX(err)];
}

/* The number of the errno named by the LEN bytes at NAME (also the aliases EWOULDBLOCK,
 * EDEADLOCK and ENOTSUP, which strace never prints but people write); 0 if unknown. */
int lt_errno_by_name(const char *name, size_t len);

#endif
