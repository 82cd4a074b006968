/* The native backend's interface to the rest of the shim: the clock, the interposed fast
 * path's bridge (wrap.c), and the single place a traced call is performed (lt_perform),
 * where other parts (fault injection, patched call sites) hook in. The backend's own
 * internals are in native_int.h. Everything here is async-signal-safe. */
#ifndef LT_NATIVE_H
#define LT_NATIVE_H

#include <stddef.h>
#include <stdint.h>
#include <ucontext.h>

#include "shim.h"

struct lt_thread; /* a traced thread's state (native_int.h) */
struct lt_build;  /* the record of the call in flight (native_int.h) */

/* preload/clock.c */
void lt_clock_init(void) LT_HIDDEN;
/* 1 if ip lies in the vDSO (its fallback syscalls are passed through unrecorded). */
int lt_clock_in_vdso(uintptr_t ip) LT_HIDDEN;
/* The program turns the TSC off (PR_SET_TSC), or the vDSO's clock falls back to the
 * syscall anyway: timestamps by syscall from now on. */
void lt_clock_no_tsc(void) LT_HIDDEN;
/* The same if the calling thread has it off already (at arming: inherited). */
void lt_clock_check_thread(void) LT_HIDDEN;

/* The interposed wrappers (wrap.c). lt_wrap_self: the calling thread's state if it is
 * armed and may record through the fast path, else 0 (the wrapper then calls the real
 * function; an armed thread's trap records it). lt_wrap_call: records and performs call
 * nr; wf is LT_WF_* (wrap.h); returns the raw result (-errno on error). */
struct lt_thread *lt_wrap_self(void) LT_HIDDEN;
long lt_wrap_call(struct lt_thread *st, unsigned nr, long a0, long a1, long a2, long a3,
		  long a4, long a5, int wf) LT_HIDDEN;

/* Performs trapped call nr with arguments a for thread st, whose record b is in flight
 * (its entry captured); uc is the trap's frame (the program's registers and signal mask,
 * which rt_sigreturn restores). Returns the call's result (-errno), or LT_NO_RECORD in a
 * fork child. This is the one place a traced call is made on the trap path: a hook that
 * changes what a call does (fault injection) goes here, and the record shows its result. */
long lt_perform(struct lt_thread *st, unsigned nr, const uint64_t a[6], ucontext_t *uc,
		struct lt_build *b) LT_HIDDEN;

#endif
