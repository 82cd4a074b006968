/* The report's event filters (-e trace=, -Z, -p, --since/--until), applied once by the
 * reader loop so every output sees the same events. Report side only. */
#ifndef LT_FILTER_H
#define LT_FILTER_H

#include "lt_report.h"

struct lt_filter;

/* Parses o->trace_expr (strace syntax: "NAME,...", "%file", "!NAME", "/REGEX", "all").
 * On a bad expression returns NULL with a message in err. */
struct lt_filter *lt_filter_new(const struct lt_report_opts *o, char *err, size_t errlen);
/* 1 if the event should reach the outputs. r->first_ts_ns must be set. */
int lt_filter_pass(struct lt_filter *f, const struct lt_report *r, const struct lt_event *ev);
void lt_filter_free(struct lt_filter *f);

#endif
