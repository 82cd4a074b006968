/* Signal names: see lt_signal.h. */
#include "lt_signal.h"
#include "lt_name.h"

const char lt_signal_names[LT_SIGNAL_NAMED_MAX + 1][8] = {
	"",     "HUP",  "INT",    "QUIT", "ILL",  "TRAP", "ABRT",   "BUS",
	"FPE",  "KILL", "USR1",   "SEGV", "USR2", "PIPE", "ALRM",   "TERM",
	"STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",   "URG",
	"XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO",  "PWR",    "SYS",
};

int lt_signal_by_name(const char *name, size_t len)
{
	static const struct { char name[8]; int sig; } aliases[] = { { "IOT", 6 }, { "POLL", 29 } };
	if (len > 3 && lt_name_is(name, 3, "SIG", 1)) {
		name += 3;
		len -= 3;
	}
	for (int s = 1; s <= LT_SIGNAL_NAMED_MAX; s++)
		if (lt_name_is(name, len, lt_signal_names[s], 1))
			return s;
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (lt_name_is(name, len, aliases[i].name, 1))
			return aliases[i].sig;
	return 0;
}
