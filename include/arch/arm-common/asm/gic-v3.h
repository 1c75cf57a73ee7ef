/* SPDX-License-Identifier: MIT */
/*
 * asm/gic-v3.h - GICv3 specifics: the distributor, one redistributor per
 * CPU (matched by MPIDR affinity), the system-register CPU interface
 * (asm/arch_gicv3.h), and LPIs: message-based interrupts from INTID
 * 8192 up, configured by a table in memory (one byte each: priority,
 * group, enable) and made pending in each redistributor's pending
 * table, by an ITS (asm/gic-v3-its.h) or by the test.  See asm/gic.h for
 * the common API.
 */
#ifndef _ASMARM_GIC_V3_H_
#define _ASMARM_GIC_V3_H_

#ifndef _ASMARM_GIC_H_
#error "include <asm/gic.h>, not <asm/gic-v3.h>"
#endif

/* Distributor (non-secure view: group 1 is the non-secure group) */
#define GICD_CTLR_RWP			(1U << 31)
#define GICD_CTLR_nASSGIreq		(1U << 8)
#define GICD_CTLR_ARE_NS		(1U << 4)
#define GICD_CTLR_ENABLE_G1A		(1U << 1)
#define GICD_CTLR_ENABLE_G1		(1U << 0)
#define GICD_TYPER_LPIS			(1U << 17)
#define GICD_TYPER2_nASSGIcap		(1U << 8)
#define GICD_IROUTER			0x6000
#define GICD_PIDR2			0xffe8

/* Redistributor: RD_base frame, then the SGI_base frame 64 KiB above */
#define GICR_CTLR			GICD_CTLR
#define GICR_IIDR			0x0004
#define GICR_TYPER			0x0008
#define GICR_WAKER			0x0014
#define GICR_PROPBASER			0x0070
#define GICR_PENDBASER			0x0078
#define GICR_PIDR2			0xffe8
#define GICR_CTLR_ENABLE_LPIS		(1UL << 0)
#define GICR_CTLR_RWP			(1U << 3)
#define GICR_TYPER_PLPIS		(1U << 0)
#define GICR_TYPER_VLPIS		(1U << 1)
#define GICR_TYPER_LAST			(1U << 4)
#define GICR_WAKER_PROCESSOR_SLEEP	(1U << 1)
#define GICR_WAKER_CHILDREN_ASLEEP	(1U << 2)
#define GICR_PENDBASER_PTZ		BIT_ULL(62)
#define GICR_SGI_OFFSET			0x10000
#define GICR_IGROUPR0			GICD_IGROUPR
#define GICR_ISENABLER0			GICD_ISENABLER
#define GICR_ICENABLER0			GICD_ICENABLER
#define GICR_ISPENDR0			GICD_ISPENDR
#define GICR_ICPENDR0			GICD_ICPENDR
#define GICR_ISACTIVER0			GICD_ISACTIVER
#define GICR_ICACTIVER0			GICD_ICACTIVER
#define GICR_IPRIORITYR0		GICD_IPRIORITYR

/* ICC_SGI1R: target list in [15:0], Aff1 [23:16], INTID [27:24], ... */
#define ICC_SGI1R_AFFINITY_1_SHIFT	16
#define ICC_SGI1R_AFFINITY_2_SHIFT	32
#define ICC_SGI1R_AFFINITY_3_SHIFT	48
#define ICC_SGI1R_IRM			(1ULL << 40)	/* all but self */
#define MPIDR_TO_SGI_AFFINITY(cluster_id, level) \
	(MPIDR_AFFINITY_LEVEL(cluster_id, level) << ICC_SGI1R_AFFINITY_## level ## _SHIFT)

/* One LPI configuration byte: priority [7:2], group 1, enabled. */
#define LPI_PROP_GROUP1			(1 << 1)
#define LPI_PROP_ENABLED		(1 << 0)
#define LPI_PROP_DEFAULT_PRIO		0xa0
#define LPI_PROP_DEFAULT		(LPI_PROP_DEFAULT_PRIO | LPI_PROP_GROUP1 | \
					 LPI_PROP_ENABLED)

/* LPI n is INTID 8192 + n; the tables cover INTIDs up to 2^14 - 1. */
#define LPI_ID_BASE			8192
#define LPI(lpi)			((lpi) + LPI_ID_BASE)
#define LPI_OFFSET(intid)		((intid) - LPI_ID_BASE)

#include <asm/arch_gicv3.h>

#define GICV3_NR_REDISTS		8

#ifndef __ASSEMBLY__
#include <libcflat.h>
#include <cpumask.h>
#include <asm/setup.h>
#include <asm/processor.h>
#include <asm/delay.h>
#include <asm/smp.h>
#include <asm/io.h>

struct gicv3_data {
	void *dist_base;
	void *redist_bases[GICV3_NR_REDISTS];	/* regions, from the DT */
	void *redist_base[NR_CPUS];		/* each CPU's RD_base */
	u8 *lpi_prop;				/* the LPI configuration table */
	void *lpi_pend[NR_CPUS];		/* each CPU's pending table */
	unsigned int irq_nr;
};
extern struct gicv3_data gicv3_data;

#define gicv3_dist_base()		(gicv3_data.dist_base)
#define gicv3_redist_base()		(gicv3_data.redist_base[smp_processor_id()])
#define gicv3_sgi_base()		(gicv3_redist_base() + GICR_SGI_OFFSET)

/* Find a GICv3 (and its ITS) in the device tree and map it; 3, or 0. */
extern int gicv3_init(void);
extern void gicv3_enable_defaults(void);
/* The INTID of an ICC_IAR1 value (24 bits). */
extern u32 gicv3_iar_irqnr(u32 iar);
extern void gicv3_ipi_send_single(int irq, int cpu);
extern void gicv3_ipi_send_mask(int irq, const cpumask_t *dest);
/*
 * Find the calling CPU's redistributor, walking each region in steps of
 * @stride bytes (2 * 64 KiB, or 4 * 64 KiB with GICv4's VLPI frames).
 */
extern void gicv3_set_redist_base(size_t stride);

/*
 * LPIs.  gicv3_lpi_alloc_tables(): one configuration table for all
 * (GICR_PROPBASER: 14 ID bits) and a pending table per online CPU
 * (GICR_PENDBASER), each CPU having enabled its GIC first.  Then
 * gicv3_lpi_rdist_enable(cpu) turns LPIs on in that CPU's
 * redistributor (GICR_CTLR.EnableLPIs); _disable turns them off.
 * gicv3_lpi_set_clr_pending() sets or clears INTID @n's bit in CPU
 * @rdist's pending table (for the redistributor to find when LPIs are
 * enabled, or after a migration).
 */
extern void gicv3_lpi_alloc_tables(void);
extern void gicv3_lpi_rdist_enable(int redist);
extern void gicv3_lpi_rdist_disable(int redist);
extern void gicv3_lpi_set_clr_pending(int rdist, int n, bool set);

/* The configuration byte of LPI INTID @intid (LPI_PROP_*). */
#define gicv3_lpi_set_config(intid, value) ({			\
	gicv3_data.lpi_prop[LPI_OFFSET(intid)] = (value);	\
})
#define gicv3_lpi_get_config(intid)	(gicv3_data.lpi_prop[LPI_OFFSET(intid)])

/*
 * Wait while a write to GICD_CTLR (or, the same bit, GICR_CTLR.UWP)
 * still takes effect.  The GIC finishes in microseconds; a bit still set
 * after a second of 10 us polls means it never will, which ends the test.
 */
static inline void gicv3_do_wait_for_rwp(void *base)
{
	unsigned int polls;

	for (polls = 0; polls < 100000; polls++) {
		if (!(readl(base + GICD_CTLR) & GICD_CTLR_RWP))
			return;
		udelay(10);
	}
	report_abort("GICv3 at %p: register write still pending after 1 s",
		     base);
}

static inline void gicv3_dist_wait_for_rwp(void)
{
	gicv3_do_wait_for_rwp(gicv3_dist_base());
}

static inline void gicv3_redist_wait_for_uwp(void)
{
	gicv3_do_wait_for_rwp(gicv3_redist_base());
}

/*
 * GICR_TYPER[63:32] and the ITS give a CPU's affinity in 32 bits,
 * Aff3.Aff2.Aff1.Aff0; MPIDR keeps Aff3 apart, in bits 39:32.
 */
static inline u32 mpidr_compress(u64 mpidr)
{
	u32 aff3 = (mpidr >> 32) & 0xff;

	return aff3 << 24 | (u32)(mpidr & 0xffffff);
}

static inline u64 mpidr_uncompress(u32 affinity)
{
	u64 aff3 = affinity >> 24;

	return aff3 << 32 | (affinity & 0xffffff);
}

#endif /* !__ASSEMBLY__ */
#endif /* _ASMARM_GIC_V3_H_ */
