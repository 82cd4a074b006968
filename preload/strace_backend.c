/* The strace backend: the shim runs strace on its own process.
 *
 * Output, for libtrace-report: <run_dir>/strace.<rootpid>.txt, plain output of
 *     strace -f -q -ttt -T -s <LIBTRACE_STRSIZE> -p <rootpid> -o FILE
 * that is, every line is "<tid>  <epoch seconds>.<usec> <strace text>", with the
 * usual "<unfinished ...>" / "<... NAME resumed>" pairs, "--- SIGx {...} ---" and
 * "+++ exited with N +++" lines. Each window (start..stop) is appended to the file; the
 * shim has already removed everything of its own:
 *   - strace writes the raw trace to <run_dir>/.strace.<rootpid>.raw (a dotfile: readers
 *     skip it); at stop and at exit, after strace has detached and exited, the shim copies
 *     the lines between its start and stop markers to strace.<pid>.txt and deletes it.
 *   - markers and the shim's other calls while strace watches have LT_TAG_FD (-19540) as
 *     their first argument (a dirfd ignored for an absolute path), e.g. the marker
 *     readlinkat(-19540, "libtrace:start", ...); all are dropped, with their
 *     "<... NAME resumed>" halves;
 *   - calls the shim makes while strace watches that cannot carry the tag (an image
 *     exec'd by the root installs the start/stop handlers and publishes them; control
 *     moves to other signals) are bracketed by tagged readlinkat(.., "libtrace:quiet")
 *     and readlinkat(.., "libtrace:quiet-end"): that thread's lines between them go;
 *   - a window opened from the start signal's handler: that thread's first call after the
 *     marker (the handler's rt_sigreturn) is dropped; closed from the stop signal: that
 *     thread's "--- SIG... ---" delivery line just before the marker is dropped.
 *   - at exit the shim appends "<tid>  <ts> exit_group(N) = ?" and
 *     "<tid>  <ts> +++ exited with N +++" for the root, which strace (detached by then)
 *     could not see.
 * Lines of other threads may be cut at a window edge: a "<... X resumed>" with no
 * beginning, or an "<unfinished ...>" with no end, is normal here.
 *
 * Only the process that spawned strace (the root, or an image it exec'd: the tracer's pid
 * is kept in LIBTRACE_STRACE_PID) starts and stops it; strace -f follows the children,
 * which must not make a single syscall of their own for it, so this backend does nothing
 * in them.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "control.h"

#define ATTACH_TIMEOUT_MS 10000
#define DETACH_TIMEOUT_MS 10000

static char strace_path[PATH_MAX];
static int tracer;      /* strace's pid while attached */
static int owner;       /* the pid that started it */
static char *live_pid;  /* the digits of LIBTRACE_STRACE_PID in environ */

static char raw_path[PATH_MAX], err_path[PATH_MAX], txt_path[PATH_MAX], rec_path[PATH_MAX];

static void set_live_pid(int pid)
{
	if (!live_pid)
		return;
	/* Fixed width, written in place: no allocation, safe in a handler. */
	for (int i = 9; i >= 0; i--) {
		live_pid[i] = (char)('0' + pid % 10);
		pid /= 10;
	}
}

static int find_in_path(const char *name, char *out, size_t size)
{
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	while (*path) {
		const char *end = strchr(path, ':');
		size_t len = end ? (size_t)(end - path) : strlen(path);
		if (len && len + strlen(name) + 2 <= size) {
			memcpy(out, path, len);
			lt_snprintf(out + len, size - len, "/%s", name);
			/* Tagged (an absolute path ignores the dirfd): an image exec'd by the root
			 * runs this while strace watches. */
			if (out[0] == '/' && lt_sys4(SYS_faccessat, LT_TAG_FD, out, X_OK, 0) == 0)
				return 0;
		}
		path += len;
		if (*path == ':')
			path++;
	}
	return -ENOENT;
}

/* The tracer's pid, recorded in the run directory by the process that started it: a
 * symlink whose target is the pid (one call to read, tagged: readlinkat with an absolute
 * path ignores LT_TAG_FD, and strace may be watching). */
static void record_tracer(int pid)
{
	int dfd = lt_run_dir_fd();
	if (dfd < 0)
		return;
	const char *name = rec_path + lt_strlen(lt_cfg.run_dir) + 1;
	lt_sys3(SYS_unlinkat, dfd, name, 0);
	if (pid > 0) {
		char digits[16];
		lt_snprintf(digits, sizeof digits, "%d", pid);
		lt_sys3(SYS_symlinkat, digits, dfd, name);
	}
}

/* LIBTRACE_STRACE_PID names a process this image will signal at stop and exit: it is
 * believed only if this run recorded it (the run directory is this user's, checked at
 * load). That it traces us is checked again before any signal (tracer_traces_us). */
static int inherited_tracer(const char *v)
{
	if (!v || lt_strlen(v) != 10)
		return 0;
	int pid = 0;
	for (int i = 0; i < 10; i++) {
		if (v[i] < '0' || v[i] > '9')
			return 0;
		pid = pid * 10 + (v[i] - '0');
	}
	if (pid <= 0)
		return 0;
	char rec[16];
	long n = lt_sys4(SYS_readlinkat, LT_TAG_FD, rec_path, rec, sizeof rec - 1);
	if (n <= 0)
		return 0;
	rec[n] = 0;
	unsigned long r;
	return !lt_parse_uint(rec, 1ul << 22, &r) && (int)r == pid ? pid : 0;
}

static int strace_init(void)
{
	/* In a descendant, the run's strace (if a window is open) already follows us. */
	if (!lt_cfg.is_root)
		return 0;
	lt_snprintf(raw_path, sizeof(raw_path), "%s/.strace.%d.raw", lt_cfg.run_dir, lt_root_pid);
	lt_snprintf(err_path, sizeof(err_path), "%s/.strace.%d.err", lt_cfg.run_dir, lt_root_pid);
	lt_snprintf(txt_path, sizeof(txt_path), "%s/strace.%d.txt", lt_cfg.run_dir, lt_root_pid);
	lt_snprintf(rec_path, sizeof(rec_path), "%s/.strace.%d.pid", lt_cfg.run_dir, lt_root_pid);
	/* An image exec'd by the root inherits the tracer: strace follows across execve. */
	int pid = inherited_tracer(getenv("LIBTRACE_STRACE_PID"));
	if (pid > 0) {
		tracer = pid;
		owner = lt_self_pid;
	}
	/* An image exec'd by the root during a window keeps the tracer it inherits even if
	 * strace is not in its PATH: only a later start would need it. */
	int found = find_in_path("strace", strace_path, sizeof(strace_path)) == 0;
	if (!found)
		strace_path[0] = 0;
	if (!found && !tracer) {
		lt_warn("strace backend: strace not found in PATH; tracing off");
		return -ENOENT;
	}
	live_pid = lt_env_set("LIBTRACE_STRACE_PID", "0000000000");
	set_live_pid(tracer);
	return 0;
}

/* TracerPid of the calling thread: >= 0, or -errno. */
static int tracer_pid(void)
{
	char buf[1024];
	long n = lt_read_file("/proc/thread-self/status", buf, sizeof(buf) - 1);
	if (n < 0)
		return (int)n;
	buf[n] = 0;
	const char *p = lt_proc_field(buf, "TracerPid");
	if (!p)
		return -ENOENT;
	int v = 0;
	while (*p >= '0' && *p <= '9')
		v = v * 10 + (*p++ - '0');
	return v;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };
	lt_sys2(SYS_nanosleep, &ts, NULL);
}

static void marker(const char *what)
{
	char c;
	lt_sys4(SYS_readlinkat, LT_TAG_FD, what, &c, 1);
}

/* The first line of strace's stderr, for the warning. */
static void strace_error(char *out, size_t size)
{
	out[0] = 0;
	long fd = lt_run_dir_openat(err_path, O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return;
	long n = lt_sys3(SYS_read, fd, out, size - 1);
	lt_sys1(SYS_close, fd);
	if (n < 0)
		n = 0;
	out[n] = 0;
	for (char *p = out; *p; p++)
		if (*p == '\n') {
			*p = 0;
			break;
		}
}

/* strace is not our child (see lt_spawn's detach): its exit is seen through a pidfd.
 * Returns 1 if it has exited (or is gone), 0 if not within ms. */
static int wait_exit(int pidfd, int pid, long ms)
{
	if (pidfd < 0)
		return lt_sys2(SYS_kill, pid, 0) == -ESRCH;
	struct pollfd { int fd; short events, revents; } pfd = { pidfd, 1 /* POLLIN */, 0 };
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };
	long r;
	while ((r = lt_sys5(SYS_ppoll, &pfd, 1, &ts, NULL, 8)) == -EINTR)
		;
	return r > 0;
}

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif

static void filter_raw(void);

/* In the keeper of a strace this process started, once that strace has exited: if this
 * process is gone too, it died without detaching strace (killed by a signal, or ended by
 * a raw exit_group: Go), so nobody else will turn the raw file into strace.PID.txt. */
static void strace_reaped(int status, int origin_gone)
{
	(void)status;
	if (origin_gone)
		filter_raw();
}

/* Starts strace on this process, its output to the run directory's raw file: its pid,
 * or -errno after a warning. */
static long spawn_strace(void)
{
	char spid[16], ssize[16];
	lt_snprintf(spid, sizeof(spid), "%d", lt_root_pid);
	lt_snprintf(ssize, sizeof(ssize), "%u", lt_cfg.strsize);
	/* strace writes the trace to the file we open in the held run directory (its
	 * stdout), never to a path it would resolve itself. */
	char *argv[] = { "strace", "-f", "-q", "-ttt", "-T", "-s", ssize, "-o", "/dev/stdout",
			 "-p", spid, NULL };
	/* LIBTRACE_OFF: strace never traces itself, whatever preloads the shim into it. */
	static char *envp[] = { "PATH=/usr/local/bin:/usr/bin:/bin", "LC_ALL=C",
				"LIBTRACE_OFF=1", NULL };

	long err = lt_run_dir_openat(err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	long raw = lt_run_dir_openat(raw_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (raw < 0) {
		if (err >= 0)
			lt_sys1(SYS_close, err);
		lt_warn("strace backend: cannot create %s (%s); tracing off", raw_path,
			lt_errname(raw));
		return raw;
	}
	int gate[2];
	if (lt_sys2(SYS_pipe2, gate, O_CLOEXEC) < 0)
		gate[0] = gate[1] = -1;
	struct lt_spawn sp = {
		.path = strace_path, .argv = argv, .envp = envp,
		.fd_in = -1, .fd_out = (int)raw, .fd_err = err >= 0 ? (int)err : -1,
		/* Its own session: the terminal's ^C must not detach it before the program. */
		.setsid = 1,
		/* Not the program's child: no SIGCHLD, nothing for its wait(-1) to find. */
		.detach = 1,
		.gate_rfd = gate[0], .gate_wfd = gate[1],
		/* If this process dies without detaching (a signal, or a raw exit_group as Go
		 * makes), its keeper turns the raw file into the trace. */
		.reap = strace_reaped,
	};
	long pid = lt_spawn(&sp);
	if (err >= 0)
		lt_sys1(SYS_close, err);
	lt_sys1(SYS_close, raw);
	if (pid > 0) /* Yama scope 1: let our own child attach to us. */
		lt_sys5(SYS_prctl, PR_SET_PTRACER, pid, 0, 0, 0);
	if (gate[0] >= 0) {
		lt_sys1(SYS_close, gate[0]);
		lt_sys1(SYS_close, gate[1]);
	}
	if (pid < 0)
		lt_warn("strace backend: cannot start %s (error %ld); tracing off", strace_path, -pid);
	return pid;
}

/* Waits until strace PID really traces this thread (0: it is our tracer now), or gives
 * up: it exited, or did not attach within ATTACH_TIMEOUT_MS (-errno after a warning). */
static int wait_attached(long pid)
{
	int pidfd = (int)lt_sys2(SYS_pidfd_open, pid, 0);
	for (long waited = 0; waited < ATTACH_TIMEOUT_MS;) {
		if (tracer_pid() == pid) {
			if (pidfd >= 0)
				lt_sys1(SYS_close, pidfd);
			tracer = (int)pid;
			owner = lt_self_pid;
			set_live_pid(tracer);
			record_tracer(tracer);
			marker(lt_in_signal ? "libtrace:start:sig" : "libtrace:start");
			return 0;
		}
		long ms = waited < 20 ? 1 : 10;
		if (wait_exit(pidfd, (int)pid, ms)) {
			if (pidfd >= 0)
				lt_sys1(SYS_close, pidfd);
			char why[256];
			strace_error(why, sizeof(why));
			lt_warn("strace backend: strace could not attach (%s); tracing off",
				why[0] ? why : "it exited");
			return -EPERM;
		}
		if (pidfd < 0)
			sleep_ms(ms);
		waited += ms;
	}
	lt_sys2(SYS_kill, pid, SIGKILL);
	if (pidfd >= 0)
		lt_sys1(SYS_close, pidfd);
	lt_warn("strace backend: strace did not attach within %d s; tracing off",
		ATTACH_TIMEOUT_MS / 1000);
	return -ETIMEDOUT;
}

static int strace_start(void)
{
	if (!lt_cfg.is_root || lt_self_pid != lt_root_pid)
		return 0;
	if (tracer)
		return 0;
	if (!strace_path[0]) {
		lt_warn("strace backend: strace not found in PATH; tracing off");
		return -ENOENT;
	}
	int r = lt_run_dir_ensure();
	if (r < 0)
		return r;
	int tp = tracer_pid();
	if (tp > 0) {
		lt_warn("strace backend: this process is already traced (TracerPid %d), strace "
			"cannot attach; tracing off", tp);
		return -EBUSY;
	}
	long pid = spawn_strace();
	if (pid < 0)
		return (int)pid;
	return wait_attached(pid);
}

/* ---- the raw trace to strace.<pid>.txt ---- */

#define NHOLD 8
#define HOLD_MAX 512
#define LINE_MAX_HELD 4096

static struct filter {
	int in;             /* between a start and a stop marker */
	int skip_sigreturn; /* tid whose next line may be the start handler's rt_sigreturn */
	int quiet_tid;      /* drop this thread's lines until its quiet-end marker */
	int drop_resumed[NHOLD];
	struct {
		int tid;
		size_t len;
		char line[HOLD_MAX];
	} hold[NHOLD];      /* a "--- SIG" line per tid, held: it may precede a stop marker */
	int out_fd;
	size_t out_len;
	char out[65536];
	char in_buf[65536];
	char line[LINE_MAX_HELD];
} f;

static void out_flush(void)
{
	size_t off = 0;
	while (off < f.out_len) {
		long n = lt_sys3(SYS_write, f.out_fd, f.out + off, f.out_len - off);
		if (n == -EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	f.out_len = 0;
}

static void out_put(const char *s, size_t len)
{
	while (len) {
		size_t room = sizeof(f.out) - f.out_len;
		size_t k = len < room ? len : room;
		lt_memcpy(f.out + f.out_len, s, k);
		f.out_len += k;
		s += k;
		len -= k;
		if (f.out_len == sizeof(f.out))
			out_flush();
	}
}

static const char *find(const char *s, size_t len, const char *needle)
{
	size_t nl = lt_strlen(needle);
	for (size_t i = 0; i + nl <= len; i++)
		if (s[i] == needle[0] && !memcmp(s + i, needle, nl))
			return s + i;
	return NULL;
}

static int line_tid(const char *s, size_t len)
{
	int tid = 0;
	for (size_t i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		tid = tid * 10 + (s[i] - '0');
	return tid;
}

/* The strace text after "<tid> <ts> ". */
static const char *line_body(const char *s, size_t len, size_t *blen)
{
	size_t i = 0;
	for (int field = 0; field < 2; field++) {
		while (i < len && s[i] != ' ')
			i++;
		while (i < len && s[i] == ' ')
			i++;
	}
	*blen = len - i;
	return s + i;
}

static void release_hold(int tid, int drop)
{
	for (int i = 0; i < NHOLD; i++)
		if (f.hold[i].tid == tid && f.hold[i].len) {
			if (!drop)
				out_put(f.hold[i].line, f.hold[i].len);
			f.hold[i].len = 0;
			f.hold[i].tid = 0;
		}
}

/* "name(-19540, ": a call the shim made (LT_TAG_FD as its first argument). */
static int tagged(const char *body, size_t blen)
{
	char tag[16];
	size_t tl = (size_t)lt_snprintf(tag, sizeof(tag), "(%d, ", LT_TAG_FD);
	size_t i = 0;
	while (i < blen && ((body[i] >= 'a' && body[i] <= 'z') || (body[i] >= '0' && body[i] <= '9') ||
			    body[i] == '_'))
		i++;
	return i && blen - i >= tl && !memcmp(body + i, tag, tl);
}

/* One whole line (with its '\n' if it had one). */
static void filter_line(const char *s, size_t len)
{
	int tid = line_tid(s, len);
	size_t blen;
	const char *body = line_body(s, len, &blen);
	if (tagged(body, blen)) {
		if (find(body, blen, "\"libtrace:quiet-end")) {
			if (f.quiet_tid == tid)
				f.quiet_tid = 0;
		} else if (find(body, blen, "\"libtrace:quiet")) {
			f.quiet_tid = tid;
		} else if (find(body, blen, "\"libtrace:start")) {
			f.in = 1;
			f.skip_sigreturn = find(body, blen, ":sig\"") ? tid : 0;
		} else if (find(body, blen, "\"libtrace:stop") || find(body, blen, "\"libtrace:exit")) {
			release_hold(tid, find(body, blen, ":sig\"") != NULL);
			f.in = 0;
		}
		if (find(body, blen, "<unfinished ...>"))
			for (int i = 0; i < NHOLD; i++)
				if (!f.drop_resumed[i]) {
					f.drop_resumed[i] = tid;
					break;
				}
		return;
	}
	if (blen > 5 && !memcmp(body, "<... ", 5) && find(body, blen < 64 ? blen : 64, " resumed>")) {
		for (int i = 0; i < NHOLD; i++)
			if (f.drop_resumed[i] == tid) {
				f.drop_resumed[i] = 0;
				return;
			}
	}
	if (!f.in)
		return;
	if (f.quiet_tid && f.quiet_tid == tid)
		return;
	release_hold(tid, 0);
	if (f.skip_sigreturn == tid) {
		f.skip_sigreturn = 0;
		if (blen >= 13 && !memcmp(body, "rt_sigreturn(", 13))
			return;
	}
	if (blen >= 4 && !memcmp(body, "--- ", 4) && len <= HOLD_MAX) {
		for (int i = 0; i < NHOLD; i++)
			if (!f.hold[i].len) {
				f.hold[i].tid = tid;
				f.hold[i].len = len;
				lt_memcpy(f.hold[i].line, s, len);
				return;
			}
	}
	out_put(s, len);
}

/* Copies the window(s) in the raw file to the text file, then deletes the raw file. */
static void filter_raw(void)
{
	long in = lt_run_dir_openat(raw_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
	if (in < 0)
		return;
	f.out_fd = (int)lt_run_dir_openat(txt_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (f.out_fd < 0) {
		lt_sys1(SYS_close, in);
		return;
	}
	f.in = 0;
	f.skip_sigreturn = 0;
	f.quiet_tid = 0;
	f.out_len = 0;
	lt_memset(f.drop_resumed, 0, sizeof(f.drop_resumed));
	for (int i = 0; i < NHOLD; i++)
		f.hold[i].len = 0;
	size_t llen = 0;   /* bytes in f.line */
	int streaming = 0; /* the current line outgrew f.line: decided, being copied */
	int keep = 0;      /* for a streaming line: copy it or not */
	long n;
	while ((n = lt_sys3(SYS_read, in, f.in_buf, sizeof(f.in_buf))) > 0 || n == -EINTR) {
		for (long i = 0; i < n;) {
			const char *nl = memchr(f.in_buf + i, '\n', (size_t)(n - i));
			size_t k = nl ? (size_t)(nl - (f.in_buf + i)) + 1 : (size_t)(n - i);
			const char *s = f.in_buf + i;
			i += (long)k;
			if (streaming) {
				if (keep)
					out_put(s, k);
			} else if (llen + k <= sizeof(f.line)) {
				lt_memcpy(f.line + llen, s, k);
				llen += k;
				if (!nl)
					continue;
				filter_line(f.line, llen);
			} else {
				/* A long line is never the shim's own: it follows the window. */
				keep = f.in;
				if (keep) {
					release_hold(line_tid(f.line, llen), 0);
					out_put(f.line, llen);
					out_put(s, k);
				}
				streaming = 1;
			}
			if (nl) {
				llen = 0;
				streaming = 0;
			}
		}
	}
	if (llen && !streaming)
		filter_line(f.line, llen);
	for (int i = 0; i < NHOLD; i++)
		if (f.hold[i].len)
			out_put(f.hold[i].line, f.hold[i].len);
	out_flush();
	lt_sys1(SYS_close, f.out_fd);
	lt_sys1(SYS_close, in);
	lt_run_dir_unlink(raw_path);
	lt_run_dir_unlink(err_path);
}

#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif

/* Sends SIG to the tracer through its pidfd (the pid cannot have been reused since the
 * pidfd was opened), or by pid where there are no pidfds. */
static void signal_tracer(int pidfd, int sig)
{
	if (pidfd < 0 || lt_sys4(SYS_pidfd_send_signal, pidfd, sig, NULL, 0) == -ENOSYS)
		lt_sys2(SYS_kill, tracer, sig);
}

static void detach(const char *what)
{
	marker(what);
	/* After the marker, our calls are outside the window and leave no trace. The
	 * pidfd before the check, the check before any signal: the pid names the process
	 * that traces us (not one a forged LIBTRACE_STRACE_PID named, nor a pid reused after
	 * strace died). */
	int pidfd = (int)lt_sys2(SYS_pidfd_open, tracer, 0);
	if (tracer_pid() == tracer) {
		signal_tracer(pidfd, SIGTERM);
		int gone = 0;
		if (pidfd >= 0) {
			gone = wait_exit(pidfd, tracer, DETACH_TIMEOUT_MS);
		} else { /* no pidfd (old kernel): poll */
			for (long ms = 0; ms < DETACH_TIMEOUT_MS &&
			     !(gone = wait_exit(-1, tracer, 0)); ms += 10)
				sleep_ms(10);
		}
		if (!gone && tracer_pid() == tracer)
			signal_tracer(pidfd, SIGKILL);
	}
	if (pidfd >= 0)
		lt_sys1(SYS_close, pidfd);
	tracer = 0;
	record_tracer(0);
	set_live_pid(0);
	filter_raw();
}

static int strace_stop(void)
{
	if (!tracer || owner != lt_self_pid)
		return 0;
	detach(lt_in_signal ? "libtrace:stop:sig" : "libtrace:stop");
	return 0;
}

static void put_ts(char *buf, size_t size)
{
	struct timespec ts;
	lt_sys2(SYS_clock_gettime, CLOCK_REALTIME, &ts);
	unsigned long us = (unsigned long)ts.tv_nsec / 1000;
	char frac[7];
	for (int i = 5; i >= 0; i--) {
		frac[i] = (char)('0' + us % 10);
		us /= 10;
	}
	frac[6] = 0;
	lt_snprintf(buf, size, "%lu.%s", (unsigned long)ts.tv_sec, frac);
}

static void strace_fini(int code, int signo)
{
	if (!tracer || owner != lt_self_pid)
		return;
	detach("libtrace:exit");
	if (signo)
		return;
	/* What strace would have shown last, had it stayed until the end. */
	long fd = lt_run_dir_openat(txt_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	char ts1[32], ts2[32], tid[16], line[160];
	/* strace's own layout: the pid left-aligned in 5 columns, then a space. */
	int tl = lt_snprintf(tid, sizeof(tid), "%d", (int)lt_sys0(SYS_gettid));
	while (tl < 5)
		tid[tl++] = ' ';
	tid[tl] = 0;
	put_ts(ts1, sizeof(ts1));
	put_ts(ts2, sizeof(ts2));
	int len = lt_snprintf(line, sizeof(line), "%s %s exit_group(%d) = ?\n%s %s +++ exited with %d +++\n",
			      tid, ts1, code, tid, ts2, code & 0xff);
	lt_sys3(SYS_write, fd, line, len);
	lt_sys1(SYS_close, fd);
}

const struct lt_backend lt_backend_strace = {
	.name = "strace",
	.init = strace_init,
	.start = strace_start,
	.stop = strace_stop,
	.fini = strace_fini,
};
