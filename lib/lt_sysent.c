/* The syscall table's data, from the generated header. Linked into shim and report. */
#include "lt_syscall.h"

const struct lt_sysent lt_sysent[LT_NSYSCALLS] = { LT_SYSENT_INIT };
