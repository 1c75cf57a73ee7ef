// SPDX-License-Identifier: MIT
/*
 * alloc_phys.c - upstream's early physical allocator API (alloc_phys.h):
 * the free range [base, top) and the log of the ranges taken from it.
 */
#include <libcflat.h>
#include <alloc_phys.h>
#include <asm/spinlock.h>

#define LOG_ENTRIES	64

static struct spinlock lock;
static phys_addr_t base, top;
static phys_addr_t align_min = DEFAULT_MINIMUM_ALIGNMENT;
static struct {
	phys_addr_t base, size;
} taken[LOG_ENTRIES];
static int nr_taken;

void phys_alloc_init(phys_addr_t base_addr, phys_addr_t size)
{
	spin_lock(&lock);
	base = base_addr;
	top = base_addr + size;
	nr_taken = 0;
	spin_unlock(&lock);
}

void phys_alloc_set_minimum_alignment(phys_addr_t align)
{
	assert_msg(align && !(align & (align - 1)),
		   "phys_alloc_set_minimum_alignment(%#" PRIx64 "): not a power of two",
		   (u64)align);
	spin_lock(&lock);
	align_min = align;
	spin_unlock(&lock);
}

/* One line of phys_alloc_show(): an inclusive range and what it is. */
static void show_range(phys_addr_t start, phys_addr_t size, const char *what)
{
	printf("%016" PRIx64 "-%016" PRIx64 " [%s]\n", (u64)start,
	       (u64)(start + size - 1), what);
}

void phys_alloc_show(void)
{
	int i;

	spin_lock(&lock);
	printf("phys_alloc: allocations aligned to %#" PRIx64 " at least\n",
	       (u64)align_min);
	for (i = 0; i < nr_taken; i++)
		show_range(taken[i].base, taken[i].size, "USED");
	show_range(base, top - base, "FREE");
	spin_unlock(&lock);
}

void phys_alloc_get_unused(phys_addr_t *p_base, phys_addr_t *p_top)
{
	spin_lock(&lock);
	*p_base = base;
	*p_top = top;
	if (base != top && nr_taken < LOG_ENTRIES) {
		taken[nr_taken].base = base;
		taken[nr_taken].size = top - base;
		nr_taken++;
	}
	base = top;
	spin_unlock(&lock);
}
