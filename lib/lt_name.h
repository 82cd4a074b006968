/* Matching a name given by pointer and length (an option's word, a rule's field) against a
 * NUL-terminated one from a table: errno names, syscall classes, signal names. Freestanding. */
#ifndef LT_NAME_H
#define LT_NAME_H

#include <stddef.h>

/* 1 if the LEN bytes at NAME are LIT exactly; FOLD: ASCII letters of NAME in either case
 * (LIT upper case). */
static inline int lt_name_is(const char *name, size_t len, const char *lit, int fold)
{
	size_t i = 0;
	for (; i < len && lit[i]; i++) {
		char c = fold && name[i] >= 'a' && name[i] <= 'z' ? (char)(name[i] - 'a' + 'A') : name[i];
		if (c != lit[i])
			return 0;
	}
	return i == len && !lit[i];
}

#endif
