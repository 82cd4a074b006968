/* The start/stop signals: LIBTRACE_SIGNALS parsed, the handler, its installation. */
#include <signal.h>
#include <string.h>
#include <strings.h>
#include <sys/syscall.h>

#include "control.h"

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

void lt_parse_signals(const char *v, int quiet)
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

static void on_signal(int sig)
{
	if (sig == lt_cfg.sig_start)
		lt_control_set(1, 1);
	else if (sig == lt_cfg.sig_stop)
		lt_control_set(0, 1);
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

void lt_signals_install(void)
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
	if (lt_active_backend == &lt_backend_strace)
		lt_sys4(SYS_readlinkat, LT_TAG_FD, "libtrace:quiet", &c, 1);
	int sigs[2] = { lt_cfg.sig_start, lt_cfg.sig_stop };
	for (int i = 0; i < 2; i++) {
		long r = lt_sys4(SYS_rt_sigaction, sigs[i], &sa, NULL, 8);
		if (r < 0 && lt_cfg.is_root)
			lt_warn("cannot handle signal %d (%s)", sigs[i], lt_errname(r));
	}
}
