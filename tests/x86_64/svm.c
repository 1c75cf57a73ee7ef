// SPDX-License-Identifier: MIT
/*
 * svm.c - nested virtualization with AMD SVM, after the AMD64
 * Architecture Programmer's Manual vol. 2 (ch. 15 "Secure Virtual
 * Machine", appendix B "Layout of VMCB"): this test is a tiny hypervisor.
 * It enables SVM (EFER.SVME, VM_HSAVE_PA), builds a VMCB whose guest
 * state is its own (same code, page tables, selectors), runs a guest
 * with VMRUN and checks the #VMEXITs it takes and resumes from:
 * VMMCALL (with a value passed each way in RAX), CPUID (not intercepted,
 * then intercepted), HLT, RDMSR and WRMSR through the MSR permission map,
 * IN through the I/O permission map (port, size, next RIP in EXITINFO),
 * #DE through the exception intercepts, an exception injected with
 * EVENTINJ; and that VMRUN with EFER.SVME clear in the guest state
 * fails with VMEXIT_INVALID.
 *
 * Needs a CPU with SVM: QEMU's TCG emulates it (-cpu qemu64,+svm), KVM
 * offers it on AMD hosts with nested=1.  Skips (77) otherwise, and on
 * i386 (kut's VMRUN path is 64-bit).
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <asm/page.h>
#include <x86/desc.h>
#include <x86/msr.h>
#include <x86/processor.h>
#include "x86-test.h"

#ifdef __x86_64__

/* VMCB control area offsets. */
#define C_INTERCEPT_EXC		0x008
#define C_INTERCEPT_MISC1	0x00c
#define C_INTERCEPT_MISC2	0x010
#define C_IOPM_BASE		0x040
#define C_MSRPM_BASE		0x048
#define C_ASID			0x058
#define C_EXITCODE		0x070
#define C_EXITINFO1		0x078
#define C_EXITINFO2		0x080
#define C_EXITINTINFO		0x088
#define C_EVENTINJ		0x0a8
#define C_NEXT_RIP		0x0c8
/* VMCB state save area offsets. */
#define S_ES			0x400
#define S_CS			0x410
#define S_SS			0x420
#define S_DS			0x430
#define S_GDTR			0x460
#define S_IDTR			0x480
#define S_CPL			0x4cb
#define S_EFER			0x4d0
#define S_CR4			0x548
#define S_CR3			0x550
#define S_CR0			0x558
#define S_DR7			0x560
#define S_DR6			0x568
#define S_RFLAGS		0x570
#define S_RIP			0x578
#define S_RSP			0x5d8
#define S_RAX			0x5f8
#define S_G_PAT			0x668

/* Intercept bits. */
#define I1_CPUID		(1u << 18)
#define I1_HLT			(1u << 24)
#define I1_IOIO_PROT		(1u << 27)
#define I1_MSR_PROT		(1u << 28)
#define I2_VMRUN		(1u << 0)
#define I2_VMMCALL		(1u << 1)

/* Exit codes. */
#define EXIT_EXCP_DE		0x040
#define EXIT_CPUID		0x072
#define EXIT_HLT		0x078
#define EXIT_IOIO		0x07b
#define EXIT_MSR		0x07c
#define EXIT_VMMCALL		0x081
#define EXIT_INVALID		((u64)-1)

#define EVENTINJ_VALID		(1u << 31)
#define EVENTINJ_EXCEPTION	(3u << 8)

#define MSR_PROBED		MSR_IA32_SYSENTER_ESP
#define PORT_PROBED		0x80
#define GUEST_DONE		0xd0e

static u8 *vmcb, *hsave, *msrpm, *iopm, *guest_stack;
static bool nrips;

static u64 *q(unsigned off) { return (u64 *)(vmcb + off); }
static u32 *d(unsigned off) { return (u32 *)(vmcb + off); }

static void set_seg(unsigned off, u16 sel, u16 attrib, u32 limit, u64 base)
{
	*(u16 *)(vmcb + off) = sel;
	*(u16 *)(vmcb + off + 2) = attrib;
	*(u32 *)(vmcb + off + 4) = limit;
	*(u64 *)(vmcb + off + 8) = base;
}

/* ---- the guest: our own code, run under VMRUN */

extern char guest_entry[], guest_div[], guest_in[];
static volatile u64 guest_got, guest_cpuid_eax;
static volatile int guest_ud;

static u64 guest_vmmcall(u64 rax)
{
	asm volatile("vmmcall" : "+a"(rax) : : "rbx", "rcx", "rdx", "memory");
	return rax;
}

/* Runs in the guest: each step either exits or not, as the host arranged. */
void guest_main(void);
void guest_main(void)
{
	u32 a, b, c, dd;
	u64 lo, hi;
	u8 v;

	guest_got = guest_vmmcall(1);			/* exit: VMMCALL */
	asm volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(dd) : "a"(0));
	guest_cpuid_eax = a;				/* no exit */
	guest_vmmcall(2);				/* exit: CPUID on now */
	asm volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(dd) : "a"(0));
	guest_cpuid_eax = a;				/* exit: CPUID */
	asm volatile("hlt");				/* exit: HLT */
	asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(MSR_PROBED));
	guest_got = lo;					/* exit: MSR read */
	asm volatile("wrmsr" : : "a"(0x1234), "d"(0), "c"(MSR_PROBED));
	asm volatile("guest_in: inb %1, %0" : "=a"(v) : "i"(PORT_PROBED));
	asm volatile("xor %%edx, %%edx\n\t"
		     "guest_div: divl %%ecx"		/* exit: #DE */
		     : : "a"(1), "c"(0) : "rdx");
	guest_vmmcall(3);	/* the host injects #UD at this exit's return */
}

asm(".pushsection .text\n"
    "guest_entry:\n\t"
    "call guest_main\n"
    "1:\tmov $" xstr(GUEST_DONE) ", %eax\n\t"
    "vmmcall\n\t"
    "jmp 1b\n"
    ".popsection");

static void guest_ud_handler(struct ex_regs *regs)
{
	(void)regs;
	guest_ud++;
}

/* ---- the host */

/*
 * The guest's general registers but RAX and RSP (which the VMCB holds):
 * VMRUN and #VMEXIT leave them in the CPU, so the world switch below
 * loads them before VMRUN and stores them after, and keeps the host's.
 */
u64 svm_guest_gprs[14];

#define GPR_LOAD(reg, i)  "mov svm_guest_gprs+" #i "*8(%%rip), %%" #reg "\n\t"
#define GPR_STORE(reg, i) "mov %%" #reg ", svm_guest_gprs+" #i "*8(%%rip)\n\t"
#define GPRS(op) op(rbx, 0) op(rcx, 1) op(rdx, 2) op(rsi, 3) op(rdi, 4) \
		 op(rbp, 5) op(r8, 6) op(r9, 7) op(r10, 8) op(r11, 9)  \
		 op(r12, 10) op(r13, 11) op(r14, 12) op(r15, 13)

static u64 vmrun(void)
{
	u64 pa = virt_to_phys(vmcb);

	asm volatile("push %%rbp\n\t"
		     "push %%rbx\n\t"
		     GPRS(GPR_LOAD)
		     "clgi\n\t"
		     "vmrun %%rax\n\t"
		     GPRS(GPR_STORE)
		     "stgi\n\t"
		     "pop %%rbx\n\t"
		     "pop %%rbp"
		     : "+a"(pa)
		     : : "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11",
		       "r12", "r13", "r14", "r15", "memory", "cc");
	return *q(C_EXITCODE);
}

static void skip_insn(unsigned len)
{
	*q(S_RIP) = nrips ? *q(C_NEXT_RIP) : *q(S_RIP) + len;
}

static void setup_vmcb(void)
{
	struct descriptor_table_ptr gdt, idt;

	memset(vmcb, 0, PAGE_SIZE);
	memset(svm_guest_gprs, 0, sizeof(svm_guest_gprs));
	sgdt(&gdt);
	sidt(&idt);
	*d(C_INTERCEPT_MISC2) = I2_VMRUN | I2_VMMCALL;
	*d(C_ASID) = 1;
	*q(C_IOPM_BASE) = virt_to_phys(iopm);
	*q(C_MSRPM_BASE) = virt_to_phys(msrpm);
	set_seg(S_CS, KERNEL_CS, 0xa9b, 0xffffffff, 0);
	set_seg(S_SS, KERNEL_DS, 0xc93, 0xffffffff, 0);
	set_seg(S_DS, KERNEL_DS, 0xc93, 0xffffffff, 0);
	set_seg(S_ES, KERNEL_DS, 0xc93, 0xffffffff, 0);
	set_seg(S_GDTR, 0, 0, gdt.limit, gdt.base);
	set_seg(S_IDTR, 0, 0, idt.limit, idt.base);
	*(u8 *)(vmcb + S_CPL) = 0;
	*q(S_EFER) = rdmsr(MSR_EFER);
	*q(S_CR0) = read_cr0();
	*q(S_CR3) = read_cr3();
	*q(S_CR4) = read_cr4();
	*q(S_DR7) = 0x400;
	*q(S_DR6) = 0xffff0ff0;
	*q(S_RFLAGS) = X86_EFLAGS_FIXED;
	*q(S_RIP) = (ulong)guest_entry;
	*q(S_RSP) = (ulong)(guest_stack + PAGE_SIZE);
	*q(S_G_PAT) = rdmsr(MSR_IA32_CR_PAT);
}

static bool exit_is(u64 want, const char *what)
{
	u64 code = *q(C_EXITCODE);

	report(code == want, "%s: exit code %#llx", what, (unsigned long long)code);
	return code == want;
}

static void run_guest(void)
{
	u64 info1;

	vmrun();
	if (!exit_is(EXIT_VMMCALL, "VMMCALL"))
		return;
	report(*q(S_RAX) == 1, "the guest's RAX (1) is in the VMCB");
	*q(S_RAX) = 42;
	skip_insn(3);

	vmrun();
	if (!exit_is(EXIT_VMMCALL, "CPUID not intercepted: no exit, then VMMCALL"))
		return;
	report(guest_got == 42, "the host's RAX (42) reached the guest");
	report(guest_cpuid_eax == cpuid(0).a, "the guest's own CPUID ran");
	*d(C_INTERCEPT_MISC1) = I1_CPUID | I1_HLT | I1_MSR_PROT | I1_IOIO_PROT;
	skip_insn(3);

	vmrun();
	if (!exit_is(EXIT_CPUID, "CPUID intercepted"))
		return;
	*q(S_RAX) = 0x5eed;
	skip_insn(2);

	vmrun();
	if (!exit_is(EXIT_HLT, "HLT"))
		return;
	report(guest_cpuid_eax == 0x5eed, "the host's CPUID result reached the guest");
	skip_insn(1);

	vmrun();
	if (!exit_is(EXIT_MSR, "RDMSR of a mapped MSR"))
		return;
	report(*q(C_EXITINFO1) == 0, "EXITINFO1 0: a read");
	*q(S_RAX) = 0xfeed;
	skip_insn(2);

	vmrun();
	if (!exit_is(EXIT_MSR, "WRMSR of a mapped MSR"))
		return;
	report(*q(C_EXITINFO1) == 1 && guest_got == 0xfeed,
	       "EXITINFO1 1: a write; the read returned the host's value");
	skip_insn(2);

	vmrun();
	if (!exit_is(EXIT_IOIO, "IN from a port in the I/O map"))
		return;
	info1 = *q(C_EXITINFO1);
	report((info1 >> 16) == PORT_PROBED && (info1 & 1) && (info1 & 1 << 4),
	       "EXITINFO1 %#llx: port %#x, IN, 8 bits", (unsigned long long)info1,
	       PORT_PROBED);
	report(*q(C_EXITINFO2) == (ulong)guest_in + 2,
	       "EXITINFO2: the next RIP");
	*q(S_RIP) = *q(C_EXITINFO2);

	*d(C_INTERCEPT_EXC) = 1u << DE_VECTOR;
	vmrun();
	if (!exit_is(EXIT_EXCP_DE, "#DE intercepted"))
		return;
	report(*q(S_RIP) == (ulong)guest_div, "at the faulting DIV");
	*q(S_RIP) += 2;

	vmrun();
	if (!exit_is(EXIT_VMMCALL, "VMMCALL after the #DE"))
		return;
	skip_insn(3);
	*d(C_EVENTINJ) = EVENTINJ_VALID | EVENTINJ_EXCEPTION | UD_VECTOR;
	handle_exception(UD_VECTOR, guest_ud_handler);
	vmrun();
	handle_exception(UD_VECTOR, NULL);
	report(guest_ud == 1, "EVENTINJ: the guest took the injected #UD");
	if (!exit_is(EXIT_VMMCALL, "the guest ends"))
		return;
	report(*q(S_RAX) == GUEST_DONE, "... with its last VMMCALL");
}

static void check_invalid(void)
{
	setup_vmcb();
	*q(S_EFER) &= ~EFER_SVME;
	vmrun();
	report((u32)*q(C_EXITCODE) == (u32)EXIT_INVALID,
	       "guest EFER.SVME clear: VMRUN fails, VMEXIT_INVALID");
	/* QEMU's TCG writes -1 into the low half only. */
	report_kfail(accel_is_tcg(), *q(C_EXITCODE) == EXIT_INVALID,
		     "... as a 64-bit -1 (%#llx)",
		     (unsigned long long)*q(C_EXITCODE));
}

int main(void)
{
	report_prefix_push("svm");
	if (!this_cpu_has(X86_FEATURE_SVM)) {
		report_skip("CPUID has no SVM (-cpu qemu64,+svm under TCG; an "
			    "AMD host with nested=1 under KVM)");
		return report_summary();
	}
	if (rdmsr(MSR_VM_CR) & (1 << 4)) {
		report_skip("SVM disabled by the firmware (VM_CR.SVMDIS)");
		return report_summary();
	}
	nrips = cpuid(0x8000000a).d & (1 << 3);
	vmcb = alloc_page();
	hsave = alloc_page();
	guest_stack = alloc_page();
	msrpm = alloc_pages(1);		/* 8 KiB */
	iopm = alloc_pages(2);		/* 12 KiB used of 16 */
	memset(msrpm, 0, 2 * PAGE_SIZE);
	memset(iopm, 0, 4 * PAGE_SIZE);
	/* MSRs 0-0x1fff: two bits each (read, write) from byte 0. */
	msrpm[MSR_PROBED / 4] |= 3 << (MSR_PROBED % 4 * 2);
	iopm[PORT_PROBED / 8] |= 1 << (PORT_PROBED % 8);

	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SVME);
	wrmsr(MSR_VM_HSAVE_PA, virt_to_phys(hsave));
	report(rdmsr(MSR_EFER) & EFER_SVME, "EFER.SVME set (NRIP save: %s)",
	       nrips ? "yes" : "no");
	setup_vmcb();
	run_guest();
	check_invalid();
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) & ~EFER_SVME);
	return report_summary();
}

#else

int main(void)
{
	report_skip("svm: kut's SVM test runs in 64-bit mode");
	return report_summary();
}

#endif
