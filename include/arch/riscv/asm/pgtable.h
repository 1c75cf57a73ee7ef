/* SPDX-License-Identifier: MIT */
/*
 * asm/pgtable.h - the Sv39 page-table format: satp's fields, the table
 * geometry and the bits of an entry (upstream kvm-unit-tests' names).
 *
 * Three levels of 512 eight-byte entries; level 2 (the root) entries map
 * 1 GiB, level 1 2 MiB, level 0 4 KiB.  An entry with any of R, W or X
 * set is a leaf, one with only V points at the next table.  Virtual
 * addresses are 39 bits, sign-extended: the low half is
 * [0, 256 GiB), the high half [2^64 - 256 GiB, 2^64).  The constants
 * here are Sv39's; Sv48 and Sv57 (SATP_MODE_48, SATP_MODE_57) put one
 * and two levels of the same tables on top, for 48- and 57-bit virtual
 * addresses: see mmu_set_satp_mode() in asm/mmu.h.
 */
#ifndef _ASMRISCV_PGTABLE_H_
#define _ASMRISCV_PGTABLE_H_

#include <linux/const.h>

#define SATP_PPN		_AC(0x00000FFFFFFFFFFF, UL)
#define SATP_MODE_39		_AC(0x8000000000000000, UL)
#define SATP_MODE_48		_AC(0x9000000000000000, UL)
#define SATP_MODE_57		_AC(0xA000000000000000, UL)
#define SATP_MODE_SHIFT		60
#define SATP_MODE_DEFAULT	SATP_MODE_39

#define NR_LEVELS		3
#define PGDIR_BITS		9
#define PGDIR_MASK		_AC(0x1FF, UL)
#define PTRS_PER_PTE		512
#define VA_BITS			39

/* The physical page number in an entry: bits 10..53. */
#define PTE_PPN			_AC(0x003FFFFFFFFFFC00, UL)
#define PPN_SHIFT		10

#define _PAGE_PRESENT		(1 << 0)	/* V */
#define _PAGE_READ		(1 << 1)
#define _PAGE_WRITE		(1 << 2)
#define _PAGE_EXEC		(1 << 3)
#define _PAGE_USER		(1 << 4)
#define _PAGE_GLOBAL		(1 << 5)
#define _PAGE_ACCESSED		(1 << 6)
#define _PAGE_DIRTY		(1 << 7)
#define _PAGE_SOFT		(3 << 8)	/* free for software */
/* R, W or X: the entry is a leaf. */
#define _PAGE_LEAF		(_PAGE_READ | _PAGE_WRITE | _PAGE_EXEC)

#endif /* _ASMRISCV_PGTABLE_H_ */
