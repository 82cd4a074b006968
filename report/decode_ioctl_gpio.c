/* GPIO character device ioctls: type 0xb4, the v1 and v2 line APIs (strace's
 * gpio_ioctl.c). What a request passes in prints before the call's result, what it
 * returns after " => " on success. */
#include "decode_ioctl.h"
#include "xlat/gen.h"

/* x86-64 request numbers (the names print from report/xlat/tables.in's tables) */
enum {
	GPIO_GET_CHIPINFO_IOCTL = 0x8044b401, GPIO_GET_LINEINFO_IOCTL = 0xc048b402,
	GPIO_GET_LINEHANDLE_IOCTL = 0xc16cb403, GPIO_GET_LINEEVENT_IOCTL = 0xc030b404,
	GPIO_V2_GET_LINEINFO_IOCTL = 0xc100b405, GPIO_V2_GET_LINEINFO_WATCH_IOCTL = 0xc100b406,
	GPIO_V2_GET_LINE_IOCTL = 0xc250b407, GPIOHANDLE_GET_LINE_VALUES_IOCTL = 0xc040b408,
	GPIOHANDLE_SET_LINE_VALUES_IOCTL = 0xc040b409, GPIOHANDLE_SET_CONFIG_IOCTL = 0xc054b40a,
	GPIO_GET_LINEINFO_WATCH_IOCTL = 0xc048b40b, GPIO_GET_LINEINFO_UNWATCH_IOCTL = 0xc004b40c,
	GPIO_V2_LINE_SET_CONFIG_IOCTL = 0xc110b40d, GPIO_V2_LINE_GET_VALUES_IOCTL = 0xc010b40e,
	GPIO_V2_LINE_SET_VALUES_IOCTL = 0xc010b40f,
};

static void lt_gpio_str(struct lt_dctx *c, const char *name, const uint8_t *p, size_t size)
{
	lt_sb_printf(SB(c), "%s=", name);
	lt_ioctl_cstring(c, p, size);
}

/* n of an array's elements of es bytes (4: decimal, 8 with hex: hex), "..." after -s of
 * them unless -v (strace's print_array over a field) */
static void lt_gpio_array(struct lt_dctx *c, const char *name, const uint8_t *p, uint64_t n,
			  size_t es, int hex)
{
	lt_sb_printf(SB(c), "%s=[", name);
	for (uint64_t k = 0; k < n; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		if (k >= c->strsize && !lt_verbose(c)) {
			lt_sb_puts(SB(c), "...");
			break;
		}
		uint64_t v = es == 1 ? p[k] : es == 4 ? RD(uint32_t, p, k * 4)
							: RD(uint64_t, p, k * 8);
		if (hex)
			lt_put_hex(c, v);
		else
			lt_put_udec(c, v);
	}
	lt_sb_putc(SB(c), ']');
}

static void lt_gpio_flags(struct lt_dctx *c, const char *name, const struct lt_xlat *t,
			  uint64_t v, const char *unk)
{
	lt_sb_printf(SB(c), "%s=", name);
	lt_put_flags_unk(c, t, v, unk);
}

/* struct gpio_v2_line_attribute: by its id, or raw when unknown or padded */
static void lt_gpio_attr(struct lt_dctx *c, const uint8_t *p, int as_field)
{
	uint32_t id = RD(uint32_t, p, 0), pad = RD(uint32_t, p, 4);
	uint64_t v = RD(uint64_t, p, 8);
	if (!pad && id == 1) {
		lt_gpio_flags(c, "flags", lt_x_gpio_v2_line_flags, v, "GPIO_V2_LINE_FLAG_???");
	} else if (!pad && id == 2) {
		lt_sb_puts(SB(c), "values=");
		lt_put_hex(c, v);
	} else if (!pad && id == 3) {
		lt_sb_printf(SB(c), "debounce_period_us=%u", (uint32_t)v);
	} else {
		if (as_field)
			lt_sb_puts(SB(c), "attr={");
		lt_sb_printf(SB(c), "id=%u", id);
		if (pad)
			lt_sb_printf(SB(c), ", padding=%#x", pad);
		lt_sb_puts(SB(c), ", data=");
		lt_put_hex(c, v);
		if (as_field)
			lt_sb_putc(SB(c), '}');
	}
}

/* struct gpio_v2_line_config */
static void lt_gpio_line_config(struct lt_dctx *c, const uint8_t *p)
{
	uint32_t n = RD(uint32_t, p, 8);
	lt_sb_putc(SB(c), '{');
	lt_gpio_flags(c, "flags", lt_x_gpio_v2_line_flags, RD(uint64_t, p, 0),
		      "GPIO_V2_LINE_FLAG_???");
	lt_sb_printf(SB(c), ", num_attrs=%u", n);
	lt_ioctl_reserved(c, "padding", p + 12, 5);
	if (n) {
		lt_sb_puts(SB(c), ", attrs=[");
		for (uint32_t k = 0; k < n && k < 10; k++) {
			if (k)
				lt_sb_puts(SB(c), ", ");
			if (k >= c->strsize && !lt_verbose(c)) {
				lt_sb_puts(SB(c), "...");
				break;
			}
			lt_sb_putc(SB(c), '{');
			lt_gpio_attr(c, p + 32 + k * 24, 1);
			lt_sb_puts(SB(c), ", mask=");
			lt_put_hex(c, RD(uint64_t, p, 32 + k * 24 + 16));
			lt_sb_putc(SB(c), '}');
		}
		lt_sb_putc(SB(c), ']');
	}
	lt_sb_putc(SB(c), '}');
}

static void lt_gpio_chipinfo(struct lt_dctx *c, const uint8_t *p)
{
	lt_sb_putc(SB(c), '{');
	lt_gpio_str(c, "name", p, 32);
	lt_sb_puts(SB(c), ", ");
	lt_gpio_str(c, "label", p + 32, 32);
	lt_sb_printf(SB(c), ", lines=%u}", RD(uint32_t, p, 64));
}

static void lt_gpio_unwatch(struct lt_dctx *c, const uint8_t *p)
{
	lt_sb_printf(SB(c), "{offset=%u}", RD(uint32_t, p, 0));
}

static void lt_gpio_handle_request(struct lt_dctx *c, const uint8_t *p)
{
	uint32_t n = RD(uint32_t, p, 356);
	lt_sb_printf(SB(c), "{lines=%u, ", n);
	lt_gpio_array(c, "lineoffsets", p, n < 64 ? n : 64, 4, 0);
	lt_sb_puts(SB(c), ", ");
	lt_gpio_flags(c, "flags", lt_x_gpio_handle_flags, RD(uint32_t, p, 256),
		      "GPIOHANDLE_REQUEST_???");
	lt_sb_puts(SB(c), ", ");
	lt_gpio_array(c, "default_values", p + 260, n < 64 ? n : 64, 1, 0);
	lt_sb_puts(SB(c), ", ");
	lt_gpio_str(c, "consumer_label", p + 324, 32);
	lt_sb_putc(SB(c), '}');
}

static void lt_gpio_event_request(struct lt_dctx *c, const uint8_t *p)
{
	lt_sb_printf(SB(c), "{lineoffset=%u, ", RD(uint32_t, p, 0));
	lt_gpio_flags(c, "handleflags", lt_x_gpio_handle_flags, RD(uint32_t, p, 4),
		      "GPIOHANDLE_REQUEST_???");
	lt_sb_puts(SB(c), ", ");
	lt_gpio_flags(c, "eventflags", lt_x_gpio_event_flags, RD(uint32_t, p, 8),
		      "GPIOEVENT_REQUEST_???");
	lt_sb_puts(SB(c), ", ");
	lt_gpio_str(c, "consumer_label", p + 12, 32);
	lt_sb_putc(SB(c), '}');
}

static void lt_gpio_handle_data(struct lt_dctx *c, const uint8_t *p)
{
	lt_sb_putc(SB(c), '{');
	lt_gpio_array(c, "values", p, 64, 1, 0);
	lt_sb_putc(SB(c), '}');
}

static void lt_gpio_handle_config(struct lt_dctx *c, const uint8_t *p)
{
	lt_sb_putc(SB(c), '{');
	lt_gpio_flags(c, "flags", lt_x_gpio_handle_flags, RD(uint32_t, p, 0),
		      "GPIOHANDLE_REQUEST_???");
	lt_sb_puts(SB(c), ", ");
	lt_gpio_array(c, "default_values", p + 4, 64, 1, 0);
	lt_sb_putc(SB(c), '}');
}

static void lt_gpio_line_request(struct lt_dctx *c, const uint8_t *p)
{
	uint32_t n = RD(uint32_t, p, 560), evsize = RD(uint32_t, p, 564);
	lt_sb_printf(SB(c), "{num_lines=%u, ", n);
	lt_gpio_array(c, "offsets", p, n < 64 ? n : 64, 4, 0);
	lt_sb_puts(SB(c), ", ");
	lt_gpio_str(c, "consumer", p + 256, 32);
	lt_sb_puts(SB(c), ", config=");
	lt_gpio_line_config(c, p + 288);
	if (evsize)
		lt_sb_printf(SB(c), ", event_buffer_size=%u", evsize);
	lt_ioctl_reserved(c, "padding", p + 568, 5);
	lt_sb_putc(SB(c), '}');
}

static void lt_gpio_line_info_out(struct lt_dctx *c, const uint8_t *p)
{
	uint32_t n = RD(uint32_t, p, 68);
	lt_sb_putc(SB(c), '{');
	lt_gpio_str(c, "name", p, 32);
	lt_sb_puts(SB(c), ", ");
	lt_gpio_str(c, "consumer", p + 32, 32);
	lt_sb_puts(SB(c), ", ");
	lt_gpio_flags(c, "flags", lt_x_gpio_v2_line_flags, RD(uint64_t, p, 72),
		      "GPIO_V2_LINE_FLAG_???");
	lt_sb_printf(SB(c), ", num_attrs=%u", n);
	if (n) {
		lt_sb_puts(SB(c), ", attrs=[");
		for (uint32_t k = 0; k < n && k < 10; k++) {
			if (k)
				lt_sb_puts(SB(c), ", ");
			lt_sb_putc(SB(c), '{');
			lt_gpio_attr(c, p + 80 + k * 16, 0);
			lt_sb_putc(SB(c), '}');
		}
		lt_sb_putc(SB(c), ']');
	}
	lt_ioctl_reserved(c, "padding", p + 240, 4);
	lt_sb_putc(SB(c), '}');
}

static void lt_gpioline_info_out(struct lt_dctx *c, const uint8_t *p)
{
	lt_sb_putc(SB(c), '{');
	lt_gpio_flags(c, "flags", lt_x_gpio_line_flags, RD(uint32_t, p, 4), "GPIOLINE_FLAG_???");
	lt_sb_puts(SB(c), ", ");
	lt_gpio_str(c, "name", p + 8, 32);
	lt_sb_puts(SB(c), ", ");
	lt_gpio_str(c, "consumer", p + 40, 32);
	lt_sb_putc(SB(c), '}');
}

static void lt_gpio_values_in(struct lt_dctx *c, const uint8_t *p)
{
	lt_sb_printf(SB(c), "{mask=%#llx}", (unsigned long long)RD(uint64_t, p, 8));
}

static void lt_gpio_values_out(struct lt_dctx *c, const uint8_t *p)
{
	lt_sb_printf(SB(c), "{bits=%#llx}", (unsigned long long)RD(uint64_t, p, 0));
}

static void lt_gpio_values_set(struct lt_dctx *c, const uint8_t *p)
{
	lt_sb_printf(SB(c), "{bits=%#llx, mask=%#llx}", (unsigned long long)RD(uint64_t, p, 0),
		     (unsigned long long)RD(uint64_t, p, 8));
}

/* the descriptor a request returned (struct gpiohandle_request, gpioevent_request,
 * gpio_v2_line_request) */
static void lt_gpio_fd_at(struct lt_dctx *c, const uint8_t *p, size_t off)
{
	lt_sb_puts(SB(c), "{fd=");
	lt_put_fd(c, RD(int32_t, p, off));
	lt_sb_putc(SB(c), '}');
}
static void lt_gpio_handle_fd(struct lt_dctx *c, const uint8_t *p) { lt_gpio_fd_at(c, p, 360); }
static void lt_gpio_event_fd(struct lt_dctx *c, const uint8_t *p) { lt_gpio_fd_at(c, p, 44); }
static void lt_gpio_line_fd(struct lt_dctx *c, const uint8_t *p) { lt_gpio_fd_at(c, p, 588); }

/* what went in (size bytes, printed by in), then on success " => " what came back */
static void lt_gpio_inout(struct lt_args *a, size_t size,
			  void (*in)(struct lt_dctx *, const uint8_t *),
			  void (*out)(struct lt_dctx *, const uint8_t *))
{
	struct lt_dctx *c = a->c;
	const uint8_t *d = lt_in(c, 2, size);
	lt_next(a);
	if (!d) {
		lt_put_ptr(c, c->ev->args[2]);
	} else {
		in(c, d);
		if (lt_ok(c)) {
			lt_sb_puts(SB(c), " => ");
			d = lt_out(c, 2, size);
			if (d)
				out(c, d);
			else
				lt_put_ptr(c, c->ev->args[2]);
		}
	}
	lt_done(a);
}

static void lt_gpio_offset_in(struct lt_dctx *c, const uint8_t *p)
{
	lt_sb_printf(SB(c), "{offset=%u}", RD(uint32_t, p, 64));
}

static void lt_gpioline_offset_in(struct lt_dctx *c, const uint8_t *p)
{
	lt_sb_printf(SB(c), "{line_offset=%u}", RD(uint32_t, p, 0));
}

int lt_ioctl_gpio(struct lt_args *a, uint32_t req)
{
	switch (req) {
	case GPIO_GET_CHIPINFO_IOCTL:
		lt_ioctl_obj(a, 68, 1, lt_gpio_chipinfo);
		return 1;
	case GPIO_GET_LINEINFO_UNWATCH_IOCTL:
		lt_ioctl_obj(a, 4, 0, lt_gpio_unwatch);
		return 1;
	case GPIO_V2_GET_LINEINFO_IOCTL: case GPIO_V2_GET_LINEINFO_WATCH_IOCTL:
		lt_gpio_inout(a, 256, lt_gpio_offset_in, lt_gpio_line_info_out);
		return 1;
	case GPIO_V2_GET_LINE_IOCTL:
		lt_gpio_inout(a, 592, lt_gpio_line_request, lt_gpio_line_fd);
		return 1;
	case GPIO_V2_LINE_SET_CONFIG_IOCTL:
		lt_ioctl_obj(a, 272, 0, lt_gpio_line_config);
		return 1;
	case GPIO_V2_LINE_GET_VALUES_IOCTL:
		lt_gpio_inout(a, 16, lt_gpio_values_in, lt_gpio_values_out);
		return 1;
	case GPIO_V2_LINE_SET_VALUES_IOCTL:
		lt_ioctl_obj(a, 16, 0, lt_gpio_values_set);
		return 1;
	case GPIO_GET_LINEINFO_IOCTL: case GPIO_GET_LINEINFO_WATCH_IOCTL:
		lt_gpio_inout(a, 72, lt_gpioline_offset_in, lt_gpioline_info_out);
		return 1;
	case GPIO_GET_LINEHANDLE_IOCTL:
		lt_gpio_inout(a, 364, lt_gpio_handle_request, lt_gpio_handle_fd);
		return 1;
	case GPIO_GET_LINEEVENT_IOCTL:
		lt_gpio_inout(a, 48, lt_gpio_event_request, lt_gpio_event_fd);
		return 1;
	case GPIOHANDLE_GET_LINE_VALUES_IOCTL:
		lt_ioctl_obj(a, 64, 1, lt_gpio_handle_data);
		return 1;
	case GPIOHANDLE_SET_LINE_VALUES_IOCTL:
		lt_ioctl_obj(a, 64, 0, lt_gpio_handle_data);
		return 1;
	case GPIOHANDLE_SET_CONFIG_IOCTL:
		lt_ioctl_obj(a, 84, 0, lt_gpio_handle_config);
		return 1;
	}
	return 0;
}
