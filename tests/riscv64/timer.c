// SPDX-License-Identifier: MIT
/*
 * timer.c - time and the supervisor timer interrupt: the time CSR counts
 * at the device tree's frequency (against delays), and a compare value
 * set through SBI (sbi_set_timer()) or, with Sstc, in stimecmp raises
 * IRQ_S_TIMER once, not before its deadline, on every CPU.  Run with
 * -smp N to cover N harts.
 */
#include <libcflat.h>
#include <asm/barrier.h>
#include <asm/delay.h>
#include <asm/processor.h>
#include <asm/sbi.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/timer.h>

#define DEADLINE_MS	10
#define PATIENCE_MS	2000

struct result {
	int taken;		/* interrupts taken */
	bool early;		/* pending before its deadline */
	bool late;		/* never came */
	bool in_time;		/* taken at or after the deadline */
};

static struct result results[NR_CPUS];
static volatile u64 deadline[NR_CPUS];
static bool use_sstc;

static void set_compare(u64 when)
{
	if (use_sstc)
		timer_set_stimecmp(when);
	else
		sbi_set_timer(when);
}

static void timer_handler(struct pt_regs *regs)
{
	struct result *r = &results[smp_processor_id()];

	(void)regs;
	r->in_time = timer_get_cycles() >= deadline[smp_processor_id()];
	r->taken++;
	set_compare(~0ULL);	/* also clears the pending interrupt */
}

static void one_deadline(void *data)
{
	int cpu = smp_processor_id();
	struct result *r = &results[cpu];
	u64 give_up;

	(void)data;
	memset(r, 0, sizeof(*r));
	install_irq_handler(IRQ_S_TIMER, timer_handler);
	set_compare(~0ULL);
	deadline[cpu] = timer_get_cycles() + usec_to_cycles(DEADLINE_MS * 1000);
	give_up = deadline[cpu] + usec_to_cycles(PATIENCE_MS * 1000);
	set_compare(deadline[cpu]);
	/*
	 * Pending is read before the time: if the time is still short of the
	 * deadline, so was it when pending was read.  A hart descheduled
	 * past the deadline (a loaded host) is not early.
	 */
	r->early = timer_irq_is_pending();
	if (timer_get_cycles() >= deadline[cpu])
		r->early = false;
	timer_irq_enable();
	local_irq_enable();
	while (!r->taken && timer_get_cycles() < give_up)
		cpu_relax();
	/* A second interrupt would come right away if it were not cleared. */
	mdelay(1);
	local_irq_disable();
	timer_irq_disable();
	r->late = !r->taken;
	install_irq_handler(IRQ_S_TIMER, NULL);
}

static void check_deadline(const char *how)
{
	int cpu, ok = 1;

	report_prefix_push(how);
	on_cpus(one_deadline, NULL);
	for (cpu = 0; cpu < nr_cpus; cpu++) {
		struct result *r = &results[cpu];

		if (r->taken != 1 || r->early || r->late || !r->in_time) {
			report_info("CPU %d: taken %d, early %d, late %d, in time %d",
				    cpu, r->taken, r->early, r->late, r->in_time);
			ok = 0;
		}
	}
	report(ok, "a %d ms deadline: interrupt taken once, not early, on %d CPUs",
	       DEADLINE_MS, nr_cpus);
	report_prefix_pop();
}

static void check_time(void)
{
	u64 t0, t1;

	report_prefix_push("time");
	report(timebase_frequency >= 1000000, "timebase-frequency %llu Hz",
	       (unsigned long long)timebase_frequency);
	t0 = timer_get_cycles();
	t1 = timer_get_cycles();
	report(t1 >= t0, "time does not go back");
	t0 = timer_get_cycles();
	mdelay(20);
	t1 = timer_get_cycles();
	report(t1 - t0 >= usec_to_cycles(20000), "mdelay(20) lasts %llu ticks, at least %llu",
	       (unsigned long long)(t1 - t0),
	       (unsigned long long)usec_to_cycles(20000));
	report_prefix_pop();
}

int main(void)
{
	check_time();
	use_sstc = false;
	check_deadline("sbi");
	if (timer_has_sstc()) {
		use_sstc = true;
		check_deadline("sstc");
	} else {
		report_skip("sstc: not in riscv,isa, or not enabled by the firmware");
	}
	return report_summary();
}
