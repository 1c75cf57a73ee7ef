/* SPDX-License-Identifier: MIT */
/*
 * entry.S - the arm vector table, exception entry and return, and the
 * switch to user mode for start_usr().
 *
 * Every exception is handled in SVC mode on the CPU's kernel stack: the
 * entry stub corrects the return address (the banked lr is the next
 * instruction after an undefined one or an svc, the faulting one + 4
 * after a prefetch abort, + 8 after a data abort, the interrupted one + 4
 * after an IRQ or FIQ, in ARM and Thumb state alike), pushes it and the interrupted
 * CPSR to the SVC stack with "srsdb" (so the exception modes need no
 * stacks of their own), switches to SVC mode and saves a struct pt_regs
 * (asm/ptrace.h) below them, with the interrupted mode's own sp and lr.
 * do_handle_exception(vector, regs) in processor.c runs, and "rfeia"
 * returns to whatever regs->ARM_pc and ARM_cpsr then hold.
 */
#include <asm/ptrace.h>
#include <asm/asm-offsets.h>

	.syntax unified
	.arm
	.text

.macro	vector_stub, name, vec, correction
vector_\name:
	.if \correction
	sub	lr, lr, #\correction
	.endif
	srsdb	sp!, #SVC_MODE
	cps	#SVC_MODE
	sub	sp, sp, #S_FRAME_SIZE
	stmia	sp, {r0-r12}
	ldr	r0, [sp, #S_FRAME_SIZE]		/* return address */
	ldr	r1, [sp, #S_FRAME_SIZE + 4]	/* interrupted CPSR */
	str	r0, [sp, #S_PC]
	str	r1, [sp, #S_PSR]
	mvn	r2, #0
	str	r2, [sp, #S_OLD_R0]
	and	r2, r1, #MODE_MASK
	cmp	r2, #USR_MODE
	cmpne	r2, #SYSTEM_MODE
	add	r3, sp, #S_SP
	stmiaeq	r3, {sp, lr}^			/* the user's banked sp, lr */
	beq	1f
	add	r2, sp, #(S_FRAME_SIZE + 8)	/* SVC: sp before the entry */
	stmia	r3, {r2, lr}
1:	mov	r0, #\vec
	mov	r1, sp
	bl	do_handle_exception
	b	exception_return
.endm

	vector_stub	rst, 0, 0
	vector_stub	und, 1, 0
	vector_stub	svc, 2, 0
	vector_stub	pabt, 3, 4
	vector_stub	dabt, 4, 8
	vector_stub	addrexcptn, 5, 0
	vector_stub	irq, 6, 4
	vector_stub	fiq, 7, 4

exception_return:
	ldr	r0, [sp, #S_PC]
	ldr	r1, [sp, #S_PSR]
	str	r0, [sp, #S_FRAME_SIZE]
	str	r1, [sp, #S_FRAME_SIZE + 4]
	and	r2, r1, #MODE_MASK
	cmp	r2, #USR_MODE
	cmpne	r2, #SYSTEM_MODE
	add	r3, sp, #S_SP
	ldmiaeq	r3, {sp, lr}^
	nop
	ldrne	lr, [sp, #S_LR]
	ldmia	sp, {r0-r12}
	add	sp, sp, #S_FRAME_SIZE
	rfeia	sp!

	.balign	32
	.globl vector_table
vector_table:
	b	vector_rst
	b	vector_und
	b	vector_svc
	b	vector_pabt
	b	vector_dabt
	b	vector_addrexcptn
	b	vector_irq
	b	vector_fiq

/*
 * void __start_usr(func, arg, sp_usr): to func(arg) in user mode, with
 * interrupts as they are now; func returns into usr_exit_trampoline.
 */
	.globl __start_usr
__start_usr:
	ldr	r3, =usr_exit_trampoline
	cps	#SYSTEM_MODE
	mov	sp, r2
	mov	lr, r3
	cps	#SVC_MODE
	mrs	r3, cpsr
	bic	r3, r3, #MODE_MASK
	orr	r3, r3, #USR_MODE
	msr	spsr_cxsf, r3
	mov	lr, r0
	mov	r0, r1
	mov	r11, #0
	movs	pc, lr

/* Back from the user function: ask SVC mode to end the test. */
	.globl usr_exit_trampoline
usr_exit_trampoline:
	svc	#0x4b55
	b	usr_exit_trampoline
	.ltorg

	.section .note.GNU-stack, "", %progbits
