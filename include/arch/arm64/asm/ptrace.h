/* SPDX-License-Identifier: MIT */
/*
 * asm/ptrace.h - the registers saved on exception entry (struct pt_regs,
 * laid out as in Linux and upstream kvm-unit-tests), PSTATE bits and the
 * CurrentEL values.  A handler may change any field of the pt_regs it is
 * given; the exception returns with them.  Offsets for assembly are in
 * <asm/asm-offsets.h>.
 */
#ifndef _ASMARM64_PTRACE_H_
#define _ASMARM64_PTRACE_H_

/* CurrentEL as current_level() returns it: the EL in bits [3:2]. */
#define CurrentEL_EL1		(1 << 2)
#define CurrentEL_EL2		(2 << 2)

/* SPSR/PSTATE.M: the exception level and stack pointer (t: SP_EL0). */
#define PSR_MODE_EL0t		0x00000000
#define PSR_MODE_EL1t		0x00000004
#define PSR_MODE_EL1h		0x00000005
#define PSR_MODE_EL2t		0x00000008
#define PSR_MODE_EL2h		0x00000009
#define PSR_MODE_EL3t		0x0000000c
#define PSR_MODE_EL3h		0x0000000d
#define PSR_MODE_MASK		0x0000000f
/* Set in an SPSR when the interrupted code ran in AArch32. */
#define PSR_MODE32_BIT		0x00000010

/* Interrupt masks (DAIF), then the condition flags. */
#define PSR_F_BIT		0x00000040
#define PSR_I_BIT		0x00000080
#define PSR_A_BIT		0x00000100
#define PSR_D_BIT		0x00000200
#define PSR_Q_BIT		0x08000000
#define PSR_V_BIT		0x10000000
#define PSR_C_BIT		0x20000000
#define PSR_Z_BIT		0x40000000
#define PSR_N_BIT		0x80000000

/* The bytes of PSTATE, as MSR's field masks name them. */
#define PSR_f			0xff000000
#define PSR_s			0x00ff0000
#define PSR_x			0x0000ff00
#define PSR_c			0x000000ff

#ifndef __ASSEMBLY__
#include <libcflat.h>

/* The general registers, as the kernel's user API lays them out. */
struct user_pt_regs {
	u64 regs[31];
	u64 sp;
	u64 pc;
	u64 pstate;
};

/* The FP/SIMD registers and their status and control registers. */
struct user_fpsimd_state {
	__uint128_t vregs[32];
	u32 fpsr;
	u32 fpcr;
};

/*
 * What an exception saves: x0-x30, the interrupted sp, pc (ELR) and
 * PSTATE (SPSR), a multiple of 16 bytes so the stack stays aligned.
 */
struct pt_regs {
	union {
		struct user_pt_regs user_regs;
		struct {
			u64 regs[31];
			u64 sp;
			u64 pc;
			u64 pstate;
		};
	};
	u64 orig_x0;
	u64 syscallno;
};

#define user_mode(regs)		(((regs)->pstate & PSR_MODE_MASK) == PSR_MODE_EL0t)
#define processor_mode(regs)	((regs)->pstate & PSR_MODE_MASK)
#define interrupts_enabled(regs) (!((regs)->pstate & PSR_I_BIT))
#define fast_interrupts_enabled(regs) (!((regs)->pstate & PSR_F_BIT))

#endif /* !__ASSEMBLY__ */
#endif /* _ASMARM64_PTRACE_H_ */
