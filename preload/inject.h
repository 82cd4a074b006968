/* Fault injection, strace's -e inject= and -e fault=, in the native backend.
 *
 * Rules come from LIBTRACE_INJECT (read once, at load) and from libtrace_inject(); they
 * are parsed into static tables (inject.c), so the hooks below cost one load while no rule
 * is in force. Both paths that perform a traced call (the trap handler and the interposed
 * wrappers) go through LT_INJECT, and nothing else: one hook each. See docs/inject.md. */
#ifndef LT_INJECT_H
#define LT_INJECT_H

#include <stdint.h>

#include "shim.h"

/* What the rules say about one call (lt_inject_check fills it). */
struct lt_inject_action {
	uint16_t marks;         /* for the record's h.flags: LT_SC_INJECTED, LT_SC_DELAYED */
	int skip;               /* the call is not made: ret is its result */
	int signo;              /* raised in the calling thread after the call, or 0 */
	int64_t ret;            /* -errno (error=) or the value (retval=), if skip */
	uint64_t delay_exit_ns; /* slept after the call (delay_enter is slept before) */
};

/* Nonzero while some rule is in force. */
extern volatile int lt_inject_live LT_HIDDEN;

/* Before a call: counts it for every rule whose set holds nr, and if some rule fires for
 * this invocation fills *out, sleeps its delay_enter and returns 1; else returns 0. */
int lt_inject_check(unsigned nr, const uint64_t args[6], struct lt_inject_action *out) LT_HIDDEN;
/* After a call that lt_inject_check fired on (made or not): delay_exit, then signal. */
void lt_inject_after(const struct lt_inject_action *act) LT_HIDDEN;

/* The hook: the value of CALL (an expression that performs syscall NR with ARGS), or what
 * the rules put in its place; adds to *FLAGSP (the record's h.flags) LT_SC_INJECTED when
 * the call was not made and LT_SC_DELAYED when it was delayed, as strace marks them. CALL
 * is evaluated once, or not at all when the call is not made. */
#define LT_INJECT(nr, args, flagsp, call)                                                   \
	__extension__({                                                                     \
		struct lt_inject_action lt_ia_;                                             \
		int lt_ik_ = __builtin_expect(lt_inject_live, 0)                            \
				     ? lt_inject_check((nr), (args), &lt_ia_) : 0;          \
		long lt_ir_ = lt_ik_ && lt_ia_.skip ? (long)lt_ia_.ret : (long)(call);      \
		if (lt_ik_) {                                                               \
			*(flagsp) |= lt_ia_.marks;                                          \
			lt_inject_after(&lt_ia_);                                           \
		}                                                                           \
		lt_ir_;                                                                     \
	})

/* Makes the rules in force their first KEEP, followed by RULES (one rule, or several
 * separated by ';'; NULL: none), all or nothing; with DRY only checks RULES. 0 or -errno:
 * -EINVAL (a bad rule) or -ENOSPC (more than LT_INJECT_MAX), with the reason for
 * libtrace_inject_error(); -EBUSY (another thread is changing the rules this instant). */
int lt_inject_set_rules(const char *rules, unsigned keep, int dry) LT_HIDDEN;
#define LT_INJECT_MAX 16

#endif
