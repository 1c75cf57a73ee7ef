// SPDX-License-Identifier: MIT
/*
 * x86-la57.c - setup_5level_page_table() as upstream's la57 and access
 * tests use it: after the switch CR4.LA57 is on and CR3 holds a PML5
 * table; what was mapped before (code, data, a vmalloc'd buffer) keeps
 * its address; x86/vm.h's walks go through 5 levels, so a page installed
 * at an address only 57-bit paging makes canonical is reached there and
 * found again by get_pte(); vmalloc() still maps; an address
 * non-canonical in 57 bits faults.  Needs a CPU with LA57 (TCG's
 * -cpu max); without one it says so and skips.
 */
#include "libcflat.h"
#include "processor.h"
#include "desc.h"
#include "alloc_page.h"
#include "vmalloc.h"
#include "asm/page.h"
#include "asm/setup.h"

/* PML5 slot 1: canonical with 57-bit addresses only. */
#define VA_57		(1ul << 48)
/* Bits 63:57 differ from bit 56. */
#define NONCANONICAL_57	(1ul << 56)

/* The vector a byte read at @addr raises, 0 if none. */
static int read_byte_vector(unsigned long addr)
{
	u8 v;

	return asm_safe_out1("movb (%1), %0", "=q"(v), "r"(addr));
}

int main(void)
{
	u32 *before = vmalloc(PAGE_SIZE), *after, *page = alloc_page();
	ulong flags = read_rflags(), cr4;
	pteval_t *pte;

	if (!this_cpu_has(X86_FEATURE_LA57)) {
		report_skip("5-level paging: CPUID.7:ECX.LA57 is clear");
		return report_summary();
	}
	*before = 0x12345678;
	*page = 0x57575757;
	report(!is_la57_enabled(), "4-level paging before the switch");
	report(read_byte_vector(VA_57) == GP_VECTOR,
	       "%#lx is not canonical with 4 levels", VA_57);

	setup_5level_page_table();
	cr4 = read_cr4();
	report(is_la57_enabled(), "CR4.LA57 is set");
	report(((read_rflags() ^ flags) & X86_EFLAGS_IF) == 0 &&
	       (cr4 & X86_CR4_PAE) && (rdmsr(MSR_EFER) & EFER_LMA),
	       "still in long mode, RFLAGS.IF as before");
	report(*before == 0x12345678 && *page == 0x57575757,
	       "memory mapped before keeps its address (vmalloc'd and identity)");

	install_page(current_page_table(), virt_to_phys(page), (void *)VA_57);
	pte = get_pte(current_page_table(), (void *)VA_57);
	report(pte && (*pte & PT_ADDR_MASK) == virt_to_phys(page),
	       "get_pte() finds the page installed at %#lx", VA_57);
	report(read_byte_vector(VA_57) == 0 &&
	       *(volatile u32 *)VA_57 == 0x57575757,
	       "a read at %#lx reaches the page (PML5 entry 1)", VA_57);
	*(volatile u32 *)(VA_57 + 4) = 0xa5a5a5a5;
	report(page[1] == 0xa5a5a5a5, "so does a write");

	after = vmalloc(PAGE_SIZE);
	if (after)
		*after = 0xcafe;
	report(after && *after == 0xcafe &&
	       virt_to_pte_phys(current_page_table(), after) != 0,
	       "vmalloc() maps after the switch");
	report(read_byte_vector(NONCANONICAL_57) == GP_VECTOR,
	       "%#lx is not canonical with 5 levels: #GP", NONCANONICAL_57);
	report(write_cr4_safe(cr4 & ~X86_CR4_LA57) == GP_VECTOR,
	       "clearing CR4.LA57 in long mode: #GP");

	setup_5level_page_table();
	report(read_cr4() == cr4, "a second call changes nothing");
	return report_summary();
}
