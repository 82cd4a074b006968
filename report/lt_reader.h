/* The report's one event reader: binary logs (lib/lt_log.h) and strace text, every thread
 * of every input merged in time order, streaming (memory grows with the number of threads
 * and files, not calls). Report side only. */
#ifndef LT_READER_H
#define LT_READER_H

#include <stddef.h>
#include <stdint.h>

#include "lt_event.h"

struct lt_reader;

struct lt_reader *lt_reader_new(void);
/* Adds a log file, a strace text file, or a directory (every log and strace text file in
 * it, decided by content; a directory holding no logs but run directories, as
 * $LIBTRACE_DIR does, means its most recently changed run). Problems are reported on stderr as one line naming the file and
 * byte offset, and counted; returns -1 if nothing of path could be used. */
int lt_reader_add(struct lt_reader *r, const char *path);
/* The next event in time order: 1, or 0 when every input is exhausted. The event and
 * everything it points to stay valid until the next call. A bad or truncated input is
 * reported (and counted) when met; what could be read before it is still returned. */
int lt_reader_next(struct lt_reader *r, struct lt_event *ev);
/* How many tasks (threads) the inputs hold, as far as opening them tells: a binary log's
 * threads are known, a strace file written with -f counts as several. For strace -f's rule
 * of prefixing lines with [pid N] when there are several tasks, decided up front. */
unsigned lt_reader_ntasks(const struct lt_reader *r);
/* Inputs reported bad or truncated so far. */
unsigned lt_reader_errors(const struct lt_reader *r);
void lt_reader_free(struct lt_reader *r);

/* Per-thread reorder window: records of one thread may be written out of entry-time order
 * (a signal handler's calls are written before the call they interrupted), by at most this
 * many records for the reader to restore entry order. */
#define LT_READER_WINDOW 64

/* ---- strace text (report/strace_parse.c) ---- */

struct lt_strace;

/* file names the input in messages; pid is used for lines without a pid prefix (0 if
 * unknown); day_ns is the wall time of the local midnight that -t/-tt times count from. */
struct lt_strace *lt_strace_new(const char *file, uint32_t pid, uint64_t day_ns);
/* Feeds one line (without its newline) found at byte offset off. Returns 0, or -1 if the
 * line is not strace output (reported once per input, then counted only). */
int lt_strace_feed(struct lt_strace *p, const char *line, size_t len, uint64_t off);
/* Marks the end of input: calls still waiting for their "resumed" line come out as
 * unfinished. */
void lt_strace_eof(struct lt_strace *p);
/* Takes the next complete event, in the order strace finished them: 1 or 0 (none ready).
 * The event stays valid until the next lt_strace_pop or lt_strace_free. */
int lt_strace_pop(struct lt_strace *p, struct lt_event *ev);
/* Lines that were not strace output. */
unsigned long lt_strace_bad_lines(const struct lt_strace *p);
void lt_strace_free(struct lt_strace *p);
/* Does this look like strace output (the first line parses)? */
int lt_strace_detect(const char *buf, size_t len);

#endif
