/* SPDX-License-Identifier: MIT */
/*
 * asm/pgtable.h - the radix page tables of POWER9 and later (Power ISA
 * v3.0 Book III, radix tree translation), as kut builds them for a
 * 52-bit address space with 64 KiB pages: a 64 KiB root of 8192 entries
 * (bits 51-39), two 4 KiB levels of 512 (bits 38-30, 29-21), and a 256-byte
 * last level of 32 (bits 20-16).  Entries are big-endian in memory.
 * Names are upstream kvm-unit-tests' (and Linux's).
 */
#ifndef _ASMPPC64_PGTABLE_H_
#define _ASMPPC64_PGTABLE_H_

#include <linux/const.h>
#include <asm/page.h>

#define PGDIR_SHIFT		39
#define PUD_SHIFT		30
#define PMD_SHIFT		21

#define PTRS_PER_PGD		8192
#define PTRS_PER_PUD		512
#define PTRS_PER_PMD		512
#define PTRS_PER_PTE		32

#define PGDIR_SIZE		(_AC(1, UL) << PGDIR_SHIFT)
#define PUD_SIZE		(_AC(1, UL) << PUD_SHIFT)
#define PMD_SIZE		(_AC(1, UL) << PMD_SHIFT)

/* Entry bits, as the MMU reads them (after byte-swapping on LE). */
#define _PAGE_VALID		0x8000000000000000UL
#define _PAGE_PTE		0x4000000000000000UL	/* a leaf */
#define _PAGE_EXEC		0x00001UL
#define _PAGE_WRITE		0x00002UL
#define _PAGE_READ		0x00004UL
#define _PAGE_PRIVILEGED	0x00008UL	/* no user access */
#define _PAGE_SAO		0x00010UL	/* strong access order */
#define _PAGE_NON_IDEMPOTENT	0x00020UL	/* device: cache inhibited, guarded */
#define _PAGE_TOLERANT		0x00030UL	/* cache inhibited */
#define _PAGE_DIRTY		0x00080UL	/* C */
#define _PAGE_ACCESSED		0x00100UL	/* R */

/* The highest physical address an entry holds, and its address bits. */
#define PHYS_MASK_SHIFT		48
#define PHYS_MASK		((_AC(1, UL) << PHYS_MASK_SHIFT) - 1)
#define PTE_ADDR_MASK		(PHYS_MASK & ~(PAGE_SIZE - 1))

#endif /* _ASMPPC64_PGTABLE_H_ */
