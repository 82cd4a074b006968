/* Signals' structures: sigaction, stack_t, siginfo (as lt_format_signal prints it),
 * sigevent, wait status, pselect6's sigmask argument (strace's signal.c, sigaltstack.c,
 * wait.c). */
#include <stdio.h>
#include <string.h>

#include "lt_capture.h"
#include "decode_struct.h"
#include "xlat/gen.h"

void lt_put_sigaction(struct lt_dctx *c, const uint8_t *d)
{
	uint64_t h = RD(uint64_t, d, 0), fl = RD(uint64_t, d, 8), rest = RD(uint64_t, d, 16);
	static const struct lt_xlat hn[] = { { 0, "SIG_DFL" }, { 1, "SIG_IGN" }, { 0, 0 } };
	lt_sb_puts(SB(c), "{sa_handler=");
	if (h <= 1)
		lt_put_xlat(c, hn, h, "SIG_???");
	else
		lt_put_hex(c, h);
	lt_sb_puts(SB(c), ", sa_mask=");
	lt_put_sigmask(c, d + 24, 8);
	lt_sb_puts(SB(c), ", sa_flags=");
	lt_put_flags(c, lt_x_sa_flags, fl);
	if (fl & 0x04000000) {
		lt_sb_puts(SB(c), ", sa_restorer=");
		lt_put_hex(c, rest);
	}
	lt_sb_putc(SB(c), '}');
}

void lt_put_stack(struct lt_dctx *c, const uint8_t *d)
{
	static const struct lt_xlat ss[] = {
		{ 1, "SS_ONSTACK" }, { 2, "SS_DISABLE" }, { 0x80000000u, "SS_AUTODISARM" }, { 0, 0 }
	};
	lt_sb_puts(SB(c), "{ss_sp=");
	lt_put_ptr(c, RD(uint64_t, d, 0));
	lt_sb_puts(SB(c), ", ss_flags=");
	lt_put_flags(c, ss, RD(uint32_t, d, 8));
	lt_sb_printf(SB(c), ", ss_size=%llu}", (unsigned long long)RD(uint64_t, d, 16));
}

static void lt_put_wstatus(struct lt_dctx *c, uint32_t s)
{
	int sig = s & 0x7f;
	lt_sb_puts(SB(c), "[{");
	if (sig == 0) {
		lt_sb_printf(SB(c), "WIFEXITED(s) && WEXITSTATUS(s) == %u", (s >> 8) & 0xff);
	} else if (sig == 0x7f) {
		const char *n = lt_signal_name((s >> 8) & 0xff);
		lt_sb_puts(SB(c), "WIFSTOPPED(s) && WSTOPSIG(s) == ");
		if (n)
			lt_sb_puts(SB(c), n);
		else
			lt_sb_printf(SB(c), "%u", (s >> 8) & 0xff);
		if (s >> 16)
			lt_sb_printf(SB(c), " && s >> 16 == %u", s >> 16);
	} else if (s == 0xffff) {
		lt_sb_puts(SB(c), "WIFCONTINUED(s)");
	} else {
		const char *n = lt_signal_name(sig);
		lt_sb_puts(SB(c), "WIFSIGNALED(s) && WTERMSIG(s) == ");
		if (n)
			lt_sb_puts(SB(c), n);
		else
			lt_sb_printf(SB(c), "%d", sig);
		if (s & 0x80)
			lt_sb_puts(SB(c), " && WCOREDUMP(s)");
	}
	lt_sb_puts(SB(c), "}]");
}

/* strace's print_sigevent: the value only when its pointer is set; the signal by name
 * only when a signal is what the notification sends */
void lt_put_sigevent(struct lt_dctx *c, const uint8_t *d)
{
	static const struct lt_xlat sev[] = {
		{ 0, "SIGEV_SIGNAL" }, { 1, "SIGEV_NONE" }, { 2, "SIGEV_THREAD" },
		{ 4, "SIGEV_THREAD_ID" }, { 0, 0 }
	};
	int notify = RD(int32_t, d, 12);
	lt_sb_putc(SB(c), '{');
	if (RD(uint64_t, d, 0))
		lt_sb_printf(SB(c), "sigev_value={sival_int=%d, sival_ptr=%#llx}, ",
			     RD(int32_t, d, 0), (unsigned long long)RD(uint64_t, d, 0));
	lt_sb_puts(SB(c), "sigev_signo=");
	if (notify == 0 || notify == 2 || notify == 4)
		lt_put_signo(c, RD(int32_t, d, 8));
	else
		lt_put_udec(c, RD(uint32_t, d, 8));
	lt_sb_puts(SB(c), ", sigev_notify=");
	lt_put_xlat(c, sev, (uint32_t)notify, "SIGEV_???");
	if (notify == 4)
		lt_sb_printf(SB(c), ", sigev_notify_thread_id=%d", RD(int32_t, d, 16));
	if (notify == 2) {
		lt_sb_puts(SB(c), ", sigev_notify_function=");
		lt_put_ptr(c, RD(uint64_t, d, 16));
		lt_sb_puts(SB(c), ", sigev_notify_attributes=");
		lt_put_ptr(c, RD(uint64_t, d, 24));
	}
	lt_sb_putc(SB(c), '}');
}

void lt_put_wstatus_obj(struct lt_dctx *c, const uint8_t *d)
{
	lt_put_wstatus(c, RD(uint32_t, d, 0));
}

void lt_put_siginfo(struct lt_dctx *c, const uint8_t *d)
{
	struct lt_event sev;
	memset(&sev, 0, sizeof sev);
	sev.type = LT_EV_SIGNAL;
	sev.siginfo = d;
	struct lt_sb tmp = { 0 };
	lt_format_signal(&tmp, &sev, c->fmt);
	/* "SIGX {si_signo=...}": the structure is what follows the name */
	const char *brace = tmp.p ? strchr(tmp.p, '{') : NULL;
	lt_sb_puts(SB(c), brace ? brace : "{}");
	lt_sb_free(&tmp);
}

static void lt_put_pselect_sigmask(struct lt_dctx *c, int i, const uint8_t *d)
{
	const uint8_t *m = lt_cap_get(c, i, LT_SUB_SIGMASK, 8, NULL);
	lt_sb_puts(SB(c), "{sigmask=");
	if (!RD(uint64_t, d, 0))
		lt_sb_puts(SB(c), "NULL");
	else if (m)
		lt_put_sigmask(c, m, 8);
	else
		lt_put_ptr(c, RD(uint64_t, d, 0));
	lt_sb_printf(SB(c), ", sigsetsize=%llu}", (unsigned long long)RD(uint64_t, d, 8));
}

void lt_put_pselect_arg(struct lt_dctx *c, int i, int kind)
{
	const uint8_t *d = lt_in(c, i, 16);
	(void)kind;
	if (d)
		lt_put_pselect_sigmask(c, i, d);
	else
		lt_put_ptr(c, c->ev->args[i]);
}
