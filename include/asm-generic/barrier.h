/* SPDX-License-Identifier: MIT */
/*
 * asm-generic/barrier.h - the barriers an arch's <asm/barrier.h> did not
 * define, as compiler barriers: enough where the hardware keeps the order
 * anyway, and what upstream kvm-unit-tests' tests get when they include
 * this header directly (some s390x ones do).
 */
#ifndef _ASM_GENERIC_BARRIER_H_
#define _ASM_GENERIC_BARRIER_H_

#ifndef mb
#define mb()		asm volatile("" : : : "memory")
#endif
#ifndef rmb
#define rmb()		asm volatile("" : : : "memory")
#endif
#ifndef wmb
#define wmb()		asm volatile("" : : : "memory")
#endif
#ifndef smp_mb
#define smp_mb()	mb()
#endif
#ifndef smp_rmb
#define smp_rmb()	rmb()
#endif
#ifndef smp_wmb
#define smp_wmb()	wmb()
#endif
#ifndef cpu_relax
#define cpu_relax()	asm volatile("" : : : "memory")
#endif

#endif /* _ASM_GENERIC_BARRIER_H_ */
