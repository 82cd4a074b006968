/* Time, signal and process decoders (report/decode_time.c, decode_signal.c,
 * decode_proc.c): strace 6.1's lines for the same calls, as its own test programs print
 * them (tests/time.c, utime.c, xutimes.c, utimensat.c, xettimeofday.c, adjtimex.c,
 * timer_create.c, siginfo.c, rt_sigprocmask.c, pidfd_send_signal.c, clone3.c,
 * execveat.c), with the captures the shim would have made. Dates in UTC, as the suite
 * runs them. */
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "decode_fixture.h"

#define A 0x7ffd1000u

static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static void put64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }

static void test_time(void)
{
	struct lt_event ev;
	uint64_t t = 1796010615;
	ev = mk("time", 1796010615, 0, 0, 0, 0, 0, 0);
	EXPECT(ev, "time(NULL) = 1796010615 (2026-11-30T03:50:15+0000)");
	cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, &t, 8);
	ev = mk("time", 1796010615, A, 0, 0, 0, 0, 0);
	EXPECT(ev, "time([1796010615 /* 2026-11-30T03:50:15+0000 */]) = 1796010615 (2026-11-30T03:50:15+0000)");
	/* utime's times are time_t */
	int64_t ut[2] = { 1492350678, 1492350678 };
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR, "utime\nfilename", 14);
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, ut, sizeof ut);
	ev = mk("utime", -2, A + 0x100, A, 0, 0, 0, 0);
	EXPECT(ev, "utime(\"utime\\nfilename\", {actime=1492350678 /* 2017-04-16T13:51:18+0000 */, "
		   "modtime=1492350678 /* 2017-04-16T13:51:18+0000 */}) = -1 ENOENT (No such file or directory)");
}

/* utimes' timevals get dates with microseconds; utimensat's none for the epoch or a
 * fraction out of range, and UTIME_NOW/UTIME_OMIT as -X says */
static void test_utimes(void)
{
	struct lt_event ev;
	int64_t tv[4] = { 1492358607, 345678, 1492356078, 456789 };
	cap(0, LT_CAP_SUB_SELF, LT_CAP_STR, "utimes_sample", 13);
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, tv, sizeof tv);
	ev = mk("utimes", -2, A + 0x100, A, 0, 0, 0, 0);
	EXPECT(ev, "utimes(\"utimes_sample\", [{tv_sec=1492358607, tv_usec=345678} /* 2017-04-16T16:03:27.345678+0000 */, "
		   "{tv_sec=1492356078, tv_usec=456789} /* 2017-04-16T15:21:18.456789+0000 */]) = -1 ENOENT (No such file or directory)");
	int64_t ts[4] = { -1, 2000000000, 0, 0 };
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR, "f", 1);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, ts, sizeof ts);
	ev = mk("utimensat", -2, (uint64_t)-100, A + 0x100, A, 0x100, 0, 0);
	EXPECT(ev, "utimensat(AT_FDCWD, \"f\", [{tv_sec=-1, tv_nsec=2000000000}, {tv_sec=0, tv_nsec=0}], "
		   "AT_SYMLINK_NOFOLLOW) = -1 ENOENT (No such file or directory)");
	int64_t now[4] = { 3735928559, 0x3fffffff, -3819351491602432273, 0x3ffffffe };
	struct lt_fmt fx = { .strsize = 32 };
	for (int st = 0; st < 3; st++) {
		static const char *const want[] = {
			"utimensat(AT_FDCWD, \"f\", [UTIME_NOW, UTIME_OMIT], AT_SYMLINK_NOFOLLOW)",
			"utimensat(-100, \"f\", [{tv_sec=3735928559, tv_nsec=1073741823}, "
			"{tv_sec=-3819351491602432273, tv_nsec=1073741822}], 0x100)",
			"utimensat(-100 /* AT_FDCWD */, \"f\", [{tv_sec=3735928559, tv_nsec=1073741823} /* UTIME_NOW */, "
			"{tv_sec=-3819351491602432273, tv_nsec=1073741822} /* UTIME_OMIT */], 0x100 /* AT_SYMLINK_NOFOLLOW */)",
		};
		static const enum lt_xlat_style sty[] = { LT_XLAT_ABBREV, LT_XLAT_RAW, LT_XLAT_VERBOSE };
		char w[512];
		fx.xlat = sty[st];
		snprintf(w, sizeof w, "%s = -1 ENOENT (No such file or directory)", want[st]);
		cap(1, LT_CAP_SUB_SELF, LT_CAP_STR, "f", 1);
		cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, now, sizeof now);
		ev = mk("utimensat", -2, (uint64_t)-100, A + 0x100, A, 0x100, 0, 0);
		EXPECTF(ev, &fx, w);
	}
}

static void test_clocks(void)
{
	struct lt_event ev;
	int64_t tv[2] = { 1796010615, 754292 };
	int32_t tz[2] = { 0, 0 };
	cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, tv, sizeof tv);
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, tz, sizeof tz);
	ev = mk("gettimeofday", 0, A, A + 0x100, 0, 0, 0, 0);
	EXPECT(ev, "gettimeofday({tv_sec=1796010615, tv_usec=754292}, {tz_minuteswest=0, tz_dsttime=0}) = 0");
	uint8_t tx[208] = { 0 };
	put64(tx + 24, 16000000);
	put64(tx + 32, 16000000);
	put32(tx + 40, 0x40);
	put64(tx + 48, 2);
	put64(tx + 56, 1);
	put64(tx + 64, 32768000);
	put64(tx + 72, 1796010614);
	put64(tx + 80, 30219);
	put64(tx + 88, 10000);
	cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, tx, sizeof tx);
	ev = mk("adjtimex", 5, A, 0, 0, 0, 0, 0);
	EXPECT(ev, "adjtimex({modes=0, offset=0, freq=0, maxerror=16000000, esterror=16000000, status=STA_UNSYNC, "
		   "constant=2, precision=1, tolerance=32768000, time={tv_sec=1796010614, tv_usec=30219}, "
		   "tick=10000, ppsfreq=0, jitter=0, shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, "
		   "stbcnt=0, tai=0}) = 5 (TIME_ERROR)");
	put32(tx, 0xa001);
	put32(tx + 40, 0);
	cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, tx, sizeof tx);
	ev = mk("adjtimex", 0, A, 0, 0, 0, 0, 0);
	EXPECT(ev, "adjtimex({modes=ADJ_OFFSET_SS_READ, offset=0, freq=0, maxerror=16000000, esterror=16000000, "
		   "status=0, constant=2, precision=1, tolerance=32768000, time={tv_sec=1796010614, tv_usec=30219}, "
		   "tick=10000, ppsfreq=0, jitter=0, shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, "
		   "stbcnt=0, tai=0}) = 0 (TIME_OK)");
	/* a sleep's remainder, copied when a signal cut it short; the EINTR the program (and
	 * the shim) saw shown as the restart code strace sees (tests/nanosleep.c,
	 * clock_nanosleep.c, pselect6.c) */
	int64_t req[2] = { 0, 999999999 }, rem[2] = { 0, 885860066 };
	cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, req, sizeof req);
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, rem, sizeof rem);
	ev = mk("nanosleep", -4, A, A + 0x100, 0, 0, 0, 0);
	EXPECT(ev, "nanosleep({tv_sec=0, tv_nsec=999999999}, {tv_sec=0, tv_nsec=885860066}) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)");
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, req, sizeof req);
	ev = mk("clock_nanosleep", -4, 0, 1, A + 0x100, A + 0x200, 0, 0);
	EXPECT(ev, "clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, {tv_sec=0, tv_nsec=999999999}, 0x7ffd1200) = ? ERESTARTNOHAND (To be restarted if no handler)");
	/* where EINTR can be the kernel's own answer, it stays */
	ev = mk("epoll_wait", -4, 3, A, 1, -1, 0, 0);
	EXPECT(ev, "epoll_wait(3, 0x7ffd1000, 1, -1) = -1 EINTR (Interrupted system call)");
	/* times: clock ticks with their seconds, as strace's print_clock_t (100 ticks a second) */
	uint64_t tms[4] = { 13, 0, 250, 0 };
	cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, tms, sizeof tms);
	ev = mk("times", 42, A, 0, 0, 0, 0, 0);
	EXPECT(ev, "times({tms_utime=13 /* 0.13 s */, tms_stime=0, tms_cutime=250 /* 2.50 s */, tms_cstime=0}) = 42");
}

/* sigevent: the value only when its pointer is set, the signal unsigned unless a signal is
 * sent, SIGEV_THREAD's function and attributes (tests/timer_create.c) */
static void test_sigevent(void)
{
	struct lt_event ev;
	uint8_t sev[32] = { 0 };
	put32(sev + 12, 1); /* SIGEV_NONE */
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, sev, sizeof sev);
	int32_t id = 0;
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, &id, 4);
	ev = mk("timer_create", 0, 1, A, A + 0x100, 0, 0, 0);
	EXPECT(ev, "timer_create(CLOCK_MONOTONIC, {sigev_signo=0, sigev_notify=SIGEV_NONE}, [0]) = 0");
	put64(sev, 0xdeadbeefbadc0dedull);
	put32(sev + 8, 0xfacefeed);
	put32(sev + 12, 0xdefaced);
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, sev, sizeof sev);
	ev = mk("timer_create", -22, 0, A, 0, 0, 0, 0);
	EXPECT(ev, "timer_create(CLOCK_REALTIME, {sigev_value={sival_int=-1159983635, sival_ptr=0xdeadbeefbadc0ded}, "
		   "sigev_signo=4207869677, sigev_notify=0xdefaced /* SIGEV_??? */}, NULL) = -1 EINVAL (Invalid argument)");
	put32(sev + 8, 14);
	put32(sev + 12, 2);
	put64(sev + 16, 0xdeadbeefbadc0dedull);
	put64(sev + 24, 0xcafef00dfacefeedull);
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, sev, sizeof sev);
	id = 4;
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, &id, 4);
	ev = mk("timer_create", 0, 0, A, A + 0x100, 0, 0, 0);
	EXPECT(ev, "timer_create(CLOCK_REALTIME, {sigev_value={sival_int=-1159983635, sival_ptr=0xdeadbeefbadc0ded}, "
		   "sigev_signo=SIGALRM, sigev_notify=SIGEV_THREAD, sigev_notify_function=0xdeadbeefbadc0ded, "
		   "sigev_notify_attributes=0xcafef00dfacefeed}, [4]) = 0");
}

/* a sigset of any size but the kernel's is an address (tests/rt_sigprocmask.c), but for
 * rt_sigpending, which takes less; siginfo's errno unsigned, uid -1, clock ticks */
static void test_signals(void)
{
	struct lt_event ev;
	uint64_t all = ~0ull;
	cap(1, LT_CAP_SUB_SELF, LT_CAP_EXIT, &all, 4);
	ev = mk("rt_sigprocmask", -22, 1, A, A + 0x100, 4, 0, 0);
	EXPECT(ev, "rt_sigprocmask(SIG_UNBLOCK, 0x7ffd1000, 0x7ffd1100, 4) = -1 EINVAL (Invalid argument)");
	cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, &all, 8);
	ev = mk("rt_sigtimedwait", -22, A, 0, 0, 16, 0, 0);
	EXPECT(ev, "rt_sigtimedwait(0x7ffd1000, NULL, NULL, 16) = -1 EINVAL (Invalid argument)");
	uint64_t usr1 = 1u << 9;
	cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, &usr1, 4);
	ev = mk("rt_sigpending", 0, A, 4, 0, 0, 0, 0);
	EXPECT(ev, "rt_sigpending([USR1], 4) = 0");
	uint8_t si[128] = { 0 };
	put32(si, 10);
	put32(si + 4, 0xffffffff);
	put32(si + 8, (uint32_t)-1); /* SI_QUEUE */
	put32(si + 16, 27416);
	put32(si + 20, 0xffffffff);
	put64(si + 24, ~0ull);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, si, sizeof si);
	ev = mk("pidfd_send_signal", -22, 3, 12, A, 0xffffffff, 0, 0);
	EXPECT(ev, "pidfd_send_signal(3, SIGUSR2, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_errno=4294967295, "
		   "si_pid=27416, si_uid=-1, si_int=-1, si_ptr=0xffffffffffffffff}, 0xffffffff) = -1 EINVAL (Invalid argument)");
	memset(si, 0, sizeof si);
	put32(si, 17);
	put32(si + 8, 1); /* CLD_EXITED */
	put32(si + 16, 27534);
	put64(si + 32, 11);
	put64(si + 40, 20);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, si, sizeof si);
	ev = mk("waitid", 0, 1, 27534, A, 4, 0, 0);
	EXPECT(ev, "waitid(P_PID, 27534, {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=27534, si_uid=0, si_status=0, "
		   "si_utime=11 /* 0.11 s */, si_stime=20 /* 0.20 s */}, WEXITED, NULL) = 0");
}

/* clone3's clone_args (tests/clone3.c): exit_signal past INT_MAX in decimal, the bytes
 * past the known 88, ??? when they could not be read, unknown flags, set_tid, what the
 * kernel stored at parent_tid */
static void test_clone3(void)
{
	struct lt_event ev;
	uint8_t ca[96] = { 0 };
	put64(ca + 32, 0xdeadface00000011ull);
	put64(ca + 88, 0xfacefeeddeadc0deull);
	cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, ca, 96);
	ev = mk("clone3", -7, A, 96, 0, 0, 0, 0);
	EXPECT(ev, "clone3({flags=0, exit_signal=16045756810061152273, stack=NULL, stack_size=0, "
		   "/* bytes 88..95 */ \"\\xde\\xc0\\xad\\xde\\xed\\xfe\\xce\\xfa\"}, 96) = -1 E2BIG (Argument list too long)");
	put64(ca + 32, 0xdeadc0de);
	cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, ca, 96);
	ev = mk("clone3", -7, A, 104, 0, 0, 0, 0);
	EXPECT(ev, "clone3({flags=0, exit_signal=3735929054, stack=NULL, stack_size=0, ???}, 104) = -1 E2BIG (Argument list too long)");
	memset(ca, 0, sizeof ca);
	put64(ca, 0xdec0deac0040007full);
	put64(ca + 32, 250);
	put64(ca + 40, 0xface1e55beeff00dull);
	put64(ca + 48, 0xcaffeedefacedca7ull);
	cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, ca, 64);
	ev = mk("clone3", -22, A, 64, 0, 0, 0, 0);
	EXPECT(ev, "clone3({flags=0xdec0deac0040007f /* CLONE_??? */, exit_signal=250, stack=0xface1e55beeff00d, "
		   "stack_size=0xcaffeedefacedca7}, 64) = -1 EINVAL (Invalid argument)");
	memset(ca, 0, sizeof ca);
	put64(ca, 0x100000);
	cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, ca, 88);
	ev = mk("clone3", 27238, A, 88, 0, 0, 0, 0);
	EXPECT(ev, "clone3({flags=CLONE_PARENT_SETTID, parent_tid=NULL, exit_signal=0, stack=NULL, stack_size=0}"
		   " => {parent_tid=NULL}, 88) = 27238");
	put64(ca + 24, A + 0x200);
	cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, ca, 88);
	ev = mk("clone3", 27238, A, 88, 0, 0, 0, 0);
	EXPECT(ev, "clone3({flags=CLONE_PARENT_SETTID, parent_tid=0x7ffd1200, exit_signal=0, stack=NULL, stack_size=0}"
		   " => {parent_tid=[27238]}, 88) = 27238");
	memset(ca, 0, sizeof ca);
	put64(ca, 0x1000);
	put64(ca + 8, A + 0x300);
	int32_t pidfd = 5;
	cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, ca, 88);
	cap(0, 1, LT_CAP_EXIT, &pidfd, 4);
	ev = mk("clone3", 27240, A, 88, 0, 0, 0, 0);
	EXPECT(ev, "clone3({flags=CLONE_PIDFD, pidfd=0x7ffd1300, exit_signal=0, stack=NULL, stack_size=0}"
		   " => {pidfd=[5]}, 88) = 27240");
	memset(ca, 0, sizeof ca);
	put64(ca + 64, A + 0x100);
	put64(ca + 72, 2);
	int32_t tids[2] = { -2088599168, 5 };
	cap(0, LT_CAP_SUB_SELF, LT_CAP_EXIT, ca, 88);
	cap(0, 0, LT_CAP_EXIT, tids, sizeof tids);
	ev = mk("clone3", -22, A, 88, 0, 0, 0, 0);
	EXPECT(ev, "clone3({flags=0, exit_signal=0, stack=NULL, stack_size=0, set_tid=[-2088599168, 5], "
		   "set_tid_size=2}, 88) = -1 EINVAL (Invalid argument)");
}

/* execveat's arrays running into memory that cannot be read (tests/execveat.c): argv's
 * "... / * addr * /", envp's count "unterminated", envp's strings with -v */
static void test_execve(void)
{
	struct lt_event ev;
	uint64_t argv[2] = { A + 0x100, 0xffffffffffffffffull };
	uint64_t envp[2] = { A + 0x200, A + 0x300 };
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR, "f", 1);
	cap(2, LT_CAP_SUB_SELF, 0, argv, sizeof argv);
	cap(2, 0, LT_CAP_STR, "first", 5);
	cap(2, 1, LT_CAP_FAULT, "", 0);
	cap(3, LT_CAP_SUB_SELF, 0, envp, sizeof envp);
	cap(3, 0, LT_CAP_STR, "foobar=1", 8);
	cap(3, 1, LT_CAP_STR, "foo\nbar=2", 9);
	ev = mk("execveat", -2, (uint64_t)-100, A + 0x400, 0x7ffd0ff0, 0x7ffd1ff0, 0x1100, 0);
	EXPECT(ev, "execveat(AT_FDCWD, \"f\", [\"first\", 0xffffffffffffffff, ... /* 0x7ffd1000 */], "
		   "0x7ffd1ff0 /* 2 vars, unterminated */, AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH) = -1 ENOENT (No such file or directory)");
	/* strings close together come in one copy from the lowest pointer; one the copy
	 * ends in before its NUL (and before -s + 1 bytes) could not be read whole */
	uint64_t av[4] = { A + 0x101, A + 0x100, A + 0x108, 0 };
	uint8_t blk[40] = "xfirst";
	memset(blk + 8, 'a', 8);
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR, "f", 1);
	cap(2, LT_CAP_SUB_SELF, 0, av, sizeof av);
	cap(2, LT_SUB_STRINGS, 0, blk, 16);
	cap(3, LT_CAP_SUB_SELF, 0, av + 3, 8);
	ev = mk("execveat", -2, (uint64_t)-100, A + 0x400, 0x7ffd0ff0, 0x7ffd1ff0, 0x1100, 0);
	EXPECT(ev, "execveat(AT_FDCWD, \"f\", [\"first\", \"xfirst\", 0x7ffd1108], 0x7ffd1ff0 /* 0 vars */, "
		   "AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH) = -1 ENOENT (No such file or directory)");
	struct lt_fmt fv = { .strsize = 32, .verbose = 1 };
	uint64_t envz[3] = { A + 0x200, A + 0x300, 0 };
	cap(1, LT_CAP_SUB_SELF, LT_CAP_STR, "f", 1);
	cap(2, LT_CAP_SUB_SELF, 0, envz + 2, 8);
	cap(3, LT_CAP_SUB_SELF, 0, envz, sizeof envz);
	cap(3, 0, LT_CAP_STR, "foobar=1", 8);
	cap(3, 1, LT_CAP_STR, "foo\nbar=2", 9);
	ev = mk("execveat", -2, (uint64_t)-100, A + 0x400, 0x7ffd0ff0, 0x7ffd1ff0, 0x1100, 0);
	EXPECTF(ev, &fv, "execveat(AT_FDCWD, \"f\", [], [\"foobar=1\", \"foo\\nbar=2\"], "
		    "AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH) = -1 ENOENT (No such file or directory)");
}

/* an empty CPU set given to sched_setaffinity is [] (tests/sched_xetaffinity.c) */
static void test_sched(void)
{
	struct lt_event ev = mk("sched_setaffinity", -22, 15990, 0, A, 0, 0, 0);
	EXPECT(ev, "sched_setaffinity(15990, 0, []) = -1 EINVAL (Invalid argument)");
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	test_time();
	test_utimes();
	test_clocks();
	test_sigevent();
	test_signals();
	test_clone3();
	test_execve();
	test_sched();
	if (failures)
		fprintf(stderr, "%d failure(s)\n", failures);
	return failures != 0;
}
