/* SPDX-License-Identifier: MIT */
/*
 * asm/bitops.h - x86's atomic bit operations on arrays of unsigned long,
 * with lock-prefixed bit instructions (bit @nr of the array at @addr).
 * Include <bitops.h>, which adds the arch-independent helpers.
 */
#ifndef _ASM_X86_BITOPS_H_
#define _ASM_X86_BITOPS_H_

#include <stdbool.h>

#define BITS_PER_LONG		(sizeof(long) * 8)
#define BIT_MASK(nr)		(1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr)		((nr) / BITS_PER_LONG)

static inline void set_bit(int nr, volatile unsigned long *addr)
{
	asm volatile("lock bts %1, %0"
		     : "+m"(addr[BIT_WORD(nr)])
		     : "r"((unsigned long)(nr % BITS_PER_LONG))
		     : "memory", "cc");
}

static inline void clear_bit(int nr, volatile unsigned long *addr)
{
	asm volatile("lock btr %1, %0"
		     : "+m"(addr[BIT_WORD(nr)])
		     : "r"((unsigned long)(nr % BITS_PER_LONG))
		     : "memory", "cc");
}

static inline bool test_bit(int nr, const volatile unsigned long *addr)
{
	return (addr[BIT_WORD(nr)] >> (nr % BITS_PER_LONG)) & 1;
}

/* Set (clear) the bit and return its old value; a full barrier. */
static inline bool test_and_set_bit(int nr, volatile unsigned long *addr)
{
	bool old;

	asm volatile("lock bts %2, %0\n\tsetc %1"
		     : "+m"(addr[BIT_WORD(nr)]), "=qm"(old)
		     : "r"((unsigned long)(nr % BITS_PER_LONG))
		     : "memory", "cc");
	return old;
}

static inline bool test_and_clear_bit(int nr, volatile unsigned long *addr)
{
	bool old;

	asm volatile("lock btr %2, %0\n\tsetc %1"
		     : "+m"(addr[BIT_WORD(nr)]), "=qm"(old)
		     : "r"((unsigned long)(nr % BITS_PER_LONG))
		     : "memory", "cc");
	return old;
}

/*
 * The non-atomic forms, for data no other CPU touches at the same time:
 * bit @bit of the bit string at @addr (@bit may exceed a long's width).
 * The offset is always in a register: an immediate one would count
 * modulo the operand's width, and give the assembler no operand size.
 */
static inline void __set_bit(int bit, void *addr)
{
	asm volatile("bts %1, %0" : "+m"(*(unsigned long *)addr)
		     : "r"(bit) : "cc", "memory");
}

static inline void __clear_bit(int bit, void *addr)
{
	asm volatile("btr %1, %0" : "+m"(*(unsigned long *)addr)
		     : "r"(bit) : "cc", "memory");
}

static inline bool __test_and_set_bit(int bit, void *addr)
{
	bool old;

	asm volatile("bts %2, %1\n\tsetc %0"
		     : "=qm"(old), "+m"(*(unsigned long *)addr)
		     : "r"(bit) : "cc", "memory");
	return old;
}

static inline bool __test_and_clear_bit(int bit, void *addr)
{
	bool old;

	asm volatile("btr %2, %1\n\tsetc %0"
		     : "=qm"(old), "+m"(*(unsigned long *)addr)
		     : "r"(bit) : "cc", "memory");
	return old;
}

#endif /* _ASM_X86_BITOPS_H_ */
