/* SPDX-License-Identifier: MIT */
/*
 * asm/sysreg.h - reading and writing AArch64 system registers by name:
 * read_sysreg(mpidr_el1), write_sysreg(val, vbar_el1).  Registers the
 * assembler knows only by encoding are written sys_reg(op0,op1,CRn,CRm,op2)
 * with read_sysreg_s()/write_sysreg_s().
 */
#ifndef _ASMARM64_SYSREG_H_
#define _ASMARM64_SYSREG_H_

#include <linux/const.h>

#define sys_reg(op0, op1, crn, crm, op2)				\
	"S" #op0 "_" #op1 "_C" #crn "_C" #crm "_" #op2

#ifndef __ASSEMBLY__
#include <stdint.h>

#define read_sysreg(r) ({						\
	uint64_t __val;							\
	asm volatile("mrs %0, " #r : "=r"(__val));			\
	__val;								\
})

#define write_sysreg(v, r) do {						\
	uint64_t __val = (uint64_t)(v);					\
	asm volatile("msr " #r ", %x0" : : "rZ"(__val));		\
} while (0)

#define read_sysreg_s(r) ({						\
	uint64_t __val;							\
	asm volatile("mrs %0, " r : "=r"(__val));			\
	__val;								\
})

#define write_sysreg_s(v, r) do {					\
	uint64_t __val = (uint64_t)(v);					\
	asm volatile("msr " r ", %x0" : : "rZ"(__val));			\
} while (0)

#endif /* !__ASSEMBLY__ */
#endif /* _ASMARM64_SYSREG_H_ */
