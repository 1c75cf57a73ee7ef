/* SPDX-License-Identifier: MIT */
/*
 * asm/spinlock.h - a test-and-set spinlock (acquire/release atomics:
 * exclusive loads and stores, so the lock must be in Normal memory,
 * which all RAM is once the MMU is on).
 */
#ifndef _ASMARM_SPINLOCK_H_
#define _ASMARM_SPINLOCK_H_

struct spinlock {
	int v;
};

static inline void spin_lock(struct spinlock *lock)
{
	while (__atomic_exchange_n(&lock->v, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&lock->v, __ATOMIC_RELAXED))
			asm volatile("yield" : : : "memory");
}

static inline void spin_unlock(struct spinlock *lock)
{
	__atomic_store_n(&lock->v, 0, __ATOMIC_RELEASE);
}

#endif /* _ASMARM_SPINLOCK_H_ */
