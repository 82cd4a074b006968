/* Helpers shared by the views and --perfetto (lt_views.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_hmap.h"
#include "lt_log.h"
#include "lt_mem.h"
#include "lt_views.h"

int lt_view_args(struct lt_sb *sb, const struct lt_event *ev, const struct lt_fmt *fmt,
		 size_t *ends, int maxends)
{
	int n = lt_format_args(sb, ev, fmt, ends, maxends);
	if (ends && n > maxends) { /* strace showed more: the last one holds the rest */
		n = maxends;
		if (n > 0)
			ends[n - 1] = sb->len;
	}
	return n;
}

size_t lt_view_arg_start(const struct lt_sb *sb, size_t prev_end)
{
	size_t i = prev_end;
	if (i < sb->len && sb->p[i] == ',')
		i++;
	while (i < sb->len && sb->p[i] == ' ')
		i++;
	return i;
}

void lt_view_ret(struct lt_sb *sb, const struct lt_event *ev, const struct lt_fmt *fmt)
{
	lt_format_ret(sb, ev, fmt);
	if (ev->flags & LT_EVF_INJECTED)
		lt_sb_puts(sb, " (INJECTED)");
	if (ev->flags & LT_EVF_DELAYED)
		lt_sb_puts(sb, " (DELAYED)");
}

void lt_view_call(struct lt_sb *sb, const struct lt_event *ev, const struct lt_fmt *fmt)
{
	lt_sb_puts(sb, ev->name ? ev->name : "?");
	lt_sb_putc(sb, '(');
	lt_view_args(sb, ev, fmt, NULL, 0);
	lt_sb_puts(sb, ") = ");
	lt_view_ret(sb, ev, fmt);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

size_t lt_view_unquote(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	for (size_t i = 0; i < n && o + 1 < cap; i++) {
		char c = s[i];
		if (c == '\\' && i + 1 < n) {
			char e = s[++i];
			switch (e) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case 'r': c = '\r'; break;
			case 'v': c = '\v'; break;
			case 'f': c = '\f'; break;
			case 'x':
				if (i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
					c = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
					i += 2;
				} else {
					c = 'x';
				}
				break;
			default:
				if (e >= '0' && e <= '7') {
					int v = e - '0';
					for (int k = 0; k < 2 && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7'; k++)
						v = v * 8 + (s[++i] - '0');
					c = (char)v;
				} else {
					c = e; /* \" \\ and anything else: the character itself */
				}
			}
		}
		out[o++] = c;
	}
	if (cap)
		out[o] = 0;
	return o;
}

/* ---- the tracer's own news: notes, lost records ---- */

const char *lt_note_kind(unsigned code)
{
	static const char *const kinds[] = {
		[LT_NOTE_TEXT] = "note", [LT_NOTE_PTRACED] = "ptraced",
		[LT_NOTE_LOG_FULL] = "log_full", [LT_NOTE_SECCOMP] = "seccomp",
		[LT_NOTE_SIGNALS] = "signals", [LT_NOTE_UNTRACED] = "untraced",
	};
	return code < sizeof kinds / sizeof kinds[0] && kinds[code] ? kinds[code] : "note";
}

void lt_view_note_text(struct lt_sb *sb, const struct lt_event *ev)
{
	if (ev->str && ev->str_len)
		lt_sb_escape(sb, ev->str, ev->str_len, 0, NULL);
	else
		lt_sb_puts(sb, lt_note_kind(ev->note_code));
}

void lt_tally_event(struct lt_tally *t, const struct lt_event *ev)
{
	if (ev->type == LT_EV_LOST) {
		int added;
		uint32_t i = lt_hmap_add(&t->pids, ev->pid, &added);
		if (added) {
			t->lost = lt_grow(t->lost, &t->caplost, i + 1, sizeof *t->lost);
			t->lost[i].pid = ev->pid;
			t->lost[i].n = 0;
		}
		t->lost[i].n += ev->lost;
		t->total_lost += ev->lost;
	} else if (ev->type == LT_EV_NOTE) {
		if (t->nnotes++ >= LT_TALLY_NOTES)
			return;
		lt_sb_printf(&t->notes, "libtrace: pid %u: ", ev->pid);
		lt_view_note_text(&t->notes, ev);
		lt_sb_putc(&t->notes, '\n');
	}
}

void lt_tally_print(struct lt_tally *t, FILE *out)
{
	if (t->total_lost) {
		fprintf(out, "libtrace: %llu record%s lost (", (unsigned long long)t->total_lost,
			t->total_lost == 1 ? "" : "s");
		for (size_t i = 0; i < t->pids.n; i++)
			fprintf(out, "%spid %u: %llu", i ? ", " : "", t->lost[i].pid,
				(unsigned long long)t->lost[i].n);
		fputs(")\n", out);
	}
	if (t->notes.len)
		fputs(t->notes.p, out);
	if (t->nnotes > LT_TALLY_NOTES)
		fprintf(out, "libtrace: %zu more notes\n", t->nnotes - LT_TALLY_NOTES);
	lt_hmap_free(&t->pids);
	free(t->lost);
	lt_sb_free(&t->notes);
	memset(t, 0, sizeof *t);
}
