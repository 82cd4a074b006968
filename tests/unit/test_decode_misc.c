/* The small syscalls' decoders (report/decode_misc.c and the generic printers): expected
 * text from strace 6.1's own test programs (tests/NAME.c in strace's source), named in
 * each comment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode_fixture.h"
#include "lt_fdtab.h"

int main(void)
{
	struct lt_event ev;

	/* init_module.c: a string running into an unreadable page is printed as its address
	 * whatever the call returned (the shim saw the memory end: LT_CAP_SHORT) */
	cap(2, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_TRUNC | LT_CAP_SHORT, "\200\201\202\203\204\205\206\207", 8);
	ev = mk("init_module", -38, 0, 18446740397217530078ull, 0x7f432067bff8, 0, 0, 0);
	EXPECT(ev, "init_module(NULL, 18446740397217530078, 0x7f432067bff8) = -1 ENOSYS (Function not implemented)");
	/* add_key.c: a NUL before the end of the memory is a string */
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR, "desc", 4);
	ev = mk("add_key", -22, 0, 0x7f33747f9ffb, 0x7f33747f4000, 16, 0, 0);
	EXPECT(ev, "add_key(NULL, \"desc\", 0x7f33747f4000, 16, 0) = -1 EINVAL (Invalid argument)");
	/* printstr.c: writev's buffer of 32 bytes before the end of the memory, -s 32: strace
	 * reads 33 whole */
	uint64_t iov[2] = { 0x7ff3cd969fe0, ~0ull };
	cap(1, LT_CAP_SUB_SELF, 0, iov, sizeof iov);
	cap(1, 0, LT_CAP_TRUNC | LT_CAP_SHORT, "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", 32);
	ev = mk("writev", -9, -1, 0x7ff3cd969000, 1, 0, 0, 0);
	EXPECT(ev, "writev(-1, [{iov_base=0x7ff3cd969fe0, iov_len=18446744073709551615}], 1) = -1 EBADF (Bad file descriptor)");

	/* setns.c */
	ev = mk("setns", -9, 0xdeadbeef, 0, 0, 0, 0, 0);
	EXPECT(ev, "setns(-559038737, 0) = -1 EBADF (Bad file descriptor)");
	ev = mk("setns", -9, 0xdeadbeef, 0xffffffff, 0, 0, 0, 0);
	EXPECT(ev, "setns(-559038737, CLONE_NEWTIME|CLONE_NEWNS|CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWUSER|CLONE_NEWPID|CLONE_NEWNET|0x81fdff7f) = -1 EBADF (Bad file descriptor)");
	ev = mk("setns", -9, 0xdeadbeef, 0x81fdff7f, 0, 0, 0, 0);
	EXPECT(ev, "setns(-559038737, 0x81fdff7f /* CLONE_NEW??? */) = -1 EBADF (Bad file descriptor)");
	/* sync_file_range.c */
	ev = mk("sync_file_range", -9, -1, 0, 0, 0xffffffff, 0, 0);
	EXPECT(ev, "sync_file_range(-1, 0, 0, SYNC_FILE_RANGE_WAIT_BEFORE|SYNC_FILE_RANGE_WRITE|SYNC_FILE_RANGE_WAIT_AFTER|0xfffffff8) = -1 EBADF (Bad file descriptor)");
	/* inotify_init1.c */
	ev = mk("inotify_init1", -22, 0xff96b77b, 0, 0, 0, 0, 0);
	EXPECT(ev, "inotify_init1(0xff96b77b /* IN_??? */) = -1 EINVAL (Invalid argument)");
	ev = mk("inotify_init1", 3, 0x80800, 0, 0, 0, 0, 0);
	EXPECT(ev, "inotify_init1(IN_NONBLOCK|IN_CLOEXEC) = 3");
	/* memfd_secret.c: no comment on unknown bits */
	ev = mk("memfd_secret", -22, 0xde97face, 0, 0, 0, 0, 0);
	EXPECT(ev, "memfd_secret(0xde97face) = -1 EINVAL (Invalid argument)");
	ev = mk("memfd_secret", -22, 0xde97face | 0x80000, 0, 0, 0, 0, 0);
	EXPECT(ev, "memfd_secret(O_CLOEXEC|0xde97face) = -1 EINVAL (Invalid argument)");
	/* dup3.c */
	ev = mk("dup3", -22, -5, 7, 1, 0, 0, 0);
	EXPECT(ev, "dup3(-5, 7, 0x1 /* O_??? */) = -1 EINVAL (Invalid argument)");

	/* kcmp.c */
	ev = mk("kcmp", -3, -1, -1, 1, 0x1234, 0x5678, 0);
	EXPECT(ev, "kcmp(-1, -1, KCMP_VM) = -1 ESRCH (No such process)");
	uint32_t slot[3] = { 23, 42, 0 };
	cap(4, LT_CAP_SUB_SELF, 0, slot, sizeof slot);
	ev = mk("kcmp", -3, 6105, -1, 7, 23, 0x7f35d7d19ff4, 0);
	EXPECT(ev, "kcmp(6105, -1, KCMP_EPOLL_TFD, 23, {efd=23, tfd=42, toff=0}) = -1 ESRCH (No such process)");
	ev = mk("kcmp", -3, -1, -1, 7, 23, 0, 0);
	EXPECT(ev, "kcmp(-1, -1, KCMP_EPOLL_TFD, 23, NULL) = -1 ESRCH (No such process)");
	/* reboot.c */
	ev = mk("reboot", -22, 0xfee1dead, 672274793, 0x1234568, 0, 0, 0);
	EXPECT(ev, "reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, 0x1234568 /* LINUX_REBOOT_CMD_??? */) = -1 EINVAL (Invalid argument)");
	cap(3, LT_CAP_SUB_SELF, LT_CAP_STR, "reboot", 6);
	ev = mk("reboot", -22, 0xfee1dead, 0x13111992, 0xA1B2C3D4, 0x1000, 0, 0);
	EXPECT(ev, "reboot(LINUX_REBOOT_MAGIC1, 0x13111992 /* LINUX_REBOOT_MAGIC_??? */, LINUX_REBOOT_CMD_RESTART2, \"reboot\") = -1 EINVAL (Invalid argument)");
	/* syslog.c */
	ev = mk("syslog", 131072, 10, 0xfacefeeddeadbeef, -1, 0, 0, 0);
	EXPECT(ev, "syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */) = 131072");
	ev = mk("syslog", 0, 8, 0xfacefeeddeadbeef, 8, 0, 0, 0);
	EXPECT(ev, "syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, 0xfacefeeddeadbeef, 8 /* LOGLEVEL_DEBUG+1 */) = 0");
	ev = mk("syslog", -22, -1, 0, -1, 0, 0, 0);
	EXPECT(ev, "syslog(-1 /* SYSLOG_ACTION_??? */, NULL, -1) = -1 EINVAL (Invalid argument)");
	/* ioprio.c */
	ev = mk("ioprio_set", -22, 2, 5958, 8191, 0, 0, 0);
	EXPECT(ev, "ioprio_set(IOPRIO_WHO_PGRP, 5958, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 8191)) = -1 EINVAL (Invalid argument)");
	ev = mk("ioprio_get", 0, 1, 6311, 0, 0, 0, 0);
	EXPECT(ev, "ioprio_get(IOPRIO_WHO_PROCESS, 6311) = 0 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))");
	struct lt_fmt fv = fmt0;
	fv.xlat = LT_XLAT_VERBOSE;
	ev = mk("ioprio_set", -22, 0xfa57beef, 0xda7a1057, 0xfacefeed, 0, 0, 0);
	EXPECTF(ev, &fv, "ioprio_set(0xfa57beef /* IOPRIO_WHO_??? */, -629534633, -87097619 /* IOPRIO_PRIO_VALUE(0x7d677 /* IOPRIO_CLASS_??? */, 7917) */) = -1 EINVAL (Invalid argument)");
	ev = mk("ioprio_get", 0, 1, 6474, 0, 0, 0, 0);
	EXPECTF(ev, &fv, "ioprio_get(0x1 /* IOPRIO_WHO_PROCESS */, 6474) = 0 (IOPRIO_PRIO_VALUE(0 /* IOPRIO_CLASS_NONE */, 0))");
	/* xet_robust_list.c */
	uint64_t head = 0x7f2a39b72a20, len = 24;
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &head, 8);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, &len, 8);
	ev = mk("get_robust_list", 0, 20738, 0x1000, 0x2000, 0, 0, 0);
	EXPECT(ev, "get_robust_list(20738, [0x7f2a39b72a20], [24]) = 0");
	/* sethostname.c: longer than __NEW_UTS_LEN */
	ev = mk("sethostname", -22, 0x7fa0620c7fbf, 65, 0, 0, 0, 0);
	EXPECT(ev, "sethostname(0x7fa0620c7fbf, 65) = -1 EINVAL (Invalid argument)");
	/* unshare.c, shmxt.c, delete_module.c, pkey_alloc.c, close_range.c */
	ev = mk("unshare", -22, 0xbadc0ded0000000full, 0, 0, 0, 0, 0);
	EXPECT(ev, "unshare(0xbadc0ded0000000f /* CLONE_??? */) = -1 EINVAL (Invalid argument)");
	ev = mk("shmat", -22, 131123, 0, 0x4000, 0, 0, 0);
	EXPECT(ev, "shmat(131123, NULL, SHM_REMAP) = -1 EINVAL (Invalid argument)");
	ev = mk("delete_module", -38, 0, 0xfacef157, 0, 0, 0, 0);
	EXPECT(ev, "delete_module(NULL, 0xfacef157 /* O_??? */) = -1 ENOSYS (Function not implemented)");
	ev = mk("delete_module", -38, 0, 0xffffffff, 0, 0, 0, 0);
	EXPECT(ev, "delete_module(NULL, O_NONBLOCK|O_TRUNC|0xfffff5ff) = -1 ENOSYS (Function not implemented)");
	ev = mk("pkey_alloc", -22, 0xbadc0ded00000000ull, 0xbadc0ded00000002ull, 0, 0, 0, 0);
	EXPECT(ev, "pkey_alloc(0xbadc0ded00000000, PKEY_DISABLE_WRITE|0xbadc0ded00000000) = -1 EINVAL (Invalid argument)");
	ev = mk("close_range", -22, 0xfffffffe, 0xffffffff, 1, 0, 0, 0);
	EXPECT(ev, "close_range(4294967294, 4294967295, 0x1 /* CLOSE_RANGE_??? */) = -1 EINVAL (Invalid argument)");

	/* memfd_create.c: the huge page size as a shift */
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR, "abc", 3);
	ev = mk("memfd_create", -22, 0x1000, 30u << 26, 0, 0, 0, 0);
	EXPECT(ev, "memfd_create(\"abc\", 30<<MFD_HUGE_SHIFT) = -1 EINVAL (Invalid argument)");
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR, "abc", 3);
	ev = mk("memfd_create", -22, 0x1000, 30u << 26, 0, 0, 0, 0);
	EXPECTF(ev, &fv, "memfd_create(\"abc\", 0x78000000 /* 30<<MFD_HUGE_SHIFT */) = -1 EINVAL (Invalid argument)");
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR, "abc", 3);
	ev = mk("memfd_create", -22, 0x1000, 0xfc000007u, 0, 0, 0, 0);
	EXPECT(ev, "memfd_create(\"abc\", MFD_CLOEXEC|MFD_ALLOW_SEALING|MFD_HUGETLB|63<<MFD_HUGE_SHIFT) = -1 EINVAL (Invalid argument)");
	/* sched_xetaffinity.c: an empty mask is not read */
	ev = mk("sched_setaffinity", -22, 15477, 0, 0x7f998f51c000, 0, 0, 0);
	EXPECT(ev, "sched_setaffinity(15477, 0, []) = -1 EINVAL (Invalid argument)");

	/* mq.c, mq_sendrecv.c: the mode and attributes only with O_CREAT; mq_attr */
	ev = mk("mq_open", -14, 0, 0, 0, 0, 0, 0);
	EXPECT(ev, "mq_open(NULL, O_RDONLY) = -1 EFAULT (Bad address)");
	int64_t attr[8] = { 0, 10, 8192, 0 };
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, attr, sizeof attr);
	ev = mk("mq_getsetattr", 0, 0, 0, 0x1000, 0, 0, 0);
	EXPECT(ev, "mq_getsetattr(0, NULL, {mq_flags=0, mq_maxmsg=10, mq_msgsize=8192, mq_curmsgs=0}) = 0");

	/* preadv.c: a failed read shows its iovecs, the buffers as addresses; data that ran
	 * out before a buffer shows "" */
	uint64_t riov[4] = { 0x7f0cfde48ff8, 8, 0x7f0cfdaacff1, 15 };
	cap(1, LT_CAP_SUB_SELF, 0, riov, 16);
	ev = mk("preadv", -22, 0, 0x7f0cfdac4ff0, 1, -1, 0, 0);
	EXPECT(ev, "preadv(0, [{iov_base=0x7f0cfde48ff8, iov_len=8}], 1, -1) = -1 EINVAL (Invalid argument)");
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, riov, sizeof riov);
	cap(1, 0, LT_CAP_EXIT, "89abcde", 7);
	ev = mk("preadv", 7, 3, 0x7f0cfdac4ff0, 2, 8, 0, 0);
	EXPECT(ev, "preadv(3, [{iov_base=\"89abcde\", iov_len=8}, {iov_base=\"\", iov_len=15}], 2, 8) = 7");
	ev = mk("preadv", -22, 0, 0x7f0cfdac4ff0, 0, -3, 0, 0);
	EXPECT(ev, "preadv(0, [], 0, -3) = -1 EINVAL (Invalid argument)");
	/* process_madvise.c: addresses only; the array ends where the memory does */
	uint64_t miov[2] = { 0x9796959493929190ull, 11501803794301884824ull };
	cap(1, LT_CAP_SUB_SELF, LT_CAP_TRUNC | LT_CAP_SHORT, miov, sizeof miov);
	ev = mk("process_madvise", -22, -1, 0x7f62f8686ff0, 2, 0xdeadc0de, 0, 0);
	EXPECT(ev, "process_madvise(-1, [{iov_base=0x9796959493929190, iov_len=11501803794301884824}, ... /* 0x7f62f8687000 */], 2, 0xdeadc0de /* MADV_??? */, 0) = -1 EINVAL (Invalid argument)");

	/* select.c: nothing read for a negative nfds; a set whose memory ended before nfds
	 * bits (rounded to a long) prints as its address */
	ev = mk("select", -22, -1, 0, 0x555ed24800c0, 0, 0, 0);
	EXPECT(ev, "select(-1, NULL, 0x555ed24800c0, NULL, NULL) = -1 EINVAL (Invalid argument)");
	uint8_t set8[8] = { 0x18 }, set16[16] = { 0x08, 0, 0, 0, 0, 0, 0, 0, 1 };
	cap(1, LT_SUB_ENTRY, LT_CAP_TRUNC | LT_CAP_SHORT, set8, 8);
	cap(2, LT_SUB_ENTRY, 0, set16, 16);
	ev = mk("select", -14, 65, 0x7f51491aaff8, 0x7f51491a4ff0, 0, 0, 0);
	EXPECT(ev, "select(65, 0x7f51491aaff8, [3 64], NULL, NULL) = -1 EFAULT (Bad address)");
	/* epoll_pwait2.c: the timeout and the mask of a failed call as addresses */
	ev = mk("epoll_pwait2", -22, -1, 0x7f5f13d72ff4, 3, 0x7f5f139eeff0, 0x7f5f139e8ff8, 3);
	EXPECT(ev, "epoll_pwait2(-1, 0x7f5f13d72ff4, 3, 0x7f5f139eeff0, 0x7f5f139e8ff8, 3) = -1 EINVAL (Invalid argument)");

	/* fcntl.c (the command's high bits set, as the test's F8ILL_KULONG_MASK does) */
	ev = mk("fcntl", -20, 0, 0xffffffff00000402ull, 1, 0, 0, 0);
	EXPECT(ev, "fcntl(0, F_NOTIFY, DN_ACCESS) = -1 ENOTDIR (Not a directory)");
	ev = mk("fcntl", 1, 0, 0xffffffff00000001ull, 0, 0, 0, 0);
	EXPECT(ev, "fcntl(0, F_GETFD) = 0x1 (flags FD_CLOEXEC)");
	ev = mk("fcntl", 2, 1, 1025, 0, 0, 0, 0);
	EXPECT(ev, "fcntl(1, F_GETLEASE) = 0x2 (F_UNLCK)");
	ev = mk("fcntl", 1, 1, 11, 0, 0, 0, 0);
	EXPECT(ev, "fcntl(1, F_GETSIG) = 1 (SIGHUP)");

	/* getdents-v.c: d_name before d_type (getdents64 has them the other way) */
	uint8_t de[24] = { 0 };
	uint64_t ino = 10952865, off = 6357504699377170974ull;
	uint16_t rl = 24;
	memcpy(de, &ino, 8);
	memcpy(de + 8, &off, 8);
	memcpy(de + 16, &rl, 2);
	de[18] = '.';
	de[23] = 4;
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, de, sizeof de);
	struct lt_fmt fvv = fmt0;
	fvv.verbose = 1;
	ev = mk("getdents", 24, 3, 0x1000, 8192, 0, 0, 0);
	EXPECTF(ev, &fvv, "getdents(3, [{d_ino=10952865, d_off=6357504699377170974, d_reclen=24, d_name=\".\", d_type=DT_DIR}], 8192) = 24");

	/* sysctl.c */
	uint64_t sa[10] = { 0 };
	cap(0, LT_CAP_SUB_SELF, 0, sa, sizeof sa);
	ev = mk("_sysctl", -38, 0x1000, 0, 0, 0, 0, 0);
	EXPECT(ev, "_sysctl({name=NULL, nlen=0, oldval=NULL, oldlenp=NULL, newval=NULL, newlen=0}) = -1 ENOSYS (Function not implemented)");
	/* futex_waitv.c */
	uint64_t wv[3] = { 0, 0x7fab1d81fffc, 0x80 };
	cap(0, LT_CAP_SUB_SELF, 0, wv, sizeof wv);
	ev = mk("futex_waitv", -22, 0x1000, 1, 0, 0, 0, 0);
	EXPECT(ev, "futex_waitv([{val=0, uaddr=0x7fab1d81fffc, flags=FUTEX_PRIVATE_FLAG}], 1, 0, NULL, CLOCK_REALTIME) = -1 EINVAL (Invalid argument)");
	uint64_t wv2[3] = { ~0ull, 0, 0xffffffffffffffffull };
	cap(0, LT_CAP_SUB_SELF, 0, wv2, sizeof wv2);
	ev = mk("futex_waitv", -22, 0x1000, 1, 0, 0, 1, 0);
	EXPECT(ev, "futex_waitv([{val=0xffffffffffffffff, uaddr=NULL, flags=FUTEX_32|FUTEX_PRIVATE_FLAG|0xffffff7d, __reserved=0xffffffff}], 1, 0, NULL, CLOCK_MONOTONIC) = -1 EINVAL (Invalid argument)");

	/* modify_ldt.c: struct user_desc when bytecount is its size; the int return value
	 * the kernel zero-extends still shows its error */
	uint32_t ud[4] = { 0xffffffff, 0, 0, 0x61 };
	cap(1, LT_CAP_SUB_SELF, 0, ud, sizeof ud);
	ev = mk("modify_ldt", 4294967258ll, 0xda7a1057, 0x1000, 16, 0, 0, 0);
	EXPECT(ev, "modify_ldt(-629534633, {entry_number=-1, base_addr=00000000, limit=00000000, seg_32bit=1, contents=0, read_exec_only=0, limit_in_pages=0, seg_not_present=1, useable=1, lm=0}, 16) = 4294967258 ENOSYS (Function not implemented)");
	ev = mk("modify_ldt", 4294967258ll, 0xda7a1057, 0x7fa7e2ee1ff0, 42, 0, 0, 0);
	EXPECT(ev, "modify_ldt(-629534633, 0x7fa7e2ee1ff0, 42) = 4294967258 ENOSYS (Function not implemented)");

	/* sched_xetattr.c */
	uint32_t at[14] = { 48, 0, 0, 0, 0, 0, 1400000, 0, 0, 0, 0, 0, 0, 0 };
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, at, 48);
	ev = mk("sched_getattr", 0, 0, 0x1000, 48, 0, 0, 0);
	EXPECT(ev, "sched_getattr(0, {size=48, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=0, sched_priority=0, sched_runtime=1400000, sched_deadline=0, sched_period=0}, 48, 0) = 0");
	uint32_t small[14] = { 1 }, back = 56;
	cap(1, LT_CAP_SUB_SELF, 0, small, sizeof small);
	cap(1, 0, LT_CAP_EXIT, &back, 4);
	ev = mk("sched_setattr", -7, 0, 0x1000, 0, 0, 0, 0);
	EXPECT(ev, "sched_setattr(0, {size=1} => {size=56}, 0) = -1 E2BIG (Argument list too long)");
	uint32_t keep[14] = { 56, 0, 0x10 | 0xcaffee80u, 0 };
	cap(1, LT_CAP_SUB_SELF, 0, keep, sizeof keep);
	ev = mk("sched_setattr", -22, 0xfacefeed, 0x1000, 0xdeadc0de, 0, 0, 0);
	EXPECT(ev, "sched_setattr(-87097619, {size=56, sched_flags=SCHED_FLAG_KEEP_PARAMS|0xcaffee80, sched_util_min=0, sched_util_max=0}, 3735929054) = -1 EINVAL (Invalid argument)");

	/* inotify_init1.c with -y: an anonymous inode as the kernel's fd link names it */
	{
		struct lt_fmt fy = fmt0;
		fy.show_fd_paths = 1;
		fy.fds = lt_fdtab_new();
		ev = mk("inotify_init1", 3, 0x80800, 0, 0, 0, 0, 0);
		ev.pid = 7;
		EXPECTF(ev, &fy, "inotify_init1(IN_NONBLOCK|IN_CLOEXEC) = 3<anon_inode:inotify>");
		ev = mk("inotify_init1", 3, 0x80800, 0, 0, 0, 0, 0);
		ev.pid = 7;
		lt_fdtab_update(fy.fds, &ev);
		ev = mk("close", 0, 3, 0, 0, 0, 0, 0);
		ev.pid = 7;
		EXPECTF(ev, &fy, "close(3<anon_inode:inotify>) = 0");
		lt_fdtab_free(fy.fds);
	}

	/* fsync-y.c: a descriptor opened by a relative name shows its whole path, the working
	 * directory coming from the window's start (LT_EV_FD for AT_FDCWD) */
	{
		struct lt_fmt fy = fmt0;
		fy.show_fd_paths = 1;
		fy.fds = lt_fdtab_new();
		struct lt_event cwd;
		memset(&cwd, 0, sizeof cwd);
		cwd.type = LT_EV_FD;
		cwd.pid = 7;
		cwd.fd = -100;
		cwd.str = "/tmp/work";
		cwd.str_len = 9;
		lt_fdtab_update(fy.fds, &cwd);
		cap(1, LT_CAP_SUB_SELF, LT_CAP_STR, "f", 1);
		ev = mk("openat", 3, (uint64_t)-100, 0x1000, 0, 0, 0, 0);
		ev.pid = 7;
		caplen = 0; ncaps = 0;
		lt_fdtab_update(fy.fds, &ev);
		ev = mk("fsync", 0, 3, 0, 0, 0, 0, 0);
		ev.pid = 7;
		EXPECTF(ev, &fy, "fsync(3</tmp/work/f>) = 0");
		/* fchmod-y.c: once the file is unlinked, "(deleted)" after the path */
		cap(0, LT_CAP_SUB_SELF, LT_CAP_STR, "f", 1);
		ev = mk("unlink", 0, 0x1000, 0, 0, 0, 0, 0);
		ev.pid = 7;
		caplen = 0; ncaps = 0;
		lt_fdtab_update(fy.fds, &ev);
		ev = mk("fchmod", 0, 3, 041, 0, 0, 0, 0);
		ev.pid = 7;
		EXPECTF(ev, &fy, "fchmod(3</tmp/work/f>(deleted), 041) = 0");
		lt_fdtab_free(fy.fds);
	}

	/* swap.c */
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR, "swap.sample", 11);
	ev = mk("swapon", -2, 0x1000, 0x802a, 0, 0, 0, 0);
	EXPECT(ev, "swapon(\"swap.sample\", SWAP_FLAG_PREFER|42) = -1 ENOENT (No such file or directory)");
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR, "swap.sample", 11);
	ev = mk("swapon", -22, 0x1000, 0xffffffff, 0, 0, 0, 0);
	EXPECT(ev, "swapon(\"swap.sample\", SWAP_FLAG_PREFER|SWAP_FLAG_DISCARD|SWAP_FLAG_DISCARD_ONCE|SWAP_FLAG_DISCARD_PAGES|0xfff80000|32767) = -1 EINVAL (Invalid argument)");

	/* membarrier.c */
	ev = mk("membarrier", -22, 3, 255, -1, 0, 0, 0);
	EXPECT(ev, "membarrier(0x3 /* MEMBARRIER_CMD_??? */, MEMBARRIER_CMD_FLAG_CPU|0xfe, -1) = -1 EINVAL (Invalid argument)");
	ev = mk("membarrier", 0x1f, 0, 0, 0, 0, 0, 0);
	EXPECT(ev, "membarrier(MEMBARRIER_CMD_QUERY, 0) = 0x1f (MEMBARRIER_CMD_GLOBAL|MEMBARRIER_CMD_GLOBAL_EXPEDITED|MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED|MEMBARRIER_CMD_PRIVATE_EXPEDITED|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED)");

	return failures ? 1 : 0;
}
