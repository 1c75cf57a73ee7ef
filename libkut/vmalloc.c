// SPDX-License-Identifier: MIT
/*
 * vmalloc.c - virtual memory for tests (vmalloc.h): ranges of virtual
 * pages, vmalloc/vfree, vmap, and setup_vm(), which makes malloc take its
 * pages from here.
 *
 * The work is split three ways: vaddr.c remembers which ranges of the
 * window are taken and what each is; the arch (arch.h) says where the
 * window is and edits the page tables; this file ties them to the page
 * allocator.  Each range has a kind, because vfree() treats them
 * differently:
 *   VM_RAW    alloc_vpages(): nothing of ours is mapped; whatever the
 *             test mapped is unmapped, and its pages are the test's;
 *   VM_ALLOC  vmalloc() and the heap: pages from the page allocator,
 *             given back on vfree();
 *   VM_MAP    vmap(): someone else's physical range, only unmapped.
 * VM_ALLOC and VM_MAP ranges have one more page than asked, at the top,
 * left unmapped as a guard.
 *
 * The page allocator hands out identity-mapped pages (alloc_page.h), so
 * a page's address is its physical address here.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <vmalloc.h>
#include <asm/page.h>
#include <asm/spinlock.h>

#include "arch.h"
#include "vaddr.h"

enum { VM_RAW, VM_ALLOC, VM_MAP };

static struct spinlock window_lock;
static uintptr_t window_start, window_end;
/* Two CPUs must not create the same missing page table at once. */
static struct spinlock map_lock;

static void window_init(void)
{
	spin_lock(&window_lock);
	if (!vaddr_ready()) {
		arch_vm_window(&window_start, &window_end);
		vaddr_init(window_start, window_end);
	}
	spin_unlock(&window_lock);
}

void init_alloc_vpage(void *top)
{
	uintptr_t end = (uintptr_t)top & PAGE_MASK;

	window_init();
	if (end <= window_start || end > window_end) {
		printf("init_alloc_vpage(%p): outside the window [%#lx, %#lx)\n",
		       top, (unsigned long)window_start,
		       (unsigned long)window_end);
		abort();
	}
	vaddr_init(window_start, end);
}

void *alloc_vpages_aligned(ulong nr, unsigned int alignment_order)
{
	window_init();
	return (void *)vaddr_alloc(nr, alignment_order, VM_RAW);
}

void *alloc_vpages(ulong nr)
{
	return alloc_vpages_aligned(nr, 0);
}

void *alloc_vpage(void)
{
	return alloc_vpages(1);
}

static void map_page(uintptr_t va, uint64_t pa)
{
	spin_lock(&map_lock);
	arch_vm_map(va, pa);
	spin_unlock(&map_lock);
}

/* Unmap @npages pages from @va, giving them to the page allocator if @own. */
static void unmap_pages(uintptr_t va, size_t npages, bool own)
{
	uint64_t pa;
	size_t i;

	for (i = 0; i < npages; i++, va += PAGE_SIZE) {
		spin_lock(&map_lock);
		pa = arch_vm_unmap(va);
		spin_unlock(&map_lock);
		if (own && pa != ARCH_VM_NO_PAGE)
			free_page((void *)(uintptr_t)pa);
	}
}

/* How many pages @size bytes from page offset @offset span; 0 if too many. */
static size_t span_pages(size_t offset, size_t size)
{
	if (size > (size_t)-1 - offset - PAGE_SIZE)
		return 0;
	return (offset + size + PAGE_SIZE - 1) >> PAGE_SHIFT;
}

/* @size bytes aligned to @align, from pages taken with @flags. */
static void *vm_alloc(size_t align, size_t size, unsigned int flags)
{
	size_t npages = span_pages(0, size), i;
	unsigned int order = 0;
	uintptr_t va;
	void *page;

	if (!npages)
		return NULL;
	if (align > PAGE_SIZE)
		order = get_order(align >> PAGE_SHIFT);
	window_init();
	va = vaddr_alloc(npages + 1, order, VM_ALLOC);
	if (!va)
		return NULL;
	for (i = 0; i < npages; i++) {
		page = alloc_pages_flags(0, flags);
		if (!page) {
			unmap_pages(va, i, true);
			vaddr_release(va);
			return NULL;
		}
		map_page(va + i * PAGE_SIZE, (uintptr_t)page);
	}
	return (void *)va;
}

void *vmalloc(unsigned long size)
{
	return vm_alloc(PAGE_SIZE, size, AREA_ANY);
}

void *vmap(phys_addr_t phys, size_t size)
{
	size_t offset = phys & ~PAGE_MASK, npages = span_pages(offset, size);
	uintptr_t va;
	size_t i;

	if (!size || !npages)
		return NULL;
	window_init();
	va = vaddr_alloc(npages + 1, 0, VM_MAP);
	if (!va)
		return NULL;
	phys -= offset;
	for (i = 0; i < npages; i++)
		map_page(va + i * PAGE_SIZE, phys + i * PAGE_SIZE);
	return (void *)(va + offset);
}

void vfree(void *mem)
{
	uintptr_t va = (uintptr_t)mem & PAGE_MASK;
	unsigned int kind;
	size_t npages;

	if (!mem)
		return;
	if (!vaddr_find(va, &npages, &kind) ||
	    (kind != VM_MAP && va != (uintptr_t)mem)) {
		printf("vfree(%p): not an address from vmalloc, vmap or alloc_vpages (double free?)\n",
		       mem);
		abort();
	}
	/* Unmap first: the range may be handed out again once released. */
	if (kind == VM_RAW)
		unmap_pages(va, npages, false);
	else
		unmap_pages(va, npages - 1, kind == VM_ALLOC);
	vaddr_release(va);
}

/* The heap's pages once setup_vm() ran; malloc zeroes what needs it. */
static void *heap_memalign(size_t alignment, size_t size)
{
	return vm_alloc(alignment, size, FLAG_DONTZERO);
}

static struct alloc_ops vmalloc_ops = {
	.memalign = heap_memalign,
	.free = vfree,
};

/* Every kut arch has an MMU and the arch_vm_*() hooks vmalloc needs. */
bool vm_available(void)
{
	return true;
}

void __setup_vm(void *opaque)
{
	if (alloc_ops == &vmalloc_ops)
		return;
	if (!page_alloc_initialized()) {
		printf("setup_vm: no page allocator (no free RAM?)\n");
		abort();
	}
	window_init();
	arch_setup_vm(opaque);
	alloc_ops = &vmalloc_ops;
}

void setup_vm(void)
{
	__setup_vm(NULL);
}
