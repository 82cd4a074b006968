/* Signal names, shared by the shim (LIBTRACE_SIGNALS, inject's signal=) and the report:
 * the standard signals 1..31 by number, as strace names them without the SIG prefix.
 * No libc needed. */
#ifndef LT_SIGNAL_H
#define LT_SIGNAL_H

#include <stddef.h>

#define LT_SIGNAL_NAMED_MAX 31

/* Arrays, not pointers: no relocation for every traced process to pay at load. Row 0 is "". */
extern const char lt_signal_names[LT_SIGNAL_NAMED_MAX + 1][8];

/* The number of the standard signal named by the LEN bytes at NAME, with or without the
 * SIG prefix, in any case (also IOT and POLL, aliases of ABRT and IO); 0 if unknown.
 * Real-time signals (RTMIN+n) are the caller's: their numbers are libc's to choose. */
int lt_signal_by_name(const char *name, size_t len);

#endif
