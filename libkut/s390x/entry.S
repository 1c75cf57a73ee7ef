/* SPDX-License-Identifier: MIT */
/*
 * entry.S - the interrupt handlers the lowcore's new PSWs point at: save
 * the interrupted context in a struct stack_frame_int (asm/arch_def.h)
 * below the interrupted stack pointer, run the C handler with it, restore
 * what the handler left there and load the lowcore's old PSW, which the
 * handler may have changed too.
 *
 * An interrupt swaps PSWs and nothing else, so the first instruction
 * stores the general registers into the lowcore (this CPU's own, and
 * outside low-address protection) to free some.  The control registers
 * are saved and restored as well, and the handler runs with CR0 =
 * HANDLER_CR0 (additional FP registers on, external subclasses off).
 * The frame's back chain is the interrupted r15 and its r14 sits where a
 * frame keeps its return address, so a backtrace from a handler walks on
 * into the interrupted code.
 *
 * A program interrupt that hits this code itself (before the frame is
 * complete: the interrupted r15 did not point at usable memory) would
 * loop; it is caught and reported from a stack of its own instead.
 */
#include <asm/asm-offsets.h>
#include "s390x.h"

	.macro	INT_HANDLER name, c_func, old_psw, check_nested=0
	.globl	\name
\name:
	stmg	%r0, %r15, GEN_LC_SW_INT_GRS
	.if	\check_nested
	lg	%r1, \old_psw + 8
	larl	%r2, kut_entry_start
	clgr	%r1, %r2
	jl	1f
	larl	%r2, kut_entry_end
	clgr	%r1, %r2
	jhe	1f
	larl	%r15, emergency_stack + 4096 - 160
	xc	0(160, %r15), 0(%r15)
	brasl	%r14, kut_entry_fault
1:
	.endif
	/* r15 stays the interrupted one until the frame is complete. */
	lay	%r1, -STACK_FRAME_INT_SIZE(%r15)
	mvc	STACK_FRAME_INT_GRS0(14 * 8, %r1), GEN_LC_SW_INT_GRS + 2 * 8
	mvc	STACK_FRAME_INT_GRS1(2 * 8, %r1), GEN_LC_SW_INT_GRS
	stg	%r15, STACK_FRAME_INT_BACKCHAIN(%r1)
	xc	8(8, %r1), 8(%r1)
	stctg	%c0, %c15, STACK_FRAME_INT_CRS(%r1)
	larl	%r2, handler_cr0
	lctlg	%c0, %c0, 0(%r2)
	fp_state std, stfpc, STACK_FRAME_INT_FPC, STACK_FRAME_INT_FPRS, %r1
	lgr	%r2, %r1
	lay	%r15, -STACK_FRAME_SIZE(%r1)
	xc	0(STACK_FRAME_SIZE, %r15), 0(%r15)
	stg	%r2, 0(%r15)
	brasl	%r14, \c_func
	aghi	%r15, STACK_FRAME_SIZE
	fp_state ld, lfpc, STACK_FRAME_INT_FPC, STACK_FRAME_INT_FPRS, %r15
	lctlg	%c0, %c15, STACK_FRAME_INT_CRS(%r15)
	lmg	%r0, %r1, STACK_FRAME_INT_GRS1(%r15)
	lmg	%r2, %r15, STACK_FRAME_INT_GRS0(%r15)
	lpswe	\old_psw
	.endm

	.text
	.globl kut_entry_start
kut_entry_start:
	INT_HANDLER pgm_int, handle_pgm_int, GEN_LC_PGM_OLD_PSW, 1
	INT_HANDLER ext_int, handle_ext_int, GEN_LC_EXT_OLD_PSW
	INT_HANDLER io_int, kut_io_int, GEN_LC_IO_OLD_PSW
	INT_HANDLER svc_int, kut_svc_int, GEN_LC_SVC_OLD_PSW
	INT_HANDLER mcck_int, kut_mcck_int, GEN_LC_MCCK_OLD_PSW
	.globl kut_entry_end
kut_entry_end:

	.bss
	.balign	4096
emergency_stack:
	.skip	4096

	.section .note.GNU-stack, "", %progbits
