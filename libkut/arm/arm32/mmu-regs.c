// SPDX-License-Identifier: MIT
/*
 * mmu-regs.c - the arm half of the MMU: LPAE (long-descriptor) tables
 * through TTBCR.EAE, MAIR0/1, the 64-bit TTBR0 and SCTLR; TLB and
 * data-cache maintenance.  The tables themselves are built by ../mmu.c,
 * which arm64 shares: LPAE's format is AArch64's.
 */
#include <libcflat.h>
#include <asm/processor.h>
#include <asm/pgtable-hwdef.h>
#include <asm/mmu.h>

#include "../mmu-regs.h"

#define TTBCR_EAE		(1U << 31)
#define TTBCR_SH0_INNER		(3U << 12)
#define TTBCR_ORGN0_WBWA	(1U << 10)
#define TTBCR_IRGN0_WBWA	(1U << 8)

#define CNTKCTL_PL0VCTEN	(1U << 1)
#define CNTKCTL_PL0PCTEN	(1U << 0)

bool __mmu_enabled(void)
{
	return read_sysreg(SCTLR) & SCTLR_M;
}

void arch_cpu_init(void)
{
	write_sysreg(CNTKCTL_PL0VCTEN | CNTKCTL_PL0PCTEN, CNTKCTL);
	dcache_line_size = 4UL << CTR_DMINLINE(get_ctr());
	isb();
}

void arch_mmu_enable(phys_addr_t ttbr)
{
	u32 sctlr;

	write_sysreg((u32)MAIR_VALUE, MAIR0);
	write_sysreg((u32)(MAIR_VALUE >> 32), MAIR1);
	write_sysreg(TTBCR_EAE | TTBCR_SH0_INNER | TTBCR_ORGN0_WBWA |
		     TTBCR_IRGN0_WBWA, TTBCR);
	write_sysreg(ttbr, TTBR0);
	isb();
	asm volatile("mcr p15, 0, %0, c8, c7, 0\n\tdsb nsh" : : "r"(0) : "memory");
	isb();
	sctlr = read_sysreg(SCTLR);
	sctlr |= SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_Z;
	sctlr &= ~SCTLR_A;
	write_sysreg(sctlr, SCTLR);
	isb();
}

void arch_mmu_disable(void)
{
	write_sysreg(read_sysreg(SCTLR) & ~(SCTLR_M | SCTLR_C), SCTLR);
	isb();
}

void flush_tlb_all(void)
{
	/* TLBIALLIS */
	asm volatile("dsb ishst\n\tmcr p15, 0, %0, c8, c3, 0\n\tdsb ish\n\tisb"
		     : : "r"(0) : "memory");
}

void flush_tlb_page(unsigned long vaddr)
{
	/* TLBIMVAAIS */
	asm volatile("dsb ishst\n\tmcr p15, 0, %0, c8, c3, 3\n\tdsb ish\n\tisb"
		     : : "r"(vaddr & PAGE_MASK) : "memory");
}

void flush_dcache_addr(unsigned long vaddr)
{
	/* DCCIMVAC */
	asm volatile("mcr p15, 0, %0, c7, c14, 1" : : "r"(vaddr) : "memory");
}

void arch_dcache_clean_range(unsigned long start, unsigned long end)
{
	unsigned long line = dcache_line_size ? dcache_line_size : 64;

	for (start &= ~(line - 1); start < end; start += line)
		flush_dcache_addr(start);
	dsb(sy);
}
