// SPDX-License-Identifier: MIT
/*
 * pic.c - the two cascaded 8259A PICs of a PC, as KVM (in the kernel) or
 * QEMU emulates them, after Intel's 8259A datasheet: initialization
 * (ICW1-4), the mask register (OCW1), IRR and ISR through OCW3, EOIs
 * (OCW2), fixed priority, the cascade through IRQ 2, and level mode
 * through the ELCR (ports 0x4d0/0x4d1).  Interrupts reach the CPU as
 * ExtINT through LINT0 of the boot CPU's local APIC; the ISA lines are
 * driven by QEMU's pc-testdev.  The I/O APIC's pins for the same lines
 * stay masked.
 */
#include <libcflat.h>
#include <asm/io.h>
#include <x86/apic.h>
#include <x86/isr.h>
#include <x86/processor.h>
#include "x86-test.h"

#define MASTER_CMD	0x20
#define MASTER_DATA	0x21
#define SLAVE_CMD	0xa0
#define SLAVE_DATA	0xa1
#define ELCR_MASTER	0x4d0
#define ELCR_SLAVE	0x4d1

#define MASTER_BASE	0x30
#define SLAVE_BASE	0x38
#define IRQ_A		5
#define IRQ_B		3
#define IRQ_SLAVE	10	/* slave input 2 */

#define OCW3_READ_IRR	0x0a
#define OCW3_READ_ISR	0x0b
#define OCW2_EOI	0x20

static volatile int hits, order[4], norder;
static volatile u8 isr_master, isr_slave;
static volatile int keep_asserted;

static void init_pics(void)
{
	outb(0x11, MASTER_CMD);		/* ICW1: edge, cascade, ICW4 */
	outb(MASTER_BASE, MASTER_DATA);	/* ICW2: vectors */
	outb(1 << 2, MASTER_DATA);	/* ICW3: a slave on IRQ 2 */
	outb(0x01, MASTER_DATA);	/* ICW4: 8086 mode, normal EOI */
	outb(0x11, SLAVE_CMD);
	outb(SLAVE_BASE, SLAVE_DATA);
	outb(2, SLAVE_DATA);		/* ICW3: my cascade ID */
	outb(0x01, SLAVE_DATA);
	outb(0xff, MASTER_DATA);
	outb(0xff, SLAVE_DATA);
}

static u8 read_reg(u16 cmd, u8 ocw3)
{
	outb(ocw3, cmd);
	return inb(cmd);
}

static void pic_isr(isr_regs_t *regs)
{
	if (norder < 4)
		order[norder++] = regs->vector;
	isr_master = read_reg(MASTER_CMD, OCW3_READ_ISR);
	isr_slave = read_reg(SLAVE_CMD, OCW3_READ_ISR);
	hits++;
	if (regs->vector >= SLAVE_BASE) {
		if (keep_asserted > 0)
			keep_asserted--;
		else
			set_irq_line(IRQ_SLAVE, 0);
		outb(OCW2_EOI, SLAVE_CMD);
	}
	outb(OCW2_EOI, MASTER_CMD);
}

static void clear(void)
{
	hits = 0;
	norder = 0;
	isr_master = isr_slave = 0;
}

static void unmask(u8 master, u8 slave)
{
	outb(~master, MASTER_DATA);
	outb(~slave, SLAVE_DATA);
}

static void check_registers(void)
{
	outb(0xa5, MASTER_DATA);
	outb(0x5a, SLAVE_DATA);
	report(inb(MASTER_DATA) == 0xa5 && inb(SLAVE_DATA) == 0x5a,
	       "the mask registers (OCW1) read back");
	outb(0xff, MASTER_DATA);
	outb(0xff, SLAVE_DATA);
	report(!read_reg(MASTER_CMD, OCW3_READ_ISR) &&
	       !read_reg(SLAVE_CMD, OCW3_READ_ISR), "ISRs empty after ICW1");
}

static void check_edge(void)
{
	clear();
	set_irq_line(IRQ_A, 1);
	report(read_reg(MASTER_CMD, OCW3_READ_IRR) & 1 << IRQ_A,
	       "masked IRQ %d raised: IRR bit set", IRQ_A);
	wait_for_count(&hits, 1, QUIET_CYCLES);
	report(hits == 0, "masked: no interrupt");
	set_irq_line(IRQ_A, 0);

	unmask(1 << IRQ_A, 0);
	set_irq_line(IRQ_A, 1);
	set_irq_line(IRQ_A, 0);
	report(wait_for_count(&hits, 1, LOST_CYCLES) &&
	       order[0] == MASTER_BASE + IRQ_A,
	       "unmasked edge: vector %#x (ICW2 base + IRQ)", MASTER_BASE + IRQ_A);
	report(isr_master == 1 << IRQ_A, "in service during the handler (ISR %#x)",
	       isr_master);
	report(!read_reg(MASTER_CMD, OCW3_READ_ISR) &&
	       !(read_reg(MASTER_CMD, OCW3_READ_IRR) & 1 << IRQ_A),
	       "after the EOI: ISR and IRR clear");
	wait_for_count(&hits, 2, QUIET_CYCLES);
	report(hits == 1, "one edge, one interrupt");
	unmask(0, 0);
}

static void check_priority(void)
{
	clear();
	unmask(1 << IRQ_A | 1 << IRQ_B, 0);
	set_irq_line(IRQ_A, 1);
	set_irq_line(IRQ_B, 1);
	wait_for_count(&hits, 2, LOST_CYCLES);
	report(hits == 2 && order[0] == MASTER_BASE + IRQ_B &&
	       order[1] == MASTER_BASE + IRQ_A,
	       "IRQ %d and %d pending: %d first (fixed priority)", IRQ_A,
	       IRQ_B, IRQ_B);
	set_irq_line(IRQ_A, 0);
	set_irq_line(IRQ_B, 0);
	unmask(0, 0);
}

static void check_cascade(void)
{
	clear();
	keep_asserted = 0;
	unmask(1 << 2, 1 << (IRQ_SLAVE - 8));
	set_irq_line(IRQ_SLAVE, 1);
	report(wait_for_count(&hits, 1, LOST_CYCLES) &&
	       order[0] == SLAVE_BASE + IRQ_SLAVE - 8,
	       "IRQ %d through the slave: vector %#x", IRQ_SLAVE,
	       SLAVE_BASE + IRQ_SLAVE - 8);
	report(isr_master == 1 << 2 && isr_slave == 1 << (IRQ_SLAVE - 8),
	       "in service on the master's IRQ 2 and the slave's input 2");
	set_irq_line(IRQ_SLAVE, 0);
	unmask(0, 0);
}

static void check_level(void)
{
	u8 elcr = inb(ELCR_SLAVE);

	clear();
	outb(elcr | 1 << (IRQ_SLAVE - 8), ELCR_SLAVE);
	report(inb(ELCR_SLAVE) & 1 << (IRQ_SLAVE - 8), "ELCR: IRQ %d level",
	       IRQ_SLAVE);
	keep_asserted = 2;
	unmask(1 << 2, 1 << (IRQ_SLAVE - 8));
	set_irq_line(IRQ_SLAVE, 1);
	wait_for_count(&hits, 3, LOST_CYCLES);
	wait_for_count(&hits, 4, QUIET_CYCLES);
	report(hits == 3, "level: delivered again while asserted, 3 times (%d)",
	       hits);
	unmask(0, 0);
	outb(elcr, ELCR_SLAVE);
}

int main(void)
{
	u32 lvt0 = apic_read(APIC_LVT0);

	report_prefix_push("pic");
	handle_irq(MASTER_BASE + IRQ_A, pic_isr);
	handle_irq(MASTER_BASE + IRQ_B, pic_isr);
	handle_irq(SLAVE_BASE + IRQ_SLAVE - 8, pic_isr);
	init_pics();
	apic_write(APIC_LVT0, APIC_MODE_EXTINT << 8);
	check_registers();
	check_edge();
	check_priority();
	check_cascade();
	check_level();
	mask_pic_interrupts();
	apic_write(APIC_LVT0, lvt0 | APIC_LVT_MASKED);
	return report_summary();
}
