/* SPDX-License-Identifier: MIT */
/*
 * asm/ptrace.h - the registers an interrupt saved (upstream kvm-unit-tests'
 * and Linux's struct pt_regs for 64-bit Power).  A handler may change any
 * of them, nip and msr included: they are what the interrupt returns to.
 */
#ifndef _ASMPPC64_PTRACE_H_
#define _ASMPPC64_PTRACE_H_

/* Below an interrupted stack pointer: the ABI's red zone, left alone. */
#define KERNEL_REDZONE_SIZE	288
/* A minimal stack frame (back chain, CR, LR, ... save words). */
#define STACK_FRAME_OVERHEAD	112

/* Byte offsets in struct pt_regs, for the interrupt entry code. */
#define PT_GPR0			0
#define PT_NIP			256
#define PT_MSR			264
#define PT_CTR			272
#define PT_LINK			280
#define PT_XER			288
#define PT_CCR			296
#define PT_TRAP			304
#define PT_DAR			312
#define PT_DSISR		320
#define PT_SIZE			336	/* a multiple of 16 */

#ifndef __ASSEMBLY__

#include <stdbool.h>
#include <asm/reg.h>

struct pt_regs {
	unsigned long gpr[32];
	unsigned long nip;	/* SRR0: where the interrupt hit, or after */
	unsigned long msr;	/* SRR1: the MSR then, plus cause bits */
	unsigned long ctr;
	unsigned long link;
	unsigned long xer;
	unsigned long ccr;
	unsigned long trap;	/* the interrupt's vector: 0x300, 0x900, ... */
	unsigned long dar;	/* DAR and DSISR as the interrupt found them */
	unsigned long dsisr;
	unsigned long _pad;	/* keeps the stack 16-byte aligned */
};

/* Whether the interrupted instruction was a prefixed (8-byte) one. */
static inline bool regs_is_prefix(volatile struct pt_regs *regs)
{
	return regs->msr & SRR1_PREFIX;
}

/* Resume after the interrupted instruction (4 or 8 bytes long). */
static inline void regs_advance_insn(struct pt_regs *regs)
{
	regs->nip += regs_is_prefix(regs) ? 8 : 4;
}

/* An interrupt frame on the stack: the registers plus a call frame. */
#define STACK_INT_FRAME_SIZE	(sizeof(struct pt_regs) + \
				 STACK_FRAME_OVERHEAD + KERNEL_REDZONE_SIZE)

#endif /* !__ASSEMBLY__ */

#endif /* _ASMPPC64_PTRACE_H_ */
