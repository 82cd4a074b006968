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

#define LIBTRACE_START() (libtrace_start ? libtrace_start() : 0)
#define LIBTRACE_STOP() (libtrace_stop ? libtrace_stop() : 0)
#define LIBTRACE_ACTIVE() (libtrace_active ? libtrace_active() : 0)

#ifdef __cplusplus
}
#endif
#endif
