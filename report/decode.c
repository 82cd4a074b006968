/* The decoder core: strace's notation for numbers, strings, flags and signals; the
 * per-argument dispatch on the table's kinds; return values; strace-text argument
 * splitting; -y descriptor tracking; name lookups.
 *
 * Known differences with strace 6.1 (the reference on this machine), and why:
 *  - syscalls 451..469 (cachestat ... file_setattr) are decoded by name; strace 6.1 predates
 *    them and prints syscall_0x1c3(...).
 *  - -y knows only what the trace saw (opens, dups, closes, forks, and the native
 *    backend's list of descriptors open when a window starts, LT_EV_FD): no paths for
 *    sockets and pipes made while tracing; AT_FDCWD</cwd> only from the launcher's --cwd
 *    and the chdirs the trace saw; opens keep the path as the program named it (through
 *    symlinks). strace asks /proc at print time. The README's "Known differences from strace" is the user's copy of this list.
 *  - execve's envp shows its count even with -v (the strings are not captured), argv
 *    at most 32 strings.
 *  - arrays behind pointers (iovec, pollfd, epoll events, argv) show at most the first
 *    16-33 elements whose contents were captured, then "...".
 *  - getdents counts entries in the first 24 KiB of the buffer.
 *  - rt_sigreturn shows {mask=?} unless the recorder passes the stack pointer as args[0]
 *    (lt_capture.h).
 *  - bpf, perf_event_open, io_uring, keyctl, SysV IPC structures and ioctls other than
 *    the terminal, FIO* and FICLONE ones print their pointers as addresses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_capture.h"
#include "lt_decode.h"
#include "lt_event.h"
#include "lt_log.h"
#include "lt_syscall.h"
#include "xlat.h"
#define LT_XLAT_GEN_DEFINE
#include "xlat/gen.h"

#include "xlat_errno.h"

/* ---- names ---- */

const char *lt_errno_msg(int err)
{
	if (!lt_errno_name(err) || (size_t)err >= sizeof lt_errno_msgs / sizeof lt_errno_msgs[0])
		return NULL;
	return lt_errno_msgs[err];
}

int lt_errno_lookup(const char *name)
{
	return name ? lt_errno_by_name(name, strlen(name)) : 0;
}

static const char *const lt_signames[] = {
	NULL, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS",
	"SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM",
	"SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG",
	"SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
	"SIGRTMIN",
};

/* Real-time signals above the kernel's SIGRTMIN (32) print as strace's SIGRT_n. */
static char lt_rtnames[33][12];

const char *lt_signal_name(int sig)
{
	if (sig > 0 && sig <= 32)
		return lt_signames[sig];
	if (sig > 32 && sig <= 64) {
		char *n = lt_rtnames[sig - 32];
		if (!n[0])
			snprintf(n, sizeof lt_rtnames[0], "SIGRT_%d", sig - 32);
		return n;
	}
	return NULL;
}

/* ---- syscall and class lookups ---- */

static int lt_sysent_cmp(const void *a, const void *b)
{
	const struct lt_sysent *x = &lt_sysent[*(const uint16_t *)a];
	const struct lt_sysent *y = &lt_sysent[*(const uint16_t *)b];
	return strcmp(x->name, y->name);
}

int lt_sysent_lookup(const char *name)
{
	static uint16_t idx[LT_NSYSCALLS];
	static int n = -1;
	if (!name)
		return -1;
	if (n < 0) {
		int k = 0;
		for (int i = 0; i < LT_NSYSCALLS; i++)
			if (lt_sysent[i].name[0])
				idx[k++] = (uint16_t)i;
		qsort(idx, (size_t)k, sizeof idx[0], lt_sysent_cmp);
		n = k;
	}
	int lo = 0, hi = n - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		int r = strcmp(name, lt_sysent[idx[mid]].name);
		if (r == 0)
			return idx[mid];
		if (r < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	/* strace's name for an unknown number: syscall_0x1c8 */
	if (strncmp(name, "syscall_0x", 10) == 0 && name[10]) {
		char *end;
		unsigned long v = strtoul(name + 10, &end, 16);
		if (!*end && v < 0x100000)
			return (int)v;
	}
	return -1;
}

uint32_t lt_class_lookup(const char *name)
{
	return name ? lt_class_by_name(name, strlen(name)) : 0;
}

/* ---- captures ---- */

const struct lt_cap *lt_event_cap(const struct lt_event *ev, int arg, unsigned sub,
				  const uint8_t **data)
{
	if (!ev || !ev->caps)
		return NULL;
	const uint8_t *p = ev->caps, *end = ev->caps + ev->caps_len;
	for (unsigned i = 0; i < ev->ncaps; i++) {
		if ((size_t)(end - p) < sizeof(struct lt_cap))
			return NULL;
		const struct lt_cap *c = (const struct lt_cap *)p;
		uint64_t step = LT_ALIGN8(sizeof *c + (uint64_t)c->len);
		if (sizeof *c + (uint64_t)c->len > (uint64_t)(end - p))
			return NULL;
		if (c->arg == arg && c->sub == sub) {
			if (data)
				*data = p + sizeof *c;
			return c;
		}
		if (step > (uint64_t)(end - p))
			return NULL;
		p += step;
	}
	return NULL;
}

const uint8_t *lt_cap_get(struct lt_dctx *c, int arg, unsigned sub, size_t need, size_t *len)
{
	const uint8_t *d;
	const struct lt_cap *cap = lt_event_cap(c->ev, arg, sub, &d);
	if (!cap || (cap->flags & LT_CAP_FAULT) || cap->len < need)
		return NULL;
	if (len)
		*len = cap->len;
	return d;
}

/* strace's print_array over a capture: see xlat.h. */
int lt_put_array(struct lt_dctx *c, int arg, unsigned sub, uint64_t addr, uint64_t n, size_t es,
		 lt_elem_fn fn, void *opaque)
{
	const uint8_t *d = NULL;
	const struct lt_cap *cap = addr && n ? lt_event_cap(c->ev, arg, sub, &d) : NULL;
	if (!addr) {
		lt_sb_puts(c->sb, "NULL");
		return 0;
	}
	if (!n) {
		lt_sb_puts(c->sb, "[]");
		return 0;
	}
	uint64_t have = cap && !(cap->flags & LT_CAP_FAULT) ? cap->len / es : 0;
	if (!have || n > UINT64_MAX / es || addr + n * es < addr) {
		lt_put_ptr(c, addr);
		return 0;
	}
	int verbose = c->fmt && c->fmt->verbose;
	lt_sb_putc(c->sb, '[');
	uint64_t k;
	for (k = 0; k < n; k++) {
		if (k)
			lt_sb_puts(c->sb, ", ");
		if (k >= have && (verbose || k <= c->strsize)) {
			lt_sb_printf(c->sb, "... /* %#llx */", (unsigned long long)(addr + k * es));
			break;
		}
		if (k >= c->strsize && !verbose) {
			lt_sb_puts(c->sb, "...");
			break;
		}
		if (!fn(c, d + k * es, k, opaque)) {
			k = n;
			break;
		}
	}
	lt_sb_putc(c->sb, ']');
	return k >= n;
}

int lt_put_xval_u(struct lt_dctx *c, const struct lt_xlat *t, uint64_t v, const char *unk)
{
	const char *name = lt_xlat_name(t, v);
	enum lt_xlat_style st = c->fmt ? c->fmt->xlat : LT_XLAT_ABBREV;
	if (!name || st != LT_XLAT_ABBREV)
		lt_put_udec(c, v);
	if (!name && st != LT_XLAT_RAW)
		lt_sb_printf(c->sb, " /* %s */", unk);
	else if (name && st == LT_XLAT_ABBREV)
		lt_sb_puts(c->sb, name);
	else if (name && st == LT_XLAT_VERBOSE)
		lt_sb_printf(c->sb, " /* %s */", name);
	return name != NULL;
}

/* strace's print_nonzero_bytes: see xlat.h */
void lt_put_nonzero_tail(struct lt_dctx *c, int i, size_t start, uint64_t size)
{
	uint64_t end = size < 4096 ? size : 4096;
	size_t have;
	if (end <= start)
		return;
	const uint8_t *d = lt_cap_get(c, i, LT_CAP_SUB_SELF, start, &have);
	if (!d || have < end) {
		lt_sb_puts(c->sb, ", ???");
		return;
	}
	size_t k = start;
	while (k < end && !d[k])
		k++;
	if (k == end)
		return;
	size_t n = (size_t)(end - start), show = n < c->strsize ? n : c->strsize;
	lt_sb_printf(c->sb, ", /* bytes %zu..%llu */ ", start, (unsigned long long)(end - 1));
	int fh = c->force_hex;
	c->force_hex = 1;
	lt_put_quoted(c, d + start, show, show < n);
	c->force_hex = fh;
}

/* ---- numbers ---- */

void lt_put_dec(struct lt_dctx *c, int64_t v) { lt_sb_printf(c->sb, "%lld", (long long)v); }
void lt_put_udec(struct lt_dctx *c, uint64_t v) { lt_sb_printf(c->sb, "%llu", (unsigned long long)v); }

void lt_put_hex(struct lt_dctx *c, uint64_t v)
{
	if (v)
		lt_sb_printf(c->sb, "%#llx", (unsigned long long)v);
	else
		lt_sb_putc(c->sb, '0');
}

void lt_put_ptr(struct lt_dctx *c, uint64_t v)
{
	if (v)
		lt_sb_printf(c->sb, "%#llx", (unsigned long long)v);
	else
		lt_sb_puts(c->sb, "NULL");
}

void lt_put_mode(struct lt_dctx *c, uint64_t mode)
{
	lt_sb_printf(c->sb, "%#03llo", (unsigned long long)mode);
}

/* ---- strings ---- */

void lt_put_quoted(struct lt_dctx *c, const uint8_t *p, size_t len, int trunc)
{
	static const char hexd[] = "0123456789abcdef";
	struct lt_sb *sb = c->sb;
	int hex = c->force_hex ? 2 : c->fmt ? c->fmt->hex : 0;
	if (hex == 1) {
		/* -x: the whole string in hex if anything but printable ASCII and the
		 * whitespace escapes is in it */
		hex = 0;
		for (size_t i = 0; i < len; i++)
			if (p[i] > 0x7e || (p[i] < ' ' && (unsigned)(p[i] - 9) >= 5)) {
				hex = 2;
				break;
			}
	}
	lt_sb_putc(sb, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned ch = p[i];
		if (hex) {
			char b[4] = { '\\', 'x', hexd[ch >> 4], hexd[ch & 15] };
			lt_sb_putn(sb, b, 4);
			continue;
		}
		switch (ch) {
		case '"': lt_sb_puts(sb, "\\\""); continue;
		case '\\': lt_sb_puts(sb, "\\\\"); continue;
		case '\f': lt_sb_puts(sb, "\\f"); continue;
		case '\n': lt_sb_puts(sb, "\\n"); continue;
		case '\r': lt_sb_puts(sb, "\\r"); continue;
		case '\t': lt_sb_puts(sb, "\\t"); continue;
		case '\v': lt_sb_puts(sb, "\\v"); continue;
		}
		if (ch >= ' ' && ch <= 0x7e) {
			lt_sb_putc(sb, (char)ch);
			continue;
		}
		/* octal, shortest unless an octal digit follows */
		char b[4];
		int n = 0;
		b[n++] = '\\';
		if (i + 1 < len && p[i + 1] >= '0' && p[i + 1] <= '7') {
			b[n++] = (char)('0' + (ch >> 6));
			b[n++] = (char)('0' + ((ch >> 3) & 7));
		} else if (ch >> 3) {
			if (ch >> 6)
				b[n++] = (char)('0' + (ch >> 6));
			b[n++] = (char)('0' + ((ch >> 3) & 7));
		}
		lt_sb_putn(sb, b, (size_t)n);
		lt_sb_putc(sb, (char)('0' + (ch & 7)));
	}
	lt_sb_putc(sb, '"');
	if (trunc)
		lt_sb_puts(sb, "...");
}

/* A call that failed with EFAULT may have had its memory end inside an object: strace
 * prints the address of what it could not read whole (need bytes). */
static int lt_short_after_efault(struct lt_dctx *c, const struct lt_cap *cap, size_t need)
{
	return c->done && c->ev->ret == -14 && cap->len < need;
}

/* The shim saw the memory end (LT_CAP_SHORT) before need bytes: strace, which reads
 * need bytes whole (umoven) or up to a NUL (umovestr), printed the address. */
static int lt_short_read(const struct lt_cap *cap, size_t need)
{
	return (cap->flags & LT_CAP_SHORT) && cap->len < need;
}

void lt_put_cstr(struct lt_dctx *c, int arg, unsigned sub, uint64_t addr, size_t limit)
{
	const uint8_t *d;
	const struct lt_cap *cap = lt_event_cap(c->ev, arg, sub, &d);
	if (!addr) {
		lt_sb_puts(c->sb, "NULL");
		return;
	}
	if (!cap || (cap->flags & LT_CAP_FAULT)) {
		lt_put_ptr(c, addr);
		return;
	}
	if (!limit)
		limit = c->strsize;
	size_t n = cap->len;
	/* a string stops at its NUL even if the capture went on */
	const uint8_t *z = memchr(d, 0, n);
	int trunc = 0;
	/* the copy stopped before a NUL and before its limit: the memory ended there, and
	 * strace, which could not read the string whole, shows its address (paths always
	 * have the same limit; a string's -s may differ between capture and report, so only
	 * a call that faulted is trusted to have faulted on it) */
	int ended = (cap->flags & LT_CAP_STR) ? !z && (cap->flags & LT_CAP_TRUNC)
					      : !z && cap->len <= limit;
	if (ended && (limit == LT_PATH_CAP ? cap->len < LT_PATH_CAP
			     : lt_short_after_efault(c, cap, limit + 1) ||
			       lt_short_read(cap, limit + 1))) {
		lt_put_ptr(c, addr);
		return;
	}
	if (z)
		n = (size_t)(z - d);
	else if (cap->flags & LT_CAP_TRUNC)
		trunc = 1;
	/* strace's printpath shows PATH_MAX - 1 bytes of a path with no NUL in PATH_MAX */
	size_t most = limit == LT_PATH_CAP ? LT_PATH_CAP - 1 : limit;
	if (n > most) {
		n = most;
		trunc = 1;
	}
	lt_put_quoted(c, d, n, trunc);
}

void lt_put_path(struct lt_dctx *c, int arg, unsigned sub, uint64_t addr)
{
	lt_put_cstr(c, arg, sub, addr, LT_PATH_CAP);
}

void lt_put_buf(struct lt_dctx *c, int arg, unsigned sub, uint64_t addr, uint64_t count)
{
	const uint8_t *d;
	const struct lt_cap *cap = lt_event_cap(c->ev, arg, sub, &d);
	if (!cap || (cap->flags & LT_CAP_FAULT)) {
		lt_put_ptr(c, addr);
		return;
	}
	size_t n = c->strsize;
	int trunc = 0;
	if (count <= n)
		n = (size_t)count;
	else
		trunc = 1;
	if (lt_short_after_efault(c, cap, n) ||
	    lt_short_read(cap, count < (uint64_t)c->strsize + 1 ? count : c->strsize + 1)) {
		lt_put_ptr(c, addr);
		return;
	}
	if (cap->len < n) {
		n = cap->len;
		trunc = 1;
	}
	lt_put_quoted(c, d, n, trunc);
}

/* ---- tables ---- */

const char *lt_xlat_name(const struct lt_xlat *t, uint64_t v)
{
	for (; t && t->name; t++)
		if (t->val == v)
			return t->name;
	return NULL;
}

uint64_t lt_flags_names(struct lt_sb *sb, const struct lt_xlat *t, uint64_t v, int *any)
{
	for (; t && t->name; t++) {
		if (!t->val || (v & t->val) != t->val)
			continue;
		if (*any)
			lt_sb_putc(sb, '|');
		lt_sb_puts(sb, t->name);
		*any = 1;
		v &= ~t->val;
	}
	return v;
}

static enum lt_xlat_style lt_style(struct lt_dctx *c)
{
	return c->fmt ? c->fmt->xlat : LT_XLAT_ABBREV;
}

int lt_put_xlat(struct lt_dctx *c, const struct lt_xlat *t, uint64_t v, const char *unk)
{
	const char *name = lt_xlat_name(t, v);
	enum lt_xlat_style st = lt_style(c);
	if (!name || st != LT_XLAT_ABBREV) {
		if (unk)
			lt_put_hex(c, v);
		else
			lt_put_dec(c, (int64_t)v);
	}
	if (!name && unk && st != LT_XLAT_RAW)
		lt_sb_printf(c->sb, " /* %s */", unk);
	if (name) {
		if (st == LT_XLAT_ABBREV)
			lt_sb_puts(c->sb, name);
		else if (st == LT_XLAT_VERBOSE)
			lt_sb_printf(c->sb, " /* %s */", name);
	}
	return name != NULL;
}

/* The prefix the names of a table share, up to its last '_' ("O_", "FALLOC_FL_"), which
 * strace's comment on bits without a name shows ("0x1 / * O_??? * /"); 0 if none. */
static size_t lt_xlat_prefix(const struct lt_xlat *t)
{
	size_t n = 0;
	if (!t[0].name)
		return 0;
	n = strlen(t[0].name);
	for (size_t i = 1; t[i].name && n; i++) {
		size_t k = 0;
		while (k < n && t[i].name[k] == t[0].name[k])
			k++;
		n = k;
	}
	while (n && t[0].name[n - 1] != '_')
		n--;
	return n;
}

int lt_put_flags(struct lt_dctx *c, const struct lt_xlat *t, uint64_t v)
{
	return lt_put_flags_unk(c, t, v, NULL);
}

/* unk: the comment on a value with no known bit ("O_???"), "" for none, NULL for the
 * prefix the table's names share */
int lt_put_flags_unk(struct lt_dctx *c, const struct lt_xlat *t, uint64_t v, const char *unk)
{
	enum lt_xlat_style st = lt_style(c);
	const char *zero = lt_xlat_name(t, 0);
	if (st == LT_XLAT_RAW || (!v && !zero)) {
		lt_put_hex(c, v);
		return 0;
	}
	if (!v) {
		if (st == LT_XLAT_VERBOSE)
			lt_sb_printf(c->sb, "0 /* %s */", zero);
		else
			lt_sb_puts(c->sb, zero);
		return 1;
	}
	struct lt_sb names = { 0 };
	int any = 0;
	uint64_t rest = lt_flags_names(&names, t, v, &any);
	size_t pre = any || unk ? 0 : lt_xlat_prefix(t);
	if (!any && unk && *unk && st != LT_XLAT_RAW) {
		lt_put_hex(c, v);
		lt_sb_printf(c->sb, " /* %s */", unk);
	} else if (pre) {
		lt_put_hex(c, v);
		lt_sb_printf(c->sb, " /* %.*s??? */", (int)pre, t[0].name);
	} else if (st == LT_XLAT_VERBOSE) {
		lt_put_hex(c, v);
		if (any && rest)
			lt_sb_printf(c->sb, " /* %s|%#llx */", names.p, (unsigned long long)rest);
		else if (any)
			lt_sb_printf(c->sb, " /* %s */", names.p);
	} else {
		if (any)
			lt_sb_puts(c->sb, names.p);
		if (rest) {
			if (any)
				lt_sb_putc(c->sb, '|');
			lt_put_hex(c, rest);
		}
	}
	lt_sb_free(&names);
	return any;
}

/* ---- signals ---- */

void lt_put_signo(struct lt_dctx *c, int sig)
{
	const char *n = lt_signal_name(sig);
	enum lt_xlat_style st = lt_style(c);
	if (!n || st != LT_XLAT_ABBREV)
		lt_put_dec(c, sig);
	if (n) {
		if (st == LT_XLAT_ABBREV)
			lt_sb_puts(c->sb, n);
		else if (st == LT_XLAT_VERBOSE)
			lt_sb_printf(c->sb, " /* %s */", n);
	}
}

void lt_put_sigmask(struct lt_dctx *c, const uint8_t *p, size_t bytes)
{
	if (bytes > 8)
		bytes = 8;
	uint64_t m = 0;
	memcpy(&m, p, bytes);
	unsigned nbits = (unsigned)bytes * 8;
	/* more than half the signals set: print the complement */
	if ((unsigned)__builtin_popcountll(m) > nbits / 2) {
		lt_sb_putc(c->sb, '~');
		m = ~m;
		if (nbits < 64)
			m &= (1ull << nbits) - 1;
	}
	lt_sb_putc(c->sb, '[');
	int first = 1;
	for (unsigned b = 0; b < nbits; b++) {
		if (!(m >> b & 1))
			continue;
		if (!first)
			lt_sb_putc(c->sb, ' ');
		first = 0;
		const char *n = lt_signal_name((int)b + 1);
		enum lt_xlat_style st = lt_style(c);
		if (!n || st != LT_XLAT_ABBREV)
			lt_sb_printf(c->sb, "%u", b + 1);
		if (n && st == LT_XLAT_ABBREV)
			lt_sb_puts(c->sb, n + 3);
		else if (n && st == LT_XLAT_VERBOSE)
			lt_sb_printf(c->sb, " /* %s */", n + 3);
	}
	lt_sb_putc(c->sb, ']');
}

void lt_put_sigset_arg(struct lt_dctx *c, int arg, uint64_t addr, uint64_t size)
{
	/* the kernel takes only its own sigset size and strace prints any other as an address;
	 * rt_sigpending alone takes less (strace's print_sigset_addr_len_limit) */
	uint64_t min = c->ev->nr == LT_NR_rt_sigpending ? 1 : 8;
	const uint8_t *d = NULL;
	if (size >= min && size <= 8) {
		/* as it was at entry when the call wrote over it (an aliased oldset) */
		d = lt_cap_get(c, arg, LT_SUB_ENTRY, (size_t)size, NULL);
		if (!d)
			d = lt_cap_get(c, arg, LT_CAP_SUB_SELF, (size_t)size, NULL);
	}
	if (!addr) {
		lt_sb_puts(c->sb, "NULL");
		return;
	}
	if (!d) {
		lt_put_ptr(c, addr);
		return;
	}
	lt_put_sigmask(c, d, (size_t)size);
}

/* ---- descriptors (-y): report/fdtab.c knows what they are ---- */

/* What the kernel's /proc/PID/fd link says of an anonymous object the report's label
 * names ("<inotify>"), as strace -y shows it; NULL where it holds a number the trace does
 * not tell (sockets, pipes) or a name (memfd). */
static const char *lt_anon_inode(const char *label)
{
	static const char *const names[][2] = {
		{ "<inotify>", "anon_inode:inotify" }, { "<eventfd>", "anon_inode:[eventfd]" },
		{ "<epoll>", "anon_inode:[eventpoll]" }, { "<timerfd>", "anon_inode:[timerfd]" },
		{ "<signalfd>", "anon_inode:[signalfd]" }, { "<pidfd>", "anon_inode:[pidfd]" },
		{ "<io_uring>", "anon_inode:[io_uring]" },
		{ "<userfaultfd>", "anon_inode:[userfaultfd]" },
		{ "<perf_event>", "anon_inode:[perf_event]" }, { "<fanotify>", "anon_inode:[fanotify]" },
	};
	for (size_t k = 0; label && k < sizeof names / sizeof names[0]; k++)
		if (!strcmp(label, names[k][0]))
			return names[k][1];
	return NULL;
}

void lt_put_fd(struct lt_dctx *c, int fd)
{
	lt_put_dec(c, fd);
	if (!c->fmt || !c->fmt->show_fd_paths)
		return;
	int anon = 0;
	const char *p = lt_fdtab_get(c->fmt->fds, c->ev->pid, fd, &anon);
	if (anon && lt_anon_inode(p))
		lt_sb_printf(c->sb, "<%s>", lt_anon_inode(p));
	else
		lt_fdtab_put(c->sb, c->fmt->fds, c->ev->pid, fd, c->fmt->hex);
}

void lt_put_dirfd(struct lt_dctx *c, int fd)
{
	if (fd == -100) {
		enum lt_xlat_style st = lt_style(c);
		if (st == LT_XLAT_RAW)
			lt_sb_puts(c->sb, "-100");
		else if (st == LT_XLAT_VERBOSE)
			lt_sb_puts(c->sb, "-100 /* AT_FDCWD */");
		else
			lt_sb_puts(c->sb, "AT_FDCWD");
		if (c->fmt && c->fmt->show_fd_paths) /* strace reads /proc/pid/cwd */
			lt_fdtab_put_cwd(c->sb, c->fmt->fds, c->ev->pid, c->fmt->hex);
		return;
	}
	lt_put_fd(c, fd);
}

/* The return value of a call that made a descriptor, with -y. */
static void lt_put_ret_fd(struct lt_dctx *c, int fd)
{
	lt_put_dec(c, fd);
	if (!c->fmt || !c->fmt->show_fd_paths)
		return;
	int anon = 0;
	const char *p = lt_fdtab_new_fd(c->fmt->fds, c->ev, &anon);
	if (anon && lt_anon_inode(p))
		lt_sb_printf(c->sb, "<%s>", lt_anon_inode(p));
	else
		lt_fdtab_put_new(c->sb, c->fmt->fds, c->ev, c->fmt->hex);
}

/* ---- the arguments ---- */

/* A kind the table prints without code of its own: the value at its width and
 * signedness, as a decimal, a hex number or an address. */
void lt_put_generic(struct lt_dctx *c, int kind, uint64_t v)
{
	/* the value tables of xlat and flags kinds, from the kind lines */
	static const struct {
		const struct lt_xlat *t;
		const char *unk;
	} xl[LT_K__COUNT] = { LT_KIND_XLATS_INIT };
	uint64_t x = lt_kind_value(kind, v);
	switch (lt_kinds[kind].print) {
	case LT_PRINT_XLAT: /* unknown in hex: an int's 32 bits, as strace shows them */
		if (lt_kinds[kind].flags & LT_KF_32)
			x = (uint32_t)x;
		lt_put_xlat(c, xl[kind].t, x, xl[kind].unk);
		break;
	case LT_PRINT_XLATD: lt_put_xlat(c, xl[kind].t, x, NULL); break;
	case LT_PRINT_FLAGS: lt_put_flags_unk(c, xl[kind].t, x, xl[kind].unk); break;
	case LT_PRINT_DEC: lt_put_dec(c, (int64_t)x); break;
	case LT_PRINT_UDEC: lt_put_udec(c, x); break;
	case LT_PRINT_PTR: lt_put_ptr(c, x); break;
	default: lt_put_hex(c, x); break;
	}
}

static int lt_out_ok(struct lt_dctx *c) { return c->done && !c->failed; }

void lt_put_open_flags(struct lt_dctx *c, uint64_t v)
{
	static const struct lt_xlat acc[] = {
		{ 0, "O_RDONLY" }, { 1, "O_WRONLY" }, { 2, "O_RDWR" }, { 3, "O_ACCMODE" }, { 0, 0 }
	};
	enum lt_xlat_style st = lt_style(c);
	if (st == LT_XLAT_RAW) {
		lt_put_hex(c, v);
		return;
	}
	struct lt_sb names = { 0 };
	lt_sb_puts(&names, acc[v & 3].name);
	int any = 1;
	uint64_t rest = lt_flags_names(&names, lt_x_open_flags, v & ~3ull, &any);
	if (st == LT_XLAT_VERBOSE) {
		lt_put_hex(c, v);
		if (rest)
			lt_sb_printf(c->sb, " /* %s|%#llx */", names.p, (unsigned long long)rest);
		else
			lt_sb_printf(c->sb, " /* %s */", names.p);
	} else {
		lt_sb_puts(c->sb, names.p);
		if (rest) {
			lt_sb_putc(c->sb, '|');
			lt_put_hex(c, rest);
		}
	}
	lt_sb_free(&names);
}

/* Prints argument i by its kind. */
void lt_put_arg_by_kind(struct lt_dctx *c, int i)
{
	int kind = c->se->kind[i];
	if (!lt_put_own_kind(c, i, kind))
		lt_put_generic(c, kind, c->ev->args[i]);
}

/* struct sembuf, as strace's semop prints it */
static int lt_elem_sembuf(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o)
{
	static const struct lt_xlat flags[] = { { 0x1000, "SEM_UNDO" }, { 0x800, "IPC_NOWAIT" },
						{ 0, 0 } };
	(void)k, (void)o;
	uint16_t num, flg;
	int16_t op;
	memcpy(&num, e, 2);
	memcpy(&op, e + 2, 2);
	memcpy(&flg, e + 4, 2);
	lt_sb_printf(c->sb, "{sem_num=%u, sem_op=%d, sem_flg=", num, op);
	lt_put_flags(c, flags, (uint16_t)flg);
	lt_sb_putc(c->sb, '}');
	return 1;
}

/* Prints argument i if its kind has a printer of its own (lt_kinds[kind].print is
 * LT_PRINT_OWN or LT_PRINT_STRUCT); returns 0, printing nothing, if not. */
/* ---- kinds with a printer of their own (PRINT own), one small function each ---- */

/* The length that goes with argument i: another argument or the return value, as the
 * syscall line's KIND(N) says; 0 if none. */
static uint64_t lt_arg_len(struct lt_dctx *c, int i)
{
	int lenarg = c->se->len[i];
	return lenarg >= 0 && lenarg < 6 ? c->ev->args[lenarg]
		: lenarg == LT_LEN_RET ? (uint64_t)c->ev->ret : 0;
}

static void lt_own_uid(struct lt_dctx *c, int i, int kind)
{
	uint64_t v = c->ev->args[i];
	(void)kind;
	if ((uint32_t)v == 0xffffffffu)
		lt_sb_puts(c->sb, "-1");
	else
		lt_put_udec(c, (uint32_t)v);
}

static void lt_own_fd(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_fd(c, (int)c->ev->args[i]);
}

static void lt_own_dirfd(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_dirfd(c, (int)c->ev->args[i]);
}

static void lt_own_io_uring_register_arg(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_io_uring_register_arg(c, i);
}

/* strace's fanotify_init: the class, then the flags */
static void lt_own_fan_init_flags(struct lt_dctx *c, int i, int kind)
{
	static const struct lt_xlat classes[] = { { 0, "FAN_CLASS_NOTIF" },
		{ 4, "FAN_CLASS_CONTENT" }, { 8, "FAN_CLASS_PRE_CONTENT" }, { 0, 0 } };
	uint32_t fl = (uint32_t)c->ev->args[i];
	(void)kind;
	lt_put_xlat(c, classes, fl & 0xc, "FAN_CLASS_???");
	if (fl & ~0xcu) {
		lt_sb_putc(c->sb, '|');
		lt_put_flags(c, lt_x_fan_init_flags, fl & ~0xcu);
	}
}

static void lt_own_fan_dirfd(struct lt_dctx *c, int i, int kind)
{
	static const struct lt_xlat nofd[] = { { (uint64_t)-1, "FAN_NOFD" }, { 0, 0 } };
	int fd = (int)c->ev->args[i];
	(void)kind;
	if (fd == -1 && lt_put_xlat(c, nofd, (uint64_t)-1, NULL))
		return;
	if (fd != -1)
		lt_put_dirfd(c, fd);
}

static void lt_own_path(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_path(c, i, LT_CAP_SUB_SELF, c->ev->args[i]);
}

static void lt_own_str(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_cstr(c, i, LT_CAP_SUB_SELF, c->ev->args[i], 0);
}

static void lt_own_buf_in(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_buf(c, i, LT_CAP_SUB_SELF, c->ev->args[i], lt_arg_len(c, i));
}

static void lt_own_perf_attr(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_perf_attr(c, i, c->ev->args[i]);
}

static void lt_own_sembuf(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_array(c, i, LT_CAP_SUB_SELF, c->ev->args[i], (uint32_t)lt_arg_len(c, i), 6,
		     lt_elem_sembuf, NULL);
}

static void lt_own_send_buf(struct lt_dctx *c, int i, int kind)
{
	uint64_t v = c->ev->args[i], len = lt_arg_len(c, i);
	(void)kind;
	if (!lt_put_netlink(c, i, (int)c->ev->args[0], v, len))
		lt_put_buf(c, i, LT_CAP_SUB_SELF, v, len);
}

/* what the call wrote: only on success (getrandom's bytes always in hex) */
static void lt_own_buf_out(struct lt_dctx *c, int i, int kind)
{
	uint64_t v = c->ev->args[i], len = lt_arg_len(c, i);
	/* never past the buffer, whose size is the next argument: recvfrom(MSG_TRUNC)
	 * returns the datagram's whole length (as the planner copies it) */
	if (c->se->len[i] == LT_LEN_RET && i + 1 < 6 && c->ev->args[i + 1] < len)
		len = c->ev->args[i + 1];
	c->force_hex = kind == LT_K_RANDOM_OUT;
	if (lt_out_ok(c))
		lt_put_buf(c, i, LT_CAP_SUB_SELF, v, len);
	else
		lt_put_ptr(c, v);
	c->force_hex = 0;
}

/* getcwd counts the NUL; readlink gives bytes without one */
static void lt_own_path_out(struct lt_dctx *c, int i, int kind)
{
	const struct lt_event *ev = c->ev;
	uint64_t v = ev->args[i], len = lt_arg_len(c, i);
	const uint8_t *d;
	const struct lt_cap *cap = lt_out_ok(c) ? lt_event_cap(ev, i, LT_CAP_SUB_SELF, &d) : NULL;
	if (!cap || (cap->flags & LT_CAP_FAULT)) {
		lt_put_ptr(c, v);
		return;
	}
	size_t n = cap->len < len ? cap->len : (size_t)len;
	if (kind == LT_K_PATH_OUT) {
		const uint8_t *z = memchr(d, 0, n);
		if (z)
			n = (size_t)(z - d);
	}
	int trunc = n < len && kind == LT_K_LINK_OUT;
	if (kind == LT_K_LINK_OUT && n > c->strsize) {
		n = c->strsize;
		trunc = 1;
	}
	lt_put_quoted(c, d, n, trunc);
}

static void lt_own_mode(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_mode(c, c->ev->args[i] & 0xffffu); /* a umode_t, as strace prints it */
}

static void lt_own_mode_dev(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_st_mode(c, c->ev->args[i] & 0xffffu); /* mknod's mode, an unsigned short to strace */
}

static void lt_own_ipc_key(struct lt_dctx *c, int i, int kind)
{
	uint32_t v = (uint32_t)c->ev->args[i];
	(void)kind;
	if (!v)
		lt_sb_puts(c->sb, "IPC_PRIVATE");
	else
		lt_sb_printf(c->sb, "%#x", v);
}

static void lt_own_open_flags(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_open_flags(c, c->ev->args[i] & 0xffffffffu);
}

/* the sync type is a 2-bit field whose 0 has a name too */
static void lt_own_statx_flags(struct lt_dctx *c, int i, int kind)
{
	static const struct lt_xlat sync[] = {
		{ 0, "AT_STATX_SYNC_AS_STAT" }, { 0x2000, "AT_STATX_FORCE_SYNC" },
		{ 0x4000, "AT_STATX_DONT_SYNC" }, { 0x6000, "AT_STATX_SYNC_TYPE" }, { 0, 0 }
	};
	uint32_t v = (uint32_t)c->ev->args[i];
	(void)kind;
	if (lt_style(c) != LT_XLAT_ABBREV) {
		struct lt_sb n = { 0 };
		int any = 1;
		lt_put_hex(c, v);
		if (lt_style(c) == LT_XLAT_VERBOSE) {
			lt_sb_puts(&n, sync[(v & 0x6000) >> 13].name);
			lt_flags_names(&n, lt_x_at_flags, v & ~0x6000u, &any);
			lt_sb_printf(c->sb, " /* %s */", n.p);
		}
		lt_sb_free(&n);
		return;
	}
	lt_sb_puts(c->sb, sync[(v & 0x6000) >> 13].name);
	uint32_t rest = v & ~0x6000u;
	if (rest) {
		lt_sb_putc(c->sb, '|');
		lt_put_flags(c, lt_x_at_flags, rest);
	}
}

static void lt_own_signum(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_signo(c, (int)c->ev->args[i]);
}

static void lt_own_sigset(struct lt_dctx *c, int i, int kind)
{
	uint64_t v = c->ev->args[i];
	if (kind == LT_K_SIGSET_OUT && !lt_out_ok(c))
		lt_put_ptr(c, v);
	else
		lt_put_sigset_arg(c, i, v, lt_arg_len(c, i));
}

/* strace's print_mode: a mode and its MPOL_F_ flags */
static void (*const lt_own_printers[LT_K__COUNT])(struct lt_dctx *c, int i, int kind) = {
	[LT_K_UID] = lt_own_uid,
	[LT_K_FD] = lt_own_fd,
	[LT_K_DIRFD] = lt_own_dirfd,
	[LT_K_IORING_REGISTER_ARG] = lt_own_io_uring_register_arg,
	[LT_K_FAN_INIT_FLAGS] = lt_own_fan_init_flags,
	[LT_K_FAN_DIRFD] = lt_own_fan_dirfd,
	[LT_K_PATH] = lt_own_path,
	[LT_K_STR] = lt_own_str,
	[LT_K_BUF_IN] = lt_own_buf_in,
	[LT_K_PERF_ATTR] = lt_own_perf_attr,
	[LT_K_SEMBUF] = lt_own_sembuf,
	[LT_K_SEND_BUF] = lt_own_send_buf,
	[LT_K_BUF_OUT] = lt_own_buf_out,
	[LT_K_RANDOM_OUT] = lt_own_buf_out,
	[LT_K_PATH_OUT] = lt_own_path_out,
	[LT_K_LINK_OUT] = lt_own_path_out,
	[LT_K_MODE] = lt_own_mode,
	[LT_K_OPEN_MODE] = lt_own_mode,
	[LT_K_MODE_DEV] = lt_own_mode_dev,
	[LT_K_IPC_KEY] = lt_own_ipc_key,
	[LT_K_OPEN_FLAGS] = lt_own_open_flags,
	[LT_K_STATX_FLAGS] = lt_own_statx_flags,
	[LT_K_SIGNUM] = lt_own_signum,
	[LT_K_SIGSET] = lt_own_sigset,
	[LT_K_SIGSET_OUT] = lt_own_sigset,
	[LT_K_IOPRIO] = lt_put_ioprio_arg,
	[LT_K_MFD_FLAGS] = lt_put_mfd_flags_arg,
	[LT_K_MFD_NAME] = lt_put_mfd_name_arg,
	[LT_K_MQ_ATTR] = lt_put_mq_attr_arg,
	[LT_K_MQ_ATTR_OUT] = lt_put_mq_attr_arg,
	[LT_K_SYSCTL_ARGS] = lt_put_sysctl_args_arg,
	[LT_K_USER_DESC] = lt_put_user_desc_arg,
	[LT_K_SCHED_ATTR] = lt_put_sched_attr_arg,
	[LT_K_SCHED_ATTR_OUT] = lt_put_sched_attr_arg,
	[LT_K_FUTEX_WAITV] = lt_put_futex_waitv_arg,
	[LT_K_ADDR_OUT] = lt_put_addr_out,
	[LT_K_SIZE_OUT] = lt_put_size_out,
};

int lt_put_own_kind(struct lt_dctx *c, int i, int kind)
{
	if (lt_decode_struct(c, i, kind))
		return 1;
	if (!lt_own_printers[kind])
		return 0;
	lt_own_printers[kind](c, i, kind);
	return 1;
}

/* strace text: split at the commas between arguments, not those inside strings,
 * brackets or comments. */
static int lt_split_text(struct lt_sb *sb, const char *s, size_t *ends, int maxends)
{
	int n = 0, depth = 0;
	const char *start = s, *p = s;
	for (;;) {
		char ch = *p;
		if (ch == '"') {
			/* an unterminated string runs to the end and is one argument */
			for (p++; *p && *p != '"'; p++)
				if (*p == '\\' && p[1])
					p++;
			if (*p)
				p++;
			continue;
		}
		if (ch == '/' && p[1] == '*') {
			const char *e = strstr(p + 2, "*/");
			p = e ? e + 2 : p + strlen(p);
			continue;
		}
		if (ch == '[' || ch == '{' || ch == '(')
			depth++;
		else if ((ch == ']' || ch == '}' || ch == ')') && depth > 0)
			depth--;
		if (ch == 0 || (ch == ',' && depth == 0)) {
			const char *a = start, *b = p;
			while (a < b && (*a == ' ' || *a == '\t'))
				a++;
			while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
				b--;
			if (ch || n || b > a) {
				if (n)
					lt_sb_puts(sb, ", ");
				lt_sb_putn(sb, a, (size_t)(b - a));
				if (ends && n < maxends)
					ends[n] = sb->len;
				n++;
			}
			if (!ch)
				break;
			start = p + 1;
		}
		p++;
	}
	return n;
}

static void lt_dctx_init(struct lt_dctx *c, struct lt_sb *sb, const struct lt_event *ev,
			 const struct lt_fmt *fmt)
{
	memset(c, 0, sizeof *c);
	c->sb = sb;
	c->ev = ev;
	c->fmt = fmt;
	c->strsize = fmt && fmt->strsize ? fmt->strsize : 32;
	c->done = !(ev->flags & LT_EVF_UNFINISHED);
	c->failed = c->done && ev->ret < 0 && ev->ret >= -4095;
	c->se = ev->nr >= 0 ? lt_sysent_get((uint64_t)ev->nr) : NULL;
}

int lt_format_args(struct lt_sb *sb, const struct lt_event *ev, const struct lt_fmt *fmt,
		   size_t *ends, int maxends)
{
	if (!ev || ev->type != LT_EV_SYSCALL)
		return 0;
	if (ev->flags & LT_EVF_TEXT)
		return ev->text_args ? lt_split_text(sb, ev->text_args, ends, maxends) : 0;
	struct lt_dctx c;
	lt_dctx_init(&c, sb, ev, fmt);
	if (!c.se) {
		/* strace's notation for a number it does not know: six hex arguments */
		for (int i = 0; i < 6; i++) {
			if (i)
				lt_sb_puts(sb, ", ");
			lt_put_hex(&c, ev->args[i]);
			if (ends && i < maxends)
				ends[i] = sb->len;
		}
		return 6;
	}
	int n = lt_decode_special(&c, ends, maxends);
	if (n >= 0)
		return n;
	n = 0;
	for (int i = 0; i < c.se->nargs; i++) {
		if (c.se->kind[i] == LT_K_SKIP)
			continue;
		/* a mode only matters, and strace only shows it, when the call may create */
		if (c.se->kind[i] == LT_K_OPEN_MODE && i > 0 &&
		    !(ev->args[i - 1] & (0100 | 020000000)))
			continue;
		/* and a device number only for device nodes */
		if (c.se->kind[i] == LT_K_DEV && i > 0 && c.se->kind[i - 1] == LT_K_MODE_DEV &&
		    (ev->args[i - 1] & 0170000) != 0020000 && (ev->args[i - 1] & 0170000) != 0060000)
			continue;
		if (n)
			lt_sb_puts(sb, ", ");
		lt_put_arg_by_kind(&c, i);
		if (ends && n < maxends)
			ends[n] = sb->len;
		n++;
	}
	return n;
}

/* The shim sees the EINTR a handler's signal left; strace, stopped at the call's exit
 * before the signal is delivered, sees the restart code the kernel chose. For the calls
 * that only ever sleep that code is known from the call alone (the kernel's
 * hrtimer_nanosleep, poll, select and sigsuspend), so it is shown as strace shows it;
 * calls where EINTR may be the kernel's own answer keep it. 0: none. */
static int lt_restart_code(const struct lt_event *ev)
{
	enum { NOHAND = 514, RESTARTBLOCK = 516 };
	switch (ev->nr) {
	case 35: /* nanosleep */
		return RESTARTBLOCK;
	case 230: /* clock_nanosleep: TIMER_ABSTIME ones are simply made again */
		return ev->args[1] & 1 ? NOHAND : RESTARTBLOCK;
	case 7: /* poll: one with a timeout goes on with what is left of it */
		return (int32_t)ev->args[2] >= 0 ? RESTARTBLOCK : NOHAND;
	case 23: case 270: case 271: case 34: case 130: /* select, pselect6, ppoll, pause, rt_sigsuspend */
		return NOHAND;
	}
	return 0;
}

void lt_format_ret(struct lt_sb *sb, const struct lt_event *ev, const struct lt_fmt *fmt)
{
	if (!ev)
		return;
	if (ev->flags & LT_EVF_TEXT) {
		lt_sb_puts(sb, ev->text_ret ? ev->text_ret : "?");
		return;
	}
	if (ev->flags & LT_EVF_UNFINISHED) {
		/* an execve that never came back succeeded: strace sees its 0 in the new image */
		lt_sb_puts(sb, ev->nr == 59 || ev->nr == 322 ? "0" : "?");
		return;
	}
	struct lt_dctx c;
	lt_dctx_init(&c, sb, ev, fmt);
	int64_t r = ev->ret;
	if (c.failed) {
		int e = (int)-r;
		if (e == 4 && lt_restart_code(ev)) /* EINTR */
			e = lt_restart_code(ev);
		const char *name = lt_errno_name(e), *msg = lt_errno_msg(e);
		/* calls the kernel restarts never returned to the program */
		int restart = e == 512 || e == 513 || e == 514 || e == 516;
		lt_sb_puts(sb, restart ? "? " : "-1 ");
		if (name)
			lt_sb_printf(sb, "%s (%s)", name, msg);
		else
			lt_sb_printf(sb, "E??? (errno %d)", e);
		return;
	}
	int kind = c.se ? c.se->ret : LT_K_HEX;
	switch (kind) {
	case LT_K_HEX:
		lt_put_hex(&c, (uint64_t)r);
		break;
	case LT_K_FCNTL_RET: {
		/* flag words come back in hex: F_GETFL, F_GETLEASE, F_GETFD and F_GET_SEALS
		 * when not 0 (the command is an int: the kernel ignores the high bits) */
		uint32_t cmd = (uint32_t)ev->args[1];
		if (cmd == 3 || cmd == 1025 || ((cmd == 1 || cmd == 1034) && r))
			lt_put_hex(&c, (uint64_t)r);
		else if (cmd == 0 || cmd == 1030) /* F_DUPFD* make one */
			lt_put_ret_fd(&c, (int)r);
		else
			lt_put_dec(&c, r);
		break;
	}
	case LT_K_PRCTL_RET:
		if (lt_prctl_ret_hex(ev))
			lt_put_hex(&c, (uint64_t)r);
		else
			lt_put_dec(&c, r);
		break;
	case LT_K_FD:
		lt_put_ret_fd(&c, (int)r);
		break;
	case LT_K_MODE:
		lt_put_mode(&c, (uint64_t)r);
		break;
	case LT_K_UID:
		lt_put_udec(&c, (uint32_t)r);
		break;
	case LT_K_UINT:
		lt_put_udec(&c, (uint64_t)r);
		break;
	case LT_K_MEMBARRIER_RET: /* MEMBARRIER_CMD_QUERY: the commands supported, in hex */
		if ((uint32_t)ev->args[0] == 0 && r)
			lt_put_hex(&c, (uint64_t)r);
		else
			lt_put_dec(&c, r);
		break;
	default:
		lt_put_dec(&c, r);
		break;
	}
	if (c.se)
		lt_decode_ret_extra(&c);
}

static const char *lt_si_code_name(int signo, int code)
{
	static const struct lt_xlat *const by_sig[] = {
		[4] = lt_x_sigill_code, [5] = lt_x_sigtrap_code, [7] = lt_x_sigbus_code,
		[8] = lt_x_sigfpe_code, [11] = lt_x_sigsegv_code, [17] = lt_x_sigchld_code,
		[31] = lt_x_sigsys_code,
	};
	const char *n = lt_xlat_name(lt_x_sig_code_generic, (uint32_t)code);
	if (n || code <= 0)
		return n;
	if (signo > 0 && signo < (int)(sizeof by_sig / sizeof by_sig[0]) && by_sig[signo])
		return lt_xlat_name(by_sig[signo], (uint32_t)code);
	return NULL;
}

/* siginfo_t on x86-64: si_signo, si_errno, si_code, then a union at offset 16 */
static int32_t lt_si32(const uint8_t *si, size_t off)
{
	int32_t v;
	memcpy(&v, si + off, 4);
	return v;
}

static uint64_t lt_si64(const uint8_t *si, size_t off)
{
	uint64_t v;
	memcpy(&v, si + off, 8);
	return v;
}

/* a uid: unsigned, but -1 as -1 (strace's PRINT_VAL_ID) */
static void lt_put_si_uid(struct lt_dctx *c, const uint8_t *si)
{
	int32_t uid = lt_si32(si, 20);
	if (uid == -1)
		lt_sb_puts(c->sb, "-1");
	else
		lt_sb_printf(c->sb, "%u", (unsigned)uid);
}

/* SI_USER, SI_TKILL, SI_QUEUE, SI_MESGQ: sent by a process */
static void lt_siginfo_sender(struct lt_dctx *c, const uint8_t *si, int32_t code)
{
	lt_sb_printf(c->sb, ", si_pid=%d, si_uid=", lt_si32(si, 16));
	lt_put_si_uid(c, si);
	if (code == -1 || code == -3) {
		lt_sb_printf(c->sb, ", si_int=%d, si_ptr=", lt_si32(si, 24));
		lt_put_ptr(c, lt_si64(si, 24));
	}
}

static void lt_siginfo_sigchld(struct lt_dctx *c, const uint8_t *si, int32_t code)
{
	int32_t status = lt_si32(si, 24);
	lt_sb_printf(c->sb, ", si_pid=%d, si_uid=", lt_si32(si, 16));
	lt_put_si_uid(c, si);
	lt_sb_puts(c->sb, ", si_status=");
	if (code == 1 /* CLD_EXITED */)
		lt_sb_printf(c->sb, "%d", status);
	else if (lt_signal_name(status))
		lt_sb_puts(c->sb, lt_signal_name(status));
	else
		lt_sb_printf(c->sb, "%d", status);
	lt_sb_puts(c->sb, ", si_utime=");
	lt_put_clock_t(c, lt_si64(si, 32));
	lt_sb_puts(c->sb, ", si_stime=");
	lt_put_clock_t(c, lt_si64(si, 40));
}

static void lt_siginfo_sigsys(struct lt_dctx *c, const uint8_t *si)
{
	int32_t sc = lt_si32(si, 24);
	uint32_t arch = (uint32_t)lt_si32(si, 28);
	lt_sb_puts(c->sb, ", si_call_addr=");
	lt_put_ptr(c, lt_si64(si, 16));
	lt_sb_printf(c->sb, ", si_syscall=");
	const struct lt_sysent *se = sc >= 0 ? lt_sysent_get((uint64_t)sc) : NULL;
	if (se)
		lt_sb_printf(c->sb, "__NR_%s", se->name);
	else
		lt_sb_printf(c->sb, "%d", sc);
	lt_sb_printf(c->sb, ", si_arch=%s", arch == LT_ARCH_X86_64 ? "AUDIT_ARCH_X86_64" : "?");
}

/* SI_TIMER */
static void lt_siginfo_timer(struct lt_dctx *c, const uint8_t *si)
{
	lt_sb_printf(c->sb, ", si_timerid=%#x, si_overrun=%d, si_int=%d, si_ptr=",
		     (unsigned)lt_si32(si, 16), lt_si32(si, 20), lt_si32(si, 24));
	lt_put_ptr(c, lt_si64(si, 24));
}

/* The fields of the union that si_code (and, sent by the kernel, the signal) selects. */
static void lt_siginfo_union(struct lt_dctx *c, const uint8_t *si, int32_t signo, int32_t code)
{
	if (code == 0 || code == -6 || code == -1 || code == -3) {
		lt_siginfo_sender(c, si, code);
		return;
	}
	switch (code > 0 ? signo : 0) {
	case 17: /* SIGCHLD */
		lt_siginfo_sigchld(c, si, code);
		return;
	case 4: case 7: case 8: case 11: case 5: /* SIGILL, SIGBUS, SIGFPE, SIGSEGV, SIGTRAP */
		lt_sb_puts(c->sb, ", si_addr=");
		lt_put_ptr(c, lt_si64(si, 16));
		return;
	case 31: /* SIGSYS */
		lt_siginfo_sigsys(c, si);
		return;
	}
	if (code == -2)
		lt_siginfo_timer(c, si);
}

void lt_format_signal(struct lt_sb *sb, const struct lt_event *ev, const struct lt_fmt *fmt)
{
	if (!ev)
		return;
	if (!ev->siginfo) {
		if (ev->text_signal)
			lt_sb_puts(sb, ev->text_signal);
		else if (lt_signal_name(ev->signo))
			lt_sb_printf(sb, "%s", lt_signal_name(ev->signo));
		else
			lt_sb_printf(sb, "%d", ev->signo);
		return;
	}
	struct lt_event dummy = *ev;
	struct lt_dctx c;
	dummy.type = LT_EV_SYSCALL;
	dummy.nr = -1;
	lt_dctx_init(&c, sb, &dummy, fmt);
	const uint8_t *si = ev->siginfo;
	int32_t signo = lt_si32(si, 0), err = lt_si32(si, 4), code = lt_si32(si, 8);
	const char *sn = lt_signal_name(signo);
	if (sn)
		lt_sb_printf(sb, "%s {si_signo=%s, si_code=", sn, sn);
	else
		lt_sb_printf(sb, "%d {si_signo=%d, si_code=", signo, signo);
	const char *cn = lt_si_code_name(signo, code);
	if (cn)
		lt_sb_puts(sb, cn);
	else
		lt_sb_printf(sb, "%d", code);
	if (err) {
		lt_sb_puts(sb, ", si_errno=");
		if (lt_errno_name(err))
			lt_sb_puts(sb, lt_errno_name(err));
		else
			lt_sb_printf(sb, "%u", (unsigned)err); /* strace's print_err: unsigned */
	}
	lt_siginfo_union(&c, si, signo, code);
	lt_sb_putc(sb, '}');
}
