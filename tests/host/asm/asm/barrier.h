/* SPDX-License-Identifier: MIT */
/* Host stand-in for asm/barrier.h. */
#ifndef KUT_HOST_ASM_BARRIER_H
#define KUT_HOST_ASM_BARRIER_H

#define mb()		__sync_synchronize()
#define rmb()		__sync_synchronize()
#define wmb()		__sync_synchronize()
#define smp_mb()	mb()
#define smp_rmb()	rmb()
#define smp_wmb()	wmb()
#define cpu_relax()	do { } while (0)

#endif
