/* SPDX-License-Identifier: MIT */
/*
 * asm/gic.h - the Arm Generic Interrupt Controller, v2 or v3, whichever
 * the device tree describes (QEMU: -machine virt,gic-version=2|3).
 *
 * gic_init() finds it and fills gicv2_data or gicv3_data (and, for a
 * GICv3 with an ITS on arm64, its_data: asm/gic-v3-its.h); the gic_*()
 * functions below then work the same on both.  Interrupt numbers are
 * INTIDs: 0-15 SGIs (IPIs), 16-31 PPIs (per CPU, e.g. the timers: PPI(n)
 * is PPI number n), 32-1019 SPIs (SPI(n) is the device tree's SPI n),
 * 8192 up LPIs (GICv3, LPI(n)).  Boot does not call gic_init(): a test
 * that uses interrupts calls it (or gic_enable_defaults(), which does)
 * on CPU 0, then gic_enable_defaults() on each other CPU that takes
 * interrupts.
 */
#ifndef _ASMARM_GIC_H_
#define _ASMARM_GIC_H_

#define GIC_NR_PRIVATE_IRQS		32
#define GIC_FIRST_SPI			GIC_NR_PRIVATE_IRQS

/* Distributor registers (both versions) */
#define GICD_CTLR			0x0000
#define GICD_TYPER			0x0004
#define GICD_IIDR			0x0008
#define GICD_TYPER2			0x000c
#define GICD_IGROUPR			0x0080
#define GICD_ISENABLER			0x0100
#define GICD_ICENABLER			0x0180
#define GICD_ISPENDR			0x0200
#define GICD_ICPENDR			0x0280
#define GICD_ISACTIVER			0x0300
#define GICD_ICACTIVER			0x0380
#define GICD_IPRIORITYR			0x0400
#define GICD_ITARGETSR			0x0800
#define GICD_SGIR			0x0f00
#define GICD_ICPIDR2			0x0fe8

#define GICD_TYPER_IRQS(typer)		((((typer) & 0x1f) + 1) * 32)
#define GICD_INT_EN_SET_SGI		0x0000ffff
#define GICD_INT_DEF_PRI_X4		0xa0a0a0a0

/* CPU interface registers (v2 memory-mapped) */
#define GICC_CTLR			0x0000
#define GICC_PMR			0x0004
#define GICC_BPR			0x0008
#define GICC_IAR			0x000c
#define GICC_EOIR			0x0010
#define GICC_RPR			0x0014
#define GICC_HPPIR			0x0018

#define GICC_INT_PRI_THRESHOLD		0xf0
#define GICC_INT_SPURIOUS		0x3ff

#include <asm/gic-v2.h>
#include <asm/gic-v3.h>
#include <asm/gic-v3-its.h>

/* The INTID of PPI @irq and of SPI @irq (device-tree numbering). */
#define PPI(irq)			((irq) + 16)
#define SPI(irq)			((irq) + GIC_FIRST_SPI)

#ifndef __ASSEMBLY__
#include <libcflat.h>
#include <cpumask.h>

/* Find the GIC: returns its version (2 or 3), or 0 if there is none. */
extern int gic_init(void);
/* The version gic_init() found, 0 before. */
extern int gic_version(void);

/*
 * gic_init() if not done yet, then enable the distributor and this CPU's
 * interface with every priority unmasked (PMR 0xf0, all interrupts at
 * priority 0xa0, in group 1 on GICv3) and SGIs enabled.
 */
extern void gic_enable_defaults(void);

/* Acknowledge the highest pending interrupt: the raw IAR value. */
extern u32 gic_read_iar(void);
/* The INTID in an IAR value (GICC_INT_SPURIOUS: none was pending). */
extern u32 gic_iar_irqnr(u32 iar);
/* End the interrupt acknowledged with IAR value @irqstat. */
extern void gic_write_eoir(u32 irqstat);

/* Send SGI @irq (0-15) to CPU @cpu, or to every CPU in @dest. */
extern void gic_ipi_send_single(int irq, int cpu);
extern void gic_ipi_send_mask(int irq, const cpumask_t *dest);

/*
 * Enable or disable forwarding of INTID @irq (to this CPU's interface
 * for SGIs and PPIs).  Enabling an SPI also routes it to the calling CPU
 * (GICD_ITARGETSR, GICD_IROUTER), so it is taken where it was enabled.
 */
extern void gic_irq_set_clr_enable(int irq, bool enable);
#define gic_enable_irq(irq)		gic_irq_set_clr_enable(irq, true)
#define gic_disable_irq(irq)		gic_irq_set_clr_enable(irq, false)

enum gic_irq_state {
	GIC_IRQ_STATE_INACTIVE,
	GIC_IRQ_STATE_PENDING,
	GIC_IRQ_STATE_ACTIVE,
	GIC_IRQ_STATE_ACTIVE_PENDING,
};
/* Whether INTID @irq is pending and/or active (this CPU's view for PPIs). */
extern enum gic_irq_state gic_irq_state(int irq);

#endif /* !__ASSEMBLY__ */
#endif /* _ASMARM_GIC_H_ */
