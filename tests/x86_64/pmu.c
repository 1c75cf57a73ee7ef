// SPDX-License-Identifier: MIT
/*
 * pmu.c - the guest's performance-monitoring counters as KVM virtualizes
 * them, after the Intel SDM (vol. 3B, "Performance Monitoring": the
 * architectural PMU, CPUID leaf 0AH) and the AMD APM (vol. 2, "Core
 * Performance Counters"): a loop of known length counted by each
 * general-purpose counter (instructions and branches retired exactly,
 * core cycles at least one per iteration), a disabled counter and a
 * ring-3-only counter counting nothing at ring 0, RDPMC against RDMSR,
 * RDPMC of a counter that does not exist (#GP), the fixed counters and
 * IA32_PERF_GLOBAL_CTRL (Intel, version 2 and up), and overflow: the PMI
 * through the local APIC's LVTPC, the global status bit and its clearing,
 * LVTPC masked by the PMI (Intel).  Skips (77) where the CPU model has no
 * PMU (CPUID 0AH version 0 on Intel, the counters' MSRs raising #GP on
 * AMD; QEMU's TCG emulates none).
 */
#include <libcflat.h>
#include <x86/apic.h>
#include <x86/isr.h>
#include <x86/msr.h>
#include <x86/processor.h>
#include "x86-test.h"

#define EVTSEL_USR	(1u << 16)
#define EVTSEL_OS	(1u << 17)
#define EVTSEL_INT	(1u << 20)
#define EVTSEL_EN	(1u << 22)

#define INTEL_EVTSEL0		0x186
#define INTEL_PMC0		0x0c1
#define INTEL_FIXED_CTR0	0x309
#define INTEL_FIXED_CTR_CTRL	0x38d
#define INTEL_GLOBAL_STATUS	0x38e
#define INTEL_GLOBAL_CTRL	0x38f
#define INTEL_GLOBAL_OVF_CTRL	0x390
#define AMD_EVTSEL0		0xc0010000
#define AMD_CTR0		0xc0010004
#define AMD_CORE_CTL0		0xc0010200	/* CTL n at +2n, CTR n at +2n+1 */

#define LOOPS		100000u
#define PMI_VEC		0xd8

struct pmu {
	bool intel;
	int version, gp, fixed;
	unsigned width;
	u32 ev_instr, ev_cycles, ev_branches;
	bool core_ext;		/* AMD: the six counters at 0xc0010200 */
};

static struct pmu pmu;
static volatile int pmis;
static volatile u32 lvtpc_in_pmi;

static u32 evtsel_msr(int i)
{
	if (pmu.intel)
		return INTEL_EVTSEL0 + i;
	return pmu.core_ext ? AMD_CORE_CTL0 + 2 * i : AMD_EVTSEL0 + i;
}

static u32 ctr_msr(int i)
{
	if (pmu.intel)
		return INTEL_PMC0 + i;
	return pmu.core_ext ? AMD_CORE_CTL0 + 2 * i + 1 : AMD_CTR0 + i;
}

/* LOOPS iterations of DEC + JNZ: 2 * LOOPS instructions, LOOPS branches. */
static noinline void counted_loop(void)
{
	u32 n = LOOPS;

	asm volatile("1: dec %0\n\tjnz 1b" : "+r"(n) : : "cc");
}

static void global_enable(u64 bits)
{
	if (pmu.intel && pmu.version >= 2)
		wrmsr(INTEL_GLOBAL_CTRL, bits);
}

/* Count @event on counter @i over counted_loop(), with @flags. */
static u64 count_loop(int i, u32 event, u32 flags)
{
	wrmsr(evtsel_msr(i), 0);
	wrmsr(ctr_msr(i), 0);
	global_enable(1ull << i);
	wrmsr(evtsel_msr(i), event | flags);
	counted_loop();
	wrmsr(evtsel_msr(i), event | (flags & ~EVTSEL_EN));
	global_enable(0);
	return rdmsr(ctr_msr(i));
}

static bool detect(void)
{
	struct cpuid a;
	u64 v;

	if (accel_is_tcg()) {
		report_skip("QEMU's TCG emulates no PMU");
		return false;
	}
	pmu.intel = is_intel();
	if (pmu.intel) {
		if (cpuid(0).a < 0xa || !((a = cpuid(0xa)).a & 0xff)) {
			report_skip("no architectural PMU (CPUID 0AH version 0): "
				    "KVM's enable_pmu=N, or a model without one");
			return false;
		}
		pmu.version = a.a & 0xff;
		pmu.gp = a.a >> 8 & 0xff;
		pmu.width = a.a >> 16 & 0xff;
		pmu.fixed = pmu.version >= 2 ? a.d & 0x1f : 0;
		pmu.ev_instr = 0x00c0;
		pmu.ev_cycles = 0x003c;
		pmu.ev_branches = 0x00c4;
		/* CPUID.0AH:EBX: a set bit is an event the PMU lacks. */
		if (a.b & (1 << 0))
			pmu.ev_cycles = 0;
		if (a.b & (1 << 1))
			pmu.ev_instr = 0;
		if (a.b & (1 << 5))
			pmu.ev_branches = 0;
		return true;
	}
	pmu.core_ext = cpuid(0x80000001).c & (1 << 23);
	if (rdmsr_safe(pmu.core_ext ? AMD_CORE_CTL0 : AMD_EVTSEL0, &v)) {
		report_skip("no core performance counters (their MSRs raise "
			    "#GP): KVM's enable_pmu=N");
		return false;
	}
	pmu.gp = pmu.core_ext ? 6 : 4;
	pmu.width = 48;
	pmu.ev_instr = 0x00c0;
	pmu.ev_cycles = 0x0076;
	pmu.ev_branches = 0x00c2;
	return true;
}

/* The bare instruction: rdpmc() itself stops the test on a fault. */
static void rdpmc_missing(void *data)
{
	u32 a, d;

	(void)data;
	asm volatile("rdpmc" : "=a"(a), "=d"(d) : "c"(pmu.gp));
}

static void check_gp_counters(void)
{
	const u32 on = EVTSEL_EN | EVTSEL_OS | EVTSEL_USR;
	int i;

	for (i = 0; i < pmu.gp; i++) {
		u64 c;

		report_prefix_pushf("counter %d", i);
		if (pmu.ev_instr) {
			c = count_loop(i, pmu.ev_instr, on);
			report(c >= 2 * LOOPS && c <= 2 * LOOPS + 1000,
			       "instructions retired: %llu for %u", (unsigned long long)c,
			       2 * LOOPS);
		}
		if (pmu.ev_branches) {
			c = count_loop(i, pmu.ev_branches, on);
			report(c >= LOOPS && c <= LOOPS + 200,
			       "branches retired: %llu for %u", (unsigned long long)c,
			       LOOPS);
		}
		if (pmu.ev_cycles) {
			c = count_loop(i, pmu.ev_cycles, on);
			report(c >= LOOPS, "core cycles: %llu, at least %u",
			       (unsigned long long)c, LOOPS);
		}
		c = count_loop(i, pmu.ev_instr, on & ~EVTSEL_EN);
		report(c == 0, "not enabled: counts nothing");
		c = count_loop(i, pmu.ev_instr, EVTSEL_EN | EVTSEL_USR);
		report(c < 100, "ring 3 only, the loop at ring 0: %llu",
		       (unsigned long long)c);
		wrmsr(ctr_msr(i), 0x1234);
		report(rdpmc(i) == rdmsr(ctr_msr(i)) && rdpmc(i) == 0x1234,
		       "RDPMC reads what RDMSR reads");
		report_prefix_pop();
	}
	report(test_for_exception(GP_VECTOR, rdpmc_missing, NULL),
	       "RDPMC of counter %d (none): #GP", pmu.gp);
}

static void check_fixed(void)
{
	u64 c[3];
	int i;

	if (!pmu.fixed) {
		report_skip("fixed counters: %s", pmu.intel ?
			    "none before PMU version 2" : "Intel's only");
		return;
	}
	for (i = 0; i < pmu.fixed && i < 3; i++)
		wrmsr(INTEL_FIXED_CTR0 + i, 0);
	/* 0x3 per counter: count at ring 0 and 3. */
	wrmsr(INTEL_FIXED_CTR_CTRL, 0x333 & ((1u << (4 * pmu.fixed)) - 1));
	global_enable(((1ull << (pmu.fixed < 3 ? pmu.fixed : 3)) - 1) << 32);
	counted_loop();
	global_enable(0);
	wrmsr(INTEL_FIXED_CTR_CTRL, 0);
	for (i = 0; i < pmu.fixed && i < 3; i++)
		c[i] = rdmsr(INTEL_FIXED_CTR0 + i);
	report(c[0] >= 2 * LOOPS && c[0] <= 2 * LOOPS + 1000,
	       "fixed 0, instructions retired: %llu", (unsigned long long)c[0]);
	if (pmu.fixed > 1)
		report(c[1] >= LOOPS, "fixed 1, core cycles: %llu",
		       (unsigned long long)c[1]);
	if (pmu.fixed > 1)
		report(rdpmc(1u << 30 | 1) == c[1],
		       "RDPMC of fixed counter 1 (bit 30 set)");
	wrmsr(INTEL_GLOBAL_CTRL, 0);
	wrmsr(INTEL_FIXED_CTR0, 0);
	wrmsr(INTEL_FIXED_CTR_CTRL, 0x3);
	counted_loop();
	wrmsr(INTEL_FIXED_CTR_CTRL, 0);
	report(rdmsr(INTEL_FIXED_CTR0) == 0,
	       "IA32_PERF_GLOBAL_CTRL clear: fixed 0 counts nothing");
}

static void pmi(isr_regs_t *regs)
{
	(void)regs;
	lvtpc_in_pmi = apic_read(APIC_LVTPC);
	pmis++;
	eoi();
}

static void check_overflow(void)
{
	u64 wrap = pmu.width < 64 ? 1ull << pmu.width : 0;

	handle_irq(PMI_VEC, pmi);
	apic_write(APIC_LVTPC, PMI_VEC);
	pmis = 0;
	wrmsr(evtsel_msr(0), 0);
	/* A write of PMC0 sign-extends bit 31 (Intel): -N/2 reads as wrap - N/2. */
	wrmsr(ctr_msr(0), (wrap - LOOPS / 2) & (pmu.intel ? 0xffffffffull : ~0ull));
	global_enable(1);
	wrmsr(evtsel_msr(0), pmu.ev_instr | EVTSEL_EN | EVTSEL_OS | EVTSEL_USR |
	      EVTSEL_INT);
	counted_loop();
	wrmsr(evtsel_msr(0), 0);
	global_enable(0);
	report(wait_for_count(&pmis, 1, LOST_CYCLES),
	       "overflow: a PMI through LVTPC");
	report(rdmsr(ctr_msr(0)) < 2 * LOOPS, "the counter wrapped (%llu)",
	       (unsigned long long)rdmsr(ctr_msr(0)));
	if (pmu.intel && pmu.version >= 2) {
		report(rdmsr(INTEL_GLOBAL_STATUS) & 1,
		       "IA32_PERF_GLOBAL_STATUS: counter 0's overflow bit");
		wrmsr(INTEL_GLOBAL_OVF_CTRL, 1);
		report(!(rdmsr(INTEL_GLOBAL_STATUS) & 1),
		       "IA32_PERF_GLOBAL_OVF_CTRL clears it");
	}
	if (pmu.intel)
		report(lvtpc_in_pmi & APIC_LVT_MASKED,
		       "the PMI masked LVTPC (Intel)");
	apic_write(APIC_LVTPC, APIC_LVT_MASKED | PMI_VEC);
}

int main(void)
{
	report_prefix_push("pmu");
	if (!detect())
		return report_summary();
	report_info("%s PMU: version %d, %d counters of %u bits, %d fixed",
		    pmu.intel ? "Intel architectural" : "AMD core", pmu.version,
		    pmu.gp, pmu.width, pmu.fixed);
	check_gp_counters();
	check_fixed();
	check_overflow();
	return report_summary();
}
