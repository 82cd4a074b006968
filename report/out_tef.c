/* --tef FILE: Trace Event Format JSON (FILE.gz: gzip). One complete event per call,
 * instants for signals, exits, lost records and windows, and a name for every process and
 * thread at the end. Times are microseconds from the first event with nanosecond decimals
 * (epoch microseconds do not fit a double's precision).
 *
 * Perfetto drops a complete event that overlaps its sibling without nesting, and timing
 * noise or the wrapper fast path can produce one; so per thread this keeps the stack of
 * open slices and clamps each call into its parent (and never before its predecessor). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "lt_hmap.h"
#include "lt_json.h"
#include "lt_report.h"
#include "lt_syscall.h"
#include "lt_views.h"

struct tthread {
	uint32_t tid, pid;
	uint64_t last_start;
	uint64_t *stack; /* end times of the open slices */
	size_t depth, cap;
};

struct tproc {
	uint32_t pid;
};

struct tefstate {
	FILE *f;
	gzFile gz;
	struct lt_sb sb, tmp;
	int first;
	struct lt_hmap tmap, pmap;
	struct tthread *th;
	size_t nth, thcap;
	struct tproc *pr;
	size_t npr, prcap;
	struct lt_names *names;
};

static int flush(struct lt_report *r, struct tefstate *s, int force)
{
	if (!force && s->sb.len < (1u << 16))
		return 0;
	int ok;
	if (s->gz)
		ok = s->sb.len == 0 || gzwrite(s->gz, s->sb.p, (unsigned)s->sb.len) == (int)s->sb.len;
	else
		ok = fwrite(s->sb.p, 1, s->sb.len, s->f) == s->sb.len;
	lt_sb_reset(&s->sb);
	if (!ok) {
		fprintf(stderr, "libtrace-report: %s: write error\n", r->o.tef_file);
		return -1;
	}
	return 0;
}

static int tef_begin(struct lt_report *r, void **state)
{
	struct tefstate *s = calloc(1, sizeof(*s));
	if (!s)
		return -1;
	const char *p = r->o.tef_file;
	size_t n = strlen(p);
	if (n > 3 && strcmp(p + n - 3, ".gz") == 0)
		s->gz = gzopen(p, "wb3"); /* ~10% bigger than level 6 here, much faster */
	else
		s->f = fopen(p, "w");
	if (!s->gz && !s->f) {
		fprintf(stderr, "libtrace-report: %s: %s\n", p, strerror(errno ? errno : ENOMEM));
		free(s);
		return -1;
	}
	s->first = 1;
	s->names = lt_names_new();
	lt_sb_puts(&s->sb, "{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n");
	*state = s;
	return 0;
}

static struct tproc *proc_for(struct tefstate *s, uint32_t pid)
{
	int added = 0;
	uint32_t i = lt_hmap_add(&s->pmap, pid, &added);
	if (added) {
		if (i >= s->prcap) {
			s->prcap = s->prcap ? s->prcap * 2 : 16;
			s->pr = realloc(s->pr, s->prcap * sizeof(*s->pr));
			if (!s->pr)
				abort();
		}
		s->pr[i] = (struct tproc){ pid };
	}
	return &s->pr[i];
}

static struct tthread *thread_for(struct tefstate *s, uint32_t pid, uint32_t tid)
{
	int added = 0;
	uint32_t i = lt_hmap_add(&s->tmap, tid, &added);
	if (added) {
		if (i >= s->thcap) {
			s->thcap = s->thcap ? s->thcap * 2 : 16;
			s->th = realloc(s->th, s->thcap * sizeof(*s->th));
			if (!s->th)
				abort();
		}
		memset(&s->th[i], 0, sizeof(s->th[i]));
		s->th[i].tid = tid;
		proc_for(s, pid);
	}
	s->th[i].pid = pid;
	return &s->th[i];
}

static void ev_head(struct tefstate *s, const char *ph, const struct lt_event *ev)
{
	lt_sb_puts(&s->sb, s->first ? "{\"ph\":\"" : ",\n{\"ph\":\"");
	s->first = 0;
	lt_sb_puts(&s->sb, ph);
	lt_sb_puts(&s->sb, "\",\"pid\":");
	lt_json_u64(&s->sb, ev->pid);
	lt_sb_puts(&s->sb, ",\"tid\":");
	lt_json_u64(&s->sb, ev->tid);
	lt_sb_puts(&s->sb, ",\"name\":");
}

static void syscall_ev(struct lt_report *r, struct tefstate *s, const struct lt_event *ev)
{
	struct tthread *t = thread_for(s, ev->pid, ev->tid);
	uint64_t start = ev->ts_ns - r->first_ts_ns;
	if (ev->ts_ns < r->first_ts_ns)
		start = 0;
	if (start < t->last_start)
		start = t->last_start;
	uint64_t end = start + ((ev->flags & LT_EVF_UNFINISHED) ? 0 : ev->dur_ns);
	while (t->depth && t->stack[t->depth - 1] <= start)
		t->depth--;
	if (t->depth && end > t->stack[t->depth - 1])
		end = t->stack[t->depth - 1];
	if (t->depth == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 8;
		t->stack = realloc(t->stack, t->cap * sizeof(*t->stack));
		if (!t->stack)
			abort();
	}
	t->stack[t->depth++] = end;
	t->last_start = start;

	struct lt_sb *sb = &s->sb;
	ev_head(s, "X", ev);
	lt_json_str(sb, ev->name, strlen(ev->name));
	lt_sb_puts(sb, ",\"cat\":\"syscall\",\"ts\":");
	lt_json_us(sb, start);
	lt_sb_puts(sb, ",\"dur\":");
	lt_json_us(sb, end - start);
	lt_sb_puts(sb, ",\"args\":{");
	size_t ends[6];
	int n;
	lt_sb_reset(&s->tmp);
	n = lt_format_args(&s->tmp, ev, &r->o.fmt, ends, 6);
	const struct lt_sysent *se = ev->nr >= 0 ? lt_sysent_get((uint64_t)ev->nr) : NULL;
	size_t b = 0;
	for (int i = 0; i < n; i++) {
		/* past the sixth (strace's text can show more): one last "more" holds the rest */
		size_t e = i < 5 || n <= 6 ? ends[i] : s->tmp.len;
		if (e > s->tmp.len || e < b)
			break;
		b = lt_view_arg_start(&s->tmp, b);
		if (b > e)
			b = e;
		if (i)
			lt_sb_putc(sb, ',');
		if (i >= 5 && n > 6)
			lt_sb_puts(sb, "\"more\"");
		else if (se && i < se->nargs && se->argname[i][0])
			lt_json_str(sb, se->argname[i], strlen(se->argname[i]));
		else
			lt_sb_printf(sb, "\"arg%d\"", i);
		lt_sb_putc(sb, ':');
		lt_json_str(sb, s->tmp.p + b, e - b);
		b = e;
		if (i >= 5)
			break;
	}
	lt_sb_puts(sb, n ? ",\"ret\":" : "\"ret\":");
	lt_sb_reset(&s->tmp);
	lt_view_ret(&s->tmp, ev, &r->o.fmt);
	lt_json_str(sb, s->tmp.p, s->tmp.len);
	if (ev->flags & LT_EVF_INJECTED)
		lt_sb_puts(sb, ",\"injected\":true");
	if (ev->flags & LT_EVF_DELAYED)
		lt_sb_puts(sb, ",\"delayed\":true");
	lt_sb_puts(sb, "}}");
}

static void instant(struct lt_report *r, struct tefstate *s, const struct lt_event *ev,
		    const char *scope, const char *name, const char *detail)
{
	thread_for(s, ev->pid, ev->tid);
	ev_head(s, "i", ev);
	lt_json_str(&s->sb, name, strlen(name));
	lt_sb_printf(&s->sb, ",\"s\":\"%s\",\"ts\":", scope);
	lt_json_us(&s->sb, ev->ts_ns >= r->first_ts_ns ? ev->ts_ns - r->first_ts_ns : 0);
	if (detail) {
		lt_sb_puts(&s->sb, ",\"args\":{\"info\":");
		lt_json_str(&s->sb, detail, strlen(detail));
		lt_sb_putc(&s->sb, '}');
	}
	lt_sb_putc(&s->sb, '}');
}

/* Strace text without -f says nothing of pids; Perfetto files pid 0 under the idle task,
 * so such a trace gets a pid no kernel hands out (above PID_MAX_LIMIT). */
#define UNKNOWN_PID (1u << 22)

static int tef_event(struct lt_report *r, void *state, const struct lt_event *in)
{
	struct tefstate *s = state;
	char name[64];
	struct lt_event fixed;
	const struct lt_event *ev = in;
	if (!in->pid || !in->tid) {
		fixed = *in;
		if (!fixed.pid)
			fixed.pid = UNKNOWN_PID;
		if (!fixed.tid)
			fixed.tid = fixed.pid;
		ev = &fixed;
	}
	switch (ev->type) {
	case LT_EV_SYSCALL:
		syscall_ev(r, s, ev);
		break;
	case LT_EV_SIGNAL: {
		const char *n = lt_signal_name(ev->signo);
		if (!n) {
			snprintf(name, sizeof(name), "signal %d", ev->signo);
			n = name;
		}
		lt_sb_reset(&s->tmp);
		lt_format_signal(&s->tmp, ev, &r->o.fmt);
		char *detail = strdup(s->tmp.p ? s->tmp.p : "");
		instant(r, s, ev, "t", n, detail);
		free(detail);
		break;
	}
	case LT_EV_EXIT:
		if (ev->exit_signal) {
			const char *n = lt_signal_name(ev->exit_signal);
			snprintf(name, sizeof(name), "killed by %s", n ? n : "a signal");
		} else {
			snprintf(name, sizeof(name), "exited with %d", ev->exit_code);
		}
		instant(r, s, ev, "t", name, NULL);
		break;
	case LT_EV_LOST:
		snprintf(name, sizeof(name), "lost %llu records", (unsigned long long)ev->lost);
		instant(r, s, ev, "t", name, NULL);
		break;
	case LT_EV_NOTE: {
		lt_sb_reset(&s->tmp);
		lt_view_note_text(&s->tmp, ev);
		char *detail = strdup(s->tmp.p);
		snprintf(name, sizeof(name), "libtrace: %s", lt_note_kind(ev->note_code));
		instant(r, s, ev, "t", name, detail);
		free(detail);
		break;
	}
	case LT_EV_WINDOW:
		snprintf(name, sizeof(name), "tracing %s (window %u)",
			 ev->window_on ? "started" : "stopped", ev->window_seq);
		instant(r, s, ev, "p", name, NULL);
		break;
	case LT_EV_PROCESS:
		thread_for(s, ev->pid, ev->pid);
		lt_names_event(s->names, ev);
		break;
	case LT_EV_THREAD:
		thread_for(s, ev->pid, ev->tid);
		lt_names_event(s->names, ev);
		break;
	case LT_EV_FD: /* names a descriptor for -y; nothing happened */
	default:
		break;
	}
	return flush(r, s, 0);
}

static void meta(struct tefstate *s, const char *what, uint32_t pid, uint32_t tid,
		 const char *name)
{
	lt_sb_printf(&s->sb, "%s{\"ph\":\"M\",\"name\":\"%s\",\"pid\":%u,\"tid\":%u,\"args\":{\"name\":",
		     s->first ? "" : ",\n", what, pid, tid);
	s->first = 0;
	lt_json_str(&s->sb, name, strlen(name));
	lt_sb_puts(&s->sb, "}}");
}

static int tef_end(struct lt_report *r, void *state)
{
	struct tefstate *s = state;
	for (size_t i = 0; i < s->pmap.n; i++)
		meta(s, "process_name", s->pr[i].pid, s->pr[i].pid,
		     lt_names_process(s->names, s->pr[i].pid));
	for (size_t i = 0; i < s->tmap.n; i++) {
		struct tthread *t = &s->th[i];
		meta(s, "thread_name", t->pid, t->tid, lt_names_thread(s->names, t->pid, t->tid));
		free(t->stack);
	}
	lt_sb_puts(&s->sb, "\n]}\n");
	int rc = flush(r, s, 1);
	if (s->gz) {
		if (gzclose(s->gz) != Z_OK && rc == 0) {
			fprintf(stderr, "libtrace-report: %s: write error\n", r->o.tef_file);
			rc = -1;
		}
	} else if (fclose(s->f) != 0 && rc == 0) {
		fprintf(stderr, "libtrace-report: %s: %s\n", r->o.tef_file, strerror(errno));
		rc = -1;
	}
	lt_names_free(s->names);
	free(s->pr);
	free(s->th);
	lt_hmap_free(&s->tmap);
	lt_hmap_free(&s->pmap);
	lt_sb_free(&s->sb);
	lt_sb_free(&s->tmp);
	free(s);
	return rc;
}

const struct lt_output lt_out_tef = { "tef", tef_begin, tef_event, tef_end };
