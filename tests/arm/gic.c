// SPDX-License-Identifier: MIT
/*
 * gic.c - interrupts through the GIC (v2 or v3, as the machine has it):
 * each CPU enables its interface, CPU 0 sends SGIs (IPIs) to every CPU,
 * itself included, one by one and as a mask, and every CPU must take
 * exactly the SGIs sent to it, with the right INTID and sender-visible
 * ordering.  Arguments: "ipi" [ver=2|3] (ver: the version QEMU was asked
 * for, checked against what the device tree describes).
 */
#include <libcflat.h>
#include <asm/gic.h>
#include <asm/smp.h>
#include <asm/setup.h>
#include <asm/processor.h>
#include <asm/delay.h>

#define IPI_IRQ		1
#define OTHER_IRQ	5

static volatile int received[NR_CPUS][16];
static volatile int spurious[NR_CPUS], stray[NR_CPUS];

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
	if (irq < 16)
		received[cpu][irq]++;
	else
		stray[cpu]++;
	gic_write_eoir(iar);
}

/* Handlers are per CPU: each CPU installs its own. */
static void enable_irqs(void *data)
{
	(void)data;
#ifdef __aarch64__
	install_irq_handler(EL1H_IRQ, irq_handler);
#else
	install_exception_handler(EXCPTN_IRQ, irq_handler);
#endif
	gic_enable_defaults();
	local_irq_enable();
}

/* Wait up to a second for @cpu to count @n SGIs @irq. */
static bool wait_for(int cpu, int irq, int n)
{
	int i;

	for (i = 0; i < 1000 && received[cpu][irq] < n; i++)
		mdelay(1);
	smp_rmb();
	return received[cpu][irq] == n;
}

int main(int argc, char **argv)
{
	cpumask_t all;
	int cpu, ok, ver = 0, i;

	for (i = 1; i < argc; i++)
		if (!strncmp(argv[i], "ver=", 4))
			ver = atol(argv[i] + 4);
	if (!gic_init()) {
		report_abort("no GIC in the device tree");
	}
	report_info("GICv%d, %d CPUs", gic_version(), nr_cpus);
	if (ver)
		report(gic_version() == ver, "the GIC is v%d, as asked", ver);

	on_cpus(enable_irqs, NULL);

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
	return report_summary();
}
