/* SPDX-License-Identifier: MIT */
/*
 * asm/mmu.h - Sv39, Sv48 and Sv57 translation on riscv64 (upstream kvm-unit-tests'
 * names and signatures).
 *
 * Boot turns translation on before main() with an identity map of the
 * low half of the address space, [0, 256 GiB), in 1 GiB pages, readable,
 * writable and executable, but for the image's text and read-only data,
 * which are read-only; nothing is user accessible.  RISC-V keeps memory
 * types out of the page tables (the platform fixes them per address), so
 * devices need no mapping of their own.  install_page(), virt_to_pte_phys()
 * and setup_mmu() are in <vmalloc.h>.  Every change through these
 * functions is visible to every CPU once it returns (remote fences via
 * SBI), unless @flush is false.
 */
#ifndef _ASMRISCV_MMU_H_
#define _ASMRISCV_MMU_H_

#include <libcflat.h>
#include <asm/csr.h>
#include <asm/page.h>
#include <asm/pgtable.h>

/* The largest physical address satp and the entries can hold. */
#define PHYS_MASK	((phys_addr_t)SATP_PPN << PAGE_SHIFT | (PAGE_SIZE - 1))

/* The root table this CPU translates with (NULL with translation off). */
static inline pgd_t *current_pgtable(void)
{
	return (pgd_t *)((csr_read(CSR_SATP) & SATP_PPN) << PAGE_SHIFT);
}

/* Whether this CPU translates addresses (satp's mode is not Bare). */
static inline bool mmu_enabled(void)
{
	return csr_read(CSR_SATP) >> SATP_MODE_SHIFT;
}

/*
 * Map [@phys_start, @phys_end) at @virt_offset in 4 KiB pages with @prot
 * (_PAGE_READ, _PAGE_WRITE, _PAGE_EXEC, _PAGE_USER, ...; valid, accessed
 * and dirty are added), splitting larger pages on the way; @flush drops
 * each page's old translation on every CPU.  Page-aligned bounds.
 */
extern void mmu_set_range_ptes(pgd_t *pgtable, uintptr_t virt_offset,
			       phys_addr_t phys_start, phys_addr_t phys_end,
			       pgprot_t prot, bool flush);

/* Write satp (mode | ASID | root PPN) and drop this CPU's stale entries. */
extern void __mmu_enable(unsigned long satp);
/*
 * Translate with @pgtable in @mode (SATP_MODE_39, or the mode
 * mmu_set_satp_mode() chose: mmu_idmap only in that one).
 */
extern void mmu_enable(unsigned long mode, pgd_t *pgtable);

/*
 * Translate in @mode (SATP_MODE_39, SATP_MODE_48 or SATP_MODE_57) from
 * now on: the library's tables, mmu_idmap's and every table it walks for
 * you, get the levels of @mode, keeping every mapping made so far (going
 * down, what lies beyond the smaller space is dropped); CPUs running
 * switch at once (through on_cpu(), so they must be idle), later ones
 * start in @mode.  False if the hart has no such mode (satp is WARL):
 * then nothing changes.  With translation off, only the tables change.
 */
extern bool mmu_set_satp_mode(unsigned long mode);
/* The library's mode: SATP_MODE_39 at boot. */
extern unsigned long mmu_satp_mode(void);
/* Its virtual address width: 39, 48 or 57. */
extern unsigned int mmu_va_bits(void);
/* The levels of tables of satp mode @mode (3, 4, 5), 0 for others. */
extern int satp_mode_levels(unsigned long mode);
/* Translation off (satp Bare) on this CPU. */
extern void mmu_disable(void);

/* The boot identity map, every CPU's tables at boot (arm's name). */
extern pgd_t *mmu_idmap;

/* Drop this CPU's translations of the page at @addr. */
static inline void local_flush_tlb_page(unsigned long addr)
{
	asm volatile("sfence.vma %0" : : "r"(addr) : "memory");
}

/* Drop every CPU's translations of the page at @addr (SBI remote fence). */
extern void flush_tlb_page(unsigned long addr);
/* Drop every translation on every CPU. */
extern void flush_tlb_all(void);

/*
 * The level-0 entry for @vaddr, creating the tables above it as needed
 * and splitting a 1 GiB or 2 MiB page that covers it into 4 KiB pages of
 * the same permissions (so the entry always exists; it may be empty).
 */
extern pte_t *get_pte(pgd_t *pgtable, uintptr_t vaddr);

#endif /* _ASMRISCV_MMU_H_ */
