// SPDX-License-Identifier: MIT
/*
 * intc.c - the external interrupt controller QEMU's virt machine has
 * (asm/irqchip.h): the PLIC by default, the APLIC in direct delivery
 * mode with -machine aia=aplic.  The source is the console UART's
 * transmitter-empty interrupt, a level the test raises and lowers at
 * will through the UART's IER.  Checked: a source held back (PLIC
 * priority 0 or at the threshold, APLIC threshold, source disabled)
 * stays pending without reaching the hart; let through, it raises the
 * supervisor external interrupt and the handler claims it once; after
 * it, nothing is pending; routed to CPU 1 (with -smp 2), CPU 1 alone
 * takes it.  Skips on a machine with neither controller.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/csr.h>
#include <asm/delay.h>
#include <asm/io.h>
#include <asm/irqchip.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/timer.h>

#define UART_IER	1
#define UART_IER_THRI	0x02	/* interrupt while THR is empty */

static u8 *uart;
static int uart_irq;
static bool use_aplic;

static volatile int taken[NR_CPUS];
static volatile u32 claimed[NR_CPUS];
static volatile bool ready[NR_CPUS];

static void uart_line(bool high)
{
	writeb(high ? UART_IER_THRI : 0, uart + UART_IER);
}

static bool find_uart(void)
{
	const void *fdt = dt_fdt();
	int node = dt_get_default_console_node();
	struct dt_pbus_reg reg;
	const fdt32_t *irq;

	if (node < 0 || dt_pbus_translate_node(node, 0, &reg))
		return false;
	irq = fdt_getprop(fdt, node, "interrupts", NULL);
	if (!irq)
		return false;
	uart = ioremap(reg.addr, reg.size);
	uart_irq = fdt32_to_cpu(*irq);
	return true;
}

static u32 claim(int cpu)
{
	return use_aplic ? APLIC_TOPI_IRQ(aplic_claim(cpu)) : plic_claim(cpu);
}

static bool pending(void)
{
	return use_aplic ? aplic_pending(uart_irq) : plic_pending(uart_irq);
}

/* Let the source through to CPU @cpu only, or hold it back there. */
static void route(int cpu, bool through)
{
	int other;

	if (use_aplic) {
		aplic_set_target(uart_irq, cpu, 1);
		aplic_set_threshold(cpu, through ? 0 : 1);
		return;
	}
	for (other = 0; other < nr_cpus; other++)
		plic_disable(uart_irq, other);
	plic_enable(uart_irq, cpu);
	plic_set_threshold(cpu, through ? 0 : 1);
}

static void ext_handler(struct pt_regs *regs)
{
	int cpu = smp_processor_id();
	u32 irq;

	(void)regs;
	/*
	 * The line goes low before the claim: a level source still high
	 * would be pending again at once (the APLIC's, in direct mode).
	 */
	uart_line(false);
	irq = claim(cpu);
	if (!use_aplic && irq)
		plic_complete(cpu, irq);
	claimed[cpu] = irq;
	if (irq)
		taken[cpu]++;
}

static bool seip(void)
{
	return csr_read(CSR_SIP) & IE_EIE;
}

/* Take external interrupts until one came or 500 ms passed. */
static void take_one(void *data)
{
	int cpu = smp_processor_id();
	u64 give_up;

	(void)data;
	install_irq_handler(IRQ_S_EXT, ext_handler);
	csr_set(CSR_SIE, IE_EIE);
	local_irq_enable();
	ready[cpu] = true;
	give_up = timer_get_cycles() + timebase_frequency / 2;
	while (!taken[cpu] && timer_get_cycles() < give_up)
		cpu_relax();
	local_irq_disable();
	csr_clear(CSR_SIE, IE_EIE);
	install_irq_handler(IRQ_S_EXT, NULL);
}

static void nothing(void *data)
{
	(void)data;
}

static void check_delivery(void)
{
	route(0, false);
	uart_line(true);
	udelay(100);
	report(pending() && !seip() && claim(0) == 0,
	       "held back: pending, not delivered, nothing to claim");

	route(0, true);
	udelay(100);
	report(seip(), "let through: the hart's external interrupt is pending");
	taken[0] = 0;
	take_one(NULL);
	report(taken[0] == 1 && claimed[0] == (u32)uart_irq,
	       "taken once, the handler claimed source %u", claimed[0]);
	udelay(100);
	report(!pending() && !seip() && claim(0) == 0,
	       "after it, with the line low: nothing pending");

	if (nr_cpus < 2) {
		report_skip("one CPU: no other to route to");
		return;
	}
	/* Started first: OpenSBI resets a starting hart's PLIC context. */
	on_cpu(1, nothing, NULL);
	route(1, true);
	taken[0] = taken[1] = 0;
	ready[1] = false;
	on_cpu_async(1, take_one, NULL);
	while (!ready[1])
		cpu_relax();
	install_irq_handler(IRQ_S_EXT, ext_handler);
	csr_set(CSR_SIE, IE_EIE);
	local_irq_enable();
	uart_line(true);
	on_cpu(1, nothing, NULL);	/* returns once take_one() has */
	local_irq_disable();
	csr_clear(CSR_SIE, IE_EIE);
	install_irq_handler(IRQ_S_EXT, NULL);
	report(taken[1] == 1 && claimed[1] == (u32)uart_irq && !taken[0],
	       "routed to CPU 1: CPU 1 took it (%d), CPU 0 did not (%d)",
	       taken[1], taken[0]);
	uart_line(false);
	route(0, false);
}

static void check_plic(void)
{
	u32 irq;

	report_prefix_push("plic");
	report(plic_nr_irqs >= uart_irq, "%d sources, the UART is %d",
	       plic_nr_irqs, uart_irq);
	plic_set_priority(uart_irq, 0);
	route(0, true);
	uart_line(true);
	udelay(100);
	report(plic_get_priority(uart_irq) == 0 && plic_pending(uart_irq) &&
	       !seip() && plic_claim(0) == 0, "priority 0: pending, never delivered");
	uart_line(false);
	plic_set_priority(uart_irq, 1);
	/* The line went low again, but the gateway kept it pending. */
	irq = plic_claim(0);
	report(irq == (u32)uart_irq && !plic_pending(uart_irq),
	       "a claim takes the pending source (%u) off the pending bits", irq);
	plic_complete(0, irq);
	check_delivery();
	report_prefix_pop();
}

static void check_aplic(void)
{
	u32 top;

	report_prefix_push("aplic");
	report(aplic_nr_irqs >= uart_irq, "%d sources, the UART is %d",
	       aplic_nr_irqs, uart_irq);
	aplic_set_source_mode(uart_irq, APLIC_SOURCECFG_SM_LEVEL_HIGH);
	aplic_disable(uart_irq);
	route(0, true);
	uart_line(true);
	udelay(100);
	report(aplic_pending(uart_irq) && !seip() && aplic_topi(0) == 0,
	       "source disabled: pending, not delivered");
	aplic_enable(uart_irq);
	top = aplic_topi(0);
	report(APLIC_TOPI_IRQ(top) == (u32)uart_irq && APLIC_TOPI_PRIO(top) == 1,
	       "enabled: topi names source %u at priority %u",
	       APLIC_TOPI_IRQ(top), APLIC_TOPI_PRIO(top));
	uart_line(false);
	(void)aplic_claim(0);
	check_delivery();
	report_prefix_pop();
}

int main(void)
{
	if (!find_uart()) {
		report_skip("no console UART with an interrupt in the device tree");
	} else if (plic_init()) {
		check_plic();
	} else if (aplic_init()) {
		use_aplic = true;
		check_aplic();
	} else {
		report_skip("no PLIC, and no APLIC in direct delivery mode");
	}
	return report_summary();
}
