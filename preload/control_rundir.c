/* The run directory: <LIBTRACE_DIR>/run-<pid>-<usec>, named by the root at load, made by
 * the first process of the run that opens a window, where every process of the run logs. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>

#include "control.h"
#include "fdguard.h"

static uid_t euid; /* the root's, at load */

/* Others may write DIR's entries (rename, replace them with symlinks): group- or
 * world-writable without the sticky bit. */
static int others_may_rename(const struct stat *st)
{
	return (st->st_mode & 022) && !(st->st_mode & S_ISVTX);
}

/* For root: neither DIR nor its parent may let others rename what is in them. Another
 * user who can rename LIBTRACE_DIR, or the run directory inside it, and put a symlink in
 * its place would choose where root creates its files. 0 or -EPERM. Not inlined: its
 * PATH_MAX buffer stays off the constructor's stack of other users. */
static __attribute__((noinline)) int safe_for_root(const char *dir, const struct stat *st,
						 const char **why)
{
	if (euid != 0)
		return 0;
	if (others_may_rename(st)) {
		*why = "others can write it and it is not sticky";
		return -EPERM;
	}
	char parent[PATH_MAX];
	size_t n = lt_strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	while (n > 0 && dir[n - 1] != '/')
		n--;
	if (n == 0) /* relative, in the cwd */
		lt_snprintf(parent, sizeof parent, ".");
	else {
		lt_memcpy(parent, dir, n);
		parent[n] = 0;
	}
	struct stat pst;
	if (lt_sys4(SYS_newfstatat, AT_FDCWD, parent, &pst, 0) == 0 && others_may_rename(&pst)) {
		*why = "its parent lets others rename it (writable, not sticky)";
		return -EPERM;
	}
	return 0;
}

/* Checks that DIR (created 0700 if missing) is ours: a directory, not a symlink, owned by
 * our euid (for root, in a place no one else can rename it). 0 or -errno; *why says what
 * failed. Two syscalls when it exists (three for root): this runs in every root process
 * at load. */
static int private_dir(const char *dir, const char **why)
{
	struct stat st;
	long r = lt_sys4(SYS_newfstatat, AT_FDCWD, dir, &st, AT_SYMLINK_NOFOLLOW);
	if (r == -ENOENT) {
		r = lt_sys2(SYS_mkdir, dir, 0700);
		if (r < 0 && r != -EEXIST) {
			*why = "cannot create it";
			return (int)r;
		}
		r = lt_sys4(SYS_newfstatat, AT_FDCWD, dir, &st, AT_SYMLINK_NOFOLLOW);
	}
	if (r < 0) {
		*why = "cannot open it";
		return (int)r;
	}
	if (!S_ISDIR(st.st_mode)) {
		*why = "not a directory (or a symlink)";
		return S_ISLNK(st.st_mode) ? -ELOOP : -ENOTDIR;
	}
	if (st.st_uid != euid) {
		*why = "not owned by this user";
		return -EPERM;
	}
	return safe_for_root(dir, &st, why);
}

/* Nothing is created here but LIBTRACE_DIR itself: a process that is never traced leaves
 * nothing behind, and the first process of the run that opens a window makes the run
 * directory (lt_run_dir_ensure). The name must not be one an earlier run made (a reused
 * pid, another pid namespace sharing the directory), without a syscall to find out: the
 * pid and the wall clock in microseconds. */
int lt_run_dir_name(void)
{
	char *out = lt_cfg.run_dir;
	const size_t size = sizeof(lt_cfg.run_dir) - 48; /* room for "/run-<pid>-<usec>" */
	const char *why = NULL;
	int r = -1;
	const char *dir = getenv("LIBTRACE_DIR");
	euid = (uid_t)lt_sys0(SYS_geteuid);
	if (dir && *dir) {
		if (lt_strlen(dir) >= size) {
			why = "path too long";
			r = -ENAMETOOLONG;
		} else if ((r = private_dir(dir, &why)) == 0) {
			if (dir[0] == '/')
				lt_snprintf(out, size, "%s", dir);
			else if (lt_absolute_path(dir, out, size) < 0) {
				lt_warn("LIBTRACE_DIR=%s: cannot resolve a relative path; tracing off", dir);
				return -1;
			}
		}
	}
	if (r < 0) {
		/* The default, built in place (no PATH_MAX buffer on the constructor's stack). */
		const char *xdg = getenv("XDG_RUNTIME_DIR");
		if (xdg && xdg[0] == '/' && lt_strlen(xdg) + 10 < size)
			lt_snprintf(out, size, "%s/libtrace", xdg);
		else
			lt_snprintf(out, size, "/tmp/libtrace-%u", (unsigned)euid);
		if (dir && *dir)
			lt_warn("LIBTRACE_DIR=%s: %s (%s); using %s", dir, why, lt_errname(r), out);
		if ((r = private_dir(out, &why)) < 0) {
			lt_warn("log directory %s: %s (%s); tracing off", out, why, lt_errname(r));
			return -1;
		}
	}
	/* A syscall, not the vDSO: its first read of the clock's data pages would be two page
	 * faults, which cost far more. */
	struct timespec ts;
	lt_sys2(SYS_clock_gettime, CLOCK_REALTIME, &ts);
	size_t l = lt_strlen(out);
	lt_snprintf(out + l, sizeof(lt_cfg.run_dir) - l, "/run-%d-%lu", lt_self_pid,
		    (unsigned long)ts.tv_sec * 1000000ul + (unsigned long)ts.tv_nsec / 1000);
	return 0;
}

int lt_run_dir_owner(const char *run_dir)
{
	char parent[PATH_MAX];
	size_t n = lt_strlen(run_dir);
	while (n > 0 && run_dir[n - 1] != '/')
		n--;
	if (n <= 1 || n >= sizeof parent)
		return -EINVAL;
	lt_memcpy(parent, run_dir, n - 1);
	parent[n - 1] = 0;
	struct stat st;
	long r = lt_sys4(SYS_newfstatat, LT_TAG_FD, parent, &st, AT_SYMLINK_NOFOLLOW);
	if (r < 0)
		return (int)r;
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;
	return (int)st.st_uid;
}

/* The run directory, held open: every file of the run is created relative to it, so a
 * directory renamed or replaced by a symlink behind our back changes nothing. A fork
 * child inherits it (with what it checked); an exec'd image opens it again, with the same
 * checks, when it first needs it. */
static int run_fd = -1;
static uint64_t run_dev, run_ino;

/* run_fd still names the directory we checked (a program may close every descriptor). */
static int run_fd_valid(void)
{
	struct stat st;
	return run_fd >= 0 && lt_sys2(SYS_fstat, run_fd, &st) == 0 && st.st_dev == run_dev &&
	       st.st_ino == run_ino;
}

/* Opens the run directory: its parent must be a directory of this user, the run
 * directory one of ours, 0700, neither reached through a final symlink. Another process
 * of the run may be racing us to make it: mkdir's EEXIST is then not an error. Raw
 * syscalls only (a start comes from a signal handler too). Returns the descriptor or
 * -errno; *why says what failed. */
static int open_run_dir(const char **why)
{
	char parent[PATH_MAX];
	const char *name = lt_cfg.run_dir + lt_strlen(lt_cfg.run_dir);
	while (name > lt_cfg.run_dir && name[-1] != '/')
		name--;
	size_t pl = (size_t)(name - lt_cfg.run_dir);
	if (pl <= 1 || !*name) {
		*why = "not an absolute path";
		return -EINVAL;
	}
	lt_memcpy(parent, lt_cfg.run_dir, pl - 1);
	parent[pl - 1] = 0;
	uid_t me = (uid_t)lt_sys0(SYS_geteuid);
	struct stat st;
	long pfd = lt_sys4(SYS_openat, AT_FDCWD, parent,
			   O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0);
	if (pfd < 0) {
		*why = "cannot open the directory it goes in";
		return (int)pfd;
	}
	long r = lt_sys2(SYS_fstat, pfd, &st);
	if (r == 0 && st.st_uid != me)
		r = -EPERM;
	if (r < 0) {
		*why = "the directory it goes in is not this user's";
		lt_sys1(SYS_close, pfd);
		return (int)r;
	}
	r = lt_sys3(SYS_mkdirat, pfd, name, 0700);
	if (r < 0 && r != -EEXIST) {
		*why = "cannot create it";
		lt_sys1(SYS_close, pfd);
		return (int)r;
	}
	long fd = lt_sys4(SYS_openat, pfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0);
	lt_sys1(SYS_close, pfd);
	if (fd < 0) {
		*why = "not a private directory of this user";
		return (int)fd;
	}
	r = lt_sys2(SYS_fstat, fd, &st);
	if (r == 0 && ((st.st_mode & 077) || st.st_uid != me))
		r = -EPERM;
	if (r < 0) {
		*why = "not a private directory of this user";
		lt_sys1(SYS_close, fd);
		return (int)r;
	}
	run_dev = st.st_dev;
	run_ino = st.st_ino;
	return lt_fd_high((int)fd);
}

int lt_run_dir_ensure(void)
{
	if (run_fd_valid())
		return 0;
	const char *why = "";
	int fd = open_run_dir(&why);
	if (fd < 0) {
		lt_warn("run directory %s: %s (%s); tracing off", lt_cfg.run_dir, why,
			lt_errname(fd));
		return fd;
	}
	run_fd = fd;
	lt_fd_guard_add(&run_fd, 0); /* hidden from the program like the logs */
	return 0;
}

int lt_run_dir_fd(void)
{
	if (!run_fd_valid() && lt_run_dir_ensure() < 0)
		return -1;
	return run_fd;
}

/* PATH's name inside the run directory if PATH is "<run_dir>/NAME", else NULL. */
static const char *in_run_dir(const char *path)
{
	const char *p = lt_cfg.run_dir, *q = path;
	while (*p && *p == *q) {
		p++;
		q++;
	}
	return lt_cfg.run_dir[0] && !*p && *q == '/' && q[1] ? q + 1 : NULL;
}

long lt_run_dir_openat(const char *path, int flags, int mode)
{
	const char *name = in_run_dir(path);
	if (!name)
		return lt_sys4(SYS_openat, AT_FDCWD, path, flags, mode);
	int dfd = lt_run_dir_fd();
	return dfd < 0 ? -EACCES : lt_sys4(SYS_openat, dfd, name, flags | O_NOFOLLOW, mode);
}

long lt_run_dir_unlink(const char *path)
{
	const char *name = in_run_dir(path);
	if (!name)
		return lt_sys3(SYS_unlinkat, AT_FDCWD, path, 0);
	int dfd = lt_run_dir_fd();
	return dfd < 0 ? -EACCES : lt_sys3(SYS_unlinkat, dfd, name, 0);
}

/* Is there anything in the run directory for the report to read? */
static int visible_entry(void *ctx, int dfd, const char *name)
{
	(void)ctx;
	(void)dfd;
	return name[0] != '.'; /* the strace backend's work files are dotfiles */
}

int lt_run_has_logs(void)
{
	return lt_dir_each(lt_cfg.run_dir, visible_entry, NULL) > 0;
}

/* ---- processes that give up root ---- */

/* A worker forked by a root process that then drops to another user (nginx, Apache)
 * could not create its log in the run directory, root's and 0700, when a window opens
 * later. Before the drop, while still root, the shim makes uid-<UID> in the run directory,
 * owned by that user, and holds it open as the process's run directory: its logs go
 * there (the user cannot reach it by path through root's directory, but needs not). The
 * root merges these directories into the run directory before its report. */
static void before_drop(long uid)
{
	if (!lt_cfg.enabled || lt_active_backend != &lt_backend_native || uid < 0 || uid == 0 ||
	    lt_sys0(SYS_geteuid) != 0 || lt_run_dir_ensure() < 0)
		return;
	char name[32];
	lt_snprintf(name, sizeof name, "uid-%lu", (unsigned long)uid);
	long r = lt_sys3(SYS_mkdirat, run_fd, name, 0700);
	if (r < 0 && r != -EEXIST)
		return;
	long fd = lt_sys4(SYS_openat, run_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0);
	if (fd < 0)
		return;
	struct stat st;
	if (lt_sys2(SYS_fstat, fd, &st) < 0 || (st.st_mode & 077) ||
	    (st.st_uid != (uid_t)uid &&
	     (st.st_uid != 0 || lt_sys3(SYS_fchown, fd, uid, -1) < 0))) {
		lt_sys1(SYS_close, fd);
		return;
	}
	int old = run_fd;
	run_fd = lt_fd_high((int)fd);
	run_dev = st.st_dev;
	run_ino = st.st_ino;
	lt_sys1(SYS_close, old);
	lt_fd_guard_add(&run_fd, 0);
}

/* The set*uid calls that can give up root for good (seteuid's is temporary). */
typedef int (*set1_fn)(uid_t);
typedef int (*set2_fn)(uid_t, uid_t);
typedef int (*set3_fn)(uid_t, uid_t, uid_t);

__attribute__((visibility("default"))) int setuid(uid_t uid)
{
	static set1_fn real;
	if (!real)
		real = (set1_fn)dlsym(RTLD_NEXT, "setuid");
	before_drop((long)uid);
	return real(uid);
}

__attribute__((visibility("default"))) int setreuid(uid_t ruid, uid_t euid_)
{
	static set2_fn real;
	if (!real)
		real = (set2_fn)dlsym(RTLD_NEXT, "setreuid");
	before_drop(euid_ == (uid_t)-1 ? -1L : (long)euid_);
	return real(ruid, euid_);
}

__attribute__((visibility("default"))) int setresuid(uid_t ruid, uid_t euid_, uid_t suid)
{
	static set3_fn real;
	if (!real)
		real = (set3_fn)dlsym(RTLD_NEXT, "setresuid");
	before_drop(euid_ == (uid_t)-1 ? -1L : (long)euid_);
	return real(ruid, euid_, suid);
}

/* Moves the logs of uid-<N>/ into the run directory (the root, before its report). */
struct merge {
	int run;            /* the run directory */
};

static int merge_log(void *ctx, int dfd, const char *name)
{
	struct merge *m = ctx;
	lt_sys5(SYS_renameat2, dfd, name, m->run, name, RENAME_NOREPLACE);
	return 0;
}

static int merge_uid_dir(void *ctx, int dfd, const char *name)
{
	if (name[0] != 'u' || name[1] != 'i' || name[2] != 'd' || name[3] != '-')
		return 0;
	struct merge m = { dfd };
	(void)ctx;
	char path[PATH_MAX];
	lt_snprintf(path, sizeof path, "%s/%s", lt_cfg.run_dir, name);
	lt_dir_each(path, merge_log, &m);
	lt_sys3(SYS_unlinkat, dfd, name, AT_REMOVEDIR); /* if empty */
	return 0;
}

void lt_run_dir_merge(void)
{
	/* By path, and only if it exists: an idle run leaves nothing behind. */
	lt_dir_each(lt_cfg.run_dir, merge_uid_dir, NULL);
}
