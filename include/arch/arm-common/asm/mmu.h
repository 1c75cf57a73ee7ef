/* SPDX-License-Identifier: MIT */
/*
 * asm/mmu.h - the MMU of arm and arm64 tests.
 *
 * Boot turns the MMU on before main() with mmu_idmap, an identity map of
 * the whole address space: the virt machine's RAM (1 GiB up) as
 * write-back cacheable Normal memory, everything else as Device-nGnRE,
 * the image's text read-only and every mapping accessible from user mode
 * (EL0/PL0), so that start_usr() can run test code.  Tests may build
 * their own tables and switch with mmu_enable(), turn the MMU off and on
 * again, or change single pages with install_page().
 */
#ifndef _ASMARM_MMU_H_
#define _ASMARM_MMU_H_

#include <libcflat.h>
#include <asm/page.h>
#include <asm/pgtable-hwdef.h>
#include <asm/barrier.h>
#include <asm/mmu-api.h>

/* Drop every TLB entry on every CPU (inner shareable). */
extern void flush_tlb_all(void);
/* Drop the TLB entries for the page at @vaddr on every CPU. */
extern void flush_tlb_page(unsigned long vaddr);
/* Clean and invalidate the data-cache line holding @vaddr to memory. */
extern void flush_dcache_addr(unsigned long vaddr);

#endif /* _ASMARM_MMU_H_ */
