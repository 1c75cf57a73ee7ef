/* SPDX-License-Identifier: MIT */
/*
 * irq.h - what the bundled arm tests that take interrupts share: the
 * IRQ vector of the level they run at, and turning interrupts on for
 * the calling CPU (handlers and GIC interfaces are per CPU).
 */
#ifndef KUT_TESTS_ARM_IRQ_H
#define KUT_TESTS_ARM_IRQ_H

#include <asm/gic.h>
#include <asm/processor.h>

#ifdef __aarch64__
#define TEST_IRQ_VECTOR		EL1H_IRQ
#else
#define TEST_IRQ_VECTOR		EXCPTN_IRQ
#endif

/* This CPU: @handler for its interrupts, its GIC interface on, IRQs on. */
static inline void irqs_on_here(irq_handler_fn handler)
{
	install_irq_handler(TEST_IRQ_VECTOR, handler);
	gic_enable_defaults();
	local_irq_enable();
}

#endif /* KUT_TESTS_ARM_IRQ_H */
