/* --perfetto throughput over 1,000,000 synthesized calls on 4 threads (the events a
 * reader would hand over, so this measures the output alone). Prints calls/s; fails only
 * below a floor far under the 1 M/s target, so a loaded CI machine does not flake, while
 * an accidental per-call quadratic or flush still shows. LT_SPEED_N overrides the count. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "lt_log.h"
#include "lt_report.h"
#include "lt_syscall.h"

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(void)
{
	long n = getenv("LT_SPEED_N") ? atol(getenv("LT_SPEED_N")) : 1000000;
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/speed.%d.pftrace", tmp ? tmp : "/tmp", (int)getpid());
	struct lt_report r;
	memset(&r, 0, sizeof r);
	r.o.perfetto_file = path;
	r.o.fmt.strsize = 32;
	r.out = stdout;
	const char *names[] = { "read", "write", "close", "openat" };
	int nrs[4];
	for (int i = 0; i < 4; i++)
		nrs[i] = lt_sysent_lookup(names[i]);
	static const char data[] = "0123456789abcdef0123456789abcdef";
	uint64_t caps[8];
	struct lt_cap c = { 1, 0, LT_CAP_SUB_SELF, 16 };
	memcpy(caps, &c, sizeof c);
	memcpy((char *)caps + sizeof c, data, 16);

	void *st;
	double t0 = now_s();
	if (lt_out_perfetto.begin(&r, &st))
		return 1;
	uint64_t ts = 1700000000000000000ull;
	for (long i = 0; i < n; i++) {
		int k = (int)(i % 4);
		struct lt_event ev = { .type = LT_EV_SYSCALL, .pid = 1000, .tid = 1000 + (uint32_t)(i % 4),
				       .ts_ns = ts, .dur_ns = 700, .nr = nrs[k], .name = names[k],
				       .ret = 16 };
		ev.args[0] = 3;
		ev.args[2] = 16;
		if (k < 2) {
			ev.caps = (const uint8_t *)caps;
			ev.caps_len = sizeof c + 16;
			ev.ncaps = 1;
		}
		ts += 250;
		if (lt_out_perfetto.event(&r, st, &ev))
			return 1;
	}
	if (lt_out_perfetto.end(&r, st))
		return 1;
	double dt = now_s() - t0;
	struct stat sb;
	stat(path, &sb);
	unlink(path);
	double rate = (double)n / dt;
	printf("--perfetto: %ld calls in %.3f s = %.2f M calls/s, %.1f bytes/call\n", n, dt,
	       rate / 1e6, (double)sb.st_size / (double)n);
	if (rate < 250000) {
		fprintf(stderr, "FAIL: under 250k calls/s\n");
		return 1;
	}
	return 0;
}
