/* SPDX-License-Identifier: MIT */
/*
 * asm/page.h - page sizes and DAT table entry types on s390x.
 *
 * DAT tables have up to five levels, named as upstream kvm-unit-tests
 * and Linux name them: region-first (pgd), region-second (p4d),
 * region-third (pud), segment (pmd) and page tables (pte).  Each entry
 * type wraps its value in a struct, as upstream's do, so that levels
 * cannot be mixed up; *_val() reads one, __*() makes one.  Pages are
 * 4 KiB and RAM is identity mapped: asm-generic/page.h has the rest.
 */
#ifndef _ASMS390X_PAGE_H_
#define _ASMS390X_PAGE_H_

#include <asm-generic/page.h>

/* A segment-table entry with the format-control bit maps 1 MiB. */
#define HPAGE_SHIFT		20
#define HPAGE_SIZE		(_AC(1, UL) << HPAGE_SHIFT)
#define HPAGE_MASK		(~(HPAGE_SIZE - 1))

#ifndef __ASSEMBLY__

#include <stdint.h>

typedef uint64_t pgdval_t;	/* region-first table entry */
typedef uint64_t p4dval_t;	/* region-second table entry */
typedef uint64_t pudval_t;	/* region-third table entry */
typedef uint64_t pmdval_t;	/* segment table entry */
typedef uint64_t pteval_t;	/* page table entry */

typedef struct { pgdval_t pgd; } pgd_t;
typedef struct { p4dval_t p4d; } p4d_t;
typedef struct { pudval_t pud; } pud_t;
typedef struct { pmdval_t pmd; } pmd_t;
typedef struct { pteval_t pte; } pte_t;

#define pgd_val(x)	((x).pgd)
#define p4d_val(x)	((x).p4d)
#define pud_val(x)	((x).pud)
#define pmd_val(x)	((x).pmd)
#define pte_val(x)	((x).pte)

#define __pgd(x)	((pgd_t) { (x) })
#define __p4d(x)	((p4d_t) { (x) })
#define __pud(x)	((pud_t) { (x) })
#define __pmd(x)	((pmd_t) { (x) })
#define __pte(x)	((pte_t) { (x) })

#endif /* !__ASSEMBLY__ */

#endif /* _ASMS390X_PAGE_H_ */
