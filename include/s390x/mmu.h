/* SPDX-License-Identifier: MIT */
/*
 * mmu.h - DAT table editing on s390x (upstream kvm-unit-tests'
 * lib/s390x/mmu.h); install_page() and virt_to_pte_phys() are in
 * <vmalloc.h>, the table format in <asm/pgtable.h>.
 *
 * DAT is off when main() starts.  setup_vm() (or the first vmalloc(),
 * vmap() or alloc_vpages()) turns it on in the primary space over kut's
 * tables: all RAM identity mapped in 4 KiB pages, the last 128 MiB of
 * the address space mapped to nonexistent real memory (an access there
 * is an addressing exception), and the virtual window for vmalloc()
 * below that; the interrupt handlers then run with DAT on too.  The
 * functions without a table argument work on kut's tables.
 */
#ifndef _S390X_MMU_H_
#define _S390X_MMU_H_

#include <asm/pgtable.h>

enum pgt_level {
	pgtable_level_pgd = 1,
	pgtable_level_p4d,
	pgtable_level_pud,
	pgtable_level_pmd,
	pgtable_level_pte,
};

/*
 * The entry for @vaddr at @level in @pgtable, creating the tables on
 * the way and splitting a large mapping above into the next level's
 * entries with the same rights.
 */
void *get_dat_entry(pgd_t *pgtable, void *vaddr, enum pgt_level level);

/* get_dat_entry() for levels pud to pte; NULL @pgtable: kut's tables. */
void *split_page(pgd_t *pgtable, void *vaddr, enum pgt_level level);

/*
 * Set (clear) the bits @prot (*_ENTRY_P, *_ENTRY_IEP) in the entry of
 * @level that maps @vaddr in kut's tables, flushing its translations.
 */
void protect_dat_entry(void *vaddr, unsigned long prot, enum pgt_level level);
void unprotect_dat_entry(void *vaddr, unsigned long prot, enum pgt_level level);

/* The same for each 4 KiB page of [@start, @start + @len). */
void protect_range(void *start, unsigned long len, unsigned long prot);
void unprotect_range(void *start, unsigned long len, unsigned long prot);

/*
 * Map the 1 MiB frame @phys at @vaddr with one segment entry (EDAT-1:
 * CR0's CTL0_EDAT must be on), or the 2 GiB frame with one region-third
 * entry (EDAT-2); returns the entry.
 */
pmdval_t *install_large_page(pgd_t *pgtable, phys_addr_t phys, void *vaddr);
pudval_t *install_huge_page(pgd_t *pgtable, phys_addr_t phys, void *vaddr);

static inline void protect_page(void *vaddr, unsigned long prot)
{
	protect_dat_entry(vaddr, prot, pgtable_level_pte);
}

static inline void unprotect_page(void *vaddr, unsigned long prot)
{
	unprotect_dat_entry(vaddr, prot, pgtable_level_pte);
}

#endif /* _S390X_MMU_H_ */
