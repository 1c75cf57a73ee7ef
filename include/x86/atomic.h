/* SPDX-License-Identifier: MIT */
/*
 * x86/atomic.h - upstream's x86 "atomic.h": atomic_t (<asm/atomic.h>),
 * a 64-bit atomic_t, and QEMU-style atomic_fetch_<op>() on plain
 * integers of any size.
 */
#ifndef _X86_ATOMIC_H_
#define _X86_ATOMIC_H_

#include <libcflat.h>
#include <asm/atomic.h>

typedef struct {
	long long counter;
} atomic64_t;

#define ATOMIC64_INIT(i)	{ (i) }

static inline long atomic64_read(const atomic64_t *v)
{
	return *(const volatile long long *)&v->counter;
}

static inline void atomic64_set(atomic64_t *v, long long i)
{
	*(volatile long long *)&v->counter = i;
}

/* Set @v to @new if it holds @old; returns what it held. */
static inline u64 atomic64_cmpxchg(atomic64_t *v, u64 old, u64 new)
{
	asm volatile("lock cmpxchgq %2, %1"
		     : "+a"(old), "+m"(v->counter) : "r"(new) : "memory", "cc");
	return old;
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
