/* Waiting on descriptors: poll's pollfd arrays, select's fd_sets, epoll events, and
 * what poll and select say after their return value (strace's poll.c, desc.c,
 * epoll.c). */
#include <stdio.h>
#include <string.h>

#include "lt_capture.h"
#include "decode_struct.h"
#include "xlat/gen.h"

static void lt_put_pollfds(struct lt_dctx *c, int i, int revents)
{
	size_t len;
	uint64_t nfds = (uint32_t)c->ev->args[1];
	const uint8_t *d = lt_cap_get(c, i, LT_CAP_SUB_SELF, 0, &len);
	if (!d) {
		lt_put_ptr(c, c->ev->args[i]);
		return;
	}
	uint64_t n = len / 8 < nfds ? len / 8 : nfds;
	lt_sb_putc(SB(c), '[');
	int first = 1;
	for (uint64_t k = 0; k < n; k++) {
		int fd = RD(int32_t, d, k * 8);
		uint16_t ev = RD(uint16_t, d, k * 8 + (revents ? 6 : 4));
		if (revents && !ev)
			continue;
		if (!first)
			lt_sb_puts(SB(c), ", ");
		if (!revents && k >= c->strsize && !lt_verbose(c)) {
			lt_sb_puts(SB(c), "...");
			break;
		}
		first = 0;
		lt_sb_puts(SB(c), "{fd=");
		lt_put_fd(c, fd);
		lt_sb_puts(SB(c), revents ? ", revents=" : ", events=");
		lt_put_flags(c, lt_x_poll_events, ev);
		lt_sb_putc(SB(c), '}');
	}
	if (!revents && n < nfds)
		lt_sb_puts(SB(c), n ? ", ..." : "...");
	lt_sb_putc(SB(c), ']');
}

static void lt_put_epoll_event(struct lt_dctx *c, const uint8_t *d)
{
	uint64_t data = RD(uint64_t, d, 4);
	lt_sb_puts(SB(c), "{events=");
	lt_put_flags(c, lt_x_epoll_events, RD(uint32_t, d, 0));
	lt_sb_printf(SB(c), ", data={u32=%u, u64=%llu}}", (uint32_t)data, (unsigned long long)data);
}

static void lt_put_fdset(struct lt_dctx *c, const uint8_t *d, size_t len, int nfds)
{
	lt_sb_putc(SB(c), '[');
	int first = 1;
	for (int fd = 0; fd < nfds && (size_t)fd / 8 < len; fd++) {
		if (!(d[fd / 8] >> (fd % 8) & 1))
			continue;
		if (!first)
			lt_sb_putc(SB(c), ' ');
		first = 0;
		lt_put_fd(c, fd);
	}
	lt_sb_putc(SB(c), ']');
}

/* strace reads nfds bits rounded up to a long whole, and reads nothing when nfds is not
 * positive: the address then, as when the memory ended before (LT_CAP_SHORT) */
static int lt_fdset_unread(struct lt_dctx *c, int i, unsigned sub, size_t len)
{
	int nfds = (int)c->ev->args[0];
	if (nfds <= 0)
		return 1;
	size_t fdsize = ((size_t)(nfds > 1024 * 1024 ? 1024 * 1024 : nfds) + 63) / 64 * 8;
	const struct lt_cap *cap = lt_event_cap(c->ev, i, sub, NULL);
	if (!cap)
		cap = lt_event_cap(c->ev, i, LT_CAP_SUB_SELF, NULL);
	return cap && (cap->flags & LT_CAP_SHORT) && len < fdsize;
}

static void lt_put_fdset_arg(struct lt_dctx *c, int i, unsigned sub)
{
	size_t len;
	unsigned got = sub;
	const uint8_t *d = lt_cap_get(c, i, sub, 1, &len);
	if (!d && sub == LT_SUB_ENTRY)
		d = lt_cap_get(c, i, got = LT_CAP_SUB_SELF, 1, &len);
	if (!c->ev->args[i])
		lt_sb_puts(SB(c), "NULL");
	else if (d && lt_fdset_unread(c, i, got, len))
		lt_put_ptr(c, c->ev->args[i]);
	else if (d)
		lt_put_fdset(c, d, len, (int)c->ev->args[0]);
	else
		lt_put_ptr(c, c->ev->args[i]);
}

void lt_put_pollfds_arg(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_pollfds(c, i, 0);
}

void lt_put_epoll_event_arg(struct lt_dctx *c, int i, int kind)
{
	const struct lt_event *ev = c->ev;
	const uint8_t *d;
	(void)kind;
	if (ev->nr == LT_NR_epoll_ctl && (uint32_t)ev->args[1] == 2) /* EPOLL_CTL_DEL */
		lt_put_ptr(c, ev->args[i]);
	else if ((d = lt_in(c, i, 12)))
		lt_put_epoll_event(c, d);
	else
		lt_put_ptr(c, ev->args[i]);
}

void lt_put_epoll_events_arg(struct lt_dctx *c, int i, int kind)
{
	const struct lt_event *ev = c->ev;
	const uint8_t *d;
	size_t len;
	(void)kind;
	if (lt_ok(c) && ev->ret == 0) {
		lt_sb_puts(SB(c), "[]");
		return;
	}
	if (!(d = lt_out(c, i, 0)) || !lt_cap_get(c, i, LT_CAP_SUB_SELF, 0, &len)) {
		lt_put_ptr(c, ev->args[i]);
		return;
	}
	uint64_t n = (uint64_t)ev->ret, have = len / 12;
	lt_sb_putc(SB(c), '[');
	for (uint64_t k = 0; k < n; k++) {
		if (k)
			lt_sb_puts(SB(c), ", ");
		if (k >= have || (k >= c->strsize && !lt_verbose(c))) {
			lt_sb_puts(SB(c), "...");
			break;
		}
		lt_put_epoll_event(c, d + 12 * k);
	}
	lt_sb_putc(SB(c), ']');
}

void lt_put_fdset_kind(struct lt_dctx *c, int i, int kind)
{
	(void)kind;
	lt_put_fdset_arg(c, i, LT_SUB_ENTRY);
}

/* poll, ppoll: the descriptors that have events, and ppoll's time left */
void lt_ret_poll(struct lt_dctx *c)
{
	const struct lt_event *ev = c->ev;
	if (ev->ret == 0) {
		lt_sb_puts(SB(c), " (Timeout)");
		return;
	}
	if (!lt_cap_get(c, 0, LT_CAP_SUB_SELF, 8, NULL))
		return;
	lt_sb_puts(SB(c), " (");
	lt_put_pollfds(c, 0, 1);
	if (ev->nr == LT_NR_ppoll && ev->args[2]) {
		const uint8_t *t = lt_cap_get(c, 2, LT_CAP_SUB_SELF, 16, NULL);
		if (t) {
			lt_sb_puts(SB(c), ", left ");
			lt_put_timespec_data(c, t, "tv_nsec");
		}
	}
	lt_sb_putc(SB(c), ')');
}

/* select, pselect6: the sets that have descriptors, and the time left */
void lt_ret_select(struct lt_dctx *c)
{
	static const char *const nm[] = { "in", "out", "except" };
	const struct lt_event *ev = c->ev;
	const uint64_t *g = ev->args;
	if (ev->ret == 0) {
		lt_sb_puts(SB(c), " (Timeout)");
		return;
	}
	int any = 0;
	lt_sb_puts(SB(c), " (");
	for (int k = 0; k < 3; k++) {
		size_t len;
		const uint8_t *d = g[1 + k] ? lt_cap_get(c, 1 + k, LT_CAP_SUB_SELF, 1, &len) : NULL;
		if (!d)
			continue;
		int has = 0;
		for (int fd = 0; fd < (int)g[0] && (size_t)fd / 8 < len; fd++)
			has |= d[fd / 8] >> (fd % 8) & 1;
		if (!has)
			continue;
		lt_sb_printf(SB(c), "%s%s ", any ? ", " : "", nm[k]);
		lt_put_fdset(c, d, len, (int)g[0]);
		any = 1;
	}
	const uint8_t *t = g[4] ? lt_cap_get(c, 4, LT_CAP_SUB_SELF, 16, NULL) : NULL;
	if (t) {
		lt_sb_printf(SB(c), "%sleft ", any ? ", " : "");
		lt_put_timespec_data(c, t, ev->nr == LT_NR_select ? "tv_usec" : "tv_nsec");
	}
	lt_sb_putc(SB(c), ')');
}
