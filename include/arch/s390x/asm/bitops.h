/* SPDX-License-Identifier: MIT */
/*
 * asm/bitops.h - bit operations on s390x.  The generic ones number bits
 * from the least significant bit of each unsigned long; the _inv forms
 * number them from the most significant one, as the architecture does
 * (facility bits, CPU masks): bit 0 is 1UL << 63 of the first long.
 */
#ifndef _ASMS390X_BITOPS_H_
#define _ASMS390X_BITOPS_H_

#include <asm-generic/bitops.h>

#define __BITOPS_INV(nr)	((nr) ^ (BITS_PER_LONG - 1))

static inline bool test_bit_inv(unsigned long nr,
				const volatile unsigned long *addr)
{
	return test_bit(__BITOPS_INV(nr), addr);
}

static inline void set_bit_inv(unsigned long nr, volatile unsigned long *addr)
{
	set_bit(__BITOPS_INV(nr), addr);
}

static inline void clear_bit_inv(unsigned long nr, volatile unsigned long *addr)
{
	clear_bit(__BITOPS_INV(nr), addr);
}

#endif /* _ASMS390X_BITOPS_H_ */
