/* SPDX-License-Identifier: MIT */
/*
 * asm/page.h - x86 page sizes and page-table entry bits.
 *
 * kut runs with memory identity mapped (virtual == physical), so the
 * conversions here are casts (vmalloc.h's addresses are the exception); a
 * test that builds or edits page tables (x86/vm.h) uses the PT_* bits and
 * the geometry below.
 *
 * x86_64 pages with 4 levels of 512 entries (2 MiB large pages); i386,
 * as upstream's, with 2 levels of 1024 entries and no PAE (4 MiB large
 * pages through CR4.PSE, no NX bit, physical addresses below 4 GiB).
 */
#ifndef _ASM_X86_PAGE_H_
#define _ASM_X86_PAGE_H_

#include <linux/const.h>

#define PAGE_SHIFT		12
#define PAGE_SIZE		(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))

#ifdef __x86_64__
#define LARGE_PAGE_SIZE		(_AC(1, UL) << 21)	/* 2 MiB */
#else
#define LARGE_PAGE_SIZE		(_AC(1, UL) << 22)	/* 4 MiB */
#endif

#define PT_PRESENT_MASK		(_AC(1, ULL) << 0)
#define PT_WRITABLE_MASK	(_AC(1, ULL) << 1)
#define PT_USER_MASK		(_AC(1, ULL) << 2)
#define PT_PWT_MASK		(_AC(1, ULL) << 3)
#define PT_PCD_MASK		(_AC(1, ULL) << 4)
#define PT_ACCESSED_MASK	(_AC(1, ULL) << 5)
#define PT_DIRTY_MASK		(_AC(1, ULL) << 6)
#define PT_PAGE_SIZE_MASK	(_AC(1, ULL) << 7)
#define PT_PAT_MASK		(_AC(1, ULL) << 7)
#define PT_GLOBAL_MASK		(_AC(1, ULL) << 8)
#define PT64_NX_MASK		(_AC(1, ULL) << 63)
#define PT_ADDR_MASK		_AC(0x000ffffffffff000, ULL)

/*
 * Reserved bits of a 64-bit PDPTE (bit 51 down to MAXPHYADDR) and of a
 * PAE PDPTE; both need x86/processor.h's cpuid_maxphyaddr() where used.
 */
#define PT_ADDR_UPPER_BOUND	51
#define PDPTE64_PAGE_SIZE_MASK	(_AC(1, ULL) << 7)
#define PDPTE64_RSVD_MASK	GENMASK_ULL(PT_ADDR_UPPER_BOUND, cpuid_maxphyaddr())
#define PAE_PDPTE_RSVD_MASK	(GENMASK_ULL(63, cpuid_maxphyaddr()) | \
				 GENMASK_ULL(8, 5) | GENMASK_ULL(2, 1))

/* The error code of a #PF: why the access faulted. */
#define PFERR_PRESENT_MASK	(_AC(1, ULL) << 0)	/* protection, not absence */
#define PFERR_WRITE_MASK	(_AC(1, ULL) << 1)
#define PFERR_USER_MASK		(_AC(1, ULL) << 2)
#define PFERR_RESERVED_MASK	(_AC(1, ULL) << 3)
#define PFERR_FETCH_MASK	(_AC(1, ULL) << 4)
#define PFERR_PK_MASK		(_AC(1, ULL) << 5)
#define PFERR_SHSTK_MASK	(_AC(1, ULL) << 6)

#ifdef __x86_64__
#define PAGE_LEVEL		4
#define PGDIR_WIDTH		9
#define PGDIR_MASK		511
#else
#define PAGE_LEVEL		2
#define PGDIR_WIDTH		10
#define PGDIR_MASK		1023
#endif

/* Accessed and dirty together, as tests set and clear them. */
#define PT_AD_MASK		(PT_ACCESSED_MASK | PT_DIRTY_MASK)
/* The level of a PDPTE (level 1 is the 4 KiB PTE, 4 the PML4E; x86_64). */
#define PDPT_LEVEL		3
/* How far an address shifts to index the table of level @lvl ... */
#define PGDIR_BITS(lvl)		(((lvl) - 1) * PGDIR_WIDTH + PAGE_SHIFT)
/* ... and that index. */
#define PGDIR_OFFSET(va, lvl)	(((va) >> PGDIR_BITS(lvl)) & PGDIR_MASK)
/* @addr rounded up to a multiple of PAGE_SIZE. */
#define PAGE_ALIGN(addr)	(((addr) + PAGE_SIZE - 1) & PAGE_MASK)

#ifndef __ASSEMBLY__

#define virt_to_pfn(p)		((unsigned long)(p) >> PAGE_SHIFT)
#define pfn_to_virt(n)		((void *)((unsigned long)(n) << PAGE_SHIFT))

typedef unsigned long pgd_t;
typedef unsigned long pteval_t;

#endif /* !__ASSEMBLY__ */

#endif /* _ASM_X86_PAGE_H_ */
