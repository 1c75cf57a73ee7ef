// SPDX-License-Identifier: MIT
/*
 * mmu.c - DAT on s390x (mmu.h, asm/pgtable.h) and the s390x side of
 * vmalloc.h.
 *
 * kut's tables are five levels deep from a region-first table, so that
 * the whole 64-bit space can be mapped: RAM identity mapped in 4 KiB
 * pages, the last 128 MiB to real addresses that do not exist (upstream
 * kvm-unit-tests' tests expect an addressing exception there), and
 * vmalloc's window, [2^63, 2^64 - 128 MiB), in between, where no RAM or
 * anything else can ever be.  They are built and DAT goes on on first
 * use of virtual memory (arch_vm_window()) or setup_mmu(), not at boot:
 * upstream's tests start with DAT off too.
 *
 * A valid entry is never rewritten in place: it is invalidated first
 * (IPTE, IDTE), which also drops its translations from every CPU's TLB,
 * then written.  virt_to_phys() asks the CPU (LOAD REAL ADDRESS), so it
 * is right for whatever tables the test runs with.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <vmalloc.h>
#include <mmu.h>
#include <sclp.h>
#include <asm/arch_def.h>
#include <asm/interrupt.h>
#include <asm/io.h>
#include <asm/pgtable.h>

#include "../arch.h"
#include "s390x.h"



#define INVALID_AREA		(1UL << 27)	/* the last 128 MiB */
#define VM_WINDOW_START		(1UL << 63)

static pgd_t *table_root;

unsigned long virt_to_phys(const volatile void *virt)
{
	unsigned long addr = (unsigned long)virt, real;
	int cc;

	if (!(extract_psw_mask() & PSW_MASK_DAT))
		return addr;
	asm volatile("lrag %[real],0(%[addr])\n"
		     "ipm %[cc]\n"
		     "srl %[cc],28\n"
		     : [real] "=d" (real), [cc] "=d" (cc)
		     : [addr] "a" (addr)
		     : "cc");
	return cc ? 0 : real;
}

/*
 * Fill @table with @n mappings @step bytes apart, the first being @first
 * (its frame, protection and format bits; these sit below @step, so each
 * next entry is the previous plus @step).
 */
static void fill_table(uint64_t *table, unsigned int n, uint64_t step,
		       uint64_t first)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		table[i] = first + i * step;
}

/*
 * Splitting a large mapping: the smaller ones map the same memory with
 * the same protection; the old entry is invalidated (dropping its TLB
 * entries) before it is rewritten, as a valid DAT entry never changes in
 * place.
 */

/* A 2 GiB region-third entry becomes a segment table of 1 MiB frames. */
static void split_pud(pud_t *pud, uintptr_t va)
{
	uint64_t old = pud_val(*pud);
	pmd_t *pmd = pmd_alloc_one();

	fill_table(&pmd_val(pmd[0]), SEGMENT_TABLE_ENTRIES, SZ_1M,
		   (old & REGION3_ENTRY_RFAA) |
		   (old & (REGION3_ENTRY_IEP | REGION_ENTRY_P)) |
		   SEGMENT_ENTRY_FC | SEGMENT_ENTRY_TT_SEGMENT);
	idte_pudp(va, &pud_val(*pud));
	pud_val(*pud) = __pa(pmd) | REGION_ENTRY_TT_REGION3 | REGION_TABLE_LENGTH;
}

/* A 1 MiB segment entry becomes a page table of 4 KiB pages. */
static void split_pmd(pmd_t *pmd, uintptr_t va)
{
	uint64_t old = pmd_val(*pmd);
	pte_t *pte = pte_alloc_one();

	fill_table(&pte_val(pte[0]), PAGE_TABLE_ENTRIES, PAGE_SIZE,
		   (old & SEGMENT_ENTRY_SFAA) |
		   (old & (SEGMENT_ENTRY_IEP | SEGMENT_ENTRY_P)));
	idte_pmdp(va, &pmd_val(*pmd));
	pmd_val(*pmd) = __pa(pte) | SEGMENT_ENTRY_TT_SEGMENT;
}

/*
 * The entry one level below @entry (of level @at) for @va, with the
 * table made if missing and a large mapping in the way split.
 */
static void *next_level(void *entry, enum pgt_level at, uintptr_t va)
{
	pud_t *pud = entry;
	pmd_t *pmd = entry;

	switch (at) {
	case pgtable_level_pgd:
		return p4d_alloc(entry, va);
	case pgtable_level_p4d:
		return pud_alloc(entry, va);
	case pgtable_level_pud:
		if (!pud_none(*pud) && pud_huge(*pud))
			split_pud(pud, va);
		return pmd_alloc(pud, va);
	case pgtable_level_pmd:
		if (!pmd_none(*pmd) && pmd_large(*pmd))
			split_pmd(pmd, va);
		return pte_alloc(pmd, va);
	default:
		assert_msg(false, "no DAT level below %d", at);
		return NULL;
	}
}

void *get_dat_entry(pgd_t *pgtable, void *vaddr, enum pgt_level level)
{
	uintptr_t va = (uintptr_t)vaddr;
	enum pgt_level at = pgtable_level_pgd;
	void *entry;

	assert(pgtable && level >= pgtable_level_pgd && level <= pgtable_level_pte);
	for (entry = pgd_offset(pgtable, va); at < level; at++)
		entry = next_level(entry, at, va);
	return entry;
}

void *split_page(pgd_t *pgtable, void *vaddr, enum pgt_level level)
{
	assert(level >= pgtable_level_pud && level <= pgtable_level_pte);
	return get_dat_entry(pgtable ? pgtable : table_root, vaddr, level);
}

/* Invalidate the entry of @level for @va, flushing; returns it. */
static uint64_t *invalidate(pgd_t *pgtable, uintptr_t va, enum pgt_level level)
{
	uint64_t *e = get_dat_entry(pgtable, (void *)va, level);
	bool valid = level == pgtable_level_pte ? !(*e & PAGE_ENTRY_I) :
		     level == pgtable_level_pmd ? !(*e & SEGMENT_ENTRY_I) :
		     !(*e & REGION_ENTRY_I);

	if (!valid)
		return e;
	switch (level) {
	case pgtable_level_pgd:
		idte_pgdp(va, e);
		break;
	case pgtable_level_p4d:
		idte_p4dp(va, e);
		break;
	case pgtable_level_pud:
		idte_pudp(va, e);
		break;
	case pgtable_level_pmd:
		idte_pmdp(va, e);
		break;
	case pgtable_level_pte:
		ipte(va, e);
		break;
	}
	return e;
}

/* A lower-level table the entry @old pointed at, and those below it. */
static void free_below(uint64_t old, enum pgt_level level)
{
	uint64_t *t;
	int i;

	if (level == pgtable_level_pmd) {
		if (!(old & SEGMENT_ENTRY_I) && !(old & SEGMENT_ENTRY_FC))
			free_pages((void *)(old & PAGE_MASK));
	} else if (level == pgtable_level_pud) {
		if ((old & REGION_ENTRY_I) || (old & REGION3_ENTRY_FC))
			return;
		t = (uint64_t *)(old & REGION_ENTRY_ORIGIN);
		for (i = 0; i < SEGMENT_TABLE_ENTRIES; i++)
			free_below(t[i], pgtable_level_pmd);
		free_pages(t);
	}
}

static uint64_t *set_entry(pgd_t *pgtable, uintptr_t va, uint64_t val,
			   enum pgt_level level)
{
	uint64_t *e = invalidate(pgtable, va, level);
	uint64_t old = *e;

	*e = val;
	if (val != old)
		free_below(old, level);
	return e;
}

pteval_t *install_page(pgd_t *pgtable, phys_addr_t phys, void *vaddr)
{
	assert(IS_ALIGNED(phys, PAGE_SIZE) && IS_ALIGNED((uintptr_t)vaddr, PAGE_SIZE));
	return set_entry(pgtable, (uintptr_t)vaddr, phys, pgtable_level_pte);
}

pmdval_t *install_large_page(pgd_t *pgtable, phys_addr_t phys, void *vaddr)
{
	assert(IS_ALIGNED(phys, SZ_1M) && IS_ALIGNED((uintptr_t)vaddr, SZ_1M));
	return set_entry(pgtable, (uintptr_t)vaddr,
			 phys | SEGMENT_ENTRY_FC | SEGMENT_ENTRY_TT_SEGMENT,
			 pgtable_level_pmd);
}

pudval_t *install_huge_page(pgd_t *pgtable, phys_addr_t phys, void *vaddr)
{
	assert(IS_ALIGNED(phys, SZ_2G) && IS_ALIGNED((uintptr_t)vaddr, SZ_2G));
	return set_entry(pgtable, (uintptr_t)vaddr,
			 phys | REGION3_ENTRY_FC | REGION_ENTRY_TT_REGION3,
			 pgtable_level_pud);
}

/* Set or clear @prot in the entry of @level for @vaddr in kut's tables. */
static void change_entry(void *vaddr, enum pgt_level level, unsigned long prot,
			 bool protect)
{
	uint64_t *e = get_dat_entry(table_root, vaddr, level);
	uint64_t old = *e;

	/* Invalidated first (which flushes), then written. */
	invalidate(table_root, (uintptr_t)vaddr, level);
	*e = protect ? old | prot : old & ~prot;
}

void protect_dat_entry(void *vaddr, unsigned long prot, enum pgt_level level)
{
	change_entry(vaddr, level, prot, true);
}

void unprotect_dat_entry(void *vaddr, unsigned long prot, enum pgt_level level)
{
	change_entry(vaddr, level, prot, false);
}

void protect_range(void *start, unsigned long len, unsigned long prot)
{
	uintptr_t va = (uintptr_t)start & PAGE_MASK;

	for (len &= PAGE_MASK; len; len -= PAGE_SIZE, va += PAGE_SIZE)
		protect_dat_entry((void *)va, prot, pgtable_level_pte);
}

void unprotect_range(void *start, unsigned long len, unsigned long prot)
{
	uintptr_t va = (uintptr_t)start & PAGE_MASK;

	for (len &= PAGE_MASK; len; len -= PAGE_SIZE, va += PAGE_SIZE)
		unprotect_dat_entry((void *)va, prot, pgtable_level_pte);
}

/* The walk, creating nothing: the entry mapping @va and its size, or 0. */
static phys_addr_t lookup(pgd_t *pgtable, uintptr_t va, pte_t **ptep)
{
	pgd_t *pgd = pgd_offset(pgtable, va);
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;

	*ptep = NULL;
	if (pgd_none(*pgd))
		return 0;
	p4d = p4d_offset(pgd, va);
	if (p4d_none(*p4d))
		return 0;
	pud = pud_offset(p4d, va);
	if (pud_none(*pud))
		return 0;
	if (pud_huge(*pud))
		return (pud_val(*pud) & REGION3_ENTRY_RFAA) | (va & ~REGION3_ENTRY_RFAA);
	pmd = pmd_offset(pud, va);
	if (pmd_none(*pmd))
		return 0;
	if (pmd_large(*pmd))
		return (pmd_val(*pmd) & SEGMENT_ENTRY_SFAA) | (va & ~SEGMENT_ENTRY_SFAA);
	pte = pte_offset(pmd, va);
	if (pte_none(*pte))
		return 0;
	*ptep = pte;
	return (pte_val(*pte) & PAGE_MASK) | (va & ~PAGE_MASK);
}

phys_addr_t virt_to_pte_phys(pgd_t *pgtable, void *vaddr)
{
	pte_t *pte;

	return lookup(pgtable, (uintptr_t)vaddr, &pte);
}

static void map_identity(pgd_t *pgtable, uintptr_t start, uintptr_t end)
{
	uintptr_t va;

	for (va = start; va != end; va += PAGE_SIZE)
		install_page(pgtable, va, (void *)va);
}

/* kut's tables, once; DAT on in the primary space, handlers included. */
static void mmu_init(void)
{
	uint64_t asce;

	if (table_root)
		return;
	table_root = pgd_alloc_one();
	map_identity(table_root, 0, get_ram_size());
	map_identity(table_root, -INVALID_AREA, 0);
	asce = __pa(table_root) | ASCE_DT_REGION1 | REGION_TABLE_LENGTH;
	lctlg(1, asce);
	enable_dat();
	irq_set_dat_mode(true, AS_PRIM);
}

void *setup_mmu(phys_addr_t top, void *opaque)
{
	(void)top;	/* all RAM is mapped */
	(void)opaque;
	mmu_init();
	return table_root;
}

void arch_vm_window(uintptr_t *start, uintptr_t *end)
{
	mmu_init();
	*start = VM_WINDOW_START;
	*end = -INVALID_AREA;
}

void arch_vm_map(uintptr_t virt, uint64_t phys)
{
	install_page(table_root, phys, (void *)virt);
}

uint64_t arch_vm_unmap(uintptr_t virt)
{
	phys_addr_t phys;
	pte_t *pte;

	phys = lookup(table_root, virt, &pte);
	if (!pte)
		return ARCH_VM_NO_PAGE;
	ipte(virt, &pte_val(*pte));
	return phys & PAGE_MASK;
}

/* RAM is all mapped already, and the page allocator has it all. */
void arch_setup_vm(void *opaque)
{
	(void)opaque;
}
