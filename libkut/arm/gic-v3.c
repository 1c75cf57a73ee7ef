// SPDX-License-Identifier: MIT
/*
 * gic-v3.c - GICv3: distributor with affinity routing, one redistributor
 * per CPU (found by walking the redistributor regions and matching
 * GICR_TYPER's affinity with each CPU's MPIDR), the system-register CPU
 * interface (asm/arch_gicv3.h), and the LPI tables.  Every interrupt is
 * made Group 1, the group ICC_IGRPEN1 enables.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <alloc_page.h>
#include <asm/gic.h>
#include <asm/io.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/processor.h>

struct gicv3_data gicv3_data;
struct its_data its_data;

#define ICC_SRE_SRE		(1U << 0)
/* 14 LPI ID bits (GICR_PROPBASER.IDbits is that minus one): 8192 LPIs. */
#define LPI_ID_BITS		14
#define LPI_PROP_SIZE		((1U << LPI_ID_BITS) - LPI_ID_BASE)
/* Pending tables are 64 KiB aligned; one bit per INTID, LPIs and below. */
#define LPI_PEND_SIZE		SZ_64K

static void icc_sre_enable(void)
{
#ifdef __aarch64__
	write_sysreg_s(read_sysreg_s(ICC_SRE_EL1) | ICC_SRE_SRE, ICC_SRE_EL1);
#else
	write_sysreg(read_sysreg(ICC_SRE) | ICC_SRE_SRE, ICC_SRE);
#endif
	isb();
}

/* Each CPU's redistributor, for every CPU of the device tree. */
static void find_redists(size_t stride)
{
	int cpu, r;

	for (r = 0; r < GICV3_NR_REDISTS && gicv3_data.redist_bases[r]; r++) {
		void *rd = gicv3_data.redist_bases[r];
		u64 typer;

		do {
			typer = gicv3_read_typer(rd + GICR_TYPER);
			for (cpu = 0; cpu < nr_cpus; cpu++)
				if (mpidr_compress(cpus[cpu]) == typer >> 32)
					gicv3_data.redist_base[cpu] = rd;
			rd += stride ? stride :
			      (typer & GICR_TYPER_VLPIS) ? 4 * SZ_64K : 2 * SZ_64K;
		} while (!(typer & GICR_TYPER_LAST));
	}
}

void gicv3_set_redist_base(size_t stride)
{
	find_redists(stride);
	assert_msg(gicv3_redist_base(), "no GICv3 redistributor for CPU %d (MPIDR %#lx)",
		   smp_processor_id(), (unsigned long)get_mpidr());
}

/* The "arm,gic-v3-its" child of the GIC node, if there is one. */
static void find_its(int gic)
{
	struct dt_pbus_reg reg;
	int node;

	dt_for_each_subnode(gic, node) {
		if (fdt_node_check_compatible(dt_fdt(), node, "arm,gic-v3-its"))
			continue;
		if (dt_pbus_translate_node(node, 0, &reg) == 0)
			its_data.base = ioremap(reg.addr, reg.size);
		return;
	}
}

int gicv3_init(void)
{
	struct dt_pbus_reg reg;
	int node, i;

	if (gicv3_data.dist_base)
		return 3;
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
	find_redists(0);
	find_its(node);
	return 3;
}

void gicv3_enable_defaults(void)
{
	void *dist = gicv3_dist_base(), *rd, *sgi;
	unsigned int i;

	assert_msg(dist, "no GICv3: gicv3_init() first");
	/* The distributor is shared: the first CPU here sets it up. */
	if (!(readl(dist + GICD_CTLR) & GICD_CTLR_ENABLE_G1A)) {
		writel(0, dist + GICD_CTLR);
		gicv3_dist_wait_for_rwp();
		for (i = GIC_FIRST_SPI; i < gicv3_data.irq_nr; i += 32)
			writel(~0U, dist + GICD_IGROUPR + i / 8);
		for (i = GIC_FIRST_SPI; i < gicv3_data.irq_nr; i += 4)
			writel(GICD_INT_DEF_PRI_X4, dist + GICD_IPRIORITYR + i);
		writel(GICD_CTLR_ARE_NS | GICD_CTLR_ENABLE_G1A | GICD_CTLR_ENABLE_G1,
		       dist + GICD_CTLR);
		gicv3_dist_wait_for_rwp();
	}
	if (!gicv3_redist_base())
		gicv3_set_redist_base(0);
	rd = gicv3_redist_base();
	writel(readl(rd + GICR_WAKER) & ~GICR_WAKER_PROCESSOR_SLEEP, rd + GICR_WAKER);
	while (readl(rd + GICR_WAKER) & GICR_WAKER_CHILDREN_ASLEEP)
		cpu_relax();
	sgi = rd + GICR_SGI_OFFSET;
	writel(~0U, sgi + GICR_IGROUPR0);
	for (i = 0; i < GIC_FIRST_SPI; i += 4)
		writel(GICD_INT_DEF_PRI_X4, sgi + GICR_IPRIORITYR0 + i);
	writel(GICD_INT_EN_SET_SGI, sgi + GICR_ISENABLER0);

	icc_sre_enable();
	gicv3_write_pmr(GICC_INT_PRI_THRESHOLD);
	gicv3_write_grpen1(1);
}

u32 gicv3_iar_irqnr(u32 iar)
{
	return iar & ((1U << 24) - 1);
}

/*
 * One ICC_SGI1R write reaches up to 16 CPUs that share Aff3.Aff2.Aff1
 * (a "cluster"), by a bit per Aff0 in the target list: CPUs in @dest are
 * gathered cluster by cluster.
 */
void gicv3_ipi_send_mask(int irq, const cpumask_t *dest)
{
	cpumask_t left;
	int cpu, other;

	assert(irq >= 0 && irq < 16);
	cpumask_copy(&left, dest);
	/* Stores before the IPI must be seen by its handler (no MMIO here). */
	wmb();
	for_each_cpu(cpu, &left) {
		u64 cluster = cpus[cpu] & ~0xffULL;
		u16 tlist = 0;

		for (other = cpu; other < nr_cpus; other = cpumask_next(other, &left)) {
			u64 mpidr = cpus[other];

			if ((mpidr & ~0xffULL) != cluster)
				continue;
			assert_msg((mpidr & 0xff) < 16, "CPU %d: Aff0 %d is out of SGI reach",
				   other, (int)(mpidr & 0xff));
			tlist |= 1U << (mpidr & 0xf);
			cpumask_clear_cpu(other, &left);
		}
		gicv3_write_sgi1r(MPIDR_TO_SGI_AFFINITY(cluster, 3) |
				  MPIDR_TO_SGI_AFFINITY(cluster, 2) |
				  (u64)irq << 24 |
				  MPIDR_TO_SGI_AFFINITY(cluster, 1) |
				  tlist);
	}
	isb();
}

void gicv3_ipi_send_single(int irq, int cpu)
{
	cpumask_t only = {};

	cpumask_set_cpu(cpu, &only);
	gicv3_ipi_send_mask(irq, &only);
}

void gicv3_lpi_alloc_tables(void)
{
	u64 propbaser;
	int cpu;

	if (!gicv3_data.lpi_prop)
		gicv3_data.lpi_prop = alloc_pages(get_order(LPI_PROP_SIZE / PAGE_SIZE));
	assert(gicv3_data.lpi_prop);
	propbaser = virt_to_phys(gicv3_data.lpi_prop) | (LPI_ID_BITS - 1);
	for_each_online_cpu(cpu) {
		void *rd = gicv3_data.redist_base[cpu];

		assert_msg(rd, "CPU %d has no redistributor: did it enable its GIC?",
			   cpu);
		writeq(propbaser, rd + GICR_PROPBASER);
		if (!gicv3_data.lpi_pend[cpu])
			gicv3_data.lpi_pend[cpu] =
				alloc_pages(get_order(LPI_PEND_SIZE / PAGE_SIZE));
		assert(gicv3_data.lpi_pend[cpu]);
		writeq(virt_to_phys(gicv3_data.lpi_pend[cpu]), rd + GICR_PENDBASER);
	}
}

void gicv3_lpi_set_clr_pending(int rdist, int n, bool set)
{
	u8 *byte = (u8 *)gicv3_data.lpi_pend[rdist] + n / 8;
	u8 bit = 1U << (n % 8);

	assert(gicv3_data.lpi_pend[rdist]);
	if (set)
		*byte |= bit;
	else
		*byte &= ~bit;
}

static void lpi_rdist_ctrl(int redist, bool enable)
{
	void *rd;
	u32 ctlr;

	assert(redist >= 0 && redist < nr_cpus && gicv3_data.redist_base[redist]);
	rd = gicv3_data.redist_base[redist];
	ctlr = readl(rd + GICR_CTLR);
	if (enable)
		ctlr |= GICR_CTLR_ENABLE_LPIS;
	else
		ctlr &= ~GICR_CTLR_ENABLE_LPIS;
	writel(ctlr, rd + GICR_CTLR);
}

void gicv3_lpi_rdist_enable(int redist)
{
	lpi_rdist_ctrl(redist, true);
}

void gicv3_lpi_rdist_disable(int redist)
{
	lpi_rdist_ctrl(redist, false);
}
