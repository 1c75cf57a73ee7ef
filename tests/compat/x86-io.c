// SPDX-License-Identifier: MIT
/*
 * x86-io.c - asm/io.h on x86: port I/O (here the RTC's CMOS RAM, present on
 * every PC machine QEMU emulates) and the MMIO accessors on plain memory.
 */
#include "libcflat.h"
#include "asm/io.h"
#include "asm/barrier.h"

#define CMOS_INDEX	0x70
#define CMOS_DATA	0x71
#define CMOS_SCRATCH	0x34	/* a byte of CMOS RAM nothing else uses */

static u8 cmos_read(u8 reg)
{
	outb(reg, CMOS_INDEX);
	return inb(CMOS_DATA);
}

static void cmos_write(u8 reg, u8 val)
{
	outb(reg, CMOS_INDEX);
	outb(val, CMOS_DATA);
}

int main(void)
{
	static u64 mem;
	void *mapped;

	cmos_write(CMOS_SCRATCH, 0x5a);
	report(cmos_read(CMOS_SCRATCH) == 0x5a, "outb/inb through CMOS RAM");
	cmos_write(CMOS_SCRATCH, 0xa5);
	report(cmos_read(CMOS_SCRATCH) == 0xa5, "and back");

	writeq(0x1122334455667788ull, &mem);
	mb();
	report(readl(&mem) == 0x55667788 && readw(&mem) == 0x7788 &&
	       readb(&mem) == 0x88 && readq(&mem) == 0x1122334455667788ull,
	       "writeq, then readb/readw/readl/readq");
	writel(0xdeadbeef, &mem);
	report(readl(&mem) == 0xdeadbeef, "writel/readl");

	mapped = ioremap(virt_to_phys(&mem), sizeof(mem));
	report(mapped == (void *)&mem, "ioremap of RAM is identity");
	return report_summary();
}
