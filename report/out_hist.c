/* --hist NAME: the latency of one syscall as a log2 histogram drawn in text, the way
 * bpftrace's hist() draws it: bucket [2^k, 2^(k+1)) ns, one bar per bucket from the
 * first to the last that has calls, bars scaled to the fullest. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_views.h"

#define NBUCKETS 65 /* [0,1) and [2^k, 2^(k+1)) for k = 0..63 */
#define BAR 52

struct hist {
	const char *name;
	uint64_t b[NBUCKETS];
	uint64_t n, errors, min, max;
	unsigned __int128 sum;
	struct lt_tally tally; /* lost records and notes: a footer */
};

static int hist_begin(struct lt_report *r, void **state)
{
	if (!r->o.hist_name || !*r->o.hist_name) {
		fputs("libtrace-report: --hist needs a syscall name\n", stderr);
		return -1;
	}
	struct hist *h = calloc(1, sizeof *h);
	if (!h)
		return -1;
	h->name = r->o.hist_name;
	h->min = UINT64_MAX;
	*state = h;
	return 0;
}

static unsigned bucket_of(uint64_t v)
{
	return v ? 64 - (unsigned)__builtin_clzll(v) : 0;
}

static int hist_event(struct lt_report *r, void *state, const struct lt_event *ev)
{
	(void)r;
	struct hist *h = state;
	lt_tally_event(&h->tally, ev);
	if (ev->type != LT_EV_SYSCALL || (ev->flags & LT_EVF_UNFINISHED) || !ev->name ||
	    strcmp(ev->name, h->name))
		return 0;
	uint64_t d = ev->dur_ns;
	h->b[bucket_of(d)]++;
	h->n++;
	h->errors += lt_view_failed(ev);
	h->sum += d;
	if (d < h->min)
		h->min = d;
	if (d > h->max)
		h->max = d;
	return 0;
}

/* bpftrace's labels: powers of two with K/M/G/T/P/E for 2^10 steps */
static void label(char *buf, size_t n, unsigned k)
{
	static const char sfx[] = " KMGTPE";
	unsigned s = k / 10;
	snprintf(buf, n, "%llu%.*s", 1ull << (k - 10 * s), s ? 1 : 0, &sfx[s]);
}

static int hist_end(struct lt_report *r, void *state)
{
	struct hist *h = state;
	FILE *o = r->out;
	if (!h->n) {
		fprintf(o, "%s: no calls\n", h->name);
		lt_tally_print(&h->tally, o);
		free(h);
		return ferror(o) ? -1 : 0;
	}
	fprintf(o, "%s: %llu calls, %llu errors; latency ns: min %llu, avg %llu, max %llu\n",
		h->name, (unsigned long long)h->n, (unsigned long long)h->errors,
		(unsigned long long)h->min, (unsigned long long)(h->sum / h->n),
		(unsigned long long)h->max);
	unsigned lo = 0, hi = NBUCKETS - 1;
	while (!h->b[lo])
		lo++;
	while (!h->b[hi])
		hi--;
	uint64_t top = 0;
	for (unsigned i = lo; i <= hi; i++)
		if (h->b[i] > top)
			top = h->b[i];
	for (unsigned i = lo; i <= hi; i++) {
		char a[16], b[16], range[40];
		if (i == 0) {
			snprintf(range, sizeof range, "[0]");
		} else {
			label(a, sizeof a, i - 1);
			if (i < 64)
				label(b, sizeof b, i);
			else
				snprintf(b, sizeof b, "...");
			snprintf(range, sizeof range, "[%s, %s)", a, b);
		}
		unsigned w = (unsigned)(h->b[i] * BAR / top);
		char bar[BAR + 1];
		memset(bar, '@', w);
		memset(bar + w, ' ', BAR - w);
		bar[BAR] = 0;
		fprintf(o, "%-20s %8llu |%s|\n", range, (unsigned long long)h->b[i], bar);
	}
	lt_tally_print(&h->tally, o);
	free(h);
	return ferror(o) ? -1 : 0;
}

const struct lt_output lt_out_hist = { "hist", hist_begin, hist_event, hist_end };
