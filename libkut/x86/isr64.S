/* SPDX-License-Identifier: MIT */
/*
 * isr64.S - the x86_64 IDT entry stubs (isr-stubs.h) and the common
 * exception entry.
 *
 * Each stub makes the frame uniform (a dummy error code where the CPU
 * pushes none, then the vector) and jumps to isr_common, which saves the
 * general registers in the order of struct ex_regs and calls
 * kut_x86_exception(regs).  The handler may edit regs; they are restored
 * from it, so changing rip/rsp/rflags resumes elsewhere.  A fake call frame
 * (interrupted rip and rbp) links the handler's backtrace to the code that
 * faulted.
 */

#include "isr-stubs.h"

	.text
	isr_stub_table

/* Offsets in struct ex_regs. */
#define EX_RBP		40
#define EX_RIP		144

isr_common:
	push	%r15
	push	%r14
	push	%r13
	push	%r12
	push	%r11
	push	%r10
	push	%r9
	push	%r8
	push	%rdi
	push	%rsi
	push	%rbp
	sub	$8, %rsp		/* ex_regs.dummy */
	push	%rbx
	push	%rdx
	push	%rcx
	push	%rax
	cld
	mov	%rsp, %rbx
	pushq	EX_RIP(%rbx)
	pushq	EX_RBP(%rbx)
	mov	%rsp, %rbp
	and	$-16, %rsp
	mov	%rbx, %rdi
	call	kut_x86_exception
	mov	%rbx, %rsp
	pop	%rax
	pop	%rcx
	pop	%rdx
	pop	%rbx
	add	$8, %rsp
	pop	%rbp
	pop	%rsi
	pop	%rdi
	pop	%r8
	pop	%r9
	pop	%r10
	pop	%r11
	pop	%r12
	pop	%r13
	pop	%r14
	pop	%r15
	add	$16, %rsp		/* vector and error code */
	.globl	isr_iret_ip
isr_iret_ip:				/* every handler returns here (x86/isr.h) */
	iretq

	.section .note.GNU-stack, "", @progbits
