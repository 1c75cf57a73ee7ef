// SPDX-License-Identifier: MIT
/*
 * riscv-sbi.c - a riscv64 test written as upstream's riscv tests are:
 * quoted includes of "asm/sbi.h", "asm/csr.h", "cpumask.h", ..., SBI
 * calls through sbi_ecall() and the helpers, per-CPU exception handlers,
 * cpus[].hartid, the time CSR and upstream's Sv39 helpers.
 */
#include "libcflat.h"
#include "cpumask.h"
#include "asm/csr.h"
#include "asm/delay.h"
#include "asm/isa.h"
#include "asm/mmu.h"
#include "asm/processor.h"
#include "asm/sbi.h"
#include "asm/setup.h"
#include "asm/smp.h"
#include "asm/timer.h"

static int breakpoints;
static unsigned long hartids[NR_CPUS];

static void breakpoint(struct pt_regs *regs)
{
	breakpoints++;
	regs->epc += insn_len(regs->epc);
}

static void record_hartid(void *data)
{
	(void)data;
	hartids[smp_processor_id()] = current_thread_info()->hartid;
}

int main(void)
{
	struct sbiret ret = sbi_ecall(SBI_EXT_BASE, SBI_EXT_BASE_GET_SPEC_VERSION,
				      0, 0, 0, 0, 0, 0);
	uint64_t t0;
	int cpu, ok = 1;

	report(!ret.error && ret.value >= 2, "SBI spec version %#lx", ret.value);
	report(sbi_probe(SBI_EXT_HSM) && sbi_probe(SBI_EXT_IPI), "HSM and IPI probed");
	report(!(csr_read(CSR_SSTATUS) & SR_SIE), "interrupts off in sstatus");

	install_exception_handler(EXC_BREAKPOINT, breakpoint);
	asm volatile("ebreak");
	install_exception_handler(EXC_BREAKPOINT, NULL);
	report(breakpoints == 1, "ebreak caught");

	on_cpus(record_hartid, NULL);
	for_each_present_cpu(cpu)
		ok &= hartids[cpu] == cpus[cpu].hartid &&
		      hartid_to_cpu(hartids[cpu]) == cpu;
	report(ok, "%d CPUs, each on its hart", nr_cpus);

	t0 = timer_get_cycles();
	delay(usec_to_cycles(100));
	report(timer_get_cycles() - t0 >= usec_to_cycles(100), "time and delay()");
	report_info("sstc: %s", cpu_has_extension(smp_processor_id(), ISA_SSTC) ? "yes" : "no");

	report(current_pgtable() && get_pte(current_pgtable(), (uintptr_t)&t0) &&
	       (pte_val(*get_pte(current_pgtable(), (uintptr_t)&t0)) & _PAGE_WRITE),
	       "the stack is mapped writable");
	local_flush_tlb_page((unsigned long)&t0);
	return report_summary();
}
