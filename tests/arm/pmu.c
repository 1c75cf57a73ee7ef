// SPDX-License-Identifier: MIT
/*
 * pmu.c - the Performance Monitors (Arm ARM D13 / C12) on arm and arm64,
 * one area per first argument:
 *   cycle-counter  present per ID_AA64DFR0/ID_DFR0; counts up across a
 *                  busy wait at least as fast as the generic timer (which
 *                  runs independently of it); reads are monotonic; stops
 *                  when disabled; PMCR.C resets it; PMCCFILTR.P stops it
 *                  counting at EL1
 *   event-counters every one of PMCR.N counters counts SW_INCR increments
 *                  (PMSWINC) exactly, only while enabled; PMCR.P resets
 *                  them; INST_RETIRED (where PMCEID0 says it is there)
 *                  counts at least the instructions of a loop
 *   overflow       a counter wrapping from 0xffffffff sets its PMOVS flag
 *                  (cleared by writing it), and with PMINTENSET raises
 *                  the PMU interrupt (the device tree's PPI) once
 *   chained        (PMUv3, CHAIN implemented) an odd counter counting CHAIN
 *                  counts the even one's overflows: one 64-bit counter
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/pmu.h>
#include <asm/gic.h>
#include <asm/processor.h>
#include <asm/delay.h>

#include "irq.h"

#define TIMER_TICKS	20000
#define PMCCFILTR_P	(1U << 31)

/* Spin until the generic timer has advanced @ticks. */
static u64 wait_ticks(u64 ticks)
{
	u64 t0 = get_cntvct(), t;

	do {
		t = get_cntvct();
	} while (t - t0 < ticks);
	return t - t0;
}

static void check_cycle_counter(void)
{
	u64 c0, c1, ticks, prev, now, freq = get_cntfrq();
	bool monotonic = true;
	int i;

	report_prefix_push("cycle-counter");
	report_info("PMU version %u, PMCR %#x (%u event counters)",
		    get_pmu_version(), get_pmcr(),
		    (get_pmcr() >> PMU_PMCR_N_SHIFT) & PMU_PMCR_N_MASK);
	if (!pmu_cycle_counter_present()) {
		report_skip("no architected PMU on this CPU");
		report_prefix_pop();
		return;
	}

	cycle_counter_enable();
	c0 = get_cycles();
	ticks = wait_ticks(TIMER_TICKS);
	c1 = get_cycles();
	report(c1 > c0, "counts up across a busy wait (%llu cycles)",
	       (unsigned long long)(c1 - c0));
	report(c1 - c0 >= ticks,
	       "at least as fast as the %llu Hz timer (%llu cycles in %llu ticks)",
	       (unsigned long long)freq, (unsigned long long)(c1 - c0),
	       (unsigned long long)ticks);
	report_info("about %llu MHz", (unsigned long long)
		    ((c1 - c0) * (freq / 1000) / ticks / 1000));

	prev = get_cycles();
	for (i = 0; i < 1000; i++) {
		now = get_cycles();
		monotonic = monotonic && now >= prev;
		prev = now;
	}
	report(monotonic, "1000 reads in a row never go back");

	cycle_counter_disable();
	c0 = get_cycles();
	wait_ticks(TIMER_TICKS / 4);
	c1 = get_cycles();
	report(c0 == c1, "stands still while disabled (%llu)",
	       (unsigned long long)c0);
	set_pmccntr(0x12345678);
	report(get_cycles() == 0x12345678, "takes a value written while disabled");

	set_pmcntenset(1U << PMU_CYCLE_IDX);
	wait_ticks(TIMER_TICKS / 4);
	set_pmcr(get_pmcr() | PMU_PMCR_C);
	isb();
	c1 = get_cycles();
	report(c1 < 0x12345678, "PMCR.C resets it (%llu after)",
	       (unsigned long long)c1);

	set_pmccfiltr(PMCCFILTR_P);
	c0 = get_cycles();
	wait_ticks(TIMER_TICKS / 4);
	c1 = get_cycles();
	report(c0 == c1, "PMCCFILTR.P: no counting at EL1");
	set_pmccfiltr(0);
	c0 = get_cycles();
	wait_ticks(TIMER_TICKS / 4);
	report(get_cycles() > c0, "counting again with the filter cleared");

	cycle_counter_disable();
	report_prefix_pop();
}

#ifdef __aarch64__
static bool event_implemented(unsigned int event)
{
	return pmu_event_implemented(event);
}
#else
static volatile bool pmceid_undefined;

static void pmceid_und(struct pt_regs *regs)
{
	(void)regs;		/* ARM_pc is past the mrc already */
	pmceid_undefined = true;
}

/*
 * ARMv7's PMUv2 has PMCEID0, but QEMU's cortex-a15 leaves it undefined:
 * then nothing says which events count, and the caller skips.
 */
static bool event_implemented(unsigned int event)
{
	bool ret;

	install_exception_handler(EXCPTN_UND, pmceid_und);
	ret = pmu_event_implemented(event);
	install_exception_handler(EXCPTN_UND, NULL);
	if (pmceid_undefined)
		report_info("PMCEID0 is an undefined instruction on this CPU");
	return ret && !pmceid_undefined;
}
#endif

static bool have_pmu(void)
{
	if (!pmu_cycle_counter_present()) {
		report_skip("no architected PMU on this CPU");
		return false;
	}
	if (!pmu_nr_counters()) {
		report_skip("the PMU has no event counters (PMCR.N 0)");
		return false;
	}
	return true;
}

/* Every counter of @mask counting SW_INCR, from 0, enabled. */
static void start_sw_incr(u32 mask)
{
	unsigned int n;

	set_pmcr(get_pmcr() | PMU_PMCR_E);
	for (n = 0; n < 31; n++) {
		if (!(mask & (1U << n)))
			continue;
		set_pmevtyper(n, PMU_EVENT_SW_INCR);
		set_pmevcntr(n, 0);
	}
	clear_pmovs(mask);
	set_pmcntenset(mask);
}

static void check_event_counters(void)
{
	unsigned int n, nr, i;
	u32 all, bad = 0;

	report_prefix_push("event-counters");
	if (!have_pmu())
		return report_prefix_pop();
	nr = pmu_nr_counters();
	all = nr == 31 ? ~0U >> 1 : (1U << nr) - 1;
	report_info("%u event counters", nr);
	start_sw_incr(all);
	for (i = 0; i < 10; i++)
		pmu_sw_incr(all);
	for (n = 0; n < nr; n++)
		bad += get_pmevcntr(n) != 10;
	report(!bad, "each of the %u counters counted 10 software increments", nr);

	set_pmcntenclr(1);
	pmu_sw_incr(all);
	report(get_pmevcntr(0) == 10 && (nr < 2 || get_pmevcntr(1) == 11),
	       "a disabled counter does not count, an enabled one does");
	set_pmcr(get_pmcr() | PMU_PMCR_P);
	isb();
	for (n = 0, bad = 0; n < nr; n++)
		bad += get_pmevcntr(n) != 0;
	report(!bad, "PMCR.P resets every event counter");

	set_pmcntenclr(all);
	if (!event_implemented(PMU_EVENT_INST_RETIRED)) {
		report_skip("INST_RETIRED not implemented (PMCEID0; QEMU: TCG without -icount)");
		return report_prefix_pop();
	}
	/* 1000 iterations of a few instructions each: at least 2000 retire. */
	set_pmevtyper(0, PMU_EVENT_INST_RETIRED);
	set_pmevcntr(0, 0);
	set_pmcntenset(1);
	for (i = 0; i < 1000; i++)
		asm volatile("nop\n\tnop" : : : "memory");
	set_pmcntenclr(1);
	report(get_pmevcntr(0) >= 2000, "INST_RETIRED: %u instructions for a 1000-round loop",
	       get_pmevcntr(0));
	set_pmcntenclr(all);
	report_prefix_pop();
}

static volatile int pmu_irqs, other_irqs;
static volatile u32 ovs_in_handler;
static u32 pmu_irq = -1;

static void irq_handler(struct pt_regs *regs)
{
	u32 iar = gic_read_iar(), irq = gic_iar_irqnr(iar);

	(void)regs;
	if (irq == GICC_INT_SPURIOUS)
		return;
	if (irq == pmu_irq) {
		ovs_in_handler = get_pmovs();
		clear_pmovs(ovs_in_handler);
		pmu_irqs++;
	} else {
		other_irqs++;
	}
	gic_write_eoir(iar);
}

/* The PMU's PPI from the device tree (QEMU lists it for PMUv3 CPUs). */
static void find_pmu_irq(void)
{
	const fdt32_t *irq;
	int node, len;

	node = fdt_node_offset_by_compatible(dt_fdt(), -1, "arm,armv8-pmuv3");
	if (node < 0)
		return;
	irq = fdt_getprop(dt_fdt(), node, "interrupts", &len);
	if (irq && len >= 3 * 4 && fdt32_to_cpu(irq[0]) == 1)
		pmu_irq = PPI(fdt32_to_cpu(irq[1]));
}

static void check_overflow(void)
{
	int i;

	report_prefix_push("overflow");
	if (!have_pmu())
		return report_prefix_pop();
	start_sw_incr(1);
	set_pmevcntr(0, 0xfffffffe);
	pmu_sw_incr(1);
	report(!(get_pmovs() & 1) && get_pmevcntr(0) == 0xffffffff,
	       "no overflow flag at 0xffffffff");
	pmu_sw_incr(1);
	report((get_pmovs() & 1) && get_pmevcntr(0) == 0,
	       "wrapping to 0 sets the overflow flag");
	clear_pmovs(1);
	report(!(get_pmovs() & 1), "writing the flag clears it");

	find_pmu_irq();
	if (pmu_irq == (u32)-1) {
		report_skip("no PMU interrupt in the device tree");
		set_pmcntenclr(1);
		return report_prefix_pop();
	}
	irqs_on_here(irq_handler);
	gic_enable_irq(pmu_irq);
	set_pmintenset(1);
	set_pmevcntr(0, 0xffffffff);
	pmu_sw_incr(1);
	for (i = 0; i < 100 && !pmu_irqs; i++)
		mdelay(1);
	mdelay(10);
	report(pmu_irqs == 1 && (ovs_in_handler & 1) && !other_irqs,
	       "with PMINTENSET the overflow raises PPI %u once", pmu_irq);
	set_pmintenclr(1);
	pmu_irqs = 0;
	set_pmevcntr(0, 0xffffffff);
	pmu_sw_incr(1);
	mdelay(10);
	report(!pmu_irqs && (get_pmovs() & 1), "without it: the flag, no interrupt");
	local_irq_disable();
	clear_pmovs(1);
	set_pmcntenclr(1);
	report_prefix_pop();
}

static void check_chained(void)
{
	report_prefix_push("chained");
	if (!have_pmu())
		return report_prefix_pop();
	if (get_pmu_version() < 1 || pmu_nr_counters() < 2
#ifndef __aarch64__
	    || get_pmu_version() < 3
#endif
	   ) {
		report_skip("needs PMUv3 and two counters");
		return report_prefix_pop();
	}
	if (!event_implemented(PMU_EVENT_CHAIN)) {
		report_skip("the CHAIN event is not implemented (PMCEID0)");
		return report_prefix_pop();
	}
	start_sw_incr(3);
	set_pmevtyper(1, PMU_EVENT_CHAIN);
	set_pmevcntr(0, 0xffffffff);
	set_pmevcntr(1, 0);
	pmu_sw_incr(1);
	report(get_pmevcntr(0) == 0 && get_pmevcntr(1) == 1,
	       "the even counter wrapped, the odd (CHAIN) one counted it");
	set_pmevcntr(0, 0xffffffff);
	set_pmevcntr(1, 0xffffffff);
	pmu_sw_incr(1);
	report(get_pmevcntr(0) == 0 && get_pmevcntr(1) == 0 && (get_pmovs() & 2),
	       "the pair wraps as a 64-bit counter: the odd counter's flag is set");
	set_pmcntenclr(3);
	clear_pmovs(3);
	report_prefix_pop();
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "cycle-counter";

	if (!strcmp(what, "cycle-counter"))
		check_cycle_counter();
	else if (!strcmp(what, "event-counters"))
		check_event_counters();
	else if (!strcmp(what, "overflow"))
		check_overflow();
	else if (!strcmp(what, "chained"))
		check_chained();
	else
		report_abort("unknown area '%s' (see pmu.c)", what);
	return report_summary();
}
