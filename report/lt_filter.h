/* The report's event filters (-e trace=, -e status=/-z/-Z, -e signal=, -P, -p,
 * --since/--until), applied once by the reader loop so every output sees the same events;
 * and the number sets strace's -e signal=, read= and write= take. Report side only. */
#ifndef LT_FILTER_H
#define LT_FILTER_H

#include <stddef.h>
#include <stdint.h>

#include "lt_report.h"

struct lt_filter;

/* Parses o->trace_expr (strace syntax: "NAME,...", "%file", "!NAME", "/REGEX", "all"),
 * o->signal_expr and o->paths. On a bad expression returns NULL with a message in err. */
struct lt_filter *lt_filter_new(const struct lt_report_opts *o, char *err, size_t errlen);
/* 1 if the event should reach the outputs. r->first_ts_ns must be set. */
int lt_filter_pass(struct lt_filter *f, const struct lt_report *r, const struct lt_event *ev);
void lt_filter_free(struct lt_filter *f);
/* -n: the number of the last call task tid made, shown or not (strace prints it on the
 * task's signal and exit lines too); -1 if none was seen. */
int lt_filter_last_nr(const struct lt_filter *f, uint32_t tid);

/* strace's -e status= values, the bits of lt_report_opts.status_mask */
#define LT_STATUS_SUCCESSFUL 1u
#define LT_STATUS_FAILED 2u
#define LT_STATUS_UNFINISHED 4u
#define LT_STATUS_UNAVAILABLE 8u /* strace could not fetch the result: never in a log */
#define LT_STATUS_DETACHED 16u   /* strace detached inside the call (shown unfinished) */
#define LT_STATUS_ALL 31u
/* "successful,failed", "!unfinished", "all", "none" -> *mask; -1 on an unknown word. */
int lt_status_parse(const char *set, unsigned *mask);

/* A set of small numbers as strace's -e signal=, read=, write= give them: "1,3", "!2",
 * "all", "none"; signals also by name (SIGUSR1, USR1). */
#define LT_NUMSET_MAX 1024
struct lt_numset {
	int all, negate;
	uint64_t bits[LT_NUMSET_MAX / 64];
};
/* signals: 1 to accept signal names (and numbers 1..64). -1 with a message in err. */
int lt_numset_parse(struct lt_numset *s, const char *expr, int signals, char *err,
		    size_t errlen);
int lt_numset_has(const struct lt_numset *s, int64_t n);

#endif
