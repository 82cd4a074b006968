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
 * rax, rcx and r11 (what syscall itself clobbers) comes back as it was, vector and mask
 * registers included (the recording path may call libc's memcpy).
 *
 * Off (no window open): one compare and the syscall here. On: save, call
 * lt_patch_call(regs), restore; it returns 0 (recorded, rax is the result) or 1 (not this
 * call: continue at Q+8, where the syscall traps or runs as it did before rewriting).
 *
 * The CFI describes the site's frame as the caller (return address *Q, CFA the
 * site's rsp), so an unwinder (pthread_cancel, a debugger) walks from here straight into
 * the function that made the call; the trampoline is never a frame. */
	.section lt_systext, "ax", @progbits

	.globl lt_patch_entry
	.hidden lt_patch_entry
	.type lt_patch_entry, @function
lt_patch_entry:
	.cfi_startproc simple
	.cfi_def_cfa %rsp, 136
	/* rip = *(*(rsp)) */
	.cfi_escape 0x16, 0x10, 0x04, 0x77, 0x00, 0x06, 0x06
	cmpl $0, lt_tracing(%rip)
	jne 2f
	syscall
1:	pop %rcx
	.cfi_def_cfa %rsp, 128
	.cfi_escape 0x16, 0x10, 0x03, 0x72, 0x00, 0x06	/* rip = *(rcx) */
	lea 128(%rsp), %rsp
	.cfi_def_cfa %rsp, 0
	jmp *(%rcx)
	.cfi_def_cfa %rsp, 136
	.cfi_escape 0x16, 0x10, 0x04, 0x77, 0x00, 0x06, 0x06
2:	push %rbp
	.cfi_def_cfa %rsp, 144
	.cfi_escape 0x16, 0x10, 0x04, 0x77, 0x08, 0x06, 0x06	/* rip = *(*(rsp+8)) */
	.cfi_offset %rbp, -144
	mov %rsp, %rbp
	.cfi_def_cfa %rbp, 144
	.cfi_escape 0x16, 0x10, 0x04, 0x76, 0x08, 0x06, 0x06	/* rip = *(*(rbp+8)) */
	/* struct lt_patch_regs at rbp-56: rax, r9, r8, r10, rdx, rsi, rdi */
	push %rdi
	push %rsi
	push %rdx
	push %r10
	push %r8
	push %r9
	push %rax
	and $-64, %rsp
	sub lt_patch_xsize(%rip), %rsp
	xor %eax, %eax
	mov %rax, 512(%rsp)	/* XRSTOR wants the header's reserved bytes zero */
	mov %rax, 520(%rsp)
	mov %rax, 528(%rsp)
	mov %rax, 536(%rsp)
	mov %rax, 544(%rsp)
	mov %rax, 552(%rsp)
	mov %rax, 560(%rsp)
	mov %rax, 568(%rsp)
	mov lt_patch_xmask(%rip), %eax
	xor %edx, %edx
	cmpl $2, lt_patch_xmode(%rip)
	jne 3f
	xsavec (%rsp)
	jmp 5f
3:	cmpl $1, lt_patch_xmode(%rip)
	jne 4f
	xsave (%rsp)
	jmp 5f
4:	fxsave (%rsp)
5:	lea -56(%rbp), %rdi
	call lt_patch_call
	mov %eax, %ecx
	mov lt_patch_xmask(%rip), %eax
	xor %edx, %edx
	cmpl $0, lt_patch_xmode(%rip)
	je 6f
	xrstor (%rsp)
	jmp 7f
6:	fxrstor (%rsp)
7:	lea -56(%rbp), %rsp
	pop %rax
	pop %r9
	pop %r8
	pop %r10
	pop %rdx
	pop %rsi
	pop %rdi
	pop %rbp
	.cfi_def_cfa %rsp, 136
	.cfi_escape 0x16, 0x10, 0x04, 0x77, 0x00, 0x06, 0x06
	.cfi_restore %rbp
	test %ecx, %ecx
	jz 1b
	/* Not recorded here: run the site's own syscall, from the trampoline. */
	pop %rcx
	.cfi_def_cfa %rsp, 128
	.cfi_escape 0x16, 0x10, 0x03, 0x72, 0x00, 0x06
	lea 128(%rsp), %rsp
	.cfi_def_cfa %rsp, 0
	add $8, %rcx
	jmp *%rcx
	.cfi_endproc
	.size lt_patch_entry, .-lt_patch_entry

	.section .note.GNU-stack, "", @progbits
