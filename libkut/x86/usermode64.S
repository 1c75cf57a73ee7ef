/* SPDX-License-Identifier: MIT */
/*
 * usermode64.S - the two ring switches of run_in_user() (usermode.c).
 *
 * Down with IRETQ; up with a #UD at one known address, which desc.c's
 * dispatcher hands to usermode.c before anything else.  Neither INT n
 * nor SYSCALL: on the KVM this project is developed on (KVM on PVM, no
 * hardware virtualization) a software interrupt in long mode stops the
 * guest with an internal error, and SYSCALL leaves the guest at CPL 3;
 * exceptions work everywhere.
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
 * u64 kut_x86_user_call(const struct user_entry *e, void *rsp0,
 *			 u64 *back_rsp)
 *
 * Saves what the C caller expects kept, stores the stack pointer as the
 * TSS's rsp0 (so exceptions from ring 3 land below this frame) and as
 * *back_rsp (where the way back resumes), then IRETs to
 * kut_x86_user_entry at CPL 3 with the function in rax and its
 * arguments where the C calling convention wants them.  Returns through
 * kut_x86_user_back.
 */
	.globl kut_x86_user_call
	.type kut_x86_user_call, @function
kut_x86_user_call:
	push	%rbp
	mov	%rsp, %rbp
	push	%rbx
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	pushfq
	cli
	mov	%rsp, (%rsi)
	mov	%rsp, (%rdx)
	pushq	$USER_DS
	pushq	UE_RSP(%rdi)
	pushq	UE_RFLAGS(%rdi)
	pushq	$USER_CS
	lea	kut_x86_user_entry(%rip), %rax
	push	%rax
	mov	UE_FUNC(%rdi), %rax
	mov	UE_ARG4(%rdi), %rcx
	mov	UE_ARG3(%rdi), %rdx
	mov	UE_ARG2(%rdi), %rsi
	mov	UE_ARG1(%rdi), %rdi
	xor	%ebp, %ebp		/* ends ring 3's frame-pointer chain */
	iretq
	.size kut_x86_user_call, . - kut_x86_user_call

/* Ring 3: call the function; its result goes up in rax. */
	.globl kut_x86_user_entry
	.type kut_x86_user_entry, @function
kut_x86_user_entry:
	call	*%rax
	.globl kut_x86_user_exit
kut_x86_user_exit:
	ud2
	.size kut_x86_user_entry, . - kut_x86_user_entry

/*
 * Ring 0 again, through an exception whose frame usermode.c pointed
 * here: the stack kut_x86_user_call() left, the result in rax (0 after a
 * fault).
 */
	.globl kut_x86_user_back
	.type kut_x86_user_back, @function
kut_x86_user_back:
	popfq
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbx
	pop	%rbp
	ret
	.size kut_x86_user_back, . - kut_x86_user_back

	.section .note.GNU-stack, "", @progbits
