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

static inline bool accel_is_tcg(void)
{
	return this_cpu_hypervisor_is("TCGTCGTCGTCG");
}

/* KVM says "KVMKVMKVM\0\0\0": its paravirtual interfaces are there. */
static inline bool accel_is_kvm(void)
{
	return this_cpu_has_kvm();
}

/* report(), but a known failure under TCG: a check TCG leaves out. */
#define report_tcg_gap(pass, ...)	report_kfail(accel_is_tcg(), pass, __VA_ARGS__)

#endif
