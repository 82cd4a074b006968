/* Internal interface of the shim: configuration (control.c) and backends.
 * Everything here may run in a signal handler, in a thread without TLS, or in a vfork
 * child: no malloc, no stdio, no locks, no errno (use lt_sys*, which return -errno). */
#ifndef LT_SHIM_H
#define LT_SHIM_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include "lt_log.h"

#define LT_HIDDEN __attribute__((visibility("hidden")))

/* Raw syscalls from the shim's allowed region (preload/sys.S); return -errno on error.
 * Every syscall the shim makes goes through these, so Syscall User Dispatch lets them
 * through and no trace ever shows them. */
long lt_syscall6(long nr, long a, long b, long c, long d, long e, long f) LT_HIDDEN;
#define lt_sys0(n) lt_syscall6((n), 0, 0, 0, 0, 0, 0)
#define lt_sys1(n, a) lt_syscall6((n), (long)(a), 0, 0, 0, 0, 0)
#define lt_sys2(n, a, b) lt_syscall6((n), (long)(a), (long)(b), 0, 0, 0, 0)
#define lt_sys3(n, a, b, c) lt_syscall6((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define lt_sys4(n, a, b, c, d) lt_syscall6((n), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define lt_sys5(n, a, b, c, d, e) \
	lt_syscall6((n), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)
#define lt_sys6(n, a, b, c, d, e, f) \
	lt_syscall6((n), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))
/* The signal return trampoline for every handler the shim installs (rt_sigreturn from the
 * allowed region). */
void lt_sigreturn_restorer(void) LT_HIDDEN;
/* Bounds of the allowed region: the section lt_systext. */
extern const char __start_lt_systext[] LT_HIDDEN;
extern const char __stop_lt_systext[] LT_HIDDEN;

enum lt_report_kind { LT_REPORT_TEXT = 0, LT_REPORT_SUMMARY, LT_REPORT_NONE };
enum lt_backend_choice { LT_BACKEND_AUTO = 0 /* LT_BACKEND_NATIVE, LT_BACKEND_STRACE */ };

struct lt_config {
	int enabled;          /* 0: the shim stays off for good (AT_SECURE, bad config) */
	int start;            /* LIBTRACE_START: trace from load */
	int backend;          /* LT_BACKEND_NATIVE or LT_BACKEND_STRACE once resolved */
	int sig_start, sig_stop;
	unsigned strsize;     /* LIBTRACE_STRSIZE */
	int report;           /* enum lt_report_kind */
	int is_root;          /* this process began the run: it formats the report at exit */
	uint32_t log_flags;   /* LT_LOG_F_* for this image's log */
	char run_dir[PATH_MAX];     /* this run's directory: every process of the run logs here */
	char report_file[PATH_MAX]; /* LIBTRACE_REPORT_FILE, or "" for stderr */
	char report_bin[PATH_MAX];  /* libtrace-report next to the shim */
};
extern struct lt_config lt_cfg LT_HIDDEN;

/* A backend. start/stop may be called from a signal handler of any thread. */
struct lt_backend {
	const char *name;
	int (*init)(void);   /* at load: 0, or -errno if unusable here (auto then falls back) */
	int (*start)(void);  /* begin a window in every thread; 0 or -errno */
	int (*stop)(void);   /* end the window, make the log complete on disk; 0 or -errno */
	void (*fini)(int code, int signo); /* the process is exiting: flush, detach */
};
extern const struct lt_backend lt_backend_native LT_HIDDEN;
extern const struct lt_backend lt_backend_strace LT_HIDDEN;
/* native.c: 1 unless the calling thread left tracing for good (ptraced, or its syscall
 * user dispatch the program's): then its exit_group is not trapped, and control.c's exit
 * hooks record the exit. */
int lt_native_sees_exit(void) LT_HIDDEN;

/* control.c: called by a backend when the process is about to exit (exit_group seen, or
 * the destructor): finishes the backend, and in the root process runs the report and
 * waits for it, so the report is out before the parent sees the exit. Idempotent. */
void lt_control_exit(int code, int signo) LT_HIDDEN;
/* control.c: called in the child of a fork (a clone without CLONE_VM) of a traced
 * process (by the native backend's clone handling, or by pthread_atfork): the child is not
 * the root of the run, whatever its parent was. */
void lt_control_forked(void) LT_HIDDEN;
/* control_signals.c: the program installs a handler for SIG (rt_sigaction seen by a
 * backend, before the call is made): if SIG is a control signal, control moves to a free
 * realtime signal first, republished, with a note. Safe in a signal handler. */
void lt_control_signal_wanted(int sig) LT_HIDDEN;
/* control_signals.c: the control plane's latest note for the trace (LT_NOTE_SIGNALS when
 * control moved): its sequence number (0: none yet; a backend writes each number once,
 * in the log of the process it is in), with *code and *text set when nonzero. */
unsigned lt_control_note(uint32_t *code, const char **text) LT_HIDDEN;
/* control.c: 1 while a window is open. */
extern volatile int lt_tracing LT_HIDDEN;
/* control.c: the number of windows opened in this process so far. A thread that blocks
 * every signal never runs the start signal's handler, so it is not armed when a window
 * opens by signal: an interposed call compares this with the number it last saw and, when
 * it changed while lt_tracing is set, arms its thread (one load on the fast path). */
extern volatile unsigned lt_window_seq LT_HIDDEN;
static inline unsigned lt_control_window_seq(void)
{
	return __atomic_load_n(&lt_window_seq, __ATOMIC_ACQUIRE);
}

/* The run directory (control_rundir.c), held open once a window opened in this process:
 * its descriptor (checked still ours, reopened with the same checks if the program closed
 * it), or -1 (warned). Files of the run are created relative to it, never by path. */
int lt_run_dir_fd(void) LT_HIDDEN;
/* openat/unlink of PATH, relative to the held run directory (O_NOFOLLOW) when PATH is
 * "<run_dir>/NAME", else as given; -errno on error. */
long lt_run_dir_openat(const char *path, int flags, int mode) LT_HIDDEN;
long lt_run_dir_unlink(const char *path) LT_HIDDEN;

/* Clock (preload/clock.c): no syscall on the hot path (vDSO, found at init). */
uint64_t lt_now_mono(void) LT_HIDDEN;  /* CLOCK_MONOTONIC ns */
uint64_t lt_now_wall(void) LT_HIDDEN;  /* CLOCK_REALTIME ns */

/* Small freestanding helpers (preload/util.c). */
size_t lt_strlen(const char *s) LT_HIDDEN;
void *lt_memcpy(void *d, const void *s, size_t n) LT_HIDDEN;
void *lt_memset(void *d, int c, size_t n) LT_HIDDEN;
int lt_strcmp(const char *a, const char *b) LT_HIDDEN;
/* Formats into buf (always NUL-terminated); returns the length. %s %d %u %lu %x %lx only. */
int lt_snprintf(char *buf, size_t size, const char *fmt, ...) LT_HIDDEN;
/* Writes "libtrace: <msg>\n" to stderr with one write. */
void lt_warn(const char *fmt, ...) LT_HIDDEN;
/* Calls fn(ctx, dirfd, name) for each entry of the directory at path but "." and "..",
 * until fn returns nonzero; returns that value, 0 after the last entry, or -errno.
 * Raw syscalls and a stack buffer: safe in a signal handler. */
int lt_dir_each(const char *path, int (*fn)(void *ctx, int dfd, const char *name),
		void *ctx) LT_HIDDEN;
/* Reads up to size bytes of a file (raw syscalls); the bytes read or -errno. */
long lt_read_file(const char *path, char *buf, size_t size) LT_HIDDEN;
/* In NUL-terminated "Key:\tvalue" lines (/proc/.../status), the value of key (blanks
 * skipped), or NULL. */
const char *lt_proc_field(const char *text, const char *key) LT_HIDDEN;
/* A name made of decimal digits ("123", as in /proc/self/fd) as a number, else -1. */
long lt_dec_name(const char *s) LT_HIDDEN;

#endif
