/* The native backend's syscall stubs: all in lt_systext, the allowed region, so none of
 * them traps. Every syscall instruction is followed by another instruction of the
 * section (the kernel tests the address after the 2-byte syscall). */
	.section lt_systext, "ax", @progbits

/* long lt_clone_thread(nr, a0, a1, a2, a3, a4, a5, csp, info)
 * A CLONE_VM child with its own stack: it switches to csp (below the frame the parent
 * built on the child's stack), lets C arm it, then rt_sigreturns into the program with
 * the program's registers and signal mask. The parent returns the kernel's result. */
	.globl lt_clone_thread
	.hidden lt_clone_thread
	.type lt_clone_thread, @function
lt_clone_thread:
	.cfi_startproc
	push %rbx
	.cfi_adjust_cfa_offset 8
	push %r12
	.cfi_adjust_cfa_offset 8
	mov 32(%rsp), %rbx
	mov 40(%rsp), %r12
	mov %rdi, %rax
	mov %rsi, %rdi
	mov %rdx, %rsi
	mov %rcx, %rdx
	mov %r8, %r10
	mov %r9, %r8
	mov 24(%rsp), %r9
	syscall
	test %rax, %rax
	jz 1f
	pop %r12
	.cfi_adjust_cfa_offset -8
	pop %rbx
	.cfi_adjust_cfa_offset -8
	ret
1:	.cfi_undefined %rip
	mov %rbx, %rsp
	xor %ebp, %ebp
	mov %r12, %rdi
	call lt_native_child_start
	mov %rax, %rsp
	mov $15, %eax		/* rt_sigreturn */
	syscall
	hlt
	.cfi_endproc
	.size lt_clone_thread, .-lt_clone_thread

/* long lt_syscall_on(nr, a0, a1, stack_top): the syscall with rsp at stack_top (so the
 * kernel does not see the caller on an alternate stack). The caller blocks signals: nothing
 * is ever pushed there. */
	.globl lt_syscall_on
	.hidden lt_syscall_on
	.type lt_syscall_on, @function
lt_syscall_on:
	mov %rsp, %r8
	mov %rdi, %rax
	mov %rsi, %rdi
	mov %rdx, %rsi
	mov %rcx, %rsp
	syscall
	mov %r8, %rsp
	ret
	.size lt_syscall_on, .-lt_syscall_on

/* void lt_sigreturn_at(sp): rt_sigreturn through the frame at sp - 8 (a program's
 * handler returning: its frame, not ours). */
	.globl lt_sigreturn_at
	.hidden lt_sigreturn_at
	.type lt_sigreturn_at, @function
lt_sigreturn_at:
	mov %rdi, %rsp
	mov $15, %eax
	syscall
	hlt
	.size lt_sigreturn_at, .-lt_sigreturn_at

/* void lt_vfork_stub(nr, a0, a1, a2, a3, a4, a5, csp, child_info, parent_info)
 * Performs a vfork-like clone on the private stack csp; both sides leave by rt_sigreturn
 * through frames built above csp, never through the handler's frame (the child runs on
 * the program's stack, over it). */
	.globl lt_vfork_stub
	.hidden lt_vfork_stub
	.type lt_vfork_stub, @function
lt_vfork_stub:
	mov 24(%rsp), %rbx
	mov 32(%rsp), %r12
	mov 16(%rsp), %r13
	mov 8(%rsp), %r14
	mov %rdi, %rax
	mov %rsi, %rdi
	mov %rdx, %rsi
	mov %rcx, %rdx
	mov %r8, %r10
	mov %r9, %r8
	mov %r14, %r9
	mov %r13, %rsp
	syscall
	test %rax, %rax
	jz 1f
	mov %r13, %rsp		/* the parent, once the child has exec'd or exited */
	mov %r12, %rdi
	mov %rax, %rsi
	call lt_vfork_parent_done
	mov %rax, %rsp
	mov $15, %eax
	syscall
	hlt
1:	mov %r13, %rsp
	xor %ebp, %ebp
	mov %rbx, %rdi
	call lt_native_child_start
	mov %rax, %rsp
	mov $15, %eax
	syscall
	hlt
	.size lt_vfork_stub, .-lt_vfork_stub

/* Fault-safe copies between the shim and the program's memory (native_mem.c). A fault on
 * the program's side (SIGSEGV, SIGBUS) at one of the *_at labels is resumed by lt_fault at
 * the matching *_fixup label (lt_mem_fixup), so the copy returns what it got. No syscall
 * here: this is ordinary text. */
	.text

/* size_t lt_ucopy(void *dst, const void *src, size_t n): bytes copied (n unless a fault).
 * Short copies (most captures: a few bytes) by a byte loop, which starts faster than rep
 * movsb; either way rcx ends as the bytes left when a fault stops it. */
	.globl lt_ucopy
	.hidden lt_ucopy
	.type lt_ucopy, @function
lt_ucopy:
	.cfi_startproc
	mov %rdx, %rcx
	mov %rdx, %rax
	cmp $32, %rdx
	jae 2f
	test %rcx, %rcx
	jz 3f
1:
	.globl lt_ucopy_byte_at
	.hidden lt_ucopy_byte_at
lt_ucopy_byte_at:
	movzbl (%rsi), %r8d
	.globl lt_ucopy_byte_st
	.hidden lt_ucopy_byte_st
lt_ucopy_byte_st:
	mov %r8b, (%rdi)
	inc %rsi
	inc %rdi
	dec %rcx
	jnz 1b
3:	ret
2:
	.globl lt_ucopy_at
	.hidden lt_ucopy_at
lt_ucopy_at:
	rep movsb
	ret
	.globl lt_ucopy_fixup
	.hidden lt_ucopy_fixup
lt_ucopy_fixup:
	sub %rcx, %rax		/* rcx: the bytes left */
	ret
	.cfi_endproc
	.size lt_ucopy, .-lt_ucopy

/* size_t lt_ucopy_str(char *dst, const char *src, size_t n): copies up to and including a
 * NUL, at most n bytes; returns the bytes copied (the NUL counted). */
	.globl lt_ucopy_str
	.hidden lt_ucopy_str
	.type lt_ucopy_str, @function
lt_ucopy_str:
	.cfi_startproc
	xor %eax, %eax
1:	cmp %rdx, %rax
	jae 2f
	.globl lt_ucopy_str_at
	.hidden lt_ucopy_str_at
lt_ucopy_str_at:
	movzbl (%rsi,%rax), %ecx
	mov %cl, (%rdi,%rax)
	inc %rax
	test %cl, %cl
	jnz 1b
2:	ret
	.globl lt_ucopy_str_fixup
	.hidden lt_ucopy_str_fixup
lt_ucopy_str_fixup:
	ret			/* rax: the bytes copied before the fault */
	.cfi_endproc
	.size lt_ucopy_str, .-lt_ucopy_str

	.section .note.GNU-stack, "", @progbits
