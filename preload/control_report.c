/* The report the run's root starts at exit: libtrace-report found next to the shim, run
 * on the run directory, its output to LIBTRACE_REPORT_FILE or stderr. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "control.h"

/* The file the shim was loaded from, as the kernel names it (symlinks resolved), from
 * /proc/self/maps: raw syscalls and static memory only, since this runs at exit, which
 * may be in the native backend's SIGSYS handler (exit_group trapped). 0 or -errno. */
static int shim_path(char *out, size_t size)
{
	static char buf[PATH_MAX + 512];
	const uintptr_t me = (uintptr_t)&shim_path;
	long fd = lt_sys4(SYS_openat, AT_FDCWD, "/proc/self/maps", O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return (int)fd;
	int r = -ENOENT;
	size_t len = 0;
	for (;;) {
		long n = lt_sys3(SYS_read, fd, buf + len, sizeof(buf) - 1 - len);
		if (n == -EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
		char *line = buf, *end = buf + len, *nl;
		while ((nl = memchr(line, '\n', (size_t)(end - line)))) {
			/* "start-end perms offset dev inode   path" */
			uintptr_t lo = 0, hi = 0;
			char *p = line;
			for (; *p != '-' && p < nl; p++)
				lo = lo * 16 + (uintptr_t)(*p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10);
			for (p++; *p != ' ' && p < nl; p++)
				hi = hi * 16 + (uintptr_t)(*p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10);
			if (me >= lo && me < hi) {
				char *path = memchr(line, '/', (size_t)(nl - line));
				if (path && (size_t)(nl - path) < size) {
					lt_memcpy(out, path, (size_t)(nl - path));
					out[nl - path] = 0;
					r = 0;
				}
				goto done;
			}
			line = nl + 1;
		}
		len = (size_t)(end - line);
		if (len == sizeof(buf) - 1)
			len = 0; /* a line longer than any path: not ours */
		else
			lt_memcpy(buf, line, len); /* forward, byte by byte: overlap is fine */
	}
done:
	lt_sys1(SYS_close, fd);
	return r;
}

/* libtrace-report next to the shim, or in ../bin when installed (PREFIX/lib/libtrace.so,
 * PREFIX/bin/libtrace-report). Looked up at exit, when there is something to report. */
static void find_report_bin(void)
{
	char *bin = lt_cfg.report_bin;
	if (shim_path(bin, sizeof(lt_cfg.report_bin) - 32) < 0)
		goto none;
	char *slash = bin + lt_strlen(bin);
	while (slash > bin && *slash != '/')
		slash--;
	lt_snprintf(slash, 32, "/libtrace-report");
	if (lt_sys4(SYS_faccessat, AT_FDCWD, bin, X_OK, 0) == 0)
		return;
	lt_snprintf(slash, 32, "/../bin/libtrace-report");
	if (lt_sys4(SYS_faccessat, AT_FDCWD, bin, X_OK, 0) == 0)
		return;
none:
	bin[0] = 0;
}

/* LIBTRACE_REPORT_FILE, opened for the report: never through a symlink (O_NOFOLLOW), and
 * a regular file is emptied only if it is this user's (a file someone else owns, or a
 * hard link to one, is refused). Devices and FIFOs are written as they are. The
 * descriptor, or -1 (warned: the report goes to stderr). */
static int open_report_file(void)
{
	const char *path = lt_cfg.report_file;
	long fd = lt_sys4(SYS_openat, AT_FDCWD, path,
			  O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	const char *why = NULL;
	struct stat st;
	if (fd < 0)
		why = fd == -ELOOP ? "a symlink" : lt_errname(fd);
	else if (lt_sys2(SYS_fstat, fd, &st) < 0)
		why = "cannot stat it";
	else if (S_ISREG(st.st_mode) && st.st_uid != (uid_t)lt_sys0(SYS_geteuid))
		why = "owned by another user";
	else if (S_ISREG(st.st_mode) && st.st_nlink > 1)
		why = "a hard link";
	else if (S_ISREG(st.st_mode) && lt_sys2(SYS_ftruncate, fd, 0) < 0)
		why = "cannot truncate it";
	if (why) {
		if (fd >= 0)
			lt_sys1(SYS_close, fd);
		lt_warn("LIBTRACE_REPORT_FILE=%s: refused (%s); report on stderr", path, why);
		return -1;
	}
	return (int)fd;
}

void lt_report_run(void)
{
	lt_run_dir_merge();
	if (!lt_run_has_logs())
		return;
	find_report_bin();
	if (!lt_cfg.report_bin[0]) {
		lt_warn("libtrace-report not found next to the shim; the logs are in %s",
			lt_cfg.run_dir);
		return;
	}
	int out = lt_cfg.report_file[0] ? open_report_file() : -1;
	char *argv[4];
	int i = 0;
	argv[i++] = lt_cfg.report_bin;
	if (lt_cfg.report == LT_REPORT_SUMMARY)
		argv[i++] = "-c";
	argv[i++] = lt_cfg.run_dir;
	argv[i] = NULL;
	/* A clean environment: no LD_PRELOAD, and LIBTRACE_OFF for a shim preloaded some
	 * other way (/etc/ld.so.preload): the report is never traced, never starts a run
	 * and a report of its own. */
	static char *envp[] = { "PATH=/usr/local/bin:/usr/bin:/bin", "LIBTRACE_OFF=1", NULL };
	struct lt_spawn sp = {
		.path = lt_cfg.report_bin,
		.argv = argv,
		.envp = envp,
		.fd_out = out >= 0 ? out : 2,
		.fd_err = out >= 0 ? out : 2,
		.gate_rfd = -1,
		.gate_wfd = -1,
	};
	/* The report is our child: its SIGCHLD must not reach the program's handler (nor
	 * its wait() reap it) in the last moments of the program. SIGSYS stays open for the
	 * native backend. The process is exiting: the mask is not restored. */
	uint64_t all = ~0ull & ~(1ull << (SIGSYS - 1));
	lt_sys4(SYS_rt_sigprocmask, SIG_BLOCK, &all, NULL, 8);
	long pid = lt_spawn(&sp);
	if (out >= 0)
		lt_sys1(SYS_close, out);
	if (pid < 0) {
		lt_warn("cannot run %s (%s); the logs are in %s", lt_cfg.report_bin,
			lt_errname(pid), lt_cfg.run_dir);
		return;
	}
	int st;
	while (lt_sys4(SYS_wait4, pid, &st, __WALL, NULL) == -EINTR)
		;
}
