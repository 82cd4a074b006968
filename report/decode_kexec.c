/* kexec_load's and kexec_file_load's arguments, as strace 6.1 prints them (its kexec.c):
 * the segment array (at most KEXEC_SEGMENT_MAX elements, else the address), the flags as
 * a KEXEC_ARCH_ value or'ed with KEXEC_ flags, and kexec_file_load's command line as
 * cmdline_len bytes. The shim copies -s + 1 segments and -s + 1 bytes of the command
 * line whatever the call returned (lib/lt_capture.c). */
#include "xlat.h"
#include "xlat/gen.h"
#include "decode_struct.h"

enum { SEGMENT = 32, SEGMENT_MAX = 16, ARCH_MASK = 0xffff0000 };

static int lt_put_kexec_segment(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque)
{
	(void)k;
	(void)opaque;
	lt_sb_puts(SB(c), "{buf=");
	lt_put_ptr(c, RD(uint64_t, e, 0));
	lt_sb_printf(SB(c), ", bufsz=%llu, mem=", (unsigned long long)RD(uint64_t, e, 8));
	lt_put_ptr(c, RD(uint64_t, e, 16));
	lt_sb_printf(SB(c), ", memsz=%llu}", (unsigned long long)RD(uint64_t, e, 24));
	return 1;
}

void lt_put_kexec_segments(struct lt_dctx *c, int i, int kind)
{
	uint64_t n = c->ev->args[1];
	(void)kind;
	if (n > SEGMENT_MAX)
		lt_put_ptr(c, c->ev->args[i]);
	else
		lt_put_array(c, i, LT_CAP_SUB_SELF, c->ev->args[i], n, SEGMENT,
			     lt_put_kexec_segment, NULL);
}

void lt_put_kexec_flags(struct lt_dctx *c, int i, int kind)
{
	uint64_t v = c->ev->args[i];
	(void)kind;
	lt_put_xlat(c, lt_x_kexec_arch, v & ARCH_MASK, "KEXEC_ARCH_???");
	v &= ~(uint64_t)ARCH_MASK;
	if (v) {
		lt_sb_putc(SB(c), '|');
		lt_put_flags(c, lt_x_kexec_load_flags, v);
	}
}

/* cmdline_len bytes, -s of them at most (strace's printstrn): the address when what the
 * string would show could not be read. */
void lt_put_kexec_cmdline(struct lt_dctx *c, int i, int kind)
{
	uint64_t addr = c->ev->args[i], len = c->ev->args[2];
	size_t show = len < c->strsize ? (size_t)len : c->strsize, have = 0;
	const uint8_t *d = lt_cap_get(c, i, LT_CAP_SUB_SELF, 0, &have);
	(void)kind;
	if (!addr || !d || have < show)
		lt_put_ptr(c, addr);
	else
		lt_put_quoted(c, d, show, len > show);
}
