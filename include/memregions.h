/* SPDX-License-Identifier: MIT */
/*
 * memregions.h - the machine's physical address map as boot found it:
 * RAM regions (from the device tree), the test image's code, and the
 * machine's device windows.
 *
 * mem_regions is an array ended by a region whose end is 0:
 *	for (r = mem_regions; r->end; ++r) ...
 * A region is [start, end); its flags say what it is (none: plain RAM).
 * Addresses in no region are MR_F_UNKNOWN: neither RAM nor a known
 * device, e.g. the place to provoke an external abort.
 */
#ifndef _MEMREGIONS_H_
#define _MEMREGIONS_H_

#include <libcflat.h>
#include <linux/const.h>

/* Room for the regions boot adds before memregions_init() moves them. */
#define NR_INITIAL_MEM_REGIONS	8

#define MR_F_IO			BIT(0)	/* device (MMIO) space */
#define MR_F_CODE		BIT(1)	/* the test image's text */
#define MR_F_RESERVED		BIT(2)	/* firmware's, not to be used */
#define MR_F_PERSISTENT		BIT(3)	/* persistent memory */
#define MR_F_UNUSED		BIT(4)	/* RAM no allocator hands out */
#define MR_F_UNKNOWN		BIT(31)	/* what memregions_get_flags() says
					   of an address in no region */

struct mem_region {
	phys_addr_t start;
	phys_addr_t end;
	uint32_t flags;
};

extern struct mem_region *mem_regions;

/*
 * Use @regions, room for @nr regions plus the terminating one (all
 * zero), instead of the initial NR_INITIAL_MEM_REGIONS.
 */
void memregions_init(struct mem_region regions[], size_t nr);
/* Append a copy of *@r; returns where it is.  Asserts there is room. */
struct mem_region *memregions_add(struct mem_region *r);
/* The region holding @paddr, or NULL. */
struct mem_region *memregions_find(phys_addr_t paddr);
/* Its flags, or MR_F_UNKNOWN when no region holds @paddr. */
uint32_t memregions_get_flags(phys_addr_t paddr);
/*
 * Cut the region holding @addr in two at @addr: *@r1 is [start, addr)
 * and *@r2 [addr, end), same flags.  When @addr is the region's start
 * there is nothing before it: *@r1 is NULL and *@r2 the region.
 */
void memregions_split(phys_addr_t addr, struct mem_region **r1,
		      struct mem_region **r2);
/* Add the device tree's memory nodes (at most @max_nr reg entries). */
void memregions_add_dt_regions(size_t max_nr);

#endif /* _MEMREGIONS_H_ */
