// SPDX-License-Identifier: MIT
/*
 * isr.c - interrupt handlers as upstream's tests install them
 * (x86/isr.h), on top of the exception dispatcher of desc.c: the
 * interrupt frame is struct ex_regs, which isr_regs_t mirrors.
 */
#include <libcflat.h>
#include <x86/desc.h>
#include <x86/isr.h>
#include <x86/processor.h>

typedef void (*irq_handler)(isr_regs_t *regs);

static irq_handler irq_handlers[256];

_Static_assert(sizeof(isr_regs_t) == sizeof(struct ex_regs),
	       "isr_regs_t is the exception frame");
_Static_assert(__builtin_offsetof(isr_regs_t, vector) ==
	       __builtin_offsetof(struct ex_regs, vector), "vector");
_Static_assert(__builtin_offsetof(isr_regs_t, rip) ==
	       __builtin_offsetof(struct ex_regs, rip), "rip");
#ifdef __x86_64__
_Static_assert(__builtin_offsetof(isr_regs_t, ss) ==
	       __builtin_offsetof(struct ex_regs, ss), "ss");
#endif

static void irq_entry(struct ex_regs *regs)
{
	irq_handlers[regs->vector & 0xff]((isr_regs_t *)regs);
}

void handle_irq(unsigned vec, void (*func)(isr_regs_t *regs))
{
	vec &= 0xff;
	irq_handlers[vec] = func;
	handle_exception(vec, func ? irq_entry : NULL);
}

void handle_external_interrupt(int vector)
{
	unsigned long entry = (unsigned long)get_idt_addr(&boot_idt[vector & 0xff]);

	/*
	 * The frame a CPU pushes for an interrupt, then the call as its
	 * jump.  In long mode the frame always holds SS:RSP, realigned; in
	 * 32-bit mode an interrupt at CPL 0 pushes no stack pointer.
	 */
#ifdef __x86_64__
	unsigned long sp;

	asm volatile("mov %%rsp, %[sp]\n\t"
		     "and $-16, %%rsp\n\t"
		     "push %[ss]\n\t"
		     "push %[sp]\n\t"
		     "pushf\n\t"
		     "orq %[ifl], (%%rsp)\n\t"
		     "push %[cs]\n\t"
		     "call *%[entry]"
		     : [sp] "=&r"(sp)
		     : [entry] "r"(entry), [ss] "i"(KERNEL_DS),
		       [cs] "i"(KERNEL_CS), [ifl] "i"(X86_EFLAGS_IF)
		     : "memory", "cc");
#else
	asm volatile("pushf\n\t"
		     "orl %[ifl], (%%esp)\n\t"
		     "push %[cs]\n\t"
		     "call *%[entry]"
		     : : [entry] "r"(entry), [cs] "i"(KERNEL_CS),
		       [ifl] "i"(X86_EFLAGS_IF)
		     : "memory", "cc");
#endif
}
