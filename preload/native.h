/* Internals shared by the native backend's files. */
#ifndef LT_NATIVE_H
#define LT_NATIVE_H

#include <stddef.h>
#include <stdint.h>

#include "shim.h"

void lt_clock_init(void) LT_HIDDEN;
int lt_clock_in_vdso(uintptr_t ip) LT_HIDDEN;

#endif
