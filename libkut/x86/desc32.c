// SPDX-License-Identifier: MIT
/*
 * desc32.c - the i386 side of desc.c: per-CPU data as a GDT data
 * segment in GS, the 32-bit TSS, the double-fault task, upstream's
 * task-switch API (tss_intr, task gates) and the register dump.
 *
 * Why a task for #DF: 32-bit mode has no IST, and an exception at the
 * same privilege level is delivered on the interrupted stack, so a fault
 * whose stack is unusable would become a triple fault and end the test
 * without a word.  A task gate switches to a TSS with a stack of its
 * own, and the TSS the CPU leaves holds the faulting state, which is
 * what the report shows.  One double-fault task serves every CPU: a
 * second CPU that double faults while it runs finds it busy and resets
 * the machine, which kut-run reports as a failure too.
 *
 * Why a segment for per-CPU data: GS's base comes from its descriptor in
 * 32-bit mode (the GS base MSR is long mode's), so each CPU has a data
 * segment of its own in the GDT slot after its TSS's, based at its
 * struct percpu.  Its DPL is 3, so an IRET to ring 3 keeps it loaded and
 * user code (run_in_user()) reaches smp_id() and ASM_TRY's %gs:4 too.
 */
#include <libcflat.h>
#include <x86/desc.h>
#include <x86/processor.h>

#include "percpu.h"
#include "x86.h"

#define INTR_STACK_SIZE		4096

tss32_t tss_intr;
static u8 intr_stack[INTR_STACK_SIZE] __attribute__((aligned(16)));
static bool tss_intr_ready;

/* isr32.S: the double-fault task's code and stack. */
extern char kut_x86_df_entry[], kut_x86_df_stack_top[];
static tss32_t df_tss;

/* While the double-fault task reports: the TSS of the task that faulted. */
static tss32_t *df_faulted;
static struct ex_regs df_regs;

void kut_x86_double_fault(u32 error_code);

void percpu_init(struct percpu *pc, u32 id)
{
	u16 sel = X86_TSS_SEL(id) + 8;

	pc->smp_id = id;
	pc->self = pc;
	/* Present, DPL 3, read/write data; byte granular, 32-bit. */
	set_gdt_entry(sel, (unsigned long)pc, sizeof(*pc) - 1, 0xf3, 0x40);
	write_gs(sel);
}

void kut_x86_init_tss(kut_tss_t *t, u32 cpu, void *sp0)
{
	(void)cpu;
	t->esp0 = (unsigned long)sp0;
	t->ss0 = KERNEL_DS;
	/* A task switch back to this TSS loads CR3 from it. */
	t->cr3 = read_cr3();
}

/* The kut TSS whose selector is @sel, or NULL. */
static tss32_t *kut_tss(u16 sel)
{
	if (sel < TSS_MAIN || (sel - TSS_MAIN) % 16 ||
	    (sel - TSS_MAIN) / 16 >= MAX_TEST_CPUS)
		return NULL;
	return &tss[(sel - TSS_MAIN) / 16];
}

void set_idt_task_gate(int vec, u16 sel)
{
	idt_entry_t *e = &boot_idt[vec];

	memset(e, 0, sizeof(*e));
	e->selector = sel;
	e->type = 5;		/* task gate */
	e->p = 1;
}

void set_gdt_task_gate(u16 sel, u16 tss_sel)
{
	gdt_entry_t *e = &gdt[sel >> 3];

	memset(e, 0, sizeof(*e));
	e->base1 = tss_sel;	/* a task gate's selector field */
	e->type_limit_flags = 0x85;	/* present, DPL 0, task gate */
}

void kut_x86_setup_alt_vectors(void)
{
	memset(&df_tss, 0, sizeof(df_tss));
	df_tss.eip = (unsigned long)kut_x86_df_entry;
	df_tss.esp = df_tss.esp0 = (unsigned long)kut_x86_df_stack_top;
	df_tss.ss = df_tss.ss0 = KERNEL_DS;
	df_tss.cs = KERNEL_CS;
	df_tss.ds = df_tss.es = df_tss.fs = df_tss.gs = KERNEL_DS;
	df_tss.eflags = X86_EFLAGS_FIXED;
	df_tss.cr3 = read_cr3();
	df_tss.iomap_base = sizeof(df_tss);	/* past the limit: no bitmap */
	set_gdt_entry(TSS_DF, (unsigned long)&df_tss, sizeof(df_tss) - 1,
		      0x89, 0);
	set_idt_task_gate(DF_VECTOR, TSS_DF);
}

/*
 * The double-fault task's C part (isr32.S calls it on each #DF): the
 * faulting state, from the TSS the CPU left, goes through the common
 * dispatcher as an ex_regs.  If a handler takes the #DF, the task
 * resumes with what the handler left in the registers, on the page
 * tables the double-fault task runs on (those current at the last
 * setup_idt()).
 */
void kut_x86_double_fault(u32 error_code)
{
	u16 prev = df_tss.prev;
	tss32_t *t = (tss32_t *)get_gdt_entry_base(&gdt[prev >> 3]);

	/* The per-CPU data of the CPU that faulted, before anything reads it. */
	write_gs(kut_tss(prev) ? prev + 8 : t->gs);
	df_faulted = t;
	df_regs = (struct ex_regs) {
		.rax = t->eax, .rcx = t->ecx, .rdx = t->edx, .rbx = t->ebx,
		.rbp = t->ebp, .rsi = t->esi, .rdi = t->edi,
		.vector = DF_VECTOR, .error_code = error_code,
		.rip = t->eip, .cs = t->cs, .rflags = t->eflags,
	};
	kut_x86_exception(&df_regs);
	t->eax = df_regs.rax;
	t->ecx = df_regs.rcx;
	t->edx = df_regs.rdx;
	t->ebx = df_regs.rbx;
	t->ebp = df_regs.rbp;
	t->esi = df_regs.rsi;
	t->edi = df_regs.rdi;
	t->eip = df_regs.rip;
	t->cs = df_regs.cs;
	t->eflags = df_regs.rflags;
	t->cr3 = read_cr3();
	df_faulted = NULL;
}

void setup_tss32(void)
{
	tss32_t *main = kut_tss(str());
	u32 top = (unsigned long)intr_stack + sizeof(intr_stack);

	if (main)
		main->cr3 = read_cr3();
	tss_intr.cr3 = read_cr3();
	tss_intr.ss0 = tss_intr.ss1 = tss_intr.ss2 = KERNEL_DS;
	tss_intr.esp = tss_intr.esp0 = tss_intr.esp1 = tss_intr.esp2 = top;
	tss_intr.cs = KERNEL_CS;
	tss_intr.ds = tss_intr.es = tss_intr.fs = tss_intr.ss = KERNEL_DS;
	tss_intr.gs = read_gs();
	tss_intr.eflags = X86_EFLAGS_FIXED;
	tss_intr.iomap_base = sizeof(tss_intr);
	set_gdt_entry(TSS_INTR, (unsigned long)&tss_intr, sizeof(tss_intr) - 1,
		      0x89, 0);
	tss_intr_ready = true;
}

void set_intr_task_gate(int vec, void *fn)
{
	if (!tss_intr_ready)
		setup_tss32();
	tss_intr.eip = (unsigned long)fn;
	/* A fresh stack: a task left by iret keeps the esp it had then. */
	tss_intr.esp = (unsigned long)intr_stack + sizeof(intr_stack);
	set_idt_task_gate(vec, TSS_INTR);
}

void set_intr_alt_stack(int e, void *fn)
{
	set_intr_task_gate(e, fn);
}

void setup_alt_stack(void)
{
	setup_tss32();
}

void kut_x86_dump_gprs(const struct ex_regs *regs)
{
	/* The CPU pushes ESP and SS only when it changes privilege level. */
	const unsigned long *above = &regs->rflags + 1;
	unsigned long sp = (unsigned long)above, ss = read_ss();

	if (regs == &df_regs && df_faulted) {
		sp = df_faulted->esp;
		ss = df_faulted->ss;
	} else if (regs->cs & 3) {
		sp = above[0];
		ss = above[1];
	}
	printf("eax=%08lx ecx=%08lx edx=%08lx ebx=%08lx\n",
	       regs->rax, regs->rcx, regs->rdx, regs->rbx);
	printf("ebp=%08lx esi=%08lx edi=%08lx esp=%08lx\n",
	       regs->rbp, regs->rsi, regs->rdi, sp);
	printf(" ss=%08lx  cpu=%u\n", ss, this_cpu()->smp_id);
}

void print_current_tss_info(void)
{
	u16 tr = str();
	tss32_t *t = (tss32_t *)get_gdt_entry_base(&gdt[tr >> 3]);

	printf("TR=%#x TSS at %p: back link %#x esp0=%#x; "
	       "tss_intr back link %#x\n",
	       tr, (void *)t, t->prev, t->esp0, tss_intr.prev);
}
