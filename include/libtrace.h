/* libtrace public API: trace one region of a program.
 *
 *   #include <libtrace.h>      link with nothing; run under LD_PRELOAD=libtrace.so
 *
 * The functions are weak references here, so a program built with this header runs
 * unchanged without the shim: they are then NULL and the macros below do nothing.
 * With the shim loaded they start/stop tracing in every thread of the process, exactly
 * like the start/stop signals. They return 0, or -1 with errno set (ENOSYS: no backend). */
#ifndef LIBTRACE_H
#define LIBTRACE_H

#ifdef __cplusplus
extern "C" {
#endif

int libtrace_start(void) __attribute__((weak));
int libtrace_stop(void) __attribute__((weak));
/* 1 if tracing is on, 0 if off. */
int libtrace_active(void) __attribute__((weak));

/* Fault injection (native backend; docs/inject.md): adds RULES, strace's -e inject= value
 * (SET:error=ERRNO, :retval=N, :signal=SIG, :delay_enter=T, :delay_exit=T, :when=EXPR) or
 * "fault=SET[:error=ERRNO][:when=EXPR]", several separated by ';', to the rules in force;
 * NULL removes them all. Rules act on traced calls: inside a window, in every thread.
 * Returns 0 or -errno (EINVAL: a bad rule, none added; ENOSPC: over 16 rules; EBUSY: another
 * thread is changing the rules; EOPNOTSUPP: strace backend); errno is left alone. */
int libtrace_inject(const char *rules) __attribute__((weak));
/* Checks RULES as libtrace_inject would, changing nothing: 0 or -errno. */
int libtrace_inject_check(const char *rules) __attribute__((weak));
/* How many rules are in force; libtrace_inject_keep(n) keeps the first n (a nested region
 * undoes what it added; the rules kept keep their when= counts). 0 or -errno. */
int libtrace_inject_count(void) __attribute__((weak));
int libtrace_inject_keep(int n) __attribute__((weak));
/* Why the last refused libtrace_inject* call was refused, as one line; "" if none was. */
const char *libtrace_inject_error(void) __attribute__((weak));
/* This run's directory (where the logs go, for libtrace-report), or NULL if the shim is
 * off. The directory exists once a window has opened in some process of the run. */
const char *libtrace_run_dir(void) __attribute__((weak));

#define LIBTRACE_START() (libtrace_start ? libtrace_start() : 0)
#define LIBTRACE_STOP() (libtrace_stop ? libtrace_stop() : 0)
#define LIBTRACE_ACTIVE() (libtrace_active ? libtrace_active() : 0)
#define LIBTRACE_INJECT(rules) (libtrace_inject ? libtrace_inject(rules) : -38 /* ENOSYS */)

#ifdef __cplusplus
}
#endif
#endif
