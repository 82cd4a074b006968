/* The naming model (lt_names.h): per process its argv and derived labels, per thread its
 * comm; labels are computed once when a name changes, not per lookup. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_hmap.h"
#include "lt_log.h"
#include "lt_mem.h"
#include "lt_names.h"

#define CMDLINE_MAX 4096 /* argv kept per process, as /proc/PID/cmdline's first page */
#define LABEL_MAX 256    /* bytes of the joined command line shown */

struct nproc {
	uint32_t pid, ppid;
	char *cmdline;       /* raw argv, NUL-separated; NULL unknown */
	size_t cmdline_len;
	char *label, *program; /* escaped; NULL when there is nothing to derive them from */
	char main_name[16];  /* raw comm of the main thread */
};

struct lt_names {
	struct lt_hmap pmap, tmap;
	struct nproc *p;
	size_t capp;
	char (*t)[64];       /* escaped thread names, by tmap index */
	size_t capt;
	struct lt_sb sb;
	char buf[32];        /* "pid N", "tid N" */
};

struct lt_names *lt_names_new(void) { return lt_xcalloc(1, sizeof(struct lt_names)); }

void lt_names_free(struct lt_names *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->pmap.n; i++) {
		free(n->p[i].cmdline);
		free(n->p[i].label);
		free(n->p[i].program);
	}
	free(n->p);
	free(n->t);
	lt_hmap_free(&n->pmap);
	lt_hmap_free(&n->tmap);
	lt_sb_free(&n->sb);
	free(n);
}

static struct nproc *proc_get(struct lt_names *n, uint32_t pid, int create)
{
	if (!create) {
		long i = lt_hmap_get(&n->pmap, pid);
		return i >= 0 ? &n->p[i] : NULL;
	}
	int added;
	uint32_t i = lt_hmap_add(&n->pmap, pid, &added);
	if (added) {
		n->p = lt_grow(n->p, &n->capp, i + 1, sizeof *n->p);
		memset(&n->p[i], 0, sizeof n->p[i]);
		n->p[i].pid = pid;
	}
	return &n->p[i];
}

static char *escaped(struct lt_names *n, const char *s, size_t len, size_t max)
{
	lt_sb_reset(&n->sb);
	lt_sb_escape(&n->sb, s, len, 0, NULL);
	if (n->sb.len > max) { /* cut between escapes, never inside one */
		const char *q = n->sb.p;
		size_t k = 0;
		while (k < n->sb.len) {
			size_t t = 1;
			if (q[k] == '\\') {
				t = q[k + 1] == 'x' ? 4 : 2;
				while (t < 4 && q[k + 1] >= '0' && q[k + 1] <= '7' && q[k + t] >= '0' &&
				       q[k + t] <= '7')
					t++;
			}
			if (k + t > max)
				break;
			k += t;
		}
		n->sb.len = k;
		n->sb.p[k] = 0;
	}
	char *c = strdup(n->sb.p ? n->sb.p : "");
	if (!c)
		lt_oom();
	return c;
}

/* Recomputes the labels from the command line or the main thread's name. */
static void relabel(struct lt_names *n, struct nproc *p)
{
	free(p->label);
	free(p->program);
	p->label = p->program = NULL;
	if (p->cmdline_len && p->cmdline[0]) {
		/* argv joined by spaces, trailing empty arguments dropped */
		char *j = lt_xcalloc(1, p->cmdline_len + 1);
		memcpy(j, p->cmdline, p->cmdline_len);
		size_t len = p->cmdline_len;
		while (len && !j[len - 1])
			len--;
		for (size_t i = 0; i < len; i++)
			if (!j[i])
				j[i] = ' ';
		p->label = escaped(n, j, len, LABEL_MAX);
		/* argv[0]'s last component, as ps and comm show a program */
		size_t a0 = strnlen(j, len);
		const char *b = p->cmdline;
		for (size_t k = 0; k + 1 < a0; k++)
			if (p->cmdline[k] == '/')
				b = p->cmdline + k + 1;
		p->program = escaped(n, b, strnlen(b, a0 - (size_t)(b - p->cmdline)), 64);
		free(j);
	} else if (p->main_name[0]) {
		p->label = escaped(n, p->main_name, strlen(p->main_name), 64);
		p->program = strdup(p->label);
		if (!p->program)
			lt_oom();
	}
}

static int set_cmdline(struct lt_names *n, struct nproc *p, const char *s, size_t len)
{
	if (len > CMDLINE_MAX)
		len = CMDLINE_MAX;
	if (p->cmdline && p->cmdline_len == len && !memcmp(p->cmdline, s, len))
		return 0;
	free(p->cmdline);
	p->cmdline = lt_xcalloc(1, len + 1);
	memcpy(p->cmdline, s, len);
	p->cmdline_len = len;
	relabel(n, p);
	return 1;
}

int lt_names_fork(struct lt_names *n, uint32_t child, uint32_t parent)
{
	struct nproc *pp = proc_get(n, parent, 0);
	if (!pp || child == parent)
		return 0;
	struct nproc *c = proc_get(n, child, 1);
	pp = proc_get(n, parent, 0); /* the table may have moved */
	int changed = 0;
	if (!c->ppid) {
		c->ppid = parent;
		changed = 1;
	}
	if (!c->cmdline && pp->cmdline)
		changed |= set_cmdline(n, c, pp->cmdline, pp->cmdline_len);
	if (!c->main_name[0] && pp->main_name[0]) {
		memcpy(c->main_name, pp->main_name, sizeof c->main_name);
		if (!c->cmdline)
			relabel(n, c);
		changed = 1;
	}
	return changed;
}

static int on_thread(struct lt_names *n, const struct lt_event *ev)
{
	size_t l = ev->str ? strnlen(ev->str, ev->str_len < 15 ? ev->str_len : 15) : 0;
	if (!l)
		return 0;
	int added;
	uint32_t i = lt_hmap_add(&n->tmap, (uint64_t)ev->pid << 32 | ev->tid, &added);
	n->t = lt_grow(n->t, &n->capt, i + 1, sizeof *n->t);
	char *e = escaped(n, ev->str, l, sizeof n->t[i] - 1);
	int changed = added || strcmp(n->t[i], e);
	snprintf(n->t[i], sizeof n->t[i], "%s", e);
	free(e);
	if (ev->tid == ev->pid) {
		struct nproc *p = proc_get(n, ev->pid, 1);
		memcpy(p->main_name, ev->str, l);
		p->main_name[l] = 0;
		if (!p->cmdline) { /* the name it goes by until an exec says better */
			relabel(n, p);
			changed = 1;
		}
	}
	return changed;
}

int lt_names_event(struct lt_names *n, const struct lt_event *ev)
{
	if (ev->type == LT_EV_THREAD)
		return on_thread(n, ev);
	if (ev->type != LT_EV_PROCESS)
		return 0;
	int changed = 0;
	if (ev->ppid && ev->ppid != ev->pid && (ev->proc_flags & LT_LOG_F_FORK))
		changed = lt_names_fork(n, ev->pid, ev->ppid);
	struct nproc *p = proc_get(n, ev->pid, 1);
	if (ev->ppid && ev->ppid != ev->pid && !p->ppid) {
		p->ppid = ev->ppid;
		changed = 1;
	}
	if (ev->str && ev->str_len)
		changed |= set_cmdline(n, p, ev->str, ev->str_len);
	return changed;
}

const char *lt_names_process(struct lt_names *n, uint32_t pid)
{
	const struct nproc *p = proc_get(n, pid, 0);
	if (p && p->label)
		return p->label;
	snprintf(n->buf, sizeof n->buf, "pid %u", pid);
	return n->buf;
}

const char *lt_names_program(struct lt_names *n, uint32_t pid)
{
	const struct nproc *p = proc_get(n, pid, 0);
	return p && p->program ? p->program : "";
}

const char *lt_names_thread(struct lt_names *n, uint32_t pid, uint32_t tid)
{
	long i = lt_hmap_get(&n->tmap, (uint64_t)pid << 32 | tid);
	if (i >= 0)
		return n->t[i];
	const struct nproc *p = proc_get(n, pid, 0);
	if (p && p->program && p->program[0])
		return p->program;
	snprintf(n->buf, sizeof n->buf, "tid %u", tid);
	return n->buf;
}

const char *lt_names_cmdline(const struct lt_names *n, uint32_t pid, size_t *len)
{
	long i = lt_hmap_get(&n->pmap, pid);
	if (i < 0 || !n->p[i].cmdline)
		return NULL;
	*len = n->p[i].cmdline_len;
	return n->p[i].cmdline;
}

uint32_t lt_names_parent(const struct lt_names *n, uint32_t pid)
{
	long i = lt_hmap_get(&n->pmap, pid);
	return i >= 0 ? n->p[i].ppid : 0;
}
