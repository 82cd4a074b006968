/* The report's one descriptor model: per process, what each descriptor refers to (a path,
 * or an anonymous object such as a pipe) and whether it is close-on-exec, and the working
 * directory. -y (the decoders), --files and every other view read it; the report's main
 * loop feeds it every event, after the outputs have seen that event. Report side only.
 *
 * What it follows: opens (open, openat, openat2, creat, open_by_handle_at), dup, dup2,
 * dup3, fcntl F_DUPFD/F_DUPFD_CLOEXEC/F_SETFD, ioctl FIOCLEX/FIONCLEX, close, close_range,
 * pipe/pipe2/socketpair, every other call that returns a descriptor (socket, accept,
 * eventfd...: anonymous), chdir/fchdir, descriptors open before tracing began (LT_EV_FD),
 * a fork (the child starts with a copy of its parent's table and working directory) and an
 * exec (close-on-exec descriptors are gone). Events from strace text carry the same
 * numbers and captures as those from a log (the parser makes them), so both are followed
 * the same way. */
#ifndef LT_FDTAB_H
#define LT_FDTAB_H

#include <stddef.h>
#include <stdint.h>

#include "lt_event.h"

struct lt_fdtab;

struct lt_fdtab *lt_fdtab_new(void);
void lt_fdtab_free(struct lt_fdtab *t);
/* Feeds one event, in time order. */
void lt_fdtab_update(struct lt_fdtab *t, const struct lt_event *ev);

/* What descriptor fd of process pid refers to: a path, or (with *anon set) a label for an
 * anonymous object ("<pipe>", "<socket>"...); NULL if the trace does not tell. */
const char *lt_fdtab_get(const struct lt_fdtab *t, uint32_t pid, int64_t fd, int *anon);
/* What the descriptor a successful call returns will refer to: the same answer
 * lt_fdtab_get gives for it once the event was fed. Call before feeding the event. */
const char *lt_fdtab_new_fd(struct lt_fdtab *t, const struct lt_event *ev, int *anon);
/* The path argument path_arg of a call (captured), made absolute when it is relative to
 * a directory the trace knows (the descriptor in dirfd_arg, -1 for none, or the working
 * directory), into out (reset first). Returns 0, or -1 if the path was not captured. */
int lt_fdtab_path_arg(const struct lt_fdtab *t, const struct lt_event *ev, int dirfd_arg,
		      int path_arg, struct lt_sb *out);

/* -y: appends "<path>" for a descriptor whose path is known, escaped as strace escapes it
 * (hex: -x, -xx); nothing otherwise. */
void lt_fdtab_put(struct lt_sb *sb, const struct lt_fdtab *t, uint32_t pid, int64_t fd, int hex);
/* The working directory of processes whose chdir the trace has not seen (the launcher's
 * --cwd: where the command started). */
void lt_fdtab_set_start_cwd(struct lt_fdtab *t, const char *dir);
/* -y for AT_FDCWD: "<cwd>" when the working directory is known. */
void lt_fdtab_put_cwd(struct lt_sb *sb, const struct lt_fdtab *t, uint32_t pid, int hex);
/* -y for a call's return value: the descriptor it made. */
void lt_fdtab_put_new(struct lt_sb *sb, struct lt_fdtab *t, const struct lt_event *ev,
		      int hex);

#endif
