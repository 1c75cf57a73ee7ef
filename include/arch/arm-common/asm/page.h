/* SPDX-License-Identifier: MIT */
/*
 * asm/page.h - page size and page-table types on arm and arm64.
 *
 * Both use 4 KiB pages and the same 64-bit descriptor format (AArch64's
 * translation tables, which are ARMv7's LPAE long descriptors), so one
 * header serves both: a level-1 (PUD) entry maps 1 GiB, level 2 (PMD)
 * 2 MiB, level 3 (PTE) one page.  arm64 has a 48-bit address space
 * (VA_BITS) and starts its walk at level 0 (PGD, 512 GiB an entry, four
 * levels); arm starts at level 1, whose 4 entries cover 4 GiB (three
 * levels, the PGD being the PUD).
 */
#ifndef _ASMARM_PAGE_H_
#define _ASMARM_PAGE_H_

#include <linux/const.h>

#define PAGE_SHIFT		12
#define PAGE_SIZE		(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr)	(((addr) + PAGE_SIZE - 1) & PAGE_MASK)

#define PTRS_PER_PTE		512
#define PTRS_PER_PMD		512
#define PMD_SHIFT		21
#define PMD_SIZE		(_AC(1, UL) << PMD_SHIFT)
#define PMD_MASK		(~(PMD_SIZE - 1))
#define PUD_SHIFT		30
#define PUD_SIZE		(_AC(1, ULL) << PUD_SHIFT)
#define PUD_MASK		(~(PUD_SIZE - 1))
#ifdef __aarch64__
#define VA_BITS			48
#define PGTABLE_LEVELS		4
#define PTRS_PER_PUD		512
#define PGDIR_SHIFT		39
#define PTRS_PER_PGD		512
#else
#define VA_BITS			32
#define PGTABLE_LEVELS		3
#define PTRS_PER_PUD		4
#define PGDIR_SHIFT		30
#define PTRS_PER_PGD		4
#endif
#define PGDIR_SIZE		(_AC(1, ULL) << PGDIR_SHIFT)
#define PGDIR_MASK		(~(PGDIR_SIZE - 1))

#ifndef __ASSEMBLY__
#include <stdint.h>

typedef uint64_t pteval_t;
typedef uint64_t pmdval_t;
typedef uint64_t pudval_t;
typedef uint64_t pgdval_t;
typedef struct { pteval_t pte; } pte_t;
typedef struct { pmdval_t pmd; } pmd_t;
typedef struct { pudval_t pud; } pud_t;
typedef struct { pgdval_t pgd; } pgd_t;
typedef struct { pteval_t pgprot; } pgprot_t;

#define pte_val(x)		((x).pte)
#define pmd_val(x)		((x).pmd)
#define pud_val(x)		((x).pud)
#define pgd_val(x)		((x).pgd)
#define pgprot_val(x)		((x).pgprot)
#define __pte(x)		((pte_t) { (x) })
#define __pmd(x)		((pmd_t) { (x) })
#define __pud(x)		((pud_t) { (x) })
#define __pgd(x)		((pgd_t) { (x) })
#define __pgprot(x)		((pgprot_t) { (x) })

/*
 * Memory is identity mapped (but for vmalloc's window, asm/io.h), so
 * these are casts.
 */
#define __va(x)			((void *)(unsigned long)(x))
#define __pa(x)			((unsigned long)(x))
#define virt_to_pfn(kaddr)	(__pa(kaddr) >> PAGE_SHIFT)
#define pfn_to_virt(pfn)	__va((unsigned long)(pfn) << PAGE_SHIFT)

#endif /* !__ASSEMBLY__ */

#endif /* _ASMARM_PAGE_H_ */
