/* Helpers shared by the analysis views (--top, --files, --threads, --hist) and --perfetto:
 * one way to get a call's strace-formatted pieces whether it came from a binary log or
 * from strace text. Report side only. */
#ifndef LT_VIEWS_H
#define LT_VIEWS_H

#include <stddef.h>
#include <stdint.h>

#include "lt_names.h"
#include "lt_report.h"

/* lt_format_args, returning at most maxends arguments: when strace's text shows more,
 * the last one holds the rest. */
int lt_view_args(struct lt_sb *sb, const struct lt_event *ev, const struct lt_fmt *fmt,
		 size_t *ends, int maxends);
/* Where argument i starts in sb, given where argument i-1 ended. */
size_t lt_view_arg_start(const struct lt_sb *sb, size_t prev_end);
/* Like lt_format_ret, for every kind of syscall event. */
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

#endif
