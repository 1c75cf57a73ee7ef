// SPDX-License-Identifier: MIT
/*
 * processor.c - arm exception dispatch, the default "unhandled" report,
 * and user mode.
 *
 * entry.S calls do_handle_exception() for every vector.  A handler
 * installed for the vector runs; anything else is reported (vector,
 * fault status and address, registers, backtrace) and ends the test as
 * failed: an unexpected exception must never hang or be lost.
 */
#include <libcflat.h>
#include <asm/processor.h>
#include <asm/thread_info.h>
#include <asm/smp.h>

static exception_fn handlers[EXCPTN_MAX];

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
	if (v == EXCPTN_SVC && user_mode(regs) &&
	    regs->ARM_pc == (unsigned long)usr_exit_trampoline + 4 &&
	    (*(u32 *)(regs->ARM_pc - 4) & 0xffffff) == USR_EXIT_SVC)
		exit(report_summary());
	if (v < EXCPTN_MAX && handlers[v]) {
		handlers[v](regs);
		return;
	}
	unhandled(v, regs);
}

void install_exception_handler(enum vector v, exception_fn fn)
{
	if (v < EXCPTN_MAX)
		handlers[v] = fn;
}

void install_irq_handler(enum vector v, irq_handler_fn fn)
{
	install_exception_handler(v, fn);
}
