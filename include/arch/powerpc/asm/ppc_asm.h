/* SPDX-License-Identifier: MIT */
/*
 * asm/ppc_asm.h - assembly helpers for 64-bit Power (upstream kvm-unit-
 * tests' names): saving registers into a struct pt_regs, loading a 64-bit
 * constant, and the byte-order switch an entry point begins with.
 */
#ifndef _ASMPOWERPC_PPC_ASM_H
#define _ASMPOWERPC_PPC_ASM_H

#include <asm/ptrace.h>
#include <asm/reg.h>

/* Store or load GPR n at struct pt_regs' gpr[n] at @base. */
#define SAVE_GPR(n, base)	std	n,PT_GPR0+8*(n)(base)
#define REST_GPR(n, base)	ld	n,PT_GPR0+8*(n)(base)

/* Load the 64-bit constant @expr into @reg, five instructions. */
#define LOAD_REG_IMMEDIATE(reg, expr)		\
	lis	reg,(expr)@highest;		\
	ori	reg,reg,(expr)@higher;		\
	rldicr	reg,reg,32,31;			\
	oris	reg,reg,(expr)@h;		\
	ori	reg,reg,(expr)@l;

/* Load the address of @name, through the TOC (r2). */
#define LOAD_REG_ADDR(reg, name)		\
	addis	reg,r2,name@toc@ha;		\
	addi	reg,reg,name@toc@l;

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/*
 * The first instructions of a little-endian entry point, which firmware
 * or a starting CPU may enter in big-endian mode.  The first word reads
 * as "tdi 0,0,0x48" (never traps) in little-endian and as "b .+8" in
 * big-endian; the second skips, in little-endian, what follows: the
 * big-endian instructions (stored byte-swapped) that flip MSR[LE] and
 * return to just after them with rfid.  Uses r10 and r11.
 */
#define FIXUP_ENDIAN							\
	tdi	0,0,0x48;	/* big-endian: b .+8 */			\
	b	191f;							\
	.long	0x05009f42;	/* bcl 20,31,.+4 */			\
	.long	0xa602487d;	/* mflr r10 */				\
	.long	0x1c004a39;	/* addi r10,r10,28 */			\
	.long	0xa600607d;	/* mfmsr r11 */				\
	.long	0x01006b69;	/* xori r11,r11,1 (MSR_LE) */		\
	.long	0xa6035a7d;	/* mtsrr0 r10 */			\
	.long	0xa6037b7d;	/* mtsrr1 r11 */			\
	.long	0x2400004c;	/* rfid */				\
191:
#else
#define FIXUP_ENDIAN
#endif

#endif /* _ASMPOWERPC_PPC_ASM_H */
