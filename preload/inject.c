/* Fault injection: parsing strace's -e inject= / -e fault= syntax into static tables, and
 * deciding for each traced call whether a rule fires (preload/inject.h, docs/inject.md).
 *
 * A rule is  [inject=|fault=]SET[:error=ERRNO|:retval=N][:signal=SIG][:delay_enter=T]
 * [:delay_exit=T][:when=FIRST[..LAST][+[STEP]]]; LIBTRACE_INJECT and libtrace_inject() take
 * several separated by ';'. Semantics are strace's, with two choices of ours:
 *  - Counting for when= is per rule and per syscall of its set (as strace's), but across
 *    all threads of the process (strace counts per tracee, i.e. per thread): a process is
 *    what libtrace traces and what a region of a program (a Python `with`) covers, and
 *    which thread of a runtime makes a call is rarely the program's choice.
 *  - Every rule counts and fires on its own: two rules on one syscall both act (delays add
 *    up; the later rule's error/retval/signal wins), where strace keeps only the last rule
 *    that names a syscall.
 *
 * Concurrency, without locks (the readers run in signal handlers): the rules in force are
 * one of two tables; a change builds the other table and then switches lt_cur. Readers
 * announce themselves in lt_readers[table] and re-check lt_cur, and a writer rewrites a
 * table only once it has no reader, so no call ever sees a half-written rule. Counters live
 * apart (lt_counts[slot]) so a rule keeps its counts when rules are added after it. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>

#include "inject.h"
#include "libtrace.h"
#include "lt_errno.h"
#include "lt_signal.h"
#include "lt_syscall.h"

#define LT_INJ_WORDS ((LT_NSYSCALLS + 63) / 64)
#define LT_INJ_ERROR 0x1u
#define LT_INJ_RETVAL 0x2u
#define LT_INJ_SIGNAL 0x4u
#define LT_INJ_DELAY_ENTER 0x8u
#define LT_INJ_DELAY_EXIT 0x10u
#define LT_INJ_WHEN 0x20u
#define LT_WHEN_NONE UINT64_MAX

struct lt_inject_rule {
	uint64_t set[LT_INJ_WORDS]; /* syscall numbers this rule applies to */
	uint32_t what;              /* LT_INJ_* given */
	int signo;
	int64_t ret;                /* -errno or retval */
	uint64_t delay_enter_ns, delay_exit_ns;
	uint64_t first, last, step; /* when=: invocations first, first+step, ... <= last */
	unsigned slot;              /* its counters: lt_counts[slot] */
};

struct lt_inject_table {
	unsigned n;
	uint64_t any[LT_INJ_WORDS]; /* union of the rules' sets */
	struct lt_inject_rule r[LT_INJECT_MAX];
};

volatile int lt_inject_live;
static struct lt_inject_table lt_tables[2];
static unsigned lt_readers[2];
static int lt_cur;     /* the table in force */
static int lt_writing; /* a change is under way (changes do not wait for each other) */
/* Two tables' worth: a new rule never takes a slot of the table in force, whose readers
 * may still be counting into it (a rule dropped and a rule added in one change). */
#define LT_INJ_SLOTS (2 * LT_INJECT_MAX)
static uint64_t lt_counts[LT_INJ_SLOTS][LT_NSYSCALLS];
static char lt_inject_msg[256]; /* why the last change was refused */

static int lt_bit(const uint64_t *set, unsigned nr)
{
	return (int)((__atomic_load_n(&set[nr / 64], __ATOMIC_RELAXED) >> (nr % 64)) & 1);
}

/* ---- deciding ---- */

static int lt_when_fires(const struct lt_inject_rule *r, uint64_t n)
{
	if (n < r->first || n > r->last)
		return 0;
	return r->step ? (n - r->first) % r->step == 0 : n == r->first;
}

static void lt_sleep_ns(uint64_t ns)
{
	struct timespec t;
	long r = lt_sys2(SYS_clock_gettime, CLOCK_MONOTONIC, &t);
	if (r < 0)
		return;
	uint64_t end = (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec + ns;
	t.tv_sec = (time_t)(end / 1000000000u);
	t.tv_nsec = (long)(end % 1000000000u);
	/* Absolute, so a signal handler run in between does not stretch the delay. */
	do
		r = lt_sys4(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &t, 0);
	while (r == -EINTR);
}

int lt_inject_check(unsigned nr, const uint64_t args[6], struct lt_inject_action *out)
{
	(void)args;
	if (nr >= LT_NSYSCALLS)
		return 0;
	int i = __atomic_load_n(&lt_cur, __ATOMIC_SEQ_CST);
	if (!lt_bit(lt_tables[i].any, nr))
		return 0;
	__atomic_add_fetch(&lt_readers[i], 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&lt_cur, __ATOMIC_SEQ_CST) != i) {
		/* The rules changed this instant: the call goes by neither table. */
		__atomic_sub_fetch(&lt_readers[i], 1, __ATOMIC_SEQ_CST);
		return 0;
	}
	const struct lt_inject_table *t = &lt_tables[i];
	uint64_t delay_enter = 0;
	int fired = 0;
	out->marks = 0;
	out->skip = 0;
	out->signo = 0;
	out->ret = 0;
	out->delay_exit_ns = 0;
	for (unsigned k = 0; k < t->n; k++) {
		const struct lt_inject_rule *r = &t->r[k];
		if (!lt_bit(r->set, nr))
			continue;
		uint64_t n = __atomic_add_fetch(&lt_counts[r->slot][nr], 1, __ATOMIC_RELAXED);
		if (!lt_when_fires(r, n))
			continue;
		fired = 1;
		if (r->what & (LT_INJ_ERROR | LT_INJ_RETVAL)) {
			out->skip = 1;
			out->ret = r->ret;
		}
		if (r->what & LT_INJ_SIGNAL)
			out->signo = r->signo;
		delay_enter += r->delay_enter_ns;
		out->delay_exit_ns += r->delay_exit_ns;
	}
	__atomic_sub_fetch(&lt_readers[i], 1, __ATOMIC_SEQ_CST);
	if (out->skip)
		out->marks |= LT_SC_INJECTED;
	if (delay_enter || out->delay_exit_ns)
		out->marks |= LT_SC_DELAYED;
	if (delay_enter)
		lt_sleep_ns(delay_enter);
	return fired;
}

void lt_inject_after(const struct lt_inject_action *act)
{
	if (act->delay_exit_ns)
		lt_sleep_ns(act->delay_exit_ns);
	if (act->signo)
		lt_sys3(SYS_tgkill, lt_sys0(SYS_getpid), lt_sys0(SYS_gettid), act->signo);
}

/* ---- parsing ---- */

/* A piece of the rule text: not NUL-terminated. */
struct lt_span {
	const char *p;
	size_t n;
};

static int lt_span_is(struct lt_span s, const char *lit)
{
	size_t l = lt_strlen(lit);
	if (l != s.n)
		return 0;
	for (size_t i = 0; i < l; i++)
		if (s.p[i] != lit[i])
			return 0;
	return 1;
}

/* Copies a span into buf as a C string for messages; cut to the buffer. */
static const char *lt_span_str(struct lt_span s, char *buf, size_t size)
{
	size_t n = s.n < size - 1 ? s.n : size - 1;
	lt_memcpy(buf, s.p, n);
	buf[n] = 0;
	return buf;
}

static int lt_fail(const char *what, struct lt_span s)
{
	char b[64];
	lt_snprintf(lt_inject_msg, sizeof lt_inject_msg, "%s '%s'", what, lt_span_str(s, b, sizeof b));
	return -EINVAL;
}

/* A number: decimal, or hex with 0x; an optional '-' if neg_ok. */
static int lt_parse_num(struct lt_span s, int neg_ok, int64_t *out)
{
	size_t i = 0;
	int neg = 0;
	if (neg_ok && s.n > 0 && s.p[0] == '-') {
		neg = 1;
		i = 1;
	}
	unsigned base = 10;
	if (s.n - i > 2 && s.p[i] == '0' && (s.p[i + 1] == 'x' || s.p[i + 1] == 'X')) {
		base = 16;
		i += 2;
	}
	if (i >= s.n)
		return -1;
	uint64_t v = 0;
	for (; i < s.n; i++) {
		char c = s.p[i];
		unsigned d;
		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (base == 16 && c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else if (base == 16 && c >= 'A' && c <= 'F')
			d = (unsigned)(c - 'A' + 10);
		else
			return -1;
		if (v > (UINT64_MAX - d) / base)
			return -1;
		v = v * base + d;
	}
	if (v > (uint64_t)INT64_MAX)
		return -1;
	*out = neg ? -(int64_t)v : (int64_t)v;
	return 0;
}

static int lt_parse_errno(struct lt_span s)
{
	int64_t v;
	if (lt_parse_num(s, 0, &v) == 0)
		return v >= 1 && v <= 4095 ? (int)v : -1;
	int e = lt_errno_by_name(s.p, s.n);
	return e ? e : -1;
}

static int lt_parse_signal(struct lt_span s)
{
	int64_t v;
	if (lt_parse_num(s, 0, &v) == 0)
		return v >= 1 && v <= 64 ? (int)v : -1;
	int sig = lt_signal_by_name(s.p, s.n);
	return sig ? sig : -1;
}

/* A delay: a number with an optional unit s, ms, us or ns (strace's default: us). */
static int lt_parse_delay(struct lt_span s, uint64_t *ns)
{
	static const struct { char suffix[4]; uint64_t mul; } units[] = {
		{ "ns", 1 }, { "us", 1000 }, { "ms", 1000000 }, { "s", 1000000000 },
	};
	uint64_t mul = 1000;
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		size_t l = lt_strlen(units[i].suffix);
		if (s.n > l && lt_span_is((struct lt_span){ s.p + s.n - l, l }, units[i].suffix)) {
			mul = units[i].mul;
			s.n -= l;
			break;
		}
	}
	int64_t v;
	if (lt_parse_num(s, 0, &v) < 0 || (uint64_t)v > UINT64_MAX / mul / 4)
		return -1;
	*ns = (uint64_t)v * mul;
	return 0;
}

/* when=FIRST[..LAST][+[STEP]] */
static int lt_parse_when(struct lt_span s, struct lt_inject_rule *r)
{
	struct lt_span a = s, b = { 0, 0 }, c = { 0, 0 };
	int plus = 0, range = 0;
	for (size_t i = 0; i < s.n; i++) {
		if (s.p[i] == '+') {
			plus = 1;
			c = (struct lt_span){ s.p + i + 1, s.n - i - 1 };
			s.n = i;
			break;
		}
	}
	a = s;
	for (size_t i = 0; i + 1 < s.n; i++) {
		if (s.p[i] == '.' && s.p[i + 1] == '.') {
			range = 1;
			a.n = i;
			b = (struct lt_span){ s.p + i + 2, s.n - i - 2 };
			break;
		}
	}
	int64_t first, last = INT64_MAX, step = 1;
	if (lt_parse_num(a, 0, &first) < 0 || first < 1)
		return -1;
	if (range && (lt_parse_num(b, 0, &last) < 0 || last < first))
		return -1;
	if (plus && c.n && (lt_parse_num(c, 0, &step) < 0 || step < 1))
		return -1;
	if (!plus && !range)
		step = 0, last = first; /* FIRST alone: that invocation only */
	r->first = (uint64_t)first;
	r->last = (uint64_t)last;
	r->step = (uint64_t)step;
	return 0;
}

/* ---- syscall sets: names, %class, /regex, all, none, ?name, !SET ---- */

/* A regular expression subset (documented in docs/inject.md): literals, '.', [set],
 * [^set], ranges, '*', '+', '?' after an atom, '^' and '$' anchors, '|' between
 * alternatives; no groups, no backreferences. Matched against whole names by search,
 * like regexec. Backtracking over at most 23 characters (a syscall name). */
static int lt_re_atom_len(const char *re, const char *end)
{
	if (*re == '\\')
		return re + 1 < end ? 2 : -1;
	if (*re != '[')
		return 1;
	const char *p = re + 1;
	if (p < end && *p == '^')
		p++;
	if (p < end && *p == ']')
		p++;
	while (p < end && *p != ']')
		p++;
	return p < end ? (int)(p + 1 - re) : -1;
}

static int lt_re_atom_match(const char *re, int len, char c)
{
	if (len == 1)
		return *re == '.' || *re == c;
	if (*re == '\\')
		return re[1] == c;
	const char *p = re + 1, *end = re + len - 1;
	int neg = 0, hit = 0;
	if (*p == '^')
		neg = 1, p++;
	for (const char *q = p; q < end; q++) {
		if (q + 2 < end && q[1] == '-') {
			hit |= c >= q[0] && c <= q[2];
			q += 2;
		} else {
			hit |= c == *q;
		}
	}
	return hit != neg;
}

static int lt_re_here(const char *re, const char *end, const char *s)
{
	if (re == end)
		return 1;
	if (*re == '$' && re + 1 == end)
		return *s == 0;
	int len = lt_re_atom_len(re, end);
	char q = re + len < end ? re[len] : 0;
	if (q == '*' || q == '+' || q == '?') {
		const char *rest = re + len + 1;
		int min = q == '+', max = q == '?' ? 1 : 1 << 20, n = 0;
		while (n < max && s[n] && lt_re_atom_match(re, len, s[n]))
			n++;
		for (; n >= min; n--)
			if (lt_re_here(rest, end, s + n))
				return 1;
		return 0;
	}
	return *s && lt_re_atom_match(re, len, *s) && lt_re_here(re + len, end, s + 1);
}

static int lt_re_check(const char *re, const char *end)
{
	for (const char *p = re; p < end;) {
		if (*p == '(' || *p == ')' || *p == '{' || *p == '}')
			return -1;
		if ((*p == '*' || *p == '+' || *p == '?') && (p == re || p[-1] == '|'))
			return -1;
		int len = lt_re_atom_len(p, end);
		if (len < 0)
			return -1;
		p += len;
	}
	return 0;
}

static int lt_re_search(const char *re, const char *end, const char *s)
{
	if (re < end && *re == '^')
		return lt_re_here(re + 1, end, s);
	do
		if (lt_re_here(re, end, s))
			return 1;
	while (*s++);
	return 0;
}

static int lt_re_match(struct lt_span re, const char *name)
{
	const char *p = re.p, *end = re.p + re.n;
	while (p <= end) {
		const char *bar = p;
		while (bar < end && *bar != '|') {
			int len = lt_re_atom_len(bar, end);
			bar += len > 0 ? len : 1;
		}
		if (lt_re_search(p, bar, name))
			return 1;
		p = bar + 1;
	}
	return 0;
}

static void lt_set_bit(uint64_t *set, unsigned nr)
{
	set[nr / 64] |= 1ull << (nr % 64);
}

static int lt_parse_set(struct lt_span s, uint64_t *set)
{
	int neg = 0;
	lt_memset(set, 0, LT_INJ_WORDS * sizeof set[0]);
	if (s.n && s.p[0] == '!') {
		neg = 1;
		s.p++;
		s.n--;
	}
	if (!s.n)
		return lt_fail("empty syscall set in", s);
	while (s.n) {
		struct lt_span t = s;
		for (size_t i = 0; i < s.n; i++)
			if (s.p[i] == ',') {
				t.n = i;
				break;
			}
		s.p += t.n;
		s.n -= t.n;
		if (s.n) { /* the comma */
			s.p++;
			s.n--;
			if (!s.n)
				return lt_fail("empty syscall name after", t);
		}
		int optional = t.n && t.p[0] == '?';
		if (optional)
			t.p++, t.n--;
		int found = 0;
		if (lt_span_is(t, "all")) {
			for (unsigned nr = 0; nr < LT_NSYSCALLS; nr++)
				if (lt_sysent[nr].name[0])
					lt_set_bit(set, nr);
			found = 1;
		} else if (lt_span_is(t, "none")) {
			found = 1;
		} else if (t.n && t.p[0] == '/') {
			struct lt_span re = { t.p + 1, t.n - 1 };
			if (lt_re_check(re.p, re.p + re.n) < 0)
				return lt_fail("unsupported regular expression", re);
			for (unsigned nr = 0; nr < LT_NSYSCALLS; nr++)
				if (lt_sysent[nr].name[0] && lt_re_match(re, lt_sysent[nr].name))
					lt_set_bit(set, nr), found = 1;
			found = 1; /* a regex matching nothing is no error (as in strace) */
		} else {
			int pct = t.n && t.p[0] == '%';
			for (unsigned nr = 0; !pct && nr < LT_NSYSCALLS; nr++)
				if (lt_sysent[nr].name[0] && lt_span_is(t, lt_sysent[nr].name)) {
					lt_set_bit(set, nr);
					found = 1;
				}
			/* %class, or strace's older spelling without '%' for the first classes */
			uint32_t bit = found ? 0 : lt_class_by_name(t.p, t.n);
			for (unsigned nr = 0; bit && nr < LT_NSYSCALLS; nr++)
				if (lt_sysent[nr].classes & bit) {
					lt_set_bit(set, nr);
					found = 1;
				}
			if (pct && !bit)
				return lt_fail("unknown syscall class", t);
		}
		if (!found && !optional)
			return lt_fail("unknown syscall", t);
	}
	if (neg)
		for (unsigned nr = 0; nr < LT_NSYSCALLS; nr++)
			if (lt_sysent[nr].name[0])
				set[nr / 64] ^= 1ull << (nr % 64);
	return 0;
}

/* One rule: [inject=|fault=]SET:opt:opt... */
static int lt_parse_rule(struct lt_span s, struct lt_inject_rule *r)
{
	lt_memset(r, 0, sizeof *r);
	r->first = 1;
	r->last = LT_WHEN_NONE;
	r->step = 1;
	int fault = 0;
	if (s.n >= 6 && lt_span_is((struct lt_span){ s.p, 6 }, "fault=")) {
		fault = 1;
		s.p += 6, s.n -= 6;
	} else if (s.n >= 7 && lt_span_is((struct lt_span){ s.p, 7 }, "inject=")) {
		s.p += 7, s.n -= 7;
	}
	struct lt_span set = s;
	for (size_t i = 0; i < s.n; i++)
		if (s.p[i] == ':') {
			set.n = i;
			break;
		}
	int rc = lt_parse_set(set, r->set);
	if (rc < 0)
		return rc;
	s.p += set.n, s.n -= set.n;
	while (s.n) {
		s.p++, s.n--; /* the ':' */
		struct lt_span o = s, k, v;
		for (size_t i = 0; i < s.n; i++)
			if (s.p[i] == ':') {
				o.n = i;
				break;
			}
		s.p += o.n, s.n -= o.n;
		size_t eq = 0;
		while (eq < o.n && o.p[eq] != '=')
			eq++;
		if (eq == o.n || eq + 1 == o.n)
			return lt_fail("expected NAME=VALUE, got", o);
		k = (struct lt_span){ o.p, eq };
		v = (struct lt_span){ o.p + eq + 1, o.n - eq - 1 };
		uint32_t bit;
		if (lt_span_is(k, "error")) {
			int e = lt_parse_errno(v);
			if (e < 0)
				return lt_fail("unknown error", v);
			r->ret = -(int64_t)e;
			bit = LT_INJ_ERROR;
		} else if (lt_span_is(k, "when")) {
			if (lt_parse_when(v, r) < 0)
				return lt_fail("bad when= (FIRST[..LAST][+[STEP]], from 1)", v);
			bit = LT_INJ_WHEN;
		} else if (fault) {
			return lt_fail("fault= takes only error= and when=, not", o);
		} else if (lt_span_is(k, "retval")) {
			if (lt_parse_num(v, 1, &r->ret) < 0 || (r->ret < 0 && r->ret >= -4095))
				return lt_fail("bad retval (an integer, not an error code)", v);
			bit = LT_INJ_RETVAL;
		} else if (lt_span_is(k, "signal")) {
			if ((r->signo = lt_parse_signal(v)) < 0)
				return lt_fail("unknown signal", v);
			bit = LT_INJ_SIGNAL;
		} else if (lt_span_is(k, "delay_enter") || lt_span_is(k, "delay_exit")) {
			int enter = k.n == 11;
			if (lt_parse_delay(v, enter ? &r->delay_enter_ns : &r->delay_exit_ns) < 0)
				return lt_fail("bad delay (a number with s, ms, us or ns)", v);
			bit = enter ? LT_INJ_DELAY_ENTER : LT_INJ_DELAY_EXIT;
		} else if (lt_span_is(k, "syscall") || lt_span_is(k, "poke_enter") ||
			   lt_span_is(k, "poke_exit")) {
			return lt_fail("not supported by libtrace:", k);
		} else {
			return lt_fail("unknown injection option", k);
		}
		if (r->what & bit)
			return lt_fail("given twice:", k);
		r->what |= bit;
	}
	if ((r->what & LT_INJ_ERROR) && (r->what & LT_INJ_RETVAL))
		return lt_fail("error= and retval= exclude each other in", set);
	if (fault && !(r->what & LT_INJ_ERROR)) {
		r->ret = -ENOSYS; /* strace's default for -e fault= */
		r->what |= LT_INJ_ERROR;
	}
	if (!(r->what & ~LT_INJ_WHEN))
		return lt_fail("no action (error=, retval=, signal=, delay_enter=, delay_exit=) in",
			       set);
	return 0;
}

/* ---- changing the rules in force ---- */

/* Waits until no call reads table i (readers hold it for a few hundred ns; none sleeps). */
static int lt_drain(int i)
{
	for (int spins = 0; __atomic_load_n(&lt_readers[i], __ATOMIC_SEQ_CST); spins++) {
		if (spins > 100000)
			return -EBUSY;
		lt_sys0(SYS_sched_yield);
	}
	return 0;
}

/* The rules in force become their first KEEP, then RULES (NULL: none); with DRY, nothing
 * changes but RULES are checked. */
static int lt_change(const char *rules, unsigned keep, int dry)
{
	int cur = __atomic_load_n(&lt_cur, __ATOMIC_SEQ_CST), nxt = !cur;
	int rc = lt_drain(nxt);
	if (rc < 0)
		return rc;
	struct lt_inject_table *t = &lt_tables[nxt];
	const struct lt_inject_table *old = &lt_tables[cur];
	uint32_t used = 0;
	*t = *old;
	if (t->n > keep)
		t->n = keep;
	for (unsigned k = 0; k < old->n; k++)
		used |= 1u << old->r[k].slot;
	for (const char *p = rules; p && *p;) {
		struct lt_span s = { p, 0 };
		while (p[s.n] && p[s.n] != ';')
			s.n++;
		p += s.n + (p[s.n] == ';');
		while (s.n && (s.p[0] == ' ' || s.p[0] == '\n'))
			s.p++, s.n--;
		while (s.n && (s.p[s.n - 1] == ' ' || s.p[s.n - 1] == '\n'))
			s.n--;
		if (!s.n)
			continue;
		if (t->n == LT_INJECT_MAX) {
			lt_snprintf(lt_inject_msg, sizeof lt_inject_msg,
				    "more than %d injection rules", LT_INJECT_MAX);
			return -ENOSPC;
		}
		struct lt_inject_rule *r = &t->r[t->n];
		if ((rc = lt_parse_rule(s, r)) < 0)
			return rc;
		unsigned slot = 0;
		while (used & (1u << slot)) /* 16 in force, under 16 here: one of 32 is free */
			slot++;
		used |= 1u << slot;
		r->slot = slot;
		t->n++;
		/* No call counts into this slot: the table in force does not hold it, and the
		 * other one has drained (see the header). */
		for (unsigned nr = 0; !dry && nr < LT_NSYSCALLS; nr++)
			__atomic_store_n(&lt_counts[slot][nr], 0, __ATOMIC_RELAXED);
	}
	if (dry)
		return 0;
	lt_memset(t->any, 0, sizeof t->any);
	for (unsigned k = 0; k < t->n; k++)
		for (unsigned w = 0; w < LT_INJ_WORDS; w++)
			t->any[w] |= t->r[k].set[w];
	__atomic_store_n(&lt_cur, nxt, __ATOMIC_SEQ_CST);
	lt_inject_live = t->n > 0;
	return 0;
}

int lt_inject_set_rules(const char *rules, unsigned keep, int dry)
{
	if (__atomic_exchange_n(&lt_writing, 1, __ATOMIC_ACQUIRE)) {
		lt_snprintf(lt_inject_msg, sizeof lt_inject_msg,
			    "another thread is changing the injection rules");
		return -EBUSY;
	}
	lt_inject_msg[0] = 0;
	int rc = lt_change(rules, keep, dry);
	__atomic_store_n(&lt_writing, 0, __ATOMIC_RELEASE);
	return rc;
}

/* ---- public API (include/libtrace.h) and the environment ---- */

static int lt_api_change(const char *rules, unsigned keep, int dry)
{
	if (!lt_cfg.enabled) {
		lt_snprintf(lt_inject_msg, sizeof lt_inject_msg, "the shim is off in this process");
		return -ENOSYS;
	}
	if (lt_cfg.backend == LT_BACKEND_STRACE) {
		lt_snprintf(lt_inject_msg, sizeof lt_inject_msg,
			    "injection needs the native backend (this process uses strace)");
		return -EOPNOTSUPP;
	}
	return lt_inject_set_rules(rules, keep, dry);
}

__attribute__((visibility("default"))) int libtrace_inject(const char *rules)
{
	return lt_api_change(rules, rules ? LT_INJECT_MAX : 0, 0);
}

__attribute__((visibility("default"))) int libtrace_inject_check(const char *rules)
{
	return rules ? lt_api_change(rules, 0, 1) : -EINVAL;
}

__attribute__((visibility("default"))) int libtrace_inject_count(void)
{
	return (int)lt_tables[__atomic_load_n(&lt_cur, __ATOMIC_SEQ_CST)].n;
}

__attribute__((visibility("default"))) int libtrace_inject_keep(int n)
{
	return n < 0 ? -EINVAL : lt_api_change(0, (unsigned)n, 0);
}

__attribute__((visibility("default"))) const char *libtrace_inject_error(void)
{
	return lt_inject_msg;
}

/* After control.c's constructor (101) has read the configuration. */
__attribute__((constructor(102))) static void lt_inject_init(void)
{
	const char *v = getenv("LIBTRACE_INJECT");
	if (!v || !*v || !lt_cfg.enabled || lt_cfg.backend == LT_BACKEND_STRACE)
		return;
	/* All or nothing: a refused rule leaves none in force (the launcher checks first). */
	if (lt_inject_set_rules(v, 0, 0) < 0)
		lt_warn("LIBTRACE_INJECT=%s: %s; no fault is injected", v, lt_inject_msg);
}
