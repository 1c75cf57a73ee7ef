/* SPDX-License-Identifier: MIT */
/*
 * usermode32.S - the two ring switches of run_in_user() (usermode.c) on
 * i386; usermode64.S is x86_64's, and says why a #UD brings us back.
 *
 * What differs from x86_64: the function's arguments go on the user
 * stack (cdecl), its u64 result comes back in edx:eax, and an IRET that
 * stays at CPL 0 pops no stack pointer, so the way back finds the frame
 * the exception left and steps over its ESP and SS.
 */
#include <x86/desc.h>

/* struct user_entry, as usermode.c lays it out (and checks). */
#define UE_FUNC		0
#define UE_ARG1		8
#define UE_ARG2		16
#define UE_ARG3		24
#define UE_ARG4		32
#define UE_RSP		40
#define UE_RFLAGS	48

	.text

/*
 * u64 kut_x86_user_call(const struct user_entry *e, void *sp0,
 *			 unsigned long *back_sp)
 *
 * Saves what the C caller expects kept, stores the stack pointer as the
 * TSS's esp0 (so exceptions from ring 3 land just below this frame) and
 * as *back_sp, puts the four arguments (their low 32 bits) at the top
 * of the user stack, then IRETs to kut_x86_user_entry at CPL 3 with the
 * function in eax.  Returns through kut_x86_user_back.
 */
	.globl kut_x86_user_call
	.type kut_x86_user_call, @function
kut_x86_user_call:
	push	%ebp
	mov	%esp, %ebp
	push	%ebx
	push	%esi
	push	%edi
	pushf
	cli
	mov	8(%ebp), %edx		/* e */
	mov	12(%ebp), %eax
	mov	%esp, (%eax)		/* the TSS's esp0 */
	mov	16(%ebp), %eax
	mov	%esp, (%eax)		/* *back_sp */
	mov	UE_RSP(%edx), %ecx
	sub	$16, %ecx
	mov	UE_ARG1(%edx), %eax
	mov	%eax, 0(%ecx)
	mov	UE_ARG2(%edx), %eax
	mov	%eax, 4(%ecx)
	mov	UE_ARG3(%edx), %eax
	mov	%eax, 8(%ecx)
	mov	UE_ARG4(%edx), %eax
	mov	%eax, 12(%ecx)
	pushl	$USER_DS
	push	%ecx
	pushl	UE_RFLAGS(%edx)
	pushl	$USER_CS
	pushl	$kut_x86_user_entry
	mov	UE_FUNC(%edx), %eax
	xor	%ebp, %ebp		/* ends ring 3's frame-pointer chain */
	iret
	.size kut_x86_user_call, . - kut_x86_user_call

/* Ring 3: call the function (arguments above the return address). */
	.globl kut_x86_user_entry
	.type kut_x86_user_entry, @function
kut_x86_user_entry:
	call	*%eax
	.globl kut_x86_user_exit
kut_x86_user_exit:
	ud2
	.size kut_x86_user_entry, . - kut_x86_user_entry

/*
 * Ring 0 again, through an exception whose frame usermode.c pointed
 * here: it was pushed just below the stack kut_x86_user_call() left,
 * and the IRET to CPL 0 left its user ESP and SS behind; the result is
 * in edx:eax (0 after a fault).
 */
	.globl kut_x86_user_back
	.type kut_x86_user_back, @function
kut_x86_user_back:
	add	$8, %esp		/* the user ESP and SS of the frame */
	popf
	pop	%edi
	pop	%esi
	pop	%ebx
	pop	%ebp
	ret
	.size kut_x86_user_back, . - kut_x86_user_back

	.section .note.GNU-stack, "", @progbits
