// SPDX-License-Identifier: MIT
/*
 * processor.c - arm64 exception dispatch, the default "unhandled" report,
 * and user mode.
 *
 * entry.S calls do_handle_exception() for every vector.  The handlers
 * live in the CPU's struct thread_info (asm/thread_info.h): a vector
 * handler (the default dispatch, unless a test took the vector over with
 * install_vector_handler()), then for synchronous exceptions a handler
 * per exception class, for interrupts the IRQ handler (kept in the
 * vector's class-0 slot, as upstream does).  For an exception from user
 * mode the user stack's thread_info is asked first, then the CPU's.
 * Anything without a handler is reported (vector, syndrome, fault
 * address, registers, backtrace) and ends the test as failed: an
 * unexpected exception must never hang or be lost.
 */
#include <libcflat.h>
#include <asm/processor.h>
#include <asm/thread_info.h>
#include <asm/asm-offsets.h>
#include <asm/smp.h>
#include <asm/mmu.h>
#include <util.h>

/* entry.S and inline asm rely on these: check them against the C layout. */
static_assert(S_X0 == offsetof(struct pt_regs, regs[0]));
static_assert(S_X1 == offsetof(struct pt_regs, regs[1]));
static_assert(S_X7 == offsetof(struct pt_regs, regs[7]));
static_assert(S_LR == offsetof(struct pt_regs, regs[30]));
static_assert(S_SP == offsetof(struct pt_regs, sp));
static_assert(S_PC == offsetof(struct pt_regs, pc));
static_assert(S_PSTATE == offsetof(struct pt_regs, pstate));
static_assert(S_ORIG_X0 == offsetof(struct pt_regs, orig_x0));
static_assert(S_SYSCALLNO == offsetof(struct pt_regs, syscallno));
static_assert(S_FP == sizeof(struct pt_regs));
static_assert(S_FRAME_SIZE == sizeof(struct pt_regs) + 16);
static_assert(TI_CPU == offsetof(struct thread_info, cpu));
static_assert(TI_FLAGS == offsetof(struct thread_info, flags));

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
	case ESR_ELx_EC_UNKNOWN:	return "UNKNOWN";
	case ESR_ELx_EC_WFx:		return "WFI/WFE";
	case ESR_ELx_EC_FP_ASIMD:	return "FP_ASIMD";
	case ESR_ELx_EC_ILL:	return "ILLEGAL_STATE";
	case ESR_ELx_EC_SVC64:		return "SVC64";
	case ESR_ELx_EC_SYS64:		return "SYS64";
	case ESR_ELx_EC_IABT_LOW:	return "IABT_EL0";
	case ESR_ELx_EC_IABT_CUR:	return "IABT_EL1";
	case ESR_ELx_EC_PC_ALIGN:	return "PC_ALIGN";
	case ESR_ELx_EC_DABT_LOW:	return "DABT_EL0";
	case ESR_ELx_EC_DABT_CUR:	return "DABT_EL1";
	case ESR_ELx_EC_SP_ALIGN:	return "SP_ALIGN";
	case ESR_ELx_EC_SERROR:		return "SERROR";
	case ESR_ELx_EC_BREAKPT_LOW:	return "BREAKPT_EL0";
	case ESR_ELx_EC_BREAKPT_CUR:	return "BREAKPT_EL1";
	case ESR_ELx_EC_SOFTSTP_LOW:	return "SOFTSTP_EL0";
	case ESR_ELx_EC_SOFTSTP_CUR:	return "SOFTSTP_EL1";
	case ESR_ELx_EC_WATCHPT_LOW:	return "WATCHPT_EL0";
	case ESR_ELx_EC_WATCHPT_CUR:	return "WATCHPT_EL1";
	case ESR_ELx_EC_BRK64:		return "BRK64";
	}
	return "?";
}

bool get_far(unsigned int esr, unsigned long *far)
{
	unsigned int ec = ESR_ELx_EC(esr);

	*far = read_sysreg(far_el1);
	switch (ec) {
	case ESR_ELx_EC_DABT_LOW:
	case ESR_ELx_EC_DABT_CUR:
	case ESR_ELx_EC_IABT_LOW:
	case ESR_ELx_EC_IABT_CUR:
		return !(esr & ESR_ELx_FnV);
	case ESR_ELx_EC_PC_ALIGN:
	case ESR_ELx_EC_WATCHPT_LOW:
	case ESR_ELx_EC_WATCHPT_CUR:
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
	unsigned int ec = ESR_ELx_EC(esr);
	unsigned long far;
	bool far_valid = get_far(esr, &far);

	printf("Unhandled exception: %s (vector %d %s) on CPU %d\n", what, v,
	       vector_names[v], smp_processor_id());
	printf("ESR: %08x  EC: %#x %s  ISS: %#x\n", esr, ec, ec_name(ec),
	       (unsigned int)(esr & ESR_ELx_ISS_MASK));
	printf("FAR: %016lx%s\n", far, far_valid ? "" : " (not valid)");
	printf("ELR: %016lx  SPSR: %08lx\n", (unsigned long)regs->pc,
	       (unsigned long)regs->pstate);
	show_regs(regs);
	dump_frame_stack((void *)(unsigned long)regs->pc,
			 (void *)(unsigned long)regs->regs[29]);
	abort();
}

/*
 * The thread_info whose handlers an exception goes to first: the user
 * stack's for an exception from user mode, else the CPU's.
 */
static struct thread_info *handler_ti(struct pt_regs *regs)
{
	struct thread_info *ti = thread_info_sp(regs->sp);

	return ti->flags & TIF_USER_MODE ? ti : current_thread_info();
}

/* The handler of @v's @slot (an EC, or 0 for interrupts), as handler_ti() says. */
static exception_fn find_handler(struct pt_regs *regs, enum vector v,
				 unsigned int slot)
{
	exception_fn fn = handler_ti(regs)->exception_handlers[v][slot];

	return fn ? fn : current_thread_info()->exception_handlers[v][slot];
}

void default_vector_sync_handler(enum vector v, struct pt_regs *regs,
				 unsigned int esr)
{
	unsigned int ec = ESR_ELx_EC(esr);
	exception_fn fn;

	if (v == EL0_SYNC_64 && ec == ESR_ELx_EC_SVC64 &&
	    (esr & 0xffff) == USR_EXIT_SVC &&
	    regs->pc == (unsigned long)usr_exit_trampoline + 4)
		exit(report_summary());
	fn = find_handler(regs, v, ec);
	if (!fn)
		unhandled(v, regs, esr, "synchronous");
	fn(regs, esr);
}

void default_vector_irq_handler(enum vector v, struct pt_regs *regs,
				unsigned int esr)
{
	exception_fn fn = find_handler(regs, v, 0);

	if (!fn)
		unhandled(v, regs, esr, "interrupt");
	/* install_irq_handler() stored an irq_handler_fn in slot 0. */
	((irq_handler_fn)(void (*)(void))fn)(regs);
}

void vector_handlers_default_init(vector_fn *handlers)
{
	handlers[EL1H_SYNC] = handlers[EL0_SYNC_64] = default_vector_sync_handler;
	handlers[EL1H_IRQ] = handlers[EL0_IRQ_64] = default_vector_irq_handler;
}

void do_handle_exception(enum vector v, struct pt_regs *regs,
			 unsigned int esr);
void do_handle_exception(enum vector v, struct pt_regs *regs,
			 unsigned int esr)
{
	vector_fn fn;

	if (v >= VECTOR_MAX)
		unhandled(EL1H_ERROR, regs, esr, "bad vector");
	fn = handler_ti(regs)->vector_handlers[v];
	if (!fn)
		fn = current_thread_info()->vector_handlers[v];
	if (!fn)
		unhandled(v, regs, esr, "unexpected vector");
	fn(v, regs, esr);
}

void install_vector_handler(enum vector v, vector_fn fn)
{
	if (v < VECTOR_MAX)
		current_thread_info()->vector_handlers[v] = fn;
}

void install_exception_handler(enum vector v, unsigned int ec,
			       exception_fn fn)
{
	if (v < VECTOR_MAX && ec < EC_MAX)
		current_thread_info()->exception_handlers[v][ec] = fn;
}

void install_irq_handler(enum vector v, irq_handler_fn fn)
{
	if (v < VECTOR_MAX)
		current_thread_info()->exception_handlers[v][0] = (exception_fn)(void (*)(void))fn;
}

void thread_info_init(struct thread_info *ti, unsigned int flags)
{
	memset(ti, 0, sizeof(*ti));
	ti->cpu = mpidr_to_cpu(get_mpidr());
	ti->flags = flags;
	vector_handlers_default_init(ti->vector_handlers);
}
