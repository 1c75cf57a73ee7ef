// SPDX-License-Identifier: MIT
/*
 * la57.c - 5-level paging as the Intel SDM (vol. 3, 4.5) defines it:
 *   - in IA-32e mode, MOV to CR4 that changes CR4.LA57 raises #GP (the
 *     paging mode changes only with paging off), whether CPUID has LA57
 *     or not;
 *   - with 4-level paging an address whose bits 63:47 differ is not
 *     canonical: an access raises #GP, not #PF;
 *   - where CPUID.7:ECX.LA57 reports it, setup_5level_page_table()
 *     switches (it leaves IA-32e mode, as the change needs paging off):
 *     then CR4.LA57 reads set, CR3 holds a PML5 table whose entry 0 is
 *     the old PML4, the old map still works, an address that only 57-bit
 *     paging makes canonical (bit 48 set) maps through PML5 entry 1, and
 *     an address non-canonical in 57 bits still raises #GP.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <asm/page.h>
#include <asm/io.h>
#include <x86/processor.h>
#include <x86/desc.h>
#include <x86/vm.h>

#define LA57_VA		(1ul << 48)		/* PML5 slot 1, PML4 slot 0 */
#define NONCANON_57	(1ul << 57)		/* bits 63:57 != bit 56 */
#define NONCANON_48	(1ul << 47)		/* bits 63:48 != bit 47 */
#define PTE_PWU		(PT_PRESENT_MASK | PT_WRITABLE_MASK | PT_USER_MASK)

static int read_safe(unsigned long addr)
{
	u8 v;

	return asm_safe_out1("movb (%1), %0", "=q"(v), "r"(addr));
}

static const char *vn(int v)
{
	return v ? exception_mnemonic(v) : "no fault";
}

static void enter_la57(void)
{
	u32 *data = alloc_page();
	pteval_t *pml5, pml4 = read_cr3() & PT_ADDR_MASK;
	int v;

	*data = 0x57575757;
	setup_5level_page_table();
	pml5 = current_page_table();
	report(read_cr4() & X86_CR4_LA57, "5-level paging on: CR4.LA57 reads set");
	report((pml5[0] & PT_ADDR_MASK) == pml4,
	       "CR3 holds a PML5 table whose entry 0 is the old PML4");
	report(*(volatile u32 *)data == 0x57575757, "the identity map still works (PML5[0])");
	install_pte(current_page_table(), 1, (void *)LA57_VA,
		    virt_to_phys(data) | PTE_PWU, NULL);
	report(PGDIR_OFFSET(LA57_VA, 5) == 1 && (pml5[1] & PT_PRESENT_MASK),
	       "a page at %#lx is installed through PML5[1]", LA57_VA);
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
