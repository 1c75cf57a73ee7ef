// SPDX-License-Identifier: MIT
/*
 * vmalloc.c - vmalloc.h on every arch with an MMU (x86_64, i386, arm64,
 * arm, riscv64, ppc64le, ppc64): what it hands out, checked through the
 * page tables and by writing to it.  Faults (the guard page, access
 * after vfree) are the arch tests' (tests/<arch>/vm.c).  One area per first argument (unittests.cfg):
 *   vmalloc   window addresses, zeroed, each page its own physical page,
 *             freed addresses reused, a buffer larger than any free
 *             physical block, alloc_vpages and alignment
 *   alias     one page at two addresses through install_page() at
 *             alloc_vpage(), vmap() with an offset, vfree() unmapping
 *   setup-vm  setup_vm(): malloc's new blocks (large ones and slabs)
 *             come from vmalloc, blocks from before still free; then
 *             vmalloc and alias again
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <vmalloc.h>
#include <asm/page.h>
#include <asm/io.h>
#if defined(__x86_64__) || defined(__i386__)
#define X86_VM
#include <x86/vm.h>
#ifdef __x86_64__
#define WINDOW_START	0xffffff8000000000ul
#else
#define WINDOW_START	0x80000000ul	/* [2 GiB, 3 GiB) */
#endif
#elif defined(__s390x__)
#include <asm/arch_def.h>
#include <asm/pgtable.h>
#define WINDOW_START	(1UL << 63)
#else
#include <asm/mmu.h>
#ifdef __aarch64__
#define WINDOW_START	(384UL << 30)
#elif defined(__riscv)
#define WINDOW_START	0xffffffc000000000ul	/* Sv39's high half */
#elif defined(__powerpc64__)
#define WINDOW_START	(1UL << 51)	/* radix's 52-bit space, top half */
#else
#define WINDOW_START	(3UL << 30)
#endif
#endif

/* The tables vmalloc maps into. */
static pgd_t *root(void)
{
#ifdef X86_VM
	return current_page_table();
#elif defined(__s390x__)
	/* The primary address space's tables (CR1). */
	return (pgd_t *)(stctg(1) & ASCE_ORIGIN);
#else
	return mmu_idmap;
#endif
}

static bool mapped(void *va)
{
#ifdef X86_VM
	return any_present_pages(root(), va, PAGE_SIZE);
#elif defined(__riscv) || defined(__s390x__)
	/* Their get_pte() creates what is missing: ask for the translation. */
	return virt_to_pte_phys(root(), va) != 0;
#else
	return get_pte(root(), (uintptr_t)va) != NULL;
#endif
}

static bool in_window(const void *p)
{
	return (uintptr_t)p >= WINDOW_START;
}

/*
 * Fragmenting the page allocator: every free page but every other page
 * of one 2^FRAG_ORDER block is taken, so no two free pages are adjacent.
 * It touches few pages on the way (under nested KVM the first touch of
 * each guest page is slow): the rest of memory is held in blocks as
 * large as possible, listed through their first two words (next, order).
 */
#define FRAG_ORDER	8
#define MAX_TRY_ORDER	24

static void **held;
static u8 *frag_base;

static void hold_everything(void)
{
	void **p;
	int order;

	for (order = MAX_TRY_ORDER; order >= 0; order--) {
		while ((p = alloc_pages_flags(order, FLAG_DONTZERO))) {
			p[0] = held;
			p[1] = (void *)(uintptr_t)order;
			held = p;
		}
	}
}

static bool fragment_memory(void)
{
	void **p, **prev = NULL;
	unsigned long i;

	hold_everything();
	for (p = held; p && (uintptr_t)p[1] < FRAG_ORDER; prev = p, p = p[0])
		;
	if (!p)
		return false;
	if (prev)
		prev[0] = p[0];
	else
		held = p[0];
	free_pages(p);
	frag_base = alloc_pages_flags(FRAG_ORDER, FLAG_DONTZERO);
	hold_everything();
	free_pages(frag_base);
	if (reserve_pages(virt_to_phys(frag_base), 1ul << FRAG_ORDER))
		return false;
	for (i = 0; i < 1ul << FRAG_ORDER; i += 2)
		unreserve_pages(virt_to_phys(frag_base) + i * PAGE_SIZE, 1);
	return true;
}

static void unfragment_memory(void)
{
	unsigned long i;
	void **next;

	for (i = 1; i < 1ul << FRAG_ORDER; i += 2)
		unreserve_pages(virt_to_phys(frag_base) + i * PAGE_SIZE, 1);
	while (held) {
		next = held[0];
		free_pages(held);
		held = next;
	}
}

static void check_vmalloc(void)
{
	const size_t npages = 16, size = npages * PAGE_SIZE;
	const size_t nwords = size / sizeof(u64);
	u8 *buf, *again;
	u64 *words;
	phys_addr_t pa, prev;
	bool distinct = true, ok = true, fragmented;
	size_t i;

	/* Word by word: under nested KVM every instruction is dear. */
	report_prefix_push("vmalloc");
	buf = vmalloc(size);
	words = (u64 *)buf;
	report(buf && in_window(buf) && !((uintptr_t)buf & ~PAGE_MASK),
	       "page-aligned window addresses (%p)", buf);
	for (i = 0; i < nwords; i++)
		ok = ok && words[i] == 0;
	report(ok, "zeroed");
	for (i = 0; i < nwords; i++)
		words[i] = i * 0x9e3779b97f4a7c15ull;
	for (i = 0, ok = true; i < nwords; i++)
		ok = ok && words[i] == i * 0x9e3779b97f4a7c15ull;
	report(ok, "%zu pages written and read back", npages);
	prev = virt_to_pte_phys(root(), buf);
	for (i = 1; i < npages; i++) {
		pa = virt_to_pte_phys(root(), buf + i * PAGE_SIZE);
		distinct = distinct && pa != prev && !(pa & ~PAGE_MASK);
		prev = pa;
	}
	report(distinct, "each page has a physical page of its own");
	report(!mapped(buf + size), "the page after it is an unmapped guard");
	vfree(buf);
	report(!mapped(buf) && !mapped(buf + size - PAGE_SIZE),
	       "vfree() unmaps it");
	again = vmalloc(size);
	report(again == buf, "vfree'd addresses are handed out again (%p)", again);
	vfree(again);

	fragmented = fragment_memory();
	report(fragmented && !alloc_pages_flags(1, FLAG_DONTZERO),
	       "physical memory fragmented: no two free pages adjacent");
	buf = vmalloc(size);
	report(buf != NULL, "vmalloc(%zu pages) still succeeds", npages);
	if (buf) {
		memset(buf, 0x5a, size);
		words = (u64 *)buf;
		for (i = 0, ok = true; i < nwords; i++)
			ok = ok && words[i] == 0x5a5a5a5a5a5a5a5aull;
		report(ok, "and the buffer is contiguous to the CPU");
		vfree(buf);
	}
	unfragment_memory();
	buf = alloc_pages(4);
	report(buf != NULL, "large physical blocks are back after freeing");
	free_pages(buf);

	buf = alloc_vpages(3);
	report(buf && in_window(buf) && !mapped(buf) && !mapped(buf + 2 * PAGE_SIZE),
	       "alloc_vpages(3): window addresses with nothing mapped");
	again = alloc_vpages_aligned(4, 9);
	report(again && !((uintptr_t)again & ((PAGE_SIZE << 9) - 1)),
	       "alloc_vpages_aligned(4, 9) is 2 MiB aligned (%p)", again);
	vfree(again);
	vfree(buf);
	report_prefix_pop();
}

static void check_alias(void)
{
	u32 *page = alloc_page(), *alias, *mapped_page;

	report_prefix_push("alias");
	alias = alloc_vpage();
	install_page(root(), virt_to_phys(page), alias);
	page[3] = 0xfeedf00d;
	report(alias[3] == 0xfeedf00d, "a write to the page reads through the alias");
	alias[4] = 0x600dcafe;
	report(page[4] == 0x600dcafe, "a write through the alias lands in the page");
	report(virt_to_pte_phys(root(), alias) == virt_to_phys(page),
	       "virt_to_pte_phys() follows the alias");
	vfree(alias);
	report(!mapped(alias) && page[4] == 0x600dcafe,
	       "vfree() of alloc_vpage() unmaps, the page stays");

	mapped_page = vmap(virt_to_phys(page) + 12, 8);
	report(mapped_page && in_window(mapped_page) &&
	       ((uintptr_t)mapped_page & ~PAGE_MASK) == 12 &&
	       *mapped_page == 0xfeedf00d,
	       "vmap() keeps the offset and maps the page (%p)", mapped_page);
	vfree(mapped_page);
	report(!mapped(mapped_page) && page[3] == 0xfeedf00d,
	       "vfree() of vmap() unmaps, the page stays");
	free_page(page);
	report_prefix_pop();
}

static void check_setup_vm(void)
{
	void *before = malloc(10000), *small_before = malloc(40);
	void *small_after[32], *after;
	bool small_in_window = false;
	u8 *pre = vmalloc(PAGE_SIZE);
	size_t i;

	report_prefix_push("setup-vm");
	pre[5] = 0x42;
	setup_vm();
	report(pre[5] == 0x42, "what was vmalloc'd before stays mapped");
	after = malloc(10000);
	report(after && in_window(after), "malloc now takes vmalloc'd memory (%p)",
	       after);
	memset(after, 1, 10000);
	/* Small blocks come from slab pages: new slabs are vmalloc'd too. */
	for (i = 0; i < ARRAY_SIZE(small_after); i++) {
		small_after[i] = malloc(700);
		if (small_after[i] && in_window(small_after[i]))
			small_in_window = true;
	}
	report(small_in_window, "new slabs of small blocks are vmalloc'd");
	free(before);
	free(small_before);
	free(after);
	for (i = 0; i < ARRAY_SIZE(small_after); i++)
		free(small_after[i]);
	after = malloc(10000);
	report(after && in_window(after),
	       "after freeing both, malloc still gives vmalloc'd memory (%p)", after);
	free(after);
	setup_vm();
	vfree(pre);
	report_prefix_pop();
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (!strcmp(what, "vmalloc")) {
		check_vmalloc();
	} else if (!strcmp(what, "alias")) {
		check_alias();
	} else if (!strcmp(what, "setup-vm")) {
		check_setup_vm();
		check_vmalloc();
		check_alias();
	} else {
		report_abort("unknown area '%s' (see vmalloc.c)", what);
	}
	return report_summary();
}
