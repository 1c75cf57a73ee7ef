/* SPDX-License-Identifier: MIT */
/*
 * alloc_page.h - the physical page allocator: naturally aligned blocks of
 * 2^order pages, in up to PAGE_ALLOC_MAX_AREAS memory areas.
 *
 * The boot code hands every free RAM region to page_alloc_init_area()
 * before main() runs, then calls page_alloc_ops_enable() so that malloc
 * takes its pages from here too.  It is a buddy allocator: a block of
 * order n starts at a multiple of 2^n pages, and a freed block merges with
 * its free buddy, so memory never fragments for good.  Its bookkeeping is
 * one byte per page, kept in the first pages of each area; the rest of an
 * area is what can be allocated.  Memory is identity mapped (the address
 * of a page is its physical address) while this allocator is used.
 *
 * Areas (upstream kvm-unit-tests' model) let a test ask for memory in a
 * given physical range, e.g. below 16 MiB for ISA DMA: an area is known by
 * its number n (0 .. PAGE_ALLOC_MAX_AREAS - 1) and selected in masks by
 * bit n.  An arch that gives its areas names and numbers (AREA_DMA24, ...)
 * does so in <asm/memory_areas.h>, which is included below when it exists.
 * Requests for any area try the areas in increasing number.
 *
 * As upstream's, the allocator zeroes what it hands out unless asked not
 * to (FLAG_DONTZERO), and it prefers memory that was allocated before, so
 * that pages never touched since boot stay available to FLAG_FRESH.
 *
 * Every function may be called from any CPU: one lock covers the allocator.
 */
#ifndef KUT_ALLOC_PAGE_H
#define KUT_ALLOC_PAGE_H

#include <libcflat.h>

#if defined(__has_include)
#  if __has_include(<asm/memory_areas.h>)
#    include <asm/memory_areas.h>
#  endif
#endif

/* How many areas there can be; area numbers are below this. */
#define PAGE_ALLOC_MAX_AREAS	16

/* page_alloc_init_area(): pick an unused area number. */
#define AREA_ANY_NUMBER		0xff

/*
 * The flags argument of the *_flags() functions: a mask of areas in the
 * low 16 bits (bit n for area n; no bit set means any area), ORed with:
 *   FLAG_DONTZERO	skip zeroing the memory (by default it is zeroed);
 *			its content is then undefined, not even exactly
 *			what was freed there;
 *   FLAG_FRESH		only pages never allocated since boot (NULL if
 *			there are none that large).
 */
#define AREA_ANY		0x00000
#define AREA_MASK		0x0ffff
#define FLAG_DONTZERO		0x10000
#define FLAG_FRESH		0x20000

#ifndef AREA_NORMAL
#define AREA_NORMAL_NUMBER	0
#define AREA_NORMAL		(1 << AREA_NORMAL_NUMBER)
#endif

/* True once at least one area has been given to the allocator. */
extern bool page_alloc_initialized(void);

/*
 * Give the pages [base_pfn, top_pfn) to the allocator as area @n, or as
 * the lowest-numbered unused area if @n is AREA_ANY_NUMBER.  The range
 * must be free RAM, unused by anything else from now on, and must not
 * overlap another area.  Caveats: an area number already in use, or a
 * range overlapping another area, stops the test (a boot code bug); with
 * AREA_ANY_NUMBER and every area in use, the range is left unused with a
 * message; a range too small to hold its bookkeeping and one page is
 * ignored; on 32-bit arches the part of the range above 4 GiB is ignored
 * (not addressable).
 */
extern void page_alloc_init_area(u8 n, phys_addr_t base_pfn,
				 phys_addr_t top_pfn);

/*
 * Make malloc() take its memory from this allocator (alloc_ops); call it
 * once page_alloc_init_area() has given the allocator some memory.
 */
extern void page_alloc_ops_enable(void);

/*
 * The order of a block of @n units (pages, in this header): the smallest
 * o with 2^o >= @n, and 0 for 0 or 1.  Caveat: @n counts units, not bytes,
 * unlike Linux's get_order(size in bytes) - this is upstream kvm-unit-tests'
 * get_order(), e.g. alloc_pages(get_order(PAGE_ALIGN(size) >> PAGE_SHIFT)).
 */
#ifndef KUT_HAVE_GET_ORDER
#define KUT_HAVE_GET_ORDER
static inline unsigned int get_order(size_t n)
{
	unsigned int order = 0;

	while (order < sizeof(size_t) * 8 && ((size_t)1 << order) < n)
		order++;
	return order;
}
#endif

/*
 * At least @size bytes aligned to @alignment (a power of two; anything
 * below PAGE_SIZE still gets page alignment), from the areas and with the
 * flags in @flags; zeroed unless FLAG_DONTZERO.  Caveat: the size is
 * rounded up to a power-of-two number of pages, and that is what the
 * block occupies.  NULL when @size is 0 or no selected area has room; a
 * non-power-of-two @alignment stops the test.
 */
extern void *memalign_pages_flags(size_t alignment, size_t size,
				  unsigned int flags);

/* memalign_pages_flags(@alignment, @size, AREA_ANY): zeroed pages. */
extern void *memalign_pages(size_t alignment, size_t size);

/*
 * 2^@order pages aligned to their own size (PAGE_SIZE << order), from
 * the areas and with the flags in @flags; zeroed unless FLAG_DONTZERO.
 * NULL if no selected area has a free block that large.
 */
extern void *alloc_pages_flags(unsigned int order, unsigned int flags);

/* alloc_pages_flags(@order, AREA_ANY): zeroed, naturally aligned pages. */
extern void *alloc_pages(unsigned int order);

/* One zeroed page, or NULL. */
extern void *alloc_page(void);

/*
 * The 2020 forms, for tests written against them: @areas is only a mask
 * of areas (where the 2020 AREA_ANY, -1, still means every area), and
 * the memory is zeroed.
 */
extern void *alloc_pages_area(unsigned int areas, unsigned int order);
extern void *memalign_pages_area(unsigned int areas, size_t alignment,
				 size_t size);

/*
 * Give back a block from any of the functions above; @mem must be the
 * address they returned.  free_pages(NULL) does nothing.  Freeing a block
 * twice, a pointer inside a block, or memory the allocator never owned
 * stops the test with a message naming the pointer (abort()).
 */
extern void free_pages(void *mem);

/* free_pages() of one page. */
extern void free_page(void *mem);

/*
 * free_pages(), checking that the block is of @order: a mismatch stops
 * the test like a double free does.
 */
extern void free_pages_by_order(void *mem, unsigned int order);

/*
 * Take the @npages pages at physical address @addr (page aligned) out of
 * the free memory, e.g. to keep firmware data or a fixed-address buffer
 * safe.  All of them must be free: otherwise nothing is reserved and -1
 * is returned; 0 on success.  Each reserved page is a one-page block, so
 * they can be given back in any grouping with unreserve_pages() (or one
 * by one with free_page()).
 */
extern int reserve_pages(phys_addr_t addr, size_t npages);

/*
 * Give back @npages reserved pages at @addr; a subset of what one
 * reserve_pages() call took is fine.  Freeing a page that is not reserved
 * stops the test like a double free.
 */
extern void unreserve_pages(phys_addr_t addr, size_t npages);

#endif /* KUT_ALLOC_PAGE_H */
