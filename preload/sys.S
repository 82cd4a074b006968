/* The shim's allowed region for Syscall User Dispatch: every syscall instruction the shim
 * executes lives in section lt_systext, whose bounds the linker provides. */
	.section lt_systext, "ax", @progbits

/* long lt_syscall6(nr, a0..a5): the shim's own calls (lt_sys*). Once the program has
 * installed a seccomp filter while traced, they are checked against it first
 * (lt_syscall6_checked, native_seccomp.c: the same arguments, a tail jump).
 * long lt_syscall6_prog(nr, a0..a5): a call the program made, performed for it as is. */
	.globl lt_syscall6
	.hidden lt_syscall6
	.type lt_syscall6, @function
lt_syscall6:
	.cfi_startproc
	cmpl $0, lt_filters_on(%rip)
	jne lt_syscall6_checked
	.globl lt_syscall6_prog
	.hidden lt_syscall6_prog
lt_syscall6_prog:
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
