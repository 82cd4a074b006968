/* The shim's own descriptors (the log, a run directory), hidden from the program: every
 * call that takes a descriptor, on the trap path (native) and in the interposed wrappers
 * (wrap.c), sees one of ours as a number that is not open, exactly as it would untraced
 * (EBADF), and a program that wants the number (dup2 onto it) gets it: ours moves away
 * first. Ours sit at high numbers (lt_fd_high), so the test on the hot path is one
 * comparison against the lowest of them. See docs/log-and-descriptors.md. */
#ifndef LT_FDGUARD_H
#define LT_FDGUARD_H

#include <limits.h>
#include <stdint.h>

#include "shim.h"

#define LT_FDG_MAX 8
/* A number that is never an open descriptor (above any possible fs.nr_open) and has no
 * special meaning to any call: a hidden descriptor argument is replaced by it, so the
 * kernel itself answers as it would for a closed one (EBADF; ignored where the call
 * ignores the argument: mmap with MAP_ANONYMOUS, a dirfd with an absolute path). */
#define LT_FD_INVALID INT_MAX

/* The lowest descriptor of ours (INT_MAX when none): below it nothing is hidden. */
extern int lt_fdg_lo LT_HIDDEN;

/* Moves fd to a high number with close-on-exec (near the soft RLIMIT_NOFILE, at most
 * ~1000, so the descriptor table stays small); returns the new number, or fd if it
 * cannot be moved. */
int lt_fd_high(int fd) LT_HIDDEN;

/* Registers the descriptor in *fdp as the shim's while *livep (when given) is nonzero;
 * *fdp may change later (call lt_fd_guard_changed after) or become -1. If the number is
 * found to name another file (closed behind our back and reused by the program), *fdp is
 * set to -1 and it is the program's again. Idempotent. */
void lt_fd_guard_add(int *fdp, const int *livep) LT_HIDDEN;
/* *fdp of a registered slot changed (a reopened log). */
void lt_fd_guard_changed(int *fdp) LT_HIDDEN;

/* 1 if fd is one of ours: the slow half of lt_fd_guarded. */
int lt_fd_guard_is(int fd) LT_HIDDEN;
static inline int lt_fd_guarded(long fd)
{
	return __builtin_expect(fd >= (long)lt_fdg_lo, 0) && fd <= INT_MAX &&
	       lt_fd_guard_is((int)fd);
}
/* The argument to pass for descriptor fd: LT_FD_INVALID if it is ours, else fd. */
static inline int lt_fd_guard_arg(int fd)
{
	return lt_fd_guarded(fd) ? LT_FD_INVALID : fd;
}
/* The program is about to make fd its own (dup2, dup3 onto it): if fd is ours, ours
 * moves to another number first. */
void lt_fd_guard_target(int fd) LT_HIDDEN;
/* r is a new descriptor from a call that returns the lowest free number >= min (dup,
 * fcntl F_DUPFD*): if one of ours in [min, r) kept the program from getting it, the new
 * descriptor moves there and ours moves away; returns the program's number. */
long lt_fd_guard_lowest(long r, long min) LT_HIDDEN;
/* close_range(first, last, flags) leaving ours open; the call's result. */
long lt_fd_guard_close_range(unsigned first, unsigned last, unsigned flags) LT_HIDDEN;

/* 1 if a directory entry `name` read from dirfd is one of ours in a listing of our own
 * descriptors (/proc/self/fd, fdinfo): readdir's wrapper skips it. */
int lt_fd_guard_dirent(int dirfd, const char *name) LT_HIDDEN;

/* select's nfds (see fdguard.c, "select's reach"). This is the run's first image: its
 * descriptor table, read before our first descriptor, is the program's own (a traced
 * parent's descriptors would have grown an exec'd child's). */
void lt_fd_guard_first_image(void) LT_HIDDEN;
/* If the kernel, with ours open, may read bits [*from, end) of select's sets that it would
 * not read untraced, the end; else 0. Bits there all zero and readable: nfds can stay. */
long lt_fd_guard_select_extra(long nfds, long *from) LT_HIDDEN;
/* The nfds the kernel would take untraced (a scan of the descriptors: the slow case). */
long lt_fd_guard_select_nfds(long nfds) LT_HIDDEN;

/* The trap path's hook, for any syscall nr with arguments a: 1 if the guard made the call
 * itself (its descriptor arguments made safe, or a descriptor of ours moved out of the
 * way); *ret is then its result. 0: make the call as it is. */
int lt_fd_guard_syscall(unsigned nr, const uint64_t a[6], long *ret) LT_HIDDEN;

#endif
