// SPDX-License-Identifier: MIT
/*
 * vm.c - the arm and arm64 side of vmalloc.h: where vmalloc's window is,
 * and its pages in mmu_idmap.
 *
 * arm64: the window is [1 TiB, 1.5 TiB), above what the boot map (mmu.c)
 * identity maps.  arm: the boot map covers the whole 4 GiB address space,
 * so the window is carved out of it: the level-1 entry of [3 GiB, 4 GiB),
 * RAM the boot code leaves to this window (setup.c hands out RAM below
 * 3 GiB only), is cleared when the window is set up.  Pages are mapped with
 * install_page() into mmu_idmap, the tables every CPU runs on unless a
 * test switches; the TLB maintenance is broadcast, so every CPU sees a
 * vfree() at once.
 */
#include <libcflat.h>
#include <vmalloc.h>
#include <asm/mmu.h>

#include "../arch.h"

#ifdef __aarch64__
#define VM_WINDOW_START		(1UL << 40)
#define VM_WINDOW_TOP		((1UL << 40) + (1UL << 39))
#else
#define VM_WINDOW_START		(3UL << 30)
#define VM_WINDOW_TOP		0UL		/* 4 GiB, wrapped */
#endif

void arch_vm_window(uintptr_t *start, uintptr_t *end)
{
#ifndef __aarch64__
	WRITE_ONCE(mmu_idmap[VM_WINDOW_START >> PGDIR_SHIFT].pgd, 0);
	flush_tlb_all();
#endif
	*start = VM_WINDOW_START;
	/* The last page stays out, so an address plus a size never wraps. */
	*end = VM_WINDOW_TOP - PAGE_SIZE;
}

void arch_vm_map(uintptr_t virt, uint64_t phys)
{
	install_page(mmu_idmap, phys, (void *)virt);
}

uint64_t arch_vm_unmap(uintptr_t virt)
{
	pteval_t *pte = get_pte(mmu_idmap, virt);
	uint64_t phys;

	if (!pte || !(*pte & PTE_VALID))
		return ARCH_VM_NO_PAGE;
	phys = *pte & PTE_ADDR_MASK;
	WRITE_ONCE(*pte, 0);
	flush_tlb_page(virt);
	return phys;
}

/* Boot mapped all RAM already: nothing more to map or hand out. */
void arch_setup_vm(void *opaque)
{
	(void)opaque;
}

void *setup_mmu(phys_addr_t top, void *opaque)
{
	(void)top;
	(void)opaque;
	if (!mmu_enabled())
		mmu_enable(mmu_idmap);
	return mmu_idmap;
}
