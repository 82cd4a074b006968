/* The syscall table: one entry per x86-64 syscall number, generated at build time from
 * lib/syscalls.tbl (scripts/gen-syscalls.py). Shared by the shim (what to capture) and
 * the report (names, classes, how to print). No libc needed to use it. */
#ifndef LT_SYSCALL_H
#define LT_SYSCALL_H

#include <stddef.h>
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

/* struct lt_sysent.flags, from the table's @blocking and @trusted */
#define LT_SYS_F_BLOCKING 1u /* may wait indefinitely (futex: only its WAIT operations) */
#define LT_SYS_F_TRUSTED 2u  /* entry captures are unchanged inputs the call reads in full on
				success: they may be copied after the call */

/* What an argument kind is (struct lt_kind_info, the table's kind lines). */
#define LT_KF_PTR 1u    /* an address */
#define LT_KF_32 2u     /* the value is the register's low 32 bits */
#define LT_KF_SIGNED 4u /* ... and is signed */
enum lt_kind_dir { LT_DIR_NONE, LT_DIR_IN, LT_DIR_OUT, LT_DIR_INOUT, LT_DIR_ENTRY, LT_DIR_COND };
enum lt_kind_print {
	LT_PRINT_DEC, LT_PRINT_UDEC, LT_PRINT_HEX, LT_PRINT_PTR, /* generic, from the flags */
	LT_PRINT_STRUCT, /* lt_decode_struct prints it; a NULL pointer prints NULL */
	LT_PRINT_OWN,    /* its own case in the decoders prints it */
	LT_PRINT_XLAT,   /* a named value; unknown ones in hex with a comment */
	LT_PRINT_XLATD,  /* a named value; unknown ones in decimal */
	LT_PRINT_FLAGS,  /* named bits */
};

struct lt_kind_info {
	uint16_t size; /* bytes of the fixed-size object behind the pointer; 0: none or var */
	uint8_t flags; /* LT_KF_* */
	uint8_t dir;   /* enum lt_kind_dir: when the capture planner copies the object */
	uint8_t print; /* enum lt_kind_print */
};

#include "lt_sysent_gen.h" /* generated: enum lt_kind, LT_KINDS_INIT, LT_NR_*, LT_NSYSCALLS */

extern const struct lt_kind_info lt_kinds[LT_K__COUNT];

/* The argument's value at the kind's width and signedness, widened to 64 bits. */
static inline uint64_t lt_kind_value(int kind, uint64_t v)
{
	unsigned f = lt_kinds[kind].flags;
	if (!(f & LT_KF_32))
		return v;
	return f & LT_KF_SIGNED ? (uint64_t)(int64_t)(int32_t)v : (uint32_t)v;
}

struct lt_sysent {
	/* Names are arrays, not pointers: a table of ~3,000 string pointers would cost every
	 * traced process that many relocations and ~10 page faults at load. */
	char name[24];        /* "": no syscall has this number */
	uint32_t classes;     /* LT_CLASS_* */
	uint8_t nargs;
	uint16_t ret;         /* enum lt_kind of the return value (more than 255 kinds) */
	uint8_t flags;        /* LT_SYS_F_* */
	uint16_t kind[6];     /* enum lt_kind per argument */
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
/* Class bit for the LEN bytes at NAME: "%file", "%network", "%net", ..., or the older
 * spelling without '%' of the first classes ("file", "network"; not "net"); 0 if unknown.
 * Shim and report (no libc). lt_class_lookup: the same for a NUL-terminated name
 * (report side only). */
uint32_t lt_class_by_name(const char *name, size_t len);
uint32_t lt_class_lookup(const char *name);

#endif
