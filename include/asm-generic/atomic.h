/* SPDX-License-Identifier: MIT */
/*
 * asm-generic/atomic.h - atomic_t under the Linux names tests use, written
 * with the compiler's atomics (arm and riscv include it from their
 * <asm/atomic.h>).  The *_return forms and cmpxchg are fully ordered;
 * atomic_read/atomic_set are plain single-copy-atomic accesses, as in
 * Linux.
 */
#ifndef _ASM_GENERIC_ATOMIC_H_
#define _ASM_GENERIC_ATOMIC_H_

#include <stdbool.h>

typedef struct {
	int counter;
} atomic_t;

#define ATOMIC_INIT(i)	{ (i) }

static inline int atomic_read(atomic_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);
}

static inline void atomic_set(atomic_t *v, int i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);
}

static inline int atomic_add_return(int i, atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_sub_return(int i, atomic_t *v)
{
	return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

#define atomic_add(i, v)	((void)atomic_add_return(i, v))
#define atomic_sub(i, v)	((void)atomic_sub_return(i, v))
#define atomic_inc(v)		atomic_add(1, v)
#define atomic_dec(v)		atomic_sub(1, v)
#define atomic_inc_return(v)	atomic_add_return(1, v)
#define atomic_dec_return(v)	atomic_sub_return(1, v)

/* Set @v to @new if it holds @old; returns what it held. */
static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	__atomic_compare_exchange_n(&v->counter, &old, new, false,
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	return old;
}

/*
 * Fully ordered read-modify-write of a plain integer at @ptr (any size
 * the CPU has atomics for), upstream's names: the atomic_fetch_ forms
 * return the old value, the _fetch forms the new one.
 */
#define atomic_fetch_add(ptr, n)	__atomic_fetch_add(ptr, n, __ATOMIC_SEQ_CST)
#define atomic_fetch_sub(ptr, n)	__atomic_fetch_sub(ptr, n, __ATOMIC_SEQ_CST)
#define atomic_fetch_and(ptr, n)	__atomic_fetch_and(ptr, n, __ATOMIC_SEQ_CST)
#define atomic_fetch_or(ptr, n)		__atomic_fetch_or(ptr, n, __ATOMIC_SEQ_CST)
#define atomic_fetch_xor(ptr, n)	__atomic_fetch_xor(ptr, n, __ATOMIC_SEQ_CST)
#define atomic_fetch_inc(ptr)		atomic_fetch_add(ptr, 1)
#define atomic_fetch_dec(ptr)		atomic_fetch_sub(ptr, 1)
#define atomic_add_fetch(ptr, n)	__atomic_add_fetch(ptr, n, __ATOMIC_SEQ_CST)
#define atomic_sub_fetch(ptr, n)	__atomic_sub_fetch(ptr, n, __ATOMIC_SEQ_CST)
#define atomic_and_fetch(ptr, n)	__atomic_and_fetch(ptr, n, __ATOMIC_SEQ_CST)
#define atomic_or_fetch(ptr, n)		__atomic_or_fetch(ptr, n, __ATOMIC_SEQ_CST)
#define atomic_xor_fetch(ptr, n)	__atomic_xor_fetch(ptr, n, __ATOMIC_SEQ_CST)
#define atomic_inc_fetch(ptr)		atomic_add_fetch(ptr, 1)
#define atomic_dec_fetch(ptr)		atomic_sub_fetch(ptr, 1)

#endif /* _ASM_GENERIC_ATOMIC_H_ */
