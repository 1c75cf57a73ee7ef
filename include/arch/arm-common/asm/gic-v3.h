/* SPDX-License-Identifier: MIT */
/*
 * asm/gic-v3.h - GICv3 specifics: the distributor, one redistributor per
 * CPU (matched by MPIDR affinity), and the system-register CPU interface
 * (see asm/gic.h for the common API).
 */
#ifndef _ASMARM_GIC_V3_H_
#define _ASMARM_GIC_V3_H_

#ifndef _ASMARM_GIC_H_
#error "include <asm/gic.h>, not <asm/gic-v3.h>"
#endif

/* Distributor */
#define GICD_CTLR_RWP			(1U << 31)
#define GICD_CTLR_ARE_NS		(1U << 4)
#define GICD_CTLR_ENABLE_G1A		(1U << 1)
#define GICD_CTLR_ENABLE_G1		(1U << 0)
#define GICD_IROUTER			0x6000
#define GICD_PIDR2			0xffe8

/* Redistributor: RD_base frame, then SGI_base frame 64 KiB above */
#define GICR_CTLR			0x0000
#define GICR_IIDR			0x0004
#define GICR_TYPER			0x0008
#define GICR_WAKER			0x0014
#define GICR_PIDR2			0xffe8
#define GICR_TYPER_LAST			(1U << 4)
#define GICR_WAKER_PROCESSOR_SLEEP	(1U << 1)
#define GICR_WAKER_CHILDREN_ASLEEP	(1U << 2)
#define GICR_SGI_OFFSET			0x10000
#define GICR_IGROUPR0			GICD_IGROUPR
#define GICR_ISENABLER0			GICD_ISENABLER
#define GICR_ICENABLER0			GICD_ICENABLER
#define GICR_ISPENDR0			GICD_ISPENDR
#define GICR_ICPENDR0			GICD_ICPENDR
#define GICR_ISACTIVER0			GICD_ISACTIVER
#define GICR_ICACTIVER0			GICD_ICACTIVER
#define GICR_IPRIORITYR0		GICD_IPRIORITYR

#define GICV3_NR_REDISTS		8

#ifndef __ASSEMBLY__
#include <asm/cpumask.h>
#include <asm/thread_info.h>

struct gicv3_data {
	void *dist_base;
	void *redist_bases[GICV3_NR_REDISTS];	/* regions, from the DT */
	void *redist_base[NR_CPUS];		/* each CPU's RD_base */
	unsigned int irq_nr;
};
extern struct gicv3_data gicv3_data;

#define gicv3_dist_base()		(gicv3_data.dist_base)
#define gicv3_redist_base()		(gicv3_data.redist_base[current_thread_info()->cpu])
#define gicv3_sgi_base()		(gicv3_redist_base() + GICR_SGI_OFFSET)

extern int gicv3_init(void);
extern void gicv3_enable_defaults(void);
#endif /* !__ASSEMBLY__ */
#endif /* _ASMARM_GIC_V3_H_ */
