// SPDX-License-Identifier: MIT
/*
 * processor.c - arm exception dispatch, the default "unhandled" report,
 * and user mode.
 *
 * entry.S calls do_handle_exception() for every vector.  A handler
 * installed for the vector runs: the one in the user stack's
 * thread_info for an exception from user mode if it has one, else the
 * CPU's (asm/thread_info.h: handlers are per CPU, as upstream has
 * them).  Anything else is reported (vector, fault status and address,
 * registers, backtrace) and ends the test as failed: an unexpected
 * exception must never hang or be lost.
 */
#include <libcflat.h>
#include <asm/processor.h>
#include <asm/thread_info.h>
#include <asm/asm-offsets.h>
#include <asm/smp.h>
#include <util.h>

/* entry.S and inline asm rely on these: check them against the C layout. */
static_assert(S_R0 == offsetof(struct pt_regs, ARM_r0));
static_assert(S_R1 == offsetof(struct pt_regs, ARM_r1));
static_assert(S_R10 == offsetof(struct pt_regs, ARM_r10));
static_assert(S_FP == offsetof(struct pt_regs, ARM_fp));
static_assert(S_IP == offsetof(struct pt_regs, ARM_ip));
static_assert(S_SP == offsetof(struct pt_regs, ARM_sp));
static_assert(S_LR == offsetof(struct pt_regs, ARM_lr));
static_assert(S_PC == offsetof(struct pt_regs, ARM_pc));
static_assert(S_PSR == offsetof(struct pt_regs, ARM_cpsr));
static_assert(S_OLD_R0 == offsetof(struct pt_regs, ARM_ORIG_r0));
static_assert(S_FRAME_SIZE == sizeof(struct pt_regs));
static_assert(TI_CPU == offsetof(struct thread_info, cpu));
static_assert(TI_FLAGS == offsetof(struct thread_info, flags));

unsigned long dcache_line_size;

#define USR_EXIT_SVC	0x4b55

extern char usr_exit_trampoline[];

static const char *const vector_names[EXCPTN_MAX] = {
	"rst", "und", "svc", "pabt", "dabt", "addrexcptn", "irq", "fiq",
};

static const char *const mode_names[32] = {
	[USR_MODE & 0xf] = "usr", [FIQ_MODE & 0xf] = "fiq",
	[IRQ_MODE & 0xf] = "irq", [SVC_MODE & 0xf] = "svc",
	[MON_MODE & 0xf] = "mon", [ABT_MODE & 0xf] = "abt",
	[HYP_MODE & 0xf] = "hyp", [UND_MODE & 0xf] = "und",
	[SYSTEM_MODE & 0xf] = "sys",
};

void show_regs(struct pt_regs *regs)
{
	const char *mode = mode_names[processor_mode(regs) & 0xf];
	int i;

	printf("pc : %08lx  lr : %08lx  cpsr: %08lx (%s mode%s)\n",
	       regs->ARM_pc, regs->ARM_lr, regs->ARM_cpsr, mode ? mode : "?",
	       thumb_mode(regs) ? ", Thumb" : "");
	printf("sp : %08lx  ip : %08lx  fp : %08lx\n",
	       regs->ARM_sp, regs->ARM_ip, regs->ARM_fp);
	for (i = 0; i < 11; i++)
		printf("r%-2d: %08lx%s", i, regs->uregs[i],
		       (i % 4 == 3 || i == 10) ? "\n" : "  ");
}

static void __noreturn unhandled(enum vector v, struct pt_regs *regs)
{
	printf("Unhandled exception: %s (vector %d) on CPU %d\n",
	       v < EXCPTN_MAX ? vector_names[v] : "?", v, smp_processor_id());
	if (v == EXCPTN_DABT)
		printf("DFSR: %08x  DFAR: %08x\n", (u32)read_sysreg(DFSR),
		       (u32)read_sysreg(DFAR));
	else if (v == EXCPTN_PABT)
		printf("IFSR: %08x  IFAR: %08x\n", (u32)read_sysreg(IFSR),
		       (u32)read_sysreg(IFAR));
	show_regs(regs);
	dump_frame_stack((void *)regs->ARM_pc, (void *)regs->ARM_fp);
	abort();
}

void do_handle_exception(enum vector v, struct pt_regs *regs);
void do_handle_exception(enum vector v, struct pt_regs *regs)
{
	struct thread_info *ti = thread_info_sp(regs->ARM_sp);

	if (v == EXCPTN_SVC && user_mode(regs) &&
	    regs->ARM_pc == (unsigned long)usr_exit_trampoline + 4 &&
	    (*(u32 *)(regs->ARM_pc - 4) & 0xffffff) == USR_EXIT_SVC)
		exit(report_summary());

	if (v < EXCPTN_MAX) {
		if (!(user_mode(regs) && ti->flags & TIF_USER_MODE &&
		      ti->exception_handlers[v]))
			ti = current_thread_info();
		if (ti->exception_handlers[v]) {
			ti->exception_handlers[v](regs);
			return;
		}
	}
	unhandled(v, regs);
}

void install_exception_handler(enum vector v, exception_fn fn)
{
	if (v < EXCPTN_MAX)
		current_thread_info()->exception_handlers[v] = fn;
}

void thread_info_init(struct thread_info *ti, unsigned int flags)
{
	memset(ti, 0, sizeof(*ti));
	ti->cpu = mpidr_to_cpu(get_mpidr());
	ti->flags = flags;
}

void install_irq_handler(enum vector v, irq_handler_fn fn)
{
	install_exception_handler(v, fn);
}
