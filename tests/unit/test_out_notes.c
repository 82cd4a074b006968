/* The tracer's own news in every output (issue 8): lost records of every process and
 * exec'd image, notes (LT_REC_NOTE, escaped) and injected outcomes (LT_SC_INJECTED), from
 * logs written with lt_logwrite and read back by the reader, as libtrace-report reads
 * them. Expected texts are strace's ("(INJECTED)", its escapes) or this tool's documented
 * lines, worked out here by hand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lt_logwrite.h"
#include "lt_reader.h"
#include "lt_report.h"

static int failures;
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK(%s)\n", __FILE__, __LINE__, #c); failures++; } } while (0)

#define MONO 1000000000ull
#define WALL 1700000000000000000ull
static char dir[256];

static struct lt_logw *open_log(const char *name, uint32_t pid, uint32_t ppid, uint32_t flags)
{
	char p[512];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	struct lt_logw_opts o = { .pid = pid, .ppid = ppid, .mono_ns = MONO, .wall_ns = WALL,
				  .chunk_size = 4096, .flags = flags, .comm = "prog" };
	struct lt_logw *w = lt_logw_open(p, &o);
	if (!w) {
		perror(p);
		exit(1);
	}
	return w;
}

static void lost(struct lt_logw *w, uint32_t tid, uint64_t ts, uint64_t n)
{
	struct lt_rec_lost l = { { LT_REC_LOST, 0, 0, ts }, n };
	CHECK(lt_logw_rec(w, tid, &l, sizeof l) == 0);
}

#ifndef LT_SC_DELAYED /* lib/lt_log.h's, from the injection work */
#define LT_SC_DELAYED 0x10u
#endif

static const char NOTE[] = "log full \033]0;x\007 (ENOSPC)";

static void write_logs(void)
{
	/* pid 42: an injected write, 5 lost, a note; its exec'd image: 7 lost; pid 43: 1 */
	struct lt_logw *w = open_log("42.ltl", 42, 1, LT_LOG_F_ROOT);
	uint8_t caps[64];
	size_t cl = lt_logw_cap(caps, 0, 1, 0, LT_CAP_SUB_SELF, "Hello\n", 6);
	uint64_t args[6] = { 1, 0x1000, 6 };
	CHECK(lt_logw_syscall(w, 42, MONO + 100, 1, args, -28, 50, LT_SC_INJECTED, caps, cl, 1) == 0);
	uint64_t cargs[6] = { 5 };
	CHECK(lt_logw_syscall(w, 42, MONO + 150, 3, cargs, 0, 1000000, LT_SC_DELAYED, NULL, 0, 0) == 0);
	lost(w, 42, MONO + 200, 5);
	struct lt_rec_thread th = { { LT_REC_THREAD, 0, 0, MONO + 250 }, "w\033]0;x\007" };
	CHECK(lt_logw_rec(w, 42, &th, sizeof th) == 0); /* a thread naming itself hostilely */
	CHECK(lt_logw_note(w, 42, MONO + 300, LT_NOTE_LOG_FULL, NOTE, sizeof NOTE - 1) == 0);
	CHECK(lt_logw_close(w) == 0);
	w = open_log("42.1.ltl", 42, 1, LT_LOG_F_EXEC);
	lost(w, 42, MONO + 400, 7);
	CHECK(lt_logw_close(w) == 0);
	w = open_log("43.ltl", 43, 42, LT_LOG_F_FORK);
	lost(w, 43, MONO + 500, 1);
	CHECK(lt_logw_close(w) == 0);
}

/* Runs one output over the logs; its text (malloc'd). */
static char *report(const struct lt_output *out, struct lt_report_opts o)
{
	struct lt_report r;
	memset(&r, 0, sizeof r);
	r.o = o;
	r.o.fmt.strsize = 32;
	r.o.since_ns = r.o.until_ns = -1;
	char *buf = NULL;
	size_t len = 0;
	r.out = open_memstream(&buf, &len);
	struct lt_reader *rd = lt_reader_new();
	CHECK(lt_reader_add(rd, dir) == 0);
	void *st;
	CHECK(out->begin(&r, &st) == 0);
	struct lt_event ev;
	while (lt_reader_next(rd, &ev) == 1) {
		if (!r.first_ts_ns)
			r.first_ts_ns = ev.ts_ns;
		CHECK(out->event(&r, st, &ev) == 0);
	}
	CHECK(out->end(&r, st) == 0);
	CHECK(lt_reader_errors(rd) == 0);
	lt_reader_free(rd);
	fclose(r.out);
	return buf;
}

static void expect(const char *what, const char *text, const char *want)
{
	if (!strstr(text, want)) {
		fprintf(stderr, "%s lacks: %s\n--- got:\n%s\n", what, want, text);
		failures++;
	}
}

static void no_raw_escape(const char *what, const char *text, size_t len)
{
	if (memchr(text, '\033', len) || memchr(text, '\007', len)) {
		fprintf(stderr, "%s prints ESC or BEL raw\n", what);
		failures++;
	}
}

int main(void)
{
	snprintf(dir, sizeof dir, "%s/lt-notes.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	write_logs();
	struct lt_report_opts o;
	memset(&o, 0, sizeof o);

	char *t = report(&lt_out_text, o);
	char line[128]; /* strace's -a40: " = " at column 40 */
	snprintf(line, sizeof line, "%-40s= -1 ENOSPC (No space left on device) (INJECTED)\n",
		 "write(1, \"Hello\\n\", 6) ");
	expect("text", t, line);
	snprintf(line, sizeof line, "%-40s= 0 (DELAYED)\n", "close(5) ");
	expect("text", t, line);
	expect("text", t, "[ lost 5 records ]\n");
	expect("text", t, "[ lost 7 records ]\n");
	expect("text", t, "[ lost 1 record ]\n");
	expect("text", t, "[ libtrace: log full \\33]0;x\\7 (ENOSPC) ]\n");
	no_raw_escape("text", t, strlen(t));
	free(t);

	t = report(&lt_out_json, o);
	expect("json", t, "\"ret\":-1,\"errno\":\"ENOSPC\",\"injected\":true}");
	expect("json", t, "\"name\":\"close\",\"args\":[\"5\"],\"named_args\":{\"fd\":5},\"ret\":0,\"delayed\":true}");
	expect("json", t, "{\"type\":\"note\",\"pid\":42,\"tid\":42,\"ts_ns\":1700000000000000300,"
			  "\"code\":2,\"kind\":\"log_full\",\"text\":\"log full \\u001b]0;x\\u0007 (ENOSPC)\"}");
	expect("json", t, "{\"type\":\"lost\",\"pid\":42,\"tid\":42,\"ts_ns\":1700000000000000400,\"count\":7}");
	no_raw_escape("json", t, strlen(t));
	free(t);

	o.summary = 1;
	t = report(&lt_out_summary, o);
	expect("-c", t, "100.00    0.001000         500         2         1 total\n"
			"libtrace: 13 records lost (pid 42: 12, pid 43: 1)\n"
			"libtrace: pid 42: log full \\33]0;x\\7 (ENOSPC)\n");
	no_raw_escape("-c", t, strlen(t));
	free(t);

	/* the views end with the same footer */
	o.threads_view = 1;
	t = report(&lt_out_threads, o);
	expect("--threads", t, "libtrace: 13 records lost (pid 42: 12, pid 43: 1)\n");
	expect("--threads", t, " w\\33]0;x\\7 "); /* the thread's name, escaped (issue 14) */
	no_raw_escape("--threads", t, strlen(t));
	free(t);

	char tef[600], pf[600];
	snprintf(tef, sizeof tef, "%s/out.json", dir);
	snprintf(pf, sizeof pf, "%s/out.pftrace", dir);
	o.tef_file = tef;
	free(report(&lt_out_tef, o));
	o.perfetto_file = pf;
	free(report(&lt_out_perfetto, o));
	for (int k = 0; k < 2; k++) {
		FILE *f = fopen(k ? pf : tef, "rb");
		CHECK(f != NULL);
		if (!f)
			continue;
		char b[1 << 16];
		size_t n = fread(b, 1, sizeof b - 1, f);
		fclose(f);
		b[n] = 0;
		/* Perfetto's protobuf holds the strings as they are: search bytes */
		const char *w[] = { k ? "injected" : "\"injected\":true", "libtrace: log_full",
				    k ? "w\\33]0;x\\7" : "\"thread_name\",\"pid\":42,\"tid\":42,\"args\":{\"name\":\"w\\\\33]0;x\\\\7\"}",
				    k ? "lost records" : "lost 7 records", "(INJECTED)",
				    k ? "log full \\33]0;x\\7 (ENOSPC)" : "log full \\\\33]0;x\\\\7 (ENOSPC)" };
		for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
			if (!memmem(b, n, w[i], strlen(w[i]))) {
				fprintf(stderr, "%s lacks %s\n", k ? "--perfetto" : "--tef", w[i]);
				failures++;
			}
		if (memmem(b, n, "\033]0;x\007", 6)) { /* (protobuf lengths may be 0x1b or 7) */
			fprintf(stderr, "%s prints the note's ESC raw\n", k ? "--perfetto" : "--tef");
			failures++;
		}
	}
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (getenv("KEEP") ? 0 : system(cmd) != 0)
		failures++;
	if (failures)
		return 1;
	printf("ok\n");
	return 0;
}
