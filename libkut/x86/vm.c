// SPDX-License-Identifier: MIT
/*
 * vm.c - x86 page tables (x86/vm.h) and the x86 side of vmalloc.h:
 * setup_vm()'s map and vmalloc's window, for both modes: the walks are
 * written in levels (asm/page.h: 4 of 512 entries on x86_64, 2 of 1024
 * on i386), and only the window's place differs.
 *
 * Tables are pages from the page allocator, identity mapped, so an
 * entry's address field can be followed with phys_to_virt().  The boot
 * tables (start64.S, start32.S) are static; setup_vm() replaces them
 * with allocated ones that map all RAM (all that 32-bit paging reaches
 * on i386).  x86_64's window is one PML4 slot (the last), whose PDPT is
 * made once when the window is set up, so every top-level table that
 * copies the slot shares vmalloc's mappings.  i386's is upstream's,
 * [2 GiB, 3 GiB), which the identity map leaves out: 256 page-directory
 * entries, copied to the new tables by setup_vm().
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <vmalloc.h>
#include <x86/vm.h>

#include "../arch.h"
#include "../boot.h"

#ifdef __x86_64__
#define VM_WINDOW_START		0xffffff8000000000ul
/* The last page stays out, so an address plus a size never wraps to 0. */
#define VM_WINDOW_END		(~0ul - PAGE_SIZE + 1)
#else
#define VM_WINDOW_START		0x80000000ul
#define VM_WINDOW_END		0xc0000000ul
#endif
/* The top-level entries the window spans. */
#define VM_TOP_FIRST		PGDIR_OFFSET(VM_WINDOW_START, PAGE_LEVEL)
#define VM_TOP_LAST		PGDIR_OFFSET(VM_WINDOW_END - 1, PAGE_LEVEL)
#define LOW_4G			(1ull << 32)
#define PAT_LARGE_MASK		(1ull << 12)	/* PAT bit of a huge page */

/* What new entries get besides present and writable; see x86/vm.h. */
static pteval_t pte_opt_mask = PT_USER_MASK;

/* The tables vmalloc edits: the boot ones, then setup_vm()'s. */
static pgd_t *vm_root;

/* smp.h's, when the SMP code is linked in (see x86/vm.h). */
extern void on_cpus(void (*func)(void *data), void *data)
	__attribute__((weak));

static pteval_t *table_of(pteval_t entry)
{
	return phys_to_virt(entry & PT_ADDR_MASK);
}

static pteval_t *new_table(void)
{
	pteval_t *t = alloc_page();

	if (!t) {
		printf("x86/vm: no free page for a page table\n");
		abort();
	}
	return t;
}

/*
 * The level of the table CR3 points at: 5 once CR4.LA57 is set
 * (setup_5level_page_table()), else asm/page.h's PAGE_LEVEL.  Every
 * table handed to the walks below is taken as one of that level.
 */
static int top_level(void)
{
#ifdef __x86_64__
	if (is_la57_enabled())
		return 5;
#endif
	return PAGE_LEVEL;
}

static bool is_huge(pteval_t entry, int level)
{
	struct pte_search at = { .level = level, .pte = &entry };

	return found_huge_pte(at);
}

struct pte_search find_pte_level(pgd_t *cr3, void *virt, int lowest_level)
{
	struct pte_search s;
	pteval_t *pt = cr3;

	s.level = top_level();
	assert(lowest_level >= 1 && lowest_level <= s.level);
	for (; ; s.level--) {
		s.pte = &pt[PGDIR_OFFSET((uintptr_t)virt, s.level)];
		if (s.level == lowest_level || !(*s.pte & PT_PRESENT_MASK) ||
		    is_huge(*s.pte, s.level))
			return s;
		pt = table_of(*s.pte);
	}
}

pteval_t *get_pte(pgd_t *cr3, void *virt)
{
	struct pte_search s = find_pte_level(cr3, virt, 1);

	return found_leaf_pte(s) ? s.pte : NULL;
}

pteval_t *get_pte_level(pgd_t *cr3, void *virt, int pte_level)
{
	struct pte_search s = find_pte_level(cr3, virt, pte_level);

	return s.level == pte_level ? s.pte : NULL;
}

void split_large_page(unsigned long *ptep, int level)
{
	pteval_t entry = *ptep, attrs, *t;
	u64 step = 1ull << PGDIR_BITS(level - 1);
	u64 base;
	int i;

	assert(level == 2 || level == 3);
	assert(is_huge(entry, level));
	base = entry & PT_ADDR_MASK & ~((step << PGDIR_WIDTH) - 1);
	attrs = entry & ~PT_ADDR_MASK;
	if (level == 2) {
		/* 4 KiB entries: no PS bit, and PAT moves to bit 7. */
		attrs &= ~PT_PAGE_SIZE_MASK;
		if (entry & PAT_LARGE_MASK)
			attrs |= PT_PAT_MASK;
	} else {
		attrs |= entry & PAT_LARGE_MASK;
	}
	t = new_table();
	for (i = 0; i <= PGDIR_MASK; i++)
		t[i] = (base + i * step) | attrs;
	/* The table inherits the rights, which then apply to all of it. */
	*ptep = virt_to_phys(t) | (entry & ~PT_ADDR_MASK & ~PT_PAGE_SIZE_MASK);
	flush_tlb();
}

pteval_t *install_pte(pgd_t *cr3, int pte_level, void *virt, pteval_t pte,
		      pteval_t *pt_page)
{
	pteval_t *pt = cr3, *e;
	int level;

	level = top_level();
	assert(pte_level >= 1 && pte_level <= level);
	for (; level > pte_level; level--) {
		e = &pt[PGDIR_OFFSET((uintptr_t)virt, level)];
		if (!(*e & PT_PRESENT_MASK)) {
			pteval_t *t = pt_page ? pt_page : new_table();

			pt_page = NULL;
			memset(t, 0, PAGE_SIZE);
			*e = virt_to_phys(t) | PT_PRESENT_MASK |
			     PT_WRITABLE_MASK | pte_opt_mask;
		} else if (is_huge(*e, level)) {
			split_large_page(e, level);
		}
		pt = table_of(*e);
	}
	e = &pt[PGDIR_OFFSET((uintptr_t)virt, level)];
	*e = pte;
	return e;
}

pteval_t *install_large_page(pgd_t *cr3, phys_addr_t phys, void *virt)
{
	return install_pte(cr3, 2, virt, phys | PT_PRESENT_MASK |
			   PT_WRITABLE_MASK | PT_PAGE_SIZE_MASK | pte_opt_mask,
			   NULL);
}

pteval_t *install_page(pgd_t *cr3, phys_addr_t phys, void *virt)
{
	return install_pte(cr3, 1, virt, phys | PT_PRESENT_MASK |
			   PT_WRITABLE_MASK | pte_opt_mask, NULL);
}

void install_pages(pgd_t *cr3, phys_addr_t phys, size_t len, void *virt)
{
	uintptr_t va = (uintptr_t)virt;
	size_t off;

	assert(!(phys & ~PAGE_MASK) && !(va & ~PAGE_MASK) &&
	       !(len & ~PAGE_MASK));
	for (off = 0; off < len; off += PAGE_SIZE)
		install_page(cr3, phys + off, (void *)(va + off));
}

bool any_present_pages(pgd_t *cr3, void *virt, size_t len)
{
	uintptr_t va = (uintptr_t)virt & PAGE_MASK;
	uintptr_t end = (uintptr_t)virt + len;
	pteval_t *pte;

	for (; va < end; va += PAGE_SIZE) {
		pte = get_pte(cr3, (void *)va);
		if (pte && (*pte & PT_PRESENT_MASK))
			return true;
	}
	return false;
}

void set_pte_opt_mask(void)
{
	pte_opt_mask = PT_USER_MASK;
}

void reset_pte_opt_mask(void)
{
	pte_opt_mask = 0;
}

void __setup_mmu_range(pgd_t *cr3, phys_addr_t start, size_t len,
		       enum x86_mmu_flags mmu_flags)
{
	pteval_t saved = pte_opt_mask;
	phys_addr_t pa = start, end = start + len;

	if (mmu_flags & X86_MMU_MAP_USER)
		pte_opt_mask |= PT_USER_MASK;
	while (pa < end) {
		if ((mmu_flags & X86_MMU_MAP_HUGE) &&
		    !(pa & (LARGE_PAGE_SIZE - 1)) && end - pa >= LARGE_PAGE_SIZE) {
			install_large_page(cr3, pa, (void *)(uintptr_t)pa);
			pa += LARGE_PAGE_SIZE;
		} else {
			install_page(cr3, pa, (void *)(uintptr_t)pa);
			pa += PAGE_SIZE;
		}
	}
	pte_opt_mask = saved;
}

void force_4k_page(void *addr)
{
	pgd_t *cr3 = current_page_table();
	pteval_t *e;
	int level;

	/* Large pages are PDPTEs (x86_64 only) and PDEs. */
	for (level = MIN(PAGE_LEVEL, PDPT_LEVEL); level >= 2; level--) {
		e = get_pte_level(cr3, addr, level);
		assert(e && (*e & PT_PRESENT_MASK));
		if (*e & PT_PAGE_SIZE_MASK)
			split_large_page(e, level);
	}
}

void walk_pte(void *virt, size_t len, pte_callback_t callback)
{
	pgd_t *cr3 = current_page_table();
	uintptr_t va = (uintptr_t)virt, end = va + len, size;
	struct pte_search s;

	while (va < end) {
		s = find_pte_level(cr3, (void *)va, 1);
		assert(found_leaf_pte(s));
		callback(s, (void *)va);
		size = 1ul << PGDIR_BITS(s.level);
		va = (va & ~(size - 1)) + size;
		if (!va)
			break;
	}
}

phys_addr_t virt_to_pte_phys(pgd_t *cr3, void *mem)
{
	struct pte_search s = find_pte_level(cr3, mem, 1);
	u64 size = 1ull << PGDIR_BITS(s.level);

	assert(found_leaf_pte(s) && (*s.pte & PT_PRESENT_MASK));
	return (*s.pte & PT_ADDR_MASK & ~(size - 1)) |
	       ((uintptr_t)mem & (size - 1));
}

static void load_vm_root(void *data)
{
	(void)data;
	if ((read_cr3() & PT_ADDR_MASK) != virt_to_phys(vm_root))
		write_cr3(virt_to_phys(vm_root));
}

/* Where the identity map ends for RAM ending at @top: 4 GiB at least. */
static phys_addr_t identity_end(phys_addr_t top)
{
	phys_addr_t end = MAX(top, LOW_4G);

	/* 32-bit paging maps 4 GiB of virtual space, no more. */
	if (sizeof(uintptr_t) == 4)
		end = LOW_4G;
	return (end + LARGE_PAGE_SIZE - 1) & ~(phys_addr_t)(LARGE_PAGE_SIZE - 1);
}

void *setup_mmu(phys_addr_t top, void *opaque)
{
	pgd_t *old = vm_root ? vm_root : current_page_table();
	pgd_t *root = new_table();
	phys_addr_t end = identity_end(top), pa;
	unsigned int i;

	pte_opt_mask = opaque ? *(pteval_t *)opaque : PT_USER_MASK;
	for (pa = 0; pa < end; pa += LARGE_PAGE_SIZE)
		if (pa + LARGE_PAGE_SIZE <= VM_WINDOW_START || pa >= VM_WINDOW_END)
			install_large_page(root, pa, (void *)(uintptr_t)pa);
	for (i = VM_TOP_FIRST; i <= VM_TOP_LAST; i++)
		root[i] = old[i];
	vm_root = root;
	write_cr3(virt_to_phys(root));
	/* The other CPUs follow (on_cpus() runs it here too: a no-op). */
	if (on_cpus)
		on_cpus(load_vm_root, NULL);
	return root;
}

void arch_setup_vm(void *opaque)
{
	phys_addr_t top = kut_ram_end();

	setup_mmu(top, opaque);
	/* RAM in or above i386's window stays out of reach. */
	kut_mem_extend(MIN(identity_end(top), (phys_addr_t)VM_WINDOW_START));
}

void arch_vm_window(uintptr_t *start, uintptr_t *end)
{
	if (!vm_root)
		vm_root = current_page_table();
	/*
	 * A window of one top-level entry gets its table now, so that every
	 * root that copies the entry shares what vmalloc maps later.
	 */
	if (VM_TOP_FIRST == VM_TOP_LAST &&
	    !(vm_root[VM_TOP_FIRST] & PT_PRESENT_MASK))
		vm_root[VM_TOP_FIRST] = virt_to_phys(new_table()) |
					PT_PRESENT_MASK | PT_WRITABLE_MASK |
					PT_USER_MASK;
	*start = VM_WINDOW_START;
	*end = VM_WINDOW_END;
}

void arch_vm_map(uintptr_t virt, uint64_t phys)
{
	install_page(vm_root, phys, (void *)virt);
}

uint64_t arch_vm_unmap(uintptr_t virt)
{
	pteval_t *pte = get_pte(vm_root, (void *)virt);
	uint64_t phys;

	if (!pte || !(*pte & PT_PRESENT_MASK))
		return ARCH_VM_NO_PAGE;
	phys = *pte & PT_ADDR_MASK;
	*pte = 0;
	invlpg((void *)virt);
	return phys;
}

#ifdef __x86_64__
/* start64.S: leave IA-32e mode, set CR4.LA57, load @root, come back. */
void kut_x86_la57_switch(u32 root);

void setup_5level_page_table(void)
{
	static pteval_t pml5[512] __attribute__((aligned(PAGE_SIZE)));
	pteval_t pml4 = (read_cr3() & PT_ADDR_MASK) | PT_PRESENT_MASK |
			PT_WRITABLE_MASK | PT_USER_MASK;
	ulong cr4 = read_cr4(), flags;

	if (cr4 & X86_CR4_LA57)
		return;
	if (!this_cpu_has(X86_FEATURE_LA57)) {
		printf("setup_5level_page_table: the CPU has no 5-level paging "
		       "(CPUID.7:ECX.LA57); check this_cpu_has(X86_FEATURE_LA57) first\n");
		abort();
	}
	/*
	 * A 48-bit canonical address is 57-bit canonical with the same
	 * sign: the lower half goes through PML5 entry 0, the upper half
	 * (vmalloc's window) through entry 511, so with both holding the
	 * current PML4 everything mapped now keeps its address.  The
	 * entries are user-accessible: the levels below decide.
	 */
	pml5[0] = pml4;
	pml5[PGDIR_MASK] = pml4;
	/* Paging cannot go off with PCIDE set; it comes back afterwards. */
	if (cr4 & X86_CR4_PCIDE)
		write_cr4(cr4 & ~X86_CR4_PCIDE);
	flags = read_rflags();
	cli();
	kut_x86_la57_switch(virt_to_phys(pml5));
	write_rflags(flags);
	if (cr4 & X86_CR4_PCIDE)
		write_cr4(read_cr4() | X86_CR4_PCIDE);
	vm_root = (pgd_t *)pml5;
}
#endif
