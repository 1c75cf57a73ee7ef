// SPDX-License-Identifier: MIT
/*
 * mmu.c - translation tables for arm and arm64 (asm/mmu-api.h).
 *
 * Both arches use the same descriptor format from level 1 down (1 GiB,
 * 2 MiB, 4 KiB), so one walker serves both; arm64 has a level 0 above
 * (512 GiB an entry, tables only), arm four level-1 entries, and the
 * registers differ (arm64/mmu-regs.c, arm32/mmu-regs.c).
 * Boot builds mmu_idmap before the page allocator exists, from a small
 * pool of static pages; later tables come from alloc_page().  Changing
 * part of a block splits it into a table of the next level with the same
 * attributes, breaking the old entry first (break-before-make) when the
 * MMU is on.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <asm/mmu.h>
#include <asm/io.h>
#include <asm/setup.h>
#include <asm/thread_info.h>
#include <cpumask.h>

#include "../boot.h"
#include "arm.h"
#include "mmu-regs.h"

#define EARLY_TABLES	8
#define RAM_START	(1ULL << 30)
#ifdef __aarch64__
#define FIRST_LEVEL	0
/* RAM of the virt machine ends below its high device space at 256 GiB. */
#define RAM_END		(256ULL << 30)
/*
 * The identity map covers the virt machine's address map up to the end
 * of its high PCIe MMIO window: [512 GiB, 1 TiB).
 */
#define IDMAP_END	(1ULL << 40)
#else
#define FIRST_LEVEL	1
#define RAM_END		(4ULL << 30)
#define IDMAP_END	(4ULL << 30)
#endif

pgd_t *mmu_idmap;

/* CPUs whose MMU is on, for mmu_enabled() in user mode. */
static cpumask_t mmu_enabled_cpumask;

static u64 early_tables[EARLY_TABLES][PTRS_PER_PTE]
	__attribute__((aligned(PAGE_SIZE)));
static int early_used;

extern char __text_end[];

static u64 *table_alloc(void)
{
	u64 *t;

	if (early_used < EARLY_TABLES)
		return early_tables[early_used++];
	if (!page_alloc_initialized()) {
		printf("mmu: out of boot page tables\n");
		abort();
	}
	t = alloc_page();
	assert(t);
	return t;
}

pgd_t *pgd_alloc(void)
{
	u64 *t = table_alloc();

	memset(t, 0, PAGE_SIZE);
	return (pgd_t *)t;
}

static unsigned int level_shift(int level)
{
	return PAGE_SHIFT + 9 * (3 - level);
}

static unsigned int index_at(uintptr_t va, int level)
{
	unsigned int n = level == FIRST_LEVEL ? PTRS_PER_PGD : PTRS_PER_PTE;

	return ((u64)va >> level_shift(level)) & (n - 1);
}

static bool is_table(u64 e, int level)
{
	return level < 3 && (e & PTE_TYPE_MASK) == PTE_TYPE_TABLE;
}

bool mmu_enabled(void)
{
	/*
	 * No locks or atomics here: they may ask us.  EL0 cannot read
	 * SCTLR, so user mode goes by what was recorded.
	 */
	if (is_user())
		return cpumask_test_cpu(current_thread_info()->cpu,
					&mmu_enabled_cpumask);
	return __mmu_enabled();
}

void mmu_mark_enabled(int cpu)
{
	cpumask_set_cpu(cpu, &mmu_enabled_cpumask);
}

void mmu_mark_disabled(int cpu)
{
	cpumask_clear_cpu(cpu, &mmu_enabled_cpumask);
}

static void set_entry(u64 *slot, u64 val)
{
	if (mmu_enabled() && (*slot & PTE_VALID)) {
		/* Break before make. */
		WRITE_ONCE(*slot, 0);
		flush_tlb_all();
	}
	WRITE_ONCE(*slot, val);
	if (mmu_enabled())
		flush_tlb_all();
}

/* Replace the block in @slot (at @level) with a table of the next level. */
static void split_block(u64 *slot, int level)
{
	u64 *t = table_alloc();
	u64 block = *slot;
	u64 attrs = block & ~PTE_ADDR_MASK & ~PTE_TYPE_MASK;
	u64 base = block & PTE_ADDR_MASK;
	u64 step = 1ULL << level_shift(level + 1);
	u64 type = level + 1 == 3 ? PTE_TYPE_PAGE : PTE_TYPE_BLOCK;
	int i;

	for (i = 0; i < PTRS_PER_PTE; i++)
		t[i] = (base + i * step) | attrs | type;
	dsb(ishst);
	set_entry(slot, (uintptr_t)t | PTE_TYPE_TABLE);
}

/*
 * The entry for @va at @level, creating (or splitting into) tables on the
 * way if @create; NULL when a level above has nothing and !@create.
 */
static u64 *walk(pgd_t *pgtable, uintptr_t va, int level, bool create)
{
	u64 *t = (u64 *)pgtable;
	int l;

	for (l = FIRST_LEVEL; l < level; l++) {
		u64 *slot = &t[index_at(va, l)];

		if (!(*slot & PTE_VALID)) {
			u64 *n;

			if (!create)
				return NULL;
			n = table_alloc();
			memset(n, 0, PAGE_SIZE);
			dsb(ishst);
			set_entry(slot, (uintptr_t)n | PTE_TYPE_TABLE);
		} else if (!is_table(*slot, l)) {
			if (!create)
				return slot;
			split_block(slot, l);
		}
		t = (u64 *)(uintptr_t)(*slot & PTE_ADDR_MASK);
	}
	return &t[index_at(va, level)];
}

/* Every mapping is accessed (AF) and inner shareable, as upstream's are. */
static void map_one(pgd_t *pgtable, uintptr_t va, phys_addr_t pa, int level,
		    u64 prot)
{
	u64 *slot = walk(pgtable, va, level, true);
	u64 type = level == 3 ? PTE_TYPE_PAGE : PTE_TYPE_BLOCK;

	set_entry(slot, (pa & PTE_ADDR_MASK) | (prot & ~PTE_TYPE_MASK) | type |
		  PTE_AF | PTE_SHARED);
}

void mmu_set_range_ptes(pgd_t *pgtable, uintptr_t virt_offset,
			phys_addr_t phys_start, phys_addr_t phys_end,
			pgprot_t prot)
{
	phys_addr_t pa;
	uintptr_t va = virt_offset;

	for (pa = phys_start; pa < phys_end; pa += PAGE_SIZE, va += PAGE_SIZE)
		map_one(pgtable, va, pa, 3, pgprot_val(prot));
}

void mmu_set_range_sect(pgd_t *pgtable, uintptr_t virt_offset,
			phys_addr_t phys_start, phys_addr_t phys_end,
			pgprot_t prot)
{
	phys_addr_t pa = phys_start;
	uintptr_t va = virt_offset;

	while (pa < phys_end) {
		if (!(pa & (PMD_SIZE - 1)) && !(va & (PMD_SIZE - 1)) &&
		    phys_end - pa >= PMD_SIZE) {
			map_one(pgtable, va, pa, 2, pgprot_val(prot));
			pa += PMD_SIZE;
			va += PMD_SIZE;
		} else {
			map_one(pgtable, va, pa, 3, pgprot_val(prot));
			pa += PAGE_SIZE;
			va += PAGE_SIZE;
		}
	}
}

pteval_t *install_page(pgd_t *pgtable, phys_addr_t phys, void *virt)
{
	map_one(pgtable, (uintptr_t)virt, phys, 3, PTE_WBWA | PTE_USER | PTE_UXN);
	return walk(pgtable, (uintptr_t)virt, 3, false);
}

pteval_t *get_pte(pgd_t *pgtable, uintptr_t virt)
{
	u64 *t = (u64 *)pgtable;
	int l;

	for (l = FIRST_LEVEL; l <= 3; l++) {
		u64 *slot = &t[index_at(virt, l)];

		if (!(*slot & PTE_VALID))
			return NULL;
		if (!is_table(*slot, l))
			return slot;
		t = (u64 *)(uintptr_t)(*slot & PTE_ADDR_MASK);
	}
	return NULL;
}

pteval_t *follow_pte(pgd_t *pgtable, uintptr_t vaddr)
{
	return get_pte(pgtable, vaddr);
}

phys_addr_t virt_to_pte_phys(pgd_t *pgtable, void *mem)
{
	uintptr_t va = (uintptr_t)mem;
	u64 *t = (u64 *)pgtable;
	int l;

	for (l = FIRST_LEVEL; l <= 3; l++) {
		u64 e = t[index_at(va, l)];
		u64 size = 1ULL << level_shift(l);

		if (!(e & PTE_VALID))
			return va;
		if (!is_table(e, l))
			return (e & PTE_ADDR_MASK & ~(size - 1)) | (va & (size - 1));
		t = (u64 *)(uintptr_t)(e & PTE_ADDR_MASK);
	}
	return va;
}

void mmu_clear_user(pgd_t *pgtable, unsigned long vaddr)
{
	u64 *slot = walk(pgtable, vaddr, 3, true);

	set_entry(slot, *slot & ~PTE_USER);
	flush_tlb_page(vaddr);
}

/*
 * The boot identity map: devices below 1 GiB and above RAM, RAM as
 * write-back memory that EL0 may use too, and the image's text and
 * read-only data read-only and executable.
 */
static void setup_idmap(void)
{
	u64 va, ram = PTE_WBWA | PTE_USER | PTE_UXN;
	u64 dev = PTE_DEVICE | PTE_USER;
	uintptr_t text = (uintptr_t)__image_start & ~(PAGE_SIZE - 1);

	mmu_idmap = pgd_alloc();
	for (va = 0; va < IDMAP_END; va += PUD_SIZE)
		map_one(mmu_idmap, va, va, 1,
			va >= RAM_START && va < RAM_END ? ram : dev);
	mmu_set_range_ptes(mmu_idmap, text, text, (uintptr_t)__text_end,
			   __pgprot(PTE_WBWA | PTE_USER | PTE_RDONLY));
}

void mmu_enable(pgd_t *pgtable)
{
	struct thread_info *ti = current_thread_info();

	dsb(ish);
	arch_mmu_enable((uintptr_t)pgtable);
	ti->pgtable = pgtable;
	mmu_mark_enabled(ti->cpu);
}

void mmu_enable_idmap(void)
{
	mmu_enable(mmu_idmap);
}

void mmu_disable(void)
{
	mmu_mark_disabled(current_thread_info()->cpu);
	/* Everything written through the cache must reach memory first. */
	arch_dcache_clean_range((uintptr_t)__image_start, (uintptr_t)__image_end);
	arch_mmu_disable();
}

/*
 * Before this CPU's thread_info is filled in (its memory may be stale
 * with the MMU off): the caller records the tables and the state.
 */
void mmu_boot_setup(void)
{
	arch_cpu_init();
	if (!mmu_idmap)
		setup_idmap();
	dsb(ish);
	arch_mmu_enable((uintptr_t)mmu_idmap);
}

void *ioremap(uint64_t phys_addr, size_t size)
{
	u64 start = phys_addr & PAGE_MASK;
	u64 end = PAGE_ALIGN(phys_addr + size);

	assert(end <= IDMAP_END);
	/* Device space is mapped at boot; RAM used as MMIO is remapped. */
	if (end > RAM_START && start < RAM_END)
		mmu_set_range_ptes(mmu_idmap, start, start, end,
				   __pgprot(PTE_DEVICE | PTE_USER));
	return (void *)(uintptr_t)phys_addr;
}
