/* SPDX-License-Identifier: MIT */
/*
 * asm/arch_gicv3.h - the GICv3 CPU interface through AArch32 CP15
 * registers (ICC_*, group 1), and 64-bit GIC registers in MMIO, read as
 * two 32-bit halves.
 */
#ifndef _ASMARM_ARCH_GICV3_H_
#define _ASMARM_ARCH_GICV3_H_

#ifndef __ASSEMBLY__
#include <libcflat.h>
#include <asm/sysreg.h>
#include <asm/barrier.h>
#include <asm/io.h>

#define ICC_PMR			__ACCESS_CP15(c4, 0, c6, 0)
#define ICC_SGI1R		__ACCESS_CP15_64(0, c12)
#define ICC_IAR1		__ACCESS_CP15(c12, 0, c12, 0)
#define ICC_EOIR1		__ACCESS_CP15(c12, 0, c12, 1)
#define ICC_SRE			__ACCESS_CP15(c12, 0, c12, 5)
#define ICC_IGRPEN1		__ACCESS_CP15(c12, 0, c12, 7)

/* Priority mask: interrupts of priority values below it are signalled. */
static inline void gicv3_write_pmr(u32 val)
{
	write_sysreg(val, ICC_PMR);
}

/* Generate SGIs (ICC_SGI1R: INTID, targets, IRM). */
static inline void gicv3_write_sgi1r(u64 val)
{
	write_sysreg(val, ICC_SGI1R);
}

/* Acknowledge the highest priority pending group 1 interrupt. */
static inline u32 gicv3_read_iar(void)
{
	u32 irqstat = read_sysreg(ICC_IAR1);

	dsb(sy);
	return irqstat;
}

static inline void gicv3_write_eoir(u32 irq)
{
	write_sysreg(irq, ICC_EOIR1);
	isb();
}

/* Enable (1) or disable (0) group 1 interrupts at this CPU interface. */
static inline void gicv3_write_grpen1(u32 val)
{
	write_sysreg(val, ICC_IGRPEN1);
	isb();
}

/* A 64-bit GIC register such as GICR_TYPER: low word, then high. */
static inline u64 gicv3_read_typer(const volatile void *addr)
{
	u64 val = readl(addr);

	val |= (u64)readl((const volatile char *)addr + 4) << 32;
	return val;
}

#endif /* !__ASSEMBLY__ */
#endif /* _ASMARM_ARCH_GICV3_H_ */
