/* SPDX-License-Identifier: MIT */
/*
 * setjmp.S - setjmp()/longjmp() for arm: the callee-saved r4-r11, sp and
 * lr (the VFP registers d8-d15 too, since the FPU is on).
 */
	.syntax unified
	.arm
	.fpu	vfpv3-d16
	.text
	.globl setjmp
setjmp:
	mov	ip, sp
	stmia	r0!, {r4-r11, ip, lr}
	vstmia	r0, {d8-d15}
	mov	r0, #0
	bx	lr

	.globl longjmp
longjmp:
	ldmia	r0!, {r4-r11, ip, lr}
	vldmia	r0, {d8-d15}
	mov	sp, ip
	movs	r0, r1
	moveq	r0, #1
	bx	lr

	.section .note.GNU-stack, "", %progbits
