/* SPDX-License-Identifier: MIT */
/*
 * x86/atomic.h - upstream's x86 "atomic.h": atomic_t (<asm/atomic.h>),
 * a 64-bit atomic_t, and QEMU-style atomic_fetch_<op>() on plain
 * integers of any size.  The 64-bit operations are atomic on i386 too
 * (the compiler uses CMPXCHG8B there), and its counter is 8-byte
 * aligned as LOCK CMPXCHG8B wants.
 */
#ifndef _X86_ATOMIC_H_
#define _X86_ATOMIC_H_

#include <libcflat.h>
#include <asm/atomic.h>

typedef struct {
	long long counter __attribute__((aligned(8)));
} atomic64_t;

#define ATOMIC64_INIT(i)	{ (i) }

/* The value, read in one access (upstream's return types: long, u64). */
#ifdef __x86_64__
static inline long atomic64_read(const atomic64_t *v)
#else
static inline u64 atomic64_read(const atomic64_t *v)
#endif
{
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);
}

static inline void atomic64_set(atomic64_t *v, long long i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);
}

/* Set @v to @new if it holds @old; returns what it held. */
static inline u64 atomic64_cmpxchg(atomic64_t *v, u64 old, u64 new)
{
	long long held = old;

	__atomic_compare_exchange_n(&v->counter, &held, new, false,
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	return held;
}

/*
 * Atomic read-modify-write of *@ptr (any integer type), fully ordered:
 * atomic_fetch_<op>() returns the old value, atomic_<op>_fetch() the new.
 */
#define atomic_fetch_inc(ptr)		__sync_fetch_and_add(ptr, 1)
#define atomic_fetch_dec(ptr)		__sync_fetch_and_sub(ptr, 1)
#define atomic_fetch_add(ptr, n)	__sync_fetch_and_add(ptr, n)
#define atomic_fetch_sub(ptr, n)	__sync_fetch_and_sub(ptr, n)
#define atomic_fetch_and(ptr, n)	__sync_fetch_and_and(ptr, n)
#define atomic_fetch_or(ptr, n)		__sync_fetch_and_or(ptr, n)
#define atomic_fetch_xor(ptr, n)	__sync_fetch_and_xor(ptr, n)
#define atomic_inc_fetch(ptr)		__sync_add_and_fetch(ptr, 1)
#define atomic_dec_fetch(ptr)		__sync_sub_and_fetch(ptr, 1)
#define atomic_add_fetch(ptr, n)	__sync_add_and_fetch(ptr, n)
#define atomic_sub_fetch(ptr, n)	__sync_sub_and_fetch(ptr, n)
#define atomic_and_fetch(ptr, n)	__sync_and_and_fetch(ptr, n)
#define atomic_or_fetch(ptr, n)		__sync_or_and_fetch(ptr, n)
#define atomic_xor_fetch(ptr, n)	__sync_xor_and_fetch(ptr, n)

#endif /* _X86_ATOMIC_H_ */
