/* SPDX-License-Identifier: MIT */
/*
 * x86-test.h - small helpers the bundled x86 tests of interrupts, timers
 * and devices share: which hypervisor runs us, and waiting for an
 * interrupt with a bound so that a lost one fails instead of hanging.
 * Not part of the SDK: tests include it as "x86-test.h".
 */
#ifndef KUT_TESTS_X86_TEST_H
#define KUT_TESTS_X86_TEST_H

#include <libcflat.h>
#include <x86/processor.h>

/* TSC cycles after which an awaited interrupt counts as lost (>= 0.3 s). */
#define LOST_CYCLES	1000000000ull
/* TSC cycles in which an interrupt that must not come stays away. */
#define QUIET_CYCLES	10000000ull

/* CPUID 0x40000000: the hypervisor's signature, "KVMKVMKVM\0\0\0". */
#define KVM_CPUID_SIGNATURE	0x40000000
#define KVM_CPUID_FEATURES	0x40000001

static inline bool hv_is_kvm(void)
{
	struct cpuid c;

	if (!this_cpu_has(X86_FEATURE_HYPERVISOR))
		return false;
	c = raw_cpuid(KVM_CPUID_SIGNATURE, 0);
	return c.b == 0x4b4d564b && c.c == 0x564b4d56 && c.d == 0x4d;
}

/*
 * QEMU's TCG says "TCGTCGTCGTCG": where its emulation departs from the
 * SDM, tests make that check a known failure under TCG only.
 */
static inline bool hv_is_tcg(void)
{
	struct cpuid c;

	if (!this_cpu_has(X86_FEATURE_HYPERVISOR))
		return false;
	c = raw_cpuid(KVM_CPUID_SIGNATURE, 0);
	return c.b == 0x54474354 && c.c == 0x43544743 && c.d == 0x47435447;
}

/*
 * With interrupts enabled, spin until *@count reaches @want or @cycles
 * TSC cycles pass; interrupts are disabled again on return.  Returns
 * whether the count was reached.
 */
static inline bool wait_for_count(volatile int *count, int want, u64 cycles)
{
	u64 start = rdtsc();
	bool got;

	sti();
	while (*count < want && rdtsc() - start < cycles)
		pause();
	got = *count >= want;
	cli();
	return got;
}

/* The same, with interrupts left as they are (another CPU counts). */
static inline bool spin_for_count(volatile int *count, int want, u64 cycles)
{
	u64 start = rdtsc();

	while (*count < want && rdtsc() - start < cycles)
		pause();
	return *count >= want;
}

#endif
