/* The run directory: <LIBTRACE_DIR>/run-<pid>-<usec>, named by the root at load, made by
 * the first process of the run that opens a window, where every process of the run logs. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>

#include "control.h"

static uid_t euid; /* the root's, at load */

/* Checks that DIR (created 0700 if missing) is ours: a directory, not a symlink, owned by
 * our euid. 0 or -errno; *why says what failed. Two syscalls when it exists: this runs in
 * every process at load. */
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
	return 0;
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

static int run_dir_ready; /* this process made or checked it (a fork child inherits it) */

/* Another process of the run may be racing us to it: mkdir's EEXIST is then not an error,
 * but what exists must be a directory, not a symlink, of ours, 0700. Raw syscalls only: a
 * start comes from a signal handler too. The calls carry LT_TAG_FD as their dirfd (ignored
 * with an absolute path) so a strace window (an image exec'd by the root during one)
 * drops them. */
int lt_run_dir_ensure(void)
{
	if (run_dir_ready)
		return 0;
	long r = lt_sys3(SYS_mkdirat, LT_TAG_FD, lt_cfg.run_dir, 0700);
	if (r < 0 && r != -EEXIST) {
		lt_warn("cannot create the run directory %s (%s); tracing off", lt_cfg.run_dir,
			lt_errname(r));
		return (int)r;
	}
	if (r == -EEXIST) {
		struct stat st;
		r = lt_sys4(SYS_newfstatat, LT_TAG_FD, lt_cfg.run_dir, &st, AT_SYMLINK_NOFOLLOW);
		if (r == 0 && (!S_ISDIR(st.st_mode) || (st.st_mode & 077) ||
			       st.st_uid != (uid_t)lt_sys0(SYS_geteuid)))
			r = -EPERM;
		if (r < 0) {
			lt_warn("run directory %s: not a private directory of this user (%s); "
				"tracing off", lt_cfg.run_dir, lt_errname(r));
			return (int)r;
		}
	}
	run_dir_ready = 1;
	return 0;
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
