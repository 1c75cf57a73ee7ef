/* SPDX-License-Identifier: MIT */
/*
 * gic-internal.h - the operations gic.c dispatches to gic-v2.c or
 * gic-v3.c (internal, not installed).
 */
#ifndef KUT_ARM_GIC_INTERNAL_H
#define KUT_ARM_GIC_INTERNAL_H

#include <asm/gic.h>

struct gic_ops {
	void (*enable_defaults)(void);
	u32 (*read_iar)(void);
	void (*write_eoir)(u32 irqstat);
	void (*ipi_send_mask)(int irq, const cpumask_t *dest);
	/* The distributor or redistributor frame that holds @irq's bits. */
	void *(*irq_base)(int irq);
	/* Before forwarding SPI @irq: route it to the calling CPU. */
	void (*route_spi)(int irq);
};

extern const struct gic_ops gicv2_ops, gicv3_ops;

#endif /* KUT_ARM_GIC_INTERNAL_H */
