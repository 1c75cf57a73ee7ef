// SPDX-License-Identifier: MIT
/*
 * pmu.c - struct pmu_caps pmu (x86/pmu.h), filled in from CPUID before
 * main() in the tests that link it.
 *
 * Intel describes its architectural PMU in CPUID leaf 0xA; AMD has no
 * such leaf before PMU v2 and its counter MSRs depend on whether the
 * core-extension counters exist, so that side is a small table.
 */
#include <libcflat.h>
#include <x86/pmu.h>

struct pmu_caps pmu;

/* The MSR triple of the global control registers, per vendor. */
struct global_msrs {
	u32 status, ctl, status_clr;
};

static const struct global_msrs intel_global = {
	MSR_CORE_PERF_GLOBAL_STATUS, MSR_CORE_PERF_GLOBAL_CTRL,
	MSR_CORE_PERF_GLOBAL_OVF_CTRL,
};

static const struct global_msrs amd_global = {
	MSR_AMD64_PERF_CNTR_GLOBAL_STATUS, MSR_AMD64_PERF_CNTR_GLOBAL_CTL,
	MSR_AMD64_PERF_CNTR_GLOBAL_STATUS_CLR,
};

/*
 * Atom-family cores (family 6) whose retired-instruction event counts
 * some far transfers, IRET and VMX transitions twice; all but the newest
 * overcount retired branches the same way (Intel erratum SRF7 and kin).
 */
static const struct {
	u8 model;
	bool branches_too;
} atom_overcount[] = {
	{ 0x4d, true },		/* Avoton, Rangeley */
	{ 0x5f, true },		/* Denverton */
	{ 0x86, true },		/* Jacobsville */
	{ 0xaf, true },		/* Sierra Forest */
	{ 0xdd, false },	/* Clearwater Forest */
};

static void note_atom_overcount(void)
{
	u32 sig = cpuid(1).a;
	unsigned int i;

	if (x86_family(sig) != 6)
		return;
	for (i = 0; i < ARRAY_SIZE(atom_overcount); i++) {
		if (atom_overcount[i].model != x86_model(sig))
			continue;
		pmu.errata.instructions_retired_overcount = true;
		pmu.errata.branches_retired_overcount =
			atom_overcount[i].branches_too;
	}
}

/* CPUID.0xA: EAX version/GP counters, EBX absent events, EDX fixed. */
static void describe_intel(void)
{
	struct cpuid leaf = cpuid(0xa);
	u64 known_events;

	note_atom_overcount();
	pmu.version = leaf.a & 0xff;
	pmu.nr_gp_counters = (leaf.a >> 8) & 0xff;
	pmu.gp_counter_width = (leaf.a >> 16) & 0xff;
	pmu.arch_event_mask_length = leaf.a >> 24;
	known_events = BIT_ULL(pmu.arch_event_mask_length) - 1;
	pmu.arch_event_available = (u32)(known_events & ~(u64)leaf.b);
	/* Leaf 0xA's EDX is only defined from version 2 on. */
	if (pmu.version >= 2) {
		pmu.nr_fixed_counters = leaf.d & 0x1f;
		pmu.fixed_counter_width = (leaf.d >> 5) & 0xff;
	}
	pmu.msr_gp_counter_base = MSR_IA32_PERFCTR0;
	pmu.msr_gp_event_select_base = MSR_P6_EVNTSEL0;
	pmu.perf_cap = this_cpu_has(X86_FEATURE_PDCM) ?
		       rdmsr(MSR_IA32_PERF_CAPABILITIES) : 0;
}

/*
 * AMD: the four K7 counters, or six interleaved core-extension ones; with
 * PMU v2 the count comes from CPUID.0x80000022:EBX.  Every AMD event is
 * "available": AMD has no architectural-event bit vector.
 */
static void describe_amd(void)
{
	bool core_ext = this_cpu_has(X86_FEATURE_PERFCTR_CORE);

	pmu.msr_gp_counter_base = core_ext ? MSR_F15H_PERF_CTR0 : MSR_K7_PERFCTR0;
	pmu.msr_gp_event_select_base =
		core_ext ? MSR_F15H_PERF_CTL0 : MSR_K7_EVNTSEL0;
	pmu.nr_gp_counters = core_ext ? AMD64_NUM_COUNTERS_CORE
				      : AMD64_NUM_COUNTERS;
	if (core_ext && this_cpu_has(X86_FEATURE_AMD_PMU_V2)) {
		pmu.version = 2;
		pmu.nr_gp_counters = cpuid(0x80000022).b & 0xf;
	}
	pmu.gp_counter_width = PMC_DEFAULT_WIDTH;
	pmu.arch_event_mask_length = 32;
	pmu.arch_event_available = 0xffffffffu;
}

void pmu_init(void)
{
	const struct global_msrs *g;

	memset(&pmu, 0, sizeof(pmu));
	pmu.is_intel = is_intel();
	if (pmu.is_intel)
		describe_intel();
	else
		describe_amd();

	g = pmu.is_intel ? &intel_global : &amd_global;
	if (this_cpu_has_perf_global_status()) {
		pmu.msr_global_status = g->status;
		pmu.msr_global_ctl = g->ctl;
		pmu.msr_global_status_clr = g->status_clr;
	}
	pmu_reset_all_counters();
}

/* Upstream fills pmu in at boot; here, in every test that links this. */
static void __attribute__((constructor)) pmu_init_at_start(void)
{
	pmu_init();
}
