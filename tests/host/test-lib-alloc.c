// SPDX-License-Identifier: MIT
/*
 * test-lib-alloc.c - the page allocator and malloc, on host memory.
 *
 * A guest test trusts its allocators blindly: a block handed out twice or
 * a silently ignored double free shows up later as memory corruption that
 * looks like a KVM bug.  So these tests feed libkut's allocators arenas of
 * host memory (from aligned_alloc, standing in for guest RAM: the host
 * build treats addresses as identity-mapped physical ones) and check
 * alignment, exhaustion, that freeing everything merges the buddies back
 * into one block, that every misuse stops the test with a clear message
 * (through host_run(), which catches the guest's abort()), and that
 * malloc survives a long randomized churn with its contents intact.
 *
 * Cases run in file order: the first one checks malloc before any
 * allocator exists; the page allocator cases each use their own area
 * numbers; the malloc cases share area 0, which page_alloc_ops_enable()
 * serves them from.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "arch-stubs.h"
#include "kut-host.h"

#define PAGE		4096ul
#define PFN(p)		((uintptr_t)(p) / PAGE)
#define MASK(n)		(1u << (n))

/* The area numbers of the page allocator cases. */
#define A_HEAP		0
#define A_LAYOUT	1
#define A_MERGE		2
#define A_MISUSE	3
#define A_FLAGS		4
#define A_FRESH		5
#define A_RESERVE	6
#define A_ANY		7	/* where AREA_ANY_NUMBER lands */
#define A_DOWN		8	/* set up before area_numbers runs */

static void *arena(size_t pages)
{
	void *p = aligned_alloc(pages * PAGE, pages * PAGE);

	if (!p) {
		printf("# host out of memory\n");
		exit(2);
	}
	return p;
}

static void area(unsigned int n, void *base, size_t pages)
{
	kut_page_alloc_init_area(n, PFN(base), PFN(base) + pages);
}

static int run(void (*fn)(void))
{
	host_console_reset();
	return host_run(fn);
}

/* More pages than any arena here: an allocator past it is broken. */
#define MAX_COUNTED	(1 << 16)

/*
 * How many single pages the areas in @mask can give right now: allocate
 * them all (chained through their first word), then free them all.  A
 * broken allocator may give pages without end, or one page twice (a
 * cycle in the chain): both loops stop, and the count is then wrong.
 */
static size_t count_free_pages(unsigned int mask)
{
	void **chain = NULL, **p;
	size_t n = 0, i;

	while (n < MAX_COUNTED && (p = kut_alloc_pages_area(mask, 0))) {
		*p = chain;
		chain = p;
		n++;
	}
	for (i = 0; i < n && chain; i++) {
		p = *chain;
		kut_free_page(chain);
		chain = p;
	}
	return n;
}

static void malloc_without_allocator(void)
{
	kut_malloc(10);
}

TEST(malloc_before_any_allocator_stops_the_test)
{
	CHECK(kut_alloc_ops == NULL);
	CHECK(!kut_page_alloc_initialized());
	CHECK(host_aborted_with(run(malloc_without_allocator),
			   "no memory allocator yet"));
}

/* The heap's area, 16 MiB; malloc is pointed at it later. */
TEST(heap_area)
{
	area(A_HEAP, arena(4096), 4096);
	CHECK(kut_page_alloc_initialized());
	CHECK(kut_alloc_ops == NULL);
}

TEST(layout_alignment_and_orders)
{
	void *mem = arena(512), *p;
	unsigned int order;

	area(A_LAYOUT, mem, 512);
	/* One page of bookkeeping; the upper half is one order-8 block. */
	CHECK_INT(count_free_pages(MASK(A_LAYOUT)), 511);
	p = kut_alloc_pages_area(MASK(A_LAYOUT), 8);
	CHECK(p == (char *)mem + 256 * PAGE);
	CHECK(kut_alloc_pages_area(MASK(A_LAYOUT), 8) == NULL);
	kut_free_pages(p);
	CHECK(kut_alloc_pages_area(MASK(A_LAYOUT), 9) == NULL);
	CHECK(kut_alloc_pages_area(MASK(A_LAYOUT), 200) == NULL);
	CHECK(kut_alloc_pages_area(MASK(A_LAYOUT), ~0u) == NULL);
	CHECK(kut_alloc_pages_area(MASK(9), 0) == NULL);
	/* No area bit at all means any area. */
	p = kut_alloc_pages_area(0, 0);
	CHECK(p != NULL);
	kut_free_page(p);

	for (order = 0; order <= 8; order++) {
		p = kut_alloc_pages_area(MASK(A_LAYOUT), order);
		CHECK(p != NULL);
		CHECK(PFN(p) % (1ul << order) == 0);
		CHECK(p >= mem + PAGE &&
		      (char *)p + (PAGE << order) <= (char *)mem + 512 * PAGE);
		memset(p, 0xa5, PAGE << order);
		kut_free_pages_by_order(p, order);
	}
	CHECK_INT(count_free_pages(MASK(A_LAYOUT)), 511);
}

TEST(memalign_pages)
{
	void *p;
	size_t align;

	for (align = 1; align <= 256 * PAGE; align <<= 1) {
		p = kut_memalign_pages_area(MASK(A_LAYOUT), align, 100);
		CHECK(p != NULL);
		CHECK((uintptr_t)p % (align > PAGE ? align : PAGE) == 0);
		kut_free_pages(p);
	}
	/* 3 pages take an order-2 block. */
	p = kut_memalign_pages_area(MASK(A_LAYOUT), PAGE, 3 * PAGE);
	CHECK(p != NULL);
	kut_free_pages_by_order(p, 2);
	p = kut_memalign_pages_area(MASK(A_LAYOUT), PAGE, 4 * PAGE + 1);
	kut_free_pages_by_order(p, 3);
	CHECK(kut_memalign_pages_area(MASK(A_LAYOUT), PAGE, 0) == NULL);
	CHECK(kut_memalign_pages_area(MASK(A_LAYOUT), PAGE, SIZE_MAX) == NULL);
	CHECK(kut_memalign_pages_area(MASK(A_LAYOUT), 512 * PAGE, PAGE) == NULL);
	CHECK_INT(count_free_pages(MASK(A_LAYOUT)), 511);
}

static void bad_alignment(void)
{
	kut_memalign_pages_area(MASK(A_LAYOUT), 3 * PAGE, PAGE);
}

TEST(memalign_pages_rejects_bad_alignment)
{
	CHECK(host_aborted_with(run(bad_alignment), "not a power of two"));
}

static void shuffle(void **v, size_t n, unsigned int *seed)
{
	size_t i, j;
	void *t;

	for (i = n - 1; i > 0; i--) {
		j = rand_r(seed) % (i + 1);
		t = v[i];
		v[i] = v[j];
		v[j] = t;
	}
}

TEST(exhaustion_and_buddy_merging)
{
	void *mem = arena(128), *pages[128], *p;
	unsigned int seed = 1, round, order;
	size_t n, i, j;

	area(A_MERGE, mem, 128);
	for (round = 0; round < 20; round++) {
		/* Allocate everything, in random orders on later rounds. */
		for (n = 0; n < 128; n++) {
			order = round ? rand_r(&seed) % 4 : 0;
			p = kut_alloc_pages_area(MASK(A_MERGE), order);
			if (!p && order)
				p = kut_alloc_pages_area(MASK(A_MERGE), 0);
			if (!p)
				break;
			pages[n] = p;
			*(size_t *)p = n;
		}
		if (!round)
			CHECK_INT(n, 127);
		CHECK(kut_alloc_pages_area(MASK(A_MERGE), 0) == NULL);
		for (i = 0; i < n; i++) {
			CHECK(*(size_t *)pages[i] == i);
			for (j = 0; j < i; j++)
				CHECK(pages[i] != pages[j]);
		}
		shuffle(pages, n, &seed);
		for (i = 0; i < n; i++)
			kut_free_pages(pages[i]);
		/* Everything merged back: the upper half is whole again. */
		p = kut_alloc_pages_area(MASK(A_MERGE), 6);
		CHECK(p == (char *)mem + 64 * PAGE);
		kut_free_pages(p);
		CHECK_INT(count_free_pages(MASK(A_MERGE)), 127);
	}
}

/*
 * Pages split off a block are handed out from its top down, so that a
 * test running off the bottom of its newest page (a stack) meets memory
 * not handed out yet, not the page it got just before.
 */
TEST(split_blocks_are_handed_out_downward)
{
	void *mem = arena(16), *p, *q, *r;

	/* Status bytes in page 0; blocks 1, 2-3, 4-7 and 8-15. */
	area(A_DOWN, mem, 16);
	p = kut_alloc_pages_area(MASK(A_DOWN), 3);
	CHECK(p == (char *)mem + 8 * PAGE);
	kut_free_pages(p);
	q = kut_alloc_pages_area(MASK(A_DOWN), 0);
	r = kut_alloc_pages_area(MASK(A_DOWN), 0);
	CHECK(q == (char *)mem + 15 * PAGE);
	CHECK(r == (char *)mem + 14 * PAGE);
	/* An aligned request still gets its alignment. */
	p = kut_memalign_pages_area(MASK(A_DOWN), 4 * PAGE, PAGE);
	CHECK(p && PFN(p) % 4 == 0);
}

static void *victim, *victim2;

static void free_victim(void)
{
	kut_free_pages(victim);
}

static void free_page_victim(void)
{
	kut_free_page(victim);
}

static void free_victim_as_order_1(void)
{
	kut_free_pages_by_order(victim, 1);
}

static void free_victim_inner_page(void)
{
	kut_free_pages((char *)victim + PAGE);
}

static void free_victim_unaligned(void)
{
	kut_free_pages((char *)victim + 8);
}

static void free_null(void)
{
	kut_free_pages(NULL);
	kut_free_page(NULL);
}

TEST(page_misuse_is_caught)
{
	static char foreign[2 * PAGE];
	void *mem = arena(64);

	area(A_MISUSE, mem, 64);
	victim = kut_alloc_pages_area(MASK(A_MISUSE), 0);
	kut_free_pages(victim);
	CHECK(host_aborted_with(run(free_victim), "double free"));
	CHECK(strstr(host_console, "free_pages(0x") != NULL);
	CHECK(host_aborted_with(run(free_page_victim), "double free"));

	victim = kut_alloc_pages_area(MASK(A_MISUSE), 1);
	CHECK(host_aborted_with(run(free_victim_inner_page), "not the start"));
	CHECK(host_aborted_with(run(free_victim_unaligned), "not memory from"));
	kut_free_pages_by_order(victim, 1);

	victim = kut_alloc_pages_area(MASK(A_MISUSE), 0);
	CHECK(host_aborted_with(run(free_victim_as_order_1), "wrong order"));
	kut_free_pages(victim);

	/* The metadata pages and memory outside every area. */
	victim = mem;
	CHECK(host_aborted_with(run(free_victim), "not memory from"));
	victim = (void *)(((uintptr_t)foreign + PAGE - 1) & ~(PAGE - 1));
	CHECK(host_aborted_with(run(free_victim), "not memory from"));
	CHECK_INT(run(free_null), -1);
	CHECK_INT(count_free_pages(MASK(A_MISUSE)), 63);
}

TEST(double_free_after_merge_is_caught)
{
	void *pages[64];
	size_t n = 0;

	while (n < 64 && (pages[n] = kut_alloc_pages_area(MASK(A_MISUSE), 0)))
		n++;
	CHECK_INT(n, 63);
	/*
	 * The area is full, so the page after any even page is allocated
	 * too: free the two buddies (they merge), then each again.
	 */
	for (n = 0; PFN(pages[n]) % 2; n++)
		;
	victim = pages[n];
	victim2 = (char *)victim + PAGE;
	kut_free_pages(victim);
	kut_free_pages(victim2);
	CHECK(host_aborted_with(run(free_victim), "double free"));
	victim = victim2;
	CHECK(host_aborted_with(run(free_victim), "not the start"));
	for (n = 0; n < 63; n++) {
		if (pages[n] != victim && pages[n] != (char *)victim - PAGE)
			kut_free_pages(pages[n]);
	}
	CHECK_INT(count_free_pages(MASK(A_MISUSE)), 63);
}

static bool all_bytes(const void *p, int c, size_t n)
{
	const unsigned char *b = p;

	while (n--) {
		if (*b++ != (unsigned char)c)
			return false;
	}
	return true;
}

TEST(zeroed_unless_dontzero)
{
	unsigned int m = MASK(A_FLAGS);
	void *mem = arena(64), *p, *q;

	area(A_FLAGS, mem, 64);
	p = kut_alloc_pages_flags(2, m);
	CHECK(p && all_bytes(p, 0, 4 * PAGE));
	memset(p, 0xab, 4 * PAGE);
	kut_free_pages(p);
	/*
	 * The block just freed is reused first, and not cleared (but for
	 * the free list's links, which were kept in its first bytes).
	 */
	q = kut_alloc_pages_flags(2, m | KUT_FLAG_DONTZERO);
	CHECK(q == p && all_bytes((char *)q + 64, 0xab, 4 * PAGE - 64));
	kut_free_pages(q);
	q = kut_alloc_pages_flags(2, m);
	CHECK(q == p && all_bytes(q, 0, 4 * PAGE));
	memset(q, 0xcd, 4 * PAGE);
	kut_free_pages(q);
	q = kut_memalign_pages_flags(PAGE, 3 * PAGE, m);
	CHECK(q == p && all_bytes(q, 0, 4 * PAGE));
	memset(q, 0xcd, 4 * PAGE);
	kut_free_pages(q);
	q = kut_alloc_pages_area(m, 2);
	CHECK(q == p && all_bytes(q, 0, 4 * PAGE));
	kut_free_pages(q);
	CHECK_INT(count_free_pages(m), 63);
}

TEST(fresh_pages_are_never_reused)
{
	unsigned int m = MASK(A_FRESH);
	void *mem = arena(64), *f1, *f2, *n1, *p;
	void **chain = NULL;
	size_t fresh = 0;

	area(A_FRESH, mem, 64);
	f1 = kut_alloc_pages_flags(0, m | KUT_FLAG_FRESH);
	CHECK(f1 != NULL);
	kut_free_page(f1);
	f2 = kut_alloc_pages_flags(0, m | KUT_FLAG_FRESH);
	CHECK(f2 != NULL && f2 != f1);
	/* Plain requests take memory used before. */
	n1 = kut_alloc_pages_flags(0, m);
	CHECK(n1 == f1);
	while ((p = kut_alloc_pages_flags(0, m | KUT_FLAG_FRESH))) {
		CHECK(p != f1 && p != f2);
		*(void **)p = chain;
		chain = p;
		fresh++;
	}
	CHECK_INT(fresh, 61);
	kut_free_page(n1);
	kut_free_page(f2);
	while (chain) {
		p = *chain;
		kut_free_page(chain);
		chain = p;
	}
	CHECK(kut_alloc_pages_flags(0, m | KUT_FLAG_FRESH) == NULL);
	/* Freshness does not stop buddies from merging. */
	p = kut_alloc_pages_flags(5, m);
	CHECK(p == (char *)mem + 32 * PAGE);
	kut_free_pages(p);
	CHECK_INT(count_free_pages(m), 63);
}

static uint64_t unreserve_addr;

static void unreserve_again(void)
{
	kut_unreserve_pages(unreserve_addr, 1);
}

TEST(reserve_pages)
{
	unsigned int m = MASK(A_RESERVE);
	void *mem = arena(64), *pages[64], *p;
	uint64_t addr = (uintptr_t)mem + 10 * PAGE;
	size_t n = 0, i;

	area(A_RESERVE, mem, 64);
	CHECK_INT(kut_reserve_pages(addr, 5), 0);
	while ((p = kut_alloc_pages_flags(0, m))) {
		CHECK((uintptr_t)p < addr || (uintptr_t)p >= addr + 5 * PAGE);
		pages[n++] = p;
	}
	CHECK_INT(n, 58);
	for (i = 0; i < n; i++)
		kut_free_page(pages[i]);

	/* All or nothing. */
	CHECK_INT(kut_reserve_pages(addr, 5), -1);
	CHECK_INT(kut_reserve_pages(addr + 3 * PAGE, 4), -1);
	CHECK_INT(kut_reserve_pages(addr + 5 * PAGE, 2), 0);
	kut_unreserve_pages(addr + 5 * PAGE, 2);
	CHECK_INT(kut_reserve_pages((uintptr_t)mem, 1), -1);
	CHECK_INT(kut_reserve_pages((uintptr_t)mem + 63 * PAGE, 2), -1);
	CHECK_INT(kut_reserve_pages(addr + 1, 1), -1);
	CHECK_INT(kut_reserve_pages(addr + 5 * PAGE, 0), 0);

	/* Given back in two parts: everything merges again. */
	kut_unreserve_pages(addr, 2);
	kut_unreserve_pages(addr + 2 * PAGE, 3);
	CHECK_INT(count_free_pages(m), 63);
	p = kut_alloc_pages_flags(5, m);
	CHECK(p == (char *)mem + 32 * PAGE);
	kut_free_pages(p);

	unreserve_addr = addr;
	CHECK(host_aborted_with(run(unreserve_again), "unreserve_pages(0x"));
}

static void *init_base;
static size_t init_pages;
static unsigned int init_number;

static void init_area(void)
{
	area(init_number, init_base, init_pages);
}

TEST(area_numbers)
{
	void *mem = arena(64);
	unsigned int n;

	/* Too small to hold bookkeeping and a page: ignored. */
	kut_page_alloc_init_area(A_ANY, PFN(mem), PFN(mem) + 1);
	CHECK(kut_alloc_pages_area(MASK(A_ANY), 0) == NULL);
	/* AREA_ANY_NUMBER takes the lowest free number. */
	kut_page_alloc_init_area(KUT_AREA_ANY_NUMBER, PFN(mem), PFN(mem) + 32);
	CHECK_INT(count_free_pages(MASK(A_ANY)), 31);

	init_base = (char *)mem + 32 * PAGE;
	init_pages = 32;
	init_number = A_ANY;
	CHECK(host_aborted_with(run(init_area), "already in use"));
	init_number = KUT_PAGE_ALLOC_MAX_AREAS;
	CHECK(host_aborted_with(run(init_area), "no such area"));
	init_number = A_DOWN + 1;
	init_base = (char *)mem + 16 * PAGE;
	CHECK(host_aborted_with(run(init_area), "overlaps"));

	/* Fill every remaining number, then one more is left unused. */
	for (n = A_DOWN + 1; n < KUT_PAGE_ALLOC_MAX_AREAS; n++) {
		kut_page_alloc_init_area(KUT_AREA_ANY_NUMBER,
					 PFN(mem) + 32 + (n - A_DOWN - 1) * 2,
					 PFN(mem) + 34 + (n - A_DOWN - 1) * 2);
		CHECK_INT(count_free_pages(MASK(n)), 1);
	}
	host_console_reset();
	kut_page_alloc_init_area(KUT_AREA_ANY_NUMBER, PFN(mem) + 60,
				 PFN(mem) + 64);
	CHECK(strstr(host_console, "areas in use") != NULL);
}

static size_t heap_pages_free;

TEST(malloc_basics)
{
	void *p, *q, *blocks[2000];
	size_t size;

	kut_page_alloc_ops_enable();
	CHECK(kut_alloc_ops != NULL);
	heap_pages_free = count_free_pages(MASK(A_HEAP));
	CHECK_INT(heap_pages_free, 4095);

	p = kut_malloc(0);
	q = kut_malloc(0);
	CHECK(p && q && p != q);
	kut_free(p);
	kut_free(q);
	kut_free(NULL);
	for (size = 1; size <= 2000; size++) {
		blocks[size - 1] = kut_malloc(size);
		CHECK(blocks[size - 1] != NULL);
		CHECK((uintptr_t)blocks[size - 1] % 16 == 0);
		memset(blocks[size - 1], (int)size, size);
	}
	for (size = 1; size <= 2000; size++) {
		unsigned char *b = blocks[size - 1];

		CHECK(b[0] == (unsigned char)size &&
		      b[size - 1] == (unsigned char)size);
		kut_free(b);
	}
}

TEST(small_blocks_share_pages)
{
	void *p[300];
	uintptr_t pages[300];
	size_t i, j, distinct = 0;

	for (i = 0; i < 300; i++) {
		p[i] = kut_malloc(24);
		for (j = 0; j < distinct; j++)
			if (pages[j] == PFN(p[i]))
				break;
		if (j == distinct)
			pages[distinct++] = PFN(p[i]);
	}
	/* 300 blocks of the 32-byte class: 3 pages, maybe one more. */
	CHECK(distinct <= 4);
	for (i = 0; i < 300; i++)
		kut_free(p[i]);
}

TEST(memalign_alignments)
{
	static const size_t sizes[] = { 1, 16, 100, 1000, 5000, 70000 };
	size_t align, s;
	void *p;

	for (align = 1; align <= (1 << 20); align <<= 1) {
		for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
			p = kut_memalign(align, sizes[s]);
			CHECK(p != NULL);
			CHECK((uintptr_t)p % align == 0);
			CHECK((uintptr_t)p % 16 == 0);
			memset(p, 0x11, sizes[s]);
			kut_free(p);
		}
	}
	CHECK(kut_memalign(3, 10) == NULL);
	CHECK(kut_memalign(0, 10) == NULL);
	CHECK(kut_memalign(48, 10) == NULL);
	p = kut_aligned_alloc(256, 256);
	CHECK(p && (uintptr_t)p % 256 == 0);
	kut_free(p);
	/* 64-byte alignment for a small block does not cost a page. */
	p = kut_memalign(64, 64);
	CHECK((uintptr_t)p % PAGE != 0);
	kut_free(p);
}

TEST(calloc_zeroes_and_checks_overflow)
{
	unsigned char *p;
	size_t i;

	for (i = 0; i < 50; i++) {
		p = kut_malloc(100);
		memset(p, 0xff, 100);
		kut_free(p);
	}
	p = kut_calloc(10, 10);
	CHECK(p != NULL);
	for (i = 0; i < 100; i++)
		CHECK(p[i] == 0);
	kut_free(p);
	p = kut_calloc(3, 4000);
	for (i = 0; i < 12000; i++)
		CHECK(p[i] == 0);
	kut_free(p);
	CHECK(kut_calloc(SIZE_MAX / 2, 4) == NULL);
	CHECK(kut_calloc(SIZE_MAX, SIZE_MAX) == NULL);
	CHECK(kut_calloc((SIZE_MAX >> 4) + 1, 16) == NULL);
	p = kut_calloc(0, 5);
	CHECK(p != NULL);
	kut_free(p);
	CHECK(kut_malloc(SIZE_MAX) == NULL);
	CHECK(kut_malloc(SIZE_MAX / 2) == NULL);
}

static void *freed_block;

static void free_freed_block(void)
{
	kut_free(freed_block);
}

static void realloc_freed_block(void)
{
	kut_realloc(freed_block, 10);
}

TEST(realloc_semantics)
{
	static const size_t steps[] = { 1, 10, 17, 100, 1024, 1025, 5000,
					70000, 300, 3 };
	unsigned char *p, *q;
	size_t i, k, have;

	p = kut_realloc(NULL, 10);
	CHECK(p != NULL);
	for (have = 0; have < 10; have++)
		p[have] = (unsigned char)have;
	for (k = 0; k < sizeof(steps) / sizeof(steps[0]); k++) {
		q = kut_realloc(p, steps[k]);
		CHECK(q != NULL);
		for (i = 0; i < have && i < steps[k]; i++)
			CHECK(q[i] == (unsigned char)i);
		for (i = 0; i < steps[k]; i++)
			q[i] = (unsigned char)i;
		have = steps[k];
		/* Shrinking keeps the block where it is. */
		if (k && steps[k] < steps[k - 1])
			CHECK(q == p);
		p = q;
	}
	CHECK(kut_realloc(p, 0) == NULL);
	freed_block = p;
	CHECK(host_aborted_with(run(free_freed_block), "double free"));
	CHECK(host_aborted_with(run(realloc_freed_block), "realloc("));
}

static void *misuse;

static void free_misuse(void)
{
	kut_free(misuse);
}

TEST(malloc_misuse_is_caught)
{
	static long foreign[4];
	char *small = kut_malloc(40), *big = kut_malloc(3 * PAGE);

	misuse = small + 16;
	CHECK(host_aborted_with(run(free_misuse), "not a block from malloc"));
	misuse = big + PAGE;
	CHECK(host_aborted_with(run(free_misuse), "not a block from malloc"));
	misuse = big + 8;
	CHECK(host_aborted_with(run(free_misuse), "not a block from malloc"));
	misuse = &foreign[1];
	CHECK(host_aborted_with(run(free_misuse), "not a block from malloc"));
	kut_free(small);
	kut_free(big);
	misuse = small;
	CHECK(host_aborted_with(run(free_misuse), "double free"));
	CHECK(strstr(host_console, "free(0x") != NULL);
	misuse = big;
	CHECK(host_aborted_with(run(free_misuse), "double free"));
}

/* An alloc_ops that counts what goes through it to the page allocator. */
static int counted_allocs, counted_frees;
static void *counted_big;
static bool counted_saw_big;

static void *counted_memalign(size_t alignment, size_t size)
{
	counted_allocs++;
	return kut_memalign_pages(alignment, size);
}

static void counted_free(void *p)
{
	counted_frees++;
	if (p == counted_big)
		counted_saw_big = true;
	kut_free_pages(p);
}

TEST(blocks_return_to_the_ops_they_came_from)
{
	static struct kut_alloc_ops counted = {
		counted_memalign, counted_free
	};
	struct kut_alloc_ops *saved = kut_alloc_ops;
	void *big, *small[200];
	size_t i;

	kut_alloc_ops = &counted;
	big = counted_big = kut_malloc(10000);
	for (i = 0; i < 200; i++)
		small[i] = kut_malloc(1000);
	/* The big block and ~67 slabs of three 1024-byte objects. */
	CHECK(counted_allocs >= 60);
	kut_alloc_ops = saved;
	kut_free(big);
	for (i = 0; i < 200; i++)
		kut_free(small[i]);
	CHECK(counted_saw_big);
	/* All came back to it but the slabs kept as their class's last. */
	CHECK(counted_frees >= counted_allocs - 2);
	CHECK(counted_frees <= counted_allocs);
}

/* The pattern of slot @slot's block of generation @gen, at byte @i. */
static unsigned char pattern(size_t slot, unsigned int gen, size_t i)
{
	return (unsigned char)(slot * 131 + gen * 17 + i * 7 + (i >> 8));
}

struct slot {
	unsigned char *p;
	size_t size;
	unsigned int gen;
};

static size_t random_size(unsigned int *seed)
{
	unsigned int r = rand_r(seed) % 100;

	if (r < 70)
		return 1 + rand_r(seed) % 128;
	if (r < 92)
		return 129 + rand_r(seed) % 900;
	return 1025 + rand_r(seed) % 20000;
}

static bool slot_intact(const struct slot *s, size_t idx, size_t upto)
{
	size_t i;

	for (i = 0; i < upto; i++) {
		if (s->p[i] != pattern(idx, s->gen, i))
			return false;
	}
	return true;
}

static void slot_fill(struct slot *s, size_t idx)
{
	size_t i;

	for (i = 0; i < s->size; i++)
		s->p[i] = pattern(idx, s->gen, i);
}

static void churn_step(struct slot *slots, size_t nslots, unsigned int *seed)
{
	size_t idx = rand_r(seed) % nslots, size = random_size(seed);
	struct slot *s = &slots[idx];
	unsigned char *q;
	size_t align;

	if (!s->p) {
		switch (rand_r(seed) % 3) {
		case 0:
			s->p = kut_malloc(size);
			break;
		case 1:
			s->p = kut_calloc(1, size);
			CHECK(s->p && s->p[0] == 0 && s->p[size - 1] == 0);
			break;
		default:
			align = (size_t)1 << (rand_r(seed) % 13);
			s->p = kut_memalign(align, size);
			CHECK((uintptr_t)s->p % align == 0);
		}
		CHECK(s->p != NULL);
		s->size = size;
		s->gen++;
		slot_fill(s, idx);
		return;
	}
	CHECK(slot_intact(s, idx, s->size));
	if (rand_r(seed) % 2) {
		kut_free(s->p);
		s->p = NULL;
		return;
	}
	q = kut_realloc(s->p, size);
	CHECK(q != NULL);
	s->p = q;
	CHECK(slot_intact(s, idx, size < s->size ? size : s->size));
	s->size = size;
	s->gen++;
	slot_fill(s, idx);
}

TEST(malloc_churn_keeps_contents)
{
	static struct slot slots[600];
	unsigned int seed = 12345;
	size_t i;

	for (i = 0; i < 60000; i++)
		churn_step(slots, 600, &seed);
	for (i = 0; i < 600; i++) {
		if (slots[i].p) {
			CHECK(slot_intact(&slots[i], i, slots[i].size));
			kut_free(slots[i].p);
		}
	}
	/* Only one empty slab per size class stays cached. */
	CHECK(count_free_pages(MASK(A_HEAP)) + 13 >= heap_pages_free);
}
