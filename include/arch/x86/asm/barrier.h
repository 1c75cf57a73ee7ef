/* SPDX-License-Identifier: MIT */
/*
 * asm/barrier.h - memory barriers.  x86 is strongly ordered, so the smp_
 * variants only stop the compiler; mb/rmb/wmb are real fences for device
 * and non-temporal accesses.
 */
#ifndef _ASM_X86_BARRIER_H_
#define _ASM_X86_BARRIER_H_

#define mb()		asm volatile("mfence" : : : "memory")
#define rmb()		asm volatile("lfence" : : : "memory")
#define wmb()		asm volatile("sfence" : : : "memory")
#ifdef __x86_64__
#define smp_mb()	asm volatile("lock addl $0, -4(%%rsp)" : : : "memory", "cc")
#else
#define smp_mb()	asm volatile("lock addl $0, -4(%%esp)" : : : "memory", "cc")
#endif
#define smp_rmb()	asm volatile("" : : : "memory")
#define smp_wmb()	asm volatile("" : : : "memory")

static inline void cpu_relax(void)
{
	asm volatile("pause" : : : "memory");
}

#endif /* _ASM_X86_BARRIER_H_ */
