/* SPDX-License-Identifier: MIT */
/*
 * vaddr.h - bookkeeping of a window of virtual addresses (internal, not
 * installed; used by vmalloc.c).
 *
 * vmalloc, vmap and alloc_vpages hand out ranges of virtual pages that
 * nothing maps yet; which ranges are taken, and what each one is, must be
 * remembered so that vfree() knows how much to unmap and whether to give
 * the pages behind it back.  That is pure arithmetic on addresses, kept
 * apart from the page tables so that it builds for the host and is unit
 * tested there (tests/host/test-lib-vmalloc.c).
 *
 * Ranges are handed out from the top of the window down, as upstream
 * kvm-unit-tests' allocator does, and a freed range can be handed out
 * again.  The records live in pages from the page allocator, so it must
 * be initialized before the first vaddr_alloc().  One lock covers it all.
 */
#ifndef KUT_LIBKUT_VADDR_H
#define KUT_LIBKUT_VADDR_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/*
 * Manage the page-aligned window [@start, @end), which must not start at
 * address 0 (0 means "none" below).  Stops the test if ranges of an
 * earlier window are still allocated.
 */
void vaddr_init(uintptr_t start, uintptr_t end);

/* Whether vaddr_init() has been called. */
bool vaddr_ready(void);

/*
 * @npages pages starting at a multiple of (PAGE_SIZE << @align_order),
 * the highest such range that is free, recorded with @kind (the caller's
 * tag, returned by vaddr_find()).  Returns its first address, or 0 when
 * @npages is 0 or no free range is large enough.
 */
uintptr_t vaddr_alloc(size_t npages, unsigned int align_order,
		      unsigned int kind);

/*
 * The range that starts at @va: its size in pages and its kind.  False
 * if no allocated range starts there.
 */
bool vaddr_find(uintptr_t va, size_t *npages, unsigned int *kind);

/*
 * Give back the range that starts at @va; false (and nothing changes) if
 * no allocated range starts there.
 */
bool vaddr_release(uintptr_t va);

/* How many pages of the window are free, and in how many pieces. */
size_t vaddr_free_pages(size_t *pieces);

#endif /* KUT_LIBKUT_VADDR_H */
