/* SPDX-License-Identifier: MIT */
/*
 * asm/reg.h - special-purpose register numbers and MSR bits of 64-bit
 * Power (Power ISA v3), under upstream kvm-unit-tests' names.  Usable from
 * C and assembly.  MSR bit numbers (MSR_*_BIT) count from the least
 * significant bit, as C shifts do.
 */
#ifndef _ASMPOWERPC_REG_H
#define _ASMPOWERPC_REG_H

#include <linux/const.h>		/* UL() */

#define SPR_XER		0x001
#define SPR_LR		0x008
#define SPR_CTR		0x009
#define SPR_DSCR	0x011
#define SPR_DSISR	0x012
#define SPR_DAR		0x013
#define SPR_DEC		0x016
#define SPR_SRR0	0x01a
#define SPR_SRR1	0x01b
#define   SRR1_PREFIX		UL(0x20000000)	/* the interrupted insn was prefixed */
#define SPR_CFAR	0x01c
#define SPR_AMR		0x01d
#define SPR_PIDR	0x030
#define SPR_IAMR	0x03d
#define SPR_TFHAR	0x080
#define SPR_TFIAR	0x081
#define SPR_TEXASR	0x082
#define SPR_TEXASRU	0x083
#define SPR_CTRL_R	0x088	/* CTRL, read */
#define SPR_CTRL_W	0x098	/* CTRL, write */
#define SPR_FSCR	0x099
#define   FSCR_PREFIX		UL(0x2000)
#define SPR_UAMOR	0x09d
#define SPR_PSPB	0x09f
#define SPR_DPDES	0x0b0
#define SPR_HFSCR	0x0be
#define SPR_VRSAVE	0x100
#define SPR_TB		0x10c	/* read: the timebase */
#define SPR_TBU		0x10d
#define SPR_SPRG0	0x110
#define SPR_SPRG1	0x111
#define SPR_SPRG2	0x112
#define SPR_SPRG3	0x113
#define SPR_TBU40	0x11e
#define SPR_PVR		0x11f
#define   PVR_VERSION_MASK	UL(0xffff0000)
#define   PVR_VER_970		UL(0x00390000)
#define   PVR_VER_970FX		UL(0x003c0000)
#define   PVR_VER_970MP		UL(0x00440000)
#define   PVR_VER_POWER8E	UL(0x004b0000)
#define   PVR_VER_POWER8NVL	UL(0x004c0000)
#define   PVR_VER_POWER8	UL(0x004d0000)
#define   PVR_VER_POWER9	UL(0x004e0000)
#define   PVR_VER_POWER10	UL(0x00800000)
#define SPR_HSPRG0	0x130
#define SPR_HSPRG1	0x131
#define SPR_HDEC	0x136
#define SPR_HSRR0	0x13a
#define SPR_HSRR1	0x13b
#define SPR_LPCR	0x13e
#define   LPCR_HDICE		UL(0x1)
#define   LPCR_LD		UL(0x20000)
#define SPR_LPIDR	0x13f
#define SPR_HEIR	0x153
#define SPR_PTCR	0x1d0
#define SPR_PSSCR	0x357
#define SPR_MMCR2	0x311
#define SPR_MMCRA	0x312
#define SPR_PMC1	0x313
#define SPR_PMC2	0x314
#define SPR_PMC3	0x315
#define SPR_PMC4	0x316
#define SPR_PMC5	0x317
#define SPR_PMC6	0x318
#define SPR_MMCR0	0x31b
#define   MMCR0_FC		UL(0x80000000)
#define   MMCR0_PMAE		UL(0x04000000)
#define   MMCR0_PMAO		UL(0x00000080)
#define SPR_SIAR	0x31c
#define SPR_SDAR	0x31d
#define SPR_MMCR1	0x31e
#define SPR_PIR		0x3ff

/* Machine State Register bits, numbered from the least significant. */
#define MSR_LE_BIT	0			/* little-endian */
#define MSR_RI_BIT	1			/* recoverable interrupt */
#define MSR_DR_BIT	4			/* data relocation (MMU on for data) */
#define MSR_IR_BIT	5			/* instruction relocation */
#define MSR_FP_BIT	13			/* floating point available */
#define MSR_EE_BIT	15			/* external interrupts enable */
#define MSR_VEC_BIT	25			/* AltiVec available */
#define MSR_VSX_BIT	23			/* VSX available */
#define MSR_HV_BIT	60			/* hypervisor state */
#define MSR_SF_BIT	63			/* 64-bit mode */

#define MSR_LE		UL(0x0001)
#define MSR_RI		UL(0x0002)
#define MSR_DR		UL(0x0010)
#define MSR_IR		UL(0x0020)
#define MSR_BE		UL(0x0200)		/* branch trace enable */
#define MSR_SE		UL(0x0400)		/* single step enable */
#define MSR_FP		UL(0x2000)
#define MSR_ME		UL(0x1000)		/* machine check enable */
#define MSR_PR		UL(0x4000)		/* problem (user) state */
#define MSR_EE		UL(0x8000)
#define MSR_VSX		(UL(1) << MSR_VSX_BIT)
#define MSR_VEC		(UL(1) << MSR_VEC_BIT)
#define MSR_HV		(UL(1) << MSR_HV_BIT)
#define MSR_SF		(UL(1) << MSR_SF_BIT)

#endif /* _ASMPOWERPC_REG_H */
