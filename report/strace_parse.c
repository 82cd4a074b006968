/* strace text (-f, -t/-tt/-ttt or none, -T, with "[pid N] " or -o's "N " prefixes) into
 * LT_EVF_TEXT events: an <unfinished ...>/<... resumed> pair becomes one call with the
 * entry time and the whole argument text. Lines are trusted for nothing: whatever does not
 * parse is counted and reported once with its offset.
 *
 * A call from text is the same event as one from a log, once, here: besides strace's text
 * (which the text output prints as it is), its arguments become register values (numbers,
 * AT_FDCWD, flag names through the decoders' tables) and its strings and descriptor pairs
 * become captures, so the descriptor model and the views read every call the same way and
 * never parse text. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_decode.h"
#include "lt_log.h"
#include "lt_reader.h"
#include "lt_syscall.h"
#include "lt_views.h"
#include "xlat.h"

struct slot {
	struct lt_event ev;
	uint64_t order; /* creation order: ties in time keep it */
	struct lt_sb name, args, ret, str;
	struct lt_sb caps; /* the captures made from the text (struct lt_cap records) */
};

struct pending {
	uint32_t tid;
	int used;
	uint64_t ts;
	struct lt_sb name, args;
};

struct tidmap { uint32_t tid, pid; };

struct lt_strace {
	char *file;
	uint32_t pid;
	uint64_t day_ns, last_tod, seq;
	/* Finished events wait in a min-heap by entry time: strace prints a call when it
	 * ends, so one that was "<unfinished ...>" comes out after later ones. An event
	 * leaves once nothing still to come can be earlier (no pending call started before
	 * it, no later line), or when too many wait (a call blocked all run long). */
	struct slot *slots;
	size_t nslots;
	uint32_t *freel, *heap;
	size_t nfree, nheap;
	long popped;      /* the slot lt_strace_pop gave out last: freed at the next call */
	uint64_t order, line_ts;
	struct pending *pend;
	size_t npend;
	struct tidmap *tids;
	size_t ntids;
	unsigned long bad;
	int in_summary; /* -C/-c's table at the end: not calls */
	struct lt_sb carry; /* a line cut by a note of strace's, waiting for its rest */
	uint64_t carry_off;
	int eof;
	struct lt_sb tmp; /* an argument's string, unquoted */
};

struct lt_strace *lt_strace_new(const char *file, uint32_t pid, uint64_t day_ns)
{
	struct lt_strace *p = calloc(1, sizeof(*p));
	if (!p)
		abort();
	p->file = strdup(file ? file : "-");
	p->pid = pid;
	p->day_ns = day_ns;
	p->popped = -1;
	return p;
}

void lt_strace_free(struct lt_strace *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nslots; i++) {
		lt_sb_free(&p->slots[i].name);
		lt_sb_free(&p->slots[i].args);
		lt_sb_free(&p->slots[i].ret);
		lt_sb_free(&p->slots[i].str);
		lt_sb_free(&p->slots[i].caps);
	}
	free(p->slots);
	free(p->freel);
	free(p->heap);
	for (size_t i = 0; i < p->npend; i++) {
		lt_sb_free(&p->pend[i].name);
		lt_sb_free(&p->pend[i].args);
	}
	free(p->pend);
	lt_sb_free(&p->carry);
	lt_sb_free(&p->tmp);
	free(p->tids);
	free(p->file);
	free(p);
}

unsigned long lt_strace_bad_lines(const struct lt_strace *p) { return p->bad; }

#define HELD_MAX 4096

/* Makes room for n more events, so that the slots do not move while a line is handled. */
static void reserve(struct lt_strace *p, size_t n)
{
	if (p->nfree >= n)
		return;
	size_t cap = p->nslots * 2 + n + 8;
	struct slot *sl = realloc(p->slots, cap * sizeof(*sl));
	uint32_t *fl = realloc(p->freel, cap * sizeof(*fl));
	uint32_t *hp = realloc(p->heap, cap * sizeof(*hp));
	if (!sl || !fl || !hp)
		abort();
	memset(sl + p->nslots, 0, (cap - p->nslots) * sizeof(*sl));
	p->slots = sl;
	p->freel = fl;
	p->heap = hp;
	for (size_t i = cap; i-- > p->nslots;)
		p->freel[p->nfree++] = (uint32_t)i;
	p->nslots = cap;
}

static int slot_before(const struct slot *a, const struct slot *b)
{
	if (a->ev.ts_ns != b->ev.ts_ns)
		return a->ev.ts_ns < b->ev.ts_ns;
	if (a->ev.dur_ns != b->ev.dur_ns) /* the enclosing call first */
		return a->ev.dur_ns > b->ev.dur_ns;
	return a->order < b->order;
}

/* A fresh slot; it joins the heap when hold() is called on it. */
static struct slot *push(struct lt_strace *p)
{
	if (!p->nfree)
		abort(); /* reserve() was not called: a bug, not bad input */
	struct slot *s = &p->slots[p->freel[--p->nfree]];
	lt_sb_reset(&s->name);
	lt_sb_reset(&s->args);
	lt_sb_reset(&s->ret);
	lt_sb_reset(&s->str);
	lt_sb_reset(&s->caps);
	memset(&s->ev, 0, sizeof(s->ev));
	s->order = p->order++;
	return s;
}

static void unpush(struct lt_strace *p, struct slot *s)
{
	p->freel[p->nfree++] = (uint32_t)(s - p->slots);
}

static void hold(struct lt_strace *p, struct slot *s)
{
	size_t i = p->nheap++;
	uint32_t idx = (uint32_t)(s - p->slots);
	while (i > 0) {
		size_t up = (i - 1) / 2;
		if (!slot_before(s, &p->slots[p->heap[up]]))
			break;
		p->heap[i] = p->heap[up];
		i = up;
	}
	p->heap[i] = idx;
}

static uint32_t heap_take(struct lt_strace *p)
{
	uint32_t top = p->heap[0], last = p->heap[--p->nheap];
	size_t i = 0, n = p->nheap;
	for (;;) {
		size_t k = 2 * i + 1;
		if (k >= n)
			break;
		if (k + 1 < n && slot_before(&p->slots[p->heap[k + 1]], &p->slots[p->heap[k]]))
			k++;
		if (!slot_before(&p->slots[p->heap[k]], &p->slots[last]))
			break;
		p->heap[i] = p->heap[k];
		i = k;
	}
	if (n)
		p->heap[i] = last;
	return top;
}

int lt_strace_pop(struct lt_strace *p, struct lt_event *ev)
{
	if (p->popped >= 0) {
		p->freel[p->nfree++] = (uint32_t)p->popped;
		p->popped = -1;
	}
	if (!p->nheap)
		return 0;
	uint64_t bound = p->line_ts;
	for (size_t i = 0; i < p->npend; i++)
		if (p->pend[i].used && p->pend[i].ts < bound)
			bound = p->pend[i].ts;
	if (!p->eof && p->nheap <= HELD_MAX && p->slots[p->heap[0]].ev.ts_ns > bound)
		return 0;
	uint32_t idx = heap_take(p);
	struct slot *s = &p->slots[idx];
	p->popped = idx;
	*ev = s->ev;
	/* The strings: wherever their buffers are now. */
	if (ev->type == LT_EV_SYSCALL) {
		ev->name = s->name.p ? s->name.p : "";
		ev->text_args = s->args.p ? s->args.p : "";
		ev->text_ret = s->ret.p ? s->ret.p : "";
		ev->caps = (const uint8_t *)s->caps.p;
		ev->caps_len = s->caps.len;
	} else if (ev->type == LT_EV_SIGNAL) {
		ev->text_signal = s->str.p ? s->str.p : "";
	} else if (ev->type == LT_EV_PROCESS || ev->type == LT_EV_THREAD) {
		ev->str = s->str.p ? s->str.p : "";
		ev->str_len = s->str.len;
	}
	return 1;
}

static void bad_line(struct lt_strace *p, uint64_t off, const char *why)
{
	if (!p->bad++)
		fprintf(stderr, "libtrace-report: %s: offset %llu: %s\n", p->file,
			(unsigned long long)off, why);
}

static void set_pid(struct lt_strace *p, uint32_t tid, uint32_t pid);

/* A task's process. A new task often speaks before its creator's clone returns (the
 * "<unfinished ...>" clone): then a clone waiting for its result tells, by CLONE_THREAD
 * in the flags it was called with, whether the task is a thread of the caller. */
static uint32_t pid_of(struct lt_strace *p, uint32_t tid)
{
	for (size_t i = 0; i < p->ntids; i++)
		if (p->tids[i].tid == tid)
			return p->tids[i].pid;
	uint32_t pid = tid;
	uint64_t latest = 0;
	for (size_t i = 0; i < p->npend; i++) {
		const struct pending *pd = &p->pend[i];
		if (!pd->used || pd->tid == tid || !pd->name.p || strncmp(pd->name.p, "clone", 5) != 0 ||
		    pd->ts < latest)
			continue;
		latest = pd->ts;
		pid = pd->args.p && strstr(pd->args.p, "CLONE_THREAD") ? pid_of(p, pd->tid) : tid;
	}
	set_pid(p, tid, pid);
	return pid;
}

static void set_pid(struct lt_strace *p, uint32_t tid, uint32_t pid)
{
	for (size_t i = 0; i < p->ntids; i++)
		if (p->tids[i].tid == tid) {
			p->tids[i].pid = pid;
			return;
		}
	struct tidmap *n = realloc(p->tids, (p->ntids + 1) * sizeof(*n));
	if (!n)
		abort();
	p->tids = n;
	p->tids[p->ntids++] = (struct tidmap){ tid, pid };
}

/* A signal's number from strace's name for it (SIGINT, SIGRT_3: lt_signal_name's). */
static int signo_of(const char *s, size_t n)
{
	for (int i = 1; i < 65; i++) {
		const char *nm = lt_signal_name(i);
		if (nm && strlen(nm) == n && memcmp(nm, s, n) == 0)
			return i;
	}
	return 0;
}

/* strace's kernel-internal restart codes, which libc's errno table lacks. */
static int errno_of(const char *s, size_t n)
{
	static const struct { const char *name; int err; } extra[] = {
		{ "ERESTARTSYS", 512 }, { "ERESTARTNOINTR", 513 }, { "ERESTARTNOHAND", 514 },
		{ "ENOIOCTLCMD", 515 }, { "ERESTART_RESTARTBLOCK", 516 },
	};
	char buf[40];
	if (n >= sizeof(buf))
		return 0;
	memcpy(buf, s, n);
	buf[n] = 0;
	for (size_t i = 0; i < sizeof(extra) / sizeof(extra[0]); i++)
		if (strcmp(extra[i].name, buf) == 0)
			return extra[i].err;
	int e = lt_errno_lookup(buf);
	return e ? e : 4095; /* an error all the same, just not one we can name */
}

/* Return value text to raw kernel convention; sets *unfinished for a bare "?". */
static int64_t parse_ret(const char *s, size_t n, int *unfinished)
{
	*unfinished = 0;
	if (n && s[0] == '?') {
		const char *e = s + 1;
		while (e < s + n && *e == ' ')
			e++;
		if (e < s + n && *e == 'E') {
			const char *w = e;
			while (w < s + n && (isalnum((unsigned char)*w) || *w == '_'))
				w++;
			return -errno_of(e, (size_t)(w - e));
		}
		*unfinished = 1;
		return 0;
	}
	char *end;
	if (n > 2 && s[0] == '0' && s[1] == 'x')
		return (int64_t)strtoull(s, &end, 16);
	long long v = strtoll(s, &end, 10);
	if (v == -1 && *end == ' ' && end[1] == 'E') {
		const char *e = end + 1, *w = e;
		while (w < s + n && (isalnum((unsigned char)*w) || *w == '_'))
			w++;
		return -errno_of(e, (size_t)(w - e));
	}
	return v;
}

/* Parses "[pid N] " or "N " then a timestamp. Returns the rest of the line. */
static const char *prefix(struct lt_strace *p, const char *s, const char *e, uint32_t *tid,
			  uint64_t *ts, int *ok)
{
	*ok = 1;
	*tid = 0;
	if (e - s > 5 && memcmp(s, "[pid ", 5) == 0) {
		const char *q = s + 5;
		while (q < e && *q == ' ')
			q++;
		unsigned long v = 0;
		const char *d = q;
		while (q < e && isdigit((unsigned char)*q) && v < (1ul << 32))
			v = v * 10 + (unsigned long)(*q++ - '0');
		if (q == d || q >= e || *q != ']' || v >= (1ul << 32)) {
			*ok = 0;
			return s;
		}
		*tid = (uint32_t)v;
		s = q + 1;
		while (s < e && *s == ' ')
			s++;
	} else {
		const char *q = s;
		unsigned long v = 0;
		while (q < e && isdigit((unsigned char)*q) && v < (1ul << 32))
			v = v * 10 + (unsigned long)(*q++ - '0');
		if (q > s && q < e && *q == ' ' && v < (1ul << 32)) {
			*tid = (uint32_t)v;
			s = q;
			while (s < e && *s == ' ')
				s++;
		}
	}
	/* timestamp: SECS.FRAC (-ttt) or HH:MM:SS[.FRAC] (-t/-tt) */
	const char *q = s;
	uint64_t a = 0;
	while (q < e && isdigit((unsigned char)*q) && a < (1ull << 40))
		a = a * 10 + (uint64_t)(*q++ - '0');
	if (q > s && q < e && (*q == '.' || *q == ':')) {
		uint64_t secs;
		int wall = *q == '.';
		if (*q == ':') {
			unsigned hh = (unsigned)a, mm = 0, ss = 0;
			if (e - q < 6 || !isdigit((unsigned char)q[1]) || !isdigit((unsigned char)q[2]) ||
			    q[3] != ':' || !isdigit((unsigned char)q[4]) || !isdigit((unsigned char)q[5]))
				goto notime;
			mm = (unsigned)(q[1] - '0') * 10 + (unsigned)(q[2] - '0');
			ss = (unsigned)(q[4] - '0') * 10 + (unsigned)(q[5] - '0');
			secs = hh * 3600ull + mm * 60ull + ss;
			q += 6;
		} else {
			secs = a;
		}
		uint64_t frac = 0, scale = 1000000000ull;
		if (q < e && *q == '.') {
			q++;
			while (q < e && isdigit((unsigned char)*q)) {
				if (scale > 1) {
					scale /= 10;
					frac += (uint64_t)(*q - '0') * scale;
				}
				q++;
			}
		}
		if (q < e && *q != ' ')
			goto notime;
		if (wall) {
			*ts = secs * 1000000000ull + frac;
		} else {
			uint64_t tod = secs * 1000000000ull + frac;
			/* past midnight: the clock went back by more than half a day */
			if (tod + 43200ull * 1000000000ull < p->last_tod)
				p->day_ns += 86400ull * 1000000000ull;
			p->last_tod = tod;
			*ts = p->day_ns + tod;
		}
		while (q < e && *q == ' ')
			q++;
		return q;
	}
notime:
	/* No timestamps: keep the order with one nanosecond per line. */
	*ts = ++p->seq;
	return s;
}

static struct pending *find_pending(struct lt_strace *p, uint32_t tid, int create)
{
	struct pending *fr = NULL;
	for (size_t i = 0; i < p->npend; i++) {
		if (p->pend[i].used && p->pend[i].tid == tid)
			return &p->pend[i];
		if (!p->pend[i].used && !fr)
			fr = &p->pend[i];
	}
	if (!create)
		return NULL;
	if (!fr) {
		struct pending *n = realloc(p->pend, (p->npend + 1) * sizeof(*n));
		if (!n)
			abort();
		p->pend = n;
		fr = &p->pend[p->npend++];
		memset(fr, 0, sizeof(*fr));
	}
	fr->used = 1;
	fr->tid = tid;
	lt_sb_reset(&fr->name);
	lt_sb_reset(&fr->args);
	return fr;
}

static void emit_unfinished(struct lt_strace *p, struct pending *pd)
{
	struct slot *s = push(p);
	s->ev.type = LT_EV_SYSCALL;
	s->ev.flags = LT_EVF_TEXT | LT_EVF_UNFINISHED;
	s->ev.tid = pd->tid;
	s->ev.pid = pid_of(p, pd->tid);
	s->ev.ts_ns = pd->ts;
	hold(p, s);
	lt_sb_puts(&s->name, pd->name.p ? pd->name.p : "");
	lt_sb_puts(&s->args, pd->args.p ? pd->args.p : "");
	lt_sb_puts(&s->ret, "?");
	s->ev.nr = lt_sysent_lookup(s->name.p);
	pd->used = 0;
}

/* ---- arguments: text to values ---- */

static int is_name_char(char c) { return isalnum((unsigned char)c) || c == '_'; }

/* The tables a symbolic argument's names are looked up in, first match wins: enough for
 * what the descriptor model and the views need to know (descriptor-making flags, fcntl
 * commands, clone flags), not a full reverse decoder; ioctl requests are every family's
 * (lt_ioctl_by_name). */
static const struct lt_xlat *const sym_tables[] = {
	lt_x_open_flags, lt_x_fcntl_cmd, lt_x_fd_flags, lt_x_sock_flags, lt_x_socktype,
	lt_x_close_range, lt_x_efd, lt_x_mfd, lt_x_tfd, lt_x_sfd, lt_x_epoll_create,
	lt_x_inotify, lt_x_clone_flags, lt_x_at_flags, lt_x_af, lt_x_prctl,
};

/* Names the decoders print outside any table. */
static const struct lt_xlat sym_extra[] = {
	{ (uint64_t)-100, "AT_FDCWD" }, { 0, "O_RDONLY" }, { 1, "O_WRONLY" }, { 2, "O_RDWR" },
	{ 0, NULL },
};

static int sym_value(const char *s, size_t n, uint64_t *v)
{
	for (const struct lt_xlat *x = sym_extra; x->name; x++)
		if (strlen(x->name) == n && !memcmp(x->name, s, n)) {
			*v = x->val;
			return 1;
		}
	for (size_t t = 0; t < sizeof sym_tables / sizeof sym_tables[0]; t++)
		for (const struct lt_xlat *x = sym_tables[t]; x->name; x++)
			if (strlen(x->name) == n && !memcmp(x->name, s, n)) {
				*v = x->val;
				return 1;
			}
	return lt_ioctl_by_name(s, n, v);
}

/* A number as strace prints one: decimal, 0x hex, 0 octal, maybe negative; what follows
 * it (a -y "<path>", a comment) is ignored. */
static int num_value(const char *s, const char *e, uint64_t *v)
{
	int neg = s < e && *s == '-';
	const char *q = s + neg;
	if (q >= e || !isdigit((unsigned char)*q))
		return 0;
	unsigned base = 10;
	if (e - q > 2 && q[0] == '0' && (q[1] == 'x' || q[1] == 'X')) {
		base = 16;
		q += 2;
	} else if (q[0] == '0') {
		base = 8;
	}
	uint64_t x = 0;
	for (; q < e; q++) {
		int d = isdigit((unsigned char)*q) ? *q - '0'
			: base == 16 && isxdigit((unsigned char)*q) ? (*q | 0x20) - 'a' + 10 : -1;
		if (d < 0 || (unsigned)d >= base)
			break;
		x = x * base + (uint64_t)d;
	}
	*v = neg ? 0 - x : x;
	return 1;
}

/* "A|B|0x10": the OR of what each part names; 0 if a part is unknown. */
static uint64_t flags_value(const char *s, const char *e, int *ok)
{
	uint64_t v = 0, x;
	*ok = 1;
	while (s < e) {
		const char *b = s;
		while (b < e && *b != '|' && *b != ' ')
			b++;
		if (num_value(s, b, &x) || sym_value(s, (size_t)(b - s), &x))
			v |= x;
		else
			*ok = 0;
		while (b < e && (*b == '|' || *b == ' '))
			b++;
		s = b;
	}
	return v;
}

static void add_cap(struct slot *sl, int arg, unsigned flags, const void *data, size_t len)
{
	struct lt_cap c = { (uint8_t)arg, (uint8_t)flags, LT_CAP_SUB_SELF, (uint32_t)len };
	static const char zeros[8];
	lt_sb_putn(&sl->caps, (const char *)&c, sizeof c);
	lt_sb_putn(&sl->caps, data, len);
	lt_sb_putn(&sl->caps, zeros, LT_ALIGN8(len) - len);
	sl->ev.ncaps++;
}

/* One argument's text, s..e, as register arg of the call. */
static void arg_value(struct lt_strace *p, struct slot *sl, int arg, const char *s, const char *e)
{
	uint64_t v = 0;
	int ok;
	const char *eq = s;
	while (eq < e && is_name_char(*eq))
		eq++;
	if (eq < e && *eq == '=' && eq > s && !isdigit((unsigned char)*s))
		s = eq + 1; /* "flags=...": strace names some arguments */
	if (s < e && *s == '"') {
		const char *q = s + 1, *end = q;
		while (end < e && *end != '"')
			end += end[0] == '\\' && end + 1 < e ? 2 : 1;
		size_t cap = (size_t)(end - q) + 1;
		lt_sb_reset(&p->tmp);
		lt_sb_grow(&p->tmp, cap);
		size_t n = lt_view_unquote(q, (size_t)(end - q), p->tmp.p, cap);
		int trunc = end + 1 < e && !memcmp(end + 1, "...", (size_t)(e - end - 1 < 3 ? e - end - 1 : 3));
		add_cap(sl, arg, LT_CAP_STR | (trunc ? LT_CAP_TRUNC : 0), p->tmp.p, n);
		v = 1; /* not NULL */
	} else if (s < e && *s == '[') {
		/* [3, 4]: the descriptors pipe and socketpair wrote */
		uint64_t x, y;
		const char *q = s + 1, *c = memchr(q, ',', (size_t)(e - q));
		if (c && c + 2 < e && num_value(q, c, &x) && num_value(c + 2, e, &y)) {
			int32_t fds[2] = { (int32_t)x, (int32_t)y };
			add_cap(sl, arg, 0, fds, sizeof fds);
		}
		v = 1;
	} else if (!num_value(s, e, &v)) {
		v = flags_value(s, e, &ok);
	}
	sl->ev.args[arg] = v;
}

/* The argument text of a finished call into register values and captures. Arguments are
 * shown in register order, but for those the table skips. */
static void text_values(struct lt_strace *p, struct slot *sl)
{
	const struct lt_sysent *se = sl->ev.nr >= 0 ? lt_sysent_get((uint64_t)sl->ev.nr) : NULL;
	const char *s = sl->args.p ? sl->args.p : "", *start = s;
	int reg = 0, depth = 0;
	for (;; s++) {
		char ch = *s;
		if (ch == '"') {
			for (s++; *s && *s != '"'; s++)
				if (*s == '\\' && s[1])
					s++;
			if (!*s)
				s--;
			continue;
		}
		if (ch == '[' || ch == '{' || ch == '(' || (ch == '<' && s > start && isdigit((unsigned char)s[-1])))
			depth++;
		else if ((ch == ']' || ch == '}' || ch == ')' || ch == '>') && depth > 0)
			depth--;
		if (ch && (ch != ',' || depth))
			continue;
		while (se && reg < se->nargs && reg < 6 && se->kind[reg] == LT_K_SKIP)
			reg++;
		const char *a = start, *b = s;
		while (a < b && *a == ' ')
			a++;
		while (b > a && b[-1] == ' ')
			b--;
		if (reg >= 6 || b == a)
			break;
		arg_value(p, sl, reg++, a, b);
		if (!ch)
			break;
		start = s + 1;
	}
}

/* Appends the body of a strace-quoted string, q..e (without quotes), as its bytes. */
static void put_unquoted(struct lt_sb *sb, const char *q, const char *e)
{
	size_t n = (size_t)(e - q);
	lt_sb_grow(sb, n + 1);
	sb->len += lt_view_unquote(q, n, sb->p + sb->len, n + 1);
}

/* The end of the quoted string whose opening quote is at q (its closing quote, or the
 * string's end). */
static const char *quoted_end(const char *q)
{
	const char *e = q + 1;
	while (*e && *e != '"')
		e += e[0] == '\\' && e[1] ? 2 : 1;
	return e;
}

/* Appends strace text, escaping any raw control byte as strace would have (strace never
 * writes one: a file that holds one was not written by strace, and must not reach a
 * terminal as it is). */
static void put_text(struct lt_sb *sb, const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != 0x7f) {
			run++;
			continue;
		}
		lt_sb_putn(sb, s + i - run, run);
		run = 0;
		lt_sb_escape(sb, s + i, 1, 0, NULL);
	}
	lt_sb_putn(sb, s + n - run, run);
}

/* Emits a finished call; also learns process structure from clone/fork and execve. */
static void emit_call(struct lt_strace *p, uint32_t tid, uint64_t ts, const char *name,
		      size_t nlen, const char *a1, size_t l1, const char *a2, size_t l2,
		      const char *ret, size_t rlen, uint64_t dur)
{
	struct slot *s = push(p);
	int unfinished;
	s->ev.type = LT_EV_SYSCALL;
	s->ev.flags = LT_EVF_TEXT;
	s->ev.tid = tid;
	s->ev.pid = pid_of(p, tid);
	s->ev.ts_ns = ts;
	s->ev.dur_ns = dur;
	hold(p, s);
	lt_sb_putn(&s->name, name, nlen);
	put_text(&s->args, a1, l1);
	put_text(&s->args, a2, l2);
	/* "= -1 ENOSPC (...) (INJECTED) (DELAYED)": flags, as a log says them; the outputs
	 * print them back */
	static const struct { const char *mark; unsigned flag; } marks[] = {
		{ " (DELAYED)", LT_EVF_DELAYED }, { " (INJECTED)", LT_EVF_INJECTED },
	};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		size_t k = strlen(marks[i].mark);
		if (rlen >= k && !memcmp(ret + rlen - k, marks[i].mark, k)) {
			rlen -= k;
			s->ev.flags |= marks[i].flag;
		}
	}
	put_text(&s->ret, ret, rlen);
	s->ev.nr = lt_sysent_lookup(s->name.p);
	s->ev.ret = parse_ret(s->ret.p, rlen, &unfinished);
	if (unfinished)
		s->ev.flags |= LT_EVF_UNFINISHED;
	text_values(p, s);
	if (unfinished || s->ev.ret < 0)
		return;
	const char *nm = s->name.p, *args = s->args.p;
	if (strcmp(nm, "clone") == 0 || strcmp(nm, "clone3") == 0 || strcmp(nm, "fork") == 0 ||
	    strcmp(nm, "vfork") == 0) {
		if (s->ev.ret <= 0 || s->ev.ret >= (1ll << 32))
			return;
		uint32_t child = (uint32_t)s->ev.ret;
		int thread = strstr(args, "CLONE_THREAD") != NULL;
		set_pid(p, child, thread ? s->ev.pid : child);
		if (!thread) {
			struct slot *c = push(p);
			c->ev.type = LT_EV_PROCESS;
			c->ev.pid = c->ev.tid = child;
			c->ev.ppid = s->ev.pid;
			c->ev.proc_flags = LT_LOG_F_FORK;
			c->ev.ts_ns = ts + dur;
			hold(p, c);
		}
	} else if (strcmp(nm, "prctl") == 0 && strncmp(args, "PR_SET_NAME, \"", 14) == 0) {
		/* a thread naming itself: the name TEF and the views show for it */
		const char *q = args + 13, *e = quoted_end(q);
		struct slot *c = push(p);
		c->ev.type = LT_EV_THREAD;
		c->ev.pid = s->ev.pid;
		c->ev.tid = tid;
		c->ev.ts_ns = ts + dur;
		hold(p, c);
		put_unquoted(&c->str, q + 1, e);
	} else if (strcmp(nm, "execve") == 0 || strcmp(nm, "execveat") == 0) {
		/* The new image's command line: argv, unquoted, NUL-separated as a log's process
		 * record has it; the path when argv is not shown. */
		const char *q = strchr(args, '"');
		if (!q)
			return;
		const char *e = quoted_end(q);
		struct slot *c = push(p);
		c->ev.type = LT_EV_PROCESS;
		c->ev.pid = s->ev.pid;
		c->ev.tid = tid;
		c->ev.proc_flags = LT_LOG_F_EXEC;
		c->ev.ts_ns = ts + dur;
		hold(p, c);
		const char *a = *e ? strstr(e, ", [\"") : NULL;
		if (!a) {
			put_unquoted(&c->str, q + 1, e);
			return;
		}
		for (a += 3; *a == '"'; a += 3) { /* "x", "y"] */
			const char *ae = quoted_end(a);
			put_unquoted(&c->str, a + 1, ae);
			lt_sb_putc(&c->str, 0);
			if (!*ae || ae[1] != ',' || ae[2] != ' ')
				break;
			a = ae;
		}
	}
}

/* Splits "ARGS) = RET <DUR>" (from the end: argument strings may hold anything). */
static int split_result(const char *s, const char *e, const char **args_end, const char **ret,
			const char **ret_end, uint64_t *dur)
{
	*dur = 0;
	const char *t = e;
	while (t > s && t[-1] == ' ')
		t--;
	/* " <0.000123>" */
	if (t - s > 4 && t[-1] == '>') {
		const char *lt = t - 2;
		while (lt > s && (isdigit((unsigned char)*lt) || *lt == '.'))
			lt--;
		if (*lt == '<' && lt > s && lt[-1] == ' ' && lt + 1 < t - 1) {
			const char *d = lt + 1;
			uint64_t sec = 0, frac = 0, scale = 1000000000ull;
			while (*d != '.' && d < t - 1)
				sec = sec * 10 + (uint64_t)(*d++ - '0');
			if (*d == '.')
				for (d++; d < t - 1 && *d != '.'; d++)
					if (scale > 1) {
						scale /= 10;
						frac += (uint64_t)(*d - '0') * scale;
					}
			*dur = sec * 1000000000ull + frac;
			t = lt - 1;
			while (t > s && t[-1] == ' ')
				t--;
		}
	}
	for (const char *q = t - 2; q > s; q--) {
		if (q[0] != '=' || q[1] != ' ' || q[-1] != ' ')
			continue;
		const char *c = q - 1;
		while (c > s && c[-1] == ' ')
			c--;
		if (c > s && c[-1] == ')') {
			*args_end = c - 1;
			*ret = q + 2;
			*ret_end = t;
			return 0;
		}
	}
	/* "= ?" can be bare at the end too */
	if (t - s >= 3 && memcmp(t - 3, "= ?", 3) == 0) {
		const char *c = t - 3;
		while (c > s && c[-1] == ' ')
			c--;
		if (c > s && c[-1] == ')') {
			*args_end = c - 1;
			*ret = t - 1;
			*ret_end = t;
			return 0;
		}
	}
	return -1;
}

static int feed(struct lt_strace *p, const char *line, size_t len, uint64_t off);

/* strace writing to a terminal or stderr file can cut a call's line with its own note:
 * "clone(..., flags=...|SIGCHLDstrace: Process 5653 attached" then ", child_tidptr=...)
 * = 5653". The note is dropped and the halves joined. */
int lt_strace_feed(struct lt_strace *p, const char *line, size_t len, uint64_t off)
{
	static const char note[] = "strace: Process ";
	if (p->carry.len) {
		lt_sb_putn(&p->carry, line, len);
		struct lt_sb joined = p->carry;
		p->carry = (struct lt_sb){ 0 };
		int rc = feed(p, joined.p, joined.len, p->carry_off);
		lt_sb_free(&joined);
		return rc;
	}
	const char *n = len > sizeof(note) ? memmem(line + 1, len - 1, note, sizeof(note) - 1) : NULL;
	if (n && len >= 9 && memcmp(line + len - 9, " attached", 9) == 0) {
		lt_sb_putn(&p->carry, line, (size_t)(n - line));
		p->carry_off = off;
		return 0;
	}
	return feed(p, line, len, off);
}

/* "--- SIGCHLD {si_signo=...} ---" */
static void feed_signal(struct lt_strace *p, uint32_t tid, uint64_t ts, const char *s,
			const char *e)
{
	struct slot *sl = push(p);
	sl->ev.type = LT_EV_SIGNAL;
	sl->ev.flags = LT_EVF_TEXT;
	sl->ev.tid = tid;
	sl->ev.pid = pid_of(p, tid);
	sl->ev.ts_ns = ts;
	hold(p, sl);
	put_text(&sl->str, s + 4, (size_t)(e - s - 8));
	const char *w = s + 4;
	if (e - w > 11 && memcmp(w, "stopped by ", 11) == 0)
		w += 11;
	const char *we = w;
	while (we < e && is_name_char(*we))
		we++;
	sl->ev.signo = signo_of(w, (size_t)(we - w));
}

/* "+++ exited with 0 +++", "+++ killed by SIGKILL +++" */
static void feed_exit(struct lt_strace *p, uint32_t tid, uint64_t ts, const char *s,
		      const char *e)
{
	struct pending *pd = find_pending(p, tid, 0);
	if (pd)
		emit_unfinished(p, pd);
	struct slot *sl = push(p);
	sl->ev.type = LT_EV_EXIT;
	sl->ev.tid = tid;
	sl->ev.pid = pid_of(p, tid);
	sl->ev.ts_ns = ts;
	const char *w = s + 4;
	if (e - w > 12 && memcmp(w, "exited with ", 12) == 0) {
		sl->ev.exit_code = atoi(w + 12);
	} else if (e - w > 10 && memcmp(w, "killed by ", 10) == 0) {
		const char *we = w + 10;
		while (we < e && is_name_char(*we))
			we++;
		sl->ev.exit_signal = signo_of(w + 10, (size_t)(we - w - 10));
	} else {
		unpush(p, sl); /* e.g. "+++ superseded by execve in pid N +++": no exit */
		return;
	}
	hold(p, sl);
}

/* "<... read resumed>...) = 5": the end of a call whose start was "<unfinished ...>" */
static int feed_resumed(struct lt_strace *p, uint32_t tid, uint64_t ts, const char *s,
			const char *e, uint64_t off)
{
	const char *n = s + 5, *ne = n;
	while (ne < e && is_name_char(*ne))
		ne++;
	if (e - ne < 9 || memcmp(ne, " resumed>", 9) != 0) {
		bad_line(p, off, "bad \"resumed\" line");
		return -1;
	}
	const char *rest = ne + 9, *args_end, *ret, *ret_end;
	uint64_t dur;
	if (split_result(rest, e, &args_end, &ret, &ret_end, &dur) < 0) {
		/* resumed and unfinished again (e.g. interrupted by a signal in -f) */
		if (e - rest >= 17 && memcmp(e - 17, " <unfinished ...>", 17) == 0) {
			struct pending *pd = find_pending(p, tid, 0);
			if (pd)
				put_text(&pd->args, rest, (size_t)(e - 17 - rest));
			return 0;
		}
		bad_line(p, off, "no \" = \" result in a \"resumed\" line");
		return -1;
	}
	struct pending *pd = find_pending(p, tid, 0);
	if (pd && pd->name.len == (size_t)(ne - n) && memcmp(pd->name.p, n, pd->name.len) == 0) {
		emit_call(p, tid, pd->ts, n, (size_t)(ne - n), pd->args.p, pd->args.len, rest,
			  (size_t)(args_end - rest), ret, (size_t)(ret_end - ret), dur);
		pd->used = 0;
	} else {
		/* its start was before the file began: all we know is the end */
		if (pd)
			emit_unfinished(p, pd);
		emit_call(p, tid, ts, n, (size_t)(ne - n), "...", 3, rest,
			  (size_t)(args_end - rest), ret, (size_t)(ret_end - ret), dur);
	}
	return 0;
}

/* "name(args) = ret", or its start "name(args <unfinished ...>" */
static int feed_call(struct lt_strace *p, uint32_t tid, uint64_t ts, const char *s,
		     const char *e, uint64_t off)
{
	const char *n = s, *ne = s;
	while (ne < e && is_name_char(*ne))
		ne++;
	if (ne == n || ne >= e || *ne != '(') {
		/* strace's own remarks in the output */
		if ((e - s > 2 && s[0] == '[' && e[-1] == ']') ||
		    (e - s > 7 && memcmp(s, "strace: ", 8) == 0))
			return 0;
		bad_line(p, off, "not a strace line");
		return -1;
	}
	const char *a = ne + 1;
	if (e - a >= 17 && memcmp(e - 17, " <unfinished ...>", 17) == 0) {
		struct pending *pd = find_pending(p, tid, 0);
		if (pd)
			emit_unfinished(p, pd);
		pid_of(p, tid); /* known from its first line on: pid_of never recurses twice */
		pd = find_pending(p, tid, 1);
		pd->ts = ts;
		lt_sb_putn(&pd->name, n, (size_t)(ne - n));
		put_text(&pd->args, a, (size_t)(e - 17 - a));
		return 0;
	}
	const char *args_end, *ret, *ret_end;
	uint64_t dur;
	if (split_result(a, e, &args_end, &ret, &ret_end, &dur) < 0) {
		bad_line(p, off, "no \" = \" result in a call line");
		return -1;
	}
	/* A task makes one call at a time: one still open never ended where this file can
	 * see (the strace backend cuts lines at window edges). */
	struct pending *stale = find_pending(p, tid, 0);
	if (stale)
		emit_unfinished(p, stale);
	emit_call(p, tid, ts, n, (size_t)(ne - n), a, (size_t)(args_end - a), "", 0, ret,
		  (size_t)(ret_end - ret), dur);
	return 0;
}

static int feed(struct lt_strace *p, const char *line, size_t len, uint64_t off)
{
	const char *s = line, *e = line + len;
	while (e > s && (e[-1] == '\r' || e[-1] == ' '))
		e--;
	if (s == e || p->in_summary)
		return 0;
	reserve(p, 4); /* a line makes at most 3 events */
	if (e - s >= 6 && memcmp(s, "% time", 6) == 0) {
		p->in_summary = 1;
		return 0;
	}
	uint32_t tid;
	uint64_t ts;
	int ok;
	s = prefix(p, s, e, &tid, &ts, &ok);
	if (!ok) {
		bad_line(p, off, "not a strace line");
		return -1;
	}
	if (!tid)
		tid = p->pid;
	if (ts > p->line_ts)
		p->line_ts = ts;
	if (e - s >= 8 && memcmp(s, "--- ", 4) == 0 && memcmp(e - 4, " ---", 4) == 0) {
		feed_signal(p, tid, ts, s, e);
		return 0;
	}
	if (e - s >= 8 && memcmp(s, "+++ ", 4) == 0 && memcmp(e - 4, " +++", 4) == 0) {
		feed_exit(p, tid, ts, s, e);
		return 0;
	}
	if (e - s > 5 && memcmp(s, "<... ", 5) == 0)
		return feed_resumed(p, tid, ts, s, e, off);
	return feed_call(p, tid, ts, s, e, off);
}

void lt_strace_eof(struct lt_strace *p)
{
	if (p->eof)
		return;
	p->eof = 1;
	reserve(p, p->npend + 1);
	for (size_t i = 0; i < p->npend; i++)
		if (p->pend[i].used)
			emit_unfinished(p, &p->pend[i]);
}

int lt_strace_detect(const char *buf, size_t len)
{
	if (!buf)
		return 0;
	/* The first non-empty line must parse, with nothing reported. */
	size_t i = 0;
	while (i < len && (buf[i] == '\n' || buf[i] == '\r'))
		i++;
	if (i == len)
		return 0;
	const char *nl = memchr(buf + i, '\n', len - i);
	size_t n = nl ? (size_t)(nl - buf - i) : len - i;
	if (n > 1 << 20)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (buf[i + k] == 0)
			return 0;
	struct lt_strace *p = lt_strace_new("-", 0, 0);
	p->bad = 1; /* quiet: a failed detection is not an error yet */
	int ok = lt_strace_feed(p, buf + i, n, i) == 0 && !p->in_summary;
	lt_strace_free(p);
	return ok;
}
