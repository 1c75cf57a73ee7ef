// SPDX-License-Identifier: MIT
/*
 * pmu.c - the PMU cycle counter (asm/pmu.h) on arm and arm64, checked
 * against the generic timer, which runs independently of it:
 *   cycle-counter  present per ID_AA64DFR0/ID_DFR0; counts up across a
 *                  busy wait at least as fast as the timer; reads are
 *                  monotonic; stops when disabled; PMCR.C resets it;
 *                  PMCCFILTR.P stops it counting at EL1
 */
#include <libcflat.h>
#include <asm/pmu.h>
#include <asm/processor.h>

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

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "cycle-counter";

	if (!strcmp(what, "cycle-counter"))
		check_cycle_counter();
	else
		report_abort("unknown area '%s' (see pmu.c)", what);
	return report_summary();
}
