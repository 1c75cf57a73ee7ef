/* SPDX-License-Identifier: MIT */
/*
 * asm/page.h - the page size and page-table entry types on 64-bit Power.
 *
 * Pages are 64 KiB, as upstream kvm-unit-tests' default for ppc64 and
 * Linux's: the radix MMU's last level then maps 64 KiB per entry.
 * Entries are big-endian in memory whatever the guest's byte order (the
 * MMU reads them so): pte_val() and friends give them as stored.  Memory
 * kut maps is identity mapped, so __va() and __pa() are casts.
 */
#ifndef _ASMPPC64_PAGE_H_
#define _ASMPPC64_PAGE_H_

#include <linux/const.h>

#define PAGE_SHIFT		16
#define PAGE_SIZE		(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr)	(((addr) + PAGE_SIZE - 1) & PAGE_MASK)

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

#define __va(x)			((void *)(unsigned long)(x))
#define __pa(x)			((unsigned long)(x))
#define virt_to_pfn(kaddr)	(__pa(kaddr) >> PAGE_SHIFT)
#define pfn_to_virt(pfn)	__va((unsigned long)(pfn) << PAGE_SHIFT)
/* The offset of @p inside its page. */
#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)

#endif /* !__ASSEMBLY__ */

#endif /* _ASMPPC64_PAGE_H_ */
