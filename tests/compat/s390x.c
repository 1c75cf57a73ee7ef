// SPDX-License-Identifier: MIT
/*
 * s390x.c - the s390x API as upstream's s390x tests use it, quoted and
 * bare includes alike: the lowcore by field and by GEN_LC_* offset,
 * expected program interrupts with a cleanup function, the facility
 * list, SCLP information, the SMP API, storage keys, the TOD clock,
 * STSI, DAT through setup_vm() and mmu.h, and I/O memory.
 */
#include "libcflat.h"
#include <asm/arch_def.h>
#include <asm/asm-offsets.h>
#include <asm/facility.h>
#include <asm/interrupt.h>
#include <asm/mem.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/sigp.h>
#include <asm/time.h>
#include <asm-generic/barrier.h>
#include <alloc_page.h>
#include <hardware.h>
#include <malloc_io.h>
#include <mmu.h>
#include <sclp.h>
#include <smp.h>
#include <s390x/stsi.h>
#include <vmalloc.h>

static volatile int cleanups;
static volatile int flag;

/* An operation exception leaves the PSW past the instruction already. */
static void count_it(struct stack_frame_int *stack)
{
	(void)stack;
	cleanups++;
}

static void set_flag(void)
{
	flag = 1;
	for (;;)
		mb();
}

int main(void)
{
	struct psw *pgm_new = OPAQUE_PTR(GEN_LC_PGM_NEW_PSW);
	uint8_t *page = alloc_page(), *alias;
	struct sysinfo_3_2_2 *vm = alloc_page();
	uint64_t t1, t2;
	pgd_t *root;

	report(pgm_new->addr && pgm_new->mask == lowcore.pgm_new_psw.mask,
	       "GEN_LC_PGM_NEW_PSW is lowcore.pgm_new_psw");

	expect_pgm_int();
	asm volatile(".insn e,0x0000");
	check_pgm_int_code(PGM_INT_CODE_OPERATION);
	register_pgm_cleanup_func(count_it);
	expect_pgm_int();
	asm volatile(".insn e,0x0000");
	register_pgm_cleanup_func(NULL);
	report(cleanups == 1 && clear_pgm_int() == PGM_INT_CODE_OPERATION,
	       "pgm cleanup function");

	report(test_facility(1) && stfle_size() >= 1, "facility list");
	report(sclp_get_cpu_num() >= 1 && get_ram_size() >= (64UL << 20) &&
	       sclp_facilities.has_sief2 == sclp_facilities.has_sief2,
	       "SCLP: %d CPUs, %lu MiB", sclp_get_cpu_num(), get_ram_size() >> 20);
	report(host_is_qemu(), "host: QEMU (TCG or KVM)");

	if (smp_query_num_cpus() > 1) {
		flag = 0;
		smp_cpu_setup(1, PSW_WITH_CUR_MASK(set_flag));
		while (!flag)
			mb();
		report(smp_cpu_stop(1) == 0 && smp_cpu_stopped(1), "SMP: started, stopped");
	} else {
		report_skip("SMP: one CPU");
	}

	set_storage_key(page, 0x30, 0);
	report((get_storage_key(page) & SKEY_ACC) == 0x30, "storage key");
	set_storage_key(page, 0, 0);

	t1 = get_clock_us();
	mdelay(1);
	t2 = get_clock_us();
	report(t2 > t1, "TOD clock runs");

	report(stsi(vm, 3, 2, 2) == 0 && vm->count >= 1, "STSI 3.2.2");

	setup_vm();
	root = (pgd_t *)(stctg(1) & PAGE_MASK);
	alias = alloc_vpage();
	install_page(root, virt_to_pte_phys(root, page), alias);
	page[5] = 0x42;
	report(alias[5] == 0x42, "setup_vm(), install_page() at an alloc_vpage()");
	protect_page(alias, PAGE_ENTRY_P);
	expect_pgm_int();
	alias[5] = 0;
	check_pgm_int_code(PGM_INT_CODE_PROTECTION);
	unprotect_page(alias, PAGE_ENTRY_P);

	alias = alloc_io_mem(PAGE_SIZE, 0);
	report(alias && (uintptr_t)alias < (2UL << 30), "alloc_io_mem() below 2 GiB");
	free_io_mem(alias, PAGE_SIZE);
	return report_summary();
}
