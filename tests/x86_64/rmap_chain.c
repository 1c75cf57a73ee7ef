// SPDX-License-Identifier: MIT
/*
 * rmap_chain.c - one guest page mapped at many virtual addresses at once:
 * a shadow MMU (KVM without TDP, as on PVM) then keeps a long reverse-map
 * chain for that page, which it must walk whenever the page's mappings
 * change.  Every alias must read what any alias wrote; aliases moved to
 * another page (PTE rewritten, INVLPG) must read that page and the
 * others still the first; aliases unmapped must fault.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <vmalloc.h>
#include <asm/page.h>
#include <x86/processor.h>
#include <x86/vm.h>

#define ALIASES		16384

static unsigned int try_read(volatile u32 *p)
{
	u32 v;

	asm volatile(ASM_TRY("1f") "movl (%1), %0\n\t" "1:"
		     : "=r"(v) : "r"(p) : "memory");
	(void)v;
	return exception_vector();
}

int main(void)
{
	pgd_t *cr3 = current_page_table();
	u32 *a = alloc_page(), *b = alloc_page();
	u8 *base = alloc_vpages(ALIASES);
	pteval_t **ptes = malloc(ALIASES * sizeof(*ptes));
	unsigned long i, bad;

	*a = 0x11111111;
	*b = 0xbbbbbbbb;
	for (i = 0; i < ALIASES; i++)
		ptes[i] = install_page(cr3, virt_to_phys(a), base + i * PAGE_SIZE);

	for (i = 0, bad = 0; i < ALIASES; i++)
		bad += *(volatile u32 *)(base + i * PAGE_SIZE) != 0x11111111;
	report(!bad, "%d aliases of one page read its value (%lu wrong)", ALIASES, bad);

	*(volatile u32 *)(base + (ALIASES - 1) * PAGE_SIZE) = 0x22222222;
	for (i = 0, bad = 0; i < ALIASES; i++)
		bad += *(volatile u32 *)(base + i * PAGE_SIZE) != 0x22222222;
	report(!bad && *a == 0x22222222,
	       "a write through the last alias is seen through all (%lu wrong)", bad);

	for (i = 0; i < ALIASES; i += 2) {
		*ptes[i] = (*ptes[i] & ~PT_ADDR_MASK) | virt_to_phys(b);
		invlpg(base + i * PAGE_SIZE);
	}
	for (i = 0, bad = 0; i < ALIASES; i++)
		bad += *(volatile u32 *)(base + i * PAGE_SIZE) !=
		       (i % 2 ? 0x22222222u : 0xbbbbbbbbu);
	report(!bad, "half the aliases moved to a second page read it (%lu wrong)", bad);

	for (i = 0; i < ALIASES; i++) {
		*ptes[i] = 0;
		invlpg(base + i * PAGE_SIZE);
	}
	for (i = 0, bad = 0; i < ALIASES; i += 97)
		bad += try_read((volatile u32 *)(base + i * PAGE_SIZE)) != PF_VECTOR;
	report(!bad, "unmapped aliases fault (%lu did not)", bad);
	report(*a == 0x22222222 && *b == 0xbbbbbbbb, "both pages keep their data");
	return report_summary();
}
