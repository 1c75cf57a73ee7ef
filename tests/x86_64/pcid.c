// SPDX-License-Identifier: MIT
/*
 * pcid.c - process-context identifiers and INVPCID as the Intel SDM
 * (vol. 3 4.10.1, vol. 2 INVPCID, MOV to CR3/CR4) defines them, for the
 * CPU model's CPUID (unittests.cfg runs it with PCID and INVPCID, with
 * neither, and with INVPCID alone):
 *   - CR4.PCIDE: refused (#GP) without CPUID.1:ECX.PCID, and while
 *     CR3[11:0] is not 0; with it, CR3[11:0] is the current PCID, MOV to
 *     CR3 with bit 63 set keeps the TLB and does not store bit 63;
 *   - INVPCID: #UD without CPUID.7:EBX.INVPCID; types above 3, a PCID
 *     above 0xfff, a non-canonical address for type 0, a PCID other than
 *     0 while CR4.PCIDE is clear, and CPL 3 raise #GP; type 0 really
 *     drops a stale translation, type 1 and 2 all of a PCID's, 3 all.
 * QEMU's TCG (7.2) has neither PCID nor INVPCID, and lets CR4.PCIDE be
 * set all the same: a known failure there (accel.h).
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <vmalloc.h>
#include <asm/page.h>
#include <x86/processor.h>
#include <x86/usermode.h>
#include <x86/vm.h>
#include "accel.h"

#define CR3_NOFLUSH	(1ull << 63)

struct invpcid_desc_ {
	u64 pcid;
	u64 addr;
};

static int invpcid_safe_(unsigned long type, struct invpcid_desc_ *desc)
{
	asm volatile(ASM_TRY("1f")
		     ".byte 0x66, 0x0f, 0x38, 0x82, 0x18\n\t"	/* invpcid (%rax), %rbx */
		     "1:"
		     : : "a"(desc), "b"(type) : "memory");
	return exception_vector();
}

static int write_cr3_safe_(ulong v)
{
	asm volatile(ASM_TRY("1f") "mov %0, %%cr3\n\t" "1:" : : "r"(v) : "memory");
	return exception_vector();
}

static const char *vn(int v)
{
	return v ? exception_mnemonic(v) : "no fault";
}

static bool has_pcid, has_invpcid;

static void test_pcide(void)
{
	ulong cr4 = read_cr4(), cr3 = read_cr3();
	int r;

	if (!has_pcid) {
		r = write_cr4_safe(cr4 | X86_CR4_PCIDE);
		report_tcg_gap(r == GP_VECTOR,
			       "no PCID in CPUID: setting CR4.PCIDE -> #GP (got %s)", vn(r));
		if (!r)
			write_cr4(cr4);
		return;
	}
	write_cr3(cr3 | 1);		/* PCIDE clear: bits 3 and 4 only matter */
	r = write_cr4_safe(cr4 | X86_CR4_PCIDE);
	report(r == GP_VECTOR, "CR3[11:0] != 0: setting CR4.PCIDE -> #GP (got %s)", vn(r));
	write_cr3(cr3);
	r = write_cr4_safe(cr4 | X86_CR4_PCIDE);
	report(r == 0, "CR3[11:0] == 0: CR4.PCIDE set (got %s)", vn(r));
	if (r)
		return;
	r = write_cr3_safe_(cr3 | 0x123);
	report(r == 0 && (read_cr3() & 0xfff) == 0x123, "CR3[11:0] is the PCID (%#lx)",
	       read_cr3() & 0xfff);
	r = write_cr3_safe_(cr3 | CR3_NOFLUSH | 0x45);
	report(r == 0 && read_cr3() == (cr3 | 0x45),
	       "MOV to CR3 with bit 63 (no flush): bit 63 not stored (%#lx)", read_cr3());
	write_cr3(cr3);
	write_cr4(cr4);
	report(!(read_cr4() & X86_CR4_PCIDE), "CR4.PCIDE cleared with PCID 0");
}

/* A stale translation: @va maps @a; the PTE now says @b, no flush yet. */
static volatile u32 *va;
static u32 *page_a, *page_b;
static pteval_t *pte;

static void map_to(u32 *p)
{
	*pte = (*pte & ~PT_ADDR_MASK) | virt_to_phys(p);
}

static u64 user_invpcid(void)
{
	struct invpcid_desc_ d = { 0, 0 };

	return invpcid_safe_(3, &d);
}

static void test_invpcid(void)
{
	struct invpcid_desc_ d = { 0, 0 };
	ulong cr4 = read_cr4();
	bool raised;
	int r, type;

	if (!has_invpcid) {
		r = invpcid_safe_(3, &d);
		report(r == UD_VECTOR, "no INVPCID in CPUID: INVPCID -> #UD (got %s)", vn(r));
		return;
	}
	for (type = 0; type < 4; type++) {
		d.pcid = 0;
		d.addr = 0;
		r = invpcid_safe_(type, &d);
		report(r == 0, "INVPCID type %d, PCID 0 (got %s)", type, vn(r));
	}
	r = invpcid_safe_(4, &d);
	report(r == GP_VECTOR, "INVPCID type 4 -> #GP (got %s)", vn(r));
	d.pcid = 0x1000;
	r = invpcid_safe_(0, &d);
	report(r == GP_VECTOR, "PCID 0x1000 (above 12 bits) -> #GP (got %s)", vn(r));
	d.pcid = 0;
	d.addr = NONCANONICAL;
	r = invpcid_safe_(0, &d);
	report(r == GP_VECTOR, "type 0, non-canonical address -> #GP (got %s)", vn(r));
	d.addr = 0;
	if (!(cr4 & X86_CR4_PCIDE)) {
		d.pcid = 1;
		r = invpcid_safe_(0, &d);
		report(r == GP_VECTOR, "CR4.PCIDE clear, type 0 with PCID 1 -> #GP (got %s)",
		       vn(r));
		r = invpcid_safe_(1, &d);
		report(r == GP_VECTOR, "CR4.PCIDE clear, type 1 with PCID 1 -> #GP (got %s)",
		       vn(r));
		d.pcid = 0;
	}

	/* Each type really invalidates what it names. */
	page_a = alloc_page();
	page_b = alloc_page();
	*page_a = 0xaaaa;
	*page_b = 0xbbbb;
	va = alloc_vpage();
	pte = install_page(current_page_table(), virt_to_phys(page_a), (void *)va);
	(void)*va;
	for (type = 0; type < 4; type++) {
		map_to(page_a);
		invlpg((void *)va);
		(void)*va;			/* cache the translation to A */
		map_to(page_b);			/* and change it behind the TLB */
		d.pcid = 0;
		d.addr = (u64)va;
		r = invpcid_safe_(type, &d);
		report(r == 0 && *va == 0xbbbb,
		       "INVPCID type %d drops the stale translation (reads %#x)", type, *va);
	}

	setup_vm();
	run_in_user(user_invpcid, GP_VECTOR, 0, 0, 0, 0, &raised);
	report(raised, "INVPCID at CPL 3 -> #GP");
}

int main(void)
{
	has_pcid = this_cpu_has(X86_FEATURE_PCID);
	has_invpcid = this_cpu_has(X86_FEATURE_INVPCID);
	report_info("PCID %s, INVPCID %s", has_pcid ? "yes" : "no",
		    has_invpcid ? "yes" : "no");
	test_pcide();
	test_invpcid();
	return report_summary();
}
