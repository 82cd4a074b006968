#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_event.h"

static void reserve(struct lt_sb *sb, size_t more)
{
	if (sb->len + more + 1 <= sb->cap)
		return;
	size_t cap = sb->cap ? sb->cap : 256;
	while (cap < sb->len + more + 1)
		cap *= 2;
	char *p = realloc(sb->p, cap);
	if (!p) {
		fputs("libtrace-report: out of memory\n", stderr);
		abort();
	}
	sb->p = p;
	sb->cap = cap;
}

void lt_sb_putn(struct lt_sb *sb, const char *s, size_t n)
{
	reserve(sb, n);
	memcpy(sb->p + sb->len, s, n);
	sb->len += n;
	sb->p[sb->len] = 0;
}

void lt_sb_puts(struct lt_sb *sb, const char *s) { lt_sb_putn(sb, s, strlen(s)); }

void lt_sb_putc(struct lt_sb *sb, char c) { lt_sb_putn(sb, &c, 1); }

void lt_sb_printf(struct lt_sb *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	reserve(sb, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(sb->p + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

void lt_sb_free(struct lt_sb *sb)
{
	free(sb->p);
	sb->p = NULL;
	sb->len = sb->cap = 0;
}
