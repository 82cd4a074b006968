/* -e trace=, -Z, -p, --since/--until (see lt_filter.h). */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_filter.h"
#include "lt_hmap.h"
#include "lt_syscall.h"

struct lt_filter {
	const struct lt_report_opts *o;
	int all, negate;
	uint32_t classes;
	struct lt_smap names;
	regex_t *res;
	size_t nres;
	int8_t *by_nr; /* decision cache per syscall number: -1 not yet known */
	int added;     /* lt_smap_add's flag, not needed here */
};

static int name_matches(struct lt_filter *f, int nr, const char *name)
{
	if (f->all)
		return 1;
	const struct lt_sysent *se = nr >= 0 ? lt_sysent_get((uint64_t)nr) : NULL;
	if (se && (se->classes & f->classes))
		return 1;
	if (lt_smap_get(&f->names, name, strlen(name)) >= 0)
		return 1;
	for (size_t i = 0; i < f->nres; i++)
		if (regexec(&f->res[i], name, 0, NULL, 0) == 0)
			return 1;
	return 0;
}

struct lt_filter *lt_filter_new(const struct lt_report_opts *o, char *err, size_t errlen)
{
	struct lt_filter *f = calloc(1, sizeof(*f));
	if (!f)
		abort();
	f->o = o;
	f->by_nr = malloc(LT_NSYSCALLS);
	if (!f->by_nr)
		abort();
	memset(f->by_nr, -1, LT_NSYSCALLS);
	const char *e = o->trace_expr;
	if (!e) {
		f->all = 1;
		return f;
	}
	if (*e == '!') {
		f->negate = 1;
		e++;
	}
	char *dup = strdup(e), *save = NULL;
	for (char *t = strtok_r(dup, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		if (*t == '?') /* strace: no error if unknown */
			t++;
		if (strcmp(t, "all") == 0) {
			f->all = 1;
		} else if (strcmp(t, "none") == 0) {
		} else if (*t == '/') {
			f->res = realloc(f->res, (f->nres + 1) * sizeof(*f->res));
			if (!f->res)
				abort();
			if (regcomp(&f->res[f->nres], t + 1, REG_EXTENDED | REG_NOSUB) != 0) {
				snprintf(err, errlen, "invalid regular expression '%s'", t + 1);
				goto bad;
			}
			f->nres++;
		} else if (*t == '%') {
			uint32_t c = lt_class_lookup(t);
			if (!c) {
				snprintf(err, errlen, "invalid system call class '%s'", t);
				goto bad;
			}
			f->classes |= c;
		} else {
			int ok = *t != 0;
			for (const char *c = t; *c; c++)
				if (!(*c == '_' || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')))
					ok = 0;
			if (!ok) {
				snprintf(err, errlen, "invalid system call '%s'", t);
				goto bad;
			}
			uint32_t c = lt_sysent_lookup(t) < 0 ? lt_class_lookup(t) : 0;
			if (c) /* strace's older spelling of classes: trace=file */
				f->classes |= c;
			else
				lt_smap_add(&f->names, t, strlen(t), &f->added);
		}
	}
	free(dup);
	return f;
bad:
	free(dup);
	lt_filter_free(f);
	return NULL;
}

static int in_time(const struct lt_filter *f, const struct lt_report *r, uint64_t ts)
{
	int64_t rel = (int64_t)(ts - r->first_ts_ns);
	if (f->o->since_ns >= 0 && rel < f->o->since_ns)
		return 0;
	if (f->o->until_ns >= 0 && rel > f->o->until_ns)
		return 0;
	return 1;
}

int lt_filter_pass(struct lt_filter *f, const struct lt_report *r, const struct lt_event *ev)
{
	const struct lt_report_opts *o = f->o;
	if (o->ntids) {
		int hit = 0;
		for (int i = 0; i < o->ntids && !hit; i++)
			hit = o->tids[i] == ev->tid || o->tids[i] == ev->pid;
		if (!hit)
			return 0;
	}
	/* Names of processes, threads and inherited descriptors are what outputs label things
	 * with, not events in time: they pass whatever the window and call filters say. */
	if (ev->type == LT_EV_PROCESS || ev->type == LT_EV_THREAD || ev->type == LT_EV_FD)
		return 1;
	if (!in_time(f, r, ev->ts_ns))
		return 0;
	if (ev->type != LT_EV_SYSCALL)
		return 1;
	if (o->failed_only && ((ev->flags & LT_EVF_UNFINISHED) || ev->ret >= 0 || ev->ret < -4095))
		return 0;
	int m;
	if (ev->nr >= 0 && ev->nr < LT_NSYSCALLS) { /* strace text's names have their nr too */
		if (f->by_nr[ev->nr] < 0)
			f->by_nr[ev->nr] = (int8_t)name_matches(f, ev->nr, ev->name);
		m = f->by_nr[ev->nr];
	} else {
		m = name_matches(f, ev->nr, ev->name ? ev->name : "");
	}
	return m != f->negate;
}

void lt_filter_free(struct lt_filter *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->nres; i++)
		regfree(&f->res[i]);
	free(f->res);
	lt_smap_free(&f->names);
	free(f->by_nr);
	free(f);
}
