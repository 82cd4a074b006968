/* The filters every output sees through: -e trace= (names, classes, negation, regex),
 * -Z, -z, -e status=, -e signal= sets, -p, --since/--until. */
#include <stdio.h>
#include <string.h>

#include "lt_filter.h"
#include "lt_syscall.h"

static int failures;
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK(%s)\n", __FILE__, __LINE__, #c); failures++; } } while (0)

static struct lt_event call(const char *name, int64_t ret, uint32_t tid, uint64_t ts)
{
	struct lt_event ev;
	memset(&ev, 0, sizeof(ev));
	ev.type = LT_EV_SYSCALL;
	ev.name = name;
	ev.nr = lt_sysent_lookup(name);
	ev.ret = ret;
	ev.pid = 100;
	ev.tid = tid;
	ev.ts_ns = ts;
	return ev;
}

/* Which of write, openat (fails), close, mmap pass with these options: as a string. */
static const char *which(struct lt_report_opts *o)
{
	static char out[64];
	struct lt_report r;
	memset(&r, 0, sizeof(r));
	r.o = *o;
	r.first_ts_ns = 1000;
	char err[128] = "";
	struct lt_filter *f = lt_filter_new(&r.o, err, sizeof(err));
	if (!f) {
		snprintf(out, sizeof(out), "error: %s", err);
		return out;
	}
	struct lt_event evs[4] = {
		call("write", 1, 100, 1000), call("openat", -2, 101, 2000),
		call("close", 0, 100, 3000), call("mmap", 0x7f0000000000, 101, 4000),
	};
	out[0] = 0;
	for (int i = 0; i < 4; i++)
		if (lt_filter_pass(f, &r, &evs[i])) {
			strcat(out, out[0] ? " " : "");
			strcat(out, evs[i].name);
		}
	/* a text event whose name is not in the table still matches by name */
	struct lt_event t = call("write", 1, 100, 1000);
	t.flags = LT_EVF_TEXT;
	t.nr = -1;
	if (lt_filter_pass(f, &r, &t))
		strcat(out, " +text");
	/* names of threads pass whatever the window says */
	struct lt_event th = call("x", 0, 100, 999999);
	th.type = LT_EV_THREAD;
	if (!lt_filter_pass(f, &r, &th) && (!o->ntids || o->tids[0] == 100))
		strcat(out, " -thread");
	lt_filter_free(f);
	return out;
}

static struct lt_report_opts base(void)
{
	struct lt_report_opts o;
	memset(&o, 0, sizeof(o));
	o.since_ns = o.until_ns = -1;
	return o;
}

#define EXPECT(o, want) do { const char *got = which(&o); \
	if (strcmp(got, want) != 0) { fprintf(stderr, "%s:%d: got \"%s\" want \"%s\"\n", __FILE__, __LINE__, got, want); failures++; } } while (0)

int main(void)
{
	struct lt_report_opts o = base();
	EXPECT(o, "write openat close mmap +text");
	o.trace_expr = "write,close";
	EXPECT(o, "write close +text");
	o.trace_expr = "!write,close";
	EXPECT(o, "openat mmap");
	o.trace_expr = "%memory";
	EXPECT(o, "mmap");
	o.trace_expr = "%file";
	EXPECT(o, "openat");
	o.trace_expr = "%desc"; /* strace counts mmap (it takes an fd) and openat in it */
	EXPECT(o, "write openat close mmap");
	o.trace_expr = "/^(open|cl)";
	EXPECT(o, "openat close");
	o.trace_expr = "%nonsense";
	EXPECT(o, "error: invalid system call class '%nonsense'");
	o.trace_expr = "Wr!te";
	EXPECT(o, "error: invalid system call 'Wr!te'");

	o = base();
	o.status_mask = LT_STATUS_FAILED; /* -Z */
	EXPECT(o, "openat");
	o.status_mask = LT_STATUS_SUCCESSFUL; /* -z */
	EXPECT(o, "write close mmap +text");
	CHECK(lt_status_parse("!failed", &o.status_mask) == 0);
	EXPECT(o, "write close mmap +text");
	CHECK(lt_status_parse("unfinished,detached", &o.status_mask) == 0);
	EXPECT(o, "");
	CHECK(lt_status_parse("successful,bogus", &o.status_mask) < 0);
	char err[64];
	struct lt_numset set;
	CHECK(lt_numset_parse(&set, "SIGCHLD,USR1,2", 1, err, sizeof(err)) == 0);
	CHECK(lt_numset_has(&set, 17) && lt_numset_has(&set, 10) && lt_numset_has(&set, 2));
	CHECK(!lt_numset_has(&set, 15));
	CHECK(lt_numset_parse(&set, "!all", 1, err, sizeof(err)) == 0 && !lt_numset_has(&set, 1));
	CHECK(lt_numset_parse(&set, "SIGBOGUS", 1, err, sizeof(err)) < 0);
	CHECK(lt_numset_parse(&set, "!3,5", 0, err, sizeof(err)) == 0);
	CHECK(!lt_numset_has(&set, 3) && lt_numset_has(&set, 4) && !lt_numset_has(&set, 5));
	CHECK(lt_numset_parse(&set, "-1", 0, err, sizeof(err)) < 0);
	o = base();
	uint32_t tid = 101;
	o.tids = &tid;
	o.ntids = 1;
	EXPECT(o, "openat mmap");
	tid = 100; /* the pid matches every thread of the process */
	EXPECT(o, "write openat close mmap +text");

	o = base();
	o.since_ns = 1000; /* relative to the first event (1000) */
	o.until_ns = 2000;
	EXPECT(o, "openat close");
	if (failures)
		return 1;
	printf("ok\n");
	return 0;
}
