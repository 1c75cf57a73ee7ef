// SPDX-License-Identifier: MIT
/*
 * mmu.c - radix translation on pseries (asm/mmu.h), built on first need.
 *
 * Tables are carved from 64 KiB pages of the page allocator, each aligned
 * to its own size as the MMU requires (64 KiB root, 4 KiB middle levels,
 * 256-byte last level).  The process table (4 KiB, PID 1's entry only)
 * is registered once with H_REGISTER_PROCESS_TABLE, with guest TLB
 * shootdown (GTSE) so that tlbie works.  Entries are stored big-endian.
 * Whether CPUs translate is one flag for all: each CPU follows it when it
 * starts, when it takes on_cpu() work (smp.c), and when it is the one
 * that changes it.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <vmalloc.h>
#include <asm/hcall.h>
#include <asm/io.h>
#include <asm/mmu.h>
#include <asm/processor.h>
#include <asm/smp.h>

#include "../arch.h"
#include "../boot.h"
#include "powerpc.h"

#define PID			1
/* The process table entry's RTS for a 52-bit space, and RPDS (64 KiB). */
#define PRTB_RTS_52		((0x2UL << 61) | (0x5UL << 5))
#define PRTB_RPDS		13
#define NLS_4K			9	/* log2 of a table's entry count */
#define NLS_256			5
#define AP_64K			5	/* tlbie's actual page size code */
#define MAX_IO_RANGES		8

pgd_t *mmu_idmap;
static pgd_t *active;
static u64 *process_table;
static volatile bool translate;

static struct {
	u64 start, end;
} io_ranges[MAX_IO_RANGES];
static int nr_io_ranges;

/* Page-table memory: bump allocation, aligned to the size asked for. */
static u8 *pool, *pool_end;

static void *table_alloc(size_t size)
{
	uintptr_t p = ALIGN((uintptr_t)pool, size);

	if (!pool || p + size > (uintptr_t)pool_end) {
		pool = alloc_page();
		assert_msg(pool, "no memory for page tables");
		pool_end = pool + PAGE_SIZE;
		p = (uintptr_t)pool;
	}
	pool = (u8 *)(p + size);
	memset((void *)p, 0, size);
	return (void *)p;
}

static unsigned int index_at(uintptr_t va, int level)
{
	static const int shift[] = { PGDIR_SHIFT, PUD_SHIFT, PMD_SHIFT, PAGE_SHIFT };
	static const unsigned int n[] = { PTRS_PER_PGD, PTRS_PER_PUD,
					  PTRS_PER_PMD, PTRS_PER_PTE };

	return (va >> shift[level]) & (n[level] - 1);
}

/* The table an entry points to (entries are big-endian). */
static u64 *next_table(u64 entry)
{
	return (u64 *)(uintptr_t)(be64_to_cpu(entry) & PHYS_MASK & ~0xffUL);
}

/* The last-level entry of @va, creating tables when @create. */
static u64 *walk(pgd_t *pgtable, uintptr_t va, bool create)
{
	static const size_t size[] = { 0, PTRS_PER_PUD * 8, PTRS_PER_PMD * 8,
				       PTRS_PER_PTE * 8 };
	static const unsigned long nls[] = { 0, NLS_4K, NLS_4K, NLS_256 };
	u64 *t = (u64 *)pgtable, *e, *next;
	int level;

	for (level = 0; level < 3; level++) {
		e = &t[index_at(va, level)];
		if (!(be64_to_cpu(*e) & _PAGE_VALID)) {
			if (!create)
				return NULL;
			next = table_alloc(size[level + 1]);
			WRITE_ONCE(*e, cpu_to_be64(_PAGE_VALID | (uintptr_t)next |
						   nls[level + 1]));
		}
		t = next_table(*e);
	}
	return &t[index_at(va, 3)];
}

/* tlbie/tlbiel RB=r3, RS=r4, RIC, PRS=1 (process scoped), R=1 (radix). */
#define TLBIE(ric)	(0x7c831a64 | (ric) << 18)
#define TLBIEL(ric)	(0x7c831a24 | (ric) << 18)
#define PTESYNC		".long 0x7c4004ac\n\t"
#define TLBSYNC		".long 0x7c00046c\n\t"

void flush_tlb_page(uintptr_t vaddr)
{
	register unsigned long rb asm("r3") = (vaddr & ~0xfffUL) | AP_64K << 5;
	register unsigned long rs asm("r4") = (unsigned long)PID << 32;

	asm volatile(PTESYNC ".long %2\n\teieio\n\t" TLBSYNC PTESYNC
		     : : "r"(rb), "r"(rs), "i"(TLBIE(0)) : "memory");
}

void flush_tlb_page_local(uintptr_t vaddr)
{
	register unsigned long rb asm("r3") = (vaddr & ~0xfffUL) | AP_64K << 5;
	register unsigned long rs asm("r4") = (unsigned long)PID << 32;

	asm volatile(PTESYNC ".long %2\n\t" PTESYNC
		     : : "r"(rb), "r"(rs), "i"(TLBIEL(0)) : "memory");
}

/* Every translation of PID 1, on every CPU (RIC 2, IS 1: the PID). */
static void flush_tlb_pid(void)
{
	register unsigned long rb asm("r3") = 1UL << 10;
	register unsigned long rs asm("r4") = (unsigned long)PID << 32;

	asm volatile(PTESYNC ".long %2\n\teieio\n\t" TLBSYNC PTESYNC
		     : : "r"(rb), "r"(rs), "i"(TLBIE(2)) : "memory");
}

static void map(pgd_t *pgtable, uintptr_t va, u64 pa, u64 flags)
{
	u64 *e = walk(pgtable, va, true);

	if (be64_to_cpu(*e) & _PAGE_VALID) {
		WRITE_ONCE(*e, 0);
		flush_tlb_page(va);
	}
	WRITE_ONCE(*e, cpu_to_be64(_PAGE_VALID | _PAGE_PTE | (pa & PTE_ADDR_MASK) |
				   _PAGE_READ | _PAGE_WRITE | _PAGE_EXEC |
				   _PAGE_ACCESSED | _PAGE_DIRTY | flags));
	asm volatile(PTESYNC : : : "memory");
}

static void map_io(pgd_t *pgtable, u64 start, u64 end)
{
	u64 pa;

	for (pa = start & PAGE_MASK; pa < end; pa += PAGE_SIZE)
		map(pgtable, pa, pa, _PAGE_NON_IDEMPOTENT);
}

/* PID 1's process table entry: translate with @pgtable. */
static void set_process_table(pgd_t *pgtable)
{
	long rc;

	if (!process_table) {
		assert_msg(cpu_has_radix, "virtual memory needs the radix MMU (POWER9 and later)");
		process_table = table_alloc(4096);
		rc = hcall(H_REGISTER_PROCESS_TABLE, PTBL_NEW | PTBL_RADIX | PTBL_GTSE,
			   virt_to_phys(process_table), 0, 0);
		assert_msg(rc == H_SUCCESS, "H_REGISTER_PROCESS_TABLE: %ld", rc);
	}
	process_table[2 * PID] = cpu_to_be64(PRTB_RTS_52 | (uintptr_t)pgtable | PRTB_RPDS);
	process_table[2 * PID + 1] = 0;
	active = pgtable;
	flush_tlb_pid();
}

static pgd_t *idmap(void)
{
	uint64_t pa, end = kut_ram_end();
	int i;

	if (mmu_idmap)
		return mmu_idmap;
	mmu_idmap = table_alloc(PTRS_PER_PGD * 8);
	for (pa = PAGE_SIZE; pa < end; pa += PAGE_SIZE)
		map(mmu_idmap, pa, pa, 0);
	for (i = 0; i < nr_io_ranges; i++)
		map_io(mmu_idmap, io_ranges[i].start, io_ranges[i].end);
	return mmu_idmap;
}

bool mmu_enabled(void)
{
	return (mfmsr() & (MSR_IR | MSR_DR)) == (MSR_IR | MSR_DR);
}

static void cpu_translate(bool on)
{
	if (on) {
		mtspr(SPR_PIDR, PID);
		asm volatile("isync" : : : "memory");
		mtmsr(mfmsr() | MSR_IR | MSR_DR);
	} else {
		mtmsr(mfmsr() & ~(MSR_IR | MSR_DR));
	}
	asm volatile("isync" : : : "memory");
	current_cpu()->pgtable = on ? active : NULL;
}

void mmu_enable(pgd_t *pgtable)
{
	if (!pgtable)
		pgtable = idmap();
	if (pgtable != active)
		set_process_table(pgtable);
	translate = true;
	smp_mb();
	cpu_translate(true);
}

void mmu_disable(void)
{
	translate = false;
	smp_mb();
	cpu_translate(false);
}

void ppc_mmu_follow(void)
{
	if (translate != mmu_enabled())
		cpu_translate(translate);
}

pteval_t *get_pte(pgd_t *pgtable, uintptr_t vaddr)
{
	u64 *e = walk(pgtable ? pgtable : idmap(), vaddr, false);

	return e && (be64_to_cpu(*e) & _PAGE_VALID) ? e : NULL;
}

pteval_t *install_page(pgd_t *pgtable, phys_addr_t phys, void *virt)
{
	pgtable = pgtable ? pgtable : idmap();
	map(pgtable, (uintptr_t)virt & PAGE_MASK, phys, 0);
	return walk(pgtable, (uintptr_t)virt, false);
}

phys_addr_t virt_to_pte_phys(pgd_t *pgtable, void *virt)
{
	pteval_t *e = get_pte(pgtable, (uintptr_t)virt);

	if (!e)
		return 0;
	return (be64_to_cpu(*e) & PTE_ADDR_MASK) | ((uintptr_t)virt & ~PAGE_MASK);
}

unsigned long virt_to_phys(const volatile void *virt)
{
	uintptr_t va = (uintptr_t)virt;

	if (va < VM_WINDOW_START || !active)
		return va;
	return virt_to_pte_phys(active, (void *)va);
}

void *ioremap(uint64_t phys_addr, size_t size)
{
	if (size && nr_io_ranges < MAX_IO_RANGES) {
		io_ranges[nr_io_ranges].start = phys_addr;
		io_ranges[nr_io_ranges].end = phys_addr + size;
		nr_io_ranges++;
		if (mmu_idmap)
			map_io(mmu_idmap, phys_addr, phys_addr + size);
	}
	return (void *)(uintptr_t)phys_addr;
}

void *setup_mmu(phys_addr_t top, void *opaque)
{
	(void)top;
	(void)opaque;
	mmu_enable(idmap());
	return mmu_idmap;
}

/* ---- vmalloc's window: far above RAM and the PCI windows ---- */

void arch_vm_window(uintptr_t *start, uintptr_t *end)
{
	mmu_enable(idmap());
	*start = VM_WINDOW_START;
	*end = VM_WINDOW_END - PAGE_SIZE;
}

void arch_vm_map(uintptr_t virt, uint64_t phys)
{
	map(idmap(), virt, phys, 0);
}

uint64_t arch_vm_unmap(uintptr_t virt)
{
	u64 *e = get_pte(idmap(), virt);
	uint64_t phys;

	if (!e)
		return ARCH_VM_NO_PAGE;
	phys = be64_to_cpu(*e) & PTE_ADDR_MASK;
	WRITE_ONCE(*e, 0);
	flush_tlb_page(virt);
	return phys;
}

/* All RAM is mapped now: the allocator gets what real mode could not reach. */
void arch_setup_vm(void *opaque)
{
	(void)opaque;
	mmu_enable(idmap());
	kut_mem_extend(kut_ram_end());
}
