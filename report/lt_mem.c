#include <stdio.h>
#include <stdlib.h>

#include "lt_mem.h"

void lt_oom(void)
{
	fputs("libtrace-report: out of memory\n", stderr);
	abort();
}

void *lt_xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz ? sz : 1);
	if (!p)
		lt_oom();
	return p;
}

void *lt_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		lt_oom();
	return p;
}

void *lt_grow(void *p, size_t *cap, size_t need, size_t sz)
{
	if (need <= *cap)
		return p;
	size_t c = *cap ? *cap * 2 : 16;
	while (c < need)
		c *= 2;
	if (c > (size_t)-1 / sz)
		lt_oom();
	p = lt_xrealloc(p, c * sz);
	*cap = c;
	return p;
}
