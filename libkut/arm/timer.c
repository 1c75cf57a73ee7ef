// SPDX-License-Identifier: MIT
/*
 * timer.c - the generic timers' interrupts from the device tree: the
 * timer node's "interrupts" are four <type number flags> triples (secure
 * physical, non-secure physical, virtual, hypervisor) of PPIs, whose
 * INTID is 16 + number.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/timer.h>

#define PPI_BASE	16

struct timer_state __timer_state;

void timer_save_state(void)
{
	const void *fdt = dt_fdt();
	const fdt32_t *irqs;
	int node, len;

	node = fdt_node_offset_by_compatible(fdt, -1, "arm,armv8-timer");
	if (node < 0)
		node = fdt_node_offset_by_compatible(fdt, -1, "arm,armv7-timer");
	if (node < 0)
		return;
	irqs = fdt_getprop(fdt, node, "interrupts", &len);
	if (!irqs || len < 3 * 3 * 4)
		return;
	__timer_state.ptimer.irq = PPI_BASE + fdt32_to_cpu(irqs[1 * 3 + 1]);
	__timer_state.ptimer.irq_flags = fdt32_to_cpu(irqs[1 * 3 + 2]);
	__timer_state.vtimer.irq = PPI_BASE + fdt32_to_cpu(irqs[2 * 3 + 1]);
	__timer_state.vtimer.irq_flags = fdt32_to_cpu(irqs[2 * 3 + 2]);
}
