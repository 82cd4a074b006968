/* landlock_create_ruleset's and landlock_add_rule's structures, as strace 6.1 prints them
 * (its landlock.c). The shim copies the ruleset attribute (8 bytes when the size argument
 * covers it) and a path-beneath rule (12 bytes, packed) whatever the call returned
 * (lib/lt_capture.c). */
#include "xlat.h"
#include "xlat/gen.h"
#include "decode_struct.h"

enum { RULESET_ATTR = 8, PATH_BENEATH = 12, RULE_PATH_BENEATH = 1 };

/* {handled_access_fs=...}, with ", ..." when the size says more follows; the address
 * when size does not cover the field or it could not be read. */
void lt_put_landlock_ruleset_attr(struct lt_dctx *c, int i, int kind)
{
	uint64_t size = c->ev->args[1];
	const uint8_t *d = size >= RULESET_ATTR ? lt_in(c, i, RULESET_ATTR) : NULL;
	(void)kind;
	if (!d) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	lt_sb_puts(SB(c), "{handled_access_fs=");
	lt_put_flags(c, lt_x_landlock_access_fs, RD(uint64_t, d, 0));
	if (size > RULESET_ATTR)
		lt_sb_puts(SB(c), ", ...");
	lt_sb_putc(SB(c), '}');
}

/* LANDLOCK_RULE_PATH_BENEATH: {allowed_access=..., parent_fd=...}; other rule types
 * print as the address. */
void lt_put_landlock_rule_attr(struct lt_dctx *c, int i, int kind)
{
	const uint8_t *d = (uint32_t)c->ev->args[1] == RULE_PATH_BENEATH ?
				   lt_in(c, i, PATH_BENEATH) : NULL;
	(void)kind;
	if (!d) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	lt_sb_puts(SB(c), "{allowed_access=");
	lt_put_flags(c, lt_x_landlock_access_fs, RD(uint64_t, d, 0));
	lt_sb_puts(SB(c), ", parent_fd=");
	lt_put_fd(c, RD(int32_t, d, 8));
	lt_sb_putc(SB(c), '}');
}
