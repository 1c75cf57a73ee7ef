/* SPDX-License-Identifier: MIT */
/*
 * asm/barrier.h - memory barriers on s390x.  The architecture orders
 * loads with loads and stores with stores already; only a store followed
 * by a load can appear reordered to other CPUs, which a serializing
 * BCR 15,0 prevents.  So mb() serializes, rmb()/wmb() only stop the
 * compiler (as in Linux).
 */
#ifndef _ASMS390X_BARRIER_H_
#define _ASMS390X_BARRIER_H_

/* A test may have included <asm-generic/barrier.h> first: ours win. */
#undef mb
#undef rmb
#undef wmb
#undef smp_mb
#undef smp_rmb
#undef smp_wmb
#undef cpu_relax

#define mb()		asm volatile("bcr 15,0" : : : "memory")
#define rmb()		asm volatile("" : : : "memory")
#define wmb()		asm volatile("" : : : "memory")
#define smp_mb()	mb()
#define smp_rmb()	rmb()
#define smp_wmb()	wmb()

/* A spin-wait hint: nothing to say to the CPU, only to the compiler. */
#define cpu_relax()	asm volatile("" : : : "memory")

#include <asm-generic/barrier.h>

#endif /* _ASMS390X_BARRIER_H_ */
