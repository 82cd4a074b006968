/* Memory policy and residency: mbind's and set_mempolicy's modes, node masks,
 * move_pages' arrays, mincore's vector (strace's numa.c, mem.c). */
#include <stdio.h>
#include <string.h>

#include "lt_capture.h"
#include "lt_errno.h"
#include "decode_struct.h"
#include "xlat/gen.h"

/* strace's print_mode: a mode with MPOL_F_* flags prints as mode|flags when the mode
 * has a name, else as flags; mbind's mode is a whole long, set_mempolicy's an int. */
void lt_put_mpol_mode(struct lt_dctx *c, int i, int kind)
{
	static const struct lt_xlat mflags[] = { { 0x8000, "MPOL_F_STATIC_NODES" },
		{ 0x4000, "MPOL_F_RELATIVE_NODES" }, { 0x2000, "MPOL_F_NUMA_BALANCING" }, { 0, 0 } };
	uint64_t m = c->ev->args[i], fl, mode;
	if (kind != LT_K_MBIND_MODE)
		m = (uint32_t)m;
	fl = m & 0xe000;
	mode = m & ~(uint64_t)0xe000;
	const char *name = lt_xlat_name(lt_x_mpol_mode, mode);
	enum lt_xlat_style st = lt_st(c);
	if (!fl) {
		lt_put_xlat(c, lt_x_mpol_mode, m, "MPOL_???");
		return;
	}
	if (!name) {
		lt_put_flags(c, mflags, m);
		return;
	}
	if (st != LT_XLAT_ABBREV)
		lt_put_hex(c, m);
	if (st == LT_XLAT_RAW)
		return;
	struct lt_sb names = { 0 };
	int any = 0;
	lt_flags_names(&names, mflags, fl, &any);
	lt_sb_printf(SB(c), st == LT_XLAT_VERBOSE ? " /* %s|%s */" : "%s|%s", name, names.p);
	lt_sb_free(&names);
}

static int lt_elem_node_word(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	(void)k, (void)opaque;
	lt_sb_printf(SB(c), "%#016llx", (unsigned long long)RD(uint64_t, e, 0)); /* PRINT_VAL_0X */
	return 1;
}

/* strace's print_nodemask: (maxnode - 1) bits in longs; a mask written by the call
 * (get_mempolicy) only when it succeeded. */
void lt_put_nodemask(struct lt_dctx *c, int i, int kind)
{
	const struct lt_event *ev = c->ev;
	uint64_t addr = ev->args[i], maxnode = ev->args[i + 1 < 6 ? i + 1 : i];
	uint64_t words = (maxnode + 62) / 64;
	if (maxnode > UINT64_MAX - 62 || (maxnode && !words) ||
	    (kind == LT_K_NODEMASK_OUT && !lt_ok(c) && addr && words)) {
		lt_put_ptr(c, addr);
		return;
	}
	lt_put_array(c, i, LT_CAP_SUB_SELF, addr, words, 8, lt_elem_node_word, NULL);
}

void lt_put_mpol_mode_out(struct lt_dctx *c, const uint8_t *d)
{
	lt_sb_putc(SB(c), '[');
	lt_put_xlat(c, lt_x_mpol_mode, RD(uint32_t, d, 0), "MPOL_???");
	lt_sb_putc(SB(c), ']');
}

static int lt_elem_page_addr(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	(void)k, (void)opaque;
	lt_put_ptr(c, RD(uint64_t, e, 0));
	return 1;
}

/* strace's print_err(status, negated): a node, or a negated errno by name */
static int lt_elem_page_status(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	(void)k, (void)opaque;
	int32_t s = RD(int32_t, e, 0);
	const char *name = s < 0 && s > INT32_MIN ? lt_errno_name(-s) : NULL;
	enum lt_xlat_style st = lt_st(c);
	if (!name || st != LT_XLAT_ABBREV)
		lt_sb_printf(SB(c), "%d", s);
	if (name && st != LT_XLAT_RAW)
		lt_sb_printf(SB(c), st == LT_XLAT_VERBOSE ? " /* -%s */" : "-%s", name);
	return 1;
}

/* move_pages' pages (addresses), nodes (ints) and status (written: shown only when the
 * call succeeded), count elements each */
void lt_put_move_pages_arr(struct lt_dctx *c, int i, int kind)
{
	uint64_t addr = c->ev->args[i], n = c->ev->args[1];
	switch (kind) {
	case LT_K_PAGE_ADDRS:
		lt_put_array(c, i, LT_CAP_SUB_SELF, addr, n, 8, lt_elem_page_addr, NULL);
		return;
	case LT_K_NODE_IDS:
		lt_put_array(c, i, LT_CAP_SUB_SELF, addr, n, 4, lt_elem_int, NULL);
		return;
	}
	if (!lt_ok(c) && addr && n)
		lt_put_ptr(c, addr);
	else
		lt_put_array(c, i, LT_CAP_SUB_SELF, addr, n, 4, lt_elem_page_status, NULL);
}

static int lt_elem_mincore(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	(void)k, (void)opaque;
	lt_sb_printf(SB(c), "%u", e[0] & 1u);
	return 1;
}

/* mincore's vector: a byte for each page of length, written on success */
void lt_put_mincore_vec(struct lt_dctx *c, int i, int kind)
{
	uint64_t addr = c->ev->args[i], len = c->ev->args[1];
	(void)kind;
	if (!lt_ok(c) && addr)
		lt_put_ptr(c, addr);
	else
		lt_put_array(c, i, LT_CAP_SUB_SELF, addr, LT_MINCORE_PAGES(len), 1, lt_elem_mincore,
			     NULL);
}
