/* SPDX-License-Identifier: MIT */
/*
 * asm-generic/spinlock.h - the test-and-set spinlock every arch uses,
 * written with the compiler's atomics; the arch's cpu_relax() (pause,
 * yield) is what differs, from its asm/barrier.h.  Cheap and fair enough
 * for a handful of CPUs printing and allocating, not a general lock.  On
 * arm the lock word must be in Normal memory (exclusive accesses), which
 * all RAM is once the MMU is on.
 */
#ifndef _ASM_GENERIC_SPINLOCK_H_
#define _ASM_GENERIC_SPINLOCK_H_

#include <asm/barrier.h>

struct spinlock {
	int v;
};

static inline void spin_lock(struct spinlock *lock)
{
	while (__atomic_exchange_n(&lock->v, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&lock->v, __ATOMIC_RELAXED))
			cpu_relax();
}

static inline void spin_unlock(struct spinlock *lock)
{
	__atomic_store_n(&lock->v, 0, __ATOMIC_RELEASE);
}

#endif /* _ASM_GENERIC_SPINLOCK_H_ */
