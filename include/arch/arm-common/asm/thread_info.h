/* SPDX-License-Identifier: MIT */
/*
 * asm/thread_info.h - per-CPU data at the base of each CPU's stack.
 *
 * Every CPU's kernel stack is THREAD_SIZE bytes aligned to THREAD_SIZE,
 * with a struct thread_info at its lowest address, so the current CPU's
 * data is found from the stack pointer alone (no system register needed).
 * Caveat: in user mode (start_usr) the stack is the user's, so this and
 * smp_processor_id() are only valid at EL1/PL1.
 */
#ifndef _ASMARM_THREAD_INFO_H_
#define _ASMARM_THREAD_INFO_H_

#include <linux/const.h>

#define THREAD_SHIFT		14
#define THREAD_SIZE		(_AC(1, UL) << THREAD_SHIFT)
#define THREAD_MASK		(~(THREAD_SIZE - 1))

/* Offsets of struct thread_info fields, for assembly. */
#define TI_CPU			0
#define TI_FLAGS		4

#define TIF_USER_MODE		(1U << 0)	/* running in start_usr() */

#ifndef __ASSEMBLY__
#include <stdint.h>

struct thread_info {
	int cpu;
	unsigned int flags;
	uint64_t mpidr;
};

static inline struct thread_info *thread_info_sp(unsigned long sp)
{
	return (struct thread_info *)(sp & THREAD_MASK);
}

static inline struct thread_info *current_thread_info(void)
{
	unsigned long sp;

	asm volatile("mov %0, sp" : "=r"(sp));
	return thread_info_sp(sp);
}

/* A new THREAD_SIZE stack for another CPU or a user-mode thread; its top. */
extern void *thread_stack_alloc(void);

#endif /* !__ASSEMBLY__ */

#endif /* _ASMARM_THREAD_INFO_H_ */
