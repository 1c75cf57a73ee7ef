/* SPDX-License-Identifier: MIT */
/*
 * asm/processor.h - exceptions, interrupts and CPU state of an arm64 test.
 *
 * Tests run at EL1 with the vector table kut installs.  Handlers are
 * chosen per vector (enum vector: which table entry was taken) and, for
 * synchronous exceptions, per exception class (ESR_EL1.EC):
 *   install_exception_handler(EL1H_SYNC, ESR_EL1_EC_DABT_EL1, fn)
 * runs fn(regs, esr) for data aborts taken at EL1; fn may change regs
 * (e.g. regs->pc += 4 to skip the instruction) before the return.
 * install_irq_handler(EL1H_IRQ, fn) handles interrupts taken at EL1.
 * Anything unhandled prints the vector, ESR, FAR, ELR, SPSR, all
 * registers and a backtrace, and ends the test as failed.  Handlers are
 * shared by all CPUs.
 */
#ifndef _ASMARM64_PROCESSOR_H_
#define _ASMARM64_PROCESSOR_H_

/* System Control Register (SCTLR_EL1) bits */
#define SCTLR_EL1_EE		(1 << 25)
#define SCTLR_EL1_SPAN		(1 << 23)
#define SCTLR_EL1_WXN		(1 << 19)
#define SCTLR_EL1_I		(1 << 12)
#define SCTLR_EL1_SA0		(1 << 4)
#define SCTLR_EL1_SA		(1 << 3)
#define SCTLR_EL1_C		(1 << 2)
#define SCTLR_EL1_A		(1 << 1)
#define SCTLR_EL1_M		(1 << 0)

#define CTR_DMINLINE_SHIFT	16
#define CTR_DMINLINE_MASK	(0xf << 16)
#define CTR_DMINLINE(x)		(((x) & CTR_DMINLINE_MASK) >> CTR_DMINLINE_SHIFT)

#ifndef __ASSEMBLY__
#include <libcflat.h>
#include <asm/ptrace.h>
#include <asm/esr.h>
#include <asm/sysreg.h>
#include <asm/barrier.h>

enum vector {
	EL1T_SYNC,
	EL1T_IRQ,
	EL1T_FIQ,
	EL1T_ERROR,
	EL1H_SYNC,
	EL1H_IRQ,
	EL1H_FIQ,
	EL1H_ERROR,
	EL0_SYNC_64,
	EL0_IRQ_64,
	EL0_FIQ_64,
	EL0_ERROR_64,
	EL0_SYNC_32,
	EL0_IRQ_32,
	EL0_FIQ_32,
	EL0_ERROR_32,
	VECTOR_MAX,
};

#define EC_MAX 64

typedef void (*vector_fn)(enum vector v, struct pt_regs *regs,
			  unsigned int esr);
typedef void (*exception_fn)(struct pt_regs *regs, unsigned int esr);
typedef void (*irq_handler_fn)(struct pt_regs *regs);

/* Take over vector @v entirely (NULL: back to the default dispatch). */
extern void install_vector_handler(enum vector v, vector_fn fn);
/* Handle exception class @ec taken through vector @v (NULL: unhandled). */
extern void install_exception_handler(enum vector v, unsigned int ec,
				      exception_fn fn);
/* Handle interrupts taken through vector @v (EL1H_IRQ, EL0_IRQ_64). */
extern void install_irq_handler(enum vector v, irq_handler_fn fn);
extern void default_vector_sync_handler(enum vector v, struct pt_regs *regs,
					unsigned int esr);
extern void default_vector_irq_handler(enum vector v, struct pt_regs *regs,
				       unsigned int esr);

/* Print the registers in @regs. */
extern void show_regs(struct pt_regs *regs);
/* FAR_EL1 into *@far when @esr says it is valid; returns whether it is. */
extern bool get_far(unsigned int esr, unsigned long *far);

static inline unsigned long current_level(void)
{
	unsigned long el;

	asm volatile("mrs %0, CurrentEL" : "=r"(el));
	return el & 0xc;
}

static inline void local_irq_enable(void)
{
	asm volatile("msr daifclr, #2" : : : "memory");
}

static inline void local_irq_disable(void)
{
	asm volatile("msr daifset, #2" : : : "memory");
}

static inline uint64_t get_mpidr(void)
{
	return read_sysreg(mpidr_el1);
}

#define MPIDR_HWID_BITMASK	0xff00ffffffUL
extern int mpidr_to_cpu(uint64_t mpidr);

#define MPIDR_LEVEL_SHIFT(level)	(((1 << (level)) >> 1) << 3)
#define MPIDR_AFFINITY_LEVEL(mpidr, level) \
	(((mpidr) >> MPIDR_LEVEL_SHIFT(level)) & 0xff)

/*
 * Run @func(@arg) at EL0 on the stack whose top is @sp_usr (from
 * thread_stack_alloc()).  When @func returns, the test ends with
 * report_summary()'s result.
 */
extern void start_usr(void (*func)(void *arg), void *arg, unsigned long sp_usr)
	__attribute__((noreturn));
/* Whether the calling code runs at EL0 (inside start_usr()). */
extern bool is_user(void);
extern bool __mmu_enabled(void);

static inline u64 get_cntvct(void)
{
	isb();
	return read_sysreg(cntvct_el0);
}

static inline u32 get_cntfrq(void)
{
	return read_sysreg(cntfrq_el0);
}

static inline u64 get_ctr(void)
{
	return read_sysreg(ctr_el0);
}

/* Smallest data-cache line, in bytes (from CTR_EL0). */
extern unsigned long dcache_line_size;

#endif /* !__ASSEMBLY__ */
#endif /* _ASMARM64_PROCESSOR_H_ */
