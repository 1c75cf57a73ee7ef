/* SPDX-License-Identifier: MIT */
/*
 * isr32.S - the i386 IDT entry stubs (isr-stubs.h), the common
 * exception entry, and the code of the double-fault task.
 *
 * As isr64.S: each 16-byte stub makes the frame uniform (a dummy error
 * code where the CPU pushes none, then the vector) and jumps to
 * isr_common, which saves the general registers in the order of struct
 * ex_regs and calls kut_x86_exception(regs), then restores them from
 * regs (a handler may change them, eip to resume elsewhere) and IRETs.
 * The CPU pushes ESP and SS only when the exception changes privilege
 * level, so they are not part of ex_regs here, as upstream's.  A fake
 * call frame (interrupted eip and ebp) links the handler's backtrace to
 * the code that faulted.
 */

#include "isr-stubs.h"

	.text
	isr_stub_table

/* Offsets in struct ex_regs. */
#define EX_RBP		20
#define EX_RIP		40

isr_common:
	push	%edi
	push	%esi
	push	%ebp
	sub	$4, %esp		/* ex_regs.dummy */
	push	%ebx
	push	%edx
	push	%ecx
	push	%eax
	cld
	mov	%esp, %ebx
	pushl	EX_RIP(%ebx)
	pushl	EX_RBP(%ebx)
	mov	%esp, %ebp
	and	$-16, %esp
	sub	$12, %esp		/* the argument below keeps 16-byte alignment */
	push	%ebx
	call	kut_x86_exception
	mov	%ebx, %esp
	pop	%eax
	pop	%ecx
	pop	%edx
	pop	%ebx
	add	$4, %esp
	pop	%ebp
	pop	%esi
	pop	%edi
	add	$8, %esp		/* vector and error code */
	.globl	isr_iret_ip
isr_iret_ip:				/* every handler returns here (x86/isr.h) */
	iret

/*
 * The double-fault task (desc32.c): entered by the #DF task gate with the
 * error code on its stack; "iret" with NT set switches back to the task
 * that faulted (if a handler took the #DF), and the next #DF resumes
 * after it, so the loop starts over.
 */
	.globl kut_x86_df_entry
kut_x86_df_entry:
	cld
	xor	%ebp, %ebp		/* a chain of its own */
	mov	(%esp), %eax
	and	$-16, %esp
	sub	$12, %esp
	push	%eax
	call	kut_x86_double_fault
	mov	$kut_x86_df_stack_top, %esp
	iret
	jmp	kut_x86_df_entry

	.bss
	.balign 16
	.skip	8192
	.globl kut_x86_df_stack_top
kut_x86_df_stack_top:

	.section .note.GNU-stack, "", @progbits
