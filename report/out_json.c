/* --json: JSON Lines, one object per event; and the JSON string escaping --tef shares.
 * A call has its arguments twice: "args", strace's text of each, and "named_args", by the
 * syscall table's names with numbers as numbers and strings as their bytes. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lt_json.h"
#include "lt_log.h"
#include "lt_report.h"
#include "lt_syscall.h"
#include "lt_views.h"

static int utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	int len;
	unsigned min;
	if (c < 0x80)
		return 1;
	if ((c & 0xe0) == 0xc0) {
		len = 2;
		min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		len = 3;
		min = 0x800;
	} else if ((c & 0xf8) == 0xf0) {
		len = 4;
		min = 0x10000;
	} else {
		return 0;
	}
	if ((size_t)len > n)
		return 0;
	unsigned cp = c & (0x7fu >> len);
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3fu);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

void lt_json_str(struct lt_sb *sb, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *u = (const unsigned char *)s;
	lt_sb_putc(sb, '"');
	size_t run = 0; /* bytes that pass through, not yet copied */
	for (size_t i = 0; i < n;) {
		unsigned c = u[i];
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') { /* the common case */
			i++;
			run++;
			continue;
		}
		int ok = c >= 0x80;
		int len = ok ? utf8_len(u + i, n - i) : 0;
		if (len) {
			i += (size_t)len;
			run += (size_t)len;
			continue;
		}
		lt_sb_putn(sb, (const char *)u + i - run, run);
		run = 0;
		switch (c) {
		case '"': lt_sb_puts(sb, "\\\""); break;
		case '\\': lt_sb_puts(sb, "\\\\"); break;
		case '\n': lt_sb_puts(sb, "\\n"); break;
		case '\t': lt_sb_puts(sb, "\\t"); break;
		case '\r': lt_sb_puts(sb, "\\r"); break;
		default: {
			char e[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
			lt_sb_putn(sb, e, 6);
		}
		}
		i++;
	}
	lt_sb_putn(sb, (const char *)u + n - run, run);
	lt_sb_putc(sb, '"');
}

void lt_json_u64(struct lt_sb *sb, uint64_t v)
{
	char buf[24];
	char *p = buf + sizeof(buf);
	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	lt_sb_putn(sb, p, (size_t)(buf + sizeof(buf) - p));
}

void lt_json_i64(struct lt_sb *sb, int64_t v)
{
	if (v < 0) {
		lt_sb_putc(sb, '-');
		lt_json_u64(sb, 0 - (uint64_t)v);
	} else {
		lt_json_u64(sb, (uint64_t)v);
	}
}

void lt_json_us(struct lt_sb *sb, uint64_t ns)
{
	char frac[4] = { '.', (char)('0' + ns / 100 % 10), (char)('0' + ns / 10 % 10),
			 (char)('0' + ns % 10) };
	lt_json_u64(sb, ns / 1000);
	lt_sb_putn(sb, frac, 4);
}

struct jstate {
	struct lt_sb sb, tmp, val;
};

static int jbegin(struct lt_report *r, void **state)
{
	(void)r;
	*state = calloc(1, sizeof(struct jstate));
	return *state ? 0 : -1;
}

static void head(struct lt_sb *sb, const char *type, const struct lt_event *ev)
{
	lt_sb_puts(sb, "{\"type\":\"");
	lt_sb_puts(sb, type);
	lt_sb_puts(sb, "\",\"pid\":");
	lt_json_u64(sb, ev->pid);
	lt_sb_puts(sb, ",\"tid\":");
	lt_json_u64(sb, ev->tid);
	lt_sb_puts(sb, ",\"ts_ns\":");
	lt_json_u64(sb, ev->ts_ns);
}

/* The errno name of a failed call; one the table lacks (strace can name more) as the
 * formatted result names it ("-1 EFOO (...)"), whatever the input was. */
static void put_errno(struct jstate *s, struct lt_report *r, const struct lt_event *ev)
{
	struct lt_sb *sb = &s->sb;
	const char *n = lt_errno_name((int)-ev->ret);
	if (!n) {
		lt_sb_reset(&s->val);
		lt_format_ret(&s->val, ev, &r->o.fmt);
		const char *e = strchr(s->val.p, 'E');
		if (e && e[1] != '?') {
			lt_sb_puts(sb, ",\"errno\":");
			lt_json_str(sb, e, strcspn(e, " "));
			return;
		}
	}
	lt_sb_puts(sb, ",\"errno\":");
	if (n)
		lt_json_str(sb, n, strlen(n));
	else
		lt_sb_printf(sb, "\"%lld\"", (long long)-ev->ret);
}

/* One displayed argument as a JSON value: a decimal number as a number ("3</path>" of -y
 * too), a string as its bytes ("Hello\n", however strace escaped them), NULL as null, and
 * anything else (flags, structures, addresses) as strace's text. */
static void arg_value(struct jstate *s, const char *t, size_t n)
{
	struct lt_sb *sb = &s->sb;
	if (n == 4 && !memcmp(t, "NULL", 4)) {
		lt_sb_puts(sb, "null");
		return;
	}
	if (n >= 2 && t[0] == '"') {
		size_t e = 1;
		while (e < n && t[e] != '"')
			e += t[e] == '\\' && e + 1 < n ? 2 : 1;
		lt_sb_reset(&s->val);
		lt_sb_grow(&s->val, e);
		size_t k = lt_view_unquote(t + 1, e - 1, s->val.p, e);
		lt_json_str(sb, s->val.p, k);
		return;
	}
	size_t d = t[0] == '-' ? 1 : 0, end = d;
	while (end < n && t[end] >= '0' && t[end] <= '9')
		end++;
	if (end > d && end - d < 19 && (end == n || t[end] == '<') && (t[d] != '0' || end == d + 1)) {
		lt_sb_putn(sb, t, end);
		return;
	}
	lt_json_str(sb, t, n);
}

/* "named_args": the displayed arguments by the table's names, in register order ("name="
 * in strace's text, as clone's, names itself). */
static void named_args(struct jstate *s, const struct lt_event *ev, const size_t *ends, int n)
{
	const struct lt_sysent *se = ev->nr >= 0 ? lt_sysent_get((uint64_t)ev->nr) : NULL;
	struct lt_sb *sb = &s->sb;
	int reg = 0;
	size_t start = 0;
	lt_sb_puts(sb, ",\"named_args\":{");
	for (int i = 0; i < n; i++) {
		size_t b = lt_view_arg_start(&s->tmp, start), e = ends[i];
		start = e;
		if (e > s->tmp.len || b > e)
			break;
		while (se && reg < se->nargs && se->kind[reg] == LT_K_SKIP)
			reg++;
		const char *t = s->tmp.p + b, *eq = t;
		while (eq < t + (e - b) && (isalnum((unsigned char)*eq) || *eq == '_'))
			eq++;
		if (i)
			lt_sb_putc(sb, ',');
		if (eq < t + (e - b) && *eq == '=' && eq > t && !isdigit((unsigned char)*t)) {
			lt_json_str(sb, t, (size_t)(eq - t));
			b += (size_t)(eq - t) + 1;
		} else if (se && reg < se->nargs && se->argname[reg][0]) {
			lt_json_str(sb, se->argname[reg], strnlen(se->argname[reg], sizeof se->argname[reg]));
		} else {
			lt_sb_printf(sb, "\"arg%d\"", i);
		}
		reg++;
		lt_sb_putc(sb, ':');
		arg_value(s, s->tmp.p + b, e - b);
	}
	lt_sb_putc(sb, '}');
}

static void syscall_obj(struct jstate *s, struct lt_report *r, const struct lt_event *ev)
{
	struct lt_sb *sb = &s->sb;
	size_t ends[64];
	int n;
	head(sb, "syscall", ev);
	lt_sb_puts(sb, ",\"dur_ns\":");
	lt_json_u64(sb, ev->dur_ns);
	lt_sb_puts(sb, ",\"name\":");
	lt_json_str(sb, ev->name, strlen(ev->name));
	lt_sb_puts(sb, ",\"args\":[");
	lt_sb_reset(&s->tmp);
	n = lt_format_args(&s->tmp, ev, &r->o.fmt, ends, 64);
	if (n > 64)
		n = 64;
	size_t start = 0;
	for (int i = 0; i < n; i++) {
		size_t b = start, e = ends[i];
		if (e > s->tmp.len || e < b)
			break;
		b = lt_view_arg_start(&s->tmp, b);
		if (b > e)
			b = e;
		if (i)
			lt_sb_putc(sb, ',');
		lt_json_str(sb, s->tmp.p + b, e - b);
		start = e;
	}
	lt_sb_putc(sb, ']');
	named_args(s, ev, ends, n);
	if (ev->flags & LT_EVF_UNFINISHED)
		lt_sb_puts(sb, ",\"ret\":null,\"unfinished\":true");
	else if (ev->ret < 0 && ev->ret >= -4095) {
		lt_sb_puts(sb, ",\"ret\":-1");
		put_errno(s, r, ev);
	} else {
		lt_sb_puts(sb, ",\"ret\":");
		lt_json_i64(sb, ev->ret);
	}
	if (ev->flags & LT_EVF_INJECTED)
		lt_sb_puts(sb, ",\"injected\":true");
	if (ev->flags & LT_EVF_DELAYED)
		lt_sb_puts(sb, ",\"delayed\":true");
	lt_sb_puts(sb, "}\n");
}

static int jevent(struct lt_report *r, void *state, const struct lt_event *ev)
{
	struct jstate *s = state;
	struct lt_sb *sb = &s->sb;
	lt_sb_reset(sb);
	switch (ev->type) {
	case LT_EV_SYSCALL:
		syscall_obj(s, r, ev);
		break;
	case LT_EV_SIGNAL: {
		head(sb, "signal", ev);
		const char *n = lt_signal_name(ev->signo);
		lt_sb_printf(sb, ",\"signo\":%d", ev->signo);
		if (n) {
			lt_sb_puts(sb, ",\"name\":");
			lt_json_str(sb, n, strlen(n));
		}
		lt_sb_reset(&s->tmp);
		lt_format_signal(&s->tmp, ev, &r->o.fmt);
		lt_sb_puts(sb, ",\"text\":");
		lt_json_str(sb, s->tmp.p ? s->tmp.p : "", s->tmp.len);
		lt_sb_puts(sb, "}\n");
		break;
	}
	case LT_EV_EXIT:
		head(sb, "exit", ev);
		if (ev->exit_signal) {
			const char *n = lt_signal_name(ev->exit_signal);
			lt_sb_printf(sb, ",\"signo\":%d,\"signal\":", ev->exit_signal);
			if (n)
				lt_json_str(sb, n, strlen(n));
			else
				lt_sb_puts(sb, "null");
		} else {
			lt_sb_printf(sb, ",\"code\":%d", ev->exit_code);
		}
		lt_sb_puts(sb, "}\n");
		break;
	case LT_EV_LOST:
		head(sb, "lost", ev);
		lt_sb_printf(sb, ",\"count\":%llu}\n", (unsigned long long)ev->lost);
		break;
	case LT_EV_NOTE: /* the text raw (JSON-escaped): tools get what the tracer said */
		head(sb, "note", ev);
		lt_sb_printf(sb, ",\"code\":%u,\"kind\":\"%s\",\"text\":", ev->note_code,
			     lt_note_kind(ev->note_code));
		lt_json_str(sb, ev->str ? ev->str : "", ev->str ? ev->str_len : 0);
		lt_sb_puts(sb, "}\n");
		break;
	case LT_EV_WINDOW:
		head(sb, "window", ev);
		lt_sb_printf(sb, ",\"on\":%s,\"seq\":%u}\n", ev->window_on ? "true" : "false",
			     ev->window_seq);
		break;
	case LT_EV_PROCESS: {
		head(sb, "process", ev);
		lt_sb_printf(sb, ",\"ppid\":%u,\"fork\":%s,\"exec\":%s,\"cmdline\":[", ev->ppid,
			     ev->proc_flags & LT_LOG_F_FORK ? "true" : "false",
			     ev->proc_flags & LT_LOG_F_EXEC ? "true" : "false");
		size_t i = 0;
		while (ev->str && i < ev->str_len) {
			const char *a = ev->str + i;
			size_t k = strnlen(a, ev->str_len - i);
			if (i)
				lt_sb_putc(sb, ',');
			lt_json_str(sb, a, k);
			i += k + 1;
		}
		lt_sb_puts(sb, "]}\n");
		break;
	}
	case LT_EV_THREAD:
		head(sb, "thread", ev);
		lt_sb_puts(sb, ",\"name\":");
		lt_json_str(sb, ev->str ? ev->str : "", ev->str ? ev->str_len : 0);
		lt_sb_puts(sb, "}\n");
		break;
	case LT_EV_FD: /* state for -y, not an event of the program */
	default:
		return 0;
	}
	if (fwrite(sb->p, 1, sb->len, r->out) != sb->len)
		return -1;
	return 0;
}

static int jend(struct lt_report *r, void *state)
{
	(void)r;
	struct jstate *s = state;
	lt_sb_free(&s->sb);
	lt_sb_free(&s->tmp);
	lt_sb_free(&s->val);
	free(s);
	return 0;
}

const struct lt_output lt_out_json = { "json", jbegin, jevent, jend };
