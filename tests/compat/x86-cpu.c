// SPDX-License-Identifier: MIT
/*
 * x86-cpu.c - x86/processor.h, x86/msr.h and x86/desc.h as upstream tests
 * use them to look at the CPU: CPUID and feature tests, control and
 * segment registers, descriptor tables, MSRs and the TSC.
 */
#include "libcflat.h"
#include "x86/processor.h"
#include "x86/msr.h"
#include "x86/desc.h"

static void test_cpuid(void)
{
	struct cpuid c = cpuid(0);
	struct cpuid l1 = raw_cpuid(1, 0);

	report_prefix_push("cpuid");
	report(c.a >= 1, "basic leaves up to %#x", c.a);
	report(!!(l1.d & (1 << 4)) == this_cpu_has(X86_FEATURE_TSC),
	       "this_cpu_has(X86_FEATURE_TSC) agrees with CPUID.1:EDX");
	report(this_cpu_has(X86_FEATURE_LM) && this_cpu_has(X86_FEATURE_MSR),
	       "long mode and MSRs");
	report(cpuid_maxphyaddr() >= 32, "MAXPHYADDR %d", cpuid_maxphyaddr());
	report(!(is_intel() && is_amd()), "vendor is not both Intel and AMD");
	report(cpuid_indexed(0x7fffffff, 0).a == 0, "leaves past the range read as 0");
	report_prefix_pop();
}

static void test_registers(void)
{
	struct descriptor_table_ptr gdtr, idtr;

	report_prefix_push("registers");
	report((read_cr0() & (X86_CR0_PE | X86_CR0_PG)) == (X86_CR0_PE | X86_CR0_PG),
	       "CR0.PE and CR0.PG");
#ifdef __x86_64__
	report(read_cr4() & X86_CR4_PAE, "CR4.PAE");
#else
	report(read_cr4() & X86_CR4_PSE, "CR4.PSE");	/* upstream's i386 paging */
#endif
	report(read_cs() == KERNEL_CS, "CS is KERNEL_CS");
	report(read_rflags() & X86_EFLAGS_FIXED, "RFLAGS bit 1");
#ifdef __x86_64__
	report(rdmsr(MSR_EFER) & EFER_LMA, "EFER.LMA");
#endif
	sgdt(&gdtr);
	sidt(&idtr);
	report(gdtr.base == (ulong)gdt, "GDTR points at gdt[]");
	report(idtr.base == (ulong)boot_idt && idtr.limit == sizeof(boot_idt) - 1,
	       "IDTR points at boot_idt[]");
	report(str() == TSS_MAIN, "TR is TSS_MAIN");
	report(get_idt_addr(&boot_idt[GP_VECTOR]) != NULL, "a #GP gate is set");
	report(rdtsc() < rdtsc(), "the TSC counts up");
	report_prefix_pop();
}

int main(void)
{
	test_cpuid();
	test_registers();
	return report_summary();
}
