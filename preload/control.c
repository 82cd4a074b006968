/* The shim's control plane: configuration read once at load, the run directory, the
 * start/stop signals and the public API, and what happens at exit (backend fini, report).
 *
 * Environment (see README "Configuration"). The root process of a run (the first one
 * loaded with no LIBTRACE_RUN_DIR) creates <LIBTRACE_DIR>/run-<pid>-<n> and exports to
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

/* Opens DIR (creating it 0700 if missing) and checks that it is ours: not a symlink, a
 * directory, owned by our euid. Returns an O_PATH-free directory fd or -errno; *why says
 * what failed. */
static int open_private_dir(const char *dir, const char **why)
{
	long r = lt_sys3(SYS_mkdir, dir, 0700, 0);
	if (r < 0 && r != -EEXIST) {
		*why = "cannot create it";
		return (int)r;
	}
	long fd = lt_sys4(SYS_openat, AT_FDCWD, dir,
			  O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0);
	if (fd < 0) {
		*why = fd == -ELOOP || fd == -ENOTDIR ? "not a directory (or a symlink)"
						      : "cannot open it";
		return (int)fd;
	}
	struct stat st;
	r = lt_sys2(SYS_fstat, fd, &st);
	if (r < 0 || !S_ISDIR(st.st_mode) || st.st_uid != (uid_t)lt_sys0(SYS_geteuid)) {
		lt_sys1(SYS_close, fd);
		*why = "not owned by this user";
		return r < 0 ? (int)r : -EPERM;
	}
	return (int)fd;
}

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

/* Creates this run's directory. Returns 0 or -1 (warned). */
static int make_run_dir(void)
{
	char def[PATH_MAX];
	const char *xdg = getenv("XDG_RUNTIME_DIR");
	if (xdg && xdg[0] == '/')
		lt_snprintf(def, sizeof(def), "%s/libtrace", xdg);
	else
		lt_snprintf(def, sizeof(def), "/tmp/libtrace-%u", (unsigned)geteuid());
	const char *dir = getenv("LIBTRACE_DIR");
	if (dir && !*dir)
		dir = NULL;
	const char *why = NULL;
	int fd = -1;
	if (dir) {
		if (strlen(dir) >= PATH_MAX - 64) {
			why = "path too long";
			fd = -ENAMETOOLONG;
		} else {
			fd = open_private_dir(dir, &why);
		}
		if (fd < 0)
			lt_warn("LIBTRACE_DIR=%s: %s (%s); using %s", dir, why, errname(fd), def);
	}
	if (fd < 0) {
		dir = def;
		fd = open_private_dir(dir, &why);
		if (fd < 0) {
			lt_warn("log directory %s: %s (%s); tracing off", dir, why, errname(fd));
			return -1;
		}
	}
	/* Absolute, so descendants that chdir still find it. */
	char abs[PATH_MAX];
	if (dir[0] != '/') {
		if (!getcwd(abs, sizeof(abs) - strlen(dir) - 64)) {
			lt_sys1(SYS_close, fd);
			lt_warn("LIBTRACE_DIR=%s: cannot resolve a relative path; tracing off", dir);
			return -1;
		}
		size_t l = strlen(abs);
		lt_snprintf(abs + l, sizeof(abs) - l, "/%s", dir);
		dir = abs;
	}
	for (unsigned n = 0; n < 10000; n++) {
		char name[64];
		lt_snprintf(name, sizeof(name), "run-%d-%u", lt_self_pid, n);
		long r = lt_sys3(SYS_mkdirat, fd, name, 0700);
		if (r == -EEXIST)
			continue;
		lt_sys1(SYS_close, fd);
		if (r < 0) {
			lt_warn("cannot create a run directory in %s (%s); tracing off", dir,
				errname(r));
			return -1;
		}
		lt_snprintf(lt_cfg.run_dir, sizeof(lt_cfg.run_dir), "%s/%s", dir, name);
		return 0;
	}
	lt_sys1(SYS_close, fd);
	lt_warn("cannot create a run directory in %s (too many runs); tracing off", dir);
	return -1;
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

static void find_report_bin(void)
{
	Dl_info info;
	char so[PATH_MAX];
	lt_cfg.report_bin[0] = 0;
	if (!dladdr((void *)&lt_cfg, &info) || !info.dli_fname || !realpath(info.dli_fname, so))
		return;
	absolute_preload(info.dli_fname, so);
	char *slash = strrchr(so, '/');
	if (!slash)
		return;
	*slash = 0;
	lt_snprintf(lt_cfg.report_bin, sizeof(lt_cfg.report_bin), "%s/libtrace-report", so);
	if (access(lt_cfg.report_bin, X_OK) == 0)
		return;
	/* Installed: PREFIX/lib/libtrace.so and PREFIX/bin/libtrace-report. */
	lt_snprintf(lt_cfg.report_bin, sizeof(lt_cfg.report_bin), "%s/../bin/libtrace-report", so);
	if (access(lt_cfg.report_bin, X_OK) == 0)
		return;
	lt_cfg.report_bin[0] = 0;
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
				r = backend->start();
				if (r == 0)
					set_live(1);
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
static int run_has_logs(void)
{
	long fd = lt_sys4(SYS_openat, AT_FDCWD, lt_cfg.run_dir,
			  O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
	if (fd < 0)
		return 0;
	char buf[2048];
	int found = 0;
	long n;
	while (!found && (n = lt_sys3(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
		for (long off = 0; off < n;) {
			struct {
				uint64_t ino;
				int64_t off;
				unsigned short reclen;
				unsigned char type;
				char name[];
			} *d = (void *)(buf + off);
			if (d->name[0] != '.')
				found = 1;
			off += d->reclen;
		}
	}
	lt_sys1(SYS_close, fd);
	return found;
}

static void run_report(void)
{
	if (!lt_cfg.report_bin[0]) {
		lt_warn("libtrace-report not found next to the shim; the logs are in %s",
			lt_cfg.run_dir);
		return;
	}
	if (!run_has_logs())
		return;
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
	if (backend && backend->fini)
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
 * static strings, which setenv/putenv later handle like any environ they did not make. */
extern char **environ;
#define ENV_MAX 4096
#define ENV_OURS 8
static char *env_arr[ENV_MAX];
static size_t env_n;
static char env_store[ENV_OURS][PATH_MAX + 32];
static int env_nstore;

char *lt_env_set(const char *name, const char *value)
{
	size_t nl = strlen(name);
	if (env_nstore >= ENV_OURS || nl + strlen(value) + 2 > sizeof(env_store[0]))
		return NULL;
	if (environ != env_arr) {
		size_t n = 0;
		while (environ && environ[n])
			n++;
		if (n + ENV_OURS + 1 > ENV_MAX) {
			/* A huge environment: fall back to setenv (and its malloc). */
			setenv(name, value, 1);
			return getenv(name);
		}
		for (size_t i = 0; i < n; i++)
			env_arr[i] = environ[i];
		env_arr[n] = NULL;
		env_n = n;
		environ = env_arr;
	}
	char *s = env_store[env_nstore++];
	lt_snprintf(s, sizeof(env_store[0]), "%s=%s", name, value);
	size_t i;
	for (i = 0; i < env_n; i++)
		if (!strncmp(env_arr[i], name, nl) && env_arr[i][nl] == '=')
			break;
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

	lt_cfg.report_file[0] = 0;
	if (lt_cfg.is_root && (v = getenv_nonempty("LIBTRACE_REPORT_FILE"))) {
		char cwd[PATH_MAX];
		if (v[0] == '/' && strlen(v) < sizeof(lt_cfg.report_file))
			strcpy(lt_cfg.report_file, v);
		else if (v[0] != '/' && getcwd(cwd, sizeof(cwd)) &&
			 strlen(cwd) + strlen(v) + 2 <= sizeof(lt_cfg.report_file))
			lt_snprintf(lt_cfg.report_file, sizeof(lt_cfg.report_file), "%s/%s", cwd, v);
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
	int exec_root = 0;
	if (run && run[0] == '/' && strlen(run) < sizeof(lt_cfg.run_dir) && rpid &&
	    !parse_uint(rpid, 1ul << 22, &n)) {
		strcpy(lt_cfg.run_dir, run);
		lt_root_pid = (int)n;
		/* The root exec'ing another image is still the root (e.g. env python3). */
		lt_cfg.is_root = exec_root = lt_root_pid == lt_self_pid;
		lt_cfg.log_flags = LT_LOG_F_EXEC | (lt_cfg.is_root ? LT_LOG_F_ROOT : LT_LOG_F_FORK);
		read_config(1);
	} else {
		lt_cfg.is_root = 1;
		lt_root_pid = lt_self_pid;
		lt_cfg.log_flags = LT_LOG_F_ROOT;
		read_config(0);
		if (make_run_dir() < 0)
			return;
		char pidbuf[16];
		lt_snprintf(pidbuf, sizeof(pidbuf), "%d", lt_self_pid);
		lt_env_set("LIBTRACE_RUN_DIR", lt_cfg.run_dir);
		lt_env_set("LIBTRACE_RUN_PID", pidbuf);
	}
	const char *bin = getenv_nonempty("LIBTRACE_REPORT_BIN");
	if (lt_cfg.is_root && exec_root && bin && strlen(bin) < sizeof(lt_cfg.report_bin)) {
		/* An image exec'd by the root: no lookups a strace window would show. */
		strcpy(lt_cfg.report_bin, bin);
	} else if (lt_cfg.is_root) {
		find_report_bin();
		lt_env_set("LIBTRACE_REPORT_BIN", lt_cfg.report_bin);
	}
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
