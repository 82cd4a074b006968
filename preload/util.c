/* Freestanding helpers for the shim. They touch no libc state (no errno, no locale, no
 * stdio buffers) and no TLS, so they are safe in signal handlers, in threads created by
 * raw clone before TLS exists, and in vfork children. */
#include <stdarg.h>
#include <stddef.h>
#include <sys/syscall.h>

#include "shim.h"

size_t lt_strlen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

void *lt_memcpy(void *d, const void *s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;
	while (n--)
		*dp++ = *sp++;
	return d;
}

void *lt_memset(void *d, int c, size_t n)
{
	unsigned char *dp = d;
	while (n--)
		*dp++ = (unsigned char)c;
	return d;
}

int lt_strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

struct lt_out {
	char *buf;
	size_t size; /* capacity including the NUL */
	size_t len;  /* characters produced, even past the capacity (like snprintf) */
};

static void out_c(struct lt_out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void out_s(struct lt_out *o, const char *s)
{
	while (*s)
		out_c(o, *s++);
}

static void out_u(struct lt_out *o, unsigned long v, unsigned base)
{
	char tmp[24];
	int i = 0;
	do {
		tmp[i++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (i)
		out_c(o, tmp[--i]);
}

static void out_d(struct lt_out *o, long v)
{
	if (v < 0) {
		out_c(o, '-');
		/* Negate as unsigned so LONG_MIN does not overflow. */
		out_u(o, 0ul - (unsigned long)v, 10);
	} else {
		out_u(o, (unsigned long)v, 10);
	}
}

static int lt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct lt_out o = { buf, size, 0 };
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			out_c(&o, *fmt);
			continue;
		}
		fmt++;
		int lng = 0;
		if (*fmt == 'l') {
			lng = 1;
			fmt++;
		}
		switch (*fmt) {
		case 's': {
			const char *s = va_arg(ap, const char *);
			out_s(&o, s ? s : "(null)");
			break;
		}
		case 'd':
			out_d(&o, lng ? va_arg(ap, long) : va_arg(ap, int));
			break;
		case 'u':
			out_u(&o, lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 10);
			break;
		case 'x':
			out_u(&o, lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 16);
			break;
		case 'p':
			out_s(&o, "0x");
			out_u(&o, (unsigned long)va_arg(ap, void *), 16);
			break;
		case 'c':
			out_c(&o, (char)va_arg(ap, int));
			break;
		case '%':
			out_c(&o, '%');
			break;
		case '\0':
			fmt--; /* a lone trailing '%': stop at the NUL */
			break;
		default:
			/* Unknown conversion: show it rather than misread the va_list. */
			out_c(&o, '%');
			out_c(&o, *fmt);
			break;
		}
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int lt_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = lt_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

void lt_warn(const char *fmt, ...)
{
	/* One write, so the line never interleaves with the program's own stderr output. */
	char buf[512];
	static const char prefix[] = "libtrace: ";
	size_t p = sizeof(prefix) - 1;
	lt_memcpy(buf, prefix, p);
	va_list ap;
	va_start(ap, fmt);
	int n = lt_vsnprintf(buf + p, sizeof(buf) - p - 1, fmt, ap);
	va_end(ap);
	size_t len = p + ((size_t)n < sizeof(buf) - p - 2 ? (size_t)n : sizeof(buf) - p - 2);
	buf[len++] = '\n';
	lt_sys3(SYS_write, 2, buf, len);
}
