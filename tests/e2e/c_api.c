/* The public API: traces one region of itself. Runs the same without the shim (the API's
 * weak references are then NULL and the macros do nothing). */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "libtrace.h"

int main(void)
{
	int a0 = LIBTRACE_ACTIVE();
	access("/lt-api-outside-1", F_OK);
	errno = EDOM;
	int s = LIBTRACE_START();
	int kept = errno == EDOM;
	int a1 = LIBTRACE_ACTIVE();
	access("/lt-api-inside", F_OK);
	int p = LIBTRACE_STOP();
	int a2 = LIBTRACE_ACTIVE();
	access("/lt-api-outside-2", F_OK);
	printf("shim=%d active0=%d start=%d active1=%d stop=%d active2=%d errno_kept=%d\n",
	       libtrace_start != NULL, a0, s, a1, p, a2, kept);
	return 0;
}
