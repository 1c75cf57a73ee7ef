/* SPDX-License-Identifier: MIT */
/*
 * asm/page.h - page size and page-table types on riscv64 (Sv39).
 *
 * As upstream kvm-unit-tests has them on riscv, the table types are plain
 * unsigned longs, not wrapping structs: a pgd_t * is a pointer to the
 * root table's 512 entries.  Memory kut maps is identity mapped (see
 * asm/mmu.h), so __va() and __pa() are casts.
 */
#ifndef _ASMRISCV_PAGE_H_
#define _ASMRISCV_PAGE_H_

#include <linux/const.h>

#define PAGE_SHIFT		12
#define PAGE_SIZE		(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr)	(((addr) + PAGE_SIZE - 1) & PAGE_MASK)

#ifndef __ASSEMBLY__

typedef unsigned long pgd_t;
typedef unsigned long pte_t;
typedef unsigned long pgprot_t;
typedef unsigned long pteval_t;

/* Upstream's accessors; with plain integers they are casts. */
#define pte_val(x)		((pteval_t)(x))
#define pgprot_val(x)		((pteval_t)(x))
#define __pte(x)		((pte_t)(x))
#define __pgprot(x)		((pgprot_t)(x))

#define __va(x)			((void *)(unsigned long)(x))
#define __pa(x)			((unsigned long)(x))
#define virt_to_pfn(kaddr)	(__pa(kaddr) >> PAGE_SHIFT)
#define pfn_to_virt(pfn)	__va((unsigned long)(pfn) << PAGE_SHIFT)
/* The offset of @p inside its page. */
#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)

#endif /* !__ASSEMBLY__ */

#endif /* _ASMRISCV_PAGE_H_ */
