/* SPDX-License-Identifier: MIT */
/* Host stand-in for asm/spinlock.h: host tests run on one thread. */
#ifndef KUT_HOST_ASM_SPINLOCK_H
#define KUT_HOST_ASM_SPINLOCK_H

struct spinlock {
	int v;
};

static inline void spin_lock(struct spinlock *lock)
{
	lock->v = 1;
}

static inline void spin_unlock(struct spinlock *lock)
{
	lock->v = 0;
}

#endif
