/* The native backend's fast path: the hot libc wrappers, interposed. While this thread is
 * armed they make the syscall themselves from the allowed region (no trap, so a few
 * hundred ns instead of a SIGSYS round trip) and record it with LT_SC_FAST; otherwise
 * they tail-call the real function. They make exactly the syscall glibc 2.36 makes for
 * the call, so the trace reads as strace's would. Calls glibc makes internally (not
 * through the PLT) still trap: SUD stays the catch-all, and no call is recorded twice. */
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "fdguard.h"
#include "native.h"
#include "wrap.h"

struct lt_thread;
struct lt_thread *lt_wrap_self(void) LT_HIDDEN;
long lt_wrap_call(struct lt_thread *st, unsigned nr, long a0, long a1, long a2, long a3,
		  long a4, long a5, int wf) LT_HIDDEN;

#define LT_EXPORT __attribute__((visibility("default")))

#define LT_REAL(name) static __typeof__(name) *real_##name
LT_REAL(read);
LT_REAL(write);
LT_REAL(pread64);
LT_REAL(pwrite64);
LT_REAL(open);
LT_REAL(open64);
LT_REAL(openat);
LT_REAL(close);
LT_REAL(lseek);
LT_REAL(fstat);
LT_REAL(stat);
LT_REAL(lstat);
LT_REAL(fstatat);
LT_REAL(access);
LT_REAL(mmap);
LT_REAL(munmap);
LT_REAL(mprotect);
LT_REAL(ioctl);
LT_REAL(isatty);
LT_REAL(getcwd);
LT_REAL(dup);
LT_REAL(dup2);
LT_REAL(dup3);
LT_REAL(readv);
LT_REAL(writev);
LT_REAL(send);
LT_REAL(recv);
LT_REAL(sendto);
LT_REAL(recvfrom);
LT_REAL(sendmsg);
LT_REAL(recvmsg);
LT_REAL(connect);
LT_REAL(accept);
LT_REAL(accept4);
LT_REAL(fcntl);
LT_REAL(fcntl64);
LT_REAL(close_range);
LT_REAL(closefrom);
LT_REAL(clone);
LT_REAL(readdir);
LT_REAL(readdir64);

#define LT_RESOLVE(name) real_##name = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

void lt_wrap_init(void)
{
	LT_RESOLVE(read);
	LT_RESOLVE(write);
	LT_RESOLVE(pread64);
	LT_RESOLVE(pwrite64);
	LT_RESOLVE(open);
	LT_RESOLVE(open64);
	LT_RESOLVE(openat);
	LT_RESOLVE(close);
	LT_RESOLVE(lseek);
	LT_RESOLVE(fstat);
	LT_RESOLVE(stat);
	LT_RESOLVE(lstat);
	LT_RESOLVE(fstatat);
	LT_RESOLVE(access);
	LT_RESOLVE(mmap);
	LT_RESOLVE(munmap);
	LT_RESOLVE(mprotect);
	LT_RESOLVE(ioctl);
	LT_RESOLVE(isatty);
	LT_RESOLVE(getcwd);
	LT_RESOLVE(dup);
	LT_RESOLVE(dup2);
	LT_RESOLVE(dup3);
	LT_RESOLVE(readv);
	LT_RESOLVE(writev);
	LT_RESOLVE(send);
	LT_RESOLVE(recv);
	LT_RESOLVE(sendto);
	LT_RESOLVE(recvfrom);
	LT_RESOLVE(sendmsg);
	LT_RESOLVE(recvmsg);
	LT_RESOLVE(connect);
	LT_RESOLVE(accept);
	LT_RESOLVE(accept4);
	LT_RESOLVE(fcntl);
	LT_RESOLVE(fcntl64);
	LT_RESOLVE(close_range);
	LT_RESOLVE(closefrom);
	LT_RESOLVE(clone);
	LT_RESOLVE(readdir);
	LT_RESOLVE(readdir64);
}

/* Called before lt_wrap_init (another library's constructor): resolve now. */
#define LT_REAL_OF(name)                           \
	({                                         \
		if (__builtin_expect(!real_##name, 0)) \
			LT_RESOLVE(name);          \
		real_##name;                       \
	})

static inline long lt_ret(long r)
{
	if (r < 0 && r > -4096) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

/* Tasks that share our memory but are not threads (clone with CLONE_VM and without
 * CLONE_THREAD, as some runtimes make) run on their parent's TLS block: lt_wrap_self would
 * give them the parent's state, and they would write into the parent's chunk. Once such a
 * task may exist, a wrapper checks that the TLS block is the caller's own: lt_wrap_tid,
 * the tid of the thread the block belongs to, noted on a thread's first wrapped call and
 * by the clone wrapper in the parent, must be the caller's. A task on another's block
 * calls the real function: its call is made as its own (recorded by the trap path if its
 * task is armed), never written into another task's buffers. */
static int lt_vm_siblings;
static __thread int lt_wrap_tid __attribute__((tls_model("initial-exec")));

static __attribute__((noinline)) int lt_wrap_own_tls(void)
{
	int tid = (int)lt_sys0(SYS_gettid);
	if (!lt_wrap_tid)
		lt_wrap_tid = tid;
	return lt_wrap_tid == tid;
}

void lt_wrap_vm_clone(void)
{
	lt_wrap_tid = (int)lt_sys0(SYS_gettid); /* the caller runs on its own TLS block */
	__atomic_store_n(&lt_vm_siblings, 1, __ATOMIC_RELEASE);
}

static inline struct lt_thread *lt_wrap_state(void)
{
	struct lt_thread *st = lt_wrap_self();
	if (__builtin_expect(st && !lt_wrap_tid, 0))
		lt_wrap_tid = (int)lt_sys0(SYS_gettid);
	if (__builtin_expect(lt_vm_siblings, 0) && st && !lt_wrap_own_tls())
		return 0;
	return st;
}

/* The shim's descriptors (fdguard.h). A wrapper whose descriptor argument is one of ours
 * calls the real function: in an armed thread it traps and the trap path, which records
 * the call, answers as untraced; otherwise the argument is made one that is never open,
 * so the real function fails as it would untraced. */
#define LT_FD_ARG(st, fd) ((st) ? (fd) : lt_fd_guard_arg(fd))

/* dup2 and dup3 when not armed: a target of ours moves away first. */
static int lt_fd_dup_args(struct lt_thread *st, int *fd, int fd2)
{
	if (!st) {
		*fd = lt_fd_guard_arg(*fd);
		if (*fd != LT_FD_INVALID && *fd != fd2)
			lt_fd_guard_target(fd2);
	}
	return *fd;
}

#define LT_WRAP(cancel, nr, a0, a1, a2, a3) \
	lt_ret(lt_wrap_call(st, (nr), (long)(a0), (long)(a1), (long)(a2), (long)(a3), 0, 0, \
			    (cancel)))
#define LT_WRAP6(wf, nr, a0, a1, a2, a3, a4, a5)                                            \
	lt_ret(lt_wrap_call(st, (nr), (long)(a0), (long)(a1), (long)(a2), (long)(a3), (long)(a4), \
			    (long)(a5), (wf)))

LT_EXPORT ssize_t read(int fd, void *buf, size_t n)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(read)(LT_FD_ARG(st, fd), buf, n);
	return LT_WRAP(1, SYS_read, fd, buf, n, 0);
}

LT_EXPORT ssize_t write(int fd, const void *buf, size_t n)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(write)(LT_FD_ARG(st, fd), buf, n);
	return LT_WRAP(1, SYS_write, fd, buf, n, 0);
}

LT_EXPORT ssize_t pread64(int fd, void *buf, size_t n, off_t off)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(pread64)(LT_FD_ARG(st, fd), buf, n, off);
	return LT_WRAP(1, SYS_pread64, fd, buf, n, off);
}

LT_EXPORT ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(pwrite64)(LT_FD_ARG(st, fd), buf, n, off);
	return LT_WRAP(1, SYS_pwrite64, fd, buf, n, off);
}

static mode_t lt_open_mode(int flags, va_list ap)
{
	return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? va_arg(ap, mode_t) : 0;
}

LT_EXPORT int open(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t mode = lt_open_mode(flags, ap);
	va_end(ap);
	struct lt_thread *st = lt_wrap_state();
	if (!st)
		return LT_REAL_OF(open)(path, flags, mode);
	return (int)LT_WRAP(1, SYS_openat, AT_FDCWD, path, flags, mode);
}

LT_EXPORT int open64(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t mode = lt_open_mode(flags, ap);
	va_end(ap);
	struct lt_thread *st = lt_wrap_state();
	if (!st)
		return LT_REAL_OF(open64)(path, flags, mode);
	return (int)LT_WRAP(1, SYS_openat, AT_FDCWD, path, flags, mode);
}

LT_EXPORT int openat(int dfd, const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t mode = lt_open_mode(flags, ap);
	va_end(ap);
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(dfd))
		return LT_REAL_OF(openat)(LT_FD_ARG(st, dfd), path, flags, mode);
	return (int)LT_WRAP(1, SYS_openat, dfd, path, flags, mode);
}

LT_EXPORT int close(int fd)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(close)(LT_FD_ARG(st, fd));
	return (int)LT_WRAP(1, SYS_close, fd, 0, 0, 0);
}

LT_EXPORT off_t lseek(int fd, off_t off, int whence)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(lseek)(LT_FD_ARG(st, fd), off, whence);
	return LT_WRAP(0, SYS_lseek, fd, off, whence, 0);
}

/* glibc 2.36 implements the stat family with newfstatat. */
LT_EXPORT int fstat(int fd, struct stat *sb)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(fstat)(LT_FD_ARG(st, fd), sb);
	return (int)LT_WRAP(0, SYS_newfstatat, fd, "", sb, AT_EMPTY_PATH);
}

LT_EXPORT int stat(const char *path, struct stat *sb)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st)
		return LT_REAL_OF(stat)(path, sb);
	return (int)LT_WRAP(0, SYS_newfstatat, AT_FDCWD, path, sb, 0);
}

LT_EXPORT int lstat(const char *path, struct stat *sb)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st)
		return LT_REAL_OF(lstat)(path, sb);
	return (int)LT_WRAP(0, SYS_newfstatat, AT_FDCWD, path, sb, AT_SYMLINK_NOFOLLOW);
}

LT_EXPORT int fstatat(int dfd, const char *path, struct stat *sb, int flags)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(dfd))
		return LT_REAL_OF(fstatat)(LT_FD_ARG(st, dfd), path, sb, flags);
	return (int)LT_WRAP(0, SYS_newfstatat, dfd, path, sb, flags);
}

LT_EXPORT int access(const char *path, int mode)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st)
		return LT_REAL_OF(access)(path, mode);
	return (int)LT_WRAP(0, SYS_access, path, mode, 0, 0);
}

LT_EXPORT void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || (off & 4095) /* glibc's own EINVAL check: let it make it */ ||
	    lt_fd_guarded(fd))
		return LT_REAL_OF(mmap)(addr, len, prot, flags, LT_FD_ARG(st, fd), off);
	long r = lt_wrap_call(st, SYS_mmap, (long)addr, (long)len, prot, flags, fd, off, 0);
	if (r < 0 && r > -4096) {
		errno = (int)-r;
		return MAP_FAILED;
	}
	return (void *)r;
}

LT_EXPORT int munmap(void *addr, size_t len)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st)
		return LT_REAL_OF(munmap)(addr, len);
	return (int)LT_WRAP(0, SYS_munmap, addr, len, 0, 0);
}

LT_EXPORT int mprotect(void *addr, size_t len, int prot)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st)
		return LT_REAL_OF(mprotect)(addr, len, prot);
	return (int)LT_WRAP(0, SYS_mprotect, addr, len, prot, 0);
}

/* The large-file names (programs built with _FILE_OFFSET_BITS=64, e.g. Python): the same
 * functions on x86-64. */
LT_EXPORT int stat64(const char *path, struct stat64 *sb)
{
	return stat(path, (struct stat *)sb);
}

LT_EXPORT int fstat64(int fd, struct stat64 *sb)
{
	return fstat(fd, (struct stat *)sb);
}

LT_EXPORT int lstat64(const char *path, struct stat64 *sb)
{
	return lstat(path, (struct stat *)sb);
}

LT_EXPORT int fstatat64(int dfd, const char *path, struct stat64 *sb, int flags)
{
	return fstatat(dfd, path, (struct stat *)sb, flags);
}

/* pread and pwrite are the same functions as pread64 and pwrite64 on x86-64 (programs
 * built without _FILE_OFFSET_BITS=64 call these names). */
LT_EXPORT ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	return pread64(fd, buf, n, off);
}

LT_EXPORT ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	return pwrite64(fd, buf, n, off);
}

LT_EXPORT off64_t lseek64(int fd, off64_t off, int whence)
{
	return lseek(fd, off, whence);
}

LT_EXPORT void *mmap64(void *addr, size_t len, int prot, int flags, int fd, off64_t off)
{
	return mmap(addr, len, prot, flags, fd, off);
}

/* Descriptors, ioctl, vectored and socket I/O: what a server loop or an interpreter's
 * start-up (isatty's ioctl) makes most after the calls above. glibc 2.36 on x86-64 makes
 * these syscalls for them: send and recv are sendto and recvfrom without an address,
 * accept is accept; ioctl passes its one variadic argument through. */
LT_EXPORT int ioctl(int fd, unsigned long req, ...)
{
	va_list ap;
	va_start(ap, req);
	void *arg = va_arg(ap, void *);
	va_end(ap);
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(ioctl)(LT_FD_ARG(st, fd), req, arg);
	return (int)LT_WRAP6(LT_WF_INDIRECT, SYS_ioctl, fd, req, arg, 0, 0, 0);
}

LT_EXPORT int dup(int fd)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st)
		return (int)lt_fd_guard_lowest(LT_REAL_OF(dup)(lt_fd_guard_arg(fd)), 0);
	if (lt_fdg_lo != INT_MAX) /* the trap path gives the number it would untraced */
		return LT_REAL_OF(dup)(fd);
	return (int)LT_WRAP(0, SYS_dup, fd, 0, 0, 0);
}

LT_EXPORT int dup2(int fd, int fd2)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd) || lt_fd_guarded(fd2))
		return LT_REAL_OF(dup2)(lt_fd_dup_args(st, &fd, fd2), fd2);
	return (int)LT_WRAP(0, SYS_dup2, fd, fd2, 0, 0);
}

LT_EXPORT int dup3(int fd, int fd2, int flags)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd) || lt_fd_guarded(fd2))
		return LT_REAL_OF(dup3)(lt_fd_dup_args(st, &fd, fd2), fd2, flags);
	return (int)LT_WRAP(0, SYS_dup3, fd, fd2, flags, 0);
}

LT_EXPORT ssize_t readv(int fd, const struct iovec *iov, int n)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(readv)(LT_FD_ARG(st, fd), iov, n);
	return LT_WRAP6(LT_WF_CANCEL | LT_WF_INDIRECT, SYS_readv, fd, iov, n, 0, 0, 0);
}

LT_EXPORT ssize_t writev(int fd, const struct iovec *iov, int n)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(writev)(LT_FD_ARG(st, fd), iov, n);
	return LT_WRAP6(LT_WF_CANCEL | LT_WF_INDIRECT, SYS_writev, fd, iov, n, 0, 0, 0);
}

LT_EXPORT ssize_t send(int fd, const void *buf, size_t n, int flags)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(send)(LT_FD_ARG(st, fd), buf, n, flags);
	return LT_WRAP6(LT_WF_CANCEL, SYS_sendto, fd, buf, n, flags, 0, 0);
}

LT_EXPORT ssize_t recv(int fd, void *buf, size_t n, int flags)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(recv)(LT_FD_ARG(st, fd), buf, n, flags);
	return LT_WRAP6(LT_WF_CANCEL, SYS_recvfrom, fd, buf, n, flags, 0, 0);
}

LT_EXPORT ssize_t sendto(int fd, const void *buf, size_t n, int flags,
			 const struct sockaddr *to, socklen_t tolen)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(sendto)(LT_FD_ARG(st, fd), buf, n, flags, to, tolen);
	return LT_WRAP6(LT_WF_CANCEL, SYS_sendto, fd, buf, n, flags, to, tolen);
}

LT_EXPORT ssize_t recvfrom(int fd, void *buf, size_t n, int flags, struct sockaddr *from,
			   socklen_t *fromlen)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(recvfrom)(LT_FD_ARG(st, fd), buf, n, flags, from, fromlen);
	/* The address length is read and written through a pointer: read it safely. */
	return LT_WRAP6(LT_WF_CANCEL | (from ? LT_WF_INDIRECT : 0), SYS_recvfrom, fd, buf, n,
			flags, from, fromlen);
}

LT_EXPORT ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(sendmsg)(LT_FD_ARG(st, fd), msg, flags);
	return LT_WRAP6(LT_WF_CANCEL | LT_WF_INDIRECT, SYS_sendmsg, fd, msg, flags, 0, 0, 0);
}

LT_EXPORT ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(recvmsg)(LT_FD_ARG(st, fd), msg, flags);
	return LT_WRAP6(LT_WF_CANCEL | LT_WF_INDIRECT, SYS_recvmsg, fd, msg, flags, 0, 0, 0);
}

LT_EXPORT int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(connect)(LT_FD_ARG(st, fd), addr, len);
	return (int)LT_WRAP6(LT_WF_CANCEL, SYS_connect, fd, addr, len, 0, 0, 0);
}

LT_EXPORT int accept(int fd, struct sockaddr *addr, socklen_t *len)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(accept)(LT_FD_ARG(st, fd), addr, len);
	return (int)LT_WRAP6(LT_WF_CANCEL | LT_WF_INDIRECT, SYS_accept, fd, addr, len, 0, 0, 0);
}

LT_EXPORT int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(accept4)(LT_FD_ARG(st, fd), addr, len, flags);
	return (int)LT_WRAP6(LT_WF_CANCEL | LT_WF_INDIRECT, SYS_accept4, fd, addr, len, flags, 0,
			     0);
}

/* glibc's isatty is tcgetattr's ioctl(fd, TCGETS) made inside libc, not through the PLT:
 * interpreters call it for every file they open. */
LT_EXPORT int isatty(int fd)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || lt_fd_guarded(fd))
		return LT_REAL_OF(isatty)(LT_FD_ARG(st, fd));
	char kt[64] __attribute__((aligned(8))); /* the kernel's struct termios (36 bytes) */
	return LT_WRAP6(LT_WF_INDIRECT, SYS_ioctl, fd, TCGETS, kt, 0, 0, 0) == 0;
}

/* getcwd with the caller's buffer: one getcwd syscall, as glibc makes it. Allocating
 * forms (buf NULL) and the cases glibc handles itself (a size of 0, a path that is not
 * absolute, ENAMETOOLONG) go to the real function. */
LT_EXPORT char *getcwd(char *buf, size_t size)
{
	struct lt_thread *st = lt_wrap_state();
	if (!st || !buf || !size)
		return LT_REAL_OF(getcwd)(buf, size);
	long r = lt_wrap_call(st, SYS_getcwd, (long)buf, (long)size, 0, 0, 0, 0, 0);
	if (r > 0 && buf[0] == '/')
		return buf;
	if (r < 0 && r > -4096 && r != -ENAMETOOLONG) {
		errno = (int)-r;
		return 0;
	}
	return LT_REAL_OF(getcwd)(buf, size);
}

/* Descriptor calls that are not on the fast path, interposed only to hide the shim's
 * descriptors while this thread is not armed (an armed thread's call traps, and the trap
 * path hides them). */
static int lt_fcntl(int (*real)(int, int, ...), int fd, int cmd, long arg)
{
	if (lt_fdg_lo == INT_MAX || lt_wrap_state())
		return real(fd, cmd, arg);
	if (lt_fd_guarded(fd))
		return real(LT_FD_INVALID, cmd, arg);
	int r = real(fd, cmd, arg);
	if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC)
		return (int)lt_fd_guard_lowest(r, arg);
	return r;
}

LT_EXPORT int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	va_start(ap, cmd);
	long arg = va_arg(ap, long);
	va_end(ap);
	return lt_fcntl(LT_REAL_OF(fcntl), fd, cmd, arg);
}

LT_EXPORT int fcntl64(int fd, int cmd, ...)
{
	va_list ap;
	va_start(ap, cmd);
	long arg = va_arg(ap, long);
	va_end(ap);
	return lt_fcntl(LT_REAL_OF(fcntl64), fd, cmd, arg);
}

LT_EXPORT int close_range(unsigned first, unsigned last, int flags)
{
	if (lt_fdg_lo == INT_MAX || lt_wrap_state())
		return LT_REAL_OF(close_range)(first, last, flags);
	return (int)lt_ret(lt_fd_guard_close_range(first, last, (unsigned)flags));
}

/* glibc's closefrom is close_range(lowfd, ~0U, 0), made inside libc. */
LT_EXPORT void closefrom(int lowfd)
{
	if (lt_fdg_lo == INT_MAX || lt_wrap_state() || lowfd < 0 ||
	    lt_fd_guard_close_range((unsigned)lowfd, ~0u, 0) != 0)
		LT_REAL_OF(closefrom)(lowfd);
}

/* Listings of /proc/self/fd leave the shim's descriptors out: on the trap path the
 * getdents64 is filtered; these cover a thread that is not armed (tracing stopped, the
 * strace backend). */
LT_EXPORT struct dirent *readdir(DIR *d)
{
	struct dirent *e;
	do
		e = LT_REAL_OF(readdir)(d);
	while (e && lt_fdg_lo != INT_MAX && lt_fd_guard_dirent(dirfd(d), e->d_name));
	return e;
}

LT_EXPORT struct dirent64 *readdir64(DIR *d)
{
	struct dirent64 *e;
	do
		e = LT_REAL_OF(readdir64)(d);
	while (e && lt_fdg_lo != INT_MAX && lt_fd_guard_dirent(dirfd(d), e->d_name));
	return e;
}

/* glibc's clone: a child that shares our memory without being a thread makes wrappers
 * check whose TLS block they run on (lt_wrap_state). The trap path calls
 * lt_wrap_vm_clone for raw clone calls. */
LT_EXPORT int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
	va_list ap;
	va_start(ap, arg);
	pid_t *ptid = va_arg(ap, pid_t *);
	void *tls = va_arg(ap, void *);
	pid_t *ctid = va_arg(ap, pid_t *);
	va_end(ap);
	if ((flags & CLONE_VM) && !(flags & CLONE_THREAD))
		lt_wrap_vm_clone();
	return LT_REAL_OF(clone)(fn, stack, flags, arg, ptid, tls, ctid);
}
