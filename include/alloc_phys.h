/* SPDX-License-Identifier: MIT */
/*
 * alloc_phys.h - upstream kvm-unit-tests' early physical allocator, as
 * its tests see it: one range of RAM, handed out from the bottom, and a
 * log of what was taken.  Upstream's boot code gives it the free RAM of
 * the image's memory region and, before main(), takes all that is left
 * (phys_alloc_get_unused()) for the page allocator.  kut's boot does the
 * same with it (libkut/setup.c), so a test finds it drained:
 * phys_alloc_get_unused() returns base == top == the end of that region
 * (as far as the arch maps memory at boot), the first address above the
 * RAM the allocators got.  Caveat: no allocator draws on a range a test
 * gives it with phys_alloc_init(); the test takes it back with
 * phys_alloc_get_unused().
 */
#ifndef _ALLOC_PHYS_H_
#define _ALLOC_PHYS_H_

#include <libcflat.h>

/* The minimum alignment until phys_alloc_set_minimum_alignment(). */
#define DEFAULT_MINIMUM_ALIGNMENT	32

/* Start over with [base, base + size) free and an empty log. */
void phys_alloc_init(phys_addr_t base, phys_addr_t size);

/* The least alignment of what it hands out: a power of two. */
void phys_alloc_set_minimum_alignment(phys_addr_t align);

/* Print the minimum alignment, each range taken, then the free one. */
void phys_alloc_show(void);

/*
 * All of the free range, taken (logged as used): *p_base and *p_top are
 * its bounds, and equal when nothing was free.
 */
void phys_alloc_get_unused(phys_addr_t *p_base, phys_addr_t *p_top);

#endif /* _ALLOC_PHYS_H_ */
