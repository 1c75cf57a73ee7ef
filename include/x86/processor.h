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

#define NONCANONICAL		0xaaaaaaaaaaaaaaaaull

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
#define VE_VECTOR 20
#define CP_VECTOR 21

#define X86_CR0_PE	0x00000001
#define X86_CR0_MP	0x00000002
#define X86_CR0_EM	0x00000004
#define X86_CR0_TS	0x00000008
#define X86_CR0_ET	0x00000010
#define X86_CR0_NE	0x00000020
#define X86_CR0_WP	0x00010000
#define X86_CR0_AM	0x00040000
#define X86_CR0_NW	0x20000000
#define X86_CR0_CD	0x40000000
#define X86_CR0_PG	0x80000000
#define X86_CR3_PCID_MASK 0x00000fff
#define X86_CR4_VME	0x00000001
#define X86_CR4_PVI	0x00000002
#define X86_CR4_TSD	0x00000004
#define X86_CR4_DE	0x00000008
#define X86_CR4_PSE	0x00000010
#define X86_CR4_PAE	0x00000020
#define X86_CR4_MCE	0x00000040
#define X86_CR4_PGE	0x00000080
#define X86_CR4_PCE	0x00000100
#define X86_CR4_OSFXSR	0x00000200
#define X86_CR4_OSXMMEXCPT 0x00000400
#define X86_CR4_UMIP	0x00000800
#define X86_CR4_LA57	0x00001000
#define X86_CR4_VMXE	0x00002000
#define X86_CR4_SMXE	0x00004000
#define X86_CR4_FSGSBASE 0x00010000
#define X86_CR4_PCIDE	0x00020000
#define X86_CR4_OSXSAVE	0x00040000
#define X86_CR4_SMEP	0x00100000
#define X86_CR4_SMAP	0x00200000
#define X86_CR4_PKE	0x00400000
#define X86_CR4_CET	0x00800000
#define X86_CR4_PKS	0x01000000

#define X86_EFLAGS_CF	0x00000001
#define X86_EFLAGS_FIXED 0x00000002
#define X86_EFLAGS_PF	0x00000004
#define X86_EFLAGS_AF	0x00000010
#define X86_EFLAGS_ZF	0x00000040
#define X86_EFLAGS_SF	0x00000080
#define X86_EFLAGS_TF	0x00000100
#define X86_EFLAGS_IF	0x00000200
#define X86_EFLAGS_DF	0x00000400
#define X86_EFLAGS_OF	0x00000800
#define X86_EFLAGS_IOPL	0x00003000
#define X86_EFLAGS_NT	0x00004000
#define X86_EFLAGS_RF	0x00010000
#define X86_EFLAGS_VM	0x00020000
#define X86_EFLAGS_AC	0x00040000
#define X86_EFLAGS_ID	0x00200000

#define X86_EFLAGS_ALU (X86_EFLAGS_CF | X86_EFLAGS_PF | X86_EFLAGS_AF | \
			X86_EFLAGS_ZF | X86_EFLAGS_SF | X86_EFLAGS_OF)

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
	struct cpuid r;

	asm volatile("cpuid"
		     : "=a"(r.a), "=b"(r.b), "=c"(r.c), "=d"(r.d)
		     : "0"(function), "2"(index));
	return r;
}

/* CPUID leaf @function, or all zeroes if the CPU's range stops before it. */
static inline struct cpuid cpuid_indexed(u32 function, u32 index)
{
	u32 max = raw_cpuid(function & 0xf0000000, 0).a;

	if (max < function)
		return (struct cpuid){ 0, 0, 0, 0 };
	return raw_cpuid(function, index);
}

static inline struct cpuid cpuid(u32 function)
{
	return cpuid_indexed(function, 0);
}

static inline u8 cpuid_maxphyaddr(void)
{
	if (raw_cpuid(0x80000000, 0).a < 0x80000008)
		return 36;
	return raw_cpuid(0x80000008, 0).a & 0xff;
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

/*
 * A feature is one 64-bit value: CPUID input EAX in bits 63:32, input ECX
 * in 31:16, output register (enum cpuid_output_regs) in 15:8, bit in 7:0.
 */
#define CPUID(a, b, c, d) ((((unsigned long long)(a)) << 32) | ((b) << 16) | \
			   ((c) << 8) | (d))

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
#define X86_FEATURE_UMIP		(CPUID(0x7, 0, ECX, 2))
#define X86_FEATURE_PKU			(CPUID(0x7, 0, ECX, 3))
#define X86_FEATURE_SHSTK		(CPUID(0x7, 0, ECX, 7))
#define X86_FEATURE_LA57		(CPUID(0x7, 0, ECX, 16))
#define X86_FEATURE_RDPID		(CPUID(0x7, 0, ECX, 22))
#define X86_FEATURE_PKS			(CPUID(0x7, 0, ECX, 31))
#define X86_FEATURE_IBT			(CPUID(0x7, 0, EDX, 20))
#define X86_FEATURE_SPEC_CTRL		(CPUID(0x7, 0, EDX, 26))
#define X86_FEATURE_ARCH_CAPABILITIES	(CPUID(0x7, 0, EDX, 29))
#define X86_FEATURE_XSAVES		(CPUID(0xd, 1, EAX, 3))
#define X86_FEATURE_SVM			(CPUID(0x80000001, 0, ECX, 2))
#define X86_FEATURE_NX			(CPUID(0x80000001, 0, EDX, 20))
#define X86_FEATURE_GBPAGES		(CPUID(0x80000001, 0, EDX, 26))
#define X86_FEATURE_RDTSCP		(CPUID(0x80000001, 0, EDX, 27))
#define X86_FEATURE_LM			(CPUID(0x80000001, 0, EDX, 29))
#define X86_FEATURE_RDPRU		(CPUID(0x80000008, 0, EBX, 4))
#define X86_FEATURE_AMD_IBPB		(CPUID(0x80000008, 0, EBX, 12))
#define X86_FEATURE_NPT			(CPUID(0x8000000A, 0, EDX, 0))
#define X86_FEATURE_NRIPS		(CPUID(0x8000000A, 0, EDX, 3))

static inline bool this_cpu_has(u64 feature)
{
	struct cpuid c = cpuid_indexed(feature >> 32, (feature >> 16) & 0xffff);
	u32 regs[4] = { c.a, c.b, c.c, c.d };

	return regs[((feature >> 8) & 0xff) % 4] & (1u << (feature & 0x1f));
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
	u32 a, d;

	asm volatile("rdmsr" : "=a"(a), "=d"(d) : "c"(index) : "memory");
	return a | ((u64)d << 32);
}

static inline void wrmsr(u32 index, u64 val)
{
	asm volatile("wrmsr"
		     : : "a"((u32)val), "d"((u32)(val >> 32)), "c"(index)
		     : "memory");
}

/*
 * MSR access that may fault: the return value is the exception vector
 * (GP_VECTOR for a missing MSR), 0 on success.
 */
static inline int rdmsr_safe(u32 index, u64 *val)
{
	u32 a = 0, d = 0;

	asm volatile(ASM_TRY("1f")
		     "rdmsr\n\t"
		     "1:"
		     : "+a"(a), "+d"(d) : "c"(index) : "memory");
	*val = a | ((u64)d << 32);
	return exception_vector();
}

static inline int wrmsr_safe(u32 index, u64 val)
{
	asm volatile(ASM_TRY("1f")
		     "wrmsr\n\t"
		     "1:"
		     : : "a"((u32)val), "d"((u32)(val >> 32)), "c"(index)
		     : "memory");
	return exception_vector();
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

static inline u64 rdpmc(u32 index)
{
	u32 a, d;

	asm volatile("rdpmc" : "=a"(a), "=d"(d) : "c"(index));
	return a | ((u64)d << 32);
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
__KUT_CREG_ACCESSORS(dr0)
__KUT_CREG_ACCESSORS(dr1)
__KUT_CREG_ACCESSORS(dr2)
__KUT_CREG_ACCESSORS(dr3)
__KUT_CREG_ACCESSORS(dr6)
__KUT_CREG_ACCESSORS(dr7)
#undef __KUT_CREG_ACCESSORS

static inline void update_cr3(void *cr3)
{
	write_cr3((ulong)cr3);
}

/* Write CR4, returning the vector of the fault it raised (0: none). */
static inline int write_cr4_safe(ulong val)
{
	asm volatile(ASM_TRY("1f")
		     "mov %0, %%cr4\n\t"
		     "1:"
		     : : "r"(val) : "memory");
	return exception_vector();
}

static inline int write_cr0_safe(ulong val)
{
	asm volatile(ASM_TRY("1f")
		     "mov %0, %%cr0\n\t"
		     "1:"
		     : : "r"(val) : "memory");
	return exception_vector();
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
	u32 a, d;

	asm volatile("rdtscp" : "=a"(a), "=d"(d), "=c"(*aux));
	return a | ((u64)d << 32);
}

static inline void wrtsc(u64 tsc)
{
	wrmsr(MSR_IA32_TSC, tsc);
}

static inline void invlpg(volatile void *va)
{
	asm volatile("invlpg (%0)" : : "r"(va) : "memory");
}

static inline void wbinvd(void)
{
	asm volatile("wbinvd" : : : "memory");
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

static inline bool is_canonical(u64 addr)
{
	return (u64)((s64)(addr << 16) >> 16) == addr;
}

static inline void flush_tlb(void)
{
	ulong cr4 = read_cr4();

	write_cr4(cr4 ^ X86_CR4_PGE);
	write_cr4(cr4);
}

static inline int has_spec_ctrl(void)
{
	return this_cpu_has(X86_FEATURE_SPEC_CTRL);
}

static inline int cpu_has_efer_nx(void)
{
	return this_cpu_has(X86_FEATURE_NX);
}

static inline bool cpuid_osxsave(void)
{
	return cpuid(1).c & (1u << 27);
}

#endif /* _X86_PROCESSOR_H_ */
