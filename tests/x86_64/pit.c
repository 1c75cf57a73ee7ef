// SPDX-License-Identifier: MIT
/*
 * pit.c - the 8254 programmable interval timer of a PC, as KVM (in the
 * kernel) or QEMU emulates it, after Intel's 8254 datasheet: counter
 * latching, the read-back command and its status byte, mode 0 (interrupt
 * on terminal count) and mode 1 (one-shot triggered by the gate) on
 * channel 2, whose gate and output are bits of port 0x61,
 * the input clock of 1.193182 MHz measured against the ACPI PM timer
 * (3.579545 MHz: three PM ticks per PIT tick), and channel 0's
 * interrupts through the I/O APIC: one in mode 0, periodic ones, never
 * faster than the rate, in mode 2.
 */
#include <libcflat.h>
#include <asm/io.h>
#include <x86/acpi.h>
#include <x86/apic.h>
#include <x86/isr.h>
#include <x86/processor.h>
#include "x86-test.h"

#define PIT_CH0		0x40
#define PIT_CH2		0x42
#define PIT_CMD		0x43
#define PORT_B		0x61	/* bit 0: gate 2, bit 5: channel 2's output */
#define PIT_HZ		1193182u

#define CMD(ch, mode)	((ch) << 6 | 3 << 4 | (mode) << 1)	/* lo/hi */
#define LATCH(ch)	((ch) << 6)
#define READBACK_STATUS(ch) (0xc0 | 1 << 5 | 1 << ((ch) + 1))

#define TIMER_VEC	0x50

static struct pm_timer pm;
static volatile int ticks;

static void load(int ch, u8 mode, u16 count)
{
	outb(CMD(ch, mode), PIT_CMD);
	outb(count & 0xff, PIT_CH0 + ch);
	outb(count >> 8, PIT_CH0 + ch);
}

static u16 read_count(int ch)
{
	u16 lo, hi;

	outb(LATCH(ch), PIT_CMD);
	lo = inb(PIT_CH0 + ch);
	hi = inb(PIT_CH0 + ch);
	return hi << 8 | lo;
}

static void gate2(bool on)
{
	outb((inb(PORT_B) & ~3) | on, PORT_B);
}

static bool out2(void)
{
	return inb(PORT_B) & 1 << 5;
}

/*
 * A check on timing, tried up to three times: a loaded host can take the
 * CPU away for longer than a count lasts, so one try proves nothing
 * wrong; a PIT that is wrong fails all three.
 */
#define TRIES 3

static bool mode0_low_after_load(void)
{
	u32 start = pm_timer_read(&pm);
	bool low;

	load(2, 0, 0xffff);	/* 55 ms */
	low = !out2();
	/* Not conclusive once 50 ms went by: try again. */
	return low && pm_timer_since(&pm, start) < PM_TIMER_HZ / 20;
}

static bool mode1_gate_reloads(u16 *a, u16 *b)
{
	u32 start;

	load(2, 1, 0xffff);
	gate2(false);
	gate2(true);
	start = pm_timer_read(&pm);
	pm_timer_wait(&pm, PM_TIMER_HZ / 50);	/* 20 ms of 55 */
	*a = read_count(2);
	gate2(false);
	gate2(true);
	*b = read_count(2);
	/* Not conclusive once the count may have run out: try again. */
	return *a < 0xd000 && *b > 0xf000 &&
	       pm_timer_since(&pm, start) < PM_TIMER_HZ / 20;
}

static void check_channel2(void)
{
	u16 a, b;
	u8 status;
	int i;

	report_prefix_push("channel 2");
	gate2(false);
	load(2, 0, 0xffff);
	outb(READBACK_STATUS(2), PIT_CMD);
	status = inb(PIT_CH2);
	report((status >> 4 & 3) == 3 && (status >> 1 & 7) == 0 && !(status & 1),
	       "read-back status %#x: lo/hi, mode 0, binary", status);
	for (i = 0; i < TRIES && !mode0_low_after_load(); i++)
		;
	report(i < TRIES, "mode 0: output low after the count is written");
	gate2(true);
	a = read_count(2);
	pm_timer_wait(&pm, PM_TIMER_HZ / 200);
	b = read_count(2);
	report(b < a, "gate high: it counts down (%#x, then %#x)", a, b);

	/* Mode 1: each rising edge of the gate starts the count again. */
	for (i = 0; i < TRIES && !mode1_gate_reloads(&a, &b); i++)
		;
	report(i < TRIES,
	       "mode 1: a rising gate edge reloads the count (%#x, then %#x)",
	       a, b);

	load(2, 0, PIT_HZ / 1000);	/* 1 ms */
	pm_timer_wait(&pm, PM_TIMER_HZ / 100);
	report(out2(), "terminal count: the output goes high");
	gate2(false);
	report_prefix_pop();
}

/*
 * Channel 2's count and the PM timer at the same moment: a PM reading on
 * each side of the PIT's, retried while the host took the CPU between
 * them (more than 100 PM ticks, 28 us).
 */
static u16 sample(u32 *pm_at)
{
	u32 before, after;
	u16 count;
	int tries = 0;

	do {
		before = pm_timer_read(&pm);
		count = read_count(2);
		after = pm_timer_read(&pm);
	} while (((after - before) & pm.mask) > 100 && ++tries < 20);
	*pm_at = before + (((after - before) & pm.mask) / 2);
	return count;
}

/* The rate over 20 ms; false when a delay made the window too long. */
static bool rate_window(u32 *pit_ticks, u32 *pm_ticks)
{
	u32 pm_start, pm_end;
	u16 a, b;

	load(2, 0, 0xffff);
	a = sample(&pm_start);
	pm_timer_wait(&pm, PM_TIMER_HZ / 50);	/* 20 ms of 55 */
	b = sample(&pm_end);
	*pm_ticks = (pm_end - pm_start) & pm.mask;
	*pit_ticks = a > b ? a - b : 0;
	/* Past 50 ms the count may have wrapped: not conclusive. */
	return *pm_ticks < PM_TIMER_HZ / 20;
}

static void check_rate(void)
{
	u32 pm_ticks = 0, pit_ticks = 0;
	int i;

	gate2(true);
	for (i = 0; i < TRIES && !rate_window(&pit_ticks, &pm_ticks); i++)
		;
	gate2(false);
	report(pit_ticks * 27 <= pm_ticks * 10 && pit_ticks * 33 >= pm_ticks * 10,
	       "it counts at a third of the PM timer's rate, 1.193 MHz "
	       "(%u PIT ticks in %u PM ticks)", pit_ticks, pm_ticks);
}

static volatile u32 tick_pm;

static void tick(isr_regs_t *regs)
{
	(void)regs;
	tick_pm = pm_timer_read(&pm);
	ticks++;
	eoi();
}

static u32 irq0_pin = 0;

static int find_irq0(struct acpi_subtable_header *h)
{
	struct acpi_madt_interrupt_override *o = (void *)h;

	if (o->bus == 0 && o->source_irq == 0) {
		irq0_pin = o->global_irq;
		return 1;
	}
	return 0;
}

static void check_channel0(void)
{
	u32 start, elapsed;

	report_prefix_push("channel 0");
	acpi_table_parse_madt(ACPI_MADT_TYPE_INTERRUPT_OVERRIDE, find_irq0);
	handle_irq(TIMER_VEC, tick);
	ioapic_set_redir(irq0_pin, TIMER_VEC, TRIGGER_EDGE);

	ticks = 0;
	load(0, 0, PIT_HZ / 1000);
	report(wait_for_count(&ticks, 1, LOST_CYCLES),
	       "mode 0: IRQ 0 (I/O APIC pin %u) at the terminal count", irq0_pin);
	wait_for_count(&ticks, 2, QUIET_CYCLES);
	report(ticks == 1, "mode 0: once");

	/* Mode 2 at 1 kHz: late ticks (a loaded host), never early ones. */
	ticks = 0;
	start = pm_timer_read(&pm);
	load(0, 2, PIT_HZ / 1000);
	report(wait_for_count(&ticks, 6, 5 * LOST_CYCLES),
	       "mode 2 at 1 kHz: it keeps firing (6 interrupts)");
	load(0, 0, 1);
	elapsed = (tick_pm - start) & pm.mask;
	report(elapsed >= 6 * PM_TIMER_HZ / 1000 / 2,
	       "mode 2: never faster than 1 kHz (%u PM ticks for 6)", elapsed);
	set_mask(irq0_pin, 1);
	wait_for_count(&ticks, 1000, QUIET_CYCLES);
	report_prefix_pop();
}

int main(void)
{
	report_prefix_push("pit");
	if (!pm_timer_init(&pm)) {
		report_skip("no ACPI PM timer to measure the PIT against");
		return report_summary();
	}
	check_channel2();
	check_rate();
	check_channel0();
	return report_summary();
}
