/* SPDX-License-Identifier: MIT */
/*
 * asm/pgtable-hwdef.h - the bits of a translation-table descriptor
 * (AArch64 / ARMv7 LPAE long-descriptor format, 4 KiB granule), the
 * memory attribute indexes kut programs into MAIR and, on arm64, the
 * fields of TCR_EL1.
 */
#ifndef _ASMARM_PGTABLE_HWDEF_H_
#define _ASMARM_PGTABLE_HWDEF_H_

#include <linux/const.h>

#define PTE_VALID		(_AC(1, ULL) << 0)
#define PTE_TYPE_MASK		(_AC(3, ULL) << 0)
#define PTE_TYPE_FAULT		(_AC(0, ULL) << 0)
#define PTE_TYPE_BLOCK		(_AC(1, ULL) << 0)
#define PTE_TYPE_TABLE		(_AC(3, ULL) << 0)	/* levels 0-2 */
#define PTE_TYPE_PAGE		(_AC(3, ULL) << 0)	/* level 3 */
#define PTE_TABLE_BIT		(_AC(1, ULL) << 1)
#define PTE_ATTRINDX(t)		((_AC(0, ULL) + (t)) << 2)
#define PTE_ATTRINDX_MASK	(_AC(7, ULL) << 2)
#define PTE_NS			(_AC(1, ULL) << 5)
#define PTE_USER		(_AC(1, ULL) << 6)	/* AP[1]: EL0 access */
#define PTE_RDONLY		(_AC(1, ULL) << 7)	/* AP[2] */
#define PTE_SHARED		(_AC(3, ULL) << 8)	/* inner shareable */
#define PTE_AF			(_AC(1, ULL) << 10)
#define PTE_NG			(_AC(1, ULL) << 11)
#define PTE_PXN			(_AC(1, ULL) << 53)
#define PTE_UXN			(_AC(1, ULL) << 54)
#define PTE_ADDR_MASK		_AC(0x0000fffffffff000, ULL)

/* The same bits under the names of a block (section) entry. */
#define PMD_TYPE_MASK		PTE_TYPE_MASK
#define PMD_TYPE_FAULT		PTE_TYPE_FAULT
#define PMD_TYPE_TABLE		PTE_TYPE_TABLE
#define PMD_TYPE_SECT		PTE_TYPE_BLOCK
#define PMD_TABLE_BIT		PTE_TABLE_BIT
#define PMD_SECT_VALID		PTE_TYPE_BLOCK
#define PMD_SECT_USER		PTE_USER
#define PMD_SECT_RDONLY		PTE_RDONLY
#define PMD_SECT_S		PTE_SHARED
#define PMD_SECT_AF		PTE_AF
#define PMD_SECT_NG		PTE_NG
#define PMD_SECT_PXN		PTE_PXN
#define PMD_SECT_UXN		PTE_UXN
#define PMD_ATTRINDX(t)		PTE_ATTRINDX(t)
#define PMD_ATTRINDX_MASK	PTE_ATTRINDX_MASK
#define PUD_VALID		PTE_VALID
#define PGD_VALID		PTE_VALID

/* Output addresses are 48 bits wide (40 on arm; the upper bits are 0). */
#define PHYS_MASK_SHIFT		48
#define PHYS_MASK		((_AC(1, ULL) << PHYS_MASK_SHIFT) - 1)

/* MAIR slots. */
#define MT_DEVICE_nGnRnE	0
#define MT_DEVICE_nGnRE		1
#define MT_DEVICE_GRE		2
#define MT_NORMAL_NC		3
#define MT_NORMAL		4
#define MT_NORMAL_WT		5
#define MT_DEVICE_nGRE		6
#ifdef __aarch64__
/* Normal write-back memory with MTE allocation tags (FEAT_MTE2). */
#define MT_NORMAL_TAGGED	7
#define __MAIR_TAGGED		(_AC(0xf0, ULL) << (8 * MT_NORMAL_TAGGED))
#else
#define __MAIR_TAGGED		_AC(0, ULL)
#endif
/* Their encodings, in slot order. */
#define MAIR_VALUE		(_AC(0x00, ULL) << (8 * MT_DEVICE_nGnRnE) | \
				 _AC(0x04, ULL) << (8 * MT_DEVICE_nGnRE) |  \
				 _AC(0x0c, ULL) << (8 * MT_DEVICE_GRE) |    \
				 _AC(0x44, ULL) << (8 * MT_NORMAL_NC) |     \
				 _AC(0xff, ULL) << (8 * MT_NORMAL) |        \
				 _AC(0xbb, ULL) << (8 * MT_NORMAL_WT) |     \
				 _AC(0x08, ULL) << (8 * MT_DEVICE_nGRE) |   \
				 __MAIR_TAGGED)

/*
 * Attribute sets for mmu_set_range_*() and install_page() (which add the
 * access flag and inner shareability themselves, as upstream's do).
 */
#define PTE_WBWA		(PTE_ATTRINDX(MT_NORMAL) | PTE_SHARED | PTE_AF)
#define PTE_UNCACHED		(PTE_ATTRINDX(MT_DEVICE_nGnRE) | PTE_AF)
#define PTE_DEVICE		(PTE_ATTRINDX(MT_DEVICE_nGnRE) | PTE_AF | \
				 PTE_PXN | PTE_UXN)
#define PMD_SECT_UNCACHED	PMD_ATTRINDX(MT_DEVICE_nGnRE)
#ifdef __aarch64__
#define PTE_TAGGED		PTE_ATTRINDX(MT_NORMAL_TAGGED)
#endif

#ifdef __aarch64__
/*
 * TCR_EL1: the size and cacheability of the TTBR0 (and TTBR1) walks,
 * the granule, and whether the top byte of an address is ignored (TBI0:
 * needed for MTE's tagged pointers) or, with TCMA0, tag 0 unchecked.
 */
#define TCR_TxSZ(x)		(((_AC(64, UL) - (x)) << 16) | ((_AC(64, UL) - (x)) << 0))
#define TCR_IRGN_NC		((_AC(0, UL) << 8) | (_AC(0, UL) << 24))
#define TCR_IRGN_WBWA		((_AC(1, UL) << 8) | (_AC(1, UL) << 24))
#define TCR_IRGN_WT		((_AC(2, UL) << 8) | (_AC(2, UL) << 24))
#define TCR_IRGN_WBnWA		((_AC(3, UL) << 8) | (_AC(3, UL) << 24))
#define TCR_IRGN_MASK		((_AC(3, UL) << 8) | (_AC(3, UL) << 24))
#define TCR_ORGN_NC		((_AC(0, UL) << 10) | (_AC(0, UL) << 26))
#define TCR_ORGN_WBWA		((_AC(1, UL) << 10) | (_AC(1, UL) << 26))
#define TCR_ORGN_WT		((_AC(2, UL) << 10) | (_AC(2, UL) << 26))
#define TCR_ORGN_WBnWA		((_AC(3, UL) << 10) | (_AC(3, UL) << 26))
#define TCR_ORGN_MASK		((_AC(3, UL) << 10) | (_AC(3, UL) << 26))
#define TCR_SHARED		((_AC(3, UL) << 12) | (_AC(3, UL) << 28))
#define TCR_TG0_4K		(_AC(0, UL) << 14)
#define TCR_TG0_64K		(_AC(1, UL) << 14)
#define TCR_TG0_16K		(_AC(2, UL) << 14)
#define TCR_EPD1		(_AC(1, UL) << 23)
#define TCR_TG1_16K		(_AC(1, UL) << 30)
#define TCR_TG1_4K		(_AC(2, UL) << 30)
#define TCR_TG1_64K		(_AC(3, UL) << 30)
#define TCR_IPS_SHIFT		32
#define TCR_ASID16		(_AC(1, UL) << 36)
#define TCR_TBI0		(_AC(1, UL) << 37)
#define TCR_TBI1		(_AC(1, UL) << 38)
#define TCR_TCMA0		(_AC(1, UL) << 57)
#endif

#endif /* _ASMARM_PGTABLE_HWDEF_H_ */
