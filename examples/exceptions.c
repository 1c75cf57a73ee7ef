// SPDX-License-Identifier: MIT
/*
 * exceptions.c - an x86 test in the usual shape: probe a CPU feature,
 * expect a fault, and recover from it, the three ways the API offers
 * (a handler, ASM_TRY, and the *_safe helpers built on it).  The same
 * source builds for x86_64 and i386.
 */
#include <libcflat.h>
#include <x86/processor.h>
#include <x86/desc.h>

/* A selector past the end of the GDT: loading it raises #GP. */
#define BAD_SELECTOR	0xfff8

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

	report(this_cpu_has(X86_FEATURE_APIC), "the CPU has a local APIC");
	report(read_cr0() & X86_CR0_PG, "paging is on");

	handle_exception(UD_VECTOR, ud_handler);
	asm volatile("ud2");
	handle_exception(UD_VECTOR, NULL);
	report(ud_seen == 1, "#UD reached the handler, which resumed");

	asm volatile(ASM_TRY("1f") "mov %0, %%fs\n\t" "1:"
		     : : "r"(BAD_SELECTOR) : "memory");
	report(exception_vector() == GP_VECTOR &&
	       exception_error_code() == BAD_SELECTOR,
	       "ASM_TRY caught the #GP, error code %#x", exception_error_code());
	write_fs(KERNEL_DS);

	/* The _safe helpers return the vector instead of faulting. */
	report(rdmsr_safe(MSR_IA32_APICBASE, &val) == 0 && (val & (1u << 11)),
	       "the APIC is enabled in IA32_APIC_BASE");

	return report_summary();
}
