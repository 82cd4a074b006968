/* perf_event_open's struct perf_event_attr, as strace 6.1 prints it (its perf.c): read at
 * entry (the call may rewrite size on E2BIG), as much of it as its size field says (the
 * first 48 bytes only, unless -v), the address when that much could not be read. The
 * shim copies up to 128 bytes at entry (lib/lt_capture.c, PERF_ATTR), and on E2BIG the
 * size the kernel wrote back (sub 0). */
#include <string.h>

#include "lt_capture.h"
#include "xlat.h"
#include "xlat/gen.h"

#define RD(T, p, off) ({ T v_; memcpy(&v_, (const uint8_t *)(p) + (off), sizeof v_); v_; })

enum { VER0 = 64, ATTR_MAX = 128, ABBREV_SIZE = 48 /* offsetof(wakeup_events) */ };

static const char *const lt_bit_names[] = {
	"disabled", "inherit", "pinned", "exclusive", "exclude_user", "exclude_kernel",
	"exclude_hv", "exclude_idle", "mmap", "comm", "freq", "inherit_stat", "enable_on_exec",
	"task", "watermark", NULL /* precise_ip: bits 15-16 */, NULL, "mmap_data",
	"sample_id_all", "exclude_host", "exclude_guest", "exclude_callchain_kernel",
	"exclude_callchain_user", "mmap2", "comm_exec", "use_clockid", "context_switch",
	"write_backward", "namespaces", "ksymbol", "bpf_event", "aux_output", "cgroup",
	"text_poke", "build_id", "inherit_thread", "remove_on_exec", "sigtrap",
};

static void lt_perf_config(struct lt_dctx *c, uint32_t type, uint64_t config)
{
	lt_sb_puts(c->sb, ", config=");
	switch (type) {
	case 0: /* PERF_TYPE_HARDWARE: PMU type << 32 | perf_hw_id */
		if (config >> 32)
			lt_sb_printf(c->sb, "%#llx<<32|", (unsigned long long)(config >> 32));
		lt_put_xlat(c, lt_x_perf_hw_id, (uint32_t)config, "PERF_COUNT_HW_???");
		return;
	case 1:
		lt_put_xlat(c, lt_x_perf_sw_id, config, "PERF_COUNT_SW_???");
		return;
	case 2:
		lt_put_udec(c, config);
		return;
	case 3: /* PERF_TYPE_HW_CACHE: EEEEEEEE00DDCCBB */
		if (config >> 32)
			lt_sb_printf(c->sb, "%#llx<<32|", (unsigned long long)(config >> 32));
		if ((uint32_t)config >> 24)
			lt_sb_printf(c->sb, "%#x<<24|", (uint32_t)config >> 24);
		lt_put_xlat(c, lt_x_perf_hw_cache_result, (config >> 16) & 0xff,
			    "PERF_COUNT_HW_CACHE_RESULT_???");
		lt_sb_puts(c->sb, "<<16|");
		lt_put_xlat(c, lt_x_perf_hw_cache_op, (config >> 8) & 0xff, "PERF_COUNT_HW_CACHE_OP_???");
		lt_sb_puts(c->sb, "<<8|");
		lt_put_xlat(c, lt_x_perf_hw_cache_id, config & 0xff, "PERF_COUNT_HW_CACHE_???");
		return;
	}
	lt_put_hex(c, config);
}

/* The fields past the first 48 bytes (-v), each only if size covers it. */
static void lt_perf_tail(struct lt_dctx *c, const uint8_t *a, uint32_t size, uint64_t bits)
{
	uint32_t type = RD(uint32_t, a, 0);
	uint64_t sample_type = RD(uint64_t, a, 24);
	int bp = type == 5;
	lt_sb_printf(c->sb, ", %s=%u", bits >> 14 & 1 ? "wakeup_watermark" : "wakeup_events",
		     RD(uint32_t, a, 48));
	if (bp) {
		static const struct lt_xlat bpt[] = { { 0, "HW_BREAKPOINT_EMPTY" },
			{ 1, "HW_BREAKPOINT_R" }, { 2, "HW_BREAKPOINT_W" }, { 3, "HW_BREAKPOINT_RW" },
			{ 4, "HW_BREAKPOINT_X" }, { 0, 0 } };
		uint32_t t = RD(uint32_t, a, 52);
		lt_sb_puts(c->sb, ", bp_type=");
		lt_put_xlat(c, bpt, t, t <= 7 ? "HW_BREAKPOINT_INVALID" : "HW_BREAKPOINT_???");
	}
	lt_sb_printf(c->sb, ", %s=", bp ? "bp_addr" : "config1");
	lt_put_hex(c, RD(uint64_t, a, 56));
	if (size <= 64)
		return;
	if (bp)
		lt_sb_printf(c->sb, ", bp_len=%llu", (unsigned long long)RD(uint64_t, a, 64));
	else {
		lt_sb_puts(c->sb, ", config2=");
		lt_put_hex(c, RD(uint64_t, a, 64));
	}
	if (size <= 72)
		return;
	if (sample_type & 0x800) { /* PERF_SAMPLE_BRANCH_STACK */
		lt_sb_puts(c->sb, ", branch_sample_type=");
		lt_put_flags(c, lt_x_perf_branch_sample, RD(uint64_t, a, 72));
	}
	if (size <= 80)
		return;
	lt_sb_puts(c->sb, ", sample_regs_user=");
	lt_put_hex(c, RD(uint64_t, a, 80));
	if (size <= 88)
		return;
	if (sample_type & 0x2000) { /* PERF_SAMPLE_STACK_USER */
		lt_sb_puts(c->sb, ", sample_stack_user=");
		lt_put_hex(c, RD(uint32_t, a, 88));
	}
	if (bits >> 25 & 1) { /* use_clockid */
		if (size <= 92)
			return;
		lt_sb_puts(c->sb, ", clockid=");
		lt_put_xlat(c, lt_x_clockid, RD(uint32_t, a, 92), "CLOCK_???");
	}
	if (size <= 96)
		return;
	lt_sb_puts(c->sb, ", sample_regs_intr=");
	lt_put_hex(c, RD(uint64_t, a, 96));
	if (size <= 104)
		return;
	lt_sb_printf(c->sb, ", aux_watermark=%u", RD(uint32_t, a, 104));
	if (size <= 108)
		return;
	lt_sb_printf(c->sb, ", sample_max_stack=%u", RD(uint16_t, a, 108));
	if (size <= 110)
		return;
	if (RD(uint16_t, a, 110))
		lt_sb_printf(c->sb, " /* bytes 110..111: %#hx */", RD(uint16_t, a, 110));
	if (size <= 112)
		return;
	lt_sb_printf(c->sb, ", aux_sample_size=%u", RD(uint32_t, a, 112));
	if (size <= 116)
		return;
	if (RD(uint32_t, a, 116))
		lt_sb_printf(c->sb, " /* bytes 116..119: %#x */", RD(uint32_t, a, 116));
	if (size <= 120)
		return;
	lt_sb_puts(c->sb, ", sig_data=");
	lt_put_hex(c, RD(uint64_t, a, 120));
}

void lt_put_perf_attr(struct lt_dctx *c, int i, uint64_t addr)
{
	size_t have;
	const uint8_t *a = lt_cap_get(c, i, LT_CAP_SUB_SELF, 8, &have);
	if (!a) {
		lt_put_ptr(c, addr);
		return;
	}
	uint32_t attr_size = RD(uint32_t, a, 4);
	uint32_t size = attr_size > ATTR_MAX ? ATTR_MAX : attr_size ? attr_size : VER0;
	int verbose = c->fmt && c->fmt->verbose;
	if (size < VER0 || have < (verbose ? size : ABBREV_SIZE)) {
		lt_put_ptr(c, addr);
		return;
	}
	if (!verbose)
		size = ABBREV_SIZE;
	uint8_t buf[ATTR_MAX] = { 0 };
	memcpy(buf, a, size);
	a = buf;
	uint32_t type = RD(uint32_t, a, 0);
	uint64_t bits = RD(uint64_t, a, 40);
	lt_sb_puts(c->sb, "{type=");
	lt_put_xlat(c, lt_x_perf_type, type, "PERF_TYPE_???");
	lt_sb_puts(c->sb, ", size=");
	lt_put_xlat(c, lt_x_perf_attr_size, attr_size, "PERF_ATTR_SIZE_???");
	if (c->done && c->ev->ret == -7) { /* E2BIG: the size the kernel wants */
		const uint8_t *n = lt_cap_get(c, i, 0, 4, NULL);
		lt_sb_puts(c->sb, " => ");
		if (n)
			lt_put_xlat(c, lt_x_perf_attr_size, RD(uint32_t, n, 0), "PERF_ATTR_SIZE_???");
		else
			lt_sb_puts(c->sb, "???");
	}
	lt_perf_config(c, type, RD(uint64_t, a, 8));
	lt_sb_printf(c->sb, ", %s=%llu", bits >> 10 & 1 ? "sample_freq" : "sample_period",
		     (unsigned long long)RD(uint64_t, a, 16));
	lt_sb_puts(c->sb, ", sample_type=");
	lt_put_flags(c, lt_x_perf_sample, RD(uint64_t, a, 24));
	lt_sb_puts(c->sb, ", read_format=");
	lt_put_flags(c, lt_x_perf_read_format, RD(uint64_t, a, 32));
	static const char *const skid[] = { "arbitrary skid", "constant skid",
					    "requested to have 0 skid", "must have 0 skid" };
	for (unsigned b = 0; b < 38; b++) {
		if (b == 15) {
			lt_sb_printf(c->sb, ", precise_ip=%u /* %s */", (unsigned)(bits >> 15 & 3),
				     skid[bits >> 15 & 3]);
			b++;
			continue;
		}
		if (verbose || (bits >> b & 1))
			lt_sb_printf(c->sb, ", %s=%u", lt_bit_names[b], (unsigned)(bits >> b & 1));
	}
	if (bits >> 38)
		lt_sb_printf(c->sb, ", __reserved_1=%#llx /* Bits 63..38 */",
			     (unsigned long long)(bits >> 38));
	if (verbose)
		lt_perf_tail(c, a, size, bits);
	if ((attr_size && attr_size > size) || (!attr_size && size < VER0))
		lt_sb_puts(c->sb, ", ...");
	lt_sb_putc(c->sb, '}');
}
