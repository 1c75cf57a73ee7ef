// SPDX-License-Identifier: MIT
/*
 * gic-v3.c - GICv3: distributor with affinity routing, one redistributor
 * per CPU (found by walking the redistributor regions and matching
 * GICR_TYPER's affinity with each CPU's MPIDR), and the system-register
 * CPU interface (ICC_*_EL1 on arm64, the same registers through CP15 on
 * arm).  Every interrupt is made Group 1, the group ICC_IGRPEN1 enables.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/gic.h>
#include <asm/io.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/processor.h>

#include "gic-internal.h"

struct gicv3_data gicv3_data;

#define GICR_TYPER_VLPIS	(1U << 1)
#define ICC_SRE_SRE		(1U << 0)

#ifdef __aarch64__
#define icc_read(reg)		read_sysreg_s(reg)
#define icc_write(v, reg)	write_sysreg_s(v, reg)
#define ICC_PMR			sys_reg(3, 0, 4, 6, 0)
#define ICC_IAR1		sys_reg(3, 0, 12, 12, 0)
#define ICC_EOIR1		sys_reg(3, 0, 12, 12, 1)
#define ICC_SRE			sys_reg(3, 0, 12, 12, 5)
#define ICC_IGRPEN1		sys_reg(3, 0, 12, 12, 7)
#define ICC_SGI1R		sys_reg(3, 0, 12, 11, 5)
static void write_sgi1r(u64 v)
{
	icc_write(v, ICC_SGI1R);
}
#else
#define icc_read(reg) ({						\
	u32 __v;							\
	asm volatile("mrc p15, 0, %0, " reg : "=r"(__v));		\
	__v;								\
})
#define icc_write(v, reg)						\
	asm volatile("mcr p15, 0, %0, " reg : : "r"((u32)(v)))
#define ICC_PMR			"c4, c6, 0"
#define ICC_IAR1		"c12, c12, 0"
#define ICC_EOIR1		"c12, c12, 1"
#define ICC_SRE			"c12, c12, 5"
#define ICC_IGRPEN1		"c12, c12, 7"
static void write_sgi1r(u64 v)
{
	asm volatile("mcrr p15, 0, %0, %1, c12"
		     : : "r"((u32)v), "r"((u32)(v >> 32)));
}
#endif

static void wait_rwp(void *base)
{
	while (readl(base + GICD_CTLR) & GICD_CTLR_RWP)
		cpu_relax();
}

/* Affinity of an MPIDR in GICR_TYPER[63:32]'s layout: Aff3.Aff2.Aff1.Aff0. */
static u32 mpidr_aff(u64 mpidr)
{
	return (u32)(MPIDR_AFFINITY_LEVEL(mpidr, 3) << 24 |
		     MPIDR_AFFINITY_LEVEL(mpidr, 2) << 16 |
		     MPIDR_AFFINITY_LEVEL(mpidr, 1) << 8 |
		     MPIDR_AFFINITY_LEVEL(mpidr, 0));
}

static void find_redists(void)
{
	int cpu, r;

	for (r = 0; r < GICV3_NR_REDISTS && gicv3_data.redist_bases[r]; r++) {
		void *rd = gicv3_data.redist_bases[r];
		u64 typer;

		do {
			typer = readq(rd + GICR_TYPER);
			for (cpu = 0; cpu < nr_cpus; cpu++)
				if (mpidr_aff(cpus[cpu]) == typer >> 32)
					gicv3_data.redist_base[cpu] = rd;
			rd += (typer & GICR_TYPER_VLPIS) ? 4 * 0x10000 : 2 * 0x10000;
		} while (!(typer & GICR_TYPER_LAST));
	}
}

int gicv3_init(void)
{
	struct dt_pbus_reg reg;
	int node, i;

	if (!dt_fdt())
		return 0;
	node = fdt_node_offset_by_compatible(dt_fdt(), -1, "arm,gic-v3");
	if (node < 0 || dt_pbus_translate_node(node, 0, &reg))
		return 0;
	gicv3_data.dist_base = ioremap(reg.addr, reg.size);
	for (i = 0; i < GICV3_NR_REDISTS; i++) {
		if (dt_pbus_translate_node(node, i + 1, &reg))
			break;
		gicv3_data.redist_bases[i] = ioremap(reg.addr, reg.size);
	}
	gicv3_data.irq_nr = GICD_TYPER_IRQS(readl(gicv3_data.dist_base + GICD_TYPER));
	if (gicv3_data.irq_nr > 1020)
		gicv3_data.irq_nr = 1020;
	find_redists();
	return 3;
}

static void v3_enable_defaults(void)
{
	void *dist = gicv3_dist_base(), *rd, *sgi;
	unsigned int i;

	if (!(readl(dist + GICD_CTLR) & GICD_CTLR_ENABLE_G1A)) {
		writel(0, dist + GICD_CTLR);
		wait_rwp(dist);
		for (i = GIC_FIRST_SPI; i < gicv3_data.irq_nr; i += 32)
			writel(~0U, dist + GICD_IGROUPR + i / 8);
		for (i = GIC_FIRST_SPI; i < gicv3_data.irq_nr; i += 4)
			writel(GICD_INT_DEF_PRI_X4, dist + GICD_IPRIORITYR + i);
		writel(GICD_CTLR_ARE_NS | GICD_CTLR_ENABLE_G1A | GICD_CTLR_ENABLE_G1,
		       dist + GICD_CTLR);
		wait_rwp(dist);
	}
	rd = gicv3_redist_base();
	assert_msg(rd, "no GICv3 redistributor for CPU %d", smp_processor_id());
	writel(readl(rd + GICR_WAKER) & ~GICR_WAKER_PROCESSOR_SLEEP, rd + GICR_WAKER);
	while (readl(rd + GICR_WAKER) & GICR_WAKER_CHILDREN_ASLEEP)
		cpu_relax();
	sgi = rd + GICR_SGI_OFFSET;
	writel(~0U, sgi + GICR_IGROUPR0);
	for (i = 0; i < GIC_FIRST_SPI; i += 4)
		writel(GICD_INT_DEF_PRI_X4, sgi + GICR_IPRIORITYR0 + i);
	writel(GICD_INT_EN_SET_SGI, sgi + GICR_ISENABLER0);

	icc_write(icc_read(ICC_SRE) | ICC_SRE_SRE, ICC_SRE);
	isb();
	icc_write(GICC_INT_PRI_THRESHOLD, ICC_PMR);
	icc_write(1, ICC_IGRPEN1);
	isb();
}

void gicv3_enable_defaults(void)
{
	if (!gicv3_dist_base() && !gicv3_init())
		return;
	v3_enable_defaults();
}

static u32 v3_read_iar(void)
{
	u32 iar = icc_read(ICC_IAR1);

	dsb(sy);
	return iar;
}

static void v3_write_eoir(u32 irqstat)
{
	icc_write(irqstat, ICC_EOIR1);
	isb();
}

static void v3_ipi_send_mask(int irq, const cpumask_t *dest)
{
	int cpu;

	dsb(ishst);
	for_each_cpu(cpu, dest) {
		u64 m = cpus[cpu];

		write_sgi1r((u64)MPIDR_AFFINITY_LEVEL(m, 3) << 48 |
			    (u64)MPIDR_AFFINITY_LEVEL(m, 2) << 32 |
			    (u64)irq << 24 |
			    (u64)MPIDR_AFFINITY_LEVEL(m, 1) << 16 |
			    1U << (MPIDR_AFFINITY_LEVEL(m, 0) & 15));
	}
	isb();
}

static void *v3_irq_base(int irq)
{
	return irq < GIC_FIRST_SPI ? gicv3_sgi_base() : gicv3_dist_base();
}

static void v3_route_spi(int irq)
{
	writeq(mpidr_aff(cpus[smp_processor_id()]) & 0xffffff,
	       gicv3_dist_base() + GICD_IROUTER + irq * 8);
}

const struct gic_ops gicv3_ops = {
	.enable_defaults = v3_enable_defaults,
	.read_iar = v3_read_iar,
	.write_eoir = v3_write_eoir,
	.ipi_send_mask = v3_ipi_send_mask,
	.irq_base = v3_irq_base,
	.route_spi = v3_route_spi,
};
