/* The syscall and kind tables' data, from the generated header. Linked into shim and report. */
#include "lt_syscall.h"

const struct lt_kind_info lt_kinds[LT_K__COUNT] = { LT_KINDS_INIT };
const struct lt_sysent lt_sysent[LT_NSYSCALLS] = { LT_SYSENT_INIT };
