/* SPDX-License-Identifier: MIT */
/*
 * asm/barrier.h - memory barriers and CPU hints on riscv.  FENCE's
 * predecessor and successor sets name what is ordered: r(ead), w(rite),
 * i(nput) and o(utput) for devices.
 */
#ifndef _ASMRISCV_BARRIER_H_
#define _ASMRISCV_BARRIER_H_

#define RISCV_FENCE(p, s)	asm volatile("fence " #p ", " #s : : : "memory")

#define mb()		RISCV_FENCE(iorw, iorw)
#define rmb()		RISCV_FENCE(ir, ir)
#define wmb()		RISCV_FENCE(ow, ow)
#define smp_mb()	RISCV_FENCE(rw, rw)
#define smp_rmb()	RISCV_FENCE(r, r)
#define smp_wmb()	RISCV_FENCE(w, w)

/* Wait for an interrupt that sie enables (even with sstatus.SIE clear). */
#define wfi()		asm volatile("wfi" : : : "memory")

/*
 * A spin-wait hint: Zihintpause's PAUSE, spelt as its encoding (a FENCE
 * with only the W predecessor bit, a no-op where PAUSE is unknown) so that
 * no -march needs to name the extension.
 */
static inline void cpu_relax(void)
{
	asm volatile(".4byte 0x0100000f" : : : "memory");
}

#endif /* _ASMRISCV_BARRIER_H_ */
