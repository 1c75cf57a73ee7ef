// SPDX-License-Identifier: MIT
/*
 * vm.c - virtual memory as upstream tests use it: setup_vm() from
 * libcflat.h, vmalloc.h's virtual pages, install_page() and
 * virt_to_pte_phys() on the arch's tables, and on x86 the page-table
 * walkers of x86/vm.h.
 */
#include "libcflat.h"
#include "alloc_page.h"
#include "vmalloc.h"
#include "asm/page.h"
#include "asm/io.h"
#if defined(__x86_64__) || defined(__i386__)
#define X86_VM
#include "x86/vm.h"
#elif defined(__s390x__)
#include "asm/arch_def.h"
#include "mmu.h"
#else
#include "asm/mmu.h"
#endif

static pgd_t *page_root(void)
{
#ifdef X86_VM
	return current_page_table();
#elif defined(__s390x__)
	/* s390x tests take the primary space's tables from CR1. */
	return (pgd_t *)(stctg(1) & PAGE_MASK);
#else
	return mmu_idmap;
#endif
}

int main(void)
{
	u32 *page, *alias, *mapped, *big;

	setup_vm();
	page = alloc_page();
	alias = alloc_vpage();
	install_page(page_root(), virt_to_phys(page), alias);
	alias[1] = 0xabcd1234;
	report(page[1] == 0xabcd1234, "install_page() at alloc_vpage()");
	report(virt_to_pte_phys(page_root(), alias) == virt_to_phys(page),
	       "virt_to_pte_phys()");
	mapped = vmap(virt_to_phys(page), PAGE_SIZE);
	report(mapped && mapped[1] == 0xabcd1234, "vmap()");
	big = malloc(5 * PAGE_SIZE);
	report(big && virt_to_pte_phys(page_root(), big) != (phys_addr_t)(ulong)big,
	       "malloc() after setup_vm() is virtual memory");
	free(big);
#ifdef X86_VM
	{
		pteval_t *pte = get_pte(page_root(), alias);
		struct pte_search s = find_pte_level(page_root(), alias, 1);

		report(pte && pte == get_pte_level(page_root(), alias, 1) &&
		       s.pte == pte && found_leaf_pte(s), "get_pte(), find_pte_level()");
		install_pte(page_root(), 1, alias, *pte & ~PT_WRITABLE_MASK, NULL);
		invlpg(alias);
		report(!(*get_pte(page_root(), alias) & PT_WRITABLE_MASK) &&
		       alias[1] == 0xabcd1234, "install_pte()");
	}
#endif
	return report_summary();
}
