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

struct gic_ops {
	void (*enable_defaults)(void);
	u32 (*read_iar)(void);
	u32 (*iar_irqnr)(u32 iar);
	void (*write_eoir)(u32 irqstat);
	void (*ipi_send_single)(int irq, int cpu);
	void (*ipi_send_mask)(int irq, const cpumask_t *dest);
};

/* Wrappers: on arm64 the v3 accessors are inline, not addressable. */
static u32 v3_read_iar(void)
{
	return gicv3_read_iar();
}

static void v3_write_eoir(u32 irqstat)
{
	gicv3_write_eoir(irqstat);
}

static const struct gic_ops v2_ops = {
	.enable_defaults = gicv2_enable_defaults,
	.read_iar = gicv2_read_iar,
	.iar_irqnr = gicv2_iar_irqnr,
	.write_eoir = gicv2_write_eoir,
	.ipi_send_single = gicv2_ipi_send_single,
	.ipi_send_mask = gicv2_ipi_send_mask,
}, v3_ops = {
	.enable_defaults = gicv3_enable_defaults,
	.read_iar = v3_read_iar,
	.iar_irqnr = gicv3_iar_irqnr,
	.write_eoir = v3_write_eoir,
	.ipi_send_single = gicv3_ipi_send_single,
	.ipi_send_mask = gicv3_ipi_send_mask,
};

static const struct gic_ops *ops;

int gic_init(void)
{
	if (ops)
		return gic_version();
	if (gicv3_init()) {
		ops = &v3_ops;
#ifdef __aarch64__
		its_init();
#endif
	} else if (gicv2_init()) {
		ops = &v2_ops;
	}
	return gic_version();
}

int gic_version(void)
{
	return ops == &v3_ops ? 3 : ops == &v2_ops ? 2 : 0;
}

static void need_gic(void)
{
	assert_msg(ops, "no GIC: call gic_init() (the device tree may have none)");
}

void gic_enable_defaults(void)
{
	if (!gic_init()) {
		printf("kut: no GICv2 or GICv3 in the device tree\n");
		abort();
	}
	ops->enable_defaults();
}

u32 gic_read_iar(void)
{
	need_gic();
	return ops->read_iar();
}

u32 gic_iar_irqnr(u32 iar)
{
	need_gic();
	return ops->iar_irqnr(iar);
}

void gic_write_eoir(u32 irqstat)
{
	need_gic();
	ops->write_eoir(irqstat);
}

void gic_ipi_send_single(int irq, int cpu)
{
	need_gic();
	assert(irq >= 0 && irq < 16);
	ops->ipi_send_single(irq, cpu);
}

void gic_ipi_send_mask(int irq, const cpumask_t *dest)
{
	need_gic();
	assert(irq >= 0 && irq < 16);
	ops->ipi_send_mask(irq, dest);
}

/* The frame holding INTID @irq's enable/pending/active bits. */
static void *irq_base(int irq)
{
	need_gic();
	assert_msg(irq >= 0 && irq < 1020, "INTID %d is no SGI, PPI or SPI", irq);
	if (gic_version() == 2)
		return gicv2_dist_base();
	return irq < GIC_NR_PRIVATE_IRQS ? gicv3_sgi_base() : gicv3_dist_base();
}

/* Deliver SPI @irq to the calling CPU. */
static void route_spi(int irq)
{
	if (gic_version() == 2)
		writeb(1U << smp_processor_id(),
		       gicv2_dist_base() + GICD_ITARGETSR + irq);
	else
		/* GICD_IROUTER has MPIDR's affinity fields where MPIDR does. */
		writeq(get_mpidr() & 0xff00ffffffULL,
		       gicv3_dist_base() + GICD_IROUTER + irq * 8);
}

void gic_irq_set_clr_enable(int irq, bool enable)
{
	void *base = irq_base(irq);

	if (enable && irq >= GIC_FIRST_SPI)
		route_spi(irq);
	writel(1U << (irq % 32), base + (enable ? GICD_ISENABLER : GICD_ICENABLER) +
	       (irq / 32) * 4);
}

enum gic_irq_state gic_irq_state(int irq)
{
	void *base = irq_base(irq) + (irq / 32) * 4;
	u32 bit = 1U << (irq % 32);
	bool pending, active;

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
