/* Placeholder until the capture planner lands: captures nothing. */
#include "lt_capture.h"
#include "lt_log.h"
#include "lt_syscall.h"

int lt_capture_plan(unsigned nr, const uint64_t args[6], int64_t ret, enum lt_cap_phase phase,
		    unsigned strsize, lt_peek_fn peek, void *ctx, struct lt_cap_req *out, int max)
{
	(void)nr; (void)args; (void)ret; (void)phase; (void)strsize; (void)peek; (void)ctx;
	(void)out; (void)max;
	return 0;
}
