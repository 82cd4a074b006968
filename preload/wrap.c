/* The native backend's fast path: interposed libc wrappers (see libtrace.map). */
#include "native.h"

void lt_wrap_init(void)
{
}
