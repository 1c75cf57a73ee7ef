// SPDX-License-Identifier: MIT
/*
 * gic-v2.c - GICv2: memory-mapped distributor and CPU interface, found
 * by compatible string ("arm,cortex-a15-gic" on QEMU's virt machine).
 * SGIs name their targets by CPU interface number, which on QEMU is the
 * CPU's position in the device tree, i.e. our CPU number.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/gic.h>
#include <asm/io.h>
#include <asm/smp.h>

struct gicv2_data gicv2_data;

static const char *const compatibles[] = {
	"arm,cortex-a15-gic", "arm,gic-400", "arm,cortex-a9-gic", NULL,
};

int gicv2_init(void)
{
	struct dt_pbus_reg dist, cpu;
	const char *const *c;
	int node = -1;

	if (gicv2_data.dist_base)
		return 2;
	if (!dt_fdt())
		return 0;
	for (c = compatibles; *c && node < 0; c++)
		node = fdt_node_offset_by_compatible(dt_fdt(), -1, *c);
	if (node < 0 || dt_pbus_translate_node(node, 0, &dist) ||
	    dt_pbus_translate_node(node, 1, &cpu))
		return 0;
	gicv2_data.dist_base = ioremap(dist.addr, dist.size);
	gicv2_data.cpu_base = ioremap(cpu.addr, cpu.size);
	gicv2_data.irq_nr = GICD_TYPER_IRQS(readl(gicv2_data.dist_base + GICD_TYPER));
	if (gicv2_data.irq_nr > 1020)
		gicv2_data.irq_nr = 1020;
	return 2;
}

void gicv2_enable_defaults(void)
{
	void *dist = gicv2_dist_base(), *cpu = gicv2_cpu_base();
	unsigned int reg, nr_regs = (gicv2_data.irq_nr + 3) / 4;

	assert_msg(dist, "no GICv2: gicv2_init() first");
	writel(GICC_INT_PRI_THRESHOLD, cpu + GICC_PMR);
	/*
	 * One priority byte per interrupt, four to a register.  The banked
	 * SGI/PPI priorities are this CPU's; SPIs are shared.
	 */
	for (reg = 0; reg < nr_regs; reg++)
		writel(GICD_INT_DEF_PRI_X4, dist + GICD_IPRIORITYR + 4 * reg);
	writel(GICD_INT_EN_SET_SGI, dist + GICD_ISENABLER);
	writel(GICD_ENABLE, dist + GICD_CTLR);
	writel(GICC_ENABLE, cpu + GICC_CTLR);
}

u32 gicv2_read_iar(void)
{
	return readl(gicv2_cpu_base() + GICC_IAR);
}

u32 gicv2_iar_irqnr(u32 iar)
{
	return iar & GICC_IAR_INT_ID_MASK;
}

void gicv2_write_eoir(u32 irqstat)
{
	writel(irqstat, gicv2_cpu_base() + GICC_EOIR);
}

/*
 * GICD_SGIR: target list [23:16], INTID [3:0].  writel()'s barrier
 * orders the caller's earlier stores before the SGI.
 */
void gicv2_ipi_send_mask(int irq, const cpumask_t *dest)
{
	u32 targets = 0;
	int cpu;

	assert(irq >= 0 && irq < 16);
	for_each_cpu(cpu, dest) {
		assert_msg(cpu < 8, "GICv2 reaches CPUs 0-7 only, not %d", cpu);
		targets |= 1U << cpu;
	}
	writel(targets << 16 | irq, gicv2_dist_base() + GICD_SGIR);
}

void gicv2_ipi_send_single(int irq, int cpu)
{
	assert(irq >= 0 && irq < 16);
	assert_msg(cpu >= 0 && cpu < 8, "GICv2 reaches CPUs 0-7 only, not %d", cpu);
	writel(1U << (16 + cpu) | irq, gicv2_dist_base() + GICD_SGIR);
}
