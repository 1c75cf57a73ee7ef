// SPDX-License-Identifier: MIT
/*
 * nmi.c - non-maskable interrupts as the SDM (vol. 3A, "NMI Handling")
 * has them, delivered by the local APIC (ICR delivery mode NMI):
 *   - an NMI comes whatever IF and the TPR say;
 *   - while its handler runs, NMIs are blocked, and of those sent then
 *     exactly one is held pending and taken after the handler's IRET;
 *   - an NMI to another CPU runs there, wakes it from HLT with IF=0, and
 *     "all excluding self" reaches each other CPU once;
 *   - NMIs from two CPUs at once to a third are each taken or merged,
 *     never lost all;
 *   - an IRET inside the handler ends the blocking: an NMI held pending
 *     is taken at once, nested in the handler, which then goes on and
 *     returns intact (upstream's eventinj relies on it).
 */
#include <libcflat.h>
#include <smp.h>
#include <x86/apic.h>
#include <x86/desc.h>
#include <x86/processor.h>
#include "x86-test.h"

static volatile int nmis[MAX_TEST_CPUS], total;
static volatile int in_handler_seen;
/* The handler, once: send @resend NMIs to itself, wait, note the count. */
static volatile int resend;

/* To itself by its own ID: the SDM has no NMI with the "self" shorthand. */
static void send_nmi(u32 dest, u32 shorthand)
{
	apic_icr_write(shorthand | APIC_DEST_PHYSICAL | APIC_DM_NMI, dest);
}

static void quiet_wait(u64 cycles)
{
	u64 start = rdtsc();

	while (rdtsc() - start < cycles)
		pause();
}

static void nmi_handler(struct ex_regs *regs)
{
	int cpu = smp_id();

	(void)regs;
	nmis[cpu]++;
	total++;
	if (resend) {
		int n = resend;

		resend = 0;
		while (n--)
			send_nmi(apic_id(), 0);
		quiet_wait(QUIET_CYCLES);
		in_handler_seen = total;
	}
}

static void clear(void)
{
	int i;

	for (i = 0; i < MAX_TEST_CPUS; i++)
		nmis[i] = 0;
	total = 0;
	in_handler_seen = 0;
}

static void check_self(void)
{
	clear();
	send_nmi(apic_id(), 0);
	report(spin_for_count(&total, 1, LOST_CYCLES) && nmis[0] == 1,
	       "self-NMI with IF=0: taken");

	clear();
	apic_set_tpr(0xf);
	send_nmi(apic_id(), 0);
	report(spin_for_count(&total, 1, LOST_CYCLES),
	       "self-NMI with the TPR at 15: taken");
	apic_set_tpr(0);

	/* Three sent while blocked: one is held, two are dropped. */
	clear();
	resend = 3;
	send_nmi(apic_id(), 0);
	spin_for_count(&total, 2, LOST_CYCLES);
	quiet_wait(QUIET_CYCLES);
	report(in_handler_seen == 1,
	       "none taken while the handler runs (blocked until IRET)");
	report(total == 2, "of 3 sent meanwhile, one taken after IRET (%d in "
	       "all, want 2)", total);
}

static volatile bool halted_woke, halting;

/* On CPU 1: say it got this far, then halt with IF=0 until an NMI. */
static void halt_until_nmi(void *data)
{
	halting = true;
	halt_with_if_clear(data);
}

/* Spin until *@flag is set or @cycles TSC cycles pass. */
static bool spin_for_flag(volatile bool *flag, u64 cycles)
{
	u64 start = rdtsc();

	while (!*flag && rdtsc() - start < cycles)
		pause();
	return *flag;
}

static void check_remote(void)
{
	int cpu, others = cpu_count() - 1;
	bool once = true;

	if (!others) {
		report_skip("NMIs to other CPUs: needs -smp 2");
		return;
	}
	clear();
	send_nmi(id_map[1], 0);
	report(spin_for_count(&total, 1, LOST_CYCLES) && nmis[1] == 1,
	       "NMI to CPU 1 (APIC ID %u): taken there", id_map[1]);

	clear();
	halted_woke = halting = false;
	on_cpu_async(1, halt_until_nmi, (void *)&halted_woke);
	/* A loaded host may start CPU 1's work late: the NMI must find it halted. */
	spin_for_flag(&halting, LOST_CYCLES);
	quiet_wait(QUIET_CYCLES);
	report(halting && !halted_woke, "CPU 1 halted with IF=0");
	send_nmi(id_map[1], 0);
	spin_for_count(&total, 1, LOST_CYCLES);
	/* Its handler counted the NMI; returning past the HLT may come later. */
	spin_for_flag(&halted_woke, LOST_CYCLES);
	quiet_wait(QUIET_CYCLES);
	report(nmis[1] == 1 && halted_woke, "an NMI wakes it, past the HLT");

	clear();
	send_nmi(0, APIC_DEST_ALLBUT);
	spin_for_count(&total, others, LOST_CYCLES);
	quiet_wait(QUIET_CYCLES);
	for (cpu = 1; cpu <= others; cpu++)
		once &= nmis[cpu] == 1;
	report(once && nmis[0] == 0 && total == others,
	       "all excluding self: once on each of %d CPUs (%d in all)",
	       others, total);
}

static void nmi_to_cpu0(void *data)
{
	(void)data;
	send_nmi(id_map[0], 0);
}

static void check_concurrent(void)
{
	if (cpu_count() < 3) {
		report_skip("NMIs from two CPUs at once: needs -smp 3");
		return;
	}
	clear();
	on_cpu_async(1, nmi_to_cpu0, NULL);
	on_cpu_async(2, nmi_to_cpu0, NULL);
	spin_for_count(&total, 2, LOST_CYCLES);
	quiet_wait(QUIET_CYCLES);
	report(nmis[0] >= 1 && nmis[0] <= 2,
	       "NMIs from CPUs 1 and 2 at once: %d taken on CPU 0", nmis[0]);
}

static volatile int nested, nested_before_iret, outer_done;

static void nested_handler(struct ex_regs *regs)
{
	(void)regs;
	nested++;
}

/* IRET to the next instruction: same CPL, same stack. */
static void iret_here(void)
{
#ifdef __x86_64__
	asm volatile("mov %%rsp, %%rax\n\t"
		     "mov %%ss, %%ecx\n\t"
		     "push %%rcx\n\t"
		     "push %%rax\n\t"
		     "pushfq\n\t"
		     "mov %%cs, %%ecx\n\t"
		     "push %%rcx\n\t"
		     "lea 1f(%%rip), %%rax\n\t"
		     "push %%rax\n\t"
		     "iretq\n"
		     "1:"
		     ::: "rax", "rcx", "memory");
#else
	asm volatile("pushfl\n\t"
		     "push %%cs\n\t"
		     "push $1f\n\t"
		     "iretl\n"
		     "1:"
		     ::: "memory");
#endif
}

static void outer_handler(struct ex_regs *regs)
{
	(void)regs;
	handle_exception(NMI_VECTOR, nested_handler);
	send_nmi(apic_id(), 0);
	quiet_wait(QUIET_CYCLES);
	nested_before_iret = nested;
	iret_here();
	spin_for_count(&nested, 1, LOST_CYCLES);
	outer_done = 1;
}

static void check_nested_after_iret(void)
{
	handle_exception(NMI_VECTOR, outer_handler);
	send_nmi(apic_id(), 0);
	spin_for_count(&outer_done, 1, LOST_CYCLES);
	report(outer_done && !nested_before_iret && nested == 1,
	       "an IRET in the handler: the pending NMI is taken then, "
	       "nested, and the handler goes on (%d nested)", nested);
	handle_exception(NMI_VECTOR, nmi_handler);
}

int main(void)
{
	report_prefix_push("nmi");
	handle_exception(NMI_VECTOR, nmi_handler);
	check_self();
	check_remote();
	check_concurrent();
	check_nested_after_iret();
	handle_exception(NMI_VECTOR, NULL);
	return report_summary();
}
