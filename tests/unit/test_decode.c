/* Decoders: expected text written from the man pages and from strace 6.1 run on the same
 * calls (see the comments); each case builds the event a log would give. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode_fixture.h"

int main(void)
{
	/* names */
	CHECK(strcmp(lt_errno_name(2), "ENOENT") == 0);
	CHECK(strcmp(lt_errno_msg(2), "No such file or directory") == 0);
	CHECK(lt_errno_lookup("EAGAIN") == 11 && lt_errno_lookup("EWOULDBLOCK") == 11);
	CHECK(lt_errno_lookup("ENOSUCH") == 0 && lt_errno_name(0) == NULL && lt_errno_name(4000) == NULL);
	/* both ranges of the shared table, its gaps, and lookups by a length (the shim's) */
	CHECK(strcmp(lt_errno_name(133), "EHWPOISON") == 0 && lt_errno_name(134) == NULL);
	CHECK(strcmp(lt_errno_name(512), "ERESTARTSYS") == 0 && lt_errno_name(511) == NULL);
	CHECK(strcmp(lt_errno_name(530), "ERECALLCONFLICT") == 0 && lt_errno_name(531) == NULL);
	CHECK(lt_errno_name(41) == NULL && lt_errno_msg(41) == NULL && lt_errno_msg(520) == NULL);
	CHECK(strcmp(lt_errno_msg(512), "To be restarted if SA_RESTART is set") == 0);
	CHECK(lt_errno_by_name("EPERMX", 5) == 1 && lt_errno_by_name("EPERM", 4) == 0);
	CHECK(lt_errno_lookup("ERESTARTSYS") == 512 && lt_errno_lookup("ENOTSUP") == 95);
	CHECK(lt_errno_lookup("") == 0);
	CHECK(strcmp(lt_signal_name(14), "SIGALRM") == 0);
	CHECK(strcmp(lt_signal_name(32), "SIGRTMIN") == 0 && strcmp(lt_signal_name(34), "SIGRT_2") == 0);
	CHECK(lt_signal_name(0) == NULL && lt_signal_name(65) == NULL);
	CHECK(lt_sysent_lookup("read") == 0 && lt_sysent_lookup("openat") == 257);
	CHECK(lt_sysent_lookup("mseal") == 462 && lt_sysent_lookup("fchmodat2") == 452);
	CHECK(lt_sysent_lookup("nosuchcall") == -1);
	CHECK(lt_sysent_lookup("syscall_0x1c8") == 0x1c8);
	CHECK(lt_class_lookup("%file") == LT_CLASS_FILE && lt_class_lookup("file") == LT_CLASS_FILE);
	CHECK(lt_class_lookup("%net") == LT_CLASS_NETWORK && lt_class_lookup("%%stat") == LT_CLASS_STAT_LIKE);
	CHECK(lt_class_lookup("%stat") == LT_CLASS_STAT && lt_class_lookup("%bogus") == 0);
	/* by a length, as the shim calls it on its rule text (not NUL-terminated) */
	CHECK(lt_class_by_name("%filex", 5) == LT_CLASS_FILE && lt_class_by_name("%fil", 4) == 0);
	CHECK(lt_class_by_name("net", 3) == 0 && lt_class_by_name("clock", 5) == 0 && lt_class_by_name("%", 1) == 0);
	/* classes as strace assigns them */
	CHECK(lt_sysent[257].classes == (LT_CLASS_DESC | LT_CLASS_FILE));
	CHECK(lt_sysent[262].classes == (LT_CLASS_DESC | LT_CLASS_FILE | LT_CLASS_FSTAT | LT_CLASS_STAT_LIKE));
	CHECK(lt_sysent[39].classes == LT_CLASS_PURE);
	CHECK(lt_sysent[9].classes == (LT_CLASS_DESC | LT_CLASS_MEMORY));

	/* write(1, "Hello\n", 6) = 6 */
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, "Hello\n", 6);
	struct lt_event ev = mk("write", 6, 1, 0x1000, 6, 0, 0, 0);
	EXPECT(ev, "write(1, \"Hello\\n\", 6) = 6");

	/* strace 6.1: write(1, "a\0b\1\0012\377\tx\"\\\177\0", 13) = 13 */
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, "a\0b\1\0012\377\tx\"\\\x7f", 13);
	ev = mk("write", 13, 1, 0x1000, 13, 0, 0, 0);
	EXPECT(ev, "write(1, \"a\\0b\\1\\0012\\377\\tx\\\"\\\\\\177\\0\", 13) = 13");

	/* -s 32: 40 bytes show 32 and "..."; exactly 32 shows no "..." */
	const char *digits = "0123456789012345678901234567890123456789";
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT | LT_CAP_TRUNC, digits, 33);
	ev = mk("write", 40, 1, 0x1000, 40, 0, 0, 0);
	EXPECT(ev, "write(1, \"01234567890123456789012345678901\"..., 40) = 40");
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, digits, 32);
	ev = mk("write", 32, 1, 0x1000, 32, 0, 0, 0);
	EXPECT(ev, "write(1, \"01234567890123456789012345678901\", 32) = 32");

	/* no capture: the address; a failure with its errno */
	ev = mk("read", -14, 3, 0x7ffd1000, 10, 0, 0, 0);
	EXPECT(ev, "read(3, 0x7ffd1000, 10) = -1 EFAULT (Bad address)");
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, "", 0);
	ev = mk("read", 0, 0, 0x1000, 33, 0, 0, 0);
	EXPECT(ev, "read(0, \"\", 33) = 0");

	/* openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3 */
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "/etc/passwd", 11);
	ev = mk("openat", 3, (uint64_t)-100, 0x1000, 02000000, 0, 0, 0);
	EXPECT(ev, "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = 3");
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "/nonexist", 9);
	ev = mk("openat", -2, (uint64_t)-100, 0x1000, 04000 | 02000000 | 0200000, 0, 0, 0);
	EXPECT(ev, "openat(AT_FDCWD, \"/nonexist\", O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY) = -1 ENOENT (No such file or directory)");
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "x", 1);
	ev = mk("openat", -20, 5, 0x1000, 0x40000002, 0, 0, 0);
	EXPECT(ev, "openat(5, \"x\", O_RDWR|0x40000000) = -1 ENOTDIR (Not a directory)");

	/* access("/etc/passwd", R_OK|W_OK|X_OK); F_OK */
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR, "/etc/passwd", 11);
	ev = mk("access", -13, 0x1000, 7, 0, 0, 0, 0);
	EXPECT(ev, "access(\"/etc/passwd\", R_OK|W_OK|X_OK) = -1 EACCES (Permission denied)");
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR, "/etc/passwd", 11);
	ev = mk("access", 0, 0x1000, 0, 0, 0, 0, 0);
	EXPECT(ev, "access(\"/etc/passwd\", F_OK) = 0");

	/* mprotect with an unknown bit; lseek's unknown whence; clock ids */
	ev = mk("mprotect", -22, 0x1000, 4096, 0x10000001, 0, 0, 0);
	EXPECT(ev, "mprotect(0x1000, 4096, PROT_READ|0x10000000) = -1 EINVAL (Invalid argument)");
	ev = mk("lseek", -22, 0, 10, 7, 0, 0, 0);
	EXPECT(ev, "lseek(0, 10, 0x7 /* SEEK_??? */) = -1 EINVAL (Invalid argument)");
	ev = mk("lseek", 0, 0, 10, 2, 0, 0, 0);
	EXPECT(ev, "lseek(0, 10, SEEK_END) = 0");
	ev = mk("clock_gettime", -22, 99, 0, 0, 0, 0, 0);
	EXPECT(ev, "clock_gettime(0x63 /* CLOCK_??? */, NULL) = -1 EINVAL (Invalid argument)");
	ev = mk("getrandom", -22, 0, 0, 7, 0, 0, 0);
	EXPECT(ev, "getrandom(NULL, 0, GRND_NONBLOCK|GRND_RANDOM|GRND_INSECURE) = -1 EINVAL (Invalid argument)");
	ev = mk("eventfd2", 12, 0, 1 | 0x80000 | 0x800, 0, 0, 0, 0);
	EXPECT(ev, "eventfd2(0, EFD_SEMAPHORE|EFD_CLOEXEC|EFD_NONBLOCK) = 12");
	ev = mk("dup3", 100, 0, 100, 02000000, 0, 0, 0);
	EXPECT(ev, "dup3(0, 100, O_CLOEXEC) = 100");
	ev = mk("wait4", -10, (uint64_t)-1, 0, 1 | 2 | 8 | 0x80000000u | 0x40000000 | 0x20000000, 0, 0, 0);
	EXPECT(ev, "wait4(-1, NULL, WNOHANG|WSTOPPED|WCONTINUED|__WCLONE|__WALL|__WNOTHREAD, NULL) = -1 ECHILD (No child processes)");
	/* umask prints modes with a leading 0 */
	ev = mk("umask", 022, 0, 0, 0, 0, 0, 0);
	EXPECT(ev, "umask(000) = 022");
	ev = mk("kill", -22, 0, 77, 0, 0, 0, 0);
	EXPECT(ev, "kill(0, 77) = -1 EINVAL (Invalid argument)");
	ev = mk("kill", 0, 1234, 15, 0, 0, 0, 0);
	EXPECT(ev, "kill(1234, SIGTERM) = 0");
	ev = mk("setresuid", 0, 0xffffffffu, 0, 1000, 0, 0, 0);
	EXPECT(ev, "setresuid(-1, 0, 1000) = 0");
	/* memfd_create's name is limited by -s */
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_TRUNC, digits, 33);
	ev = mk("memfd_create", 3, 0x1000, 3, 0, 0, 0, 0);
	EXPECT(ev, "memfd_create(\"01234567890123456789012345678901\"..., MFD_CLOEXEC|MFD_ALLOW_SEALING) = 3");
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR, digits, 32);
	ev = mk("memfd_create", 4, 0x1000, 0, 0, 0, 0, 0);
	EXPECT(ev, "memfd_create(\"01234567890123456789012345678901\", 0) = 4");

	/* unfinished, restart, unknown errno, unknown syscall */
	ev = mk("exit_group", 0, 0, 0, 0, 0, 0, 0);
	ev.flags |= LT_EVF_UNFINISHED;
	EXPECT(ev, "exit_group(0) = ?");
	ev = mk("pause", -514, 0, 0, 0, 0, 0, 0);
	EXPECT(ev, "pause() = ? ERESTARTNOHAND (To be restarted if no handler)");
	ev = mk("close", -4000, 3, 0, 0, 0, 0, 0);
	EXPECT(ev, "close(3) = -1 E??? (errno 4000)");
	ev = mk("syscall_0x1f4", -38, 1, 0x20, 0, 0, 0, 0);
	ev.nr = 500;
	EXPECT(ev, "syscall_0x1f4(0x1, 0x20, 0, 0, 0, 0) = -1 ENOSYS (Function not implemented)");

	/* a capture shorter than its header says is ignored, not read past */
	{
		struct lt_cap c = { 1, 0, LT_CAP_SUB_SELF, 1000 };
		memcpy(capbuf, &c, sizeof c);
		caplen = sizeof c + 8;
		ncaps = 1;
		ev = mk("write", 6, 1, 0x1000, 6, 0, 0, 0);
		EXPECT(ev, "write(1, 0x1000, 6) = 6");
	}

	/* -x: a string with a non-printable byte goes all hex; -xx everything */
	struct lt_fmt fx = fmt0;
	fx.hex = 1;
	cap(1, LT_CAP_SUB_SELF, 0, "ab\n", 3);
	ev = mk("write", 3, 1, 0x1000, 3, 0, 0, 0);
	EXPECTF(ev, &fx, "write(1, \"ab\\n\", 3) = 3");
	cap(1, LT_CAP_SUB_SELF, 0, "a\001", 2);
	ev = mk("write", 2, 1, 0x1000, 2, 0, 0, 0);
	EXPECTF(ev, &fx, "write(1, \"\\x61\\x01\", 2) = 2");
	fx.hex = 2;
	cap(1, LT_CAP_SUB_SELF, 0, "ab", 2);
	ev = mk("write", 2, 1, 0x1000, 2, 0, 0, 0);
	EXPECTF(ev, &fx, "write(1, \"\\x61\\x62\", 2) = 2");
	/* -X raw and verbose */
	struct lt_fmt fr = fmt0;
	fr.xlat = LT_XLAT_RAW;
	ev = mk("lseek", 0, 0, 10, 2, 0, 0, 0);
	EXPECTF(ev, &fr, "lseek(0, 10, 0x2) = 0");
	fr.xlat = LT_XLAT_VERBOSE;
	ev = mk("lseek", 0, 0, 10, 2, 0, 0, 0);
	EXPECTF(ev, &fr, "lseek(0, 10, 0x2 /* SEEK_END */) = 0");
	/* -s 5 */
	struct lt_fmt fs = fmt0;
	fs.strsize = 5;
	cap(1, LT_CAP_SUB_SELF, 0, "Hello\n", 6);
	ev = mk("write", 6, 1, 0x1000, 6, 0, 0, 0);
	EXPECTF(ev, &fs, "write(1, \"Hello\"..., 6) = 6");

	/* strace text: one string per displayed argument */
	{
		struct lt_event t;
		memset(&t, 0, sizeof t);
		t.type = LT_EV_SYSCALL;
		t.flags = LT_EVF_TEXT;
		t.text_args = "3, \"a, \\\"b\\\", c\"..., [{iov_base=\"x,y\", iov_len=3}, {iov_base=NULL, iov_len=0}], 0x7ffd /* 2, vars */, f(1, 2)";
		t.text_ret = "-1 ENOENT (No such file or directory)";
		struct lt_sb sb = { 0 };
		size_t ends[8];
		int n = lt_format_args(&sb, &t, &fmt0, ends, 8);
		CHECK(n == 5);
		CHECK(strcmp(sb.p, t.text_args) == 0);
		CHECK(ends[0] == 1 && sb.p[ends[1]] == ',' && sb.p[ends[2]] == ',');
		CHECK(ends[4] == sb.len);
		CHECK(strncmp(sb.p + ends[2] + 2, "0x7ffd /* 2, vars */", 20) == 0);
		lt_sb_reset(&sb);
		lt_format_ret(&sb, &t, &fmt0);
		CHECK(strcmp(sb.p, "-1 ENOENT (No such file or directory)") == 0);
		lt_sb_reset(&sb);
		t.text_args = "";
		CHECK(lt_format_args(&sb, &t, &fmt0, ends, 8) == 0 && sb.len == 0);
		t.text_args = "\"unterminated, x";
		CHECK(lt_format_args(&sb, &t, &fmt0, ends, 8) == 1);
		lt_sb_free(&sb);
	}

	/* -y: the path an open gave the fd, forgotten at close */
	{
		struct lt_fmt fy = fmt0;
		fy.show_fd_paths = 1;
		fy.fds = lt_fdtab_new();
		cap(1, LT_CAP_SUB_SELF, LT_CAP_STR, "/etc/passwd", 11);
		ev = mk("openat", 3, (uint64_t)-100, 0x1000, 0, 0, 0, 0);
		ev.pid = 7;
		EXPECTF(ev, &fy, "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = 3</etc/passwd>");
		cap(1, LT_CAP_SUB_SELF, LT_CAP_STR, "/etc/passwd", 11);
		ev = mk("openat", 3, (uint64_t)-100, 0x1000, 0, 0, 0, 0);
		ev.pid = 7;
		caplen = 0; ncaps = 0;
		lt_fdtab_update(fy.fds, &ev);
		ev = mk("close", 0, 3, 0, 0, 0, 0, 0);
		ev.pid = 7;
		EXPECTF(ev, &fy, "close(3</etc/passwd>) = 0");
		lt_fdtab_update(fy.fds, &ev);
		ev = mk("close", -9, 3, 0, 0, 0, 0, 0);
		ev.pid = 7;
		EXPECTF(ev, &fy, "close(3) = -1 EBADF (Bad file descriptor)");
		lt_fdtab_free(fy.fds);
	}

	if (failures) {
		fprintf(stderr, "%d failures\n", failures);
		return 1;
	}
	printf("ok\n");
	return 0;
}
