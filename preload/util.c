/* Freestanding helpers for the shim. They touch no libc state (no errno, no locale, no
 * stdio buffers) and no TLS, so they are safe in signal handlers, in threads created by
 * raw clone before TLS exists, and in vfork children. */
#include <stdarg.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "control.h"

struct lt_out {
	char *buf;
	size_t size; /* capacity including the NUL */
	size_t len;  /* characters produced, even past the capacity (like snprintf) */
};

static void out_c(struct lt_out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void out_s(struct lt_out *o, const char *s)
{
	while (*s)
		out_c(o, *s++);
}

static void out_u(struct lt_out *o, unsigned long v, unsigned base)
{
	char tmp[24];
	int i = 0;
	do {
		tmp[i++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (i)
		out_c(o, tmp[--i]);
}

static void out_d(struct lt_out *o, long v)
{
	if (v < 0) {
		out_c(o, '-');
		/* Negate as unsigned so LONG_MIN does not overflow. */
		out_u(o, 0ul - (unsigned long)v, 10);
	} else {
		out_u(o, (unsigned long)v, 10);
	}
}

static int lt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct lt_out o = { buf, size, 0 };
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			out_c(&o, *fmt);
			continue;
		}
		fmt++;
		int lng = 0;
		if (*fmt == 'l') {
			lng = 1;
			fmt++;
		}
		switch (*fmt) {
		case 's': {
			const char *s = va_arg(ap, const char *);
			out_s(&o, s ? s : "(null)");
			break;
		}
		case 'd':
			out_d(&o, lng ? va_arg(ap, long) : va_arg(ap, int));
			break;
		case 'u':
			out_u(&o, lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 10);
			break;
		case 'x':
			out_u(&o, lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 16);
			break;
		case 'p':
			out_s(&o, "0x");
			out_u(&o, (unsigned long)va_arg(ap, void *), 16);
			break;
		case 'c':
			out_c(&o, (char)va_arg(ap, int));
			break;
		case '%':
			out_c(&o, '%');
			break;
		case '\0':
			fmt--; /* a lone trailing '%': stop at the NUL */
			break;
		default:
			/* Unknown conversion: show it rather than misread the va_list. */
			out_c(&o, '%');
			out_c(&o, *fmt);
			break;
		}
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int lt_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = lt_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

void lt_warn(const char *fmt, ...)
{
	/* One write, so the line never interleaves with the program's own stderr output. */
	char buf[512];
	static const char prefix[] = "libtrace: ";
	size_t p = sizeof(prefix) - 1;
	lt_memcpy(buf, prefix, p);
	va_list ap;
	va_start(ap, fmt);
	int n = lt_vsnprintf(buf + p, sizeof(buf) - p - 1, fmt, ap);
	va_end(ap);
	size_t len = p + ((size_t)n < sizeof(buf) - p - 2 ? (size_t)n : sizeof(buf) - p - 2);
	buf[len++] = '\n';
	lt_sys3(SYS_write, 2, buf, len);
}

const char *lt_errname(long e)
{
	switch (-e) {
	case ENOENT: return "No such file or directory";
	case EACCES: return "Permission denied";
	case EPERM: return "Operation not permitted";
	case ENOTDIR: return "Not a directory";
	case ELOOP: return "Too many levels of symbolic links";
	case EROFS: return "Read-only file system";
	case ENOSPC: return "No space left on device";
	case ENAMETOOLONG: return "File name too long";
	case EEXIST: return "File exists";
	}
	return "error";
}

struct k_sigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask;
};

static int child_fd(int fd, int target)
{
	if (fd < 0) {
		fd = (int)lt_sys4(SYS_openat, AT_FDCWD, "/dev/null", O_RDWR, 0);
		if (fd < 0)
			return fd;
	}
	if (fd == target)
		return (int)lt_sys3(SYS_fcntl, fd, F_SETFD, 0); /* keep it across exec */
	return (int)lt_sys3(SYS_dup3, fd, target, 0);
}

static void spawn_child(const struct lt_spawn *sp) __attribute__((noreturn));
static void keep(const struct lt_spawn *sp, int pid, int origin) __attribute__((noreturn));

long lt_spawn(const struct lt_spawn *sp)
{
	if (!sp->detach) {
		/* fork-like clone with exit signal 0. The program's wait() and SIGCHLD still
		 * see it once it has exec'd (execve makes it an ordinary child again). */
		long pid = lt_sys5(SYS_clone, 0, 0, 0, 0, 0);
		if (pid == 0)
			spawn_child(sp);
		return pid;
	}
	/* Detached: an intermediate child starts the real one and exits at once, so the
	 * real one belongs to init, never to the program (no SIGCHLD, nothing for its
	 * wait(-1) to reap). The intermediate hands its pid back through a pipe. */
	int p[2];
	long r = lt_sys2(SYS_pipe2, p, O_CLOEXEC);
	if (r < 0)
		return r;
	int origin = (int)lt_sys0(SYS_getpid);
	long mid = lt_sys5(SYS_clone, 0, 0, 0, 0, 0);
	if (mid == 0) {
		if (sp->reap) {
			/* One level more: the keeper, orphaned when we exit, is the child's
			 * parent; the pipe's write end stays open in it until it has written. */
			long k = lt_sys5(SYS_clone, 0, 0, 0, 0, 0);
			if (k != 0) {
				int v = (int)k;
				if (k < 0)
					lt_sys3(SYS_write, p[1], &v, sizeof(v));
				lt_sys1(SYS_exit_group, 0);
			}
		}
		long pid = lt_sys5(SYS_clone, 0, 0, 0, 0, 0);
		if (pid == 0) {
			lt_sys1(SYS_close, p[0]);
			lt_sys1(SYS_close, p[1]);
			spawn_child(sp);
		}
		int v = (int)pid;
		lt_sys3(SYS_write, p[1], &v, sizeof(v));
		if (sp->reap && pid > 0)
			keep(sp, (int)pid, origin);
		lt_sys1(SYS_exit_group, 0);
	}
	lt_sys1(SYS_close, p[1]);
	int v = mid < 0 ? (int)mid : -ECHILD;
	if (mid > 0) {
		while (lt_sys3(SYS_read, p[0], &v, sizeof(v)) == -EINTR)
			;
		int st;
		while (lt_sys4(SYS_wait4, mid, &st, __WALL, NULL) == -EINTR)
			;
	}
	lt_sys1(SYS_close, p[0]);
	return v;
}

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif

/* The keeper: waits for the child, then hands its status to sp->reap. It holds none of
 * the program's descriptors (a pipe or socket of the program's must see EOF when the
 * program closes it) and none of its handlers. */
static void keep(const struct lt_spawn *sp, int pid, int origin)
{
	struct k_sigaction dfl = { .handler = SIG_DFL };
	for (int s = 1; s <= 64; s++)
		if (s != SIGKILL && s != SIGSTOP)
			lt_sys4(SYS_rt_sigaction, s, &dfl, 0, 8);
	unsigned long none = 0;
	lt_sys4(SYS_rt_sigprocmask, SIG_SETMASK, &none, 0, 8);
	lt_sys0(SYS_setsid); /* the terminal's ^C that kills the program must not kill us */
	/* Opened while the origin certainly lives (it waits for our pid on the pipe), and
	 * moved above 2, then everything else is closed. */
	int ofd = (int)lt_sys2(SYS_pidfd_open, origin, 0);
	if (ofd >= 0 && ofd < 3) {
		int hi = (int)lt_sys3(SYS_fcntl, ofd, F_DUPFD_CLOEXEC, 3);
		lt_sys1(SYS_close, ofd);
		ofd = hi;
	}
	if (ofd >= 0) {
		lt_sys3(SYS_close_range, 0, ofd - 1, 0);
		lt_sys3(SYS_close_range, ofd + 1, ~0u, 0);
	} else {
		lt_sys3(SYS_close_range, 0, ~0u, 0);
	}
	for (int i = 0; i < 3; i++)
		child_fd(-1, i);
	int st = 0;
	while (lt_sys4(SYS_wait4, pid, &st, __WALL, NULL) == -EINTR)
		;
	int gone;
	if (ofd >= 0) {
		struct { int fd; short events, revents; } pfd = { ofd, 1 /* POLLIN */, 0 };
		struct timespec { long s, ns; } zero = { 0, 0 };
		gone = lt_sys5(SYS_ppoll, &pfd, 1, &zero, NULL, 8) > 0;
	} else {
		gone = lt_sys2(SYS_kill, origin, 0) == -ESRCH;
	}
	sp->reap(st, gone);
	for (;;)
		lt_sys1(SYS_exit_group, 0);
}

static void spawn_child(const struct lt_spawn *sp)
{
	/* The child: only raw syscalls on its copy of the memory, then execve. */
	struct k_sigaction dfl = { .handler = SIG_DFL };
	for (int s = 1; s <= 64; s++)
		if (s != SIGKILL && s != SIGSTOP)
			lt_sys4(SYS_rt_sigaction, s, &dfl, 0, 8);
	unsigned long none = 0;
	lt_sys4(SYS_rt_sigprocmask, SIG_SETMASK, &none, 0, 8);
	if (sp->setsid)
		lt_sys0(SYS_setsid);
	/* Move the descriptors we were given above 2 first, so dup3 cannot clobber one that
	 * is still needed (e.g. fd_err == 1). */
	int fds[3] = { sp->fd_in, sp->fd_out, sp->fd_err };
	for (int i = 0; i < 3; i++)
		if (fds[i] >= 0 && fds[i] <= 2)
			fds[i] = (int)lt_sys3(SYS_fcntl, fds[i], F_DUPFD, 10);
	int gate = sp->gate_rfd;
	if (gate >= 0 && gate <= 2)
		gate = (int)lt_sys3(SYS_fcntl, gate, F_DUPFD, 10);
	for (int i = 0; i < 3; i++)
		if (child_fd(fds[i], i) < 0)
			lt_sys1(SYS_exit_group, 127);
	if (gate >= 0) {
		char c;
		lt_sys1(SYS_close, sp->gate_wfd);
		while (lt_sys3(SYS_read, gate, &c, 1) == -EINTR)
			;
	}
	lt_sys3(SYS_close_range, 3, ~0u, 0);
	lt_sys3(SYS_execve, sp->path, sp->argv, sp->envp);
	for (;;)
		lt_sys1(SYS_exit_group, 127);
}

int lt_dir_each(const char *path, int (*fn)(void *ctx, int dfd, const char *name), void *ctx)
{
	long dfd = lt_sys4(SYS_openat, AT_FDCWD, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
	if (dfd < 0)
		return (int)dfd;
	char buf[2048];
	long n;
	int r = 0;
	while (!r && (n = lt_sys3(SYS_getdents64, dfd, buf, sizeof buf)) > 0) {
		for (long off = 0; !r && off < n;) {
			struct {
				uint64_t ino;
				int64_t off;
				unsigned short reclen;
				unsigned char type;
				char name[];
			} *d = (void *)(buf + off);
			off += d->reclen;
			if (d->name[0] == '.' && (!d->name[1] || (d->name[1] == '.' && !d->name[2])))
				continue;
			r = fn(ctx, (int)dfd, d->name);
		}
	}
	lt_sys1(SYS_close, dfd);
	return r;
}

long lt_dec_name(const char *s)
{
	long v = 0;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 0x7fffffffL / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

long lt_read_file(const char *path, char *buf, size_t size)
{
	long fd = lt_sys4(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return fd;
	size_t n = 0;
	while (n < size) {
		long r = lt_sys3(SYS_read, fd, buf + n, size - n);
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	lt_sys1(SYS_close, fd);
	return (long)n;
}

const char *lt_proc_field(const char *text, const char *key)
{
	size_t kl = lt_strlen(key);
	for (const char *p = text; *p; p++) {
		if (p != text && p[-1] != '\n')
			continue;
		size_t k = 0;
		while (k < kl && p[k] == key[k])
			k++;
		if (k < kl || p[k] != ':')
			continue;
		p += kl + 1;
		while (*p == ' ' || *p == '\t')
			p++;
		return p;
	}
	return 0;
}
