/* SPDX-License-Identifier: MIT */
/*
 * asm/processor.h - per-CPU data, interrupt masking and exception
 * handlers on riscv (upstream kvm-unit-tests' names).
 *
 * Every trap taken in S-mode (kut never drops to U-mode) lands in kut's
 * vector, which saves a struct pt_regs and calls the handler installed
 * for its cause on the CPU that took it, or, with none, prints the cause,
 * the registers and a backtrace and ends the test as failed.  As
 * upstream has it, handlers are per CPU: install them on each CPU that
 * needs them (on_cpus()).  A handler returns to regs->epc, so one that
 * should skip the trapping instruction advances it (by 2 for a
 * compressed instruction, 4 otherwise).
 * Caveat: OpenSBI delegates only some exceptions to S-mode; access
 * faults and misaligned accesses are handled (or reported) in M-mode and
 * never reach kut.
 */
#ifndef _ASMRISCV_PROCESSOR_H_
#define _ASMRISCV_PROCESSOR_H_

#ifndef __ASSEMBLY__
#include <stdbool.h>
#endif
#include <asm/csr.h>
#include <asm/ptrace.h>

#define EXCEPTION_CAUSE_MAX	24
#define INTERRUPT_CAUSE_MAX	16

#ifndef __ASSEMBLY__

typedef void (*exception_fn)(struct pt_regs *);

/* Per-CPU data: cpus[cpu] (asm/setup.h), found through sscratch. */
struct thread_info {
	int cpu;			/* kut's number, 0 .. nr_cpus - 1 */
	unsigned long hartid;		/* the hart's id in the device tree */
	unsigned long isa[1];		/* ISA_* bits (asm/isa.h) */
	exception_fn exception_handlers[EXCEPTION_CAUSE_MAX];
	exception_fn interrupt_handlers[INTERRUPT_CAUSE_MAX];
};

/* This CPU's struct thread_info. */
static inline struct thread_info *current_thread_info(void)
{
	return (struct thread_info *)csr_read(CSR_SSCRATCH);
}

/* Interrupts on or off for this CPU (sstatus.SIE). */
static inline void local_irq_enable(void)
{
	csr_set(CSR_SSTATUS, SR_SIE);
}

static inline void local_irq_disable(void)
{
	csr_clear(CSR_SSTATUS, SR_SIE);
}

/* Whether interrupts are on for this CPU. */
static inline bool irqs_enabled(void)
{
	return csr_read(CSR_SSTATUS) & SR_SIE;
}

/* Software interrupts (IPIs) enabled or not in sie, and acknowledged. */
static inline void local_ipi_enable(void)
{
	csr_set(CSR_SIE, IE_SSIE);
}

static inline void local_ipi_disable(void)
{
	csr_clear(CSR_SIE, IE_SSIE);
}

/*
 * Ssdbltrp's sstatus.SDT on or off (upstream's spelling): a trap taken
 * with SDT set is a double trap, which the firmware reports (FWFT
 * DOUBLE_TRAP, SSE LOCAL_DOUBLE_TRAP) instead of entering stvec.
 */
static inline void local_dlbtrp_enable(void)
{
	csr_set(CSR_SSTATUS, SR_SDT);
}

/* sstatus.SDT off: traps are single again. */
static inline void local_dlbtrp_disable(void)
{
	csr_clear(CSR_SSTATUS, SR_SDT);
}

static inline void ipi_ack(void)
{
	csr_clear(CSR_SIP, IE_SSIE);
}

/*
 * Run @handler for exception @cause (EXC_*), or interrupt @cause (IRQ_*,
 * without CAUSE_IRQ_FLAG), on this CPU from now on; NULL removes it.
 */
extern void install_exception_handler(unsigned long cause,
				      void (*handler)(struct pt_regs *));
extern void install_irq_handler(unsigned long cause,
				void (*handler)(struct pt_regs *));

/* The C side of the trap vector: dispatch the trap @regs describes. */
extern void do_handle_exception(struct pt_regs *regs);

/* Print @regs, one line per four registers, with the trap CSRs. */
extern void show_regs(struct pt_regs *regs);

/* The name of trap cause @cause (scause as read, flag included). */
extern const char *exception_cause_name(unsigned long cause);

/* The length (2 or 4) of an instruction, from its first 16 bits. */
#define RV_INSN_LEN(insn)	(((insn) & 3) == 3 ? 4 : 2)

/* The length (2 or 4) of the instruction at @pc. */
static inline unsigned long insn_len(unsigned long pc)
{
	return RV_INSN_LEN(*(const unsigned short *)pc);
}

#endif /* !__ASSEMBLY__ */
#endif /* _ASMRISCV_PROCESSOR_H_ */
