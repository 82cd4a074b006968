/* The small syscalls' decoders (report/decode_misc.c and the generic printers): expected
 * text from strace 6.1's own test programs (tests/NAME.c in strace's source), named in
 * each comment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode_fixture.h"

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

	return failures ? 1 : 0;
}
