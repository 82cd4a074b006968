/* Private to the native backend's files (preload/native*.c): the per-thread state, the
 * record being built, and the functions each file offers the others. The interface other
 * parts of the shim use (wrap.c, clock.c, and hooks such as fault injection and site
 * patching) is preload/native.h.
 *
 * The files, in the order a trapped call goes through them:
 *   native_trap.c     the SIGSYS handler: dispatch, lt_perform (the one place a call is made)
 *   native_thread.c   per-thread state: the tid table, arming and disarming
 *   native_mem.c      reading and writing the program's memory without ever faulting
 *   native_record.c   building a record (captures) and placing it in the thread's chunk;
 *                     lt_wrap_call, the interposed fast path's recorder (wrap.c)
 *   native_clone.c    clone, clone3, fork, vfork: children resume in the program's code
 *   native_signals.c  the program's signal setup, virtualized (SIGSYS stays ours)
 *   native.c          windows (arm/disarm every thread), the backend, lt_wrap_self */
#ifndef LT_NATIVE_INT_H
#define LT_NATIVE_INT_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <ucontext.h>

#include "logw.h"
#include "lt_capture.h"
#include "native.h"
#include "patch.h"
#include "shim.h"

#ifndef PR_SET_SYSCALL_USER_DISPATCH
#define PR_SET_SYSCALL_USER_DISPATCH 59
#define PR_SYS_DISPATCH_OFF 0
#define PR_SYS_DISPATCH_ON 1
#define SYSCALL_DISPATCH_FILTER_ALLOW 0
#define SYSCALL_DISPATCH_FILTER_BLOCK 1
#endif
#ifndef SYS_USER_DISPATCH
#define SYS_USER_DISPATCH 2
#endif
#ifndef SS_AUTODISARM
#define SS_AUTODISARM (1u << 31) /* the kernel's: disarmed while a handler runs on it */
#endif
#ifndef SS_FLAG_BITS
#define SS_FLAG_BITS SS_AUTODISARM
#endif
#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000
#endif

#define LT_MAX_DEPTH 8
#define LT_SLOT (40u << 10)  /* one record being built, per nesting level */
#define LT_TAB 16384         /* threads tracked at once */
#define LT_VKIDS 64          /* vfork children running on our memory at once */
#define LT_STATE_HDR 16384u  /* struct lt_thread's room at the head of its mapping */
/* The shim's alternate signal stack: a SIGSYS frame (up to ~12 KiB with AMX state) and the
 * handler's own frames, nested a few deep (a program handler's calls trap too). */
#define LT_ALTSTACK (128u << 10)
#define LT_MAGIC_ARM 0x4c54410000000000ull
#define LT_MAGIC_DISARM 0x4c54440000000000ull
#define LT_MAGIC_MASK 0xffffff0000000000ull
#define LT_SIGSYS_BIT (1ull << (SIGSYS - 1))
#define LT_NO_RECORD (-1000000L) /* a fork child: the record in flight is the parent's */

/* The kernel's struct sigaction (rt_sigaction's layout). */
struct lt_ksigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	uint64_t mask;
};

/* The kernel's struct ucontext, which glibc's ucontext_t begins with. */
struct lt_kucontext {
	unsigned long uc_flags;
	void *uc_link;
	stack_t uc_stack;
	mcontext_t uc_mcontext;
	uint64_t uc_sigmask;
};

struct lt_thread {
	/* The stack below this state (LT_PATCH_STACK bytes, patch.h) is in use by a call
	 * through a rewritten site (patch_entry.S, which reads this word at offset 0). */
	volatile int entry_busy;
	volatile unsigned char selector; /* SUD's per-thread switch: BLOCK while armed */
	volatile int armed;
	int tid;
	int tls_shared;        /* another thread shares this TLS block: find state by tid */
	volatile int in_vfork; /* this thread's vfork child runs on our memory */
	volatile int in_log;   /* a record is being copied into the chunk */
	int depth;
	int named;
	int blocks_sigsys;     /* the program believes this thread blocks SIGSYS */
	int tracee;            /* 1: ptraced, never armed again (lt_tracee) */
	uint32_t gone_why;     /* why it is never armed again: an LT_NOTE_ code */
	uint32_t late_win;     /* the window in which the interposed path tried to arm it */
	/* The program's signal mask in this thread as last seen (trap frames, sigprocmask,
	 * handler entry and return): the interposed path's copies are direct only while it
	 * leaves SIGSEGV and SIGBUS unblocked. */
	uint64_t prog_mask;
	/* native_mem.c unblocked SIGSEGV/SIGBUS for a copy; one that someone sent meanwhile
	 * is held here (SIGBUS, SIGSEGV) and sent again once they are blocked again. */
	volatile int faults_unblocked;
	siginfo_t held_fault[2];
	uintptr_t lv_sp[LT_MAX_DEPTH];
	uint64_t nested_lost;
	/* A call of ours that the program's seccomp filter trapped (SECCOMP_RET_TRAP): the
	 * kernel's return (rax as it left it, before the program's handler set one) for the
	 * record begun at kret_ts. */
	uint64_t kret_ts;
	long kret;
	struct lt_chunk ck;
	struct lt_log *log;        /* the process's log, or own_log for a vfork child */
	int pid;
	struct lt_thread *vchild;  /* state for this thread's vfork children */
	char *vstack;              /* private stack for vfork */
	char *altstack;            /* the shim's alternate signal stack (LT_ALTSTACK bytes) */
	/* The program's alternate signal stack as it believes it is (what it set, or
	 * SS_DISABLE): while it has none the kernel holds ours (native_signals.c). */
	stack_t prog_ss;
	/* A few bytes of stack off every alternate stack, for lt_syscall_on. */
	uint64_t side_stack[8] __attribute__((aligned(16)));
	char *scratch;             /* LT_MAX_DEPTH slots of LT_SLOT bytes: records being built */
	struct lt_log own_log;
};

struct lt_slot {
	int tid; /* 0: never used (ends a probe), -1: free for reuse */
	struct lt_thread *st;
};

/* One syscall record, built in the thread's scratch slot for its nesting level. */
struct lt_build {
	struct lt_rec_syscall *r;
	uint32_t off, cap;
	int level;
	int defer; /* entry captures made after the call, copied directly (lt_defer_ok) */
	int direct; /* copies from the program are direct and fault-safe (lt_mem_direct) */
};

/* Process-wide state (native.c). */
extern struct lt_log lt_log LT_HIDDEN;
extern int lt_pid LT_HIDDEN;
extern volatile int lt_on LT_HIDDEN;       /* a window is open (ours; lt_tracing follows) */
extern volatile uint32_t lt_win LT_HIDDEN; /* window number */
extern volatile int lt_acks LT_HIDDEN;     /* threads that answered the arm/disarm signal */

static inline long lt_gettid(void)
{
	return lt_sys0(SYS_gettid);
}

/* A call the program made, performed for it as is (preload/sys.S); the shim's own calls
 * go through lt_syscall6 (lt_sys*), which the program's seccomp filters see first. */
long lt_syscall6_prog(long nr, long a, long b, long c, long d, long e, long f) LT_HIDDEN;

/* ---- native_seccomp.c ---- */
/* seccomp(SECCOMP_SET_MODE_FILTER) or prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER), trapped:
 * performs it, and on success keeps a copy of the filter to check the shim's own calls. */
int lt_seccomp_forbids_return(unsigned nr, const uint64_t a[6], int direct) LT_HIDDEN;
void lt_seccomp_untraceable(struct lt_thread *st) LT_HIDDEN;
long lt_seccomp_perform(struct lt_thread *st, unsigned nr, const uint64_t a[6],
			int direct) LT_HIDDEN;
/* Shim calls a filter would have refused were not made: note each (once per number). */
extern volatile uint32_t lt_seccomp_denied LT_HIDDEN;
void lt_seccomp_note(struct lt_thread *st) LT_HIDDEN;

/* ---- native_thread.c ---- */
/* The thread's state when its TLS block is its own (initial-exec: no allocation). */
extern __thread struct lt_thread *lt_me LT_HIDDEN __attribute__((tls_model("initial-exec")));
extern struct lt_slot lt_vkids[LT_VKIDS] LT_HIDDEN;
struct lt_thread *lt_lookup(int tid) LT_HIDDEN;
struct lt_thread *lt_state_new(void) LT_HIDDEN;
/* The state of thread tid, created if needed. Only tid itself (or the thread creating it,
 * before it runs) registers tid. */
struct lt_thread *lt_register(int tid) LT_HIDDEN;
void lt_release(struct lt_thread *st) LT_HIDDEN;
/* The calling thread's state (a vfork child's while its parent is suspended), or 0. */
struct lt_thread *lt_self(void) LT_HIDDEN;
/* Arms st, the calling thread (0, or -errno); a thread ptraced by a process of the run is
 * not armed: every trap would stop it for its tracer (-EBUSY, and a note in the trace). */
int lt_arm(struct lt_thread *st) LT_HIDDEN;
/* 1 if thread tid of this process has a tracer (its TracerPid, read from /proc) that is a
 * process of this run (native_thread.c says why). */
int lt_task_traced(int tid) LT_HIDDEN;
/* st (the calling thread) became a tracee: note it, disarm it for good. */
/* The thread leaves tracing for good (never armed again), with one note saying why. */
void lt_untrace_for_good(struct lt_thread *st, uint32_t code, const char *why) LT_HIDDEN;
void lt_tracee(struct lt_thread *st) LT_HIDDEN;
int lt_sud_guard(unsigned nr, const uint64_t a[6], long *ret) LT_HIDDEN;
void lt_sud_taken(struct lt_thread *st, unsigned nr, const uint64_t a[6], long ret) LT_HIDDEN;
void lt_disarm(struct lt_thread *st) LT_HIDDEN;
/* In a fork child: the parent's log descriptor, chunks and threads are not ours. */
void lt_forget_parent(void) LT_HIDDEN;

/* ---- native_mem.c ---- */
/* Copies from/to the program's memory; never fault. direct, from lt_mem_direct: how to
 * copy (LT_COPY_*). Return the bytes copied (lt_readstr: up to and including a NUL), or
 * -errno. */
#define LT_COPY_VM 0      /* through process_vm_readv/writev */
#define LT_COPY_DIRECT 1  /* in place; a fault resumes at the copy's fixup (lt_fault) */
#define LT_COPY_UNBLOCK 2 /* in place, with SIGSEGV/SIGBUS unblocked around the copy */
long lt_readmem(int direct, void *dst, uint64_t addr, size_t len) LT_HIDDEN;
long lt_readstr(int direct, char *dst, uint64_t addr, size_t len) LT_HIDDEN;
long lt_writemem(int direct, uint64_t addr, const void *src, size_t len) LT_HIDDEN;
/* The copy routines (native_sys.S): bytes copied before the end or a fault (lt_ucopy_str:
 * up to and including a NUL). Only with LT_COPY_DIRECT in force. */
size_t lt_ucopy(void *dst, const void *src, size_t n) LT_HIDDEN;
size_t lt_ucopy_str(char *dst, const char *src, size_t n) LT_HIDDEN;
extern int lt_fault_owned LT_HIDDEN;
/* How to copy in a thread whose blocked signals are blocked. */
static inline int lt_mem_direct(uint64_t blocked)
{
	const uint64_t faults = (1ull << (SIGSEGV - 1)) | (1ull << (SIGBUS - 1));
	if (!lt_fault_owned)
		return LT_COPY_VM;
	return blocked & faults ? LT_COPY_UNBLOCK : LT_COPY_DIRECT;
}
/* A trapped call's copies: direct unless the trap's frame blocks SIGSEGV/SIGBUS, or the
 * thread is a vfork child (its signal actions are its own, not the ones we set). */
static inline int lt_trap_direct(const struct lt_thread *st, const ucontext_t *uc)
{
	return st->log == &lt_log ? lt_mem_direct(uc->uc_sigmask.__val[0]) : LT_COPY_VM;
}
/* lt_fault's first question: did a direct copy fault? If so uc resumes at its fixup. */
int lt_mem_fixup(ucontext_t *uc) LT_HIDDEN;
/* LT_COPY_UNBLOCK around several copies: SIGSEGV/SIGBUS unblocked (the previous mask in
 * old; the calling thread's state returned), then the exact mask restored. */
struct lt_thread *lt_unblock_faults(uint64_t *old) LT_HIDDEN;
void lt_reblock_faults(struct lt_thread *st, const uint64_t *old) LT_HIDDEN;
/* 1 if the program's memory [addr, addr+len) can be written (left as it was). */
int lt_mem_writable(int direct, uint64_t addr, size_t len) LT_HIDDEN;
/* lt_peek_fn for the capture planner; ctx points to an int, the direct flag. */
int lt_peek(void *ctx, uint64_t addr, void *dst, size_t len) LT_HIDDEN;

/* ---- native_record.c ---- */
void lt_emit(struct lt_thread *st, void *rec, uint32_t size) LT_HIDDEN;
struct lt_rec_syscall *lt_emit_keep(struct lt_thread *st, void *rec, uint32_t size) LT_HIDDEN;
void lt_thread_record(struct lt_thread *st) LT_HIDDEN;
void lt_process_record(struct lt_thread *st, uint32_t flags) LT_HIDDEN;
void lt_fd_records(struct lt_thread *st) LT_HIDDEN;
void lt_window_record(struct lt_thread *st, int on) LT_HIDDEN;
void lt_exit_record(struct lt_thread *st, int code, int signo) LT_HIDDEN;
/* An LT_REC_NOTE (enum lt_note_code) with a short text. */
void lt_note_record(struct lt_thread *st, uint32_t code, const char *text) LT_HIDDEN;
/* The control plane's newest note, if not logged yet in this image. */
void lt_control_note_flush(struct lt_thread *st) LT_HIDDEN;
/* The log of this process image, created at the first window (st: who writes the process
 * record). */
int lt_log_ensure(struct lt_thread *st, uint32_t flags) LT_HIDDEN;
/* Captures of one phase of call nr into b (copies as b->direct says). */
void lt_capture(struct lt_build *b, unsigned nr, const uint64_t a[6], int64_t ret,
		enum lt_cap_phase phase) LT_HIDDEN;
/* A trapped call's record: lt_begin before it is performed (-1: no room, counted lost),
 * lt_end after. */
int lt_begin(struct lt_thread *st, struct lt_build *b, unsigned nr, const uint64_t a[6],
	     int direct) LT_HIDDEN;
void lt_end(struct lt_thread *st, struct lt_build *b, long ret, uint16_t flags) LT_HIDDEN;
/* An entry-only record (exit, exit_group, execve before it is performed). */
struct lt_rec_syscall *lt_end_unfinished(struct lt_thread *st, struct lt_build *b) LT_HIDDEN;
/* Long-blocking calls logged UNFINISHED at entry, superseded when they return. */
struct lt_early {
	struct lt_rec_syscall *rec; /* where the unfinished copy went, or 0 */
	char *cbase;                /* the chunk it went to (still mapped if unchanged) */
	uint32_t cseq;
	uint64_t foff;              /* its offset in the log file */
};
int lt_blocking(unsigned nr, const uint64_t a[6]) LT_HIDDEN;
void lt_emit_early(struct lt_thread *st, struct lt_build *b, struct lt_early *e) LT_HIDDEN;
void lt_supersede(struct lt_thread *st, const struct lt_early *e) LT_HIDDEN;

/* 1 if sp lies on the stack calls through rewritten sites are recorded on (patch.h:
 * right below the state). */
static inline int lt_on_entry_stack(const struct lt_thread *st, uintptr_t sp)
{
	return sp - ((uintptr_t)st - LT_PATCH_STACK) < LT_PATCH_STACK;
}

/* Nesting levels: a signal handler's calls nest inside the call they interrupted. */
static inline int lt_level_enter(struct lt_thread *st)
{
	uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
	int entry = lt_on_entry_stack(st, sp);
	/* Levels left by a handler that longjmp'ed out sit below our frame: drop them. A level
	 * on the entry stack and one elsewhere cannot be ordered by address (a handler on the
	 * program's alternate stack may interrupt a call recorded on the entry stack): kept. */
	while (st->depth > 0 && st->lv_sp[st->depth - 1] <= sp &&
	       lt_on_entry_stack(st, st->lv_sp[st->depth - 1]) == entry)
		st->depth--;
	if (st->depth >= LT_MAX_DEPTH)
		return -1;
	st->lv_sp[st->depth] = sp;
	return st->depth++;
}

static inline void lt_level_leave(struct lt_thread *st, int level)
{
	if (level >= 0 && st->depth > level)
		st->depth = level;
}

/* Starts the record of call nr in the slot of b->level (already entered). */
static inline struct lt_rec_syscall *lt_build_start(struct lt_thread *st, struct lt_build *b,
						    unsigned nr, const uint64_t a[6],
						    uint16_t flags)
{
	struct lt_rec_syscall *r = (struct lt_rec_syscall *)(st->scratch + (size_t)b->level * LT_SLOT);
	b->r = r;
	b->cap = LT_SLOT;
	b->off = sizeof *r;
	r->h.type = LT_REC_SYSCALL;
	r->h.flags = flags;
	r->h.size = 0;
	r->nr = nr;
	r->ncaps = 0;
	for (int i = 0; i < 6; i++)
		r->args[i] = a[i];
	return r;
}

/* Which capture phases can yield anything for a call (learnt once per number). */
#define LT_PH_KNOWN 1
#define LT_PH_ENTRY 2
#define LT_PH_EXIT 4
extern uint8_t lt_phases_of[512] LT_HIDDEN;
unsigned lt_phases_learn(unsigned nr) LT_HIDDEN;
static inline unsigned lt_phases(unsigned nr)
{
	if (nr >= sizeof lt_phases_of)
		return LT_PH_ENTRY | LT_PH_EXIT;
	unsigned ph = lt_phases_of[nr];
	if (__builtin_expect(ph & LT_PH_KNOWN, 1))
		return ph;
	return lt_phases_learn(nr);
}

/* ---- native_clone.c ---- */
/* clone, clone3, fork, vfork (trapped). Returns the call's result for the caller's side,
 * or LT_NO_RECORD in a fork child; vfork-like calls do not return (both sides leave by
 * rt_sigreturn). */
long lt_do_clone(struct lt_thread *st, struct lt_build *b, unsigned nr, const uint64_t a[6],
		 ucontext_t *uc) LT_HIDDEN;
/* native_sys.S */
/* A raw syscall made with rsp at stack_top (off any alternate stack), signals blocked. */
long lt_syscall_on(long nr, long a0, long a1, void *stack_top) LT_HIDDEN;
long lt_clone_thread(long nr, long a0, long a1, long a2, long a3, long a4, long a5, void *csp,
		     void *info) LT_HIDDEN;
void lt_sigreturn_at(uintptr_t sp) LT_HIDDEN __attribute__((noreturn));
void lt_vfork_stub(long nr, long a0, long a1, long a2, long a3, long a4, long a5, void *csp,
		   void *child_info, void *parent_info) LT_HIDDEN __attribute__((noreturn));
/* Called from native_sys.S. */
uintptr_t lt_native_child_start(void *info) LT_HIDDEN;
uintptr_t lt_vfork_parent_done(void *pinfo, long ret) LT_HIDDEN;

/* ---- native_signals.c ---- */
extern struct lt_ksigaction lt_prog_sigsys LT_HIDDEN; /* the program's own SIGSYS action */
/* A sigset argument with SIGSYS stripped (copy, or addr itself when it has none). */
uint64_t lt_mask_arg(int direct, uint64_t addr, uint64_t *copy) LT_HIDDEN;
long lt_sigprocmask(struct lt_thread *st, const uint64_t a[6], ucontext_t *uc) LT_HIDDEN;
long lt_sigaction(struct lt_thread *st, const uint64_t a[6], int direct) LT_HIDDEN;
/* Alternate signal stacks. At arming, frame_ss is the stack rt_sigreturn will restore:
 * when it is none, the shim's own is put there (allocated once per thread state). At
 * disarming, the program's view goes back there. sigaltstack calls are answered from the
 * program's view (lt_sigaltstack). */
void lt_altstack_arm(struct lt_thread *st, stack_t *frame_ss) LT_HIDDEN;
void lt_altstack_disarm(struct lt_thread *st, stack_t *frame_ss) LT_HIDDEN;
/* Arming outside a signal handler: the same, on the live alternate stack. */
void lt_altstack_arm_now(struct lt_thread *st) LT_HIDDEN;
/* A vfork child's frame_ss: c's own stack, not its parent's (in use). */
void lt_altstack_child(struct lt_thread *c, stack_t *frame_ss) LT_HIDDEN;
long lt_sigaltstack(struct lt_thread *st, const uint64_t a[6], ucontext_t *uc) LT_HIDDEN;
/* At a window's start: wrap the handlers installed while tracing was off. */
void lt_wrap_existing(void) LT_HIDDEN;
/* SIGSEGV and SIGBUS are ours while a window has been open (lt_fault_owned): lt_fault
 * resumes a faulting direct copy, and gives every other fault to the program's action,
 * or the default action, as untraced. */
int lt_own_fault_signals(void) LT_HIDDEN;
/* The program's handler entry, recorded (LT_REC_SIGNAL), when st is recording. */
void lt_signal_record(struct lt_thread *st, const siginfo_t *si, uint16_t flags) LT_HIDDEN;
/* A SIGSYS that is not ours (seccomp's RET_TRAP, kill -SYS): the program's action. */
void lt_forward_sigsys(int sig, siginfo_t *si, ucontext_t *uc) LT_HIDDEN;
void lt_forward_sigsys_prog(int sig, siginfo_t *si, ucontext_t *uc) LT_HIDDEN;

/* ---- native_trap.c ---- */
/* The SIGSYS handler (installed by native.c). */
void lt_sigsys(int sig, siginfo_t *si, void *ucv) LT_HIDDEN;

/* wrap.c */
void lt_wrap_init(void) LT_HIDDEN;

#endif
