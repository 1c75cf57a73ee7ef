/* SPDX-License-Identifier: MIT */
/*
 * setjmp64.S - setjmp/longjmp for x86_64: the System V callee-saved
 * registers, the stack pointer and the return address.
 */
	.text
	.globl setjmp
	.type setjmp, @function
setjmp:
	mov	(%rsp), %rax		/* return address */
	mov	%rax, 0(%rdi)
	lea	8(%rsp), %rax		/* caller's rsp after return */
	mov	%rax, 8(%rdi)
	mov	%rbx, 16(%rdi)
	mov	%rbp, 24(%rdi)
	mov	%r12, 32(%rdi)
	mov	%r13, 40(%rdi)
	mov	%r14, 48(%rdi)
	mov	%r15, 56(%rdi)
	xor	%eax, %eax
	ret
	.size setjmp, . - setjmp

	.globl longjmp
	.type longjmp, @function
longjmp:
	mov	%esi, %eax
	test	%eax, %eax
	jnz	1f
	inc	%eax			/* longjmp(env, 0) returns 1 */
1:	mov	56(%rdi), %r15
	mov	48(%rdi), %r14
	mov	40(%rdi), %r13
	mov	32(%rdi), %r12
	mov	24(%rdi), %rbp
	mov	16(%rdi), %rbx
	mov	8(%rdi), %rsp
	jmp	*0(%rdi)
	.size longjmp, . - longjmp

	.section .note.GNU-stack, "", @progbits
