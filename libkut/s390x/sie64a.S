/* SPDX-License-Identifier: MIT */
/*
 * sie64a.S - sie64a(sblk, save_area): one entry into a SIE guest (sie.h).
 *
 * The host keeps r15 (SIE leaves it alone: the guest's r14 and r15 live
 * in the state description), so the two pointers are parked in the
 * caller's frame, in its argument slots, where the exit path finds them
 * again.  The guest runs with its own primary ASCE in CR1; sie() has
 * put the host in the home space (CR13) so that the host's own
 * addresses keep working meanwhile.  A program interrupt from the SIE
 * instruction (or inside the guest's interpretation) resumes at
 * sie_exit: interrupt.c moves the PSW there.  The no-ops after SIE keep
 * [sie_entry, sie_exit] a range an old PSW can point into.
 */
#include <asm/asm-offsets.h>
#include "s390x.h"

	.text
	.globl	sie64a
sie64a:
	/* r2: the state description, r3: the save area; both for later. */
	stg	%r3, __SF_SIE_SAVEAREA(%r15)
	stg	%r2, __SF_SIE_CONTROL(%r15)
	stmg	%r0, %r14, SIE_SAVEAREA_HOST_GRS(%r3)
	fp_state std, stfpc, SIE_SAVEAREA_HOST_FPC, SIE_SAVEAREA_HOST_FPRS, %r3
	stctg	%c1, %c1, SIE_SAVEAREA_HOST_ASCE(%r3)
	lctlg	%c1, %c1, SIE_SAVEAREA_GUEST_ASCE(%r3)

	/* From here to sie_exit_gregs the registers are the guest's. */
	.globl	sie_entry_gregs
sie_entry_gregs:
	fp_state ld, lfpc, SIE_SAVEAREA_GUEST_FPC, SIE_SAVEAREA_GUEST_FPRS, %r3
	lg	%r14, __SF_SIE_CONTROL(%r15)
	lmg	%r0, %r13, SIE_SAVEAREA_GUEST_GRS(%r3)

	.globl	sie_entry
sie_entry:
	.insn	s, 0xb2140000, 0(%r14)		/* SIE */
	bcr	0, %r7
	bcr	0, %r7
	bcr	0, %r7

	.globl	sie_exit
sie_exit:
	/* r14 is free: the guest's lives in the state description. */
	lg	%r14, __SF_SIE_SAVEAREA(%r15)
	stmg	%r0, %r13, SIE_SAVEAREA_GUEST_GRS(%r14)
	lctlg	%c1, %c1, SIE_SAVEAREA_HOST_ASCE(%r14)
	fp_state std, stfpc, SIE_SAVEAREA_GUEST_FPC, SIE_SAVEAREA_GUEST_FPRS, %r14
	fp_state ld, lfpc, SIE_SAVEAREA_HOST_FPC, SIE_SAVEAREA_HOST_FPRS, %r14
	lmg	%r0, %r14, SIE_SAVEAREA_HOST_GRS(%r14)

	.globl	sie_exit_gregs
sie_exit_gregs:
	br	%r14

	.section .note.GNU-stack, "", %progbits
