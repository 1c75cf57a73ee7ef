/* SPDX-License-Identifier: MIT */
/*
 * mmu-regs.h - what the shared table code (mmu.c) needs from each arm
 * arch's register code (arm64/mmu-regs.c, arm32/mmu-regs.c); internal.
 */
#ifndef KUT_ARM_MMU_REGS_H
#define KUT_ARM_MMU_REGS_H

#include <libcflat.h>

/* Per-CPU set-up that boot does before the MMU: counters, cache info. */
void arch_cpu_init(void);
/* Program the translation regime for tables at @ttbr and turn it all on. */
void arch_mmu_enable(phys_addr_t ttbr);
/* Turn the MMU and data cache off (caches cleaned by the caller). */
void arch_mmu_disable(void);
/* Clean and invalidate [start, end) from the data caches to memory. */
void arch_dcache_clean_range(unsigned long start, unsigned long end);

#endif /* KUT_ARM_MMU_REGS_H */
