/* SPDX-License-Identifier: MIT */
/*
 * eabi-div.S - the ARM EABI division helpers that return two values in
 * registers ({quotient, remainder} in r0/r1, or r0:r1/r2:r3 for 64-bit),
 * which C cannot express; each wraps the C division in eabi.c.
 */
	.syntax unified
	.arm
	.text

	.globl __aeabi_uidivmod
__aeabi_uidivmod:
	push	{r0, r1, r4, lr}
	bl	__aeabi_uidiv
	pop	{r1, r2, r4, lr}
	mul	r3, r0, r2
	sub	r1, r1, r3
	bx	lr

	.globl __aeabi_idivmod
__aeabi_idivmod:
	push	{r0, r1, r4, lr}
	bl	__aeabi_idiv
	pop	{r1, r2, r4, lr}
	mul	r3, r0, r2
	sub	r1, r1, r3
	bx	lr

/* {q, r} = n / d for 64-bit n in r0:r1 and d in r2:r3. */
.macro	divmod64, name, helper
	.globl \name
\name:
	push	{r4, lr}
	sub	sp, sp, #16
	add	r4, sp, #8
	str	r4, [sp]
	bl	\helper
	ldrd	r2, r3, [sp, #8]
	add	sp, sp, #16
	pop	{r4, pc}
.endm

	divmod64	__aeabi_uldivmod, kut_udivmod64
	divmod64	__aeabi_ldivmod, kut_sdivmod64

	.section .note.GNU-stack, "", %progbits
