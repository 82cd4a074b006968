/* The syscall and kind tables' data, from the generated header. Linked into shim and report. */
#include "lt_syscall.h"
#include "lt_name.h"

const struct lt_kind_info lt_kinds[LT_K__COUNT] = { LT_KINDS_INIT };
const struct lt_sysent lt_sysent[LT_NSYSCALLS] = { LT_SYSENT_INIT };

/* strace's class names (-e trace=%NAME). Names are arrays: no relocations in the shim. */
static const struct { char name[9]; uint32_t bit; } lt_classes[] = {
	{ "file", LT_CLASS_FILE }, { "desc", LT_CLASS_DESC },
	{ "network", LT_CLASS_NETWORK }, { "net", LT_CLASS_NETWORK },
	{ "process", LT_CLASS_PROCESS }, { "signal", LT_CLASS_SIGNAL },
	{ "ipc", LT_CLASS_IPC }, { "memory", LT_CLASS_MEMORY },
	{ "creds", LT_CLASS_CREDS }, { "clock", LT_CLASS_CLOCK },
	{ "stat", LT_CLASS_STAT }, { "lstat", LT_CLASS_LSTAT },
	{ "fstat", LT_CLASS_FSTAT }, { "%stat", LT_CLASS_STAT_LIKE },
	{ "statfs", LT_CLASS_STATFS }, { "fstatfs", LT_CLASS_FSTATFS },
	{ "%statfs", LT_CLASS_STATFS_LIKE }, { "pure", LT_CLASS_PURE },
};

uint32_t lt_class_by_name(const char *name, size_t len)
{
	if (!name)
		return 0;
	/* strace accepts the old names of the first classes without the '%' */
	int pct = len && name[0] == '%';
	if (pct)
		name++, len--;
	for (size_t i = 0; i < sizeof lt_classes / sizeof lt_classes[0]; i++) {
		if (!lt_name_is(name, len, lt_classes[i].name, 0))
			continue;
		if (!pct && !(lt_classes[i].bit & (LT_CLASS_FILE | LT_CLASS_DESC |
						   LT_CLASS_NETWORK | LT_CLASS_PROCESS |
						   LT_CLASS_SIGNAL | LT_CLASS_IPC |
						   LT_CLASS_MEMORY)))
			return 0;
		if (!pct && lt_name_is(name, len, "net", 0))
			return 0;
		return lt_classes[i].bit;
	}
	return 0;
}
