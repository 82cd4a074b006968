/* Device mapper ioctls: type 0xfd (strace's dm.c). struct dm_ioctl heads a buffer of
 * data_size bytes whose payload (target specs, strings, lists) starts at data_start; the
 * shim copies the buffer at entry (LT_SUB_ENTRY) and at exit, up to LT_DM_CAP bytes. */
#include <string.h>

#include "decode_ioctl.h"
#include "xlat/gen.h"

enum {
	DM_VERSION, DM_REMOVE_ALL, DM_LIST_DEVICES, DM_DEV_CREATE, DM_DEV_REMOVE, DM_DEV_RENAME,
	DM_DEV_SUSPEND, DM_DEV_STATUS, DM_DEV_WAIT, DM_TABLE_LOAD, DM_TABLE_CLEAR, DM_TABLE_DEPS,
	DM_TABLE_STATUS, DM_LIST_VERSIONS, DM_TARGET_MSG, DM_DEV_SET_GEOMETRY, DM_DEV_ARM_POLL,
	DM_HDR = 305, /* offsetof(struct dm_ioctl, data) */
	DM_SUSPEND_FLAG = 2, DM_DATA_OUT_FLAG = 1 << 16,
};

/* strace's dm_flags (DM_EXISTS_FLAG is lvm2's) */
static const struct lt_xlat lt_x_dm_flags[] = {
	{ 1, "DM_READONLY_FLAG" }, { 2, "DM_SUSPEND_FLAG" }, { 4, "DM_EXISTS_FLAG" },
	{ 8, "DM_PERSISTENT_DEV_FLAG" }, { 0x10, "DM_STATUS_TABLE_FLAG" },
	{ 0x20, "DM_ACTIVE_PRESENT_FLAG" }, { 0x40, "DM_INACTIVE_PRESENT_FLAG" },
	{ 0x100, "DM_BUFFER_FULL_FLAG" }, { 0x200, "DM_SKIP_BDGET_FLAG" },
	{ 0x400, "DM_SKIP_LOCKFS_FLAG" }, { 0x800, "DM_NOFLUSH_FLAG" },
	{ 0x1000, "DM_QUERY_INACTIVE_TABLE_FLAG" }, { 0x2000, "DM_UEVENT_GENERATED_FLAG" },
	{ 0x4000, "DM_UUID_FLAG" }, { 0x8000, "DM_SECURE_DATA_FLAG" },
	{ 0x10000, "DM_DATA_OUT_FLAG" }, { 0x20000, "DM_DEFERRED_REMOVE" },
	{ 0x40000, "DM_INTERNAL_SUSPEND_FLAG" }, { 0x80000, "DM_IMA_MEASUREMENT_FLAG" }, { 0, 0 }
};

/* the buffer as copied: have bytes of it at d, from the address addr */
struct lt_dm {
	struct lt_dctx *c;
	const uint8_t *d;
	size_t have;
	uint64_t addr;
	unsigned code;
	int exiting;
	uint32_t size, start, count, flags;
};

static int lt_dm_abbrev(struct lt_dm *m) { return !lt_verbose(m->c); }

/* strace's printstr_ex(addr + off, len, QUOTE_0_TERMINATED) over the copy */
static void lt_dm_str(struct lt_dm *m, uint64_t off, uint64_t len)
{
	struct lt_dctx *c = m->c;
	uint64_t s = c->strsize, n = len < s + 1 ? len : s + 1, size = len < s ? len : s;
	if (off + n > m->have) {
		lt_put_ptr(c, m->addr + off);
		return;
	}
	const uint8_t *p = m->d + off;
	size_t k = strnlen((const char *)p, size);
	lt_put_quoted(c, p, k, k == size && len && !(len > s && p[s] == 0));
}

/* ", ??? / * misplaced WHAT * /" */
static void lt_dm_misplaced(struct lt_dm *m, const char *what)
{
	lt_sb_printf(SB(m->c), "??? /* misplaced %s */", what);
}

/* whether a structure of n bytes at off was copied; its address printed if not */
static int lt_dm_read(struct lt_dm *m, uint64_t off, uint64_t n)
{
	if (off + n <= m->have)
		return 1;
	lt_put_ptr(m->c, m->addr + off);
	return 0;
}

static void lt_dm_target_specs(struct lt_dm *m)
{
	struct lt_dctx *c = m->c;
	uint32_t off = m->start, end = 0;
	if (lt_dm_abbrev(m)) {
		if (m->count)
			lt_sb_puts(SB(c), ", ...");
		return;
	}
	for (uint32_t i = 0; i < m->count; i++) {
		lt_sb_puts(SB(c), ", ");
		if (i && off <= end)
			return lt_dm_misplaced(m, "struct dm_target_spec");
		end = off + 40;
		if (end <= off || end > m->size)
			return lt_dm_misplaced(m, "struct dm_target_spec");
		if (i >= c->strsize) {
			lt_sb_puts(SB(c), "...");
			return;
		}
		if (!lt_dm_read(m, off, 40))
			return;
		const uint8_t *s = m->d + off;
		lt_sb_printf(SB(c), "{sector_start=%llu, length=%llu",
			     (unsigned long long)RD(uint64_t, s, 0), (unsigned long long)RD(uint64_t, s, 8));
		if (m->exiting)
			lt_sb_printf(SB(c), ", status=%d", RD(int32_t, s, 16));
		lt_sb_puts(SB(c), ", target_type=");
		lt_ioctl_cstring(c, s + 24, 16);
		lt_sb_puts(SB(c), ", string=");
		lt_dm_str(m, end, m->size - end);
		lt_sb_putc(SB(c), '}');
		off = m->exiting ? m->start + RD(uint32_t, s, 20) : off + RD(uint32_t, s, 20);
	}
}

static void lt_dm_target_deps(struct lt_dm *m)
{
	struct lt_dctx *c = m->c;
	if (m->start == m->size)
		return;
	lt_sb_puts(SB(c), ", ");
	if (lt_dm_abbrev(m)) {
		lt_sb_puts(SB(c), "...");
		return;
	}
	uint32_t off = m->start, end = off + 8;
	if (end <= off || end > m->size)
		return lt_dm_misplaced(m, "struct dm_target_deps");
	if (!lt_dm_read(m, off, 8))
		return;
	uint32_t n = RD(uint32_t, m->d, off);
	if (n > (m->size - end) / 8)
		return lt_dm_misplaced(m, "struct dm_target_deps");
	lt_sb_printf(SB(c), "{count=%u, deps=[", n);
	for (uint32_t k = 0; k < n; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		if (k >= c->strsize && !lt_verbose(c)) {
			lt_sb_puts(SB(c), "...");
			break;
		}
		if (!lt_dm_read(m, end + k * 8ull, 8))
			break;
		lt_put_dev(c, RD(uint64_t, m->d, end + k * 8ull));
	}
	lt_sb_puts(SB(c), "]}");
}

/* LIST_DEVICES' dm_name_list and LIST_VERSIONS' dm_target_versions: chained by next */
static void lt_dm_list(struct lt_dm *m, int versions)
{
	struct lt_dctx *c = m->c;
	const uint32_t hdr = versions ? 16 : 12;
	uint32_t off = m->start, end = 0;
	const char *what = versions ? "struct dm_target_versions" : "struct dm_name_list";
	if (m->start == m->size)
		return;
	if (lt_dm_abbrev(m)) {
		lt_sb_puts(SB(c), ", ...");
		return;
	}
	for (uint32_t k = 0;; k++) {
		lt_sb_puts(SB(c), ", ");
		if (k && off <= end)
			return lt_dm_misplaced(m, what);
		end = off + hdr;
		if (end <= off || end > m->size)
			return lt_dm_misplaced(m, what);
		if (k >= c->strsize) {
			lt_sb_puts(SB(c), "...");
			return;
		}
		if (!lt_dm_read(m, off, hdr))
			return;
		const uint8_t *s = m->d + off;
		uint32_t next = RD(uint32_t, s, versions ? 0 : 8);
		if (versions) {
			lt_sb_puts(SB(c), "{name=");
			lt_dm_str(m, end, m->size - end);
			lt_sb_printf(SB(c), ", version=[%u, %u, %u]}", RD(uint32_t, s, 4),
				     RD(uint32_t, s, 8), RD(uint32_t, s, 12));
		} else {
			lt_sb_puts(SB(c), "{dev=");
			lt_put_dev(c, RD(uint64_t, s, 0));
			lt_sb_puts(SB(c), ", name=");
			lt_dm_str(m, end, m->size - end);
			lt_sb_putc(SB(c), '}');
		}
		if (!next)
			return;
		off += next;
	}
}

static void lt_dm_target_msg(struct lt_dm *m)
{
	struct lt_dctx *c = m->c;
	if (m->start == m->size)
		return;
	lt_sb_puts(SB(c), ", ");
	if (lt_dm_abbrev(m)) {
		lt_sb_puts(SB(c), "...");
		return;
	}
	uint32_t off = m->start, end = off + 8;
	if (end <= off || end > m->size)
		return lt_dm_misplaced(m, "struct dm_target_msg");
	if (!lt_dm_read(m, off, 8))
		return;
	lt_sb_printf(SB(c), "{sector=%llu, message=", (unsigned long long)RD(uint64_t, m->d, off));
	lt_dm_str(m, end, m->size - end);
	lt_sb_putc(SB(c), '}');
}

static void lt_dm_string(struct lt_dm *m)
{
	struct lt_dctx *c = m->c;
	lt_sb_puts(SB(c), ", ");
	if (lt_dm_abbrev(m)) {
		lt_sb_puts(SB(c), "...");
	} else if (m->start <= m->size) {
		lt_sb_puts(SB(c), "{string=");
		lt_dm_str(m, m->start, m->size - m->start);
		lt_sb_putc(SB(c), '}');
	} else {
		lt_dm_misplaced(m, "string");
	}
}

static void lt_dm_payload(struct lt_dm *m)
{
	int ok = lt_ok(m->c);
	switch (m->code) {
	case DM_DEV_WAIT: case DM_TABLE_STATUS:
		if (m->exiting && ok)
			lt_dm_target_specs(m);
		break;
	case DM_TABLE_LOAD:
		if (!m->exiting)
			lt_dm_target_specs(m);
		break;
	case DM_TABLE_DEPS:
		if (m->exiting && ok)
			lt_dm_target_deps(m);
		break;
	case DM_LIST_DEVICES: case DM_LIST_VERSIONS:
		if (m->exiting && ok)
			lt_dm_list(m, m->code == DM_LIST_VERSIONS);
		break;
	case DM_TARGET_MSG:
		if (!m->exiting)
			lt_dm_target_msg(m);
		else if (ok && m->flags & DM_DATA_OUT_FLAG)
			lt_dm_string(m);
		break;
	case DM_DEV_RENAME: case DM_DEV_SET_GEOMETRY:
		if (!m->exiting)
			lt_dm_string(m);
		break;
	}
}

/* the values strace shows by request: at entry what the call takes, after a success the
 * table's counts */
static void lt_dm_values(struct lt_dm *m)
{
	struct lt_dctx *c = m->c;
	const uint8_t *d = m->d;
	unsigned code = m->code;
	if (!m->exiting) {
		if (code == DM_TABLE_LOAD)
			lt_sb_printf(SB(c), ", target_count=%u", m->count);
		else if ((code == DM_DEV_SUSPEND && !(m->flags & DM_SUSPEND_FLAG)) ||
			 code == DM_DEV_RENAME || code == DM_DEV_REMOVE || code == DM_DEV_WAIT)
			lt_sb_printf(SB(c), ", event_nr=%u", RD(uint32_t, d, 32));
	} else if (lt_ok(c) && (code == DM_DEV_CREATE || code == DM_DEV_RENAME ||
				code == DM_DEV_SUSPEND || code == DM_DEV_STATUS ||
				code == DM_DEV_WAIT || code == DM_TABLE_LOAD ||
				code == DM_TABLE_CLEAR || code == DM_TABLE_DEPS ||
				code == DM_TABLE_STATUS || code == DM_TARGET_MSG)) {
		lt_sb_printf(SB(c), ", target_count=%u, open_count=%u, event_nr=%u", m->count,
			     RD(uint32_t, d, 24), RD(uint32_t, d, 32));
	}
}

/* "[{header}, payload...]" */
static void lt_dm_ioctl(struct lt_dm *m)
{
	struct lt_dctx *c = m->c;
	const uint8_t *d = m->d;
	unsigned code = m->code;
	lt_sb_printf(SB(c), "[{version=[%u, %u, %u]", RD(uint32_t, d, 0), RD(uint32_t, d, 4),
		     RD(uint32_t, d, 8));
	if (RD(uint32_t, d, 0) != 4) {
		lt_sb_puts(SB(c), " /* unsupported device mapper ABI version */}]");
		return;
	}
	lt_sb_printf(SB(c), ", data_size=%u", m->size);
	if (m->size < DM_HDR) {
		lt_sb_puts(SB(c), " /* data_size too small */}]");
		return;
	}
	if (code != DM_VERSION && code != DM_REMOVE_ALL && code != DM_DEV_CREATE &&
	    code != DM_DEV_REMOVE && code != DM_DEV_SUSPEND && code != DM_DEV_STATUS &&
	    code != DM_TABLE_CLEAR && code != DM_DEV_ARM_POLL)
		lt_sb_printf(SB(c), ", data_start=%u", m->start);
	if (code != DM_REMOVE_ALL && code != DM_LIST_DEVICES && code != DM_LIST_VERSIONS) {
		if (RD(uint64_t, d, 40)) {
			lt_sb_puts(SB(c), ", dev=");
			lt_put_dev(c, RD(uint64_t, d, 40));
		}
		if (d[48]) {
			lt_sb_puts(SB(c), ", name=");
			lt_ioctl_cstring(c, d + 48, 128);
		}
		if (d[176]) {
			lt_sb_puts(SB(c), ", uuid=");
			lt_ioctl_cstring(c, d + 176, 129);
		}
	}
	lt_dm_values(m);
	lt_sb_puts(SB(c), ", flags=");
	lt_put_flags(c, lt_x_dm_flags, m->flags);
	lt_sb_putc(SB(c), '}');
	lt_dm_payload(m);
	lt_sb_putc(SB(c), ']');
}

/* the copy at entry or exit, NULL where strace would not decode it */
static const uint8_t *lt_dm_get(struct lt_dctx *c, unsigned sub, struct lt_dm *m, int exiting)
{
	size_t have = 0;
	const uint8_t *d = lt_cap_get(c, 2, sub, DM_HDR, &have);
	if (!d || RD(uint32_t, d, 12) < 12)
		return NULL;
	*m = (struct lt_dm){ c, d, have, c->ev->args[2], 0, exiting, RD(uint32_t, d, 12),
			     RD(uint32_t, d, 16), RD(uint32_t, d, 20), RD(uint32_t, d, 28) };
	return d;
}

int lt_ioctl_dm(struct lt_args *a, uint32_t req)
{
	struct lt_dctx *c = a->c;
	struct lt_dm in, out;
	if ((req & ~0xffu) != 0xc138fd00u || (req & 0xff) > DM_DEV_ARM_POLL)
		return 0;
	lt_next(a);
	if (!lt_dm_get(c, LT_SUB_ENTRY, &in, 0)) {
		lt_put_ptr(c, c->ev->args[2]);
		lt_done(a);
		return 1;
	}
	in.code = out.code = req & 0xff;
	lt_dm_ioctl(&in);
	if (c->done && lt_dm_get(c, LT_CAP_SUB_SELF, &out, 1)) {
		out.code = in.code;
		int changed = memcmp(in.d, out.d, 20) || in.flags != out.flags;
		if (lt_ok(c) || changed) {
			lt_sb_puts(SB(c), " => ");
			lt_dm_ioctl(&out);
		}
	}
	lt_done(a);
	return 1;
}
