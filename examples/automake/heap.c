// SPDX-License-Identifier: MIT
/*
 * heap.c - the automake example's passing test: the heap and the page
 * allocator hand out usable, distinct, aligned memory.
 */
#include <libcflat.h>
#include <alloc_page.h>

int main(void)
{
	char *a = malloc(100), *b = malloc(100);
	void *page = alloc_page();

	report(a && b && a != b, "two malloc blocks are distinct");
	memset(a, 0x5a, 100);
	report(a[99] == 0x5a, "a malloc block is writable");
	report(page && ((unsigned long)page & 4095) == 0,
	       "alloc_page returns an aligned page");
	free(a);
	free(b);
	free_page(page);
	return report_summary();
}
