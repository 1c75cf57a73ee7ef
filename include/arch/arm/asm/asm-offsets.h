/* SPDX-License-Identifier: MIT */
/*
 * asm/asm-offsets.h - where struct pt_regs (asm/ptrace.h) keeps each
 * register, for assembly and inline asm: "str r1, [r0, #" xstr(S_PC) "]".
 * S_FRAME_SIZE is the size of the structure.  The library checks these
 * numbers against the structure when it is built.
 */
#ifndef _ASMARM_ASM_OFFSETS_H_
#define _ASMARM_ASM_OFFSETS_H_

#define S_R0			0
#define S_R1			4
#define S_R2			8
#define S_R3			12
#define S_R4			16
#define S_R5			20
#define S_R6			24
#define S_R7			28
#define S_R8			32
#define S_R9			36
#define S_R10			40
#define S_FP			44
#define S_IP			48
#define S_SP			52
#define S_LR			56
#define S_PC			60
#define S_PSR			64
#define S_OLD_R0		68
#define S_FRAME_SIZE		72

#endif /* _ASMARM_ASM_OFFSETS_H_ */
