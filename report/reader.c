/* Binary log reader and the time-ordered merge of every input (see lt_reader.h).
 *
 * Each input is mmapped. A binary log becomes one cursor per thread (its chunks, found by
 * one scan of the chunk headers, linked in file order) plus a cursor for the header's
 * process event; a strace text file is one cursor. A min-heap over cursors, keyed by each
 * cursor's next timestamp, yields the merged stream. Nothing in a file is trusted: every
 * size is checked against the chunk and the file before it is used. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lt_log.h"
#include "lt_mem.h"
#include "lt_reader.h"
#include "lt_syscall.h"

#ifndef LT_SC_DELAYED /* lib/lt_log.h's, from the injection work: the same bit */
#define LT_SC_DELAYED 0x10u
#endif

#define NO_CHUNK UINT32_MAX
_Static_assert((LT_READER_WINDOW & (LT_READER_WINDOW - 1)) == 0, "a power of two");

struct src {
	char *path;
	const uint8_t *map;
	size_t size;
	int text;
	/* binary */
	uint32_t pid, ppid, flags;
	uint64_t mono_ns, wall_ns;
	uint32_t data_offset, chunk_size, nchunks;
	uint32_t *next_chunk; /* per chunk: the same thread's next chunk, or NO_CHUNK */
	struct cursor **threads; /* its thread cursors */
	size_t nthreads;
	uint32_t swept;       /* chunks below this were given back to the kernel */
	size_t text_swept;    /* strace text: bytes below this were given back */
	char comm[17];
	int bad; /* already reported once: later problems only end what they touch */
};

enum cur_kind { CUR_HEADER, CUR_THREAD, CUR_TEXT };

struct wrec { /* a validated record waiting in a thread's reorder window */
	uint64_t ts, dur, off;
	uint32_t size, seq;
};

struct cursor {
	enum cur_kind kind;
	struct src *f;
	unsigned order; /* creation order: ties in time go to the earlier cursor */
	int live;       /* ev holds the next event */
	struct lt_event ev;
	/* CUR_THREAD */
	uint32_t tid, chunk;
	uint64_t pos, end; /* next record, end of the current chunk */
	struct wrec win[LT_READER_WINDOW]; /* a ring, sorted from whead */
	unsigned whead, nwin;
	uint32_t seq;
	char name[32];
	/* CUR_TEXT */
	struct lt_strace *sp;
	size_t tpos;
};

struct execlog { uint32_t pid; uint64_t wall; };

struct lt_reader {
	struct src **srcs;
	size_t nsrcs;
	struct cursor **cur; /* all cursors */
	size_t ncur;
	struct cursor **heap;
	size_t nheap;
	struct cursor *last; /* popped by the previous lt_reader_next: advance it first */
	int started;
	unsigned errors;
	struct execlog *execs;
	size_t nexecs;
};

static void report(struct lt_reader *r, struct src *f, uint64_t off, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void report(struct lt_reader *r, struct src *f, uint64_t off, const char *fmt, ...)
{
	va_list ap;
	/* One line per input: after the first problem, later ones are only counted. */
	if (f->bad)
		return;
	r->errors++;
	f->bad = 1;
	fprintf(stderr, "libtrace-report: %s: offset %llu: ", f->path, (unsigned long long)off);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

struct lt_reader *lt_reader_new(void) { return lt_xcalloc(1, sizeof(struct lt_reader)); }

unsigned lt_reader_errors(const struct lt_reader *r) { return r->errors; }

/* Tasks in strace text: 1 or 2 (meaning several). strace -f -o prefixes every line with
 * the task's id ("N " or "[pid N] ") even when there is only one; stop at the second. */
static unsigned scan_tasks(const struct src *f)
{
	const uint8_t *m = f->map, *end = m + f->size;
	unsigned long first = 0;
	int have = 0;
	while (m < end) {
		const uint8_t *p = m;
		if (end - p > 5 && memcmp(p, "[pid ", 5) == 0)
			for (p += 5; p < end && *p == ' '; p++)
				;
		unsigned long v = 0;
		const uint8_t *d = p;
		while (p < end && isdigit(*p) && v < (1ul << 32))
			v = v * 10 + (unsigned long)(*p++ - '0');
		if (p == d || p >= end || (*p != ' ' && *p != ']'))
			return 1; /* no prefix: strace without -f */
		if (have && v != first)
			return 2;
		first = v;
		have = 1;
		const uint8_t *nl = memchr(p, '\n', (size_t)(end - p));
		m = nl ? nl + 1 : end;
	}
	return 1;
}

static unsigned text_tasks(const struct src *f)
{
	unsigned n = scan_tasks(f);
	/* the scan touched the file through the mapping: give it back before reading */
	madvise((void *)f->map, f->size, MADV_DONTNEED);
	return n;
}

unsigned lt_reader_ntasks(const struct lt_reader *r)
{
	unsigned n = 0;
	for (size_t i = 0; i < r->ncur; i++) {
		const struct cursor *c = r->cur[i];
		if (c->kind == CUR_THREAD)
			n++;
		else if (c->kind == CUR_TEXT)
			n += text_tasks(c->f);
	}
	return n;
}

static struct cursor *add_cursor(struct lt_reader *r, struct src *f, enum cur_kind k)
{
	struct cursor *c = lt_xcalloc(1, sizeof(*c));
	c->kind = k;
	c->f = f;
	c->order = (unsigned)r->ncur;
	r->cur = lt_xrealloc(r->cur, (r->ncur + 1) * sizeof(*r->cur));
	r->cur[r->ncur++] = c;
	return c;
}

/* ---- binary logs ---- */

/* The file header: checked (a reader trusts no size in a file), then kept in f. */
static int read_header(struct lt_reader *r, struct src *f)
{
	const uint8_t *m = f->map;
	struct lt_file_header h;
	if (f->size < offsetof(struct lt_file_header, version) + 2) {
		report(r, f, f->size, "truncated log header (%zu bytes)", f->size);
		return -1;
	}
	uint16_t version;
	memcpy(&version, m + offsetof(struct lt_file_header, version), 2);
	if (version < LT_LOG_VERSION_MIN || version > LT_LOG_VERSION) {
		report(r, f, offsetof(struct lt_file_header, version),
		       "log format version %u is not supported (this build reads %u..%u)",
		       version, LT_LOG_VERSION_MIN, LT_LOG_VERSION);
		return -1;
	}
	if (f->size < sizeof(h)) {
		report(r, f, f->size, "truncated log header (%zu of %zu bytes)", f->size,
		       sizeof(h));
		return -1;
	}
	memcpy(&h, m, sizeof(h));
	if (h.header_size < sizeof(h)) {
		report(r, f, offsetof(struct lt_file_header, header_size),
		       "header_size %u is smaller than version %u's %zu", h.header_size,
		       version, sizeof(h));
		return -1;
	}
	if (h.arch != LT_ARCH_X86_64) {
		report(r, f, offsetof(struct lt_file_header, arch),
		       "arch 0x%x is not x86-64", h.arch);
		return -1;
	}
	if (h.data_offset % 4096 || h.data_offset < h.header_size ||
	    h.data_offset > LT_DATA_OFFSET_MAX) {
		report(r, f, offsetof(struct lt_file_header, data_offset),
		       "bad data_offset %u", h.data_offset);
		return -1;
	}
	if (h.chunk_size % 4096 || h.chunk_size < LT_CHUNK_SIZE_MIN ||
	    h.chunk_size > LT_CHUNK_SIZE_MAX) {
		report(r, f, offsetof(struct lt_file_header, chunk_size),
		       "bad chunk_size %u", h.chunk_size);
		return -1;
	}
	f->pid = h.pid;
	f->ppid = h.ppid;
	f->flags = h.flags;
	f->mono_ns = h.mono_ns;
	f->wall_ns = h.wall_ns;
	f->data_offset = h.data_offset;
	f->chunk_size = h.chunk_size;
	memcpy(f->comm, h.comm, 16);
	f->comm[16] = 0;
	if (f->size < h.data_offset) {
		if (f->size < h.header_size)
			report(r, f, f->size, "truncated log header");
		f->nchunks = 0;
	} else {
		uint64_t n = (f->size - h.data_offset + h.chunk_size - 1) / h.chunk_size;
		f->nchunks = n > NO_CHUNK - 1 ? NO_CHUNK - 1 : (uint32_t)n;
	}
	return 0;
}

/* Links each thread's chunks in file order; one cursor per thread. */
static void link_chunks(struct lt_reader *r, struct src *f, int fd)
{
	f->next_chunk = lt_xcalloc(f->nchunks, sizeof(uint32_t));
	struct cursor **last = NULL; /* per thread: its cursor, and its latest chunk so far */
	uint32_t *tail = NULL;
	size_t nth = 0, cap = 0;
	for (uint32_t i = 0; i < f->nchunks; i++) {
		uint64_t off = f->data_offset + (uint64_t)i * f->chunk_size;
		f->next_chunk[i] = NO_CHUNK;
		if (off + sizeof(struct lt_chunk_header) > f->size) {
			report(r, f, off, "truncated chunk header at the end of the file");
			break;
		}
		/* pread, not the mapping: a page touched through it maps its neighbours too
		 * (fault-around), which for small chunks would be the whole file at once. */
		struct lt_chunk_header ch;
		if (pread(fd, &ch, sizeof(ch), (off_t)off) != (ssize_t)sizeof(ch)) {
			report(r, f, off, "cannot read the chunk header: %s", strerror(errno));
			break;
		}
		if (ch.magic != LT_CHUNK_MAGIC)
			continue;
		size_t t;
		for (t = nth; t-- > 0;)
			if (last[t]->tid == ch.tid)
				break;
		if (t == (size_t)-1) {
			if (nth == cap) {
				cap = cap ? cap * 2 : 16;
				last = lt_xrealloc(last, cap * sizeof(*last));
				tail = lt_xrealloc(tail, cap * sizeof(*tail));
			}
			struct cursor *c = add_cursor(r, f, CUR_THREAD);
			c->tid = ch.tid;
			c->chunk = i;
			c->pos = off + sizeof(ch);
			c->end = off + f->chunk_size < f->size ? off + f->chunk_size : f->size;
			last[nth] = c;
			tail[nth] = i;
			nth++;
			f->threads = lt_xrealloc(f->threads, nth * sizeof(*f->threads));
			f->threads[nth - 1] = c;
			f->nthreads = nth;
		} else {
			f->next_chunk[tail[t]] = i;
			tail[t] = i;
		}
	}
	free(last);
	free(tail);
}

static int open_binary(struct lt_reader *r, struct src *f, int fd)
{
	const uint8_t *m = f->map;
	if (read_header(r, f) < 0)
		return -1;
	struct cursor *hc = add_cursor(r, f, CUR_HEADER);
	link_chunks(r, f, fd);
	/* The header's process event stands in for a process record; a log whose first
	 * record is one (the shim writes it first) needs no stand-in. */
	if (f->nchunks && f->size >= (uint64_t)f->data_offset + sizeof(struct lt_chunk_header) +
					   sizeof(struct lt_rec_header)) {
		struct lt_rec_header h0;
		memcpy(&h0, m + f->data_offset + sizeof(struct lt_chunk_header), sizeof(h0));
		if (h0.type == LT_REC_PROCESS && h0.size >= sizeof(struct lt_rec_process))
			hc->live = 1; /* marks it spent: it never yields */
	}
	if (f->flags & LT_LOG_F_EXEC) {
		r->execs = lt_xrealloc(r->execs, (r->nexecs + 1) * sizeof(*r->execs));
		r->execs[r->nexecs++] = (struct execlog){ f->pid, f->wall_ns };
	}
	return 0;
}

static uint64_t to_wall(const struct src *f, uint64_t mono) { return mono - f->mono_ns + f->wall_ns; }

/* Gives back the pages every thread of the file has read past, a few MiB at a time (each
 * madvise costs a TLB flush), so memory stays a few chunks per thread, not the file size.
 * A page dropped too early is only read again: the mapping is private and never written. */
static void sweep(struct src *f)
{
	uint32_t m = NO_CHUNK;
	for (size_t i = 0; i < f->nthreads; i++) {
		const struct cursor *t = f->threads[i];
		if (t->chunk < m)
			m = t->chunk;
		for (unsigned k = 0; k < t->nwin; k++) {
			uint64_t off = t->win[(t->whead + k) % LT_READER_WINDOW].off;
			uint32_t ch = (uint32_t)((off - f->data_offset) / f->chunk_size);
			if (ch < m)
				m = ch;
		}
	}
	if (m <= f->swept || (m != NO_CHUNK && (uint64_t)(m - f->swept) * f->chunk_size < (4u << 20)))
		return;
	uint64_t from = f->data_offset + (uint64_t)f->swept * f->chunk_size;
	uint64_t to = m == NO_CHUNK ? f->size : f->data_offset + (uint64_t)m * f->chunk_size;
	if (to > f->size)
		to = f->size;
	if (from < to)
		madvise((void *)(f->map + from), to - from, MADV_DONTNEED);
	f->swept = m;
}

static int next_chunk(struct cursor *c)
{
	struct src *f = c->f;
	if (c->chunk == NO_CHUNK)
		return 0;
	uint32_t n = f->next_chunk[c->chunk];
	c->chunk = n;
	sweep(f);
	if (n == NO_CHUNK)
		return 0;
	uint64_t off = f->data_offset + (uint64_t)n * f->chunk_size;
	c->pos = off + sizeof(struct lt_chunk_header);
	c->end = off + f->chunk_size < f->size ? off + f->chunk_size : f->size;
	return 1;
}

static size_t min_size(unsigned type)
{
	switch (type) {
	case LT_REC_SYSCALL: return sizeof(struct lt_rec_syscall);
	case LT_REC_SIGNAL: return sizeof(struct lt_rec_signal);
	case LT_REC_EXIT: return sizeof(struct lt_rec_exit);
	case LT_REC_LOST: return sizeof(struct lt_rec_lost);
	case LT_REC_WINDOW: return sizeof(struct lt_rec_window);
	case LT_REC_THREAD: return sizeof(struct lt_rec_thread);
	case LT_REC_PROCESS: return sizeof(struct lt_rec_process);
	case LT_REC_FD: return sizeof(struct lt_rec_fd);
	case LT_REC_NOTE: return sizeof(struct lt_rec_note);
	default: return 0;
	}
}

/* Checks what a record holds beyond its fixed part; returns NULL or what is wrong. */
static const char *check_body(const uint8_t *p, uint32_t size, unsigned type)
{
	if (type == LT_REC_SYSCALL) {
		struct lt_rec_syscall s;
		memcpy(&s, p, sizeof(s));
		uint64_t off = sizeof(s);
		for (uint32_t i = 0; i < s.ncaps; i++) {
			struct lt_cap cap;
			if (off + sizeof(cap) > size)
				return "capture count runs past the record";
			memcpy(&cap, p + off, sizeof(cap));
			if (cap.arg > 5)
				return "capture of an argument past the sixth";
			off += sizeof(cap);
			if (LT_ALIGN8((uint64_t)cap.len) > size - off)
				return "capture length runs past the record";
			off += LT_ALIGN8((uint64_t)cap.len);
		}
	} else if (type == LT_REC_PROCESS) {
		struct lt_rec_process pr;
		memcpy(&pr, p, sizeof(pr));
		if (pr.cmdline_len > size - sizeof(pr))
			return "command line length runs past the record";
	} else if (type == LT_REC_FD) {
		struct lt_rec_fd fr;
		memcpy(&fr, p, sizeof(fr));
		if (fr.path_len > size - sizeof(fr))
			return "descriptor path length runs past the record";
	} else if (type == LT_REC_NOTE) {
		struct lt_rec_note nr;
		memcpy(&nr, p, sizeof(nr));
		if (nr.text_len > size - sizeof(nr))
			return "note text length runs past the record";
	}
	return NULL;
}

/* Reads the thread's next valid record into *w: 1, or 0 when the thread has no more. */
static int fetch(struct lt_reader *r, struct cursor *c, struct wrec *w)
{
	struct src *f = c->f;
	for (;;) {
		if (c->chunk == NO_CHUNK)
			return 0;
		if (c->pos + sizeof(struct lt_rec_header) > c->end) {
			if (c->end < f->data_offset + (uint64_t)(c->chunk + 1) * f->chunk_size &&
			    c->pos < c->end)
				report(r, f, c->pos, "truncated record header at the end of the file");
			next_chunk(c);
			continue;
		}
		struct lt_rec_header h;
		memcpy(&h, f->map + c->pos, sizeof(h));
		if (h.size == 0) {
			next_chunk(c);
			continue;
		}
		if (h.size % 8 || h.size < sizeof(h) || h.size > c->end - c->pos) {
			uint64_t chunk_end = f->data_offset + (uint64_t)(c->chunk + 1) * f->chunk_size;
			if (h.size % 8 == 0 && h.size >= sizeof(h) && c->end < chunk_end &&
			    c->pos + h.size <= chunk_end)
				report(r, f, c->pos, "truncated record (%u bytes, %llu in the file)",
				       h.size, (unsigned long long)(c->end - c->pos));
			else
				report(r, f, c->pos, "bad record size %u (type %u, thread %u)",
				       h.size, h.type, c->tid);
			next_chunk(c);
			continue;
		}
		uint64_t off = c->pos;
		c->pos += h.size;
		size_t need = min_size(h.type);
		if (!need)
			continue; /* a record type this build does not know */
		if (h.size < need) {
			report(r, f, off, "record of type %u is %u bytes, less than its %zu",
			       h.type, h.size, need);
			continue;
		}
		const char *why = check_body(f->map + off, h.size, h.type);
		if (why) {
			report(r, f, off, "%s", why);
			continue;
		}
		w->ts = h.ts;
		w->dur = 0;
		if (h.type == LT_REC_SYSCALL)
			memcpy(&w->dur, f->map + off + offsetof(struct lt_rec_syscall, dur), 8);
		w->off = off;
		w->size = h.size;
		w->seq = c->seq++;
		return 1;
	}
}

/* Entry order; at the same entry time, the longer call (the enclosing one) first, then
 * file order. */
static int wrec_before(const struct wrec *a, const struct wrec *b)
{
	if (a->ts != b->ts)
		return a->ts < b->ts;
	if (a->dur != b->dur)
		return a->dur > b->dur;
	return a->seq < b->seq;
}

static int exec_followed(struct lt_reader *r, uint32_t pid, uint64_t wall, uint64_t *when)
{
	int found = 0;
	for (size_t i = 0; i < r->nexecs; i++)
		if (r->execs[i].pid == pid && r->execs[i].wall >= wall &&
		    (!found || r->execs[i].wall < *when)) {
			*when = r->execs[i].wall;
			found = 1;
		}
	return found;
}

/* A syscall record: the call, its captures, and an unfinished execve resolved by the log
 * of the image it started. */
static void make_syscall_event(struct lt_reader *r, struct cursor *c, const uint8_t *p,
			       const struct lt_rec_header *hp)
{
	struct src *f = c->f;
	struct lt_event *ev = &c->ev;
	struct lt_rec_header h = *hp;
	struct lt_rec_syscall s;
	memcpy(&s, p, sizeof(s));
	const struct lt_sysent *se = lt_sysent_get(s.nr);
	ev->type = LT_EV_SYSCALL;
	ev->nr = (int)s.nr;
	if (se) {
		ev->name = se->name;
	} else {
		snprintf(c->name, sizeof(c->name), "syscall_%#x", s.nr);
		ev->name = c->name;
	}
	memcpy(ev->args, s.args, sizeof(ev->args));
	ev->ret = s.ret;
	ev->dur_ns = s.dur;
	ev->ncaps = s.ncaps;
	ev->caps = p + sizeof(s);
	ev->caps_len = h.size - sizeof(s);
	if (h.flags & LT_SC_FAST)
		ev->flags |= LT_EVF_FAST;
	if (h.flags & LT_SC_INJECTED)
		ev->flags |= LT_EVF_INJECTED;
	if (h.flags & LT_SC_RESTART)
		ev->flags |= LT_EVF_RESTART;
	if (h.flags & LT_SC_DELAYED)
		ev->flags |= LT_EVF_DELAYED;
	if (h.flags & LT_SC_UNFINISHED) {
		uint64_t when = 0;
		/* A successful execve never returns to the recorder; the new image's log
		 * is the proof it succeeded. */
		if ((s.nr == 59 || s.nr == 322) && exec_followed(r, f->pid, ev->ts_ns, &when)) {
			ev->ret = 0;
			ev->dur_ns = when - ev->ts_ns;
		} else {
			ev->flags |= LT_EVF_UNFINISHED;
			ev->ret = 0;
			ev->dur_ns = 0;
		}
	}
}

static void make_event(struct lt_reader *r, struct cursor *c, const struct wrec *w)
{
	struct src *f = c->f;
	const uint8_t *p = f->map + w->off;
	struct lt_event *ev = &c->ev;
	struct lt_rec_header h;
	memcpy(&h, p, sizeof(h));
	memset(ev, 0, sizeof(*ev));
	ev->pid = f->pid;
	ev->tid = c->tid;
	ev->ts_ns = to_wall(f, h.ts);
	switch (h.type) {
	case LT_REC_SYSCALL:
		make_syscall_event(r, c, p, &h);
		break;
	case LT_REC_SIGNAL: {
		int32_t signo;
		memcpy(&signo, p + sizeof(h), 4);
		ev->type = LT_EV_SIGNAL;
		ev->signo = signo;
		ev->siginfo = p + sizeof(h);
		break;
	}
	case LT_REC_EXIT: {
		struct lt_rec_exit e;
		memcpy(&e, p, sizeof(e));
		ev->type = LT_EV_EXIT;
		ev->exit_code = e.code;
		ev->exit_signal = e.signo;
		break;
	}
	case LT_REC_LOST: {
		struct lt_rec_lost l;
		memcpy(&l, p, sizeof(l));
		ev->type = LT_EV_LOST;
		ev->lost = l.count;
		break;
	}
	case LT_REC_WINDOW: {
		struct lt_rec_window wd;
		memcpy(&wd, p, sizeof(wd));
		ev->type = LT_EV_WINDOW;
		ev->window_on = wd.on != 0;
		ev->window_seq = wd.seq;
		break;
	}
	case LT_REC_THREAD: {
		const char *name = (const char *)p + sizeof(h);
		ev->type = LT_EV_THREAD;
		ev->str = name;
		ev->str_len = strnlen(name, 16);
		break;
	}
	case LT_REC_PROCESS: {
		struct lt_rec_process pr;
		memcpy(&pr, p, sizeof(pr));
		ev->type = LT_EV_PROCESS;
		ev->pid = pr.pid;
		ev->ppid = pr.ppid;
		ev->proc_flags = h.flags;
		ev->str = (const char *)p + sizeof(pr);
		ev->str_len = pr.cmdline_len;
		break;
	}
	case LT_REC_FD: {
		struct lt_rec_fd fr;
		memcpy(&fr, p, sizeof(fr));
		ev->type = LT_EV_FD;
		ev->fd = fr.fd;
		ev->str = (const char *)p + sizeof(fr);
		ev->str_len = fr.path_len;
		break;
	}
	case LT_REC_NOTE: {
		struct lt_rec_note nr;
		memcpy(&nr, p, sizeof(nr));
		ev->type = LT_EV_NOTE;
		ev->note_code = nr.code;
		ev->str = (const char *)p + sizeof(nr);
		ev->str_len = nr.text_len;
		break;
	}
	}
}

static void win_insert(struct cursor *c, const struct wrec *w)
{
	/* Usually already the latest: one compare. */
	unsigned i = c->nwin;
	while (i > 0 && wrec_before(w, &c->win[(c->whead + i - 1) % LT_READER_WINDOW])) {
		c->win[(c->whead + i) % LT_READER_WINDOW] = c->win[(c->whead + i - 1) % LT_READER_WINDOW];
		i--;
	}
	c->win[(c->whead + i) % LT_READER_WINDOW] = *w;
	c->nwin++;
}

/* ---- strace text ---- */

static int text_line(struct cursor *c)
{
	struct src *f = c->f;
	if (c->tpos >= f->size)
		return 0;
	const char *s = (const char *)f->map + c->tpos;
	const char *nl = memchr(s, '\n', f->size - c->tpos);
	size_t len = nl ? (size_t)(nl - s) : f->size - c->tpos;
	lt_strace_feed(c->sp, s, len, c->tpos);
	c->tpos += len + (nl ? 1 : 0);
	/* The parser copies what it keeps: what is read can go, as for binary logs. */
	if (c->tpos - f->text_swept >= (4u << 20)) {
		size_t to = c->tpos & ~(size_t)4095;
		madvise((void *)(f->map + f->text_swept), to - f->text_swept, MADV_DONTNEED);
		f->text_swept = to;
	}
	return 1;
}

/* Makes c->ev the cursor's next event; 0 when the cursor is exhausted. */
static int advance(struct lt_reader *r, struct cursor *c)
{
	switch (c->kind) {
	case CUR_HEADER:
		if (c->live)
			return 0;
		memset(&c->ev, 0, sizeof(c->ev));
		c->ev.type = LT_EV_PROCESS;
		c->ev.pid = c->ev.tid = c->f->pid;
		c->ev.ppid = c->f->ppid;
		c->ev.proc_flags = c->f->flags;
		c->ev.ts_ns = c->f->wall_ns;
		c->ev.str = c->f->comm;
		c->ev.str_len = strlen(c->f->comm);
		return 1;
	case CUR_THREAD: {
		struct wrec w;
		while (c->nwin < LT_READER_WINDOW && fetch(r, c, &w))
			win_insert(c, &w);
		if (!c->nwin)
			return 0;
		make_event(r, c, &c->win[c->whead]);
		c->whead = (c->whead + 1) % LT_READER_WINDOW;
		c->nwin--;
		return 1;
	}
	case CUR_TEXT:
		for (;;) {
			if (lt_strace_pop(c->sp, &c->ev))
				return 1;
			if (!text_line(c)) {
				if (c->f->bad)
					return 0;
				c->f->bad = 1; /* marks the end as handled */
				lt_strace_eof(c->sp);
				if (lt_strace_bad_lines(c->sp))
					r->errors++;
				if (lt_strace_pop(c->sp, &c->ev))
					return 1;
				return 0;
			}
		}
	}
	return 0;
}

/* ---- the merge ---- */

static int cur_before(const struct cursor *a, const struct cursor *b)
{
	if (a->ev.ts_ns != b->ev.ts_ns)
		return a->ev.ts_ns < b->ev.ts_ns;
	return a->order < b->order;
}

static void heap_push(struct lt_reader *r, struct cursor *c)
{
	size_t i = r->nheap++;
	while (i > 0) {
		size_t up = (i - 1) / 2;
		if (!cur_before(c, r->heap[up]))
			break;
		r->heap[i] = r->heap[up];
		i = up;
	}
	r->heap[i] = c;
}

static struct cursor *heap_pop(struct lt_reader *r)
{
	struct cursor *top = r->heap[0];
	struct cursor *c = r->heap[--r->nheap];
	size_t i = 0, n = r->nheap;
	for (;;) {
		size_t k = 2 * i + 1;
		if (k >= n)
			break;
		if (k + 1 < n && cur_before(r->heap[k + 1], r->heap[k]))
			k++;
		if (!cur_before(r->heap[k], c))
			break;
		r->heap[i] = r->heap[k];
		i = k;
	}
	if (n)
		r->heap[i] = c;
	return top;
}

int lt_reader_next(struct lt_reader *r, struct lt_event *ev)
{
	if (!r->started) {
		r->started = 1;
		r->heap = lt_xcalloc(r->ncur, sizeof(*r->heap));
		for (size_t i = 0; i < r->ncur; i++)
			if ((r->cur[i]->live = advance(r, r->cur[i])))
				heap_push(r, r->cur[i]);
	} else if (r->last) {
		struct cursor *c = r->last;
		r->last = NULL;
		if ((c->live = advance(r, c)))
			heap_push(r, c);
	}
	if (!r->nheap)
		return 0;
	struct cursor *c = heap_pop(r);
	r->last = c;
	*ev = c->ev;
	return 1;
}

/* ---- inputs ---- */

static uint32_t pid_from_name(const char *path)
{
	/* strace.<pid>.txt (the shim's strace backend) or NAME.<pid> (strace -ff) */
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	const char *s = strpbrk(b, "0123456789");
	while (s) {
		char *e;
		unsigned long v = strtoul(s, &e, 10);
		if ((s == b || s[-1] == '.') && (*e == 0 || *e == '.') && v > 0 && v < (1ul << 22))
			return (uint32_t)v;
		s = strpbrk(e, "0123456789");
	}
	return 0;
}

static uint64_t local_midnight(time_t t)
{
	struct tm tm;
	localtime_r(&t, &tm);
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return (uint64_t)mktime(&tm) * 1000000000ull;
}

/* explicit: named on the command line (so anything unreadable is an error) */
static int add_file(struct lt_reader *r, const char *path, int explicit)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0) {
		fprintf(stderr, "libtrace-report: %s: %s\n", path, strerror(errno));
		r->errors++;
		if (fd >= 0)
			close(fd);
		return -1;
	}
	const uint8_t *map = NULL;
	size_t size = (size_t)st.st_size;
	if (size) {
		map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (map == MAP_FAILED) {
			fprintf(stderr, "libtrace-report: %s: %s\n", path, strerror(errno));
			r->errors++;
			close(fd);
			return -1;
		}
		madvise((void *)map, size, MADV_SEQUENTIAL);
	}
	int text = 0;
	size_t nl = strlen(LT_LOG_SUFFIX), pl = strlen(path);
	int ltl = pl >= nl && strcmp(path + pl - nl, LT_LOG_SUFFIX) == 0;
	if (size >= LT_LOG_MAGIC_LEN && memcmp(map, LT_LOG_MAGIC, LT_LOG_MAGIC_LEN) == 0) {
		text = 0;
	} else if (!ltl && lt_strace_detect((const char *)map, size)) {
		text = 1;
	} else {
		close(fd);
		if (map)
			munmap((void *)map, size);
		if (!explicit && !ltl)
			return 0; /* some other file in a run directory */
		fprintf(stderr, "libtrace-report: %s: offset 0: %s\n", path,
			size < LT_LOG_MAGIC_LEN && ltl ? "truncated log header"
			: ltl ? "bad magic: not a libtrace log"
			: "neither a libtrace log nor strace output");
		r->errors++;
		return -1;
	}
	struct src *f = lt_xcalloc(1, sizeof(*f));
	f->path = strdup(path);
	f->map = map;
	f->size = size;
	f->text = text;
	r->srcs = lt_xrealloc(r->srcs, (r->nsrcs + 1) * sizeof(*r->srcs));
	r->srcs[r->nsrcs++] = f;
	if (text) {
		struct cursor *c = add_cursor(r, f, CUR_TEXT);
		c->sp = lt_strace_new(f->path, pid_from_name(path), local_midnight(st.st_mtime));
		close(fd);
		return 0;
	}
	int rc = open_binary(r, f, fd);
	close(fd);
	return rc;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* uid-<N>: where a process of the run that gave up root logs (preload/control_rundir.c);
 * the run's root moves them up before its report, but not if it died first. */
static int is_worker_dir(const char *name)
{
	if (strncmp(name, "uid-", 4) || !name[4])
		return 0;
	for (const char *p = name + 4; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return 1;
}

/* Adds every log in directory path; with newest_run, a directory of run directories
 * ($LIBTRACE_DIR) means its most recently changed run. Returns the inputs added. */
static size_t add_dir(struct lt_reader *r, const char *path, int newest_run)
{
	DIR *d = opendir(path);
	if (!d) {
		fprintf(stderr, "libtrace-report: %s: %s\n", path, strerror(errno));
		r->errors++;
		return 0;
	}
	char **names = NULL;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.') /* also the strace backend's raw dotfiles */
			continue;
		names = lt_xrealloc(names, (n + 1) * sizeof(*names));
		size_t len = strlen(path) + strlen(de->d_name) + 2;
		names[n] = lt_xcalloc(1, len);
		snprintf(names[n], len, "%s/%s", path, de->d_name);
		n++;
	}
	closedir(d);
	/* Sorted, so ties in time resolve the same way on every run. */
	if (n) /* an empty directory: names is NULL, which qsort may not be given */
		qsort(names, n, sizeof(*names), name_cmp);
	size_t before = r->nsrcs;
	const char *run = NULL;
	struct timespec run_t = { 0, 0 };
	struct stat st;
	for (size_t i = 0; i < n; i++) {
		if (stat(names[i], &st) != 0)
			continue;
		const char *base = strrchr(names[i], '/') + 1;
		if (S_ISREG(st.st_mode))
			add_file(r, names[i], 0);
		else if (S_ISDIR(st.st_mode) && is_worker_dir(base))
			add_dir(r, names[i], 0); /* logs of a worker that gave up root */
		else if (S_ISDIR(st.st_mode) && (!run || st.st_mtim.tv_sec > run_t.tv_sec ||
						 (st.st_mtim.tv_sec == run_t.tv_sec &&
						  st.st_mtim.tv_nsec > run_t.tv_nsec))) {
			run = names[i];
			run_t = st.st_mtim;
		}
	}
	if (r->nsrcs == before && newest_run && run)
		add_dir(r, run, 0);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return r->nsrcs - before;
}

int lt_reader_add(struct lt_reader *r, const char *path)
{
	struct stat st;
	if (stat(path, &st) < 0) {
		fprintf(stderr, "libtrace-report: %s: %s\n", path, strerror(errno));
		r->errors++;
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return add_file(r, path, 1);
	if (!add_dir(r, path, 1)) {
		fprintf(stderr, "libtrace-report: %s: no libtrace logs or strace output in it\n",
			path);
		r->errors++;
		return -1;
	}
	return 0;
}

void lt_reader_free(struct lt_reader *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->ncur; i++) {
		if (r->cur[i]->sp)
			lt_strace_free(r->cur[i]->sp);
		free(r->cur[i]);
	}
	for (size_t i = 0; i < r->nsrcs; i++) {
		struct src *f = r->srcs[i];
		if (f->map)
			munmap((void *)f->map, f->size);
		free(f->next_chunk);
		free(f->threads);
		free(f->path);
		free(f);
	}
	free(r->srcs);
	free(r->cur);
	free(r->heap);
	free(r->execs);
	free(r);
}
