/* Outputs: JSON string escaping, the JSON object of a call, the summary's arithmetic and
 * order, the text line layout (strace's " = " column, [pid N] prefix, -T), all from events
 * built here with known values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lt_json.h"
#include "lt_report.h"
#include "lt_syscall.h"

static int failures;
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK(%s)\n", __FILE__, __LINE__, #c); failures++; } } while (0)

static int json_is(const char *in, size_t n, const char *want)
{
	struct lt_sb sb = { 0 };
	lt_json_str(&sb, in, n);
	int ok = strcmp(sb.p, want) == 0;
	if (!ok)
		fprintf(stderr, "json: got %s want %s\n", sb.p, want);
	lt_sb_free(&sb);
	return ok;
}

static void test_json_escape(void)
{
	CHECK(json_is("plain", 5, "\"plain\""));
	CHECK(json_is("\"Hello\\n\"", 9, "\"\\\"Hello\\\\n\\\"\""));
	CHECK(json_is("a\nb\tc\r", 6, "\"a\\nb\\tc\\r\""));
	CHECK(json_is("\x01\x1f\x7f", 3, "\"\\u0001\\u001f\\u007f\""));
	CHECK(json_is("nul\0x", 5, "\"nul\\u0000x\""));
	CHECK(json_is("caf\xc3\xa9", 5, "\"caf\xc3\xa9\""));      /* valid UTF-8 kept */
	CHECK(json_is("\xff\xc3", 2, "\"\\u00ff\\u00c3\""));       /* invalid bytes escaped */
	CHECK(json_is("\xed\xa0\x80", 3, "\"\\u00ed\\u00a0\\u0080\"")); /* a surrogate */
	CHECK(json_is("\xf0\x9f\x98\x80", 4, "\"\xf0\x9f\x98\x80\""));
	CHECK(json_is("", 0, "\"\""));
}

static struct lt_event text_call(uint32_t pid, uint32_t tid, const char *name,
				 const char *args, const char *ret_text, int64_t ret, uint64_t dur)
{
	struct lt_event ev;
	memset(&ev, 0, sizeof(ev));
	ev.type = LT_EV_SYSCALL;
	ev.flags = LT_EVF_TEXT;
	ev.pid = pid;
	ev.tid = tid;
	ev.ts_ns = 1700000000123456789ull;
	ev.dur_ns = dur;
	ev.nr = lt_sysent_lookup(name); /* as the strace text parser gives it */
	ev.name = name;
	ev.text_args = args;
	ev.text_ret = ret_text;
	ev.ret = ret;
	return ev;
}

/* Runs one output over events and returns what it printed (caller frees). */
static char *run(const struct lt_output *out, struct lt_report *r, const struct lt_event *evs,
		 int n)
{
	char *buf = NULL;
	size_t len = 0;
	r->out = open_memstream(&buf, &len);
	void *st = NULL;
	CHECK(out->begin(r, &st) == 0);
	for (int i = 0; i < n; i++)
		CHECK(out->event(r, st, &evs[i]) == 0);
	CHECK(out->end(r, st) == 0);
	fclose(r->out);
	return buf;
}

static void test_json_event(void)
{
	struct lt_report r;
	memset(&r, 0, sizeof(r));
	struct lt_event ev[2] = {
		text_call(7, 8, "write", "1, \"Hello\\n\", 6", "6", 6, 1500),
		text_call(7, 7, "openat", "AT_FDCWD, \"/nope\", O_RDONLY",
			  "-1 ENOENT (No such file or directory)", -2, 10),
	};
	char *s = run(&lt_out_json, &r, ev, 2);
	const char *want =
		"{\"type\":\"syscall\",\"pid\":7,\"tid\":8,\"ts_ns\":1700000000123456789,"
		"\"dur_ns\":1500,\"name\":\"write\",\"args\":[\"1\",\"\\\"Hello\\\\n\\\"\",\"6\"],"
		"\"named_args\":{\"fd\":1,\"buf\":\"Hello\\n\",\"count\":6},\"ret\":6}\n"
		"{\"type\":\"syscall\",\"pid\":7,\"tid\":7,\"ts_ns\":1700000000123456789,"
		"\"dur_ns\":10,\"name\":\"openat\",\"args\":[\"AT_FDCWD\",\"\\\"/nope\\\"\",\"O_RDONLY\"],"
		"\"named_args\":{\"dirfd\":\"AT_FDCWD\",\"pathname\":\"/nope\",\"flags\":\"O_RDONLY\"},"
		"\"ret\":-1,\"errno\":\"ENOENT\"}\n";
	if (strcmp(s, want) != 0)
		fprintf(stderr, "json got:\n%swant:\n%s", s, want);
	CHECK(strcmp(s, want) == 0);
	free(s);
}

static void test_summary(void)
{
	struct lt_report r;
	memset(&r, 0, sizeof(r));
	/* write: 3 calls, 600us total, 1 error; read: 1 call 1400us; exit_group unfinished */
	struct lt_event ev[6] = {
		text_call(1, 1, "write", "1", "1", 1, 100000),
		text_call(1, 1, "write", "1", "1", 1, 200000),
		text_call(1, 1, "write", "1", "-1 EBADF (Bad file descriptor)", -9, 300000),
		text_call(1, 1, "read", "0", "5", 5, 1400000),
		text_call(1, 1, "exit_group", "0", "?", 0, 0),
		text_call(1, 1, "close", "3", "0", 0, 0),
	};
	ev[4].flags |= LT_EVF_UNFINISHED;
	char *s = run(&lt_out_summary, &r, ev, 6);
	const char *want =
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		" 70.00    0.001400        1400         1           read\n"
		" 30.00    0.000600         200         3         1 write\n"
		"  0.00    0.000000           0         1           close\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    0.002000         400         5         1 total\n";
	if (strcmp(s, want) != 0)
		fprintf(stderr, "summary got:\n%swant:\n%s", s, want);
	CHECK(strcmp(s, want) == 0);
	free(s);
}

static void test_text(void)
{
	struct lt_report r;
	memset(&r, 0, sizeof(r));
	r.o.show_dur = 1;
	r.o.ts_mode = 3;
	struct lt_event ev[3] = {
		text_call(5, 5, "close", "3", "0", 0, 1234567),
		text_call(5, 5, "write", "1, \"a long enough string here\", 26", "26", 26, 5),
	};
	memset(&ev[2], 0, sizeof(ev[2]));
	ev[2].type = LT_EV_EXIT;
	ev[2].pid = ev[2].tid = 5;
	ev[2].ts_ns = 1700000000500000000ull;
	ev[2].exit_code = 3;
	char *s = run(&lt_out_text, &r, ev, 3);
	const char *want =
		"1700000000.123456 close(3)              = 0 <0.001234>\n"
		"1700000000.123456 write(1, \"a long enough string here\", 26) = 26 <0.000000>\n"
		"1700000000.500000 +++ exited with 3 +++\n";
	if (strcmp(s, want) != 0)
		fprintf(stderr, "text got:\n%swant:\n%s", s, want);
	CHECK(strcmp(s, want) == 0);
	free(s);
	/* what strace has no line for is shown, never dropped: lost records, windows */
	memset(&r, 0, sizeof(r));
	struct lt_event notes[3];
	memset(notes, 0, sizeof(notes));
	notes[0].type = LT_EV_LOST;
	notes[0].lost = 3;
	notes[1].type = LT_EV_WINDOW;
	notes[1].window_on = 1;
	notes[1].window_seq = 2;
	notes[2].type = LT_EV_THREAD; /* a name: no line */
	s = run(&lt_out_text, &r, notes, 3);
	CHECK(strcmp(s, "[ lost 3 records ]\n[ tracing started (window 2) ]\n") == 0);
	free(s);
	/* the first window's start is where the trace begins anyway: no note */
	notes[1].window_seq = 1;
	s = run(&lt_out_text, &r, notes + 1, 1);
	CHECK(strcmp(s, "") == 0);
	free(s);
	notes[1].window_seq = 2;
	s = run(&lt_out_json, &r, notes, 2);
	CHECK(strcmp(s, "{\"type\":\"lost\",\"pid\":0,\"tid\":0,\"ts_ns\":0,\"count\":3}\n"
		     "{\"type\":\"window\",\"pid\":0,\"tid\":0,\"ts_ns\":0,\"on\":true,\"seq\":2}\n") == 0);
	free(s);
	/* several tasks: strace -f's prefix, padded to five digits; "=" in column 40 */
	memset(&r, 0, sizeof(r));
	r.nthreads_seen = 2;
	struct lt_event one = text_call(5, 77, "getpid", "", "5", 5, 0);
	s = run(&lt_out_text, &r, &one, 1);
	CHECK(strcmp(s, "[pid    77] getpid()" "                    " "= 5\n") == 0);
	free(s);
}

/* TEF: times relative to the first event in microseconds with ns decimals; a call that
 * overlaps its predecessor without nesting is clamped into it; every thread named. */
static void test_tef(void)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/lt-test-tef.%d.json", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid());
	struct lt_report r;
	memset(&r, 0, sizeof(r));
	r.o.tef_file = path;
	r.first_ts_ns = 1000000;
	struct lt_event ev[4] = {
		text_call(9, 9, "read", "0", "1", 1, 100000),   /* 0 .. 100us */
		text_call(9, 9, "write", "1", "1", 1, 150000),  /* 50us .. 200us: overlaps */
		text_call(9, 10, "close", "3", "0", 0, 1234),
	};
	ev[0].ts_ns = 1000000;
	ev[1].ts_ns = 1050000;
	ev[2].ts_ns = 1000001;
	memset(&ev[3], 0, sizeof(ev[3]));
	ev[3].type = LT_EV_THREAD;
	ev[3].pid = 9;
	ev[3].tid = 10;
	ev[3].str = "worker";
	ev[3].str_len = 6;
	void *st = NULL;
	CHECK(lt_out_tef.begin(&r, &st) == 0);
	for (int i = 0; i < 4; i++)
		CHECK(lt_out_tef.event(&r, st, &ev[i]) == 0);
	CHECK(lt_out_tef.end(&r, st) == 0);
	FILE *f = fopen(path, "r");
	static char buf[8192];
	size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;
	buf[n] = 0;
	if (f)
		fclose(f);
	unlink(path);
	CHECK(strstr(buf, "\"name\":\"read\",\"cat\":\"syscall\",\"ts\":0.000,\"dur\":100.000") != NULL);
	CHECK(strstr(buf, "\"name\":\"write\",\"cat\":\"syscall\",\"ts\":50.000,\"dur\":50.000") != NULL);
	CHECK(strstr(buf, "\"ts\":0.001,\"dur\":1.234") != NULL);
	CHECK(strstr(buf, "\"name\":\"thread_name\",\"pid\":9,\"tid\":10,\"args\":{\"name\":\"worker\"}") != NULL);
	CHECK(strstr(buf, "\"name\":\"thread_name\",\"pid\":9,\"tid\":9,") != NULL);
	CHECK(strstr(buf, "\"name\":\"process_name\",\"pid\":9,") != NULL);
	if (failures)
		fprintf(stderr, "%s", buf);
}

int main(void)
{
	test_json_escape();
	test_json_event();
	test_summary();
	test_text();
	test_tef();
	if (failures)
		return 1;
	printf("ok\n");
	return 0;
}
