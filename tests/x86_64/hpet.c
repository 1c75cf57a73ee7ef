// SPDX-License-Identifier: MIT
/*
 * hpet.c - the High Precision Event Timer, as QEMU emulates it, after
 * the IA-PC HPET specification 1.0a: found through the ACPI HPET table;
 * the capabilities register; the main counter halted and running, and
 * its rate (the period the capabilities give) against the ACPI PM timer;
 * timer 0's interrupt route; timer 0 through the legacy replacement route
 * (IRQ 0) in one-shot mode (not before its comparator), in periodic
 * mode, and level-triggered with its bit in the interrupt status
 * register.  Skips where the machine
 * has no HPET (-machine hpet=off, microvm).
 */
#include <libcflat.h>
#include <x86/acpi.h>
#include <x86/apic.h>
#include <x86/isr.h>
#include <x86/processor.h>
#include "x86-test.h"

#define HPET_SIGNATURE	ACPI_SIGNATURE('H', 'P', 'E', 'T')

#define CAP_ID		0x000
#define CONF		0x010
#define INT_STATUS	0x020
#define COUNTER		0x0f0
#define TN_CONF(n)	(0x100 + 0x20 * (n))
#define TN_CMP(n)	(0x108 + 0x20 * (n))

#define CONF_ENABLE	(1ull << 0)
#define CONF_LEGACY	(1ull << 1)

#define TN_LEVEL	(1ull << 1)
#define TN_INT_ENB	(1ull << 2)
#define TN_PERIODIC	(1ull << 3)
#define TN_PER_CAP	(1ull << 4)
#define TN_VAL_SET	(1ull << 6)
#define TN_ROUTE(pin)	((u64)(pin) << 9)

#define FS_PER_S	1000000000000000ull
#define TIMER_VEC	0x58

static volatile u8 *hpet;
static struct pm_timer pm;
static volatile int hits;
static volatile u64 hit_counter, hit_status;
static volatile u32 hit_pm;
static u64 period_fs;

static u64 rd(unsigned reg)
{
	return *(volatile u64 *)(hpet + reg);
}

static void wr(unsigned reg, u64 v)
{
	*(volatile u64 *)(hpet + reg) = v;
}

static void stop_all(void)
{
	wr(CONF, 0);
	wr(TN_CONF(0), 0);
}

static void hpet_isr(isr_regs_t *regs)
{
	(void)regs;
	hit_counter = rd(COUNTER);
	hit_status = rd(INT_STATUS);
	hit_pm = pm_timer_read(&pm);
	hits++;
	/* Level: the status bit must be cleared before the EOI. */
	if (rd(TN_CONF(0)) & TN_LEVEL && !(rd(TN_CONF(0)) & TN_PERIODIC)) {
		wr(TN_CONF(0), rd(TN_CONF(0)) & ~TN_INT_ENB);
		wr(INT_STATUS, 1);
	}
	eoi();
}

/* Counter ticks in @ms milliseconds. */
static u64 ticks_in_ms(u64 ms)
{
	return ms * (FS_PER_S / 1000) / period_fs;
}

static void check_caps(void)
{
	u64 cap = rd(CAP_ID);
	unsigned timers = (cap >> 8 & 0x1f) + 1;

	period_fs = cap >> 32;
	report((cap & 0xff) >= 1, "revision %llu", (unsigned long long)(cap & 0xff));
	report(timers >= 3, "%u timers (the specification asks 3 or more)", timers);
	report(period_fs > 0 && period_fs <= 100000000,
	       "period %llu fs: not above 100 ns", (unsigned long long)period_fs);
	report(cap >> 16 & 0xffff, "vendor %#llx", (unsigned long long)(cap >> 16 & 0xffff));
	report(rd(TN_CONF(0)) & TN_PER_CAP, "timer 0 can be periodic");
}

static void check_counter(void)
{
	u64 a, b;
	u32 pm_start, pm_ticks;

	stop_all();
	wr(COUNTER, 0x12345678);
	a = rd(COUNTER);
	pm_timer_wait(&pm, PM_TIMER_HZ / 1000);
	b = rd(COUNTER);
	report(a == 0x12345678 && b == a, "halted: the counter holds what was written");

	wr(COUNTER, 0);
	wr(CONF, CONF_ENABLE);
	pm_start = pm_timer_read(&pm);
	a = rd(COUNTER);
	pm_timer_wait(&pm, PM_TIMER_HZ / 50);
	b = rd(COUNTER);
	pm_ticks = pm_timer_since(&pm, pm_start);
	report(b > a, "enabled: it runs (%#llx, then %#llx)",
	       (unsigned long long)a, (unsigned long long)b);
	/* (b - a) * period == pm_ticks / PM_TIMER_HZ seconds, within 10 %. */
	a = (b - a) * (period_fs / 1000);	/* ps */
	b = (u64)pm_ticks * (1000000000000ull / PM_TIMER_HZ);
	report(a * 10 >= b * 9 && a * 10 <= b * 11,
	       "its rate is 1 / period, against the PM timer (%llu ps vs %llu ps)",
	       (unsigned long long)a, (unsigned long long)b);
	stop_all();
}

/*
 * Interrupts are tested in legacy replacement mode, timer 0 on IRQ 0:
 * QEMU lets timer 0 route to pin 2 only, which IRQ 0 (the PIT, running
 * since reset) shares; legacy replacement disconnects the PIT.
 */
#define IRQ0_PIN	2
#define RUN		(CONF_ENABLE | CONF_LEGACY)

/*
 * Give pin 2 to timer 0 with @trigger, counting no interrupt from before:
 * legacy replacement (the counter still halted) takes the PIT off the
 * pin first, then the pin is routed, and an edge the PIT left pending in
 * the I/O APIC while the pin was masked arrives during a quiet wait and is
 * forgotten.  Without this a PIT tick could pass for the HPET's interrupt.
 */
static void take_pin(trigger_mode_t trigger)
{
	wr(CONF, CONF_LEGACY);
	ioapic_set_redir(IRQ0_PIN, TIMER_VEC, trigger);
	wait_for_count(&hits, 1000, QUIET_CYCLES);
	hits = 0;
}

static void check_route(void)
{
	u32 cap = rd(TN_CONF(0)) >> 32;
	int pin;

	for (pin = 31; pin >= 0 && !(cap >> pin & 1); pin--)
		;
	if (pin < 0) {
		report_fail("timer 0 can be routed nowhere");
		return;
	}
	wr(TN_CONF(0), TN_ROUTE(pin));
	report((rd(TN_CONF(0)) >> 9 & 0x1f) == (u64)pin,
	       "timer 0's route to I/O APIC pin %d (of %#x) reads back", pin, cap);
	wr(TN_CONF(0), 0);
}

static void check_oneshot(void)
{
	u64 cmp;

	take_pin(TRIGGER_EDGE);
	wr(COUNTER, 0);
	cmp = ticks_in_ms(5);
	wr(TN_CMP(0), cmp);
	wr(TN_CONF(0), TN_INT_ENB);
	wr(CONF, RUN);
	report(wait_for_count(&hits, 1, LOST_CYCLES), "one-shot: fires");
	report(hit_counter >= cmp, "not before the comparator (%#llx >= %#llx)",
	       (unsigned long long)hit_counter, (unsigned long long)cmp);
	wait_for_count(&hits, 2, QUIET_CYCLES);
	report(hits == 1, "one-shot: once");
	stop_all();
}

static void check_periodic(void)
{
	u32 start, elapsed;

	take_pin(TRIGGER_EDGE);
	wr(COUNTER, 0);
	wr(TN_CONF(0), TN_INT_ENB | TN_PERIODIC | TN_VAL_SET);
	wr(TN_CMP(0), ticks_in_ms(1));
	wr(TN_CMP(0), ticks_in_ms(1));	/* after VAL_SET: the period */
	start = pm_timer_read(&pm);
	wr(CONF, RUN);
	/* Ticks may come late (an emulator short of host CPU), not early. */
	report(wait_for_count(&hits, 6, 5 * LOST_CYCLES),
	       "periodic at 1 kHz: it keeps firing (6 interrupts)");
	stop_all();
	elapsed = (hit_pm - start) & pm.mask;
	report(elapsed >= 6 * PM_TIMER_HZ / 1000 / 2,
	       "periodic: never faster than 1 kHz (%u PM ticks for 6)", elapsed);
	wait_for_count(&hits, 1000, QUIET_CYCLES);
}

static void check_level(void)
{
	take_pin(TRIGGER_LEVEL);
	wr(INT_STATUS, 1);
	wr(COUNTER, 0);
	wr(TN_CMP(0), ticks_in_ms(2));
	wr(TN_CONF(0), TN_LEVEL | TN_INT_ENB);
	wr(CONF, RUN);
	report(wait_for_count(&hits, 1, LOST_CYCLES), "level: fires");
	report(hit_status & 1, "level: its bit in the status register is set");
	report(!(rd(INT_STATUS) & 1), "level: writing 1 cleared it");
	wait_for_count(&hits, 2, QUIET_CYCLES);
	report(hits == 1, "level: once, the status cleared before the EOI");
	stop_all();
	set_mask(IRQ0_PIN, 1);
}

int main(void)
{
	u8 *table = find_acpi_table_addr(HPET_SIGNATURE);

	report_prefix_push("hpet");
	if (!table) {
		report_skip("no HPET (no ACPI HPET table)");
		return report_summary();
	}
	if (!pm_timer_init(&pm)) {
		report_skip("no ACPI PM timer to measure the HPET against");
		return report_summary();
	}
	/* The base address: the GAS at offset 40, its address at 44. */
	hpet = (volatile u8 *)(ulong)*(u64 *)(table + 44);
	report_info("at %p", hpet);
	handle_irq(TIMER_VEC, hpet_isr);
	check_caps();
	check_counter();
	check_route();
	check_oneshot();
	check_periodic();
	check_level();
	set_mask(IRQ0_PIN, 1);
	return report_summary();
}
