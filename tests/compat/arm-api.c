// SPDX-License-Identifier: MIT
/*
 * arm-api.c - upstream kvm-unit-tests' arm API, written the way its arm
 * tests use it (quoted includes, their names, their include chain):
 * asm/asm-offsets.h, CurrentEL_*, ESR_ELx_*, per-CPU handlers in
 * thread_info, psci_invoke_fn and the SMCCC calls, SPI()/PPI()/LPI(),
 * the GIC's version functions, errata.h, util.h, memregions.h,
 * vm_available().  Built for arm64 and arm by the compat Makefile.
 */
#include "libcflat.h"
#include "errata.h"
#include "util.h"
#include "memregions.h"
#include "vmalloc.h"
#include "asm/asm-offsets.h"
#include "asm/processor.h"
#include "asm/thread_info.h"
#include "asm/psci.h"
#include "asm/smp.h"
#include "asm/gic.h"
#include "asm/timer.h"

static volatile int seen;

#ifdef __aarch64__
static void brk_handler(struct pt_regs *regs, unsigned int esr)
{
	seen = (esr >> ESR_ELx_EC_SHIFT) == ESR_ELx_EC_BRK64;
	regs->pc += 4;
}
#else
static void und_handler(struct pt_regs *regs)
{
	seen = regs->ARM_pc != 0;
}
#endif

int main(int argc, char **argv)
{
	char kv[] = "smp=2";
	long val = 0;

	report(parse_keyval(kv, &val) == 3 && val == 2, "parse_keyval");
	/* kut-run gives ERRATA_FORCE=y under TCG, as upstream's runner does. */
	if (getenv("ERRATA_FORCE") && getenv("ERRATA_FORCE")[0] == 'y')
		report(ERRATA(0123456789ab) && ERRATA_RELAXED(0123456789ab),
		       "errata forced by ERRATA_FORCE=y");
	else
		report(!ERRATA(0123456789ab) && ERRATA_RELAXED(0123456789ab),
		       "errata defaults");
	report(memregions_get_flags(virt_to_phys(&val)) == 0 &&
	       memregions_get_flags(0x09000000) == MR_F_IO, "memregions");
	report(vm_available(), "vm_available");
	report(psci_invoke_fn == arm_smccc_hvc &&
	       psci_invoke(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0) > 0, "psci_invoke_fn");
	report(current_thread_info()->pgtable != NULL, "thread_info.pgtable");
	report(SPI(2) == 34 && PPI(11) == 27 && LPI(3) == 8195 &&
	       GENMASK(7, 4) == 0xf0, "SPI, PPI, LPI, GENMASK");
	report(gic_init() >= 2 && TIMER_VTIMER_IRQ == 27, "gic_init, TIMER_VTIMER_IRQ");
#ifdef __aarch64__
	report(current_level() == CurrentEL_EL1 && S_PC == 256, "CurrentEL_EL1, S_PC");
	install_exception_handler(EL1H_SYNC, ESR_ELx_EC_BRK64, brk_handler);
	asm volatile("brk #0");
	report(seen, "per-CPU handler for ESR_ELx_EC_BRK64");
#else
	report(S_PC == 60 && S_R1 == 4, "S_PC, S_R1");
	install_exception_handler(EXCPTN_UND, und_handler);
	asm volatile(".word 0xe7f000f0");
	report(seen, "per-CPU handler for EXCPTN_UND");
#endif
	(void)argc;
	(void)argv;
	return report_summary();
}
