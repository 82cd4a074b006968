/* The capture planner: what it asks the shim to copy, when, and how much, for calls
 * whose needs follow from their man pages (read's buffer is written by the call and is
 * only worth copying up to the return value; execve never returns, so its strings must be
 * taken at entry; a bad pointer must never be read). Memory is simulated by peek. */
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "lt_capture.h"
#include "lt_log.h"
#include "lt_syscall.h"

static int failures;
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK(%s)\n", __FILE__, __LINE__, #c); failures++; } } while (0)

/* simulated program memory: [BASE, BASE + sizeof mem) */
#define BASE 0x10000ull
static uint8_t mem[4096];
static int npeeks;

static int peek(void *ctx, uint64_t addr, void *dst, size_t len)
{
	(void)ctx;
	npeeks++;
	if (addr < BASE || addr + len > BASE + sizeof mem)
		return -14;
	memcpy(dst, mem + (addr - BASE), len);
	return 0;
}

static struct lt_cap_req req[LT_CAP_MAX_REQS];

static int plan(unsigned nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, int64_t ret,
		enum lt_cap_phase ph)
{
	uint64_t a[6] = { a0, a1, a2, a3, 0, 0 };
	memset(req, 0xa5, sizeof req);
	return lt_capture_plan(nr, a, ret, ph, 32, peek, NULL, req, LT_CAP_MAX_REQS);
}

static const struct lt_cap_req *find(int n, unsigned arg, unsigned sub)
{
	for (int i = 0; i < n; i++)
		if (req[i].arg == arg && req[i].sub == sub)
			return &req[i];
	return NULL;
}

int main(void)
{
	const struct lt_cap_req *r;
	int n;

	/* write: the buffer after the call, -s + 1 bytes of a long one, nothing at entry */
	CHECK(plan(SYS_write, 1, 0x5000, 6, 0, 0, LT_PHASE_ENTRY) == 0);
	n = plan(SYS_write, 1, 0x5000, 6, 0, 6, LT_PHASE_EXIT);
	CHECK(n == 1 && (r = find(n, 1, LT_CAP_SUB_SELF)) && r->len == 6 && r->addr == 0x5000);
	CHECK(n == 1 && (req[0].flags & LT_CAP_EXIT) && !(req[0].flags & LT_CAP_STR));
	n = plan(SYS_write, 1, 0x5000, 1000, 0, 1000, LT_PHASE_EXIT);
	CHECK(n == 1 && req[0].len == 33 && req[0].full == 1000);
	/* a write that failed for another reason still shows its data */
	n = plan(SYS_write, 9, 0x5000, 6, 0, -9, LT_PHASE_EXIT);
	CHECK(n == 1 && req[0].len == 6);
	/* EFAULT: what the call only read is still copied (fault-safe; strace shows it
	 * when it can read it), what it would have written is not */
	n = plan(SYS_write, 1, 0x5000, 6, 0, -14, LT_PHASE_EXIT);
	CHECK(n == 1 && req[0].len == 6);
	CHECK(plan(SYS_read, 3, 0x6000, 832, 0, -14, LT_PHASE_EXIT) == 0);

	/* read: sized by the return value, only on success; an empty read keeps "" */
	n = plan(SYS_read, 3, 0x6000, 832, 0, 832, LT_PHASE_EXIT);
	CHECK(n == 1 && req[0].arg == 1 && req[0].len == 33 && req[0].full == 832);
	n = plan(SYS_read, 3, 0x6000, 832, 0, 3, LT_PHASE_EXIT);
	CHECK(n == 1 && req[0].len == 3);
	CHECK(plan(SYS_read, 3, 0x6000, 832, 0, -11, LT_PHASE_EXIT) == 0);
	n = plan(SYS_read, 0, 0x6000, 33, 0, 0, LT_PHASE_EXIT);
	CHECK(n == 1 && req[0].len == 0);

	/* openat: the path whole, as a string, after the call */
	CHECK(plan(SYS_openat, (uint64_t)-100, 0x7000, 0, 0, 0, LT_PHASE_ENTRY) == 0);
	n = plan(SYS_openat, (uint64_t)-100, 0x7000, 0, 0, 3, LT_PHASE_EXIT);
	CHECK(n == 1 && req[0].arg == 1 && (req[0].flags & LT_CAP_STR) && req[0].len == LT_PATH_CAP);
	/* a NULL pointer is never requested */
	CHECK(plan(SYS_openat, (uint64_t)-100, 0, 0, 0, -14, LT_PHASE_EXIT) == 0);
	CHECK(plan(SYS_openat, (uint64_t)-100, 0, 0, 0, -2, LT_PHASE_EXIT) == 0);

	/* stat: the structure only when the call succeeded */
	n = plan(SYS_newfstatat, (uint64_t)-100, 0x7000, 0x8000, 0, 0, LT_PHASE_EXIT);
	CHECK(n == 2 && (r = find(n, 2, LT_CAP_SUB_SELF)) && r->len == 144);
	n = plan(SYS_newfstatat, (uint64_t)-100, 0x7000, 0x8000, 0, -2, LT_PHASE_EXIT);
	CHECK(n == 1 && !find(n, 2, LT_CAP_SUB_SELF));

	/* execve: path, argv array and strings, envp array and strings, all at entry; strings
	 * that lie close together in one copy from the lowest to -s + 1 past the highest,
	 * strings apart one by one */
	{
		uint64_t argv[3] = { BASE + 512, BASE + 520, 0 };
		uint64_t envp[4] = { BASE + 600, BASE + 610, BASE + 620, 0 };
		memcpy(mem, argv, sizeof argv);
		memcpy(mem + 256, envp, sizeof envp);
		n = plan(SYS_execve, 0x7000, BASE, BASE + 256, 0, 0, LT_PHASE_ENTRY);
		CHECK((r = find(n, 0, LT_CAP_SUB_SELF)) && (r->flags & LT_CAP_STR) && !(r->flags & LT_CAP_EXIT));
		CHECK((r = find(n, 1, LT_CAP_SUB_SELF)) && r->len == 24 && r->addr == BASE);
		CHECK((r = find(n, 1, LT_SUB_STRINGS)) && r->addr == BASE + 512 && r->len == 8 + 33);
		CHECK(!find(n, 1, 0));
		CHECK((r = find(n, 2, LT_CAP_SUB_SELF)) && r->len == 32 && r->addr == BASE + 256);
		CHECK((r = find(n, 2, LT_SUB_STRINGS)) && r->addr == BASE + 600 && r->len == 20 + 33);
		argv[1] = 0x40000000;
		memcpy(mem, argv, sizeof argv);
		n = plan(SYS_execve, 0x7000, BASE, BASE + 256, 0, 0, LT_PHASE_ENTRY);
		CHECK((r = find(n, 1, 0)) && r->addr == BASE + 512 && (r->flags & LT_CAP_STR));
		CHECK((r = find(n, 1, 1)) && r->addr == 0x40000000);
		CHECK(!find(n, 1, 2) && !find(n, 1, LT_SUB_STRINGS));
		CHECK(plan(SYS_execve, 0x7000, BASE, BASE + 256, 0, -2, LT_PHASE_EXIT) == 0);
		/* an argv pointer into unreadable memory: no request, no crash */
		n = plan(SYS_execve, 0x7000, 0x99999999, 0, 0, 0, LT_PHASE_ENTRY);
		CHECK(n == 2 && !find(n, 1, 0));
	}

	/* writev: the array and each buffer, limited by what was written */
	{
		struct iovec iov[3] = { { (void *)0x100, 3 }, { (void *)0x200, 100 }, { (void *)0x300, 5 } };
		memcpy(mem, iov, sizeof iov);
		n = plan(SYS_writev, 1, BASE, 3, 0, 50, LT_PHASE_EXIT);
		CHECK((r = find(n, 1, LT_CAP_SUB_SELF)) && r->len == 48);
		CHECK((r = find(n, 1, 0)) && r->addr == 0x100 && r->len == 3);
		CHECK((r = find(n, 1, 1)) && r->addr == 0x200 && r->len == 33 && r->full == 47);
		CHECK(!find(n, 1, 2));
		/* readv that failed: the array (strace shows it, the buffers as addresses), no
		 * buffer (none was written) */
		n = plan(SYS_readv, 1, BASE, 3, 0, -9, LT_PHASE_EXIT);
		CHECK(n == 1 && (r = find(n, 1, LT_CAP_SUB_SELF)) && r->len == 48);
	}

	/* accept: the socklen value at entry and exit, the address sized by the kernel's */
	{
		uint32_t len = 16;
		memcpy(mem + 64, &len, 4);
		n = plan(SYS_accept, 3, 0x9000, BASE + 64, 0, 0, LT_PHASE_ENTRY);
		CHECK(n == 1 && (r = find(n, 2, LT_SUB_ENTRY)) && r->len == 4);
		n = plan(SYS_accept, 3, 0x9000, BASE + 64, 0, 4, LT_PHASE_EXIT);
		CHECK((r = find(n, 1, LT_CAP_SUB_SELF)) && r->len == 16);
		CHECK((r = find(n, 2, LT_CAP_SUB_SELF)) && r->len == 4);
	}

	/* select: the sets at entry (and after), sized by nfds */
	n = plan(SYS_select, 70, 0xa000, 0, 0, 0, LT_PHASE_ENTRY);
	CHECK(n == 1 && (r = find(n, 1, LT_SUB_ENTRY)) && r->len == 16);

	/* rt_sigprocmask: the sets, 8 bytes each, oldset only on success */
	n = plan(SYS_rt_sigprocmask, 0, 0xb000, 0xc000, 8, 0, LT_PHASE_EXIT);
	CHECK(n == 2 && find(n, 1, LT_CAP_SUB_SELF) && (r = find(n, 2, LT_CAP_SUB_SELF)) && r->len == 8);
	n = plan(SYS_rt_sigprocmask, 0, 0xb000, 0xc000, 9999, 0, LT_PHASE_EXIT);
	CHECK(n == 0);

	/* sigprocmask(how, &s, &s): the call overwrites its input, so it is read at entry;
	 * distinct buffers need nothing at entry */
	n = plan(SYS_rt_sigprocmask, 2, 0xb000, 0xb000, 8, 0, LT_PHASE_ENTRY);
	CHECK(n == 1 && (r = find(n, 1, LT_SUB_ENTRY)) && r->len == 8 && r->addr == 0xb000);
	CHECK(plan(SYS_rt_sigprocmask, 2, 0xb000, 0xc000, 8, 0, LT_PHASE_ENTRY) == 0);
	n = plan(SYS_rt_sigaction, 2, 0xb000, 0xb000, 8, 0, LT_PHASE_ENTRY);
	CHECK(n == 1 && (r = find(n, 1, LT_SUB_ENTRY)) && r->len == 32);

	/* rt_sigreturn: the saved mask in the frame the stack pointer shows */
	n = plan(SYS_rt_sigreturn, 0x7ffd0000, 0, 0, 0, 0, LT_PHASE_ENTRY);
	CHECK(n == 1 && req[0].addr == 0x7ffd0000 + LT_SIGFRAME_MASK_OFF && req[0].len == 8);

	/* never more than max, and no requests for numbers outside the table */
	{
		uint64_t a[6] = { 1, 0x5000, 6, 0, 0, 0 };
		CHECK(lt_capture_plan(SYS_write, a, 6, LT_PHASE_EXIT, 32, peek, NULL, req, 0) == 0);
		CHECK(lt_capture_plan(400, a, 6, LT_PHASE_EXIT, 32, peek, NULL, req, 4) == 0);
		CHECK(lt_capture_plan(100000, a, 6, LT_PHASE_EXIT, 32, peek, NULL, req, 4) == 0);
		uint64_t argv[40];
		for (int i = 0; i < 39; i++)
			argv[i] = BASE + 1024 + (uint64_t)i;
		argv[39] = 0;
		memcpy(mem, argv, sizeof argv);
		for (int i = 0; i < 39; i++) /* apart: one copy each, as many as allowed */
			argv[i] = BASE + 1024 + (uint64_t)i * 8192;
		memcpy(mem, argv, sizeof argv);
		uint64_t e[6] = { 0x7000, BASE, 0, 0, 0, 0 };
		n = lt_capture_plan(SYS_execve, e, 0, LT_PHASE_ENTRY, 32, peek, NULL, req, 5);
		CHECK(n == 5);
		n = lt_capture_plan(SYS_execve, e, 0, LT_PHASE_ENTRY, 32, peek, NULL, req, LT_CAP_MAX_REQS);
		CHECK(n <= LT_CAP_MAX_REQS && find(n, 1, LT_CAP_MAX_ARGV_COPIES - 1) &&
		      !find(n, 1, LT_CAP_MAX_ARGV_COPIES));
	}

	/* random calls against random memory: within max, never a request past 32 bits, no
	 * request at address 0 */
	{
		uint64_t x = 88172645463325252ull;
		for (int it = 0; it < 20000; it++) {
			uint64_t a[6];
			for (int i = 0; i < 6; i++) {
				x ^= x << 13; x ^= x >> 7; x ^= x << 17;
				a[i] = (x & 3) == 0 ? BASE + (x >> 8) % sizeof mem : (x & 3) == 1 ? x >> 50 : x;
			}
			for (size_t k = 0; k < sizeof mem; k++)
				mem[k] = (uint8_t)(x >> (k % 56));
			x ^= x << 13; x ^= x >> 7; x ^= x << 17;
			int mx = (int)(x % (LT_CAP_MAX_REQS + 1));
			unsigned nr = (unsigned)((x >> 8) % 470);
			int64_t ret = (int64_t)((x >> 20) % 70000) - 4096;
			n = lt_capture_plan(nr, a, ret, (x >> 40) & 1 ? LT_PHASE_EXIT : LT_PHASE_ENTRY,
					    (unsigned)((x >> 44) % 100), peek, NULL, req, mx);
			CHECK(n >= 0 && n <= mx);
			for (int i = 0; i < n; i++)
				CHECK(req[i].addr != 0 && req[i].arg < 6);
		}
	}

	/* a sleep's remainder: written by the kernel only when a signal cut a relative sleep
	 * short (EINTR); clock_nanosleep's TIMER_ABSTIME sleeps leave it alone */
	CHECK(plan(SYS_nanosleep, BASE, BASE + 16, 0, 0, 0, LT_PHASE_EXIT) == 1);
	n = plan(SYS_nanosleep, BASE, BASE + 16, 0, 0, -4, LT_PHASE_EXIT);
	CHECK(n == 2 && (r = find(n, 1, LT_CAP_SUB_SELF)) && r->len == 16);
	n = plan(SYS_clock_nanosleep, 0, 1, BASE, BASE + 16, -4, LT_PHASE_EXIT);
	CHECK(!find(n, 3, LT_CAP_SUB_SELF));
	n = plan(SYS_clock_nanosleep, 0, 0, BASE, BASE + 16, -4, LT_PHASE_EXIT);
	CHECK((r = find(n, 3, LT_CAP_SUB_SELF)) && r->len == 16);

	if (failures) {
		fprintf(stderr, "%d failures\n", failures);
		return 1;
	}
	printf("ok\n");
	return 0;
}
