/* SPDX-License-Identifier: MIT */
/*
 * x86/vm.h - the x86 page tables: finding, installing and splitting
 * entries, with upstream kvm-unit-tests' names and signatures, and the
 * map setup_vm() builds.
 *
 * Why: tests of the MMU (access rights, NX, WP, SMEP, PKU, accessed and
 * dirty bits, large pages, INVLPG) change single entries of the live
 * tables and watch what the CPU does.  Levels are numbered as upstream
 * does: 1 is the 4 KiB PTE, 2 the PDE (2 MiB pages), 3 the PDPTE (1 GiB
 * pages), 4 the PML4E, 5 the PML5E (after setup_5level_page_table());
 * @cr3 arguments are the top-level table as a pointer
 * (current_page_table()).  i386 pages as upstream's i386 does,
 * with 2 levels: the PTE and the PDE (4 MiB pages), asm/page.h's
 * PAGE_LEVEL and LARGE_PAGE_SIZE tell which.
 *
 * The map: boot maps [0, 4 GiB) 1:1 with 2 MiB pages, user-accessible
 * as upstream's boot map.  setup_vm() (vmalloc.h) builds new tables that map all RAM, and
 * at least [0, 4 GiB) for MMIO, 1:1 with 2 MiB pages that user mode may
 * use too (upstream's map), loads them into CR3, and gives RAM above
 * 4 GiB to the page allocator.  vmalloc's window is the last 512 GiB of
 * the address space (PML4 slot 511, from 0xffffff8000000000); setup_vm()
 * carries that slot over, so what was vmalloc'd before stays mapped.
 * i386: boot maps [0, 2 GiB) and [3 GiB, 4 GiB) in 4 MiB pages, and so
 * does setup_vm(), user-accessible; vmalloc's window is the gigabyte in
 * between, whose page-directory entries setup_vm() copies.
 *
 * SMP (the contract with the AP start-up code): setup_vm() loads the new
 * CR3 on the calling CPU, then on every other running CPU through
 * on_cpus() when smp.h's on_cpus() is linked in (vm.c refers to it
 * weakly, and relies on on_cpus() running the function on the caller
 * too, directly).  A CPU started later must take its CR3 from
 * the BSP's current one (read_cr3()), never from the boot tables, which
 * setup_vm() leaves behind.
 *
 * Caveat: as upstream's, these functions do not flush TLBs (except
 * split_large_page()): after changing an entry that was present, use
 * invlpg() or flush_tlb(), on every CPU that may have cached it.
 */
#ifndef _X86_VM_H_
#define _X86_VM_H_

#include <libcflat.h>
#include <vmalloc.h>
#include <asm/page.h>
#include <asm/io.h>
#include <x86/processor.h>

/* Where find_pte_level() stopped: the entry and its level. */
struct pte_search {
	int level;
	pteval_t *pte;
};

/* Whether @search stopped at a present 2 MiB or 1 GiB page. */
static inline bool found_huge_pte(struct pte_search search)
{
	const pteval_t huge = PT_PRESENT_MASK | PT_PAGE_SIZE_MASK;
	/* Only PDEs and PDPTEs have a page-size bit. */
	bool may_be_huge = search.level == 2 || search.level == 3;

	return may_be_huge && (*search.pte & huge) == huge;
}

/* Whether @search stopped at an entry that maps a page (4K or huge). */
static inline bool found_leaf_pte(struct pte_search search)
{
	return search.level == 1 || found_huge_pte(search);
}

/*
 * Walk @cr3 for @virt down to @lowest_level (1 .. 4, or 5 with LA57) at
 * most, stopping earlier at an entry that is not present or maps a huge
 * page.  The entry returned need not be present, but the tables above it
 * are.
 */
struct pte_search find_pte_level(pgd_t *cr3, void *virt, int lowest_level);

/* The entry that maps @virt (a PTE or a huge PDE/PDPTE), or NULL. */
pteval_t *get_pte(pgd_t *cr3, void *virt);

/*
 * The entry of level @pte_level on the walk for @virt, or NULL if a level
 * above it is not present or maps a huge page.
 */
pteval_t *get_pte_level(pgd_t *cr3, void *virt, int pte_level);

/*
 * Set the level-@pte_level entry for @virt to @pte, creating missing
 * tables on the way (present, writable, plus the PTE option bits, see
 * set_pte_opt_mask()); the first one is @pt_page if not NULL, the others
 * come from alloc_page().  A huge page met on the way is split first
 * (split_large_page()), so the rest of it stays mapped.  Returns the
 * entry.
 */
pteval_t *install_pte(pgd_t *cr3, int pte_level, void *virt, pteval_t pte,
		      pteval_t *pt_page);

/* Map the 2 MiB page at @phys at @virt (both 2 MiB aligned), writable. */
pteval_t *install_large_page(pgd_t *cr3, phys_addr_t phys, void *virt);

/* install_page() for each page of [@phys, @phys + @len) at @virt. */
void install_pages(pgd_t *cr3, phys_addr_t phys, size_t len, void *virt);

/* Whether any page of [@virt, @virt + @len) is mapped in @cr3. */
bool any_present_pages(pgd_t *cr3, void *virt, size_t len);

/*
 * The option bits install_page(), install_large_page() and new tables
 * get: set_pte_opt_mask() makes them PT_USER_MASK (the default),
 * reset_pte_opt_mask() none (kernel-only mappings).
 */
void set_pte_opt_mask(void);
void reset_pte_opt_mask(void);

/* __setup_mmu_range() flags: user-accessible, 2 MiB pages where aligned. */
enum x86_mmu_flags {
	X86_MMU_MAP_USER	= BIT(0),
	X86_MMU_MAP_HUGE	= BIT(1),
};

/*
 * Map [@start, @start + @len) 1:1 in @cr3 (page aligned), writable, in
 * 4 KiB pages or, with X86_MMU_MAP_HUGE, 2 MiB pages where they fit.
 */
void __setup_mmu_range(pgd_t *cr3, phys_addr_t start, size_t len,
		       enum x86_mmu_flags mmu_flags);

/* The top-level table CR3 points at. */
static inline void *current_page_table(void)
{
	return phys_to_virt(read_cr3() & PT_ADDR_MASK);
}

/*
 * Replace the huge page entry @ptep of level @level (2 or 3) with a table
 * of 512 entries that map the same memory with the same rights, and
 * flush this CPU's TLB.
 */
void split_large_page(unsigned long *ptep, int level);

#ifdef __x86_64__
/*
 * Switch this CPU from 4-level to 5-level paging (CR4.LA57), as upstream's
 * la57 and access tests do before their 57-bit checks; a no-op if LA57
 * is on already.  The CPU must have it (this_cpu_has(X86_FEATURE_LA57)),
 * or the test stops.  A new PML5 table (static, below 4 GiB) takes the
 * current PML4 in entries 0 and 511, so every address mapped before keeps
 * its mapping, vmalloc's window included; CR4.PCIDE and RFLAGS.IF are as
 * before.  From then on the functions of this header take every table as
 * a PML5 (level 5 on top).  Only the calling CPU switches: the others
 * stay in 4-level paging on their tables, so call setup_vm() before this,
 * not after, when other CPUs run.  There is no way back (upstream's has
 * none either).
 */
void setup_5level_page_table(void);
#endif

/* Split what maps @addr in the current tables until a 4 KiB PTE does. */
void force_4k_page(void *addr);

/* Paging registers, as a CPU should load them to share the BSP's map. */
struct vm_vcpu_info {
	u64 cr3;
	u64 cr4;
	u64 cr0;
};

/* Called by walk_pte() with the leaf entry found for each page @va. */
typedef void (*pte_callback_t)(struct pte_search search, void *va);

/*
 * Call @callback for each mapped page (4 KiB or huge) that overlaps
 * [@virt, @virt + @len) in the current tables; every page must be mapped.
 */
void walk_pte(void *virt, size_t len, pte_callback_t callback);

#endif /* _X86_VM_H_ */
