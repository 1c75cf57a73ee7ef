// SPDX-License-Identifier: MIT
/*
 * processor.c - arm64 exception dispatch, the default "unhandled" report,
 * and user mode.
 *
 * entry.S calls do_handle_exception() for every vector.  A handler taken
 * over with install_vector_handler() wins; otherwise synchronous
 * exceptions go to the handler for their exception class, interrupts to
 * the IRQ handler, and anything without a handler is reported (vector,
 * syndrome, fault address, registers, backtrace) and ends the test as
 * failed: an unexpected exception must never hang or be lost.
 */
#include <libcflat.h>
#include <asm/processor.h>
#include <asm/thread_info.h>
#include <asm/smp.h>

static vector_fn vector_handlers[VECTOR_MAX];
static exception_fn exception_handlers[VECTOR_MAX][EC_MAX];
static irq_handler_fn irq_handlers[VECTOR_MAX];

unsigned long dcache_line_size;

/* The svc immediate of usr_exit_trampoline (entry.S). */
#define USR_EXIT_SVC	0x4b55

extern char usr_exit_trampoline[];

static const char *const vector_names[VECTOR_MAX] = {
	"EL1T_SYNC", "EL1T_IRQ", "EL1T_FIQ", "EL1T_ERROR",
	"EL1H_SYNC", "EL1H_IRQ", "EL1H_FIQ", "EL1H_ERROR",
	"EL0_SYNC_64", "EL0_IRQ_64", "EL0_FIQ_64", "EL0_ERROR_64",
	"EL0_SYNC_32", "EL0_IRQ_32", "EL0_FIQ_32", "EL0_ERROR_32",
};

static const char *ec_name(unsigned int ec)
{
	switch (ec) {
	case ESR_EL1_EC_UNKNOWN:	return "UNKNOWN";
	case ESR_EL1_EC_WFI:		return "WFI/WFE";
	case ESR_EL1_EC_FP_ASIMD:	return "FP_ASIMD";
	case ESR_EL1_EC_ILL_ISS:	return "ILLEGAL_STATE";
	case ESR_EL1_EC_SVC64:		return "SVC64";
	case ESR_EL1_EC_SYS64:		return "SYS64";
	case ESR_EL1_EC_IABT_EL0:	return "IABT_EL0";
	case ESR_EL1_EC_IABT_EL1:	return "IABT_EL1";
	case ESR_EL1_EC_PC_ALIGN:	return "PC_ALIGN";
	case ESR_EL1_EC_DABT_EL0:	return "DABT_EL0";
	case ESR_EL1_EC_DABT_EL1:	return "DABT_EL1";
	case ESR_EL1_EC_SP_ALIGN:	return "SP_ALIGN";
	case ESR_EL1_EC_SERROR:		return "SERROR";
	case ESR_EL1_EC_BREAKPT_EL0:	return "BREAKPT_EL0";
	case ESR_EL1_EC_BREAKPT_EL1:	return "BREAKPT_EL1";
	case ESR_EL1_EC_SOFTSTP_EL0:	return "SOFTSTP_EL0";
	case ESR_EL1_EC_SOFTSTP_EL1:	return "SOFTSTP_EL1";
	case ESR_EL1_EC_WATCHPT_EL0:	return "WATCHPT_EL0";
	case ESR_EL1_EC_WATCHPT_EL1:	return "WATCHPT_EL1";
	case ESR_EL1_EC_BRK64:		return "BRK64";
	}
	return "?";
}

bool get_far(unsigned int esr, unsigned long *far)
{
	unsigned int ec = ESR_EL1_EC(esr);

	*far = read_sysreg(far_el1);
	switch (ec) {
	case ESR_EL1_EC_DABT_EL0:
	case ESR_EL1_EC_DABT_EL1:
	case ESR_EL1_EC_IABT_EL0:
	case ESR_EL1_EC_IABT_EL1:
		return !(esr & ESR_EL1_FnV);
	case ESR_EL1_EC_PC_ALIGN:
	case ESR_EL1_EC_WATCHPT_EL0:
	case ESR_EL1_EC_WATCHPT_EL1:
		return true;
	}
	return false;
}

void show_regs(struct pt_regs *regs)
{
	int i;

	printf("pc : %016lx  pstate: %08lx  sp : %016lx\n",
	       (unsigned long)regs->pc, (unsigned long)regs->pstate,
	       (unsigned long)regs->sp);
	for (i = 0; i < 31; i++)
		printf("x%-2d: %016lx%s", i, (unsigned long)regs->regs[i],
		       (i % 4 == 3 || i == 30) ? "\n" : "  ");
}

static void __noreturn unhandled(enum vector v, struct pt_regs *regs,
				 unsigned int esr, const char *what)
{
	unsigned int ec = ESR_EL1_EC(esr);
	unsigned long far;
	bool far_valid = get_far(esr, &far);

	printf("Unhandled exception: %s (vector %d %s) on CPU %d\n", what, v,
	       vector_names[v], smp_processor_id());
	printf("ESR: %08x  EC: %#x %s  ISS: %#x\n", esr, ec, ec_name(ec),
	       esr & ESR_EL1_ISS_MASK);
	printf("FAR: %016lx%s\n", far, far_valid ? "" : " (not valid)");
	printf("ELR: %016lx  SPSR: %08lx\n", (unsigned long)regs->pc,
	       (unsigned long)regs->pstate);
	show_regs(regs);
	dump_frame_stack((void *)(unsigned long)regs->pc,
			 (void *)(unsigned long)regs->regs[29]);
	abort();
}

void default_vector_sync_handler(enum vector v, struct pt_regs *regs,
				 unsigned int esr)
{
	unsigned int ec = ESR_EL1_EC(esr);

	if (v == EL0_SYNC_64 && ec == ESR_EL1_EC_SVC64 &&
	    (esr & 0xffff) == USR_EXIT_SVC &&
	    regs->pc == (unsigned long)usr_exit_trampoline + 4)
		exit(report_summary());
	if (exception_handlers[v][ec]) {
		exception_handlers[v][ec](regs, esr);
		return;
	}
	unhandled(v, regs, esr, "synchronous");
}

void default_vector_irq_handler(enum vector v, struct pt_regs *regs,
				unsigned int esr)
{
	if (irq_handlers[v]) {
		irq_handlers[v](regs);
		return;
	}
	unhandled(v, regs, esr, "interrupt");
}

void do_handle_exception(enum vector v, struct pt_regs *regs,
			 unsigned int esr);
void do_handle_exception(enum vector v, struct pt_regs *regs,
			 unsigned int esr)
{
	if (v >= VECTOR_MAX)
		unhandled(EL1H_ERROR, regs, esr, "bad vector");
	if (vector_handlers[v]) {
		vector_handlers[v](v, regs, esr);
		return;
	}
	switch (v) {
	case EL1H_SYNC:
	case EL0_SYNC_64:
		default_vector_sync_handler(v, regs, esr);
		break;
	case EL1H_IRQ:
	case EL0_IRQ_64:
		default_vector_irq_handler(v, regs, esr);
		break;
	default:
		unhandled(v, regs, esr, "unexpected vector");
	}
}

void install_vector_handler(enum vector v, vector_fn fn)
{
	if (v < VECTOR_MAX)
		vector_handlers[v] = fn;
}

void install_exception_handler(enum vector v, unsigned int ec,
			       exception_fn fn)
{
	if (v < VECTOR_MAX && ec < EC_MAX)
		exception_handlers[v][ec] = fn;
}

void install_irq_handler(enum vector v, irq_handler_fn fn)
{
	if (v < VECTOR_MAX)
		irq_handlers[v] = fn;
}
