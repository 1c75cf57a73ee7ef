/* SPDX-License-Identifier: MIT */
/*
 * asm/asm.h - register-width helpers for riscv assembly files (upstream
 * kvm-unit-tests' names): one source for RV64 and RV32.
 */
#ifndef _ASMRISCV_ASM_H_
#define _ASMRISCV_ASM_H_

#if __riscv_xlen == 64
#define REG_L		ld	/* load a register-wide word */
#define REG_S		sd	/* store one */
#define SZREG		8	/* its size in bytes */
#elif __riscv_xlen == 32
#define REG_L		lw
#define REG_S		sw
#define SZREG		4
#else
#error "asm/asm.h: __riscv_xlen is neither 64 nor 32"
#endif

/* Element @idx of an array of longs at @reg, as a load/store operand. */
#define ASMARR(reg, idx)	((idx) * SZREG)(reg)

/* A frame record's size: {s0, ra}, kept 16-byte aligned. */
#define FP_SIZE		16

#ifdef __ASSEMBLER__
/*
 * Zihintpause's PAUSE by its encoding (a FENCE that orders nothing, so
 * any hart runs it): kut's -march=rv64gc is what both GCC 12 and Clang
 * 14 take, and neither assembler then knows the mnemonic (Clang 14's
 * knows no Zihintpause at all).  An assembler macro wins over the
 * instruction of the same name in both.
 */
.macro pause
	.4byte	0x0100000f
.endm
#endif

#endif /* _ASMRISCV_ASM_H_ */
