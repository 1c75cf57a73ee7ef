/* SPDX-License-Identifier: MIT */
/*
 * asm/barrier.h - memory barriers and CPU hints on arm and arm64.  The
 * mnemonics are the same in A32 and A64 (but for the load-only options
 * ARMv7 lacks), so one header serves both.
 * Inner-shareable (ish) barriers order accesses between CPUs; full-system
 * (sy) ones also order device accesses.
 */
#ifndef _ASMARM_BARRIER_H_
#define _ASMARM_BARRIER_H_

#define isb()		asm volatile("isb" : : : "memory")
#define dmb(opt)	asm volatile("dmb " #opt : : : "memory")
#define dsb(opt)	asm volatile("dsb " #opt : : : "memory")

#define mb()		dsb(sy)
#define wmb()		dsb(st)
#define smp_mb()	dmb(ish)
#define smp_wmb()	dmb(ishst)
#ifdef __aarch64__
#define rmb()		dsb(ld)
#define smp_rmb()	dmb(ishld)
#else
/* ARMv7 has no load-only barriers. */
#define rmb()		dsb(sy)
#define smp_rmb()	dmb(ish)
#endif

#define sev()		asm volatile("sev" : : : "memory")
#define wfe()		asm volatile("wfe" : : : "memory")
#define wfi()		asm volatile("wfi" : : : "memory")

static inline void cpu_relax(void)
{
	asm volatile("yield" : : : "memory");
}

#endif /* _ASMARM_BARRIER_H_ */
