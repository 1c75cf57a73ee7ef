/* SPDX-License-Identifier: MIT */
/*
 * asm/esr.h - the Exception Syndrome Register: exception classes (the EC
 * field install_exception_handler() takes) and fault status codes.
 */
#ifndef _ASMARM64_ESR_H_
#define _ASMARM64_ESR_H_

#define ESR_EL1_EC_SHIFT	26
#define ESR_EL1_EC_MASK		(0x3fU << ESR_EL1_EC_SHIFT)
#define ESR_EL1_IL		(1U << 25)
#define ESR_EL1_ISS_MASK	0x01ffffffU
#define ESR_EL1_EC(esr)		(((esr) & ESR_EL1_EC_MASK) >> ESR_EL1_EC_SHIFT)

#define ESR_EL1_EC_UNKNOWN	0x00
#define ESR_EL1_EC_WFI		0x01
#define ESR_EL1_EC_CP15_32	0x03
#define ESR_EL1_EC_CP15_64	0x04
#define ESR_EL1_EC_CP14_MR	0x05
#define ESR_EL1_EC_CP14_LS	0x06
#define ESR_EL1_EC_FP_ASIMD	0x07
#define ESR_EL1_EC_CP10_ID	0x08
#define ESR_EL1_EC_CP14_64	0x0c
#define ESR_EL1_EC_ILL_ISS	0x0e
#define ESR_EL1_EC_SVC32	0x11
#define ESR_EL1_EC_SVC64	0x15
#define ESR_EL1_EC_SYS64	0x18
#define ESR_EL1_EC_SVE		0x19
#define ESR_EL1_EC_IABT_EL0	0x20
#define ESR_EL1_EC_IABT_EL1	0x21
#define ESR_EL1_EC_PC_ALIGN	0x22
#define ESR_EL1_EC_DABT_EL0	0x24
#define ESR_EL1_EC_DABT_EL1	0x25
#define ESR_EL1_EC_SP_ALIGN	0x26
#define ESR_EL1_EC_FP_EXC32	0x28
#define ESR_EL1_EC_FP_EXC64	0x2c
#define ESR_EL1_EC_SERROR	0x2f
#define ESR_EL1_EC_BREAKPT_EL0	0x30
#define ESR_EL1_EC_BREAKPT_EL1	0x31
#define ESR_EL1_EC_SOFTSTP_EL0	0x32
#define ESR_EL1_EC_SOFTSTP_EL1	0x33
#define ESR_EL1_EC_WATCHPT_EL0	0x34
#define ESR_EL1_EC_WATCHPT_EL1	0x35
#define ESR_EL1_EC_BKPT32	0x38
#define ESR_EL1_EC_BRK64	0x3c

/* Data/instruction abort ISS: fault status code and FAR validity. */
#define ESR_EL1_FSC_MASK	0x3fU
#define ESR_EL1_FSC_EXTABT	0x10
#define ESR_EL1_FnV		(1U << 10)
#define ESR_EL1_WNR		(1U << 6)

#endif /* _ASMARM64_ESR_H_ */
