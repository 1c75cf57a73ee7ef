// SPDX-License-Identifier: MIT
/*
 * vm.c - the x86 MMU API (x86/vm.h) and setup_vm() against what the
 * MMU really does, on x86_64 and i386 (large pages are 2 MiB and 4 MiB);
 * vmalloc.h's portable side is tests/common/vmalloc.c.
 * One area per first argument (unittests.cfg):
 *   fault     #PF with the right CR2 and error code for vmalloc's guard
 *             page, a page after vfree(), a page made not present, a
 *             read-only page (CR0.WP on and off) and an NX page (x86_64:
 *             i386's 2-level paging has no NX bit)
 *   large     a large page, found and split (force_4k_page(), and
 *             install_pte() through it)
 *   setup-vm  setup_vm(): new CR3 on every CPU, the identity map user
 *             accessible in large pages, MMIO below 4 GiB mapped; then
 *             fault and large again on its tables
 *   highmem   setup_vm() hands RAM above 4 GiB out (run with -m 5G;
 *             x86_64 only)
 * and one that must end in FAIL, checked from outside by make check:
 *   vfree-bad vfree() of a pointer vmalloc never gave
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <vmalloc.h>
#include <smp.h>
#include <asm/page.h>
#include <x86/processor.h>
#include <x86/desc.h>
#include <x86/msr.h>
#include <x86/vm.h>

/* vmalloc's window (x86/vm.h). */
#ifdef __x86_64__
#define WINDOW_START	0xffffff8000000000ul
#define WINDOW_LAST	(~0ul)
#else
#define WINDOW_START	0x80000000ul
#define WINDOW_LAST	0xbffffffful
#endif
#define PF_ERR_P	(1u << 0)
#define PF_ERR_W	(1u << 1)
#define PF_ERR_ID	(1u << 4)
/* A large page's order and its number of 4 KiB pages. */
#define LARGE_ORDER	PGDIR_WIDTH
#define LARGE_PAGES	(1u << PGDIR_WIDTH)

static bool in_window(const void *p)
{
	return (uintptr_t)p - WINDOW_START <= WINDOW_LAST - WINDOW_START;
}

/* Read a byte at @p under ASM_TRY: the vector it raised, 0 if none. */
static unsigned int try_read(volatile u8 *p)
{
	u8 v;

	asm volatile(ASM_TRY("1f") "movb (%1), %0\n\t" "1:"
		     : "=q"(v) : "r"(p) : "memory");
	(void)v;
	return exception_vector();
}

static unsigned int try_write(volatile u8 *p, u8 v)
{
	asm volatile(ASM_TRY("1f") "movb %1, (%0)\n\t" "1:"
		     : : "r"(p), "q"(v) : "memory");
	return exception_vector();
}

static void check_large(void)
{
	pgd_t *cr3 = current_page_table();
	u8 *big = alloc_pages(LARGE_ORDER);
	u8 *alias = alloc_vpages_aligned(LARGE_PAGES, LARGE_ORDER);
	u8 *page = alloc_page();
	struct pte_search s;
	pteval_t *pte;

	report_prefix_push("large");
	pte = install_large_page(cr3, virt_to_phys(big), alias);
	big[LARGE_PAGE_SIZE - 1] = 0x77;
	s = find_pte_level(cr3, alias + 4096 * 300, 1);
	report(s.pte == pte && s.level == 2 && found_huge_pte(s) &&
	       found_leaf_pte(s) && alias[LARGE_PAGE_SIZE - 1] == 0x77,
	       "a large page: find_pte_level() stops at the PDE, reads agree");
	report(get_pte(cr3, alias + 5) == pte && !get_pte_level(cr3, alias, 1) &&
	       virt_to_pte_phys(cr3, alias + 12345) == virt_to_phys(big) + 12345,
	       "get_pte() is the PDE, there is no level-1 entry");
	force_4k_page(alias + 4096 * 300);
	s = find_pte_level(cr3, alias + 4096 * 300, 1);
	report(s.level == 1 && !found_huge_pte(s) &&
	       (*s.pte & PT_ADDR_MASK) == virt_to_phys(big) + 4096 * 300 &&
	       alias[LARGE_PAGE_SIZE - 1] == 0x77 &&
	       virt_to_pte_phys(cr3, alias + 5) == virt_to_phys(big) + 5,
	       "force_4k_page() splits it into PTEs mapping the same memory");

	install_large_page(cr3, virt_to_phys(big), alias);
	invlpg(alias);
	install_page(cr3, virt_to_phys(page), alias + 4096 * 7);
	flush_tlb();
	page[1] = 0x99;
	report(alias[4096 * 7 + 1] == 0x99 && alias[LARGE_PAGE_SIZE - 1] == 0x77,
	       "install_page() into a large page splits it, the rest stays");
	vfree(alias);
	free_pages(big);
	free_page(page);
	report_prefix_pop();
}

#ifdef __x86_64__
static volatile unsigned long pf_cr2, pf_error;
static volatile int pf_count;

/* A #PF at the target of a call: return to the caller. */
static void pf_return_handler(struct ex_regs *regs)
{
	pf_cr2 = read_cr2();
	pf_error = regs->error_code;
	pf_count++;
	regs->rip = *(unsigned long *)regs->rsp;
	regs->rsp += sizeof(unsigned long);
}

/* Code in page @v (a "ret" at @v) runs, then doesn't once it is NX. */
static void check_nx(pteval_t *pte, u8 *v)
{
	void (*fn)(void) = (void (*)(void))v;

	if (!this_cpu_has(X86_FEATURE_NX)) {
		report_skip("NX: the CPU has no NX");
		return;
	}
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NX);
	handle_exception(PF_VECTOR, pf_return_handler);
	pf_count = 0;
	fn();
	report(pf_count == 0, "code in a page without NX runs");
	*pte |= PT64_NX_MASK;
	invlpg(v);
	fn();
	report(pf_count == 1 && pf_cr2 == (ulong)v &&
	       pf_error == (PF_ERR_P | PF_ERR_ID),
	       "NX page: fetch #PF, CR2 %#lx, error %#lx",
	       (ulong)pf_cr2, (ulong)pf_error);
	handle_exception(PF_VECTOR, NULL);
	*pte &= ~PT64_NX_MASK;
	invlpg(v);
}
#else
static void check_nx(pteval_t *pte, u8 *v)
{
	(void)pte;
	(void)v;
	report_skip("NX: 2-level 32-bit paging has no NX bit");
}
#endif

static void check_fault(void)
{
	pgd_t *cr3 = current_page_table();
	u8 *page = alloc_page(), *v = alloc_vpage();
	pteval_t *pte = install_page(cr3, virt_to_phys(page), v);
	unsigned int vec, err;
	ulong cr0 = read_cr0();
	u8 *buf;

	report_prefix_push("fault");
	buf = vmalloc(3 * PAGE_SIZE);
	vec = try_read(buf + 3 * PAGE_SIZE);
	err = exception_error_code();
	report(vec == PF_VECTOR && read_cr2() == (ulong)(buf + 3 * PAGE_SIZE) &&
	       err == 0, "reading vmalloc's guard page: #PF, CR2 %#lx, error %#x",
	       read_cr2(), err);
	vfree(buf);
	vec = try_write(buf + 5, 1);
	err = exception_error_code();
	report(vec == PF_VECTOR && read_cr2() == (ulong)(buf + 5) && err == PF_ERR_W,
	       "a write after vfree(): #PF, CR2 %#lx, error %#x", read_cr2(), err);

	*pte &= ~PT_PRESENT_MASK;
	invlpg(v);
	vec = try_read(v + 0x123);
	err = exception_error_code();
	report(vec == PF_VECTOR && read_cr2() == (ulong)(v + 0x123) && err == 0,
	       "read of a non-present page: #PF, CR2 %#lx, error %#x", read_cr2(), err);
	vec = try_write(v + 0x456, 1);
	err = exception_error_code();
	report(vec == PF_VECTOR && read_cr2() == (ulong)(v + 0x456) && err == PF_ERR_W,
	       "write to a non-present page: #PF, error %#x", err);

	*pte = (*pte | PT_PRESENT_MASK) & ~PT_WRITABLE_MASK;
	invlpg(v);
	report(try_read(v + 8) == 0, "read-only page: reads work");
	write_cr0(cr0 | X86_CR0_WP);
	vec = try_write(v + 8, 2);
	err = exception_error_code();
	report(vec == PF_VECTOR && read_cr2() == (ulong)(v + 8) &&
	       err == (PF_ERR_P | PF_ERR_W),
	       "CR0.WP=1: kernel write to it: #PF, error %#x", err);
	write_cr0(cr0 & ~X86_CR0_WP);
	vec = try_write(v + 8, 3);
	report(vec == 0 && page[8] == 3, "CR0.WP=0: the kernel write goes through");
	write_cr0(cr0);

	*pte |= PT_WRITABLE_MASK;
	invlpg(v);
	page[0] = 0xc3;		/* ret */
	check_nx(pte, v);
	vfree(v);
	free_page(page);
	report_prefix_pop();
}

static void read_ap_cr3(void *data)
{
	*(ulong *)data = read_cr3();
}

static void check_setup_vm(void)
{
	ulong old_cr3 = read_cr3(), ap_cr3;
	u8 *pre = vmalloc(PAGE_SIZE), *post;
	bool ok = true;
	pteval_t *pte;
	int i;

	report_prefix_push("setup-vm");
	pre[5] = 0x42;
	setup_vm();
	report(read_cr3() != old_cr3, "setup_vm() loads new tables (CR3 %#lx -> %#lx)",
	       old_cr3, read_cr3());
	report(pre[5] == 0x42, "what was vmalloc'd before stays mapped");
	for (i = 1; i < cpu_count(); i++) {
		ap_cr3 = 0;
		on_cpu(i, read_ap_cr3, &ap_cr3);
		ok = ok && ap_cr3 == read_cr3();
	}
	if (cpu_count() > 1)
		report(ok, "the other %d CPUs run on the new tables too",
		       cpu_count() - 1);
	pte = get_pte(current_page_table(), (void *)check_setup_vm);
	report(pte && (*pte & PT_USER_MASK) && (*pte & PT_PAGE_SIZE_MASK),
	       "the identity map is large pages, user-accessible");
	report(virt_to_pte_phys(current_page_table(), (void *)0xfee00000ul) ==
	       0xfee00000ul, "MMIO below 4 GiB is identity mapped");
	post = malloc(PAGE_SIZE);
	report(in_window(post), "malloc() takes vmalloc'd memory (%p)", post);
	free(post);
	old_cr3 = read_cr3();
	setup_vm();
	report(read_cr3() == old_cr3, "a second setup_vm() changes nothing");
	vfree(pre);
	report_prefix_pop();
}

#ifdef __x86_64__
static void check_highmem(void)
{
	void *p = NULL, **held = NULL;
	bool high = false, ok = true;
	int order;

	report_prefix_push("highmem");
	setup_vm();
	/*
	 * The areas above 4 GiB come last: use up those below, in blocks
	 * as large as possible (each block is touched once, to link it).
	 */
	for (order = 18; order >= 0 && !high; order--) {
		while (!high && (p = alloc_pages_flags(order, FLAG_DONTZERO))) {
			if ((uintptr_t)p >= (1ul << 32)) {
				high = true;
				break;
			}
			*(void **)p = held;
			held = p;
		}
	}
	if (high) {
		memset(p, 0xa5, PAGE_SIZE);
		ok = ((u8 *)p)[1234] == 0xa5;
		free_pages(p);
	}
	report(high && ok, "pages above 4 GiB are handed out and usable");
	while (held) {
		p = *held;
		free_pages(held);
		held = p;
	}
	report_prefix_pop();
}
#else
static void check_highmem(void)
{
	report_skip("highmem: 32-bit paging reaches no RAM above 4 GiB");
}
#endif

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (!strcmp(what, "fault")) {
		check_fault();
	} else if (!strcmp(what, "large")) {
		check_large();
	} else if (!strcmp(what, "setup-vm")) {
		check_setup_vm();
		/* Again, on setup_vm()'s tables. */
		check_fault();
		check_large();
	} else if (!strcmp(what, "highmem")) {
		check_highmem();
	} else if (!strcmp(what, "vfree-bad")) {
		vfree(alloc_page());
		report_fail("vfree() of a page from alloc_page() returned");
	} else {
		report_abort("unknown area '%s' (see vm.c)", what);
	}
	return report_summary();
}
