/* SPDX-License-Identifier: MIT */
/*
 * asm/pgtable.h - DAT tables on s390x, with upstream kvm-unit-tests'
 * names (lib/s390x/asm/pgtable.h).
 *
 * kut builds five levels: a region-first table (pgd) of 2048 entries
 * covers the 64-bit space in 8 PiB regions, region-second (p4d) and
 * region-third tables (pud, 2 GiB per entry) follow, then segment tables
 * (pmd, 1 MiB per entry) and page tables of 256 4 KiB pages.  An entry
 * with its invalid bit (*_ENTRY_I) set maps nothing, which is what a
 * fresh table holds; *_none() tests it.  A region-third entry with FC
 * maps 2 GiB directly (EDAT-2), a segment entry with FC 1 MiB (EDAT-1).
 * Tables live in the page allocator's memory, which is identity mapped.
 */
#ifndef _ASMS390X_PGTABLE_H_
#define _ASMS390X_PGTABLE_H_

#include <asm/page.h>
#include <alloc_page.h>

/* Address-space-control element (CR1, CR7, CR13). */
#define ASCE_ORIGIN			0xfffffffffffff000UL
#define ASCE_G				0x0000000000000200UL
#define ASCE_P				0x0000000000000100UL
#define ASCE_S				0x0000000000000080UL
#define ASCE_X				0x0000000000000040UL
#define ASCE_R				0x0000000000000020UL
#define ASCE_DT				0x000000000000000cUL
#define ASCE_TL				0x0000000000000003UL

#define ASCE_DT_REGION1			0x000000000000000cUL
#define ASCE_DT_REGION2			0x0000000000000008UL
#define ASCE_DT_REGION3			0x0000000000000004UL
#define ASCE_DT_SEGMENT			0x0000000000000000UL

/* Region tables: 2048 entries, 4 pages (order 2), table length 3. */
#define REGION_TABLE_ORDER		2
#define REGION_TABLE_ENTRIES		2048
#define REGION_TABLE_LENGTH		3

#define REGION1_SHIFT			53
#define REGION2_SHIFT			42
#define REGION3_SHIFT			31

#define REGION_ENTRY_ORIGIN		0xfffffffffffff000UL
#define REGION_ENTRY_P			0x0000000000000200UL
#define REGION_ENTRY_TF			0x00000000000000c0UL
#define REGION_ENTRY_I			0x0000000000000020UL
#define REGION_ENTRY_TT			0x000000000000000cUL
#define REGION_ENTRY_TL			0x0000000000000003UL

#define REGION_ENTRY_TT_REGION1		0x000000000000000cUL
#define REGION_ENTRY_TT_REGION2		0x0000000000000008UL
#define REGION_ENTRY_TT_REGION3		0x0000000000000004UL

/* A region-third entry that maps a 2 GiB frame itself (FC). */
#define REGION3_ENTRY_RFAA		0xffffffff80000000UL
#define REGION3_ENTRY_AV		0x0000000000010000UL
#define REGION3_ENTRY_ACC		0x000000000000f000UL
#define REGION3_ENTRY_F			0x0000000000000800UL
#define REGION3_ENTRY_FC		0x0000000000000400UL
#define REGION3_ENTRY_IEP		0x0000000000000100UL
#define REGION3_ENTRY_CR		0x0000000000000010UL

/* Segment tables: 2048 entries, 4 pages. */
#define SEGMENT_TABLE_ORDER		2
#define SEGMENT_TABLE_ENTRIES		2048
#define SEGMENT_TABLE_LENGTH		3
#define SEGMENT_SHIFT			20

#define SEGMENT_ENTRY_ORIGIN		0xfffffffffffff800UL
#define SEGMENT_ENTRY_SFAA		0xfffffffffff00000UL
#define SEGMENT_ENTRY_AV		0x0000000000010000UL
#define SEGMENT_ENTRY_ACC		0x000000000000f000UL
#define SEGMENT_ENTRY_F			0x0000000000000800UL
#define SEGMENT_ENTRY_FC		0x0000000000000400UL
#define SEGMENT_ENTRY_P			0x0000000000000200UL
#define SEGMENT_ENTRY_IEP		0x0000000000000100UL
#define SEGMENT_ENTRY_I			0x0000000000000020UL
#define SEGMENT_ENTRY_CS		0x0000000000000010UL
#define SEGMENT_ENTRY_TT		0x000000000000000cUL

#define SEGMENT_ENTRY_TT_REGION1	0x000000000000000cUL
#define SEGMENT_ENTRY_TT_REGION2	0x0000000000000008UL
#define SEGMENT_ENTRY_TT_REGION3	0x0000000000000004UL
#define SEGMENT_ENTRY_TT_SEGMENT	0x0000000000000000UL

/* Page tables: 256 entries (2 KiB; one page is allocated). */
#define PAGE_TABLE_ORDER		0
#define PAGE_TABLE_ENTRIES		256

#define PAGE_ENTRY_I			0x0000000000000400UL
#define PAGE_ENTRY_P			0x0000000000000200UL
#define PAGE_ENTRY_IEP			0x0000000000000100UL

#define PTRS_PER_PGD			REGION_TABLE_ENTRIES
#define PTRS_PER_P4D			REGION_TABLE_ENTRIES
#define PTRS_PER_PUD			REGION_TABLE_ENTRIES
#define PTRS_PER_PMD			SEGMENT_TABLE_ENTRIES
#define PTRS_PER_PTE			PAGE_TABLE_ENTRIES

#define PGDIR_SHIFT			REGION1_SHIFT
#define P4D_SHIFT			REGION2_SHIFT
#define PUD_SHIFT			REGION3_SHIFT
#define PMD_SHIFT			SEGMENT_SHIFT

/* Whether an entry maps nothing. */
#define pgd_none(entry)		(pgd_val(entry) & REGION_ENTRY_I)
#define p4d_none(entry)		(p4d_val(entry) & REGION_ENTRY_I)
#define pud_none(entry)		(pud_val(entry) & REGION_ENTRY_I)
#define pmd_none(entry)		(pmd_val(entry) & SEGMENT_ENTRY_I)
#define pte_none(entry)		(pte_val(entry) & PAGE_ENTRY_I)

/* Whether it maps a 2 GiB (1 MiB) frame itself. */
#define pud_huge(entry)		(pud_val(entry) & REGION3_ENTRY_FC)
#define pmd_large(entry)	(pmd_val(entry) & SEGMENT_ENTRY_FC)

/* The table (page) an entry points at. */
#define pgd_addr(entry)		__va(pgd_val(entry) & REGION_ENTRY_ORIGIN)
#define p4d_addr(entry)		__va(p4d_val(entry) & REGION_ENTRY_ORIGIN)
#define pud_addr(entry)		__va(pud_val(entry) & REGION_ENTRY_ORIGIN)
#define pmd_addr(entry)		__va(pmd_val(entry) & SEGMENT_ENTRY_ORIGIN)
#define pte_addr(entry)		__va(pte_val(entry) & PAGE_MASK)

/* The index of @addr in a table of each level. */
#define pgd_index(addr)		(((addr) >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1))
#define p4d_index(addr)		(((addr) >> P4D_SHIFT) & (PTRS_PER_P4D - 1))
#define pud_index(addr)		(((addr) >> PUD_SHIFT) & (PTRS_PER_PUD - 1))
#define pmd_index(addr)		(((addr) >> PMD_SHIFT) & (PTRS_PER_PMD - 1))
#define pte_index(addr)		(((addr) >> PAGE_SHIFT) & (PTRS_PER_PTE - 1))

/* @addr's entry in the table the entry of the level above points at. */
#define pgd_offset(table, addr)	((pgd_t *)(table) + pgd_index(addr))
#define p4d_offset(pgd, addr)	((p4d_t *)pgd_addr(*(pgd)) + p4d_index(addr))
#define pud_offset(p4d, addr)	((pud_t *)p4d_addr(*(p4d)) + pud_index(addr))
#define pmd_offset(pud, addr)	((pmd_t *)pud_addr(*(pud)) + pmd_index(addr))
#define pte_offset(pmd, addr)	((pte_t *)pmd_addr(*(pmd)) + pte_index(addr))

/* A fresh table of each level, every entry invalid (asserts memory). */
static inline void *__dat_table_alloc(unsigned int order, int n, uint64_t empty)
{
	uint64_t *t = alloc_pages(order);
	int i;

	assert(t);
	for (i = 0; i < n; i++)
		t[i] = empty;
	return t;
}

static inline pgd_t *pgd_alloc_one(void)
{
	return __dat_table_alloc(REGION_TABLE_ORDER, REGION_TABLE_ENTRIES,
				 REGION_ENTRY_TT_REGION1 | REGION_ENTRY_I);
}

static inline p4d_t *p4d_alloc_one(void)
{
	return __dat_table_alloc(REGION_TABLE_ORDER, REGION_TABLE_ENTRIES,
				 REGION_ENTRY_TT_REGION2 | REGION_ENTRY_I);
}

static inline pud_t *pud_alloc_one(void)
{
	return __dat_table_alloc(REGION_TABLE_ORDER, REGION_TABLE_ENTRIES,
				 REGION_ENTRY_TT_REGION3 | REGION_ENTRY_I);
}

static inline pmd_t *pmd_alloc_one(void)
{
	return __dat_table_alloc(SEGMENT_TABLE_ORDER, SEGMENT_TABLE_ENTRIES,
				 SEGMENT_ENTRY_TT_SEGMENT | SEGMENT_ENTRY_I);
}

static inline pte_t *pte_alloc_one(void)
{
	return __dat_table_alloc(PAGE_TABLE_ORDER, PAGE_TABLE_ENTRIES,
				 PAGE_ENTRY_I);
}

/* @addr's entry of the next level, creating the table if there is none. */
static inline p4d_t *p4d_alloc(pgd_t *pgd, unsigned long addr)
{
	if (pgd_none(*pgd))
		pgd_val(*pgd) = __pa(p4d_alloc_one()) | REGION_ENTRY_TT_REGION1 |
				REGION_TABLE_LENGTH;
	return p4d_offset(pgd, addr);
}

static inline pud_t *pud_alloc(p4d_t *p4d, unsigned long addr)
{
	if (p4d_none(*p4d))
		p4d_val(*p4d) = __pa(pud_alloc_one()) | REGION_ENTRY_TT_REGION2 |
				REGION_TABLE_LENGTH;
	return pud_offset(p4d, addr);
}

static inline pmd_t *pmd_alloc(pud_t *pud, unsigned long addr)
{
	if (pud_none(*pud))
		pud_val(*pud) = __pa(pmd_alloc_one()) | REGION_ENTRY_TT_REGION3 |
				REGION_TABLE_LENGTH;
	return pmd_offset(pud, addr);
}

static inline pte_t *pte_alloc(pmd_t *pmd, unsigned long addr)
{
	if (pmd_none(*pmd))
		pmd_val(*pmd) = __pa(pte_alloc_one()) | SEGMENT_ENTRY_TT_SEGMENT;
	return pte_offset(pmd, addr);
}

/*
 * INVALIDATE PAGE TABLE ENTRY: mark the entry at @p_pte, which maps
 * @vaddr, invalid and drop its translations from every CPU's TLB.
 */
static inline void ipte(unsigned long vaddr, pteval_t *p_pte)
{
	asm volatile("ipte %[table],%[va]"
		     : : [table] "a" (p_pte), [va] "a" (vaddr) : "memory");
}

/*
 * INVALIDATE DAT TABLE ENTRY: the entry for @vaddr in the table at
 * @table_origin (its type in the low bits, as in an ASCE), everywhere.
 */
static inline void idte(unsigned long table_origin, unsigned long vaddr)
{
	vaddr &= SEGMENT_ENTRY_SFAA;
	asm volatile("idte %[table],0,%[va]"
		     : : [table] "a" (table_origin), [va] "a" (vaddr) : "memory");
}

static inline void idte_pmdp(unsigned long vaddr, pmdval_t *pmdp)
{
	idte((unsigned long)(pmdp - pmd_index(vaddr)) | ASCE_DT_SEGMENT, vaddr);
}

static inline void idte_pudp(unsigned long vaddr, pudval_t *pudp)
{
	idte((unsigned long)(pudp - pud_index(vaddr)) | ASCE_DT_REGION3, vaddr);
}

static inline void idte_p4dp(unsigned long vaddr, p4dval_t *p4dp)
{
	idte((unsigned long)(p4dp - p4d_index(vaddr)) | ASCE_DT_REGION2, vaddr);
}

static inline void idte_pgdp(unsigned long vaddr, pgdval_t *pgdp)
{
	idte((unsigned long)(pgdp - pgd_index(vaddr)) | ASCE_DT_REGION1, vaddr);
}

#endif /* _ASMS390X_PGTABLE_H_ */
