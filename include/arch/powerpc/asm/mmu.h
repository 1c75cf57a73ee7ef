/* SPDX-License-Identifier: MIT */
/*
 * asm/mmu.h - radix translation on pseries (upstream kvm-unit-tests'
 * powerpc names).
 *
 * kut runs with translation off (real mode) until a test uses virtual
 * memory: setup_vm(), vmalloc() and friends (<vmalloc.h>), or
 * mmu_enable().  Then mmu_idmap is built: an identity map of all RAM but
 * its first page (a NULL dereference faults), readable, writable and
 * executable, and of what ioremap() mapped (cache inhibited); kut
 * registers a radix process table with the hypervisor
 * (H_REGISTER_PROCESS_TABLE) whose entry for PID 1 points at the tables
 * in use, and every CPU, the ones that start or take on_cpu() work later
 * included, translates with PIDR = 1.  One set of tables is in use at a
 * time, for every CPU.  Interrupts still run with translation off, on
 * the identity addresses.  POWER9 and later only (cpu_has_radix).
 */
#ifndef _ASMPOWERPC_MMU_H_
#define _ASMPOWERPC_MMU_H_

#include <libcflat.h>
#include <asm/page.h>
#include <asm/pgtable.h>

/* The identity map (NULL until first needed). */
extern pgd_t *mmu_idmap;

/* Whether this CPU translates (MSR[IR] and MSR[DR]). */
bool mmu_enabled(void);

/*
 * Translate with @pgtable (NULL: mmu_idmap, built if needed) on this
 * CPU, and make it the tables every CPU translates with.
 */
void mmu_enable(pgd_t *pgtable);

/* Translation off on this CPU (and for CPUs starting from now on). */
void mmu_disable(void);

/*
 * The last-level entry mapping @vaddr in @pgtable, or NULL when @vaddr
 * is not mapped (nothing is created).
 */
pteval_t *get_pte(pgd_t *pgtable, uintptr_t vaddr);

/* Drop every CPU's translation of the page at @vaddr (tlbie). */
void flush_tlb_page(uintptr_t vaddr);

/* The same on this CPU only (tlbiel). */
void flush_tlb_page_local(uintptr_t vaddr);

#endif /* _ASMPOWERPC_MMU_H_ */
