/* SPDX-License-Identifier: MIT */
/*
 * asm/mmu-api.h - building and switching translation tables (upstream
 * kvm-unit-tests' names).  Tables are made of pages from the page
 * allocator; a block mapping is split into pages when a call changes
 * part of it.  Every function applies to the tables given and flushes
 * the TLBs of all CPUs as needed.
 */
#ifndef _ASMARM_MMU_API_H_
#define _ASMARM_MMU_API_H_

#include <libcflat.h>
#include <asm/page.h>

/* The boot identity map (see asm/mmu.h); the tables of every CPU at boot. */
extern pgd_t *mmu_idmap;

/*
 * Whether this CPU runs with the MMU on: SCTLR's M bit (__mmu_enabled()),
 * or in user mode, which may not read SCTLR, what mmu_enable() and
 * mmu_disable() last recorded for the CPU.
 */
extern bool __mmu_enabled(void);
extern bool mmu_enabled(void);
/*
 * Record that CPU @cpu runs with its MMU on or off (mmu_enable() and
 * mmu_disable() do it; a test starting a CPU with PSCI itself marks it
 * disabled first, since it starts with the MMU off).
 */
extern void mmu_mark_enabled(int cpu);
extern void mmu_mark_disabled(int cpu);

/*
 * Switch this CPU to @pgtable, turning the MMU (and caches) on; the
 * tables become current_thread_info()->pgtable.
 */
extern void mmu_enable(pgd_t *pgtable);
/*
 * Turn this CPU's MMU and data cache off (after cleaning the cache to
 * memory).  Caveat: with the MMU off every data access is to Device
 * memory, so code must make only aligned accesses, and exclusive
 * accesses (spinlocks, atomics) are unpredictable: don't print or
 * allocate until mmu_enable().
 */
extern void mmu_disable(void);
/* mmu_enable(mmu_idmap). */
extern void mmu_enable_idmap(void);

/* A new, empty top-level table (all of it unmapped). */
extern pgd_t *pgd_alloc(void);

/*
 * Map [@phys_start, @phys_end) at @virt_offset with @prot (PTE_WBWA,
 * PTE_DEVICE, ... | PTE_USER | PTE_RDONLY) in pages; the _sect form uses
 * 2 MiB blocks where the range allows.  Page-aligned bounds.
 */
extern void mmu_set_range_ptes(pgd_t *pgtable, uintptr_t virt_offset,
			       phys_addr_t phys_start, phys_addr_t phys_end,
			       pgprot_t prot);
extern void mmu_set_range_sect(pgd_t *pgtable, uintptr_t virt_offset,
			       phys_addr_t phys_start, phys_addr_t phys_end,
			       pgprot_t prot);

/*
 * Map the page at @phys at @virt as normal cacheable memory, readable and
 * writable by every exception level.  Returns its level-3 entry.
 */
extern pteval_t *install_page(pgd_t *pgtable, phys_addr_t phys, void *virt);
/*
 * The level-3 (or block) entry that maps @virt, or NULL if none does;
 * follow_pte() is the same under upstream's name.  A test changing the
 * entry does its own TLB maintenance (flush_tlb_page()).
 */
extern pteval_t *get_pte(pgd_t *pgtable, uintptr_t virt);
extern pteval_t *follow_pte(pgd_t *pgtable, uintptr_t vaddr);
/* The physical address @mem translates to in @pgtable (identity if unmapped). */
extern phys_addr_t virt_to_pte_phys(pgd_t *pgtable, void *mem);
/* Take EL0 (PL0) access away from the page at @vaddr; EL1 keeps it. */
extern void mmu_clear_user(pgd_t *pgtable, unsigned long vaddr);

#endif /* _ASMARM_MMU_API_H_ */
