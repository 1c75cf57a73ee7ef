/* SPDX-License-Identifier: MIT */
/*
 * x86/isr.h - handlers for interrupts (vectors 32-255), upstream's way.
 *
 * An interrupt enters the same dispatcher as an exception (x86/desc.h),
 * on the interrupted stack, with interrupts disabled.  The handler must
 * send the EOI itself (eoi(), x86/apic.h) for an interrupt the local APIC
 * delivered, or no interrupt of the same or lower priority class comes
 * again.  An interrupt with no handler ends the test as failed, like an
 * unexpected exception.
 */
#ifndef _X86_ISR_H_
#define _X86_ISR_H_

#include <libcflat.h>
#include <x86/desc.h>

/*
 * The interrupted context, as a handler sees it; it may change rip (and
 * the rest) to resume elsewhere.  The same frame as struct ex_regs:
 * regs[] holds rax, rcx, rdx, rbx, (unused), rbp, rsi, rdi, and r8 .. r15
 * on x86_64 (16 registers there, 8 on i386).  As in ex_regs, rsp and ss
 * are x86_64's: on i386 the CPU saves them only on a privilege change.
 */
typedef struct {
	ulong regs[sizeof(ulong) * 2];
	ulong vector;
	ulong error_code;
	ulong rip;
	ulong cs;
	ulong rflags;
#ifdef __x86_64__
	ulong rsp;
	ulong ss;
#endif
} isr_regs_t;

/* Run @func for interrupt vector @vec on every CPU (NULL: no handler). */
void handle_irq(unsigned vec, void (*func)(isr_regs_t *regs));

/*
 * Run the IDT's handler of @vector now, from software, with a frame as
 * if the interrupt had arrived (IF set in the saved RFLAGS): what a
 * VMX test does with an external interrupt that caused a VM exit.
 */
void handle_external_interrupt(int vector);

/*
 * The iret through which every interrupt and exception handler returns:
 * an NMI whose frame points here came in before the return completed.
 */
extern char isr_iret_ip[];

#endif /* _X86_ISR_H_ */
