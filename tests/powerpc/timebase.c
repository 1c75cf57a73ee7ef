// SPDX-License-Identifier: MIT
/*
 * timebase.c - the timebase and the decrementer (asm/time.h): the
 * timebase only goes up, delays last at least what they ask; the
 * decrementer counts down at the timebase's rate, interrupts (0x900)
 * once it goes negative with MSR[EE] on, not before its time, only with
 * EE on (a pending one arrives when EE comes on), on every CPU; and
 * sleeping (H_CEDE until the decrementer) lasts at least its time.
 */
#include <libcflat.h>
#include <asm/handlers.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/time.h>

static volatile int dec_hits[NR_CPUS];
static volatile uint64_t dec_tb[NR_CPUS];

static void dec_handler(struct pt_regs *regs, void *data)
{
	int cpu = smp_processor_id();

	dec_tb[cpu] = get_tb();
	dec_hits[cpu]++;
	dec_handler_oneshot(regs, data);
}

static void check_timebase(void)
{
	uint64_t a, b, c, d1, d2, ms = tb_hz / 1000;
	int i, up = 1;

	for (i = 0, a = get_tb(); i < 1000; i++, a = b)
		up &= (b = get_tb()) >= a;
	report(up, "the timebase never goes back (1000 reads)");
	a = get_tb();
	udelay(2000);
	b = get_tb();
	report(b - a >= 2 * ms, "udelay(2000) lasts >= 2 ms (%llu ticks of %llu)",
	       (unsigned long long)(b - a), (unsigned long long)(2 * ms));
	a = get_tb();
	mdelay(3);
	report(get_tb() - a >= 3 * ms, "mdelay(3) lasts >= 3 ms");
	report(get_clock_ms() * 1000 <= get_clock_us() + 1000, "get_clock_ms() and get_clock_us() agree");

	mtspr(SPR_DEC, 0x7fffffff);
	a = get_tb();
	d1 = mfspr(SPR_DEC);
	delay(ms);
	d2 = mfspr(SPR_DEC);
	c = get_tb();
	report(d2 < d1 && d1 - d2 <= c - a && d1 - d2 >= ms,
	       "the decrementer counts down at the timebase's rate (%llu in %llu ticks)",
	       (unsigned long long)(d1 - d2), (unsigned long long)(c - a));
}

/* Set the decrementer @ticks away; returns the timebase then. */
static uint64_t arm_dec(uint64_t ticks)
{
	uint64_t tb = get_tb();

	mtspr(SPR_DEC, ticks);
	return tb;
}

static void check_interrupt(void *ok)
{
	int cpu = smp_processor_id();
	uint64_t t0, limit, ten_ms = tb_hz / 100;

	dec_hits[cpu] = 0;
	t0 = arm_dec(ten_ms);
	local_irq_enable();
	limit = t0 + 100 * ten_ms;
	while (!dec_hits[cpu] && get_tb() < limit)
		cpu_relax();
	delay(ten_ms);		/* time for a second, unwanted one */
	local_irq_disable();
	if (dec_hits[cpu] != 1 || dec_tb[cpu] - t0 < ten_ms) {
		printf("CPU %d: %d interrupts, the first after %llu ticks of %llu\n",
		       cpu, dec_hits[cpu], (unsigned long long)(dec_tb[cpu] - t0),
		       (unsigned long long)ten_ms);
		*(bool *)ok = false;
	}
}

static void check_decrementer(void)
{
	uint64_t ten_ms = tb_hz / 100, t0;
	bool ok = true;
	int cpu = smp_processor_id();

	handle_exception(0x900, dec_handler, NULL);
	check_interrupt(&ok);
	report(ok, "an interrupt 10 ms on, once, not early");

	dec_hits[cpu] = 0;
	arm_dec(ten_ms);
	delay(3 * ten_ms);
	report(dec_hits[cpu] == 0 && (int64_t)mfspr(SPR_DEC) < 0,
	       "none with MSR[EE] off, though the decrementer is negative");
	local_irq_enable();
	t0 = get_tb();
	while (!dec_hits[cpu] && get_tb() - t0 < 100 * ten_ms)
		cpu_relax();
	local_irq_disable();
	report(dec_hits[cpu] == 1, "the pending one arrives with MSR[EE] on");

	if (cpu_count() > 1) {
		ok = true;
		on_cpus(check_interrupt, &ok);
		report(ok, "on each of %d CPUs", cpu_count());
	} else {
		report_skip("one CPU only");
	}
	handle_exception(0x900, NULL, NULL);
}

static void check_sleep(void)
{
	uint64_t t0 = get_tb(), ms = tb_hz / 1000;

	usleep(20000);
	report(get_tb() - t0 >= 20 * ms, "usleep(20000) lasts >= 20 ms (%llu ticks)",
	       (unsigned long long)(get_tb() - t0));
	t0 = get_tb();
	msleep(5);
	report(get_tb() - t0 >= 5 * ms && !(mfmsr() & MSR_EE),
	       "msleep(5) lasts >= 5 ms, interrupts off again after");
}

int main(void)
{
	report_prefix_push("timebase");
	check_timebase();
	report_prefix_pop();
	report_prefix_push("decrementer");
	check_decrementer();
	check_sleep();
	report_prefix_pop();
	return report_summary();
}
