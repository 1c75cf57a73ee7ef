/* SPDX-License-Identifier: MIT */
/*
 * asm/ptrace.h - the registers saved on exception entry (struct pt_regs,
 * laid out as in Linux and upstream kvm-unit-tests) and PSTATE bits.
 * A handler may change any field; the exception returns with them.
 */
#ifndef _ASMARM64_PTRACE_H_
#define _ASMARM64_PTRACE_H_

#define PSR_MODE_EL0t		0x00000000
#define PSR_MODE_EL1t		0x00000004
#define PSR_MODE_EL1h		0x00000005
#define PSR_MODE_EL2t		0x00000008
#define PSR_MODE_EL2h		0x00000009
#define PSR_MODE_MASK		0x0000000f
#define PSR_F_BIT		0x00000040
#define PSR_I_BIT		0x00000080
#define PSR_A_BIT		0x00000100
#define PSR_D_BIT		0x00000200

/* Offsets in struct pt_regs, for assembly. */
#define S_X0			0
#define S_LR			(30 * 8)
#define S_SP			(31 * 8)
#define S_PC			(32 * 8)
#define S_PSTATE		(33 * 8)
#define S_ORIG_X0		(34 * 8)
#define S_FRAME_SIZE		(36 * 8)

#ifndef __ASSEMBLY__
#include <stdint.h>

struct pt_regs {
	uint64_t regs[31];
	uint64_t sp;
	uint64_t pc;
	uint64_t pstate;
	uint64_t orig_x0;
	uint64_t syscallno;
};

#define user_mode(regs)		(((regs)->pstate & PSR_MODE_MASK) == PSR_MODE_EL0t)
#define processor_mode(regs)	((regs)->pstate & PSR_MODE_MASK)
#define interrupts_enabled(regs) (!((regs)->pstate & PSR_I_BIT))

#endif /* !__ASSEMBLY__ */
#endif /* _ASMARM64_PTRACE_H_ */
