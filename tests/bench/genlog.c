/* Writes a binary log (lib/lt_log.h) of N syscall records for the report benchmarks:
 * `genlog DIR N` creates DIR/<pid>.ltl with 4 threads and a realistic mix (read and write
 * with captured data, openat with a path, close, mmap, getppid, a failing openat).
 * Deterministic. Uses the report side's writer (tests/support/lt_logwrite.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include "lt_logwrite.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: genlog DIR N\n");
		return 2;
	}
	long n = atol(argv[2]);
	char path[4096];
	mkdir(argv[1], 0700);
	snprintf(path, sizeof path, "%s/4242.ltl", argv[1]);
	struct lt_logw_opts o;
	memset(&o, 0, sizeof o);
	o.pid = 4242;
	o.ppid = 1;
	o.mono_ns = 1000000000ull;
	o.wall_ns = 1700000000000000000ull;
	o.flags = LT_LOG_F_ROOT;
	o.comm = "genlog";
	struct lt_logw *w = lt_logw_open(path, &o);
	if (!w) {
		perror(path);
		return 1;
	}
	uint8_t caps[256];
	uint64_t ts = o.mono_ns;
	static const char data[] = "0123456789abcdefghijklmnopqrstuvwxyz";
	for (long i = 0; i < n; i++) {
		uint32_t tid = 4242 + (uint32_t)(i % 4);
		uint64_t a[6] = { 0 };
		size_t cl = 0;
		unsigned nc = 0, nr;
		int64_t ret;
		switch (i % 8) {
		case 0: case 1:
			nr = SYS_read; a[0] = 3; a[1] = 0x7ffd0000; a[2] = 4096; ret = 32;
			cl = lt_logw_cap(caps, 0, 1, LT_CAP_EXIT | LT_CAP_TRUNC, LT_CAP_SUB_SELF,
					 data, 32);
			nc = 1;
			break;
		case 2: case 3:
			nr = SYS_write; a[0] = 1; a[1] = 0x5555000; a[2] = 6; ret = 6;
			cl = lt_logw_cap(caps, 0, 1, 0, LT_CAP_SUB_SELF, "hello\n", 6);
			nc = 1;
			break;
		case 4:
			nr = SYS_openat; a[0] = (uint64_t)-100; a[1] = 0x5555100; a[2] = 0x80000;
			ret = i % 16 == 4 ? -2 : 3;
			cl = lt_logw_cap(caps, 0, 1, LT_CAP_STR, LT_CAP_SUB_SELF,
					 "/usr/lib/x86_64-linux-gnu/libc.so.6", 35);
			nc = 1;
			break;
		case 5:
			nr = SYS_close; a[0] = 3; ret = 0;
			break;
		case 6:
			nr = SYS_mmap; a[1] = 8192; a[2] = 3; a[3] = 0x22; a[4] = (uint64_t)-1;
			ret = 0x7f0000000000 + (i << 12);
			break;
		default:
			nr = SYS_getppid; ret = 4241;
			break;
		}
		ts += 250 + (uint64_t)(i % 7) * 10;
		if (lt_logw_syscall(w, tid, ts, nr, a, ret, 120 + (uint64_t)(i % 50), 0, caps, cl,
				    nc)) {
			perror("lt_logw_syscall");
			return 1;
		}
	}
	return lt_logw_close(w) ? 1 : 0;
}
