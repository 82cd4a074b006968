/* The shim's allowed region for Syscall User Dispatch: every syscall instruction the shim
 * executes lives in section lt_systext, whose bounds the linker provides. */
	.section lt_systext, "ax", @progbits

	.globl lt_syscall6
	.hidden lt_syscall6
	.type lt_syscall6, @function
lt_syscall6:
	.cfi_startproc
	mov %rdi, %rax
	mov %rsi, %rdi
	mov %rdx, %rsi
	mov %rcx, %rdx
	mov %r8, %r10
	mov %r9, %r8
	mov 8(%rsp), %r9
	syscall
	ret
	.cfi_endproc
	.size lt_syscall6, .-lt_syscall6

	.globl lt_sigreturn_restorer
	.hidden lt_sigreturn_restorer
	.type lt_sigreturn_restorer, @function
lt_sigreturn_restorer:
	mov $15, %eax	/* rt_sigreturn */
	syscall
	hlt
	.size lt_sigreturn_restorer, .-lt_sigreturn_restorer

	.section .note.GNU-stack, "", @progbits
