/* The entry of rewritten syscall sites (preload/patch.c), in lt_systext, the allowed
 * region: its own syscall never traps.
 *
 * A site's trampoline (48 bytes, within rel32 reach of the site; n is 5 or 9) is:
 *	T+0	the n bytes of instructions from the site to its syscall (mov $nr,%eax, ...)
 *	T+n	lea -128(%rsp),%rsp		skip the program's red zone
 *	T+n+5	call *slot(%rip)		slot: this entry's address, at the page start
 *	Q	.quad cont			after the site's syscall: the program goes on
 *	Q+8	syscall				the fallback: traps as the site used to
 *	Q+10	jmp *-16(%rip)			to cont
 * So on entry rax = nr, [rsp] = Q, and the site's rsp is rsp+136. Every register but
 * rax, rcx and r11 (what syscall itself clobbers) comes back as it was. Vector, mask and
 * x87 registers are not saved: the shim is compiled with -mgeneral-regs-only and calls no
 * libc code on this path (its string functions are its own, preload/string.c), so nothing
 * here touches them (tests/scale/vecregs.c checks every one of them).
 *
 * Off (no window open): one compare and the syscall here. On: switch to the thread's
 * entry stack (patch.h: below its state; the program's stack may be a coroutine's 4 KiB),
 * save the argument registers, call lt_patch_call(regs), restore, switch back; it returns 0 (recorded, rax is the
 * result) or 1 (not this call: continue at Q+8, where the syscall traps or runs as it did
 * before rewriting). The program's stack holds only the trampoline's 136 bytes.
 *
 * The entry stack, and nesting: a signal handler that interrupts a call recorded here
 * runs on that stack (no SA_ONSTACK: the kernel goes on below our sp) or on an alternate
 * one. Its own call through a rewritten site, on the entry stack already (rsp within it),
 * goes on below, if LT_PATCH_ROOM is left; from any other stack it takes the entry stack
 * only if no call holds it (the state's entry_busy word, taken with xchg: a thread sharing
 * its TLS block with another finds the same state). Otherwise, and in a thread with no
 * state (lt_me 0: not armed), the trampoline's syscall makes the call: the trap records it,
 * on the trap path's own stack. entry_busy is taken before rsp moves onto the stack and
 * released after it has left it, so a nested call never sees the stack free while a frame
 * of ours is on it.
 *
 * The CFI describes the site's frame as the caller (return address *Q, CFA the site's
 * rsp, recomputed from the program's rsp saved at the entry stack's top), so an unwinder
 * (pthread_cancel, a debugger) walks from here straight into the function that made the
 * call; the trampoline is never a frame. */
#include "patch.h"

/* CFA = rsp + 136; the return address, throughout: rip = **(CFA - 136). */
.macro CFA_SITE
	.cfi_def_cfa %rsp, 136
	.cfi_escape 0x16, 0x10, 0x05, 0x08, 0x88, 0x1c, 0x06, 0x06
.endm
/* CFA = *(reg + off) + 136: the program's rsp, saved there, plus the trampoline's bytes.
 * reg: 0x77 rsp, 0x76 rbp (DW_OP_breg7/6). */
.macro CFA_SAVED reg, off
	.cfi_escape 0x0f, 0x06, \reg, \off, 0x06, 0x23, 0x88, 0x01
.endm

	.section lt_systext, "ax", @progbits

	.globl lt_patch_entry
	.hidden lt_patch_entry
	.type lt_patch_entry, @function
lt_patch_entry:
	.cfi_startproc simple
	CFA_SITE
	cmpl $0, lt_tracing(%rip)
	jne 2f
	syscall
1:	pop %rcx
	.cfi_def_cfa %rsp, 128
	.cfi_escape 0x16, 0x10, 0x03, 0x72, 0x00, 0x06	/* rip = *(rcx) */
	lea 128(%rsp), %rsp
	.cfi_def_cfa %rsp, 0
	jmp *(%rcx)
	CFA_SITE
2:	mov lt_me@gottpoff(%rip), %rcx
	mov %fs:(%rcx), %rcx		/* the thread's state: its entry stack ends there */
	test %rcx, %rcx
	jz 9f
	mov %rsp, %r11
	sub %rcx, %r11
	add $LT_PATCH_STACK, %r11	/* rsp - the entry stack's lowest byte */
	cmp $LT_PATCH_STACK, %r11
	jb 3f
	mov $1, %r11d
	xchg %r11d, (%rcx)		/* entry_busy */
	test %r11d, %r11d
	jnz 9f
	mov %rsp, %r11
	mov %rcx, %rsp
	.cfi_def_cfa %r11, 136
	push %r11			/* the program's rsp */
	CFA_SAVED 0x77, 0
	push %rcx			/* entry_busy's address: released at the end */
	CFA_SAVED 0x77, 8
	jmp 4f
	CFA_SITE
3:	cmp $LT_PATCH_ROOM, %r11	/* nested: r11 bytes left below */
	jb 9f
	mov %rsp, %r11
	push %r11
	CFA_SAVED 0x77, 0
	push $0				/* nothing to release */
	CFA_SAVED 0x77, 8
4:	push %rbp
	CFA_SAVED 0x77, 16
	.cfi_escape 0x10, 0x06, 0x02, 0x77, 0x00	/* rbp saved at rsp */
	mov %rsp, %rbp
	CFA_SAVED 0x76, 16
	.cfi_escape 0x10, 0x06, 0x02, 0x76, 0x00	/* rbp saved at rbp */
	/* struct lt_patch_regs at rbp-56: rax, r9, r8, r10, rdx, rsi, rdi */
	push %rdi
	push %rsi
	push %rdx
	push %r10
	push %r8
	push %r9
	push %rax
	and $-16, %rsp			/* the ABI's alignment for the call */
	lea -56(%rbp), %rdi
	call lt_patch_call
	mov %eax, %ecx
	lea -56(%rbp), %rsp
	pop %rax
	pop %r9
	pop %r8
	pop %r10
	pop %rdx
	pop %rsi
	pop %rdi
	pop %rbp
	CFA_SAVED 0x77, 8
	.cfi_restore %rbp
	pop %r11			/* entry_busy's address, or 0 */
	CFA_SAVED 0x77, 0
	mov (%rsp), %rsp		/* back on the program's stack: [rsp] = Q */
	CFA_SITE
	test %r11, %r11
	jz 11f
	movl $0, (%r11)			/* off the entry stack: free it */
11:	test %ecx, %ecx
	jz 1b
	/* Not recorded here: run the site's own syscall, from the trampoline. */
9:	pop %rcx
	.cfi_def_cfa %rsp, 128
	.cfi_escape 0x16, 0x10, 0x03, 0x72, 0x00, 0x06
	lea 128(%rsp), %rsp
	.cfi_def_cfa %rsp, 0
	add $8, %rcx
	jmp *%rcx
	.cfi_endproc
	.size lt_patch_entry, .-lt_patch_entry

	.section .note.GNU-stack, "", @progbits
