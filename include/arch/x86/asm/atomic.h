/* SPDX-License-Identifier: MIT */
/*
 * asm/atomic.h - atomic_t for x86, with the lock-prefixed instructions
 * and the names (Linux's) that the other arches' <asm/atomic.h> has.
 * Every operation that changes the counter is a full barrier (a locked
 * instruction); atomic_read() and atomic_set() are plain accesses.
 */
#ifndef _ASM_X86_ATOMIC_H_
#define _ASM_X86_ATOMIC_H_

typedef struct {
	volatile int counter;
} atomic_t;

#define ATOMIC_INIT(i)	{ (i) }

static inline int atomic_read(const atomic_t *v)
{
	return v->counter;
}

static inline void atomic_set(atomic_t *v, int i)
{
	v->counter = i;
}

static inline void atomic_inc(atomic_t *v)
{
	asm volatile("lock incl %0" : "+m"(v->counter) : : "memory", "cc");
}

static inline void atomic_dec(atomic_t *v)
{
	asm volatile("lock decl %0" : "+m"(v->counter) : : "memory", "cc");
}

static inline void atomic_add(int i, atomic_t *v)
{
	asm volatile("lock addl %1, %0"
		     : "+m"(v->counter) : "ir"(i) : "memory", "cc");
}

static inline void atomic_sub(int i, atomic_t *v)
{
	asm volatile("lock subl %1, %0"
		     : "+m"(v->counter) : "ir"(i) : "memory", "cc");
}

/* Add @i to @v and return the new value. */
static inline int atomic_add_return(int i, atomic_t *v)
{
	int old = i;

	asm volatile("lock xaddl %0, %1"
		     : "+r"(old), "+m"(v->counter) : : "memory", "cc");
	return old + i;
}

static inline int atomic_sub_return(int i, atomic_t *v)
{
	return atomic_add_return(-i, v);
}

#define atomic_inc_return(v)	atomic_add_return(1, v)
#define atomic_dec_return(v)	atomic_sub_return(1, v)

/* Set @v to @new if it holds @old; returns what it held. */
static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	asm volatile("lock cmpxchgl %2, %1"
		     : "+a"(old), "+m"(v->counter) : "r"(new) : "memory", "cc");
	return old;
}

#endif /* _ASM_X86_ATOMIC_H_ */
