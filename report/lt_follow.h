/* --follow: the events of a run that is still being written, as they are published, in
 * time order (report/follow.c). Report side only. */
#ifndef LT_FOLLOW_H
#define LT_FOLLOW_H

#include <signal.h>

#include "lt_event.h"

/* Calls each(ctx, ev) once for every event of the logs under dir (a file, a run directory,
 * or a directory of runs, as lt_reader_add takes them), while they are written, and each(ctx, NULL) after each
 * pass (a moment to flush). Ends after
 * a last complete pass once *stop is set (by a signal handler); returns what each returned
 * if that was negative, else the number of inputs reported bad in the last pass. */
int lt_follow(const char *dir, int (*each)(void *ctx, const struct lt_event *ev), void *ctx,
	      volatile sig_atomic_t *stop);

#endif
