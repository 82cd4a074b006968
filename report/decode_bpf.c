/* bpf(2)'s union bpf_attr, as strace 6.1 prints it (its bpf.c) for the commands decoded
 * here: BPF_MAP_CREATE, BPF_PROG_LOAD (eBPF instructions with -v) and
 * BPF_OBJ_GET_INFO_BY_FD (the info as its address); other commands print the address.
 * Fields stop where the size argument ends (older kernels' layouts); bytes past the
 * layout strace knows that are not zero print as ", ..." (-v: extra_data=...).
 * The shim copies the attribute at entry (LT_SUB_ENTRY, size bytes up to a page), what
 * BPF_PROG_LOAD points to (sub 0 the instructions, sub 1 the license, sub 2 the log
 * buffer, before the verifier writes it) and, for BPF_OBJ_GET_INFO_BY_FD, the attribute
 * after the call (SELF: info_len written back). */
#include <time.h>

#include "xlat.h"
#include "xlat/gen.h"
#include "decode_struct.h"
#include "lt_fdtab.h"

enum { CMD_MAP_CREATE = 0, CMD_PROG_LOAD = 5, CMD_OBJ_GET_INFO_BY_FD = 15, CMD_LINK_CREATE = 28,
       MAXINSNS = 4096, LINK_CREATE_SIZE = 48 };
enum { MAP_CREATE_SIZE = 72, PROG_LOAD_SIZE = 128, OBJ_GET_INFO_SIZE = 16, MAP_INFO_SIZE = 88,
       PROG_INFO_SIZE = 220 };
/* captures of BPF_OBJ_GET_INFO_BY_FD (lib/lt_capture.c): the info after and before the
 * call, and what a prog's info points to */
enum { SUB_INFO = 0, SUB_INFO_ENTRY = 1, SUB_XLATED = 2, SUB_MAP_IDS = 3, SUB_JITED = 4 };

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

/* a char[16] name, up to its NUL within the bytes the size covers; "..." after when
 * there is none (strace's PRINT_FIELD_CSTRING_SZ) */
static void lt_field_name(struct lt_dctx *c, const char *name, const uint8_t *d, size_t n)
{
	size_t k = 0;
	while (k < n && d[k])
		k++;
	lt_field(c, name);
	lt_put_quoted(c, d, k == n && k ? k - 1 : k, k == n);
}

/* strace's print_kernel_version: KERNEL_VERSION(a, b, c), honouring -X */
void lt_put_kernel_version(struct lt_dctx *c, uint32_t v)
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
	lt_field(c, "map_ifindex");
	lt_put_ifindex(c, RD(uint32_t, a, 44));
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
	lt_field_u(c, "map_extra", RD(uint64_t, a, 64));
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
	lt_field(c, "prog_ifindex");
	lt_put_ifindex(c, RD(uint32_t, a, 64));
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

/* strace's bpf_extra_data */
static void lt_bpf_extra(struct lt_dctx *c, const uint8_t *a, size_t size, size_t known);
static int lt_put_u32_elem(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque);

/* ---- the commands whose attribute is a plain list of fields: a table each ---- */

enum lt_bpf_ftype {
	F_END, F_FD, F_U32, F_D32, F_U64, F_X64, F_ADDR, F_FLAGS, F_XVAL, F_OPEN,
	F_U32_CHG,       /* a u32 the call writes back: "old => new" */
	F_FD_IF_REPLACE, /* LINK_UPDATE's old_prog_fd, shown with BPF_F_REPLACE only */
	F_EXIT,          /* the fields after this one as the call left them */
	F_PATH,          /* OBJ_PIN's pathname (sub 5) */
	F_TP_NAME,       /* RAW_TRACEPOINT_OPEN's name, 128 bytes at most (sub 6) */
	F_BTF,           /* BTF_LOAD's btf, btf_size bytes (sub 7) */
	F_TASK_BUF,      /* TASK_FD_QUERY's buf, as long as both buf_len say (sub 8) */
	F_PROG_IDS,      /* PROG_QUERY's prog_ids, prog_cnt of them (sub 9) */
};

/* One field: printed if the size covers gate (strace's "if (len <= offsetof) break"),
 * else the list ends. */
struct lt_bpf_field {
	uint8_t type;
	uint8_t off;
	uint8_t gate;
	const char *name;
	const struct lt_xlat *t; /* F_FLAGS, F_XVAL */
	const char *unk;         /* F_XVAL's comment for an unknown value */
};

static const struct lt_xlat lt_x_bpf_lookup_flags[] = { { 0, "BPF_ANY" }, { 4, "BPF_F_LOCK" },
							{ 0, 0 } };
static const struct lt_xlat lt_x_bpf_update_flags[] = { { 0, "BPF_ANY" }, { 1, "BPF_NOEXIST" },
	{ 2, "BPF_EXIST" }, { 4, "BPF_F_LOCK" }, { 0, 0 } };
static const struct lt_xlat lt_x_bpf_file_mode[] = { { 8, "BPF_F_RDONLY" }, { 16, "BPF_F_WRONLY" },
						     { 0, 0 } };
static const struct lt_xlat lt_x_bpf_attach_flags[] = { { 1, "BPF_F_ALLOW_OVERRIDE" },
	{ 2, "BPF_F_ALLOW_MULTI" }, { 4, "BPF_F_REPLACE" }, { 0, 0 } };
static const struct lt_xlat lt_x_bpf_test_run_flags[] = { { 1, "BPF_F_TEST_RUN_ON_CPU" },
	{ 2, "BPF_F_TEST_XDP_LIVE_FRAMES" }, { 0, 0 } };
static const struct lt_xlat lt_x_bpf_query_flags[] = { { 1, "BPF_F_QUERY_EFFECTIVE" }, { 0, 0 } };
static const struct lt_xlat lt_x_bpf_task_fd_type[] = {
	{ 0, "BPF_FD_TYPE_RAW_TRACEPOINT" }, { 1, "BPF_FD_TYPE_TRACEPOINT" },
	{ 2, "BPF_FD_TYPE_KPROBE" }, { 3, "BPF_FD_TYPE_KRETPROBE" }, { 4, "BPF_FD_TYPE_UPROBE" },
	{ 5, "BPF_FD_TYPE_URETPROBE" }, { 0, 0 } };

#define FD(o, n) { F_FD, o, 0, n, NULL, NULL }
#define U32(o, n) { F_U32, o, 0, n, NULL, NULL }
#define ADDR(o, n) { F_ADDR, o, 0, n, NULL, NULL }
#define GATE(o) { F_END, o, 1, NULL, NULL, NULL }
#define OF(t, o, n) { t, o, 0, n, NULL, NULL }
#define ELEM_FLAGS(o) { F_FLAGS, o, 0, "elem_flags", lt_x_bpf_lookup_flags, NULL }
#define END { F_END, 0, 0, NULL, NULL, NULL }
static const struct lt_bpf_field lt_bpf_lookup[] = {
	FD(0, "map_fd"), ADDR(8, "key"), ADDR(16, "value"), GATE(24),
	{ F_FLAGS, 24, 0, "flags", lt_x_bpf_lookup_flags, NULL }, END };
static const struct lt_bpf_field lt_bpf_update[] = {
	FD(0, "map_fd"), ADDR(8, "key"), ADDR(16, "value"),
	{ F_XVAL, 24, 0, "flags", lt_x_bpf_update_flags, "BPF_???" }, END };
static const struct lt_bpf_field lt_bpf_delete[] = { FD(0, "map_fd"), ADDR(8, "key"), END };
static const struct lt_bpf_field lt_bpf_next_key[] = {
	FD(0, "map_fd"), ADDR(8, "key"), ADDR(16, "next_key"), END };
static const struct lt_bpf_field lt_bpf_freeze[] = { FD(0, "map_fd"), END };
static const struct lt_bpf_field lt_bpf_obj_pin[] = {
	{ F_PATH, 0, 0, "pathname", NULL, NULL }, FD(8, "bpf_fd"), GATE(12),
	{ F_FLAGS, 12, 0, "file_flags", lt_x_bpf_file_mode, NULL }, END };
static const struct lt_bpf_field lt_bpf_attach[] = {
	FD(0, "target_fd"), FD(4, "attach_bpf_fd"),
	{ F_XVAL, 8, 0, "attach_type", lt_x_bpf_attach_type, "BPF_???" },
	{ F_FLAGS, 12, 0, "attach_flags", lt_x_bpf_attach_flags, NULL }, GATE(16),
	FD(16, "replace_bpf_fd"), END };
static const struct lt_bpf_field lt_bpf_detach[] = {
	FD(0, "target_fd"), { F_XVAL, 8, 0, "attach_type", lt_x_bpf_attach_type, "BPF_???" }, END };
static const struct lt_bpf_field lt_bpf_test_run[] = {
	{ F_OPEN, 0, 0, "test", NULL, NULL }, FD(0, "prog_fd"), U32(4, "retval"),
	U32(8, "data_size_in"), U32(12, "data_size_out"), ADDR(16, "data_in"), ADDR(24, "data_out"),
	U32(32, "repeat"), U32(36, "duration"), GATE(40), U32(40, "ctx_size_in"),
	U32(44, "ctx_size_out"), ADDR(48, "ctx_in"), ADDR(56, "ctx_out"), GATE(64),
	{ F_FLAGS, 64, 0, "flags", lt_x_bpf_test_run_flags, "BPF_F_???" }, U32(68, "cpu"), GATE(72),
	U32(72, "batch_size"), END };
static const struct lt_bpf_field lt_bpf_next_id[] = {
	U32(0, "start_id"), { F_U32_CHG, 4, 0, "next_id", NULL, NULL }, GATE(8),
	{ F_FLAGS, 8, 0, "open_flags", lt_x_bpf_file_mode, NULL }, END };
static const struct lt_bpf_field lt_bpf_prog_by_id[] = {
	U32(0, "prog_id"), U32(4, "next_id"), GATE(8),
	{ F_FLAGS, 8, 0, "open_flags", lt_x_bpf_file_mode, NULL }, END };
static const struct lt_bpf_field lt_bpf_map_by_id[] = {
	U32(0, "map_id"), U32(4, "next_id"), GATE(8),
	{ F_FLAGS, 8, 0, "open_flags", lt_x_bpf_file_mode, NULL }, END };
static const struct lt_bpf_field lt_bpf_btf_by_id[] = { U32(0, "btf_id"), END };
static const struct lt_bpf_field lt_bpf_link_by_id[] = { U32(0, "link_id"), END };
static const struct lt_bpf_field lt_bpf_link_update[] = {
	{ F_OPEN, 0, 0, "link_update", NULL, NULL }, FD(0, "link_fd"), FD(4, "new_prog_fd"),
	{ F_FLAGS, 8, 0, "flags", lt_x_bpf_attach_flags, NULL },
	{ F_FD_IF_REPLACE, 12, 0, "old_prog_fd", NULL, NULL }, END };
static const struct lt_bpf_field lt_bpf_query[] = {
	OF(F_OPEN, 0, "query"), FD(0, "target_fd"),
	{ F_XVAL, 4, 0, "attach_type", lt_x_bpf_attach_type, "BPF_???" },
	{ F_FLAGS, 8, 0, "query_flags", lt_x_bpf_query_flags, NULL },
	{ F_FLAGS, 12, 0, "attach_flags", lt_x_bpf_attach_flags, NULL }, OF(F_EXIT, 0, NULL),
	OF(F_PROG_IDS, 16, "prog_ids"), OF(F_U32_CHG, 24, "prog_cnt"), END };
static const struct lt_bpf_field lt_bpf_raw_tp[] = {
	OF(F_OPEN, 0, "raw_tracepoint"), OF(F_TP_NAME, 0, "name"), FD(8, "prog_fd"), END };
static const struct lt_bpf_field lt_bpf_btf_load[] = {
	OF(F_BTF, 0, "btf"), ADDR(8, "btf_log_buf"), U32(16, "btf_size"), U32(20, "btf_log_size"),
	U32(24, "btf_log_level"), END };
static const struct lt_bpf_field lt_bpf_task_fd_query[] = {
	OF(F_OPEN, 0, "task_fd_query"), OF(F_D32, 0, "pid"), FD(4, "fd"), U32(8, "flags"),
	OF(F_U32_CHG, 12, "buf_len"), OF(F_EXIT, 0, NULL), OF(F_TASK_BUF, 16, "buf"),
	U32(24, "prog_id"), { F_XVAL, 28, 0, "fd_type", lt_x_bpf_task_fd_type, "BPF_FD_TYPE_???" },
	OF(F_X64, 32, "probe_offset"), OF(F_X64, 40, "probe_addr"), END };
static const struct lt_bpf_field lt_bpf_lookup_batch[] = {
	OF(F_OPEN, 0, "batch"), ADDR(0, "in_batch"), ADDR(8, "out_batch"), ADDR(16, "keys"),
	ADDR(24, "values"), U32(32, "count"), FD(36, "map_fd"), ELEM_FLAGS(40),
	OF(F_X64, 48, "flags"), END };
static const struct lt_bpf_field lt_bpf_update_batch[] = {
	OF(F_OPEN, 0, "batch"), ADDR(16, "keys"), ADDR(24, "values"), U32(32, "count"),
	FD(36, "map_fd"), ELEM_FLAGS(40), OF(F_X64, 48, "flags"), END };
static const struct lt_bpf_field lt_bpf_delete_batch[] = {
	OF(F_OPEN, 0, "batch"), ADDR(16, "keys"), U32(32, "count"), FD(36, "map_fd"),
	ELEM_FLAGS(40), OF(F_X64, 48, "flags"), END };
#undef OF
#undef ELEM_FLAGS
#undef FD
#undef U32
#undef ADDR
#undef GATE
#undef END

/* by command: the fields and the size of the layout strace 6.1 knows */
static const struct { const struct lt_bpf_field *f; uint8_t size; } lt_bpf_cmds[] = {
	[1] = { lt_bpf_lookup, 32 }, [2] = { lt_bpf_update, 32 }, [3] = { lt_bpf_delete, 16 },
	[4] = { lt_bpf_next_key, 24 }, [6] = { lt_bpf_obj_pin, 16 }, [7] = { lt_bpf_obj_pin, 16 },
	[8] = { lt_bpf_attach, 20 }, [9] = { lt_bpf_detach, 12 }, [10] = { lt_bpf_test_run, 76 },
	[11] = { lt_bpf_next_id, 12 }, [12] = { lt_bpf_next_id, 12 },
	[13] = { lt_bpf_prog_by_id, 12 }, [14] = { lt_bpf_map_by_id, 12 },
	[19] = { lt_bpf_btf_by_id, 4 }, [21] = { lt_bpf_lookup, 32 }, [22] = { lt_bpf_freeze, 4 },
	[23] = { lt_bpf_next_id, 12 }, [29] = { lt_bpf_link_update, 16 },
	[30] = { lt_bpf_link_by_id, 4 }, [31] = { lt_bpf_next_id, 12 },
	[16] = { lt_bpf_query, 28 }, [17] = { lt_bpf_raw_tp, 12 }, [18] = { lt_bpf_btf_load, 28 },
	[20] = { lt_bpf_task_fd_query, 48 }, [24] = { lt_bpf_lookup_batch, 56 },
	[25] = { lt_bpf_lookup_batch, 56 }, [26] = { lt_bpf_update_batch, 56 },
	[27] = { lt_bpf_delete_batch, 56 },
};

static uint64_t lt_bpf_mask(const struct lt_xlat *t)
{
	uint64_t m = 0;
	for (; t->name; t++)
		m |= t->val;
	return m;
}

/* the pointers of a, by field type: what they point to, as captured */
static void lt_bpf_field_ptr(struct lt_dctx *c, int i, const struct lt_bpf_field *f,
			     const uint8_t *a, const uint8_t *entry)
{
	uint64_t p = RD(uint64_t, a, f->off);
	uint32_t n;
	switch (f->type) {
	case F_PATH:
		lt_put_path(c, i, 5, p);
		return;
	case F_TP_NAME:
		lt_put_cstr(c, i, 6, p, 0);
		return;
	case F_BTF:
		n = RD(uint32_t, a, 16);
		if (lt_cap_get(c, i, 7, n < c->strsize ? n : c->strsize, NULL))
			lt_put_buf(c, i, 7, p, n);
		else
			lt_put_ptr(c, p);
		return;
	case F_TASK_BUF: /* as long as the shorter of buf_len before and after the call */
		n = RD(uint32_t, entry, 12) < RD(uint32_t, a, 12) ? RD(uint32_t, entry, 12)
								 : RD(uint32_t, a, 12);
		lt_put_cstr(c, i, 8, p, n && n < c->strsize ? n : 0);
		return;
	case F_PROG_IDS: /* strace reads nothing after a failed call */
		n = RD(uint32_t, a, 24);
		if (c->failed && p && n)
			lt_put_ptr(c, p);
		else
			lt_put_array(c, i, 9, p, n, 4, lt_put_u32_elem, NULL);
		return;
	}
}

static void lt_bpf_field_put(struct lt_dctx *c, int i, const struct lt_bpf_field *f,
			     const uint8_t *a, const uint8_t *entry, const uint8_t *out)
{
	uint32_t v = RD(uint32_t, a, f->off);
	switch (f->type) {
	case F_FD:
		lt_put_fd(c, (int32_t)v);
		break;
	case F_U32:
		lt_put_udec(c, v);
		break;
	case F_D32:
		lt_put_dec(c, (int32_t)v);
		break;
	case F_U64:
		lt_put_udec(c, RD(uint64_t, a, f->off));
		break;
	case F_X64:
		lt_put_hex(c, RD(uint64_t, a, f->off));
		break;
	case F_U32_CHG: /* before the call, then what it wrote */
		v = RD(uint32_t, entry, f->off);
		lt_put_udec(c, v);
		if (out && RD(uint32_t, out, f->off) != v)
			lt_sb_printf(SB(c), " => %u", RD(uint32_t, out, f->off));
		break;
	case F_ADDR:
		lt_put_ptr(c, RD(uint64_t, a, f->off));
		break;
	case F_FLAGS: /* unk: strace's comment when no bit is known, if not the names' prefix */
		if (f->unk && v && !(v & lt_bpf_mask(f->t)))
			lt_put_xlat(c, NULL, v, f->unk);
		else
			lt_put_flags(c, f->t, v);
		break;
	case F_XVAL:
		lt_put_xlat(c, f->t, v, f->unk);
		break;
	default:
		lt_bpf_field_ptr(c, i, f, a, entry);
	}
}

/* the fields of a table, cut where the size (len, at most the layout's) ends */
static void lt_bpf_fields(struct lt_dctx *c, int i, const struct lt_bpf_field *f,
			  const uint8_t *a, size_t len)
{
	/* as the call left it: len bytes, the rest 0 as strace reads it */
	uint8_t after[PROG_LOAD_SIZE] = { 0 };
	const uint8_t *out = c->done ? lt_cap_get(c, i, LT_CAP_SUB_SELF, len, NULL) : NULL;
	const uint8_t *entry = a;
	if (out)
		out = memcpy(after, out, len);
	int first = 1, open = 0;
	lt_sb_putc(SB(c), '{');
	for (; f->type != F_END || f->gate; f++) {
		if (f->type == F_END) {
			if (len <= f->off)
				break;
			continue;
		}
		if (f->type == F_EXIT) {
			a = out ? out : a;
			continue;
		}
		if (f->type == F_FD_IF_REPLACE && !(RD(uint32_t, a, 8) & 4))
			continue;
		lt_sb_printf(SB(c), "%s%s=", first ? "" : ", ", f->name);
		first = 0;
		if (f->type == F_OPEN) {
			lt_sb_putc(SB(c), '{');
			first = open = 1;
			continue;
		}
		lt_bpf_field_put(c, i, f->type == F_FD_IF_REPLACE ? &(struct lt_bpf_field){ F_FD, f->off,
				 0, f->name, NULL, NULL } : f, a, entry, out);
	}
	if (open)
		lt_sb_putc(SB(c), '}');
}

/* ---- BPF_LINK_CREATE: what follows the flags depends on the attach type ---- */

enum { SUB_ITER_INFO = 13, SUB_SYMS = 10, SUB_ADDRS = 11, SUB_COOKIES = 12, SUB_SYM0 = 16,
       SYMS_MAX = 16 };

static int lt_put_iter_info(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	(void)k;
	(void)opaque;
	lt_sb_puts(SB(c), "{map={map_fd=");
	lt_put_fd(c, RD(int32_t, e, 0));
	lt_sb_puts(SB(c), "}}");
	return 1;
}

static int lt_put_x64_elem(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	(void)k;
	(void)opaque;
	lt_put_hex(c, RD(uint64_t, e, 0));
	return 1;
}

static int lt_put_sym(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	int i = *(const int *)opaque;
	if (k < SYMS_MAX)
		lt_put_cstr(c, i, SUB_SYM0 + (unsigned)k, RD(uint64_t, e, 0), 0);
	else
		lt_put_ptr(c, RD(uint64_t, e, 0));
	return 1;
}

static void lt_bpf_kprobe_multi(struct lt_dctx *c, int i, const uint8_t *a)
{
	static const struct lt_xlat flags[] = { { 1, "BPF_F_KPROBE_MULTI_RETURN" }, { 0, 0 } };
	uint32_t f = RD(uint32_t, a, 16), n = RD(uint32_t, a, 20);
	lt_sb_puts(SB(c), ", kprobe_multi={flags=");
	if (f && !(f & 1))
		lt_put_xlat(c, NULL, f, "BPF_F_???");
	else
		lt_put_flags(c, flags, f);
	lt_sb_printf(SB(c), ", cnt=%u, syms=", n);
	lt_put_array(c, i, SUB_SYMS, RD(uint64_t, a, 24), n, 8, lt_put_sym, &i);
	lt_sb_puts(SB(c), ", addrs=");
	lt_put_array(c, i, SUB_ADDRS, RD(uint64_t, a, 32), n, 8, lt_put_x64_elem, NULL);
	lt_sb_puts(SB(c), ", cookies=");
	lt_put_array(c, i, SUB_COOKIES, RD(uint64_t, a, 40), n, 8, lt_put_x64_elem, NULL);
	lt_sb_putc(SB(c), '}');
}

/* returns the size of the layout strace knows for this attach type (its attr_size) */
static size_t lt_bpf_link_create(struct lt_dctx *c, int i, const uint8_t *a, size_t len)
{
	lt_sb_puts(SB(c), "{link_create={prog_fd=");
	lt_put_fd(c, RD(int32_t, a, 0));
	lt_field(c, "target_fd");
	lt_put_fd(c, RD(int32_t, a, 4));
	lt_field(c, "attach_type");
	lt_put_xlat(c, lt_x_bpf_attach_type, RD(uint32_t, a, 8), "BPF_???");
	lt_field(c, "flags");
	lt_put_hex(c, RD(uint32_t, a, 12));
	size_t known = 48;
	if (len > 16) {
		switch (RD(uint32_t, a, 8)) {
		case 0:
			if (RD(uint32_t, a, 16))
				lt_field_u(c, "target_btf_id", RD(uint32_t, a, 16));
			known = 20;
			break;
		case 28: /* BPF_TRACE_ITER */
			lt_field(c, "iter_info");
			lt_put_array(c, i, SUB_ITER_INFO, RD(uint64_t, a, 16), RD(uint32_t, a, 24), 4,
				     lt_put_iter_info, NULL);
			lt_field_u(c, "iter_info_len", RD(uint32_t, a, 24));
			known = 28;
			break;
		case 41: /* BPF_PERF_EVENT */
			lt_sb_puts(SB(c), ", perf_event={bpf_cookie=");
			lt_put_hex(c, RD(uint64_t, a, 16));
			lt_sb_putc(SB(c), '}');
			known = 24;
			break;
		case 42: /* BPF_TRACE_KPROBE_MULTI */
			lt_bpf_kprobe_multi(c, i, a);
			break;
		default:
			known = 16;
		}
	}
	lt_sb_putc(SB(c), '}');
	return known;
}

/* the batch commands: the count the call wrote back, after the attribute */
static void lt_bpf_batch_count(struct lt_dctx *c, int i, const uint8_t *a, size_t len)
{
	const uint8_t *out = c->done ? lt_cap_get(c, i, LT_CAP_SUB_SELF, len, NULL) : NULL;
	if (out && len >= 36 && RD(uint32_t, out, 32) != RD(uint32_t, a, 32))
		lt_sb_printf(SB(c), " => {batch={count=%u}}", RD(uint32_t, out, 32));
}

/* struct bpf_map_info, as the call filled it (-v) */
static void lt_bpf_map_info(struct lt_dctx *c, const uint8_t *d, uint32_t size)
{
	uint8_t m[MAP_INFO_SIZE] = { 0 };
	size_t len = size < MAP_INFO_SIZE ? size : MAP_INFO_SIZE;
	memcpy(m, d, len);
	lt_sb_puts(SB(c), "{type=");
	lt_put_xlat(c, lt_x_bpf_map_types, RD(uint32_t, m, 0), "BPF_MAP_TYPE_???");
	lt_field_u(c, "id", RD(uint32_t, m, 4));
	lt_field_u(c, "key_size", RD(uint32_t, m, 8));
	lt_field_u(c, "value_size", RD(uint32_t, m, 12));
	lt_field_u(c, "max_entries", RD(uint32_t, m, 16));
	lt_field(c, "map_flags");
	lt_put_flags(c, lt_x_bpf_map_flags, RD(uint32_t, m, 20));
	if (len > 24)
		lt_field_name(c, "name", m + 24, 16);
	if (len > 40) {
		lt_field(c, "ifindex");
		lt_put_ifindex(c, RD(uint32_t, m, 40));
		lt_field_u(c, "btf_vmlinux_value_type_id", RD(uint32_t, m, 44));
		lt_field(c, "netns_dev");
		lt_put_dev(c, RD(uint64_t, m, 48));
		lt_field_u(c, "netns_ino", RD(uint64_t, m, 56));
	}
	if (len > 64) {
		lt_field_u(c, "btf_id", RD(uint32_t, m, 64));
		lt_field_u(c, "btf_key_type_id", RD(uint32_t, m, 68));
		lt_field_u(c, "btf_value_type_id", RD(uint32_t, m, 72));
		lt_bpf_extra(c, d, size, MAP_INFO_SIZE);
	}
	lt_sb_putc(SB(c), '}');
}

/* strace's print_boottime: the wall-clock time of a CLOCK_BOOTTIME instant, by the
 * clocks' offset now (seconds only: the offset is approximate) */
static void lt_put_boottime(struct lt_dctx *c, uint64_t ns)
{
	struct timespec rt, bt;
	if (lt_st(c) == LT_XLAT_RAW || clock_gettime(CLOCK_BOOTTIME, &bt) ||
	    clock_gettime(CLOCK_REALTIME, &rt))
		return;
	int64_t off = ((int64_t)rt.tv_sec - bt.tv_sec) * 1000000000 + (rt.tv_nsec - bt.tv_nsec);
	int64_t t = (int64_t)(ns % 1000000000) + off % 1000000000;
	int64_t sec = (int64_t)(ns / 1000000000) + off / 1000000000 + (t >= 1000000000) - (t < 0);
	lt_put_time_comment(c, sec, 0);
}

/* "name=old => new" when the call changed it, else "name=new" */
static void lt_field_chg(struct lt_dctx *c, const char *name, uint64_t old, uint64_t now, int addr)
{
	lt_field(c, name);
	if (old != now) {
		if (addr)
			lt_put_ptr(c, old);
		else
			lt_sb_printf(SB(c), "%llu", (unsigned long long)old);
		lt_sb_puts(SB(c), " => ");
	}
	if (addr)
		lt_put_ptr(c, now);
	else
		lt_sb_printf(SB(c), "%llu", (unsigned long long)now);
}

static int lt_put_u32_elem(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	(void)k;
	(void)opaque;
	lt_sb_printf(SB(c), "%u", RD(uint32_t, e, 0));
	return 1;
}

#define U32(p, off) RD(uint32_t, p, off)
#define U64(p, off) RD(uint64_t, p, off)

/* from btf_id on (Linux 5.0 and later) */
static void lt_bpf_prog_info_tail(struct lt_dctx *c, const uint8_t *m, const uint8_t *o)
{
	lt_field_u(c, "btf_id", U32(m, 128));
	lt_field_chg(c, "func_info_rec_size", U32(o, 132), U32(m, 132), 0);
	lt_field(c, "func_info");
	lt_put_ptr(c, U64(m, 136));
	lt_field_chg(c, "nr_func_info", U32(o, 144), U32(m, 144), 0);
	lt_field_chg(c, "nr_line_info", U32(o, 148), U32(m, 148), 0);
	lt_field(c, "line_info");
	lt_put_ptr(c, U64(m, 152));
	lt_field_chg(c, "jited_line_info", U64(o, 160), U64(m, 160), 1);
	lt_field_chg(c, "nr_jited_line_info", U32(o, 168), U32(m, 168), 0);
	lt_field_chg(c, "line_info_rec_size", U32(o, 172), U32(m, 172), 0);
	lt_field_chg(c, "jited_line_info_rec_size", U32(o, 176), U32(m, 176), 0);
	lt_field_chg(c, "nr_prog_tags", U32(o, 180), U32(m, 180), 0);
	lt_field(c, "prog_tags");
	lt_put_ptr(c, U64(m, 184));
}

/* struct bpf_prog_info after the call (m), with what the call changed from before it
 * (o: zeros when that could not be read), as strace 6.1 prints it */
static void lt_bpf_prog_info(struct lt_dctx *c, int i, const uint8_t *d, uint32_t size)
{
	uint8_t m[PROG_INFO_SIZE] = { 0 }, o[PROG_INFO_SIZE] = { 0 };
	size_t len = size < PROG_INFO_SIZE ? size : PROG_INFO_SIZE, olen = 0;
	const uint8_t *e = lt_cap_get(c, i, SUB_INFO_ENTRY, 0, &olen);
	memcpy(m, d, len);
	if (e)
		memcpy(o, e, olen < PROG_INFO_SIZE ? olen : PROG_INFO_SIZE);
	lt_sb_puts(SB(c), "{type=");
	lt_put_xlat(c, lt_x_bpf_prog_types, U32(m, 0), "BPF_PROG_TYPE_???");
	lt_field_u(c, "id", U32(m, 4));
	lt_field(c, "tag");
	int fh = c->force_hex;
	c->force_hex = 1;
	lt_put_quoted(c, m + 8, 8, 0);
	c->force_hex = fh;
	lt_field_chg(c, "jited_prog_len", U32(o, 16), U32(m, 16), 0);
	lt_field(c, "jited_prog_insns");
	lt_put_buf(c, i, SUB_JITED, U64(m, 24), U32(m, 16));
	lt_field_chg(c, "xlated_prog_len", U32(o, 20), U32(m, 20), 0);
	lt_field(c, "xlated_prog_insns");
	uint32_t nx = (U32(o, 20) < U32(m, 20) ? U32(o, 20) : U32(m, 20)) / 8;
	lt_put_array(c, i, SUB_XLATED, U64(m, 32), nx, 8, lt_put_ebpf_insn, NULL);
	if (len > 40) {
		lt_field_u(c, "load_time", U64(m, 40));
		lt_put_boottime(c, U64(m, 40));
		lt_field_u(c, "created_by_uid", U32(m, 48));
		lt_field_chg(c, "nr_map_ids", U32(o, 52), U32(m, 52), 0);
		lt_field(c, "map_ids");
		uint32_t nm = U32(o, 52) < U32(m, 52) ? U32(o, 52) : U32(m, 52);
		lt_put_array(c, i, SUB_MAP_IDS, U64(m, 56), nm, 4, lt_put_u32_elem, NULL);
		lt_field_name(c, "name", m + 64, 16);
	}
	if (len > 80) {
		lt_field(c, "ifindex");
		lt_put_ifindex(c, U32(m, 80));
		lt_field_u(c, "gpl_compatible", U32(m, 84) & 1);
		lt_field(c, "netns_dev");
		lt_put_dev(c, U64(m, 88));
		lt_field_u(c, "netns_ino", U64(m, 96));
	}
	if (len > 104) {
		lt_field_chg(c, "nr_jited_ksyms", U32(o, 104), U32(m, 104), 0);
		lt_field_chg(c, "nr_jited_func_lens", U32(o, 108), U32(m, 108), 0);
		lt_field_chg(c, "jited_ksyms", U64(o, 112), U64(m, 112), 1);
		lt_field_chg(c, "jited_func_lens", U64(o, 120), U64(m, 120), 1);
	}
	if (len > 128)
		lt_bpf_prog_info_tail(c, m, o);
	if (len > 192) {
		lt_field_u(c, "run_time_ns", U64(m, 192));
		lt_field_u(c, "run_cnt", U64(m, 200));
	}
	if (len > 208)
		lt_field_u(c, "recursion_misses", U64(m, 208));
	if (len > 216) {
		lt_field_u(c, "verified_insns", U32(m, 216));
		lt_bpf_extra(c, d, size, PROG_INFO_SIZE);
	}
	lt_sb_putc(SB(c), '}');
}

/* With -v, a map's or a prog's info as the call filled it (a descriptor the report saw
 * made by BPF_MAP_CREATE or BPF_PROG_LOAD: strace asks /proc); else the address. */
static void lt_bpf_info(struct lt_dctx *c, int i, int fd, uint64_t addr, uint32_t size)
{
	int anon = 0;
	const char *kind = c->fmt && c->fmt->fds ? lt_fdtab_get(c->fmt->fds, c->ev->pid, fd, &anon)
						 : NULL;
	const uint8_t *d = size && size <= 4096 ? lt_cap_get(c, i, SUB_INFO, size, NULL) : NULL;
	if (lt_verbose(c) && d && kind && !strcmp(kind, "anon_inode:bpf-map"))
		lt_bpf_map_info(c, d, size);
	else if (lt_verbose(c) && d && kind && !strcmp(kind, "anon_inode:bpf-prog"))
		lt_bpf_prog_info(c, i, d, size);
	else
		lt_put_ptr(c, addr);
}

/* {info={bpf_fd=, info_len=[ => new], info=...}}: the info is printed at exit only */
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
	const uint8_t *now = out ? out : a;
	lt_bpf_info(c, i, RD(int32_t, now, 0), RD(uint64_t, now, 8), RD(uint32_t, now, 4));
	lt_sb_putc(SB(c), '}');
}

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
	const struct lt_bpf_field *fields = cmd < sizeof lt_bpf_cmds / sizeof lt_bpf_cmds[0] ?
						    lt_bpf_cmds[cmd].f : NULL;
	size_t known = cmd == CMD_MAP_CREATE ? MAP_CREATE_SIZE : cmd == CMD_PROG_LOAD ? PROG_LOAD_SIZE
		       : cmd == CMD_OBJ_GET_INFO_BY_FD ? OBJ_GET_INFO_SIZE
		       : fields ? lt_bpf_cmds[cmd].size : 0;
	const uint8_t *d = (known || cmd == CMD_LINK_CREATE) && size && size <= 4096
				   ? lt_cap_get(c, i, LT_SUB_ENTRY, size, NULL) : NULL;
	(void)kind;
	if (!d) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	uint8_t a[PROG_LOAD_SIZE] = { 0 };
	if (cmd == CMD_LINK_CREATE)
		known = LINK_CREATE_SIZE;
	size_t len = size < known ? size : known;
	memcpy(a, d, len);
	if (cmd == CMD_LINK_CREATE)
		known = lt_bpf_link_create(c, i, a, len);
	else if (fields)
		lt_bpf_fields(c, i, fields, a, len);
	else if (cmd == CMD_MAP_CREATE)
		lt_bpf_map_create(c, a, len);
	else if (cmd == CMD_PROG_LOAD)
		lt_bpf_prog_load(c, i, a, len);
	else
		lt_bpf_obj_get_info(c, i, a);
	lt_bpf_extra(c, d, size, known);
	lt_sb_putc(SB(c), '}');
	if (cmd >= 24 && cmd <= 27)
		lt_bpf_batch_count(c, i, a, len);
}
