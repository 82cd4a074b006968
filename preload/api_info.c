/* Read-only facts about the run for the public API (include/libtrace.h). */
#include <stddef.h>

#include "libtrace.h"
#include "shim.h"

__attribute__((visibility("default"))) const char *libtrace_run_dir(void)
{
	return lt_cfg.enabled && lt_cfg.run_dir[0] ? lt_cfg.run_dir : 0;
}
