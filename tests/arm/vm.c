// SPDX-License-Identifier: MIT
/*
 * vm.c - the arm and arm64 MMU under vmalloc.h: the aborts its mappings
 * raise; vmalloc.h's portable side is tests/common/vmalloc.c.  One area
 * per first argument (unittests.cfg):
 *   fault     data aborts with the right fault status and address for
 *             vmalloc's guard page, a page after vfree() and a read-only
 *             page, an instruction abort for a privileged-execute-never
 *             page
 *   setup-vm  setup_vm() and setup_mmu() keep the boot tables; then fault
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <vmalloc.h>
#include <asm/io.h>
#include <asm/mmu.h>
#include <asm/processor.h>

#ifdef __aarch64__
#define WINDOW_START	(384UL << 30)
#else
#define WINDOW_START	(3UL << 30)
#endif

/* Fault status codes (ESR ISS / long-descriptor DFSR/IFSR STATUS). */
#define FSC_MASK	0x3f
#define FSC_TRANS_ANY	0x04	/* translation fault, level in bits 1:0 */
#define FSC_PERM_L3	0x0f

struct fault {
	int count;
	bool data;		/* data abort, else instruction abort */
	bool write;
	unsigned int fsc;
	unsigned long addr;
};
static volatile struct fault seen;

static bool in_window(const void *p)
{
	return (uintptr_t)p >= WINDOW_START;
}

#ifdef __aarch64__
static void dabt_handler(struct pt_regs *regs, unsigned int esr)
{
	unsigned long far = 0;

	get_far(esr, &far);
	seen.count++;
	seen.data = true;
	seen.write = esr & ESR_ELx_WNR;
	seen.fsc = esr & FSC_MASK;
	seen.addr = far;
	regs->pc += 4;
}

static void iabt_handler(struct pt_regs *regs, unsigned int esr)
{
	unsigned long far = 0;

	get_far(esr, &far);
	seen.count++;
	seen.data = false;
	seen.fsc = esr & FSC_MASK;
	seen.addr = far;
	regs->pc = regs->regs[30];	/* back to the caller of the page */
}

static void handlers(bool on)
{
	install_exception_handler(EL1H_SYNC, ESR_ELx_EC_DABT_CUR,
				  on ? dabt_handler : NULL);
	install_exception_handler(EL1H_SYNC, ESR_ELx_EC_IABT_CUR,
				  on ? iabt_handler : NULL);
}

static u8 do_read(volatile u8 *p)
{
	u64 v;

	asm volatile("ldrb %w0, [%1]" : "=r"(v) : "r"(p) : "memory");
	return v;
}

static void do_write(volatile u8 *p, u8 v)
{
	asm volatile("strb %w0, [%1]" : : "r"(v), "r"(p) : "memory");
}

/* Make code written through another mapping visible to instruction fetch. */
static void sync_icache(void *p)
{
	asm volatile("dc cvau, %0\n\tdsb ish\n\tic iallu\n\tdsb ish\n\tisb"
		     : : "r"(p) : "memory");
}

#define RET_INSN	0xd65f03c0	/* ret */
#else
#define LPAE_WNR	(1U << 11)

static void dabt_handler(struct pt_regs *regs)
{
	u32 dfsr = read_sysreg(DFSR);

	seen.count++;
	seen.data = true;
	seen.write = dfsr & LPAE_WNR;
	seen.fsc = dfsr & FSC_MASK;
	seen.addr = read_sysreg(DFAR);
	regs->ARM_pc += 4;
}

static void pabt_handler(struct pt_regs *regs)
{
	seen.count++;
	seen.data = false;
	seen.fsc = read_sysreg(IFSR) & FSC_MASK;
	seen.addr = read_sysreg(IFAR);
	regs->ARM_pc = regs->ARM_lr;
}

static void handlers(bool on)
{
	install_exception_handler(EXCPTN_DABT, on ? dabt_handler : NULL);
	install_exception_handler(EXCPTN_PABT, on ? pabt_handler : NULL);
}

static u8 do_read(volatile u8 *p)
{
	u32 v;

	asm volatile("ldrb %0, [%1]" : "=r"(v) : "r"(p) : "memory");
	return v;
}

static void do_write(volatile u8 *p, u8 v)
{
	asm volatile("strb %0, [%1]" : : "r"(v), "r"(p) : "memory");
}

static void sync_icache(void *p)
{
	asm volatile("mcr p15, 0, %0, c7, c11, 1\n\t"	/* DCCMVAU */
		     "dsb ish\n\t"
		     "mcr p15, 0, %1, c7, c5, 0\n\t"	/* ICIALLU */
		     "mcr p15, 0, %1, c7, c5, 6\n\t"	/* BPIALL */
		     "dsb ish\n\tisb"
		     : : "r"(p), "r"(0) : "memory");
}

#define RET_INSN	0xe12fff1e	/* bx lr */
#endif

static void reset_seen(void)
{
	seen.count = 0;
	seen.data = false;
	seen.write = false;
	seen.fsc = 0;
	seen.addr = 0;
}

static bool faulted(bool data, bool write, unsigned int fsc_mask,
		    unsigned int fsc, const volatile void *addr)
{
	return seen.count == 1 && seen.data == data && seen.write == write &&
	       (seen.fsc & fsc_mask) == fsc && seen.addr == (uintptr_t)addr;
}

static void check_fault(void)
{
	u32 *page = alloc_page();
	u8 *v = alloc_vpage();
	pteval_t *pte = install_page(mmu_idmap, virt_to_phys(page), v);
	void (*fn)(void) = (void (*)(void))v;
	u8 *buf;

	report_prefix_push("fault");
	handlers(true);
	buf = vmalloc(3 * PAGE_SIZE);
	reset_seen();
	do_read(buf + 3 * PAGE_SIZE);
	report(faulted(true, false, 0x3c, FSC_TRANS_ANY, buf + 3 * PAGE_SIZE),
	       "reading vmalloc's guard page: translation fault (FSC %#x) at %#lx",
	       seen.fsc, seen.addr);
	vfree(buf);
	reset_seen();
	do_write(buf + 5, 1);
	report(faulted(true, true, 0x3c, FSC_TRANS_ANY, buf + 5),
	       "a write after vfree(): translation fault (FSC %#x, WnR) at %#lx",
	       seen.fsc, seen.addr);

	WRITE_ONCE(*pte, *pte | PTE_RDONLY);
	flush_tlb_page((uintptr_t)v);
	reset_seen();
	do_read(v + 8);
	report(seen.count == 0, "read-only page: reads work");
	do_write(v + 8, 2);
	report(faulted(true, true, FSC_MASK, FSC_PERM_L3, v + 8),
	       "write to it: permission fault, level 3 (FSC %#x, WnR) at %#lx",
	       seen.fsc, seen.addr);

	/* Kernel-only and executable, then privileged-execute-never. */
	page[0] = RET_INSN;
	WRITE_ONCE(*pte, (virt_to_phys(page) & PTE_ADDR_MASK) | PTE_WBWA |
			 PTE_TYPE_PAGE);
	flush_tlb_page((uintptr_t)v);
	sync_icache(page);
	reset_seen();
	fn();
	report(seen.count == 0, "code in an executable page runs");
	WRITE_ONCE(*pte, *pte | PTE_PXN);
	flush_tlb_page((uintptr_t)v);
	fn();
	report(faulted(false, false, FSC_MASK, FSC_PERM_L3, v),
	       "PXN page: instruction abort, permission fault (FSC %#x) at %#lx",
	       seen.fsc, seen.addr);
	handlers(false);
	vfree(v);
	free_page(page);
	report_prefix_pop();
}

static void check_setup_vm(void)
{
	void *p;

	report_prefix_push("setup-vm");
	setup_vm();
	p = malloc(PAGE_SIZE);
	report(in_window(p), "malloc() takes vmalloc'd memory (%p)", p);
	free(p);
	report(setup_mmu(0, NULL) == mmu_idmap && mmu_enabled(),
	       "setup_mmu() keeps the boot tables, MMU on");
	report_prefix_pop();
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (!strcmp(what, "fault")) {
		check_fault();
	} else if (!strcmp(what, "setup-vm")) {
		check_setup_vm();
		check_fault();
	} else {
		report_abort("unknown area '%s' (see vm.c)", what);
	}
	return report_summary();
}
