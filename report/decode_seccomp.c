/* seccomp's arguments and the classic BPF programs of seccomp filters, as strace 6.1
 * prints them (its seccomp.c, bpf_filter.c, bpf_seccomp_filter.c): the flags named for
 * SECCOMP_SET_MODE_FILTER only; a struct sock_fprog as {len, filter}, the filter as its
 * address unless -v, then as BPF_STMT/BPF_JUMP; the action of SECCOMP_GET_ACTION_AVAIL;
 * the sizes of SECCOMP_GET_NOTIF_SIZES. prctl(PR_SET_SECCOMP) prints its filter here too.
 * The shim copies the sock_fprog (SELF) and its instructions (sub 0, up to BPF_MAXINSNS
 * + 1 of them) before the call: a filter that forbids rt_sigreturn ends the thread's
 * tracing before it is installed (lib/lt_capture.c). */
#include "xlat.h"
#include "xlat/gen.h"
#include "decode_struct.h"

enum { OP_STRICT = 0, OP_FILTER = 1, OP_ACTION_AVAIL = 2, OP_NOTIF_SIZES = 3, MAXINSNS = 4096 };

static const struct lt_xlat lt_x_seccomp_ret_action[] = {
	{ 0x80000000u, "SECCOMP_RET_KILL_PROCESS" }, { 0, "SECCOMP_RET_KILL_THREAD" },
	{ 0x30000u, "SECCOMP_RET_TRAP" }, { 0x50000u, "SECCOMP_RET_ERRNO" },
	{ 0x7fc00000u, "SECCOMP_RET_USER_NOTIF" }, { 0x7ff00000u, "SECCOMP_RET_TRACE" },
	{ 0x7ffc0000u, "SECCOMP_RET_LOG" }, { 0x7fff0000u, "SECCOMP_RET_ALLOW" }, { 0, 0 } };
static const struct lt_xlat lt_x_bpf_class[] = {
	{ 0, "BPF_LD" }, { 1, "BPF_LDX" }, { 2, "BPF_ST" }, { 3, "BPF_STX" }, { 4, "BPF_ALU" },
	{ 5, "BPF_JMP" }, { 6, "BPF_RET" }, { 7, "BPF_MISC" }, { 0, 0 } };
static const struct lt_xlat lt_x_bpf_size[] = {
	{ 0, "BPF_W" }, { 0x08, "BPF_H" }, { 0x10, "BPF_B" }, { 0x18, "BPF_DW" }, { 0, 0 } };
static const struct lt_xlat lt_x_bpf_mode[] = {
	{ 0, "BPF_IMM" }, { 0x20, "BPF_ABS" }, { 0x40, "BPF_IND" }, { 0x60, "BPF_MEM" },
	{ 0x80, "BPF_LEN" }, { 0xa0, "BPF_MSH" }, { 0xc0, "BPF_XADD" }, { 0, 0 } };
static const struct lt_xlat lt_x_bpf_src[] = { { 0, "BPF_K" }, { 0x08, "BPF_X" }, { 0, 0 } };
static const struct lt_xlat lt_x_bpf_rval[] = {
	{ 0, "BPF_K" }, { 0x08, "BPF_X" }, { 0x10, "BPF_A" }, { 0, 0 } };
static const struct lt_xlat lt_x_bpf_miscop[] = { { 0, "BPF_TAX" }, { 0x80, "BPF_TXA" }, { 0, 0 } };
static const struct lt_xlat lt_x_bpf_op_alu[] = {
	{ 0, "BPF_ADD" }, { 0x10, "BPF_SUB" }, { 0x20, "BPF_MUL" }, { 0x30, "BPF_DIV" },
	{ 0x40, "BPF_OR" }, { 0x50, "BPF_AND" }, { 0x60, "BPF_LSH" }, { 0x70, "BPF_RSH" },
	{ 0x80, "BPF_NEG" }, { 0x90, "BPF_MOD" }, { 0xa0, "BPF_XOR" }, { 0xb0, "BPF_MOV" },
	{ 0xc0, "BPF_ARSH" }, { 0xd0, "BPF_END" }, { 0, 0 } };
static const struct lt_xlat lt_x_bpf_op_jmp[] = {
	{ 0, "BPF_JA" }, { 0x10, "BPF_JEQ" }, { 0x20, "BPF_JGT" }, { 0x30, "BPF_JGE" },
	{ 0x40, "BPF_JSET" }, { 0x50, "BPF_JNE" }, { 0x60, "BPF_JSGT" }, { 0x70, "BPF_JSGE" },
	{ 0x80, "BPF_CALL" }, { 0x90, "BPF_EXIT" }, { 0xa0, "BPF_JLT" }, { 0xb0, "BPF_JLE" },
	{ 0xc0, "BPF_JSLT" }, { 0xd0, "BPF_JSLE" }, { 0, 0 } };

/* eBPF's names where they differ (strace's ebpf_class, ebpf_mode) */
static const struct lt_xlat lt_x_ebpf_class[] = {
	{ 0, "BPF_LD" }, { 1, "BPF_LDX" }, { 2, "BPF_ST" }, { 3, "BPF_STX" }, { 4, "BPF_ALU" },
	{ 5, "BPF_JMP" }, { 6, "BPF_JMP32" }, { 7, "BPF_ALU64" }, { 0, 0 } };
static const struct lt_xlat lt_x_ebpf_mode[] = {
	{ 0, "BPF_IMM" }, { 0x20, "BPF_ABS" }, { 0x40, "BPF_IND" }, { 0x60, "BPF_MEM" },
	{ 0xc0, "BPF_XADD" }, { 0, 0 } };

/* bits of an opcode no table named: "|0x7 / * BPF_??? * /" */
static void lt_bpf_rest(struct lt_dctx *c, unsigned v)
{
	if (!v)
		return;
	lt_sb_putc(SB(c), '|');
	lt_put_xlat(c, NULL, v, "BPF_???");
}

static void lt_bpf_or(struct lt_dctx *c, const struct lt_xlat *t, unsigned v)
{
	lt_sb_putc(SB(c), '|');
	lt_put_xlat(c, t, v, "BPF_???");
}

/* strace's print_bpf_filter_code: classic BPF, or eBPF when extended */
void lt_put_bpf_code(struct lt_dctx *c, unsigned code, int extended)
{
	unsigned cls = code & 7, rest = code & ~7u;
	lt_put_xlat(c, extended ? lt_x_ebpf_class : lt_x_bpf_class, cls, "BPF_???");
	switch (cls) {
	case 2: case 3: /* BPF_ST, BPF_STX: as loads in eBPF */
		if (!extended) {
			lt_bpf_rest(c, rest);
			return;
		}
		/* fall through */
	case 0: case 1: /* BPF_LD, BPF_LDX */
		lt_bpf_or(c, lt_x_bpf_size, code & 0x18);
		lt_bpf_or(c, extended ? lt_x_ebpf_mode : lt_x_bpf_mode, code & 0xe0);
		return;
	case 7: /* BPF_MISC; BPF_ALU64 in eBPF */
		if (!extended) {
			lt_bpf_or(c, lt_x_bpf_miscop, code & 0xf8);
			lt_bpf_rest(c, rest & ~0xf8u);
			return;
		}
		/* fall through */
	case 4: /* BPF_ALU */
		lt_bpf_or(c, lt_x_bpf_src, code & 0x08);
		lt_bpf_or(c, lt_x_bpf_op_alu, code & 0xf0);
		return;
	case 5: /* BPF_JMP */
		lt_bpf_or(c, lt_x_bpf_src, code & 0x08);
		lt_bpf_or(c, lt_x_bpf_op_jmp, code & 0xf0);
		return;
	case 6: /* BPF_RET; BPF_JMP32 in eBPF, whose bits strace leaves unnamed */
		if (!extended) {
			lt_bpf_or(c, lt_x_bpf_rval, code & 0x18);
			rest &= ~0x18u;
		}
		lt_bpf_rest(c, rest);
		return;
	}
}

/* one instruction: BPF_JUMP when it jumps, else BPF_STMT with a return's action named */
static int lt_put_bpf_insn(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	unsigned code = RD(uint16_t, e, 0), jt = e[2], jf = e[3];
	uint32_t K = RD(uint32_t, e, 4);
	(void)opaque;
	if (k >= MAXINSNS) {
		lt_sb_puts(SB(c), "...");
		return 0;
	}
	lt_sb_puts(SB(c), jt || jf ? "BPF_JUMP(" : "BPF_STMT(");
	lt_put_bpf_code(c, code, 0);
	lt_sb_puts(SB(c), ", ");
	if (jt || jf) {
		lt_put_hex(c, K);
		lt_sb_puts(SB(c), ", ");
		lt_put_hex(c, jt);
		lt_sb_puts(SB(c), ", ");
		lt_put_hex(c, jf);
	} else if ((code & 7) == 6) { /* BPF_RET: SECCOMP_RET_ action | data */
		uint32_t action = K & 0xffff0000u, data = K & ~action;
		lt_put_xlat(c, lt_x_seccomp_ret_action, action, "SECCOMP_RET_???");
		if (data) {
			lt_sb_putc(SB(c), '|');
			lt_put_hex(c, data);
		}
	} else {
		lt_put_hex(c, K);
	}
	lt_sb_putc(SB(c), ')');
	return 1;
}

/* struct sock_fprog at argument i: {len=N, filter=...}, the address when unread */
void lt_put_seccomp_fprog(struct lt_dctx *c, int i)
{
	const uint8_t *d = lt_cap_get(c, i, LT_CAP_SUB_SELF, 16, NULL);
	if (!d) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	unsigned len = RD(uint16_t, d, 0);
	uint64_t filter = RD(uint64_t, d, 8);
	lt_sb_printf(SB(c), "{len=%u, filter=", len);
	if (lt_verbose(c))
		lt_put_array(c, i, 0, filter, len, 8, lt_put_bpf_insn, NULL);
	else
		lt_put_ptr(c, filter);
	lt_sb_putc(SB(c), '}');
}

void lt_put_seccomp_flags(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	if ((uint32_t)c->ev->args[0] == OP_FILTER)
		lt_put_flags(c, lt_x_seccomp_filter_flags, (uint32_t)c->ev->args[i]);
	else
		lt_put_hex(c, (uint32_t)c->ev->args[i]);
}

void lt_put_seccomp_args(struct lt_dctx *c, int i, int kind)
{
	const uint8_t *d;
	(void)kind;
	switch ((uint32_t)c->ev->args[0]) {
	case OP_FILTER:
		lt_put_seccomp_fprog(c, i);
		return;
	case OP_ACTION_AVAIL:
		if ((d = lt_cap_get(c, i, LT_CAP_SUB_SELF, 4, NULL))) {
			lt_sb_putc(SB(c), '[');
			lt_put_xlat(c, lt_x_seccomp_ret_action, RD(uint32_t, d, 0), "SECCOMP_RET_???");
			lt_sb_putc(SB(c), ']');
			return;
		}
		break;
	case OP_NOTIF_SIZES:
		if ((d = lt_out(c, i, 6))) {
			lt_sb_printf(SB(c), "{seccomp_notif=%u, seccomp_notif_resp=%u, seccomp_data=%u}",
				     RD(uint16_t, d, 0), RD(uint16_t, d, 2), RD(uint16_t, d, 4));
			return;
		}
		break;
	}
	lt_put_ptr(c, c->ev->args[i]);
}
