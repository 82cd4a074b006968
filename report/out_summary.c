/* -c: strace's summary table. Time is wall time inside each call (dur_ns), which is what a
 * reader of a trace means by "time spent"; strace's default system CPU time reads 0 on VMs.
 * A call counts when it returned, as in strace -c (exit_group and a lost execve do not). */
#include <stdlib.h>
#include <string.h>

#include "lt_hmap.h"
#include "lt_report.h"
#include "lt_views.h"

struct srow {
	int nr;
	uint64_t calls, errors, ns;
};

struct sstate {
	struct lt_smap names; /* name -> index into rows */
	struct srow *rows;
	size_t cap;
	long by_nr[1024]; /* fast path for table syscalls: index + 1 */
	struct lt_tally tally; /* lost records and notes: a footer */
};

static int sbegin(struct lt_report *r, void **state)
{
	(void)r;
	*state = calloc(1, sizeof(struct sstate));
	return *state ? 0 : -1;
}

static struct srow *row_for(struct sstate *s, const struct lt_event *ev)
{
	int fast = ev->nr >= 0 && ev->nr < 1024; /* strace text's names have their nr too */
	if (fast && s->by_nr[ev->nr])
		return &s->rows[s->by_nr[ev->nr] - 1];
	int added = 0;
	uint32_t i = lt_smap_add(&s->names, ev->name, strlen(ev->name), &added);
	if (added) {
		if (i >= s->cap) {
			size_t cap = s->cap ? s->cap * 2 : 64;
			struct srow *n = realloc(s->rows, cap * sizeof(*n));
			if (!n)
				abort();
			s->rows = n;
			s->cap = cap;
		}
		memset(&s->rows[i], 0, sizeof(s->rows[i]));
		s->rows[i].nr = ev->nr;
	}
	if (fast)
		s->by_nr[ev->nr] = (long)i + 1;
	return &s->rows[i];
}

static int sevent(struct lt_report *r, void *state, const struct lt_event *ev)
{
	lt_tally_event(&((struct sstate *)state)->tally, ev);
	(void)r;
	if (ev->type != LT_EV_SYSCALL || (ev->flags & LT_EVF_UNFINISHED))
		return 0;
	struct srow *row = row_for(state, ev);
	row->calls++;
	row->ns += ev->dur_ns;
	if (ev->ret < 0 && ev->ret >= -4095)
		row->errors++;
	return 0;
}

static const struct sstate *sort_state;

/* strace's order: most time first; at equal time, by syscall number. */
static int row_cmp(const void *a, const void *b)
{
	const struct srow *x = &sort_state->rows[*(const uint32_t *)a];
	const struct srow *y = &sort_state->rows[*(const uint32_t *)b];
	if (x->ns != y->ns)
		return x->ns > y->ns ? -1 : 1;
	unsigned nx = x->nr < 0 ? ~0u : (unsigned)x->nr, ny = y->nr < 0 ? ~0u : (unsigned)y->nr;
	if (nx != ny)
		return nx < ny ? -1 : 1;
	return strcmp(lt_smap_key(&sort_state->names, *(const uint32_t *)a),
		      lt_smap_key(&sort_state->names, *(const uint32_t *)b));
}

static void row_line(FILE *out, double pct, uint64_t ns, uint64_t calls, uint64_t errors,
		     const char *name)
{
	char err[32] = "";
	if (errors)
		snprintf(err, sizeof(err), "%llu", (unsigned long long)errors);
	fprintf(out, "%6.2f %4llu.%06llu %11llu %9llu %9s %s\n", pct,
		(unsigned long long)(ns / 1000000000u), (unsigned long long)(ns % 1000000000u / 1000u),
		(unsigned long long)(calls ? ns / 1000u / calls : 0), (unsigned long long)calls, err,
		name);
}

static int send_summary(struct lt_report *r, void *state)
{
	struct sstate *s = state;
	size_t n = s->names.n;
	uint32_t *idx = malloc((n ? n : 1) * sizeof(*idx));
	if (!idx)
		abort();
	uint64_t ns = 0, calls = 0, errors = 0;
	for (size_t i = 0; i < n; i++) {
		idx[i] = (uint32_t)i;
		ns += s->rows[i].ns;
		calls += s->rows[i].calls;
		errors += s->rows[i].errors;
	}
	sort_state = s;
	qsort(idx, n, sizeof(*idx), row_cmp);
	static const char dashes[] =
		"------ ----------- ----------- --------- --------- ----------------\n";
	fputs("% time     seconds  usecs/call     calls    errors syscall\n", r->out);
	fputs(dashes, r->out);
	for (size_t i = 0; i < n; i++) {
		const struct srow *w = &s->rows[idx[i]];
		row_line(r->out, ns ? 100.0 * (double)w->ns / (double)ns : 0.0, w->ns, w->calls,
			 w->errors, lt_smap_key(&s->names, idx[i]));
	}
	fputs(dashes, r->out);
	row_line(r->out, 100.0, ns, calls, errors, "total");
	lt_tally_print(&s->tally, r->out);
	free(idx);
	lt_smap_free(&s->names);
	free(s->rows);
	free(s);
	return ferror(r->out) ? -1 : 0;
}

const struct lt_output lt_out_summary = { "summary", sbegin, sevent, send_summary };
