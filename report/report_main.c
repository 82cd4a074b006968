/* libtrace-report: reads logs (binary or strace text), filters, and feeds each requested
 * output in time order. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_filter.h"
#include "lt_follow.h"
#include "lt_hmap.h"
#include "lt_reader.h"
#include "lt_report.h"
#include "lt_retention.h"
#include "lt_syscall.h"

#ifndef LT_VERSION
#define LT_VERSION "0.1"
#endif

static const char usage[] =
	"usage: libtrace-report [OPTIONS] LOG|DIR...\n"
	"Reads libtrace logs (*.ltl) and strace -f -ttt -T text; a directory means every log\n"
	"in it (a directory of runs, like $LIBTRACE_DIR, its latest run). All processes and\n"
	"threads are merged in time order.\n"
	"\n"
	"Output (default: strace-style lines):\n"
	"  -c               summary table (wall time inside each call)\n"
	"  --json           JSON Lines, one object per event\n"
	"  --tef FILE       Trace Event Format JSON for Perfetto (FILE.gz: gzipped)\n"
	"  --perfetto FILE  Perfetto protobuf trace\n"
	"  --top N          the N slowest calls\n"
	"  --files          per file: opens, errors, bytes, time\n"
	"  --threads        per thread: calls, errors, time\n"
	"  --hist NAME      latency histogram of one syscall\n"
	"  -o FILE          write text/summary/json/views to FILE\n"
	"  --follow         DIR is being written: print its events as they come, until\n"
	"                   interrupted (SIGINT, SIGTERM), then what is left\n"
	"Filters:\n"
	"  -e trace=SET     NAME,..., %file, %network, %process, %signal, %memory, %desc, ...;\n"
	"                   !SET negates; -e NAME is short for -e trace=NAME\n"
	"  -e status=SET    successful, failed, unfinished, unavailable, detached, all,\n"
	"                   none; !SET negates. -z: successful only, -Z: failed only\n"
	"  -e signal=SET    which signals' --- lines show (SIGUSR1, USR1, 10, all, none, !)\n"
	"  -P PATH          calls that name PATH or work on a descriptor that refers to it\n"
	"  --cwd DIR        the command's first working directory (the launcher's): -P\n"
	"                   resolves descriptors opened by relative paths against it\n"
	"  -p TID[,TID...]  these threads or processes only\n"
	"  --since T, --until T   time window relative to the first event (1.5, 200ms, 30us)\n"
	"Formatting:\n"
	"  -t, -tt, -ttt    time of day, with microseconds, or epoch seconds\n"
	"  -r               time since the previous line began (--relative-timestamps=s|ms|\n"
	"                   us|ns)\n"
	"  -T               time spent in each call\n"
	"  -n               the call's number, \"[ NNN] \"\n"
	"  -e read=FDS, -e write=FDS  hex dump of what calls read from / wrote to those\n"
	"                   descriptors: of what the shim captured, LIBTRACE_STRSIZE bytes\n"
	"                   per buffer (the launcher raises it to 4096 for these)\n"
	"  -f / --no-pid    always / never prefix [pid N] (default: when there are several)\n"
	"  -s N             string limit (default 32)   -x, -xx  hex escapes\n"
	"  -v               unabbreviated structures    -X raw|abbrev|verbose\n"
	"  -y               paths of file descriptors\n"
	"  --pid-prefix=bare  'N  ' instead of '[pid N] ' (strace -f -o's lines)\n"
	"Other:\n"
	"  --check-options  check the options and exit (no LOG needed)\n"
	"  --syscall-names  every system call name this build knows\n"
	"  --after-epoch-ns NS  only calls that began after this wall-clock time (libtrace -p)\n"
	"  --relative-base-ns NS  -r: the wall-clock time of the line before the first\n"
	"  --first-execve PID,NS  a successful execve by PID at NS precedes the logs (the\n"
	"                   launcher's first line: the shim loads after it); -c counts it\n"
	"  -h, --help       this text          --version  the version\n";

static int bad_usage(const char *msg, const char *arg)
{
	fprintf(stderr, "libtrace-report: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
	fputs("Try 'libtrace-report --help'.\n", stderr);
	return 2;
}

/* "1.5" (seconds), "1.5s", "200ms", "30us", "10ns" -> ns; -1 if unparsable. */
static int64_t parse_time(const char *s)
{
	char *e;
	errno = 0;
	double v = strtod(s, &e);
	if (e == s || errno || v < 0)
		return -1;
	double mul = 1e9;
	if (!*e || strcmp(e, "s") == 0)
		mul = 1e9;
	else if (strcmp(e, "ms") == 0)
		mul = 1e6;
	else if (strcmp(e, "us") == 0)
		mul = 1e3;
	else if (strcmp(e, "ns") == 0)
		mul = 1;
	else
		return -1;
	if (v * mul > 9e18)
		return -1;
	return (int64_t)(v * mul);
}

static int parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	char *e;
	errno = 0;
	unsigned long v = strtoul(s, &e, 10);
	if (e == s || *e || errno || v > max || *s == '-')
		return -1;
	*out = v;
	return 0;
}

/* strace refuses a name it does not know ("invalid system call"), unless it is written
 * ?NAME; classes, regexes, all and none are lt_filter's to check. */
static const char *unknown_name(const char *set)
{
	static char bad[64];
	char *dup = strdup(set), *save = NULL;
	const char *found = NULL;
	for (char *t = strtok_r(*dup == '!' ? dup + 1 : dup, ",", &save); t && !found;
	     t = strtok_r(NULL, ",", &save)) {
		char *at = strchr(t, '@'); /* @64, @32, @x32: a personality */
		if (at)
			*at = 0;
		if (*t == '?' || *t == '/' || *t == '%' || !strcmp(t, "all") || !strcmp(t, "none"))
			continue;
		if (lt_sysent_lookup(t) < 0 && !lt_class_lookup(t)) {
			snprintf(bad, sizeof(bad), "%s", t);
			found = bad;
		}
	}
	free(dup);
	return found;
}

/* Accumulates trace= sets given in several -e options. */
static char *join_expr(char *old, const char *add)
{
	if (!old)
		return strdup(add);
	size_t n = strlen(old) + strlen(add) + 2;
	char *p = malloc(n);
	if (!p)
		abort();
	snprintf(p, n, "%s,%s", old, add);
	free(old);
	return p;
}

enum {
	OPT_JSON = 256, OPT_TEF, OPT_PERFETTO, OPT_TOP, OPT_FILES, OPT_THREADS, OPT_HIST,
	OPT_SINCE, OPT_UNTIL, OPT_NOPID, OPT_HELP, OPT_FOLLOW, OPT_CHECK, OPT_VERSION,
	OPT_PIDPREFIX, OPT_AFTER, OPT_NAMES, OPT_RELATIVE, OPT_RELBASE, OPT_FIRST_EXECVE, OPT_CWD,
};

/* -r's precision: "s", "ms", "us", "ns" -> 1 + digits; -1 if unknown. */
static int rel_precision(const char *p)
{
	static const char *const names[] = { "s", "ms", "us", "ns" };
	if (!p)
		return 7;
	for (int i = 0; i < 4; i++)
		if (strcmp(p, names[i]) == 0 || (!strncmp(p, "precision:", 10) &&
						 !strcmp(p + 10, names[i])))
			return 1 + 3 * i;
	return -1;
}

/* -e QUALIFIER=VALUE other than trace=: 0, or 2 after a message. */
static int qualifier(struct lt_report_opts *o, const char *a)
{
	char err[128];
	struct lt_numset set;
	if (!strncmp(a, "status=", 7)) {
		if (lt_status_parse(a + 7, &o->status_mask) < 0)
			return bad_usage("invalid status", a + 7);
		if (!o->status_mask) /* strace: none shows no call at all */
			o->status_mask = 1u << 31;
	} else if (!strncmp(a, "signal=", 7) || !strncmp(a, "signals=", 8)) {
		o->signal_expr = strchr(a, '=') + 1;
		if (lt_numset_parse(&set, o->signal_expr, 1, err, sizeof(err)) < 0)
			return bad_usage(err, NULL);
	} else if (!strncmp(a, "read=", 5) || !strncmp(a, "reads=", 6) ||
		   !strncmp(a, "write=", 6) || !strncmp(a, "writes=", 7)) {
		const char *v = strchr(a, '=') + 1;
		if (lt_numset_parse(&set, v, 0, err, sizeof(err)) < 0)
			return bad_usage(err, NULL);
		*(a[0] == 'r' ? &o->dump_read : &o->dump_write) = v;
	} else {
		return bad_usage("unsupported -e qualifier", a);
	}
	return 0;
}

/* What the main loop and --follow hand each event to. */
struct feed {
	struct lt_report *rep;
	struct lt_filter *filt;
	const struct lt_output **outs;
	void **states;
	int nout;
	struct lt_hmap tids;
	uint64_t after_ns; /* --after-epoch-ns: calls and signals before it are not shown */
};

static int feed_event(void *ctx, const struct lt_event *ev)
{
	struct feed *fd = ctx;
	struct lt_report *rep = fd->rep;
	struct lt_report_opts *o = &rep->o;
	if (!ev) /* --follow: a pass is over, show it */
		return fflush(rep->out) == 0 ? 0 : -1;
	if (!rep->first_ts_ns)
		rep->first_ts_ns = ev->ts_ns;
	lt_decode_observe(&o->fmt, ev); /* decoders' own state (netlink sockets), shown or not */
	int early = ev->ts_ns < fd->after_ns && ev->type != LT_EV_PROCESS &&
		    ev->type != LT_EV_THREAD && ev->type != LT_EV_FD;
	if (early || !lt_filter_pass(fd->filt, rep, ev)) {
		/* -y knows what the program opened even when -e, -p or the time
		 * window hide the open itself */
		if (o->fmt.fds)
			lt_fdtab_update(o->fmt.fds, ev);
		return 0;
	}
	if (ev->type != LT_EV_PROCESS && ev->type != LT_EV_THREAD && ev->type != LT_EV_FD) {
		int added = 0;
		lt_hmap_add(&fd->tids, ev->tid, &added);
		if ((int)fd->tids.n > rep->nthreads_seen)
			rep->nthreads_seen = (int)fd->tids.n;
	}
	for (int i = 0; i < fd->nout; i++)
		if (fd->outs[i]->event && fd->outs[i]->event(rep, fd->states[i], ev) < 0)
			return -1;
	if (o->fmt.fds)
		lt_fdtab_update(o->fmt.fds, ev);
	return 0;
}

static volatile sig_atomic_t follow_stop;
static void on_stop(int sig) { (void)sig; follow_stop = 1; }

static const struct option longopts[] = {
	{ "json", no_argument, 0, OPT_JSON },
	{ "tef", required_argument, 0, OPT_TEF },
	{ "perfetto", required_argument, 0, OPT_PERFETTO },
	{ "top", required_argument, 0, OPT_TOP },
	{ "files", no_argument, 0, OPT_FILES },
	{ "threads", no_argument, 0, OPT_THREADS },
	{ "hist", required_argument, 0, OPT_HIST },
	{ "since", required_argument, 0, OPT_SINCE },
	{ "until", required_argument, 0, OPT_UNTIL },
	{ "no-pid", no_argument, 0, OPT_NOPID },
	{ "summary", no_argument, 0, 'c' },
	{ "output", required_argument, 0, 'o' },
	{ "help", no_argument, 0, OPT_HELP },
	{ "follow", no_argument, 0, OPT_FOLLOW },
	{ "check-options", no_argument, 0, OPT_CHECK },
	{ "version", no_argument, 0, OPT_VERSION },
	{ "pid-prefix", required_argument, 0, OPT_PIDPREFIX },
	{ "after-epoch-ns", required_argument, 0, OPT_AFTER },
	{ "syscall-names", no_argument, 0, OPT_NAMES },
	{ "relative-timestamps", optional_argument, 0, OPT_RELATIVE },
	{ "relative-base-ns", required_argument, 0, OPT_RELBASE },
	{ "first-execve", required_argument, 0, OPT_FIRST_EXECVE },
	{ "cwd", required_argument, 0, OPT_CWD },
	{ "syscall-number", no_argument, 0, 'n' },
	{ "successful-only", no_argument, 0, 'z' },
	{ "failed-only", no_argument, 0, 'Z' },
	{ "trace-path", required_argument, 0, 'P' },
	{ 0, 0, 0, 0 },
};

/* What the command line asks for beyond struct lt_report_opts. */
struct cmdline {
	char *expr;   /* the -e trace= sets, joined */
	int negated;  /* every -e trace= must agree on "!" (-1: none yet) */
	int follow, check;
	uint64_t after_ns;
	struct lt_event first_execve; /* --first-execve: pid 0 if not given */
};

/* An option handler's answer: handled, not this handler's option, or exit with a code (>= 0). */
#define OPT_DONE (-1)
#define OPT_NOT_MINE (-2)

/* -e SET, -e trace=SET, or -e QUALIFIER=VALUE. */
static int option_e(struct cmdline *cl, struct lt_report_opts *o, const char *arg)
{
	const char *a = arg;
	if (strncmp(a, "trace=", 6) == 0) {
		a += 6;
	} else if (strchr(a, '=') && *a != '/' && *a != '!' && *a != '?' && *a != '%') {
		int rc = qualifier(o, a);
		return rc ? rc : OPT_DONE;
	}
	const char *bad = unknown_name(a);
	if (bad) {
		fprintf(stderr, "libtrace-report: invalid system call '%s'\n", bad);
		return 2;
	}
	int neg = *a == '!';
	if (cl->negated >= 0 && neg != cl->negated)
		return bad_usage("cannot mix negated and plain -e trace= sets", arg);
	cl->negated = neg;
	cl->expr = join_expr(cl->expr, neg && cl->expr ? a + 1 : a);
	return OPT_DONE;
}

/* -p TID[,TID...] */
static int option_tids(struct lt_report_opts *o, const char *arg)
{
	unsigned long v;
	char *dup = strdup(arg), *save = NULL;
	for (char *t = strtok_r(dup, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		if (parse_uint(t, UINT32_MAX, &v) < 0 || !v) {
			free(dup);
			return bad_usage("bad -p", arg);
		}
		o->tids = realloc(o->tids, (size_t)(o->ntids + 1) * sizeof(*o->tids));
		if (!o->tids)
			abort();
		o->tids[o->ntids++] = (uint32_t)v;
	}
	free(dup);
	return OPT_DONE;
}

/* --first-execve PID,NS */
static int option_first_execve(struct cmdline *cl, char *arg)
{
	char *comma = strchr(arg, ',');
	unsigned long pid, v;
	if (!comma || (*comma = 0, parse_uint(arg, UINT32_MAX, &pid) < 0) ||
	    parse_uint(comma + 1, UINT64_MAX, &v) < 0 || !pid)
		return bad_usage("bad --first-execve (PID,NS)", arg);
	cl->first_execve.pid = cl->first_execve.tid = (uint32_t)pid;
	cl->first_execve.ts_ns = v;
	return OPT_DONE;
}

/* Which events: -e, -p, -P, -z, -Z, the time window, --cwd, --first-execve. */
static int filter_option(struct cmdline *cl, struct lt_report_opts *o, int c, char *arg)
{
	unsigned long v;
	switch (c) {
	case 'e': return option_e(cl, o, arg);
	case 'p': return option_tids(o, arg);
	case 'P':
		o->paths = realloc(o->paths, (size_t)(o->npaths + 1) * sizeof(*o->paths));
		if (!o->paths)
			abort();
		o->paths[o->npaths++] = arg;
		return OPT_DONE;
	case 'Z': o->status_mask = LT_STATUS_FAILED; return OPT_DONE;
	case 'z': o->status_mask = LT_STATUS_SUCCESSFUL; return OPT_DONE;
	case OPT_SINCE:
		if ((o->since_ns = parse_time(arg)) < 0)
			return bad_usage("bad --since", arg);
		return OPT_DONE;
	case OPT_UNTIL:
		if ((o->until_ns = parse_time(arg)) < 0)
			return bad_usage("bad --until", arg);
		return OPT_DONE;
	case OPT_AFTER:
		if (parse_uint(arg, UINT64_MAX, &v) < 0)
			return bad_usage("bad --after-epoch-ns", arg);
		cl->after_ns = v;
		return OPT_DONE;
	case OPT_CWD: o->start_cwd = arg; return OPT_DONE;
	case OPT_FIRST_EXECVE: return option_first_execve(cl, arg);
	}
	return OPT_NOT_MINE;
}

/* How lines look: timestamps, -n, -s, -x, -v, -X, -y, -T, the pid prefix. */
static int format_option(struct lt_report_opts *o, int c, const char *arg)
{
	unsigned long v;
	switch (c) {
	case 'r': o->rel_ts = 7; return OPT_DONE;
	case OPT_RELATIVE:
		if ((o->rel_ts = rel_precision(arg)) < 0)
			return bad_usage("bad --relative-timestamps (s, ms, us or ns)", arg);
		return OPT_DONE;
	case OPT_RELBASE:
		if (parse_uint(arg, UINT64_MAX, &v) < 0)
			return bad_usage("bad --relative-base-ns", arg);
		o->rel_base_ns = v;
		return OPT_DONE;
	case 'n': o->show_nr = 1; return OPT_DONE;
	case 's':
		if (parse_uint(arg, 1u << 30, &v) < 0)
			return bad_usage("bad -s", arg);
		o->fmt.strsize = (unsigned)v;
		return OPT_DONE;
	case 'x': o->fmt.hex++; return OPT_DONE;
	case 'v': o->fmt.verbose = 1; return OPT_DONE;
	case 'X':
		if (strcmp(arg, "raw") == 0)
			o->fmt.xlat = LT_XLAT_RAW;
		else if (strcmp(arg, "abbrev") == 0)
			o->fmt.xlat = LT_XLAT_ABBREV;
		else if (strcmp(arg, "verbose") == 0)
			o->fmt.xlat = LT_XLAT_VERBOSE;
		else
			return bad_usage("bad -X (raw, abbrev or verbose)", arg);
		return OPT_DONE;
	case 'y': o->fmt.show_fd_paths = 1; return OPT_DONE;
	case 't': o->ts_mode++; return OPT_DONE;
	case 'T': o->show_dur = 1; return OPT_DONE;
	case 'f': o->show_pid = 1; return OPT_DONE;
	case OPT_NOPID: o->show_pid = -1; return OPT_DONE;
	case OPT_PIDPREFIX:
		if (strcmp(arg, "bare") && strcmp(arg, "pid"))
			return bad_usage("bad --pid-prefix (bare or pid)", arg);
		o->pid_bare = !strcmp(arg, "bare");
		return OPT_DONE;
	}
	return OPT_NOT_MINE;
}

/* Which outputs, and the options that print something and exit. */
static int output_option(struct cmdline *cl, struct lt_report_opts *o, int c, char *arg)
{
	unsigned long v;
	switch (c) {
	case 'c': o->summary = 1; return OPT_DONE;
	case 'o': o->out_file = arg; return OPT_DONE;
	case OPT_JSON: o->json = 1; return OPT_DONE;
	case OPT_TEF: o->tef_file = arg; return OPT_DONE;
	case OPT_PERFETTO: o->perfetto_file = arg; return OPT_DONE;
	case OPT_TOP:
		if (parse_uint(arg, 1u << 24, &v) < 0 || !v)
			return bad_usage("bad --top", arg);
		o->top_n = (int)v;
		return OPT_DONE;
	case OPT_FILES: o->files_view = 1; return OPT_DONE;
	case OPT_THREADS: o->threads_view = 1; return OPT_DONE;
	case OPT_HIST: o->hist_name = arg; return OPT_DONE;
	case OPT_FOLLOW: cl->follow = 1; return OPT_DONE;
	case OPT_CHECK: cl->check = 1; return OPT_DONE;
	case OPT_NAMES: /* for shell completion */
		for (unsigned nr = 0; nr < LT_NSYSCALLS; nr++)
			if (lt_sysent_get(nr))
				puts(lt_sysent_get(nr)->name);
		return 0;
	case OPT_VERSION:
		printf("libtrace-report %s\n", LT_VERSION);
		return 0;
	case 'h':
	case OPT_HELP:
		fputs(usage, stdout);
		return 0;
	}
	return OPT_NOT_MINE;
}

/* Fills rep's options and CL from the command line: OPT_DONE, or the exit code. */
static int parse_options(int argc, char **argv, struct lt_report *rep, struct cmdline *cl)
{
	struct lt_report_opts *o = &rep->o;
	o->since_ns = o->until_ns = -1;
	o->fmt.strsize = 32;
	o->fmt.xlat = LT_XLAT_ABBREV;
	cl->negated = -1;
	cl->first_execve = (struct lt_event){ .type = LT_EV_SYSCALL, .nr = LT_NR_execve,
					      .name = "execve" };
	int c;
	while ((c = getopt_long(argc, argv, "ce:zZp:o:s:xvX:ytTfhrnP:", longopts, NULL)) != -1) {
		int rc = filter_option(cl, o, c, optarg);
		if (rc == OPT_NOT_MINE)
			rc = format_option(o, c, optarg);
		if (rc == OPT_NOT_MINE)
			rc = output_option(cl, o, c, optarg);
		if (rc == OPT_NOT_MINE)
			return bad_usage("bad option", NULL);
		if (rc != OPT_DONE)
			return rc;
	}
	if (optind >= argc && !cl->check)
		return bad_usage("no LOG or DIR given", NULL);
	if (cl->follow && argc - optind != 1)
		return bad_usage("--follow takes one DIR", NULL);
	if (o->ts_mode > 3)
		o->ts_mode = 3;
	if (o->fmt.hex > 2)
		o->fmt.hex = 2;
	o->trace_expr = cl->expr;
	return OPT_DONE;
}

/* The outputs the options ask for (the strace-style text if none); returns how many. */
static int select_outputs(const struct lt_report_opts *o, const struct lt_output *outs[10])
{
	int nout = 0;
	if (o->summary)
		outs[nout++] = &lt_out_summary;
	if (o->json)
		outs[nout++] = &lt_out_json;
	if (o->tef_file)
		outs[nout++] = &lt_out_tef;
	if (o->perfetto_file)
		outs[nout++] = &lt_out_perfetto;
	if (o->top_n)
		outs[nout++] = &lt_out_top;
	if (o->files_view)
		outs[nout++] = &lt_out_files;
	if (o->threads_view)
		outs[nout++] = &lt_out_threads;
	if (o->hist_name)
		outs[nout++] = &lt_out_hist;
	if (!nout)
		outs[nout++] = &lt_out_text;
	return nout;
}

/* rep->out: stdout or -o FILE, fully buffered; 0, or -1 after a message. */
static int open_output(struct lt_report *rep)
{
	const char *file = rep->o.out_file;
	rep->out = stdout;
	if (file && !(rep->out = fopen(file, "w"))) {
		fprintf(stderr, "libtrace-report: %s: %s\n", file, strerror(errno));
		return -1;
	}
	static char obuf[1 << 16];
	setvbuf(rep->out, obuf, _IOFBF, sizeof(obuf));
	return 0;
}

/* Feeds every event to the outputs: the logs in time order, or with --follow, DIR's
 * events as they come until SIGINT or SIGTERM. 0, or -1 if an output failed; *errors
 * counts --follow's unreadable inputs. */
static int feed_all(struct feed *fd, struct lt_reader *rd, const char *follow_dir,
		    unsigned *errors)
{
	if (follow_dir) {
		struct sigaction sa = { .sa_handler = on_stop };
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		/* a launcher starts us with these blocked, so that one sent before we got
		 * here is not lost */
		sigset_t set;
		sigemptyset(&set);
		sigaddset(&set, SIGINT);
		sigaddset(&set, SIGTERM);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		int rc = lt_follow(follow_dir, feed_event, fd, &follow_stop);
		if (rc < 0)
			return -1;
		*errors = (unsigned)rc;
		return 0;
	}
	struct lt_event ev;
	while (lt_reader_next(rd, &ev) == 1)
		if (feed_event(fd, &ev) < 0)
			return -1;
	return 0;
}

/* Ends the outputs that began (whatever was read is still worth its summary, even after
 * a bad input) and flushes and closes rep->out: 0, or -1 if any of it failed. */
static int end_outputs(struct feed *fd, int began)
{
	struct lt_report *rep = fd->rep;
	int failed = 0;
	for (int i = 0; i < began; i++)
		if (fd->outs[i]->end && fd->outs[i]->end(rep, fd->states[i]) < 0)
			failed = 1;
	if (fflush(rep->out) != 0 || ferror(rep->out)) {
		fprintf(stderr, "libtrace-report: %s: write error\n",
			rep->o.out_file ? rep->o.out_file : "stdout");
		failed = 1;
	}
	if (rep->out != stdout)
		fclose(rep->out);
	return failed ? -1 : 0;
}

static void free_options(struct lt_report_opts *o, struct cmdline *cl)
{
	free(o->tids);
	free(cl->expr);
	free(o->paths);
}

int main(int argc, char **argv)
{
	struct lt_report rep;
	memset(&rep, 0, sizeof(rep));
	struct lt_report_opts *o = &rep.o;
	struct cmdline cl = { 0 };
	int rc = parse_options(argc, argv, &rep, &cl);
	if (rc != OPT_DONE)
		return rc;

	char err[256];
	struct lt_filter *filt = lt_filter_new(o, err, sizeof(err));
	if (!filt)
		return bad_usage(err, NULL);
	if (cl.check) {
		lt_filter_free(filt);
		free_options(o, &cl);
		return 0;
	}

	const struct lt_output *outs[10];
	void *states[10];
	int nout = select_outputs(o, outs);
	struct lt_reader *rd = lt_reader_new();
	int usable = cl.follow; /* --follow: the run may not have begun yet */
	for (int i = optind; i < argc && !cl.follow; i++)
		if (lt_reader_add(rd, argv[i]) == 0)
			usable++;
	if (!usable) { /* every input was reported: nothing to format */
		lt_reader_free(rd);
		lt_filter_free(filt);
		free_options(o, &cl);
		return 1;
	}
	if (open_output(&rep) < 0)
		return 1;
	o->fmt.fds = lt_fdtab_new(); /* the descriptor model: -y, --files */
	lt_fdtab_set_start_cwd(o->fmt.fds, o->start_cwd);

	/* strace -f prefixes lines once there are several tasks; knowing the inputs, decide
	 * for the whole report, unless -p picked out a single task. */
	if (!cl.follow && o->ntids != 1 && lt_reader_ntasks(rd) > 1)
		rep.nthreads_seen = 2;
	int failed = 0, began = 0;
	for (; began < nout; began++)
		if (outs[began]->begin(&rep, &states[began]) < 0) {
			failed = 1;
			break;
		}
	struct feed fd = { &rep, filt, outs, states, nout, { 0 }, cl.after_ns };
	rep.filt = filt;
	/* counted as given: the launcher printed it, having applied the filters itself */
	for (int i = 0; i < nout && cl.first_execve.pid && !failed; i++)
		if (outs[i]->event && outs[i]->event(&rep, states[i], &cl.first_execve) < 0)
			failed = 1;
	unsigned errors = 0;
	if (!failed && feed_all(&fd, rd, cl.follow ? argv[optind] : NULL, &errors) < 0)
		failed = 1;
	if (end_outputs(&fd, began) < 0)
		failed = 1;

	errors += lt_reader_errors(rd);
	lt_reader_free(rd);
	lt_filter_free(filt);
	lt_hmap_free(&fd.tids);
	if (o->fmt.fds)
		lt_fdtab_free(o->fmt.fds);
	lt_decode_free(&o->fmt);
	free_options(o, &cl);
	if (!failed)
		lt_retention_prune(argv + optind, argc - optind);
	return failed || errors ? 1 : 0;
}
