// SPDX-License-Identifier: MIT
/*
 * mte.c - the Memory Tagging Extension (Arm ARM D10), on QEMU's virt
 * machine with -machine mte=on: a page mapped as Normal tagged memory,
 * its 16-byte granules given an allocation tag with STG and read back
 * with LDG, and accesses through pointers whose top nibble (the logical tag,
 * TCR_EL1.TBI0 ignoring the top byte) matches or not.  One area per
 * first argument, SCTLR_EL1.TCF choosing what a mismatch does:
 *   sync   a synchronous data abort, DFSC 0x11 (tag check fault), at the
 *          access, which does not happen
 *   async  the access happens, TFSR_EL1.TF0 records the fault (TF0:
 *          a TTBR0 address, as every address of ours)
 *   asymm  (FEAT_MTE3) reads fault synchronously, writes asynchronously
 * In every area matching tags never fault, and the tags read back.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <vmalloc.h>
#include <asm/mmu.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/thread_info.h>

#define TCF_SYNC	1UL
#define TCF_ASYNC	2UL
#define TCF_ASYMM	3UL
#define TAG_SHIFT	56
#define DFSC_TAG_CHECK	0x11

static inline void *tagged(void *p, unsigned int tag)
{
	return (void *)(((unsigned long)p & ~(0xfUL << TAG_SHIFT)) |
			(unsigned long)tag << TAG_SHIFT);
}

static void set_tag(void *p)
{
	asm volatile(".arch armv8.5-a+memtag\n\tstg %0, [%0]" : : "r"(p) : "memory");
}

static unsigned int get_tag(void *p)
{
	void *q = p;

	asm volatile(".arch armv8.5-a+memtag\n\tldg %0, [%1]" : "+r"(q) : "r"(p) : "memory");
	return ((unsigned long)q >> TAG_SHIFT) & 0xf;
}

/* An access the fault handler can skip: the load or store, then a nop. */
static u32 load32(u32 *p)
{
	u32 v = 0xdeadbeef;

	asm volatile("ldr %w0, [%1]\n\tnop" : "+r"(v) : "r"(p) : "memory");
	return v;
}

static void store32(u32 *p, u32 v)
{
	asm volatile("str %w0, [%1]\n\tnop" : : "r"(v), "r"(p) : "memory");
}

static volatile int faults;
static volatile unsigned int fault_dfsc;

static void dabt_handler(struct pt_regs *regs, unsigned int esr)
{
	faults++;
	fault_dfsc = esr & ESR_ELx_FSC;
	regs->pc += 4;		/* past the access, onto the nop */
}

static void set_tcf(unsigned long tcf)
{
	u64 sctlr = read_sysreg(sctlr_el1);

	sctlr &= ~SCTLR_EL1_TCF_MASK;
	sctlr |= tcf << SCTLR_EL1_TCF_SHIFT;
	write_sysreg(sctlr, sctlr_el1);
	isb();
}

static u64 take_tfsr(void)
{
	u64 v;

	dsb(sy);
	isb();
	v = read_sysreg_s(TFSR_EL1);
	write_sysreg_s(0, TFSR_EL1);
	isb();
	return v;
}

/*
 * A page of Normal tagged memory, every granule tagged @tag.  (One tag
 * for all: QEMU 7.2 under TCG was seen to keep one tag per pair of
 * granules of a page, which a per-granule pattern would trip on.)
 */
static u32 *tagged_page(unsigned int tag)
{
	void *va = alloc_page();
	pteval_t *pte;
	unsigned int i;

	/* Split the identity map down to this page (and keep EL0 off it). */
	mmu_clear_user(current_thread_info()->pgtable, (uintptr_t)va);
	pte = follow_pte(current_thread_info()->pgtable, (uintptr_t)va);
	assert(pte);
	*pte = (*pte & ~PTE_ATTRINDX_MASK) | PTE_ATTRINDX(MT_NORMAL_TAGGED);
	flush_tlb_page((unsigned long)va);
	for (i = 0; i < PAGE_SIZE / 16; i++)
		set_tag(tagged((char *)va + 16 * i, tag));
	return va;
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";
	unsigned int mte = (read_sysreg(id_aa64pfr1_el1) >> ID_AA64PFR1_EL1_MTE_SHIFT) & 0xf;
	unsigned long tcf;
	u32 *page, *g5, v;
	bool tags_ok = true;
	unsigned int i;

	if (!strcmp(what, "sync"))
		tcf = TCF_SYNC;
	else if (!strcmp(what, "async"))
		tcf = TCF_ASYNC;
	else if (!strcmp(what, "asymm"))
		tcf = TCF_ASYMM;
	else
		report_abort("unknown area '%s' (sync, async, asymm)", what);
	report_prefix_push(what);
	if (mte < 2)
		return report_skip("no MTE2 (ID_AA64PFR1_EL1.MTE %u; QEMU: -machine mte=on)",
				   mte), report_summary();
	if (tcf == TCF_ASYMM && mte < 3)
		return report_skip("no asymmetric mode (MTE3)"), report_summary();

	/* Tag access at EL1, the top byte ignored, tag 0 checked too. */
	write_sysreg(read_sysreg(sctlr_el1) | SCTLR_EL1_ATA, sctlr_el1);
	write_sysreg((read_sysreg(tcr_el1) | TCR_TBI0) & ~TCR_TCMA0, tcr_el1);
	isb();
	flush_tlb_all();
	install_exception_handler(EL1H_SYNC, ESR_ELx_EC_DABT_CUR, dabt_handler);

	page = tagged_page(5);
	for (i = 0; i < PAGE_SIZE / 16; i++)
		tags_ok &= get_tag((char *)page + 16 * i) == 5;
	report(tags_ok, "STG sets the page's tags, LDG reads them back");

	g5 = tagged(page + 5 * 4, 5);		/* granule 5, tagged 5 */
	set_tcf(tcf);
	take_tfsr();
	faults = 0;
	store32(g5, 0x55);
	v = load32(g5);
	report(v == 0x55 && !faults && !take_tfsr(), "matching tags: no fault");

	v = load32(tagged(g5, 6));
	if (tcf == TCF_ASYNC) {
		report(!faults && v == 0x55 && (take_tfsr() & TFSR_EL1_TF0),
		       "a read with a wrong tag happens, TFSR_EL1.TF0 is set");
	} else {
		report(faults == 1 && fault_dfsc == DFSC_TAG_CHECK && v == 0xdeadbeef,
		       "a read with a wrong tag faults (DFSC %#x), reading nothing",
		       fault_dfsc);
	}
	faults = 0;
	take_tfsr();
	store32(tagged(g5, 7), 0x77);
	if (tcf == TCF_SYNC) {
		report(faults == 1 && fault_dfsc == DFSC_TAG_CHECK && load32(g5) == 0x55,
		       "a write with a wrong tag faults, writing nothing");
	} else {
		report(!faults && (take_tfsr() & TFSR_EL1_TF0) && load32(g5) == 0x77,
		       "a write with a wrong tag happens, TFSR_EL1.TF0 is set");
	}
	set_tcf(0);
	faults = 0;
	v = load32(tagged(g5, 9));
	report(!faults && !take_tfsr() && v == load32(g5),
	       "with SCTLR_EL1.TCF 0 nothing is checked");
	return report_summary();
}
