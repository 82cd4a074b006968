/* --top N: the N slowest calls. A min-heap of N entries keyed by duration holds the
 * current winners; a call is formatted only when it gets in, so the cost per call that
 * does not is one comparison. Ties keep the earlier call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_views.h"

struct top_ent {
	uint64_t dur, ts;
	uint32_t pid, tid;
	uint64_t seq;  /* arrival order, to break ties */
	char *call;
};

struct top {
	struct top_ent *h; /* min-heap: h[0] is the fastest of the slowest */
	size_t n, alloc, cap; /* cap: N; alloc grows to it as calls come */
	uint64_t seq, calls;
	struct lt_sb sb;
	struct lt_tally tally; /* lost records and notes: a footer */
};

/* a ranks below b: shorter, or as long and later */
static int below(const struct top_ent *a, const struct top_ent *b)
{
	return a->dur < b->dur || (a->dur == b->dur && a->seq > b->seq);
}

static void sift_down(struct top *t, size_t i)
{
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= t->n)
			return;
		if (c + 1 < t->n && below(&t->h[c + 1], &t->h[c]))
			c++;
		if (!below(&t->h[c], &t->h[i]))
			return;
		struct top_ent x = t->h[i];
		t->h[i] = t->h[c];
		t->h[c] = x;
		i = c;
	}
}

static void sift_up(struct top *t, size_t i)
{
	while (i) {
		size_t p = (i - 1) / 2;
		if (!below(&t->h[i], &t->h[p]))
			return;
		struct top_ent x = t->h[i];
		t->h[i] = t->h[p];
		t->h[p] = x;
		i = p;
	}
}

static int top_begin(struct lt_report *r, void **state)
{
	if (r->o.top_n <= 0) {
		fputs("libtrace-report: --top needs a positive count\n", stderr);
		return -1;
	}
	struct top *t = calloc(1, sizeof *t);
	if (!t)
		return -1;
	t->cap = (size_t)r->o.top_n;
	*state = t;
	return 0;
}

static int top_event(struct lt_report *r, void *state, const struct lt_event *ev)
{
	struct top *t = state;
	lt_tally_event(&t->tally, ev);
	if (ev->type != LT_EV_SYSCALL || (ev->flags & LT_EVF_UNFINISHED))
		return 0;
	t->calls++;
	struct top_ent e = { ev->dur_ns, ev->ts_ns, ev->pid, ev->tid, t->seq++, 0 };
	if (t->n == t->cap && !below(&t->h[0], &e))
		return 0;
	lt_sb_reset(&t->sb);
	lt_view_call(&t->sb, ev, &r->o.fmt);
	e.call = strdup(t->sb.p ? t->sb.p : "");
	if (!e.call)
		return -1;
	if (t->n < t->cap) {
		if (t->n == t->alloc) {
			size_t a = t->alloc ? t->alloc * 2 : 64;
			if (a > t->cap)
				a = t->cap;
			struct top_ent *h = realloc(t->h, a * sizeof *h);
			if (!h) {
				free(e.call);
				fputs("libtrace-report: out of memory\n", stderr);
				return -1;
			}
			t->h = h;
			t->alloc = a;
		}
		t->h[t->n++] = e;
		sift_up(t, t->n - 1);
	} else {
		free(t->h[0].call);
		t->h[0] = e;
		sift_down(t, 0);
	}
	return 0;
}

static int by_rank(const void *a, const void *b)
{
	const struct top_ent *x = a, *y = b;
	if (below(y, x))
		return -1;
	return below(x, y) ? 1 : 0;
}

static int top_end(struct lt_report *r, void *state)
{
	struct top *t = state;
	if (t->n) /* t->h is NULL when no call was seen */
		qsort(t->h, t->n, sizeof *t->h, by_rank);
	fprintf(r->out, "%zu slowest of %llu calls\n", t->n, (unsigned long long)t->calls);
	fprintf(r->out, "%14s %14s %8s %8s  %s\n", "usecs", "at(s)", "pid", "tid", "call");
	for (size_t i = 0; i < t->n; i++) {
		const struct top_ent *e = &t->h[i];
		uint64_t rel = lt_view_rel(r, e->ts);
		fprintf(r->out, "%10llu.%03u %7llu.%06u %8u %8u  %s\n",
			(unsigned long long)(e->dur / 1000), (unsigned)(e->dur % 1000),
			(unsigned long long)(rel / 1000000000u), (unsigned)(rel % 1000000000u / 1000),
			e->pid, e->tid, e->call);
		free(e->call);
	}
	lt_tally_print(&t->tally, r->out);
	free(t->h);
	lt_sb_free(&t->sb);
	free(t);
	return ferror(r->out) ? -1 : 0;
}

const struct lt_output lt_out_top = { "top", top_begin, top_event, top_end };
