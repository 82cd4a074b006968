/* Helpers shared by the analysis views (--top, --files, --threads, --hist) and --perfetto:
 * one way to get a call's strace-formatted pieces whether it came from a binary log or
 * from strace text. Report side only. */
#ifndef LT_VIEWS_H
#define LT_VIEWS_H

#include <stddef.h>
#include <stdint.h>

#include <stdio.h>

#include "lt_hmap.h"
#include "lt_names.h"
#include "lt_report.h"

/* lt_format_args, returning at most maxends arguments: when strace's text shows more,
 * the last one holds the rest. */
int lt_view_args(struct lt_sb *sb, const struct lt_event *ev, const struct lt_fmt *fmt,
		 size_t *ends, int maxends);
/* Where argument i starts in sb, given where argument i-1 ended. */
size_t lt_view_arg_start(const struct lt_sb *sb, size_t prev_end);
/* The return value as strace prints it after " = ", with " (INJECTED)" after an outcome
 * the tracer injected and " (DELAYED)" after a delayed call, as strace marks them. */
void lt_view_ret(struct lt_sb *sb, const struct lt_event *ev, const struct lt_fmt *fmt);
/* "name(args) = ret", as strace prints it. */
void lt_view_call(struct lt_sb *sb, const struct lt_event *ev, const struct lt_fmt *fmt);

/* A finished call that failed (-4095..-1 in the kernel's convention). */
static inline int lt_view_failed(const struct lt_event *ev)
{
	return !(ev->flags & LT_EVF_UNFINISHED) && ev->ret < 0 && ev->ret >= -4095;
}

/* ns since the first event of the report (the origin of --since/--until). */
static inline uint64_t lt_view_rel(const struct lt_report *r, uint64_t ts)
{
	return r->first_ts_ns && ts >= r->first_ts_ns ? ts - r->first_ts_ns : 0;
}

/* Decodes the body of a strace-quoted string (no quotes; C escapes as strace writes
 * them) into out (NUL-terminated, truncated to cap). Returns the decoded length. */
size_t lt_view_unquote(const char *s, size_t n, char *out, size_t cap);

/* The tracer's own news. A note's text, escaped (it may hold what the program named), or
 * its kind when it has none; the kind's name ("log_full"...) for tools. */
void lt_view_note_text(struct lt_sb *sb, const struct lt_event *ev);
const char *lt_note_kind(unsigned code);

/* Lost records (per process) and notes, for the outputs that print a table at the end (-c
 * and the views): fed every event, printed as "libtrace: ..." lines after the table (at
 * most LT_TALLY_NOTES notes, then a count), then freed. Zeroed means empty. */
#define LT_TALLY_NOTES 20
struct lt_tally {
	struct lt_hmap pids;
	struct { uint32_t pid; uint64_t n; } *lost;
	size_t caplost, nnotes;
	uint64_t total_lost;
	struct lt_sb notes;
};
void lt_tally_event(struct lt_tally *t, const struct lt_event *ev);
void lt_tally_print(struct lt_tally *t, FILE *out);

#endif
