/* Allocation for the report side: running out of memory is not something a report can
 * recover from, so these print one line and abort instead of returning NULL. */
#ifndef LT_MEM_H
#define LT_MEM_H

#include <stddef.h>

void lt_oom(void) __attribute__((noreturn));
void *lt_xcalloc(size_t n, size_t sz);
void *lt_xrealloc(void *p, size_t n);
/* p, an array of *cap elements of sz bytes, grown by doubling to hold at least need. */
void *lt_grow(void *p, size_t *cap, size_t need, size_t sz);

#endif
