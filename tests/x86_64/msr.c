// SPDX-License-Identifier: MIT
/*
 * msr.c - the architectural MSRs the CPU model reports, as the Intel SDM
 * (vol. 4, "Architectural MSRs") and AMD APM (vol. 2) define them: each
 * one CPUID says exists reads, keeps what is written to its writable
 * bits, and refuses reserved bits, values out of range and writes to
 * read-only MSRs with #GP(0); each one CPUID says is absent raises #GP on
 * RDMSR and WRMSR, as does an index no CPU defines.  Values the test
 * changes are restored.
 *
 * QEMU's TCG (7.2) implements RDMSR/WRMSR without their #GP checks and
 * reads IA32_TSC as 0: those checks are known failures under TCG
 * (accel.h).
 *
 * Run with vendor=GenuineIntel (unittests.cfg): Intel keeps all 64 bits
 * of SYSENTER_ESP/EIP and refuses non-canonical ones there, and reserves
 * TSC_AUX[63:32]; AMD drops those bits instead.
 */
#include <libcflat.h>
#include <x86/processor.h>
#include <x86/msr.h>
#include "accel.h"

#define MSR_IA32_MTRR_PHYSBASE0	0x00000200
#define MSR_IA32_MTRR_PHYSMASK0	0x00000201
#define MSR_IA32_MTRR_FIX64K	0x00000250

/* Indexes no Intel or AMD CPU defines, below the hypervisor range. */
static const u32 undefined_msrs[] = { 0x00002fff, 0x3fffffff, 0xc0002fff };

static bool cpu_is_intel;

static const char *vec_name(int v)
{
	return v ? exception_mnemonic(v) : "no fault";
}

/* WRMSR @val then RDMSR gives @want; @name says which check. */
static void check_rw(u32 msr, const char *name, u64 val, u64 want)
{
	u64 got = 0;
	int wv, rv;

	wv = wrmsr_safe(msr, val);
	rv = rdmsr_safe(msr, &got);
	report(!wv && !rv && got == want,
	       "%s: write %#" PRIx64 ", read %#" PRIx64 " (want %#" PRIx64
	       "; %s, %s)", name, val, got, want, vec_name(wv), vec_name(rv));
}

/* WRMSR @val raises #GP and leaves the MSR as it was. */
static void check_wr_gp(u32 msr, const char *name, u64 val, const char *why)
{
	u64 before = 0, after = 0;
	int v;

	rdmsr_safe(msr, &before);
	v = wrmsr_safe(msr, val);
	rdmsr_safe(msr, &after);
	if (!v)
		wrmsr_safe(msr, before);	/* it took the value: undo */
	report_tcg_gap(v == GP_VECTOR && before == after,
	       "%s: write %#" PRIx64 " (%s) -> #GP (got %s, value %#" PRIx64
	       " -> %#" PRIx64 ")", name, val, why, vec_name(v), before, after);
}

/* RDMSR and WRMSR of @msr raise #GP: CPUID says it does not exist. */
static void check_absent(u32 msr, const char *name, const char *why)
{
	u64 val;
	int rv = rdmsr_safe(msr, &val);
	int wv = wrmsr_safe(msr, 0);

	report_tcg_gap(rv == GP_VECTOR && wv == GP_VECTOR,
	       "%s (%#x) absent (%s): RDMSR %s, WRMSR %s", name, msr, why,
	       vec_name(rv), vec_name(wv));
}

static void test_undefined(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(undefined_msrs); i++)
		check_absent(undefined_msrs[i], "undefined MSR", "no CPU has it");
}

static void test_tsc(void)
{
	u64 before, after;

	/* A write sets the counter, which then keeps counting from there. */
	before = rdmsr(MSR_IA32_TSC);
	wrmsr(MSR_IA32_TSC, 1ull << 40);
	after = rdmsr(MSR_IA32_TSC);
	report_tcg_gap(after >= 1ull << 40 && after < (1ull << 40) + (1ull << 36),
	       "IA32_TSC: write 2^40, read %#" PRIx64, after);
	report(rdtsc() >= after, "RDTSC follows IA32_TSC");
	wrmsr(MSR_IA32_TSC, before);
}

static void test_apic_base(void)
{
	u64 base = rdmsr(MSR_IA32_APICBASE);
	u8 maxphy = cpuid_maxphyaddr();

	report(base & MSR_IA32_APICBASE_BSP, "IA32_APIC_BASE: BSP flag set on the BSP");
	report((base & MSR_IA32_APICBASE_ENABLE) && (base & 0xfffff000) == 0xfee00000,
	       "IA32_APIC_BASE: enabled at 0xfee00000 (%#" PRIx64 ")", base);
	/* Bits 7:0 and 9 are reserved, as are those above MAXPHYADDR. */
	check_wr_gp(MSR_IA32_APICBASE, "IA32_APIC_BASE", base | 1, "reserved bit 0");
	check_wr_gp(MSR_IA32_APICBASE, "IA32_APIC_BASE", base | (1 << 9), "reserved bit 9");
	if (maxphy < 52)
		check_wr_gp(MSR_IA32_APICBASE, "IA32_APIC_BASE",
			    base | (1ull << maxphy), "bit MAXPHYADDR");
}

static void test_sysenter(void)
{
	u64 cs = rdmsr(MSR_IA32_SYSENTER_CS);
	u64 esp = rdmsr(MSR_IA32_SYSENTER_ESP);
	u64 eip = rdmsr(MSR_IA32_SYSENTER_EIP);

	check_rw(MSR_IA32_SYSENTER_CS, "IA32_SYSENTER_CS", 0x1234, 0x1234);
#ifdef __x86_64__
	if (cpu_is_intel) {
		/* Intel 64 keeps 64-bit addresses, canonical ones only. */
		check_rw(MSR_IA32_SYSENTER_ESP, "IA32_SYSENTER_ESP",
			 0xffff800012345678ull, 0xffff800012345678ull);
		check_rw(MSR_IA32_SYSENTER_EIP, "IA32_SYSENTER_EIP",
			 0x00007fffdeadbee0ull, 0x00007fffdeadbee0ull);
		check_wr_gp(MSR_IA32_SYSENTER_ESP, "IA32_SYSENTER_ESP",
			    NONCANONICAL, "non-canonical");
		check_wr_gp(MSR_IA32_SYSENTER_EIP, "IA32_SYSENTER_EIP",
			    NONCANONICAL, "non-canonical");
	}
#endif
	check_rw(MSR_IA32_SYSENTER_ESP, "IA32_SYSENTER_ESP", 0x12345678, 0x12345678);
	check_rw(MSR_IA32_SYSENTER_EIP, "IA32_SYSENTER_EIP", 0x87654320, 0x87654320);
	wrmsr(MSR_IA32_SYSENTER_CS, cs);
	wrmsr(MSR_IA32_SYSENTER_ESP, esp);
	wrmsr(MSR_IA32_SYSENTER_EIP, eip);
}

static void test_pat(void)
{
	u64 pat = rdmsr(MSR_IA32_CR_PAT);

	if (!this_cpu_has(X86_FEATURE_PAT)) {
		check_absent(MSR_IA32_CR_PAT, "IA32_PAT", "CPUID.1:EDX.PAT clear");
		return;
	}
	report(pat == 0x0007040600070406ull,
	       "IA32_PAT: power-up value 0x0007040600070406 (%#" PRIx64 ")", pat);
	/* Types 0 (UC), 1 (WC), 4 (WT), 5 (WP), 6 (WB), 7 (UC-) in each byte. */
	check_rw(MSR_IA32_CR_PAT, "IA32_PAT", 0x0706050401000600ull,
		 0x0706050401000600ull);
	check_wr_gp(MSR_IA32_CR_PAT, "IA32_PAT", 0x0007040600070402ull, "type 2");
	check_wr_gp(MSR_IA32_CR_PAT, "IA32_PAT", 0x0007040603070406ull, "type 3");
	check_wr_gp(MSR_IA32_CR_PAT, "IA32_PAT", 0x0807040600070406ull, "type 8");
	wrmsr(MSR_IA32_CR_PAT, pat);
}

static void test_mtrr(void)
{
	u64 cap, def;
	u8 maxphy = cpuid_maxphyaddr();

	if (!(cpuid(1).d & (1u << 12))) {
		check_absent(MSR_MTRRcap, "IA32_MTRRCAP", "CPUID.1:EDX.MTRR clear");
		return;
	}
	cap = rdmsr(MSR_MTRRcap);
	report((cap & 0xff) >= 1, "IA32_MTRRCAP: %d variable ranges (%#" PRIx64 ")",
	       (int)(cap & 0xff), cap);
	check_wr_gp(MSR_MTRRcap, "IA32_MTRRCAP", cap, "read-only");

	def = rdmsr(MSR_MTRRdefType);
	/* Type in 7:0, FE bit 10, E bit 11, the rest reserved. */
	check_rw(MSR_MTRRdefType, "IA32_MTRR_DEF_TYPE", (def & ~0xffull) | 6,
		 (def & ~0xffull) | 6);
	check_wr_gp(MSR_MTRRdefType, "IA32_MTRR_DEF_TYPE", def | (1 << 9),
		    "reserved bit 9");
	check_wr_gp(MSR_MTRRdefType, "IA32_MTRR_DEF_TYPE", (def & ~0xffull) | 2,
		    "type 2");
	wrmsr(MSR_MTRRdefType, def);

	if (cap & 0xff) {
		u64 b = rdmsr(MSR_IA32_MTRR_PHYSBASE0);
		u64 m = rdmsr(MSR_IA32_MTRR_PHYSMASK0);

		check_rw(MSR_IA32_MTRR_PHYSBASE0, "IA32_MTRR_PHYSBASE0",
			 0x80000000ull | 6, 0x80000000ull | 6);
		if (maxphy < 52)
			check_wr_gp(MSR_IA32_MTRR_PHYSBASE0, "IA32_MTRR_PHYSBASE0",
				    (1ull << maxphy) | 6, "bit MAXPHYADDR");
		check_wr_gp(MSR_IA32_MTRR_PHYSMASK0, "IA32_MTRR_PHYSMASK0",
			    m | (1 << 10), "reserved bit 10");
		wrmsr(MSR_IA32_MTRR_PHYSBASE0, b);
	}
	if (cap & (1 << 8)) {
		u64 f = rdmsr(MSR_IA32_MTRR_FIX64K);

		check_rw(MSR_IA32_MTRR_FIX64K, "IA32_MTRR_FIX64K_00000",
			 0x0606060606060606ull, 0x0606060606060606ull);
		check_wr_gp(MSR_IA32_MTRR_FIX64K, "IA32_MTRR_FIX64K_00000",
			    0x0606060606060602ull, "type 2");
		wrmsr(MSR_IA32_MTRR_FIX64K, f);
	}
}

static void test_efer(void)
{
#ifdef __x86_64__
	u64 efer = rdmsr(MSR_EFER);

	report((efer & (EFER_LME | EFER_LMA)) == (EFER_LME | EFER_LMA),
	       "EFER: LME and LMA set in long mode (%#" PRIx64 ")", efer);
	check_rw(MSR_EFER, "EFER", efer ^ EFER_SCE, efer ^ EFER_SCE);
	check_rw(MSR_EFER, "EFER", efer, efer);
	/* Leaving long mode with paging on is refused. */
	check_wr_gp(MSR_EFER, "EFER", efer & ~EFER_LME, "LME clear with paging on");
	check_wr_gp(MSR_EFER, "EFER", efer | (1 << 1), "reserved bit 1");
	check_wr_gp(MSR_EFER, "EFER", efer | (1ull << 63), "reserved bit 63");
	if (!this_cpu_has(X86_FEATURE_SVM))
		check_wr_gp(MSR_EFER, "EFER", efer | EFER_SVME, "SVME without SVM");
	if (!this_cpu_has(X86_FEATURE_NX))
		check_wr_gp(MSR_EFER, "EFER", efer | EFER_NX, "NXE without NX");
	else
		check_rw(MSR_EFER, "EFER", efer | EFER_NX, efer | EFER_NX);
	wrmsr(MSR_EFER, efer);
#else
	u64 efer;

	/* 32-bit kut runs with paging and without long mode: LMA clear. */
	if (raw_cpuid(0x80000000, 0).a < 0x80000001) {
		check_absent(MSR_EFER, "EFER", "no extended CPUID leaves");
		return;
	}
	efer = rdmsr(MSR_EFER);
	report(!(efer & EFER_LMA), "EFER: LMA clear in protected mode (%#" PRIx64 ")", efer);
	check_wr_gp(MSR_EFER, "EFER", efer | (1 << 1), "reserved bit 1");
	if (this_cpu_has(X86_FEATURE_LM))
		check_wr_gp(MSR_EFER, "EFER", efer | EFER_LME, "LME with paging on");
#endif
}

#ifdef __x86_64__
static void test_syscall_msrs(void)
{
	u64 star = rdmsr(MSR_STAR), lstar = rdmsr(MSR_LSTAR);
	u64 cstar = rdmsr(MSR_CSTAR), fmask = rdmsr(MSR_SYSCALL_MASK);

	check_rw(MSR_STAR, "STAR", 0x0023001000000000ull, 0x0023001000000000ull);
	check_rw(MSR_LSTAR, "LSTAR", 0xffffffff81000000ull, 0xffffffff81000000ull);
	check_wr_gp(MSR_LSTAR, "LSTAR", NONCANONICAL, "non-canonical");
	check_rw(MSR_CSTAR, "CSTAR", 0x00007fff00001000ull, 0x00007fff00001000ull);
	check_wr_gp(MSR_CSTAR, "CSTAR", NONCANONICAL, "non-canonical");
	check_rw(MSR_SYSCALL_MASK, "FMASK", 0x47700, 0x47700);
	wrmsr(MSR_STAR, star);
	wrmsr(MSR_LSTAR, lstar);
	wrmsr(MSR_CSTAR, cstar);
	wrmsr(MSR_SYSCALL_MASK, fmask);
}

static void test_segment_bases(void)
{
	u64 fs = rdmsr(MSR_FS_BASE), kgs = rdmsr(MSR_KERNEL_GS_BASE);
	u64 gs = rdmsr(MSR_GS_BASE);
	u16 sel;

	check_rw(MSR_FS_BASE, "FS_BASE", 0xffff888012345000ull, 0xffff888012345000ull);
	check_wr_gp(MSR_FS_BASE, "FS_BASE", NONCANONICAL, "non-canonical");
	check_rw(MSR_KERNEL_GS_BASE, "KERNEL_GS_BASE", 0x00007f0012345000ull,
		 0x00007f0012345000ull);
	check_wr_gp(MSR_KERNEL_GS_BASE, "KERNEL_GS_BASE", NONCANONICAL, "non-canonical");
	/* GS_BASE holds kut's per-CPU pointer: rewrite it with itself only. */
	check_rw(MSR_GS_BASE, "GS_BASE", gs, gs);

	/* FS:0 reads through the base the MSR set. */
	{
		static u64 cell = 0x1122334455667788ull;
		u64 v;

		sel = read_fs();
		wrmsr(MSR_FS_BASE, (u64)&cell);
		asm volatile("mov %%fs:0, %0" : "=r"(v));
		report(v == cell, "FS_BASE: FS:0 reads at the base written");
		write_fs(sel);
	}
	wrmsr(MSR_FS_BASE, fs);
	wrmsr(MSR_KERNEL_GS_BASE, kgs);
	/* SWAPGS exchanges GS_BASE and KERNEL_GS_BASE. */
	wrmsr(MSR_KERNEL_GS_BASE, 0x1000);
	asm volatile("swapgs; swapgs" : : : "memory");
	report(rdmsr(MSR_KERNEL_GS_BASE) == 0x1000 && rdmsr(MSR_GS_BASE) == gs,
	       "SWAPGS twice restores GS_BASE and KERNEL_GS_BASE");
	wrmsr(MSR_KERNEL_GS_BASE, kgs);
}
#endif

static void test_tsc_aux(void)
{
	u64 aux;
	u32 ecx;

	if (!this_cpu_has(X86_FEATURE_RDTSCP) && !this_cpu_has(X86_FEATURE_RDPID)) {
		check_absent(MSR_TSC_AUX, "IA32_TSC_AUX", "no RDTSCP, no RDPID");
		return;
	}
	aux = rdmsr(MSR_TSC_AUX);
	check_rw(MSR_TSC_AUX, "IA32_TSC_AUX", 0x89abcdef, 0x89abcdef);
	if (this_cpu_has(X86_FEATURE_RDTSCP)) {
		rdtscp(&ecx);
		report(ecx == 0x89abcdef, "RDTSCP returns IA32_TSC_AUX in ECX (%#x)", ecx);
	}
	if (cpu_is_intel)
		check_wr_gp(MSR_TSC_AUX, "IA32_TSC_AUX", 1ull << 32, "reserved bit 32");
	wrmsr(MSR_TSC_AUX, aux);
}

static void test_debugctl(void)
{
	u64 dbg;

	if (!cpu_is_intel)
		return;
	dbg = rdmsr(MSR_IA32_DEBUGCTLMSR);
	check_rw(MSR_IA32_DEBUGCTLMSR, "IA32_DEBUGCTL", 0, 0);
	/* Bits 5:2 are reserved on every Intel 64 CPU. */
	check_wr_gp(MSR_IA32_DEBUGCTLMSR, "IA32_DEBUGCTL", 1 << 2, "reserved bit 2");
	check_wr_gp(MSR_IA32_DEBUGCTLMSR, "IA32_DEBUGCTL", 1ull << 63, "reserved bit 63");
	wrmsr(MSR_IA32_DEBUGCTLMSR, dbg);
}

static void test_mcg(void)
{
	u64 cap;

	if (!this_cpu_has(X86_FEATURE_MCE) || !(cpuid(1).d & (1u << 14))) {
		report_info("no machine-check architecture (CPUID.1:EDX.MCA)");
		return;
	}
	cap = rdmsr(MSR_IA32_MCG_CAP);
	report((cap & 0xff) >= 1, "IA32_MCG_CAP: %d banks", (int)(cap & 0xff));
	check_wr_gp(MSR_IA32_MCG_CAP, "IA32_MCG_CAP", cap, "read-only");
	/* MCi_STATUS accepts 0 (clearing a bank). */
	check_rw(MSR_IA32_MC0_STATUS, "IA32_MC0_STATUS", 0, 0);
	if (cap & (1 << 8))
		check_rw(MSR_IA32_MCG_CTL, "IA32_MCG_CTL", ~0ull, ~0ull);
	else
		check_absent(MSR_IA32_MCG_CTL, "IA32_MCG_CTL", "MCG_CAP.MCG_CTL_P clear");
}

static void test_feature_msrs(void)
{
	u64 v;

	if (this_cpu_has(X86_FEATURE_TSC_DEADLINE_TIMER))
		report(rdmsr_safe(MSR_IA32_TSCDEADLINE, &v) == 0,
		       "IA32_TSC_DEADLINE reads (%#" PRIx64 ")", v);
	else
		check_absent(MSR_IA32_TSCDEADLINE, "IA32_TSC_DEADLINE",
			     "CPUID.1:ECX.TSC_DEADLINE clear");

	if (this_cpu_has(X86_FEATURE_SPEC_CTRL)) {
		v = rdmsr(MSR_IA32_SPEC_CTRL);
		check_rw(MSR_IA32_SPEC_CTRL, "IA32_SPEC_CTRL", 0, 0);
		check_rw(MSR_IA32_SPEC_CTRL, "IA32_SPEC_CTRL", 1, 1);	/* IBRS */
		check_wr_gp(MSR_IA32_SPEC_CTRL, "IA32_SPEC_CTRL", 1ull << 63,
			    "reserved bit 63");
		wrmsr(MSR_IA32_SPEC_CTRL, v);
		/* PRED_CMD is write-only: IBPB is bit 0. */
		report(wrmsr_safe(MSR_IA32_PRED_CMD, 1) == 0, "IA32_PRED_CMD: IBPB written");
	} else {
		check_absent(MSR_IA32_SPEC_CTRL, "IA32_SPEC_CTRL",
			     "CPUID.7:EDX.SPEC_CTRL clear");
	}

	if (this_cpu_has(X86_FEATURE_ARCH_CAPABILITIES)) {
		v = rdmsr(MSR_IA32_ARCH_CAPABILITIES);
		report_info("IA32_ARCH_CAPABILITIES %#" PRIx64, v);
		check_wr_gp(MSR_IA32_ARCH_CAPABILITIES, "IA32_ARCH_CAPABILITIES",
			    v, "read-only");
	} else {
		check_absent(MSR_IA32_ARCH_CAPABILITIES, "IA32_ARCH_CAPABILITIES",
			     "CPUID.7:EDX.ARCH_CAPABILITIES clear");
	}

	if (this_cpu_has(X86_FEATURE_XSAVES)) {
		v = rdmsr(MSR_IA32_XSS);
		check_rw(MSR_IA32_XSS, "IA32_XSS", 0, 0);
		/* x87 and SSE state (bits 1:0) are never supervisor state. */
		check_wr_gp(MSR_IA32_XSS, "IA32_XSS", 1, "bit 0 (x87)");
		wrmsr(MSR_IA32_XSS, v);
	} else {
		check_absent(MSR_IA32_XSS, "IA32_XSS", "CPUID.(0xd,1):EAX.XSAVES clear");
	}

	if (this_cpu_has(X86_FEATURE_PKS)) {
		v = rdmsr(MSR_IA32_PKRS);
		check_rw(MSR_IA32_PKRS, "IA32_PKRS", 0x55555554, 0x55555554);
		check_wr_gp(MSR_IA32_PKRS, "IA32_PKRS", 1ull << 32, "reserved bit 32");
		wrmsr(MSR_IA32_PKRS, v);
	} else {
		check_absent(MSR_IA32_PKRS, "IA32_PKRS", "CPUID.7:ECX.PKS clear");
	}
}

int main(void)
{
	cpu_is_intel = is_intel();
	report_info("vendor %s, MAXPHYADDR %d", cpu_is_intel ? "Intel" :
		    is_amd() ? "AMD" : "other", cpuid_maxphyaddr());

	test_undefined();
	test_tsc();
	test_apic_base();
	test_sysenter();
	test_pat();
	test_mtrr();
	test_efer();
#ifdef __x86_64__
	test_syscall_msrs();
	test_segment_bases();
#endif
	test_tsc_aux();
	test_debugctl();
	test_mcg();
	test_feature_msrs();
	return report_summary();
}
