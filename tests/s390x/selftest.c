// SPDX-License-Identifier: MIT
/*
 * selftest.c - checks of the s390x framework itself, one area per first
 * argument (see unittests.cfg):
 *   setup [smp=N] [mem=MiB]  argv, environment, lowcore, facilities,
 *                            and the CPUs and RAM the SCLP reports
 *                            against what QEMU was asked for; memory
 *                            areas below and above 2 GiB
 *   pgm       program interrupts a test provokes on purpose (operation,
 *             privileged operation from problem state, addressing,
 *             specification, low-address protection): each is caught,
 *             recorded and execution resumes after it
 *   fp        the 16 floating-point registers are usable
 *   console-input  getchar() returns the bytes sent to the SCLP's ASCII
 *             console (QEMU's standard input), in order: want=<the bytes>
 *   dat       DAT: off at boot, on after setup_vm() (interrupts too);
 *             translation, page-translation and protection exceptions
 *             with their TEID, the invalid area at the top, a 1 MiB page
 * and purpose-made endings that kut-run's own tests check from outside:
 *   pass, fail, skip, operation (unexpected operation exception), leaf
 *   (the same in a function that calls none), addressing, svc (an SVC
 *   nobody handles), badstack (an interrupt with an unusable stack
 *   pointer), stop (no result: every CPU stopped), panic (a disabled
 *   wait), hang, abort, assert.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <hardware.h>
#include <mmu.h>
#include <sclp.h>
#include <vmalloc.h>
#include <asm/arch_def.h>
#include <asm/facility.h>
#include <asm/interrupt.h>
#include <asm/memory_areas.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/io.h>
#include <asm/sigp.h>
#include <asm/barrier.h>
#include "../common/selftest.h"

/* "name=value" in argv, or NULL. */
static void check_areas(void)
{
	void *low = alloc_pages_flags(0, AREA_DMA31);
	void *normal = alloc_pages_flags(0, AREA_NORMAL);
	void *any = alloc_page();
	bool big = get_ram_size() > (2UL << 30);

	report(low && (uintptr_t)low < (2UL << 30),
	       "AREA_DMA31 memory is below 2 GiB (%p)", low);
	if (big) {
		report(normal && (uintptr_t)normal >= (2UL << 30),
		       "AREA_NORMAL memory is above 2 GiB (%p)", normal);
		report(any && (uintptr_t)any >= (2UL << 30),
		       "alloc_page() takes AREA_NORMAL first (%p)", any);
	} else {
		report(!normal, "no AREA_NORMAL memory with %lu MiB of RAM",
		       get_ram_size() >> 20);
		report(any && (uintptr_t)any < (2UL << 30),
		       "alloc_page() falls back to AREA_LOW (%p)", any);
	}
	free_page(low);
	free_page(any);
	if (normal)
		free_page(normal);
}

static void check_setup(int argc, char **argv)
{
	const char *want_argc = getenv("SELFTEST_ARGC");
	const char *smp = arg_value(argc, argv, "smp");
	const char *mem = arg_value(argc, argv, "mem");
	int local;

	report_prefix_push("setup");
	report(argv[argc] == NULL, "argv is NULL-terminated (argc=%d)", argc);
	if (want_argc)
		report(argc == atol(want_argc), "argc %d == SELFTEST_ARGC %s",
		       argc, want_argc);
	if (smp)
		report(sclp_get_cpu_num() == atol(smp), "SCLP lists %d CPUs == smp=%s",
		       sclp_get_cpu_num(), smp);
	else
		report_skip("no smp=N argument");
	if (mem)
		report(get_ram_size() == (u64)atol(mem) << 20,
		       "RAM %lu MiB == mem=%s", get_ram_size() >> 20, mem);
	else
		report_skip("no mem=MiB argument");
	report((uintptr_t)&local < get_ram_size(), "stack in RAM (%p)", &local);
	report(get_prefix() == 0 && THIS_CPU && THIS_CPU->idx == 0 &&
	       THIS_CPU->addr == stap() && lowcore.this_cpu == THIS_CPU,
	       "boot CPU: prefix 0, THIS_CPU index 0, address %d", stap());
	report(test_facility(1) && test_facility(2),
	       "facility list: z/Architecture installed and active");
	report((extract_psw_mask() & PSW_MASK_64) == PSW_MASK_64 &&
	       !(extract_psw_mask() & (PSW_MASK_DAT | PSW_MASK_PSTATE)),
	       "PSW: 64-bit, DAT off, supervisor state (%016lx)",
	       extract_psw_mask());
	report(detect_host() != HOST_IS_UNKNOWN, "detect_host(): %s",
	       host_is_tcg() ? "TCG" : host_is_kvm() ? "KVM" :
	       host_is_lpar() ? "LPAR" : "unknown");
	check_areas();
	report_prefix_pop();
}

/* An operation exception: opcode 0 is no instruction. */
static void operation_exception(void)
{
	asm volatile(".insn e,0x0000" : : : "memory");
}

static volatile int resumed;

static void check_pgm(void)
{
	uint64_t beyond = get_ram_size() + PAGE_SIZE;
	uint64_t cr0, insn;

	report_prefix_push("pgm");

	resumed = 0;
	expect_pgm_int();
	asm volatile("larl %[insn],0f\n"
		     "0: .insn e,0x0000\n"
		     : [insn] "=&a" (insn) : : "memory");
	resumed = 1;
	check_pgm_int_code(PGM_INT_CODE_OPERATION);
	report(resumed && lowcore.pgm_old_psw.addr == insn + 2 &&
	       lowcore.pgm_int_id == 2,
	       "operation: old PSW after the 2-byte instruction, resumed there");

	expect_pgm_int();
	enter_pstate();
	cr0 = stctg(0);
	check_pgm_int_code(PGM_INT_CODE_PRIVILEGED_OPERATION);
	report(!(extract_psw_mask() & PSW_MASK_PSTATE),
	       "privileged operation in problem state: back in supervisor state");
	(void)cr0;

	expect_pgm_int();
	(void)*(volatile uint64_t *)beyond;
	check_pgm_int_code(PGM_INT_CODE_ADDRESSING);

	expect_pgm_int();
	asm volatile("lpswe 1" : : : "memory");
	check_pgm_int_code(PGM_INT_CODE_SPECIFICATION);

	/* expect_pgm_int() writes the lowcore: before protecting it. */
	expect_pgm_int();
	low_prot_enable();
	WRITE_ONCE(lowcore.ext_int_param, 0);
	low_prot_disable();
	check_pgm_int_code(PGM_INT_CODE_PROTECTION);

	expect_pgm_int();
	report(clear_pgm_int() == 0, "clear_pgm_int(): 0 when nothing happened");
	enter_pstate();
	leave_pstate();
	report(!(extract_psw_mask() & PSW_MASK_PSTATE),
	       "SVC leave_pstate(): back from problem state");
	report_prefix_pop();
}

static void check_fp(void)
{
	double a = 3.0, b = 2.0, r;

	report_prefix_push("fp");
	report(stctg(0) & (1UL << CTL0_AFP), "CR0: AFP on");
	/* f8 - f15 need AFP; an interrupt in between must keep them. */
	asm volatile("ldr %%f9,%[a]\n"
		     "ldr %%f11,%[b]\n"
		     "ddbr %%f9,%%f11\n"
		     "ldr %[r],%%f9\n"
		     : [r] "=f" (r) : [a] "f" (a), [b] "f" (b)
		     : "f9", "f11");
	report(r == 1.5, "3.0 / 2.0 in f9 and f11 == 1.5");
	asm volatile("ldr %%f15,%[a]" : : [a] "f" (a) : "f15");
	expect_pgm_int();
	operation_exception();
	asm volatile("ldr %[r],%%f15" : [r] "=f" (r));
	report(r == 3.0, "f15 survives a program interrupt");
	report_prefix_pop();
}

static void check_dat(void)
{
	uint8_t *page, *alias, *guard;
	uint64_t teid;
	pgd_t *root;

	report_prefix_push("dat");
	report(!(extract_psw_mask() & PSW_MASK_DAT), "DAT is off at boot");
	setup_vm();
	root = (pgd_t *)(stctg(1) & ASCE_ORIGIN);
	report((extract_psw_mask() & PSW_MASK_DAT) && lowcore.pgm_new_psw.dat &&
	       lowcore.ext_new_psw.dat && (stctg(1) & ASCE_DT) == ASCE_DT_REGION1,
	       "setup_vm(): DAT on, for the handlers too, five levels (CR1 %#lx)",
	       stctg(1));

	page = alloc_page();
	alias = alloc_vpage();
	install_page(root, virt_to_phys(page), alias);
	page[10] = 0x5a;
	report(alias[10] == 0x5a && virt_to_phys(alias) == (uintptr_t)page &&
	       virt_to_pte_phys(root, alias) == (uintptr_t)page,
	       "an alias page reads the page; virt_to_phys() follows it");

	/* vmalloc's guard page after a one-page allocation maps nothing. */
	guard = (uint8_t *)vmalloc(PAGE_SIZE) + PAGE_SIZE;
	expect_pgm_int();
	(void)*(volatile uint8_t *)guard;
	teid = lowcore.trans_exc_id;
	check_pgm_int_code(PGM_INT_CODE_PAGE_TRANSLATION);
	report((teid & PAGE_MASK) == (uintptr_t)guard,
	       "TEID names the page (%#lx)", teid & PAGE_MASK);

	protect_page(alias, PAGE_ENTRY_P);
	expect_pgm_int();
	alias[0] = 1;
	check_pgm_int_code(PGM_INT_CODE_PROTECTION);
	report(page[0] == 0, "a DAT-protected page stays unwritten");
	unprotect_page(alias, PAGE_ENTRY_P);
	alias[0] = 2;
	report(page[0] == 2, "writable again once unprotected");

	expect_pgm_int();
	(void)*(volatile uint8_t *)(-PAGE_SIZE);
	check_pgm_int_code(PGM_INT_CODE_ADDRESSING);

	if (test_facility(8)) {
		uint8_t *big = alloc_pages(8), *window = alloc_vpages_aligned(256, 8);

		ctl_set_bit(0, CTL0_EDAT);
		install_large_page(root, virt_to_phys(big), window);
		big[HPAGE_SIZE - 1] = 0x77;
		report(window[HPAGE_SIZE - 1] == 0x77,
		       "a 1 MiB page (EDAT-1) maps the whole frame");
		ctl_clear_bit(0, CTL0_EDAT);
	} else {
		report_skip("no EDAT-1 (facility 8): no 1 MiB pages");
	}
	report_prefix_pop();
}

/* A leaf: r14 is its return address, saved nowhere. */
static noinline void leaf_fault(void)
{
	asm volatile(".insn e,0x0000");
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (!strcmp(what, "setup")) {
		check_setup(argc, argv);
	} else if (!strcmp(what, "pgm")) {
		check_pgm();
	} else if (!strcmp(what, "fp")) {
		check_fp();
	} else if (!strcmp(what, "console-input")) {
		check_console_input(argc, argv);
	} else if (!strcmp(what, "dat")) {
		check_dat();
	} else if (!strcmp(what, "pass")) {
		report_pass("a passing check");
	} else if (!strcmp(what, "fail")) {
		report_fail("a failing check");
	} else if (!strcmp(what, "skip")) {
		report_skip("a skipped check");
	} else if (!strcmp(what, "operation")) {
		operation_exception();
	} else if (!strcmp(what, "leaf")) {
		leaf_fault();
	} else if (!strcmp(what, "addressing")) {
		(void)*(volatile uint64_t *)(get_ram_size() + PAGE_SIZE);
	} else if (!strcmp(what, "svc")) {
		asm volatile("svc 99");
	} else if (!strcmp(what, "badstack")) {
		/* r15 beyond RAM, then an interrupt: nowhere to save to. */
		asm volatile("lgr %%r15,%[sp]\n"
			     ".insn e,0x0000\n"
			     : : [sp] "d" (get_ram_size() + HPAGE_SIZE) : "memory");
	} else if (!strcmp(what, "stop")) {
		/* The machine ends without a status line. */
		sigp(stap(), SIGP_STOP, 0, NULL);
	} else if (!strcmp(what, "panic")) {
		disabled_wait(0x1234);
	} else if (!strcmp(what, "hang")) {
		for (;;)
			mb();
	} else if (!strcmp(what, "abort")) {
		report_abort("aborting on purpose");
	} else if (!strcmp(what, "assert")) {
		assert(argc == 1000);
	} else {
		report_abort("unknown selftest '%s'", what);
	}
	return report_summary();
}
