// SPDX-License-Identifier: MIT
/*
 * processor.c - riscv trap dispatch, the per-CPU handler tables, and the
 * "unhandled" report.
 *
 * entry.S calls do_handle_exception() for every trap.  The handler the
 * trapping CPU installed for the cause runs; without one the trap is
 * reported (cause, trap value, registers, backtrace) and the test ends
 * as failed: an unexpected exception must never hang or be lost.
 */
#include <libcflat.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/smp.h>

#include "riscv.h"

static const char *const exception_names[EXCEPTION_CAUSE_MAX] = {
	[EXC_INST_MISALIGNED] = "instruction address misaligned",
	[EXC_INST_ACCESS] = "instruction access fault",
	[EXC_INST_ILLEGAL] = "illegal instruction",
	[EXC_BREAKPOINT] = "breakpoint",
	[EXC_LOAD_MISALIGNED] = "load address misaligned",
	[EXC_LOAD_ACCESS] = "load access fault",
	[EXC_STORE_MISALIGNED] = "store address misaligned",
	[EXC_STORE_ACCESS] = "store access fault",
	[EXC_SYSCALL] = "environment call from U-mode",
	[EXC_HYPERVISOR_SYSCALL] = "environment call from S-mode",
	[EXC_SUPERVISOR_SYSCALL] = "environment call from VS-mode",
	[EXC_INST_PAGE_FAULT] = "instruction page fault",
	[EXC_LOAD_PAGE_FAULT] = "load page fault",
	[EXC_STORE_PAGE_FAULT] = "store page fault",
};

static const char *const interrupt_names[INTERRUPT_CAUSE_MAX] = {
	[IRQ_S_SOFT] = "supervisor software interrupt",
	[IRQ_S_TIMER] = "supervisor timer interrupt",
	[IRQ_S_EXT] = "supervisor external interrupt",
};

const char *exception_cause_name(unsigned long cause)
{
	unsigned long nr = cause & ~CAUSE_IRQ_FLAG;
	const char *name = NULL;

	if (cause & CAUSE_IRQ_FLAG) {
		if (nr < INTERRUPT_CAUSE_MAX)
			name = interrupt_names[nr];
	} else if (nr < EXCEPTION_CAUSE_MAX) {
		name = exception_names[nr];
	}
	return name ? name : "unknown cause";
}

void show_regs(struct pt_regs *regs)
{
	static const char *const names[32] = {
		"pc", "ra", "sp", "gp", "tp", "t0", "t1", "t2",
		"s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
		"a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
		"s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
	};
	const unsigned long *r = (const unsigned long *)regs;
	int i;

	printf("sstatus: %016lx  stval: %016lx  scause: %016lx\n",
	       regs->status, regs->badaddr, regs->cause);
	for (i = 0; i < 32; i++)
		printf("%3s: %016lx%s", names[i], r[i], i % 4 == 3 ? "\n" : "  ");
}

static void __noreturn unhandled(struct pt_regs *regs)
{
	bool irq = regs->cause & CAUSE_IRQ_FLAG;

	printf("Unhandled %s: cause %lu (%s) on CPU %d\n",
	       irq ? "interrupt" : "exception", regs->cause & ~CAUSE_IRQ_FLAG,
	       exception_cause_name(regs->cause), smp_processor_id());
	printf("sepc: %016lx  stval: %016lx\n", regs->epc, regs->badaddr);
	show_regs(regs);
	riscv_dump_trap_stack(regs);
	abort();
}

void do_handle_exception(struct pt_regs *regs)
{
	struct thread_info *info = current_thread_info();
	unsigned long nr = regs->cause & ~CAUSE_IRQ_FLAG;
	exception_fn fn = NULL;

	if (regs->cause & CAUSE_IRQ_FLAG) {
		if (nr < INTERRUPT_CAUSE_MAX)
			fn = info->interrupt_handlers[nr];
	} else if (nr < EXCEPTION_CAUSE_MAX) {
		fn = info->exception_handlers[nr];
	}
	if (!fn)
		unhandled(regs);
	fn(regs);
}

void install_exception_handler(unsigned long cause,
			       void (*handler)(struct pt_regs *))
{
	assert(cause < EXCEPTION_CAUSE_MAX);
	current_thread_info()->exception_handlers[cause] = handler;
}

void install_irq_handler(unsigned long cause, void (*handler)(struct pt_regs *))
{
	assert(cause < INTERRUPT_CAUSE_MAX);
	current_thread_info()->interrupt_handlers[cause] = handler;
}
