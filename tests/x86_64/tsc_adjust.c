// SPDX-License-Identifier: MIT
/*
 * tsc_adjust.c - IA32_TSC_ADJUST (MSR 0x3b) as the Intel SDM (vol. 3,
 * 17.17.3) defines it, where CPUID.7:EBX.TSC_ADJUST reports it: it reads
 * 0 at reset; adding to it moves the TSC by as much; writing IA32_TSC
 * moves IA32_TSC_ADJUST by the same amount as the TSC.  Without the
 * CPUID bit the MSR raises #GP (QEMU's TCG has no such check: a known
 * failure there, accel.h).
 */
#include <libcflat.h>
#include <x86/processor.h>
#include <x86/msr.h>
#include "accel.h"

#define JUMP	(1ll << 40)

int main(void)
{
	s64 adj, adj2;
	u64 t0, t1, v;

	if (!this_cpu_has(X86_FEATURE_TSC_ADJUST)) {
		int r = rdmsr_safe(MSR_IA32_TSC_ADJUST, &v);

		report_tcg_gap(r == GP_VECTOR, "no TSC_ADJUST in CPUID: RDMSR -> #GP (got %s)",
		       r ? exception_mnemonic(r) : "no fault");
		return report_summary();
	}
	adj = rdmsr(MSR_IA32_TSC_ADJUST);
	report(adj == 0, "IA32_TSC_ADJUST is 0 after reset (%" PRId64 ")", adj);

	t0 = rdtsc();
	wrmsr(MSR_IA32_TSC_ADJUST, adj + JUMP);
	t1 = rdtsc();
	report(rdmsr(MSR_IA32_TSC_ADJUST) == (u64)(adj + JUMP),
	       "IA32_TSC_ADJUST reads back what was written");
	report(t1 - t0 >= (u64)JUMP && t1 - t0 < (u64)JUMP + (1ull << 36),
	       "adding 2^40 to IA32_TSC_ADJUST moves the TSC by 2^40 (%#" PRIx64 ")",
	       t1 - t0);
	wrmsr(MSR_IA32_TSC_ADJUST, adj);
	t1 = rdtsc();
	report(t1 - t0 < (1ull << 36), "restoring it moves the TSC back");

	/* Writing the TSC moves IA32_TSC_ADJUST along (same delta). */
	t0 = rdtsc();
	wrmsr(MSR_IA32_TSC, t0 + JUMP);
	adj2 = rdmsr(MSR_IA32_TSC_ADJUST);
	report(adj2 - adj >= JUMP - (1ll << 36) && adj2 - adj <= JUMP,
	       "writing IA32_TSC ahead by 2^40 moves IA32_TSC_ADJUST by it (%#" PRIx64 ")",
	       (u64)(adj2 - adj));
	t0 = rdtsc();
	wrmsr(MSR_IA32_TSC, t0 - JUMP);
	adj2 = rdmsr(MSR_IA32_TSC_ADJUST);
	report(adj2 - adj >= -(1ll << 36) && adj2 - adj <= (1ll << 36),
	       "writing it back by 2^40 brings IA32_TSC_ADJUST back (%" PRId64 ")",
	       adj2 - adj);
	return report_summary();
}
