// SPDX-License-Identifier: MIT
/*
 * alloc.c - memory as upstream tests get it: malloc and friends, the page
 * allocator of alloc_page.h, and the address helpers of asm/page.h and
 * asm/io.h.
 */
#include "libcflat.h"
#include "alloc.h"
#include "alloc_page.h"
#include "asm/page.h"
#include "asm/io.h"

int main(void)
{
	void *p, *q;
	char *s;
	int i;

	report_prefix_push("malloc");
	s = malloc(32);
	report(s != NULL, "malloc");
	s = realloc(s, 4096);
	report(s != NULL, "realloc");
	free(s);
	s = calloc(16, 4);
	for (i = 0; s && i < 64 && !s[i]; i++)
		;
	report(i == 64, "calloc zeroes");
	free(s);
	p = memalign(256, 100);
	report(p && IS_ALIGNED((unsigned long)p, 256), "memalign");
	free(p);
	report_prefix_pop();

	report_prefix_push("pages");
	report(page_alloc_initialized(), "the page allocator is ready");
	p = alloc_page();
	report(p && !((unsigned long)p & ~PAGE_MASK), "alloc_page is page aligned");
	report(virt_to_phys(p) == (unsigned long)p && phys_to_virt(virt_to_phys(p)) == p,
	       "virt_to_phys/phys_to_virt");
	free_page(p);
	q = alloc_pages(2);
	report(q && IS_ALIGNED((unsigned long)q, 4 * PAGE_SIZE), "alloc_pages(2)");
	free_pages(q);
	q = memalign_pages(SZ_64K, PAGE_SIZE);
	report(q && IS_ALIGNED((unsigned long)q, SZ_64K), "memalign_pages");
	free_pages(q);
	report(get_order(1) == 0 && get_order(3) == 2, "get_order counts pages");
	report_prefix_pop();

	return report_summary();
}
