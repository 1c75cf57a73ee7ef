/* SPDX-License-Identifier: MIT */
/*
 * asm/memory_areas.h - the page allocator's areas on x86 (alloc_page.h),
 * by physical address as upstream's: AREA_LOWEST below 16 MiB (ISA DMA),
 * AREA_LOW up to 4 GiB, AREA_HIGH up to 64 GiB (36-bit PAE), AREA_NORMAL
 * above.  A request for any area tries AREA_NORMAL first, which keeps low
 * memory for the requests that need it.
 *
 * Each name is a group of four area numbers (its mask has four bits), as
 * the free RAM of one range of addresses may come in several pieces (the
 * image sits in AREA_LOWEST, RAM the boot page tables do not map is added
 * later); AREA_<name>_NUMBER is the group's first number.
 */
#ifndef _ASMX86_MEMORY_AREAS_H_
#define _ASMX86_MEMORY_AREAS_H_

#define AREA_NORMAL_PFN		(1ull << (36 - 12))
#define AREA_NORMAL_NUMBER	0
#define AREA_NORMAL		(0xf << AREA_NORMAL_NUMBER)

#define AREA_HIGH_PFN		(1ull << (32 - 12))
#define AREA_HIGH_NUMBER	4
#define AREA_HIGH		(0xf << AREA_HIGH_NUMBER)

#define AREA_LOW_PFN		(1ull << (24 - 12))
#define AREA_LOW_NUMBER		8
#define AREA_LOW		(0xf << AREA_LOW_NUMBER)

#define AREA_LOWEST_PFN		0
#define AREA_LOWEST_NUMBER	12
#define AREA_LOWEST		(0xf << AREA_LOWEST_NUMBER)

/* Area numbers per name, and all of them. */
#define AREA_GROUP_SIZE		4
#define MAX_AREAS		16

#define AREA_DMA24		AREA_LOWEST
#define AREA_DMA32		(AREA_LOWEST | AREA_LOW)
#define AREA_PAE36		(AREA_LOWEST | AREA_LOW | AREA_HIGH)

#endif /* _ASMX86_MEMORY_AREAS_H_ */
