/* SPDX-License-Identifier: MIT */
/*
 * exceptions.S - interrupt entry and return on ppc64.
 *
 * Interrupts go to fixed real addresses (0x100, 0x200, ... 0xf80) with
 * the MMU off, in the byte order boot asked for.  processor.c copies
 * ppc_vector_template to every 0x20 bytes of [0x100, 0x1000), patching
 * in the vector's address and a branch (absolute, so the image must sit
 * below 32 MiB) to exception_entry, which saves a struct pt_regs on the
 * CPU's interrupt stack (struct cpu's exception_stack: a test may point
 * r1 anywhere, as upstream's emulator test does), calls
 * do_handle_exception(regs) with r13 set to the CPU's struct cpu, and
 * returns to whatever regs then holds.  The frame's back chain is the
 * interrupted r1, so backtraces walk through it (stack.c knows the
 * return address exception_return and resumes at regs->nip).  SPRG0
 * holds the CPU's struct cpu and SPRG1 is scratch, as upstream's harness
 * has them: a test must not change SPRG0 across an interrupt nor rely on
 * SPRG1 keeping a value (SPRG2 and SPRG3 are its own).
 */
#include <asm/ppc_asm.h>

#include "powerpc.h"

#define SPRN_SPRG0	272
#define SPRN_SPRG1	273
#define FRAME		(KERNEL_REDZONE_SIZE + PT_SIZE + STACK_FRAME_OVERHEAD)
#define REGS		STACK_FRAME_OVERHEAD

	.text
	.globl ppc_vector_template, ppc_vector_template_end
ppc_vector_template:
	mtspr	SPRN_SPRG1, 1		/* the interrupted r1 */
	mfspr	1, SPRN_SPRG0		/* this CPU's struct cpu */
	std	3, CPU_ENTRY_SAVE(1)
	li	3, 0			/* patched: the vector */
	std	3, CPU_ENTRY_SAVE + 8(1)
	ba	0			/* patched: exception_entry */
ppc_vector_template_end:

/*
 * r1: this CPU's struct cpu, r3 and the vector saved in it; SPRG1: the
 * interrupted r1.  The frame goes on the CPU's interrupt stack, or below
 * the interrupted r1 when that is on it already (an interrupt in a
 * handler) or there is none yet.
 */
	.globl exception_entry
	.balign 16
exception_entry:
	mfcr	3
	std	3, CPU_ENTRY_SAVE + 16(1)
	ld	3, CPU_EXCEPTION_STACK(1)
	mfspr	1, SPRN_SPRG1
	cmpdi	3, 0
	beq	2f
	cmpld	1, 3
	bge	1f
	addis	3, 3, -(EXCEPTION_STACK_SIZE >> 16)
	cmpld	1, 3
	addis	3, 3, EXCEPTION_STACK_SIZE >> 16
	bgt	2f
1:	mr	1, 3
2:	subi	1, 1, FRAME
	std	0, REGS + PT_GPR0(1)
	.irp n, 2,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	std	\n, REGS + PT_GPR0 + 8 * \n(1)
	.endr
	mfspr	0, SPRN_SPRG1
	std	0, REGS + PT_GPR0 + 8(1)
	std	0, 0(1)			/* back chain: the interrupted frame */
	mfspr	3, SPRN_SPRG0
	ld	0, CPU_ENTRY_SAVE(3)
	std	0, REGS + PT_GPR0 + 8 * 3(1)
	ld	0, CPU_ENTRY_SAVE + 8(3)
	std	0, REGS + PT_TRAP(1)
	ld	0, CPU_ENTRY_SAVE + 16(3)
	std	0, REGS + PT_CCR(1)
	mr	13, 3			/* r13 for C, whatever the test left there */
	mfsrr0	0
	std	0, REGS + PT_NIP(1)
	mfsrr1	0
	std	0, REGS + PT_MSR(1)
	mfctr	0
	std	0, REGS + PT_CTR(1)
	mflr	0
	std	0, REGS + PT_LINK(1)
	mfxer	0
	std	0, REGS + PT_XER(1)
	mfdar	0
	std	0, REGS + PT_DAR(1)
	mfdsisr	0
	std	0, REGS + PT_DSISR(1)

	bl	1f
1:	mflr	12
	addis	2, 12, (.TOC. - 1b)@ha
	addi	2, 2, (.TOC. - 1b)@l
	addi	3, 1, REGS
	bl	do_handle_exception
	/* Where backtraces (stack.c) see an interrupt frame. */
	.globl exception_return
exception_return:
	nop

	ld	0, REGS + PT_NIP(1)
	mtsrr0	0
	ld	0, REGS + PT_MSR(1)
	mtsrr1	0
	ld	0, REGS + PT_CTR(1)
	mtctr	0
	ld	0, REGS + PT_LINK(1)
	mtlr	0
	ld	0, REGS + PT_XER(1)
	mtxer	0
	ld	0, REGS + PT_CCR(1)
	mtcr	0
	ld	0, REGS + PT_GPR0(1)
	.irp n, 2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	ld	\n, REGS + PT_GPR0 + 8 * \n(1)
	.endr
	ld	1, REGS + PT_GPR0 + 8(1)
	rfid

	.section .note.GNU-stack, "", %progbits
