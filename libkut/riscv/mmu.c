// SPDX-License-Identifier: MIT
/*
 * mmu.c - Sv39, Sv48 and Sv57 translation tables (asm/mmu.h).
 *
 * Boot builds mmu_idmap before the page allocator exists, from a small
 * pool of static pages; later tables come from alloc_page().  Changing
 * part of a large page (1 GiB or 2 MiB) splits it into a table of the
 * next level with the same permissions.  RISC-V needs no
 * break-before-make: an entry is rewritten in place, then SFENCE.VMA
 * drops stale translations, on other harts through the SBI remote fence.
 *
 * Every table walked here has the levels of one mode, the library's
 * (satp_mode, Sv39 at boot).  mmu_set_satp_mode() changes it by growing
 * or shrinking the tables' top in place of rebuilding them: a new root
 * whose first and last entries hold the old root's low and high halves
 * (or the reverse), so every mapping made so far, the vmalloc window's
 * included, carries over.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <smp.h>
#include <vmalloc.h>
#include <asm/mmu.h>
#include <asm/io.h>
#include <asm/sbi.h>
#include <asm/setup.h>
#include <asm/smp.h>

#include "../boot.h"
#include "riscv.h"

#define EARLY_TABLES	8
#define ROOT_LEVEL	(levels - 1)
/* The identity map covers the low half of the 39-bit space. */
#define IDMAP_END	(1UL << (VA_BITS - 1))
#define LEAF_BITS	(_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_DIRTY)
#define HALF		(PTRS_PER_PTE / 2)

pgd_t *mmu_idmap;

static unsigned long satp_mode = SATP_MODE_DEFAULT;
static int levels = NR_LEVELS;

static pteval_t early_tables[EARLY_TABLES][PTRS_PER_PTE]
	__attribute__((aligned(PAGE_SIZE)));
static int early_used;

extern char __text_end[];

static pteval_t *table_alloc(void)
{
	pteval_t *t;

	if (early_used < EARLY_TABLES) {
		t = early_tables[early_used++];
	} else {
		if (!page_alloc_initialized()) {
			printf("mmu: out of boot page tables\n");
			abort();
		}
		t = alloc_page();
		assert(t);
	}
	memset(t, 0, PAGE_SIZE);
	return t;
}

static unsigned int level_shift(int level)
{
	return PAGE_SHIFT + PGDIR_BITS * level;
}

static unsigned int pte_index(uintptr_t va, int level)
{
	return (va >> level_shift(level)) & PGDIR_MASK;
}

static phys_addr_t pte_phys(pteval_t e)
{
	return (phys_addr_t)((e & PTE_PPN) >> PPN_SHIFT) << PAGE_SHIFT;
}

static pteval_t phys_pte(phys_addr_t pa)
{
	return (pteval_t)(pa >> PAGE_SHIFT) << PPN_SHIFT;
}

static bool is_leaf(pteval_t e)
{
	return e & _PAGE_LEAF;
}

int satp_mode_levels(unsigned long mode)
{
	switch (mode) {
	case SATP_MODE_39:
		return 3;
	case SATP_MODE_48:
		return 4;
	case SATP_MODE_57:
		return 5;
	}
	return 0;
}

unsigned long mmu_satp_mode(void)
{
	return satp_mode;
}

unsigned int mmu_va_bits(void)
{
	return PAGE_SHIFT + PGDIR_BITS * levels;
}

void flush_tlb_all(void)
{
	int cpu, me = smp_processor_id();

	asm volatile("sfence.vma" : : : "memory");
	for_each_online_cpu(cpu)
		if (cpu != me)
			sbi_remote_sfence_vma(1, cpus[cpu].hartid, 0, -1UL);
}

void flush_tlb_page(unsigned long addr)
{
	int cpu, me = smp_processor_id();

	addr &= PAGE_MASK;
	local_flush_tlb_page(addr);
	for_each_online_cpu(cpu)
		if (cpu != me)
			sbi_remote_sfence_vma(1, cpus[cpu].hartid, addr, PAGE_SIZE);
}

/* Replace the large page in @slot (at @level) with a table of the next. */
static void split_leaf(pteval_t *slot, int level)
{
	pteval_t *t = table_alloc();
	pteval_t leaf = *slot;
	pteval_t attrs = leaf & ~PTE_PPN;
	phys_addr_t base = pte_phys(leaf);
	phys_addr_t step = 1UL << level_shift(level - 1);
	int i;

	for (i = 0; i < PTRS_PER_PTE; i++)
		t[i] = phys_pte(base + i * step) | attrs;
	smp_wmb();
	WRITE_ONCE(*slot, phys_pte((uintptr_t)t) | _PAGE_PRESENT);
	if (mmu_enabled())
		flush_tlb_all();
}

/*
 * The entry for @va at @level, creating (or splitting into) tables on the
 * way if @create; NULL if a level above maps nothing and !@create, or the
 * large page above if it maps @va and !@create.
 */
static pteval_t *walk(pgd_t *pgtable, uintptr_t va, int level, bool create)
{
	pteval_t *t = (pteval_t *)pgtable;
	int l;

	assert(pgtable && !((uintptr_t)pgtable & ~PAGE_MASK));
	for (l = ROOT_LEVEL; l > level; l--) {
		pteval_t *slot = &t[pte_index(va, l)];

		if (!(*slot & _PAGE_PRESENT)) {
			if (!create)
				return NULL;
			WRITE_ONCE(*slot, phys_pte((uintptr_t)table_alloc()) |
					  _PAGE_PRESENT);
		} else if (is_leaf(*slot)) {
			if (!create)
				return slot;
			split_leaf(slot, l);
		}
		t = (pteval_t *)(uintptr_t)pte_phys(*slot);
	}
	return &t[pte_index(va, level)];
}

pte_t *get_pte(pgd_t *pgtable, uintptr_t vaddr)
{
	return walk(pgtable, vaddr, 0, true);
}

static void map_one(pgd_t *pgtable, uintptr_t va, phys_addr_t pa, int level,
		    pteval_t prot, bool flush)
{
	pteval_t *slot = walk(pgtable, va, level, true);

	assert(!(pa & ~PHYS_MASK));
	WRITE_ONCE(*slot, phys_pte(pa) | prot | LEAF_BITS);
	if (flush)
		flush_tlb_page(va);
}

void mmu_set_range_ptes(pgd_t *pgtable, uintptr_t virt_offset,
			phys_addr_t phys_start, phys_addr_t phys_end,
			pgprot_t prot, bool flush)
{
	phys_addr_t pa = phys_start & PAGE_MASK;
	uintptr_t va = virt_offset & PAGE_MASK;

	for (; pa < phys_end; pa += PAGE_SIZE, va += PAGE_SIZE)
		map_one(pgtable, va, pa, 0, pgprot_val(prot), flush);
}

pteval_t *install_page(pgd_t *pgtable, phys_addr_t phys, void *virt)
{
	uintptr_t va = (uintptr_t)virt & PAGE_MASK;

	map_one(pgtable, va, phys & PAGE_MASK, 0, _PAGE_READ | _PAGE_WRITE,
		mmu_enabled());
	return walk(pgtable, va, 0, false);
}

phys_addr_t virt_to_pte_phys(pgd_t *pgtable, void *virt)
{
	uintptr_t va = (uintptr_t)virt;
	pteval_t *t = (pteval_t *)pgtable;
	int l;

	for (l = ROOT_LEVEL; l >= 0; l--) {
		pteval_t e = t[pte_index(va, l)];
		uintptr_t size = 1UL << level_shift(l);

		if (!(e & _PAGE_PRESENT))
			return 0;
		if (is_leaf(e))
			return (pte_phys(e) & ~(phys_addr_t)(size - 1)) | (va & (size - 1));
		t = (pteval_t *)(uintptr_t)pte_phys(e);
	}
	return 0;
}

unsigned long virt_to_phys(const volatile void *virt)
{
	if (!mmu_enabled())
		return (unsigned long)virt;
	return virt_to_pte_phys(current_pgtable(), (void *)virt);
}

void __mmu_enable(unsigned long satp)
{
	asm volatile("csrw satp, %0\n\tsfence.vma" : : "r"(satp) : "memory");
}

void mmu_enable(unsigned long mode, pgd_t *pgtable)
{
	unsigned long ppn = (uintptr_t)pgtable >> PAGE_SHIFT;

	assert(!(ppn & ~SATP_PPN));
	assert_msg(pgtable != mmu_idmap || mode == satp_mode,
		   "mmu_idmap has the levels of satp mode %lu, not %lu",
		   satp_mode >> SATP_MODE_SHIFT, mode >> SATP_MODE_SHIFT);
	__mmu_enable(mode | ppn);
}

/* A root one level up from @root: its halves at the two ends. */
static pteval_t *add_level(pteval_t *root)
{
	pteval_t *up = table_alloc(), *lo = table_alloc(), *hi = table_alloc();

	memcpy(lo, root, HALF * sizeof(*root));
	memcpy(hi + HALF, root + HALF, HALF * sizeof(*root));
	up[0] = phys_pte((uintptr_t)lo) | _PAGE_PRESENT;
	up[PTRS_PER_PTE - 1] = phys_pte((uintptr_t)hi) | _PAGE_PRESENT;
	return up;
}

/*
 * A root one level down from @root: the low half of its first table and
 * the high half of its last; what lies between is out of reach.
 */
static pteval_t *drop_level(pteval_t *root)
{
	pteval_t *down = table_alloc();
	pteval_t lo = root[0], hi = root[PTRS_PER_PTE - 1];

	assert_msg(!is_leaf(lo) && !is_leaf(hi),
		   "a page as large as the root's entries cannot shrink");
	if (lo & _PAGE_PRESENT)
		memcpy(down, (pteval_t *)(uintptr_t)pte_phys(lo),
		       HALF * sizeof(*down));
	if (hi & _PAGE_PRESENT)
		memcpy(down + HALF,
		       (pteval_t *)(uintptr_t)pte_phys(hi) + HALF,
		       HALF * sizeof(*down));
	return down;
}

static void switch_satp(void *data)
{
	__mmu_enable(*(unsigned long *)data);
}

bool mmu_set_satp_mode(unsigned long mode)
{
	int want = satp_mode_levels(mode), cpu, me = smp_processor_id();
	pteval_t *root = (pteval_t *)mmu_idmap;
	unsigned long old = csr_read(CSR_SATP), satp;
	bool on = mmu_enabled();

	assert_msg(want, "satp mode %lu: not Sv39, Sv48 or Sv57",
		   mode >> SATP_MODE_SHIFT);
	if (mode == satp_mode)
		return true;
	for (cpu = levels; cpu < want; cpu++)
		root = add_level(root);
	for (cpu = levels; cpu > want; cpu--)
		root = drop_level(root);
	/* satp is WARL: a mode the hart lacks leaves it as it was. */
	satp = mode | (uintptr_t)root >> PAGE_SHIFT;
	__mmu_enable(satp);
	if (csr_read(CSR_SATP) != satp) {
		__mmu_enable(old);
		return false;
	}
	if (!on)
		__mmu_enable(old);
	mmu_idmap = (pgd_t *)root;
	satp_mode = mode;
	levels = want;
	/* CPUs started later take CPU 0's satp; those running switch now. */
	if (on)
		for_each_online_cpu(cpu)
			if (cpu != me)
				on_cpu(cpu, switch_satp, &satp);
	return true;
}

void mmu_disable(void)
{
	__mmu_enable(0);
}

/*
 * The boot identity map: [0, 256 GiB) in 1 GiB pages, readable, writable
 * and executable, the image's text and read-only data read-only.
 */
static void setup_idmap(void)
{
	uintptr_t text = (uintptr_t)__image_start, va;
	pteval_t rwx = _PAGE_READ | _PAGE_WRITE | _PAGE_EXEC;

	mmu_idmap = (pgd_t *)table_alloc();
	for (va = 0; va < IDMAP_END; va += 1UL << level_shift(ROOT_LEVEL))
		map_one(mmu_idmap, va, va, ROOT_LEVEL, rwx, false);
	mmu_set_range_ptes(mmu_idmap, text, text, (uintptr_t)__text_end,
			   __pgprot(_PAGE_READ | _PAGE_EXEC), false);
}

void mmu_boot_setup(void)
{
	if (!mmu_idmap)
		setup_idmap();
	mmu_enable(satp_mode, mmu_idmap);
}

void *ioremap(uint64_t phys_addr, size_t size)
{
	assert(phys_addr + size <= IDMAP_END);
	return (void *)(uintptr_t)phys_addr;
}
