/* SPDX-License-Identifier: MIT */
/*
 * asm/processor.h - exceptions, interrupts and CPU state of an arm
 * (ARMv7-A) test.
 *
 * Tests run in SVC mode with kut's vector table (VBAR).  A handler per
 * vector, install_exception_handler(EXCPTN_UND, fn), gets the saved
 * registers and may change them.  Where execution resumes, ARM_pc, is as
 * Linux and upstream have it: after an undefined instruction or an svc
 * the next instruction (so returning skips it, in ARM or Thumb state), at
 * an abort the instruction that faulted (add its size to skip it), at an
 * interrupt the one interrupted.  Anything unhandled prints the vector, DFSR/DFAR or
 * IFSR/IFAR, all registers and a backtrace, and ends the test as failed.
 * Handlers are per CPU, as upstream has them (they live in the CPU's
 * struct thread_info, asm/thread_info.h): install them on each CPU that
 * takes the exception.  In user mode (start_usr()) the user stack has a
 * thread_info of its own, asked first for exceptions from user mode.
 */
#ifndef _ASMARM_PROCESSOR_H_
#define _ASMARM_PROCESSOR_H_

#include <libcflat.h>
#include <asm/ptrace.h>
#include <asm/sysreg.h>
#include <asm/barrier.h>

#define CTR_DMINLINE_SHIFT	16
#define CTR_DMINLINE_MASK	(0xf << 16)
#define CTR_DMINLINE(x)		(((x) & CTR_DMINLINE_MASK) >> CTR_DMINLINE_SHIFT)

enum vector {
	EXCPTN_RST,
	EXCPTN_UND,
	EXCPTN_SVC,
	EXCPTN_PABT,
	EXCPTN_DABT,
	EXCPTN_ADDREXCPTN,
	EXCPTN_IRQ,
	EXCPTN_FIQ,
	EXCPTN_MAX,
};

typedef void (*irq_handler_fn)(struct pt_regs *regs);
typedef void (*exception_fn)(struct pt_regs *);

/* Handle vector @v with @fn (NULL: unhandled again). */
extern void install_exception_handler(enum vector v, exception_fn fn);
/* The same for EXCPTN_IRQ, under the arm64 name. */
extern void install_irq_handler(enum vector v, irq_handler_fn fn);

extern void show_regs(struct pt_regs *regs);

static inline unsigned long current_cpsr(void)
{
	unsigned long cpsr;

	asm volatile("mrs %0, cpsr" : "=r"(cpsr));
	return cpsr;
}

#define current_mode()		(current_cpsr() & MODE_MASK)

static inline void local_irq_enable(void)
{
	asm volatile("cpsie i" : : : "memory", "cc");
}

static inline void local_irq_disable(void)
{
	asm volatile("cpsid i" : : : "memory", "cc");
}

#define MPIDR			__ACCESS_CP15(c0, 0, c0, 5)
static inline uint64_t get_mpidr(void)
{
	return read_sysreg(MPIDR);
}

#define MPIDR_HWID_BITMASK	0xffffff
extern int mpidr_to_cpu(uint64_t mpidr);

#define MPIDR_LEVEL_SHIFT(level)	(((1 << (level)) >> 1) << 3)
#define MPIDR_AFFINITY_LEVEL(mpidr, level) \
	(((mpidr) >> MPIDR_LEVEL_SHIFT(level)) & 0xff)

/*
 * Run @func(@arg) in user mode on the stack whose top is @sp_usr (from
 * thread_stack_alloc()).  When @func returns, the test ends with
 * report_summary()'s result.
 */
extern void start_usr(void (*func)(void *arg), void *arg, unsigned long sp_usr)
	__attribute__((noreturn));
extern bool __mmu_enabled(void);
/* Whether the calling code runs in user mode (inside start_usr()). */
extern bool is_user(void);

#define CNTVCT			__ACCESS_CP15_64(1, c14)
#define CNTFRQ			__ACCESS_CP15(c14, 0, c0, 0)
#define CTR			__ACCESS_CP15(c0, 0, c0, 1)
#define SCTRL			__ACCESS_CP15(c1, 0, c0, 0)

static inline u64 get_cntvct(void)
{
	isb();
	return read_sysreg(CNTVCT);
}

static inline u32 get_cntfrq(void)
{
	return read_sysreg(CNTFRQ);
}

static inline u32 get_ctr(void)
{
	return read_sysreg(CTR);
}

/* Smallest data-cache line, in bytes (from CTR). */
extern unsigned long dcache_line_size;

#endif /* _ASMARM_PROCESSOR_H_ */
