/* --perfetto: feeds synthesized events to lt_out_perfetto and decodes the file with an
 * independent protobuf reader (below, not report/pb.c), checking what Perfetto relies on:
 * one sequence that starts by clearing incremental state, timestamps that never go back,
 * BEGIN/END balanced and nested per track, interned names defined before use, and that
 * every call, thread, process, parent link and flow comes out as the input says. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lt_log.h"
#include "lt_report.h"
#include "lt_syscall.h"

static int failures;
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK(%s)\n", __FILE__, __LINE__, #c); failures++; } } while (0)

/* ---- a minimal protobuf reader ---- */

struct fld {
	unsigned num, wt;
	uint64_t v;
	const uint8_t *p;
	size_t n;
};

static int rd_varint(const uint8_t **pp, const uint8_t *e, uint64_t *v)
{
	uint64_t r = 0;
	for (int sh = 0; sh < 70; sh += 7) {
		if (*pp >= e)
			return -1;
		uint8_t b = *(*pp)++;
		r |= (uint64_t)(b & 0x7f) << sh;
		if (!(b & 0x80)) {
			*v = r;
			return 0;
		}
	}
	return -1;
}

/* 1: a field, 0: end, -1: malformed */
static int next(const uint8_t **pp, const uint8_t *e, struct fld *f)
{
	if (*pp == e)
		return 0;
	uint64_t k;
	if (rd_varint(pp, e, &k))
		return -1;
	f->num = (unsigned)(k >> 3);
	f->wt = k & 7;
	switch (f->wt) {
	case 0:
		return rd_varint(pp, e, &f->v) ? -1 : 1;
	case 1:
		if (e - *pp < 8)
			return -1;
		memcpy(&f->v, *pp, 8);
		*pp += 8;
		return 1;
	case 2:
		if (rd_varint(pp, e, &f->v) || f->v > (uint64_t)(e - *pp))
			return -1;
		f->p = *pp;
		f->n = f->v;
		*pp += f->n;
		return 1;
	}
	return -1;
}

/* ---- what the file says ---- */

#define MAXN 512
static char ev_names[MAXN][32], an_names[MAXN][32];

struct slice {
	uint64_t track, ts, dur;
	int instant, open;
	char name[32];
	char args[6][48]; /* by annotation name order in the event */
	char argn[6][16];
	int nargs;
	int64_t ret;
	int has_ret;
	char result[64];
	uint64_t flow, term;
};
static struct slice slices[MAXN];
static int nslices;

struct track { uint64_t uuid; int pid, tid; char name[64]; int is_thread; };
static struct track tracks[64];
static int ntracks;

struct ptree { int pid, ppid; char cmd[128]; };
static struct ptree ptrees[16];
static int nptrees;

static struct track *track_of(uint64_t uuid)
{
	for (int i = 0; i < ntracks; i++)
		if (tracks[i].uuid == uuid)
			return &tracks[i];
	return 0;
}

static void copy(char *d, size_t cap, const uint8_t *p, size_t n)
{
	if (n >= cap)
		n = cap - 1;
	memcpy(d, p, n);
	d[n] = 0;
}

static void parse_interned(const uint8_t *p, const uint8_t *e)
{
	struct fld f, g;
	while (next(&p, e, &f) == 1) {
		if (f.wt != 2 || (f.num != 2 && f.num != 3))
			continue;
		const uint8_t *q = f.p, *qe = f.p + f.n;
		uint64_t iid = 0;
		const uint8_t *name = 0;
		size_t nn = 0;
		while (next(&q, qe, &g) == 1) {
			if (g.num == 1)
				iid = g.v;
			else if (g.num == 2) {
				name = g.p;
				nn = g.n;
			}
		}
		CHECK(iid > 0 && iid < MAXN && name);
		if (!(iid > 0 && iid < MAXN && name))
			continue;
		char (*tab)[32] = f.num == 2 ? ev_names : an_names;
		CHECK(tab[iid][0] == 0); /* an iid is defined once */
		copy(tab[iid], 32, name, nn);
	}
}

static int depth_of[64]; /* per track index: open slices */
static int stack_of[64][16];

static void parse_track_event(uint64_t ts, const uint8_t *p, const uint8_t *e)
{
	struct fld f, g;
	uint64_t type = 0, uuid = 0, name_iid = 0, flow = 0, term = 0;
	struct slice sl = {0};
	while (next(&p, e, &f) == 1) {
		if (f.num == 9)
			type = f.v;
		else if (f.num == 11)
			uuid = f.v;
		else if (f.num == 10)
			name_iid = f.v;
		else if (f.num == 47)
			flow = f.v;
		else if (f.num == 48)
			term = f.v;
		else if (f.num == 4) {
			const uint8_t *q = f.p, *qe = f.p + f.n;
			uint64_t an = 0;
			const char *aname;
			while (next(&q, qe, &g) == 1) {
				if (g.num == 1) {
					an = g.v;
					CHECK(an < MAXN && an_names[an][0]);
				} else if (an < MAXN) {
					aname = an_names[an];
					if (!strcmp(aname, "ret") && g.num == 4) {
						sl.ret = (int64_t)g.v;
						sl.has_ret = 1;
					} else if (!strcmp(aname, "result") && g.num == 6) {
						copy(sl.result, sizeof sl.result, g.p, g.n);
					} else if (g.num == 6 && sl.nargs < 6) {
						copy(sl.args[sl.nargs], 48, g.p, g.n);
						snprintf(sl.argn[sl.nargs], 16, "%s", aname);
						sl.nargs++;
					}
				}
			}
		}
	}
	struct track *t = track_of(uuid);
	CHECK(t != 0); /* described before use */
	if (!t)
		return;
	int ti = (int)(t - tracks);
	if (type == 2) { /* END */
		CHECK(depth_of[ti] > 0);
		if (depth_of[ti] <= 0)
			return;
		struct slice *b = &slices[stack_of[ti][--depth_of[ti]]];
		CHECK(ts >= b->ts);
		b->dur = ts - b->ts;
		b->open = 0;
		return;
	}
	CHECK(type == 1 || type == 3);
	CHECK(name_iid < MAXN && ev_names[name_iid][0]);
	if (nslices == MAXN || name_iid >= MAXN)
		return;
	sl.track = uuid;
	sl.ts = ts;
	sl.instant = type == 3;
	sl.open = type == 1;
	sl.flow = flow;
	sl.term = term;
	snprintf(sl.name, sizeof sl.name, "%s", ev_names[name_iid]);
	slices[nslices] = sl;
	if (type == 1) {
		CHECK(depth_of[ti] < 16);
		if (depth_of[ti] < 16)
			stack_of[ti][depth_of[ti]++] = nslices;
	}
	nslices++;
}

static void parse_descriptor(const uint8_t *p, const uint8_t *e)
{
	struct fld f, g;
	struct track t = {0};
	while (next(&p, e, &f) == 1) {
		if (f.num == 1)
			t.uuid = f.v;
		else if (f.num == 3 || f.num == 4) {
			t.is_thread = f.num == 4;
			const uint8_t *q = f.p, *qe = f.p + f.n;
			while (next(&q, qe, &g) == 1) {
				if (g.num == 1)
					t.pid = (int)g.v;
				else if (g.num == 2 && t.is_thread)
					t.tid = (int)g.v;
				else if ((g.num == 5 && t.is_thread) || (g.num == 6 && !t.is_thread))
					copy(t.name, sizeof t.name, g.p, g.n);
			}
		}
	}
	struct track *old = track_of(t.uuid);
	if (old) { /* a re-sent descriptor may rename, never move, a track */
		CHECK(old->pid == t.pid && old->tid == t.tid && old->is_thread == t.is_thread);
		snprintf(old->name, sizeof old->name, "%s", t.name);
	} else if (ntracks < 64) {
		tracks[ntracks++] = t;
	}
}

static void parse_tree(const uint8_t *p, const uint8_t *e)
{
	struct fld f, g;
	while (next(&p, e, &f) == 1) {
		if (f.num != 1 || nptrees == 16)
			continue;
		struct ptree pt = {0};
		const uint8_t *q = f.p, *qe = f.p + f.n;
		while (next(&q, qe, &g) == 1) {
			if (g.num == 1)
				pt.pid = (int)g.v;
			else if (g.num == 2)
				pt.ppid = (int)g.v;
			else if (g.num == 3) {
				size_t l = strlen(pt.cmd);
				if (l)
					pt.cmd[l++] = ' ';
				copy(pt.cmd + l, sizeof pt.cmd - l, g.p, g.n);
			}
		}
		ptrees[nptrees++] = pt;
	}
}

static int parse_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	static uint8_t buf[1 << 20];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	const uint8_t *p = buf, *e = buf + n;
	struct fld pk, x, y, z;
	int npk = 0, rc, have_defaults = 0;
	uint64_t last_ts = 0, incr = 0; /* the incremental clock 64, once a snapshot set it */
	int incr_set = 0;
	while ((rc = next(&p, e, &pk)) == 1) {
		CHECK(pk.num == 1 && pk.wt == 2);
		const uint8_t *q = pk.p, *qe = pk.p + pk.n;
		uint64_t ts = 0, seq = 0, flags = 0, clock = 0;
		int has_ts = 0;
		/* interned data and timestamp first: fields may come in any order */
		while (next(&q, qe, &x) == 1) {
			if (x.num == 8) {
				ts = x.v;
				has_ts = 1;
			} else if (x.num == 58) {
				clock = x.v;
			} else if (x.num == 59) { /* TracePacketDefaults */
				const uint8_t *d = x.p;
				while (next(&d, x.p + x.n, &y) == 1)
					if (y.num == 58 && y.v == 64)
						have_defaults = 1;
			} else if (x.num == 6) { /* ClockSnapshot: clock 64 starts here */
				const uint8_t *c = x.p;
				while (next(&c, x.p + x.n, &y) == 1) {
					const uint8_t *k = y.p;
					uint64_t id = 0, v = 0, inc = 0;
					while (next(&k, y.p + y.n, &z) == 1) {
						if (z.num == 1)
							id = z.v;
						else if (z.num == 2)
							v = z.v;
						else if (z.num == 3)
							inc = z.v;
					}
					if (id == 64) {
						CHECK(inc == 1);
						incr = v;
						incr_set = 1;
					}
				}
			} else if (x.num == 10)
				seq = x.v;
			else if (x.num == 13)
				flags = x.v;
			else if (x.num == 12)
				parse_interned(x.p, x.p + x.n);
		}
		CHECK(seq == 1);
		if (npk == 0)
			CHECK(flags & 1); /* SEQ_INCREMENTAL_STATE_CLEARED */
		else
			CHECK(!(flags & 1));
		if (has_ts && clock == 0) { /* on the default clock: a delta */
			CHECK(have_defaults && incr_set);
			incr += ts;
			ts = incr;
		}
		if (has_ts) {
			CHECK(ts >= last_ts);
			last_ts = ts;
		}
		q = pk.p;
		while (next(&q, qe, &x) == 1) {
			if (x.num == 11)
				parse_track_event(ts, x.p, x.p + x.n);
			else if (x.num == 60)
				parse_descriptor(x.p, x.p + x.n);
			else if (x.num == 2)
				parse_tree(x.p, x.p + x.n);
		}
		npk++;
	}
	CHECK(rc == 0);
	return npk;
}

/* ---- input ---- */

static struct lt_report rep;
static void *st;

static void feed(const struct lt_event *ev)
{
	CHECK(lt_out_perfetto.event(&rep, st, ev) == 0);
}

static void sc(uint32_t pid, uint32_t tid, uint64_t ts, uint64_t dur, const char *name,
	       int64_t ret, uint64_t a0, uint64_t a1, uint64_t a2)
{
	struct lt_event ev = { .type = LT_EV_SYSCALL, .pid = pid, .tid = tid, .ts_ns = ts,
			       .dur_ns = dur, .ret = ret };
	ev.nr = lt_sysent_lookup(name);
	CHECK(ev.nr >= 0);
	ev.name = name;
	ev.args[0] = a0;
	ev.args[1] = a1;
	ev.args[2] = a2;
	feed(&ev);
}

static void proc(uint32_t pid, uint32_t ppid, uint64_t ts, const char *cmd, size_t len, unsigned fl)
{
	struct lt_event ev = { .type = LT_EV_PROCESS, .pid = pid, .tid = pid, .ts_ns = ts,
			       .ppid = ppid, .str = cmd, .str_len = len, .proc_flags = fl };
	feed(&ev);
}

static const struct slice *find(uint32_t tid, uint64_t ts, const char *name)
{
	for (int i = 0; i < nslices; i++) {
		const struct track *t = track_of(slices[i].track);
		if (t && t->is_thread && (uint32_t)t->tid == tid && slices[i].ts == ts &&
		    !strcmp(slices[i].name, name))
			return &slices[i];
	}
	fprintf(stderr, "no slice %s at %llu on %u\n", name, (unsigned long long)ts, tid);
	failures++;
	static const struct slice none;
	return &none;
}

static const struct track *thread_track(int tid)
{
	for (int i = 0; i < ntracks; i++)
		if (tracks[i].is_thread && tracks[i].tid == tid)
			return &tracks[i];
	return 0;
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/test_perfetto.%d.pftrace", tmp ? tmp : "/tmp", (int)getpid());
	rep.o.perfetto_file = path;
	rep.o.fmt.strsize = 32;
	rep.out = stdout;
	CHECK(lt_out_perfetto.begin(&rep, &st) == 0);

	const uint64_t T = 1700000000000000000ull;
	proc(100, 1, T, "/usr/bin/prog\0-x\0", 17, LT_LOG_F_ROOT);
	struct lt_event th = { .type = LT_EV_THREAD, .pid = 100, .tid = 100, .ts_ns = T,
			       .str = "prog-main", .str_len = 9 };
	feed(&th);
	struct lt_event win = { .type = LT_EV_WINDOW, .pid = 100, .tid = 100, .ts_ns = T + 500,
				.window_on = 1, .window_seq = 1 };
	feed(&win);
	sc(100, 100, T + 1000, 500, "openat", 3, (uint64_t)-100, 0, 0);
	sc(100, 100, T + 2000, 100, "read", -2, 3, 0, 10);
	/* a thread: clone returns its tid */
	sc(100, 100, T + 3000, 400, "clone", 101, 0x3d0f00, 0, 0);
	sc(100, 101, T + 3100, 50, "close", 0, 7, 0, 0);
	/* a call that outlives the call it started in: clipped to its parent's end */
	sc(100, 100, T + 5000, 1000, "read", 5, 3, 0, 5);
	/* slices on two threads whose ends interleave */
	sc(100, 101, T + 5200, 2000, "read", 1, 0, 0, 1);
	sc(100, 100, T + 5500, 1000, "write", 5, 1, 0, 5);
	/* a child process */
	sc(100, 100, T + 7000, 300, "clone", 200, 0x1200011, 0, 0);
	proc(200, 100, T + 7100, "/bin/child\0", 11, LT_LOG_F_FORK);
	sc(200, 200, T + 7150, 10, "close", 0, 4, 0, 0);
	struct lt_event sig = { .type = LT_EV_SIGNAL, .pid = 100, .tid = 100, .ts_ns = T + 8000,
				.signo = 10 };
	feed(&sig);
	struct lt_event lost = { .type = LT_EV_LOST, .pid = 100, .tid = 101, .ts_ns = T + 8100,
				 .lost = 42 };
	feed(&lost);
	/* exec in the child: the process takes the new program's name */
	proc(200, 100, T + 8200, "/bin/other\0--flag\0", 18, LT_LOG_F_EXEC | LT_LOG_F_FORK);
	struct lt_event ex = { .type = LT_EV_SYSCALL, .flags = LT_EVF_UNFINISHED, .pid = 200,
			       .tid = 200, .ts_ns = T + 9000, .nr = lt_sysent_lookup("exit_group"),
			       .name = "exit_group" };
	feed(&ex);
	/* a long call still open when a later event on another thread arrives */
	sc(100, 100, T + 10000, 5000, "read", 1, 0, 0, 1);
	sc(100, 101, T + 11000, 10, "close", 0, 9, 0, 0);
	CHECK(lt_out_perfetto.end(&rep, st) == 0);

	int npk = parse_file(path);
	CHECK(npk > 10);
	if (!getenv("LT_TEST_KEEP"))
		unlink(path);

	/* every slice closed */
	for (int i = 0; i < nslices; i++)
		CHECK(slices[i].instant || !slices[i].open);
	/* 12 calls + 1 signal + 1 lost + 1 window */
	CHECK(nslices == 15);
	if (nslices != 15)
		for (int i = 0; i < nslices; i++)
			fprintf(stderr, "  %s %llu\n", slices[i].name, (unsigned long long)slices[i].track);

	/* threads and processes, named */
	const struct track *t100 = thread_track(100), *t101 = thread_track(101),
			   *t200 = thread_track(200);
	CHECK(t100 && t101 && t200);
	if (t100 && t101 && t200) {
		CHECK(t100->pid == 100 && t101->pid == 100 && t200->pid == 200);
		CHECK(!strcmp(t100->name, "prog-main"));
		CHECK(!strcmp(t101->name, "prog")); /* no name of its own: the program's */
		CHECK(!strcmp(t200->name, "other"));
	}
	int procs = 0;
	for (int i = 0; i < ntracks; i++)
		if (!tracks[i].is_thread) {
			procs++;
			CHECK(tracks[i].pid == 100 || tracks[i].pid == 200);
			CHECK(tracks[i].name[0]);
		}
	CHECK(procs == 2);
	/* cmdline and parent: the last word on pid 200 is the exec'd program, child of 100 */
	int seen100 = 0, seen200 = 0;
	for (int i = 0; i < nptrees; i++) {
		if (ptrees[i].pid == 100) {
			seen100 = 1;
			CHECK(ptrees[i].ppid == 0); /* its parent is not in the trace */
			CHECK(!strcmp(ptrees[i].cmd, "/usr/bin/prog -x"));
		}
		if (ptrees[i].pid == 200) {
			seen200 = 1;
			CHECK(ptrees[i].ppid == 100);
		}
	}
	CHECK(seen100 && seen200);
	for (int i = nptrees - 1; i >= 0; i--)
		if (ptrees[i].pid == 200) {
			CHECK(!strcmp(ptrees[i].cmd, "/bin/other --flag"));
			break;
		}

	/* calls: names, durations, args, results */
	const struct slice *s = find(100, T + 1000, "openat");
	CHECK(s->dur == 500 && s->has_ret && s->ret == 3 && !strcmp(s->result, "3"));
	CHECK(s->nargs >= 2 && !strcmp(s->argn[0], "dirfd") && !strcmp(s->argn[1], "pathname"));
	s = find(100, T + 2000, "read");
	CHECK(s->dur == 100 && s->ret == -2);
	CHECK(!strcmp(s->result, "-1 ENOENT (No such file or directory)"));
	CHECK(s->nargs == 3 && !strcmp(s->argn[0], "fd") && !strcmp(s->args[0], "3"));
	CHECK(!strcmp(s->argn[2], "count") && !strcmp(s->args[2], "10"));
	s = find(101, T + 3100, "close");
	CHECK(s->dur == 50 && !strcmp(s->args[0], "7"));
	const struct slice *c1 = find(100, T + 3000, "clone");
	CHECK(c1->flow && c1->flow == s->term); /* the clone flows into the thread it made */
	s = find(100, T + 5000, "read");
	CHECK(s->dur == 1000);
	s = find(100, T + 5500, "write");
	CHECK(s->dur == 500); /* clipped to the read's end */
	s = find(101, T + 5200, "read");
	CHECK(s->dur == 2000);
	const struct slice *c2 = find(100, T + 7000, "clone");
	s = find(200, T + 7150, "close");
	CHECK(c2->flow && c2->flow == s->term && c2->flow != c1->flow);
	for (int i = 0; i < nslices; i++) /* a window switches the process: its track */
		if (!strcmp(slices[i].name, "tracing on")) {
			const struct track *pt = track_of(slices[i].track);
			CHECK(slices[i].instant && pt && !pt->is_thread && pt->pid == 100);
		}
	s = find(100, T + 8000, "SIGUSR1");
	CHECK(s->instant);
	s = find(101, T + 8100, "lost records");
	CHECK(s->instant);
	s = find(200, T + 9000, "exit_group");
	CHECK(s->dur == 0 && !s->has_ret && !strcmp(s->result, "?"));
	s = find(100, T + 10000, "read");
	CHECK(s->dur == 5000);
	s = find(101, T + 11000, "close");
	CHECK(s->dur == 10);

	if (failures)
		return 1;
	printf("ok: %d packets, %d slices\n", npk, nslices);
	return 0;
}
