/* The binary log reader: logs written with lt_logwrite come back as the same events, in
 * time order across threads and files; cut, corrupt and future logs give an error and
 * everything before the damage. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lt_logwrite.h"
#include "lt_reader.h"

static int failures;
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK(%s)\n", __FILE__, __LINE__, #c); failures++; } } while (0)

#define MONO 1000000000ull      /* header's monotonic reading */
#define WALL 1700000000000000000ull /* and the wall clock at that moment */
#define NR_WRITE 1
#define NR_EXECVE 59
#define NR_EXIT_GROUP 231
#define REC ((off_t)sizeof(struct lt_rec_syscall))

static char dir[256];

static char *path(const char *name)
{
	static char buf[4][512];
	static int i;
	char *p = buf[i++ % 4];
	snprintf(p, 512, "%s/%s", dir, name);
	return p;
}

static struct lt_logw *open_log(const char *name, uint32_t pid, uint32_t flags, uint16_t version)
{
	struct lt_logw_opts o = { .pid = pid, .ppid = 1, .mono_ns = MONO, .wall_ns = WALL,
				  .chunk_size = 4096, .flags = flags, .version = version,
				  .comm = "prog" };
	struct lt_logw *w = lt_logw_open(path(name), &o);
	if (!w) {
		perror(name);
		exit(1);
	}
	return w;
}

static void sc(struct lt_logw *w, uint32_t tid, uint64_t ts, unsigned nr, int64_t ret,
	       uint64_t dur, unsigned flags)
{
	uint64_t args[6] = { tid, ts, 0, 0, 0, 0 };
	CHECK(lt_logw_syscall(w, tid, ts, nr, args, ret, dur, flags, NULL, 0, 0) == 0);
}

struct got {
	struct lt_event ev[4096];
	int n;
	unsigned errors;
};

static void read_all(struct got *g, const char *p1, const char *p2)
{
	struct lt_reader *r = lt_reader_new();
	g->n = 0;
	lt_reader_add(r, p1);
	if (p2)
		lt_reader_add(r, p2);
	struct lt_event ev;
	while (lt_reader_next(r, &ev) == 1 && g->n < 4096) {
		g->ev[g->n] = ev;
		/* pointers die with the reader: keep only what the checks compare */
		g->ev[g->n].name = NULL;
		g->ev[g->n].caps = NULL;
		g->ev[g->n].str = NULL;
		g->n++;
	}
	g->errors = lt_reader_errors(r);
	lt_reader_free(r);
}

static int count(const struct got *g, enum lt_ev_type t)
{
	int n = 0;
	for (int i = 0; i < g->n; i++)
		n += g->ev[i].type == t;
	return n;
}

/* Two threads with interleaved chunks: every record comes back once, in time order,
 * with the header's pid, the chunk's tid, and wall time = ts - mono + wall. */
static void test_threads(void)
{
	struct lt_logw *w = open_log("a.ltl", 100, LT_LOG_F_ROOT, 0);
	struct lt_rec_thread th = { .h = { .type = LT_REC_THREAD, .ts = MONO + 500 } };
	strcpy(th.name, "worker");
	CHECK(lt_logw_rec(w, 101, &th, sizeof(th)) == 0);
	for (int i = 0; i < 600; i++) {
		uint32_t tid = i % 3 == 0 ? 101 : 100;
		sc(w, tid, MONO + 1000 + (uint64_t)i * 100, NR_WRITE, 6, 50, 0);
	}
	CHECK(lt_logw_close(w) == 0);
	struct stat st;
	CHECK(stat(path("a.ltl"), &st) == 0 && st.st_size > 4096 * 4); /* several chunks */

	static struct got g;
	read_all(&g, path("a.ltl"), NULL);
	CHECK(g.errors == 0);
	CHECK(count(&g, LT_EV_SYSCALL) == 600);
	CHECK(count(&g, LT_EV_PROCESS) == 1);
	CHECK(count(&g, LT_EV_THREAD) == 1);
	int n100 = 0, n101 = 0, sorted = 1;
	for (int i = 0; i < g.n; i++) {
		const struct lt_event *e = &g.ev[i];
		if (i && e->ts_ns < g.ev[i - 1].ts_ns)
			sorted = 0;
		CHECK(e->pid == 100);
		if (e->type != LT_EV_SYSCALL)
			continue;
		n100 += e->tid == 100;
		n101 += e->tid == 101;
		/* the args carry what was written: tid and mono ts */
		CHECK(e->args[0] == e->tid);
		CHECK(e->ts_ns == e->args[1] - MONO + WALL);
		CHECK(e->nr == NR_WRITE && e->ret == 6 && e->dur_ns == 50);
	}
	CHECK(sorted);
	CHECK(n100 == 400 && n101 == 200);
	CHECK(g.ev[0].type == LT_EV_PROCESS && g.ev[0].ts_ns == WALL);
}

/* A signal handler's call is written before the call it interrupted, which has the earlier
 * entry time: the reader gives entry order, the enclosing call first. */
static void test_reorder(void)
{
	struct lt_logw *w = open_log("b.ltl", 200, 0, 0);
	sc(w, 200, MONO + 100, 0 /* read */, 0, 0, 0);
	sc(w, 200, MONO + 300, NR_WRITE, 4, 10, 0);   /* in the handler */
	sc(w, 200, MONO + 200, 0, -4 /* EINTR */, 500, 0); /* the interrupted read */
	sc(w, 200, MONO + 900, NR_WRITE, 1, 10, 0);
	CHECK(lt_logw_close(w) == 0);
	static struct got g;
	read_all(&g, path("b.ltl"), NULL);
	CHECK(g.errors == 0);
	CHECK(g.n == 5);
	if (g.n == 5) {
		CHECK(g.ev[1].ts_ns == WALL + 100);
		CHECK(g.ev[2].ts_ns == WALL + 200 && g.ev[2].ret == -4);
		CHECK(g.ev[3].ts_ns == WALL + 300);
		CHECK(g.ev[4].ts_ns == WALL + 900);
	}
}

static void copy_prefix(const char *from, const char *to, off_t len)
{
	int a = open(from, O_RDONLY), b = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	char *buf = malloc((size_t)len);
	CHECK(a >= 0 && b >= 0 && buf);
	CHECK(read(a, buf, (size_t)len) == len);
	CHECK(write(b, buf, (size_t)len) == len);
	free(buf);
	close(a);
	close(b);
}

static void poke(const char *p, off_t off, const void *data, size_t n)
{
	int fd = open(p, O_WRONLY);
	CHECK(fd >= 0 && pwrite(fd, data, n, off) == (ssize_t)n);
	close(fd);
}

/* A log cut in the middle of a record: the records before it, and one error. */
static void test_truncated(void)
{
	struct lt_logw *w = open_log("c.ltl", 300, 0, 0);
	for (int i = 0; i < 10; i++)
		sc(w, 300, MONO + (uint64_t)i, NR_WRITE, 1, 1, 0);
	CHECK(lt_logw_close(w) == 0);
	/* records are 88 bytes from offset 4096 + 16: cut inside the 8th */
	off_t cut = 4096 + 16 + 7 * REC + 40;
	copy_prefix(path("c.ltl"), path("c-cut.ltl"), cut);
	static struct got g;
	read_all(&g, path("c-cut.ltl"), NULL);
	CHECK(count(&g, LT_EV_SYSCALL) == 7);
	CHECK(g.errors == 1);
	/* cut on a record boundary: what a killed writer leaves is not an error */
	copy_prefix(path("c.ltl"), path("c-cut2.ltl"), 4096 + 16 + 7 * REC);
	read_all(&g, path("c-cut2.ltl"), NULL);
	CHECK(count(&g, LT_EV_SYSCALL) == 7);
	CHECK(g.errors == 0);
	/* cut inside the header */
	copy_prefix(path("c.ltl"), path("c-cut3.ltl"), 30);
	read_all(&g, path("c-cut3.ltl"), NULL);
	CHECK(g.n == 0 && g.errors == 1);
}

/* A future version is refused with an error, never half-read. */
static void test_version(void)
{
	struct lt_logw *w = open_log("d.ltl", 400, 0, LT_LOG_VERSION + 1);
	sc(w, 400, MONO + 1, NR_WRITE, 1, 1, 0);
	CHECK(lt_logw_close(w) == 0);
	static struct got g;
	read_all(&g, path("d.ltl"), NULL);
	CHECK(g.n == 0 && g.errors == 1);
}

/* Sizes that lie: a record size past its chunk, a capture count past its record. */
static void test_bad_sizes(void)
{
	struct lt_logw *w = open_log("e.ltl", 500, 0, 0);
	for (int i = 0; i < 5; i++)
		sc(w, 500, MONO + (uint64_t)i, NR_WRITE, 1, 1, 0);
	CHECK(lt_logw_close(w) == 0);
	uint32_t huge = 0x7ffffff8;
	poke(path("e.ltl"), 4096 + 16 + 3 * REC + 4, &huge, 4); /* 4th record's size */
	static struct got g;
	read_all(&g, path("e.ltl"), NULL);
	CHECK(count(&g, LT_EV_SYSCALL) == 3);
	CHECK(g.errors == 1);

	w = open_log("f.ltl", 501, 0, 0);
	for (int i = 0; i < 5; i++)
		sc(w, 501, MONO + (uint64_t)i, NR_WRITE, 1, 1, 0);
	CHECK(lt_logw_close(w) == 0);
	uint32_t ncaps = 0xffffffff;
	poke(path("f.ltl"), 4096 + 16 + 1 * REC + 20, &ncaps, 4); /* 2nd record's ncaps */
	read_all(&g, path("f.ltl"), NULL);
	CHECK(count(&g, LT_EV_SYSCALL) == 4); /* the bad record alone is dropped */
	CHECK(g.errors == 1);
}

/* Captures come through; a record type this build does not know is skipped by size. */
static void test_caps_unknown(void)
{
	struct lt_logw *w = open_log("g.ltl", 600, 0, 0);
	uint8_t caps[64];
	size_t n = lt_logw_cap(caps, 0, 1, 0, LT_CAP_SUB_SELF, "Hello\n", 6);
	uint64_t args[6] = { 1, 0x1000, 6 };
	CHECK(lt_logw_syscall(w, 600, MONO + 1, NR_WRITE, args, 6, 5, 0, caps, n, 1) == 0);
	struct { struct lt_rec_header h; uint64_t junk[3]; } unk = { .h = { .type = 99, .ts = MONO + 2 } };
	CHECK(lt_logw_rec(w, 600, &unk, sizeof(unk)) == 0);
	sc(w, 600, MONO + 3, NR_WRITE, 1, 1, 0);
	CHECK(lt_logw_close(w) == 0);
	struct lt_reader *r = lt_reader_new();
	CHECK(lt_reader_add(r, path("g.ltl")) == 0);
	struct lt_event ev;
	int calls = 0, others = 0;
	while (lt_reader_next(r, &ev) == 1) {
		if (ev.type != LT_EV_SYSCALL) {
			others++;
			continue;
		}
		if (calls++ == 0) {
			CHECK(ev.ncaps == 1);
			const struct lt_cap *c = (const struct lt_cap *)ev.caps;
			CHECK(ev.caps_len >= sizeof(*c) + 8);
			CHECK(c->arg == 1 && c->len == 6);
			CHECK(memcmp(ev.caps + sizeof(*c), "Hello\n", 6) == 0);
		}
	}
	CHECK(calls == 2 && others == 1); /* the header's process event */
	CHECK(lt_reader_errors(r) == 0);
	lt_reader_free(r);
}

/* An execve that never returned succeeded if a later log of the same pid says EXEC;
 * exit_group stays unfinished. Two files merge in time order. */
static void test_exec(void)
{
	struct lt_logw *w = open_log("700.ltl", 700, LT_LOG_F_ROOT, 0);
	sc(w, 700, MONO + 10, NR_WRITE, 1, 1, 0);
	sc(w, 700, MONO + 20, NR_EXECVE, 0, 0, LT_SC_UNFINISHED);
	CHECK(lt_logw_close(w) == 0);
	struct lt_logw_opts o = { .pid = 700, .ppid = 1, .mono_ns = MONO + 1000,
				  .wall_ns = WALL + 1000, .chunk_size = 4096,
				  .flags = LT_LOG_F_EXEC, .comm = "next" };
	w = lt_logw_open(path("700.1.ltl"), &o);
	CHECK(w != NULL);
	sc(w, 700, MONO + 1500, NR_WRITE, 2, 1, 0);
	sc(w, 700, MONO + 1600, NR_EXIT_GROUP, 0, 0, LT_SC_UNFINISHED);
	CHECK(lt_logw_close(w) == 0);
	static struct got g;
	read_all(&g, path("700.ltl"), path("700.1.ltl"));
	CHECK(g.errors == 0);
	CHECK(count(&g, LT_EV_SYSCALL) == 4 && count(&g, LT_EV_PROCESS) == 2);
	int seen_exec = 0, seen_exit = 0;
	for (int i = 0; i < g.n; i++) {
		CHECK(i == 0 || g.ev[i].ts_ns >= g.ev[i - 1].ts_ns);
		if (g.ev[i].type != LT_EV_SYSCALL)
			continue;
		if (g.ev[i].nr == NR_EXECVE) {
			seen_exec = 1;
			CHECK(!(g.ev[i].flags & LT_EVF_UNFINISHED) && g.ev[i].ret == 0);
			CHECK(g.ev[i].dur_ns == 980);
		}
		if (g.ev[i].nr == NR_EXIT_GROUP) {
			seen_exit = 1;
			CHECK(g.ev[i].flags & LT_EVF_UNFINISHED);
		}
	}
	CHECK(seen_exec && seen_exit);
	/* Without the new image's log the execve is unfinished. */
	read_all(&g, path("700.ltl"), NULL);
	for (int i = 0; i < g.n; i++)
		if (g.ev[i].type == LT_EV_SYSCALL && g.ev[i].nr == NR_EXECVE)
			CHECK(g.ev[i].flags & LT_EVF_UNFINISHED);
}

/* A log that starts with a process record gives that one process event (with the
 * command line), not also the header's stand-in. */
static void test_process_record(void)
{
	struct lt_logw *w = open_log("p.ltl", 900, 0, 0);
	struct { struct lt_rec_process pr; char cmd[16]; } rec;
	memset(&rec, 0, sizeof(rec));
	rec.pr.h.type = LT_REC_PROCESS;
	rec.pr.h.ts = MONO + 1;
	rec.pr.pid = 900;
	rec.pr.ppid = 1;
	rec.pr.cmdline_len = 11;
	memcpy(rec.cmd, "prog\0-x\0arg", 11);
	CHECK(lt_logw_rec(w, 900, &rec, sizeof(rec)) == 0);
	sc(w, 900, MONO + 2, NR_WRITE, 1, 1, 0);
	CHECK(lt_logw_close(w) == 0);
	struct lt_reader *r = lt_reader_new();
	CHECK(lt_reader_add(r, path("p.ltl")) == 0);
	struct lt_event ev;
	int procs = 0;
	while (lt_reader_next(r, &ev) == 1)
		if (ev.type == LT_EV_PROCESS) {
			procs++;
			CHECK(ev.str_len == 11 && memcmp(ev.str, "prog\0-x\0arg", 11) == 0);
		}
	CHECK(procs == 1);
	lt_reader_free(r);
}

/* A descriptor record gives an LT_EV_FD with its fd and path; one whose path length runs
 * past the record is an error and is dropped alone. */
static void test_fd_record(void)
{
	struct lt_logw *w = open_log("fd.ltl", 950, 0, 0);
	struct { struct lt_rec_fd fr; char path[16]; } rec;
	memset(&rec, 0, sizeof(rec));
	rec.fr.h.type = LT_REC_FD;
	rec.fr.h.ts = MONO + 1;
	rec.fr.fd = 7;
	rec.fr.path_len = 9;
	memcpy(rec.path, "/etc/x.db", 9);
	CHECK(lt_logw_rec(w, 950, &rec, sizeof(rec)) == 0);
	rec.fr.h.ts = MONO + 2;
	rec.fr.fd = 8;
	rec.fr.path_len = 17; /* the record holds 16 bytes of path */
	CHECK(lt_logw_rec(w, 950, &rec, sizeof(rec)) == 0);
	sc(w, 950, MONO + 3, NR_WRITE, 1, 1, 0);
	CHECK(lt_logw_close(w) == 0);
	struct lt_reader *r = lt_reader_new();
	CHECK(lt_reader_add(r, path("fd.ltl")) == 0);
	struct lt_event ev;
	int fds = 0, calls = 0;
	while (lt_reader_next(r, &ev) == 1) {
		if (ev.type == LT_EV_FD) {
			fds++;
			CHECK(ev.fd == 7 && ev.pid == 950 && ev.tid == 950);
			CHECK(ev.str_len == 9 && memcmp(ev.str, "/etc/x.db", 9) == 0);
			CHECK(ev.ts_ns == WALL + 1);
		}
		calls += ev.type == LT_EV_SYSCALL;
	}
	CHECK(fds == 1 && calls == 1);
	CHECK(lt_reader_errors(r) == 1);
	lt_reader_free(r);
}

/* A directory: every log in it, other files ignored; a non-log named .ltl is an error. */
static void test_dir(void)
{
	char sub[300];
	snprintf(sub, sizeof(sub), "%s/run", dir);
	mkdir(sub, 0700);
	struct lt_logw_opts o = { .pid = 800, .mono_ns = MONO, .wall_ns = WALL, .chunk_size = 4096 };
	char p[400];
	snprintf(p, sizeof(p), "%s/800.ltl", sub);
	struct lt_logw *w = lt_logw_open(p, &o);
	sc(w, 800, MONO + 1, NR_WRITE, 1, 1, 0);
	lt_logw_close(w);
	snprintf(p, sizeof(p), "%s/notes.md", sub);
	FILE *f = fopen(p, "w");
	fputs("# not a log\n", f);
	fclose(f);
	static struct got g;
	read_all(&g, sub, NULL);
	CHECK(g.errors == 0 && count(&g, LT_EV_SYSCALL) == 1);
	snprintf(p, sizeof(p), "%s/801.ltl", sub);
	f = fopen(p, "w");
	fputs("garbage garbage garbage\n", f);
	fclose(f);
	read_all(&g, sub, NULL);
	CHECK(g.errors == 1 && count(&g, LT_EV_SYSCALL) == 1);
}

/* strace -f's [pid N] rule, decided from the inputs: one task in strace -f -o text (every
 * line prefixed) is one task; two are several; binary logs count their threads. */
static void test_ntasks(void)
{
	const char *texts[3][2] = {
		{ "one.txt", "7  1.0 getpid() = 7\n7  1.1 getpid() = 7\n" },
		{ "two.txt", "7  1.0 getpid() = 7\n8  1.1 getpid() = 8\n" },
		{ "plain.txt", "1.0 getpid() = 7\n" },
	};
	unsigned want[3] = { 1, 2, 1 };
	for (int i = 0; i < 3; i++) {
		FILE *f = fopen(path(texts[i][0]), "w");
		fputs(texts[i][1], f);
		fclose(f);
		struct lt_reader *r = lt_reader_new();
		CHECK(lt_reader_add(r, path(texts[i][0])) == 0);
		CHECK(lt_reader_ntasks(r) == want[i]);
		lt_reader_free(r);
	}
	struct lt_reader *r = lt_reader_new();
	CHECK(lt_reader_add(r, path("a.ltl")) == 0); /* test_threads': 2 threads */
	CHECK(lt_reader_ntasks(r) == 2);
	lt_reader_free(r);
}

int main(void)
{
	snprintf(dir, sizeof(dir), "%s/lt-reader.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_threads();
	test_reorder();
	test_truncated();
	test_version();
	test_bad_sizes();
	test_caps_unknown();
	test_exec();
	test_process_record();
	test_fd_record();
	test_ntasks();
	test_dir();
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		failures++;
	if (failures)
		return 1;
	printf("ok\n");
	return 0;
}
