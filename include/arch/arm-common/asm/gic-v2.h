/* SPDX-License-Identifier: MIT */
/*
 * asm/gic-v2.h - GICv2 specifics: where gic_init() found the distributor
 * and CPU interface (see asm/gic.h for the common API).
 */
#ifndef _ASMARM_GIC_V2_H_
#define _ASMARM_GIC_V2_H_

#ifndef _ASMARM_GIC_H_
#error "include <asm/gic.h>, not <asm/gic-v2.h>"
#endif

#define GICD_ENABLE			0x1
#define GICC_ENABLE			0x1

#ifndef __ASSEMBLY__
struct gicv2_data {
	void *dist_base;
	void *cpu_base;
	unsigned int irq_nr;
};
extern struct gicv2_data gicv2_data;

#define gicv2_dist_base()		(gicv2_data.dist_base)
#define gicv2_cpu_base()		(gicv2_data.cpu_base)

extern int gicv2_init(void);
extern void gicv2_enable_defaults(void);
#endif /* !__ASSEMBLY__ */
#endif /* _ASMARM_GIC_V2_H_ */
