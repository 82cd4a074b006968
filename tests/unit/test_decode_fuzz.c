/* The decoders on hostile input: random syscall numbers, arguments and captures (sizes
 * that lie, truncated records, flags in any combination), under every formatting option.
 * Nothing may crash or read outside the capture buffer (run it under ASan to see reads);
 * every formatted line must be a NUL-terminated string of the length the builder says. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_capture.h"
#include "lt_decode.h"
#include "lt_log.h"
#include "lt_syscall.h"

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static uint64_t rnd_arg(void)
{
	switch (rnd() % 6) {
	case 0: return 0;
	case 1: return rnd() % 16;
	case 2: return (uint64_t)-(int64_t)(rnd() % 200);
	case 3: return 0x7ffd00000000ull + rnd() % 0x100000;
	case 4: return 1ull << (rnd() % 64);
	default: return rnd();
	}
}

int main(void)
{
	int bad = 0;
	struct lt_fmt fmts[6] = {
		{ .strsize = 32 }, { .strsize = 4, .hex = 1 }, { .strsize = 0, .hex = 2, .verbose = 1 },
		{ .strsize = 32, .xlat = LT_XLAT_RAW }, { .strsize = 32, .xlat = LT_XLAT_VERBOSE, .verbose = 1 },
		{ .strsize = 32, .show_fd_paths = 1 },
	};
	fmts[5].fds = lt_fdtab_new();
	struct lt_sb sb = { 0 };
	for (int iter = 0; iter < 30000; iter++) {
		/* a capture area exactly as large as what was written into it */
		size_t cap = (size_t)(rnd() % 2048);
		uint8_t *buf = malloc(cap ? cap : 1);
		size_t off = 0;
		unsigned ncaps = 0;
		while (off + sizeof(struct lt_cap) <= cap && rnd() % 8) {
			struct lt_cap c;
			c.arg = (uint8_t)(rnd() % 7);
			c.flags = (uint8_t)rnd();
			c.sub = (uint16_t)(rnd() % 4 == 0 ? LT_CAP_SUB_SELF
					   : rnd() % 3 == 0 ? LT_SUB_ENTRY : rnd() % 40);
			size_t room = cap - off - sizeof c;
			/* sometimes a length that lies */
			c.len = (uint32_t)(rnd() % 5 == 0 ? rnd() : room ? rnd() % (room + 1) : 0);
			memcpy(buf + off, &c, sizeof c);
			size_t data = c.len < room ? c.len : room;
			for (size_t k = 0; k < data; k++)
				buf[off + sizeof c + k] = (uint8_t)rnd();
			off += LT_ALIGN8(sizeof c + data);
			ncaps++;
		}
		struct lt_event ev;
		memset(&ev, 0, sizeof ev);
		ev.type = LT_EV_SYSCALL;
		ev.nr = (int)(rnd() % 480);
		const struct lt_sysent *se = lt_sysent_get((uint64_t)ev.nr);
		ev.name = se ? se->name : "syscall_x";
		for (int i = 0; i < 6; i++)
			ev.args[i] = rnd_arg();
		ev.ret = rnd() % 3 ? (int64_t)(rnd() % 5000) - 4096 : (int64_t)rnd_arg();
		ev.flags = rnd() % 10 == 0 ? LT_EVF_UNFINISHED : 0;
		ev.caps = buf;
		ev.caps_len = cap;
		ev.ncaps = ncaps + (unsigned)(rnd() % 3);
		ev.pid = (uint32_t)(rnd() % 3);
		const struct lt_fmt *f = &fmts[rnd() % 6];
		size_t ends[8];
		lt_sb_reset(&sb);
		int n = lt_format_args(&sb, &ev, f, ends, 8);
		lt_format_ret(&sb, &ev, f);
		if (n < 0 || !sb.p || strlen(sb.p) != sb.len)
			bad++;
		if (f->fds)
			lt_fdtab_update(f->fds, &ev);
		/* signals from random siginfo */
		uint8_t si[128];
		for (int k = 0; k < 128; k++)
			si[k] = (uint8_t)rnd();
		if (rnd() % 2) {
			int32_t signo = (int32_t)(rnd() % 70);
			memcpy(si, &signo, 4);
		}
		struct lt_event sev;
		memset(&sev, 0, sizeof sev);
		sev.type = LT_EV_SIGNAL;
		sev.siginfo = si;
		lt_sb_reset(&sb);
		lt_format_signal(&sb, &sev, f);
		if (!sb.p || strlen(sb.p) != sb.len)
			bad++;
		free(buf);
	}
	/* strace text with unbalanced quotes, brackets and comments */
	static const char *const texts[] = { "", ",", "\"", "\"\\", "[{", "]]}}", "/*", "a, /* , */ b",
					     "\"a\\\"b\", [1, 2], {x=1, y=[2, 3]}", "(((", ",,," };
	for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
		struct lt_event t;
		memset(&t, 0, sizeof t);
		t.type = LT_EV_SYSCALL;
		t.flags = LT_EVF_TEXT;
		t.text_args = texts[k];
		size_t ends[4];
		lt_sb_reset(&sb);
		int n = lt_format_args(&sb, &t, &fmts[0], ends, 4);
		for (int i = 0; i < n && i < 4; i++)
			if (ends[i] > sb.len)
				bad++;
	}
	lt_sb_free(&sb);
	lt_fdtab_free(fmts[5].fds);
	if (bad) {
		fprintf(stderr, "%d malformed results\n", bad);
		return 1;
	}
	printf("ok\n");
	return 0;
}
