/* The start/stop signals: LIBTRACE_SIGNALS parsed, the handler, its installation, where
 * they are published, and how control moves off a signal the program wants.
 *
 * Published: each process maps a small memfd named "libtrace-ctl:START:STOP" (decimal
 * signal numbers; "libtrace-ctl:0:0" when signal control is off), so /proc/PID/maps shows
 * "/memfd:libtrace-ctl:10:12 (deleted)". The maps survive what the environment does not
 * (a program that rewrites its environment block for its process title, like nginx), and
 * `libtrace start|stop PID` reads them: no guessed signal is ever sent. When the signals
 * change, a new memfd is mapped and the old one unmapped.
 *
 * Moved: when the program installs its own handler for a control signal (node's USR1,
 * nginx's USR1/USR2, the JVM's USR2), through libc's sigaction/signal (interposed here)
 * or a raw rt_sigaction the native backend traps (lt_control_signal_wanted), control
 * moves to a realtime signal nobody handles, counting down from SIGRTMAX, and a note
 * says so (lt_control_note). The program gets the signal as if the shim were not there.
 */
#include <dlfcn.h>
#include <signal.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "control.h"
#include "lt_signal.h"

/* Returns the signal number, -1 if unparsable, -2 if a signal the shim must not take. */
static int parse_signal(const char *s)
{
	int sig = -1;
	unsigned long v;
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	if (!lt_parse_uint(s, 64, &v)) {
		sig = (int)v;
	} else if (!strncasecmp(s, "RTMIN", 5)) {
		unsigned long off = 0;
		if (s[5] && (s[5] != '+' || lt_parse_uint(s + 6, 64, &off)))
			return -1;
		sig = SIGRTMIN + (int)off;
	} else if (!strncasecmp(s, "RTMAX", 5)) {
		unsigned long off = 0;
		if (s[5] && (s[5] != '-' || lt_parse_uint(s + 6, 64, &off)))
			return -1;
		sig = SIGRTMAX - (int)off;
	} else {
		sig = lt_signal_by_name(s, lt_strlen(s));
		sig = sig ? sig : -1;
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

void lt_parse_signals(const char *v, int quiet)
{
	lt_cfg.sig_start = SIGUSR1;
	lt_cfg.sig_stop = SIGUSR2;
	if (!v)
		return;
	if (!strcasecmp(v, "none")) { /* no signal control; the C API still works */
		lt_cfg.sig_start = lt_cfg.sig_stop = 0;
		return;
	}
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

#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000 /* the kernel ABI flag glibc keeps to itself */
#endif

struct k_sigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	uint64_t mask;
};

static long install_on(int sig);

/* A control signal a thread of the process sent one of its threads (raise, pthread_kill,
 * tgkill: SI_TKILL) is the program's own, not `libtrace start|stop`'s (kill: SI_USER): it
 * takes the default action, as it would untraced (USR1/USR2 and the realtime signals
 * terminate; strace's wait4, waitid, siginfo). A process-directed kill(getpid(), ...)
 * still opens and closes windows. */
static int default_action(int sig, const siginfo_t *si)
{
	if (!si || si->si_code != SI_TKILL || si->si_pid != lt_quiet_getpid())
		return 0;
	struct k_sigaction dfl = { .handler = SIG_DFL };
	uint64_t bit = 1ull << (sig - 1);
	lt_sys4(SYS_rt_sigaction, sig, &dfl, NULL, 8);
	lt_sys3(SYS_tgkill, si->si_pid, lt_sys0(SYS_gettid), sig);
	lt_sys4(SYS_rt_sigprocmask, SIG_UNBLOCK, &bit, NULL, 8);
	/* Still here: its default action is to stop (then continued) or nothing. */
	lt_sys4(SYS_rt_sigprocmask, SIG_BLOCK, &bit, NULL, 8);
	install_on(sig);
	return 1;
}

static void on_signal(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (default_action(sig, si))
		return;
	if (sig == lt_cfg.sig_start)
		lt_control_set(1, 1);
	else if (sig == lt_cfg.sig_stop)
		lt_control_set(0, 1);
}

/* on_signal as the kernel ABI stores it (a cast through a function type of no arguments). */
#define ON_SIGNAL ((void (*)(int))(void (*)(void))on_signal)

static int installed; /* the handler is on the control signals of this process */

/* Marks the shim's calls that cannot carry LT_TAG_FD for the strace backend's filter,
 * which drops this thread's lines between the two markers. */
static void quiet(int on)
{
	char c;
	if (lt_active_backend == &lt_backend_strace)
		lt_sys4(SYS_readlinkat, LT_TAG_FD, on ? "libtrace:quiet" : "libtrace:quiet-end", &c, 1);
}

static long install_on(int sig)
{
	struct k_sigaction sa = {
		.handler = ON_SIGNAL,
		/* SA_RESTART: the program's blocking calls continue as if no signal came. */
		.flags = SA_SIGINFO | SA_RESTART | SA_RESTORER,
		.restorer = lt_sigreturn_restorer,
		.mask = (lt_cfg.sig_start ? 1ull << (lt_cfg.sig_start - 1) : 0) |
			(lt_cfg.sig_stop ? 1ull << (lt_cfg.sig_stop - 1) : 0),
	};
	return lt_sys4(SYS_rt_sigaction, sig, &sa, NULL, 8);
}

static uintptr_t ctl_map; /* the memfd mapping that publishes the signals, or 0 */

/* Maps a memfd named for the current signals, then unmaps the previous one. */
static void publish(void)
{
	char name[40];
	lt_snprintf(name, sizeof name, "libtrace-ctl:%d:%d", lt_cfg.sig_start, lt_cfg.sig_stop);
	long fd = lt_sys2(SYS_memfd_create, name, MFD_CLOEXEC);
	if (fd < 0)
		return;
	/* Never touched: the mapping is only a name in /proc/PID/maps, no memory. */
	long p = lt_sys6(SYS_mmap, 0, 4096, PROT_READ, MAP_SHARED, fd, 0);
	lt_sys1(SYS_close, fd);
	if (p < 0 && p > -4096)
		return;
	uintptr_t old = ctl_map;
	ctl_map = (uintptr_t)p;
	if (old)
		lt_sys2(SYS_munmap, old, 4096);
}

void lt_signals_install(void)
{
	quiet(1);
	int sigs[2] = { lt_cfg.sig_start, lt_cfg.sig_stop };
	for (int i = 0; i < 2; i++) {
		if (!sigs[i])
			continue;
		long r = install_on(sigs[i]);
		if (r < 0 && lt_cfg.is_root)
			lt_warn("cannot handle signal %d (%s)", sigs[i], lt_errname(r));
	}
	installed = 1;
	publish();
	quiet(0);
}

/* ---- notes ---- */

static struct {
	unsigned seq;
	uint32_t code;
	char text[160];
} note;

unsigned lt_control_note(uint32_t *code, const char **text)
{
	unsigned seq = __atomic_load_n(&note.seq, __ATOMIC_ACQUIRE);
	if (seq) {
		*code = note.code;
		*text = note.text;
	}
	return seq;
}

/* ---- the program wants a control signal ---- */

/* A realtime signal with no handler, counting down from SIGRTMAX, or 0. */
static int free_rt_signal(int taken)
{
	for (int s = SIGRTMAX; s >= SIGRTMIN; s--) {
		struct k_sigaction cur;
		if (s == taken || s == lt_cfg.sig_start || s == lt_cfg.sig_stop)
			continue;
		if (lt_sys4(SYS_rt_sigaction, s, NULL, &cur, 8) == 0 && cur.handler == SIG_DFL)
			return s;
	}
	return 0;
}

static int moving; /* a move is in progress (two threads claiming signals at once) */

void lt_control_signal_wanted(int sig)
{
	if (!installed || sig <= 0 || (sig != lt_cfg.sig_start && sig != lt_cfg.sig_stop))
		return;
	/* A vfork child (posix_spawn resetting handlers) shares our memory: the parent's
	 * control is not its to move; the image it execs installs its own. */
	if (lt_quiet_getpid() != lt_self_pid)
		return;
	if (__atomic_exchange_n(&moving, 1, __ATOMIC_ACQUIRE))
		return;
	quiet(1);
	int to = free_rt_signal(sig);
	const char *what = sig == lt_cfg.sig_start ? "start" : "stop";
	if (sig == lt_cfg.sig_start)
		lt_cfg.sig_start = to;
	else
		lt_cfg.sig_stop = to;
	/* The handler's mask names both signals: both are installed again. */
	if (lt_cfg.sig_start)
		install_on(lt_cfg.sig_start);
	if (lt_cfg.sig_stop)
		install_on(lt_cfg.sig_stop);
	/* The program finds the default action there, as it would untraced. */
	struct k_sigaction dfl = { .handler = SIG_DFL };
	lt_sys4(SYS_rt_sigaction, sig, &dfl, NULL, 8);
	publish();
	quiet(0);
	note.code = LT_NOTE_SIGNALS;
	if (to)
		lt_snprintf(note.text, sizeof note.text, "the program handles signal %d: the %s "
			    "signal is now %d", sig, what, to);
	else
		lt_snprintf(note.text, sizeof note.text, "the program handles signal %d: no free "
			    "signal is left for %s", sig, what);
	__atomic_add_fetch(&note.seq, 1, __ATOMIC_RELEASE);
	__atomic_store_n(&moving, 0, __ATOMIC_RELEASE);
}

/* The program's view of a control signal: the default action, as untraced. */
static int ours(void (*handler)(int))
{
	return handler == ON_SIGNAL;
}

/* libc's functions behind ours, resolved at the first call (not at load: each lookup
 * there would cost every process, most of which never call them). */
typedef void (*lt_sighandler)(int);
typedef int (*sigaction_fn)(int, const struct sigaction *, struct sigaction *);
typedef lt_sighandler (*signal_fn)(int, lt_sighandler);
static sigaction_fn real_sigaction;
static signal_fn real_signal, real_bsd_signal;

static void resolve(void)
{
	if (!real_sigaction)
		real_sigaction = (sigaction_fn)dlsym(RTLD_NEXT, "sigaction");
	if (!real_signal)
		real_signal = (signal_fn)dlsym(RTLD_NEXT, "signal");
	if (!real_bsd_signal)
		real_bsd_signal = (signal_fn)dlsym(RTLD_NEXT, "bsd_signal");
}

__attribute__((visibility("default"))) int sigaction(int sig, const struct sigaction *act,
						     struct sigaction *old)
{
	if (!real_sigaction)
		resolve();
	if (act)
		lt_control_signal_wanted(sig);
	int r = real_sigaction(sig, act, old);
	if (r == 0 && old && ours(old->sa_handler)) {
		lt_memset(old, 0, sizeof *old);
		old->sa_handler = SIG_DFL;
	}
	return r;
}

static lt_sighandler signal_via(signal_fn *real, int sig, lt_sighandler h)
{
	if (!*real)
		resolve();
	lt_control_signal_wanted(sig);
	lt_sighandler r = (*real)(sig, h);
	return ours(r) ? SIG_DFL : r;
}

__attribute__((visibility("default"))) lt_sighandler signal(int sig, lt_sighandler h)
{
	return signal_via(&real_signal, sig, h);
}

__attribute__((visibility("default"))) lt_sighandler bsd_signal(int sig, lt_sighandler h)
{
	return signal_via(&real_bsd_signal, sig, h);
}
