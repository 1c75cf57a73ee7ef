/* SPDX-License-Identifier: MIT */
/*
 * asm/sysreg.h - CP15 system registers of ARMv7 by name, in upstream
 * kvm-unit-tests' style: a register is defined as its access
 * (instructions, operands and type), e.g.
 *   #define SCTLR __ACCESS_CP15(c1, 0, c0, 0)
 * and read with read_sysreg(SCTLR), written with write_sysreg(v, SCTLR).
 */
#ifndef _ASMARM_SYSREG_H_
#define _ASMARM_SYSREG_H_

#define __kut_str(...)		#__VA_ARGS__
#define __kut_xstr(...)		__kut_str(__VA_ARGS__)

#define __ACCESS_CP15(CRn, Op1, CRm, Op2)				\
	"mrc", "mcr", __kut_xstr(p15, Op1, %0, CRn, CRm, Op2), uint32_t
#define __ACCESS_CP15_64(Op1, CRm)					\
	"mrrc", "mcrr", __kut_xstr(p15, Op1, %Q0, %R0, CRm), uint64_t

#ifndef __ASSEMBLY__
#include <stdint.h>

#define __read_sysreg(r, w, c, t) ({					\
	t __val;							\
	asm volatile(r " " c : "=r"(__val));				\
	__val;								\
})
#define read_sysreg(...)		__read_sysreg(__VA_ARGS__)

#define __write_sysreg(v, r, w, c, t)					\
	asm volatile(w " " c : : "r"((t)(v)))
#define write_sysreg(v, ...)		__write_sysreg(v, __VA_ARGS__)

#endif /* !__ASSEMBLY__ */

#define SCTLR		__ACCESS_CP15(c1, 0, c0, 0)
#define CPACR		__ACCESS_CP15(c1, 0, c0, 2)
#define TTBCR		__ACCESS_CP15(c2, 0, c0, 2)
#define TTBR0		__ACCESS_CP15_64(0, c2)
#define MAIR0		__ACCESS_CP15(c10, 0, c2, 0)
#define MAIR1		__ACCESS_CP15(c10, 0, c2, 1)
#define DFSR		__ACCESS_CP15(c5, 0, c0, 0)
#define IFSR		__ACCESS_CP15(c5, 0, c0, 1)
#define DFAR		__ACCESS_CP15(c6, 0, c0, 0)
#define IFAR		__ACCESS_CP15(c6, 0, c0, 2)
#define VBAR		__ACCESS_CP15(c12, 0, c0, 0)
#define CNTKCTL		__ACCESS_CP15(c14, 0, c1, 0)
#define CNTV_CTL	__ACCESS_CP15(c14, 0, c3, 1)
#define CNTV_CVAL	__ACCESS_CP15_64(3, c14)
#define CNTP_CTL	__ACCESS_CP15(c14, 0, c2, 1)
#define CNTP_CVAL	__ACCESS_CP15_64(2, c14)
#define CNTPCT		__ACCESS_CP15_64(0, c14)
#define TPIDRPRW	__ACCESS_CP15(c13, 0, c0, 4)

#define SCTLR_M		(1U << 0)
#define SCTLR_A		(1U << 1)
#define SCTLR_C		(1U << 2)
#define SCTLR_Z		(1U << 11)
#define SCTLR_I		(1U << 12)
#define SCTLR_V		(1U << 13)
#define SCTLR_TE	(1U << 30)

#endif /* _ASMARM_SYSREG_H_ */
