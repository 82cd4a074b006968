/* Mounting and swapping: mount's flags and the arguments they make meaningless, swapon's
 * flags and priority (strace's mount.c, swapon.c). */
#include <stdio.h>
#include <string.h>

#include "lt_capture.h"
#include "decode_struct.h"
#include "xlat/gen.h"

#define MS_MGC_VAL 0xc0ed0000u
#define MS_MGC_MSK 0xffff0000u

/* mount's flags without the old magic number in their high half */
static uint64_t lt_mount_flags(const struct lt_event *ev, int *magic)
{
	uint64_t f = ev->args[3];
	*magic = (f & MS_MGC_MSK) == MS_MGC_VAL;
	return *magic ? f & ~(uint64_t)MS_MGC_MSK : f;
}

void lt_put_mount_flags(struct lt_dctx *c, int i, int kind)
{
	int magic;
	uint64_t f = lt_mount_flags(c->ev, &magic);
	static const struct lt_xlat mgc[] = { { MS_MGC_VAL, "MS_MGC_VAL" }, { 0, 0 } };
	(void)i, (void)kind;
	if (magic) {
		lt_put_xlat(c, mgc, MS_MGC_VAL, "MS_???");
		if (f)
			lt_sb_putc(SB(c), '|');
	}
	if (f || !magic)
		lt_put_flags(c, lt_x_mount_flags, f);
}

/* the filesystem type is an address for a remount or a bind/move/propagation change,
 * the data an address for the latter */
void lt_put_mount_str(struct lt_dctx *c, int i, int kind)
{
	int magic;
	uint64_t f = lt_mount_flags(c->ev, &magic);
	int change = !(f & 0x20) && (f & (0x1000 | 0x2000 | 0x100000 | 0x40000 | 0x80000 | 0x20000));
	int ignore = i == 2 ? (f & 0x20) || change : change; /* MS_REMOUNT; BIND MOVE SHARED ... */
	(void)kind;
	if (ignore)
		lt_put_ptr(c, c->ev->args[i]);
	else
		lt_put_cstr(c, i, LT_CAP_SUB_SELF, c->ev->args[i], 0);
}

/* open_tree: its own flags and AT_* ones, in strace's order */
void lt_put_open_tree_flags(struct lt_dctx *c, int i, int kind)
{
	static const struct lt_xlat t[] = { { 1, "OPEN_TREE_CLONE" }, { 0x80000, "OPEN_TREE_CLOEXEC" },
		{ 0x100, "AT_SYMLINK_NOFOLLOW" }, { 0x200, "AT_REMOVEDIR" },
		{ 0x400, "AT_SYMLINK_FOLLOW" }, { 0x800, "AT_NO_AUTOMOUNT" },
		{ 0x1000, "AT_EMPTY_PATH" }, { 0x8000, "AT_RECURSIVE" }, { 0, 0 } };
	(void)kind;
	lt_put_flags_unk(c, t, (uint32_t)c->ev->args[i], "OPEN_TREE_???");
}

/* mount_setattr's struct mount_attr (size bytes, the part past the 32 this knows shown
 * when not zero); userns_fd is a descriptor only with MOUNT_ATTR_IDMAP */
void lt_put_mount_attr(struct lt_dctx *c, int i, int kind)
{
	uint64_t size = c->ev->args[i + 1];
	const uint8_t *d = size >= 32 ? lt_in(c, i, 32) : NULL;
	(void)kind;
	if (!d) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	uint64_t set = RD(uint64_t, d, 0), clr = RD(uint64_t, d, 8), fd = RD(uint64_t, d, 24);
	lt_sb_puts(SB(c), "{attr_set=");
	lt_put_flags(c, lt_x_mount_attr_attr, set);
	lt_sb_puts(SB(c), ", attr_clr=");
	lt_put_flags(c, lt_x_mount_attr_attr, clr);
	lt_sb_puts(SB(c), ", propagation=");
	lt_put_xlat(c, lt_x_mount_attr_propagation, RD(uint64_t, d, 16), "MS_???");
	lt_sb_puts(SB(c), ", userns_fd=");
	if (fd > INT32_MAX || !((set | clr) & 0x100000))
		lt_sb_printf(SB(c), "%llu", (unsigned long long)fd);
	else
		lt_put_fd(c, (int)fd);
	lt_put_nonzero_tail(c, i, 32, size);
	lt_sb_putc(SB(c), '}');
}

/* fsconfig (strace's fsconfig.c): the command says what key, value and aux are. Keys and
 * string values are read up to 256 bytes (LT_FSCONFIG_STR) */
enum { FSC_SET_FLAG, FSC_SET_STRING, FSC_SET_BINARY, FSC_SET_PATH, FSC_SET_PATH_EMPTY, FSC_SET_FD };

static void lt_put_fsconfig_str(struct lt_dctx *c, int i)
{
	size_t lim = c->strsize < LT_FSCONFIG_STR ? c->strsize : LT_FSCONFIG_STR;
	lt_put_cstr(c, i, LT_CAP_SUB_SELF, c->ev->args[i], lim);
}

void lt_put_fsconfig_arg(struct lt_dctx *c, int i, int kind)
{
	const struct lt_event *ev = c->ev;
	uint32_t cmd = (uint32_t)ev->args[1];
	int32_t aux = (int32_t)ev->args[4];
	(void)kind;
	if (i == 2 && cmd <= FSC_SET_FD) {
		lt_put_fsconfig_str(c, i);
	} else if (i == 3 && cmd == FSC_SET_STRING) {
		lt_put_fsconfig_str(c, i);
	} else if (i == 3 && (cmd == FSC_SET_PATH || cmd == FSC_SET_PATH_EMPTY)) {
		lt_put_path(c, i, LT_CAP_SUB_SELF, ev->args[i]);
	} else if (i == 3 && cmd == FSC_SET_BINARY && aux >= 0 && aux <= LT_FSCONFIG_BIN_MAX) {
		c->force_hex = 1;
		lt_put_buf(c, i, LT_CAP_SUB_SELF, ev->args[i], (uint64_t)aux);
		c->force_hex = 0;
	} else if (i == 4 && (cmd == FSC_SET_PATH || cmd == FSC_SET_PATH_EMPTY)) {
		lt_put_dirfd(c, aux);
	} else if (i == 4 && cmd == FSC_SET_FD) {
		lt_put_fd(c, aux);
	} else if (i == 4) {
		lt_sb_printf(SB(c), "%d", aux);
	} else {
		lt_put_ptr(c, ev->args[i]);
	}
}

/* swapon: SWAP_FLAG_* bits, then the priority in decimal */
void lt_put_swap_flags(struct lt_dctx *c, int i, int kind)
{
	static const struct lt_xlat swap_flags[] = { { 0x8000, "SWAP_FLAG_PREFER" },
		{ 0x10000, "SWAP_FLAG_DISCARD" }, { 0x20000, "SWAP_FLAG_DISCARD_ONCE" },
		{ 0x40000, "SWAP_FLAG_DISCARD_PAGES" }, { 0, 0 } };
	uint32_t f = (uint32_t)c->ev->args[i], prio = f & 0x7fff;
	(void)kind;
	f &= ~0x7fffu;
	if (f) {
		lt_put_flags(c, swap_flags, f);
		lt_sb_putc(SB(c), '|');
	}
	lt_sb_printf(SB(c), "%u", prio);
}
