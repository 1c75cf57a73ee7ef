/* SPDX-License-Identifier: MIT */
/*
 * asm/page.h - page size and page-table types on arm and arm64.
 *
 * Both use 4 KiB pages and the same 64-bit descriptor format (AArch64's
 * translation tables, which are ARMv7's LPAE long descriptors), so one
 * header serves both: a level-1 entry maps 1 GiB, level 2 2 MiB, level 3
 * one page.  arm64 starts its walk at level 1 with a 39-bit address space
 * (512 GiB); arm at level 1 too, with 4 entries covering 4 GiB.
 */
#ifndef _ASMARM_PAGE_H_
#define _ASMARM_PAGE_H_

#include <linux/const.h>

#define PAGE_SHIFT		12
#define PAGE_SIZE		(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr)	(((addr) + PAGE_SIZE - 1) & PAGE_MASK)

#define PMD_SHIFT		21
#define PMD_SIZE		(_AC(1, UL) << PMD_SHIFT)
#define PGDIR_SHIFT		30
#define PGDIR_SIZE		(_AC(1, ULL) << PGDIR_SHIFT)
#define PTRS_PER_PTE		512
#define PTRS_PER_PMD		512
#ifdef __aarch64__
#define VA_BITS			39
#define PTRS_PER_PGD		512
#else
#define VA_BITS			32
#define PTRS_PER_PGD		4
#endif

#ifndef __ASSEMBLY__
#include <stdint.h>

typedef uint64_t pteval_t;
typedef uint64_t pmdval_t;
typedef uint64_t pgdval_t;
typedef struct { pteval_t pte; } pte_t;
typedef struct { pmdval_t pmd; } pmd_t;
typedef struct { pgdval_t pgd; } pgd_t;
typedef struct { pteval_t pgprot; } pgprot_t;

#define pte_val(x)		((x).pte)
#define pmd_val(x)		((x).pmd)
#define pgd_val(x)		((x).pgd)
#define pgprot_val(x)		((x).pgprot)
#define __pte(x)		((pte_t) { (x) })
#define __pmd(x)		((pmd_t) { (x) })
#define __pgd(x)		((pgd_t) { (x) })
#define __pgprot(x)		((pgprot_t) { (x) })

#define __va(x)			((void *)(unsigned long)(x))
#define __pa(x)			((unsigned long)(x))
#define virt_to_pfn(kaddr)	(__pa(kaddr) >> PAGE_SHIFT)
#define pfn_to_virt(pfn)	__va((unsigned long)(pfn) << PAGE_SHIFT)

#endif /* !__ASSEMBLY__ */

#endif /* _ASMARM_PAGE_H_ */
