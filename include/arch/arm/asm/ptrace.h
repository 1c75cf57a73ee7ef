/* SPDX-License-Identifier: MIT */
/*
 * asm/ptrace.h - the registers saved on exception entry (struct pt_regs,
 * laid out as in Linux and upstream kvm-unit-tests: r0-r15, CPSR,
 * ORIG_r0) and the processor modes.  A handler may change any field;
 * the exception returns with them (ARM_pc is where execution resumes).
 * Offsets for assembly are in <asm/asm-offsets.h>.
 */
#ifndef _ASMARM_PTRACE_H_
#define _ASMARM_PTRACE_H_

#define USR_MODE	0x00000010
#define FIQ_MODE	0x00000011
#define IRQ_MODE	0x00000012
#define SVC_MODE	0x00000013
#define MON_MODE	0x00000016
#define ABT_MODE	0x00000017
#define HYP_MODE	0x0000001a
#define UND_MODE	0x0000001b
#define SYSTEM_MODE	0x0000001f
#define MODE32_BIT	0x00000010	/* every AArch32 mode has it */
#define MODE_MASK	0x0000001f

#define PSR_T_BIT	0x00000020
#define PSR_F_BIT	0x00000040
#define PSR_I_BIT	0x00000080
#define PSR_A_BIT	0x00000100
#define PSR_E_BIT	0x00000200	/* big-endian data */
#define PSR_J_BIT	0x01000000	/* Jazelle */
#define PSR_Q_BIT	0x08000000
#define PSR_V_BIT	0x10000000
#define PSR_C_BIT	0x20000000
#define PSR_Z_BIT	0x40000000
#define PSR_N_BIT	0x80000000

/* The bytes of the CPSR, as MSR's field masks name them. */
#define PSR_f		0xff000000
#define PSR_s		0x00ff0000
#define PSR_x		0x0000ff00
#define PSR_c		0x000000ff

/* The flags (N Z C V Q GE), instruction set (J T), IT and endian state. */
#define APSR_MASK	0xf80f0000
#define PSR_ISET_MASK	0x01000010	/* as Linux defines it */
#define PSR_IT_MASK	0x0600fc00
#define PSR_ENDIAN_MASK	0x00000200

#ifndef __ASSEMBLY__
struct pt_regs {
	unsigned long uregs[18];
};

#define ARM_cpsr	uregs[16]
#define ARM_pc		uregs[15]
#define ARM_lr		uregs[14]
#define ARM_sp		uregs[13]
#define ARM_ip		uregs[12]
#define ARM_fp		uregs[11]
#define ARM_r10		uregs[10]
#define ARM_r9		uregs[9]
#define ARM_r8		uregs[8]
#define ARM_r7		uregs[7]
#define ARM_r6		uregs[6]
#define ARM_r5		uregs[5]
#define ARM_r4		uregs[4]
#define ARM_r3		uregs[3]
#define ARM_r2		uregs[2]
#define ARM_r1		uregs[1]
#define ARM_r0		uregs[0]
#define ARM_ORIG_r0	uregs[17]

#define user_mode(regs)		(((regs)->ARM_cpsr & MODE_MASK) == USR_MODE)
#define processor_mode(regs)	((regs)->ARM_cpsr & MODE_MASK)
#define interrupts_enabled(regs) (!((regs)->ARM_cpsr & PSR_I_BIT))
#define fast_interrupts_enabled(regs) (!((regs)->ARM_cpsr & PSR_F_BIT))
#define thumb_mode(regs)	(((regs)->ARM_cpsr & PSR_T_BIT) != 0)

/* Offset of the last register in struct pt_regs. */
#define MAX_REG_OFFSET	(offsetof(struct pt_regs, ARM_ORIG_r0))

#endif /* !__ASSEMBLY__ */
#endif /* _ASMARM_PTRACE_H_ */
