/* SPDX-License-Identifier: MIT */
/*
 * asm/spinlock.h - a test-and-set spinlock.  Cheap and fair enough for a
 * handful of CPUs printing and allocating; not a general-purpose lock.
 */
#ifndef _ASM_X86_SPINLOCK_H_
#define _ASM_X86_SPINLOCK_H_

struct spinlock {
	int v;
};

static inline void spin_lock(struct spinlock *lock)
{
	while (__atomic_exchange_n(&lock->v, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&lock->v, __ATOMIC_RELAXED))
			asm volatile("pause");
}

static inline void spin_unlock(struct spinlock *lock)
{
	__atomic_store_n(&lock->v, 0, __ATOMIC_RELEASE);
}

#endif /* _ASM_X86_SPINLOCK_H_ */
