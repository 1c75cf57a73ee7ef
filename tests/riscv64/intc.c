// SPDX-License-Identifier: MIT
/*
 * intc.c - the external interrupt controller QEMU's virt machine has
 * (asm/irqchip.h): the PLIC by default, the APLIC in direct delivery
 * mode with -machine aia=aplic, the IMSIC with the APLIC in MSI mode in
 * front with -machine aia=aplic-imsic.  The source is the console UART's
 * transmitter-empty interrupt, a level the test raises and lowers at
 * will through the UART's IER.  Checked: a source held back (PLIC
 * priority 0 or at the threshold, APLIC threshold, source disabled,
 * IMSIC threshold) stays pending without reaching the hart; let
 * through, it raises the supervisor external interrupt and the handler
 * claims it once; after it, nothing is pending; routed to CPU 1 (with
 * -smp 2), CPU 1 alone takes it.  The IMSIC's own checks: MSIs a hart
 * sends itself (pending, enable and threshold, claims lowest ID first,
 * stopi), and one sent to another hart as an IPI.  Skips on a machine
 * with no controller it knows.
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
static enum { PLIC, APLIC, IMSIC } chip;

/* The IMSIC IDs: the UART's MSI, and those a hart sends. */
#define UART_ID		70	/* in eie2/eip2, the second register */
#define ID_LOW		3
#define ID_MID		5
#define ID_HIGH		130

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

/* CPU @cpu claims (the IMSIC: the calling CPU, which must be @cpu). */
static u32 claim(int cpu)
{
	switch (chip) {
	case APLIC:
		return APLIC_TOPI_IRQ(aplic_claim(cpu));
	case IMSIC:
		return imsic_claim();
	default:
		return plic_claim(cpu);
	}
}

/* What a claim of the UART's interrupt gives. */
static u32 uart_claim(void)
{
	return chip == IMSIC ? UART_ID : (u32)uart_irq;
}

/* Pending in the controller (the IMSIC: the calling CPU's file). */
static bool pending(void)
{
	switch (chip) {
	case APLIC:
		return aplic_pending(uart_irq);
	case IMSIC:
		return aplic_pending(uart_irq) || imsic_pending(UART_ID);
	default:
		return plic_pending(uart_irq);
	}
}

/*
 * Let the source through to CPU @cpu only, or hold it back there (the
 * IMSIC: by the calling CPU's threshold, which must then be @cpu's).
 */
static void route(int cpu, bool through)
{
	int other;

	if (chip == APLIC) {
		aplic_set_target(uart_irq, cpu, 1);
		aplic_set_threshold(cpu, through ? 0 : 1);
		return;
	}
	if (chip == IMSIC) {
		aplic_set_msi_target(uart_irq, cpu, UART_ID);
		if (cpu == smp_processor_id())
			imsic_set_threshold(through ? 0 : UART_ID);
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
	if (chip == PLIC && irq)
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
	report(taken[0] == 1 && claimed[0] == uart_claim(),
	       "taken once, the handler claimed %u", claimed[0]);
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
	report(taken[1] == 1 && claimed[1] == uart_claim() && !taken[0],
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

/*
 * The UART's source at the APLIC (either mode): a high level, routed to
 * CPU 0 and let through there, but disabled at the source.
 */
static void aplic_raise_disabled(void)
{
	report(aplic_nr_irqs >= uart_irq, "%d sources, the UART is %d",
	       aplic_nr_irqs, uart_irq);
	aplic_set_source_mode(uart_irq, APLIC_SOURCECFG_SM_LEVEL_HIGH);
	aplic_disable(uart_irq);
	route(0, true);
	uart_line(true);
	udelay(100);
}

static void check_aplic(void)
{
	u32 top;

	report_prefix_push("aplic");
	aplic_raise_disabled();
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

/* The calling CPU's file: the UART's ID and the IPI's enabled. */
static void imsic_setup(void *data)
{
	(void)data;
	imsic_cpu_init();
	imsic_enable(UART_ID);
	imsic_enable(ID_MID);
}

static u32 stopi_iid(void)
{
	return (csr_read(CSR_STOPI) >> TOPI_IID_SHIFT) & TOPI_IID_MASK;
}

/* MSIs CPU 0 sends itself, with the external interrupt off in sie. */
static void check_imsic_self(void)
{
	u32 a, b, c;

	imsic_send(0, ID_MID);
	report(imsic_pending(ID_MID) && seip() && imsic_top() == ID_MID,
	       "an MSI to itself: pending, the top ID, the hart's SEIP set");
	report(stopi_iid() == 0, "stopi: 0 while sie.SEIE is clear");
	csr_set(CSR_SIE, IE_EIE);
	report(stopi_iid() == IRQ_S_EXT, "stopi: %u with sie.SEIE set",
	       stopi_iid());
	csr_clear(CSR_SIE, IE_EIE);
	imsic_set_threshold(ID_MID);
	report(imsic_pending(ID_MID) && !seip() && imsic_top() == 0,
	       "threshold %d: held back", ID_MID);
	imsic_set_threshold(ID_MID + 1);
	report(seip() && imsic_top() == ID_MID, "threshold %d: let through",
	       ID_MID + 1);
	imsic_set_threshold(0);
	imsic_disable(ID_MID);
	report(imsic_pending(ID_MID) && !seip() && imsic_top() == 0,
	       "disabled: pending, not delivered");
	imsic_enable(ID_MID);

	imsic_enable(ID_LOW);
	imsic_enable(ID_HIGH);
	imsic_send(0, ID_HIGH);
	imsic_send(0, ID_LOW);
	a = imsic_claim();
	b = imsic_claim();
	c = imsic_claim();
	report(a == ID_LOW && b == ID_MID && c == ID_HIGH && imsic_claim() == 0,
	       "claimed lowest ID first: %u %u %u, then none", a, b, c);
	report(!imsic_pending(ID_LOW) && !imsic_pending(ID_MID) &&
	       !imsic_pending(ID_HIGH) && !seip(), "a claim clears the pending bit");
	imsic_disable(ID_LOW);
	imsic_disable(ID_HIGH);

	imsic_send(0, ID_MID);
	imsic_clear_pending(ID_MID);
	report(!imsic_pending(ID_MID) && !seip(), "a pending bit cleared by eip");

	taken[0] = 0;
	imsic_send(0, ID_MID);
	take_one(NULL);
	report(taken[0] == 1 && claimed[0] == ID_MID,
	       "taken as an interrupt, the handler claimed ID %u", claimed[0]);
}

/* An MSI from CPU 0 to CPU 1's file: an IPI through the IMSIC. */
static void check_imsic_ipi(void)
{
	if (nr_cpus < 2) {
		report_skip("one CPU: no other to send to");
		return;
	}
	on_cpu(1, imsic_setup, NULL);
	taken[0] = taken[1] = 0;
	ready[1] = false;
	on_cpu_async(1, take_one, NULL);
	while (!ready[1])
		cpu_relax();
	imsic_send(1, ID_MID);
	on_cpu(1, nothing, NULL);
	report(taken[1] == 1 && claimed[1] == ID_MID && !taken[0] &&
	       !imsic_pending(ID_MID),
	       "an MSI to CPU 1: CPU 1 took ID %u (%d), CPU 0 did not (%d)",
	       claimed[1], taken[1], taken[0]);
}

static void check_imsic(void)
{
	report_prefix_push("imsic");
	report(imsic_nr_ids >= 63 && imsic_nr_ids >= UART_ID && imsic_nr_ids >= ID_HIGH,
	       "%d IDs", imsic_nr_ids);
	imsic_setup(NULL);
	check_imsic_self();
	check_imsic_ipi();
	report_prefix_pop();

	if (!aplic_msi_init()) {
		report_skip("no APLIC sending MSIs to the IMSIC");
		return;
	}
	report_prefix_push("aplic-msi");
	aplic_raise_disabled();
	report(aplic_pending(uart_irq) && !imsic_pending(UART_ID) && !seip(),
	       "source disabled: pending in the APLIC, no MSI sent");
	aplic_enable(uart_irq);
	udelay(100);
	report(!aplic_pending(uart_irq) && imsic_pending(UART_ID) && seip() &&
	       imsic_top() == UART_ID,
	       "enabled: the MSI sent, ID %d pending in the IMSIC", UART_ID);
	(void)imsic_claim();
	udelay(100);
	report(!aplic_pending(uart_irq) && !imsic_pending(UART_ID),
	       "the line still high: no second MSI");
	aplic_retrigger(uart_irq);
	udelay(100);
	report(imsic_pending(UART_ID) && imsic_claim() == UART_ID,
	       "retriggered: a second MSI");
	uart_line(false);
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
		chip = APLIC;
		check_aplic();
	} else if (imsic_init()) {
		chip = IMSIC;
		check_imsic();
	} else {
		report_skip("no PLIC, no APLIC in direct delivery mode, no IMSIC");
	}
	return report_summary();
}
