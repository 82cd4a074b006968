/* Decoders of sandboxing and kernel-loading calls (report/decode_landlock.c,
 * decode_seccomp.c, decode_kexec.c, io_uring_setup in decode_io_uring.c, userfaultfd's
 * flags): strace 6.1's lines for the same calls, as its own test programs print them
 * (tests/landlock_*.c, seccomp-filter-v.c, seccomp_get_action_avail.c,
 * seccomp_get_notif_sizes.c, prctl-seccomp-filter-v.c, kexec_load.c, kexec_file_load.c,
 * io_uring_setup.c, userfaultfd.c), with the captures the shim would have made. */
#include <stdint.h>
#include <stdlib.h>

#include "decode_fixture.h"
#include "lt_fdtab.h"

#define A 0x7ffd1000u

static struct lt_fmt fmtv = { .strsize = 32, .verbose = 1 };

static void test_landlock(void)
{
	struct lt_event ev;
	uint64_t acc = 1;
	cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, &acc, 8);
	ev = mk("landlock_create_ruleset", -14, A, 12, 0, 0, 0, 0);
	EXPECT(ev, "landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE, ...}, 12, 0)"
		   " = -1 EFAULT (Bad address)");
	acc = 0xdebeefeddecac000ull;
	cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, &acc, 8);
	ev = mk("landlock_create_ruleset", -22, A, 8, 0, 0, 0, 0);
	EXPECT(ev, "landlock_create_ruleset({handled_access_fs=0xdebeefeddecac000 /* LANDLOCK_ACCESS_FS_??? */},"
		   " 8, 0) = -1 EINVAL (Invalid argument)");
	uint8_t rule[12];
	acc = 1;
	int32_t fd = -1;
	memcpy(rule, &acc, 8);
	memcpy(rule + 8, &fd, 4);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, rule, sizeof rule);
	ev = mk("landlock_add_rule", -9, (uint64_t)-1, 1, A, 0, 0, 0);
	EXPECT(ev, "landlock_add_rule(-1, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=LANDLOCK_ACCESS_FS_EXECUTE,"
		   " parent_fd=-1}, 0) = -1 EBADF (Bad file descriptor)");
	ev = mk("landlock_add_rule", -22, 1729, 2, A, 0xffffffff, 0, 0);
	EXPECT(ev, "landlock_add_rule(1729, 0x2 /* LANDLOCK_RULE_??? */, 0x7ffd1000, 0xffffffff)"
		   " = -1 EINVAL (Invalid argument)");
	ev = mk("landlock_restrict_self", -9, (uint64_t)-1, 1, 0, 0, 0, 0);
	EXPECT(ev, "landlock_restrict_self(-1, 0x1) = -1 EBADF (Bad file descriptor)");
}

static void test_seccomp(void)
{
	struct lt_event ev;
	uint8_t fp[16] = { 0 };
	uint64_t filter = A + 0x100;
	fp[0] = 3;
	memcpy(fp + 8, &filter, 8);
	/* BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_KILL_THREAD), then unreadable memory */
	uint8_t insn[8] = { 6, 0, 0, 0, 0, 0, 0, 0 };
	cap(2, LT_CAP_SUB_SELF, 0, fp, sizeof fp);
	cap(2, 0, LT_CAP_TRUNC, insn, sizeof insn);
	ev = mk("seccomp", -14, 1, 0, A, 0, 0, 0);
	EXPECTF(ev, &fmtv, "seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=3, filter=[BPF_STMT(BPF_RET|BPF_K,"
		   " SECCOMP_RET_KILL_THREAD), ... /* 0x7ffd1108 */]}) = -1 EFAULT (Bad address)");
	cap(2, LT_CAP_SUB_SELF, 0, fp, sizeof fp);
	ev = mk("seccomp", -22, 1, 0xffffffff, A, 0, 0, 0);
	EXPECT(ev, "seccomp(SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC|SECCOMP_FILTER_FLAG_LOG|"
		   "SECCOMP_FILTER_FLAG_SPEC_ALLOW|SECCOMP_FILTER_FLAG_NEW_LISTENER|SECCOMP_FILTER_FLAG_TSYNC_ESRCH|"
		   "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV|0xffffffc0, {len=3, filter=0x7ffd1100})"
		   " = -1 EINVAL (Invalid argument)");
	/* prctl-seccomp-filter-v: a jump, a return with data, a load */
	uint8_t prog[3][8] = { { 0x20, 0, 0, 0, 0, 0, 0, 0 }, { 0x15, 0, 0, 1, 3, 0, 0, 0 },
			       { 6, 0, 0, 0, 0x10, 0, 5, 0 } };
	fp[0] = 3;
	cap(2, LT_CAP_SUB_SELF, 0, fp, sizeof fp);
	cap(2, 0, 0, prog, sizeof prog);
	ev = mk("prctl", 0, 22, 2, A, 0, 0, 0);
	EXPECTF(ev, &fmtv, "prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=3, filter=[BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0),"
		   " BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x3, 0, 0x1), BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ERRNO|0x10)]}) = 0");
	uint32_t act = 0xffffffff;
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, &act, 4);
	ev = mk("seccomp", -95, 0xfacefeed00000002ull, 0xdeadbeef00000000ull, A, 0, 0, 0);
	EXPECT(ev, "seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [0xffffffff /* SECCOMP_RET_??? */])"
		   " = -1 EOPNOTSUPP (Operation not supported)");
	uint16_t szs[3] = { 80, 24, 64 };
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, szs, 6);
	ev = mk("seccomp", 0, 3, 0, A, 0, 0, 0);
	EXPECT(ev, "seccomp(SECCOMP_GET_NOTIF_SIZES, 0, {seccomp_notif=80, seccomp_notif_resp=24, seccomp_data=64}) = 0");
	ev = mk("seccomp", -22, 3, 0xdeadbeef, 0, 0, 0, 0);
	EXPECT(ev, "seccomp(SECCOMP_GET_NOTIF_SIZES, 0xdeadbeef, NULL) = -1 EINVAL (Invalid argument)");
}

static void test_kexec(void)
{
	struct lt_event ev;
	ev = mk("kexec_load", -38, 0, 0, 0, 0xbadc0dedda7a1054ull, 0, 0);
	EXPECT(ev, "kexec_load(NULL, 0, NULL, 0xda7a0000 /* KEXEC_ARCH_??? */|0xbadc0ded00001054 /* KEXEC_??? */)"
		   " = -1 ENOSYS (Function not implemented)");
	uint64_t seg[4] = { 0, 10344361028892658056ull, 0, 11501803794301884824ull };
	cap(2, LT_CAP_SUB_SELF, 0, seg, sizeof seg);
	ev = mk("kexec_load", -38, 0xdeadca57badda7a1ull, 1, A, 0x2a0003, 0, 0);
	EXPECT(ev, "kexec_load(0xdeadca57badda7a1, 1, [{buf=NULL, bufsz=10344361028892658056, mem=NULL,"
		   " memsz=11501803794301884824}], KEXEC_ARCH_SH|KEXEC_ON_CRASH|KEXEC_PRESERVE_CONTEXT)"
		   " = -1 ENOSYS (Function not implemented)");
	cap(3, LT_CAP_SUB_SELF, 0, "abcdef", 7);
	ev = mk("kexec_file_load", -38, 1, 2, 7, A, 0xdeadbeef, 0);
	EXPECT(ev, "kexec_file_load(1, 2, 7, \"abcdef\\0\", KEXEC_FILE_UNLOAD|KEXEC_FILE_ON_CRASH|"
		   "KEXEC_FILE_NO_INITRAMFS|0xdeadbee8) = -1 ENOSYS (Function not implemented)");
	cap(3, LT_CAP_SUB_SELF, LT_CAP_TRUNC, "abcdef\0", 7);
	ev = mk("kexec_file_load", -38, 1, 2, 8, A, 0, 0);
	EXPECT(ev, "kexec_file_load(1, 2, 8, 0x7ffd1000, 0) = -1 ENOSYS (Function not implemented)");
}

static void test_misc(void)
{
	struct lt_event ev;
	ev = mk("userfaultfd", -22, 0xffffffff, 0, 0, 0, 0, 0);
	EXPECT(ev, "userfaultfd(UFFD_USER_MODE_ONLY|O_NONBLOCK|O_CLOEXEC|0xfff7f7fe) = -1 EINVAL (Invalid argument)");
	uint8_t p[120] = { 0 };
	uint32_t flags = 0x20;
	int32_t wq = 3;
	memcpy(p + 8, &flags, 4);
	memcpy(p + 24, &wq, 4);
	cap(1, LT_SUB_ENTRY, 0, p, sizeof p);
	ev = mk("io_uring_setup", -22, 2, A, 0, 0, 0, 0);
	EXPECT(ev, "io_uring_setup(2, {flags=IORING_SETUP_ATTACH_WQ, sq_thread_cpu=0, sq_thread_idle=0,"
		   " wq_fd=3}) = -1 EINVAL (Invalid argument)");
}

/* -y: the anonymous-inode descriptors these calls make, named as strace 6.1 shows them
 * (landlock_create_ruleset-y.c, io_uring_setup.c, bpf-obj_get_info_by_fd.c) */
static void test_anon_inodes(void)
{
	struct lt_event ev;
	struct lt_fmt fy = fmt0;
	fy.show_fd_paths = 1;
	fy.fds = lt_fdtab_new();
	ev = mk("landlock_create_ruleset", 3, 0, 0, 0, 0, 0, 0);
	EXPECTF(ev, &fy, "landlock_create_ruleset(NULL, 0, 0) = 3<anon_inode:[landlock-ruleset]>");
	ev = mk("landlock_create_ruleset", 1, 0, 0, 1, 0, 0, 0);
	EXPECTF(ev, &fy, "landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) = 1");
	ev = mk("bpf", 4, 0, A, 72, 0, 0, 0);
	lt_fdtab_update(fy.fds, &ev);
	ev = mk("close", 0, 4, 0, 0, 0, 0, 0);
	EXPECTF(ev, &fy, "close(4<anon_inode:bpf-map>) = 0");
	lt_fdtab_free(fy.fds);
}

/* bpf: kernel_version.c's BPF_PROG_LOAD under -v and each -X; a map and a prog's info */
static void test_bpf(void)
{
	struct lt_event ev;
	uint8_t attr[128] = { 0 };
	uint32_t w[12] = { 0x20, 0xbadc0ded, 0, 0, 0, 0, 24, 3141592653u, 0, 0, 0xcafef00d, 0 };
	memcpy(attr, w, sizeof w);
	struct lt_fmt fv = fmtv;
	const char *want[3] = {
		"bpf(BPF_PROG_LOAD, {prog_type=0x20 /* BPF_PROG_TYPE_??? */, insn_cnt=3134983661, insns=NULL,"
		" license=NULL, log_level=24, log_size=3141592653, log_buf=NULL,"
		" kern_version=KERNEL_VERSION(51966, 240, 13), prog_flags=0, prog_name=\"\", prog_ifindex=0,"
		" expected_attach_type=BPF_CGROUP_INET_INGRESS, prog_btf_fd=0, func_info_rec_size=0,"
		" func_info=NULL, func_info_cnt=0, line_info_rec_size=0, line_info=NULL, line_info_cnt=0,"
		" attach_btf_id=0, attach_prog_fd=0, fd_array=NULL}, 128) = -1 E2BIG (Argument list too long)",
		"bpf(0x5, {prog_type=0x20, insn_cnt=3134983661, insns=NULL, license=NULL, log_level=24,"
		" log_size=3141592653, log_buf=NULL, kern_version=0xcafef00d, prog_flags=0, prog_name=\"\","
		" prog_ifindex=0, expected_attach_type=0, prog_btf_fd=0, func_info_rec_size=0, func_info=NULL,"
		" func_info_cnt=0, line_info_rec_size=0, line_info=NULL, line_info_cnt=0, attach_btf_id=0,"
		" attach_prog_fd=0, fd_array=NULL}, 128) = -1 E2BIG (Argument list too long)",
		"bpf(0x5 /* BPF_PROG_LOAD */, {prog_type=0x20 /* BPF_PROG_TYPE_??? */, insn_cnt=3134983661,"
		" insns=NULL, license=NULL, log_level=24, log_size=3141592653, log_buf=NULL,"
		" kern_version=0xcafef00d /* KERNEL_VERSION(51966, 240, 13) */, prog_flags=0, prog_name=\"\","
		" prog_ifindex=0, expected_attach_type=0 /* BPF_CGROUP_INET_INGRESS */, prog_btf_fd=0,"
		" func_info_rec_size=0, func_info=NULL, func_info_cnt=0, line_info_rec_size=0, line_info=NULL,"
		" line_info_cnt=0, attach_btf_id=0, attach_prog_fd=0, fd_array=NULL}, 128)"
		" = -1 E2BIG (Argument list too long)" };
	const enum lt_xlat_style st[3] = { LT_XLAT_ABBREV, LT_XLAT_RAW, LT_XLAT_VERBOSE };
	for (int k = 0; k < 3; k++) {
		fv.xlat = st[k];
		cap(1, LT_SUB_ENTRY, 0, attr, sizeof attr);
		ev = mk("bpf", -7, 5, A, 128, 0, 0, 0);
		EXPECTF(ev, &fv, want[k]);
	}
	/* bpf-obj_get_info_by_fd.c: the size the kernel wrote back */
	uint8_t in[16] = { 5, 0, 0, 0, 152 }, out[16] = { 5, 0, 0, 0, 104 };
	memcpy(in + 8, &(uint64_t){ A + 0x68 }, 8);
	memcpy(out + 8, in + 8, 8);
	cap(1, LT_SUB_ENTRY, 0, in, sizeof in);
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, out, sizeof out);
	ev = mk("bpf", 0, 15, A, 16, 0, 0, 0);
	EXPECT(ev, "bpf(BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=5, info_len=152 => 104, info=0x7ffd1068}}, 16) = 0");
	/* -v: a map's info (bpf-obj_get_info_by_fd-v.c), the descriptor known from BPF_MAP_CREATE */
	struct lt_fmt fvy = fmtv;
	fvy.fds = lt_fdtab_new();
	ev = mk("bpf", 4, 0, A, 72, 0, 0, 0);
	lt_fdtab_update(fvy.fds, &ev);
	uint8_t mi[88] = { 2, 0, 0, 0, 0x0d, 4, 0, 0, 4, 0, 0, 0, 8, 0, 0, 0, 1 };
	memcpy(mi + 24, "test_map", 8);
	uint8_t q[16] = { 4, 0, 0, 0, 88 };
	memcpy(q + 8, &(uint64_t){ A + 0x100 }, 8);
	cap(1, LT_SUB_ENTRY, 0, q, sizeof q);
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, q, sizeof q);
	cap(1, 0, LT_CAP_EXIT, mi, sizeof mi);
	ev = mk("bpf", 0, 15, A, 16, 0, 0, 0);
	EXPECTF(ev, &fvy, "bpf(BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=4, info_len=88, info={type=BPF_MAP_TYPE_ARRAY,"
		   " id=1037, key_size=4, value_size=8, max_entries=1, map_flags=0, name=\"test_map\", ifindex=0,"
		   " btf_vmlinux_value_type_id=0, netns_dev=makedev(0, 0), netns_ino=0, btf_id=0, btf_key_type_id=0,"
		   " btf_value_type_id=0}}}, 16) = 0");
	lt_fdtab_free(fvy.fds);
	/* bpf.c's BPF_PROG_ATTACH: the fields a table lists, cut at the size */
	int32_t att[5] = { -1, -2, 2, 0xf8, -3 };
	cap(1, LT_SUB_ENTRY, 0, att, sizeof att);
	ev = mk("bpf", -22, 8, A, 20, 0, 0, 0);
	EXPECT(ev, "bpf(BPF_PROG_ATTACH, {target_fd=-1, attach_bpf_fd=-2, attach_type=BPF_CGROUP_INET_SOCK_CREATE,"
		   " attach_flags=0xf8 /* BPF_F_??? */, replace_bpf_fd=-3}, 20) = -1 EINVAL (Invalid argument)");
	cap(1, LT_SUB_ENTRY, 0, att, 16);
	ev = mk("bpf", -9, 8, A, 16, 0, 0, 0);
	EXPECT(ev, "bpf(BPF_PROG_ATTACH, {target_fd=-1, attach_bpf_fd=-2, attach_type=BPF_CGROUP_INET_SOCK_CREATE,"
		   " attach_flags=0xf8 /* BPF_F_??? */}, 16) = -1 EBADF (Bad file descriptor)");
	/* BPF_PROG_GET_NEXT_ID: next_id as the call wrote it back */
	uint32_t nid[3] = { 3134983661u, 3405705229u, 0 }, nid_out[3] = { 3134983661u, 7, 0 };
	cap(1, LT_SUB_ENTRY, 0, nid, 8);
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, nid_out, 8);
	ev = mk("bpf", 0, 11, A, 8, 0, 0, 0);
	EXPECT(ev, "bpf(BPF_PROG_GET_NEXT_ID, {start_id=3134983661, next_id=3405705229 => 7}, 8) = 0");
	/* bpf.c's BPF_LINK_CREATE: BPF_PERF_EVENT's cookie; an attach type with nothing more,
	 * whose bytes past the flags are not zero */
	uint8_t lc[48] = { 0 };
	lc[8] = 41;
	memcpy(lc + 16, &(uint64_t){ 0xdeadc0defacecafeull }, 8);
	cap(1, LT_SUB_ENTRY, 0, lc, 24);
	ev = mk("bpf", -22, 28, A, 24, 0, 0, 0);
	EXPECT(ev, "bpf(BPF_LINK_CREATE, {link_create={prog_fd=0, target_fd=0, attach_type=BPF_PERF_EVENT, flags=0,"
		   " perf_event={bpf_cookie=0xdeadc0defacecafe}}}, 24) = -1 EINVAL (Invalid argument)");
	lc[8] = 4; /* BPF_SK_SKB_STREAM_PARSER */
	cap(1, LT_SUB_ENTRY, 0, lc, 48);
	ev = mk("bpf", -22, 28, A, 48, 0, 0, 0);
	EXPECT(ev, "bpf(BPF_LINK_CREATE, {link_create={prog_fd=0, target_fd=0, attach_type=BPF_SK_SKB_STREAM_PARSER,"
		   " flags=0}, ...}, 48) = -1 EINVAL (Invalid argument)");
	uint8_t map[72] = { 2, 0, 0, 0, 4, 0, 0, 0, 8, 0, 0, 0, 1 };
	memcpy(map + 28, "test_map", 8);
	cap(1, LT_SUB_ENTRY, 0, map, sizeof map);
	ev = mk("bpf", 4, 0, A, 72, 0, 0, 0);
	EXPECT(ev, "bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, value_size=8, max_entries=1,"
		   " map_flags=0, inner_map_fd=0, map_name=\"test_map\", map_ifindex=0, btf_fd=0, btf_key_type_id=0,"
		   " btf_value_type_id=0, btf_vmlinux_value_type_id=0, map_extra=0}, 72) = 4");
}

int main(void)
{
	test_bpf();
	test_anon_inodes();
	test_landlock();
	test_seccomp();
	test_kexec();
	test_misc();
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
