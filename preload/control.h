/* The control plane's internal interface, between its files (control*.c), util.c and
 * strace_backend.c; the rest of the shim needs only shim.h.
 *
 *   control_env.c      the environment, read once at load; what descendants inherit
 *   control_rundir.c   the run directory: its name, its creation, its checks
 *   control_signals.c  the start/stop signals: parsing, handler, installation
 *   control_report.c   the report started at the root's exit
 *   control.c          the window state machine, the public API, fork, exit, load
 */
#ifndef LT_CONTROL_H
#define LT_CONTROL_H

#include "shim.h"

/* A dirfd no descriptor can have. The shim passes it to calls it makes while strace may
 * be watching (readlinkat with an absolute path ignores it), so the strace backend can
 * recognise them and drop them from the trace. */
#define LT_TAG_FD (-19540)

/* ---- control.c ---- */

/* The caller's pid, by a tagged readlink of /proc/self (plain getpid if /proc is
 * missing), so it never shows in a strace-backend trace. */
int lt_quiet_getpid(void) LT_HIDDEN;
/* The pid of the run's root, and of the process this memory belongs to. */
extern int lt_root_pid LT_HIDDEN;
extern int lt_self_pid LT_HIDDEN;
/* 1 while a start/stop runs from the start/stop signal's handler. */
extern volatile int lt_in_signal LT_HIDDEN;
/* The backend in use, or NULL (none usable: signals and the API answer ENOSYS). */
extern const struct lt_backend *lt_active_backend LT_HIDDEN;
/* Opens (on 1) or closes (on 0) a window in every thread; 0 or -errno. Safe in a signal
 * handler of any thread. from_signal: called by the start/stop signal's handler. */
int lt_control_set(int on, int from_signal) LT_HIDDEN;

/* ---- control_env.c ---- */

/* Reads the LIBTRACE_* settings into lt_cfg (quiet: no warnings, a descendant's case:
 * the root already warned). At load only (getenv). */
void lt_read_config(int quiet) LT_HIDDEN;
/* getenv, but NULL for an empty value. At load only. */
const char *lt_getenv(const char *name) LT_HIDDEN;
/* S as a decimal number no greater than max: 0, or -1 if it is not one. */
int lt_parse_uint(const char *s, unsigned long max, unsigned long *out) LT_HIDDEN;
/* PATH (relative) made absolute against the cwd in OUT: 0 or -1 (too long, no cwd). */
int lt_absolute_path(const char *path, char *out, size_t size) LT_HIDDEN;
/* Makes relative LD_PRELOAD entries naming the shim absolute for descendants. */
void lt_preload_absolute(void) LT_HIDDEN;
/* Sets NAME=VALUE in environ for descendants, without malloc (constructor only); returns
 * the value's characters, which may be rewritten in place later (same length), or NULL. */
char *lt_env_set(const char *name, const char *value) LT_HIDDEN;

/* ---- control_signals.c ---- */

/* Parses LIBTRACE_SIGNALS (NULL: the default USR1,USR2) into lt_cfg.sig_start/sig_stop,
 * warning (unless quiet) and keeping the default when it is bad. */
void lt_parse_signals(const char *v, int quiet) LT_HIDDEN;
/* Installs the start/stop handler on lt_cfg.sig_start and sig_stop. */
void lt_signals_install(void) LT_HIDDEN;

/* ---- control_rundir.c ---- */

/* Names this run's directory in lt_cfg.run_dir (the root, at load), after checking (or
 * making, 0700) the directory it goes in. Creates nothing else. 0 or -1 (warned). */
int lt_run_dir_name(void) LT_HIDDEN;
/* Makes the run directory (lt_cfg.run_dir) if no process of the run has yet, or checks
 * the one that exists: called when a window first opens in a process. Safe in a signal
 * handler; its calls are tagged (LT_TAG_FD). 0 or -errno (warned: tracing off). */
int lt_run_dir_ensure(void) LT_HIDDEN;
/* The uid owning the directory RUN_DIR goes in (LIBTRACE_DIR, checked private by the
 * run's root): the run's user, whatever the environment says. >= 0, or -errno. */
int lt_run_dir_owner(const char *run_dir) LT_HIDDEN;
/* Moves the logs of processes that gave up root (uid-<N>/) into the run directory. */
void lt_run_dir_merge(void) LT_HIDDEN;
/* 1 if the run directory holds something for the report to read. */
int lt_run_has_logs(void) LT_HIDDEN;

/* ---- control_report.c ---- */

/* The root's exit: formats the run's logs with libtrace-report (to LIBTRACE_REPORT_FILE
 * or stderr) and waits for it. Safe in the native backend's SIGSYS handler. */
void lt_report_run(void) LT_HIDDEN;

/* ---- util.c ---- */

/* The message for -errno E in warnings (a few common ones; "error" otherwise). */
const char *lt_errname(long e) LT_HIDDEN;

/* Starts PATH as a new process with raw syscalls (safe in a signal handler or a thread
 * without TLS). In the child: every signal back to its default and unblocked, fds 0/1/2
 * from fd_in/fd_out/fd_err (-1: /dev/null), everything else closed, optionally a new
 * session, and if gate_rfd >= 0 it waits for EOF on it before exec (the parent closes
 * gate_wfd when ready). Not detached: our child, reaped with wait4(pid, ..., __WALL);
 * once exec'd it is an ordinary child (SIGCHLD, visible to wait(-1)), so block signals
 * around it. Detached: a child of init (double fork), for a process that outlives the
 * moment; wait for it with a pidfd. Detached with reap: a keeper (a copy of this
 * process, in a session of its own, its signals at their defaults, every descriptor
 * closed) stays the child's parent and, once the child has exited, calls
 * reap(status, origin_gone), origin_gone telling whether the process that called
 * lt_spawn has exited meanwhile; then the keeper exits. Returns the pid or -errno. */
struct lt_spawn {
	const char *path;
	char *const *argv;
	char *const *envp;
	int fd_in, fd_out, fd_err;
	int setsid;
	int detach;
	int gate_rfd, gate_wfd;
	void (*reap)(int status, int origin_gone);
};
long lt_spawn(const struct lt_spawn *sp) LT_HIDDEN;

#endif
