/* SPDX-License-Identifier: MIT */
/*
 * bitops.h - bit masks and bit arithmetic, the same on every arch.
 *
 * The atomic operations on bitmaps (set_bit, clear_bit, test_bit,
 * test_and_set_bit, test_and_clear_bit) and BITS_PER_LONG, BIT_MASK and
 * BIT_WORD come from the arch's <asm/bitops.h>, included here; BIT() and
 * BIT_ULL() from <linux/const.h>.
 */
#ifndef _BITOPS_H_
#define _BITOPS_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/const.h>
#include <asm/bitops.h>

#define BITS_PER_BYTE		8
#define BITS_PER_LONG_LONG	64
#define BIT_ULL_MASK(nr)	(1ULL << ((nr) % BITS_PER_LONG_LONG))
#define BIT_ULL_WORD(nr)	((nr) / BITS_PER_LONG_LONG)
/* The unsigned longs a bitmap of @nr bits needs. */
#define BITS_TO_LONGS(nr)	(((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)

/* Bits @l to @h, both included: GENMASK(7, 4) is 0xf0. */
#define GENMASK(h, l) \
	((~0UL << (l)) & (~0UL >> (BITS_PER_LONG - 1 - (h))))
#define GENMASK_ULL(h, l) \
	((~0ULL << (l)) & (~0ULL >> (BITS_PER_LONG_LONG - 1 - (h))))

/* The high and low 32 bits of @n (any integer width). */
#define upper_32_bits(n)	((uint32_t)(((n) >> 16) >> 16))
#define lower_32_bits(n)	((uint32_t)(n))

/*
 * The index of the highest set bit of @word, counted from 0 (upstream's
 * meaning, not Linux's 1-based one).  Caveat: 0 for @word 0, as for 1.
 */
static inline unsigned long fls(unsigned long word)
{
	return word ? BITS_PER_LONG - 1 - __builtin_clzl(word) : 0;
}

/* Whether @n is a power of two (0 is not). */
static inline bool is_power_of_2(unsigned long n)
{
	return n && !(n & (n - 1));
}

#endif /* _BITOPS_H_ */
