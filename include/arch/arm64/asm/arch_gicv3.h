/* SPDX-License-Identifier: MIT */
/*
 * asm/arch_gicv3.h - the GICv3 CPU interface through AArch64 system
 * registers (ICC_*_EL1, group 1), and 64-bit GIC registers in MMIO.
 * These registers are 32 bits wide but written from 64-bit registers, so
 * the values are widened explicitly.
 */
#ifndef _ASMARM64_ARCH_GICV3_H_
#define _ASMARM64_ARCH_GICV3_H_

#include <asm/sysreg.h>

#ifndef __ASSEMBLY__
#include <libcflat.h>
#include <asm/barrier.h>
#include <asm/io.h>

/* Priority mask: interrupts of priority values below it are signalled. */
static inline void gicv3_write_pmr(u32 val)
{
	write_sysreg_s((u64)val, ICC_PMR_EL1);
}

/* Generate SGIs (ICC_SGI1R_EL1: INTID, targets, IRM). */
static inline void gicv3_write_sgi1r(u64 val)
{
	write_sysreg_s(val, ICC_SGI1R_EL1);
}

/* Acknowledge the highest priority pending group 1 interrupt. */
static inline u32 gicv3_read_iar(void)
{
	u64 irqstat = read_sysreg_s(ICC_IAR1_EL1);

	dsb(sy);
	return (u32)irqstat;
}

static inline void gicv3_write_eoir(u32 irq)
{
	write_sysreg_s((u64)irq, ICC_EOIR1_EL1);
	isb();
}

/* Enable (1) or disable (0) group 1 interrupts at this CPU interface. */
static inline void gicv3_write_grpen1(u32 val)
{
	write_sysreg_s((u64)val, ICC_GRPEN1_EL1);
	isb();
}

/* A 64-bit GIC register such as GICR_TYPER or GITS_TYPER. */
#define gicv3_read_typer(c)	readq(c)

#endif /* !__ASSEMBLY__ */
#endif /* _ASMARM64_ARCH_GICV3_H_ */
