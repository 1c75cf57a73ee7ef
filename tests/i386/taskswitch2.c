// SPDX-License-Identifier: MIT
/*
 * taskswitch2.c - more of the i386 task switch as the Intel SDM (vol. 3,
 * 8.3 "Task Switching", 8.4 "Task Linking") defines it, beyond
 * taskswitch.c's ways into a task:
 *   - the outgoing task's registers are saved in its TSS at the switch;
 *   - the incoming task's registers come from its TSS, CR3 included: a
 *     task with other page tables sees other memory at the same address;
 *   - CALL or JMP to a busy TSS raises #GP with the selector as error
 *     code, and so does CALL to the running task;
 *   - a TSS descriptor whose limit is below 0x67 makes the switch raise
 *     #TS with the selector;
 *   - a TSS with the T flag raises #DB on entry to the task, with DR6.BT.
 * In protected mode only: QEMU and KVM emulate task switches, so this is
 * a check of that emulation.  QEMU's TCG (7.2) ignores the T flag: a
 * known failure there (../x86_64/accel.h).
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <vmalloc.h>
#include <asm/page.h>
#include <x86/desc.h>
#include <x86/processor.h>
#include <x86/vm.h>
#include "../x86_64/accel.h"

#define SHORT_TSS_SEL	FIRST_SPARE_SEL
#define T_TSS_SEL	(FIRST_SPARE_SEL + 8)
#define DR6_BT		(1ul << 15)
#define TSS_TYPE_AVAIL	0x89		/* present, DPL 0, 32-bit TSS, available */

static volatile unsigned int runs;
static volatile u32 seen_value;
static volatile unsigned long seen_dr6;
static volatile int db_count;
static tss32_t t_tss;
static u8 t_stack[4096] __attribute__((aligned(16)));

static void task_body(void)
{
	for (;;) {
		runs++;
		asm volatile("iret" : : : "memory");
	}
}

static volatile u32 *probe;

static void cr3_task(void)
{
	for (;;) {
		runs++;
		seen_value = *probe;
		asm volatile("iret" : : : "memory");
	}
}

/* A far pointer for indirect CALL and JMP to a TSS selector. */
static struct far_pointer32 fp;

static int lcall_safe(u16 sel)
{
	fp.offset = 0;
	fp.selector = sel;
	asm volatile(ASM_TRY("1f") "lcall *%0\n\t" "1:" : : "m"(fp) : "memory");
	return exception_vector();
}

static int ljmp_safe(u16 sel)
{
	fp.offset = 0;
	fp.selector = sel;
	asm volatile(ASM_TRY("1f") "ljmp *%0\n\t" "1:" : : "m"(fp) : "memory");
	return exception_vector();
}

static void check_saved_state(void)
{
	setup_tss32();
	tss_intr.eip = (unsigned long)task_body;
	runs = 0;
	asm volatile("lcall %2, $0"
		     : : "b"(0x11111111), "S"(0x22222222), "i"(TSS_INTR)
		     : "memory");
	report(runs == 1, "the task ran");
	report(tss[0].ebx == 0x11111111 && tss[0].esi == 0x22222222,
	       "the caller's EBX and ESI were saved in its TSS (%#x, %#x)",
	       tss[0].ebx, tss[0].esi);
	report(tss[0].eip != 0 && tss[0].cs == KERNEL_CS,
	       "and its EIP and CS (%#x:%#x)", tss[0].cs, tss[0].eip);
}

static void check_cr3(void)
{
	pgd_t *pd = current_page_table(), *pd2 = alloc_page();
	u32 *a = alloc_page(), *b = alloc_page();
	u8 *va = alloc_vpages_aligned(1 << PGDIR_WIDTH, PGDIR_WIDTH);

	*a = 0xaaaa;
	*b = 0xbbbb;
	install_page(pd, virt_to_phys(a), va);
	/* The task's tables: the same, but their own page table for @va. */
	memcpy(pd2, pd, PAGE_SIZE);
	pd2[PGDIR_OFFSET((unsigned long)va, 2)] = 0;
	install_page(pd2, virt_to_phys(b), va);
	probe = (volatile u32 *)va;

	tss_intr.eip = (unsigned long)cr3_task;
	tss_intr.cr3 = virt_to_phys(pd2);
	runs = 0;
	asm volatile("lcall %0, $0" : : "i"(TSS_INTR) : "memory");
	report(runs == 1 && seen_value == 0xbbbb,
	       "the task runs on the CR3 of its TSS (reads %#x)", seen_value);
	report(*probe == 0xaaaa && read_cr3() == virt_to_phys(pd),
	       "back in the caller: its own CR3 again");
	tss_intr.cr3 = read_cr3();
}

static void check_busy(void)
{
	int v;

	v = lcall_safe(TSS_MAIN);
	report(v == GP_VECTOR && exception_error_code() == TSS_MAIN,
	       "CALL to the running (busy) task -> #GP(%#x) (got %s, %#x)", TSS_MAIN,
	       v ? exception_mnemonic(v) : "no fault", exception_error_code());
	v = ljmp_safe(TSS_MAIN);
	report(v == GP_VECTOR && exception_error_code() == TSS_MAIN,
	       "JMP to a busy task -> #GP(%#x) (got %s, %#x)", TSS_MAIN,
	       v ? exception_mnemonic(v) : "no fault", exception_error_code());
}

static void check_short_tss(void)
{
	int v;

	t_tss = tss_intr;
	t_tss.eip = (unsigned long)task_body;
	set_gdt_entry(SHORT_TSS_SEL, (unsigned long)&t_tss, 0x60, TSS_TYPE_AVAIL, 0);
	v = lcall_safe(SHORT_TSS_SEL);
	report(v == TS_VECTOR && (exception_error_code() & ~3u) == SHORT_TSS_SEL,
	       "a TSS limit below 0x67 -> #TS(%#x) (got %s, %#x)", SHORT_TSS_SEL,
	       v ? exception_mnemonic(v) : "no fault", exception_error_code());
}

static void db_handler(struct ex_regs *regs)
{
	unsigned long dr6;

	(void)regs;
	asm volatile("mov %%dr6, %0" : "=r"(dr6));
	seen_dr6 = dr6;
	db_count++;
	asm volatile("mov %0, %%dr6" : : "r"(0xffff0ff0ul));
}

static void check_trap_flag(void)
{
	t_tss = tss_intr;
	t_tss.eip = (unsigned long)task_body;
	t_tss.esp = (unsigned long)t_stack + sizeof(t_stack);
	t_tss.t = 1;
	t_tss.eflags = X86_EFLAGS_FIXED;
	t_tss.prev = 0;
	set_gdt_entry(T_TSS_SEL, (unsigned long)&t_tss, sizeof(t_tss) - 1, TSS_TYPE_AVAIL, 0);
	handle_exception(DB_VECTOR, db_handler);
	runs = 0;
	db_count = 0;
	asm volatile("lcall %0, $0" : : "i"(T_TSS_SEL) : "memory");
	handle_exception(DB_VECTOR, NULL);
	report(runs == 1, "the task with T set ran");
	report_tcg_gap(db_count == 1 && (seen_dr6 & DR6_BT),
	       "a TSS with T set: #DB on entry, DR6.BT (%d, DR6 %#lx)", db_count, seen_dr6);
}

int main(void)
{
	report_prefix_push("taskswitch2");
	check_saved_state();
	check_cr3();
	check_busy();
	check_short_tss();
	check_trap_flag();
	report_prefix_pop();
	return report_summary();
}
