/* libtrace-report: options, and the one interface every output format implements
 * (text, summary, json, tef, perfetto, views), fed by one event reader in time order. */
#ifndef LT_REPORT_H
#define LT_REPORT_H

#include <stdint.h>
#include <stdio.h>

#include "lt_decode.h"
#include "lt_event.h"

struct lt_report_opts {
	/* filters (applied by the reader loop before any output sees an event) */
	const char *trace_expr;  /* -e trace=... as given, NULL = all */
	unsigned status_mask;    /* -z, -Z, -e status=: LT_STATUS_* (lt_filter.h); 0 every call */
	const char *signal_expr; /* -e signal=SET: whose "--- SIG" lines show; NULL all */
	const char **paths; int npaths; /* -P PATH...: calls that touch one of them */
	const char *start_cwd;   /* --cwd: the command's first working directory */
	uint32_t *tids; int ntids; /* -p TID,... (pid or tid) */
	int64_t since_ns, until_ns; /* --since/--until, relative to the first event; -1 unset */

	/* text output */
	int ts_mode;        /* 0 none, 1 -t, 2 -tt, 3 -ttt */
	int rel_ts;         /* -r: 1 + digits after the point (0 s, 3 ms, 6 us, 9 ns); 0 off */
	uint64_t rel_base_ns; /* the time of the line before the first (the launcher's execve) */
	int show_nr;        /* -n: "[ NNN] " before each call */
	const char *dump_read, *dump_write; /* -e read=SET, write=SET: descriptors to dump */
	int show_dur;       /* -T */
	int show_pid;       /* -f style [pid N] prefix: 1 always, 0 auto (when >1 thread), -1 never */
	int pid_bare;       /* the prefix as strace -f -o writes it: "N  ", not "[pid N] " */
	struct lt_fmt fmt;  /* -s -x -v -X -y */

	/* views and files */
	int summary;        /* -c */
	int json;           /* --json */
	const char *tef_file;      /* --tef FILE (.gz: gzip) */
	const char *perfetto_file; /* --perfetto FILE */
	int top_n;          /* --top N */
	int files_view;     /* --files */
	int threads_view;   /* --threads */
	const char *hist_name; /* --hist NAME */
	const char *out_file;  /* -o FILE (text/summary/json/views) or NULL for stdout */
};

struct lt_report {
	struct lt_report_opts o;
	FILE *out;               /* where text/summary/json/views go */
	uint64_t first_ts_ns;    /* wall ns of the first event read (0 until known) */
	int nthreads_seen;       /* distinct tids so far (for the auto pid prefix) */
	struct lt_filter *filt;  /* the filters every event went through (lt_filter.h) */
};

/* One output format. begin gets a place for its state; event sees every event that passed
 * the filters, in time order; end writes what is left. Return 0 or -1 (message printed). */
struct lt_output {
	const char *name;
	int (*begin)(struct lt_report *r, void **state);
	int (*event)(struct lt_report *r, void *state, const struct lt_event *ev);
	int (*end)(struct lt_report *r, void *state);
};

extern const struct lt_output lt_out_text, lt_out_summary, lt_out_json, lt_out_tef,
	lt_out_perfetto, lt_out_top, lt_out_files, lt_out_threads, lt_out_hist;

#endif
