/* SPDX-License-Identifier: MIT */
/*
 * snippet-start.S - where a C snippet starts (libkut-s390x-snippet.a,
 * kut-s390x-snippet.pc; linker-scripts/snippet.lds puts .init at 0x4000, the
 * entry of snippet.h's snippet_psw).  The host gives the guest CPU
 * whatever registers the state description held: clear them, turn on
 * the additional FP registers (compiled code may use them), make sure of
 * 64-bit addressing and call main() on the stack below 0x4000.
 *
 * A snippet has no console and no exit device: main() returning, and
 * exit() and puts() (the library calls that would need them), stop the
 * CPU with SIGP STOP, which the host sees as a stop interception.
 */
#include <asm/asm-offsets.h>
#include <asm/sigp.h>

	.section .init, "ax"
	.globl	start
start:
	larl	%r1, snippet_cr0
	lctlg	%c0, %c0, 0(%r1)
	/* r0 to r14 from the zeroes after it; r15 is set below. */
	lmg	%r0, %r14, 8(%r1)
	sam64
	larl	%r15, snippet_stack_top
	aghi	%r15, -STACK_FRAME_SIZE
	brasl	%r14, main

	.globl	exit
	.globl	puts
exit:
puts:
	/* This CPU, address 0: snippets run on one CPU. */
	xgr	%r0, %r0
	sigp	%r2, %r0, SIGP_STOP
	j	exit

	.balign	8
snippet_cr0:
	.quad	0x0000000000040000	/* CR0 bit 45: AFP registers */
	.fill	15, 8, 0

	.section .note.GNU-stack, "", %progbits
