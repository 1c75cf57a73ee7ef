// SPDX-License-Identifier: MIT
/*
 * taskswitch.c - i386 hardware task switches through upstream's 32-bit
 * descriptor API (x86/desc.h): tss32_t, setup_tss32(), tss_intr,
 * set_intr_task_gate(), set_idt_task_gate(), set_gdt_task_gate().
 *
 * Each way into a task is tried once: a far call to the TSS (and the
 * task's NT flag, back link and busy bits), a far call through a GDT
 * task gate, a far jump there and back, and IDT task gates for a fault
 * that is retried after the task fixes its cause (#DE), a fault with an
 * error code on the task's stack (#PF), and an APIC interrupt.  Faults
 * and an IPI rather than INT n: software interrupts do not reach the
 * guest on every KVM host kut runs on (docs/x86-boot.md).
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <vmalloc.h>
#include <asm/page.h>
#include <x86/apic.h>
#include <x86/apic-defs.h>
#include <x86/desc.h>
#include <x86/processor.h>
#include <x86/vm.h>

#define TSS_AVAILABLE	0x9
#define TSS_BUSY	0xb
#define GATE_SEL	FIRST_SPARE_SEL
#define IRQ_VECTOR	0xe0
#define PF_ERR_W	(1u << 1)

static volatile unsigned int runs;
static volatile u16 seen_tr, seen_link;
static volatile unsigned long seen_flags;
static volatile u32 divisor;
static volatile u32 pf_error;
static volatile unsigned long pf_cr2;
static u8 *pf_page;

static unsigned int tss_type(u16 sel)
{
	return gdt[sel >> 3].type;
}

/*
 * Task bodies: each pass ends with an "iret" (or a jump) that leaves
 * the task; the next switch to it resumes right after, so they loop.
 */
static void call_task(void)
{
	for (;;) {
		runs++;
		seen_tr = str();
		seen_link = tss_intr.prev;
		seen_flags = read_rflags();
		print_current_tss_info();
		asm volatile("iret" : : : "memory");
	}
}

static void jmp_task(void)
{
	for (;;) {
		runs++;
		seen_tr = str();
		asm volatile("ljmp %0, $0" : : "i"(TSS_MAIN) : "memory");
	}
}

static void de_task(void)
{
	for (;;) {
		runs++;
		divisor = 7;	/* the faulting div runs again, and works */
		asm volatile("iret" : : : "memory");
	}
}

static void irq_task(void)
{
	for (;;) {
		runs++;
		seen_tr = str();
		eoi();
		asm volatile("iret" : : : "memory");
	}
}

void pf_task_body(u32 error_code);
void pf_task_body(u32 error_code)
{
	runs++;
	pf_error = error_code;
	pf_cr2 = read_cr2();
	install_page(current_page_table(), virt_to_phys(alloc_page()), pf_page);
}

/* A #PF task finds the error code on its own stack, above nothing else. */
void pf_task(void);
asm(".pushsection .text\n"
    "pf_task:\n\t"
    "mov (%esp), %eax\n\t"
    "push %eax\n\t"
    "call pf_task_body\n\t"
    "add $8, %esp\n\t"		/* the argument and the error code */
    "iret\n\t"
    "jmp pf_task\n\t"
    ".popsection");

static void check_call(void)
{
	report_prefix_push("lcall");
	setup_tss32();
	report(tss_type(TSS_INTR) == TSS_AVAILABLE && tss_intr.gs == read_gs() &&
	       tss_intr.cr3 == read_cr3(),
	       "setup_tss32(): an available TSS at TSS_INTR, this CPU's GS and CR3");
	tss_intr.eip = (unsigned long)call_task;
	runs = 0;
	asm volatile("lcall %0, $0" : : "i"(TSS_INTR) : "memory");
	report(runs == 1 && seen_tr == TSS_INTR && seen_link == TSS_MAIN,
	       "the task ran, TR %#x, back link %#x", seen_tr, seen_link);
	report(seen_flags & X86_EFLAGS_NT, "NT is set in the called task");
	report(str() == TSS_MAIN && tss_type(TSS_MAIN) == TSS_BUSY &&
	       tss_type(TSS_INTR) == TSS_AVAILABLE,
	       "iret came back: TR %#x, the caller's TSS busy, the task's not",
	       str());
	asm volatile("lcall %0, $0" : : "i"(TSS_INTR) : "memory");
	report(runs == 2, "a second call resumes the task after its iret");

	set_gdt_task_gate(GATE_SEL, TSS_INTR);
	asm volatile("lcall %0, $0" : : "i"(GATE_SEL) : "memory");
	report(runs == 3 && seen_tr == TSS_INTR,
	       "through a GDT task gate (set_gdt_task_gate())");
	report_prefix_pop();
}

static void check_jmp(void)
{
	runs = 0;
	seen_tr = 0;
	tss_intr.eip = (unsigned long)jmp_task;
	asm volatile("ljmp %0, $0" : : "i"(TSS_INTR) : "memory");
	report(runs == 1 && seen_tr == TSS_INTR && str() == TSS_MAIN,
	       "ljmp: to the task, and back by ljmp to TSS_MAIN");
}

static void check_gates(void)
{
	unsigned long start;
	u32 q;

	report_prefix_push("task gate");
	runs = 0;
	divisor = 0;
	set_intr_task_gate(DE_VECTOR, de_task);
	asm volatile("divl %2" : "=a"(q) : "a"(700), "m"(divisor), "d"(0));
	report(runs == 1 && q == 100,
	       "#DE: the task fixes the divisor, the div is retried (%u)", q);

	runs = 0;
	pf_page = alloc_vpage();
	set_intr_task_gate(PF_VECTOR, pf_task);
	*(volatile u32 *)pf_page = 0x5a5a;
	report(runs == 1 && pf_error == PF_ERR_W &&
	       pf_cr2 == (unsigned long)pf_page &&
	       *(volatile u32 *)pf_page == 0x5a5a,
	       "#PF: error code %#x on the task's stack, CR2, write retried",
	       pf_error);

	runs = 0;
	seen_tr = 0;
	set_intr_task_gate(IRQ_VECTOR, irq_task);
	sti();
	apic_icr_write(APIC_DEST_SELF | APIC_DEST_PHYSICAL | APIC_DM_FIXED |
		       APIC_INT_ASSERT | IRQ_VECTOR, 0);
	for (start = 0; !runs && start < 100000000ul; start++)
		pause();
	cli();
	report(runs == 1 && seen_tr == TSS_INTR, "an APIC interrupt");
	report_prefix_pop();

	/* kut's gates again, #DF's task included. */
	setup_idt();
	report(boot_idt[DF_VECTOR].type == 5 &&
	       boot_idt[DF_VECTOR].selector == TSS_DF &&
	       boot_idt[PF_VECTOR].type == 0xe,
	       "setup_idt(): #DF is kut's task gate again, #PF an interrupt gate");
}

int main(void)
{
	report_prefix_push("taskswitch");
	report(sizeof(tss32_t) == 104, "tss32_t is 104 bytes");
	check_call();
	check_jmp();
	check_gates();
	report_prefix_pop();
	return report_summary();
}
