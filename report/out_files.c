/* --files: per path, the opens (and how many failed), the calls made on it, the bytes
 * read and written and the time spent in those calls.
 *
 * A call is "on" a path when it opens it, names it (stat, unlink, execve...) or uses a
 * descriptor that refers to it. Descriptors are followed per process through the results
 * of open/openat/creat, dup*, fcntl(F_DUPFD*), close and close_range; a forked child
 * starts with its parent's table and an exec drops the O_CLOEXEC ones. Relative paths are
 * made absolute when the directory they are relative to is known (chdir, fchdir, dirfd). Descriptors that
 * were open before tracing began show as "<fd N>"; sockets, pipes and other anonymous
 * descriptors as "<socket>", "<pipe>", ...; opens whose path the log did not capture as
 * "<path not captured>". Memory grows with paths and descriptors, not
 * with calls. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_hmap.h"
#include "lt_mem.h"
#include "lt_log.h"
#include "lt_syscall.h"
#include "lt_views.h"

#define PATH_CAP 4096
#define NO_PATH "<path not captured>"
#define O_CLOEXEC_BIT 02000000u
#define F_DUPFD_ 0
#define F_DUPFD_CLOEXEC_ 1030

enum role {
	R_NONE,
	R_OPEN,   /* path -> new fd */
	R_READ,   /* bytes read from the fd */
	R_WRITE,  /* bytes written to the fd */
	R_CLOSE,
	R_CLOSE_RANGE,
	R_DUP,    /* new fd = ret, same file as arg 0 */
	R_FCNTL,  /* F_DUPFD*: like dup */
	R_SENDFILE, /* sendfile(out, in, ...): written to arg 0, read from arg 1 */
	R_COPY,   /* copy_file_range(in, _, out, ...): read from arg 0, written to arg 2 */
	R_ANON,   /* ret is a new descriptor with no path */
	R_PAIR,   /* pipe/socketpair: two new descriptors in an output array */
	R_CHDIR,  /* the working directory becomes the path, or the fd's file */
};

struct scinfo {
	uint8_t role;
	int8_t fd_arg, path_arg, dirfd_arg, flags_arg, pair_arg;
	const char *anon; /* R_ANON/R_PAIR label */
};

struct file_stat {
	uint64_t opens, open_errors, calls, rbytes, wbytes, ns;
};

struct fdent {
	uint32_t pid;
	int32_t fd;
	int32_t file; /* -1: closed */
	int cloexec;
};

struct files {
	struct scinfo *sc; /* by syscall nr */
	struct lt_smap paths;
	struct file_stat *f;
	size_t capf;
	struct lt_hmap fdmap; /* pid<<32 | fd -> fdent */
	struct fdent *fds;
	size_t capfds;
	struct lt_hmap cwdmap; /* pid -> cwd[] */
	int32_t *cwd;          /* the file of its working directory, -1 unknown */
	size_t capcwd;
	struct lt_sb sb;
	char path[PATH_CAP], tmp[PATH_CAP];
};

static const struct { const char *name; uint8_t role; const char *anon; int8_t arg; } roles[] = {
	{ "open", R_OPEN, 0, 1 },        { "openat", R_OPEN, 0, 2 },
	{ "creat", R_OPEN, 0, -1 },      { "openat2", R_OPEN, 0, -1 },
	{ "read", R_READ, 0, 0 },        { "pread64", R_READ, 0, 0 },
	{ "readv", R_READ, 0, 0 },       { "preadv", R_READ, 0, 0 },
	{ "preadv2", R_READ, 0, 0 },     { "recvfrom", R_READ, 0, 0 },
	{ "recvmsg", R_READ, 0, 0 },     { "write", R_WRITE, 0, 0 },
	{ "pwrite64", R_WRITE, 0, 0 },   { "writev", R_WRITE, 0, 0 },
	{ "pwritev", R_WRITE, 0, 0 },    { "pwritev2", R_WRITE, 0, 0 },
	{ "sendto", R_WRITE, 0, 0 },     { "sendmsg", R_WRITE, 0, 0 },
	{ "close", R_CLOSE, 0, 0 },      { "close_range", R_CLOSE_RANGE, 0, 0 },
	{ "dup", R_DUP, 0, -1 },         { "dup2", R_DUP, 0, -1 },
	{ "dup3", R_DUP, 0, 2 },         { "fcntl", R_FCNTL, 0, 0 },
	{ "sendfile", R_SENDFILE, 0, 0 }, { "copy_file_range", R_COPY, 0, 0 },
	{ "socket", R_ANON, "<socket>", 0 }, { "accept", R_ANON, "<socket>", 0 },
	{ "accept4", R_ANON, "<socket>", 0 }, { "eventfd", R_ANON, "<eventfd>", 0 },
	{ "eventfd2", R_ANON, "<eventfd>", 0 }, { "epoll_create", R_ANON, "<epoll>", 0 },
	{ "epoll_create1", R_ANON, "<epoll>", 0 }, { "timerfd_create", R_ANON, "<timerfd>", 0 },
	{ "signalfd", R_ANON, "<signalfd>", 0 }, { "signalfd4", R_ANON, "<signalfd>", 0 },
	{ "inotify_init", R_ANON, "<inotify>", 0 }, { "inotify_init1", R_ANON, "<inotify>", 0 },
	{ "memfd_create", R_ANON, "<memfd>", 0 }, { "pidfd_open", R_ANON, "<pidfd>", 0 },
	{ "io_uring_setup", R_ANON, "<io_uring>", 0 }, { "userfaultfd", R_ANON, "<userfaultfd>", 0 },
	{ "perf_event_open", R_ANON, "<perf_event>", 0 }, { "fanotify_init", R_ANON, "<fanotify>", 0 },
	{ "pipe", R_PAIR, "<pipe>", 0 }, { "pipe2", R_PAIR, "<pipe>", 0 },
	{ "socketpair", R_PAIR, "<socketpair>", 3 },
	{ "chdir", R_CHDIR, 0, 0 }, { "fchdir", R_CHDIR, 0, 0 },
};

static int files_begin(struct lt_report *r, void **state)
{
	(void)r;
	struct files *s = calloc(1, sizeof *s);
	if (!s)
		return -1;
	s->sc = calloc(LT_NSYSCALLS, sizeof *s->sc);
	if (!s->sc) {
		free(s);
		return -1;
	}
	for (int nr = 0; nr < LT_NSYSCALLS; nr++) {
		const struct lt_sysent *se = &lt_sysent[nr];
		struct scinfo *c = &s->sc[nr];
		c->fd_arg = c->path_arg = c->dirfd_arg = c->flags_arg = c->pair_arg = -1;
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
		for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++) {
			if (strcmp(roles[k].name, se->name))
				continue;
			c->role = roles[k].role;
			c->anon = roles[k].anon;
			if (c->role == R_OPEN || c->role == R_DUP)
				c->flags_arg = roles[k].arg;
			if (c->role == R_PAIR)
				c->pair_arg = roles[k].arg;
		}
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

static struct fdent *fd_find(struct files *s, uint32_t pid, int64_t fd)
{
	if (fd < 0 || fd > INT32_MAX)
		return 0;
	long i = lt_hmap_get(&s->fdmap, (uint64_t)pid << 32 | (uint32_t)fd);
	return i >= 0 && s->fds[i].file >= 0 ? &s->fds[i] : 0;
}

static void fd_put(struct files *s, uint32_t pid, int64_t fd, int32_t file, int cloexec)
{
	if (fd < 0 || fd > INT32_MAX)
		return;
	int added;
	uint32_t i = lt_hmap_add(&s->fdmap, (uint64_t)pid << 32 | (uint32_t)fd, &added);
	if (added)
		s->fds = lt_grow(s->fds, &s->capfds, i + 1, sizeof *s->fds);
	s->fds[i] = (struct fdent){ pid, (int32_t)fd, file, cloexec };
}

/* The file a descriptor refers to; one it has not seen opened is "<fd N>". */
static uint32_t file_of_fd(struct files *s, uint32_t pid, int64_t fd)
{
	struct fdent *e = fd_find(s, pid, fd);
	if (e)
		return (uint32_t)e->file;
	char b[32];
	int n = snprintf(b, sizeof b, "<fd %lld>", (long long)fd);
	return file_of(s, b, (size_t)n);
}

/* ---- arguments, from a log's registers and captures or from strace's text ---- */

struct args {
	const struct lt_event *ev;
	struct lt_sb *sb;
	size_t ends[6];
	int n;
};

static const char *text_arg(const struct args *a, int i, size_t *len)
{
	if (i >= a->n)
		return 0;
	size_t st = i ? lt_view_arg_start(a->sb, a->ends[i - 1]) : 0;
	*len = a->ends[i] - st;
	return a->sb->p + st;
}

/* An integer argument (fds, flags as numbers); strace's "3</path>" (-y) reads as 3. */
static int arg_int(const struct args *a, int i, int64_t *v)
{
	if (!(a->ev->flags & LT_EVF_TEXT)) {
		*v = (int64_t)a->ev->args[i];
		/* fds are ints: the upper half of the register is not the program's */
		*v = (int32_t)*v;
		return 0;
	}
	size_t n;
	const char *t = text_arg(a, i, &n);
	if (!t || !n)
		return -1;
	char *end;
	if (!strncmp(t, "AT_FDCWD", 8)) {
		*v = -100;
		return 0;
	}
	*v = strtoll(t, &end, 0);
	return end == t ? -1 : 0;
}

/* A path argument into out (NUL-terminated); its length, or -1. */
static long arg_path(const struct args *a, int i, char *out, size_t cap)
{
	if (!(a->ev->flags & LT_EVF_TEXT)) {
		const uint8_t *data;
		const struct lt_cap *c = lt_event_cap(a->ev, i, LT_CAP_SUB_SELF, &data);
		if (!c || (c->flags & LT_CAP_FAULT))
			return -1;
		size_t n = c->len < cap - 1 ? c->len : cap - 1;
		n = strnlen((const char *)data, n);
		memcpy(out, data, n);
		out[n] = 0;
		return (long)n;
	}
	size_t n;
	const char *t = text_arg(a, i, &n);
	if (!t || n < 2 || t[0] != '"')
		return -1;
	const char *q = t + 1, *e = t + n;
	const char *end = q;
	while (end < e && *end != '"')
		end += end[0] == '\\' && end + 1 < e ? 2 : 1;
	return (long)lt_view_unquote(q, (size_t)(end - q), out, cap);
}

static int text_has(const struct args *a, const char *word)
{
	return (a->ev->flags & LT_EVF_TEXT) && a->sb->p && strstr(a->sb->p, word);
}

/* Does the flags argument (open/openat/dup3) ask for O_CLOEXEC? */
static int cloexec_arg(const struct args *a, int arg)
{
	if (arg < 0)
		return 0;
	if (a->ev->flags & LT_EVF_TEXT)
		return text_has(a, "O_CLOEXEC");
	return (a->ev->args[arg] & O_CLOEXEC_BIT) != 0;
}

/* fcntl: 1 for F_DUPFD, 2 for F_DUPFD_CLOEXEC, else 0 */
static int fcntl_dup(const struct args *a)
{
	if (a->ev->flags & LT_EVF_TEXT)
		return text_has(a, "F_DUPFD_CLOEXEC") ? 2 : text_has(a, "F_DUPFD") ? 1 : 0;
	return a->ev->args[1] == F_DUPFD_CLOEXEC_ ? 2 : a->ev->args[1] == F_DUPFD_ ? 1 : 0;
}

static int32_t *cwd_of(struct files *s, uint32_t pid)
{
	int added;
	uint32_t i = lt_hmap_add(&s->cwdmap, pid, &added);
	if (added) {
		s->cwd = lt_grow(s->cwd, &s->capcwd, i + 1, sizeof *s->cwd);
		s->cwd[i] = -1;
	}
	return &s->cwd[i];
}

/* s->path (n bytes, relative) under the directory whose file is dir, if that is an
 * absolute path. Returns the new length. */
static long join(struct files *s, int32_t dir, long n)
{
	if (dir < 0)
		return n;
	const char *d = lt_smap_key(&s->paths, (uint32_t)dir);
	if (d[0] != '/')
		return n;
	const char *rel = s->path;
	while (rel[0] == '.' && rel[1] == '/')
		rel += 2;
	if (!strcmp(rel, "."))
		rel = "";
	size_t dl = strlen(d);
	int k = snprintf(s->tmp, sizeof s->tmp, "%s%s%s", d,
			 d[dl - 1] == '/' || !*rel ? "" : "/", rel);
	if (k <= 0 || (size_t)k >= sizeof s->tmp)
		return n;
	memcpy(s->path, s->tmp, (size_t)k + 1);
	return k;
}

/* The path an openat/newfstatat/... names: relative ones are joined to their dirfd's
 * path, or to the working directory, when that is known. */
static long full_path(struct files *s, const struct args *a, const struct scinfo *c)
{
	long n = arg_path(a, c->path_arg, s->path, sizeof s->path);
	if (n <= 0 || s->path[0] == '/')
		return n;
	int64_t dfd = -100; /* AT_FDCWD */
	if (c->dirfd_arg >= 0 && c->dirfd_arg < c->path_arg && arg_int(a, c->dirfd_arg, &dfd))
		return n;
	if (dfd == -100)
		return join(s, *cwd_of(s, a->ev->pid), n);
	struct fdent *e = fd_find(s, a->ev->pid, dfd);
	return e ? join(s, e->file, n) : n;
}

static void read_pair(struct files *s, const struct args *a, const struct scinfo *c)
{
	int64_t fds[2];
	if (a->ev->flags & LT_EVF_TEXT) {
		size_t n;
		const char *t = text_arg(a, c->pair_arg, &n);
		if (!t || n < 2 || t[0] != '[')
			return;
		char *end;
		fds[0] = strtoll(t + 1, &end, 10);
		if (*end != ',')
			return;
		fds[1] = strtoll(end + 1, &end, 10);
	} else {
		const uint8_t *data;
		const struct lt_cap *cp = lt_event_cap(a->ev, c->pair_arg, LT_CAP_SUB_SELF, &data);
		if (!cp || cp->len < 8)
			return;
		int32_t v[2];
		memcpy(v, data, 8);
		fds[0] = v[0];
		fds[1] = v[1];
	}
	uint32_t f = file_of(s, c->anon, strlen(c->anon));
	fd_put(s, a->ev->pid, fds[0], (int32_t)f, 0);
	fd_put(s, a->ev->pid, fds[1], (int32_t)f, 0);
}

static void on_syscall(struct files *s, struct lt_report *r, const struct lt_event *ev)
{
	static const struct scinfo none = { R_NONE, -1, -1, -1, -1, -1, 0 };
	const struct scinfo *c = ev->nr >= 0 && ev->nr < LT_NSYSCALLS ? &s->sc[ev->nr] : &none;
	if (c->role == R_NONE && c->fd_arg < 0 && c->path_arg < 0)
		return;
	struct args a = { ev, &s->sb, { 0 }, 0 };
	if (ev->flags & LT_EVF_TEXT) {
		lt_sb_reset(&s->sb);
		a.n = lt_view_args(&s->sb, ev, &r->o.fmt, a.ends, 6);
	}
	int done = !(ev->flags & LT_EVF_UNFINISHED);
	int ok = done && !lt_view_failed(ev);
	uint64_t ns = done ? ev->dur_ns : 0;
	uint64_t bytes = ok && ev->ret > 0 ? (uint64_t)ev->ret : 0;
	int64_t fd = -1, fd2 = -1, v;
	long target = -1;

	switch (c->role) {
	case R_OPEN: {
		long n = full_path(s, &a, c);
		if (n < 0) { /* the log has no copy of the path: still an open */
			n = (long)strlen(NO_PATH);
			memcpy(s->path, NO_PATH, (size_t)n + 1);
		}
		target = file_of(s, s->path, (size_t)n);
		s->f[target].opens++;
		if (done && !ok)
			s->f[target].open_errors++;
		if (ok)
			fd_put(s, ev->pid, ev->ret, (int32_t)target, cloexec_arg(&a, c->flags_arg));
		break;
	}
	case R_DUP:
	case R_FCNTL:
		if (arg_int(&a, 0, &fd))
			break;
		target = file_of_fd(s, ev->pid, fd);
		if (!ok)
			break;
		if (c->role == R_FCNTL) {
			int d = fcntl_dup(&a);
			if (d)
				fd_put(s, ev->pid, ev->ret, (int32_t)target, d == 2);
		} else {
			fd_put(s, ev->pid, ev->ret, (int32_t)target, cloexec_arg(&a, c->flags_arg));
		}
		break;
	case R_CLOSE:
		if (arg_int(&a, 0, &fd))
			break;
		target = file_of_fd(s, ev->pid, fd);
		if (done) /* even a failed close frees the number (EINTR) or it was not open */
			fd_put(s, ev->pid, fd, -1, 0);
		break;
	case R_CLOSE_RANGE: {
		int64_t lo, hi;
		if (!ok || arg_int(&a, 0, &lo) || arg_int(&a, 1, &hi))
			break;
		for (size_t i = 0; i < s->fdmap.n; i++)
			if (s->fds[i].pid == ev->pid && (uint32_t)s->fds[i].fd >= (uint32_t)lo &&
			    (uint32_t)s->fds[i].fd <= (uint32_t)hi)
				s->fds[i].file = -1;
		break;
	}
	case R_READ:
	case R_WRITE:
		if (arg_int(&a, 0, &fd))
			break;
		target = file_of_fd(s, ev->pid, fd);
		if (c->role == R_READ)
			s->f[target].rbytes += bytes;
		else
			s->f[target].wbytes += bytes;
		break;
	case R_SENDFILE:
	case R_COPY:
		if (arg_int(&a, c->role == R_SENDFILE ? 0 : 2, &fd) ||
		    arg_int(&a, c->role == R_SENDFILE ? 1 : 0, &fd2))
			break;
		target = file_of_fd(s, ev->pid, fd);
		s->f[target].wbytes += bytes;
		s->f[file_of_fd(s, ev->pid, fd2)].rbytes += bytes;
		break;
	case R_ANON:
		if (ok) {
			target = file_of(s, c->anon, strlen(c->anon));
			fd_put(s, ev->pid, ev->ret, (int32_t)target, 0);
		}
		if (c->fd_arg >= 0 && !arg_int(&a, c->fd_arg, &v)) /* accept: the listener */
			target = file_of_fd(s, ev->pid, v);
		break;
	case R_PAIR:
		if (ok)
			read_pair(s, &a, c);
		break;
	case R_CHDIR:
		if (c->fd_arg >= 0) {
			if (!arg_int(&a, c->fd_arg, &v) && v >= 0)
				target = file_of_fd(s, ev->pid, v);
		} else {
			long n = full_path(s, &a, c);
			if (n > 0)
				target = file_of(s, s->path, (size_t)n);
		}
		if (ok && target >= 0 && lt_smap_key(&s->paths, (uint32_t)target)[0] == '/')
			*cwd_of(s, ev->pid) = (int32_t)target;
		break;
	default:
		if (c->fd_arg >= 0 && !arg_int(&a, c->fd_arg, &v) && v >= 0) {
			target = file_of_fd(s, ev->pid, v);
		} else if (c->path_arg >= 0) {
			long n = full_path(s, &a, c);
			if (n == 0 && c->dirfd_arg >= 0 && !arg_int(&a, c->dirfd_arg, &v) && v >= 0)
				target = file_of_fd(s, ev->pid, v); /* AT_EMPTY_PATH: the fd itself */
			else if (n > 0)
				target = file_of(s, s->path, (size_t)n);
		}
	}
	if (target >= 0) {
		s->f[target].calls++;
		s->f[target].ns += ns;
	}
}

/* A new process starts with a copy of its parent's descriptors (those it has not
 * already replaced); a new program keeps those without O_CLOEXEC. */
static void on_process(struct files *s, const struct lt_event *ev)
{
	if (ev->proc_flags & LT_LOG_F_EXEC) {
		for (size_t i = 0; i < s->fdmap.n; i++)
			if (s->fds[i].pid == ev->pid && s->fds[i].cloexec)
				s->fds[i].file = -1;
		return;
	}
	if (!ev->ppid || ev->ppid == ev->pid)
		return;
	int32_t pcwd = *cwd_of(s, ev->ppid), *ccwd = cwd_of(s, ev->pid);
	if (*ccwd < 0)
		*ccwd = pcwd;
	size_t n = s->fdmap.n;
	for (size_t i = 0; i < n; i++) {
		struct fdent e = s->fds[i];
		if (e.pid != ev->ppid || e.file < 0)
			continue;
		if (lt_hmap_get(&s->fdmap, (uint64_t)ev->pid << 32 | (uint32_t)e.fd) < 0)
			fd_put(s, ev->pid, e.fd, e.file, e.cloexec);
	}
}

static int files_event(struct lt_report *r, void *state, const struct lt_event *ev)
{
	struct files *s = state;
	if (ev->type == LT_EV_SYSCALL)
		on_syscall(s, r, ev);
	else if (ev->type == LT_EV_PROCESS)
		on_process(s, ev);
	else if (ev->type == LT_EV_FD && ev->str_len)
		/* open before tracing began: its path, not "<fd N>" */
		fd_put(s, ev->pid, ev->fd, (int32_t)file_of(s, ev->str, ev->str_len), 0);
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
		fprintf(o, "%7llu.%06u %8llu %7llu %8llu %12llu %12llu  %s\n",
			(unsigned long long)(f->ns / 1000000000u), (unsigned)(f->ns % 1000000000u / 1000),
			(unsigned long long)f->calls, (unsigned long long)f->opens,
			(unsigned long long)f->open_errors, (unsigned long long)f->rbytes,
			(unsigned long long)f->wbytes, lt_smap_key(&s->paths, order[k]));
	}
	free(order);
	free(s->sc);
	free(s->f);
	free(s->fds);
	lt_smap_free(&s->paths);
	lt_hmap_free(&s->fdmap);
	lt_hmap_free(&s->cwdmap);
	free(s->cwd);
	lt_sb_free(&s->sb);
	free(s);
	return ferror(o) ? -1 : 0;
}

const struct lt_output lt_out_files = { "files", files_begin, files_event, files_end };
