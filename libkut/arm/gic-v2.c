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

#include "gic-internal.h"

struct gicv2_data gicv2_data;

static const char *const compatibles[] = {
	"arm,cortex-a15-gic", "arm,gic-400", "arm,cortex-a9-gic", NULL,
};

int gicv2_init(void)
{
	struct dt_pbus_reg dist, cpu;
	const char *const *c;
	int node = -1;

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

static void v2_enable_defaults(void)
{
	void *dist = gicv2_dist_base(), *cpu = gicv2_cpu_base();
	unsigned int i;

	if (!(readl(dist + GICD_CTLR) & GICD_ENABLE)) {
		for (i = GIC_FIRST_SPI; i < gicv2_data.irq_nr; i += 4)
			writel(GICD_INT_DEF_PRI_X4, dist + GICD_IPRIORITYR + i);
		writel(GICD_ENABLE, dist + GICD_CTLR);
	}
	for (i = 0; i < GIC_FIRST_SPI; i += 4)
		writel(GICD_INT_DEF_PRI_X4, dist + GICD_IPRIORITYR + i);
	writel(GICD_INT_EN_SET_SGI, dist + GICD_ISENABLER);
	writel(GICC_INT_PRI_THRESHOLD, cpu + GICC_PMR);
	writel(GICC_ENABLE, cpu + GICC_CTLR);
}

void gicv2_enable_defaults(void)
{
	if (!gicv2_dist_base() && !gicv2_init())
		return;
	v2_enable_defaults();
}

static u32 v2_read_iar(void)
{
	return readl(gicv2_cpu_base() + GICC_IAR);
}

static void v2_write_eoir(u32 irqstat)
{
	writel(irqstat, gicv2_cpu_base() + GICC_EOIR);
}

static void v2_ipi_send_mask(int irq, const cpumask_t *dest)
{
	u32 targets = 0;
	int cpu;

	for_each_cpu(cpu, dest)
		if (cpu < 8)
			targets |= 1U << cpu;
	dsb(ishst);
	writel(targets << 16 | irq, gicv2_dist_base() + GICD_SGIR);
}

static void *v2_irq_base(int irq)
{
	(void)irq;
	return gicv2_dist_base();
}

static void v2_route_spi(int irq)
{
	writeb(1U << smp_processor_id(), gicv2_dist_base() + GICD_ITARGETSR + irq);
}

const struct gic_ops gicv2_ops = {
	.enable_defaults = v2_enable_defaults,
	.read_iar = v2_read_iar,
	.write_eoir = v2_write_eoir,
	.ipi_send_mask = v2_ipi_send_mask,
	.irq_base = v2_irq_base,
	.route_spi = v2_route_spi,
};
