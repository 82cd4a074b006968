/* The shim's control plane: configuration read once at load, the run directory, the
 * start/stop signals and the public API, and what happens at exit (backend fini, report).
 *
 * Environment (see README "Configuration"). The root process of a run (the first one
 * loaded with no LIBTRACE_RUN_DIR) creates <LIBTRACE_DIR>/run-<pid>-<usec> and exports to
 * its descendants:
 *   LIBTRACE_RUN_DIR      the run directory (every process of the run logs there)
 *   LIBTRACE_RUN_PID      the root's pid: an image exec'd by the root is still the root
 *   LIBTRACE_BACKEND      the backend the root resolved (so "auto" resolves the same)
 *   LIBTRACE_START        0/1, rewritten in place as windows open and close, so images
 *                         exec'd during a window start traced
 *   LIBTRACE_STRACE_PID   strace backend: the tracer's pid, in place (strace_backend.c)
 * A descendant (is_root 0) prints no configuration warnings: the root already did.
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libtrace.h"
#include "control.h"

/* Until the native backend lands (and wherever it is left out), its address is NULL. */
extern const struct lt_backend lt_backend_native __attribute__((weak));

struct lt_config lt_cfg;
volatile int lt_tracing;

static const struct lt_backend *backend; /* NULL: no usable backend */
int lt_self_pid;                         /* the process this memory belongs to */
int lt_root_pid;                         /* the run's root (LIBTRACE_RUN_PID) */
static char *live_start;                 /* the '0'/'1' of LIBTRACE_START in environ */
static int busy;                         /* a start/stop is in progress */
static int exited;                       /* lt_control_exit ran */
static void (*real_exit)(int);
static void (*real_Exit)(int);

int lt_quiet_getpid(void)
{
	/* readlink of /proc/self gives the pid. The odd dirfd (ignored for an absolute path)
	 * tags the call as the shim's own, so the strace backend drops it from the trace. */
	char buf[24];
	long n = lt_sys4(SYS_readlinkat, LT_TAG_FD, "/proc/self", buf, sizeof(buf) - 1);
	if (n <= 0)
		return (int)lt_sys0(SYS_getpid);
	int pid = 0;
	for (long i = 0; i < n; i++) {
		if (buf[i] < '0' || buf[i] > '9')
			return (int)lt_sys0(SYS_getpid);
		pid = pid * 10 + (buf[i] - '0');
	}
	return pid;
}

/* ---- parsing ---- */

static int parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	unsigned long v = 0;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (unsigned long)(*s - '0');
		if (v > max)
			return -1;
	}
	*out = v;
	return 0;
}

static const struct {
	const char *name;
	int sig;
} signames[] = {
	{ "HUP", SIGHUP },   { "INT", SIGINT },       { "QUIT", SIGQUIT }, { "ABRT", SIGABRT },
	{ "USR1", SIGUSR1 }, { "USR2", SIGUSR2 },     { "PIPE", SIGPIPE }, { "ALRM", SIGALRM },
	{ "TERM", SIGTERM }, { "STKFLT", SIGSTKFLT }, { "CONT", SIGCONT }, { "TSTP", SIGTSTP },
	{ "TTIN", SIGTTIN }, { "TTOU", SIGTTOU },     { "URG", SIGURG },   { "XCPU", SIGXCPU },
	{ "XFSZ", SIGXFSZ }, { "VTALRM", SIGVTALRM }, { "PROF", SIGPROF }, { "WINCH", SIGWINCH },
	{ "IO", SIGIO },     { "POLL", SIGPOLL },     { "PWR", SIGPWR },
	/* Refused below, but named so the message says why. */
	{ "KILL", SIGKILL }, { "STOP", SIGSTOP },     { "SEGV", SIGSEGV }, { "BUS", SIGBUS },
	{ "ILL", SIGILL },   { "FPE", SIGFPE },       { "TRAP", SIGTRAP }, { "SYS", SIGSYS },
	{ "CHLD", SIGCHLD },
};

/* Returns the signal number, -1 if unparsable, -2 if a signal the shim must not take. */
static int parse_signal(const char *s)
{
	int sig = -1;
	unsigned long v;
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	if (!parse_uint(s, 64, &v)) {
		sig = (int)v;
	} else if (!strncasecmp(s, "RTMIN", 5)) {
		unsigned long off = 0;
		if (s[5] && (s[5] != '+' || parse_uint(s + 6, 64, &off)))
			return -1;
		sig = SIGRTMIN + (int)off;
	} else if (!strncasecmp(s, "RTMAX", 5)) {
		unsigned long off = 0;
		if (s[5] && (s[5] != '-' || parse_uint(s + 6, 64, &off)))
			return -1;
		sig = SIGRTMAX - (int)off;
	} else {
		for (size_t i = 0; i < sizeof(signames) / sizeof(signames[0]); i++)
			if (!strcasecmp(s, signames[i].name))
				sig = signames[i].sig;
	}
	if (sig < 1 || sig > SIGRTMAX)
		return -1;
	/* Uncatchable, raised by faults (the program needs them), SIGSYS (the native
	 * backend's trap), SIGCHLD (the program's child handling), and the signals glibc
	 * reserves below SIGRTMIN for threads and cancellation. */
	switch (sig) {
	case SIGKILL: case SIGSTOP: case SIGSEGV: case SIGBUS: case SIGILL: case SIGFPE:
	case SIGTRAP: case SIGSYS: case SIGCHLD:
		return -2;
	}
	if (sig > 31 && sig < SIGRTMIN)
		return -2;
	return sig;
}

static void parse_signals(const char *v, int quiet)
{
	lt_cfg.sig_start = SIGUSR1;
	lt_cfg.sig_stop = SIGUSR2;
	if (!v)
		return;
	char a[32], b[32];
	const char *comma = strchr(v, ',');
	size_t la = comma ? (size_t)(comma - v) : 0;
	if (!comma || la >= sizeof(a) || strlen(comma + 1) >= sizeof(b) || strchr(comma + 1, ',')) {
		if (!quiet)
			lt_warn("LIBTRACE_SIGNALS=%s: expected START,STOP (e.g. USR1,USR2 or "
				"RTMIN+3,RTMIN+4); using USR1,USR2", v);
		return;
	}
	memcpy(a, v, la);
	a[la] = 0;
	strcpy(b, comma + 1);
	int s1 = parse_signal(a), s2 = parse_signal(b);
	const char *why = NULL;
	if (s1 == -1 || s2 == -1)
		why = "unknown signal name or number";
	else if (s1 == -2 || s2 == -2)
		why = "a signal the program or the shim needs";
	else if (s1 == s2)
		why = "start and stop must differ";
	if (why) {
		if (!quiet)
			lt_warn("LIBTRACE_SIGNALS=%s: %s; using USR1,USR2", v, why);
		return;
	}
	lt_cfg.sig_start = s1;
	lt_cfg.sig_stop = s2;
}

/* ---- directories ---- */

static const char *errname(long e)
{
	switch (-e) {
	case ENOENT: return "No such file or directory";
	case EACCES: return "Permission denied";
	case EPERM: return "Operation not permitted";
	case ENOTDIR: return "Not a directory";
	case ELOOP: return "Too many levels of symbolic links";
	case EROFS: return "Read-only file system";
	case ENOSPC: return "No space left on device";
	case ENAMETOOLONG: return "File name too long";
	case EEXIST: return "File exists";
	}
	return "error";
}

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

/* DIR made absolute in OUT (descendants that chdir still find it): 0 or -1. Not inlined:
 * its PATH_MAX buffer stays off the constructor's stack unless LIBTRACE_DIR is relative. */
static __attribute__((noinline)) int absolute_dir(const char *dir, char *out, size_t size)
{
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof(cwd)) || lt_strlen(cwd) + lt_strlen(dir) + 2 > size)
		return -1;
	lt_snprintf(out, size, "%s/%s", cwd, dir);
	return 0;
}

/* Names this run's directory in lt_cfg.run_dir, after checking the directory it goes in.
 * Nothing is created here: a process that is never traced leaves nothing behind, and the
 * first process of the run that opens a window makes it (lt_run_dir_ensure). The name must
 * not be one an earlier run made (a reused pid, another pid namespace sharing the
 * directory), without a syscall to find out: the pid and the wall clock in microseconds.
 * Returns 0 or -1 (warned). */
static int name_run_dir(void)
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
			else if (absolute_dir(dir, out, size) < 0) {
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
			lt_warn("LIBTRACE_DIR=%s: %s (%s); using %s", dir, why, errname(r), out);
		if ((r = private_dir(out, &why)) < 0) {
			lt_warn("log directory %s: %s (%s); tracing off", out, why, errname(r));
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

/* Makes the run directory when a window first opens in this process (or finds it made by
 * another process of the run, which may be racing us to it: mkdir's EEXIST is then not an
 * error, but what exists must be a directory, not a symlink, of ours, 0700). Raw syscalls
 * only: a start comes from a signal handler too. The calls carry LT_TAG_FD as their dirfd
 * (ignored with an absolute path) so a strace window (an image exec'd by the root during
 * one) drops them. 0 or -errno (warned). */
int lt_run_dir_ensure(void)
{
	if (run_dir_ready)
		return 0;
	long r = lt_sys3(SYS_mkdirat, LT_TAG_FD, lt_cfg.run_dir, 0700);
	if (r < 0 && r != -EEXIST) {
		lt_warn("cannot create the run directory %s (%s); tracing off", lt_cfg.run_dir,
			errname(r));
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
				"tracing off", lt_cfg.run_dir, errname(r));
			return (int)r;
		}
	}
	run_dir_ready = 1;
	return 0;
}

/* LD_PRELOAD=build/libtrace.so works until a descendant runs in another directory (a
 * script that cds, then execs): there ld.so fails to preload it, with an error of its
 * own on stderr. The run's descendants get our absolute path instead. */
static void absolute_preload(const char *as_loaded, const char *abs)
{
	static char buf[2 * PATH_MAX];
	const char *pre = getenv("LD_PRELOAD");
	if (!pre || as_loaded[0] == '/' || strlen(pre) + strlen(abs) >= sizeof(buf))
		return;
	size_t n = 0, al = strlen(as_loaded);
	int changed = 0;
	/* ld.so splits LD_PRELOAD at spaces and colons. */
	for (const char *p = pre; *p;) {
		size_t len = strcspn(p, " :");
		if (len == al && !strncmp(p, as_loaded, al)) {
			n += (size_t)lt_snprintf(buf + n, sizeof(buf) - n, "%s", abs);
			changed = 1;
		} else {
			lt_memcpy(buf + n, p, len);
			n += len;
		}
		p += len;
		if (*p)
			buf[n++] = *p++;
		if (n + PATH_MAX >= sizeof(buf))
			return;
	}
	buf[n] = 0;
	if (changed)
		lt_env_set("LD_PRELOAD", buf);
}

/* Only a relative entry in LD_PRELOAD needs the shim's own path at load (dladdr, realpath):
 * the common absolute one costs a scan of the string. */
static __attribute__((noinline)) void preload_absolute(void)
{
	const char *pre = getenv("LD_PRELOAD");
	int relative = 0;
	/* ld.so splits it at spaces and colons. By hand: each libc function called at load
	 * may be one more page of libc's text to fault in. */
	for (const char *p = pre; p && *p; p++)
		if (*p != ' ' && *p != ':' && *p != '/' && (p == pre || p[-1] == ' ' || p[-1] == ':'))
			relative = 1;
	if (!relative)
		return;
	Dl_info info;
	char so[PATH_MAX];
	if (dladdr((void *)&lt_cfg, &info) && info.dli_fname && realpath(info.dli_fname, so))
		absolute_preload(info.dli_fname, so);
}

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

/* ---- windows ---- */

static void set_live(int on)
{
	lt_tracing = on;
	if (live_start)
		*live_start = on ? '1' : '0';
}

/* The strace backend drops the stop signal's delivery and the start handler's sigreturn:
 * set while the thread doing the work runs in the start/stop signal's handler. */
volatile int lt_in_signal;

static int want; /* the state the latest request asked for */
/* A window opened in this process image (or in its parent before a fork): only then has
 * the backend anything to finish at exit. A fork child inherits it, as it inherits the
 * backend's state. */
static int started;

/* Opens (on) or closes a window; 0 or -errno. Safe in a signal handler of any thread: one
 * thread works at a time, and a request that finds it busy is not lost: the busy thread
 * looks at `want` again before it lets go (a stop signal delivered to another thread while
 * the start is still attaching strace closes the window right after). */
static int control_set(int on, int from_signal)
{
	if (!backend)
		return -ENOSYS;
	__atomic_store_n(&want, on, __ATOMIC_SEQ_CST);
	int r = 0;
	for (;;) {
		if (__atomic_exchange_n(&busy, 1, __ATOMIC_ACQUIRE))
			return 0;
		int w = __atomic_load_n(&want, __ATOMIC_SEQ_CST);
		/* Once the process is exiting, no new tracer is started. */
		if (w != lt_tracing && !(w && __atomic_load_n(&exited, __ATOMIC_ACQUIRE))) {
			lt_in_signal = from_signal;
			if (w) {
				/* The strace backend makes it in strace_start, in the one process
				 * that starts strace (a descendant must not make a call). */
				r = backend == &lt_backend_strace ? 0 : lt_run_dir_ensure();
				if (r == 0)
					r = backend->start();
				if (r == 0) {
					set_live(1);
					started = 1;
				}
				else /* give up this request rather than retry it forever */
					__atomic_compare_exchange_n(&want, &w, 0, 0, __ATOMIC_SEQ_CST,
								    __ATOMIC_SEQ_CST);
			} else {
				r = backend->stop();
				set_live(0);
			}
			lt_in_signal = 0;
		}
		__atomic_store_n(&busy, 0, __ATOMIC_RELEASE);
		w = __atomic_load_n(&want, __ATOMIC_SEQ_CST);
		if (w == lt_tracing || (w && __atomic_load_n(&exited, __ATOMIC_ACQUIRE)))
			return r;
	}
}

static int control_start(void)
{
	return control_set(1, 0);
}

static int control_stop(void)
{
	return control_set(0, 0);
}

static void on_signal(int sig)
{
	if (sig == lt_cfg.sig_start)
		control_set(1, 1);
	else if (sig == lt_cfg.sig_stop)
		control_set(0, 1);
}

#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000 /* the kernel ABI flag glibc keeps to itself */
#endif

struct k_sigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	uint64_t mask;
};

static void install_signals(void)
{
	struct k_sigaction sa = {
		.handler = on_signal,
		/* SA_RESTART: the program's blocking calls continue as if no signal came. */
		.flags = SA_RESTART | SA_RESTORER,
		.restorer = lt_sigreturn_restorer,
		.mask = (1ull << (lt_cfg.sig_start - 1)) | (1ull << (lt_cfg.sig_stop - 1)),
	};
	/* Under a strace window (an image exec'd by the root), the strace backend drops the
	 * next two rt_sigaction calls of this thread after this tagged call. */
	char c;
	if (backend == &lt_backend_strace)
		lt_sys4(SYS_readlinkat, LT_TAG_FD, "libtrace:quiet", &c, 1);
	int sigs[2] = { lt_cfg.sig_start, lt_cfg.sig_stop };
	for (int i = 0; i < 2; i++) {
		long r = lt_sys4(SYS_rt_sigaction, sigs[i], &sa, NULL, 8);
		if (r < 0 && lt_cfg.is_root)
			lt_warn("cannot handle signal %d (%s)", sigs[i], errname(r));
	}
}

/* ---- the public API ---- */

__attribute__((visibility("default"))) int libtrace_start(void)
{
	int r = control_start();
	if (r < 0) {
		errno = -r;
		return -1;
	}
	return 0;
}

__attribute__((visibility("default"))) int libtrace_stop(void)
{
	int r = control_stop();
	if (r < 0) {
		errno = -r;
		return -1;
	}
	return 0;
}

__attribute__((visibility("default"))) int libtrace_active(void)
{
	return lt_tracing ? 1 : 0;
}

/* ---- fork, exit, report ---- */

void lt_control_forked(void)
{
	lt_cfg.is_root = 0;
	lt_cfg.log_flags = LT_LOG_F_FORK;
	lt_self_pid = lt_quiet_getpid();
}

static void atfork_child(void)
{
	lt_control_forked();
}

/* Is there anything in the run directory for the report to read? */
static int visible_entry(void *ctx, int dfd, const char *name)
{
	(void)ctx;
	(void)dfd;
	return name[0] != '.'; /* the strace backend's work files are dotfiles */
}

static int run_has_logs(void)
{
	return lt_dir_each(lt_cfg.run_dir, visible_entry, NULL) > 0;
}

static void run_report(void)
{
	if (!run_has_logs())
		return;
	find_report_bin();
	if (!lt_cfg.report_bin[0]) {
		lt_warn("libtrace-report not found next to the shim; the logs are in %s",
			lt_cfg.run_dir);
		return;
	}
	int out = -1;
	if (lt_cfg.report_file[0]) {
		out = (int)lt_sys4(SYS_openat, AT_FDCWD, lt_cfg.report_file,
				   O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
		if (out < 0)
			lt_warn("LIBTRACE_REPORT_FILE=%s: cannot open it (%s); report on stderr",
				lt_cfg.report_file, errname(out));
	}
	char *argv[4];
	int i = 0;
	argv[i++] = lt_cfg.report_bin;
	if (lt_cfg.report == LT_REPORT_SUMMARY)
		argv[i++] = "-c";
	argv[i++] = lt_cfg.run_dir;
	argv[i] = NULL;
	/* A clean environment: no LD_PRELOAD, so the report is not traced. */
	static char *envp[] = { "PATH=/usr/local/bin:/usr/bin:/bin", NULL };
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
			errname(pid), lt_cfg.run_dir);
		return;
	}
	int st;
	while (lt_sys4(SYS_wait4, pid, &st, __WALL, NULL) == -EINTR)
		;
}

void lt_control_exit(int code, int signo)
{
	/* A vfork child shares our memory: it must not mark anything done. */
	if (lt_quiet_getpid() != lt_self_pid)
		return;
	if (__atomic_exchange_n(&exited, 1, __ATOMIC_ACQ_REL))
		return;
	if (backend && backend->fini && started)
		backend->fini(code, signo);
	set_live(0);
	if (lt_cfg.enabled && lt_cfg.is_root && lt_cfg.report != LT_REPORT_NONE)
		run_report();
}

/* The native backend sees exit_group itself while a window is open; otherwise _exit and
 * _Exit (and on_exit, for exit and returning from main) are where the process ends. */
static int exit_hooked(void)
{
	return lt_cfg.enabled && !(backend && backend == &lt_backend_native && lt_tracing);
}

__attribute__((visibility("default"), noreturn)) void _exit(int code)
{
	if (exit_hooked())
		lt_control_exit(code, 0);
	if (real_exit)
		real_exit(code); /* exit_group in libc, where the native backend sees it */
	for (;;)
		lt_sys1(SYS_exit_group, code);
}

__attribute__((visibility("default"), noreturn)) void _Exit(int code)
{
	if (exit_hooked())
		lt_control_exit(code, 0);
	if (real_Exit)
		real_Exit(code);
	for (;;)
		lt_sys1(SYS_exit_group, code);
}

/* Registered from our constructor, which runs before libc registers the loader's
 * destructor pass: so this runs after every atexit handler and every destructor, with the
 * exit status, just before libc flushes stdio and calls _exit. */
static void control_on_exit(int code, void *arg)
{
	(void)arg;
	if (!exit_hooked())
		return;
	/* That last stdio flush would happen after strace detached: do it now, so the
	 * program's final writes are in the trace. Try-lock only: a thread may hold a stream
	 * at exit, and libc's own flush does not wait for it either. This is the normal exit
	 * path (not a signal handler), where stdio is safe. */
	if (backend == &lt_backend_strace && lt_tracing) {
		FILE *fs[2] = { stdout, stderr };
		for (int i = 0; i < 2; i++)
			if (ftrylockfile(fs[i]) == 0) {
				fflush_unlocked(fs[i]);
				funlockfile(fs[i]);
			}
	}
	lt_control_exit(code, 0);
}

/* ---- load ---- */

/* The environment descendants inherit. Not setenv: it would malloc, and the program's
 * first malloc (brk, getrandom) would then happen in our constructor instead of where
 * strace shows it without the shim. environ becomes a static copy with our entries in
 * static strings, which setenv/putenv later handle like any environ they did not make.
 * One arena holds both, the pointers first and our strings right after them, so the
 * copy usually costs one page (each page touched at load is a page fault in every
 * process, tens of microseconds on a VM). */
extern char **environ;
#define ENV_OURS 8 /* variables we may add */
static struct {
	size_t n;   /* variables in arr */
	char *free; /* the arena's unused part: from here to the end of arr */
	char *arr[8190];
} env __attribute__((aligned(4096))); /* the counters share the first page with arr */
#define env_arr env.arr
#define env_n env.n
#define env_free env.free

char *lt_env_set(const char *name, const char *value)
{
	size_t nl = lt_strlen(name), len = nl + lt_strlen(value) + 2;
	if (environ != env_arr) {
		size_t n = 0;
		while (environ && environ[n])
			n++;
		size_t slots = n + ENV_OURS + 1;
		if ((slots * sizeof(char *) + 4 * PATH_MAX) > sizeof(env_arr)) {
			/* A huge environment: fall back to setenv (and its malloc). */
			setenv(name, value, 1);
			return getenv(name);
		}
		for (size_t i = 0; i < n; i++)
			env_arr[i] = environ[i];
		env_arr[n] = NULL;
		env_n = n;
		env_free = (char *)(env_arr + slots);
		environ = env_arr;
	}
	size_t i;
	for (i = 0; i < env_n; i++)
		if (!strncmp(env_arr[i], name, nl) && env_arr[i][nl] == '=')
			break;
	char *end = (char *)env_arr + sizeof(env_arr);
	/* A new variable needs a slot below the reserved end (env_free). */
	if ((size_t)(end - env_free) < len ||
	    (i == env_n && (char *)(env_arr + env_n + 2) > env_free))
		return NULL;
	char *s = env_free;
	env_free += len;
	lt_snprintf(s, len, "%s=%s", name, value);
	env_arr[i] = s;
	if (i == env_n)
		env_arr[++env_n] = NULL;
	return s + nl + 1;
}

static const char *getenv_nonempty(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

static void read_config(int quiet)
{
	const char *v;
	unsigned long n;

	lt_cfg.start = 1;
	if ((v = getenv_nonempty("LIBTRACE_START"))) {
		if (!strcmp(v, "1") || !strcasecmp(v, "yes") || !strcasecmp(v, "on") ||
		    !strcasecmp(v, "true"))
			lt_cfg.start = 1;
		else if (!strcmp(v, "0") || !strcasecmp(v, "no") || !strcasecmp(v, "off") ||
			 !strcasecmp(v, "false"))
			lt_cfg.start = 0;
		else if (!quiet)
			lt_warn("LIBTRACE_START=%s: expected 1 or 0; using 1", v);
	}

	lt_cfg.strsize = 32;
	if ((v = getenv_nonempty("LIBTRACE_STRSIZE"))) {
		if (!parse_uint(v, 1u << 20, &n))
			lt_cfg.strsize = (unsigned)n;
		else if (!quiet)
			lt_warn("LIBTRACE_STRSIZE=%s: expected a number from 0 to 1048576; using 32", v);
	}

	lt_cfg.report = LT_REPORT_TEXT;
	if ((v = getenv_nonempty("LIBTRACE_REPORT"))) {
		if (!strcmp(v, "text"))
			lt_cfg.report = LT_REPORT_TEXT;
		else if (!strcmp(v, "summary"))
			lt_cfg.report = LT_REPORT_SUMMARY;
		else if (!strcmp(v, "none"))
			lt_cfg.report = LT_REPORT_NONE;
		else if (!quiet)
			lt_warn("LIBTRACE_REPORT=%s: expected text, summary or none; using text", v);
	}

	/* (lt_cfg starts zeroed: its large buffers are not touched unless used.) */
	if (lt_cfg.is_root && (v = getenv_nonempty("LIBTRACE_REPORT_FILE"))) {
		size_t size = sizeof(lt_cfg.report_file);
		if (v[0] == '/' && lt_strlen(v) < size)
			lt_snprintf(lt_cfg.report_file, size, "%s", v);
		else if (v[0] != '/' && absolute_dir(v, lt_cfg.report_file, size) == 0)
			;
		else if (!quiet)
			lt_warn("LIBTRACE_REPORT_FILE=%s: path too long; report on stderr", v);
	}

	parse_signals(getenv_nonempty("LIBTRACE_SIGNALS"), quiet);

	lt_cfg.backend = LT_BACKEND_AUTO;
	if ((v = getenv_nonempty("LIBTRACE_BACKEND"))) {
		if (!strcmp(v, "native"))
			lt_cfg.backend = LT_BACKEND_NATIVE;
		else if (!strcmp(v, "strace"))
			lt_cfg.backend = LT_BACKEND_STRACE;
		else if (!strcmp(v, "none") && quiet)
			lt_cfg.backend = -1; /* the root found no usable backend */
		else if (strcmp(v, "auto") && !quiet)
			lt_warn("LIBTRACE_BACKEND=%s: expected auto, native or strace; using auto", v);
	}
}

static void choose_backend(void)
{
	const struct lt_backend *native = &lt_backend_native ? &lt_backend_native : NULL;
	int r;
	backend = NULL;
	if (lt_cfg.backend < 0)
		return;
	if (lt_cfg.backend == LT_BACKEND_NATIVE || lt_cfg.backend == LT_BACKEND_AUTO) {
		if (!native) {
			r = -ENOSYS;
		} else if ((r = native->init()) == 0) {
			backend = native;
			lt_cfg.backend = LT_BACKEND_NATIVE;
			return;
		}
		if (lt_cfg.backend == LT_BACKEND_NATIVE) {
			if (lt_cfg.is_root)
				lt_warn("native backend unavailable (%s); tracing off",
					r == -ENOSYS ? "not built into this shim" : errname(r));
			return;
		}
		if (lt_cfg.is_root)
			lt_warn("native backend unavailable (%s); using strace",
				r == -ENOSYS ? "not built into this shim" : errname(r));
	}
	/* The strace backend prints its own reason when it cannot work. */
	if ((r = lt_backend_strace.init()) == 0) {
		backend = &lt_backend_strace;
		lt_cfg.backend = LT_BACKEND_STRACE;
	}
}

__attribute__((constructor(101))) static void control_init(void)
{
	lt_cfg.enabled = 0;
	/* A setuid/setgid program must not take orders from its caller's environment. */
	if (getauxval(AT_SECURE))
		return;

	lt_self_pid = lt_quiet_getpid();
	const char *run = getenv_nonempty("LIBTRACE_RUN_DIR");
	const char *rpid = getenv_nonempty("LIBTRACE_RUN_PID");
	unsigned long n;
	if (run && run[0] == '/' && strlen(run) < sizeof(lt_cfg.run_dir) && rpid &&
	    !parse_uint(rpid, 1ul << 22, &n)) {
		strcpy(lt_cfg.run_dir, run);
		lt_root_pid = (int)n;
		/* The root exec'ing another image is still the root (e.g. env python3). */
		lt_cfg.is_root = lt_root_pid == lt_self_pid;
		lt_cfg.log_flags = LT_LOG_F_EXEC | (lt_cfg.is_root ? LT_LOG_F_ROOT : LT_LOG_F_FORK);
		read_config(1);
	} else {
		lt_cfg.is_root = 1;
		lt_root_pid = lt_self_pid;
		lt_cfg.log_flags = LT_LOG_F_ROOT;
		read_config(0);
		if (name_run_dir() < 0)
			return;
		char pidbuf[16];
		lt_snprintf(pidbuf, sizeof(pidbuf), "%d", lt_self_pid);
		lt_env_set("LIBTRACE_RUN_DIR", lt_cfg.run_dir);
		lt_env_set("LIBTRACE_RUN_PID", pidbuf);
	}
	if (lt_cfg.is_root)
		preload_absolute();
	real_exit = (void (*)(int))dlsym(RTLD_NEXT, "_exit");
	real_Exit = (void (*)(int))dlsym(RTLD_NEXT, "_Exit");
	lt_cfg.enabled = 1;

	choose_backend();
	if (lt_cfg.is_root) {
		const char *b = lt_cfg.backend == LT_BACKEND_NATIVE ? "native"
				: lt_cfg.backend == LT_BACKEND_STRACE ? "strace" : "none";
		lt_env_set("LIBTRACE_BACKEND", backend ? b : "none");
	}
	if (!backend)
		return;
	/* A descendant under the strace backend is followed by the run's strace: it must not
	 * make a single call of its own that strace would show. */
	if (backend == &lt_backend_strace && !lt_cfg.is_root)
		return;
	/* The handler flips it in place. If the variable came with the process, flip the
	 * original string: /proc/PID/environ shows it, so `libtrace start PID` can wait
	 * until the window is really open. */
	live_start = NULL;
	for (char **e = environ; e && *e && !live_start; e++)
		if (!strncmp(*e, "LIBTRACE_START=", 15) && (*e)[15] && !(*e)[16])
			live_start = *e + 15;
	if (live_start)
		*live_start = '0';
	else
		live_start = lt_env_set("LIBTRACE_START", "0");
	pthread_atfork(NULL, NULL, atfork_child);
	on_exit(control_on_exit, NULL);
	install_signals();
	if (lt_cfg.start)
		control_start();
}
