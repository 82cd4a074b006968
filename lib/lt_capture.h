/* What the shim captures behind each argument: the table's kinds decide it, here, so the
 * shim only copies bytes. Linked into the shim: no libc, no allocation, no locks. */
#ifndef LT_CAPTURE_H
#define LT_CAPTURE_H

#include <stddef.h>
#include <stdint.h>

enum lt_cap_phase { LT_PHASE_ENTRY = 0, LT_PHASE_EXIT = 1 };

/* One region to copy. For LT_CAP_STR the copy stops at the first NUL or at len. */
struct lt_cap_req {
	uint8_t arg;
	uint8_t flags;   /* LT_CAP_STR, LT_CAP_EXIT (set by the planner for the exit phase) */
	uint16_t sub;
	uint32_t len;    /* the most to copy */
	uint32_t full;   /* the object's full length when known (>len means truncated); for
			    strings 0 (the copier sets LT_CAP_TRUNC if no NUL within len) */
	uint64_t addr;
};

/* Lists the regions to capture for syscall nr in the given phase. At exit, ret is the raw
 * return; regions that depend on memory the program owns (iovec arrays, msghdr) are
 * planned from read(addr,len) callbacks, which must copy safely (never fault).
 * Returns the number of requests written to out (at most max). */
typedef int (*lt_peek_fn)(void *ctx, uint64_t addr, void *dst, size_t len);
int lt_capture_plan(unsigned nr, const uint64_t args[6], int64_t ret, enum lt_cap_phase phase,
		    unsigned strsize, lt_peek_fn peek, void *ctx, struct lt_cap_req *out, int max);

#define LT_CAP_MAX_REQS 24
#define LT_PATH_CAP 4096 /* paths are captured whole, like strace prints them */

#endif
