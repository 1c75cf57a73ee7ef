/* SPDX-License-Identifier: MIT */
/*
 * accel.h - which accelerator runs the bundled test, so that a check
 * QEMU's TCG is known not to implement is a known failure (KFAIL) there
 * and a real failure under KVM.
 *
 * Why: the bundled x86 tests check the CPU as the SDM and APM define it;
 * TCG leaves some of it out (most #GP checks of WRMSR, for one).  Such a
 * check still runs and passes when TCG implements it; report_tcg_gap()
 * only stops it from failing the test under TCG, and the test's comment
 * says which gap it is.  QEMU's TCG identifies itself at CPUID leaf
 * 0x40000000 ("TCGTCGTCGTCG"), as KVM does with "KVMKVMKVM".
 */
#ifndef KUT_TESTS_X86_ACCEL_H
#define KUT_TESTS_X86_ACCEL_H

#include <libcflat.h>
#include <x86/processor.h>

/* Whether CPUID leaf 0x40000000 holds the 12-character signature @sig. */
static inline bool accel_signature_is(const char *sig)
{
	struct cpuid c;
	u32 regs[3];

	if (!this_cpu_has(X86_FEATURE_HYPERVISOR))
		return false;
	c = raw_cpuid(0x40000000, 0);
	regs[0] = c.b;
	regs[1] = c.c;
	regs[2] = c.d;
	return memcmp(regs, sig, sizeof(regs)) == 0;
}

static inline bool accel_is_tcg(void)
{
	return accel_signature_is("TCGTCGTCGTCG");
}

/* KVM says "KVMKVMKVM\0\0\0": its paravirtual interfaces are there. */
static inline bool accel_is_kvm(void)
{
	return accel_signature_is("KVMKVMKVM\0\0\0");
}

/* report(), but a known failure under TCG: a check TCG leaves out. */
#define report_tcg_gap(pass, ...)	report_kfail(accel_is_tcg(), pass, __VA_ARGS__)

#endif
