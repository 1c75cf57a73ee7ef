// SPDX-License-Identifier: MIT
/*
 * gic.c - interrupts through the GIC, v2 or v3 as the machine has it
 * (Arm IHI 0048 and 0069).  One area per first argument:
 *   ipi       SGIs: CPU 0 sends them to every CPU, itself included, one by
 *             one and as a mask; each CPU takes exactly those sent to it
 *   ppi-spi   a PPI made pending through the (re)distributor is taken by
 *             the CPU that owns it, an SPI by the CPU it is routed to
 *             (QEMU 7.2's GICv2 loses a PPI pended so when it has more
 *             than one CPU: a known failure there)
 *   priority  of two pending interrupts the higher priority one (lower
 *             value) is acknowledged first; the priority mask holds back
 *             what it does not let through until it is raised
 *   active    an acknowledged interrupt is active until EOI; pended again
 *             meanwhile it is active and pending, and taken again after
 *   its       (arm64, GICv3 with an ITS, -smp 2 or more) LPIs through the
 *             ITS: INT delivers an event's LPI to its collection's CPU;
 *             disabled in the configuration table (and INV) it is not;
 *             MOVI moves it to another CPU; DISCARD and an unmapped
 *             device deliver nothing
 *   msi       (arm64, GICv3 with an ITS, -device edu) an MSI from a PCI
 *             device, translated by the ITS from its requester ID
 * ver=2|3 (any area): the version QEMU was asked for, checked against
 * what the device tree describes.
 */
#include <libcflat.h>
#include <pci.h>
#include <pci-edu.h>
#include <asm/gic.h>
#include <asm/smp.h>
#include <asm/setup.h>
#include <asm/processor.h>
#include <asm/delay.h>
#include <asm/io.h>

#include "irq.h"

#define IPI_IRQ		1
#define OTHER_IRQ	5
#define TEST_PPI	PPI(4)		/* INTID 20: nothing of virt's uses it */
#define NR_LPIS		64
#define TEST_LPI	LPI(10)

static volatile int received[NR_CPUS][GIC_FIRST_SPI + 1024];
static volatile int lpis[NR_CPUS][NR_LPIS];
static volatile int spurious[NR_CPUS], stray[NR_CPUS];
/* The order interrupts were acknowledged in, on CPU 0. */
static volatile u32 order[8];
static volatile int nr_order;
/* What the active test saw from inside its handler. */
static volatile int state_in_handler = -1, state_repended = -1;
static volatile bool repend_once;

static void irq_handler(struct pt_regs *regs)
{
	u32 iar = gic_read_iar();
	u32 irq = gic_iar_irqnr(iar);
	int cpu = smp_processor_id();

	(void)regs;
	if (irq == GICC_INT_SPURIOUS) {
		spurious[cpu]++;
		return;
	}
	if (cpu == 0 && nr_order < (int)ARRAY_SIZE(order))
		order[nr_order++] = irq;
	if (irq >= LPI_ID_BASE && irq < (u32)LPI(NR_LPIS))
		lpis[cpu][LPI_OFFSET(irq)]++;
	else if (irq < ARRAY_SIZE(received[0]))
		received[cpu][irq]++;
	else
		stray[cpu]++;
	if (repend_once && irq < 16) {
		repend_once = false;
		state_in_handler = gic_irq_state(irq);
		gic_ipi_send_single(irq, cpu);
		state_repended = gic_irq_state(irq);
	}
	smp_wmb();
	gic_write_eoir(iar);
}

/* Handlers are per CPU: each CPU installs its own. */
static void enable_irqs(void *data)
{
	(void)data;
	irqs_on_here(irq_handler);
}

/* Wait up to a second for @cpu to count @n interrupts @irq (or LPIs). */
static bool wait_for(int cpu, int irq, int n)
{
	volatile int *count = irq >= LPI_ID_BASE ? &lpis[cpu][LPI_OFFSET(irq)]
						 : &received[cpu][irq];
	int i;

	for (i = 0; i < 1000 && *count < n; i++)
		mdelay(1);
	/* Anything more would come now. */
	mdelay(10);
	smp_rmb();
	return *count == n;
}

/* The frame with @irq's banked (SGI, PPI) or shared (SPI) registers. */
static void *irq_frame(int irq)
{
	if (gic_version() == 2)
		return gicv2_dist_base();
	return irq < GIC_FIRST_SPI ? gicv3_sgi_base() : gicv3_dist_base();
}

static void set_pending(int irq)
{
	writel(1U << (irq % 32), irq_frame(irq) + GICD_ISPENDR + irq / 32 * 4);
}

static void set_priority(int irq, u8 prio)
{
	writeb(prio, irq_frame(irq) + GICD_IPRIORITYR + irq);
}

static void write_pmr(u8 pmr)
{
	if (gic_version() == 2)
		writel(pmr, gicv2_cpu_base() + GICC_PMR);
	else
		gicv3_write_pmr(pmr);
}

static void check_ipi(void)
{
	cpumask_t all;
	int cpu, ok, i;

	report_prefix_push("ipi");
	gic_ipi_send_single(IPI_IRQ, 0);
	report(wait_for(0, IPI_IRQ, 1), "self IPI: taken once");

	ok = 1;
	for (cpu = 1; cpu < nr_cpus; cpu++) {
		gic_ipi_send_single(IPI_IRQ, cpu);
		if (!wait_for(cpu, IPI_IRQ, 1)) {
			report_info("CPU %d took %d IPIs, not 1", cpu,
				    received[cpu][IPI_IRQ]);
			ok = 0;
		}
	}
	if (nr_cpus > 1)
		report(ok, "IPI to each other CPU: taken once, by it");
	else
		report_skip("IPIs to other CPUs need -smp 2 or more");

	cpumask_clear(&all);
	for (cpu = 0; cpu < nr_cpus; cpu++)
		cpumask_set_cpu(cpu, &all);
	gic_ipi_send_mask(OTHER_IRQ, &all);
	ok = 1;
	for (cpu = 0; cpu < nr_cpus; cpu++)
		ok &= wait_for(cpu, OTHER_IRQ, 1);
	report(ok, "IPI %d to all CPUs as one mask: every CPU took it once",
	       OTHER_IRQ);

	ok = 1;
	for (cpu = 0; cpu < nr_cpus; cpu++) {
		ok &= received[cpu][IPI_IRQ] == 1 && received[cpu][OTHER_IRQ] == 1;
		ok &= !stray[cpu];
		for (i = 0; i < 16; i++)
			if (i != IPI_IRQ && i != OTHER_IRQ)
				ok &= !received[cpu][i];
	}
	report(ok, "no interrupt taken that was not sent");
	report(gic_irq_state(IPI_IRQ) == GIC_IRQ_STATE_INACTIVE,
	       "SGI %d inactive after EOI", IPI_IRQ);
	report_prefix_pop();
}

static int test_spi;

static void pend_own_ppi(void *data)
{
	(void)data;
	gic_enable_irq(TEST_PPI);
	set_pending(TEST_PPI);
}

static void enable_spi_here(void *data)
{
	(void)data;
	gic_enable_irq(test_spi);
}

static void check_ppi_spi(void)
{
	int irq_nr = GICD_TYPER_IRQS(readl((gic_version() == 2 ? gicv2_dist_base()
							     : gicv3_dist_base()) + GICD_TYPER));
	int cpu, ok;

	report_prefix_push("ppi-spi");
	gic_enable_irq(TEST_PPI);
	set_pending(TEST_PPI);
	report(wait_for(0, TEST_PPI, 1), "PPI %d made pending: taken once", TEST_PPI);
	if (nr_cpus > 1) {
		on_cpu(1, pend_own_ppi, NULL);
		report(wait_for(1, TEST_PPI, 1) && received[0][TEST_PPI] == 1,
		       "CPU 1's PPI %d: taken by CPU 1 only", TEST_PPI);
	}

	/* The last SPI the distributor has: no device of virt drives it. */
	test_spi = irq_nr > 1020 ? 1019 : irq_nr - 1;
	report_info("%d interrupt IDs; test SPI %d", irq_nr, test_spi);
	gic_enable_irq(test_spi);
	set_pending(test_spi);
	report(wait_for(0, test_spi, 1), "SPI routed to CPU 0: taken by it");
	if (nr_cpus > 1) {
		on_cpu(1, enable_spi_here, NULL);
		set_pending(test_spi);
		ok = wait_for(1, test_spi, 1) && received[0][test_spi] == 1;
		for (cpu = 2; cpu < nr_cpus; cpu++)
			ok &= !received[cpu][test_spi];
		report(ok, "routed to CPU 1: taken by CPU 1 only");
	} else {
		report_skip("routing to another CPU needs -smp 2 or more");
	}
	gic_disable_irq(test_spi);
	report(gic_irq_state(test_spi) == GIC_IRQ_STATE_INACTIVE, "SPI inactive at the end");
	report_prefix_pop();
}

/* Make SGI @irq pending on this CPU (the only way on GICv2). */
static void pend_sgi(int irq)
{
	gic_ipi_send_single(irq, smp_processor_id());
}

static void check_priority(void)
{
	const int low = 2, high = 3;	/* SGIs: pended the same way on v2 and v3 */

	report_prefix_push("priority");
	set_priority(low, 0xa0);
	set_priority(high, 0x80);
	local_irq_disable();
	nr_order = 0;
	pend_sgi(low);
	pend_sgi(high);
	local_irq_enable();
	mdelay(10);
	report(nr_order == 2 && order[0] == (u32)high && order[1] == (u32)low,
	       "of two pending, priority 0x80 is taken before 0xa0");

	/* PMR 0x90: only priorities below it (more urgent) are signalled. */
	write_pmr(0x90);
	nr_order = 0;
	pend_sgi(low);
	pend_sgi(high);
	mdelay(10);
	report(nr_order == 1 && order[0] == (u32)high &&
	       gic_irq_state(low) == GIC_IRQ_STATE_PENDING,
	       "priority mask 0x90: 0x80 taken, 0xa0 held back pending");
	write_pmr(GICC_INT_PRI_THRESHOLD);
	mdelay(10);
	report(nr_order == 2 && order[1] == (u32)low &&
	       gic_irq_state(low) == GIC_IRQ_STATE_INACTIVE,
	       "priority mask raised: 0xa0 taken then");
	set_priority(low, 0xa0);
	set_priority(high, 0xa0);
	report_prefix_pop();
}

static void check_active(void)
{
	const int irq = 4;		/* an SGI */

	report_prefix_push("active");
	received[0][irq] = 0;
	repend_once = true;
	pend_sgi(irq);
	report(wait_for(0, irq, 2), "pended again in its handler: taken twice");
	report(state_in_handler == GIC_IRQ_STATE_ACTIVE,
	       "active in its handler (state %d)", state_in_handler);
	report(state_repended == GIC_IRQ_STATE_ACTIVE_PENDING,
	       "active and pending once pended again (state %d)", state_repended);
	report(gic_irq_state(irq) == GIC_IRQ_STATE_INACTIVE, "inactive after EOI");
	report_prefix_pop();
}

#ifdef __aarch64__
static bool its_usable(int cpus)
{
	if (gic_version() != 3 || !gicv3_its_base()) {
		report_skip("no ITS (QEMU: -machine gic-version=3)");
		return false;
	}
	if (nr_cpus < cpus) {
		report_skip("needs -smp %d or more", cpus);
		return false;
	}
	its_enable_defaults();
	return true;
}

static void check_its(void)
{
	struct its_collection *col0, *col1;
	struct its_device *dev;

	report_prefix_push("its");
	if (!its_usable(2))
		return report_prefix_pop();
	report(its_data.typer.phys_lpi, "GITS_TYPER: physical LPIs");
	dev = its_create_device(7, 32);
	col0 = its_create_collection(0, 0);
	col1 = its_create_collection(1, 1);
	its_send_mapd(dev, true);
	its_send_mapc(col0, true);
	its_send_mapc(col1, true);
	gicv3_lpi_set_config(TEST_LPI, LPI_PROP_DEFAULT);
	its_send_mapti(dev, TEST_LPI, 20, col1);
	its_send_invall(col1);

	its_send_int(dev, 20);
	report(wait_for(1, TEST_LPI, 1) && !lpis[0][LPI_OFFSET(TEST_LPI)],
	       "INT: event 20 of device 7 is LPI %d on CPU 1", TEST_LPI);

	gicv3_lpi_set_config(TEST_LPI, LPI_PROP_DEFAULT & ~LPI_PROP_ENABLED);
	its_send_inv(dev, 20);
	its_send_int(dev, 20);
	report(wait_for(1, TEST_LPI, 1), "disabled in the configuration table: not taken");
	gicv3_lpi_set_config(TEST_LPI, LPI_PROP_DEFAULT);
	its_send_inv(dev, 20);
	report(wait_for(1, TEST_LPI, 2), "enabled again: the pending one is taken");

	its_send_movi(dev, col0, 20);
	its_send_int(dev, 20);
	report(wait_for(0, TEST_LPI, 1) && lpis[1][LPI_OFFSET(TEST_LPI)] == 2,
	       "MOVI to collection 0: taken by CPU 0");

	its_send_discard(dev, 20);
	its_send_int(dev, 20);
	report(wait_for(0, TEST_LPI, 1) && wait_for(1, TEST_LPI, 2),
	       "DISCARD: the event delivers nothing");

	its_send_mapti(dev, TEST_LPI, 21, col0);
	its_send_mapd(dev, false);
	its_send_int(dev, 21);
	report(wait_for(0, TEST_LPI, 1), "device unmapped: nothing delivered");
	report_prefix_pop();
}

static void check_msi(void)
{
	struct its_collection *col;
	struct its_device *dev;
	struct pci_edu_dev edu;
	pcidevaddr_t bdf;

	report_prefix_push("msi");
	if (!its_usable(1))
		return report_prefix_pop();
	if (!edu_init(&edu)) {
		report_skip("no edu device (QEMU: -device edu)");
		return report_prefix_pop();
	}
	bdf = edu.pci_dev.bdf;
	report((edu_reg_readl(&edu, EDU_REG_ID) & 0xff) == EDU_MAGIC,
	       "edu at %02x.%02x.%x", PCI_BDF_GET_BUS(bdf),
	       PCI_BDF_GET_DEVFN(bdf) >> 3, bdf & 7);

	/* The virt machine's ITS takes the requester ID as DeviceID. */
	dev = its_create_device(bdf, 8);
	col = its_create_collection(0, 0);
	its_send_mapd(dev, true);
	its_send_mapc(col, true);
	gicv3_lpi_set_config(LPI(11), LPI_PROP_DEFAULT);
	its_send_mapti(dev, LPI(11), 0, col);
	its_send_invall(col);
	report(pci_setup_msi(&edu.pci_dev,
			     virt_to_phys(gicv3_its_base() + GITS_TRANSLATER), 0),
	       "MSI pointed at GITS_TRANSLATER, event 0");
	edu_reg_writel(&edu, EDU_REG_INTR_RAISE, 1);
	report(wait_for(0, LPI(11), 1), "the device's MSI is LPI %d on CPU 0", LPI(11));
	edu_reg_writel(&edu, EDU_REG_INTR_ACK, 1);
	report(edu_reg_readl(&edu, EDU_REG_INTR_STATUS) == 0,
	       "acknowledged at the device");
	report_prefix_pop();
}
#endif

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";
	int ver = 0, i;

	for (i = 1; i < argc; i++)
		if (!strncmp(argv[i], "ver=", 4))
			ver = atol(argv[i] + 4);
	if (!gic_init())
		report_abort("no GIC in the device tree");
	report_info("GICv%d, %d CPUs", gic_version(), nr_cpus);
	if (ver)
		report(gic_version() == ver, "the GIC is v%d, as asked", ver);
	on_cpus(enable_irqs, NULL);

	if (!strcmp(what, "ipi"))
		check_ipi();
	else if (!strcmp(what, "ppi-spi"))
		check_ppi_spi();
	else if (!strcmp(what, "priority"))
		check_priority();
	else if (!strcmp(what, "active"))
		check_active();
#ifdef __aarch64__
	else if (!strcmp(what, "its"))
		check_its();
	else if (!strcmp(what, "msi"))
		check_msi();
#endif
	else
		report_abort("unknown area '%s'", what);
	return report_summary();
}
