/* The native backend's fast path: the hot libc wrappers, interposed. While this thread is
 * armed they make the syscall themselves from the allowed region (no trap, so a few
 * hundred ns instead of a SIGSYS round trip) and record it with LT_SC_FAST; otherwise
 * they tail-call the real function. They make exactly the syscall glibc 2.36 makes for
 * the call, so the trace reads as strace's would. Calls glibc makes internally (not
 * through the PLT) still trap: SUD stays the catch-all, and no call is recorded twice. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/syscall.h>
#include <unistd.h>

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

#define LT_WRAP(cancel, nr, a0, a1, a2, a3) \
	lt_ret(lt_wrap_call(st, (nr), (long)(a0), (long)(a1), (long)(a2), (long)(a3), 0, 0, \
			    (cancel)))
#define LT_WRAP6(wf, nr, a0, a1, a2, a3, a4, a5)                                            \
	lt_ret(lt_wrap_call(st, (nr), (long)(a0), (long)(a1), (long)(a2), (long)(a3), (long)(a4), \
			    (long)(a5), (wf)))

LT_EXPORT ssize_t read(int fd, void *buf, size_t n)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(read)(fd, buf, n);
	return LT_WRAP(1, SYS_read, fd, buf, n, 0);
}

LT_EXPORT ssize_t write(int fd, const void *buf, size_t n)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(write)(fd, buf, n);
	return LT_WRAP(1, SYS_write, fd, buf, n, 0);
}

LT_EXPORT ssize_t pread64(int fd, void *buf, size_t n, off_t off)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(pread64)(fd, buf, n, off);
	return LT_WRAP(1, SYS_pread64, fd, buf, n, off);
}

LT_EXPORT ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(pwrite64)(fd, buf, n, off);
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
	struct lt_thread *st = lt_wrap_self();
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
	struct lt_thread *st = lt_wrap_self();
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
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(openat)(dfd, path, flags, mode);
	return (int)LT_WRAP(1, SYS_openat, dfd, path, flags, mode);
}

LT_EXPORT int close(int fd)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(close)(fd);
	return (int)LT_WRAP(1, SYS_close, fd, 0, 0, 0);
}

LT_EXPORT off_t lseek(int fd, off_t off, int whence)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(lseek)(fd, off, whence);
	return LT_WRAP(0, SYS_lseek, fd, off, whence, 0);
}

/* glibc 2.36 implements the stat family with newfstatat. */
LT_EXPORT int fstat(int fd, struct stat *sb)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(fstat)(fd, sb);
	return (int)LT_WRAP(0, SYS_newfstatat, fd, "", sb, AT_EMPTY_PATH);
}

LT_EXPORT int stat(const char *path, struct stat *sb)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(stat)(path, sb);
	return (int)LT_WRAP(0, SYS_newfstatat, AT_FDCWD, path, sb, 0);
}

LT_EXPORT int lstat(const char *path, struct stat *sb)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(lstat)(path, sb);
	return (int)LT_WRAP(0, SYS_newfstatat, AT_FDCWD, path, sb, AT_SYMLINK_NOFOLLOW);
}

LT_EXPORT int fstatat(int dfd, const char *path, struct stat *sb, int flags)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(fstatat)(dfd, path, sb, flags);
	return (int)LT_WRAP(0, SYS_newfstatat, dfd, path, sb, flags);
}

LT_EXPORT int access(const char *path, int mode)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(access)(path, mode);
	return (int)LT_WRAP(0, SYS_access, path, mode, 0, 0);
}

LT_EXPORT void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st || (off & 4095)) /* glibc's own EINVAL check: let it make it */
		return LT_REAL_OF(mmap)(addr, len, prot, flags, fd, off);
	long r = lt_wrap_call(st, SYS_mmap, (long)addr, (long)len, prot, flags, fd, off, 0);
	if (r < 0 && r > -4096) {
		errno = (int)-r;
		return MAP_FAILED;
	}
	return (void *)r;
}

LT_EXPORT int munmap(void *addr, size_t len)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(munmap)(addr, len);
	return (int)LT_WRAP(0, SYS_munmap, addr, len, 0, 0);
}

LT_EXPORT int mprotect(void *addr, size_t len, int prot)
{
	struct lt_thread *st = lt_wrap_self();
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
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(ioctl)(fd, req, arg);
	return (int)LT_WRAP6(LT_WF_INDIRECT, SYS_ioctl, fd, req, arg, 0, 0, 0);
}

LT_EXPORT int dup(int fd)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(dup)(fd);
	return (int)LT_WRAP(0, SYS_dup, fd, 0, 0, 0);
}

LT_EXPORT int dup2(int fd, int fd2)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(dup2)(fd, fd2);
	return (int)LT_WRAP(0, SYS_dup2, fd, fd2, 0, 0);
}

LT_EXPORT int dup3(int fd, int fd2, int flags)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(dup3)(fd, fd2, flags);
	return (int)LT_WRAP(0, SYS_dup3, fd, fd2, flags, 0);
}

LT_EXPORT ssize_t readv(int fd, const struct iovec *iov, int n)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(readv)(fd, iov, n);
	return LT_WRAP6(LT_WF_CANCEL | LT_WF_INDIRECT, SYS_readv, fd, iov, n, 0, 0, 0);
}

LT_EXPORT ssize_t writev(int fd, const struct iovec *iov, int n)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(writev)(fd, iov, n);
	return LT_WRAP6(LT_WF_CANCEL | LT_WF_INDIRECT, SYS_writev, fd, iov, n, 0, 0, 0);
}

LT_EXPORT ssize_t send(int fd, const void *buf, size_t n, int flags)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(send)(fd, buf, n, flags);
	return LT_WRAP6(LT_WF_CANCEL, SYS_sendto, fd, buf, n, flags, 0, 0);
}

LT_EXPORT ssize_t recv(int fd, void *buf, size_t n, int flags)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(recv)(fd, buf, n, flags);
	return LT_WRAP6(LT_WF_CANCEL, SYS_recvfrom, fd, buf, n, flags, 0, 0);
}

LT_EXPORT ssize_t sendto(int fd, const void *buf, size_t n, int flags,
			 const struct sockaddr *to, socklen_t tolen)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(sendto)(fd, buf, n, flags, to, tolen);
	return LT_WRAP6(LT_WF_CANCEL, SYS_sendto, fd, buf, n, flags, to, tolen);
}

LT_EXPORT ssize_t recvfrom(int fd, void *buf, size_t n, int flags, struct sockaddr *from,
			   socklen_t *fromlen)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(recvfrom)(fd, buf, n, flags, from, fromlen);
	/* The address length is read and written through a pointer: read it safely. */
	return LT_WRAP6(LT_WF_CANCEL | (from ? LT_WF_INDIRECT : 0), SYS_recvfrom, fd, buf, n,
			flags, from, fromlen);
}

LT_EXPORT ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(sendmsg)(fd, msg, flags);
	return LT_WRAP6(LT_WF_CANCEL | LT_WF_INDIRECT, SYS_sendmsg, fd, msg, flags, 0, 0, 0);
}

LT_EXPORT ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(recvmsg)(fd, msg, flags);
	return LT_WRAP6(LT_WF_CANCEL | LT_WF_INDIRECT, SYS_recvmsg, fd, msg, flags, 0, 0, 0);
}

LT_EXPORT int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(connect)(fd, addr, len);
	return (int)LT_WRAP6(LT_WF_CANCEL, SYS_connect, fd, addr, len, 0, 0, 0);
}

LT_EXPORT int accept(int fd, struct sockaddr *addr, socklen_t *len)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(accept)(fd, addr, len);
	return (int)LT_WRAP6(LT_WF_CANCEL | LT_WF_INDIRECT, SYS_accept, fd, addr, len, 0, 0, 0);
}

LT_EXPORT int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(accept4)(fd, addr, len, flags);
	return (int)LT_WRAP6(LT_WF_CANCEL | LT_WF_INDIRECT, SYS_accept4, fd, addr, len, flags, 0,
			     0);
}

/* glibc's isatty is tcgetattr's ioctl(fd, TCGETS) made inside libc, not through the PLT:
 * interpreters call it for every file they open. */
LT_EXPORT int isatty(int fd)
{
	struct lt_thread *st = lt_wrap_self();
	if (!st)
		return LT_REAL_OF(isatty)(fd);
	char kt[64] __attribute__((aligned(8))); /* the kernel's struct termios (36 bytes) */
	return LT_WRAP6(LT_WF_INDIRECT, SYS_ioctl, fd, TCGETS, kt, 0, 0, 0) == 0;
}

/* getcwd with the caller's buffer: one getcwd syscall, as glibc makes it. Allocating
 * forms (buf NULL) and the cases glibc handles itself (a size of 0, a path that is not
 * absolute, ENAMETOOLONG) go to the real function. */
LT_EXPORT char *getcwd(char *buf, size_t size)
{
	struct lt_thread *st = lt_wrap_self();
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
