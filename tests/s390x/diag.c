// SPDX-License-Identifier: MIT
/*
 * diag.c - DIAGNOSE functions a KVM guest uses, as QEMU implements them:
 * 0x44 (time-slice end) and 0x9c (directed yield) return; 0x10 (release
 * pages) accepts a page range and refuses a reversed, unaligned or
 * lowcore one; 0x308 (IPL functions) subcodes 0 and 1 reset the machine
 * and come back with memory intact and the other CPUs stopped, odd
 * registers and unknown subcodes are specification exceptions; DIAGNOSE
 * is privileged.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <hardware.h>
#include <smp.h>
#include <asm/arch_def.h>
#include <asm/interrupt.h>
#include <asm/page.h>
#include <asm/sigp.h>

int diag308_load_reset(uint64_t subcode);

static uint8_t pages[3 * PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

static void diag10(unsigned long start, unsigned long end)
{
	asm volatile("diag %[s],%[e],0x10" : : [s] "a" (start), [e] "a" (end));
}

static void check_simple(void)
{
	uint16_t code;

	report_prefix_push("0x44-0x9c");
	expect_pgm_int();
	diag44();
	report(clear_pgm_int() == 0, "0x44: no exception");
	if (host_is_tcg()) {
		report_skip("QEMU's TCG has no DIAGNOSE 0x9c");
	} else {
		expect_pgm_int();
		asm volatile("diag %0,0,0x9c" : : "d" ((unsigned long)stap()));
		code = clear_pgm_int();
		report(code == 0, "0x9c to our own address: no exception (%#x)", code);
	}
	expect_pgm_int();
	enter_pstate();
	diag44();
	check_pgm_int_code(PGM_INT_CODE_PRIVILEGED_OPERATION);
	report_prefix_pop();
}

static void check_diag10(void)
{
	unsigned long p0 = (unsigned long)pages, p1 = p0 + PAGE_SIZE;
	uint16_t code;

	report_prefix_push("0x10");
	pages[0] = 1;
	if (host_is_tcg()) {
		/* It refuses every range there: the checks below prove less. */
		report_skip("QEMU's TCG has no DIAGNOSE 0x10");
	} else {
		expect_pgm_int();
		diag10(p0, p1);
		code = clear_pgm_int();
		report(code == 0, "releasing two pages: no exception (%#x)", code);
	}
	expect_pgm_int();
	diag10(p1, p0);
	check_pgm_int_code(PGM_INT_CODE_SPECIFICATION);
	expect_pgm_int();
	diag10(p0 + 8, p1);
	check_pgm_int_code(PGM_INT_CODE_SPECIFICATION);
	expect_pgm_int();
	diag10(0, PAGE_SIZE);
	check_pgm_int_code(PGM_INT_CODE_SPECIFICATION);
	report_prefix_pop();
}

static volatile unsigned long survivor;

static void spin(void)
{
	for (;;)
		mb();
}

static void check_reset(uint64_t subcode, const char *what)
{
	uint64_t cr0 = stctg(0);

	report_prefix_pushf("0x308 %s", what);
	survivor = 0x5a5a + subcode;
	if (smp_query_num_cpus() > 1)
		smp_cpu_setup(1, PSW_WITH_CUR_MASK(spin));
	report(diag308_load_reset(subcode) == 1, "reset, and back");
	report(survivor == 0x5a5a + subcode, "memory kept");
	report(stctg(0) == cr0 && get_prefix() == 0, "control registers restored");
	if (smp_query_num_cpus() > 1)
		report(smp_cpu_stopped(1), "the other CPU is stopped");
	report_prefix_pop();
}

static void check_diag308_errors(void)
{
	uint64_t subcode;

	report_prefix_push("0x308 errors");
	/* Subcode 5 (set IPL block) with the block's address in odd r1. */
	expect_pgm_int();
	asm volatile("diag %%r1,%[sub],0x308" : : [sub] "d" (5UL) : "1");
	check_pgm_int_code(PGM_INT_CODE_SPECIFICATION);
	/* (3 and 4 re-IPL from scratch, 5 and 6 need an IPL block.) */
	for (subcode = 0x101; subcode < 0x20000; subcode = subcode * 0x100 + 1) {
		expect_pgm_int();
		asm volatile("diag %%r0,%[sub],0x308" : : [sub] "d" (subcode));
		check_pgm_int_code(PGM_INT_CODE_SPECIFICATION);
	}
	if (host_is_qemu()) {
		/* Other hypervisors may have subcode 2; QEMU has not. */
		expect_pgm_int();
		asm volatile("diag %%r0,%[sub],0x308" : : [sub] "d" (2UL));
		check_pgm_int_code(PGM_INT_CODE_SPECIFICATION);
	}
	expect_pgm_int();
	enter_pstate();
	asm volatile("diag %%r0,%[sub],0x308" : : [sub] "d" (1UL));
	check_pgm_int_code(PGM_INT_CODE_PRIVILEGED_OPERATION);
	report_prefix_pop();
}

int main(void)
{
	report_prefix_push("diag");
	check_simple();
	check_diag10();
	check_reset(1, "load normal");
	check_reset(0, "load modified clear");
	check_diag308_errors();
	return report_summary();
}
