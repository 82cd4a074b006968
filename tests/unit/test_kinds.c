/* The kind table (lib/syscalls.tbl's kind lines) is what the capture planner and the
 * decoders both read: this checks that they agree with it, for every kind and every
 * syscall argument that uses one.
 *  - decoding: a kind the table prints as own or struct has a printer of its own
 *    (lt_put_own_kind takes it), a generic kind has none, and a struct kind prints a NULL
 *    pointer as NULL;
 *  - capture: a pointer kind the table says is in, out, inout or entry is copied by the
 *    planner; a fixed-size one exactly its size, after the call (and, inout, also before
 *    it as LT_SUB_ENTRY); a kind without a direction is never copied. */
#include <stdio.h>
#include <string.h>

#include "lt_capture.h"
#include "xlat.h"

static int failures;
static const char *const kind_names[] = { LT_KIND_NAMES };

#define FAIL(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); failures++; } while (0)

/* simulated program memory: [BASE, BASE + sizeof mem), every byte 1 */
#define BASE 0x10000ull
static uint8_t mem[4096];

static int peek(void *ctx, uint64_t addr, void *dst, size_t len)
{
	(void)ctx;
	if (addr < BASE || addr + len > BASE + sizeof mem)
		return -14;
	memcpy(dst, mem + (addr - BASE), len);
	return 0;
}

/* a syscall that has an argument of this kind, and which argument; -1 if none */
static int user_of(int kind, int *arg)
{
	for (int nr = 0; nr < LT_NSYSCALLS; nr++) {
		const struct lt_sysent *se = lt_sysent_get((uint64_t)nr);
		for (int i = 0; se && i < se->nargs; i++)
			if (se->kind[i] == kind) {
				*arg = i;
				return nr;
			}
	}
	return -1;
}

static void check_decoder(int kind)
{
	const struct lt_kind_info *k = &lt_kinds[kind];
	int i, nr = user_of(kind, &i);
	if (nr < 0)
		return; /* a return-value kind */
	int own = k->print == LT_PRINT_OWN || k->print == LT_PRINT_STRUCT;
	for (int pass = 0; pass < 2; pass++) {
		struct lt_event ev;
		memset(&ev, 0, sizeof ev);
		ev.type = LT_EV_SYSCALL;
		ev.nr = nr;
		for (int a = 0; a < 6; a++)
			ev.args[a] = pass ? BASE : 0;
		struct lt_fmt fmt = { .strsize = 32 };
		struct lt_sb sb = { 0 };
		struct lt_dctx c = { .sb = &sb, .ev = &ev, .fmt = &fmt, .strsize = 32, .done = 1,
				     .se = lt_sysent_get((uint64_t)nr) };
		int took = lt_put_own_kind(&c, i, kind);
		if (took != own)
			FAIL("kind %s: the table says %s, but lt_put_own_kind %s it", kind_names[kind],
			     own ? "own/struct" : "generic", took ? "prints" : "does not print");
		if (!pass && k->print == LT_PRINT_STRUCT && (!sb.p || strcmp(sb.p, "NULL")))
			FAIL("kind %s: a NULL %s prints \"%s\"", kind_names[kind], c.se->name,
			     sb.p ? sb.p : "");
		lt_sb_free(&sb);
	}
}

static int plan(int nr, int phase, struct lt_cap_req *req)
{
	const struct lt_sysent *se = lt_sysent_get((uint64_t)nr);
	uint64_t a[6];
	/* pointers into the memory, small numbers (lengths, counts, fds) otherwise */
	for (int i = 0; i < 6; i++)
		a[i] = i < se->nargs && (lt_kinds[se->kind[i]].flags & LT_KF_PTR) ? BASE : 8;
	return lt_capture_plan((unsigned)nr, a, 1, (enum lt_cap_phase)phase, 32, peek, NULL, req,
			       LT_CAP_MAX_REQS);
}

static void check_capture(int nr, int i)
{
	const struct lt_sysent *se = lt_sysent_get((uint64_t)nr);
	int kind = se->kind[i];
	const struct lt_kind_info *k = &lt_kinds[kind];
	struct lt_cap_req req[2][LT_CAP_MAX_REQS];
	int n[2], any = 0, self_size = 0, entry_size = 0;
	for (int ph = 0; ph < 2; ph++) {
		n[ph] = plan(nr, ph, req[ph]);
		for (int r = 0; r < n[ph]; r++) {
			if (req[ph][r].arg != i)
				continue;
			any = 1;
			if (ph == LT_PHASE_EXIT && req[ph][r].sub == LT_CAP_SUB_SELF)
				self_size = (int)req[ph][r].len;
			if (ph == LT_PHASE_ENTRY && req[ph][r].sub == LT_SUB_ENTRY)
				entry_size = (int)req[ph][r].len;
		}
	}
	const char *kn = kind_names[kind];
	switch (k->dir) {
	case LT_DIR_NONE:
		if (any)
			FAIL("%s arg %d (%s): the table captures nothing, the planner does", se->name, i, kn);
		return;
	case LT_DIR_COND:
		return; /* depends on a command argument: the call's own tests cover it */
	}
	if (!any)
		FAIL("%s arg %d (%s): the table captures it, the planner does not", se->name, i, kn);
	if (k->size && self_size != k->size)
		FAIL("%s arg %d (%s): copied %d bytes after the call, the table says %u", se->name, i,
		     kn, self_size, k->size);
	if (k->size && k->dir == LT_DIR_INOUT && entry_size != k->size)
		FAIL("%s arg %d (%s): copied %d bytes before the call, the table says %u", se->name,
		     i, kn, entry_size, k->size);
}

int main(void)
{
	memset(mem, 1, sizeof mem);
	int ndecl = 0, nargs = 0;
	for (int kind = 0; kind < LT_K__COUNT; kind++, ndecl++) {
		const struct lt_kind_info *k = &lt_kinds[kind];
		if (k->print == LT_PRINT_STRUCT && !(k->flags & LT_KF_PTR))
			FAIL("kind %s: struct kinds are pointers", kind_names[kind]);
		check_decoder(kind);
	}
	for (int nr = 0; nr < LT_NSYSCALLS; nr++) {
		const struct lt_sysent *se = lt_sysent_get((uint64_t)nr);
		if (!se || nr == LT_NR_rt_sigreturn)
			continue;
		for (int i = 0; i < se->nargs; i++, nargs++)
			check_capture(nr, i);
	}
	/* the generated constants and columns the shim reads */
	if (LT_NR_read != 0 || LT_NR_futex != 202 || LT_NR_openat != 257)
		FAIL("LT_NR_* constants are off");
	if (!(lt_sysent[LT_NR_wait4].flags & LT_SYS_F_BLOCKING) ||
	    (lt_sysent[LT_NR_read].flags & LT_SYS_F_BLOCKING) ||
	    !(lt_sysent[LT_NR_read].flags & LT_SYS_F_TRUSTED) ||
	    (lt_sysent[LT_NR_wait4].flags & LT_SYS_F_TRUSTED))
		FAIL("blocking/trusted columns are off");
	printf("test_kinds: %d kinds, %d syscall arguments checked, %d failures\n", ndecl, nargs,
	       failures);
	return failures != 0;
}
