/* SPDX-License-Identifier: MIT */
/*
 * x86/virt.h - switching general registers between a nested guest and
 * its host, upstream's helpers for the nested VMX and SVM tests.
 *
 * The guest's registers live in this CPU's struct guest_regs
 * (asm/smp.h), reached through GS.  SWAP_GPRS exchanges every general
 * register but RSP with its saved copy (__SWAP_GPRS: all but RAX too,
 * which VMRUN uses); an asm statement using it lists GUEST_REGS_OFFSETS
 * among its inputs.
 */
#ifndef _X86_VIRT_H_
#define _X86_VIRT_H_

#include <libcflat.h>
#include <x86/processor.h>
#include <smp.h>

#ifdef __x86_64__
static inline struct guest_regs *this_cpu_guest_regs(void)
{
	return (struct guest_regs *)(rdmsr(MSR_GS_BASE) +
				     offsetof_percpu(guest_regs));
}

/*
 * The registers the swap covers besides RAX, once: __KUT_GPRS(f) applies
 * f to each name.  RSP stays out (each side keeps its stack), RAX is
 * added where the caller does not use it itself.
 */
#define __KUT_GPRS(f)							\
	f(rbx) f(rcx) f(rdx) f(rsi) f(rdi) f(rbp)			\
	f(r8) f(r9) f(r10) f(r11) f(r12) f(r13) f(r14) f(r15)

/* The asm input that gives the saved @name's offset as %c[off_@name]. */
#define GUEST_REG_OFFSET(name)						\
	[off_##name] "i" (offsetof_percpu(guest_regs) +			\
			  __builtin_offsetof(struct guest_regs, name))
#define __KUT_GUEST_REG_OFFSET_ITEM(name)	GUEST_REG_OFFSET(name),
/* All those inputs, for an asm statement that swaps (or reads) them. */
#define GUEST_REGS_OFFSETS						\
	__KUT_GPRS(__KUT_GUEST_REG_OFFSET_ITEM)				\
	GUEST_REG_OFFSET(rax), GUEST_REG_OFFSET(cr2),			\
	GUEST_REG_OFFSET(rflags)

/* The operand "%gs:<offset of the saved @name>". */
#define GUEST_REG(name)		xxstr(%%gs:%c[off_##name])
/* Exchange register @name with its saved copy. */
#define SWAP_REG(name)		"xchg %%" xxstr(name) ", " GUEST_REG(name) "\n\t"

#define __SWAP_GPRS		__KUT_GPRS(SWAP_REG)
#define SWAP_GPRS		SWAP_REG(rax) __SWAP_GPRS
#endif /* __x86_64__ */

#endif /* _X86_VIRT_H_ */
