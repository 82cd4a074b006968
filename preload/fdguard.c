/* Hiding the shim's descriptors: see fdguard.h. Raw syscalls only (the trap path calls
 * this from the SIGSYS handler). */
#include <errno.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include "fdguard.h"
#include "lt_syscall.h"

#ifndef SYS_close_range
#define SYS_close_range 436
#endif

struct lt_fdg_slot {
	int *fdp;          /* the owner's variable; 0: free slot */
	const int *livep;  /* the descriptor counts only while *livep (0: always) */
	uint64_t dev, ino; /* the file it named when registered */
	int known;         /* dev and ino were read */
};

static struct lt_fdg_slot lt_fdg[LT_FDG_MAX];
int lt_fdg_lo = INT_MAX;
static int lt_fdg_hi = -1;

static int lt_fdg_live(const struct lt_fdg_slot *s)
{
	return s->fdp && *s->fdp >= 0 && (!s->livep || *s->livep);
}

/* Recomputes the bounds after a change. lt_fdg_lo is lowered before anything else may
 * rely on it, so it is never above a live descriptor of ours. */
static void lt_fdg_bounds(void)
{
	int lo = INT_MAX, hi = -1;
	for (int i = 0; i < LT_FDG_MAX; i++) {
		struct lt_fdg_slot *s = &lt_fdg[i];
		if (!s->fdp || *s->fdp < 0)
			continue;
		int fd = *s->fdp;
		lo = fd < lo ? fd : lo;
		hi = fd > hi ? fd : hi;
	}
	__atomic_store_n(&lt_fdg_lo, lo, __ATOMIC_RELEASE);
	__atomic_store_n(&lt_fdg_hi, hi, __ATOMIC_RELEASE);
}

static void lt_fdg_ident(struct lt_fdg_slot *s)
{
	struct stat st;
	s->known = 0;
	if (*s->fdp >= 0 && lt_sys2(SYS_fstat, *s->fdp, &st) == 0) {
		s->dev = st.st_dev;
		s->ino = st.st_ino;
		s->known = 1;
	}
}

/* ---- select's reach ----
 * select reads its sets only up to the size of the descriptor table (FDSize in
 * /proc/self/status): a power of two past the highest descriptor ever open, at least 64,
 * never shrinking, inherited through fork and exec. Ours, near 1000, grow the table to
 * 1024, so a select whose nfds passes the program's own table would read (and fault on,
 * or act on) bits it never reads untraced (strace's select test does). The shim passes
 * the nfds the kernel would take untraced: the program's table is the one it had at load
 * (when ours were not yet there) grown for its highest descriptor open now; closed ones
 * it had opened since are not seen. */
static long lt_fdg_table0 = 64; /* the table's size at load, or 64 when unknown */

static long lt_fdg_table_for(long fd)
{
	return fd < 64 ? 64 : 1L << (64 - __builtin_clzl((unsigned long)fd));
}

/* The table's size now (FDSize), or -errno. */
static long lt_fdg_fdsize(void)
{
	char buf[512];
	long n = lt_read_file("/proc/self/status", buf, sizeof buf - 1);
	if (n <= 0)
		return n < 0 ? n : -EIO;
	buf[n] = 0;
	const char *v = lt_proc_field(buf, "FDSize");
	long t = 0;
	for (; v && *v >= '0' && *v <= '9' && t < 0x7fffffffL / 10; v++)
		t = t * 10 + (*v - '0');
	return t > 0 ? t : -EIO;
}

static int lt_fdg_first_image; /* 1: the run's first image, its table not yet read */

void lt_fd_guard_first_image(void)
{
	lt_fdg_first_image = 1;
}

/* Before our first descriptor: only then does FDSize say what the program's table is. */
static void lt_fdg_table_before_ours(void)
{
	if (lt_fdg_first_image != 1 || lt_fdg_lo != INT_MAX)
		return;
	lt_fdg_first_image = 2;
	long t = lt_fdg_fdsize();
	if (t > 64)
		lt_fdg_table0 = t;
}

long lt_fd_guard_select_extra(long nfds, long *from)
{
	if (lt_fdg_hi < 0 || nfds <= lt_fdg_table0)
		return 0;
	long ours = lt_fdg_table_for(lt_fdg_hi);
	*from = lt_fdg_table0;
	return nfds < ours ? nfds : ours;
}

long lt_fd_guard_select_nfds(long nfds)
{
	long top = lt_fdg_fdsize();
	if (top < 0)
		top = lt_fdg_table_for(lt_fdg_hi);
	if (top > nfds)
		top = nfds;
	long table = lt_fdg_table0;
	for (long fd = top - 1; fd >= table; fd--)
		if (lt_sys2(SYS_fcntl, fd, F_GETFD) >= 0 && !lt_fd_guard_is((int)fd)) {
			long t = lt_fdg_table_for(fd);
			table = t > table ? t : table;
			break;
		}
	return nfds > table ? table : nfds;
}

int lt_fd_high(int fd)
{
	lt_fdg_table_before_ours();
	struct rlimit rl;
	long target = 1000;
	if (lt_sys4(SYS_prlimit64, 0, RLIMIT_NOFILE, 0, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	    (long)rl.rlim_cur <= target + 24)
		target = (long)rl.rlim_cur > 64 ? (long)rl.rlim_cur - 24 : 3;
	if (fd >= target)
		return fd;
	long nfd = lt_sys3(SYS_fcntl, fd, F_DUPFD_CLOEXEC, target);
	if (nfd < 0)
		return fd;
	lt_sys1(SYS_close, fd);
	return (int)nfd;
}

void lt_fd_guard_add(int *fdp, const int *livep)
{
	for (int i = 0; i < LT_FDG_MAX; i++)
		if (__atomic_load_n(&lt_fdg[i].fdp, __ATOMIC_ACQUIRE) == fdp) {
			lt_fdg[i].livep = livep;
			lt_fd_guard_changed(fdp);
			return;
		}
	for (int i = 0; i < LT_FDG_MAX; i++) {
		int *none = 0;
		if (__atomic_compare_exchange_n(&lt_fdg[i].fdp, &none, fdp, 0, __ATOMIC_ACQ_REL,
						__ATOMIC_RELAXED)) {
			lt_fdg[i].livep = livep;
			lt_fd_guard_changed(fdp);
			return;
		}
	}
}

void lt_fd_guard_changed(int *fdp)
{
	for (int i = 0; i < LT_FDG_MAX; i++)
		if (lt_fdg[i].fdp == fdp)
			lt_fdg_ident(&lt_fdg[i]);
	lt_fdg_bounds();
}

static struct lt_fdg_slot *lt_fdg_find(int fd)
{
	for (int i = 0; i < LT_FDG_MAX; i++) {
		struct lt_fdg_slot *s = &lt_fdg[i];
		if (lt_fdg_live(s) && *s->fdp == fd)
			return s;
	}
	return 0;
}

int lt_fd_guard_is(int fd)
{
	struct lt_fdg_slot *s = lt_fdg_find(fd);
	if (!s)
		return 0;
	/* Still ours? A descriptor closed behind our back (a call we did not see) may now
	 * be the program's: then it is not hidden, and the owner finds its own lost. */
	struct stat st;
	if (!s->known || lt_sys2(SYS_fstat, fd, &st) != 0 ||
	    (st.st_dev == s->dev && st.st_ino == s->ino))
		return 1; /* ours, or cannot tell (fstat denied): keep it hidden */
	*s->fdp = -1;
	lt_fdg_bounds();
	return 0;
}

/* Moves slot s's descriptor to a free number above `above`, close-on-exec; the old
 * number stays open (the caller closes or replaces it). 0 or -errno. */
static int lt_fdg_move(struct lt_fdg_slot *s, long above)
{
	long nfd = lt_sys3(SYS_fcntl, *s->fdp, F_DUPFD_CLOEXEC, above + 1);
	if (nfd < 0) /* at the descriptor limit: any free number rather than none */
		nfd = lt_sys3(SYS_fcntl, *s->fdp, F_DUPFD_CLOEXEC, 3);
	if (nfd < 0)
		return (int)nfd;
	*s->fdp = (int)nfd;
	lt_fdg_bounds();
	return 0;
}

void lt_fd_guard_target(int fd)
{
	if (!lt_fd_guarded(fd))
		return;
	struct lt_fdg_slot *s = lt_fdg_find(fd);
	if (!s)
		return;
	if (lt_fdg_move(s, fd) != 0) {
		/* No number left for it: the program's call wins, the owner finds its
		 * descriptor lost. */
		*s->fdp = -1;
		lt_fdg_bounds();
	}
	/* Closed now, not by the program's call: if that call fails, the number must be
	 * free, as it would be untraced. */
	lt_sys1(SYS_close, fd);
}

long lt_fd_guard_lowest(long r, long min)
{
	if (r < 0 || r <= lt_fdg_lo)
		return r;
	if (min < 0)
		min = 0;
	struct lt_fdg_slot *best = 0;
	for (int i = 0; i < LT_FDG_MAX; i++) {
		struct lt_fdg_slot *s = &lt_fdg[i];
		if (lt_fdg_live(s) && *s->fdp >= min && *s->fdp < r &&
		    (!best || *s->fdp < *best->fdp) && lt_fd_guard_is(*s->fdp))
			best = s;
	}
	if (!best)
		return r;
	int g = *best->fdp;
	if (lt_fdg_move(best, r) != 0)
		return r;
	long fl = lt_sys2(SYS_fcntl, r, F_GETFD);
	/* dup3 replaces our old copy at g atomically: g is never free for another thread. */
	if (lt_sys3(SYS_dup3, r, g, fl > 0 && (fl & FD_CLOEXEC) ? O_CLOEXEC : 0) != g) {
		lt_sys1(SYS_close, g); /* our old copy: the number is free, as untraced */
		return r;
	}
	lt_sys1(SYS_close, r);
	return g;
}

long lt_fd_guard_close_range(unsigned first, unsigned last, unsigned flags)
{
	int ours[LT_FDG_MAX], n = 0;
	for (int i = 0; i < LT_FDG_MAX; i++) {
		struct lt_fdg_slot *s = &lt_fdg[i];
		if (lt_fdg_live(s) && (unsigned)*s->fdp >= first && (unsigned)*s->fdp <= last &&
		    lt_fd_guard_is(*s->fdp)) {
			int fd = *s->fdp, j = n++;
			while (j > 0 && ours[j - 1] > fd) { /* insertion sort: a few entries */
				ours[j] = ours[j - 1];
				j--;
			}
			ours[j] = fd;
		}
	}
	if (!n || first > last)
		return lt_sys3(SYS_close_range, first, last, flags);
	unsigned from = first;
	long r = 0;
	for (int i = 0; i <= n && r == 0; i++) {
		unsigned to = i < n ? (unsigned)ours[i] - 1 : last;
		if (i < n && (unsigned)ours[i] == from) {
			from = (unsigned)ours[i] + 1;
			continue;
		}
		if (to >= from)
			r = lt_sys3(SYS_close_range, from, to, flags);
		if (i < n)
			from = (unsigned)ours[i] + 1;
	}
	return r;
}

/* ---- /proc/self/fd listings ---- */

/* 1 if dirfd is this process's /proc/<pid>/fd or fdinfo (or a task's): its entries are
 * descriptor numbers. */
static int lt_fdg_fd_dir(int dirfd)
{
	char path[48], link[96], want[32];
	lt_snprintf(path, sizeof path, "/proc/self/fd/%d", dirfd);
	long n = lt_sys3(SYS_readlink, path, link, sizeof link - 1);
	if (n <= 0)
		return 0;
	link[n] = 0;
	int w = lt_snprintf(want, sizeof want, "/proc/%d/", (int)lt_sys0(SYS_getpid));
	for (int i = 0; i < w; i++)
		if (link[i] != want[i])
			return 0;
	const char *p = link + w;
	if (p[0] == 't' && p[1] == 'a' && p[2] == 's' && p[3] == 'k' && p[4] == '/') {
		p += 5;
		while (*p >= '0' && *p <= '9')
			p++;
		if (*p++ != '/')
			return 0;
	}
	return !lt_strcmp(p, "fd") || !lt_strcmp(p, "fdinfo");
}

struct lt_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

/* 1 if a getdents64 result of n bytes names one of our descriptors (by number). */
static int lt_fdg_dents_hit(const char *buf, long n)
{
	for (long pos = 0; pos < n;) {
		const struct lt_dirent64 *d = (const struct lt_dirent64 *)(buf + pos);
		if (d->d_reclen < sizeof *d || pos + (long)d->d_reclen > n)
			return 0;
		long fd = lt_dec_name(d->d_name);
		if (fd >= 0 && lt_fd_guarded(fd))
			return 1;
		pos += d->d_reclen;
	}
	return 0;
}

/* Removes our descriptors' entries from a getdents64 result of n bytes; the new length. */
static long lt_fdg_filter_dents(char *buf, long n)
{
	long pos = 0;
	while (pos < n) {
		struct lt_dirent64 *d = (struct lt_dirent64 *)(buf + pos);
		unsigned len = d->d_reclen;
		if (len < sizeof *d || pos + (long)len > n)
			break; /* not a record we understand: leave the rest alone */
		long fd = lt_dec_name(d->d_name);
		if (fd >= 0 && lt_fd_guarded(fd)) {
			__builtin_memmove(buf + pos, buf + pos + len, (size_t)(n - pos - len));
			n -= len;
			continue;
		}
		pos += len;
	}
	return n;
}

/* getdents64, made here: a result that names one of ours by number, from a listing of our
 * own descriptors, comes back without ours (the directory is only checked then, so other
 * listings cost a scan of their result). A result that held only ours is read again, so
 * the program never sees a premature end. */
static long lt_fdg_getdents(const uint64_t a[6])
{
	char *buf = (char *)(uintptr_t)a[1];
	int ours = -1; /* unknown yet */
	for (;;) {
		long r = lt_sys3(SYS_getdents64, a[0], a[1], a[2]);
		if (r <= 0 || !lt_fdg_dents_hit(buf, r))
			return r;
		if (ours < 0)
			ours = lt_fdg_fd_dir((int)a[0]);
		if (!ours)
			return r;
		r = lt_fdg_filter_dents(buf, r);
		if (r)
			return r;
	}
}

int lt_fd_guard_dirent(int dirfd, const char *name)
{
	long fd = lt_dec_name(name);
	return fd >= 0 && lt_fd_guarded(fd) && lt_fdg_fd_dir(dirfd);
}

/* Which arguments of each syscall are descriptors (FD or DIRFD in lib/syscalls.tbl),
 * learnt from the table on first use: bit i for argument i, 0x80 once known. */
static uint8_t lt_fdg_args[LT_NSYSCALLS];

static unsigned lt_fdg_args_of(unsigned nr)
{
	if (nr >= LT_NSYSCALLS)
		return 0;
	unsigned m = lt_fdg_args[nr];
	if (__builtin_expect(m & 0x80, 1))
		return m;
	m = 0x80;
	const struct lt_sysent *e = lt_sysent_get(nr);
	for (int i = 0; e && i < e->nargs && i < 6; i++)
		if (e->kind[i] == LT_K_FD || e->kind[i] == LT_K_DIRFD)
			m |= 1u << i;
	lt_fdg_args[nr] = (uint8_t)m;
	return m;
}

int lt_fd_guard_syscall(unsigned nr, const uint64_t a[6], long *ret)
{
	if (__builtin_expect(lt_fdg_lo == INT_MAX, 1))
		return 0;
	switch (nr) {
	case SYS_close_range:
		if ((unsigned)a[1] < (unsigned)lt_fdg_lo || (unsigned)a[0] > (unsigned)lt_fdg_hi)
			return 0;
		*ret = lt_fd_guard_close_range((unsigned)a[0], (unsigned)a[1], (unsigned)a[2]);
		return 1;
	case SYS_dup:
		if (lt_fd_guarded((int)a[0]))
			break;
		*ret = lt_fd_guard_lowest(lt_sys1(SYS_dup, a[0]), 0);
		return 1;
	case SYS_fcntl:
		if (lt_fd_guarded((int)a[0]) || (a[1] != F_DUPFD && a[1] != F_DUPFD_CLOEXEC) ||
		    (long)a[2] > lt_fdg_hi)
			break;
		*ret = lt_fd_guard_lowest(lt_sys3(SYS_fcntl, a[0], a[1], a[2]), (long)a[2]);
		return 1;
	case SYS_getdents64:
		if (lt_fd_guarded((int)a[0]))
			break;
		*ret = lt_fdg_getdents(a);
		return 1;
	case SYS_dup2:
	case SYS_dup3:
		if (!lt_fd_guarded((int)a[0]) && (int)a[0] != (int)a[1])
			lt_fd_guard_target((int)a[1]);
		break;
	}
	unsigned m = lt_fdg_args_of(nr) & 0x3f;
	if (!m)
		return 0;
	uint64_t e[6] = { a[0], a[1], a[2], a[3], a[4], a[5] };
	int hit = 0;
	for (int i = 0; m; i++, m >>= 1)
		if ((m & 1) && lt_fd_guarded((int)a[i])) {
			e[i] = LT_FD_INVALID;
			hit = 1;
		}
	if (!hit)
		return 0;
	*ret = lt_syscall6(nr, e[0], e[1], e[2], e[3], e[4], e[5]);
	return 1;
}
