/* The report's one naming model for processes and threads: every output that labels one
 * (--tef, --perfetto, --threads, the notes) asks here, so the same process has the same
 * name everywhere. Fed LT_EV_PROCESS and LT_EV_THREAD events in time order. Names come
 * from the traced program (argv, comm): every label is escaped as strace escapes strings
 * (lt_sb_escape), so no terminal escape reaches a screen. Report side only. */
#ifndef LT_NAMES_H
#define LT_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "lt_event.h"

struct lt_names;

struct lt_names *lt_names_new(void);
void lt_names_free(struct lt_names *n);
/* Feeds one event; returns 1 if a label of its process or thread changed. A fork starts
 * with its parent's names (the child runs the parent's program until it execs); an exec
 * (or a log's process record) brings the new command line. */
int lt_names_event(struct lt_names *n, const struct lt_event *ev);
/* A process seen to be created by parent (a clone's result) before its own process
 * event: it takes the parent's names if it has none. Returns 1 if that changed any. */
int lt_names_fork(struct lt_names *n, uint32_t child, uint32_t parent);

/* The process: its command line joined by spaces ("sh -c ls /etc | wc -l"), else its
 * main thread's name, else "pid N". */
const char *lt_names_process(struct lt_names *n, uint32_t pid);
/* Its program: argv[0]'s last component ("sh"), else the main thread's name, else "". */
const char *lt_names_program(struct lt_names *n, uint32_t pid);
/* The thread: its own name (comm), else its program's, else "tid N". */
const char *lt_names_thread(struct lt_names *n, uint32_t pid, uint32_t tid);
/* The raw command line, argv NUL-separated (not escaped: for formats that carry argv as
 * data, like Perfetto's cmdline); NULL if unknown. */
const char *lt_names_cmdline(const struct lt_names *n, uint32_t pid, size_t *len);
/* The parent, if the trace says (a fork's process event); 0 otherwise. */
uint32_t lt_names_parent(const struct lt_names *n, uint32_t pid);

#endif
