/* --files: per path, the opens (and how many failed), the calls made on it, the bytes
 * read and written and the time spent in those calls.
 *
 * A call is "on" a path when it opens it, names it (stat, unlink, execve...) or uses a
 * descriptor that refers to it; what a descriptor refers to, and what a relative path is
 * relative to, the report's descriptor model says (lt_fdtab.h), for logs and strace text
 * alike. Descriptors that were open before tracing began show as "<fd N>" (unless the log
 * named them); sockets, pipes and other anonymous descriptors as "<socket>", "<pipe>", ...;
 * opens whose path the log did not capture as "<path not captured>". Paths are printed
 * escaped as strace escapes them. Memory grows with paths, not with calls. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_hmap.h"
#include "lt_mem.h"
#include "lt_log.h"
#include "lt_syscall.h"
#include "lt_views.h"

#define NO_PATH "<path not captured>"

enum role {
	R_NONE,
	R_OPEN,     /* path -> new fd */
	R_READ,     /* bytes read from the fd */
	R_WRITE,    /* bytes written to the fd */
	R_SENDFILE, /* sendfile(out, in, ...): written to arg 0, read from arg 1 */
	R_COPY,     /* copy_file_range(in, _, out, ...): read from arg 0, written to arg 2 */
	R_NEWFD,    /* ret is a new descriptor (dup, socket...): counted on what it refers to */
};

struct scinfo {
	uint8_t role;
	int8_t fd_arg, path_arg, dirfd_arg;
};

struct file_stat {
	uint64_t opens, open_errors, calls, rbytes, wbytes, ns;
};

struct files {
	struct scinfo *sc; /* by syscall nr */
	struct lt_smap paths;
	struct file_stat *f;
	size_t capf;
	struct lt_fdtab *own; /* a descriptor model of its own when the report has none */
	struct lt_sb sb;
	struct lt_tally tally; /* lost records and notes: a footer */
};

static const struct { const char *name; uint8_t role; } roles[] = {
	{ "open", R_OPEN },        { "openat", R_OPEN },      { "creat", R_OPEN },
	{ "openat2", R_OPEN },     { "read", R_READ },        { "pread64", R_READ },
	{ "readv", R_READ },       { "preadv", R_READ },      { "preadv2", R_READ },
	{ "recvfrom", R_READ },    { "recvmsg", R_READ },     { "write", R_WRITE },
	{ "pwrite64", R_WRITE },   { "pwritev", R_WRITE },    { "pwritev2", R_WRITE },
	{ "writev", R_WRITE },     { "sendto", R_WRITE },     { "sendmsg", R_WRITE },
	{ "sendfile", R_SENDFILE }, { "copy_file_range", R_COPY },
};

static int files_begin(struct lt_report *r, void **state)
{
	struct files *s = lt_xcalloc(1, sizeof *s);
	s->sc = lt_xcalloc(LT_NSYSCALLS, sizeof *s->sc);
	if (!r->o.fmt.fds)
		s->own = lt_fdtab_new();
	for (int nr = 0; nr < LT_NSYSCALLS; nr++) {
		const struct lt_sysent *se = &lt_sysent[nr];
		struct scinfo *c = &s->sc[nr];
		c->fd_arg = c->path_arg = c->dirfd_arg = -1;
		if (!se->name[0])
			continue;
		for (int i = 0; i < se->nargs && i < 6; i++) {
			if (se->kind[i] == LT_K_FD && c->fd_arg < 0)
				c->fd_arg = (int8_t)i;
			if (se->kind[i] == LT_K_PATH && c->path_arg < 0)
				c->path_arg = (int8_t)i;
			if (se->kind[i] == LT_K_DIRFD && c->dirfd_arg < 0)
				c->dirfd_arg = (int8_t)i;
		}
		if (c->dirfd_arg > c->path_arg)
			c->dirfd_arg = -1; /* a directory for a path named before it: none */
		if (se->ret == LT_K_FD)
			c->role = R_NEWFD;
		for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++)
			if (!strcmp(roles[k].name, se->name))
				c->role = roles[k].role;
	}
	*state = s;
	return 0;
}

static uint32_t file_of(struct files *s, const char *path, size_t n)
{
	int added;
	uint32_t i = lt_smap_add(&s->paths, path, n, &added);
	if (added) {
		s->f = lt_grow(s->f, &s->capf, i + 1, sizeof *s->f);
		memset(&s->f[i], 0, sizeof s->f[i]);
	}
	return i;
}

static struct lt_fdtab *fdtab(const struct files *s, const struct lt_report *r)
{
	return s->own ? s->own : r->o.fmt.fds;
}

/* The file a descriptor refers to; one the trace has not seen opened is "<fd N>". */
static uint32_t file_of_fd(struct files *s, const struct lt_fdtab *t, uint32_t pid, int64_t fd)
{
	const char *p = lt_fdtab_get(t, pid, fd, NULL);
	if (p)
		return file_of(s, p, strlen(p));
	char b[32];
	int n = snprintf(b, sizeof b, "<fd %lld>", (long long)fd);
	return file_of(s, b, (size_t)n);
}

/* A path argument, absolute where the model knows its directory; -1 if not captured. */
static long path_file(struct files *s, const struct lt_fdtab *t, const struct lt_event *ev,
		      const struct scinfo *c)
{
	if (c->path_arg < 0 || lt_fdtab_path_arg(t, ev, c->dirfd_arg, c->path_arg, &s->sb))
		return -1;
	if (!s->sb.len)
		return -1;
	return file_of(s, s->sb.p, s->sb.len);
}

static void on_syscall(struct files *s, struct lt_report *r, const struct lt_event *ev)
{
	static const struct scinfo none = { R_NONE, -1, -1, -1 };
	const struct scinfo *c = ev->nr >= 0 && ev->nr < LT_NSYSCALLS ? &s->sc[ev->nr] : &none;
	if (c->role == R_NONE && c->fd_arg < 0 && c->path_arg < 0)
		return;
	const struct lt_fdtab *t = fdtab(s, r);
	int done = !(ev->flags & LT_EVF_UNFINISHED);
	int ok = done && !lt_view_failed(ev);
	uint64_t bytes = ok && ev->ret > 0 ? (uint64_t)ev->ret : 0;
	/* descriptors are ints: the upper half of the register is not the program's */
	int64_t fd = c->fd_arg >= 0 ? (int32_t)ev->args[c->fd_arg] : -1;
	long target = -1;

	switch (c->role) {
	case R_OPEN:
		target = path_file(s, t, ev, c);
		if (target < 0) /* the log has no copy of the path: still an open */
			target = file_of(s, NO_PATH, strlen(NO_PATH));
		s->f[target].opens++;
		if (done && !ok)
			s->f[target].open_errors++;
		break;
	case R_READ:
	case R_WRITE:
		target = file_of_fd(s, t, ev->pid, fd);
		if (c->role == R_READ)
			s->f[target].rbytes += bytes;
		else
			s->f[target].wbytes += bytes;
		break;
	case R_SENDFILE:
	case R_COPY: {
		int out = c->role == R_SENDFILE ? 0 : 2, in = c->role == R_SENDFILE ? 1 : 0;
		target = file_of_fd(s, t, ev->pid, (int32_t)ev->args[out]);
		s->f[target].wbytes += bytes;
		s->f[file_of_fd(s, t, ev->pid, (int32_t)ev->args[in])].rbytes += bytes;
		break;
	}
	case R_NEWFD:
		if (fd >= 0) { /* dup, accept: on the descriptor they name */
			target = file_of_fd(s, t, ev->pid, fd);
		} else if (ok) { /* socket, pipe...: on what they made */
			int anon;
			const char *p = lt_fdtab_new_fd(fdtab(s, r), ev, &anon);
			if (p)
				target = file_of(s, p, strlen(p));
		}
		break;
	default:
		if (fd >= 0)
			target = file_of_fd(s, t, ev->pid, fd);
		else
			target = path_file(s, t, ev, c);
	}
	if (target >= 0) {
		s->f[target].calls++;
		s->f[target].ns += done ? ev->dur_ns : 0;
	}
}

static int files_event(struct lt_report *r, void *state, const struct lt_event *ev)
{
	struct files *s = state;
	lt_tally_event(&s->tally, ev);
	if (ev->type == LT_EV_SYSCALL)
		on_syscall(s, r, ev);
	if (s->own)
		lt_fdtab_update(s->own, ev);
	return 0;
}

static const struct files *sort_ctx;

static int by_time(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	const struct file_stat *fx = &sort_ctx->f[x], *fy = &sort_ctx->f[y];
	if (fx->ns != fy->ns)
		return fx->ns > fy->ns ? -1 : 1;
	return strcmp(lt_smap_key(&sort_ctx->paths, x), lt_smap_key(&sort_ctx->paths, y));
}

static int files_end(struct lt_report *r, void *state)
{
	struct files *s = state;
	FILE *o = r->out;
	size_t n = s->paths.n;
	uint32_t *order = malloc((n ? n : 1) * sizeof *order);
	if (!order)
		abort();
	for (size_t i = 0; i < n; i++)
		order[i] = (uint32_t)i;
	sort_ctx = s;
	qsort(order, n, sizeof *order, by_time);
	fprintf(o, "%14s %8s %7s %8s %12s %12s  %s\n", "seconds", "calls", "opens", "open_err",
		"bytes_read", "bytes_written", "path");
	for (size_t k = 0; k < n; k++) {
		const struct file_stat *f = &s->f[order[k]];
		if (!f->calls)
			continue; /* only named: a descriptor inherited and never used */
		const char *p = lt_smap_key(&s->paths, order[k]);
		lt_sb_reset(&s->sb);
		lt_sb_escape(&s->sb, p, strlen(p), r->o.fmt.hex, NULL);
		fprintf(o, "%7llu.%06u %8llu %7llu %8llu %12llu %12llu  %s\n",
			(unsigned long long)(f->ns / 1000000000u), (unsigned)(f->ns % 1000000000u / 1000),
			(unsigned long long)f->calls, (unsigned long long)f->opens,
			(unsigned long long)f->open_errors, (unsigned long long)f->rbytes,
			(unsigned long long)f->wbytes, s->sb.p ? s->sb.p : "");
	}
	lt_tally_print(&s->tally, o);
	free(order);
	free(s->sc);
	free(s->f);
	lt_smap_free(&s->paths);
	lt_fdtab_free(s->own);
	lt_sb_free(&s->sb);
	free(s);
	return ferror(o) ? -1 : 0;
}

const struct lt_output lt_out_files = { "files", files_begin, files_event, files_end };
