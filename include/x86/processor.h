/* SPDX-License-Identifier: MIT */
/*
 * x86/processor.h - x86 registers and instructions as C functions.
 *
 * Control, debug and segment registers, MSRs, CPUID and feature tests,
 * TSC, interrupt flag, descriptor-table loads.  Names follow upstream
 * kvm-unit-tests (and mostly Linux) so tests port unchanged.  The
 * *_checking/_safe variants execute an instruction that may fault and
 * return the exception vector it raised (0 when it did not fault).
 */
#ifndef _X86_PROCESSOR_H_
#define _X86_PROCESSOR_H_

#include <libcflat.h>
#include <x86/desc.h>
#include <x86/msr.h>
#include <bitops.h>
#include <util.h>

/*
 * Addresses for canonical-address tests: canonical with 48-bit (57-bit)
 * virtual addresses, and canonical with neither.  The LAM masks are the
 * address bits linear-address masking ignores.
 */
#define CANONICAL_48_VAL	0xffffaaaaaaaaaaaaull
#define CANONICAL_57_VAL	0xffaaaaaaaaaaaaaaull
#define NONCANONICAL		0xaaaaaaaaaaaaaaaaull
#define LAM57_MASK		GENMASK_ULL(62, 57)
#define LAM48_MASK		GENMASK_ULL(62, 48)

/* @addr with the bits of @mask taken from NONCANONICAL. */
static inline u64 get_non_canonical(u64 addr, u64 mask)
{
	return (addr & ~mask) | (NONCANONICAL & mask);
}

/* Register-name pieces for asm that must assemble on both i386 and x86_64. */
#ifdef __x86_64__
#  define R "r"
#  define W "q"
#  define S "8"
#else
#  define R "e"
#  define W "l"
#  define S "4"
#endif

#define DE_VECTOR 0
#define DB_VECTOR 1
#define NMI_VECTOR 2
#define BP_VECTOR 3
#define OF_VECTOR 4
#define BR_VECTOR 5
#define UD_VECTOR 6
#define NM_VECTOR 7
#define DF_VECTOR 8
#define TS_VECTOR 10
#define NP_VECTOR 11
#define SS_VECTOR 12
#define GP_VECTOR 13
#define PF_VECTOR 14
#define MF_VECTOR 16
#define AC_VECTOR 17
#define MC_VECTOR 18
#define XM_VECTOR 19
#define XF_VECTOR XM_VECTOR
#define VE_VECTOR 20
#define CP_VECTOR 21
/* AMD only: hypervisor injection, VMM communication, security. */
#define HV_VECTOR 28
#define VC_VECTOR 29
#define SX_VECTOR 30

/*
 * Control-register and RFLAGS bits: X86_<reg>_<name> is the mask,
 * X86_<reg>_<name>_BIT its number (a plain number, usable in asm).
 */
#define X86_CR0_PE_BIT	0
#define X86_CR0_PE	BIT(X86_CR0_PE_BIT)
#define X86_CR0_MP_BIT	1
#define X86_CR0_MP	BIT(X86_CR0_MP_BIT)
#define X86_CR0_EM_BIT	2
#define X86_CR0_EM	BIT(X86_CR0_EM_BIT)
#define X86_CR0_TS_BIT	3
#define X86_CR0_TS	BIT(X86_CR0_TS_BIT)
#define X86_CR0_ET_BIT	4
#define X86_CR0_ET	BIT(X86_CR0_ET_BIT)
#define X86_CR0_NE_BIT	5
#define X86_CR0_NE	BIT(X86_CR0_NE_BIT)
#define X86_CR0_WP_BIT	16
#define X86_CR0_WP	BIT(X86_CR0_WP_BIT)
#define X86_CR0_AM_BIT	18
#define X86_CR0_AM	BIT(X86_CR0_AM_BIT)
#define X86_CR0_NW_BIT	29
#define X86_CR0_NW	BIT(X86_CR0_NW_BIT)
#define X86_CR0_CD_BIT	30
#define X86_CR0_CD	BIT(X86_CR0_CD_BIT)
#define X86_CR0_PG_BIT	31
#define X86_CR0_PG	BIT(X86_CR0_PG_BIT)

#define X86_CR3_PCID_MASK	GENMASK(11, 0)
/* Linear-address masking for user addresses (CR3 bits 61, 62). */
#define X86_CR3_LAM_U57_BIT	61
#define X86_CR3_LAM_U57		BIT_ULL(X86_CR3_LAM_U57_BIT)
#define X86_CR3_LAM_U48_BIT	62
#define X86_CR3_LAM_U48		BIT_ULL(X86_CR3_LAM_U48_BIT)

#define X86_CR4_VME_BIT	0
#define X86_CR4_VME	BIT(X86_CR4_VME_BIT)
#define X86_CR4_PVI_BIT	1
#define X86_CR4_PVI	BIT(X86_CR4_PVI_BIT)
#define X86_CR4_TSD_BIT	2
#define X86_CR4_TSD	BIT(X86_CR4_TSD_BIT)
#define X86_CR4_DE_BIT	3
#define X86_CR4_DE	BIT(X86_CR4_DE_BIT)
#define X86_CR4_PSE_BIT	4
#define X86_CR4_PSE	BIT(X86_CR4_PSE_BIT)
#define X86_CR4_PAE_BIT	5
#define X86_CR4_PAE	BIT(X86_CR4_PAE_BIT)
#define X86_CR4_MCE_BIT	6
#define X86_CR4_MCE	BIT(X86_CR4_MCE_BIT)
#define X86_CR4_PGE_BIT	7
#define X86_CR4_PGE	BIT(X86_CR4_PGE_BIT)
#define X86_CR4_PCE_BIT	8
#define X86_CR4_PCE	BIT(X86_CR4_PCE_BIT)
#define X86_CR4_OSFXSR_BIT	9
#define X86_CR4_OSFXSR	BIT(X86_CR4_OSFXSR_BIT)
#define X86_CR4_OSXMMEXCPT_BIT	10
#define X86_CR4_OSXMMEXCPT	BIT(X86_CR4_OSXMMEXCPT_BIT)
#define X86_CR4_UMIP_BIT	11
#define X86_CR4_UMIP	BIT(X86_CR4_UMIP_BIT)
#define X86_CR4_LA57_BIT	12
#define X86_CR4_LA57	BIT(X86_CR4_LA57_BIT)
#define X86_CR4_VMXE_BIT	13
#define X86_CR4_VMXE	BIT(X86_CR4_VMXE_BIT)
#define X86_CR4_SMXE_BIT	14
#define X86_CR4_SMXE	BIT(X86_CR4_SMXE_BIT)
#define X86_CR4_FSGSBASE_BIT	16
#define X86_CR4_FSGSBASE	BIT(X86_CR4_FSGSBASE_BIT)
#define X86_CR4_PCIDE_BIT	17
#define X86_CR4_PCIDE	BIT(X86_CR4_PCIDE_BIT)
#define X86_CR4_OSXSAVE_BIT	18
#define X86_CR4_OSXSAVE	BIT(X86_CR4_OSXSAVE_BIT)
#define X86_CR4_KL_BIT	19
#define X86_CR4_KL	BIT(X86_CR4_KL_BIT)
#define X86_CR4_SMEP_BIT	20
#define X86_CR4_SMEP	BIT(X86_CR4_SMEP_BIT)
#define X86_CR4_SMAP_BIT	21
#define X86_CR4_SMAP	BIT(X86_CR4_SMAP_BIT)
#define X86_CR4_PKE_BIT	22
#define X86_CR4_PKE	BIT(X86_CR4_PKE_BIT)
#define X86_CR4_CET_BIT	23
#define X86_CR4_CET	BIT(X86_CR4_CET_BIT)
#define X86_CR4_PKS_BIT	24
#define X86_CR4_PKS	BIT(X86_CR4_PKS_BIT)
#define X86_CR4_LAM_SUP_BIT	28
#define X86_CR4_LAM_SUP	BIT(X86_CR4_LAM_SUP_BIT)

#define X86_EFLAGS_CF_BIT	0
#define X86_EFLAGS_CF	BIT(X86_EFLAGS_CF_BIT)
#define X86_EFLAGS_FIXED_BIT	1
#define X86_EFLAGS_FIXED	BIT(X86_EFLAGS_FIXED_BIT)
#define X86_EFLAGS_PF_BIT	2
#define X86_EFLAGS_PF	BIT(X86_EFLAGS_PF_BIT)
#define X86_EFLAGS_AF_BIT	4
#define X86_EFLAGS_AF	BIT(X86_EFLAGS_AF_BIT)
#define X86_EFLAGS_ZF_BIT	6
#define X86_EFLAGS_ZF	BIT(X86_EFLAGS_ZF_BIT)
#define X86_EFLAGS_SF_BIT	7
#define X86_EFLAGS_SF	BIT(X86_EFLAGS_SF_BIT)
#define X86_EFLAGS_TF_BIT	8
#define X86_EFLAGS_TF	BIT(X86_EFLAGS_TF_BIT)
#define X86_EFLAGS_IF_BIT	9
#define X86_EFLAGS_IF	BIT(X86_EFLAGS_IF_BIT)
#define X86_EFLAGS_DF_BIT	10
#define X86_EFLAGS_DF	BIT(X86_EFLAGS_DF_BIT)
#define X86_EFLAGS_OF_BIT	11
#define X86_EFLAGS_OF	BIT(X86_EFLAGS_OF_BIT)
#define X86_EFLAGS_IOPL	GENMASK(13, 12)
#define X86_EFLAGS_NT_BIT	14
#define X86_EFLAGS_NT	BIT(X86_EFLAGS_NT_BIT)
#define X86_EFLAGS_RF_BIT	16
#define X86_EFLAGS_RF	BIT(X86_EFLAGS_RF_BIT)
#define X86_EFLAGS_VM_BIT	17
#define X86_EFLAGS_VM	BIT(X86_EFLAGS_VM_BIT)
#define X86_EFLAGS_AC_BIT	18
#define X86_EFLAGS_AC	BIT(X86_EFLAGS_AC_BIT)
#define X86_EFLAGS_VIF_BIT	19
#define X86_EFLAGS_VIF	BIT(X86_EFLAGS_VIF_BIT)
#define X86_EFLAGS_VIP_BIT	20
#define X86_EFLAGS_VIP	BIT(X86_EFLAGS_VIP_BIT)
#define X86_EFLAGS_ID_BIT	21
#define X86_EFLAGS_ID	BIT(X86_EFLAGS_ID_BIT)

#define X86_EFLAGS_ALU (X86_EFLAGS_CF | X86_EFLAGS_PF | X86_EFLAGS_AF | \
			X86_EFLAGS_ZF | X86_EFLAGS_SF | X86_EFLAGS_OF)

/* XSAVE state components, as XCR0 and XSS bits. */
#define XFEATURE_MASK_FP		BIT_ULL(0)
#define XFEATURE_MASK_SSE		BIT_ULL(1)
#define XFEATURE_MASK_YMM		BIT_ULL(2)
#define XFEATURE_MASK_BNDREGS		BIT_ULL(3)
#define XFEATURE_MASK_BNDCSR		BIT_ULL(4)
#define XFEATURE_MASK_OPMASK		BIT_ULL(5)
#define XFEATURE_MASK_ZMM_Hi256		BIT_ULL(6)
#define XFEATURE_MASK_Hi16_ZMM		BIT_ULL(7)
#define XFEATURE_MASK_PT		BIT_ULL(8)
#define XFEATURE_MASK_PKRU		BIT_ULL(9)
#define XFEATURE_MASK_PASID		BIT_ULL(10)
#define XFEATURE_MASK_CET_USER		BIT_ULL(11)
#define XFEATURE_MASK_CET_KERNEL	BIT_ULL(12)
#define XFEATURE_MASK_LBR		BIT_ULL(15)
#define XFEATURE_MASK_XTILE_CFG		BIT_ULL(17)
#define XFEATURE_MASK_XTILE_DATA	BIT_ULL(18)
#define XFEATURE_MASK_FP_SSE		(XFEATURE_MASK_FP | XFEATURE_MASK_SSE)
#define XFEATURE_MASK_AVX512		(XFEATURE_MASK_OPMASK | \
					 XFEATURE_MASK_ZMM_Hi256 | \
					 XFEATURE_MASK_Hi16_ZMM)
#define XFEATURE_MASK_XTILE		(XFEATURE_MASK_XTILE_CFG | \
					 XFEATURE_MASK_XTILE_DATA)

/* CPUID */

enum cpuid_output_regs {
	EAX,
	EBX,
	ECX,
	EDX
};

struct cpuid {
	u32 a, b, c, d;
};

static inline struct cpuid raw_cpuid(u32 function, u32 index)
{
	struct cpuid r = { .a = function, .c = index };

	/* EAX and ECX go in as the leaf and subleaf, and come back. */
	asm volatile("cpuid" : "+a"(r.a), "=b"(r.b), "+c"(r.c), "=d"(r.d));
	return r;
}

/* CPUID leaf @function, or all zeroes if the CPU's range stops before it. */
static inline struct cpuid cpuid_indexed(u32 function, u32 index)
{
	static const struct cpuid absent;
	/* The range's first leaf gives its last one. */
	bool in_range = raw_cpuid(function & 0xf0000000, 0).a >= function;

	return in_range ? raw_cpuid(function, index) : absent;
}

static inline struct cpuid cpuid(u32 function)
{
	return cpuid_indexed(function, 0);
}

static inline bool __cpu_vendor_is(const char *name)
{
	struct cpuid c = cpuid(0);
	u32 v[4] = { c.b, c.d, c.c, 0 };

	return strcmp((const char *)v, name) == 0;
}

static inline bool is_intel(void)
{
	return __cpu_vendor_is("GenuineIntel");
}

static inline bool is_amd(void)
{
	return __cpu_vendor_is("AuthenticAMD") || __cpu_vendor_is("HygonGenuine");
}

/* Family and model from a CPUID.1:EAX signature, extended fields included. */
static inline u32 x86_family(u32 sig)
{
	u32 family = (sig >> 8) & 0xf;

	return family == 0xf ? family + ((sig >> 20) & 0xff) : family;
}

static inline u32 x86_model(u32 sig)
{
	u32 model = (sig >> 4) & 0xf;

	if (x86_family(sig) >= 6)
		model |= ((sig >> 16) & 0xf) << 4;
	return model;
}

/*
 * A feature is one 64-bit value: CPUID input EAX in bits 63:32, input ECX
 * in 31:16, output register (enum cpuid_output_regs) in 15:8, bit in 7:0.
 */
#define CPUID(a, b, c, d) ((((unsigned long long)(a)) << 32) | ((b) << 16) | \
			   ((c) << 8) | (d))
/* Upstream's name for building one. */
#define X86_CPU_FEATURE(fn, idx, reg, bit)	CPUID(fn, idx, reg, bit)

#define X86_FEATURE_MWAIT		(CPUID(0x1, 0, ECX, 3))
#define X86_FEATURE_VMX			(CPUID(0x1, 0, ECX, 5))
#define X86_FEATURE_PDCM		(CPUID(0x1, 0, ECX, 15))
#define X86_FEATURE_PCID		(CPUID(0x1, 0, ECX, 17))
#define X86_FEATURE_X2APIC		(CPUID(0x1, 0, ECX, 21))
#define X86_FEATURE_MOVBE		(CPUID(0x1, 0, ECX, 22))
#define X86_FEATURE_TSC_DEADLINE_TIMER	(CPUID(0x1, 0, ECX, 24))
#define X86_FEATURE_XSAVE		(CPUID(0x1, 0, ECX, 26))
#define X86_FEATURE_OSXSAVE		(CPUID(0x1, 0, ECX, 27))
#define X86_FEATURE_RDRAND		(CPUID(0x1, 0, ECX, 30))
#define X86_FEATURE_HYPERVISOR		(CPUID(0x1, 0, ECX, 31))
#define X86_FEATURE_FPU			(CPUID(0x1, 0, EDX, 0))
#define X86_FEATURE_PSE			(CPUID(0x1, 0, EDX, 3))
#define X86_FEATURE_TSC			(CPUID(0x1, 0, EDX, 4))
#define X86_FEATURE_MSR			(CPUID(0x1, 0, EDX, 5))
#define X86_FEATURE_PAE			(CPUID(0x1, 0, EDX, 6))
#define X86_FEATURE_MCE			(CPUID(0x1, 0, EDX, 7))
#define X86_FEATURE_APIC		(CPUID(0x1, 0, EDX, 9))
#define X86_FEATURE_PGE			(CPUID(0x1, 0, EDX, 13))
#define X86_FEATURE_PAT			(CPUID(0x1, 0, EDX, 16))
#define X86_FEATURE_CLFLUSH		(CPUID(0x1, 0, EDX, 19))
#define X86_FEATURE_DS			(CPUID(0x1, 0, EDX, 21))
#define X86_FEATURE_XMM			(CPUID(0x1, 0, EDX, 25))
#define X86_FEATURE_XMM2		(CPUID(0x1, 0, EDX, 26))
#define X86_FEATURE_FSGSBASE		(CPUID(0x7, 0, EBX, 0))
#define X86_FEATURE_TSC_ADJUST		(CPUID(0x7, 0, EBX, 1))
#define X86_FEATURE_HLE			(CPUID(0x7, 0, EBX, 4))
#define X86_FEATURE_SMEP		(CPUID(0x7, 0, EBX, 7))
#define X86_FEATURE_INVPCID		(CPUID(0x7, 0, EBX, 10))
#define X86_FEATURE_RTM			(CPUID(0x7, 0, EBX, 11))
#define X86_FEATURE_SMAP		(CPUID(0x7, 0, EBX, 20))
#define X86_FEATURE_PCOMMIT		(CPUID(0x7, 0, EBX, 22))
#define X86_FEATURE_CLFLUSHOPT		(CPUID(0x7, 0, EBX, 23))
#define X86_FEATURE_CLWB		(CPUID(0x7, 0, EBX, 24))
#define X86_FEATURE_INTEL_PT		(CPUID(0x7, 0, EBX, 25))
#define X86_FEATURE_UMIP		(CPUID(0x7, 0, ECX, 2))
#define X86_FEATURE_PKU			(CPUID(0x7, 0, ECX, 3))
#define X86_FEATURE_SHSTK		(CPUID(0x7, 0, ECX, 7))
#define X86_FEATURE_LA57		(CPUID(0x7, 0, ECX, 16))
#define X86_FEATURE_RDPID		(CPUID(0x7, 0, ECX, 22))
#define X86_FEATURE_BUS_LOCK_DETECT	(CPUID(0x7, 0, ECX, 24))
#define X86_FEATURE_PKS			(CPUID(0x7, 0, ECX, 31))
#define X86_FEATURE_IBT			(CPUID(0x7, 0, EDX, 20))
#define X86_FEATURE_SPEC_CTRL		(CPUID(0x7, 0, EDX, 26))
#define X86_FEATURE_STIBP		(CPUID(0x7, 0, EDX, 27))
#define X86_FEATURE_FLUSH_L1D		(CPUID(0x7, 0, EDX, 28))
#define X86_FEATURE_ARCH_CAPABILITIES	(CPUID(0x7, 0, EDX, 29))
#define X86_FEATURE_SSBD		(CPUID(0x7, 0, EDX, 31))
#define X86_FEATURE_LAM			(CPUID(0x7, 1, EAX, 26))
#define X86_FEATURE_XSAVES		(CPUID(0xd, 1, EAX, 3))
/* KVM's paravirtual features (CPUID 0x40000001). */
#define KVM_FEATURE_CLOCKSOURCE		(CPUID(0x40000001, 0, EAX, 0))
#define KVM_FEATURE_NOP_IO_DELAY	(CPUID(0x40000001, 0, EAX, 1))
#define KVM_FEATURE_CLOCKSOURCE2	(CPUID(0x40000001, 0, EAX, 3))
#define KVM_FEATURE_ASYNC_PF		(CPUID(0x40000001, 0, EAX, 4))
#define KVM_FEATURE_STEAL_TIME		(CPUID(0x40000001, 0, EAX, 5))
#define KVM_FEATURE_PV_EOI		(CPUID(0x40000001, 0, EAX, 6))
#define KVM_FEATURE_ASYNC_PF_INT	(CPUID(0x40000001, 0, EAX, 14))

#define X86_FEATURE_SVM			(CPUID(0x80000001, 0, ECX, 2))
#define X86_FEATURE_SKINIT		(CPUID(0x80000001, 0, ECX, 12))
#define X86_FEATURE_PERFCTR_CORE	(CPUID(0x80000001, 0, ECX, 23))
#define X86_FEATURE_NX			(CPUID(0x80000001, 0, EDX, 20))
#define X86_FEATURE_GBPAGES		(CPUID(0x80000001, 0, EDX, 26))
#define X86_FEATURE_RDTSCP		(CPUID(0x80000001, 0, EDX, 27))
#define X86_FEATURE_LM			(CPUID(0x80000001, 0, EDX, 29))
#define X86_FEATURE_RDPRU		(CPUID(0x80000008, 0, EBX, 4))
#define X86_FEATURE_AMD_IBPB		(CPUID(0x80000008, 0, EBX, 12))
#define X86_FEATURE_AMD_IBRS		(CPUID(0x80000008, 0, EBX, 14))
#define X86_FEATURE_AMD_STIBP		(CPUID(0x80000008, 0, EBX, 15))
#define X86_FEATURE_AMD_STIBP_ALWAYS_ON	(CPUID(0x80000008, 0, EBX, 17))
#define X86_FEATURE_AMD_IBRS_SAME_MODE	(CPUID(0x80000008, 0, EBX, 19))
#define X86_FEATURE_AMD_SSBD		(CPUID(0x80000008, 0, EBX, 24))
#define X86_FEATURE_NPT			(CPUID(0x8000000A, 0, EDX, 0))
#define X86_FEATURE_LBRV		(CPUID(0x8000000A, 0, EDX, 1))
#define X86_FEATURE_NRIPS		(CPUID(0x8000000A, 0, EDX, 3))
#define X86_FEATURE_TSCRATEMSR		(CPUID(0x8000000A, 0, EDX, 4))
#define X86_FEATURE_PAUSEFILTER		(CPUID(0x8000000A, 0, EDX, 10))
#define X86_FEATURE_PFTHRESHOLD		(CPUID(0x8000000A, 0, EDX, 12))
#define X86_FEATURE_VGIF		(CPUID(0x8000000A, 0, EDX, 16))
#define X86_FEATURE_GMET		(CPUID(0x8000000A, 0, EDX, 17))
#define X86_FEATURE_VNMI		(CPUID(0x8000000A, 0, EDX, 25))
#define X86_FEATURE_SME			(CPUID(0x8000001F, 0, EAX, 0))
#define X86_FEATURE_SEV			(CPUID(0x8000001F, 0, EAX, 1))
#define X86_FEATURE_VM_PAGE_FLUSH	(CPUID(0x8000001F, 0, EAX, 2))
#define X86_FEATURE_SEV_ES		(CPUID(0x8000001F, 0, EAX, 3))
#define X86_FEATURE_SEV_SNP		(CPUID(0x8000001F, 0, EAX, 4))
#define X86_FEATURE_V_TSC_AUX		(CPUID(0x8000001F, 0, EAX, 9))
#define X86_FEATURE_SME_COHERENT	(CPUID(0x8000001F, 0, EAX, 10))
#define X86_FEATURE_DEBUG_SWAP		(CPUID(0x8000001F, 0, EAX, 14))
#define X86_FEATURE_SVSM		(CPUID(0x8000001F, 0, EAX, 28))
#define X86_FEATURE_SBPB		(CPUID(0x80000021, 0, EAX, 27))
#define X86_FEATURE_AMD_PMU_V2		(CPUID(0x80000022, 0, EAX, 0))

static inline bool this_cpu_has(u64 feature)
{
	struct cpuid c = cpuid_indexed(feature >> 32, (feature >> 16) & 0xffff);
	u32 regs[4] = { c.a, c.b, c.c, c.d };

	return regs[((feature >> 8) & 0xff) % 4] & (1u << (feature & 0x1f));
}

/*
 * A property is a field of several bits of one CPUID output, packed as a
 * feature is: input EAX in bits 63:32, input ECX in 31:24, output
 * register in 23:16, lowest bit in 15:8, highest bit in 7:0.
 */
#define X86_CPU_PROPERTY(fn, idx, reg, lo, hi)				\
	((((unsigned long long)(fn)) << 32) | ((idx) << 24) |		\
	 ((reg) << 16) | ((lo) << 8) | (hi))
#define __X86_PROPERTY_FN(p)	((u32)((p) >> 32))

/*
 * The properties, by subject.  A whole 32-bit register is __KUT_WORD();
 * each group's other fields come from one leaf, named once.
 */
#define __KUT_WORD(fn, idx, reg)	X86_CPU_PROPERTY(fn, idx, reg, 0, 31)

/* The highest leaf of each CPUID range (EAX of its first leaf). */
#define X86_PROPERTY_MAX_BASIC_LEAF		__KUT_WORD(0, 0, EAX)
#define X86_PROPERTY_MAX_KVM_LEAF		__KUT_WORD(0x40000000, 0, EAX)
#define X86_PROPERTY_MAX_EXT_LEAF		__KUT_WORD(0x80000000, 0, EAX)
#define X86_PROPERTY_MAX_CENTAUR_LEAF		__KUT_WORD(0xc0000000, 0, EAX)

/* Intel's architectural PMU, leaf 0xa. */
#define __KUT_PMU(reg, lo, hi)		X86_CPU_PROPERTY(0xa, 0, reg, lo, hi)
#define X86_PROPERTY_PMU_VERSION		__KUT_PMU(EAX, 0, 7)
#define X86_PROPERTY_PMU_NR_GP_COUNTERS		__KUT_PMU(EAX, 8, 15)
#define X86_PROPERTY_PMU_GP_COUNTERS_BIT_WIDTH	__KUT_PMU(EAX, 16, 23)
#define X86_PROPERTY_PMU_EBX_BIT_VECTOR_LENGTH	__KUT_PMU(EAX, 24, 31)
#define X86_PROPERTY_PMU_EVENTS_MASK		__KUT_PMU(EBX, 0, 7)
#define X86_PROPERTY_PMU_FIXED_COUNTERS_BITMASK	__KUT_PMU(ECX, 0, 31)
#define X86_PROPERTY_PMU_NR_FIXED_COUNTERS	__KUT_PMU(EDX, 0, 4)
#define X86_PROPERTY_PMU_FIXED_COUNTERS_BIT_WIDTH __KUT_PMU(EDX, 5, 12)
/* AMD's, leaf 0x80000022: core and northbridge counters. */
#define X86_PROPERTY_NR_PERFCTR_CORE		X86_CPU_PROPERTY(0x80000022, 0, EBX, 0, 3)
#define X86_PROPERTY_NR_PERFCTR_NB		X86_CPU_PROPERTY(0x80000022, 0, EBX, 10, 15)

/* XSAVE, leaf 0xd: the XCR0 bits allowed, the save area's sizes. */
#define X86_PROPERTY_SUPPORTED_XCR0_LO		__KUT_WORD(0xd, 0, EAX)
#define X86_PROPERTY_SUPPORTED_XCR0_HI		__KUT_WORD(0xd, 0, EDX)
#define X86_PROPERTY_XSTATE_MAX_SIZE_XCR0	__KUT_WORD(0xd, 0, EBX)
#define X86_PROPERTY_XSTATE_MAX_SIZE		__KUT_WORD(0xd, 0, ECX)
/* ... and where the AMX tile data (state component 18) goes. */
#define X86_PROPERTY_XSTATE_TILE_SIZE		__KUT_WORD(0xd, 18, EAX)
#define X86_PROPERTY_XSTATE_TILE_OFFSET		__KUT_WORD(0xd, 18, EBX)

/* AMX tiles, leaf 0x1d: the palette count, then palette 1. */
#define __KUT_AMX(reg, lo, hi)		X86_CPU_PROPERTY(0x1d, 1, reg, lo, hi)
#define X86_PROPERTY_AMX_MAX_PALETTE_TABLES	__KUT_WORD(0x1d, 0, EAX)
#define X86_PROPERTY_AMX_TOTAL_TILE_BYTES	__KUT_AMX(EAX, 0, 15)
#define X86_PROPERTY_AMX_BYTES_PER_TILE		__KUT_AMX(EAX, 16, 31)
#define X86_PROPERTY_AMX_BYTES_PER_ROW		__KUT_AMX(EBX, 0, 15)
#define X86_PROPERTY_AMX_NR_TILE_REGS		__KUT_AMX(EBX, 16, 31)
#define X86_PROPERTY_AMX_MAX_ROWS		__KUT_AMX(ECX, 0, 15)

/* Intel PT, leaf 0x14 subleaf 1: address-filter ranges. */
#define X86_PROPERTY_INTEL_PT_NR_RANGES		X86_CPU_PROPERTY(0x14, 1, EAX, 0, 2)

/* Address widths, leaf 0x80000008 EAX. */
#define __KUT_ADDR(lo, hi)		X86_CPU_PROPERTY(0x80000008, 0, EAX, lo, hi)
#define X86_PROPERTY_MAX_PHY_ADDR		__KUT_ADDR(0, 7)
#define X86_PROPERTY_MAX_VIRT_ADDR		__KUT_ADDR(8, 15)
#define X86_PROPERTY_GUEST_MAX_PHY_ADDR		__KUT_ADDR(16, 23)

/* AMD's memory encryption, leaf 0x8000001f EBX. */
#define X86_PROPERTY_SEV_C_BIT			X86_CPU_PROPERTY(0x8000001f, 0, EBX, 0, 5)
#define X86_PROPERTY_PHYS_ADDR_REDUCTION	X86_CPU_PROPERTY(0x8000001f, 0, EBX, 6, 11)

/* The value of @property on this CPU (0 past the CPU's CPUID range). */
static inline u32 this_cpu_property(u64 property)
{
	struct cpuid c = cpuid_indexed(property >> 32, (property >> 24) & 0xff);
	u32 regs[4] = { c.a, c.b, c.c, c.d };
	unsigned int lo = (property >> 8) & 0xff, hi = property & 0xff;

	return (regs[((property >> 16) & 0xff) % 4] & GENMASK(hi, lo)) >> lo;
}

/* Whether this CPU's CPUID range reaches @property's leaf at all. */
static inline bool this_cpu_has_p(u64 property)
{
	u32 fn = __X86_PROPERTY_FN(property);

	return raw_cpuid(fn & 0xc0000000, 0).a >= fn;
}

/* The KVM leaves' signature, CPUID 0x40000000 EBX, ECX, EDX. */
#define KVM_SIGNATURE "KVMKVMKVM\0\0\0"

/*
 * Whether a hypervisor is there and its CPUID leaf 0x40000000 names
 * itself @sig (12 bytes, EBX ECX EDX): KVM_SIGNATURE, QEMU's TCG
 * "TCGTCGTCGTCG", ...  kut: upstream reads the signature only for KVM.
 */
static inline bool this_cpu_hypervisor_is(const char *sig)
{
	struct cpuid c;
	u32 words[3];

	if (!this_cpu_has(X86_FEATURE_HYPERVISOR) ||
	    !this_cpu_has_p(X86_PROPERTY_MAX_KVM_LEAF))
		return false;
	c = raw_cpuid(0x40000000, 0);
	words[0] = c.b;
	words[1] = c.c;
	words[2] = c.d;
	return memcmp(words, sig, sizeof(words)) == 0;
}

/* Whether this CPU is a guest of KVM (KVM's CPUID leaves are there). */
static inline bool this_cpu_has_kvm(void)
{
	return this_cpu_hypervisor_is(KVM_SIGNATURE);
}

static inline u8 cpuid_maxphyaddr(void)
{
	if (!this_cpu_has_p(X86_PROPERTY_MAX_PHY_ADDR))
		return 36;
	return this_cpu_property(X86_PROPERTY_MAX_PHY_ADDR);
}

/* The XCR0 bits this CPU supports (0 without XSAVE's CPUID leaf). */
static inline u64 this_cpu_supported_xcr0(void)
{
	if (!this_cpu_has_p(X86_PROPERTY_SUPPORTED_XCR0_LO))
		return 0;
	return this_cpu_property(X86_PROPERTY_SUPPORTED_XCR0_LO) |
	       (u64)this_cpu_property(X86_PROPERTY_SUPPORTED_XCR0_HI) << 32;
}

struct far_pointer32 {
	u32 offset;
	u16 selector;
} __attribute__((packed));

struct descriptor_table_ptr {
	u16 limit;
	ulong base;
} __attribute__((packed));

static inline void clac(void)
{
	asm volatile(".byte 0x0f, 0x01, 0xca" : : : "memory");
}

static inline void stac(void)
{
	asm volatile(".byte 0x0f, 0x01, 0xcb" : : : "memory");
}

/* Segment registers: read_cs() ... write_gs(). */
#define __KUT_SEG_ACCESSORS(seg)					\
static inline u16 read_##seg(void)					\
{									\
	u16 v;								\
									\
	asm volatile("mov %%" #seg ", %0" : "=rm"(v));			\
	return v;							\
}
__KUT_SEG_ACCESSORS(cs)
__KUT_SEG_ACCESSORS(ds)
__KUT_SEG_ACCESSORS(es)
__KUT_SEG_ACCESSORS(ss)
__KUT_SEG_ACCESSORS(fs)
__KUT_SEG_ACCESSORS(gs)
#undef __KUT_SEG_ACCESSORS

#define __KUT_SEG_WRITER(seg)						\
static inline void write_##seg(unsigned int v)				\
{									\
	asm volatile("mov %0, %%" #seg : : "rm"((u16)v) : "memory");	\
}
__KUT_SEG_WRITER(ds)
__KUT_SEG_WRITER(es)
__KUT_SEG_WRITER(ss)
__KUT_SEG_WRITER(fs)
__KUT_SEG_WRITER(gs)
#undef __KUT_SEG_WRITER

static inline unsigned long read_rflags(void)
{
	unsigned long f;

	asm volatile("pushf; pop %0" : "=rm"(f));
	return f;
}

static inline void write_rflags(unsigned long f)
{
	asm volatile("push %0; popf" : : "rm"(f) : "memory", "cc");
}

static inline void set_iopl(int iopl)
{
	unsigned long f = read_rflags() & ~X86_EFLAGS_IOPL;

	write_rflags(f | ((unsigned long)(iopl & 3) << 12));
}

static inline u64 rdmsr(u32 index)
{
	u32 lo, hi;

	asm volatile("rdmsr" : "=d"(hi), "=a"(lo) : "c"(index) : "memory");
	return (u64)hi << 32 | lo;
}

static inline void wrmsr(u32 index, u64 val)
{
	asm volatile("wrmsr"
		     : : "a"((u32)val), "d"((u32)(val >> 32)), "c"(index)
		     : "memory");
}

/*
 * An instruction that reads (writes) a 64-bit value in EDX:EAX, with an
 * index in ECX, and may fault: the result is the exception vector, 0 on
 * success (the value read is 0 after a fault).  @fep is "" or KVM_FEP.
 */
#define __rdreg64_safe(fep, insn, index, val)				\
({									\
	u32 __a, __d;							\
	int __vec = __asm_safe_out2(fep, insn, "=a"(__a), "=d"(__d),	\
				    "c"(index));			\
									\
	*(val) = __vec ? 0 : (__a | ((u64)__d << 32));			\
	__vec;								\
})
#define rdreg64_safe(insn, index, val)	__rdreg64_safe("", insn, index, val)

#define __wrreg64_safe(fep, insn, index, val)				\
({									\
	u64 __v = (val);						\
									\
	__asm_safe(fep, insn, "a"((u32)__v), "d"((u32)(__v >> 32)),	\
		   "c"(index));						\
})
#define wrreg64_safe(insn, index, val)	__wrreg64_safe("", insn, index, val)

/*
 * MSR access that may fault: the return value is the exception vector
 * (GP_VECTOR for a missing MSR), 0 on success.
 */
static inline int rdmsr_safe(u32 index, u64 *val)
{
	return rdreg64_safe("rdmsr", index, val);
}

static inline int wrmsr_safe(u32 index, u64 val)
{
	return wrreg64_safe("wrmsr", index, val);
}

/* The same through KVM's emulator (see KVM_FEP). */
static inline int rdmsr_fep_safe(u32 index, u64 *val)
{
	return __rdreg64_safe(KVM_FEP, "rdmsr", index, val);
}

static inline int wrmsr_fep_safe(u32 index, u64 val)
{
	return __wrreg64_safe(KVM_FEP, "wrmsr", index, val);
}

static inline int rdmsr_checking(u32 index)
{
	u64 val;

	return rdmsr_safe(index, &val);
}

static inline int wrmsr_checking(u32 index, u64 val)
{
	return wrmsr_safe(index, val);
}

static inline int rdpmc_safe(u32 index, u64 *val)
{
	return rdreg64_safe("rdpmc", index, val);
}

static inline u64 rdpmc(u32 index)
{
	u64 val;
	int vec = rdpmc_safe(index, &val);

	assert_msg(!vec, "%s on RDPMC(0x%x)", exception_mnemonic(vec), index);
	return val;
}

/* Extended control registers (XCR0 is the XSAVE feature mask). */
static inline int xgetbv_safe(u32 index, u64 *result)
{
	return rdreg64_safe(".byte 0x0f, 0x01, 0xd0", index, result);
}

static inline int xsetbv_safe(u32 index, u64 value)
{
	return wrreg64_safe(".byte 0x0f, 0x01, 0xd1", index, value);
}

static inline u64 xgetbv(u32 index)
{
	u64 value;
	int vec = xgetbv_safe(index, &value);

	assert_msg(!vec, "%s reading XCR%u", exception_mnemonic(vec), index);
	return value;
}

static inline void xsetbv(u32 index, u64 value)
{
	int vec = xsetbv_safe(index, value);

	assert_msg(!vec, "%s writing XCR%u = 0x%llx", exception_mnemonic(vec),
		   index, (unsigned long long)value);
}

static inline int read_xcr0_safe(u64 *value)
{
	return xgetbv_safe(0, value);
}

static inline int write_xcr0_safe(u64 value)
{
	return xsetbv_safe(0, value);
}

static inline u64 read_xcr0(void)
{
	return xgetbv(0);
}

static inline void write_xcr0(u64 value)
{
	xsetbv(0, value);
}

/* Control and debug registers: read_cr0() / write_cr0(v) ... */
#define __KUT_CREG_ACCESSORS(reg)					\
static inline ulong read_##reg(void)					\
{									\
	ulong v;							\
									\
	asm volatile("mov %%" #reg ", %0" : "=r"(v) : : "memory");	\
	return v;							\
}									\
static inline void write_##reg(ulong v)					\
{									\
	asm volatile("mov %0, %%" #reg : : "r"(v) : "memory");		\
}
__KUT_CREG_ACCESSORS(cr0)
__KUT_CREG_ACCESSORS(cr2)
__KUT_CREG_ACCESSORS(cr3)
__KUT_CREG_ACCESSORS(cr4)
#ifdef __x86_64__
__KUT_CREG_ACCESSORS(cr8)
#endif
__KUT_CREG_ACCESSORS(dr6)
__KUT_CREG_ACCESSORS(dr7)
#undef __KUT_CREG_ACCESSORS

/* DR0-DR3 hold addresses: read_dr0() / write_dr0(void *) ... */
#define __KUT_DR_ADDR_ACCESSORS(reg)					\
static inline ulong read_##reg(void)					\
{									\
	ulong v;							\
									\
	asm volatile("mov %%" #reg ", %0" : "=r"(v) : : "memory");	\
	return v;							\
}									\
static inline void write_##reg(void *v)					\
{									\
	asm volatile("mov %0, %%" #reg : : "r"(v) : "memory");		\
}
__KUT_DR_ADDR_ACCESSORS(dr0)
__KUT_DR_ADDR_ACCESSORS(dr1)
__KUT_DR_ADDR_ACCESSORS(dr2)
__KUT_DR_ADDR_ACCESSORS(dr3)
#undef __KUT_DR_ADDR_ACCESSORS

static inline void update_cr3(void *cr3)
{
	write_cr3((ulong)cr3);
}

/* Write a control register, returning the vector of its fault (0: none). */
static inline int write_cr0_safe(ulong val)
{
	return asm_safe("mov %0, %%cr0", "r"(val));
}

static inline int write_cr3_safe(ulong val)
{
	return asm_safe("mov %0, %%cr3", "r"(val));
}

static inline int write_cr4_safe(ulong val)
{
	return asm_safe("mov %0, %%cr4", "r"(val));
}

static inline void lgdt(const struct descriptor_table_ptr *ptr)
{
	asm volatile("lgdt %0" : : "m"(*ptr));
}

static inline void sgdt(struct descriptor_table_ptr *ptr)
{
	asm volatile("sgdt %0" : "=m"(*ptr));
}

static inline void lidt(const struct descriptor_table_ptr *ptr)
{
	asm volatile("lidt %0" : : "m"(*ptr));
}

/*
 * Descriptor-table and task-register loads that may fault, each in two
 * forms: name_safe(arg) runs @insn on the CPU, name_fep_safe(arg)
 * through KVM's emulator (KVM_FEP); both return the vector, 0 if none.
 * @operand is the asm input, written in terms of the parameter "arg".
 */
#define __KUT_SAFE_AND_FEP(name, insn, type, operand)			\
static inline int name##_safe(type arg)					\
{									\
	return asm_safe(insn, operand);					\
}									\
static inline int name##_fep_safe(type arg)				\
{									\
	return asm_fep_safe(insn, operand);				\
}
__KUT_SAFE_AND_FEP(lgdt, "lgdt %0", const struct descriptor_table_ptr *, "m"(*arg))
__KUT_SAFE_AND_FEP(lidt, "lidt %0", const struct descriptor_table_ptr *, "m"(*arg))
__KUT_SAFE_AND_FEP(lldt, "lldt %0", u16, "rm"(arg))
__KUT_SAFE_AND_FEP(ltr, "ltr %0", u16, "rm"(arg))
#undef __KUT_SAFE_AND_FEP

static inline void sidt(struct descriptor_table_ptr *ptr)
{
	asm volatile("sidt %0" : "=m"(*ptr));
}

static inline void lldt(u16 val)
{
	asm volatile("lldt %0" : : "rm"(val));
}

static inline u16 sldt(void)
{
	u16 val;

	asm volatile("sldt %0" : "=rm"(val));
	return val;
}

static inline void ltr(u16 val)
{
	asm volatile("ltr %0" : : "rm"(val));
}

static inline u16 str(void)
{
	u16 val;

	asm volatile("str %0" : "=rm"(val));
	return val;
}

static inline void pause(void)
{
	asm volatile("pause");
}

static inline void cli(void)
{
	asm volatile("cli" : : : "memory");
}

static inline void sti(void)
{
	asm volatile("sti" : : : "memory");
}

/* Enable interrupts and let the pending ones in: the nop ends sti's shadow. */
static inline void sti_nop(void)
{
	asm volatile("sti; nop" : : : "memory");
}

/* Let pending interrupts in for one instruction, then disable them again. */
static inline void sti_nop_cli(void)
{
	asm volatile("sti; nop; cli" : : : "memory");
}

static inline void irq_disable(void)
{
	cli();
}

/*
 * Sets IF.  The one-instruction interrupt shadow after sti is not
 * guaranteed to cover anything the compiler emits next: a test that
 * needs the shadow writes "sti; <insn>" in one asm statement.
 */
static inline void irq_enable(void)
{
	sti();
}

static inline void safe_halt(void)
{
	asm volatile("sti; hlt" : : : "memory");
}

static inline u64 rdtsc(void)
{
	u32 a, d;

	asm volatile("rdtsc" : "=a"(a), "=d"(d));
	return a | ((u64)d << 32);
}

/* rdtsc ordered after all earlier loads/stores and before later insns. */
static inline u64 fenced_rdtsc(void)
{
	u32 a, d;

	asm volatile("mfence; lfence; rdtsc; lfence" : "=a"(a), "=d"(d) : : "memory");
	return a | ((u64)d << 32);
}

static inline u64 rdtscp(u32 *aux)
{
	u32 lo, hi, tsc_aux;

	asm volatile("rdtscp" : "=d"(hi), "=a"(lo), "=c"(tsc_aux));
	*aux = tsc_aux;
	return (u64)hi << 32 | lo;
}

static inline void wrtsc(u64 tsc)
{
	wrmsr(MSR_IA32_TSC, tsc);
}

/* Arm the TSC-deadline timer; CPUID serializes so it takes effect now. */
static inline void wrmsr_tscdeadline_serialize(u64 deadline)
{
	wrmsr(MSR_IA32_TSCDEADLINE, deadline);
	raw_cpuid(0, 0);
}

/* A random number from RDRAND (RDSEED), 0 when none was ready. */
static inline unsigned long rdrand(void)
{
	unsigned long r;

	asm volatile("rdrand %0\n\t"
		     "jc 1f\n\t"
		     "mov $0, %0\n\t"
		     "1:" : "=r"(r) : : "cc");
	return r;
}

static inline unsigned long rdseed(void)
{
	unsigned long r;

	asm volatile("rdseed %0\n\t"
		     "jc 1f\n\t"
		     "mov $0, %0\n\t"
		     "1:" : "=r"(r) : : "cc");
	return r;
}

static inline void invlpg(volatile void *va)
{
	asm volatile("invlpg (%0)" : : "r"(va) : "memory");
}

/* INVPCID's memory operand: the PCID and, for type 0, the address. */
struct invpcid_desc {
	u64 pcid : 12;
	u64 rsv  : 52;
	u64 addr : 64;
};

/*
 * INVPCID of @type (0: one address, 1: one PCID, 2: all with globals,
 * 3: all but globals) for @desc; returns the vector of its fault, 0 if none.
 */
static inline int invpcid_safe(unsigned long type, struct invpcid_desc *desc)
{
	/* invpcid (%[e|r]ax), %[e|r]bx, encoded for old assemblers */
	return asm_safe(".byte 0x66, 0x0f, 0x38, 0x82, 0x18",
			"a"(desc), "b"(type));
}

static inline void clflush(volatile void *p)
{
	asm volatile("clflush (%0)" : : "r"(p) : "memory");
}

static inline u32 read_pkru(void)
{
	u32 a, d;

	asm volatile(".byte 0x0f, 0x01, 0xee" : "=a"(a), "=d"(d) : "c"(0));
	return a;
}

static inline void write_pkru(u32 pkru)
{
	asm volatile(".byte 0x0f, 0x01, 0xef" : : "a"(pkru), "c"(0), "d"(0));
}

/* Whether @addr is canonical for this CPU's virtual-address width. */
static inline bool is_canonical(u64 addr)
{
	int bits = 48;

	if (this_cpu_has_p(X86_PROPERTY_MAX_VIRT_ADDR))
		bits = this_cpu_property(X86_PROPERTY_MAX_VIRT_ADDR);
	return (u64)((s64)(addr << (64 - bits)) >> (64 - bits)) == addr;
}

static inline void flush_tlb(void)
{
	ulong cr4 = read_cr4();

	write_cr4(cr4 ^ X86_CR4_PGE);
	write_cr4(cr4);
}

static inline int cpu_has_efer_nx(void)
{
	return this_cpu_has(X86_FEATURE_NX);
}

static inline bool cpuid_osxsave(void)
{
	return cpuid(1).c & (1u << 27);
}

/* Raise an exception on purpose. */
static inline void generate_non_canonical_gp(void)
{
	*(volatile u64 *)NONCANONICAL = 0;
}

static inline void generate_ud(void)
{
	asm volatile("ud2");
}

static inline void generate_de(void)
{
	asm volatile("xor %%eax, %%eax\n\t"
		     "xor %%edx, %%edx\n\t"
		     "xor %%ecx, %%ecx\n\t"
		     "idiv %%ecx"
		     : : : "eax", "ecx", "edx", "cc");
}

static inline void generate_bp(void)
{
	asm volatile("int3");
}

/* Set TF: the instruction after the one that sets it raises #DB. */
static inline void generate_single_step_db(void)
{
	write_rflags(read_rflags() | X86_EFLAGS_TF);
	asm volatile("nop");
}

#ifdef __x86_64__
/*
 * An 8-byte store to a 4-aligned stack slot: #AC at CPL 3 with CR0.AM and
 * RFLAGS.AC set (the stack is 16-aligned).
 */
static inline u64 generate_usermode_ac(void)
{
	asm volatile("movq $0, -0x4(%%rsp)" : : : "memory");
	return 0;
}

/*
 * #OF from INTO, which only exists outside 64-bit mode: far-call a
 * 32-bit code segment (KERNEL_CS32) that overflows and runs INTO.  The
 * code and the stack must lie below 4 GiB (they do in kut's images).
 */
static inline void generate_of(void)
{
	uintptr_t target = (uintptr_t)&&into, sp;
	struct far_pointer32 fp;

	asm volatile("mov %%rsp, %0" : "=r"(sp));
	if ((target | sp) >> 32) {
		printf("generate_of: code or stack above 4 GiB\n");
		return;
	}
	fp.offset = target;
	fp.selector = KERNEL_CS32;
	asm goto("lcall *%0" : : "m"(fp) : "rax", "memory" : into);
	return;
into:
	asm volatile(".code32\n\t"
		     "movl $0x7fffffff, %eax\n\t"
		     "addl %eax, %eax\n\t"
		     "into\n\t"
		     "lret\n\t"
		     ".code64");
	__builtin_unreachable();
}
#endif

static inline void fnop(void)
{
	asm volatile("fnop");
}

/* #NM from an x87 instruction: with CR0.TS set, or with CR0.EM set. */
static inline void generate_cr0_ts_nm(void)
{
	write_cr0((read_cr0() & ~X86_CR0_EM) | X86_CR0_TS);
	fnop();
}

static inline void generate_cr0_em_nm(void)
{
	write_cr0((read_cr0() & ~X86_CR0_TS) | X86_CR0_EM);
	fnop();
}

static inline bool is_la57_enabled(void)
{
	return read_cr4() & X86_CR4_LA57;
}

static inline bool is_lam_sup_enabled(void)
{
	return read_cr4() & X86_CR4_LAM_SUP;
}

static inline bool is_lam_u48_enabled(void)
{
	return ((u64)read_cr3() & (X86_CR3_LAM_U48 | X86_CR3_LAM_U57)) ==
	       X86_CR3_LAM_U48;
}

static inline bool is_lam_u57_enabled(void)
{
	return (u64)read_cr3() & X86_CR3_LAM_U57;
}

#endif /* _X86_PROCESSOR_H_ */
