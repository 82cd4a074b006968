/* Shared by the decoder unit tests: build the syscall event a log would give (captures
 * appended with cap(), then mk()), and compare its strace-style line with EXPECT. */
#ifndef LT_DECODE_FIXTURE_H
#define LT_DECODE_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "lt_capture.h"
#include "lt_decode.h"
#include "lt_log.h"
#include "lt_syscall.h"

static int failures;
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK(%s)\n", __FILE__, __LINE__, #c); failures++; } } while (0)

static uint8_t capbuf[65536];
static size_t caplen;
static unsigned ncaps;

static void cap(int arg, unsigned sub, unsigned flags, const void *data, size_t len)
{
	struct lt_cap c = { (uint8_t)arg, (uint8_t)flags, (uint16_t)sub, (uint32_t)len };
	memcpy(capbuf + caplen, &c, sizeof c);
	memcpy(capbuf + caplen + sizeof c, data, len);
	caplen += LT_ALIGN8(sizeof c + len);
	ncaps++;
}

static struct lt_event mk(const char *name, int64_t ret, uint64_t a0, uint64_t a1, uint64_t a2,
			  uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct lt_event ev;
	memset(&ev, 0, sizeof ev);
	ev.type = LT_EV_SYSCALL;
	ev.nr = lt_sysent_lookup(name);
	ev.name = name;
	uint64_t a[6] = { a0, a1, a2, a3, a4, a5 };
	memcpy(ev.args, a, sizeof a);
	ev.ret = ret;
	ev.caps = capbuf;
	ev.caps_len = caplen;
	ev.ncaps = ncaps;
	return ev;
}

static struct lt_fmt fmt0 = { .strsize = 32 };

/* name(args) = ret, then the captures are reset for the next case */
static void expect_fmt(const struct lt_event *ev, const struct lt_fmt *f, const char *want,
		       int line)
{
	struct lt_sb sb = { 0 };
	lt_sb_puts(&sb, ev->name);
	lt_sb_putc(&sb, '(');
	lt_format_args(&sb, ev, f, NULL, 0);
	lt_sb_puts(&sb, ") = ");
	lt_format_ret(&sb, ev, f);
	if (strcmp(sb.p, want)) {
		fprintf(stderr, "line %d:\n  got  %s\n  want %s\n", line, sb.p, want);
		failures++;
	}
	lt_sb_free(&sb);
	caplen = 0;
	ncaps = 0;
}
#define EXPECT(ev, want) expect_fmt(&(ev), &fmt0, want, __LINE__)
#define EXPECTF(ev, f, want) expect_fmt(&(ev), f, want, __LINE__)

#endif
