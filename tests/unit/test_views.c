/* --top, --files, --threads, --hist over synthesized events whose right answers are
 * worked out here by hand (a file of 10000 bytes read in 4096-byte chunks, durations that
 * are a known permutation, ...), then looked for in the printed tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_log.h"
#include "lt_reader.h"
#include "lt_report.h"
#include "lt_syscall.h"
#include "lt_views.h"

static int failures;
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK(%s)\n", __FILE__, __LINE__, #c); failures++; } } while (0)

static struct lt_report rep;
static const struct lt_output *out;
static void *st;
static char *buf;
static size_t buflen;

static void start(const struct lt_output *o, int top_n, const char *hist)
{
	memset(&rep, 0, sizeof rep);
	rep.o.top_n = top_n;
	rep.o.hist_name = hist;
	rep.o.fmt.strsize = 32;
	rep.o.since_ns = rep.o.until_ns = -1;
	rep.out = open_memstream(&buf, &buflen);
	out = o;
	CHECK(o->begin(&rep, &st) == 0);
}

static const char *finish(void)
{
	CHECK(out->end(&rep, st) == 0);
	fclose(rep.out);
	return buf;
}

static void feed(const struct lt_event *ev)
{
	if (!rep.first_ts_ns)
		rep.first_ts_ns = ev->ts_ns;
	CHECK(out->event(&rep, st, ev) == 0);
}

/* A binary-log call; path (if any) is captured for argument parg. */
static uint64_t now = 1000000000000ull;
static void call(uint32_t pid, uint32_t tid, const char *name, int64_t ret, uint64_t dur,
		 int64_t a0, int64_t a1, int64_t a2, int parg, const char *path)
{
	struct lt_event ev = { .type = LT_EV_SYSCALL, .pid = pid, .tid = tid, .ts_ns = now,
			       .dur_ns = dur, .ret = ret, .name = name };
	now += dur + 10;
	ev.nr = lt_sysent_lookup(name);
	CHECK(ev.nr >= 0);
	ev.args[0] = (uint64_t)a0;
	ev.args[1] = (uint64_t)a1;
	ev.args[2] = (uint64_t)a2;
	uint64_t capbuf[64];
	if (path) {
		struct lt_cap c = { (uint8_t)parg, LT_CAP_STR, LT_CAP_SUB_SELF, (uint32_t)strlen(path) };
		memset(capbuf, 0, sizeof capbuf);
		memcpy(capbuf, &c, sizeof c);
		memcpy((char *)capbuf + sizeof c, path, c.len);
		ev.caps = (const uint8_t *)capbuf;
		ev.caps_len = sizeof c + LT_ALIGN8(c.len);
		ev.ncaps = 1;
	}
	feed(&ev);
}

/* A call from strace text, through the parser as a file's line would go. */
static struct lt_strace *sp;
static void tcall(uint32_t pid, const char *name, const char *args, const char *rets, int64_t ret,
		  uint64_t dur)
{
	char line[512];
	struct lt_event ev;
	if (!sp)
		sp = lt_strace_new("test", 0, 0);
	snprintf(line, sizeof line, "%u %llu.%06llu %s(%s) = %s <%llu.%06llu>", pid,
		 (unsigned long long)(now / 1000000000u), (unsigned long long)(now % 1000000000u / 1000),
		 name, args, rets, (unsigned long long)(dur / 1000000000u),
		 (unsigned long long)(dur % 1000000000u / 1000));
	now += (dur + 10) / 1000 * 1000 + 1000; /* strace's microseconds */
	CHECK(lt_strace_feed(sp, line, strlen(line), 0) == 0);
	int n = 0;
	while (lt_strace_pop(sp, &ev)) {
		CHECK(ev.ret == ret);
		feed(&ev);
		n++;
	}
	CHECK(n >= 1);
}

static void process(uint32_t pid, uint32_t ppid, unsigned flags, const char *cmd)
{
	struct lt_event ev = { .type = LT_EV_PROCESS, .pid = pid, .tid = pid, .ts_ns = now,
			       .ppid = ppid, .proc_flags = flags, .str = cmd, .str_len = strlen(cmd) + 1 };
	feed(&ev);
}

/* The table row whose last word is key (any word, if any): its words in w[]. */
static int row_by(const char *text, const char *key, char w[][64], int maxw, int any)
{
	const char *l = text;
	while (l && *l) {
		const char *e = strchr(l, '\n');
		size_t n = e ? (size_t)(e - l) : strlen(l);
		char line[512];
		snprintf(line, sizeof line, "%.*s", (int)n, l);
		int k = 0;
		char *save, *t;
		for (t = strtok_r(line, " ", &save); t && k < maxw; t = strtok_r(0, " ", &save))
			snprintf(w[k++], 64, "%s", t);
		for (int j = any ? 0 : k - 1; j >= 0 && j < k; j++)
			if (!strcmp(w[j], key))
				return k;
		l = e ? e + 1 : 0;
	}
	fprintf(stderr, "no row for %s in:\n%s", key, text);
	failures++;
	return 0;
}
static int row(const char *text, const char *key, char w[][64], int maxw)
{
	return row_by(text, key, w, maxw, 0);
}

#define AT_FDCWD_ (-100)
#define O_CLOEXEC_ 02000000

static void test_files(void)
{
	start(&lt_out_files, 0, 0);
	process(10, 1, LT_LOG_F_ROOT, "/bin/app");
	/* /data/f is 10000 bytes, read in 4096-byte chunks until EOF */
	call(10, 10, "openat", 3, 1000, AT_FDCWD_, 0, 0, 1, "/data/f");
	call(10, 10, "read", 4096, 100, 3, 0, 4096, 0, 0);
	call(10, 10, "read", 4096, 100, 3, 0, 4096, 0, 0);
	call(10, 10, "read", 1808, 100, 3, 0, 4096, 0, 0);
	call(10, 10, "read", 0, 100, 3, 0, 4096, 0, 0);
	call(10, 10, "openat", -2, 50, AT_FDCWD_, 0, 0, 1, "/missing");
	call(10, 10, "openat", -2, 50, AT_FDCWD_, 0, 0, 1, "/missing");
	call(10, 10, "dup", 4, 10, 3, 0, 0, 0, 0);
	call(10, 10, "write", 7, 10, 4, 0, 7, 0, 0); /* via the dup: still /data/f */
	call(10, 10, "close", 0, 10, 3, 0, 0, 0, 0);
	call(10, 10, "write", 5, 10, 1, 0, 5, 0, 0); /* stdout, opened before tracing */
	call(10, 10, "open", 5, 10, 0, 0, 0, 0, "/etc");
	call(10, 10, "openat", 6, 10, 5, 0, 0, 1, "passwd"); /* relative to fd 5 */
	call(10, 10, "read", 33, 10, 6, 0, 100, 0, 0);
	call(10, 10, "fcntl", 8, 10, 6, 0 /* F_DUPFD */, 8, 0, 0);
	call(10, 10, "read", 4, 10, 8, 0, 100, 0, 0);
	call(10, 10, "fcntl", 1, 10, 6, 1 /* F_GETFD */, 0, 0, 0); /* not a dup */
	call(10, 10, "read", 5, 10, 1, 0, 5, 0, 0); /* so fd 1 is still stdin's */
	call(10, 10, "openat", 7, 10, AT_FDCWD_, 0, O_CLOEXEC_, 1, "/ce");
	/* a child inherits fds 4 and 7; after its exec only 4 is still /data/f */
	process(11, 10, LT_LOG_F_FORK, "/bin/app");
	call(11, 11, "read", 50, 10, 4, 0, 50, 0, 0);
	call(11, 11, "read", 1, 10, 7, 0, 1, 0, 0);
	process(11, 10, LT_LOG_F_FORK | LT_LOG_F_EXEC, "/bin/other");
	call(11, 11, "read", 2, 10, 4, 0, 50, 0, 0);
	call(11, 11, "read", 3, 10, 7, 0, 3, 0, 0);
	/* the fd 3 that pid 10 closed is not the parent's business any more */
	call(10, 10, "read", 9, 10, 3, 0, 9, 0, 0);
	/* strace text: quoted paths with escapes, fds as numbers */
	tcall(12, "openat", "AT_FDCWD, \"/t\\\"q\", O_RDONLY|O_CLOEXEC", "8", 8, 20);
	tcall(12, "read", "8, \"abc\", 3", "3", 3, 20);
	tcall(12, "pread64", "8, \"de\", 2, 0", "2", 2, 20);
	tcall(12, "openat", "AT_FDCWD, \"/nope\", O_RDONLY", "-1 ENOENT (No such file or directory)", -2, 20);
	tcall(12, "close", "8", "0", 0, 20);
	/* anonymous descriptors: a pipe's two ends, a socket */
	tcall(12, "pipe2", "[5, 6], O_CLOEXEC", "0", 0, 20);
	tcall(12, "write", "6, \"xyz\", 3", "3", 3, 20);
	tcall(12, "read", "5, \"xy\", 2", "2", 2, 20);
	tcall(12, "socket", "AF_INET, SOCK_STREAM, IPPROTO_TCP", "7", 7, 20);
	tcall(12, "sendto", "7, \"abcd\", 4, 0, NULL, 0", "4", 4, 20);
	/* relative paths under a known working directory, inherited by a child */
	tcall(13, "chdir", "\"/srv\"", "0", 0, 20);
	tcall(13, "openat", "AT_FDCWD, \"data/x\", O_RDONLY", "3", 3, 20);
	process(14, 13, LT_LOG_F_FORK, "/bin/app");
	tcall(14, "openat", "AT_FDCWD, \"./y\", O_RDONLY", "3", 3, 20);
	tcall(13, "openat", "AT_FDCWD, \"/etc\", O_RDONLY|O_DIRECTORY", "4", 4, 20);
	tcall(13, "fchdir", "4", "0", 0, 20);
	tcall(13, "newfstatat", "AT_FDCWD, \"hosts\", {st_mode=S_IFREG|0644, st_size=1}, 0", "0", 0, 20);
	tcall(15, "openat", "AT_FDCWD, \"rel\", O_RDONLY", "3", 3, 20); /* cwd unknown */
	/* a terminal escape in a path (issue 14): never printed raw */
	call(16, 16, "openat", 3, 10, AT_FDCWD_, 0, 0, 1, "/tmp/x\033]0;pwned\007");
	call(16, 16, "read", 1, 10, 3, 0, 1, 0, 0);
	const char *t = finish();
	char w[8][64];
	/* seconds calls opens open_err read written path */
	CHECK(row(t, "/data/f", w, 8) == 7);
	CHECK(!strcmp(w[1], "10")); /* openat, 4 reads, dup, write, close, 2 child reads */
	CHECK(!strcmp(w[2], "1") && !strcmp(w[3], "0"));
	CHECK(!strcmp(w[4], "10052")); /* 10000 + 50 + 2 by the child */
	CHECK(!strcmp(w[5], "7"));
	CHECK(!strcmp(w[0], "0.000001")); /* 1000 + 4*100 + 10*5 ns, truncated to us */
	CHECK(row(t, "/missing", w, 8) == 7);
	CHECK(!strcmp(w[1], "2") && !strcmp(w[2], "2") && !strcmp(w[3], "2") && !strcmp(w[4], "0"));
	CHECK(row(t, "1>", w, 8) == 8); /* "<fd 1>" is two words */
	CHECK(!strcmp(w[4], "5") && !strcmp(w[5], "5"));
	CHECK(row(t, "/etc/passwd", w, 8) == 7);
	/* openat, read, 2 fcntl, read via the dup */
	CHECK(!strcmp(w[1], "5") && !strcmp(w[2], "1") && !strcmp(w[4], "37"));
	CHECK(row(t, "/ce", w, 8) == 7);
	CHECK(!strcmp(w[4], "1")); /* only the read before the exec */
	CHECK(row(t, "7>", w, 8) == 8); /* "<fd 7>": after the exec, fd 7 is unknown */
	CHECK(!strcmp(w[4], "3"));
	CHECK(row(t, "3>", w, 8) == 8); /* and pid 10's closed fd 3 */
	CHECK(!strcmp(w[4], "9"));
	CHECK(row(t, "/t\\\"q", w, 8) == 7); /* printed escaped, as strace would */
	CHECK(!strcmp(w[1], "4") && !strcmp(w[2], "1") && !strcmp(w[4], "5"));
	CHECK(row(t, "/nope", w, 8) == 7);
	CHECK(!strcmp(w[3], "1"));
	CHECK(row(t, "/srv/data/x", w, 8) == 7 && !strcmp(w[2], "1"));
	CHECK(row(t, "/srv/y", w, 8) == 7 && !strcmp(w[2], "1"));
	CHECK(row(t, "/etc/hosts", w, 8) == 7 && !strcmp(w[1], "1"));
	CHECK(row(t, "/srv", w, 8) == 7 && !strcmp(w[1], "1")); /* the chdir */
	CHECK(row(t, "rel", w, 8) == 7);
	CHECK(row(t, "<pipe>", w, 8) == 7);
	CHECK(!strcmp(w[1], "2") && !strcmp(w[4], "2") && !strcmp(w[5], "3"));
	CHECK(row(t, "/tmp/x\\33]0;pwned\\7", w, 8) == 7 && !strcmp(w[1], "2"));
	CHECK(!strchr(t, '\033') && !strchr(t, '\007'));
	CHECK(row(t, "<socket>", w, 8) == 7);
	CHECK(!strcmp(w[1], "2") && !strcmp(w[5], "4"));
	if (failures)
		fputs(t, stderr);
	free(buf);
}

/* A chain of 300 forks: each child starts with its parent's descriptors and working
 * directory (the table grows while it is copied), and an exec at the end of the chain
 * drops only the close-on-exec one. */
static void test_fork_chain(void)
{
	start(&lt_out_files, 0, 0);
	process(1000, 1, LT_LOG_F_ROOT, "/bin/app");
	call(1000, 1000, "chdir", 0, 10, 0, 0, 0, 0, "/w");
	call(1000, 1000, "openat", 3, 10, AT_FDCWD_, 0, 0, 1, "chain");
	call(1000, 1000, "openat", 4, 10, AT_FDCWD_, 0, O_CLOEXEC_, 1, "/ce2");
	for (uint32_t p = 1001; p < 1300; p++) {
		process(p, p - 1, LT_LOG_F_FORK, "/bin/app");
		call(p, p, "openat", 5 + p % 7, 10, AT_FDCWD_, 0, 0, 1, "/other");
	}
	call(1299, 1299, "read", 7, 10, 3, 0, 7, 0, 0);
	process(1299, 1298, LT_LOG_F_EXEC, "/bin/other");
	call(1299, 1299, "read", 1, 10, 3, 0, 1, 0, 0);
	call(1299, 1299, "read", 2, 10, 4, 0, 2, 0, 0);
	call(1299, 1299, "openat", 9, 10, AT_FDCWD_, 0, 0, 1, "rel");
	const char *t = finish();
	char w[8][64];
	CHECK(row(t, "/w/chain", w, 8) == 7 && !strcmp(w[4], "8"));
	CHECK(row(t, "4>", w, 8) == 8 && !strcmp(w[4], "2")); /* "<fd 4>": gone at the exec */
	CHECK(row(t, "/w/rel", w, 8) == 7); /* the working directory came down the chain */
	if (failures)
		fputs(t, stderr);
	free(buf);
}

static void test_top(void)
{
	start(&lt_out_top, 5, 0);
	/* durations: a permutation of 1..1000 us (7919 is prime to 1000) */
	for (int i = 0; i < 1000; i++)
		call(20, 21, "close", 0, (uint64_t)((i * 7919) % 1000 + 1) * 1000, i, 0, 0, 0, 0);
	/* a tie with the slowest, later: ranks after it */
	call(20, 22, "close", 0, 1000000, 5000, 0, 0, 0, 0);
	const char *t = finish();
	/* i with (i*7919)%1000 == 999: 7919*i = 999 mod 1000 -> i = 999*inv(7919) */
	int want[5], k = 0;
	for (int d = 999; d >= 996; d--)
		for (int i = 0; i < 1000; i++)
			if ((i * 7919) % 1000 == d && k < 5)
				want[k++] = i;
	const char *l = strchr(t, '\n');
	l = l ? strchr(l + 1, '\n') : 0; /* skip title and header */
	char exp[5][128];
	snprintf(exp[0], 128, "close(%d) = 0", want[0]);
	snprintf(exp[1], 128, "close(5000) = 0");
	for (int j = 1; j < 4; j++)
		snprintf(exp[j + 1], 128, "close(%d) = 0", want[j]);
	const char *usecs[5] = { "1000.000", "1000.000", "999.000", "998.000", "997.000" };
	for (int j = 0; j < 5 && l; j++) {
		l++;
		const char *e = strchr(l, '\n');
		char line[256];
		snprintf(line, sizeof line, "%.*s", (int)(e ? e - l : (long)strlen(l)), l);
		CHECK(strstr(line, exp[j]) != 0);
		CHECK(strstr(line, usecs[j]) != 0);
		CHECK(strstr(line, j == 1 ? " 22 " : " 21 ") != 0);
		l = e;
	}
	CHECK(l && l[1] == 0); /* exactly 5 rows */
	CHECK(strstr(t, "5 slowest of 1001 calls") != 0);
	if (failures)
		fputs(t, stderr);
	free(buf);
}

static void test_threads(void)
{
	start(&lt_out_threads, 0, 0);
	process(30, 1, LT_LOG_F_ROOT, "/usr/bin/srv");
	struct lt_event th = { .type = LT_EV_THREAD, .pid = 30, .tid = 31, .ts_ns = now,
			       .str = "worker", .str_len = 6 };
	feed(&th);
	call(30, 30, "read", 10, 2000000, 0, 0, 10, 0, 0);
	call(30, 30, "read", 10, 2000000, 0, 0, 10, 0, 0);
	call(30, 30, "openat", -2, 3000000, AT_FDCWD_, 0, 0, 1, "/x");
	call(30, 31, "write", 1, 9000000, 1, 0, 1, 0, 0);
	call(30, 31, "close", -9, 1000000, 99, 0, 0, 0, 0);
	const char *t = finish();
	/* worker: 10 ms of 17 = 58.82%; main: 7 ms = 41.18% */
	const char *a = strstr(t, "worker"), *b = strstr(t, "srv");
	CHECK(a && b && a < b); /* busiest thread first */
	char w[16][64];
	/* pid tid name calls errors seconds %time busiest... */
	CHECK(row_by(t, "worker", w, 16, 1) >= 7);
	CHECK(!strcmp(w[0], "30") && !strcmp(w[1], "31") && !strcmp(w[3], "2") &&
	      !strcmp(w[4], "1") && !strcmp(w[5], "0.010000") && !strcmp(w[6], "58.82%"));
	CHECK(a && strstr(a, "write 0.009000 (1), close 0.001000 (1)\n"));
	CHECK(row_by(t, "srv", w, 16, 1) >= 7);
	CHECK(!strcmp(w[1], "30") && !strcmp(w[3], "3") && !strcmp(w[4], "1") &&
	      !strcmp(w[5], "0.007000") && !strcmp(w[6], "41.18%"));
	CHECK(b && strstr(b, "read 0.004000 (2), openat 0.003000 (1)\n"));
	if (failures)
		fputs(t, stderr);
	free(buf);
}

static void test_hist(void)
{
	start(&lt_out_hist, 0, "read");
	static const uint64_t d[] = { 0, 1, 2, 3, 1000, 1500, 1023, 1024 };
	for (size_t i = 0; i < sizeof d / sizeof d[0]; i++)
		call(40, 40, "read", i == 2 ? -11 : 1, d[i], 0, 0, 1, 0, 0);
	call(40, 40, "write", 1, 5000000, 1, 0, 1, 0, 0); /* not read: not counted */
	const char *t = finish();
	CHECK(strstr(t, "read: 8 calls, 1 errors; latency ns: min 0, avg 569, max 1500") != 0);
	char bar2[53], bar1[53];
	memset(bar2, '@', 52);
	bar2[52] = 0;
	memset(bar1, '@', 26);
	memset(bar1 + 26, ' ', 26);
	bar1[52] = 0;
	struct { const char *range; int n; } want[] = {
		{ "[0]", 1 }, { "[1, 2)", 1 }, { "[2, 4)", 2 }, { "[4, 8)", 0 }, { "[8, 16)", 0 },
		{ "[16, 32)", 0 }, { "[32, 64)", 0 }, { "[64, 128)", 0 }, { "[128, 256)", 0 },
		{ "[256, 512)", 0 }, { "[512, 1K)", 2 }, { "[1K, 2K)", 2 },
	};
	const char *l = strchr(t, '\n');
	int rows = 0;
	for (size_t i = 0; i < sizeof want / sizeof want[0] && l && l[1]; i++, rows++) {
		l++;
		char exp[128];
		char empty[53];
		memset(empty, ' ', 52);
		empty[52] = 0;
		snprintf(exp, sizeof exp, "%-20s %8d |%s|\n", want[i].range, want[i].n,
			 want[i].n == 2 ? bar2 : want[i].n == 1 ? bar1 : empty);
		CHECK(!strncmp(l, exp, strlen(exp)));
		l = strchr(l, '\n');
	}
	CHECK(rows == 12 && l && l[1] == 0);
	if (failures)
		fputs(t, stderr);
	free(buf);
}

/* More arguments in strace's text than asked for: the last one holds the rest. */
static void test_args(void)
{
	struct lt_event ev;
	memset(&ev, 0, sizeof ev);
	ev.type = LT_EV_SYSCALL;
	ev.flags = LT_EVF_TEXT;
	ev.text_args = "1, \"a, \\\"b\", {x=1, y=[2, 3]}, f(4, 5)";
	struct lt_sb sb = { 0 };
	size_t ends[6];
	CHECK(lt_view_args(&sb, &ev, &rep.o.fmt, ends, 3) == 3);
	CHECK(ends[0] == 1);
	CHECK(ends[1] == strlen("1, \"a, \\\"b\""));
	CHECK(ends[2] == sb.len && !strcmp(sb.p + ends[1], ", {x=1, y=[2, 3]}, f(4, 5)"));
	lt_sb_reset(&sb);
	CHECK(lt_view_args(&sb, &ev, &rep.o.fmt, ends, 6) == 4 && ends[3] == sb.len);
	lt_sb_free(&sb);
}

int main(void)
{
	test_args();
	test_files();
	test_fork_chain();
	test_top();
	test_threads();
	test_hist();
	if (failures)
		return 1;
	printf("ok\n");
	return 0;
}
