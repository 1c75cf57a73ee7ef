// SPDX-License-Identifier: MIT
/*
 * interrupt.c - the C side of s390x interrupts (asm/interrupt.h): what
 * happens to each class, the expected-interrupt bookkeeping of upstream
 * kvm-unit-tests' API, and the report of an interrupt nobody expected.
 *
 * A program interrupt a test announced (expect_pgm_int()) is recorded in
 * the lowcore and execution resumes after the instruction: conditions
 * that nullify the instruction leave the old PSW pointing at it, so the
 * PSW is moved on by the instruction length; the others point past it
 * already.  Any other interrupt that nobody asked for ends the test as
 * failed, after printing the class, the code, the old PSW, the general
 * and control registers and a backtrace.  Should the report itself be
 * interrupted, a shorter way out is taken, so that a broken console or
 * stack cannot make the test hang.
 */
#include <libcflat.h>
#include <stddef.h>
#include <asm/arch_def.h>
#include <asm/asm-offsets.h>
#include <asm/barrier.h>
#include <asm/facility.h>
#include <asm/interrupt.h>
#include <interrupt.h>
#include <fault.h>
#include <sclp.h>
#include <sie.h>

#include "s390x.h"

/* The hand-written asm-offsets.h must match the structures. */
#define CHECK_LC(name, field) \
	_Static_assert(GEN_LC_##name == offsetof(struct lowcore, field), #name)
CHECK_LC(EXT_INT_CODE, ext_int_code);
CHECK_LC(PGM_INT_ID, pgm_int_id);
CHECK_LC(PGM_INT_CODE, pgm_int_code);
CHECK_LC(TRANS_EXC_ID, trans_exc_id);
CHECK_LC(SUBSYS_ID_WORD, subsys_id_word);
CHECK_LC(IO_INT_WORD, io_int_word);
CHECK_LC(STFL, stfl);
CHECK_LC(MCCK_INT_CODE, mcck_int_code);
CHECK_LC(BREAKING_EVENT_ADDR, breaking_event_addr);
CHECK_LC(RESTART_OLD_PSW, restart_old_psw);
CHECK_LC(EXT_OLD_PSW, ext_old_psw);
CHECK_LC(SVC_OLD_PSW, svc_old_psw);
CHECK_LC(PGM_OLD_PSW, pgm_old_psw);
CHECK_LC(MCCK_OLD_PSW, mcck_old_psw);
CHECK_LC(IO_OLD_PSW, io_old_psw);
CHECK_LC(RESTART_NEW_PSW, restart_new_psw);
CHECK_LC(EXT_NEW_PSW, ext_new_psw);
CHECK_LC(SVC_NEW_PSW, svc_new_psw);
CHECK_LC(PGM_NEW_PSW, pgm_new_psw);
CHECK_LC(MCCK_NEW_PSW, mcck_new_psw);
CHECK_LC(IO_NEW_PSW, io_new_psw);
CHECK_LC(SW_INT_GRS, sw_int_grs);
CHECK_LC(SW_INT_CRS, sw_int_crs);
CHECK_LC(SW_INT_PSW, sw_int_psw);
CHECK_LC(THIS_CPU, this_cpu);
CHECK_LC(MCCK_EXT_SA_ADDR, mcck_ext_sa_addr);
CHECK_LC(FPRS_SA, fprs_sa);
CHECK_LC(GRS_SA, grs_sa);
CHECK_LC(PSW_SA, psw_sa);
CHECK_LC(PREFIX_SA, prefix_sa);
CHECK_LC(FPC_SA, fpc_sa);
CHECK_LC(TOD_PR_SA, tod_pr_sa);
CHECK_LC(CPUTM_SA, cputm_sa);
CHECK_LC(CC_SA, cc_sa);
CHECK_LC(ARS_SA, ars_sa);
CHECK_LC(CRS_SA, crs_sa);
CHECK_LC(PGM_INT_TDB, pgm_int_tdb);
_Static_assert(STACK_FRAME_INT_GRS0 == offsetof(struct stack_frame_int, grs0), "grs0");
_Static_assert(STACK_FRAME_INT_GRS1 == offsetof(struct stack_frame_int, grs1), "grs1");
_Static_assert(STACK_FRAME_INT_FPC == offsetof(struct stack_frame_int, fpc), "fpc");
_Static_assert(STACK_FRAME_INT_FPRS == offsetof(struct stack_frame_int, fprs), "fprs");
_Static_assert(STACK_FRAME_INT_CRS == offsetof(struct stack_frame_int, crs), "crs");
_Static_assert(STACK_FRAME_INT_SIZE == sizeof(struct stack_frame_int), "size");
_Static_assert(STACK_FRAME_SIZE == sizeof(struct stack_frame), "frame");
/* A frame's r14 slot is where the interrupt frame keeps r14. */
_Static_assert(offsetof(struct stack_frame, grs[8]) ==
	       offsetof(struct stack_frame_int, grs0[12]), "r14");

/* 64-bit addressing, DAT and interrupts off: how every handler starts. */
#define HANDLER_PSW_MASK	PSW_MASK_64

void s390x_setup_irq_psws(struct lowcore *lc)
{
	lc->pgm_new_psw = PSW(HANDLER_PSW_MASK, pgm_int);
	lc->ext_new_psw = PSW(HANDLER_PSW_MASK, ext_int);
	lc->svc_new_psw = PSW(HANDLER_PSW_MASK, svc_int);
	lc->mcck_new_psw = PSW(HANDLER_PSW_MASK, mcck_int);
	lc->io_new_psw = PSW(HANDLER_PSW_MASK, io_int);
}

void irq_set_dat_mode(bool use_dat, enum address_space as)
{
	struct psw *psws[] = {
		&lowcore.ext_new_psw, &lowcore.svc_new_psw,
		&lowcore.pgm_new_psw, &lowcore.mcck_new_psw,
		&lowcore.io_new_psw,
	};
	size_t i;

	assert(as == AS_PRIM || as == AS_ACCR || as == AS_SECN || as == AS_HOME);
	for (i = 0; i < ARRAY_SIZE(psws); i++) {
		psws[i]->dat = use_dat;
		if (use_dat)
			psws[i]->as = as;
	}
}

/* The lowcore's record of the last program interrupt, emptied. */
static void pgm_int_forget(void)
{
	lowcore.trans_exc_id = 0;
	lowcore.pgm_int_code = 0;
}

void expect_pgm_int(void)
{
	THIS_CPU->pgm_int_expected = true;
	pgm_int_forget();
	mb();
}

void expect_ext_int(void)
{
	THIS_CPU->ext_int_expected = true;
	lowcore.ext_int_code = 0;
	mb();
}

uint16_t clear_pgm_int(void)
{
	uint16_t code;

	mb();
	THIS_CPU->pgm_int_expected = false;
	code = lowcore.pgm_int_code;
	pgm_int_forget();
	return code;
}

void check_pgm_int_code(uint16_t code)
{
	mb();
	report(code == lowcore.pgm_int_code,
	       "Program interrupt: expected(%d) == received(%d)", code,
	       lowcore.pgm_int_code);
}

void register_pgm_cleanup_func(void (*f)(struct stack_frame_int *))
{
	THIS_CPU->pgm_cleanup_func = f;
}

void register_ext_cleanup_func(void (*f)(struct stack_frame_int *))
{
	THIS_CPU->ext_cleanup_func = f;
}

static const char *pgm_code_name(uint16_t code)
{
	switch (code & 0x7f) {
	case PGM_INT_CODE_OPERATION:
		return "operation";
	case PGM_INT_CODE_PRIVILEGED_OPERATION:
		return "privileged operation";
	case PGM_INT_CODE_EXECUTE:
		return "execute";
	case PGM_INT_CODE_PROTECTION:
		return "protection";
	case PGM_INT_CODE_ADDRESSING:
		return "addressing";
	case PGM_INT_CODE_SPECIFICATION:
		return "specification";
	case PGM_INT_CODE_DATA:
		return "data";
	case PGM_INT_CODE_FIXED_POINT_OVERFLOW:
		return "fixed-point overflow";
	case PGM_INT_CODE_FIXED_POINT_DIVIDE:
		return "fixed-point divide";
	case PGM_INT_CODE_SEGMENT_TRANSLATION:
		return "segment translation";
	case PGM_INT_CODE_PAGE_TRANSLATION:
		return "page translation";
	case PGM_INT_CODE_TRANSLATION_SPEC:
		return "translation specification";
	case PGM_INT_CODE_SPECIAL_OPERATION:
		return "special operation";
	case PGM_INT_CODE_OPERAND:
		return "operand";
	case PGM_INT_CODE_ASCE_TYPE:
		return "ASCE type";
	case PGM_INT_CODE_REGION_FIRST_TRANS:
		return "region-first translation";
	case PGM_INT_CODE_REGION_SECOND_TRANS:
		return "region-second translation";
	case PGM_INT_CODE_REGION_THIRD_TRANS:
		return "region-third translation";
	case PGM_INT_CODE_MONITOR_EVENT:
		return "monitor event";
	}
	return "other";
}

/*
 * Whether the condition nullifies the instruction (the old PSW points at
 * it): DAT and access-register translation, the linkage-stack and
 * space-switch conditions, PER and crypto (Principles of Operation,
 * "Program-Interruption Conditions").
 */
static bool pgm_nullifies(uint16_t code)
{
	switch (code & 0x1ff) {
	case PGM_INT_CODE_SEGMENT_TRANSLATION:
	case PGM_INT_CODE_PAGE_TRANSLATION:
	case PGM_INT_CODE_TRACE_TABLE:
	case PGM_INT_CODE_AFX_TRANSLATION ... PGM_INT_CODE_STACK_OPERATION:
	case PGM_INT_CODE_ASCE_TYPE:
	case PGM_INT_CODE_REGION_FIRST_TRANS:
	case PGM_INT_CODE_REGION_SECOND_TRANS:
	case PGM_INT_CODE_REGION_THIRD_TRANS:
	case PGM_INT_CODE_SECURE_STOR_ACCESS:
	case PGM_INT_CODE_NON_SECURE_STOR_ACCESS:
	case PGM_INT_CODE_SECURE_STOR_VIOLATION:
	case PGM_INT_CODE_PER:
	case PGM_INT_CODE_CRYPTO_OPERATION:
		return true;
	}
	return false;
}

/* Whether @addr is in sie64a() from the SIE instruction on (sie.h). */
static bool addr_in_sie(uint64_t addr)
{
	return addr >= (uint64_t)sie_entry && addr <= (uint64_t)sie_exit;
}

/* Resume after an expected program interrupt. */
static void resume_after_pgm(struct stack_frame_int *stack)
{
	uint16_t code = lowcore.pgm_int_code;
	union teid teid;

	/* From the guest's SIE: out through sie64a()'s exit path. */
	if (addr_in_sie(lowcore.pgm_old_psw.addr)) {
		lowcore.pgm_old_psw.addr = (uint64_t)sie_exit;
		return;
	}

	switch (code & 0x7f) {
	case PGM_INT_CODE_PRIVILEGED_OPERATION:
		/* A test in problem state provoked it: back to supervisor. */
		lowcore.pgm_old_psw.mask &= ~PSW_MASK_PSTATE;
		return;
	case PGM_INT_CODE_PROTECTION:
		teid.val = lowcore.trans_exc_id;
		/*
		 * Instruction-execution protection: the PSW points at the
		 * protected code, which the test branched to with BRASL;
		 * return to the caller.
		 */
		if (prot_is_iep(teid))
			lowcore.pgm_old_psw.addr = stack->grs0[12];
		return;
	}
	if (pgm_nullifies(code))
		lowcore.pgm_old_psw.addr += lowcore.pgm_int_id;
}

static void print_regs(const struct stack_frame_int *stack)
{
	int i;

	printf("GPRs:\n");
	for (i = 0; i < 16; i++)
		printf("%sr%-2d %016lx%s", i % 4 ? " " : "  ", i,
		       i < 2 ? stack->grs1[i] : stack->grs0[i - 2],
		       i % 4 == 3 ? "\n" : "");
	printf("CRs:\n");
	for (i = 0; i < 16; i++)
		printf("%sc%-2d %016lx%s", i % 4 ? " " : "  ", i,
		       stack->crs[i], i % 4 == 3 ? "\n" : "");
}

/* Whether @addr is where sie64a() has the guest's registers loaded. */
static bool in_sie_gregs(uint64_t addr)
{
	return addr >= (uint64_t)sie_entry_gregs && addr < (uint64_t)sie_exit_gregs;
}

/*
 * Put the host's registers, which sie64a() saved, into @stack in place
 * of the guest's; r15 is the host's all along.
 */
static void host_regs_from_sie(struct stack_frame_int *stack)
{
	const struct vm_save_area *sa;
	int i;

	sa = *(struct vm_save_area **)(stack->grs0[13] + __SF_SIE_SAVEAREA);
	stack->grs1[0] = sa->host.grs[0];
	stack->grs1[1] = sa->host.grs[1];
	for (i = 2; i < 15; i++)
		stack->grs0[i - 2] = sa->host.grs[i];
}

/*
 * Depth of unexpected-interrupt reports on the way (any CPU): a second
 * one while the first is printed gets one line, a third nothing.
 */
static int report_depth;

static void __noreturn unexpected(const char *what, uint16_t code,
				  const char *name, const struct psw *old,
				  struct stack_frame_int *stack)
{
	int depth = __atomic_add_fetch(&report_depth, 1, __ATOMIC_SEQ_CST);

	if (depth > 2)
		disabled_wait(0xbad1);
	if (depth > 1) {
		printf("kut: unexpected %s interrupt %#x while reporting another\n",
		       what, code);
		exit(1);
	}
	printf("Unexpected %s interrupt: code %#x (%s) on CPU %d (address %d)\n",
	       what, code, name, THIS_CPU ? THIS_CPU->idx : -1, stap());
	printf("PSW: %016lx %016lx\n", old->mask, old->addr);
	if (addr_in_sie(old->addr))
		printf("(in SIE: a guest's interpretation)\n");
	if (!strcmp(what, "program")) {
		printf("ILC: %d\n", lowcore.pgm_int_id);
		if (code == PGM_INT_CODE_PROTECTION ||
		    (code >= PGM_INT_CODE_SEGMENT_TRANSLATION &&
		     code <= PGM_INT_CODE_PAGE_TRANSLATION) ||
		    (code >= PGM_INT_CODE_ASCE_TYPE &&
		     code <= PGM_INT_CODE_REGION_THIRD_TRANS))
			print_decode_teid(lowcore.trans_exc_id);
	}
	if (stack && in_sie_gregs(old->addr)) {
		printf("Guest registers (r14, r15: the state description's gg14, gg15):\n");
		print_regs(stack);
		host_regs_from_sie(stack);
		printf("Host registers:\n");
	}
	if (stack) {
		print_regs(stack);
		s390x_dump_int_stack(old->addr, stack->grs0[12], stack->grs0[13]);
	} else {
		dump_stack();
	}
	abort();
}

void handle_pgm_int(struct stack_frame_int *stack)
{
	struct cpu *cpu = THIS_CPU;
	uint16_t code = lowcore.pgm_int_code;

	if (!cpu->pgm_int_expected || cpu->in_interrupt_handler)
		unexpected("program", code, pgm_code_name(code),
			   &lowcore.pgm_old_psw, stack);
	cpu->pgm_int_expected = false;
	cpu->in_interrupt_handler = true;
	if (cpu->pgm_cleanup_func)
		cpu->pgm_cleanup_func(stack);
	else
		resume_after_pgm(stack);
	cpu->in_interrupt_handler = false;
}

static const char *ext_code_name(uint16_t code)
{
	switch (code) {
	case EXT_IRQ_EMERGENCY_SIG:
		return "emergency signal";
	case EXT_IRQ_EXTERNAL_CALL:
		return "external call";
	case EXT_IRQ_SERVICE_SIG:
		return "service signal";
	case EXT_IRQ_CLOCK_COMP:
		return "clock comparator";
	case EXT_IRQ_CPU_TIMER:
		return "CPU timer";
	}
	return "other";
}

void handle_ext_int(struct stack_frame_int *stack)
{
	struct cpu *cpu = THIS_CPU;
	uint16_t code = lowcore.ext_int_code;
	uint64_t subclasses;

	if (code == EXT_IRQ_EMERGENCY_SIG && cpu->kut_idle) {
		/* on_cpu()'s kick to a CPU waiting in kut (smp.c). */
		cpu->kut_idle = false;
		stack->crs[0] &= ~(1UL << CTL0_EMERGENCY_SIGNAL);
		lowcore.ext_old_psw.mask &= ~(PSW_MASK_WAIT | PSW_MASK_EXT);
		return;
	}
	if (code == EXT_IRQ_SERVICE_SIG) {
		/*
		 * The SCLP finished a request (sclp.c), whoever asked: the
		 * parameter is its SCCB's address.  Without one it only says
		 * events (console input) are pending: a request of ours may
		 * still be on its way, so the subclass stays as it is.
		 */
		if (lowcore.ext_int_param & ~7U) {
			stack->crs[0] &= ~(1UL << CTL0_SERVICE_SIGNAL);
			sclp_handle_ext();
		}
	} else if (cpu->ext_int_expected) {
		cpu->ext_int_expected = false;
	} else {
		unexpected("external", code, ext_code_name(code),
			   &lowcore.ext_old_psw, stack);
	}
	/* No subclass left enabled: resume with external interrupts off. */
	subclasses = stack->crs[0] & CR0_EXTM_MASK;
	if (subclasses == 0)
		lowcore.ext_old_psw.mask &= ~PSW_MASK_EXT;
	if (cpu->ext_cleanup_func) {
		cpu->in_interrupt_handler = true;
		cpu->ext_cleanup_func(stack);
		cpu->in_interrupt_handler = false;
	}
}

static void (*io_int_func)(void);

int register_io_int_func(void (*f)(void))
{
	if (io_int_func)
		return -1;
	io_int_func = f;
	return 0;
}

int unregister_io_int_func(void (*f)(void))
{
	if (io_int_func != f)
		return -1;
	io_int_func = NULL;
	return 0;
}

/*
 * The I/O, SVC and machine-check handlers: entry.S calls the kut_ ones
 * with the saved registers, for the report; upstream's handle_*_int()
 * take no argument, and are kept for tests that call them.
 */
void kut_io_int(struct stack_frame_int *stack)
{
	if (!io_int_func)
		unexpected("I/O", lowcore.subsys_id_word & 0xffff, "no handler",
			   &lowcore.io_old_psw, stack);
	THIS_CPU->in_interrupt_handler = true;
	io_int_func();
	THIS_CPU->in_interrupt_handler = false;
}

void kut_svc_int(struct stack_frame_int *stack)
{
	if (lowcore.svc_int_code == SVC_LEAVE_PSTATE) {
		lowcore.svc_old_psw.mask &= ~PSW_MASK_PSTATE;
		return;
	}
	unexpected("supervisor-call", lowcore.svc_int_code, "unknown SVC",
		   &lowcore.svc_old_psw, stack);
}

void kut_mcck_int(struct stack_frame_int *stack)
{
	unexpected("machine-check", (uint16_t)(lowcore.mcck_int_code >> 48),
		   "machine check", &lowcore.mcck_old_psw, stack);
}

void handle_io_int(void)
{
	kut_io_int(NULL);
}

void handle_svc_int(void)
{
	kut_svc_int(NULL);
}

void handle_mcck_int(void)
{
	kut_mcck_int(NULL);
}

/*
 * A program interrupt in entry.S itself, before the frame was complete:
 * the interrupted r15 did not point at usable memory.  We run on a stack
 * of our own; the lowcore's register save area now holds entry.S's
 * registers, r15 still the interrupted one.
 */
void kut_entry_fault(void)
{
	printf("Program interrupt %#x (%s) in kut's interrupt entry at %#lx: "
	       "the interrupted stack pointer r15=%#lx is not usable\n",
	       lowcore.pgm_int_code, pgm_code_name(lowcore.pgm_int_code),
	       lowcore.pgm_old_psw.addr, lowcore.sw_int_grs[15]);
	abort();
}
