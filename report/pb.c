#include <stdio.h>
#include <stdlib.h>

#include "lt_mem.h"
#include "lt_pb.h"

void lt_pb_grow(struct lt_pb *pb, size_t more)
{
	size_t cap = pb->cap ? pb->cap : 4096;
	while (cap < pb->len + more)
		cap *= 2;
	pb->p = lt_xrealloc(pb->p, cap);
	pb->cap = cap;
}

void lt_pb_free(struct lt_pb *pb)
{
	free(pb->p);
	pb->p = 0;
	pb->len = pb->cap = 0;
}

void lt_pb_close_long(struct lt_pb *pb, size_t mark, size_t n)
{
	uint8_t tmp[10];
	size_t k = 0;
	uint64_t v = n;
	while (v >= 0x80) {
		tmp[k++] = (uint8_t)(v | 0x80);
		v >>= 7;
	}
	tmp[k++] = (uint8_t)v;
	lt_pb_reserve(pb, k - 1);
	memmove(pb->p + mark + k - 1, pb->p + mark, n);
	memcpy(pb->p + mark - 1, tmp, k);
	pb->len += k - 1;
}
