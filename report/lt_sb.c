#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_event.h"
#include "lt_mem.h"

void lt_sb_grow(struct lt_sb *sb, size_t more)
{
	size_t cap = sb->cap ? sb->cap : 256;
	while (cap < sb->len + more + 1)
		cap *= 2;
	sb->p = lt_xrealloc(sb->p, cap);
	sb->cap = cap;
}

static inline void reserve(struct lt_sb *sb, size_t more)
{
	if (__builtin_expect(sb->len + more + 1 > sb->cap, 0))
		lt_sb_grow(sb, more);
}

/* Plain integers are most of what the decoders print, and vsnprintf's setup costs more
 * than the conversion: "%lld", "%llu" and "%#llx" take this path. */
static int put_int(struct lt_sb *sb, const char *fmt, va_list ap)
{
	char tmp[24], *e = tmp + sizeof tmp, *q = e;
	if (fmt[1] == 'l' && fmt[2] == 'l' && (fmt[3] == 'd' || fmt[3] == 'u') && !fmt[4]) {
		unsigned long long v;
		int neg = 0;
		if (fmt[3] == 'd') {
			long long x = va_arg(ap, long long);
			neg = x < 0;
			v = neg ? 0ull - (unsigned long long)x : (unsigned long long)x;
		} else {
			v = va_arg(ap, unsigned long long);
		}
		do
			*--q = (char)('0' + v % 10);
		while (v /= 10);
		if (neg)
			*--q = '-';
	} else if (fmt[1] == '#' && fmt[2] == 'l' && fmt[3] == 'l' && fmt[4] == 'x' && !fmt[5]) {
		unsigned long long v = va_arg(ap, unsigned long long);
		if (!v) {
			*--q = '0';
		} else {
			do
				*--q = "0123456789abcdef"[v & 15];
			while (v >>= 4);
			*--q = 'x';
			*--q = '0';
		}
	} else {
		return 0;
	}
	lt_sb_putn(sb, q, (size_t)(e - q));
	return 1;
}

void lt_sb_printf(struct lt_sb *sb, const char *fmt, ...)
{
	/* Format straight into the free space; only a result that does not fit is formatted
	 * twice. */
	va_list ap;
	if (fmt[0] == '%' && (fmt[1] == 'l' || fmt[1] == '#')) {
		va_start(ap, fmt);
		int done = put_int(sb, fmt, ap);
		va_end(ap);
		if (done)
			return;
	}
	reserve(sb, 64);
	va_start(ap, fmt);
	int n = vsnprintf(sb->p + sb->len, sb->cap - sb->len, fmt, ap);
	va_end(ap);
	if (n <= 0) {
		sb->p[sb->len] = 0;
		return;
	}
	if ((size_t)n >= sb->cap - sb->len) {
		reserve(sb, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(sb->p + sb->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	sb->len += (size_t)n;
}

void lt_sb_free(struct lt_sb *sb)
{
	free(sb->p);
	sb->p = NULL;
	sb->len = sb->cap = 0;
}

void lt_sb_escape(struct lt_sb *sb, const char *s, size_t n, int hex, const char *also)
{
	static const char hexd[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	if (hex == 1) {
		hex = 0;
		for (size_t i = 0; i < n; i++)
			if (p[i] > 0x7e || (p[i] < ' ' && (unsigned)(p[i] - 9) >= 5)) {
				hex = 2;
				break;
			}
	}
	reserve(sb, n);
	for (size_t i = 0; i < n; i++) {
		unsigned ch = p[i];
		if (hex) {
			char b[4] = { '\\', 'x', hexd[ch >> 4], hexd[ch & 15] };
			lt_sb_putn(sb, b, 4);
			continue;
		}
		const char *esc = NULL;
		switch (ch) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\f': esc = "\\f"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '\v': esc = "\\v"; break;
		}
		if (esc) {
			lt_sb_putn(sb, esc, 2);
			continue;
		}
		if (ch >= ' ' && ch <= 0x7e && !(also && strchr(also, (int)ch))) {
			lt_sb_putc(sb, (char)ch);
			continue;
		}
		/* octal, shortest unless an octal digit follows */
		char b[4];
		int k = 0;
		b[k++] = '\\';
		if (i + 1 < n && p[i + 1] >= '0' && p[i + 1] <= '7') {
			b[k++] = (char)('0' + (ch >> 6));
			b[k++] = (char)('0' + ((ch >> 3) & 7));
		} else if (ch >> 3) {
			if (ch >> 6)
				b[k++] = (char)('0' + (ch >> 6));
			b[k++] = (char)('0' + ((ch >> 3) & 7));
		}
		b[k++] = (char)('0' + (ch & 7));
		lt_sb_putn(sb, b, (size_t)k);
	}
}
