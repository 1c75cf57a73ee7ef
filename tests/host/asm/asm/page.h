/* SPDX-License-Identifier: MIT */
/* Host stand-in for asm/page.h: 4 KiB pages, identity "physical" memory. */
#ifndef KUT_HOST_ASM_PAGE_H
#define KUT_HOST_ASM_PAGE_H

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1ul << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

#ifndef __ASSEMBLY__
/* Page-table types for vmalloc.h's prototypes (no tables on the host). */
typedef unsigned long pgd_t;
typedef unsigned long pteval_t;

#define virt_to_pfn(p)	((unsigned long)(p) >> PAGE_SHIFT)
#define pfn_to_virt(n)	((void *)((unsigned long)(n) << PAGE_SHIFT))
#endif

#endif
