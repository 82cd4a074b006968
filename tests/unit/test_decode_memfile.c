/* Decoders of memory-policy and file-system-management calls (report/decode_mem.c,
 * decode_mount.c, decode_quota.c, decode_stat.c): strace 6.1's lines for the same calls,
 * as its own test programs print them (tests/mknod.c, mbind.c, set_mempolicy.c,
 * move_pages.c, mincore.c, swap.c, mount.c, quotactl.c ...), with the captures the shim
 * would have made. */
#include <stdint.h>
#include <stdlib.h>

#include "decode_fixture.h"
#include "lt_fdtab.h"

#define A 0x7ffd1000u

static struct lt_fmt fraw = { .strsize = 32, .xlat = LT_XLAT_RAW };
static struct lt_fmt fverb = { .strsize = 32, .xlat = LT_XLAT_VERBOSE };

static void test_mode(void)
{
	struct lt_event ev;
	/* mknod.c: a file type strace has no name for prints the mode in octal */
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "f", 1);
	ev = mk("mknod", -22, A, 0xffffffffffffffffull, 0, 0, 0, 0);
	EXPECT(ev, "mknod(\"f\", 0177777) = -1 EINVAL (Invalid argument)");
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "f", 1);
	ev = mk("mknod", -22, A, 0xffffffffffff0000ull | 0100000 | 06000, 0, 0, 0, 0);
	EXPECTF(ev, &fverb, "mknod(\"f\", 0106000 /* S_IFREG|S_ISUID|S_ISGID|000 */) = -1 EINVAL (Invalid argument)");
}

static void test_mempolicy(void)
{
	struct lt_event ev;
	/* mbind.c: the mode is a whole long */
	ev = mk("mbind", 0, A, 4096, 0xffffffff00000000ull, 0, 0, 0);
	EXPECT(ev, "mbind(0x7ffd1000, 4096, 0xffffffff00000000 /* MPOL_??? */, NULL, 0, 0) = 0");
	ev = mk("mbind", -22, A, 4096, 0xffffffffffffffffull, 0, 0, 0);
	EXPECTF(ev, &fverb, "mbind(0x7ffd1000, 4096, 0xffffffffffffffff /* MPOL_F_STATIC_NODES|"
		"MPOL_F_RELATIVE_NODES|MPOL_F_NUMA_BALANCING|0xffffffffffff1fff */, NULL, 0, 0) = "
		"-1 EINVAL (Invalid argument)");
	/* set_mempolicy.c: no node at all, and a mask cut by the end of readable memory */
	ev = mk("set_mempolicy", -22, 0, A, 0, 0, 0, 0);
	EXPECTF(ev, &fraw, "set_mempolicy(0, [], 0) = -1 EINVAL (Invalid argument)");
	uint64_t zero = 0;
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &zero, 8);
	ev = mk("set_mempolicy", -14, 0, A, 130, 0, 0, 0);
	EXPECT(ev, "set_mempolicy(MPOL_DEFAULT, [0000000000000000, ... /* 0x7ffd1008 */], 130) = "
		   "-1 EFAULT (Bad address)");
	/* set_mempolicy_home_node.c: flags in hex */
	ev = mk("set_mempolicy_home_node", -22, A, 1, 2, 3, 0, 0);
	EXPECT(ev, "set_mempolicy_home_node(0x7ffd1000, 1, 2, 0x3) = -1 EINVAL (Invalid argument)");
}

static void test_pages(void)
{
	struct lt_event ev;
	/* move_pages.c: pages and nodes read, status written (an address on failure) */
	uint64_t pages[2] = { 0x7f3023fe8000ull, 0x7f3023fe7000ull };
	int32_t status[2] = { -14, 0 }, nodes[2] = { -559038750, -559038751 };
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, pages, sizeof pages);
	cap(4, LT_CAP_SUB_SELF, LT_CAP_EXIT, status, sizeof status);
	ev = mk("move_pages", 0, 20125, 2, A, 0, A + 0x100, 2);
	EXPECT(ev, "move_pages(20125, 2, [0x7f3023fe8000, 0x7f3023fe7000], NULL, [-EFAULT, 0], "
		   "MPOL_MF_MOVE) = 0");
	cap(4, LT_CAP_SUB_SELF, LT_CAP_EXIT, status, sizeof status);
	ev = mk("move_pages", 0, 20125, 2, 0, 0, A + 0x100, 2);
	EXPECTF(ev, &fraw, "move_pages(20125, 2, NULL, NULL, [-14, 0], 0x2) = 0");
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, pages, sizeof pages);
	cap(3, LT_CAP_SUB_SELF, LT_CAP_EXIT, nodes, sizeof nodes);
	ev = mk("move_pages", -19, 20125, 2, A, A + 0x200, A + 0x100, 4);
	EXPECT(ev, "move_pages(20125, 2, [0x7f3023fe8000, 0x7f3023fe7000], [-559038750, -559038751], "
		   "0x7ffd1100, MPOL_MF_MOVE_ALL) = -1 ENODEV (No such device)");
	ev = mk("move_pages", 0, 20125, 0, A, A, A, 2);
	EXPECT(ev, "move_pages(20125, 0, [], [], [], MPOL_MF_MOVE) = 0");
	/* mincore.c: a byte a page, the low bit */
	uint8_t vec[2] = { 1, 0x81 };
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, vec, 2);
	ev = mk("mincore", 0, A, 4097, A + 0x100, 0, 0, 0);
	EXPECT(ev, "mincore(0x7ffd1000, 4097, [1, 1]) = 0");
}

static void test_mount(void)
{
	struct lt_event ev;
	/* mount.c: the old magic, and a bind's type and data as addresses */
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "s", 1);
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "t", 1);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "f", 1);
	cap(4, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "d", 1);
	ev = mk("mount", -2, A, A + 16, A + 32, 0xc0ed000f, A + 48, 0);
	EXPECTF(ev, &fverb, "mount(\"s\", \"t\", \"f\", 0xc0ed0000 /* MS_MGC_VAL */|0xf /* MS_RDONLY|"
		"MS_NOSUID|MS_NODEV|MS_NOEXEC */, \"d\") = -1 ENOENT (No such file or directory)");
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "s", 1);
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "t", 1);
	ev = mk("mount", -2, A, A + 16, 0, 0x1000, A + 48, 0);
	EXPECTF(ev, &fraw, "mount(\"s\", \"t\", NULL, 0x1000, 0x7ffd1030) = -1 ENOENT (No such file or directory)");
	ev = mk("mount", -14, A, A, A, 0x4000200, A, 0);
	EXPECT(ev, "mount(0x7ffd1000, 0x7ffd1000, 0x7ffd1000, MS_SUBMOUNT|0x200, 0x7ffd1000) = -1 EFAULT (Bad address)");
	/* mount_setattr.c: its own flags, struct mount_attr and the bytes past it */
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "", 0);
	ev = mk("mount_setattr", -22, (uint64_t)-1, A, 0xffff66ff, 0, 32, 0);
	EXPECT(ev, "mount_setattr(-1, \"\", 0xffff66ff /* AT_??? */, NULL, 32) = -1 EINVAL (Invalid argument)");
	uint64_t ma[5] = { 2, 4, 1 << 19, 1004211375834136585ull, 0x8786858483828180ull };
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "", 0);
	cap(3, LT_CAP_SUB_SELF, LT_CAP_EXIT, ma, sizeof ma);
	ev = mk("mount_setattr", -7, 9, A, 0x1000, A + 64, 40, 0);
	EXPECT(ev, "mount_setattr(9, \"\", AT_EMPTY_PATH, {attr_set=MOUNT_ATTR_NOSUID, attr_clr="
		   "MOUNT_ATTR_NODEV, propagation=MS_SLAVE, userns_fd=1004211375834136585, /* bytes 32..39 */ "
		   "\"\\x80\\x81\\x82\\x83\\x84\\x85\\x86\\x87\"}, 40) = -1 E2BIG (Argument list too long)");
	/* fsconfig.c: the command says what key, value and aux are */
	ev = mk("fsconfig", -22, 3, 8, A + 0xfff, A + 0x100, (uint64_t)-100, 0);
	EXPECT(ev, "fsconfig(3, 0x8 /* FSCONFIG_??? */, 0x7ffd1fff, 0x7ffd1100, -100) = -1 EINVAL (Invalid argument)");
	cap(2, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "k", 1);
	cap(3, LT_CAP_SUB_SELF, LT_CAP_EXIT, "012", 3);
	ev = mk("fsconfig", -22, (uint64_t)-100, 2, A, A + 0x100, 3, 0);
	EXPECT(ev, "fsconfig(-100, FSCONFIG_SET_BINARY, \"k\", \"\\x30\\x31\\x32\", 3) = -1 EINVAL (Invalid argument)");
	cap(2, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "k", 1);
	cap(3, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "/dev/full", 9);
	ev = mk("fsconfig", -22, (uint64_t)-1, 3, A, A + 0x100, (uint64_t)-100, 0);
	EXPECT(ev, "fsconfig(-1, FSCONFIG_SET_PATH, \"k\", \"/dev/full\", AT_FDCWD) = -1 EINVAL (Invalid argument)");
	/* swap.c: flags, then the priority */
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "s", 1);
	ev = mk("swapon", -22, A, 0xffffffff, 0, 0, 0, 0);
	EXPECT(ev, "swapon(\"s\", SWAP_FLAG_PREFER|SWAP_FLAG_DISCARD|SWAP_FLAG_DISCARD_ONCE|"
		   "SWAP_FLAG_DISCARD_PAGES|0xfff80000|32767) = -1 EINVAL (Invalid argument)");
}

static void test_paths(void)
{
	struct lt_event ev;
	/* faccessat.c with -y: AT_FDCWD shows the working directory; no known mode bit */
	struct lt_fdtab *t = lt_fdtab_new();
	lt_fdtab_set_start_cwd(t, "/tmp/work");
	struct lt_fmt fy = { .strsize = 32, .show_fd_paths = 1, .fds = t };
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, ".", 1);
	ev = mk("faccessat", 0, (uint64_t)-100, A, 0, 0, 0, 0);
	EXPECTF(ev, &fy, "faccessat(AT_FDCWD</tmp/work>, \".\", F_OK) = 0");
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, ".", 1);
	ev = mk("faccessat", -22, (uint64_t)-1, A, 8, 0, 0, 0);
	EXPECTF(ev, &fy, "faccessat(-1, \".\", 0x8 /* ?_OK */) = -1 EINVAL (Invalid argument)");
	lt_fdtab_free(t);
	/* open_tree.c: its flags and AT_* ones */
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "", 0);
	ev = mk("open_tree", -22, (uint64_t)-1, A, 0xffffffff, 0, 0, 0);
	EXPECT(ev, "open_tree(-1, \"\", OPEN_TREE_CLONE|OPEN_TREE_CLOEXEC|AT_SYMLINK_NOFOLLOW|"
		   "AT_REMOVEDIR|AT_SYMLINK_FOLLOW|AT_NO_AUTOMOUNT|AT_EMPTY_PATH|AT_RECURSIVE|0xfff760fe) = "
		   "-1 EINVAL (Invalid argument)");
	/* openat2-Xverbose: open flags' unnamed bits stay in the comment */
	uint64_t how[3] = { 0xdeadface80000000ull, 0777, 0 };
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "f", 1);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, how, sizeof how);
	ev = mk("openat2", -22, (uint64_t)-1, A, A + 16, 24, 0, 0);
	EXPECTF(ev, &fverb, "openat2(-1, \"f\", {flags=0xdeadface80000000 /* O_RDONLY|0xdeadface80000000 */, "
		"mode=0777, resolve=0}, 24) = -1 EINVAL (Invalid argument)");
	/* xattr.c: a value's NUL end left out; an empty list buffer as its address */
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, ".", 1);
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, "strace.test", 11);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, "foo\0bar\0", 8);
	ev = mk("setxattr", -95, A, A + 16, A + 32, 8, 1, 0);
	EXPECT(ev, "setxattr(\".\", \"strace.test\", \"foo\\0bar\", 8, XATTR_CREATE) = "
		   "-1 EOPNOTSUPP (Operation not supported)");
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT, ".", 1);
	ev = mk("listxattr", 0, A, A + 0xfff, 0, 0, 0, 0);
	EXPECT(ev, "listxattr(\".\", 0x7ffd1fff, 0) = 0");
	/* chdir.c: a path with no NUL in PATH_MAX bytes shows PATH_MAX - 1 of them */
	static char slashes[LT_PATH_CAP + 1], want[LT_PATH_CAP + 64];
	memset(slashes, '/', LT_PATH_CAP);
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR | LT_CAP_EXIT | LT_CAP_TRUNC, slashes, LT_PATH_CAP);
	ev = mk("chdir", -36, A, 0, 0, 0, 0, 0);
	snprintf(want, sizeof want, "chdir(\"%.*s\"...) = -1 ENAMETOOLONG (File name too long)",
		 LT_PATH_CAP - 1, slashes);
	EXPECT(ev, want);
}

static void test_quota(void)
{
	struct lt_event ev;
	/* quotactl.c: the command decides the arguments shown */
	ev = mk("quotactl", -22, 0xbadc0ded, 0, 0, 0, 0, 0);
	EXPECT(ev, "quotactl(QCMD(0xbadc0d /* Q_??? */, 0xed /* ???QUOTA */), NULL, 0, NULL) = "
		   "-1 EINVAL (Invalid argument)");
	ev = mk("quotactl", -19, 0x80000302, 0, (uint64_t)-1, 0, 0, 0);
	EXPECT(ev, "quotactl(QCMD(Q_QUOTAOFF, PRJQUOTA), NULL) = -1 ENODEV (No such device)");
	ev = mk("quotactl", -19, 0x80000302, 0, (uint64_t)-1, 0, 0, 0);
	EXPECTF(ev, &fverb, "quotactl(2147484418 /* QCMD(Q_QUOTAOFF, PRJQUOTA) */, NULL) = "
		"-1 ENODEV (No such device)");
	uint8_t info[24];
	uint64_t g[2] = { 9765639646188044672ull, 10344361028892658056ull };
	uint32_t fv[2] = { 0xdeadabcd, 0x97969594 };
	memcpy(info, g, 16);
	memcpy(info + 16, fv, 8);
	cap(3, LT_CAP_SUB_SELF, LT_CAP_EXIT, info, sizeof info);
	ev = mk("quotactl", -2, 0x80000600, 0, (uint64_t)-1, A, 0, 0);
	EXPECT(ev, "quotactl(QCMD(Q_SETINFO, USRQUOTA), NULL, {dqi_bgrace=9765639646188044672, "
		   "dqi_igrace=10344361028892658056, dqi_flags=DQF_ROOT_SQUASH|DQF_SYS_FILE|0xdeacabcc, "
		   "dqi_valid=IIF_FLAGS|0x97969590}) = -1 ENOENT (No such file or directory)");
	/* quotactl-xfs.c: XFS flags behind a pointer */
	uint32_t fl = 0xdeadbeef;
	cap(3, LT_CAP_SUB_SELF, LT_CAP_EXIT, &fl, 4);
	ev = mk("quotactl", -19, 0x580601, 0, (uint64_t)-1, A, 0, 0);
	EXPECT(ev, "quotactl(QCMD(Q_XQUOTARM, GRPQUOTA), NULL, [FS_USER_QUOTA|FS_PROJ_QUOTA|"
		   "FS_GROUP_QUOTA|0xdeadbee8]) = -1 ENODEV (No such device)");
	ev = mk("quotactl", -14, 0x80000700, A, 0, A + 8, 0, 0);
	EXPECTF(ev, &fraw, "quotactl(2147485440, 0x7ffd1000, 0, 0x7ffd1008) = -1 EFAULT (Bad address)");
}

static void put_iocb(uint8_t *d, uint64_t data, uint16_t op, int16_t prio, int32_t fd, uint64_t buf,
		     uint64_t n, int64_t off)
{
	memset(d, 0, 64);
	memcpy(d, &data, 8);
	memcpy(d + 16, &op, 2);
	memcpy(d + 18, &prio, 2);
	memcpy(d + 20, &fd, 4);
	memcpy(d + 24, &buf, 8);
	memcpy(d + 32, &n, 8);
	memcpy(d + 40, &off, 8);
}

static void test_aio(void)
{
	struct lt_event ev;
	/* aio.c: the context io_setup wrote */
	uint64_t ctx = 0x7f8b319bf000ull;
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &ctx, 8);
	ev = mk("io_setup", 0, 2, A, 0, 0, 0, 0);
	EXPECT(ev, "io_setup(2, [0x7f8b319bf000]) = 0");
	/* iocbs behind pointers, PREADV's iovecs; NULL and unreadable pointers; the end of memory */
	uint8_t cb[2][64];
	uint64_t ptrs[4] = { A + 0x100, A + 0x200, 0, 0xffffffffffffffffull };
	uint64_t iov[4] = { 0x7f8b319bc000ull, 1024, 0x7f8b319bc400ull, 3072 };
	put_iocb(cb[0], 0xfeed11111111faceull, 7, 111, 0, A + 0x300, 2, 1004211328502398701ll);
	put_iocb(cb[1], 0, 1, (int16_t)((5 << 13) | 7919), -553988399, 0, 40, -2401022805662757395ll);
	uint32_t flags = 0xfacef157, resfd = (uint32_t)-556676482;
	memcpy(cb[1] + 56, &flags, 4);
	memcpy(cb[1] + 60, &resfd, 4);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, ptrs, sizeof ptrs);
	cap(2, 0, LT_CAP_EXIT, cb[0], 64);
	cap(2, 1, LT_CAP_EXIT, cb[1], 64);
	cap(2, LT_SUB_IOCB_IOV + 0, LT_CAP_EXIT, iov, sizeof iov);
	ev = mk("io_submit", -9, 0x7f8b319bf000ull, 1057, A, 0, 0, 0);
	EXPECT(ev, "io_submit(0x7f8b319bf000, 1057, [{aio_data=0xfeed11111111face, aio_lio_opcode="
		   "IOCB_CMD_PREADV, aio_reqprio=111, aio_fildes=0, aio_buf=[{iov_base=0x7f8b319bc000, "
		   "iov_len=1024}, {iov_base=0x7f8b319bc400, iov_len=3072}], aio_offset=1004211328502398701}, "
		   "{aio_data=0, aio_lio_opcode=IOCB_CMD_PWRITE, aio_reqprio=IOPRIO_PRIO_VALUE(0x5 /* "
		   "IOPRIO_CLASS_??? */, 7919), aio_fildes=-553988399, aio_buf=NULL, aio_nbytes=40, "
		   "aio_offset=-2401022805662757395, aio_flags=IOCB_FLAG_RESFD|IOCB_FLAG_IOPRIO|0xfacef154, "
		   "aio_resfd=-556676482}, NULL, 0xffffffffffffffff, ... /* 0x7ffd1020 */]) = "
		   "-1 EBADF (Bad file descriptor)");
	/* io_cancel: the iocb's header; the result only on success */
	put_iocb(cb[0], 0xdeadbeefbadc0dedull, 0, 99, -42, 0, 0, 0);
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, cb[0], 64);
	ev = mk("io_cancel", -22, 0x7f8b319bf000ull, A, A + 0x100, 0, 0, 0);
	EXPECT(ev, "io_cancel(0x7f8b319bf000, {aio_data=0xdeadbeefbadc0ded, aio_lio_opcode=IOCB_CMD_PREAD, "
		   "aio_reqprio=99, aio_fildes=-42}, 0x7ffd1100) = -1 EINVAL (Invalid argument)");
	/* io_getevents: as many events as it returned */
	uint64_t evs[4] = { 0xfeedface11111111ull, 0x7f8b31631f80ull, 4096, 0 };
	cap(3, LT_CAP_SUB_SELF, LT_CAP_EXIT, evs, sizeof evs);
	ev = mk("io_getevents", 1, 0x7f8b319bf000ull, 1, 3, A, 0, 0);
	EXPECT(ev, "io_getevents(0x7f8b319bf000, 1, 3, [{data=0xfeedface11111111, obj=0x7f8b31631f80, "
		   "res=4096, res2=0}], NULL) = 1");
}

int main(void)
{
	test_aio();
	test_quota();
	test_paths();
	test_mount();
	test_mode();
	test_mempolicy();
	test_pages();
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
