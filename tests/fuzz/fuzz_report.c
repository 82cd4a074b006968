/* libFuzzer target over the whole report: the input is one file, a binary log or strace
 * text (the reader decides by content, as for a file on the command line), read by the
 * reader and fed, like libtrace-report's main loop does, to every output at once (text,
 * -c, --json, --tef, --perfetto, --top, --files, --threads, --hist) and to the descriptor
 * model, with formatting options taken from the input's length so that -y, -x, -xx, -v,
 * -X raw/verbose and -s get their share. Outputs go to /dev/null.
 *
 * Built by `make fuzz` with clang -fsanitize=fuzzer,address,undefined and run for
 * FUZZ_SECONDS; every crash it finds goes into tests/fuzz/corpus/ (replayed by make test). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "lt_filter.h"
#include "lt_reader.h"
#include "lt_report.h"

static const struct lt_output *const outs[] = {
	&lt_out_text, &lt_out_summary, &lt_out_json, &lt_out_tef, &lt_out_perfetto,
	&lt_out_top, &lt_out_files, &lt_out_threads, &lt_out_hist,
};
#define NOUT (sizeof outs / sizeof outs[0])

static int memfd = -1;
static char path[64];
static FILE *devnull;

static void options(struct lt_report_opts *o, size_t n)
{
	unsigned v = (unsigned)(n * 2654435761u >> 24);
	o->since_ns = o->until_ns = -1;
	o->fmt.strsize = (v & 1) ? 4 : 32;
	o->fmt.hex = (int)((v >> 1) % 3);
	o->fmt.verbose = (v >> 3) & 1;
	o->fmt.xlat = (enum lt_xlat_style)((v >> 4) % 3);
	o->fmt.show_fd_paths = (v >> 6) & 1;
	o->ts_mode = (int)((v >> 7) & 3);
	o->show_dur = 1;
	o->top_n = 3;
	o->files_view = o->threads_view = 1;
	o->hist_name = (v & 2) ? "read" : "write";
	o->summary = o->json = 1;
	o->tef_file = o->perfetto_file = "/dev/null";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (memfd < 0) {
		memfd = memfd_create("lt-fuzz", 0);
		if (memfd < 0)
			abort();
		snprintf(path, sizeof path, "/proc/self/fd/%d", memfd);
		devnull = fopen("/dev/null", "w");
		if (!devnull)
			abort();
	}
	if (ftruncate(memfd, 0) < 0 || (size && pwrite(memfd, data, size, 0) != (ssize_t)size))
		abort();

	struct lt_report rep;
	memset(&rep, 0, sizeof rep);
	options(&rep.o, size);
	rep.out = devnull;
	char err[128];
	struct lt_filter *filt = lt_filter_new(&rep.o, err, sizeof err);
	struct lt_reader *rd = lt_reader_new();
	if (lt_reader_add(rd, path) == 0) {
		rep.o.fmt.fds = lt_fdtab_new();
		if (lt_reader_ntasks(rd) > 1)
			rep.nthreads_seen = 2;
		void *st[NOUT];
		size_t began = 0;
		while (began < NOUT && outs[began]->begin(&rep, &st[began]) == 0)
			began++;
		struct lt_event ev;
		while (began == NOUT && lt_reader_next(rd, &ev) == 1) {
			if (!rep.first_ts_ns)
				rep.first_ts_ns = ev.ts_ns;
			if (lt_filter_pass(filt, &rep, &ev))
				for (size_t i = 0; i < NOUT; i++)
					outs[i]->event(&rep, st[i], &ev);
			lt_fdtab_update(rep.o.fmt.fds, &ev);
		}
		for (size_t i = 0; i < began; i++)
			outs[i]->end(&rep, st[i]);
		lt_fdtab_free(rep.o.fmt.fds);
	}
	lt_reader_free(rd);
	lt_filter_free(filt);
	return 0;
}
