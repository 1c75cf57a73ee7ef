/* SPDX-License-Identifier: MIT */
/*
 * asm/processor.h - exceptions, interrupts and CPU state of an arm64 test.
 *
 * Tests run at EL1 with the vector table kut installs.  Handlers are
 * chosen per vector (enum vector: which table entry was taken) and, for
 * synchronous exceptions, per exception class (ESR_EL1.EC):
 *   install_exception_handler(EL1H_SYNC, ESR_ELx_EC_DABT_CUR, fn)
 * runs fn(regs, esr) for data aborts taken at EL1; fn may change regs
 * (e.g. regs->pc += 4 to skip the instruction) before the return.
 * install_irq_handler(EL1H_IRQ, fn) handles interrupts taken at EL1.
 * Anything unhandled prints the vector, ESR, FAR, ELR, SPSR, all
 * registers and a backtrace, and ends the test as failed.
 *
 * Handlers are per CPU, as upstream has them: they live in the calling
 * CPU's struct thread_info (asm/thread_info.h), so a test installs them
 * on each CPU that should take the exception.  In user mode
 * (start_usr()) the user stack has a thread_info of its own: handlers
 * installed from user mode are tried first for exceptions from user
 * mode, then those of the CPU.
 */
#ifndef _ASMARM64_PROCESSOR_H_
#define _ASMARM64_PROCESSOR_H_

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
/* Fill a vector_handlers[VECTOR_MAX] table with the default dispatch. */
extern void vector_handlers_default_init(vector_fn *handlers);

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
 * Run @func(@arg) at EL0, with no exception masked, on the stack whose
 * top is @sp_usr (from thread_stack_alloc()).  When @func returns, the test ends with
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

static inline unsigned long get_id_aa64mmfr0_el1(void)
{
	return read_sysreg(id_aa64mmfr0_el1);
}

/* ID_AA64MMFR0_EL1.TGran*: whether the 4K, 64K or 16K granule exists. */
#define ID_AA64MMFR0_TGRAN4_SHIFT	28
#define ID_AA64MMFR0_TGRAN64_SHIFT	24
#define ID_AA64MMFR0_TGRAN16_SHIFT	20

#define ID_AA64MMFR0_TGRAN4_SUPPORTED(r) ({			\
	u64 __f = ((r) >> ID_AA64MMFR0_TGRAN4_SHIFT) & 0xf;	\
	__f == 0 || __f == 1;					\
})
#define ID_AA64MMFR0_TGRAN64_SUPPORTED(r) ({			\
	u64 __f = ((r) >> ID_AA64MMFR0_TGRAN64_SHIFT) & 0xf;	\
	__f == 0;						\
})
#define ID_AA64MMFR0_TGRAN16_SUPPORTED(r) ({			\
	u64 __f = ((r) >> ID_AA64MMFR0_TGRAN16_SHIFT) & 0xf;	\
	__f == 1 || __f == 2;					\
})

/* Whether the CPU has the translation granule of @granule bytes. */
static inline bool system_supports_granule(size_t granule)
{
	u64 mmfr0 = get_id_aa64mmfr0_el1();

	switch (granule) {
	case SZ_4K:
		return ID_AA64MMFR0_TGRAN4_SUPPORTED(mmfr0);
	case SZ_16K:
		return ID_AA64MMFR0_TGRAN16_SUPPORTED(mmfr0);
	case SZ_64K:
		return ID_AA64MMFR0_TGRAN64_SUPPORTED(mmfr0);
	}
	assert_msg(false, "arm64 has no %lu-byte granule", (unsigned long)granule);
	return false;
}

static inline unsigned long get_id_aa64pfr0_el1(void)
{
	return read_sysreg(id_aa64pfr0_el1);
}

#define ID_AA64PFR0_EL1_SVE_SHIFT	32

/* Whether the CPU has SVE (boot gives EL1 and EL0 access to it). */
static inline bool system_supports_sve(void)
{
	return ((get_id_aa64pfr0_el1() >> ID_AA64PFR0_EL1_SVE_SHIFT) & 0xf) != 0;
}

/* The current SVE vector length in bytes (needs SVE). */
static inline unsigned long sve_vl(void)
{
	unsigned long vl;

	asm volatile(".arch_extension sve\n\t"
		     "rdvl %x0, #8" : "=r"(vl));
	return vl;
}

/* Whether the CPU has RNDR/RNDRRS (FEAT_RNG). */
static inline bool system_supports_rndr(void)
{
	u64 isar0 = read_sysreg(ID_AA64ISAR0_EL1);

	return ((isar0 >> ID_AA64ISAR0_EL1_RNDR_SHIFT) & 0xf) != 0;
}

#endif /* !__ASSEMBLY__ */
#endif /* _ASMARM64_PROCESSOR_H_ */
