/* The descriptor model (lt_fdtab.h). Per process: descriptor -> entry (a name, anonymous
 * or not, close-on-exec); names are interned once, so memory grows with distinct paths and
 * live descriptors, never with calls. Syscalls are told apart by number (x86-64). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>

#include "lt_decode.h"
#include "lt_fdtab.h"
#include "lt_hmap.h"
#include "lt_log.h"
#include "lt_mem.h"
#include "lt_syscall.h"

#define K_O_CLOEXEC 02000000u /* O_CLOEXEC, SOCK_CLOEXEC, EFD_/TFD_/IN_/EPOLL_CLOEXEC */
#define K_FIONCLEX 0x5450
#define K_FIOCLEX 0x5451
#define K_CLOSE_RANGE_CLOEXEC 4u
#define NO_NAME UINT32_MAX
#define LOST_NAME (UINT32_MAX - 1) /* a working directory the trace cannot tell */

struct fdent {
	uint32_t pid;
	int32_t fd;
	uint32_t name; /* index in names, NO_NAME: unknown; */
	uint32_t next; /* the process's next entry (a list per process), NO_NAME: none */
	uint8_t open, anon, cloexec;
	uint8_t deleted; /* its file was unlinked since: "(deleted)" after -y's path */
};

struct lt_fdtab {
	struct lt_smap names;  /* paths and anonymous labels */
	struct lt_hmap fdmap;  /* pid << 32 | fd -> index in ents */
	struct fdent *ents;
	size_t capents;
	struct lt_hmap cwdmap; /* pid -> index in cwd and in first */
	uint32_t *cwd;         /* a name, NO_NAME: as at the start, LOST_NAME: unknown */
	uint32_t start_cwd;    /* the first working directory (--cwd), NO_NAME: unknown */
	uint32_t *first;       /* the process's first entry, NO_NAME: none; so that a fork, an
				  exec or a close_range visits its own descriptors, not all */
	size_t capcwd, capfirst;
	struct lt_sb tmp, tmp2;
};

struct lt_fdtab *lt_fdtab_new(void)
{
	struct lt_fdtab *t = lt_xcalloc(1, sizeof(struct lt_fdtab));
	t->start_cwd = NO_NAME;
	return t;
}

void lt_fdtab_free(struct lt_fdtab *t)
{
	if (!t)
		return;
	lt_smap_free(&t->names);
	lt_hmap_free(&t->fdmap);
	lt_hmap_free(&t->cwdmap);
	free(t->ents);
	free(t->cwd);
	free(t->first);
	lt_sb_free(&t->tmp);
	lt_sb_free(&t->tmp2);
	free(t);
}

static const struct fdent *find(const struct lt_fdtab *t, uint32_t pid, int64_t fd)
{
	if (fd < 0 || fd > INT32_MAX)
		return NULL;
	long i = lt_hmap_get(&t->fdmap, (uint64_t)pid << 32 | (uint32_t)fd);
	return i >= 0 && t->ents[i].open ? &t->ents[i] : NULL;
}

static uint32_t name_of(struct lt_fdtab *t, const char *s, size_t n)
{
	int added;
	return lt_smap_add(&t->names, s, n, &added);
}

static uint32_t *cwd_of(struct lt_fdtab *t, uint32_t pid)
{
	int added;
	uint32_t i = lt_hmap_add(&t->cwdmap, pid, &added);
	if (added) {
		t->cwd = lt_grow(t->cwd, &t->capcwd, i + 1, sizeof *t->cwd);
		t->first = lt_grow(t->first, &t->capfirst, i + 1, sizeof *t->first);
		t->cwd[i] = t->first[i] = NO_NAME;
	}
	return &t->cwd[i];
}

/* The head of the process's list of entries. */
static uint32_t *first_of(struct lt_fdtab *t, uint32_t pid)
{
	uint32_t *c = cwd_of(t, pid);
	return &t->first[c - t->cwd];
}

static void put(struct lt_fdtab *t, uint32_t pid, int64_t fd, uint32_t name, int anon,
		int cloexec)
{
	if (fd < 0 || fd > INT32_MAX)
		return;
	int added;
	uint32_t i = lt_hmap_add(&t->fdmap, (uint64_t)pid << 32 | (uint32_t)fd, &added);
	uint32_t next = added ? NO_NAME : t->ents[i].next;
	if (added) {
		uint32_t *head = first_of(t, pid);
		next = *head;
		*head = i;
		t->ents = lt_grow(t->ents, &t->capents, i + 1, sizeof *t->ents);
	}
	t->ents[i] = (struct fdent){ pid, (int32_t)fd, name, next, 1, (uint8_t)!!anon,
				     (uint8_t)!!cloexec, 0 };
}

static void drop(struct lt_fdtab *t, uint32_t pid, int64_t fd)
{
	if (fd < 0 || fd > INT32_MAX)
		return;
	long i = lt_hmap_get(&t->fdmap, (uint64_t)pid << 32 | (uint32_t)fd);
	if (i >= 0)
		t->ents[i].open = 0;
}

static const char *cwd_get(const struct lt_fdtab *t, uint32_t pid)
{
	if (!t)
		return NULL;
	long i = lt_hmap_get(&t->cwdmap, pid);
	uint32_t name = i >= 0 ? t->cwd[i] : NO_NAME;
	if (name == NO_NAME) /* no chdir seen: where the command started */
		name = t->start_cwd;
	return name < LOST_NAME ? lt_smap_key(&t->names, name) : NULL;
}

const char *lt_fdtab_get(const struct lt_fdtab *t, uint32_t pid, int64_t fd, int *anon)
{
	const struct fdent *e = t ? find(t, pid, fd) : NULL;
	if (anon)
		*anon = e && e->anon;
	return e && e->name != NO_NAME ? lt_smap_key(&t->names, e->name) : NULL;
}

/* ---- paths ---- */

/* rel (n bytes) under the absolute directory dir, into out. */
static void join(struct lt_sb *out, const char *dir, const char *rel, size_t n)
{
	while (n >= 2 && rel[0] == '.' && rel[1] == '/') {
		rel += 2;
		n -= 2;
	}
	if (n == 1 && rel[0] == '.')
		n = 0;
	size_t dl = strlen(dir);
	lt_sb_putn(out, dir, dl);
	if (n && dl && dir[dl - 1] != '/')
		lt_sb_putc(out, '/');
	lt_sb_putn(out, rel, n);
}

int lt_fdtab_path_arg(const struct lt_fdtab *t, const struct lt_event *ev, int dirfd_arg,
		      int path_arg, struct lt_sb *out)
{
	lt_sb_reset(out);
	const uint8_t *d;
	const struct lt_cap *c = lt_event_cap(ev, path_arg, LT_CAP_SUB_SELF, &d);
	if (!c || (c->flags & LT_CAP_FAULT))
		return -1;
	const char *s = (const char *)d;
	size_t n = strnlen(s, c->len);
	if (n && s[0] == '/') {
		lt_sb_putn(out, s, n);
		return 0;
	}
	const char *dir = NULL;
	int anon = 0;
	int64_t dfd = dirfd_arg >= 0 ? (int32_t)ev->args[dirfd_arg] : AT_FDCWD;
	if (!n) /* AT_EMPTY_PATH and the like: the call is on the descriptor */
		dir = dfd == AT_FDCWD ? NULL : lt_fdtab_get(t, ev->pid, dfd, &anon);
	else
		dir = dfd == AT_FDCWD ? cwd_get(t, ev->pid) : lt_fdtab_get(t, ev->pid, dfd, &anon);
	if (dir && !anon && dir[0] == '/')
		join(out, dir, s, n);
	else
		lt_sb_putn(out, s, n);
	return 0;
}

/* ---- what a call does to the table ---- */

/* Does the call ask for its new descriptor(s) to be close-on-exec? */
static int new_cloexec(const struct lt_event *ev)
{
	const uint64_t *a = ev->args;
	const uint8_t *d;
	switch (ev->nr) {
	case SYS_open: return (a[1] & K_O_CLOEXEC) != 0;
	case SYS_openat: return (a[2] & K_O_CLOEXEC) != 0;
	case SYS_open_by_handle_at: return (a[2] & K_O_CLOEXEC) != 0;
	case SYS_openat2: {
		const struct lt_cap *c = lt_event_cap(ev, 2, LT_CAP_SUB_SELF, &d);
		uint64_t flags = 0;
		if (c && !(c->flags & LT_CAP_FAULT) && c->len >= 8)
			memcpy(&flags, d, 8);
		return (flags & K_O_CLOEXEC) != 0;
	}
	case SYS_dup3: case SYS_pipe2: case SYS_socket: case SYS_socketpair: case SYS_eventfd2:
	case SYS_timerfd_create:
		return (a[ev->nr == SYS_dup3 ? 2 : 1] & K_O_CLOEXEC) != 0;
	case SYS_accept4: case SYS_signalfd4: return (a[3] & K_O_CLOEXEC) != 0;
	case SYS_epoll_create1: case SYS_inotify_init1: case SYS_userfaultfd:
		return (a[0] & K_O_CLOEXEC) != 0;
	case SYS_memfd_create: return (a[1] & 1) != 0;     /* MFD_CLOEXEC */
	case SYS_fanotify_init: return (a[0] & 1) != 0;    /* FAN_CLOEXEC */
	case SYS_perf_event_open: return (a[4] & 8) != 0;  /* PERF_FLAG_FD_CLOEXEC */
	case SYS_pidfd_open: case SYS_pidfd_getfd: case SYS_io_uring_setup:
		return 1; /* always */
	case SYS_fcntl: return a[1] == F_DUPFD_CLOEXEC;
	}
	return 0;
}

/* What strace -y shows for the anonymous-inode descriptors these calls make (the
 * kernel's link text), kept as their label: NULL for the others. */
static const char *anon_inode_label(const struct lt_event *ev)
{
	switch (ev->nr) {
	case SYS_io_uring_setup: return "anon_inode:[io_uring]";
	case SYS_userfaultfd: return "anon_inode:[userfaultfd]";
	case SYS_perf_event_open: return "anon_inode:[perf_event]";
	case SYS_landlock_create_ruleset: /* LANDLOCK_CREATE_RULESET_VERSION: a number */
		return ev->args[2] & 1 ? NULL : "anon_inode:[landlock-ruleset]";
	case SYS_bpf:
		return (uint32_t)ev->args[0] == 0 ? "anon_inode:bpf-map" :   /* BPF_MAP_CREATE */
		       (uint32_t)ev->args[0] == 5 ? "anon_inode:bpf-prog" : /* BPF_PROG_LOAD */
		       NULL;
	}
	return NULL;
}

/* The label of an anonymous descriptor a call makes; NULL when it names a file. */
static const char *anon_label(const struct lt_event *ev)
{
	const char *l = anon_inode_label(ev);
	if (l)
		return l;
	switch (ev->nr) {
	case SYS_socket: case SYS_accept: case SYS_accept4: return "<socket>";
	case SYS_socketpair: return "<socketpair>";
	case SYS_pipe: case SYS_pipe2: return "<pipe>";
	case SYS_eventfd: case SYS_eventfd2: return "<eventfd>";
	case SYS_epoll_create: case SYS_epoll_create1: return "<epoll>";
	case SYS_timerfd_create: return "<timerfd>";
	case SYS_signalfd: case SYS_signalfd4: return "<signalfd>";
	case SYS_inotify_init: case SYS_inotify_init1: return "<inotify>";
	case SYS_memfd_create: return "<memfd>";
	case SYS_pidfd_open: return "<pidfd>";
	case SYS_fanotify_init: return "<fanotify>";
	}
	return NULL;
}

static int finished_ok(const struct lt_event *ev)
{
	return ev->type == LT_EV_SYSCALL && !(ev->flags & LT_EVF_UNFINISHED) &&
	       !(ev->ret < 0 && ev->ret >= -4095);
}

const char *lt_fdtab_new_fd(struct lt_fdtab *t, const struct lt_event *ev, int *anon)
{
	if (anon)
		*anon = 0;
	if (!t || !finished_ok(ev))
		return NULL;
	switch (ev->nr) {
	case SYS_open: case SYS_creat:
		return lt_fdtab_path_arg(t, ev, -1, 0, &t->tmp) ? NULL : t->tmp.p;
	case SYS_openat: case SYS_openat2: case 428: /* open_tree */
		return lt_fdtab_path_arg(t, ev, 0, 1, &t->tmp) ? NULL : t->tmp.p;
	case SYS_fcntl:
		if (ev->args[1] != F_DUPFD && ev->args[1] != F_DUPFD_CLOEXEC)
			return NULL;
		/* fall through */
	case SYS_dup: case SYS_dup2: case SYS_dup3:
		return lt_fdtab_get(t, ev->pid, (int32_t)ev->args[0], anon);
	}
	const char *l = anon_label(ev);
	if (l && anon)
		*anon = 1;
	return l;
}

/* pipe, pipe2, socketpair: two descriptors in an int[2] the call wrote. */
static void new_pair(struct lt_fdtab *t, const struct lt_event *ev)
{
	const uint8_t *d;
	const struct lt_cap *c = lt_event_cap(ev, ev->nr == SYS_socketpair ? 3 : 0,
					      LT_CAP_SUB_SELF, &d);
	if (!c || (c->flags & LT_CAP_FAULT) || c->len < 8)
		return;
	int32_t v[2];
	memcpy(v, d, sizeof v);
	const char *l = anon_label(ev);
	uint32_t name = name_of(t, l, strlen(l));
	int ce = new_cloexec(ev);
	put(t, ev->pid, v[0], name, 1, ce);
	put(t, ev->pid, v[1], name, 1, ce);
}

static void set_cloexec(struct lt_fdtab *t, uint32_t pid, int64_t fd, int on)
{
	const struct fdent *e = find(t, pid, fd);
	if (e)
		((struct fdent *)e)->cloexec = (uint8_t)!!on;
}

/* unlink(path): the caller's descriptors of that file now show "(deleted)", as the
 * kernel's fd links do */
static void mark_deleted(struct lt_fdtab *t, const struct lt_event *ev)
{
	int at = ev->nr == SYS_unlinkat;
	if (lt_fdtab_path_arg(t, ev, at ? 0 : -1, at, &t->tmp) || !t->tmp.len || t->tmp.p[0] != '/')
		return;
	uint32_t name = name_of(t, t->tmp.p, t->tmp.len);
	for (uint32_t i = *first_of(t, ev->pid); i != NO_NAME; i = t->ents[i].next)
		if (t->ents[i].open && !t->ents[i].anon && t->ents[i].name == name)
			t->ents[i].deleted = 1;
}

static void on_syscall(struct lt_fdtab *t, const struct lt_event *ev)
{
	const uint64_t *a = ev->args;
	if (ev->flags & LT_EVF_UNFINISHED)
		return;
	int ok = finished_ok(ev);
	switch (ev->nr) {
	case SYS_close: /* even a failed close frees the number (EINTR), or it was not open */
		drop(t, ev->pid, (int32_t)a[0]);
		return;
	case SYS_close_range:
		if (!ok)
			return;
		for (uint32_t i = *first_of(t, ev->pid); i != NO_NAME; i = t->ents[i].next) {
			struct fdent *e = &t->ents[i];
			if ((uint32_t)e->fd < (uint32_t)a[0] || (uint32_t)e->fd > (uint32_t)a[1])
				continue;
			if (a[2] & K_CLOSE_RANGE_CLOEXEC)
				e->cloexec = 1;
			else
				e->open = 0;
		}
		return;
	case SYS_fcntl:
		if (ok && a[1] == F_SETFD)
			set_cloexec(t, ev->pid, (int32_t)a[0], a[2] & FD_CLOEXEC);
		break;
	case SYS_ioctl:
		if (ok && (a[1] == K_FIOCLEX || a[1] == K_FIONCLEX))
			set_cloexec(t, ev->pid, (int32_t)a[0], a[1] == K_FIOCLEX);
		return;
	case SYS_pipe: case SYS_pipe2: case SYS_socketpair:
		if (ok)
			new_pair(t, ev);
		return;
	case SYS_unlink: case SYS_unlinkat:
		if (ok && !(ev->nr == SYS_unlinkat && (a[2] & AT_REMOVEDIR)))
			mark_deleted(t, ev);
		return;
	case SYS_chdir: case SYS_fchdir: {
		if (!ok)
			return;
		int anon = 0;
		const char *p = ev->nr == SYS_fchdir ? lt_fdtab_get(t, ev->pid, (int32_t)a[0], &anon)
			: lt_fdtab_path_arg(t, ev, -1, 0, &t->tmp) ? NULL : t->tmp.p;
		/* only an absolute one helps later: else the directory is unknown */
		*cwd_of(t, ev->pid) = p && !anon && p[0] == '/' ? name_of(t, p, strlen(p)) : LOST_NAME;
		return;
	}
	case SYS_dup2:
		if (ok && ev->ret == (int32_t)a[0]) /* dup2(fd, fd): nothing changes */
			return;
		break;
	}
	const struct lt_sysent *se = lt_sysent_get((uint64_t)ev->nr);
	int makes_fd = ev->nr == SYS_fcntl ? a[1] == F_DUPFD || a[1] == F_DUPFD_CLOEXEC
		: ev->nr == SYS_bpf || ev->nr == SYS_landlock_create_ruleset
		? anon_inode_label(ev) != NULL /* by command: a number or a descriptor */
		: se && se->ret == LT_K_FD;
	if (!ok || !makes_fd)
		return;
	int anon = 0;
	const char *p = lt_fdtab_new_fd(t, ev, &anon);
	/* p may point into t->tmp: copied into names before tmp is used again */
	uint32_t name = p ? name_of(t, p, strlen(p)) : NO_NAME;
	/* any other new descriptor replaces what was known of that number */
	put(t, ev->pid, ev->ret, name, anon, new_cloexec(ev));
}

/* A forked child starts with a copy of its parent's descriptors (those it has not
 * replaced already) and working directory; a new image keeps those not close-on-exec. */
static void on_process(struct lt_fdtab *t, const struct lt_event *ev)
{
	if ((ev->proc_flags & LT_LOG_F_FORK) && ev->ppid && ev->ppid != ev->pid) {
		uint32_t parent_cwd = *cwd_of(t, ev->ppid); /* before: cwd_of may move the array */
		uint32_t *c = cwd_of(t, ev->pid);
		if (*c == NO_NAME)
			*c = parent_cwd;
		/* the parent's list only grows at its head: new entries of the child's do not
		 * disturb this walk (ents may move: indices, not pointers) */
		for (uint32_t i = *first_of(t, ev->ppid); i != NO_NAME; i = t->ents[i].next) {
			struct fdent e = t->ents[i];
			if (e.open && lt_hmap_get(&t->fdmap, (uint64_t)ev->pid << 32 | (uint32_t)e.fd) < 0) {
				put(t, ev->pid, e.fd, e.name, e.anon, e.cloexec);
				t->ents[lt_hmap_get(&t->fdmap, (uint64_t)ev->pid << 32 | (uint32_t)e.fd)]
					.deleted = e.deleted;
			}
		}
	}
	if (ev->proc_flags & LT_LOG_F_EXEC)
		for (uint32_t i = *first_of(t, ev->pid); i != NO_NAME; i = t->ents[i].next)
			if (t->ents[i].cloexec)
				t->ents[i].open = 0;
}

void lt_fdtab_update(struct lt_fdtab *t, const struct lt_event *ev)
{
	if (!t || !ev)
		return;
	switch (ev->type) {
	case LT_EV_SYSCALL:
		if (ev->nr >= 0)
			on_syscall(t, ev);
		break;
	case LT_EV_PROCESS:
		on_process(t, ev);
		break;
	case LT_EV_FD: /* AT_FDCWD: the working directory when the window started */
		if (ev->fd == AT_FDCWD && ev->str_len && ev->str[0] == '/')
			*cwd_of(t, ev->pid) = name_of(t, ev->str, ev->str_len);
		else if (ev->str_len && ev->fd >= 0)
			put(t, ev->pid, ev->fd, name_of(t, ev->str, ev->str_len), 0, 0);
		break;
	default:
		break;
	}
}

/* ---- -y ---- */

static void put_path(struct lt_sb *sb, const char *p, int hex)
{
	lt_sb_putc(sb, '<');
	lt_sb_escape(sb, p, strlen(p), hex, "<>");
	lt_sb_putc(sb, '>');
}

void lt_fdtab_set_start_cwd(struct lt_fdtab *t, const char *dir)
{
	if (dir && dir[0] == '/')
		t->start_cwd = name_of(t, dir, strlen(dir));
}

void lt_fdtab_put_cwd(struct lt_sb *sb, const struct lt_fdtab *t, uint32_t pid, int hex)
{
	const char *p = cwd_get(t, pid);
	if (p)
		put_path(sb, p, hex);
}

void lt_fdtab_put(struct lt_sb *sb, const struct lt_fdtab *t, uint32_t pid, int64_t fd, int hex)
{
	int anon;
	const char *p = lt_fdtab_get(t, pid, fd, &anon);
	if (p && (!anon || !strncmp(p, "anon_inode:", 11))) {
		put_path(sb, p, hex);
		const struct fdent *e = find(t, pid, fd);
		if (e && e->deleted) /* strace 6.1 moves the link's " (deleted)" past the '>' */
			lt_sb_puts(sb, "(deleted)");
	}
}

void lt_fdtab_put_new(struct lt_sb *sb, struct lt_fdtab *t, const struct lt_event *ev, int hex)
{
	int anon;
	const char *p = lt_fdtab_new_fd(t, ev, &anon);
	if (p && (!anon || !strncmp(p, "anon_inode:", 11)))
		put_path(sb, p, hex);
}
