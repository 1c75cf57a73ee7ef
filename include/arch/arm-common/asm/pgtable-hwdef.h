/* SPDX-License-Identifier: MIT */
/*
 * asm/pgtable-hwdef.h - the bits of a translation-table descriptor
 * (AArch64 / ARMv7 LPAE long-descriptor format, 4 KiB granule) and the
 * memory attribute indexes kut programs into MAIR.
 */
#ifndef _ASMARM_PGTABLE_HWDEF_H_
#define _ASMARM_PGTABLE_HWDEF_H_

#include <linux/const.h>

#define PTE_VALID		(_AC(1, ULL) << 0)
#define PTE_TYPE_MASK		(_AC(3, ULL) << 0)
#define PTE_TYPE_BLOCK		(_AC(1, ULL) << 0)
#define PTE_TYPE_TABLE		(_AC(3, ULL) << 0)	/* levels 1, 2 */
#define PTE_TYPE_PAGE		(_AC(3, ULL) << 0)	/* level 3 */
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

#define PMD_TYPE_MASK		PTE_TYPE_MASK
#define PMD_TYPE_TABLE		PTE_TYPE_TABLE
#define PMD_SECT_VALID		PTE_TYPE_BLOCK

/* MAIR slots. */
#define MT_DEVICE_nGnRnE	0
#define MT_DEVICE_nGnRE		1
#define MT_DEVICE_GRE		2
#define MT_NORMAL_NC		3
#define MT_NORMAL		4
#define MT_NORMAL_WT		5
/* Their encodings, in slot order. */
#define MAIR_VALUE		(_AC(0x00, ULL) << (8 * MT_DEVICE_nGnRnE) | \
				 _AC(0x04, ULL) << (8 * MT_DEVICE_nGnRE) |  \
				 _AC(0x0c, ULL) << (8 * MT_DEVICE_GRE) |    \
				 _AC(0x44, ULL) << (8 * MT_NORMAL_NC) |     \
				 _AC(0xff, ULL) << (8 * MT_NORMAL) |        \
				 _AC(0xbb, ULL) << (8 * MT_NORMAL_WT))

/* Attribute sets for mmu_set_range_*() and install_page(). */
#define PTE_WBWA		(PTE_ATTRINDX(MT_NORMAL) | PTE_SHARED | PTE_AF)
#define PTE_UNCACHED		(PTE_ATTRINDX(MT_NORMAL_NC) | PTE_SHARED | PTE_AF)
#define PTE_DEVICE		(PTE_ATTRINDX(MT_DEVICE_nGnRE) | PTE_AF | \
				 PTE_PXN | PTE_UXN)

#endif /* _ASMARM_PGTABLE_HWDEF_H_ */
