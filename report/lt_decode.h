/* Decoders: strace's notation for one syscall event. Report side only. */
#ifndef LT_DECODE_H
#define LT_DECODE_H

#include "lt_errno.h"
#include "lt_event.h"
#include "lt_fdtab.h" /* -y: the descriptor model */

enum lt_xlat_style { LT_XLAT_ABBREV = 0, LT_XLAT_RAW, LT_XLAT_VERBOSE };

struct lt_socktab; /* per-pid netlink sockets (decode_netlink.c) */

struct lt_fmt {
	unsigned strsize;     /* -s: bytes of strings/buffers shown before "..." (default 32) */
	int hex;              /* -x: 1 non-ASCII as \x, 2 (-xx) everything as \x */
	int verbose;          /* -v: unabbreviated structures and arrays */
	enum lt_xlat_style xlat; /* -X */
	int show_fd_paths;    /* -y */
	struct lt_fdtab *fds; /* the report's descriptor model (-y reads it) */
	struct lt_socktab *socks; /* netlink sockets seen created (lt_decode_observe) */
};

/* Decoders' own state, fed every event in time order, shown or not (before filtering):
 * which descriptors are netlink sockets and of what protocol, as strace asks the kernel.
 * lt_decode_free releases it. */
struct lt_socktab;
void lt_decode_observe(struct lt_fmt *fmt, const struct lt_event *ev);
void lt_decode_free(struct lt_fmt *fmt);

/* Appends the displayed arguments of a syscall event to sb, strace style, separated by
 * ", ". If ends is non-NULL, ends[i] receives the offset in sb just past displayed
 * argument i (up to maxends). Returns the number of displayed arguments. */
int lt_format_args(struct lt_sb *sb, const struct lt_event *ev, const struct lt_fmt *fmt,
		   size_t *ends, int maxends);

/* Appends the return value as strace prints it after " = ": "6", "0x7f12...",
 * "-1 ENOENT (No such file or directory)", "?" for unfinished calls. */
void lt_format_ret(struct lt_sb *sb, const struct lt_event *ev, const struct lt_fmt *fmt);

/* Appends a signal event's body as strace prints it between "--- " and " ---". */
void lt_format_signal(struct lt_sb *sb, const struct lt_event *ev, const struct lt_fmt *fmt);

/* errno messages ("No such file or directory"; the names are lt_errno.h's); NULL if
 * unknown. lt_errno_lookup: the number for a NUL-terminated name, 0 if unknown. */
const char *lt_errno_msg(int err);
int lt_errno_lookup(const char *name); /* 0 if unknown */

/* Signal names ("SIGALRM"); NULL if unknown. */
const char *lt_signal_name(int sig);


/* Finds the capture for (arg, sub) in a syscall event; NULL if absent. */
const struct lt_cap *lt_event_cap(const struct lt_event *ev, int arg, unsigned sub,
				  const uint8_t **data);

#endif
