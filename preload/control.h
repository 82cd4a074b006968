/* Between control.c, util.c and strace_backend.c (the control plane and the strace
 * backend); the rest of the shim needs only shim.h. */
#ifndef LT_CONTROL_H
#define LT_CONTROL_H

#include "shim.h"

/* A dirfd no descriptor can have. The shim passes it to calls it makes while strace may
 * be watching (readlinkat with an absolute path ignores it), so the strace backend can
 * recognise them and drop them from the trace. */
#define LT_TAG_FD (-19540)

/* The caller's pid, by a tagged readlink of /proc/self (plain getpid if /proc is
 * missing), so it never shows in a strace-backend trace. */
int lt_quiet_getpid(void) LT_HIDDEN;
/* The pid of the run's root, and of the process this memory belongs to. */
extern int lt_root_pid LT_HIDDEN;
extern int lt_self_pid LT_HIDDEN;
/* 1 while a start/stop runs from the start/stop signal's handler. */
extern volatile int lt_in_signal LT_HIDDEN;

/* Makes the run directory (lt_cfg.run_dir) if no process of the run has yet, or checks
 * the one that exists: called when a window first opens in a process. Safe in a signal
 * handler; its calls are tagged (LT_TAG_FD). 0 or -errno (warned: tracing off). */
int lt_run_dir_ensure(void) LT_HIDDEN;

/* Sets NAME=VALUE in environ for descendants, without malloc (constructor only); returns
 * the value's characters, which may be rewritten in place later (same length), or NULL. */
char *lt_env_set(const char *name, const char *value) LT_HIDDEN;

/* Starts PATH as a new process with raw syscalls (safe in a signal handler or a thread
 * without TLS). In the child: every signal back to its default and unblocked, fds 0/1/2
 * from fd_in/fd_out/fd_err (-1: /dev/null), everything else closed, optionally a new
 * session, and if gate_rfd >= 0 it waits for EOF on it before exec (the parent closes
 * gate_wfd when ready). Not detached: our child, reaped with wait4(pid, ..., __WALL);
 * once exec'd it is an ordinary child (SIGCHLD, visible to wait(-1)), so block signals
 * around it. Detached: a child of init (double fork), for a process that outlives the
 * moment; wait for it with a pidfd. Returns the pid or -errno. */
struct lt_spawn {
	const char *path;
	char *const *argv;
	char *const *envp;
	int fd_in, fd_out, fd_err;
	int setsid;
	int detach;
	int gate_rfd, gate_wfd;
};
long lt_spawn(const struct lt_spawn *sp) LT_HIDDEN;

#endif
