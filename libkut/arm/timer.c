// SPDX-License-Identifier: MIT
/*
 * timer.c - the generic timers' interrupts from the device tree: the
 * timer node's "interrupts" are <type number flags> triples of PPIs,
 * whose INTID is 16 + number: secure physical, non-secure physical
 * (ptimer), virtual (vtimer), hypervisor physical (hptimer) and, on
 * machines with FEAT_VHE, hypervisor virtual (hvtimer).  A timer the
 * node does not list has INTID -1.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/gic.h>
#include <asm/timer.h>

struct timer_state __timer_state = {
	.ptimer.irq = -1, .vtimer.irq = -1,
	.hptimer.irq = -1, .hvtimer.irq = -1,
};

/* Triple @n of @irqs (@count of them) into *@irq and *@flags. */
static void read_ppi(const fdt32_t *irqs, int count, int n, u32 *irq,
		     u32 *flags)
{
	if (n >= count || fdt32_to_cpu(irqs[n * 3]) != 1 /* PPI */)
		return;
	*irq = PPI(fdt32_to_cpu(irqs[n * 3 + 1]));
	*flags = fdt32_to_cpu(irqs[n * 3 + 2]);
}

void timer_save_state(void)
{
	const void *fdt = dt_fdt();
	const fdt32_t *irqs;
	int node, len, count;

	node = fdt_node_offset_by_compatible(fdt, -1, "arm,armv8-timer");
	if (node < 0)
		node = fdt_node_offset_by_compatible(fdt, -1, "arm,armv7-timer");
	if (node < 0)
		return;
	irqs = fdt_getprop(fdt, node, "interrupts", &len);
	if (!irqs)
		return;
	count = len / (3 * sizeof(fdt32_t));
	read_ppi(irqs, count, 1, &__timer_state.ptimer.irq,
		 &__timer_state.ptimer.irq_flags);
	read_ppi(irqs, count, 2, &__timer_state.vtimer.irq,
		 &__timer_state.vtimer.irq_flags);
	read_ppi(irqs, count, 3, &__timer_state.hptimer.irq,
		 &__timer_state.hptimer.irq_flags);
	read_ppi(irqs, count, 4, &__timer_state.hvtimer.irq,
		 &__timer_state.hvtimer.irq_flags);
}
