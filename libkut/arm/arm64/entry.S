/* SPDX-License-Identifier: MIT */
/*
 * entry.S - the arm64 vector table, exception entry and return, and the
 * switch to EL0 for start_usr().
 *
 * Every vector saves a struct pt_regs (asm/ptrace.h) on the EL1 stack and
 * calls do_handle_exception(vector, regs, esr) in processor.c; whatever
 * the handler leaves in regs is restored by the eret.  Above pt_regs the
 * frame (asm/asm-offsets.h) holds a frame record {x29, elr} at S_FP, so
 * a backtrace taken in a handler walks on into the interrupted code.
 */
#include <asm/ptrace.h>
#include <asm/asm-offsets.h>

.macro	vector_stub, name, vec, from_el0
\name:
	sub	sp, sp, #S_FRAME_SIZE
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	stp	x18, x19, [sp, #16 * 9]
	stp	x20, x21, [sp, #16 * 10]
	stp	x22, x23, [sp, #16 * 11]
	stp	x24, x25, [sp, #16 * 12]
	stp	x26, x27, [sp, #16 * 13]
	stp	x28, x29, [sp, #16 * 14]
	.if \from_el0
	mrs	x1, sp_el0
	.else
	add	x1, sp, #S_FRAME_SIZE
	.endif
	stp	x30, x1, [sp, #S_LR]
	mrs	x1, elr_el1
	mrs	x2, spsr_el1
	stp	x1, x2, [sp, #S_PC]
	str	x0, [sp, #S_ORIG_X0]
	stp	x29, x1, [sp, #S_FP]
	add	x29, sp, #S_FP
	mov	x0, #\vec
	mov	x1, sp
	mrs	x2, esr_el1
	bl	do_handle_exception
	b	exception_return
.endm

	.text
	vector_stub	el1t_sync, 0, 0
	vector_stub	el1t_irq, 1, 0
	vector_stub	el1t_fiq, 2, 0
	vector_stub	el1t_error, 3, 0
	vector_stub	el1h_sync, 4, 0
	vector_stub	el1h_irq, 5, 0
	vector_stub	el1h_fiq, 6, 0
	vector_stub	el1h_error, 7, 0
	vector_stub	el0_sync_64, 8, 1
	vector_stub	el0_irq_64, 9, 1
	vector_stub	el0_fiq_64, 10, 1
	vector_stub	el0_error_64, 11, 1
	vector_stub	el0_sync_32, 12, 1
	vector_stub	el0_irq_32, 13, 1
	vector_stub	el0_fiq_32, 14, 1
	vector_stub	el0_error_32, 15, 1

exception_return:
	ldp	x1, x2, [sp, #S_PC]
	msr	elr_el1, x1
	msr	spsr_el1, x2
	ldp	x30, x1, [sp, #S_LR]
	/* Returning to EL0: its stack pointer may have been changed too. */
	tst	x2, #PSR_MODE_MASK
	b.ne	1f
	msr	sp_el0, x1
1:	ldp	x0, x1, [sp, #16 * 0]
	ldp	x2, x3, [sp, #16 * 1]
	ldp	x4, x5, [sp, #16 * 2]
	ldp	x6, x7, [sp, #16 * 3]
	ldp	x8, x9, [sp, #16 * 4]
	ldp	x10, x11, [sp, #16 * 5]
	ldp	x12, x13, [sp, #16 * 6]
	ldp	x14, x15, [sp, #16 * 7]
	ldp	x16, x17, [sp, #16 * 8]
	ldp	x18, x19, [sp, #16 * 9]
	ldp	x20, x21, [sp, #16 * 10]
	ldp	x22, x23, [sp, #16 * 11]
	ldp	x24, x25, [sp, #16 * 12]
	ldp	x26, x27, [sp, #16 * 13]
	ldp	x28, x29, [sp, #16 * 14]
	add	sp, sp, #S_FRAME_SIZE
	eret

.macro	ventry, label
	.balign	0x80
	b	\label
.endm

	.balign	2048
	.globl vector_table
vector_table:
	ventry	el1t_sync
	ventry	el1t_irq
	ventry	el1t_fiq
	ventry	el1t_error
	ventry	el1h_sync
	ventry	el1h_irq
	ventry	el1h_fiq
	ventry	el1h_error
	ventry	el0_sync_64
	ventry	el0_irq_64
	ventry	el0_fiq_64
	ventry	el0_error_64
	ventry	el0_sync_32
	ventry	el0_irq_32
	ventry	el0_fiq_32
	ventry	el0_error_32

/*
 * void __start_usr(func, arg, sp_usr): eret to func(arg) at EL0 with no
 * exception masked (DAIF clear, as upstream's user mode runs); func
 * returns into usr_exit_trampoline.
 */
	.globl __start_usr
__start_usr:
	msr	sp_el0, x2
	msr	elr_el1, x0
	msr	spsr_el1, xzr		/* EL0t, DAIF clear */
	mov	x0, x1
	adr	x30, usr_exit_trampoline
	mov	x29, xzr
	isb
	eret

/* Back from the user function: ask EL1 to end the test (processor.c). */
	.globl usr_exit_trampoline
usr_exit_trampoline:
	svc	#0x4b55
	b	usr_exit_trampoline

	.section .note.GNU-stack, "", %progbits
