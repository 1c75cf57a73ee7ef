/* SPDX-License-Identifier: MIT */
/*
 * setjmp.S - setjmp()/longjmp() for ppc64 (ELFv2): the return address,
 * the stack and TOC pointers, CR and the callee-saved r14-r31.
 */
	.text
	.globl setjmp
	.balign 4
setjmp:
	mflr	0
	std	0, 0(3)
	std	1, 8(3)
	std	2, 16(3)
	mfcr	0
	std	0, 24(3)
	.irp n, 14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	std	\n, 32 + 8 * (\n - 14)(3)
	.endr
	li	3, 0
	blr

	.globl longjmp
	.balign 4
longjmp:
	ld	0, 0(3)
	mtlr	0
	ld	1, 8(3)
	ld	2, 16(3)
	ld	0, 24(3)
	mtcr	0
	.irp n, 14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	ld	\n, 32 + 8 * (\n - 14)(3)
	.endr
	cmpdi	4, 0			/* longjmp(env, 0) returns 1 */
	li	3, 1
	beqlr
	mr	3, 4
	blr

	.section .note.GNU-stack, "", %progbits
