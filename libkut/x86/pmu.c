// SPDX-License-Identifier: MIT
/*
 * pmu.c - struct pmu_caps pmu (x86/pmu.h), filled in from CPUID before
 * main() in the tests that link it.
 */
#include <libcflat.h>
#include <x86/pmu.h>

struct pmu_caps pmu;

/*
 * Intel Atom cores whose "instructions retired" (and on the older ones
 * also "branches retired") count some far transfers and VMX transitions
 * twice (e.g. Sierra Forest erratum SRF7).
 */
static void intel_overcount_errata(void)
{
	u32 sig = cpuid(1).a;

	if (x86_family(sig) != 6)
		return;
	switch (x86_model(sig)) {
	case 0xdd:		/* Clearwater Forest */
		pmu.errata.instructions_retired_overcount = true;
		break;
	case 0x4d:		/* Avoton/Rangeley */
	case 0x5f:		/* Denverton */
	case 0x86:		/* Jacobsville */
	case 0xaf:		/* Sierra Forest */
		pmu.errata.instructions_retired_overcount = true;
		pmu.errata.branches_retired_overcount = true;
		break;
	}
}

static void intel_pmu(void)
{
	u32 absent;

	intel_overcount_errata();
	pmu.version = this_cpu_property(X86_PROPERTY_PMU_VERSION);
	if (pmu.version > 1) {
		pmu.nr_fixed_counters =
			this_cpu_property(X86_PROPERTY_PMU_NR_FIXED_COUNTERS);
		pmu.fixed_counter_width =
			this_cpu_property(X86_PROPERTY_PMU_FIXED_COUNTERS_BIT_WIDTH);
	}
	pmu.nr_gp_counters = this_cpu_property(X86_PROPERTY_PMU_NR_GP_COUNTERS);
	pmu.gp_counter_width =
		this_cpu_property(X86_PROPERTY_PMU_GP_COUNTERS_BIT_WIDTH);
	pmu.arch_event_mask_length =
		this_cpu_property(X86_PROPERTY_PMU_EBX_BIT_VECTOR_LENGTH);
	/* A set bit in CPUID.0xA:EBX marks an event as absent. */
	absent = this_cpu_property(X86_PROPERTY_PMU_EVENTS_MASK);
	pmu.arch_event_available = ~absent &
		(u32)(BIT_ULL(pmu.arch_event_mask_length) - 1);
	if (this_cpu_has(X86_FEATURE_PDCM))
		pmu.perf_cap = rdmsr(MSR_IA32_PERF_CAPABILITIES);
	pmu.msr_gp_counter_base = MSR_IA32_PERFCTR0;
	pmu.msr_gp_event_select_base = MSR_P6_EVNTSEL0;
	if (this_cpu_has_perf_global_status()) {
		pmu.msr_global_status = MSR_CORE_PERF_GLOBAL_STATUS;
		pmu.msr_global_ctl = MSR_CORE_PERF_GLOBAL_CTRL;
		pmu.msr_global_status_clr = MSR_CORE_PERF_GLOBAL_OVF_CTRL;
	}
}

static void amd_pmu(void)
{
	if (this_cpu_has(X86_FEATURE_PERFCTR_CORE)) {
		if (this_cpu_has(X86_FEATURE_AMD_PMU_V2)) {
			pmu.version = 2;
			pmu.nr_gp_counters =
				this_cpu_property(X86_PROPERTY_NR_PERFCTR_CORE);
		} else {
			pmu.nr_gp_counters = AMD64_NUM_COUNTERS_CORE;
		}
		pmu.msr_gp_counter_base = MSR_F15H_PERF_CTR0;
		pmu.msr_gp_event_select_base = MSR_F15H_PERF_CTL0;
	} else {
		pmu.nr_gp_counters = AMD64_NUM_COUNTERS;
		pmu.msr_gp_counter_base = MSR_K7_PERFCTR0;
		pmu.msr_gp_event_select_base = MSR_K7_EVNTSEL0;
	}
	pmu.gp_counter_width = PMC_DEFAULT_WIDTH;
	pmu.arch_event_mask_length = 32;
	pmu.arch_event_available = ~0u;
	if (this_cpu_has_perf_global_status()) {
		pmu.msr_global_status = MSR_AMD64_PERF_CNTR_GLOBAL_STATUS;
		pmu.msr_global_ctl = MSR_AMD64_PERF_CNTR_GLOBAL_CTL;
		pmu.msr_global_status_clr = MSR_AMD64_PERF_CNTR_GLOBAL_STATUS_CLR;
	}
}

void pmu_init(void)
{
	memset(&pmu, 0, sizeof(pmu));
	pmu.is_intel = is_intel();
	if (pmu.is_intel)
		intel_pmu();
	else
		amd_pmu();
	pmu_reset_all_counters();
}

/* Upstream fills pmu in at boot; here, in every test that links this. */
static void __attribute__((constructor)) pmu_init_at_start(void)
{
	pmu_init();
}
