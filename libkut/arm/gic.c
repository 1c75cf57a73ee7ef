// SPDX-License-Identifier: MIT
/*
 * gic.c - the version-independent GIC API (asm/gic.h): find the GIC in
 * the device tree, then dispatch to gic-v2.c or gic-v3.c.  The enable,
 * pending and active registers have the same layout in the v2
 * distributor and the v3 distributor/redistributor, so that part is here.
 */
#include <libcflat.h>
#include <asm/gic.h>
#include <asm/io.h>
#include <asm/smp.h>

#include "gic-internal.h"

static const struct gic_ops *ops;
static int version;

int gic_init(void)
{
	if (version)
		return version;
	if (gicv3_init()) {
		version = 3;
		ops = &gicv3_ops;
	} else if (gicv2_init()) {
		version = 2;
		ops = &gicv2_ops;
	}
	return version;
}

int gic_version(void)
{
	return version;
}

static void need_gic(void)
{
	if (!gic_init()) {
		printf("kut: no GICv2 or GICv3 in the device tree\n");
		abort();
	}
}

void gic_enable_defaults(void)
{
	need_gic();
	ops->enable_defaults();
}

u32 gic_read_iar(void)
{
	return ops->read_iar();
}

u32 gic_iar_irqnr(u32 iar)
{
	return iar & GICC_IAR_INT_ID_MASK;
}

void gic_write_eoir(u32 irqstat)
{
	ops->write_eoir(irqstat);
}

void gic_ipi_send_mask(int irq, const cpumask_t *dest)
{
	assert(irq >= 0 && irq < 16);
	ops->ipi_send_mask(irq, dest);
}

void gic_ipi_send_single(int irq, int cpu)
{
	cpumask_t mask;

	cpumask_clear(&mask);
	cpumask_set_cpu(cpu, &mask);
	gic_ipi_send_mask(irq, &mask);
}

void gic_irq_set_clr_enable(int irq, bool enable)
{
	void *base;

	need_gic();
	base = ops->irq_base(irq);
	if (enable && irq >= GIC_FIRST_SPI)
		ops->route_spi(irq);
	writel(1U << (irq % 32), base + (enable ? GICD_ISENABLER : GICD_ICENABLER) +
	       (irq / 32) * 4);
}

enum gic_irq_state gic_irq_state(int irq)
{
	void *base;
	u32 bit = 1U << (irq % 32);
	bool pending, active;

	need_gic();
	base = ops->irq_base(irq) + (irq / 32) * 4;
	pending = readl(base + GICD_ISPENDR) & bit;
	active = readl(base + GICD_ISACTIVER) & bit;
	if (pending && active)
		return GIC_IRQ_STATE_ACTIVE_PENDING;
	if (active)
		return GIC_IRQ_STATE_ACTIVE;
	if (pending)
		return GIC_IRQ_STATE_PENDING;
	return GIC_IRQ_STATE_INACTIVE;
}
