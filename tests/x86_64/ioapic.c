// SPDX-License-Identifier: MIT
/*
 * ioapic.c - the I/O APIC as KVM (in the kernel) or QEMU emulates it,
 * after Intel's 82093AA datasheet: its ID, version and arbitration
 * registers, redirection entries (writable fields, read-only delivery
 * status and remote IRR), edge-triggered lines (one interrupt per rising
 * edge), level-triggered lines (remote IRR until the EOI, delivered again
 * while the line stays asserted, TMR set in the local APIC), masking,
 * priority between two pending lines, and destinations (another CPU by
 * physical ID, a set of CPUs by logical ID).  The lines are driven by
 * QEMU's pc-testdev (port 0x2000 + line), which kut-run attaches.
 * Arguments pick sections (registers edge level priority destination).
 */
#include <libcflat.h>
#include <smp.h>
#include <x86/apic.h>
#include <x86/isr.h>
#include <x86/processor.h>
#include "x86-test.h"

#define IOAPIC_ID	0x00
#define IOAPIC_VERSION	0x01
#define IOAPIC_ARB	0x02

#define LINE		0x0e
#define LINE2		0x0f
#define VEC_LOW		0x66
#define VEC_HIGH	0x78

static volatile int hits, cpu_hits[MAX_TEST_CPUS];
static volatile int order[4], norder;
static volatile bool tmr_in_handler, irr_in_handler;
/* What the level handler does before its EOI: lower the line or not. */
static volatile int keep_asserted;

static void clear_counts(void)
{
	int i;

	hits = 0;
	norder = 0;
	for (i = 0; i < MAX_TEST_CPUS; i++)
		cpu_hits[i] = 0;
}

static void record(isr_regs_t *regs)
{
	cpu_hits[smp_id()]++;
	if (norder < 4)
		order[norder++] = regs->vector;
	tmr_in_handler = apic_read_bit(APIC_TMR, regs->vector);
	irr_in_handler = ioapic_read_redir(LINE).remote_irr;
}

static void edge_isr(isr_regs_t *regs)
{
	record(regs);
	hits++;
	eoi();
}

static void level_isr(isr_regs_t *regs)
{
	record(regs);
	hits++;
	if (keep_asserted > 0)
		keep_asserted--;
	else
		set_irq_line(LINE, 0);
	eoi();
}

static void route(unsigned line, unsigned vec, trigger_mode_t trig)
{
	ioapic_set_redir(line, vec, trig);
}

static void check_registers(void)
{
	u32 ver = ioapic_read_reg(IOAPIC_VERSION);
	u32 id = ioapic_read_reg(IOAPIC_ID);
	ioapic_redir_entry_t e;
	unsigned entries = (ver >> 16 & 0xff) + 1;

	report_prefix_push("registers");
	report((ver & 0xff) == 0x11 || (ver & 0xff) == 0x20,
	       "version %#x (82093AA 0x11, or 0x20)", ver & 0xff);
	report(entries >= 24, "%u redirection entries", entries);
	ioapic_write_reg(IOAPIC_VERSION, ~ver);
	report(ioapic_read_reg(IOAPIC_VERSION) == ver, "version is read-only");

	ioapic_write_reg(IOAPIC_ID, 0xffffffff);
	report(ioapic_read_reg(IOAPIC_ID) == 0x0f000000,
	       "ID: only bits 27:24 are writable");
	ioapic_write_reg(IOAPIC_ID, 0x05000000);
	report(ioapic_read_reg(IOAPIC_ID) == 0x05000000, "ID: 5 reads back");
	if ((ver & 0xff) == 0x11)
		report(ioapic_read_reg(IOAPIC_ARB) == 0x05000000,
		       "arbitration ID follows the ID");
	ioapic_write_reg(IOAPIC_ID, id);

	e = (ioapic_redir_entry_t){ .vector = 0x5a, .trig_mode = TRIGGER_LEVEL,
				    .mask = 1, .dest_id = 0x01,
				    .delivery_mode = 1, .dest_mode = 1 };
	ioapic_write_redir(LINE2, e);
	e = ioapic_read_redir(LINE2);
	report(e.vector == 0x5a && e.trig_mode && e.mask && e.dest_id == 1 &&
	       e.delivery_mode == 1 && e.dest_mode == 1,
	       "a redirection entry reads back");
	e.delivery_status = 1;
	e.remote_irr = 1;
	ioapic_write_redir(LINE2, e);
	e = ioapic_read_redir(LINE2);
	report(!e.delivery_status && !e.remote_irr,
	       "delivery status and remote IRR are read-only");
	set_mask(LINE2, 1);
	report_prefix_pop();
}

static void check_edge(void)
{
	report_prefix_push("edge");
	handle_irq(VEC_LOW, edge_isr);
	route(LINE, VEC_LOW, TRIGGER_EDGE);
	clear_counts();
	set_irq_line(LINE, 1);
	set_irq_line(LINE, 0);
	report(wait_for_count(&hits, 1, LOST_CYCLES), "a rising edge interrupts");
	report(!tmr_in_handler, "TMR clear for an edge interrupt");
	wait_for_count(&hits, 2, QUIET_CYCLES);
	report(hits == 1, "one edge, one interrupt (%d)", hits);

	clear_counts();
	set_irq_line(LINE, 1);
	wait_for_count(&hits, 1, LOST_CYCLES);
	wait_for_count(&hits, 2, QUIET_CYCLES);
	report(hits == 1, "a line held high interrupts once (%d)", hits);
	set_irq_line(LINE, 0);
	wait_for_count(&hits, 2, QUIET_CYCLES);
	report(hits == 1, "its falling edge does not interrupt");

	clear_counts();
	set_mask(LINE, 1);
	set_irq_line(LINE, 1);
	set_irq_line(LINE, 0);
	wait_for_count(&hits, 1, QUIET_CYCLES);
	report(hits == 0, "masked: an edge does not interrupt");
	set_mask(LINE, 0);
	set_irq_line(LINE, 1);
	set_irq_line(LINE, 0);
	report(wait_for_count(&hits, 1, LOST_CYCLES),
	       "unmasked: the next edge does");
	wait_for_count(&hits, 100, QUIET_CYCLES);
	set_mask(LINE, 1);
	report_prefix_pop();
}

static void check_level(void)
{
	report_prefix_push("level");
	handle_irq(VEC_LOW, level_isr);
	route(LINE, VEC_LOW, TRIGGER_LEVEL);

	clear_counts();
	keep_asserted = 0;
	set_irq_line(LINE, 1);
	report(wait_for_count(&hits, 1, LOST_CYCLES), "an asserted line interrupts");
	report(tmr_in_handler, "TMR set for a level interrupt");
	report(irr_in_handler, "remote IRR set until the EOI");
	report(!ioapic_read_redir(LINE).remote_irr, "remote IRR clear after it");
	wait_for_count(&hits, 2, QUIET_CYCLES);
	report(hits == 1, "lowered before the EOI: once (%d)", hits);

	/* EOI while the line is still asserted: delivered again. */
	clear_counts();
	keep_asserted = 2;
	set_irq_line(LINE, 1);
	wait_for_count(&hits, 3, LOST_CYCLES);
	report(hits == 3,
	       "still asserted at the EOI: delivered again, 3 times (%d)", hits);
	wait_for_count(&hits, 4, QUIET_CYCLES);
	report(hits == 3, "no more once lowered");

	/* Asserted while masked: delivered when unmasked. */
	clear_counts();
	keep_asserted = 0;
	set_mask(LINE, 1);
	set_irq_line(LINE, 1);
	wait_for_count(&hits, 1, QUIET_CYCLES);
	report(hits == 0, "masked: nothing while asserted");
	set_mask(LINE, 0);
	report(wait_for_count(&hits, 1, LOST_CYCLES) && hits == 1,
	       "unmasked while asserted: delivered");

	set_mask(LINE, 1);
	set_irq_line(LINE, 0);
	report_prefix_pop();
}

static void check_priority(void)
{
	report_prefix_push("priority");
	handle_irq(VEC_LOW, edge_isr);
	handle_irq(VEC_HIGH, edge_isr);
	route(LINE, VEC_LOW, TRIGGER_EDGE);
	route(LINE2, VEC_HIGH, TRIGGER_EDGE);
	clear_counts();
	/* Both pend while interrupts are off; the higher class goes first. */
	set_irq_line(LINE, 1);
	set_irq_line(LINE, 0);
	set_irq_line(LINE2, 1);
	set_irq_line(LINE2, 0);
	report(wait_for_count(&hits, 2, LOST_CYCLES) && norder >= 2 &&
	       order[0] == VEC_HIGH && order[1] == VEC_LOW,
	       "two pending lines: vector %#x before %#x", VEC_HIGH, VEC_LOW);
	set_mask(LINE, 1);
	set_mask(LINE2, 1);
	report_prefix_pop();
}

static void set_flat_ldr(void *data)
{
	(void)data;
	if (is_x2apic_enabled())
		return;
	apic_write(APIC_DFR, APIC_DFR_FLAT);
	apic_write(APIC_LDR, (1u << smp_id()) << 24);
}

static void check_destinations(void)
{
	ioapic_redir_entry_t e;
	u32 all = 0;
	int cpu, n = cpu_count() < 8 ? cpu_count() : 8;

	report_prefix_push("destination");
	if (cpu_count() < 2) {
		report_skip("another CPU: needs -smp 2");
		report_prefix_pop();
		return;
	}
	handle_irq(VEC_LOW, edge_isr);
	e = (ioapic_redir_entry_t){ .vector = VEC_LOW, .dest_id = id_map[1] };
	ioapic_write_redir(LINE, e);
	clear_counts();
	set_irq_line(LINE, 1);
	set_irq_line(LINE, 0);
	report(spin_for_count(&hits, 1, LOST_CYCLES) && cpu_hits[1] == 1 &&
	       cpu_hits[0] == 0, "physical ID %u: CPU 1 takes it", id_map[1]);

	if (is_x2apic_enabled()) {
		/* Logical destinations are 8 bits: x2APIC's do not fit. */
		report_skip("logical destination: the APICs are in x2APIC mode");
	} else {
		on_cpus(set_flat_ldr, NULL);
		for (cpu = 0; cpu < n; cpu++)
			all |= 1u << cpu;
		e.dest_mode = 1;
		e.dest_id = all;
		ioapic_write_redir(LINE, e);
		clear_counts();
		set_irq_line(LINE, 1);
		set_irq_line(LINE, 0);
		wait_for_count(&hits, n, LOST_CYCLES);
		wait_for_count(&hits, n + 1, QUIET_CYCLES);
		for (cpu = 0; cpu < n; cpu++)
			if (cpu_hits[cpu] != 1)
				break;
		report(cpu == n && hits == n,
		       "logical (flat) %#x, fixed: all %d CPUs take it", all, n);
	}
	set_mask(LINE, 1);
	report_prefix_pop();
}

static const struct test_section sections[] = {
	{ "registers", check_registers, true },
	{ "edge", check_edge, true },
	{ "level", check_level, true },
	{ "priority", check_priority, true },
	{ "destination", check_destinations, true },
};

int main(int argc, char **argv)
{
	if (ioapic_read_reg(IOAPIC_VERSION) == 0xffffffff) {
		report_skip("no I/O APIC at %p", g_ioapic);
		return report_summary();
	}
	report_prefix_push("ioapic");
	run_sections(sections, ARRAY_SIZE(sections), argc, argv);
	return report_summary();
}
