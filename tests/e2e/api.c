/* The public API around a region: calls before libtrace_start() and after libtrace_stop()
 * must not be recorded (when started with LIBTRACE_START=0), the region's must. The
 * region is bracketed by marker calls (faccessat of paths that do not exist) so a test can
 * find it in an strace log. Without the shim the macros do nothing and it runs the same. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "libtrace.h"

int main(void)
{
	int fd = open("/dev/null", O_WRONLY); /* before: not recorded */
	if (fd < 0 || write(fd, "before", 6) != 6)
		return 1;
	int was = LIBTRACE_ACTIVE();
	if (LIBTRACE_START() != 0)
		return 1;
	if (access("/lt-region-begin", F_OK) != -1 || errno != ENOENT)
		return 1;
	for (int i = 0; i < 3; i++)
		if (write(fd, "inside", 6) != 6)
			return 1;
	if (getppid() <= 0)
		return 1;
	int now = LIBTRACE_ACTIVE();
	if (access("/lt-region-end", F_OK) != -1 || errno != ENOENT)
		return 1;
	if (LIBTRACE_STOP() != 0)
		return 1;
	if (write(fd, "after", 5) != 5) /* after: not recorded */
		return 1;
	close(fd);
	/* with the shim, tracing is on inside the region and off after it; without it, the
	 * macros say 0 throughout. The output is the same either way. */
	int after = LIBTRACE_ACTIVE();
	if (libtrace_start ? (now != 1 || after != 0) : (was || now || after)) {
		fprintf(stderr, "api: active %d/%d/%d\n", was, now, after);
		return 1;
	}
	printf("api ok\n");
	return 0;
}
