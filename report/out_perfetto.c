/* --perfetto FILE: Perfetto's native protobuf trace, written with the wire writer in
 * lt_pb.h. The file is a Trace message: a stream of TracePackets, all on one packet
 * sequence, so names are interned once for the whole file.
 *
 * Layout: a process track per process (TrackDescriptor + ProcessDescriptor) and a thread
 * track per thread (ThreadDescriptor); each call is a SLICE_BEGIN/SLICE_END pair on its
 * thread's track with the strace-formatted args and result as debug annotations; signals,
 * lost records, exits and tracing windows are instants. ProcessTree packets carry each
 * process's cmdline and parent (ProcessDescriptor has no parent field), and a flow links a
 * fork/clone call to the first event of the process or thread it created.
 *
 * Ordering: the reader hands us events by entry time, but a slice's END belongs at its
 * exit time. Open slices wait in a min-heap keyed by end time and are closed, in time
 * order, before any later event is written, so timestamps never go back and every track's
 * slices nest. A call that outlives the call it started in (clock skew between strace's
 * text stamps, a signal handler's call) is clipped to its parent's end. Memory: one stack
 * per thread, bounded depth. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_hmap.h"
#include "lt_mem.h"
#include "lt_log.h"
#include "lt_pb.h"
#include "lt_report.h"
#include "lt_syscall.h"
#include "lt_views.h"

/* Field numbers from Perfetto's protos/perfetto/trace/... */
enum {
	TRACE_PACKET = 1,

	TP_PROCESS_TREE = 2,
	TP_CLOCK_SNAPSHOT = 6,
	TP_TIMESTAMP = 8,
	TP_SEQ_ID = 10,
	TP_TRACK_EVENT = 11,
	TP_INTERNED_DATA = 12,
	TP_SEQ_FLAGS = 13,
	TP_TIMESTAMP_CLOCK_ID = 58,
	TP_TRACE_PACKET_DEFAULTS = 59,
	TP_TRACK_DESCRIPTOR = 60,
	TP_FIRST_PACKET_ON_SEQUENCE = 87,
	SEQ_INCREMENTAL_STATE_CLEARED = 1,
	SEQ_NEEDS_INCREMENTAL_STATE = 2,

	TE_CATEGORY_IIDS = 3,
	TE_DEBUG_ANNOTATIONS = 4,
	TE_TYPE = 9,
	TE_NAME_IID = 10,
	TE_TRACK_UUID = 11,
	TE_FLOW_IDS = 47,
	TE_TERMINATING_FLOW_IDS = 48,
	TYPE_SLICE_BEGIN = 1,
	TYPE_SLICE_END = 2,
	TYPE_INSTANT = 3,

	DA_NAME_IID = 1,
	DA_UINT = 3,
	DA_INT = 4,
	DA_STRING = 6,

	ID_EVENT_CATEGORIES = 1,
	ID_EVENT_NAMES = 2,
	ID_DEBUG_ANNOTATION_NAMES = 3,
	INTERNED_IID = 1,
	INTERNED_NAME = 2,

	TD_UUID = 1,
	TD_PROCESS = 3,
	TD_THREAD = 4,
	PD_PID = 1,
	PD_CMDLINE = 2,
	PD_PROCESS_NAME = 6,
	THD_PID = 1,
	THD_TID = 2,
	THD_THREAD_NAME = 5,

	CS_CLOCKS = 1,
	CLK_ID = 1,
	CLK_TIMESTAMP = 2,
	CLK_IS_INCREMENTAL = 3,
	BUILTIN_CLOCK_BOOTTIME = 6,
	PT_PROCESSES = 1,
	PTP_PID = 1,
	PTP_PPID = 2,
	PTP_CMDLINE = 3,
};

#define SEQ_ID 1
/* Packet timestamps are deltas on this sequence-scoped incremental clock (defined equal to
 * the trace clock at the first event), so each costs a byte or two instead of nine. */
#define CLOCK_INCR 64
#define MAX_DEPTH 16
#define FLUSH_AT (1u << 20)

/* Track uuids from table indices: small numbers make short varints in every event. */
#define PROC_UUID(i) ((1ull << 24) + (i))
#define THREAD_UUID(i) ((uint64_t)(i) + 1)
/* A flow from a clone/fork to the first event of the task it made: keyed by that tid
 * (terminated there, so a reused tid starts a new flow). */
#define FLOW_ID(tid) ((3ull << 60) | (tid))

struct pf_proc {
	uint32_t pid, ppid;   /* ppid: 0 unless it is a process of this trace */
	unsigned desc : 1;
	unsigned tree_dirty : 1; /* cmdline or parent changed since the last ProcessTree */
};

struct pf_thread {
	uint32_t pid, tid;
	uint32_t pidx;        /* its process's index */
	char emitted[64];     /* the name its descriptor gave */
	int depth;
	uint64_t ends[MAX_DEPTH]; /* open slices, outermost first */
	uint64_t flow_in;     /* flow to terminate at its first event (0 none) */
};

struct pf_open { uint64_t end; uint32_t thr; int depth; };

struct pf_pending { uint32_t tid, parent_pid; }; /* a clone's result not seen yet */

struct pf {
	FILE *f;
	const char *path;
	int err;
	struct lt_pb pb;
	struct lt_pb interned;   /* InternedData fields not yet written */
	uint64_t last_ts;
	uint64_t pkt_ts;         /* the incremental clock's value: the last packet's time */
	int clock_sent;
	struct lt_smap names, anames; /* event and debug annotation names: iid = index + 1 */
	uint32_t *nr_name;       /* per syscall nr: event name iid, 0 unknown */
	uint32_t (*nr_arg)[6];   /* per syscall nr and arg: annotation name iid */
	uint32_t a_ret, a_result, a_info, a_count, a_code, a_signal, a_injected, a_delayed, a_text;
	struct lt_smap cats;
	uint32_t cat_syscall;
	struct lt_hmap proc_map, thr_map, pend_map;
	struct pf_proc *procs; size_t nprocs, cap_procs;
	struct pf_thread *thrs; size_t nthrs, cap_thrs;
	struct pf_pending *pend; size_t npend, cap_pend;
	struct pf_open *heap; size_t nheap, cap_heap;
	struct lt_sb sb;
	struct lt_names *who; /* process and thread names */
	int nr_clone, nr_clone3, nr_fork, nr_vfork;
};

static void flush(struct pf *s)
{
	if (s->pb.len && !s->err && fwrite(s->pb.p, 1, s->pb.len, s->f) != s->pb.len)
		s->err = errno ? errno : EIO;
	s->pb.len = 0;
}

/* Interning. A new entry is queued and goes out in the next packet, which is the one
 * that first refers to it. */
static uint32_t intern(struct pf *s, struct lt_smap *m, unsigned field, const char *str,
		       size_t len)
{
	int added;
	uint32_t iid = lt_smap_add(m, str, len, &added) + 1;
	if (added) {
		size_t e = lt_pb_open(&s->interned, field);
		lt_pb_uint(&s->interned, INTERNED_IID, iid);
		lt_pb_bytes(&s->interned, INTERNED_NAME, str, len);
		lt_pb_close(&s->interned, e);
	}
	return iid;
}
static uint32_t event_name(struct pf *s, const char *str)
{
	return intern(s, &s->names, ID_EVENT_NAMES, str, strlen(str));
}
static uint32_t anno_name(struct pf *s, const char *str)
{
	return intern(s, &s->anames, ID_DEBUG_ANNOTATION_NAMES, str, strlen(str));
}

static size_t packet_open(struct pf *s, uint64_t ts)
{
	size_t m = lt_pb_open(&s->pb, TRACE_PACKET);
	if (ts < s->pkt_ts)
		ts = s->pkt_ts;
	lt_pb_uint(&s->pb, TP_TIMESTAMP, ts - s->pkt_ts);
	s->pkt_ts = ts;
	lt_pb_uint(&s->pb, TP_SEQ_ID, SEQ_ID);
	lt_pb_uint(&s->pb, TP_SEQ_FLAGS, SEQ_NEEDS_INCREMENTAL_STATE);
	if (s->interned.len) {
		lt_pb_bytes(&s->pb, TP_INTERNED_DATA, s->interned.p, s->interned.len);
		s->interned.len = 0;
	}
	return m;
}
static void packet_close(struct pf *s, size_t m)
{
	lt_pb_close(&s->pb, m);
	if (s->pb.len >= FLUSH_AT)
		flush(s);
}

static void anno_str(struct lt_pb *pb, uint32_t name, const char *v, size_t n)
{
	size_t m = lt_pb_open(pb, TE_DEBUG_ANNOTATIONS);
	lt_pb_uint(pb, DA_NAME_IID, name);
	lt_pb_bytes(pb, DA_STRING, v, n);
	lt_pb_close(pb, m);
}
static void anno_int(struct lt_pb *pb, uint32_t name, unsigned type, uint64_t v)
{
	size_t m = lt_pb_open(pb, TE_DEBUG_ANNOTATIONS);
	lt_pb_uint(pb, DA_NAME_IID, name);
	lt_pb_uint(pb, type, v);
	lt_pb_close(pb, m);
}

/* ---- processes and threads ---- */

/* A forked child runs its parent's program under its parent's name until it execs. */
static void inherit(struct pf *s, uint32_t child, uint32_t parent)
{
	long ci = lt_hmap_get(&s->proc_map, child), pi = lt_hmap_get(&s->proc_map, parent);
	if (ci < 0 || pi < 0 || ci == pi)
		return;
	struct pf_proc *c = &s->procs[ci];
	c->ppid = parent;
	c->tree_dirty = 1;
	lt_names_fork(s->who, child, parent);
}

static struct pf_proc *get_proc(struct pf *s, uint32_t pid)
{
	int added;
	uint32_t i = lt_hmap_add(&s->proc_map, pid, &added);
	if (added) {
		s->procs = lt_grow(s->procs, &s->cap_procs, s->nprocs + 1, sizeof *s->procs);
		memset(&s->procs[i], 0, sizeof s->procs[i]);
		s->procs[i].pid = pid;
		s->nprocs++;
	}
	return &s->procs[i];
}

/* The command line as one argument: the naming model's label ("sh -c ls /etc | wc -l",
 * escaped). Trace processor names a process after its cmdline's first argument, and shows
 * the cmdline joined by spaces: so Perfetto shows the same name --tef and the views do. */
static void put_cmdline(struct pf *s, unsigned field, const struct pf_proc *p)
{
	lt_pb_str(&s->pb, field, lt_names_process(s->who, p->pid));
}

/* The process's track descriptor; trace processor keeps the first name it is given, so
 * a later, better name goes out in a ProcessTree packet (proc_tree). */
static void proc_desc(struct pf *s, struct pf_proc *p, uint64_t ts)
{
	const char *name = lt_names_process(s->who, p->pid);
	size_t m = packet_open(s, ts);
	size_t td = lt_pb_open(&s->pb, TP_TRACK_DESCRIPTOR);
	lt_pb_uint(&s->pb, TD_UUID, PROC_UUID((uint64_t)(p - s->procs)));
	size_t pd = lt_pb_open(&s->pb, TD_PROCESS);
	lt_pb_uint(&s->pb, PD_PID, p->pid);
	put_cmdline(s, PD_CMDLINE, p);
	lt_pb_str(&s->pb, PD_PROCESS_NAME, name);
	lt_pb_close(&s->pb, pd);
	lt_pb_close(&s->pb, td);
	packet_close(s, m);
	p->desc = 1;
}

/* cmdline and parent, which only ProcessTree can say. Sets the process name to argv[0]
 * as trace processor does for system traces, so give it only when the cmdline is known. */
static void proc_tree(struct pf *s, struct pf_proc *p, uint64_t ts)
{
	size_t len;
	if (!lt_names_cmdline(s->who, p->pid, &len))
		return;
	size_t m = packet_open(s, ts);
	size_t pt = lt_pb_open(&s->pb, TP_PROCESS_TREE);
	size_t pp = lt_pb_open(&s->pb, PT_PROCESSES);
	lt_pb_uint(&s->pb, PTP_PID, p->pid);
	if (p->ppid)
		lt_pb_uint(&s->pb, PTP_PPID, p->ppid);
	put_cmdline(s, PTP_CMDLINE, p);
	lt_pb_close(&s->pb, pp);
	lt_pb_close(&s->pb, pt);
	packet_close(s, m);
	p->tree_dirty = 0;
}

static void thread_desc(struct pf *s, struct pf_thread *t, uint64_t ts)
{
	char name[64];
	snprintf(name, sizeof name, "%s", lt_names_thread(s->who, t->pid, t->tid));
	if (!strcmp(name, t->emitted))
		return;
	size_t m = packet_open(s, ts);
	size_t td = lt_pb_open(&s->pb, TP_TRACK_DESCRIPTOR);
	lt_pb_uint(&s->pb, TD_UUID, THREAD_UUID(t - s->thrs));
	size_t th = lt_pb_open(&s->pb, TD_THREAD);
	lt_pb_uint(&s->pb, THD_PID, t->pid);
	lt_pb_uint(&s->pb, THD_TID, t->tid);
	lt_pb_str(&s->pb, THD_THREAD_NAME, name);
	lt_pb_close(&s->pb, th);
	lt_pb_close(&s->pb, td);
	packet_close(s, m);
	memcpy(t->emitted, name, sizeof name);
}

static uint32_t get_thread(struct pf *s, uint32_t pid, uint32_t tid, uint64_t ts)
{
	int added;
	uint32_t i = lt_hmap_add(&s->thr_map, (uint64_t)pid << 32 | tid, &added);
	if (!added)
		return i;
	s->thrs = lt_grow(s->thrs, &s->cap_thrs, s->nthrs + 1, sizeof *s->thrs);
	struct pf_thread *t = &s->thrs[i];
	memset(t, 0, sizeof *t);
	t->pid = pid;
	t->tid = tid;
	s->nthrs++;

	struct pf_proc *p = get_proc(s, pid);
	t->pidx = (uint32_t)(p - s->procs);
	long k = lt_hmap_get(&s->pend_map, tid);
	if (k >= 0 && s->pend[k].tid) {
		t->flow_in = FLOW_ID(tid);
		if (s->pend[k].parent_pid != pid && !p->ppid) {
			inherit(s, pid, s->pend[k].parent_pid);
			p = get_proc(s, pid);
			proc_tree(s, p, ts);
		}
		s->pend[k].tid = 0;
	}
	if (!p->desc)
		proc_desc(s, p, ts);
	thread_desc(s, t, ts);
	return i;
}

/* ---- slices ---- */

static int open_before(const struct pf_open *a, const struct pf_open *b)
{
	/* equal ends on one thread: the inner slice closes first */
	return a->end < b->end || (a->end == b->end && a->depth > b->depth);
}

static void heap_push(struct pf *s, struct pf_open o)
{
	s->heap = lt_grow(s->heap, &s->cap_heap, s->nheap + 1, sizeof *s->heap);
	size_t i = s->nheap++;
	while (i) {
		size_t up = (i - 1) / 2;
		if (!open_before(&o, &s->heap[up]))
			break;
		s->heap[i] = s->heap[up];
		i = up;
	}
	s->heap[i] = o;
}

static struct pf_open heap_pop(struct pf *s)
{
	struct pf_open top = s->heap[0], last = s->heap[--s->nheap];
	size_t i = 0;
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= s->nheap)
			break;
		if (c + 1 < s->nheap && open_before(&s->heap[c + 1], &s->heap[c]))
			c++;
		if (!open_before(&s->heap[c], &last))
			break;
		s->heap[i] = s->heap[c];
		i = c;
	}
	if (s->nheap)
		s->heap[i] = last;
	return top;
}

static void slice_end(struct pf *s, uint32_t thr, uint64_t ts)
{
	struct pf_thread *t = &s->thrs[thr];
	size_t m = packet_open(s, ts);
	size_t te = lt_pb_open(&s->pb, TP_TRACK_EVENT);
	lt_pb_uint(&s->pb, TE_TYPE, TYPE_SLICE_END);
	lt_pb_uint(&s->pb, TE_TRACK_UUID, THREAD_UUID(thr));
	lt_pb_close(&s->pb, te);
	packet_close(s, m);
	t->depth--;
}

/* Closes every slice that ends by ts, in end order. */
static void close_until(struct pf *s, uint64_t ts)
{
	while (s->nheap && s->heap[0].end <= ts) {
		struct pf_open o = heap_pop(s);
		slice_end(s, o.thr, o.end);
	}
}

/* Starts a track event on thread thr (or, with on_proc, on its process's track). */
static size_t event_open(struct pf *s, uint32_t thr, int on_proc, uint64_t ts, unsigned type,
			 uint32_t name_iid, size_t *pkt)
{
	struct pf_thread *t = &s->thrs[thr];
	*pkt = packet_open(s, ts);
	size_t te = lt_pb_open(&s->pb, TP_TRACK_EVENT);
	lt_pb_uint(&s->pb, TE_TYPE, type);
	lt_pb_uint(&s->pb, TE_TRACK_UUID, on_proc ? PROC_UUID(t->pidx) : THREAD_UUID(thr));
	lt_pb_uint(&s->pb, TE_NAME_IID, name_iid);
	if (t->flow_in && !on_proc) {
		lt_pb_fixed64(&s->pb, TE_TERMINATING_FLOW_IDS, t->flow_in);
		t->flow_in = 0;
	}
	return te;
}

static void event_close(struct pf *s, size_t te, size_t pkt)
{
	lt_pb_close(&s->pb, te);
	packet_close(s, pkt);
}

static int is_clone(const struct pf *s, const struct lt_event *ev)
{
	if (ev->nr >= 0)
		return ev->nr == s->nr_clone || ev->nr == s->nr_clone3 || ev->nr == s->nr_fork ||
		       ev->nr == s->nr_vfork;
	return ev->name && (!strcmp(ev->name, "clone") || !strcmp(ev->name, "clone3") ||
			    !strcmp(ev->name, "fork") || !strcmp(ev->name, "vfork"));
}

static void on_syscall(struct pf *s, struct lt_report *r, const struct lt_event *ev,
		       uint64_t ts)
{
	uint32_t thr = get_thread(s, ev->pid, ev->tid, ts);
	int unfinished = (ev->flags & LT_EVF_UNFINISHED) != 0;
	uint64_t end = unfinished ? ts : ts + ev->dur_ns;
	struct pf_thread *t = &s->thrs[thr];
	if (t->depth && end > t->ends[t->depth - 1])
		end = t->ends[t->depth - 1];

	const struct lt_sysent *se = ev->nr >= 0 ? lt_sysent_get((uint64_t)ev->nr) : 0;
	uint32_t name_iid;
	if (se) {
		if (!s->nr_name[ev->nr])
			s->nr_name[ev->nr] = event_name(s, se->name);
		name_iid = s->nr_name[ev->nr];
	} else {
		name_iid = event_name(s, ev->name ? ev->name : "?");
	}

	size_t ends[6];
	lt_sb_reset(&s->sb);
	int nargs = lt_view_args(&s->sb, ev, &r->o.fmt, ends, 6);
	size_t args_len = s->sb.len;
	lt_view_ret(&s->sb, ev, &r->o.fmt);

	uint32_t arg_iid[6];
	for (int i = 0; i < nargs; i++) {
		uint32_t *c = se ? &s->nr_arg[ev->nr][i] : 0;
		if (c && *c) {
			arg_iid[i] = *c;
			continue;
		}
		char tmp[16];
		const char *an = se && i < se->nargs && se->argname[i][0] ? se->argname[i] : 0;
		if (!an) {
			snprintf(tmp, sizeof tmp, "arg%d", i);
			an = tmp;
		}
		arg_iid[i] = anno_name(s, an);
		if (c)
			*c = arg_iid[i];
	}
	if (!s->a_ret) {
		s->a_ret = anno_name(s, "ret");
		s->a_result = anno_name(s, "result");
		s->cat_syscall = intern(s, &s->cats, ID_EVENT_CATEGORIES, "syscall", 7);
	}

	size_t pkt, te = event_open(s, thr, 0, ts, TYPE_SLICE_BEGIN, name_iid, &pkt);
	lt_pb_uint(&s->pb, TE_CATEGORY_IIDS, s->cat_syscall);
	size_t start = 0;
	for (int i = 0; i < nargs; i++) {
		anno_str(&s->pb, arg_iid[i], s->sb.p + start, ends[i] - start);
		start = lt_view_arg_start(&s->sb, ends[i]);
	}
	if (!unfinished)
		anno_int(&s->pb, s->a_ret, DA_INT, (uint64_t)ev->ret);
	anno_str(&s->pb, s->a_result, s->sb.p + args_len, s->sb.len - args_len);
	if (ev->flags & LT_EVF_INJECTED) {
		if (!s->a_injected)
			s->a_injected = anno_name(s, "injected");
		anno_int(&s->pb, s->a_injected, DA_UINT, 1);
	}
	if (ev->flags & LT_EVF_DELAYED) {
		if (!s->a_delayed)
			s->a_delayed = anno_name(s, "delayed");
		anno_int(&s->pb, s->a_delayed, DA_UINT, 1);
	}
	if (!unfinished && ev->ret > 0 && is_clone(s, ev)) {
		uint32_t child = (uint32_t)ev->ret;
		lt_pb_fixed64(&s->pb, TE_FLOW_IDS, FLOW_ID(child));
		int added;
		uint32_t k = lt_hmap_add(&s->pend_map, child, &added);
		if (added)
			s->pend = lt_grow(s->pend, &s->cap_pend, ++s->npend, sizeof *s->pend);
		s->pend[k].tid = child;
		s->pend[k].parent_pid = ev->pid;
	}
	event_close(s, te, pkt);

	if (t->depth == MAX_DEPTH) {
		/* deeper than any real nesting: keep the slice, drop its duration */
		t->depth++;
		slice_end(s, thr, ts);
		return;
	}
	t->ends[t->depth++] = end;
	heap_push(s, (struct pf_open){ end, thr, t->depth });
}

static void on_instant(struct pf *s, const struct lt_event *ev, uint64_t ts,
		       const char *name, uint32_t anno, unsigned type, uint64_t v, const char *str,
		       size_t slen)
{
	uint32_t thr = get_thread(s, ev->pid, ev->tid, ts);
	uint32_t iid = event_name(s, name);
	/* tracing windows switch the whole process */
	size_t pkt, te = event_open(s, thr, ev->type == LT_EV_WINDOW, ts, TYPE_INSTANT, iid, &pkt);
	if (str)
		anno_str(&s->pb, anno, str, slen);
	else if (anno)
		anno_int(&s->pb, anno, type, v);
	event_close(s, te, pkt);
}

static void on_process(struct pf *s, const struct lt_event *ev, uint64_t ts)
{
	int changed = lt_names_event(s->who, ev);
	struct pf_proc *p = get_proc(s, ev->pid);
	if (changed)
		p->tree_dirty = 1;
	if (!p->ppid && ev->ppid && ev->ppid != ev->pid && lt_hmap_get(&s->proc_map, ev->ppid) >= 0) {
		inherit(s, ev->pid, ev->ppid);
		p = get_proc(s, ev->pid);
	}
	if (!p->desc)
		proc_desc(s, p, ts);
	if (p->tree_dirty)
		proc_tree(s, p, ts);
	/* threads named after the process follow it (an exec renames the main thread) */
	for (size_t i = 0; i < s->nthrs; i++)
		if (s->thrs[i].pid == ev->pid)
			thread_desc(s, &s->thrs[i], ts);
}

static void on_thread(struct pf *s, const struct lt_event *ev, uint64_t ts)
{
	get_thread(s, ev->pid, ev->tid, ts);
	if (!lt_names_event(s->who, ev))
		return;
	/* the main thread's name is its process's until an exec says better: its unnamed
	 * threads follow */
	for (size_t i = 0; i < s->nthrs; i++)
		if (s->thrs[i].pid == ev->pid)
			thread_desc(s, &s->thrs[i], ts);
}

static int pf_begin(struct lt_report *r, void **state)
{
	const char *path = r->o.perfetto_file;
	FILE *f = fopen(path, "wb");
	if (!f) {
		fprintf(stderr, "libtrace-report: %s: %s\n", path, strerror(errno));
		return -1;
	}
	struct pf *s = calloc(1, sizeof *s);
	if (!s) {
		fclose(f);
		fputs("libtrace-report: out of memory\n", stderr);
		return -1;
	}
	s->f = f;
	s->path = path;
	s->who = lt_names_new();
	s->nr_name = lt_xcalloc(LT_NSYSCALLS, sizeof *s->nr_name);
	s->nr_arg = lt_xcalloc(LT_NSYSCALLS, sizeof *s->nr_arg);
	s->nr_clone = s->nr_clone3 = s->nr_fork = s->nr_vfork = -2;
	for (int nr = 0; nr < LT_NSYSCALLS; nr++) {
		const char *n = lt_sysent[nr].name;
		if (!n[0])
			continue;
		if (!strcmp(n, "clone"))
			s->nr_clone = nr;
		else if (!strcmp(n, "clone3"))
			s->nr_clone3 = nr;
		else if (!strcmp(n, "fork"))
			s->nr_fork = nr;
		else if (!strcmp(n, "vfork"))
			s->nr_vfork = nr;
	}
	/* The first packet starts the sequence's incremental state (interning). */
	size_t m = lt_pb_open(&s->pb, TRACE_PACKET);
	lt_pb_uint(&s->pb, TP_SEQ_ID, SEQ_ID);
	lt_pb_uint(&s->pb, TP_SEQ_FLAGS, SEQ_INCREMENTAL_STATE_CLEARED);
	lt_pb_uint(&s->pb, TP_FIRST_PACKET_ON_SEQUENCE, 1);
	size_t d = lt_pb_open(&s->pb, TP_TRACE_PACKET_DEFAULTS);
	lt_pb_uint(&s->pb, TP_TIMESTAMP_CLOCK_ID, CLOCK_INCR);
	lt_pb_close(&s->pb, d);
	lt_pb_close(&s->pb, m);
	*state = s;
	return 0;
}

/* Starts the incremental clock at t0, the trace clock's t0: timestamps in the file are
 * the events' own wall-clock ns. */
static void clock_snapshot(struct pf *s, uint64_t t0)
{
	size_t m = lt_pb_open(&s->pb, TRACE_PACKET);
	lt_pb_uint(&s->pb, TP_TIMESTAMP, t0);
	lt_pb_uint(&s->pb, TP_TIMESTAMP_CLOCK_ID, BUILTIN_CLOCK_BOOTTIME);
	lt_pb_uint(&s->pb, TP_SEQ_ID, SEQ_ID);
	lt_pb_uint(&s->pb, TP_SEQ_FLAGS, SEQ_NEEDS_INCREMENTAL_STATE);
	size_t cs = lt_pb_open(&s->pb, TP_CLOCK_SNAPSHOT);
	size_t c = lt_pb_open(&s->pb, CS_CLOCKS);
	lt_pb_uint(&s->pb, CLK_ID, BUILTIN_CLOCK_BOOTTIME);
	lt_pb_uint(&s->pb, CLK_TIMESTAMP, t0);
	lt_pb_close(&s->pb, c);
	c = lt_pb_open(&s->pb, CS_CLOCKS);
	lt_pb_uint(&s->pb, CLK_ID, CLOCK_INCR);
	lt_pb_uint(&s->pb, CLK_TIMESTAMP, t0);
	lt_pb_uint(&s->pb, CLK_IS_INCREMENTAL, 1);
	lt_pb_close(&s->pb, c);
	lt_pb_close(&s->pb, cs);
	lt_pb_close(&s->pb, m);
	s->pkt_ts = t0;
	s->clock_sent = 1;
}

static int pf_event(struct lt_report *r, void *state, const struct lt_event *ev)
{
	struct pf *s = state;
	/* Input is in entry-time order; the guard keeps a stray record from sending the
	 * sequence back in time. */
	uint64_t ts = ev->ts_ns > s->last_ts ? ev->ts_ns : s->last_ts;
	s->last_ts = ts;
	if (!s->clock_sent)
		clock_snapshot(s, ts);
	close_until(s, ts);

	switch (ev->type) {
	case LT_EV_SYSCALL:
		on_syscall(s, r, ev, ts);
		break;
	case LT_EV_SIGNAL: {
		lt_sb_reset(&s->sb);
		lt_format_signal(&s->sb, ev, &r->o.fmt);
		char nm[32];
		const char *sn = lt_signal_name(ev->signo);
		if (!sn) {
			snprintf(nm, sizeof nm, "signal %d", ev->signo);
			sn = nm;
		}
		if (!s->a_info)
			s->a_info = anno_name(s, "info");
		on_instant(s, ev, ts, sn, s->a_info, 0, 0, s->sb.p ? s->sb.p : "", s->sb.len);
		break;
	}
	case LT_EV_LOST:
		if (!s->a_count)
			s->a_count = anno_name(s, "count");
		on_instant(s, ev, ts, "lost records", s->a_count, DA_UINT, ev->lost, 0, 0);
		break;
	case LT_EV_EXIT:
		if (ev->exit_signal) {
			if (!s->a_signal)
				s->a_signal = anno_name(s, "signal");
			const char *sn = lt_signal_name(ev->exit_signal);
			char nm[16];
			if (!sn) {
				snprintf(nm, sizeof nm, "%d", ev->exit_signal);
				sn = nm;
			}
			on_instant(s, ev, ts, "killed", s->a_signal, 0, 0, sn, strlen(sn));
		} else {
			if (!s->a_code)
				s->a_code = anno_name(s, "code");
			on_instant(s, ev, ts, "exit", s->a_code, DA_INT, (uint64_t)(int64_t)ev->exit_code,
				   0, 0);
		}
		break;
	case LT_EV_NOTE: {
		char nm[32];
		snprintf(nm, sizeof nm, "libtrace: %s", lt_note_kind(ev->note_code));
		if (!s->a_text)
			s->a_text = anno_name(s, "text");
		lt_sb_reset(&s->sb);
		lt_view_note_text(&s->sb, ev);
		on_instant(s, ev, ts, nm, s->a_text, 0, 0, s->sb.p, s->sb.len);
		break;
	}
	case LT_EV_WINDOW:
		on_instant(s, ev, ts, ev->window_on ? "tracing on" : "tracing off", 0, 0, 0, 0, 0);
		break;
	case LT_EV_PROCESS:
		on_process(s, ev, ts);
		break;
	case LT_EV_THREAD:
		on_thread(s, ev, ts);
		break;
	case LT_EV_FD: /* names a descriptor; no slice, nothing happened */
		break;
	}
	return s->err ? -1 : 0;
}

static int pf_end(struct lt_report *r, void *state)
{
	(void)r;
	struct pf *s = state;
	close_until(s, UINT64_MAX);
	flush(s);
	int rc = 0;
	if (fclose(s->f) && !s->err)
		s->err = errno ? errno : EIO;
	if (s->err) {
		fprintf(stderr, "libtrace-report: %s: %s\n", s->path, strerror(s->err));
		rc = -1;
	}
	lt_names_free(s->who);
	free(s->procs);
	free(s->thrs);
	free(s->pend);
	free(s->heap);
	free(s->nr_name);
	free(s->nr_arg);
	lt_hmap_free(&s->proc_map);
	lt_hmap_free(&s->thr_map);
	lt_hmap_free(&s->pend_map);
	lt_smap_free(&s->names);
	lt_smap_free(&s->anames);
	lt_smap_free(&s->cats);
	lt_pb_free(&s->pb);
	lt_pb_free(&s->interned);
	lt_sb_free(&s->sb);
	free(s);
	return rc;
}

const struct lt_output lt_out_perfetto = { "perfetto", pf_begin, pf_event, pf_end };
