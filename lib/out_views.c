/* Placeholder: --top, --files, --threads, --hist (issue 5) land here. */
#include "lt_report.h"

static int begin(struct lt_report *r, void **state)
{
	(void)r; (void)state;
	fputs("libtrace-report: this view is not implemented yet\n", stderr);
	return -1;
}
const struct lt_output lt_out_top = { "top", begin, 0, 0 };
const struct lt_output lt_out_files = { "files", begin, 0, 0 };
const struct lt_output lt_out_threads = { "threads", begin, 0, 0 };
const struct lt_output lt_out_hist = { "hist", begin, 0, 0 };
