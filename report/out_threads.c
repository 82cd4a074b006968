/* --threads: per thread, its calls, errors and time inside syscalls, and the syscalls it
 * spent that time in. Tables grow with threads x syscall kinds, not with calls. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_hmap.h"
#include "lt_mem.h"
#include "lt_views.h"

#define BUSIEST 3

struct thr_stat {
	uint32_t pid, tid;
	uint64_t calls, errors, ns;
};

struct thr_sc { /* one thread's one syscall */
	uint32_t thr, name;
	uint64_t calls, ns;
};

struct threads {
	struct lt_names *names;
	struct lt_hmap tmap, scmap;
	struct lt_smap scnames;
	struct thr_stat *t;
	size_t capt;
	struct thr_sc *sc;
	size_t capsc;
	uint64_t total_ns;
	struct lt_tally tally; /* lost records and notes: a footer */
};

static int thr_begin(struct lt_report *r, void **state)
{
	(void)r;
	struct threads *s = calloc(1, sizeof *s);
	if (!s)
		return -1;
	s->names = lt_names_new();
	*state = s;
	return 0;
}

static int thr_event(struct lt_report *r, void *state, const struct lt_event *ev)
{
	(void)r;
	struct threads *s = state;
	lt_tally_event(&s->tally, ev);
	if (ev->type == LT_EV_PROCESS || ev->type == LT_EV_THREAD) {
		lt_names_event(s->names, ev);
		return 0;
	}
	if (ev->type != LT_EV_SYSCALL)
		return 0;
	int added;
	uint32_t ti = lt_hmap_add(&s->tmap, (uint64_t)ev->pid << 32 | ev->tid, &added);
	if (added) {
		s->t = lt_grow(s->t, &s->capt, ti + 1, sizeof *s->t);
		memset(&s->t[ti], 0, sizeof s->t[ti]);
		s->t[ti].pid = ev->pid;
		s->t[ti].tid = ev->tid;
	}
	struct thr_stat *t = &s->t[ti];
	uint64_t d = ev->flags & LT_EVF_UNFINISHED ? 0 : ev->dur_ns;
	t->calls++;
	t->errors += lt_view_failed(ev);
	t->ns += d;
	s->total_ns += d;

	const char *nm = ev->name ? ev->name : "?";
	uint32_t ni = lt_smap_add(&s->scnames, nm, strlen(nm), &added);
	uint32_t k = lt_hmap_add(&s->scmap, (uint64_t)ti << 32 | ni, &added);
	if (added) {
		s->sc = lt_grow(s->sc, &s->capsc, k + 1, sizeof *s->sc);
		s->sc[k] = (struct thr_sc){ ti, ni, 0, 0 };
	}
	s->sc[k].calls++;
	s->sc[k].ns += d;
	return 0;
}

static int by_time(const void *a, const void *b)
{
	const struct thr_stat *x = a, *y = b;
	if (x->ns != y->ns)
		return x->ns > y->ns ? -1 : 1;
	if (x->pid != y->pid)
		return x->pid < y->pid ? -1 : 1;
	return x->tid < y->tid ? -1 : x->tid > y->tid;
}

static int thr_end(struct lt_report *r, void *state)
{
	struct threads *s = state;
	FILE *o = r->out;
	size_t n = s->tmap.n;
	/* each thread's busiest syscalls, found before sorting moves the threads */
	uint32_t (*busy)[BUSIEST] = calloc(n ? n : 1, sizeof *busy);
	if (!busy)
		abort();
	for (size_t i = 0; i < n; i++)
		for (int j = 0; j < BUSIEST; j++)
			busy[i][j] = UINT32_MAX;
	for (size_t k = 0; k < s->scmap.n; k++) {
		uint32_t *b = busy[s->sc[k].thr];
		for (int j = 0; j < BUSIEST; j++) {
			const struct thr_sc *c = b[j] == UINT32_MAX ? 0 : &s->sc[b[j]];
			if (!c || s->sc[k].ns > c->ns ||
			    (s->sc[k].ns == c->ns && s->sc[k].calls > c->calls)) {
				memmove(b + j + 1, b + j, (BUSIEST - 1 - j) * sizeof *b);
				b[j] = (uint32_t)k;
				break;
			}
		}
	}
	struct thr_stat *sorted = malloc((n ? n : 1) * sizeof *sorted);
	if (!sorted)
		abort();
	if (n) { /* s->t is NULL before the first thread: memcpy/qsort want a pointer */
		memcpy(sorted, s->t, n * sizeof *sorted);
		qsort(sorted, n, sizeof *sorted, by_time);
	}
	fprintf(o, "%8s %8s %-16s %9s %7s %12s %7s  %s\n", "pid", "tid", "name", "calls", "errors",
		"seconds", "% time", "busiest syscalls (seconds, calls)");
	for (size_t i = 0; i < n; i++) {
		const struct thr_stat *t = &sorted[i];
		long ti = lt_hmap_get(&s->tmap, (uint64_t)t->pid << 32 | t->tid);
		double pct = s->total_ns ? 100.0 * (double)t->ns / (double)s->total_ns : 0;
		fprintf(o, "%8u %8u %-16s %9llu %7llu %5llu.%06u %6.2f%% ", t->pid, t->tid,
			lt_names_thread(s->names, t->pid, t->tid), (unsigned long long)t->calls,
			(unsigned long long)t->errors, (unsigned long long)(t->ns / 1000000000u),
			(unsigned)(t->ns % 1000000000u / 1000), pct);
		for (int j = 0; j < BUSIEST && busy[ti][j] != UINT32_MAX; j++) {
			const struct thr_sc *c = &s->sc[busy[ti][j]];
			fprintf(o, "%s %s %llu.%06u (%llu)", j ? "," : "",
				lt_smap_key(&s->scnames, c->name),
				(unsigned long long)(c->ns / 1000000000u),
				(unsigned)(c->ns % 1000000000u / 1000), (unsigned long long)c->calls);
		}
		fputc('\n', o);
	}
	lt_tally_print(&s->tally, o);
	free(sorted);
	free(busy);
	lt_names_free(s->names);
	lt_hmap_free(&s->tmap);
	lt_hmap_free(&s->scmap);
	lt_smap_free(&s->scnames);
	free(s->t);
	free(s->sc);
	free(s);
	return ferror(o) ? -1 : 0;
}

const struct lt_output lt_out_threads = { "threads", thr_begin, thr_event, thr_end };
