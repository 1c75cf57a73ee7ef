/* SPDX-License-Identifier: MIT */
/*
 * vmalloc.h - virtual memory for tests: ranges of virtual addresses that
 * nothing maps yet, memory that is contiguous there but made of scattered
 * physical pages (vmalloc), physical ranges mapped at a new address
 * (vmap), and setup_vm(), after which malloc() takes its memory from here.
 *
 * Why a test wants it: a large buffer that does not need a large free
 * physical block; pages it can alias, unmap and remap without touching
 * the identity map the rest of the test relies on; and a guard page after
 * every vmalloc/vmap block, so an overrun faults at the access that made
 * it.  The names and signatures are upstream kvm-unit-tests'.
 *
 * The addresses come from a window per arch that no other mapping uses:
 * on x86_64 the last 512 GiB of the address space (0xffffff8000000000
 * up), on arm64 [1 TiB, 1.5 TiB), on arm [3 GiB, 4 GiB).  They are
 * handed out from the top down, and what vfree() gives back is handed
 * out again.  The window is set up on first use, so everything here works
 * before setup_vm() too.  Caveat: these addresses are not identity
 * mapped, so virt_to_phys() does not apply to them; virt_to_pte_phys()
 * does.
 */
#ifndef _VMALLOC_H_
#define _VMALLOC_H_

#include <libcflat.h>
#include <asm/page.h>

/*
 * @nr consecutive virtual pages with nothing mapped (the caller maps
 * them, e.g. with install_page()); the _aligned form starts them at a
 * multiple of (PAGE_SIZE << @alignment_order).  NULL when @nr is 0 or
 * the window has no such free range.  vfree() gives the range back,
 * removing whatever the caller mapped in it (but freeing none of it).
 */
extern void *alloc_vpages(ulong nr);
extern void *alloc_vpages_aligned(ulong nr, unsigned int alignment_order);
/* alloc_vpages(1). */
extern void *alloc_vpage(void);

/*
 * Hand out virtual pages below @top (page aligned, inside the arch's
 * window) from now on.  Caveat: only while no range of the window is
 * allocated; otherwise it stops the test.
 */
extern void init_alloc_vpage(void *top);

/*
 * Whether this arch has virtual memory, i.e. setup_vm() may be called
 * (tests shared between arches ask first).  True on every kut arch.
 */
extern bool vm_available(void);

/*
 * Switch to full virtual memory: map all RAM 1:1 (x86: new page tables,
 * see x86/vm.h; arm: the boot map already does), give RAM the boot map
 * left out to the page allocator, and make malloc() take its pages from
 * vmalloc through alloc_ops (blocks malloc gave out before stay valid
 * and freeable).  Calling it again does nothing.  __setup_vm() passes
 * @opaque to the arch: on x86 a pointer to the pteval_t bits every new
 * entry gets (default PT_USER_MASK, as upstream).
 */
extern void setup_vm(void);
extern void __setup_vm(void *opaque);

/*
 * The arch part of setup_vm(): paging on over an identity map of
 * [0, @top) at least (x86: and of the first 4 GiB, for MMIO), returning
 * the top-level table.  @opaque as for __setup_vm().
 */
extern void *setup_mmu(phys_addr_t top, void *opaque);

/* The physical address @virt translates to in @pgtable. */
extern phys_addr_t virt_to_pte_phys(pgd_t *pgtable, void *virt);

/*
 * Map the page at @phys at @virt in @pgtable, readable and writable
 * (user mode too); returns the last-level entry.
 */
extern pteval_t *install_page(pgd_t *pgtable, phys_addr_t phys, void *virt);

/*
 * Map the physical range [@phys, @phys + @size) at fresh virtual
 * addresses as normal memory; returns the address of @phys (the page
 * offset of @phys is kept, where upstream rounds it off), NULL if @size
 * is 0 or the window is full.  vfree() unmaps it; the physical memory is
 * untouched.  On arm use ioremap() for devices instead.
 */
void *vmap(phys_addr_t phys, size_t size);

/*
 * @size bytes, zeroed and page aligned, virtually contiguous but made of
 * separate physical pages, followed by an unmapped guard page.  NULL if
 * @size is 0 or memory or window space runs out.
 */
extern void *vmalloc(unsigned long size);

/*
 * Give back what vmalloc(), vmap() or alloc_vpages() returned: unmap it
 * (flushing the TLB of the calling CPU; on arm of every CPU) and free the
 * pages vmalloc() took.  vfree(NULL) does nothing; any other pointer
 * stops the test with a message.
 */
extern void vfree(void *mem);

#endif /* _VMALLOC_H_ */
