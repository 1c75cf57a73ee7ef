/* SPDX-License-Identifier: MIT */
/*
 * alloc.h - the heap of a kut test and the hook that backs it.
 *
 * malloc() and friends (stdlib.h) carve small blocks out of pages and take
 * larger ones whole; either way the pages come from alloc_ops, an
 * indirection (upstream kvm-unit-tests' name and layout) so that the
 * memory behind the heap can change during a test: the boot code points
 * it at the page allocator (page_alloc_ops_enable()), and a virtual memory
 * allocator may later install its own.  Blocks remember which alloc_ops
 * gave them, so they can still be freed after a switch.
 */
#ifndef KUT_ALLOC_H
#define KUT_ALLOC_H

#include <stddef.h>
#include <stdlib.h>

/*
 * A provider of pages for the heap.  memalign() returns @size bytes (any
 * size, rounded up as the provider likes) aligned to @alignment, a power
 * of two; malloc only ever asks for page-aligned memory.  NULL means no
 * memory.  free() takes back exactly a pointer memalign() returned.
 */
struct alloc_ops {
	void *(*memalign)(size_t alignment, size_t size);
	void (*free)(void *ptr);
};

/*
 * The current provider; NULL until the boot code installs one, and malloc
 * before that stops the test with a message.  Caveat: blocks keep a
 * pointer to the alloc_ops that gave them, so a provider's struct must
 * outlive them (make it static).
 */
extern struct alloc_ops *alloc_ops;

/*
 * @size bytes aligned to @alignment, which must be a power of two (else
 * NULL).  Alignments up to 16 cost nothing extra; up to 1024 bytes the
 * block comes from a size class of that power of two; beyond, it takes
 * whole pages.  Release it with free().
 */
extern void *memalign(size_t alignment, size_t size);

#endif /* KUT_ALLOC_H */
