/* Default output: strace's own lines. Where strace's layout has a rule (the " = " column,
 * the [pid N] prefix once there are several tasks) this follows it, so tools that read
 * strace output read this too. Events strace has no line for are shown as notes in
 * strace's note style, "[ lost 3 records ]", never silently dropped. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lt_report.h"
#include "lt_views.h"

#define RESULT_COLUMN 40 /* strace's default -a */

struct tstate {
	struct lt_sb sb;
};

static int tbegin(struct lt_report *r, void **state)
{
	(void)r;
	*state = calloc(1, sizeof(struct tstate));
	return *state ? 0 : -1;
}

static void prefix(struct lt_report *r, struct lt_sb *sb, const struct lt_event *ev)
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

static int tevent(struct lt_report *r, void *state, const struct lt_event *ev)
{
	struct tstate *s = state;
	struct lt_sb *sb = &s->sb;
	if (ev->type == LT_EV_PROCESS || ev->type == LT_EV_THREAD || ev->type == LT_EV_FD)
		return 0; /* names: nothing happened in the program */
	lt_sb_reset(sb);
	prefix(r, sb, ev);
	switch (ev->type) {
	case LT_EV_SYSCALL:
		syscall_line(r, sb, ev, 0);
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
		/* The trace's beginning says itself that tracing started; a user coming from
		 * strace sees no note there. Later windows and every stop are shown. */
		if (ev->window_on && ev->window_seq == 1)
			return 0;
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
