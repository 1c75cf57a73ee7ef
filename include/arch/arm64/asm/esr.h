/* SPDX-License-Identifier: MIT */
/*
 * asm/esr.h - the Exception Syndrome Register: its exception classes
 * (the EC field that install_exception_handler() takes; _CUR: taken
 * from the current exception level, _LOW: from a lower one) and fault
 * status codes, under Linux's names.
 */
#ifndef _ASMARM64_ESR_H_
#define _ASMARM64_ESR_H_

#include <linux/const.h>

#define ESR_ELx_EC_SHIFT	26
#define ESR_ELx_EC_WIDTH	6
#define ESR_ELx_EC_MASK		(_AC(0x3f, UL) << ESR_ELx_EC_SHIFT)
#define ESR_ELx_EC(esr)		(((esr) & ESR_ELx_EC_MASK) >> ESR_ELx_EC_SHIFT)
#define ESR_ELx_IL		(_AC(1, UL) << 25)
#define ESR_ELx_ISS_MASK	((_AC(1, UL) << 25) - 1)

#define ESR_ELx_EC_UNKNOWN	_AC(0x00, UL)
#define ESR_ELx_EC_WFx		_AC(0x01, UL)
#define ESR_ELx_EC_CP15_32	_AC(0x03, UL)
#define ESR_ELx_EC_CP15_64	_AC(0x04, UL)
#define ESR_ELx_EC_CP14_MR	_AC(0x05, UL)
#define ESR_ELx_EC_CP14_LS	_AC(0x06, UL)
#define ESR_ELx_EC_FP_ASIMD	_AC(0x07, UL)
#define ESR_ELx_EC_CP10_ID	_AC(0x08, UL)	/* to EL2 only */
#define ESR_ELx_EC_PAC		_AC(0x09, UL)	/* to EL2 and up */
#define ESR_ELx_EC_OTHER	_AC(0x0a, UL)
#define ESR_ELx_EC_CP14_64	_AC(0x0c, UL)
#define ESR_ELx_EC_BTI		_AC(0x0d, UL)
#define ESR_ELx_EC_ILL		_AC(0x0e, UL)
#define ESR_ELx_EC_SVC32	_AC(0x11, UL)
#define ESR_ELx_EC_HVC32	_AC(0x12, UL)	/* to EL2 only */
#define ESR_ELx_EC_SMC32	_AC(0x13, UL)	/* to EL2 and up */
#define ESR_ELx_EC_SVC64	_AC(0x15, UL)
#define ESR_ELx_EC_HVC64	_AC(0x16, UL)	/* to EL2 and up */
#define ESR_ELx_EC_SMC64	_AC(0x17, UL)	/* to EL2 and up */
#define ESR_ELx_EC_SYS64	_AC(0x18, UL)
#define ESR_ELx_EC_SVE		_AC(0x19, UL)
#define ESR_ELx_EC_ERET		_AC(0x1a, UL)	/* to EL2 only */
#define ESR_ELx_EC_FPAC		_AC(0x1c, UL)
#define ESR_ELx_EC_SME		_AC(0x1d, UL)
#define ESR_ELx_EC_IMP_DEF	_AC(0x1f, UL)	/* to EL3 only */
#define ESR_ELx_EC_IABT_LOW	_AC(0x20, UL)
#define ESR_ELx_EC_IABT_CUR	_AC(0x21, UL)
#define ESR_ELx_EC_PC_ALIGN	_AC(0x22, UL)
#define ESR_ELx_EC_DABT_LOW	_AC(0x24, UL)
#define ESR_ELx_EC_DABT_CUR	_AC(0x25, UL)
#define ESR_ELx_EC_SP_ALIGN	_AC(0x26, UL)
#define ESR_ELx_EC_MOPS		_AC(0x27, UL)
#define ESR_ELx_EC_FP_EXC32	_AC(0x28, UL)
#define ESR_ELx_EC_FP_EXC64	_AC(0x2c, UL)
#define ESR_ELx_EC_GCS		_AC(0x2d, UL)
#define ESR_ELx_EC_SERROR	_AC(0x2f, UL)
#define ESR_ELx_EC_BREAKPT_LOW	_AC(0x30, UL)
#define ESR_ELx_EC_BREAKPT_CUR	_AC(0x31, UL)
#define ESR_ELx_EC_SOFTSTP_LOW	_AC(0x32, UL)
#define ESR_ELx_EC_SOFTSTP_CUR	_AC(0x33, UL)
#define ESR_ELx_EC_WATCHPT_LOW	_AC(0x34, UL)
#define ESR_ELx_EC_WATCHPT_CUR	_AC(0x35, UL)
#define ESR_ELx_EC_BKPT32	_AC(0x38, UL)
#define ESR_ELx_EC_VECTOR32	_AC(0x3a, UL)	/* to EL2 only */
#define ESR_ELx_EC_BRK64	_AC(0x3c, UL)
#define ESR_ELx_EC_MAX		_AC(0x3f, UL)

/*
 * Data and instruction aborts: the fault status code (FSC, ISS[5:0]),
 * whether FAR is not valid (FnV) and whether a data abort was a write
 * (WnR).
 */
#define ESR_ELx_FSC		0x3f
#define ESR_ELx_FSC_EXTABT	0x10	/* synchronous external abort */
#define ESR_ELx_FSC_MTE		0x11	/* synchronous tag check fault */
#define ESR_ELx_FnV		(_AC(1, UL) << 10)
#define ESR_ELx_WNR		(_AC(1, UL) << 6)

#endif /* _ASMARM64_ESR_H_ */
