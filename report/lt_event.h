/* The report's event model: what every input (binary log, strace text) becomes and what
 * every output format consumes. Report side only (may use libc freely). */
#ifndef LT_EVENT_H
#define LT_EVENT_H

#include <stddef.h>
#include <stdint.h>

enum lt_ev_type {
	LT_EV_SYSCALL = 1,
	LT_EV_SIGNAL,  /* a signal delivered (handler entered, or strace's --- line) */
	LT_EV_EXIT,    /* the process exited or was killed (+++ line) */
	LT_EV_LOST,    /* records the recorder could not write */
	LT_EV_WINDOW,  /* tracing switched on or off */
	LT_EV_PROCESS, /* a process (image) appeared: pid, ppid, cmdline, fork/exec flags */
	LT_EV_THREAD,  /* a thread's name */
	LT_EV_FD,      /* a descriptor open when tracing began: fd, its path in str (for -y) */
	LT_EV_NOTE,    /* the tracer about itself: note_code, text in str (lt_log.h) */
};

/* lt_event.flags */
#define LT_EVF_UNFINISHED 0x1u /* no return seen: ret and dur_ns are not meaningful */
#define LT_EVF_TEXT 0x2u       /* from strace text: args/ret come preformatted in text_* */
#define LT_EVF_FAST 0x4u       /* recorded on the interposed fast path */
#define LT_EVF_INJECTED 0x8u   /* the tracer injected the outcome: strace's "(INJECTED)" */
#define LT_EVF_RESTART 0x10u   /* the kernel returned an ERESTART* code (ret holds it) */
#define LT_EVF_DELAYED 0x20u   /* the tracer delayed the call: strace's "(DELAYED)" */

struct lt_event {
	enum lt_ev_type type;
	unsigned flags;
	uint32_t pid, tid;
	uint64_t ts_ns;  /* wall clock, ns since the epoch */
	uint64_t dur_ns; /* syscall duration (0 for instants) */

	/* LT_EV_SYSCALL */
	int nr;             /* syscall number; -1 if the name is not in our table */
	const char *name;   /* syscall name */
	uint64_t args[6];
	int64_t ret;        /* raw kernel convention: -4095..-1 is -errno */
	const uint8_t *caps;/* captures: ncaps struct lt_cap records back to back, 8-aligned */
	size_t caps_len;
	unsigned ncaps;
	const char *text_args; /* LT_EVF_TEXT: strace's argument text, without parentheses */
	const char *text_ret;  /* LT_EVF_TEXT: strace's text after " = ", e.g. "-1 ENOENT (...)" */

	/* LT_EV_SIGNAL: raw siginfo (128 bytes) from a log, or the text between --- --- */
	int signo;
	const uint8_t *siginfo;
	const char *text_signal;

	/* LT_EV_EXIT */
	int exit_code;
	int exit_signal;

	/* LT_EV_LOST */
	uint64_t lost;

	/* LT_EV_WINDOW */
	int window_on;
	unsigned window_seq;

	/* LT_EV_FD */
	int fd;

	/* LT_EV_NOTE */
	unsigned note_code; /* enum lt_note_code */

	/* LT_EV_PROCESS / LT_EV_THREAD / LT_EV_FD / LT_EV_NOTE */
	uint32_t ppid;
	unsigned proc_flags; /* LT_LOG_F_* */
	const char *str;     /* thread name, cmdline with NULs between args, fd path, note text */
	size_t str_len;
};

/* A growable string. Report side only. */
struct lt_sb {
	char *p;
	size_t len, cap;
};
/* Room for more bytes and the NUL after them. */
void lt_sb_grow(struct lt_sb *sb, size_t more);
/* putc, putn and puts are most of what every output does per call: inline, one compare. */
static inline void lt_sb_putn(struct lt_sb *sb, const char *s, size_t n)
{
	if (__builtin_expect(sb->len + n + 1 > sb->cap, 0))
		lt_sb_grow(sb, n);
	__builtin_memcpy(sb->p + sb->len, s, n);
	sb->len += n;
	sb->p[sb->len] = 0;
}
static inline void lt_sb_putc(struct lt_sb *sb, char c)
{
	if (__builtin_expect(sb->len + 2 > sb->cap, 0))
		lt_sb_grow(sb, 1);
	sb->p[sb->len++] = c;
	sb->p[sb->len] = 0;
}
/* inline too: a literal's length is then known at compile time */
static inline void lt_sb_puts(struct lt_sb *sb, const char *s) { lt_sb_putn(sb, s, __builtin_strlen(s)); }
void lt_sb_printf(struct lt_sb *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empties sb; its p is a string from then on (never NULL), so p + len is always valid. */
static inline void lt_sb_reset(struct lt_sb *sb)
{
	if (__builtin_expect(!sb->p, 0))
		lt_sb_grow(sb, 0);
	sb->len = 0;
	sb->p[0] = 0;
}
void lt_sb_free(struct lt_sb *sb);
/* Appends s[0..n) escaped as strace escapes a string's body (its string_quote, without the
 * quotes): printable ASCII as is; \" \\ \f \n \r \t \v; any other byte in octal (\33, \7,
 * \303), three digits when an octal digit follows; bytes in also (e.g. "<>" for -y paths)
 * in octal too. hex: -x (1: the whole string as \xNN when it holds a byte that is neither
 * printable nor whitespace) or -xx (2: always). Everything a report prints that came from
 * the traced program (paths, names, notes) goes through here: no terminal escape gets out. */
void lt_sb_escape(struct lt_sb *sb, const char *s, size_t n, int hex, const char *also);

#endif
