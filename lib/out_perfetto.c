/* Placeholder: Perfetto protobuf output (issue 5) lands here. */
#include "lt_report.h"

static int begin(struct lt_report *r, void **state)
{
	(void)r; (void)state;
	fputs("libtrace-report: --perfetto is not implemented yet\n", stderr);
	return -1;
}
const struct lt_output lt_out_perfetto = { "perfetto", begin, 0, 0 };
