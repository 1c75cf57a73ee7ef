// SPDX-License-Identifier: MIT
/*
 * vm.c - the riscv side of vmalloc.h: where vmalloc's window is, and its
 * pages in mmu_idmap.
 *
 * The boot map (mmu.c) identity maps the low half of the Sv39 space and
 * leaves the high half, [2^64 - 256 GiB, 2^64), unmapped: that is the
 * window (the same under Sv48 and Sv57, where it is canonical too), so it can never collide with RAM or a device.  Pages are mapped
 * with install_page() into mmu_idmap, the tables every CPU runs on
 * unless a test switches, and unmapped with a remote fence to every CPU.
 */
#include <libcflat.h>
#include <vmalloc.h>
#include <asm/mmu.h>

#include "../arch.h"

#define VM_WINDOW_START		(~0UL << (VA_BITS - 1))

void arch_vm_window(uintptr_t *start, uintptr_t *end)
{
	*start = VM_WINDOW_START;
	/* The last page stays out, so an address plus a size never wraps. */
	*end = 0UL - PAGE_SIZE;
}

void arch_vm_map(uintptr_t virt, uint64_t phys)
{
	install_page(mmu_idmap, phys, (void *)virt);
}

uint64_t arch_vm_unmap(uintptr_t virt)
{
	pteval_t *pte = get_pte(mmu_idmap, virt);
	uint64_t phys;

	if (!(*pte & _PAGE_PRESENT))
		return ARCH_VM_NO_PAGE;
	phys = (uint64_t)((*pte & PTE_PPN) >> PPN_SHIFT) << PAGE_SHIFT;
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
		mmu_enable(mmu_satp_mode(), mmu_idmap);
	return mmu_idmap;
}
