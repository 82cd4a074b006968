/* Flags of lt_wrap_call (native.c), for the interposed wrappers (wrap.c). */
#ifndef LT_WRAP_H
#define LT_WRAP_H

#define LT_WF_CANCEL 1   /* a cancellation point, as in libc */
#define LT_WF_INDIRECT 2 /* captures through request codes or nested pointers: read safely */

#include "shim.h"

/* Called in the parent before it makes a child that shares its memory but is not a
 * thread (CLONE_VM without CLONE_THREAD; the trap path's raw clone, clone3): from then
 * on the interposed wrappers check that the TLS block they run on is the caller's, so
 * the child never records into the parent's state. glibc's clone() is interposed and
 * calls it itself. */
void lt_wrap_vm_clone(void) LT_HIDDEN;

#endif
