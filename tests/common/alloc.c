// SPDX-License-Identifier: MIT
/*
 * alloc.c - the page allocator and malloc on every arch, over the memory
 * the firmware reported: what the start-up code handed to the allocator
 * must be real, writable, distinct RAM, and malloc's promises (alignment,
 * no overlap, zeroing, contents kept by realloc) must hold; upstream's
 * early allocator (alloc_phys.h) is found drained, as boot leaves it.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <alloc_phys.h>
#include <asm/page.h>

#define NR_PAGES	64

static void check_pages(void)
{
	void *pages[NR_PAGES];
	bool aligned = true, kept = true;
	u8 *block;
	int i;

	report(page_alloc_initialized(), "page allocator initialized");
	for (i = 0; i < NR_PAGES; i++) {
		pages[i] = alloc_page();
		if (!pages[i] || ((unsigned long)pages[i] & ~PAGE_MASK))
			aligned = false;
		else
			memset(pages[i], i, PAGE_SIZE);
	}
	report(aligned, "%d page-aligned pages", NR_PAGES);
	for (i = 0; i < NR_PAGES && aligned; i++)
		if (((u8 *)pages[i])[0] != i || ((u8 *)pages[i])[PAGE_SIZE - 1] != i)
			kept = false;
	report(aligned && kept, "each page holds its own contents");
	for (i = 0; i < NR_PAGES; i++)
		free_page(pages[i]);

	block = alloc_pages(4);
	report(block && !((unsigned long)block & (16 * PAGE_SIZE - 1)),
	       "alloc_pages(4) is 16 pages, naturally aligned");
	if (block) {
		memset(block, 0x5a, 16 * PAGE_SIZE);
		report(block[16 * PAGE_SIZE - 1] == 0x5a, "all 16 pages writable");
		free_pages(block);
	}
}

static void check_malloc(void)
{
	static const size_t aligns[] = { 16, 64, 256, 4096 };
	char *p, *q;
	bool ok;
	size_t i;

	p = malloc(100);
	q = malloc(100);
	report(p && q && p != q, "malloc gives distinct blocks");
	if (p && q) {
		memset(p, 0xaa, 100);
		memset(q, 0x55, 100);
		report((u8)p[99] == 0xaa && (u8)q[0] == 0x55, "blocks do not overlap");
	}
	free(p);
	free(q);

	for (i = 0, ok = true; i < ARRAY_SIZE(aligns); i++) {
		p = memalign(aligns[i], 3 * aligns[i] + 1);
		if (!p || ((unsigned long)p & (aligns[i] - 1)))
			ok = false;
		free(p);
	}
	report(ok, "memalign(16 .. 4096) aligns");

	p = calloc(1000, 4);
	for (i = 0, ok = p != NULL; p && i < 4000; i++)
		if (p[i])
			ok = false;
	report(ok, "calloc zeroes");

	if (p) {
		memset(p, 0x3c, 4000);
		p = realloc(p, 40000);
		for (i = 0, ok = p != NULL; p && i < 4000; i++)
			if ((u8)p[i] != 0x3c)
				ok = false;
		report(ok, "realloc keeps the contents");
	}
	free(p);

	p = malloc(1 << 20);
	report(p != NULL, "a 1 MiB block");
	if (p) {
		memset(p, 1, 1 << 20);
		free(p);
	}
}

static int in_image;

static void check_phys(void)
{
	phys_addr_t base, top, image = (uintptr_t)&in_image;

	phys_alloc_get_unused(&base, &top);
	report(base == top && top > image,
	       "drained at boot: base == top == %#" PRIx64 ", above the image (%#" PRIx64 ")",
	       (u64)top, (u64)image);
	phys_alloc_init(0x10000, 0x30000);
	phys_alloc_get_unused(&base, &top);
	report(base == 0x10000 && top == 0x40000,
	       "a range given to it comes back whole: [%#" PRIx64 ", %#" PRIx64 ")",
	       (u64)base, (u64)top);
	phys_alloc_show();
	phys_alloc_get_unused(&base, &top);
	report(base == 0x40000 && top == 0x40000, "then it is empty");
}

int main(void)
{
	report_prefix_push("pages");
	check_pages();
	report_prefix_pop();
	report_prefix_push("malloc");
	check_malloc();
	report_prefix_pop();
	report_prefix_push("alloc_phys");
	check_phys();
	report_prefix_pop();
	return report_summary();
}
