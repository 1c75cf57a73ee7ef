/* SPDX-License-Identifier: MIT */
/*
 * asm/float.h - the floating-point control register and AFP (upstream
 * kvm-unit-tests' names): the data-exception code (DXC) is byte 2 of the
 * FPC; with AFP off in CR0 only f0, f2, f4 and f6 are usable and a data
 * exception leaves the FPC alone.
 */
#ifndef _ASMS390X_FLOAT_H_
#define _ASMS390X_FLOAT_H_

#include <asm/arch_def.h>

static inline void set_fpc(uint32_t fpc)
{
	asm volatile("lfpc %0" : : "Q" (fpc));
}

static inline uint32_t get_fpc(void)
{
	uint32_t fpc;

	asm volatile("stfpc %0" : "=Q" (fpc));
	return fpc;
}

static inline uint8_t get_fpc_dxc(void)
{
	return get_fpc() >> 8;
}

static inline void set_fpc_dxc(uint8_t dxc)
{
	set_fpc((get_fpc() & ~0xff00U) | (uint32_t)dxc << 8);
}

static inline void afp_enable(void)
{
	ctl_set_bit(0, CTL0_AFP);
}

static inline void afp_disable(void)
{
	ctl_clear_bit(0, CTL0_AFP);
}

#endif /* _ASMS390X_FLOAT_H_ */
