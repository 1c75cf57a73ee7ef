// SPDX-License-Identifier: MIT
/*
 * exceptions.c - an x86 test in the usual shape: probe a CPU feature,
 * expect a fault, and recover from it, the three ways the API offers
 * (a handler, ASM_TRY, and the *_safe helpers built on it).
 */
#include <libcflat.h>
#include <x86/processor.h>
#include <x86/desc.h>

static int ud_seen;

/* ud2 is two bytes long: step over it and go on. */
static void ud_handler(struct ex_regs *regs)
{
	ud_seen++;
	regs->rip += 2;
}

int main(void)
{
	u64 val;

	report(this_cpu_has(X86_FEATURE_LM), "the CPU has long mode");
	report(read_cr0() & X86_CR0_PG, "paging is on");

	handle_exception(UD_VECTOR, ud_handler);
	asm volatile("ud2");
	handle_exception(UD_VECTOR, NULL);
	report(ud_seen == 1, "#UD reached the handler, which resumed");

	/* A non-canonical address faults with #GP, not #PF. */
	asm volatile(ASM_TRY("1f") "mov (%0), %%al\n\t" "1:"
		     : : "r"(NONCANONICAL) : "rax", "memory");
	report(exception_vector() == GP_VECTOR, "ASM_TRY caught the #GP");

	/* The _safe helpers return the vector instead of faulting. */
	report(rdmsr_safe(MSR_EFER, &val) == 0 && (val & EFER_LMA),
	       "EFER.LMA is set");

	return report_summary();
}
