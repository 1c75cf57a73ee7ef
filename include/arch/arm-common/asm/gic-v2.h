/* SPDX-License-Identifier: MIT */
/*
 * asm/gic-v2.h - GICv2 specifics: where gic_init() found the distributor
 * and CPU interface, and the GICv2 forms of the common API (asm/gic.h).
 * SGI targets are CPU interface numbers, which on QEMU are our CPU
 * numbers; GICv2 serves at most 8 CPUs.
 */
#ifndef _ASMARM_GIC_V2_H_
#define _ASMARM_GIC_V2_H_

#ifndef _ASMARM_GIC_H_
#error "include <asm/gic.h>, not <asm/gic-v2.h>"
#endif

#define GICD_ENABLE			0x1
#define GICC_ENABLE			0x1
#define GICC_IAR_INT_ID_MASK		0x3ff

#ifndef __ASSEMBLY__
#include <libcflat.h>
#include <cpumask.h>

struct gicv2_data {
	void *dist_base;
	void *cpu_base;
	unsigned int irq_nr;
};
extern struct gicv2_data gicv2_data;

#define gicv2_dist_base()		(gicv2_data.dist_base)
#define gicv2_cpu_base()		(gicv2_data.cpu_base)

/* Find a GICv2 in the device tree and map it; 2 if found, else 0. */
extern int gicv2_init(void);
extern void gicv2_enable_defaults(void);
extern u32 gicv2_read_iar(void);
/* The INTID of a GICC_IAR value (bits [12:10] are the SGI's sender). */
extern u32 gicv2_iar_irqnr(u32 iar);
extern void gicv2_write_eoir(u32 irqstat);
extern void gicv2_ipi_send_single(int irq, int cpu);
extern void gicv2_ipi_send_mask(int irq, const cpumask_t *dest);

#endif /* !__ASSEMBLY__ */
#endif /* _ASMARM_GIC_V2_H_ */
