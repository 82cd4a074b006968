/* bpf(2)'s union bpf_attr, as strace 6.1 prints it (its bpf.c) for the commands decoded
 * here: BPF_MAP_CREATE, BPF_PROG_LOAD (eBPF instructions with -v) and
 * BPF_OBJ_GET_INFO_BY_FD (the info as its address); other commands print the address.
 * Fields stop where the size argument ends (older kernels' layouts); bytes past the
 * layout strace knows that are not zero print as ", ..." (-v: extra_data=...).
 * The shim copies the attribute at entry (LT_SUB_ENTRY, size bytes up to a page), what
 * BPF_PROG_LOAD points to (sub 0 the instructions, sub 1 the license, sub 2 the log
 * buffer, before the verifier writes it) and, for BPF_OBJ_GET_INFO_BY_FD, the attribute
 * after the call (SELF: info_len written back). */
#include "xlat.h"
#include "xlat/gen.h"
#include "decode_struct.h"

enum { CMD_MAP_CREATE = 0, CMD_PROG_LOAD = 5, CMD_OBJ_GET_INFO_BY_FD = 15, MAXINSNS = 4096 };
enum { MAP_CREATE_SIZE = 72, PROG_LOAD_SIZE = 128, OBJ_GET_INFO_SIZE = 16 };

static const struct lt_xlat lt_x_ebpf_regs[] = {
	{ 0, "BPF_REG_0" }, { 1, "BPF_REG_1" }, { 2, "BPF_REG_2" }, { 3, "BPF_REG_3" },
	{ 4, "BPF_REG_4" }, { 5, "BPF_REG_5" }, { 6, "BPF_REG_6" }, { 7, "BPF_REG_7" },
	{ 8, "BPF_REG_8" }, { 9, "BPF_REG_9" }, { 10, "BPF_REG_10" }, { 0, 0 } };

/* ", name=" */
static void lt_field(struct lt_dctx *c, const char *name)
{
	lt_sb_printf(SB(c), ", %s=", name);
}

static void lt_field_u(struct lt_dctx *c, const char *name, uint64_t v)
{
	lt_sb_printf(SB(c), ", %s=%llu", name, (unsigned long long)v);
}

/* a char[16] name, up to its NUL within the bytes the size covers */
static void lt_field_name(struct lt_dctx *c, const char *name, const uint8_t *d, size_t n)
{
	size_t k = 0;
	while (k < n && d[k])
		k++;
	lt_field(c, name);
	lt_put_quoted(c, d, k, 0);
}

/* strace's print_kernel_version: KERNEL_VERSION(a, b, c), honouring -X */
static void lt_put_kernel_version(struct lt_dctx *c, uint32_t v)
{
	enum lt_xlat_style st = lt_st(c);
	if (st != LT_XLAT_ABBREV)
		lt_put_hex(c, v);
	if (st == LT_XLAT_RAW)
		return;
	lt_sb_printf(SB(c), "%sKERNEL_VERSION(%u, %u, %u)%s", st == LT_XLAT_VERBOSE ? " /* " : "",
		     v >> 16, (v >> 8) & 0xff, v & 0xff, st == LT_XLAT_VERBOSE ? " */" : "");
}

static int lt_put_ebpf_insn(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	(void)opaque;
	if (k >= MAXINSNS) {
		lt_sb_puts(SB(c), "...");
		return 0;
	}
	lt_sb_puts(SB(c), "{code=");
	lt_put_bpf_code(c, e[0], 1);
	lt_sb_puts(SB(c), ", dst_reg=");
	lt_put_xlat(c, lt_x_ebpf_regs, e[1] & 0xf, "BPF_REG_???");
	lt_sb_puts(SB(c), ", src_reg=");
	lt_put_xlat(c, lt_x_ebpf_regs, e[1] >> 4, "BPF_REG_???");
	lt_sb_printf(SB(c), ", off=%d, imm=", RD(int16_t, e, 2));
	lt_put_hex(c, RD(uint32_t, e, 4));
	lt_sb_putc(SB(c), '}');
	return 1;
}

static void lt_bpf_map_create(struct lt_dctx *c, const uint8_t *a, size_t len)
{
	lt_sb_puts(SB(c), "{map_type=");
	lt_put_xlat(c, lt_x_bpf_map_types, RD(uint32_t, a, 0), "BPF_MAP_TYPE_???");
	lt_field_u(c, "key_size", RD(uint32_t, a, 4));
	lt_field_u(c, "value_size", RD(uint32_t, a, 8));
	lt_field_u(c, "max_entries", RD(uint32_t, a, 12));
	if (len <= 16)
		return;
	uint32_t flags = RD(uint32_t, a, 16);
	lt_field(c, "map_flags");
	lt_put_flags(c, lt_x_bpf_map_flags, flags);
	if (len <= 20)
		return;
	lt_field(c, "inner_map_fd");
	lt_put_fd(c, RD(int32_t, a, 20));
	if (len <= 24)
		return;
	if (flags & 4) { /* BPF_F_NUMA_NODE: -1 is NUMA_NO_NODE, always named */
		uint32_t node = RD(uint32_t, a, 24);
		lt_field_u(c, "numa_node", node);
		if (node == 0xffffffffu && lt_st(c) != LT_XLAT_RAW)
			lt_sb_puts(SB(c), " /* NUMA_NO_NODE */");
	}
	if (len <= 28)
		return;
	lt_field_name(c, "map_name", a + 28, len - 28 < 16 ? len - 28 : 16);
	if (len <= 44)
		return;
	lt_field_u(c, "map_ifindex", RD(uint32_t, a, 44));
	if (len <= 48)
		return;
	lt_field(c, "btf_fd");
	lt_put_fd(c, RD(int32_t, a, 48));
	lt_field_u(c, "btf_key_type_id", RD(uint32_t, a, 52));
	lt_field_u(c, "btf_value_type_id", RD(uint32_t, a, 56));
	if (len <= 60)
		return;
	lt_field_u(c, "btf_vmlinux_value_type_id", RD(uint32_t, a, 60));
	if (len <= 64)
		return;
	lt_field(c, "map_extra");
	lt_put_hex(c, RD(uint64_t, a, 64));
}

/* insns, license and log_buf: what they point to, as the shim read it at entry */
static void lt_bpf_prog_load_ptrs(struct lt_dctx *c, int i, const uint8_t *a, size_t len)
{
	uint64_t insns = RD(uint64_t, a, 8);
	lt_field(c, "insns");
	if (lt_verbose(c))
		lt_put_array(c, i, 0, insns, RD(uint32_t, a, 4), 8, lt_put_ebpf_insn, NULL);
	else
		lt_put_ptr(c, insns);
	lt_field(c, "license");
	lt_put_cstr(c, i, 1, RD(uint64_t, a, 16), 0);
	if (len <= 24)
		return;
	lt_field_u(c, "log_level", RD(uint32_t, a, 24));
	lt_field_u(c, "log_size", RD(uint32_t, a, 28));
	lt_field(c, "log_buf");
	lt_put_cstr(c, i, 2, RD(uint64_t, a, 32), 0);
}

static void lt_bpf_prog_load(struct lt_dctx *c, int i, const uint8_t *a, size_t len)
{
	lt_sb_puts(SB(c), "{prog_type=");
	lt_put_xlat(c, lt_x_bpf_prog_types, RD(uint32_t, a, 0), "BPF_PROG_TYPE_???");
	lt_field_u(c, "insn_cnt", RD(uint32_t, a, 4));
	lt_bpf_prog_load_ptrs(c, i, a, len);
	if (len <= 40)
		return;
	lt_field(c, "kern_version");
	lt_put_kernel_version(c, RD(uint32_t, a, 40));
	if (len <= 44)
		return;
	lt_field(c, "prog_flags");
	lt_put_flags(c, lt_x_bpf_prog_flags, RD(uint32_t, a, 44));
	if (len <= 48)
		return;
	lt_field_name(c, "prog_name", a + 48, len - 48 < 16 ? len - 48 : 16);
	if (len <= 64)
		return;
	lt_field_u(c, "prog_ifindex", RD(uint32_t, a, 64));
	if (len <= 68)
		return;
	lt_field(c, "expected_attach_type");
	lt_put_xlat(c, lt_x_bpf_attach_type, RD(uint32_t, a, 68), "BPF_???");
	if (len <= 72)
		return;
	lt_field(c, "prog_btf_fd");
	lt_put_fd(c, RD(int32_t, a, 72));
	lt_field_u(c, "func_info_rec_size", RD(uint32_t, a, 76));
	lt_field(c, "func_info");
	lt_put_ptr(c, RD(uint64_t, a, 80));
	lt_field_u(c, "func_info_cnt", RD(uint32_t, a, 88));
	lt_field_u(c, "line_info_rec_size", RD(uint32_t, a, 92));
	lt_field(c, "line_info");
	lt_put_ptr(c, RD(uint64_t, a, 96));
	lt_field_u(c, "line_info_cnt", RD(uint32_t, a, 104));
	if (len <= 108)
		return;
	lt_field_u(c, "attach_btf_id", RD(uint32_t, a, 108));
	if (len <= 112)
		return;
	lt_field(c, "attach_prog_fd");
	lt_put_fd(c, RD(int32_t, a, 112));
	if (len <= 120)
		return;
	lt_field(c, "fd_array");
	lt_put_ptr(c, RD(uint64_t, a, 120));
}

/* {info={bpf_fd=, info_len=[ => new], info=ADDR}}: the info itself is printed only at
 * exit, as its address (its decoding with -v is not done here) */
static void lt_bpf_obj_get_info(struct lt_dctx *c, int i, const uint8_t *a)
{
	const uint8_t *out = c->done ? lt_cap_get(c, i, LT_CAP_SUB_SELF, OBJ_GET_INFO_SIZE, NULL)
				     : NULL;
	lt_sb_puts(SB(c), "{info={bpf_fd=");
	lt_put_fd(c, RD(int32_t, a, 0));
	lt_field_u(c, "info_len", RD(uint32_t, a, 4));
	if (out && RD(uint32_t, out, 4) != RD(uint32_t, a, 4))
		lt_sb_printf(SB(c), " => %u", RD(uint32_t, out, 4));
	lt_field(c, "info");
	lt_put_ptr(c, RD(uint64_t, out ? out : a, 8));
	lt_sb_putc(SB(c), '}');
}

/* strace's decode_attr_extra_data */
static void lt_bpf_extra(struct lt_dctx *c, const uint8_t *a, size_t size, size_t known)
{
	size_t k = known;
	while (k < size && !a[k])
		k++;
	if (k >= size)
		return;
	if (!lt_verbose(c)) {
		lt_sb_puts(SB(c), ", ...");
		return;
	}
	lt_sb_puts(SB(c), ", extra_data=");
	int fh = c->force_hex;
	c->force_hex = 1;
	lt_put_quoted(c, a + known, size - known, 0);
	c->force_hex = fh;
	lt_sb_printf(SB(c), " /* bytes %zu..%zu */", known, size - 1);
}

void lt_put_bpf_attr(struct lt_dctx *c, int i, int kind)
{
	uint32_t cmd = (uint32_t)c->ev->args[0], size = (uint32_t)c->ev->args[2];
	size_t known = cmd == CMD_MAP_CREATE ? MAP_CREATE_SIZE : cmd == CMD_PROG_LOAD ? PROG_LOAD_SIZE
		       : cmd == CMD_OBJ_GET_INFO_BY_FD ? OBJ_GET_INFO_SIZE : 0;
	const uint8_t *d = known && size && size <= 4096 ? lt_cap_get(c, i, LT_SUB_ENTRY, size, NULL)
						       : NULL;
	(void)kind;
	if (!d) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	uint8_t a[PROG_LOAD_SIZE] = { 0 };
	size_t len = size < known ? size : known;
	memcpy(a, d, len);
	if (cmd == CMD_MAP_CREATE)
		lt_bpf_map_create(c, a, len);
	else if (cmd == CMD_PROG_LOAD)
		lt_bpf_prog_load(c, i, a, len);
	else
		lt_bpf_obj_get_info(c, i, a);
	lt_bpf_extra(c, d, size, known);
	lt_sb_putc(SB(c), '}');
}
