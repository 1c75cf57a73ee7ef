// SPDX-License-Identifier: MIT
/*
 * micro-bench.c - what the guest's exits to the hypervisor cost, one
 * line per kind, timed with the generic counter over many iterations:
 *   hvc      a PSCI_VERSION call (HVC, handled by the VMM)
 *   mmio     a read of the PL031 RTC's data register (emulated by QEMU)
 *   ipi      an SGI to CPU 1 and back (needs -smp 2)
 *   eoi      acknowledging and ending a self-SGI (the GIC CPU interface)
 *   timer    an already expired virtual timer taken as an interrupt
 * The figures are for people (under TCG they say little); the checks are
 * that each kind completes its iterations.  iterations=N (default 1000;
 * the cfg gives fewer under TCG, where an IPI round trip can take tens
 * of milliseconds).
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/gic.h>
#include <asm/io.h>

#include "irq.h"
#include <asm/psci.h>
#include <asm/smp.h>
#include <asm/timer.h>
#include <asm/processor.h>
#include <asm/delay.h>

static int iterations = 1000;
static void *rtc;
static volatile unsigned int irqs[NR_CPUS];
static volatile bool ipi_back;

#ifdef __aarch64__
static void vtimer_ctl(u32 v) { write_sysreg(v, cntv_ctl_el0); isb(); }
static void vtimer_cval(u64 v) { write_sysreg(v, cntv_cval_el0); isb(); }
#else
static void vtimer_ctl(u32 v) { write_sysreg(v, CNTV_CTL); isb(); }
static void vtimer_cval(u64 v) { write_sysreg(v, CNTV_CVAL); isb(); }
#endif

static void irq_handler(struct pt_regs *regs)
{
	u32 iar = gic_read_iar(), irq = gic_iar_irqnr(iar);
	int cpu = smp_processor_id();

	(void)regs;
	if (irq == GICC_INT_SPURIOUS)
		return;
	if (irq == TIMER_VTIMER_IRQ)
		vtimer_ctl(ARCH_TIMER_CTL_IMASK);
	gic_write_eoir(iar);
	if (irq == 2 && cpu == 1)
		gic_ipi_send_single(3, 0);	/* the answer */
	if (irq == 3 && cpu == 0)
		ipi_back = true;
	irqs[cpu]++;
}

static void enable_irqs(void *data)
{
	(void)data;
	irqs_on_here(irq_handler);
}

static void bench_hvc(void)
{
	int i;

	for (i = 0; i < iterations; i++)
		psci_invoke(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0);
}

static void bench_mmio(void)
{
	int i;

	for (i = 0; i < iterations; i++)
		(void)readl(rtc);
}

static void bench_ipi(void)
{
	int i;

	for (i = 0; i < iterations; i++) {
		ipi_back = false;
		gic_ipi_send_single(2, 1);
		while (!ipi_back)
			cpu_relax();
	}
}

static void bench_eoi(void)
{
	int i;
	u32 iar;

	local_irq_disable();
	for (i = 0; i < iterations; i++) {
		gic_ipi_send_single(4, 0);
		do {
			iar = gic_read_iar();
		} while (gic_iar_irqnr(iar) == GICC_INT_SPURIOUS);
		gic_write_eoir(iar);
		irqs[0]++;
	}
	local_irq_enable();
}

static void bench_timer(void)
{
	unsigned int before;
	int i;

	gic_enable_irq(TIMER_VTIMER_IRQ);
	for (i = 0; i < iterations; i++) {
		before = irqs[0];
		vtimer_cval(0);
		vtimer_ctl(ARCH_TIMER_CTL_ENABLE);
		while (irqs[0] == before)
			cpu_relax();
	}
	vtimer_ctl(0);
}

/* Run @fn and print what one iteration cost. */
static void measure(const char *name, void (*fn)(void))
{
	u64 t0, ticks, freq = get_cntfrq(), ns;

	t0 = get_cntvct();
	fn();
	ticks = get_cntvct() - t0;
	ns = ticks * (1000000000 / freq) / iterations;
	report_info("%-6s %8llu ns per iteration (%d iterations)", name,
		    (unsigned long long)ns, iterations);
	report(ticks > 0, "%s: %d iterations done", name, iterations);
}

int main(int argc, char **argv)
{
	struct dt_pbus_reg reg;
	int node, i;

	for (i = 1; i < argc; i++)
		if (!strncmp(argv[i], "iterations=", 11))
			iterations = atol(argv[i] + 11);
	if (!gic_init())
		report_abort("no GIC");
	on_cpus(enable_irqs, NULL);
	measure("hvc", bench_hvc);
	node = fdt_node_offset_by_compatible(dt_fdt(), -1, "arm,pl031");
	if (node >= 0 && !dt_pbus_translate_node(node, 0, &reg)) {
		rtc = ioremap(reg.addr, reg.size);
		measure("mmio", bench_mmio);
	} else {
		report_skip("mmio: no PL031 to read");
	}
	if (nr_cpus > 1)
		measure("ipi", bench_ipi);
	else
		report_skip("ipi: needs -smp 2");
	measure("eoi", bench_eoi);
	measure("timer", bench_timer);
	return report_summary();
}
