/* SPDX-License-Identifier: MIT */
/*
 * x86/pmu.h - the performance-monitoring unit as upstream's PMU tests see
 * it: struct pmu_caps pmu describes this CPU's counters (Intel
 * architectural PMU from CPUID leaf 0xA, or AMD's legacy, core-extension
 * or v2 counters) and the MSRs to reach them.  It is filled in before
 * main() in any test that uses it; pmu_init() fills it in again (and
 * stops and zeroes every counter).
 */
#ifndef _X86_PMU_H_
#define _X86_PMU_H_

#include <libcflat.h>
#include <x86/processor.h>
#include <x86/msr.h>

/* Fixed counters' index base in RDPMC and in the global registers. */
#define FIXED_CNT_INDEX		32
#define MAX_NUM_LBR_ENTRY	32
/* The vector upstream's tests give the LVT performance-counter entry. */
#define PMI_VECTOR		32

#define AMD64_NUM_COUNTERS	4
#define AMD64_NUM_COUNTERS_CORE	6
#define PMC_DEFAULT_WIDTH	48

/* MSR_IA32_PERF_CAPABILITIES fields */
#define PMU_CAP_LBR_FMT		0x3f
#define PMU_CAP_FW_WRITES	BIT_ULL(13)
#define PMU_CAP_PEBS_BASELINE	BIT_ULL(14)
#define PMU_CAP_PEBS_TIMING_INFO BIT_ULL(17)
#define PERF_CAP_PEBS_FORMAT	0xf00

/* Event-select register fields (upstream's spellings, typos included). */
#define EVNSEL_EVENT_SHIFT	0
#define EVNTSEL_UMASK_SHIFT	8
#define EVNTSEL_USR_SHIFT	16
#define EVNTSEL_OS_SHIFT	17
#define EVNTSEL_EDGE_SHIFT	18
#define EVNTSEL_PC_SHIFT	19
#define EVNTSEL_INT_SHIFT	20
#define EVNTSEL_EN_SHIF		22
#define EVNTSEL_INV_SHIF	23
#define EVNTSEL_CMASK_SHIFT	24
#define EVNTSEL_EN		(1 << EVNTSEL_EN_SHIF)
#define EVNTSEL_USR		(1 << EVNTSEL_USR_SHIFT)
#define EVNTSEL_OS		(1 << EVNTSEL_OS_SHIFT)
#define EVNTSEL_PC		(1 << EVNTSEL_PC_SHIFT)
#define EVNTSEL_INT		(1 << EVNTSEL_INT_SHIFT)
#define EVNTSEL_INV		(1 << EVNTSEL_INV_SHIF)

/* PEBS */
#define GLOBAL_STATUS_BUFFER_OVF_BIT	62
#define GLOBAL_STATUS_BUFFER_OVF	BIT_ULL(GLOBAL_STATUS_BUFFER_OVF_BIT)
#define PEBS_DATACFG_MEMINFO	BIT_ULL(0)
#define PEBS_DATACFG_GPRS	BIT_ULL(1)
#define PEBS_DATACFG_XMMS	BIT_ULL(2)
#define PEBS_DATACFG_LBRS	BIT_ULL(3)
#define PEBS_DATACFG_MASK	(PEBS_DATACFG_MEMINFO | PEBS_DATACFG_GPRS | \
				 PEBS_DATACFG_XMMS | PEBS_DATACFG_LBRS)
#define PEBS_DATACFG_LBR_SHIFT	24
#define ICL_EVENTSEL_ADAPTIVE	BIT_ULL(34)

struct pmu_caps {
	bool is_intel;
	u8 version;		/* Intel: CPUID.0xA:EAX[7:0]; AMD: 2 with PMU v2 */
	u8 nr_fixed_counters;
	u8 fixed_counter_width;
	u8 nr_gp_counters;
	u8 gp_counter_width;
	u8 arch_event_mask_length;
	u32 arch_event_available;	/* bit i: architectural event i */
	u32 msr_gp_counter_base;
	u32 msr_gp_event_select_base;
	u32 msr_global_status;		/* 0 without global registers */
	u32 msr_global_ctl;
	u32 msr_global_status_clr;
	u64 perf_cap;			/* MSR_IA32_PERF_CAPABILITIES, or 0 */
	struct {
		/* Atom cores that count some far transfers twice */
		bool instructions_retired_overcount;
		bool branches_retired_overcount;
	} errata;
};

extern struct pmu_caps pmu;

void pmu_init(void);

/*
 * Family 15h and later AMD CPUs interleave the control and count MSRs of
 * their core-extension counters (CTL0, CTR0, CTL1, ...); everyone else
 * numbers each kind consecutively.
 */
static inline u32 pmu_gp_msr(u32 base, unsigned int i)
{
	bool interleaved = base == MSR_F15H_PERF_CTR0 ||
			   base == MSR_F15H_PERF_CTL0;

	return base + (interleaved ? 2 * i : i);
}

/* Count MSR of general-purpose counter @i (its full-width alias if chosen). */
static inline u32 MSR_GP_COUNTERx(unsigned int i)
{
	return pmu_gp_msr(pmu.msr_gp_counter_base, i);
}

/* Event-select MSR of general-purpose counter @i. */
static inline u32 MSR_GP_EVENT_SELECTx(unsigned int i)
{
	return pmu_gp_msr(pmu.msr_gp_event_select_base, i);
}

/* Count MSR of fixed counter @i (Intel only). */
static inline u32 MSR_PERF_FIXED_CTRx(unsigned int i)
{
	return MSR_CORE_PERF_FIXED_CTR0 + i;
}

/* Every AMD CPU has counters; an Intel one when CPUID.0xA gives a version. */
static inline bool this_cpu_has_pmu(void)
{
	return pmu.is_intel ? pmu.version != 0 : true;
}

/* The global control and status MSRs came with version 2 (both vendors). */
static inline bool this_cpu_has_perf_global_ctrl(void)
{
	return pmu.version >= 2;
}

static inline bool this_cpu_has_perf_global_status(void)
{
	return this_cpu_has_perf_global_ctrl();
}

/* Whether architectural event @i (CPUID.0xA:EBX bit order) can be counted. */
static inline bool pmu_arch_event_is_available(int i)
{
	return (pmu.arch_event_available >> i) & 1;
}

/* The PERF_CAPABILITIES fields upstream's tests ask about. */
static inline u64 pmu_lbr_version(void)
{
	return pmu.perf_cap & PMU_CAP_LBR_FMT;
}

static inline u8 pmu_pebs_format(void)
{
	return (u8)((pmu.perf_cap & PERF_CAP_PEBS_FORMAT) >> 8);
}

static inline bool pmu_has_pebs_baseline(void)
{
	return (pmu.perf_cap & PMU_CAP_PEBS_BASELINE) != 0;
}

static inline bool pmu_has_pebs_timing_info(void)
{
	return (pmu.perf_cap & PMU_CAP_PEBS_TIMING_INFO) != 0;
}

/* PEBS needs the version-2 global registers; tests check the format too. */
static inline bool pmu_has_pebs(void)
{
	return this_cpu_has_perf_global_ctrl();
}

/*
 * Full-width writes: with PERF_CAPABILITIES bit 13 the counters have
 * MSR_IA32_PMCx aliases that take all their bits on a write.
 * pmu_activate_full_writes() makes MSR_GP_COUNTERx() name the aliases.
 */
static inline bool pmu_has_full_writes(void)
{
	return (pmu.perf_cap & PMU_CAP_FW_WRITES) != 0;
}

static inline void pmu_activate_full_writes(void)
{
	pmu.msr_gp_counter_base = MSR_IA32_PMC0;
}

static inline bool pmu_use_full_writes(void)
{
	return pmu.msr_gp_counter_base == MSR_IA32_PMC0;
}

/* Stop every general-purpose counter, then zero it. */
static inline void pmu_reset_all_gp_counters(void)
{
	unsigned int i = pmu.nr_gp_counters;

	while (i--) {
		wrmsr(MSR_GP_EVENT_SELECTx(i), 0);
		wrmsr(MSR_GP_COUNTERx(i), 0);
	}
}

/* One control MSR stops all fixed counters; then each is zeroed. */
static inline void pmu_reset_all_fixed_counters(void)
{
	unsigned int i = pmu.nr_fixed_counters;

	if (i)
		wrmsr(MSR_CORE_PERF_FIXED_CTR_CTRL, 0);
	while (i--)
		wrmsr(MSR_PERF_FIXED_CTRx(i), 0);
}

static inline void pmu_reset_all_counters(void)
{
	pmu_reset_all_gp_counters();
	pmu_reset_all_fixed_counters();
}

/* Acknowledge every overflow bit the global status register shows. */
static inline void pmu_clear_global_status(void)
{
	u64 pending = rdmsr(pmu.msr_global_status);

	wrmsr(pmu.msr_global_status_clr, pending);
}

#endif /* _X86_PMU_H_ */
