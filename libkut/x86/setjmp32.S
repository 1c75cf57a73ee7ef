/* SPDX-License-Identifier: MIT */
/*
 * setjmp32.S - setjmp/longjmp for i386: the cdecl callee-saved registers
 * (ebx, esi, edi, ebp), the stack pointer and the return address; the
 * arguments are on the stack.
 */
	.text
	.globl setjmp
	.type setjmp, @function
setjmp:
	mov	4(%esp), %edx		/* env */
	mov	(%esp), %eax		/* return address */
	mov	%eax, 0(%edx)
	lea	4(%esp), %eax		/* caller's esp after return */
	mov	%eax, 4(%edx)
	mov	%ebx, 8(%edx)
	mov	%esi, 12(%edx)
	mov	%edi, 16(%edx)
	mov	%ebp, 20(%edx)
	xor	%eax, %eax
	ret
	.size setjmp, . - setjmp

	.globl longjmp
	.type longjmp, @function
longjmp:
	mov	4(%esp), %edx		/* env */
	mov	8(%esp), %eax		/* val */
	test	%eax, %eax
	jnz	1f
	inc	%eax			/* longjmp(env, 0) returns 1 */
1:	mov	20(%edx), %ebp
	mov	16(%edx), %edi
	mov	12(%edx), %esi
	mov	8(%edx), %ebx
	mov	4(%edx), %esp
	jmp	*0(%edx)
	.size longjmp, . - longjmp

	.section .note.GNU-stack, "", @progbits
