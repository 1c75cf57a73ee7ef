/* SPDX-License-Identifier: MIT */
/*
 * asm/thread_info.h - per-CPU data at the base of each CPU's stack.
 *
 * Every CPU's kernel stack is THREAD_SIZE bytes aligned to THREAD_SIZE,
 * with a struct thread_info at its lowest address, so the current CPU's
 * data is found from the stack pointer alone (no system register needed):
 * its number, the translation tables it runs on (pgtable) and its
 * exception handlers (asm/processor.h).  A test may keep data of its own
 * after them (ext[]), in what is left of the stack's bottom.
 * Caveat: in user mode (start_usr()) the stack is the user's, whose
 * thread_info start_usr() fills: TIF_USER_MODE in flags, the CPU number,
 * the tables, and handler tables of its own (empty at first).
 */
#ifndef _ASMARM_THREAD_INFO_H_
#define _ASMARM_THREAD_INFO_H_

#include <linux/const.h>
#include <asm/page.h>

#define MIN_THREAD_SHIFT	14
#define THREAD_SHIFT		MIN_THREAD_SHIFT
#define THREAD_SIZE		(_AC(1, UL) << THREAD_SHIFT)
#define THREAD_MASK		(~(THREAD_SIZE - 1))
#define THREAD_ALIGNMENT	THREAD_SIZE

/* Offsets of struct thread_info fields, for assembly. */
#define TI_CPU			0
#define TI_FLAGS		4

#define TIF_USER_MODE		(1U << 0)	/* running in start_usr() */

#ifndef __ASSEMBLY__
#include <libcflat.h>
#include <alloc.h>
#include <asm/processor.h>

/*
 * Where a new stack's pointer starts, from its base.  arm: leave room at
 * the top as upstream does (its exception modes had stacks there), and
 * keep 8-byte alignment; arm64: 16 bytes below the top.
 */
#ifdef __aarch64__
#define THREAD_START_SP		(THREAD_SIZE - 16)
#else
#define THREAD_START_SP		((THREAD_SIZE - (sizeof(struct pt_regs) * 8)) & ~7)
#endif

struct thread_info {
	int cpu;
	unsigned int flags;
	void *pgtable;			/* the tables this CPU runs on */
#ifdef __aarch64__
	vector_fn vector_handlers[VECTOR_MAX];
	exception_fn exception_handlers[VECTOR_MAX][EC_MAX];
#else
	exception_fn exception_handlers[EXCPTN_MAX];
#endif
	char ext[0];			/* the test's own per-CPU data */
};

static inline struct thread_info *thread_info_sp(unsigned long sp)
{
	return (struct thread_info *)(sp & THREAD_MASK);
}

/* The stack pointer, as a variable (GCC and Clang allow it for sp). */
register unsigned long current_stack_pointer asm("sp");

static inline struct thread_info *current_thread_info(void)
{
	return thread_info_sp(current_stack_pointer);
}

/*
 * Clear *@ti and fill it for the calling CPU: its number from MPIDR,
 * @flags, and (arm64) the default dispatch of every vector.
 */
extern void thread_info_init(struct thread_info *ti, unsigned int flags);

/*
 * A new THREAD_SIZE stack for another CPU or a user-mode thread: its
 * initial stack pointer, THREAD_START_SP above its base.
 */
extern void *thread_stack_alloc(void);

#endif /* !__ASSEMBLY__ */

#endif /* _ASMARM_THREAD_INFO_H_ */
