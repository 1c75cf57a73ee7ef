// SPDX-License-Identifier: MIT
/*
 * test-lib-vmalloc.c - the virtual memory allocator (vmalloc.c) and the
 * window bookkeeping under it (vaddr.c), on the host.
 *
 * A guest sees a vmalloc bug as a stray fault or, worse, two buffers
 * sharing a page, long after the allocation that caused it.  Here the
 * arch layer is tests/host/arch-stubs.c: its window is a range of
 * addresses nothing dereferences, and its "page table" is a lookup table
 * the cases inspect.  So the cases check, exactly: where ranges land (top
 * down, aligned), what gets mapped and to which page, the guard page,
 * that vfree() unmaps and gives back every page and merges the window
 * again, that failure midway leaves nothing behind, that misuse stops the
 * test with a message, that setup_vm() switches malloc's provider, and a
 * long randomized churn of the bookkeeping against a shadow bitmap.
 *
 * Cases run in file order and share state: the vmalloc cases use the
 * stubs' window; the vaddr cases then set their own windows and put the
 * stubs' window back; setup_vm() comes last, because after it malloc's
 * slabs hold window ranges for good.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "arch-stubs.h"
#include "kut-host.h"

#define PAGE		HOST_PAGE
#define ARENA_PAGES	512
#define WINDOW_PAGES	((HOST_VM_END - HOST_VM_START) / PAGE)

static char *arena;

static int run(void (*fn)(void))
{
	host_console_reset();
	return host_run(fn);
}

/* How many single pages the page allocator can give right now. */
static size_t free_pages_now(void)
{
	void **chain = NULL, **p;
	size_t n = 0;

	while ((p = kut_alloc_pages_flags(0, KUT_FLAG_DONTZERO))) {
		*p = chain;
		chain = p;
		n++;
	}
	while (chain) {
		p = *chain;
		kut_free_page(chain);
		chain = p;
	}
	return n;
}

static bool in_arena(uint64_t pa)
{
	return pa >= (uintptr_t)arena && pa < (uintptr_t)arena + ARENA_PAGES * PAGE &&
	       pa % PAGE == 0;
}

static bool window_whole(void)
{
	size_t pieces;

	return kut_vaddr_free_pages(&pieces) == WINDOW_PAGES && pieces == 1;
}

TEST(page_allocator_for_the_pages_and_records)
{
	arena = aligned_alloc(ARENA_PAGES * PAGE, ARENA_PAGES * PAGE);
	CHECK(arena != NULL);
	kut_page_alloc_init_area(0, (uintptr_t)arena / PAGE,
				 (uintptr_t)arena / PAGE + ARENA_PAGES);
	kut_page_alloc_ops_enable();
	CHECK(!kut_vaddr_ready());
}

TEST(alloc_vpages_top_down_nothing_mapped)
{
	char *a, *b, *c;

	a = kut_alloc_vpage();
	CHECK(kut_vaddr_ready());
	CHECK(a == (char *)HOST_VM_END - PAGE);
	b = kut_alloc_vpages(2);
	CHECK(b == a - 2 * PAGE);
	c = kut_alloc_vpages_aligned(3, 4);
	CHECK(c && (uintptr_t)c % (16 * PAGE) == 0 && c + 3 * PAGE <= b);
	CHECK_INT(host_vm_mapped, 0);
	CHECK(kut_alloc_vpages(0) == NULL);
	CHECK(kut_alloc_vpages(WINDOW_PAGES) == NULL);
	CHECK(kut_alloc_vpages_aligned(1, 60) == NULL);
	kut_vfree(b);
	kut_vfree(a);
	kut_vfree(c);
	CHECK(window_whole());
	/* Freed ranges are handed out again. */
	CHECK(kut_alloc_vpage() == (char *)HOST_VM_END - PAGE);
	kut_vfree((char *)HOST_VM_END - PAGE);
}

TEST(vmalloc_maps_separate_zeroed_pages_and_a_guard)
{
	size_t before = free_pages_now(), i, j;
	uint64_t pa[4];
	char *p;
	bool zero = true;

	p = kut_vmalloc(3 * PAGE + 1);
	CHECK(p && (uintptr_t)p % PAGE == 0);
	CHECK(p == (char *)HOST_VM_END - 5 * PAGE);
	CHECK_INT(host_vm_mapped, 4);
	for (i = 0; i < 4; i++) {
		pa[i] = host_vm_lookup((uintptr_t)p + i * PAGE);
		CHECK(in_arena(pa[i]));
		for (j = 0; j < i; j++)
			CHECK(pa[j] != pa[i]);
		for (j = 0; j < PAGE; j++)
			zero = zero && ((char *)(uintptr_t)pa[i])[j] == 0;
	}
	CHECK(zero);
	CHECK(host_vm_lookup((uintptr_t)p + 4 * PAGE) == HOST_VM_NONE);
	CHECK_INT(free_pages_now(), before - 4);
	kut_vfree(p);
	CHECK_INT(host_vm_mapped, 0);
	for (i = 0; i < 4; i++)
		CHECK(host_vm_lookup((uintptr_t)p + i * PAGE) == HOST_VM_NONE);
	CHECK_INT(free_pages_now(), before);
	CHECK(window_whole());
	kut_vfree(NULL);
	CHECK(kut_vmalloc(0) == NULL);
}

TEST(vfree_in_any_order_merges_the_window)
{
	char *a = kut_vmalloc(PAGE), *b = kut_vmalloc(PAGE), *c = kut_vmalloc(PAGE);
	size_t pieces;

	CHECK(a && b && c && b == a - 2 * PAGE && c == b - 2 * PAGE);
	kut_vfree(b);
	kut_vaddr_free_pages(&pieces);
	CHECK_INT(pieces, 2);	/* below c, and b's hole (a is at the top) */
	CHECK(kut_vmalloc(PAGE) == b);	/* the highest hole that fits */
	kut_vfree(b);
	kut_vfree(a);
	kut_vaddr_free_pages(&pieces);
	CHECK_INT(pieces, 2);
	kut_vfree(c);
	CHECK(window_whole());
	CHECK_INT(host_vm_mapped, 0);
}

TEST(vmap_keeps_the_offset_and_frees_nothing)
{
	size_t before = free_pages_now();
	char *v = kut_vmap(0x12345678, 0x2000);

	CHECK(v && (uintptr_t)v % PAGE == 0x678);
	CHECK_INT(host_vm_mapped, 3);
	CHECK(host_vm_lookup((uintptr_t)v - 0x678) == 0x12345000);
	CHECK(host_vm_lookup((uintptr_t)v - 0x678 + PAGE) == 0x12346000);
	CHECK(host_vm_lookup((uintptr_t)v - 0x678 + 2 * PAGE) == 0x12347000);
	CHECK(host_vm_lookup((uintptr_t)v - 0x678 + 3 * PAGE) == HOST_VM_NONE);
	kut_vfree(v);
	CHECK_INT(host_vm_mapped, 0);
	CHECK_INT(free_pages_now(), before);
	CHECK(window_whole());
	CHECK(kut_vmap(0x1000, 0) == NULL);
}

TEST(vfree_of_alloc_vpages_unmaps_what_the_test_mapped)
{
	size_t before = free_pages_now();
	char *v = kut_alloc_vpages(2);
	void *page = kut_alloc_page();

	/* What install_page() would do on a guest. */
	extern void kut_arch_vm_map(uintptr_t virt, uint64_t phys);

	kut_arch_vm_map((uintptr_t)v + PAGE, (uintptr_t)page);
	kut_vfree(v);
	CHECK_INT(host_vm_mapped, 0);
	CHECK_INT(free_pages_now(), before - 1);	/* the page is the test's */
	kut_free_page(page);
	CHECK(window_whole());
}

TEST(vmalloc_out_of_memory_leaves_nothing_behind)
{
	size_t before = free_pages_now();

	CHECK(kut_vmalloc(ARENA_PAGES * PAGE) == NULL);
	CHECK_INT(host_vm_mapped, 0);
	CHECK_INT(free_pages_now(), before);
	CHECK(window_whole());
	CHECK(kut_vmalloc(WINDOW_PAGES * PAGE) == NULL);
	CHECK(kut_vmalloc((unsigned long)-1) == NULL);
	CHECK(window_whole());
}

static char *victim;

static void double_vfree(void)
{
	kut_vfree(victim);
}

static void vfree_inside(void)
{
	kut_vfree(victim + 8);
}

TEST(vfree_misuse_stops_the_test)
{
	victim = kut_vmalloc(100);
	CHECK(host_aborted_with(run(vfree_inside), "not an address from vmalloc"));
	kut_vfree(victim);
	CHECK(host_aborted_with(run(double_vfree), "not an address from vmalloc"));
	CHECK(window_whole());
}

static void top_outside(void)
{
	kut_init_alloc_vpage((void *)(HOST_VM_END + PAGE));
}

static void top_while_allocated(void)
{
	kut_init_alloc_vpage((void *)(HOST_VM_START + 16 * PAGE));
}

TEST(init_alloc_vpage_moves_the_top)
{
	char *top = (char *)HOST_VM_START + 16 * PAGE;

	kut_init_alloc_vpage(top);
	CHECK(kut_alloc_vpage() == top - PAGE);
	CHECK(kut_alloc_vpages(16) == NULL);
	CHECK(host_aborted_with(run(top_while_allocated), "still allocated"));
	kut_vfree(top - PAGE);
	CHECK(host_aborted_with(run(top_outside), "outside the window"));
	kut_init_alloc_vpage((void *)HOST_VM_END);
	CHECK(window_whole());
}

#define W	0x10000000ul	/* the vaddr cases' own window */

TEST(vaddr_split_merge_and_kinds)
{
	uintptr_t a, b, c;
	size_t n, pieces;
	unsigned int kind;

	kut_vaddr_init(W, W + 100 * PAGE);
	a = kut_vaddr_alloc(10, 0, 7);
	CHECK(a == W + 90 * PAGE);
	/* 5 pages at a multiple of 8 pages, as high as possible: 80. */
	b = kut_vaddr_alloc(5, 3, 8);
	CHECK(b == W + 80 * PAGE);
	CHECK_INT(kut_vaddr_free_pages(&pieces), 85);
	CHECK_INT(pieces, 2);	/* [0, 80) and [85, 90) */
	c = kut_vaddr_alloc(5, 0, 9);
	CHECK(c == W + 85 * PAGE);	/* the hole above b, highest first */
	CHECK(kut_vaddr_find(b, &n, &kind) && n == 5 && kind == 8);
	CHECK(!kut_vaddr_find(b + PAGE, &n, &kind));
	CHECK(!kut_vaddr_release(b + PAGE));
	CHECK(kut_vaddr_release(c));
	CHECK(kut_vaddr_release(a));
	CHECK_INT(kut_vaddr_free_pages(&pieces), 95);
	CHECK_INT(pieces, 2);
	CHECK(kut_vaddr_release(b));
	CHECK_INT(kut_vaddr_free_pages(&pieces), 100);
	CHECK_INT(pieces, 1);
	CHECK(!kut_vaddr_release(b));
	CHECK(kut_vaddr_alloc(101, 0, 0) == 0);
	CHECK(kut_vaddr_alloc(0, 0, 0) == 0);
	a = kut_vaddr_alloc(100, 0, 0);
	CHECK(a == W);
	CHECK(kut_vaddr_alloc(1, 0, 0) == 0);
	CHECK(kut_vaddr_release(a));
}

/*
 * Random allocations and releases, checked against a shadow map of the
 * window: no range overlaps another, each is aligned, and in the end the
 * window is whole again.
 */
#define CHURN_PAGES	2048
#define CHURN_LIVE	300

TEST(vaddr_random_churn_against_a_shadow_map)
{
	static unsigned short owner[CHURN_PAGES];	/* 0: free */
	static struct { uintptr_t va; size_t n; } live[CHURN_LIVE];
	unsigned int seed = 12345, i, order;
	size_t k, nlive = 0, used = 0, pieces, n;
	bool ok = true;
	uintptr_t va;

	kut_vaddr_init(W, W + CHURN_PAGES * PAGE);
	for (i = 0; i < 20000 && ok; i++) {
		if (nlive < CHURN_LIVE && (nlive == 0 || rand_r(&seed) % 3)) {
			n = 1 + rand_r(&seed) % (rand_r(&seed) % 4 ? 8 : 64);
			order = rand_r(&seed) % 4 ? 0 : rand_r(&seed) % 5;
			va = kut_vaddr_alloc(n, order, (unsigned int)nlive);
			if (!va)
				continue;
			ok = va >= W && (va - W) / PAGE + n <= CHURN_PAGES &&
			     (va / PAGE) % (1u << order) == 0;
			for (k = 0; ok && k < n; k++) {
				ok = !owner[(va - W) / PAGE + k];
				owner[(va - W) / PAGE + k] = 1;
			}
			live[nlive].va = va;
			live[nlive].n = n;
			nlive++;
			used += n;
		} else {
			k = rand_r(&seed) % nlive;
			va = live[k].va;
			ok = kut_vaddr_find(va, &n, &order) && n == live[k].n;
			ok = ok && kut_vaddr_release(va);
			for (n = 0; n < live[k].n; n++)
				owner[(va - W) / PAGE + n] = 0;
			used -= live[k].n;
			live[k] = live[--nlive];
		}
		ok = ok && kut_vaddr_free_pages(NULL) == CHURN_PAGES - used;
	}
	CHECK(ok);
	if (!ok)
		printf("#   went wrong at step %u\n", i);
	while (nlive)
		CHECK(kut_vaddr_release(live[--nlive].va));
	CHECK_INT(kut_vaddr_free_pages(&pieces), CHURN_PAGES);
	CHECK_INT(pieces, 1);
	/* Back to the stubs' window for the cases below. */
	kut_vaddr_init(HOST_VM_START, HOST_VM_END);
	CHECK(window_whole());
}

TEST(setup_vm_makes_malloc_take_vmalloc_memory)
{
	struct kut_alloc_ops *page_ops = kut_alloc_ops;
	char *old = kut_malloc(3 * PAGE), *big, *small;
	int opt = 5;

	CHECK(page_ops != NULL && old && in_arena((uintptr_t)old));
	kut_setup_vm();
	CHECK_INT(host_vm_setup_calls, 1);
	CHECK(host_vm_setup_opaque == NULL);
	CHECK(kut_alloc_ops != page_ops);
	big = kut_malloc(3 * PAGE);
	CHECK((uintptr_t)big >= HOST_VM_START && (uintptr_t)big < HOST_VM_END);
	CHECK_INT(host_vm_mapped, 3);
	small = kut_malloc(700);	/* a new slab, from the window */
	CHECK((uintptr_t)small >= HOST_VM_START && (uintptr_t)small < HOST_VM_END);
	kut_free(old);		/* given back to the page allocator */
	kut_free(big);
	kut_free(small);
	CHECK_INT(host_vm_mapped, 1);	/* the slab page stays */
	kut___setup_vm(&opt);
	kut_setup_vm();
	CHECK_INT(host_vm_setup_calls, 1);
}
