/* SPDX-License-Identifier: MIT */
/*
 * isr-stubs.h - the 256 IDT entry stubs, the same for both modes
 * (internal, assembly only; isr64.S and isr32.S expand them).
 *
 * Each stub is 16 bytes (desc.c points vector v at isr_stubs + 16 * v)
 * and makes the frame uniform: a dummy error code where the CPU pushes
 * none, then the vector, then a jump to the mode's isr_common.  A bare
 * "push $imm" pushes a word of the mode's width.
 */
#ifndef KUT_X86_ISR_STUBS_H
#define KUT_X86_ISR_STUBS_H

/* Vectors for which the CPU pushes an error code. */
.macro isr_stub vec
	.balign 16
	.if (\vec == 8) || ((\vec >= 10) && (\vec <= 14)) || (\vec == 17) || (\vec == 21) || (\vec == 29) || (\vec == 30)
	push	$\vec
	.else
	push	$0
	push	$\vec
	.endif
	jmp	isr_common
.endm

.macro isr_stub_table
	.balign 16
	.globl isr_stubs
isr_stubs:
.irp hi, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
.irp lo, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	isr_stub (\hi * 16 + \lo)
.endr
.endr
.endm

#endif /* KUT_X86_ISR_STUBS_H */
