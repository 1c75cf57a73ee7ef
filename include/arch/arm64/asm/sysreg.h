/* SPDX-License-Identifier: MIT */
/*
 * asm/sysreg.h - reading and writing AArch64 system registers by name:
 * read_sysreg(mpidr_el1), write_sysreg(val, vbar_el1); the name may be a
 * macro (read_sysreg(ZCR_EL1), ZCR_EL1 being S3_0_C1_C2_0), which is
 * expanded first.  Registers known only by encoding are written
 * sys_reg(op0, op1, CRn, CRm, op2) and accessed with read_sysreg_s() /
 * write_sysreg_s(); the assembler takes that "S<op0>_<op1>_C<n>_C<m>_<op2>"
 * spelling for any register, so no special macros are needed.  Then the
 * bits of the registers tests use most.
 */
#ifndef _ASMARM64_SYSREG_H_
#define _ASMARM64_SYSREG_H_

#include <linux/const.h>

#define sys_reg(op0, op1, crn, crm, op2)				\
	"S" #op0 "_" #op1 "_C" #crn "_C" #crm "_" #op2

#ifndef __ASSEMBLY__
#include <libcflat.h>
#include <bitops.h>

#define read_sysreg(r) ({						\
	u64 __val;							\
	asm volatile("mrs %0, " xstr(r) : "=r"(__val));			\
	__val;								\
})

#define write_sysreg(v, r) do {						\
	u64 __val = (u64)(v);						\
	asm volatile("msr " xstr(r) ", %x0" : : "rZ"(__val));		\
} while (0)

#define read_sysreg_s(r) ({						\
	u64 __val;							\
	asm volatile("mrs %0, " r : "=r"(__val));			\
	__val;								\
})

#define write_sysreg_s(v, r) do {					\
	u64 __val = (u64)(v);						\
	asm volatile("msr " r ", %x0" : : "rZ"(__val));			\
} while (0)

/* Numbered EL0 registers: write_regn_el0(pmevcntr, 3, v) is PMEVCNTR3_EL0. */
#define write_regn_el0(__reg, __n, __val) \
	write_sysreg((__val), __reg ## __n ## _el0)
#define read_regn_el0(__reg, __n) \
	read_sysreg(__reg ## __n ## _el0)
#endif /* !__ASSEMBLY__ */

/* ID register fields (shifts of 4-bit fields). */
#define ID_AA64ISAR0_EL1_RNDR_SHIFT	60
#define ID_AA64PFR1_EL1_MTE_SHIFT	8
#define ID_AA64MMFR0_EL1_FGT_SHIFT	56
#define ID_AA64MMFR0_EL1_FGT_FGT2	0x2
#define ID_AA64MMFR1_EL1_VH_SHIFT	8

/* GICv3 CPU interface, group 1 (see asm/arch_gicv3.h). */
#define ICC_PMR_EL1			sys_reg(3, 0, 4, 6, 0)
#define ICC_SGI1R_EL1			sys_reg(3, 0, 12, 11, 5)
#define ICC_IAR1_EL1			sys_reg(3, 0, 12, 12, 0)
#define ICC_EOIR1_EL1			sys_reg(3, 0, 12, 12, 1)
#define ICC_SRE_EL1			sys_reg(3, 0, 12, 12, 5)
#define ICC_GRPEN1_EL1			sys_reg(3, 0, 12, 12, 7)

/* MTE: the tag check fault status of EL1 (TF1) and EL0 (TF0). */
#define TFSR_EL1			sys_reg(3, 0, 5, 6, 0)
#define TFSR_EL1_TF0			_BITULL(0)
#define TFSR_EL1_TF1			_BITULL(1)

/* System Control Register (SCTLR_EL1) bits */
#define SCTLR_EL1_ATA		_BITULL(43)
#define SCTLR_EL1_ATA0		_BITULL(42)
#define SCTLR_EL1_LSMAOE	_BITULL(29)
#define SCTLR_EL1_NTLSMD	_BITULL(28)
#define SCTLR_EL1_EE		_BITULL(25)
#define SCTLR_EL1_SPAN		_BITULL(23)
#define SCTLR_EL1_EIS		_BITULL(22)
#define SCTLR_EL1_TSCXT		_BITULL(20)
#define SCTLR_EL1_WXN		_BITULL(19)
#define SCTLR_EL1_I		_BITULL(12)
#define SCTLR_EL1_EOS		_BITULL(11)
#define SCTLR_EL1_SED		_BITULL(8)
#define SCTLR_EL1_ITD		_BITULL(7)
#define SCTLR_EL1_SA0		_BITULL(4)
#define SCTLR_EL1_SA		_BITULL(3)
#define SCTLR_EL1_C		_BITULL(2)
#define SCTLR_EL1_A		_BITULL(1)
#define SCTLR_EL1_M		_BITULL(0)
/* MTE tag check fault handling at EL1 (TCF) and EL0 (TCF0). */
#define SCTLR_EL1_TCF_SHIFT	40
#define SCTLR_EL1_TCF_MASK	GENMASK_ULL(41, 40)
#define SCTLR_EL1_TCF0_SHIFT	38
#define SCTLR_EL1_TCF0_MASK	GENMASK_ULL(39, 38)
/* SCTLR_EL1 with the MMU off: the RES1 bits of ARMv8.0 and the rest 0. */
#define INIT_SCTLR_EL1_MMU_OFF	\
			(SCTLR_EL1_ITD | SCTLR_EL1_SED | SCTLR_EL1_EOS | \
			 SCTLR_EL1_TSCXT | SCTLR_EL1_EIS | SCTLR_EL1_SPAN | \
			 SCTLR_EL1_NTLSMD | SCTLR_EL1_LSMAOE)

/* Hypervisor Configuration Register: TGE, AArch64 EL1, VHE (E2H). */
#define HCR_EL2_TGE		_BITULL(27)
#define HCR_EL2_RW		_BITULL(31)
#define HCR_EL2_E2H		_BITULL(34)
/* Running at EL1 below an EL2 left alone; running at EL2 with VHE. */
#define INIT_HCR_EL2_EL1_ONLY	(HCR_EL2_RW)
#define INIT_HCR_EL2		(HCR_EL2_TGE | HCR_EL2_E2H | HCR_EL2_RW)

/* Fine-grained trap registers of EL2 (FEAT_FGT, FEAT_FGT2). */
#define SYS_HFGRTR_EL2		sys_reg(3, 4, 1, 1, 4)
#define SYS_HFGWTR_EL2		sys_reg(3, 4, 1, 1, 5)
#define SYS_HFGITR_EL2		sys_reg(3, 4, 1, 1, 6)
#define SYS_HFGRTR2_EL2		sys_reg(3, 4, 3, 1, 2)
#define SYS_HFGWTR2_EL2		sys_reg(3, 4, 3, 1, 3)
#define SYS_HFGITR2_EL2		sys_reg(3, 4, 3, 1, 7)

/*
 * SVE's control register, by encoding so that assemblers without SVE
 * take it: LEN is the vector length in units of 128 bits, minus one.
 */
#define ZCR_EL1			S3_0_C1_C2_0
#define ZCR_EL1_LEN		GENMASK(3, 0)

/* A random number (FEAT_RNG); NZCV.Z set when none was available. */
#define RNDR			S3_3_C2_C4_0

#endif /* _ASMARM64_SYSREG_H_ */
