/* Structures behind pointers and calls whose arguments depend on each other. */
#include <string.h>

#include "xlat.h"

int lt_decode_special(struct lt_dctx *c, size_t *ends, int maxends)
{
	(void)c; (void)ends; (void)maxends;
	return -1;
}

int lt_decode_struct(struct lt_dctx *c, int i, int kind)
{
	(void)c; (void)i; (void)kind;
	return 0;
}

void lt_decode_ret_extra(struct lt_dctx *c)
{
	(void)c;
}
