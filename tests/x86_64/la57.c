// SPDX-License-Identifier: MIT
/*
 * la57.c - 5-level paging as the Intel SDM (vol. 3, 4.5) defines it:
 *   - in IA-32e mode, MOV to CR4 that changes CR4.LA57 raises #GP (the
 *     paging mode changes only with paging off), whether CPUID has LA57
 *     or not;
 *   - with 4-level paging an address whose bits 63:47 differ is not
 *     canonical: an access raises #GP, not #PF;
 *   - where CPUID.7:ECX.LA57 reports it, the test leaves IA-32e mode
 *     (compatibility mode, paging off), sets CR4.LA57 with a PML5 table
 *     whose entry 0 is the current PML4, and comes back: then CR4.LA57
 *     reads set, the old map still works, an address that only 57-bit
 *     paging makes canonical (bit 48 set) maps through PML5 entry 1, and
 *     an address non-canonical in 57 bits still raises #GP.
 * The test stays in 5-level paging to the end: kut's page-table API
 * walks 4 levels, so nothing after the switch uses it.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <asm/page.h>
#include <asm/io.h>
#include <x86/processor.h>
#include <x86/desc.h>
#include "modes.h"

#define LA57_VA		(1ul << 48)		/* PML5 slot 1, PML4 slot 0 */
#define NONCANON_57	(1ul << 57)		/* bits 63:57 != bit 56 */
#define NONCANON_48	(1ul << 47)		/* bits 63:48 != bit 47 */
#define PTE_PWU		(PT_PRESENT_MASK | PT_WRITABLE_MASK | PT_USER_MASK)

/*
 * la57_switch(cr3, cr4): from 64-bit mode to compatibility mode (the
 * 32-bit ring-0 code segment), paging off (IA-32e mode ends), CR4 and
 * CR3 loaded, paging on again (IA-32e mode with EFER.LME), and a far
 * jump back to 64-bit code.  Interrupts must be off; code, stack, GDT
 * and IDT must lie below 4 GiB, identity mapped.
 */
void la57_switch(unsigned long cr3, unsigned long cr4);
asm(".pushsection .text\n"
    ".globl la57_switch\n"
    "la57_switch:\n\t"
    ASM_LEAVE_LONG_MODE
    "mov %esi, %cr4\n\t"
    "mov %edi, %cr3\n\t"
    "mov %cr0, %eax\n\t"
    "or $0x80000000, %eax\n\t"
    "mov %eax, %cr0\n\t"
    "ljmp $" xstr(KERNEL_CS) ", $2f\n"
    ".code64\n"
    "2:\n\t"
    "ret\n"
    ".popsection");

static int read_safe(unsigned long addr)
{
	u8 v;

	asm volatile(ASM_TRY("1f") "movb (%1), %0\n\t" "1:"
		     : "=q"(v) : "r"(addr) : "memory");
	(void)v;
	return exception_vector();
}

static const char *vn(int v)
{
	return v ? exception_mnemonic(v) : "no fault";
}

static void enter_la57(void)
{
	pteval_t *pml5 = alloc_page(), *pml4b = alloc_page(), *pdpt = alloc_page();
	pteval_t *pd = alloc_page(), *pt = alloc_page();
	u32 *data = alloc_page();
	ulong cr4 = read_cr4();
	int v;

	/* The current map at PML5[0]; one page of ours at LA57_VA via PML5[1]. */
	pml5[0] = (read_cr3() & PT_ADDR_MASK) | PTE_PWU;
	pml5[1] = virt_to_phys(pml4b) | PTE_PWU;
	pml4b[0] = virt_to_phys(pdpt) | PTE_PWU;
	pdpt[0] = virt_to_phys(pd) | PTE_PWU;
	pd[0] = virt_to_phys(pt) | PTE_PWU;
	pt[0] = virt_to_phys(data) | PTE_PWU;
	*data = 0x57575757;

	report(virt_to_phys(pml5) < (1ul << 32), "the PML5 table lies below 4 GiB");
	cli();
	la57_switch(virt_to_phys(pml5), cr4 | X86_CR4_LA57);
	report(read_cr4() & X86_CR4_LA57, "5-level paging on: CR4.LA57 reads set");
	report((read_cr3() & PT_ADDR_MASK) == virt_to_phys(pml5), "CR3 holds the PML5 table");
	report(*(volatile u32 *)data == 0x57575757, "the identity map still works (PML5[0])");
	v = read_safe(LA57_VA);
	report(!v && *(volatile u32 *)LA57_VA == 0x57575757,
	       "%#lx (canonical only with 57 bits) maps through PML5[1] (%s)", LA57_VA, vn(v));
	*(volatile u32 *)LA57_VA = 0x5a5a5a5a;
	report(*data == 0x5a5a5a5a, "a write there reaches the page");
	v = read_safe(NONCANON_57);
	report(v == GP_VECTOR, "%#lx (not canonical in 57 bits) -> #GP (got %s)",
	       NONCANON_57, vn(v));
	v = write_cr4_safe(read_cr4() & ~X86_CR4_LA57);
	report(v == GP_VECTOR, "clearing CR4.LA57 in IA-32e mode -> #GP (got %s)", vn(v));
}

int main(void)
{
	ulong cr4 = read_cr4();
	int v;

	report(!(cr4 & X86_CR4_LA57), "kut runs with 4-level paging");
	v = write_cr4_safe(cr4 | X86_CR4_LA57);
	report(v == GP_VECTOR, "setting CR4.LA57 in IA-32e mode -> #GP (got %s)", vn(v));
	v = read_safe(NONCANON_48);
	report(v == GP_VECTOR, "4-level paging: %#lx (not canonical) -> #GP (got %s)",
	       NONCANON_48, vn(v));
	v = read_safe(LA57_VA);
	report(v == GP_VECTOR, "4-level paging: %#lx (not canonical) -> #GP (got %s)",
	       LA57_VA, vn(v));
	if (!this_cpu_has(X86_FEATURE_LA57)) {
		report_skip("5-level paging: not in CPUID");
		return report_summary();
	}
	enter_la57();
	return report_summary();
}
