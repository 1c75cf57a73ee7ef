// SPDX-License-Identifier: MIT
/*
 * x86-exceptions.c - the ways upstream x86 tests provoke and survive
 * exceptions: handle_exception() with a handler that fixes up the frame,
 * ASM_TRY with exception_vector() and exception_error_code(), the *_safe
 * and *_checking helpers, test_for_exception(), and set_exception_jmpbuf.
 */
#include "libcflat.h"
#include "x86/processor.h"
#include "x86/desc.h"
#include "x86/msr.h"

static volatile int de_hits;
static jmp_buf jmpbuf;

/* "div %ecx" is two bytes long: the handler steps over it. */
static void de_handler(struct ex_regs *regs)
{
	de_hits++;
	report(regs->vector == DE_VECTOR, "handler sees vector %ld", regs->vector);
	regs->rip += 2;
}

static void do_ud(void *data)
{
	(void)data;
	asm volatile("ud2");
}

static void do_nothing(void *data)
{
	(void)data;
}

static void gp_jumper(struct ex_regs *regs)
{
	(void)regs;
	longjmp(jmpbuf, 1);
}

/* QEMU's TCG reads unknown MSRs as 0 instead of raising #GP; KVM faults. */
static bool on_kvm(void)
{
	struct cpuid c = raw_cpuid(0x40000000, 0);
	u32 sig[4] = { c.b, c.c, c.d, 0 };

	return this_cpu_has(X86_FEATURE_HYPERVISOR) &&
	       !strcmp((char *)sig, "KVMKVMKVM");
}

static void test_missing_msr(void)
{
	u64 val;

	if (!on_kvm()) {
		report_skip("missing MSRs fault only under KVM");
		return;
	}
	report(rdmsr_safe(0x12345678, &val) == GP_VECTOR, "rdmsr_safe: #GP");
	report(rdmsr_checking(0x12345678) == GP_VECTOR, "rdmsr_checking: #GP");
	handle_exception(GP_VECTOR, gp_jumper);
	if (set_exception_jmpbuf(jmpbuf) == 0) {
		wrmsr(0x12345678, 0);
		report_fail("wrmsr of a missing MSR did not fault");
	} else {
		report_pass("set_exception_jmpbuf: back from #GP");
	}
	handle_exception(GP_VECTOR, NULL);
}

int main(int ac, char **av)
{
	(void)ac;
	(void)av;

	handle_exception(DE_VECTOR, de_handler);
	asm volatile("div %%ecx" : : "a"(1), "d"(0), "c"(0) : "memory");
	handle_exception(DE_VECTOR, NULL);
	report(de_hits == 1, "a division by zero went to the handler once");

#ifdef __x86_64__
	asm volatile(ASM_TRY("1f") "mov (%0), %%al\n\t" "1:"
		     : : "r"(NONCANONICAL) : "rax", "memory");
	report(exception_vector() == GP_VECTOR && exception_error_code() == 0,
	       "ASM_TRY: a non-canonical load -> #GP(0)");
#else
	/* i386 has no canonical addresses: a selector past the GDT faults. */
	asm volatile(ASM_TRY("1f") "mov %0, %%fs\n\t" "1:"
		     : : "r"(0xfff8) : "memory");
	report(exception_vector() == GP_VECTOR && exception_error_code() == 0xfff8,
	       "ASM_TRY: a selector past the GDT -> #GP(selector)");
	write_fs(KERNEL_DS);
#endif

	report(wrmsr_safe(MSR_IA32_TSC, rdmsr(MSR_IA32_TSC)) == 0, "wrmsr_safe: fine");
	report(write_cr4_checking(read_cr4()) == 0, "write_cr4_checking: fine");
	report(write_cr4_safe(read_cr4()) == 0, "write_cr4_safe: fine");

	report(test_for_exception(UD_VECTOR, do_ud, NULL), "test_for_exception: #UD");
	report(!test_for_exception(UD_VECTOR, do_nothing, NULL),
	       "test_for_exception: no exception");
	report(!strcmp(exception_mnemonic(GP_VECTOR), "#GP"), "exception_mnemonic");

	test_missing_msr();

	return report_summary();
}
