// SPDX-License-Identifier: MIT
/*
 * cpuid.c - CPUID as the Intel SDM (vol. 2A, CPUID) and AMD APM (vol. 3,
 * appendix E) define it, and its agreement with the state it describes:
 *   - the leaves: maximum leaves, vendor and brand strings, sub-leaf
 *     ranges (an invalid sub-leaf of leaf 7 or 0xd is all zeroes), and
 *     what a leaf above the maximum returns (Intel: the highest basic
 *     leaf; AMD: zeroes);
 *   - per CPU (-smp 2): the initial APIC ID of leaf 1 and the x2APIC ID
 *     of leaf 0xb are that CPU's local APIC ID, distinct on each CPU;
 *   - what follows the control registers: CPUID.1:ECX.OSXSAVE is
 *     CR4.OSXSAVE, CPUID.7:ECX.OSPKE is CR4.PKE (xsave.c checks that
 *     CPUID.(0xd,0):EBX follows XCR0);
 *   - address sizes (leaf 0x80000008) against CR4.LA57 and the LA57 flag;
 *   - CPUID faulting (MSR_PLATFORM_INFO bit 31, MSR_MISC_FEATURES_ENABLES
 *     bit 0): CPUID at CPL 3 raises #GP, at CPL 0 still runs.
 * The vendor comes from the CPU model (unittests.cfg runs it as Intel and
 * as AMD).  QEMU's TCG (7.2) answers a leaf past the maximum with the
 * highest basic leaf for every vendor: a known failure there (accel.h).
 */
#include <libcflat.h>
#include <smp.h>
#include <vmalloc.h>
#include <x86/processor.h>
#include <x86/apic.h>
#include <x86/usermode.h>
#include "accel.h"

#define MSR_PLATFORM_INFO		0x000000ce
#define MSR_MISC_FEATURES_ENABLES	0x00000140

static bool printable(const char *s, int n)
{
	int i;

	for (i = 0; i < n && s[i]; i++)
		if (s[i] < 0x20 || s[i] > 0x7e)
			return false;
	return i > 0;
}

static void test_basic_leaves(void)
{
	struct cpuid c = raw_cpuid(0, 0);
	u32 max = c.a, xmax = raw_cpuid(0x80000000, 0).a;
	char vendor[13];
	char brand[49];
	int i;

	memcpy(vendor, &c.b, 4);
	memcpy(vendor + 4, &c.d, 4);
	memcpy(vendor + 8, &c.c, 4);
	vendor[12] = 0;
	report(printable(vendor, 12) && strlen(vendor) == 12,
	       "leaf 0: vendor '%s', maximum basic leaf %#x", vendor, max);
	report(max >= 0xd, "leaf 0: basic leaves reach 0xd (XSAVE)");
	report(xmax >= 0x80000008 && xmax < 0x80000100,
	       "leaf 0x80000000: maximum extended leaf %#x", xmax);

	c = raw_cpuid(1, 0);
	report(((c.b >> 8) & 0xff) * 8 == 64 || !(c.d & (1u << 19)),
	       "leaf 1: CLFLUSH line size %u bytes", ((c.b >> 8) & 0xff) * 8);
	report(c.a != 0, "leaf 1: processor signature %#x", c.a);

	for (i = 0; i < 3; i++) {
		c = raw_cpuid(0x80000002 + i, 0);
		memcpy(brand + 16 * i, &c, 16);
	}
	brand[48] = 0;
	report(printable(brand, 48), "leaves 0x80000002-4: brand '%s'", brand);
#ifdef __x86_64__
	report(this_cpu_has(X86_FEATURE_LM), "leaf 0x80000001: LM set (we run in long mode)");
#endif
}

static void test_subleaves(void)
{
	struct cpuid c7 = raw_cpuid(7, 0), c;
	u32 sub;

	sub = c7.a + 1;
	c = raw_cpuid(7, sub);
	report(!c.a && !c.b && !c.c && !c.d,
	       "leaf 7: sub-leaf %u, past the last (%u), is all zeroes", sub, c7.a);
	c = raw_cpuid(0xd, 63);
	report(!c.a && !c.b && !c.c && !c.d, "leaf 0xd: sub-leaf 63 is all zeroes");
	/* Leaf 1 has no sub-leaves: ECX is ignored. */
	c = raw_cpuid(1, 5);
	c7 = raw_cpuid(1, 0);
	report(c.a == c7.a && c.c == c7.c && c.d == c7.d,
	       "leaf 1 ignores ECX");
}

static void test_out_of_range(void)
{
	u32 max = raw_cpuid(0, 0).a;
	u32 xmax = raw_cpuid(0x80000000, 0).a;
	struct cpuid top = raw_cpuid(max, 0), c;

	c = raw_cpuid(max + 1, 0);
	if (is_intel()) {
		report(c.a == top.a && c.b == top.b && c.c == top.c && c.d == top.d,
		       "Intel: leaf %#x (past the maximum) returns leaf %#x", max + 1, max);
		c = raw_cpuid(xmax + 1, 0);
		report(c.a == top.a && c.b == top.b && c.c == top.c && c.d == top.d,
		       "Intel: leaf %#x (past the extended maximum) returns leaf %#x",
		       xmax + 1, max);
	} else if (is_amd()) {
		report_tcg_gap(!c.a && !c.b && !c.c && !c.d,
		       "AMD: leaf %#x (past the maximum) is all zeroes", max + 1);
		c = raw_cpuid(xmax + 1, 0);
		report_tcg_gap(!c.a && !c.b && !c.c && !c.d,
		       "AMD: leaf %#x (past the extended maximum) is all zeroes", xmax + 1);
	} else {
		report_skip("out-of-range leaves: vendor neither Intel nor AMD");
	}
}

static volatile u32 apic_ids[2], leaf1_ids[2], leafb_ids[2];

static void read_ids(void *unused)
{
	int cpu = smp_id();

	(void)unused;
	if (cpu >= 2)
		return;
	apic_ids[cpu] = apic_id();
	leaf1_ids[cpu] = raw_cpuid(1, 0).b >> 24;
	leafb_ids[cpu] = raw_cpuid(0, 0).a >= 0xb ? raw_cpuid(0xb, 0).d : ~0u;
}

static void test_apic_ids(void)
{
	int n = cpu_count() < 2 ? cpu_count() : 2, i;

	on_cpus(read_ids, NULL);
	for (i = 0; i < n; i++) {
		report(leaf1_ids[i] == (apic_ids[i] & 0xff),
		       "CPU %d: leaf 1 initial APIC ID %u is the local APIC ID %u",
		       i, leaf1_ids[i], apic_ids[i]);
		if (leafb_ids[i] != ~0u)
			report(leafb_ids[i] == apic_ids[i],
			       "CPU %d: leaf 0xb x2APIC ID %u is the local APIC ID", i,
			       leafb_ids[i]);
	}
	if (n == 2)
		report(apic_ids[0] != apic_ids[1], "the two CPUs have distinct APIC IDs");
	else
		report_skip("one CPU: distinct APIC IDs not checked (run with -smp 2)");
}

static bool cpuid_osxsave_bit(void)
{
	return raw_cpuid(1, 0).c & (1u << 27);
}

static void test_osxsave(void)
{
	ulong cr4 = read_cr4();

	if (!this_cpu_has(X86_FEATURE_XSAVE)) {
		report(!cpuid_osxsave_bit(), "no XSAVE: OSXSAVE reads clear");
		return;
	}
	write_cr4(cr4 & ~X86_CR4_OSXSAVE);
	report(!cpuid_osxsave_bit(), "CR4.OSXSAVE clear: CPUID.1:ECX.OSXSAVE clear");
	write_cr4(cr4 | X86_CR4_OSXSAVE);
	report(cpuid_osxsave_bit(), "CR4.OSXSAVE set: CPUID.1:ECX.OSXSAVE set");

	write_cr4(cr4);
}

static void test_ospke(void)
{
	ulong cr4 = read_cr4();

	if (!this_cpu_has(X86_FEATURE_PKU)) {
		report(!(raw_cpuid(7, 0).c & (1u << 4)), "no PKU: OSPKE reads clear");
		return;
	}
	/* CR4.PKE needs long mode (IA-32e paging). */
	if (!(cr4 & X86_CR4_PAE) || write_cr4_safe(cr4 | X86_CR4_PKE)) {
		report_skip("CR4.PKE cannot be set in this paging mode");
		return;
	}
	report(raw_cpuid(7, 0).c & (1u << 4), "CR4.PKE set: CPUID.7:ECX.OSPKE set");
	write_cr4(cr4 & ~X86_CR4_PKE);
	report(!(raw_cpuid(7, 0).c & (1u << 4)), "CR4.PKE clear: CPUID.7:ECX.OSPKE clear");
	write_cr4(cr4);
}

static void test_address_sizes(void)
{
	struct cpuid c = raw_cpuid(0x80000008, 0);
	u32 phys = c.a & 0xff, virt = (c.a >> 8) & 0xff;

	report(phys >= 36 && phys <= 52, "leaf 0x80000008: %u physical address bits", phys);
	/* The width the CPU supports: 48, or 57 if it can do 5-level paging. */
	if (this_cpu_has(X86_FEATURE_LA57))
		report(virt == 57, "LA57 in CPUID: 57 linear address bits (%u)", virt);
	else
		report(virt == 48 || virt == 57, "%u linear address bits", virt);
}

static u64 user_cpuid(void)
{
	return raw_cpuid(0, 0).a;
}

static void test_cpuid_faulting(void)
{
	u64 info, old;
	bool raised;

	if (!is_intel()) {
		report_skip("CPUID faulting: Intel's MSRs");
		return;
	}
	if (rdmsr_safe(MSR_PLATFORM_INFO, &info) || !(info & (1ull << 31))) {
		report_skip("CPUID faulting: MSR_PLATFORM_INFO does not offer it");
		return;
	}
	setup_vm();
	old = rdmsr(MSR_MISC_FEATURES_ENABLES);
	wrmsr(MSR_MISC_FEATURES_ENABLES, old | 1);
	report(raw_cpuid(0, 0).a != 0, "CPUID faulting on: CPUID still runs at CPL 0");
	run_in_user(user_cpuid, GP_VECTOR, 0, 0, 0, 0, &raised);
	report(raised && exception_error_code() == 0,
	       "CPUID faulting on: CPUID at CPL 3 raises #GP(0)");
	wrmsr(MSR_MISC_FEATURES_ENABLES, old & ~1ull);
	report(run_in_user(user_cpuid, GP_VECTOR, 0, 0, 0, 0, &raised) ==
	       raw_cpuid(0, 0).a && !raised,
	       "CPUID faulting off: CPUID at CPL 3 runs");
	wrmsr(MSR_MISC_FEATURES_ENABLES, old);
}

int main(void)
{
	test_basic_leaves();
	test_subleaves();
	test_out_of_range();
	test_apic_ids();
	test_osxsave();
	test_ospke();
	test_address_sizes();
	test_cpuid_faulting();
	return report_summary();
}
