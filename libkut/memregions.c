// SPDX-License-Identifier: MIT
/*
 * memregions.c - the physical address map of memregions.h.  Boot fills
 * it before any allocator works, so the first regions go in a static
 * array; arches that need more room hand a bigger one to
 * memregions_init().
 */
#include <libcflat.h>
#include <memregions.h>

static struct mem_region initial_regions[NR_INITIAL_MEM_REGIONS + 1];
static size_t max_regions = NR_INITIAL_MEM_REGIONS;

struct mem_region *mem_regions = initial_regions;

void memregions_init(struct mem_region regions[], size_t nr)
{
	mem_regions = regions;
	max_regions = nr;
}

struct mem_region *memregions_add(struct mem_region *r)
{
	size_t n = 0;

	while (mem_regions[n].end)
		n++;
	assert_msg(n < max_regions, "more than %zu memory regions",
		   max_regions);
	mem_regions[n] = *r;
	mem_regions[n + 1] = (struct mem_region){ 0 };
	return &mem_regions[n];
}

struct mem_region *memregions_find(phys_addr_t paddr)
{
	struct mem_region *r;

	for (r = mem_regions; r->end; r++) {
		if (r->start <= paddr && paddr < r->end)
			return r;
	}
	return NULL;
}

uint32_t memregions_get_flags(phys_addr_t paddr)
{
	struct mem_region *r = memregions_find(paddr);

	return r ? r->flags : MR_F_UNKNOWN;
}

void memregions_split(phys_addr_t addr, struct mem_region **r1,
		      struct mem_region **r2)
{
	struct mem_region *r = memregions_find(addr), upper;

	assert_msg(r, "no memory region holds %#" PRIx64, (u64)addr);
	if (r->start == addr) {
		*r1 = NULL;
		*r2 = r;
		return;
	}
	upper = (struct mem_region){ addr, r->end, r->flags };
	/* memregions_add() may not move r: the array is fixed. */
	*r2 = memregions_add(&upper);
	r->end = addr;
	*r1 = r;
}
