// SPDX-License-Identifier: MIT
/*
 * desc64.c - the x86_64 side of desc.c: per-CPU data through the GS
 * base MSR, the 64-bit TSS with an IST stack for #DF and #MC (so a
 * fault on an unusable stack is still reported), the register dump.
 *
 * NMIs run on the interrupted stack, as upstream's: an IRET inside an
 * NMI handler ends NMI blocking, and a nested NMI on a fixed IST stack
 * would start over at its top, on the outer handler's frame.
 */
#include <libcflat.h>
#include <x86/desc.h>
#include <x86/msr.h>
#include <x86/processor.h>

#include "percpu.h"
#include "x86.h"

/* The alternate stack for #DF and #MC (IST1), one per CPU. */
static u8 ist_stacks[MAX_TEST_CPUS][8192] __attribute__((aligned(16)));

void percpu_init(struct percpu *pc, u32 id)
{
	pc->smp_id = id;
	pc->self = pc;
	wrmsr(MSR_GS_BASE, (unsigned long)pc);
}

void kut_x86_init_tss(kut_tss_t *t, u32 cpu, void *sp0)
{
	t->rsp0 = (unsigned long)sp0;
	t->ist1 = (unsigned long)ist_stacks[cpu] + sizeof(ist_stacks[cpu]);
}

void kut_x86_setup_alt_vectors(void)
{
	boot_idt[DF_VECTOR].ist = 1;
	boot_idt[MC_VECTOR].ist = 1;
}

void set_intr_alt_stack(int e, void *fn)
{
	set_idt_entry(e, fn, 0);
	boot_idt[e].ist = 1;
}

void setup_alt_stack(void)
{
	/* IST1 is set up for every CPU during bring-up. */
}

void kut_x86_dump_gprs(const struct ex_regs *regs)
{
	printf("rax=%016lx rcx=%016lx rdx=%016lx rbx=%016lx\n",
	       regs->rax, regs->rcx, regs->rdx, regs->rbx);
	printf("rbp=%016lx rsi=%016lx rdi=%016lx rsp=%016lx\n",
	       regs->rbp, regs->rsi, regs->rdi, regs->rsp);
	printf(" r8=%016lx  r9=%016lx r10=%016lx r11=%016lx\n",
	       regs->r8, regs->r9, regs->r10, regs->r11);
	printf("r12=%016lx r13=%016lx r14=%016lx r15=%016lx\n",
	       regs->r12, regs->r13, regs->r14, regs->r15);
	printf(" ss=%016lx  cpu=%u\n", regs->ss, this_cpu()->smp_id);
}

void print_current_tss_info(void)
{
	u16 tr = str();
	tss64_t *t = (tss64_t *)get_gdt_entry_base(&gdt[tr >> 3]);

	printf("TR=%#x TSS at %p: rsp0=%#lx ist1=%#lx iomap_base=%#x\n",
	       tr, (void *)t, (unsigned long)t->rsp0, (unsigned long)t->ist1,
	       t->iomap_base);
}
