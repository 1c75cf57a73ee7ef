/* SPDX-License-Identifier: MIT */
/*
 * asm/asm-offsets.h - where struct pt_regs (asm/ptrace.h) keeps each
 * register, for assembly and inline asm: "str x0, [x1, #" xstr(S_PC) "]".
 * An exception frame is the pt_regs and then a frame record {x29, pc}
 * (at S_FP) that lets a backtrace walk from a handler into the code the
 * exception interrupted; S_FRAME_SIZE is the whole frame.  The library
 * checks these numbers against the structure when it is built.
 */
#ifndef _ASMARM64_ASM_OFFSETS_H_
#define _ASMARM64_ASM_OFFSETS_H_

#define S_X0			0
#define S_X1			8
#define S_X2			16
#define S_X3			24
#define S_X4			32
#define S_X5			40
#define S_X6			48
#define S_X7			56
#define S_LR			240
#define S_SP			248
#define S_PC			256
#define S_PSTATE		264
#define S_ORIG_X0		272
#define S_SYSCALLNO		280
#define S_FP			288
#define S_FRAME_SIZE		304

#endif /* _ASMARM64_ASM_OFFSETS_H_ */
