/* Default output: strace's own lines. Where strace's layout has a rule (the " = " column,
 * the [pid N] prefix once there are several tasks) this follows it, so tools that read
 * strace output read this too. Events strace has no line for are shown as notes in
 * strace's note style, "[ lost 3 records ]", never silently dropped. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lt_filter.h"
#include "lt_log.h"
#include "lt_report.h"
#include "lt_syscall.h"
#include "lt_views.h"

#define RESULT_COLUMN 40 /* strace's default -a */

struct tstate {
	struct lt_sb sb;
	uint64_t last_ns;      /* -r: when the previous line's event began */
	int dump_read, dump_write;
	struct lt_numset rd, wr; /* -e read=, -e write= */
};

static int tbegin(struct lt_report *r, void **state)
{
	struct tstate *s = calloc(1, sizeof(struct tstate));
	char err[128];
	if (!s)
		return -1;
	*state = s;
	s->last_ns = r->o.rel_base_ns;
	/* report_main checked both sets already */
	s->dump_read = r->o.dump_read && lt_numset_parse(&s->rd, r->o.dump_read, 0, err,
							 sizeof(err)) == 0;
	s->dump_write = r->o.dump_write && lt_numset_parse(&s->wr, r->o.dump_write, 0, err,
							   sizeof(err)) == 0;
	return 0;
}

/* -r: the time since the previous line began, as strace prints it (after -t's time, in
 * parentheses, "(+     0.000123)"). strace measures on the monotonic clock at the line's
 * start; the log's times are the calls' own entry times, on the wall clock. */
static void relative(struct tstate *s, struct lt_sb *sb, const struct lt_report_opts *o,
		     uint64_t ts)
{
	uint64_t d = s->last_ns && ts > s->last_ns ? ts - s->last_ns : 0;
	int digits = o->rel_ts - 1;
	unsigned long long div = 1;
	for (int i = digits; i < 9; i++)
		div *= 10;
	if (o->ts_mode)
		lt_sb_puts(sb, "(+");
	lt_sb_printf(sb, "%6llu", (unsigned long long)(d / 1000000000u));
	if (digits)
		lt_sb_printf(sb, ".%0*llu", digits, (unsigned long long)(d % 1000000000u / div));
	lt_sb_puts(sb, o->ts_mode ? ") " : " ");
	if (ts > s->last_ns)
		s->last_ns = ts;
}

static void prefix(struct lt_report *r, struct tstate *s, struct lt_sb *sb,
		   const struct lt_event *ev)
{
	const struct lt_report_opts *o = &r->o;
	if (o->show_pid > 0 || (o->show_pid == 0 && r->nthreads_seen > 1))
		lt_sb_printf(sb, o->pid_bare ? "%-5u " : "[pid %5u] ", ev->tid);
	if (o->ts_mode) {
		time_t sec = (time_t)(ev->ts_ns / 1000000000u);
		unsigned us = (unsigned)(ev->ts_ns % 1000000000u / 1000u);
		if (o->ts_mode >= 3) {
			lt_sb_printf(sb, "%lld.%06u ", (long long)sec, us);
		} else {
			struct tm tm;
			localtime_r(&sec, &tm);
			lt_sb_printf(sb, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
			if (o->ts_mode == 2)
				lt_sb_printf(sb, ".%06u", us);
			lt_sb_putc(sb, ' ');
		}
	}
	if (o->rel_ts)
		relative(s, sb, o, ev->ts_ns);
	int nr = ev->type == LT_EV_SYSCALL ? ev->nr : lt_filter_last_nr(r->filt, ev->tid);
	if (o->show_nr && nr >= 0)
		lt_sb_printf(sb, "[%4d] ", nr);
}

/* strace's dumpstr: " | 00000  61 62 ... 16 bytes  ab...             |" per 16 bytes.
 * Each line is laid out in place: a dump can be megabytes. */
static void hexdump(struct lt_sb *sb, const uint8_t *d, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char line[80];
	for (size_t off = 0; off < n; off += 16) {
		memset(line, ' ', sizeof(line));
		int k = snprintf(line, sizeof(line), " | %05zx  ", off);
		char *h = line + k, *a = h + 16 * 3 + 2;
		for (size_t i = 0; i < 16 && off + i < n; i++) {
			uint8_t c = d[off + i];
			char *x = h + i * 3 + (i >= 8);
			x[0] = hex[c >> 4];
			x[1] = hex[c & 15];
			x[2] = ' ';
			a[i] = c >= 32 && c < 127 ? (char)c : '.';
		}
		memcpy(a + 16, " |\n", 3);
		lt_sb_putn(sb, line, (size_t)(a + 19 - line));
	}
}

/* One buffer of len bytes the call read or wrote: what was captured of it, and a line for
 * what was not (the shim keeps LIBTRACE_STRSIZE bytes of a buffer). */
static void dump_buffer(struct lt_sb *sb, const struct lt_event *ev, int arg, unsigned sub,
			uint64_t len)
{
	const uint8_t *d;
	const struct lt_cap *c = lt_event_cap(ev, arg, sub, &d);
	uint64_t have = c && !(c->flags & LT_CAP_FAULT) ? c->len : 0;
	if (have > len)
		have = len;
	hexdump(sb, d, (size_t)have);
	if (have < len)
		lt_sb_printf(sb, " * %llu more bytes were not captured (LIBTRACE_STRSIZE)\n",
			     (unsigned long long)(len - have));
}

/* readv/writev and the like: " * N bytes in buffer I", then its dump, up to total. */
static void dump_iov(struct lt_sb *sb, const struct lt_event *ev, uint64_t total)
{
	const uint8_t *d;
	const struct lt_cap *c = lt_event_cap(ev, 1, LT_CAP_SUB_SELF, &d);
	uint64_t n = c ? c->len / 16 : 0;
	if (n > ev->args[2])
		n = ev->args[2];
	for (uint64_t i = 0; i < n && total; i++) {
		uint64_t len;
		memcpy(&len, d + i * 16 + 8, 8);
		if (len > total)
			len = total;
		if (!len)
			break;
		total -= len;
		lt_sb_printf(sb, " * %llu bytes in buffer %llu\n", (unsigned long long)len,
			     (unsigned long long)i);
		dump_buffer(sb, ev, 1, (unsigned)i, len);
	}
}

/* -e read=SET, -e write=SET: strace's dumpio, after a successful call's line. */
static void dumpio(struct tstate *s, struct lt_sb *sb, const struct lt_event *ev)
{
	int64_t fd = (int32_t)ev->args[0];
	if (fd < 0 || (ev->flags & (LT_EVF_UNFINISHED | LT_EVF_TEXT)) ||
	    (ev->ret < 0 && ev->ret >= -4095))
		return;
	if (s->dump_write && lt_numset_has(&s->wr, fd)) {
		switch (ev->nr) {
		case LT_NR_write: case LT_NR_pwrite64: case LT_NR_sendto:
			dump_buffer(sb, ev, 1, LT_CAP_SUB_SELF, ev->args[2]);
			break;
		case LT_NR_writev: case LT_NR_pwritev: case LT_NR_pwritev2:
			dump_iov(sb, ev, UINT64_MAX);
			break;
		}
	}
	if (s->dump_read && lt_numset_has(&s->rd, fd)) {
		switch (ev->nr) {
		case LT_NR_read: case LT_NR_pread64: case LT_NR_recvfrom:
			dump_buffer(sb, ev, 1, LT_CAP_SUB_SELF, (uint64_t)ev->ret);
			break;
		case LT_NR_readv: case LT_NR_preadv: case LT_NR_preadv2:
			dump_iov(sb, ev, (uint64_t)ev->ret);
			break;
		}
	}
}

static void syscall_line(struct lt_report *r, struct lt_sb *sb, const struct lt_event *ev,
			 size_t line_start)
{
	lt_sb_puts(sb, ev->name);
	lt_sb_putc(sb, '(');
	lt_format_args(sb, ev, &r->o.fmt, NULL, 0);
	lt_sb_puts(sb, ") ");
	size_t col = sb->len - line_start;
	if (col < RESULT_COLUMN)
		lt_sb_printf(sb, "%*s", (int)(RESULT_COLUMN - col), "");
	lt_sb_puts(sb, "= ");
	lt_view_ret(sb, ev, &r->o.fmt);
	if (r->o.show_dur && !(ev->flags & LT_EVF_UNFINISHED))
		lt_sb_printf(sb, " <%llu.%06llu>", (unsigned long long)(ev->dur_ns / 1000000000u),
			     (unsigned long long)(ev->dur_ns % 1000000000u / 1000u));
}

/* The control signals moved: news about the tracer, not the program, so on stderr as
 * strace prints its own ("strace: Process 42 attached"), not in the trace (notes of what
 * the trace lacks, a full log, stay where the gap is) */
static int control_note(struct lt_sb *sb, const struct lt_event *ev)
{
	lt_sb_printf(sb, "libtrace: pid %u: ", ev->pid);
	lt_view_note_text(sb, ev);
	lt_sb_putc(sb, '\n');
	fwrite(sb->p, 1, sb->len, stderr);
	return 0;
}

static int tevent(struct lt_report *r, void *state, const struct lt_event *ev)
{
	struct tstate *s = state;
	struct lt_sb *sb = &s->sb;
	if (ev->type == LT_EV_PROCESS || ev->type == LT_EV_THREAD || ev->type == LT_EV_FD)
		return 0; /* names: nothing happened in the program */
	/* The trace's beginning says itself that tracing started; a user coming from strace
	 * sees no note there. Later windows and every stop are shown. */
	if (ev->type == LT_EV_WINDOW && ev->window_on && ev->window_seq == 1)
		return 0;
	lt_sb_reset(sb);
	if (ev->type == LT_EV_NOTE && ev->note_code == LT_NOTE_SIGNALS)
		return control_note(sb, ev);
	prefix(r, s, sb, ev);
	switch (ev->type) {
	case LT_EV_SYSCALL:
		syscall_line(r, sb, ev, 0);
		if (s->dump_read || s->dump_write) {
			lt_sb_putc(sb, '\n');
			dumpio(s, sb, ev);
			sb->len--; /* the newline below ends the last line */
		}
		break;
	case LT_EV_SIGNAL:
		lt_sb_puts(sb, "--- ");
		lt_format_signal(sb, ev, &r->o.fmt);
		lt_sb_puts(sb, " ---");
		break;
	case LT_EV_EXIT:
		if (ev->exit_signal) {
			const char *n = lt_signal_name(ev->exit_signal);
			if (n)
				lt_sb_printf(sb, "+++ killed by %s +++", n);
			else
				lt_sb_printf(sb, "+++ killed by signal %d +++", ev->exit_signal);
		} else {
			lt_sb_printf(sb, "+++ exited with %d +++", ev->exit_code);
		}
		break;
	case LT_EV_LOST:
		lt_sb_printf(sb, "[ lost %llu record%s ]", (unsigned long long)ev->lost,
			     ev->lost == 1 ? "" : "s");
		break;
	case LT_EV_NOTE: /* in strace's style for its own remarks, escaped */
		lt_sb_puts(sb, "[ libtrace: ");
		lt_view_note_text(sb, ev);
		lt_sb_puts(sb, " ]");
		break;
	case LT_EV_WINDOW:
		lt_sb_printf(sb, "[ tracing %s (window %u) ]", ev->window_on ? "started" : "stopped",
			     ev->window_seq);
		break;
	default:
		return 0;
	}
	lt_sb_putc(sb, '\n');
	if (fwrite(sb->p, 1, sb->len, r->out) != sb->len)
		return -1;
	return 0;
}

static int tend(struct lt_report *r, void *state)
{
	(void)r;
	struct tstate *s = state;
	lt_sb_free(&s->sb);
	free(s);
	return 0;
}

const struct lt_output lt_out_text = { "text", tbegin, tevent, tend };
