// SPDX-License-Identifier: MIT
/*
 * vmx.c - nested virtualization with Intel VMX, after the Intel SDM
 * (vol. 3C, "Introduction to Virtual Machine Extensions" to "VM
 * Exits"): this test is a tiny hypervisor.  It enters VMX operation
 * (IA32_FEATURE_CONTROL, CR0/CR4 fixed bits, VMXON), builds a VMCS whose
 * guest state is its own (same code, page tables, selectors) with
 * controls adjusted to the capability MSRs, enters the guest with
 * VMLAUNCH and checks the VM exits it takes and resumes from with
 * VMRESUME: VMCALL (a value passed each way in RAX), CPUID (always
 * exits), HLT exiting, RDMSR and WRMSR through the MSR bitmaps, IN
 * through the I/O bitmaps (exit qualification: port, size, direction),
 * #DE through the exception bitmap (exit interruption information), an
 * exception injected at VM entry; that VMLAUNCH of a launched VMCS fails
 * with VM-instruction error 5, and that a guest RFLAGS with bit 1 clear
 * fails VM entry (exit reason 33, bit 31 set).  Leaves with VMXOFF.
 *
 * Needs a CPU with VMX: KVM offers it on Intel hosts with nested=1
 * (-cpu ...,+vmx); QEMU's TCG does not emulate VMX.  Skips (77)
 * otherwise, and on i386 (kut's VM entry path is 64-bit).
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <asm/page.h>
#include <x86/desc.h>
#include <x86/msr.h>
#include <x86/processor.h>
#include "x86-test.h"

#ifdef __x86_64__

#define MSR_VMX_BASIC		0x480
#define MSR_VMX_PIN		0x481
#define MSR_VMX_PROC		0x482
#define MSR_VMX_EXIT		0x483
#define MSR_VMX_ENTRY		0x484
#define MSR_VMX_CR0_FIXED0	0x486
#define MSR_VMX_CR0_FIXED1	0x487
#define MSR_VMX_CR4_FIXED0	0x488
#define MSR_VMX_CR4_FIXED1	0x489
#define MSR_VMX_TRUE_PIN	0x48d
#define MSR_VMX_TRUE_PROC	0x48e
#define MSR_VMX_TRUE_EXIT	0x48f
#define MSR_VMX_TRUE_ENTRY	0x490
#define FEATURE_CONTROL_LOCK	(1ull << 0)
#define FEATURE_CONTROL_VMXON	(1ull << 2)

/* VMCS field encodings. */
enum {
	GUEST_ES_SEL = 0x800, GUEST_CS_SEL = 0x802, GUEST_SS_SEL = 0x804,
	GUEST_DS_SEL = 0x806, GUEST_FS_SEL = 0x808, GUEST_GS_SEL = 0x80a,
	GUEST_LDTR_SEL = 0x80c, GUEST_TR_SEL = 0x80e,
	HOST_ES_SEL = 0xc00, HOST_CS_SEL = 0xc02, HOST_SS_SEL = 0xc04,
	HOST_DS_SEL = 0xc06, HOST_FS_SEL = 0xc08, HOST_GS_SEL = 0xc0a,
	HOST_TR_SEL = 0xc0c,
	IO_BITMAP_A = 0x2000, IO_BITMAP_B = 0x2002, MSR_BITMAP = 0x2004,
	TSC_OFFSET = 0x2010,
	VMCS_LINK_PTR = 0x2800, GUEST_DEBUGCTL = 0x2802,
	PIN_CONTROLS = 0x4000, PROC_CONTROLS = 0x4002, EXC_BITMAP = 0x4004,
	CR3_TARGET_COUNT = 0x400a, EXIT_CONTROLS = 0x400c,
	EXIT_MSR_STORE_COUNT = 0x400e, EXIT_MSR_LOAD_COUNT = 0x4010,
	ENTRY_CONTROLS = 0x4012, ENTRY_MSR_LOAD_COUNT = 0x4014,
	ENTRY_INTR_INFO = 0x4016, ENTRY_EXC_ERROR = 0x4018,
	ENTRY_INSN_LEN = 0x401a,
	VM_INSN_ERROR = 0x4400, EXIT_REASON = 0x4402, EXIT_INTR_INFO = 0x4404,
	EXIT_INSN_LEN = 0x440c,
	GUEST_ES_LIMIT = 0x4800, GUEST_ES_AR = 0x4814,
	GUEST_INTERRUPTIBILITY = 0x4824, GUEST_ACTIVITY = 0x4826,
	GUEST_SYSENTER_CS = 0x482a, HOST_SYSENTER_CS = 0x4c00,
	CR0_MASK = 0x6000, CR4_MASK = 0x6002,
	EXIT_QUALIFICATION = 0x6400,
	GUEST_CR0 = 0x6800, GUEST_CR3 = 0x6802, GUEST_CR4 = 0x6804,
	GUEST_ES_BASE = 0x6806, GUEST_GDTR_BASE = 0x6816,
	GUEST_IDTR_BASE = 0x6818, GUEST_DR7 = 0x681a, GUEST_RSP = 0x681c,
	GUEST_RIP = 0x681e, GUEST_RFLAGS = 0x6820, GUEST_PENDING_DBG = 0x6822,
	GUEST_SYSENTER_ESP = 0x6824, GUEST_SYSENTER_EIP = 0x6826,
	HOST_CR0 = 0x6c00, HOST_CR3 = 0x6c02, HOST_CR4 = 0x6c04,
	HOST_FS_BASE = 0x6c06, HOST_GS_BASE = 0x6c08, HOST_TR_BASE = 0x6c0a,
	HOST_GDTR_BASE = 0x6c0c, HOST_IDTR_BASE = 0x6c0e,
	HOST_SYSENTER_ESP = 0x6c10, HOST_SYSENTER_EIP = 0x6c12,
	HOST_RSP = 0x6c14, HOST_RIP = 0x6c16,
};
/* Segment n's fields follow ES's at a stride of 2 (GDTR, IDTR after TR). */
#define SEG_ES 0
#define SEG_CS 1
#define SEG_SS 2
#define SEG_DS 3
#define SEG_FS 4
#define SEG_GS 5
#define SEG_LDTR 6
#define SEG_TR 7
#define GUEST_GDTR_LIMIT 0x4810
#define GUEST_IDTR_LIMIT 0x4812

#define PROC_HLT_EXITING	(1u << 7)
#define PROC_USE_IO_BITMAPS	(1u << 25)
#define PROC_USE_MSR_BITMAPS	(1u << 28)
#define EXIT_HOST_64BIT		(1u << 9)
#define ENTRY_GUEST_64BIT	(1u << 9)

#define REASON_EXCEPTION	0
#define REASON_CPUID		10
#define REASON_HLT		12
#define REASON_VMCALL		18
#define REASON_IO		30
#define REASON_RDMSR		31
#define REASON_WRMSR		32
#define REASON_INVALID_GUEST	33
#define REASON_ENTRY_FAILURE	(1u << 31)

#define INTR_VALID		(1u << 31)
#define INTR_HW_EXCEPTION	(3u << 8)

#define MSR_PROBED		MSR_IA32_SYSENTER_ESP
#define PORT_PROBED		0x80
#define GUEST_DONE		0xd0e

static u8 *vmxon_region, *vmcs, *msr_bitmap, *io_bitmaps, *guest_stack;
static bool true_ctls;

static bool vmwrite(u32 field, u64 val)
{
	bool fail;

	asm volatile("vmwrite %2, %1\n\tsetbe %0"
		     : "=qm"(fail) : "r"((u64)field), "rm"(val) : "cc");
	return !fail;
}

static u64 vmread(u32 field)
{
	u64 val = 0;

	asm volatile("vmread %1, %0" : "=rm"(val) : "r"((u64)field) : "cc");
	return val;
}

/* VMXON, VMCLEAR, VMPTRLD of a region's address: true unless VMfail. */
#define VMX_INSN_PA(insn)						\
static bool insn(void *region)						\
{									\
	u64 pa = virt_to_phys(region);					\
	bool fail;							\
									\
	asm volatile(#insn " %1\n\tsetbe %0"				\
		     : "=qm"(fail) : "m"(pa) : "cc", "memory");		\
	return !fail;							\
}
VMX_INSN_PA(vmxon)
VMX_INSN_PA(vmclear)
VMX_INSN_PA(vmptrld)

/* A control value: @want plus what must be 1, less what may not be. */
static u32 adjust(u32 want, u32 msr, u32 true_msr)
{
	u64 cap = rdmsr(true_ctls ? true_msr : msr);

	return (want | (u32)cap) & (u32)(cap >> 32);
}

/* ---- the guest: our own code, entered by VMLAUNCH/VMRESUME */

extern char vmx_guest_entry[], vmx_guest_div[], vmx_guest_in[];
static volatile u64 guest_got, guest_cpuid_eax;
static volatile int guest_ud;

static u64 guest_vmcall(u64 rax)
{
	asm volatile("vmcall" : "+a"(rax) : : "rbx", "rcx", "rdx", "memory");
	return rax;
}

void vmx_guest_main(void);
void vmx_guest_main(void)
{
	u32 a, b, c, dd;
	u64 lo, hi;
	u8 v;

	guest_got = guest_vmcall(1);			/* exit: VMCALL */
	asm volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(dd) : "a"(0));
	guest_cpuid_eax = a;				/* exit: CPUID */
	asm volatile("hlt");				/* exit: HLT */
	asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(MSR_PROBED));
	guest_got = lo;					/* exit: RDMSR */
	asm volatile("wrmsr" : : "a"(0x1234), "d"(0), "c"(MSR_PROBED));
	asm volatile("vmx_guest_in: inb %1, %0" : "=a"(v) : "i"(PORT_PROBED));
	asm volatile("xor %%edx, %%edx\n\t"
		     "vmx_guest_div: divl %%ecx"	/* exit: #DE */
		     : : "a"(1), "c"(0) : "rdx");
	guest_vmcall(3);	/* the host injects #UD as it resumes us */
}

asm(".pushsection .text\n"
    "vmx_guest_entry:\n\t"
    "call vmx_guest_main\n"
    "1:\tmov $" xstr(GUEST_DONE) ", %eax\n\t"
    "vmcall\n\t"
    "jmp 1b\n"
    ".popsection");

static void guest_ud_handler(struct ex_regs *regs)
{
	(void)regs;
	guest_ud++;
}

/* ---- the host */

/*
 * The guest's general registers but RSP, which the VMCS holds: VM entry
 * and exit leave them in the CPU, so the switch below loads them before
 * entry and stores them after the exit, and keeps the host's.
 */
u64 vmx_guest_gprs[15];
u8 vmx_launched, vmx_entry_failed;

#define GPR_LOAD(reg, i)  "mov vmx_guest_gprs+" #i "*8(%%rip), %%" #reg "\n\t"
#define GPR_STORE(reg, i) "mov %%" #reg ", vmx_guest_gprs+" #i "*8(%%rip)\n\t"
#define GPRS(op) op(rbx, 0) op(rcx, 1) op(rdx, 2) op(rsi, 3) op(rdi, 4) \
		 op(rbp, 5) op(r8, 6) op(r9, 7) op(r10, 8) op(r11, 9)  \
		 op(r12, 10) op(r13, 11) op(r14, 12) op(r15, 13) op(rax, 14)
#define G_RAX 14

/* Enter the guest; true on a VM exit, false when the entry failed. */
static bool vmx_enter(bool launch)
{
	vmx_launched = !launch;
	vmx_entry_failed = 0;
	asm volatile("push %%rbp\n\t"
		     "push %%rbx\n\t"
		     "mov %[rsp_field], %%rbx\n\t"
		     "vmwrite %%rsp, %%rbx\n\t"
		     "lea 1f(%%rip), %%rax\n\t"
		     "mov %[rip_field], %%rbx\n\t"
		     "vmwrite %%rax, %%rbx\n\t"
		     "cmpb $0, vmx_launched(%%rip)\n\t"
		     GPRS(GPR_LOAD)
		     "jne 2f\n\t"
		     "vmlaunch\n\t"
		     "jmp 3f\n"
		     "2:\tvmresume\n"
		     "3:\tmovb $1, vmx_entry_failed(%%rip)\n\t"
		     "jmp 4f\n"
		     "1:\t"
		     GPRS(GPR_STORE)
		     "4:\tpop %%rbx\n\t"
		     "pop %%rbp"
		     : : [rsp_field] "i"(HOST_RSP), [rip_field] "i"(HOST_RIP)
		     : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10",
		       "r11", "r12", "r13", "r14", "r15", "memory", "cc");
	return !vmx_entry_failed;
}

static void skip_insn(void)
{
	vmwrite(GUEST_RIP, vmread(GUEST_RIP) + vmread(EXIT_INSN_LEN));
}

static void guest_segment(int seg, u16 sel, u32 ar, u32 limit, u64 base)
{
	vmwrite(GUEST_ES_SEL + 2 * seg, sel);
	vmwrite(GUEST_ES_AR + 2 * seg, ar);
	vmwrite(GUEST_ES_LIMIT + 2 * seg, limit);
	vmwrite(GUEST_ES_BASE + 2 * seg, base);
}

static bool setup_vmcs(void)
{
	struct descriptor_table_ptr gdt, idt;
	gdt_entry_t *tr = get_tss_descr();
	u64 tr_base = get_gdt_entry_base(tr);
	u32 tr_limit = get_gdt_entry_limit(tr);
	bool ok = true;

	sgdt(&gdt);
	sidt(&idt);
	ok &= vmwrite(PIN_CONTROLS, adjust(0, MSR_VMX_PIN, MSR_VMX_TRUE_PIN));
	ok &= vmwrite(PROC_CONTROLS, adjust(PROC_HLT_EXITING | PROC_USE_IO_BITMAPS |
					    PROC_USE_MSR_BITMAPS, MSR_VMX_PROC,
					    MSR_VMX_TRUE_PROC));
	ok &= vmwrite(EXIT_CONTROLS, adjust(EXIT_HOST_64BIT, MSR_VMX_EXIT,
					    MSR_VMX_TRUE_EXIT));
	ok &= vmwrite(ENTRY_CONTROLS, adjust(ENTRY_GUEST_64BIT, MSR_VMX_ENTRY,
					     MSR_VMX_TRUE_ENTRY));
	ok &= vmwrite(EXC_BITMAP, 0);
	ok &= vmwrite(CR3_TARGET_COUNT, 0);
	ok &= vmwrite(EXIT_MSR_STORE_COUNT, 0);
	ok &= vmwrite(EXIT_MSR_LOAD_COUNT, 0);
	ok &= vmwrite(ENTRY_MSR_LOAD_COUNT, 0);
	ok &= vmwrite(ENTRY_INTR_INFO, 0);
	ok &= vmwrite(CR0_MASK, 0);
	ok &= vmwrite(CR4_MASK, 0);
	ok &= vmwrite(TSC_OFFSET, 0);
	ok &= vmwrite(MSR_BITMAP, virt_to_phys(msr_bitmap));
	ok &= vmwrite(IO_BITMAP_A, virt_to_phys(io_bitmaps));
	ok &= vmwrite(IO_BITMAP_B, virt_to_phys(io_bitmaps + PAGE_SIZE));

	ok &= vmwrite(HOST_CR0, read_cr0());
	ok &= vmwrite(HOST_CR3, read_cr3());
	ok &= vmwrite(HOST_CR4, read_cr4());
	ok &= vmwrite(HOST_ES_SEL, KERNEL_DS);
	ok &= vmwrite(HOST_CS_SEL, KERNEL_CS);
	ok &= vmwrite(HOST_SS_SEL, KERNEL_DS);
	ok &= vmwrite(HOST_DS_SEL, KERNEL_DS);
	ok &= vmwrite(HOST_FS_SEL, KERNEL_DS);
	ok &= vmwrite(HOST_GS_SEL, KERNEL_DS);
	ok &= vmwrite(HOST_TR_SEL, str());
	ok &= vmwrite(HOST_FS_BASE, rdmsr(MSR_FS_BASE));
	ok &= vmwrite(HOST_GS_BASE, rdmsr(MSR_GS_BASE));
	ok &= vmwrite(HOST_TR_BASE, tr_base);
	ok &= vmwrite(HOST_GDTR_BASE, gdt.base);
	ok &= vmwrite(HOST_IDTR_BASE, idt.base);
	ok &= vmwrite(HOST_SYSENTER_CS, rdmsr(MSR_IA32_SYSENTER_CS));
	ok &= vmwrite(HOST_SYSENTER_ESP, rdmsr(MSR_IA32_SYSENTER_ESP));
	ok &= vmwrite(HOST_SYSENTER_EIP, rdmsr(MSR_IA32_SYSENTER_EIP));

	ok &= vmwrite(GUEST_CR0, read_cr0());
	ok &= vmwrite(GUEST_CR3, read_cr3());
	ok &= vmwrite(GUEST_CR4, read_cr4());
	guest_segment(SEG_CS, KERNEL_CS, 0xa09b, 0xffffffff, 0);
	guest_segment(SEG_SS, KERNEL_DS, 0xc093, 0xffffffff, 0);
	guest_segment(SEG_DS, KERNEL_DS, 0xc093, 0xffffffff, 0);
	guest_segment(SEG_ES, KERNEL_DS, 0xc093, 0xffffffff, 0);
	guest_segment(SEG_FS, KERNEL_DS, 0xc093, 0xffffffff, rdmsr(MSR_FS_BASE));
	guest_segment(SEG_GS, KERNEL_DS, 0xc093, 0xffffffff, rdmsr(MSR_GS_BASE));
	guest_segment(SEG_LDTR, 0, 1u << 16, 0, 0);	/* unusable */
	/* The busy 64-bit TSS, as LTR left it; G as the descriptor says. */
	guest_segment(SEG_TR, str(), 0x8b | (tr->g ? 1u << 15 : 0), tr_limit,
		      tr_base);
	ok &= vmwrite(GUEST_GDTR_LIMIT, gdt.limit);
	ok &= vmwrite(GUEST_GDTR_BASE, gdt.base);
	ok &= vmwrite(GUEST_IDTR_LIMIT, idt.limit);
	ok &= vmwrite(GUEST_IDTR_BASE, idt.base);
	ok &= vmwrite(GUEST_DR7, 0x400);
	ok &= vmwrite(GUEST_RFLAGS, X86_EFLAGS_FIXED);
	ok &= vmwrite(GUEST_RSP, (ulong)(guest_stack + PAGE_SIZE));
	ok &= vmwrite(GUEST_RIP, (ulong)vmx_guest_entry);
	ok &= vmwrite(GUEST_SYSENTER_CS, rdmsr(MSR_IA32_SYSENTER_CS));
	ok &= vmwrite(GUEST_SYSENTER_ESP, rdmsr(MSR_IA32_SYSENTER_ESP));
	ok &= vmwrite(GUEST_SYSENTER_EIP, rdmsr(MSR_IA32_SYSENTER_EIP));
	ok &= vmwrite(GUEST_DEBUGCTL, 0);
	ok &= vmwrite(VMCS_LINK_PTR, ~0ull);
	ok &= vmwrite(GUEST_INTERRUPTIBILITY, 0);
	ok &= vmwrite(GUEST_ACTIVITY, 0);
	ok &= vmwrite(GUEST_PENDING_DBG, 0);
	return ok;
}

static bool exit_is(u32 want, const char *what)
{
	u32 reason = vmread(EXIT_REASON);

	report(reason == want, "%s: exit reason %u", what, reason);
	if (reason & REASON_ENTRY_FAILURE)
		report_info("VM entry failed: reason %u, qualification %#llx",
			    reason & 0xffff,
			    (unsigned long long)vmread(EXIT_QUALIFICATION));
	return reason == want;
}

static bool enter(bool launch, const char *what)
{
	if (vmx_enter(launch))
		return true;
	report_fail("%s: VM%s failed, VM-instruction error %llu", what,
		    launch ? "LAUNCH" : "RESUME",
		    (unsigned long long)vmread(VM_INSN_ERROR));
	return false;
}

static void run_guest(void)
{
	u64 qual;
	u32 info;

	if (!enter(true, "VMLAUNCH") || !exit_is(REASON_VMCALL, "VMCALL"))
		return;
	report(vmx_guest_gprs[G_RAX] == 1, "the guest's RAX (1) came out");
	vmx_guest_gprs[G_RAX] = 42;
	skip_insn();

	if (!enter(false, "VMRESUME") || !exit_is(REASON_CPUID, "CPUID"))
		return;
	report(guest_got == 42, "the host's RAX (42) reached the guest");
	vmx_guest_gprs[G_RAX] = 0x5eed;
	skip_insn();

	if (!enter(false, "VMRESUME") || !exit_is(REASON_HLT, "HLT exiting"))
		return;
	report(guest_cpuid_eax == 0x5eed, "the host's CPUID result reached the guest");
	skip_insn();

	if (!enter(false, "VMRESUME") || !exit_is(REASON_RDMSR, "RDMSR in the bitmap"))
		return;
	report((u32)vmx_guest_gprs[1] == MSR_PROBED, "RCX holds the MSR");
	vmx_guest_gprs[G_RAX] = 0xfeed;
	vmx_guest_gprs[2] = 0;
	skip_insn();

	if (!enter(false, "VMRESUME") || !exit_is(REASON_WRMSR, "WRMSR in the bitmap"))
		return;
	report(guest_got == 0xfeed && (u32)vmx_guest_gprs[G_RAX] == 0x1234,
	       "the read returned the host's value; the write's value came out");
	skip_insn();

	if (!enter(false, "VMRESUME") || !exit_is(REASON_IO, "IN from a port in the bitmap"))
		return;
	qual = vmread(EXIT_QUALIFICATION);
	report((qual >> 16 & 0xffff) == PORT_PROBED && (qual & 7) == 0 &&
	       (qual & 1 << 3) && (qual & 1 << 6),
	       "qualification %#llx: port %#x, 1 byte, IN, immediate",
	       (unsigned long long)qual, PORT_PROBED);
	report(vmread(GUEST_RIP) == (ulong)vmx_guest_in, "at the IN");
	skip_insn();

	vmwrite(EXC_BITMAP, 1u << DE_VECTOR);
	if (!enter(false, "VMRESUME") || !exit_is(REASON_EXCEPTION, "#DE in the bitmap"))
		return;
	info = vmread(EXIT_INTR_INFO);
	report(info == (INTR_VALID | INTR_HW_EXCEPTION | DE_VECTOR),
	       "exit interruption information %#x: valid, exception, #DE", info);
	report(vmread(GUEST_RIP) == (ulong)vmx_guest_div, "at the faulting DIV");
	vmwrite(GUEST_RIP, vmread(GUEST_RIP) + 2);

	if (!enter(false, "VMRESUME") || !exit_is(REASON_VMCALL, "VMCALL after the #DE"))
		return;
	skip_insn();
	vmwrite(ENTRY_INTR_INFO, INTR_VALID | INTR_HW_EXCEPTION | UD_VECTOR);
	handle_exception(UD_VECTOR, guest_ud_handler);
	if (!enter(false, "VMRESUME with an injected #UD"))
		return;
	handle_exception(UD_VECTOR, NULL);
	report(guest_ud == 1, "VM-entry injection: the guest took the #UD");
	if (!exit_is(REASON_VMCALL, "the guest ends"))
		return;
	report(vmx_guest_gprs[G_RAX] == GUEST_DONE, "... with its last VMCALL");

	/* A second VMLAUNCH of a launched VMCS: VMfailValid, error 5. */
	report(!vmx_enter(true) && vmread(VM_INSN_ERROR) == 5,
	       "VMLAUNCH of a launched VMCS: VM-instruction error 5");
}

static void check_invalid_guest(void)
{
	vmclear(vmcs);
	vmptrld(vmcs);
	setup_vmcs();
	vmwrite(GUEST_RFLAGS, 0);	/* bit 1 must be 1 */
	vmx_enter(true);
	report(vmread(EXIT_REASON) == (REASON_ENTRY_FAILURE | REASON_INVALID_GUEST),
	       "guest RFLAGS bit 1 clear: VM entry fails, invalid guest state");
}

static bool enter_vmx_operation(void)
{
	u64 fc = rdmsr(MSR_IA32_FEATURE_CONTROL);
	u64 basic = rdmsr(MSR_VMX_BASIC);
	ulong cr0 = read_cr0(), cr4 = read_cr4() | X86_CR4_VMXE;

	if (!(fc & FEATURE_CONTROL_LOCK))
		wrmsr(MSR_IA32_FEATURE_CONTROL,
		      fc | FEATURE_CONTROL_LOCK | FEATURE_CONTROL_VMXON);
	else if (!(fc & FEATURE_CONTROL_VMXON)) {
		report_skip("VMXON disabled by IA32_FEATURE_CONTROL (locked)");
		return false;
	}
	true_ctls = basic & (1ull << 55);
	cr0 = (cr0 | rdmsr(MSR_VMX_CR0_FIXED0)) & rdmsr(MSR_VMX_CR0_FIXED1);
	cr4 = (cr4 | rdmsr(MSR_VMX_CR4_FIXED0)) & rdmsr(MSR_VMX_CR4_FIXED1);
	write_cr0(cr0);
	write_cr4(cr4);
	*(u32 *)vmxon_region = basic & 0x7fffffff;
	*(u32 *)vmcs = basic & 0x7fffffff;
	report(vmxon(vmxon_region),
	       "VMXON (VMCS revision %#llx)", (unsigned long long)(basic & 0x7fffffff));
	report(vmclear(vmcs) && vmptrld(vmcs), "VMCLEAR, VMPTRLD");
	return true;
}

int main(void)
{
	report_prefix_push("vmx");
	if (!this_cpu_has(X86_FEATURE_VMX)) {
		report_skip("CPUID has no VMX (an Intel host with nested=1 "
			    "under KVM; QEMU's TCG has none)");
		return report_summary();
	}
	vmxon_region = alloc_page();
	vmcs = alloc_page();
	guest_stack = alloc_page();
	msr_bitmap = alloc_page();
	io_bitmaps = alloc_pages(1);
	memset(msr_bitmap, 0, PAGE_SIZE);
	memset(io_bitmaps, 0, 2 * PAGE_SIZE);
	/* Reads of MSRs 0-0x1fff from byte 0, writes from byte 2048. */
	msr_bitmap[MSR_PROBED / 8] |= 1 << (MSR_PROBED % 8);
	msr_bitmap[2048 + MSR_PROBED / 8] |= 1 << (MSR_PROBED % 8);
	io_bitmaps[PORT_PROBED / 8] |= 1 << (PORT_PROBED % 8);
	if (!enter_vmx_operation())
		return report_summary();
	report(setup_vmcs(), "the VMCS fields take their values");
	run_guest();
	check_invalid_guest();
	asm volatile("vmxoff" ::: "cc");
	write_cr4(read_cr4() & ~X86_CR4_VMXE);
	return report_summary();
}

#else

int main(void)
{
	report_skip("vmx: kut's VMX test runs in 64-bit mode");
	return report_summary();
}

#endif
