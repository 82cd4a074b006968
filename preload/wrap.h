/* Flags of lt_wrap_call (native.c), for the interposed wrappers (wrap.c). */
#ifndef LT_WRAP_H
#define LT_WRAP_H

#define LT_WF_CANCEL 1   /* a cancellation point, as in libc */
#define LT_WF_INDIRECT 2 /* captures through request codes or nested pointers: read safely */

#endif
