// SPDX-License-Identifier: MIT
/*
 * selftest.c - checks of the x86 framework itself (x86_64 and i386), one
 * area per first argument (see unittests.cfg):
 *   setup     argv from -append, environment from kut-run -e, memory map
 *   vectors   handle_exception, ASM_TRY, test_for_exception, resuming
 *   cpu       the mode (long mode; i386: 32-bit paging, per-CPU GS),
 *             paging and the control registers boot left
 *   legacy    the 2017 report(msg, pass) argument order still works
 * and purpose-made endings that kut-run's own tests check from outside:
 *   pass, fail, skip, pf (unexpected #PF), ud (unexpected #UD), hang,
 *   abort, assert, badstack (a fault with an unusable stack: #DF on its
 *   own stack, IST on x86_64, a task on i386), triple (no IDT at all:
 *   QEMU resets, kut-run says FAIL).
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <argv.h>
#include <smp.h>
#include <asm/page.h>
#include <x86/processor.h>
#include <x86/desc.h>

/* An address the boot page tables leave unmapped. */
#ifdef __x86_64__
#define UNMAPPED_ADDR	0x100000000000ul	/* above the 4 GiB mapped */
#else
#define UNMAPPED_ADDR	0x90000000ul		/* vmalloc's window */
#endif

static int check_setup(int argc, char **argv)
{
	const char *want_argc = getenv("SELFTEST_ARGC");
	const char *want_last = getenv("SELFTEST_LAST");

	report_prefix_push("setup");
	report(argc >= 2 && strcmp(argv[1], "setup") == 0,
	       "argv[1] is the selector (argc=%d)", argc);
	report(argv[argc] == NULL, "argv is NULL-terminated");
	if (want_argc)
		report(argc == atol(want_argc), "argc %d == SELFTEST_ARGC %s",
		       argc, want_argc);
	else
		report_skip("SELFTEST_ARGC not in the environment");
	if (want_last)
		report(strcmp(argv[argc - 1], want_last) == 0,
		       "last argument '%s' == SELFTEST_LAST '%s'",
		       argv[argc - 1], want_last);
	report(getenv("SELFTEST_UNSET") == NULL, "unset variable is NULL");
	report_prefix_pop();
	return 0;
}

static volatile int resumed;

static void ud_handler(struct ex_regs *regs)
{
	resumed = regs->vector;
	regs->rip += 2;		/* skip "ud2" */
}

static void de_handler(struct ex_regs *regs)
{
	resumed = regs->vector;
	regs->rip += 2;		/* skip "div %ecx" (2 bytes) */
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

static void check_vectors(void)
{
	unsigned int vec;
	u64 val;

	report_prefix_push("vectors");

	/* Upstream tests often begin by (re)loading the IDT; that must be harmless. */
	setup_idt();

	/*
	 * Faults, not INT3/INTn: nested KVM on hosts without next-RIP saving
	 * cannot inject software interrupts in long mode (emulation failure).
	 */
	handle_exception(UD_VECTOR, ud_handler);
	resumed = -1;
	asm volatile("ud2");
	report(resumed == UD_VECTOR, "#UD handler ran and resumed");
	handle_exception(UD_VECTOR, NULL);

	handle_exception(DE_VECTOR, de_handler);
	resumed = -1;
	asm volatile("xor %%edx, %%edx; div %%ecx" : : "a"(1), "c"(0) : "edx");
	report(resumed == DE_VECTOR, "#DE handler skipped the faulting insn");
	handle_exception(DE_VECTOR, NULL);

	asm volatile(ASM_TRY("1f") "ud2\n\t" "1:" : : : "memory");
	vec = exception_vector();
	report(vec == UD_VECTOR, "ASM_TRY caught ud2 (vector %u)", vec);

	asm volatile(ASM_TRY("1f") "nop\n\t" "1:" : : : "memory");
	report(exception_vector() == 0, "ASM_TRY: no fault, vector 0");

	/* A selector past the GDT limit: #GP with the selector as error code. */
	asm volatile(ASM_TRY("1f") "mov %0, %%fs\n\t" "1:"
		     : : "r"(0xfff8) : "memory");
	report(exception_vector() == GP_VECTOR && exception_error_code() == 0xfff8,
	       "ASM_TRY caught #GP, error code %#x", exception_error_code());
	write_fs(KERNEL_DS);
#ifdef __x86_64__
	report(rdmsr_safe(MSR_EFER, &val) == 0 && (val & EFER_LMA),
	       "rdmsr EFER works, LMA set");
#else
	report(rdmsr_safe(MSR_IA32_APICBASE, &val) == 0 && (val & 0x800),
	       "rdmsr APIC_BASE works, APIC enabled");
#endif

	report(test_for_exception(UD_VECTOR, do_ud, NULL),
	       "test_for_exception sees #UD");
	report(!test_for_exception(UD_VECTOR, do_nothing, NULL),
	       "test_for_exception: no #UD when none raised");

	report_prefix_pop();
}

static void check_cpu(void)
{
	report_prefix_push("cpu");
	report(read_cr0() & X86_CR0_PG, "paging on");
#ifdef __x86_64__
	report(read_cr4() & X86_CR4_PAE, "PAE on");
	report(rdmsr(MSR_EFER) & EFER_LMA, "long mode active");
	report(this_cpu_has(X86_FEATURE_LM), "CPUID reports long mode");
#else
	report((read_cr4() & (X86_CR4_PSE | X86_CR4_PAE)) == X86_CR4_PSE,
	       "2-level paging with 4 MiB pages (PSE on, PAE off)");
	report(read_gs() == TSS_MAIN + 8, "GS is CPU 0's per-CPU segment");
	report(smp_id() == 0 && exception_vector() == 0,
	       "per-CPU data reads through GS");
#endif
	report(read_cs() == KERNEL_CS, "CS is KERNEL_CS");
	report(str() == TSS_MAIN, "TSS loaded at TSS_MAIN");
	/* No LDT, as an OS leaves it: a selector with TI set is beyond it. */
	asm volatile(ASM_TRY("1f") "mov %0, %%es\n\t" "1:"
		     : : "r"(0x1234) : "memory");
	report(sldt() == 0 && exception_vector() == GP_VECTOR &&
	       exception_error_code() == 0x1234,
	       "no LDT: loading LDT selector 0x1234 faults #GP(0x1234)");
	{
		u64 t1 = rdtsc(), t2 = rdtsc();

		report(t2 > t1, "TSC advances (%llu -> %llu)",
		       (unsigned long long)t1, (unsigned long long)t2);
	}
	report_prefix_pop();
}

static void check_legacy_forms(void)
{
	const char *msg = "legacy %s";

	report("legacy literal %d", true, 1);
	report(msg, 1 == 1, "pointer");
	report(true, "current form %d", 2);
	report_xfail("legacy xfail", true, false);
	report_xfail(true, false, "current xfail");
}

static void spin_forever(void)
{
	for (;;)
		asm volatile("pause");
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (!strcmp(what, "setup"))
		check_setup(argc, argv);
	else if (!strcmp(what, "vectors"))
		check_vectors();
	else if (!strcmp(what, "cpu"))
		check_cpu();
	else if (!strcmp(what, "legacy"))
		check_legacy_forms();
	else if (!strcmp(what, "pass"))
		report_pass("a passing check");
	else if (!strcmp(what, "fail"))
		report_fail("a failing check");
	else if (!strcmp(what, "skip"))
		report_skip("a skipped check");
	else if (!strcmp(what, "pf"))
		*(volatile int *)UNMAPPED_ADDR = 1;
	else if (!strcmp(what, "ud"))
		asm volatile("ud2");
	else if (!strcmp(what, "badstack"))
		asm volatile("mov %0, %%" R "sp; push %%" R "ax"
			     : : "r"(UNMAPPED_ADDR));
	else if (!strcmp(what, "triple")) {
		struct descriptor_table_ptr none = { 0, 0 };

		lidt(&none);
		asm volatile("ud2");
	} else if (!strcmp(what, "hang"))
		spin_forever();
	else if (!strcmp(what, "abort"))
		report_abort("aborting on purpose");
	else if (!strcmp(what, "assert"))
		assert(argc == 1000);
	else
		report_abort("unknown selftest '%s'", what);
	return report_summary();
}
