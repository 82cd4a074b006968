/* The syscall table: one entry per x86-64 syscall number, generated at build time from
 * lib/syscalls.tbl (scripts/gen-syscalls.py). Shared by the shim (what to capture) and
 * the report (names, classes, how to print). No libc needed to use it. */
#ifndef LT_SYSCALL_H
#define LT_SYSCALL_H

#include <stdint.h>

/* Class bits, as strace's -e trace=%NAME. */
#define LT_CLASS_FILE (1u << 0)
#define LT_CLASS_DESC (1u << 1)
#define LT_CLASS_NETWORK (1u << 2)
#define LT_CLASS_PROCESS (1u << 3)
#define LT_CLASS_SIGNAL (1u << 4)
#define LT_CLASS_IPC (1u << 5)
#define LT_CLASS_MEMORY (1u << 6)
#define LT_CLASS_CREDS (1u << 7)
#define LT_CLASS_CLOCK (1u << 8)
#define LT_CLASS_STAT (1u << 9)
#define LT_CLASS_LSTAT (1u << 10)
#define LT_CLASS_FSTAT (1u << 11)
#define LT_CLASS_STAT_LIKE (1u << 12)
#define LT_CLASS_STATFS (1u << 13)
#define LT_CLASS_FSTATFS (1u << 14)
#define LT_CLASS_STATFS_LIKE (1u << 15)
#define LT_CLASS_PURE (1u << 16)

#define LT_LEN_NONE (-1)
#define LT_LEN_RET 6 /* the length is the return value */

#include "lt_sysent_gen.h" /* generated: enum lt_kind, LT_NSYSCALLS */

struct lt_sysent {
	/* Names are arrays, not pointers: a table of ~3,000 string pointers would cost every
	 * traced process that many relocations and ~10 page faults at load. */
	char name[24];        /* "": no syscall has this number */
	uint32_t classes;     /* LT_CLASS_* */
	uint8_t nargs;
	uint8_t ret;          /* enum lt_kind of the return value */
	uint8_t kind[6];      /* enum lt_kind per argument */
	int8_t len[6];        /* sized kinds: index of the argument holding the length,
				 LT_LEN_RET, or LT_LEN_NONE */
	char argname[6][16];
};

extern const struct lt_sysent lt_sysent[LT_NSYSCALLS];

/* NULL for numbers outside the table or without a syscall. */
static inline const struct lt_sysent *lt_sysent_get(uint64_t nr)
{
	if (nr >= LT_NSYSCALLS || !lt_sysent[nr].name[0])
		return 0;
	return &lt_sysent[nr];
}

/* Report side only (uses string compares): number for a name, or -1. */
int lt_sysent_lookup(const char *name);
/* Report side only: class bit for "file", "%file", "network", "net", ...; 0 if unknown. */
uint32_t lt_class_lookup(const char *name);

#endif
