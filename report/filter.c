/* -e trace=, -e status=, -e signal=, -P, -p, --since/--until (see lt_filter.h). */
#include <limits.h>
#include <regex.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_decode.h"
#include "lt_filter.h"
#include "lt_hmap.h"
#include "lt_log.h"
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
	int signals_set;          /* -e signal= given */
	struct lt_numset signals; /* which signals' lines show */
	char **paths;             /* -P: as given, and their real paths where they differ */
	int npaths;
	struct lt_sb tmp;
	struct lt_hmap tasks; /* -n: tid -> index into last_nr */
	int *last_nr;
	size_t last_cap;
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

/* -P PATH: strace also matches PATH's real path when it differs (a symlink). */
static int add_paths(struct lt_filter *f, const struct lt_report_opts *o)
{
	if (!o->npaths)
		return 0;
	f->paths = calloc((size_t)o->npaths * 2, sizeof(*f->paths));
	if (!f->paths)
		abort();
	for (int i = 0; i < o->npaths; i++) {
		if (!o->paths[i][0])
			return -1;
		f->paths[f->npaths++] = strdup(o->paths[i]);
		char *real = realpath(o->paths[i], NULL);
		if (real && strcmp(real, o->paths[i]))
			f->paths[f->npaths++] = real;
		else
			free(real);
	}
	return 0;
}

static int is_traced_path(const struct lt_filter *f, const char *p, size_t n)
{
	for (int i = 0; i < f->npaths; i++)
		if (strlen(f->paths[i]) == n && memcmp(f->paths[i], p, n) == 0)
			return 1;
	return 0;
}

/* A descriptor's path as the model knows it; one opened by a relative path before the
 * trace knew the working directory is taken relative to --cwd (where the launcher
 * started the command). */
static int is_traced_fd_path(struct lt_filter *f, const char *p)
{
	if (p[0] == '/' || !f->o->start_cwd)
		return is_traced_path(f, p, strlen(p));
	while (p[0] == '.' && p[1] == '/')
		p += 2;
	lt_sb_reset(&f->tmp);
	lt_sb_puts(&f->tmp, f->o->start_cwd);
	if (f->tmp.len && f->tmp.p[f->tmp.len - 1] != '/')
		lt_sb_putc(&f->tmp, '/');
	lt_sb_puts(&f->tmp, p);
	return is_traced_path(f, f->tmp.p, f->tmp.len);
}

/* -P: does the call name one of the paths, or work on a descriptor that refers to one?
 * The model knows what a descriptor refers to from the trace (lt_fdtab), strace from
 * /proc at the time; a path argument matches as the program wrote it, as in strace. */
static int touches_path(struct lt_filter *f, const struct lt_event *ev)
{
	const struct lt_sysent *se = ev->nr >= 0 ? lt_sysent_get((uint64_t)ev->nr) : NULL;
	struct lt_fdtab *fds = f->o->fmt.fds;
	if (!se)
		return 0;
	int anon;
	for (int i = 0; i < se->nargs && i < 6; i++) {
		int k = se->kind[i];
		if (k == LT_K_FD || k == LT_K_DIRFD) {
			int64_t fd = (int32_t)ev->args[i];
			const char *p = fd >= 0 && fds ? lt_fdtab_get(fds, ev->pid, fd, &anon) : NULL;
			if (p && !anon && is_traced_fd_path(f, p))
				return 1;
		} else if (k == LT_K_PATH) {
			const uint8_t *d;
			const struct lt_cap *c = lt_event_cap(ev, i, LT_CAP_SUB_SELF, &d);
			if (c && !(c->flags & LT_CAP_FAULT) &&
			    is_traced_path(f, (const char *)d, strnlen((const char *)d, c->len)))
				return 1;
		}
	}
	return 0;
}

static unsigned status_of(const struct lt_event *ev)
{
	if (ev->flags & LT_EVF_UNFINISHED)
		return LT_STATUS_UNFINISHED;
	if (ev->ret < 0 && ev->ret >= -4095)
		return LT_STATUS_FAILED;
	return LT_STATUS_SUCCESSFUL;
}

int lt_status_parse(const char *set, unsigned *mask)
{
	static const char *const names[] = { "successful", "failed", "unfinished",
					     "unavailable", "detached" };
	int neg = *set == '!';
	unsigned m = 0;
	char *dup = strdup(set + neg), *save = NULL;
	int bad = 0;
	for (char *t = strtok_r(dup, ",", &save); t && !bad; t = strtok_r(NULL, ",", &save)) {
		unsigned bit = 0;
		for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (strcmp(t, names[i]) == 0)
				bit = 1u << i;
		if (strcmp(t, "all") == 0)
			bit = LT_STATUS_ALL;
		else if (strcmp(t, "none") == 0)
			bit = 0;
		else if (!bit)
			bad = 1;
		m |= bit;
	}
	free(dup);
	if (bad)
		return -1;
	*mask = neg ? LT_STATUS_ALL & ~m : m;
	return 0;
}

static int signal_number(const char *t)
{
	char *e;
	long v = strtol(t, &e, 10);
	if (e != t && !*e)
		return v >= 1 && v <= 64 ? (int)v : -1;
	const char *name = strncmp(t, "SIG", 3) == 0 ? t + 3 : t;
	for (int s = 1; s <= 64; s++) {
		const char *n = lt_signal_name(s);
		if (n && strcasecmp(n + 3, name) == 0)
			return s;
	}
	return -1;
}

int lt_numset_parse(struct lt_numset *s, const char *expr, int signals, char *err,
		    size_t errlen)
{
	memset(s, 0, sizeof(*s));
	if (*expr == '!') {
		s->negate = 1;
		expr++;
	}
	char *dup = strdup(expr), *save = NULL;
	int rc = 0;
	for (char *t = strtok_r(dup, ",", &save); t && !rc; t = strtok_r(NULL, ",", &save)) {
		long v = -1;
		char *e;
		if (strcmp(t, "all") == 0) {
			s->all = 1;
			continue;
		}
		if (strcmp(t, "none") == 0)
			continue;
		if (signals) {
			v = signal_number(t);
		} else {
			v = strtol(t, &e, 10);
			if (e == t || *e || v < 0 || v >= LT_NUMSET_MAX)
				v = -1;
		}
		if (v < 0) {
			snprintf(err, errlen, signals ? "invalid signal '%s'" : "invalid descriptor '%s'",
				 t);
			rc = -1;
			break;
		}
		s->bits[v / 64] |= 1ull << (v % 64);
	}
	free(dup);
	return rc;
}

int lt_numset_has(const struct lt_numset *s, int64_t n)
{
	int in = s->all || (n >= 0 && n < LT_NUMSET_MAX && (s->bits[n / 64] >> (n % 64) & 1));
	return in != s->negate;
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
	if (o->signal_expr) {
		f->signals_set = 1;
		if (lt_numset_parse(&f->signals, o->signal_expr, 1, err, errlen) < 0) {
			lt_filter_free(f);
			return NULL;
		}
	}
	if (add_paths(f, o) < 0) {
		snprintf(err, errlen, "-P: a path is empty");
		lt_filter_free(f);
		return NULL;
	}
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

static void note_nr(struct lt_filter *f, const struct lt_event *ev)
{
	int added = 0;
	uint32_t i = lt_hmap_add(&f->tasks, ev->tid, &added);
	if (i >= f->last_cap) {
		f->last_cap = f->last_cap ? f->last_cap * 2 : 64;
		f->last_nr = realloc(f->last_nr, f->last_cap * sizeof(*f->last_nr));
		if (!f->last_nr)
			abort();
	}
	f->last_nr[i] = ev->nr;
}

int lt_filter_last_nr(const struct lt_filter *f, uint32_t tid)
{
	long i = f ? lt_hmap_get(&f->tasks, tid) : -1;
	return i < 0 ? -1 : f->last_nr[i];
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
	if (o->show_nr && ev->type == LT_EV_SYSCALL)
		note_nr(f, ev);
	if (!in_time(f, r, ev->ts_ns))
		return 0;
	if (ev->type == LT_EV_SIGNAL)
		return !f->signals_set || lt_numset_has(&f->signals, ev->signo);
	if (ev->type != LT_EV_SYSCALL)
		return 1;
	if (o->status_mask && !(o->status_mask & status_of(ev)))
		return 0;
	if (f->npaths && !touches_path(f, ev))
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
	for (int i = 0; i < f->npaths; i++)
		free(f->paths[i]);
	free(f->paths);
	lt_sb_free(&f->tmp);
	lt_hmap_free(&f->tasks);
	free(f->last_nr);
	free(f->by_nr);
	free(f);
}
