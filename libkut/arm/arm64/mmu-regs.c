// SPDX-License-Identifier: MIT
/*
 * mmu-regs.c - the arm64 half of the MMU: programming TCR/MAIR/TTBR0/
 * SCTLR, TLB and data-cache maintenance.  The tables themselves are built
 * by ../mmu.c, which arm shares.
 *
 * The address space is 48 bits (tables from level 0), enough for the
 * virt machine's RAM, its high PCIe ECAM at 256 GiB and its high PCIe
 * MMIO window at 512 GiB.
 */
#include <libcflat.h>
#include <asm/processor.h>
#include <asm/pgtable-hwdef.h>
#include <asm/mmu.h>

#include "../mmu-regs.h"

/* TTBR0's walk only (TTBR1's is off, EPD1): its fields of TCR_EL1. */
#define TCR_T0SZ(x)		((64 - (x)) << 0)
#define TCR_IRGN0_WBWA		(1UL << 8)
#define TCR_ORGN0_WBWA		(1UL << 10)
#define TCR_SH0_INNER		(3UL << 12)

/* RES1 bits of SCTLR_EL1 in ARMv8.0 (ITD, SED, EOS, EIS, ...). */
#define SCTLR_EL1_RES1		((1UL << 29) | (1UL << 28) | (1UL << 22) | \
				 (1UL << 20) | (1UL << 11))

#define CNTKCTL_EL0VCTEN	(1UL << 1)
#define CNTKCTL_EL0PCTEN	(1UL << 0)

bool __mmu_enabled(void)
{
	return read_sysreg(sctlr_el1) & SCTLR_EL1_M;
}

void arch_cpu_init(void)
{
	/* User-mode tests may read the counters too. */
	write_sysreg(CNTKCTL_EL0VCTEN | CNTKCTL_EL0PCTEN, cntkctl_el1);
	dcache_line_size = 4UL << CTR_DMINLINE(get_ctr());
	isb();
}

void arch_mmu_enable(phys_addr_t ttbr)
{
	unsigned long parange = read_sysreg(id_aa64mmfr0_el1) & 0xf;
	unsigned long sctlr;

	if (parange > 5)
		parange = 5;	/* 48 bits: the most 4 KiB tables address */
	write_sysreg(MAIR_VALUE, mair_el1);
	write_sysreg(TCR_T0SZ(VA_BITS) | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA |
		     TCR_SH0_INNER | TCR_TG0_4K | TCR_EPD1 |
		     parange << TCR_IPS_SHIFT, tcr_el1);
	write_sysreg(ttbr, ttbr0_el1);
	isb();
	asm volatile("tlbi vmalle1\n\tdsb nsh" : : : "memory");
	isb();
	sctlr = read_sysreg(sctlr_el1) | SCTLR_EL1_RES1;
	sctlr |= SCTLR_EL1_M | SCTLR_EL1_C | SCTLR_EL1_I | SCTLR_EL1_SPAN;
	sctlr &= ~(unsigned long)(SCTLR_EL1_A | SCTLR_EL1_WXN | SCTLR_EL1_EE);
	write_sysreg(sctlr, sctlr_el1);
	isb();
}

void arch_mmu_disable(void)
{
	unsigned long sctlr = read_sysreg(sctlr_el1);

	write_sysreg(sctlr & ~(unsigned long)(SCTLR_EL1_M | SCTLR_EL1_C), sctlr_el1);
	isb();
}

void flush_tlb_all(void)
{
	asm volatile("dsb ishst\n\ttlbi vmalle1is\n\tdsb ish\n\tisb"
		     : : : "memory");
}

void flush_tlb_page(unsigned long vaddr)
{
	asm volatile("dsb ishst\n\ttlbi vaae1is, %0\n\tdsb ish\n\tisb"
		     : : "r"(vaddr >> PAGE_SHIFT) : "memory");
}

void flush_dcache_addr(unsigned long vaddr)
{
	asm volatile("dc civac, %0" : : "r"(vaddr) : "memory");
}

void arch_dcache_clean_range(unsigned long start, unsigned long end)
{
	unsigned long line = dcache_line_size ? dcache_line_size : 64;

	for (start &= ~(line - 1); start < end; start += line)
		asm volatile("dc civac, %0" : : "r"(start) : "memory");
	dsb(sy);
}
