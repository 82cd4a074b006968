/* The control plane's core: the window state machine (start/stop from the API, the
 * signals and load), the public API, fork and exit, and the constructor that puts it all
 * together at load. Its other jobs live beside it (see control.h). A descendant
 * (is_root 0) prints no configuration warnings: the root already did.
 */
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "libtrace.h"
#include "control.h"
#include "fdguard.h"

struct lt_config lt_cfg;
volatile int lt_tracing;

const struct lt_backend *lt_active_backend;    /* NULL: no usable backend */
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

/* ---- windows ---- */

volatile unsigned lt_window_seq;

static void set_live(int on)
{
	if (on)
		__atomic_add_fetch(&lt_window_seq, 1, __ATOMIC_RELEASE);
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

/* One thread works at a time, and a request that finds it busy is not lost: the busy
 * thread looks at `want` again before it lets go (a stop signal delivered to another
 * thread while the start is still attaching strace closes the window right after). */
int lt_control_set(int on, int from_signal)
{
	const struct lt_backend *backend = lt_active_backend;
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

/* ---- the public API ---- */

static int api_result(int r)
{
	if (r < 0) {
		errno = -r;
		return -1;
	}
	return 0;
}

__attribute__((visibility("default"))) int libtrace_start(void)
{
	return api_result(lt_control_set(1, 0));
}

__attribute__((visibility("default"))) int libtrace_stop(void)
{
	return api_result(lt_control_set(0, 0));
}

__attribute__((visibility("default"))) int libtrace_active(void)
{
	return lt_tracing ? 1 : 0;
}

/* ---- fork, exit ---- */

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

void lt_control_exit(int code, int signo)
{
	/* A vfork child shares our memory: it must not mark anything done. */
	if (lt_quiet_getpid() != lt_self_pid)
		return;
	if (__atomic_exchange_n(&exited, 1, __ATOMIC_ACQ_REL))
		return;
	if (lt_active_backend && lt_active_backend->fini && started)
		lt_active_backend->fini(code, signo);
	set_live(0);
	if (lt_cfg.enabled && lt_cfg.is_root && lt_cfg.report != LT_REPORT_NONE)
		lt_report_run();
}

/* The native backend sees exit_group itself while a window is open (in a thread it still
 * traces); otherwise _exit and _Exit (and on_exit, for exit and returning from main) are
 * where the process ends. */
static int exit_hooked(void)
{
	return lt_cfg.enabled && !(lt_active_backend == &lt_backend_native && lt_tracing &&
				   lt_native_sees_exit());
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
	if (lt_active_backend == &lt_backend_strace && lt_tracing) {
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

static void choose_backend(void)
{
	int r;
	lt_active_backend = NULL;
	if (lt_cfg.backend < 0)
		return;
	if (lt_cfg.backend == LT_BACKEND_NATIVE || lt_cfg.backend == LT_BACKEND_AUTO) {
		if ((r = lt_backend_native.init()) == 0) {
			lt_active_backend = &lt_backend_native;
			lt_cfg.backend = LT_BACKEND_NATIVE;
			return;
		}
		if (lt_cfg.backend == LT_BACKEND_NATIVE) {
			if (lt_cfg.is_root)
				lt_warn("native backend unavailable (%s); tracing off", lt_errname(r));
			return;
		}
		if (lt_cfg.is_root)
			lt_warn("native backend unavailable (%s); using strace", lt_errname(r));
	}
	/* The strace backend prints its own reason when it cannot work. */
	if ((r = lt_backend_strace.init()) == 0) {
		lt_active_backend = &lt_backend_strace;
		lt_cfg.backend = LT_BACKEND_STRACE;
	}
}

/* The run variables came from a run of this user: the directory the run directory goes
 * in (checked private by the run's root) is ours, and we run with one uid. Otherwise
 * (a root child of a setuid program that kept the user's environment: su without -,
 * sudo -E) they name another user's files and processes, and are ignored. */
static int run_is_ours(const char *run)
{
	uid_t uid = (uid_t)lt_sys0(SYS_getuid);
	return uid == (uid_t)lt_sys0(SYS_geteuid) && lt_run_dir_owner(run) == (int)uid;
}

/* The variables a run hands its descendants, dropped from the environment (emptied in
 * place: no allocation) when they came from someone else's run. */
static void forget_foreign_run(void)
{
	static const char *const vars[] = { "LIBTRACE_RUN_DIR", "LIBTRACE_RUN_PID",
					    "LIBTRACE_STRACE_PID", "LIBTRACE_REPORT_FILE" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
		if (lt_getenv(vars[i]))
			lt_env_set(vars[i], "");
}

/* The run this process belongs to: the one named by LIBTRACE_RUN_DIR/LIBTRACE_RUN_PID, or
 * a new one of which it is the root. 0, or -1 if tracing stays off. */
static int join_run(void)
{
	const char *run = lt_getenv("LIBTRACE_RUN_DIR");
	const char *rpid = lt_getenv("LIBTRACE_RUN_PID");
	unsigned long n;
	if (run && !run_is_ours(run)) {
		forget_foreign_run();
		run = rpid = NULL;
	}
	if (run && run[0] == '/' && strlen(run) < sizeof(lt_cfg.run_dir) && rpid &&
	    !lt_parse_uint(rpid, 1ul << 22, &n)) {
		strcpy(lt_cfg.run_dir, run);
		lt_root_pid = (int)n;
		/* The root exec'ing another image is still the root (e.g. env python3). */
		lt_cfg.is_root = lt_root_pid == lt_self_pid;
		lt_cfg.log_flags = LT_LOG_F_EXEC | (lt_cfg.is_root ? LT_LOG_F_ROOT : LT_LOG_F_FORK);
		lt_read_config(1);
		return 0;
	}
	lt_fd_guard_first_image();
	lt_cfg.is_root = 1;
	lt_root_pid = lt_self_pid;
	lt_cfg.log_flags = LT_LOG_F_ROOT;
	lt_read_config(0);
	if (lt_run_dir_name() < 0)
		return -1;
	char pidbuf[16];
	lt_snprintf(pidbuf, sizeof(pidbuf), "%d", lt_self_pid);
	lt_env_set("LIBTRACE_RUN_DIR", lt_cfg.run_dir);
	lt_env_set("LIBTRACE_RUN_PID", pidbuf);
	return 0;
}

/* LIBTRACE_START is flipped in place by the handler. If the variable came with the
 * process, flip the original string: /proc/PID/environ shows it, so `libtrace start PID`
 * can wait until the window is really open. */
static void publish_start(void)
{
	extern char **environ;
	live_start = NULL;
	for (char **e = environ; e && *e && !live_start; e++)
		if (!strncmp(*e, "LIBTRACE_START=", 15) && (*e)[15] && !(*e)[16])
			live_start = *e + 15;
	if (live_start)
		*live_start = '0';
	else
		live_start = lt_env_set("LIBTRACE_START", "0");
}

/* libtrace's own tools (the report, the launcher) are never traced, whatever preloads
 * the shim into them (/etc/ld.so.preload): tracing the report would start a report of
 * the report at its exit, and so on. They are known by the name they were run as, and
 * LIBTRACE_OFF marks every process the shim itself starts. */
static int stand_down(void)
{
	if (lt_getenv("LIBTRACE_OFF"))
		return 1;
	const char *fn = (const char *)getauxval(AT_EXECFN);
	if (!fn)
		return 0;
	const char *base = fn + lt_strlen(fn);
	while (base > fn && base[-1] != '/')
		base--;
	return !lt_strcmp(base, "libtrace-report") || !lt_strcmp(base, "libtrace");
}

__attribute__((constructor(101))) static void control_init(void)
{
	lt_cfg.enabled = 0;
	/* A setuid/setgid program must not take orders from its caller's environment. */
	if (getauxval(AT_SECURE) || stand_down())
		return;

	lt_self_pid = lt_quiet_getpid();
	if (join_run() < 0)
		return;
	if (lt_cfg.is_root)
		lt_preload_absolute();
	real_exit = (void (*)(int))dlsym(RTLD_NEXT, "_exit");
	real_Exit = (void (*)(int))dlsym(RTLD_NEXT, "_Exit");
	lt_cfg.enabled = 1;

	choose_backend();
	if (lt_cfg.is_root) {
		const char *b = lt_cfg.backend == LT_BACKEND_NATIVE ? "native"
				: lt_cfg.backend == LT_BACKEND_STRACE ? "strace" : "none";
		lt_env_set("LIBTRACE_BACKEND", lt_active_backend ? b : "none");
	}
	if (!lt_active_backend)
		return;
	/* A descendant under the strace backend is followed by the run's strace: it must not
	 * make a single call of its own that strace would show. */
	if (lt_active_backend == &lt_backend_strace && !lt_cfg.is_root)
		return;
	publish_start();
	pthread_atfork(NULL, NULL, atfork_child);
	on_exit(control_on_exit, NULL);
	lt_signals_install();
	if (lt_cfg.start)
		lt_control_set(1, 0);
}
