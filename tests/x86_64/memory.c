// SPDX-License-Identifier: MIT
/*
 * memory.c - the cache-control and ordering instructions as the Intel SDM
 * (vol. 2) defines them, each checked against its CPUID bit:
 *   - CLFLUSH (1:EDX.CLFSH), CLFLUSHOPT (7:EBX.23), CLWB (7:EBX.24) run
 *     where CPUID has them and raise #UD where it does not; the line they
 *     name keeps its data; on a read-only page they do not fault (they
 *     count as reads), on a page that is not present they raise #PF with
 *     a read error code, and on a non-canonical address #GP;
 *   - SFENCE, LFENCE, MFENCE (SSE/SSE2) run;
 *   - MOVNTI stores what it is given, seen after SFENCE.
 * QEMU's TCG (7.2) runs the flushes as no-ops that never fault: the
 * fault checks are known failures there (accel.h).
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <vmalloc.h>
#include <asm/page.h>
#include <x86/processor.h>
#include <x86/vm.h>
#include "accel.h"

#define PF_ERR_P	(1u << 0)
#define PF_ERR_W	(1u << 1)

enum flush { CLFLUSH, CLFLUSHOPT, CLWB, NR_FLUSH };

static const char *const flush_names[NR_FLUSH] = { "CLFLUSH", "CLFLUSHOPT", "CLWB" };

static int flush_safe(enum flush f, volatile void *p)
{
	switch (f) {
	case CLFLUSH:
		asm volatile(ASM_TRY("1f") "clflush (%0)\n\t" "1:" : : "r"(p) : "memory");
		break;
	case CLFLUSHOPT:	/* 66 0F AE /7 */
		asm volatile(ASM_TRY("1f") ".byte 0x66; clflush (%0)\n\t" "1:"
			     : : "r"(p) : "memory");
		break;
	case CLWB:		/* 66 0F AE /6, modrm 0x30 | base */
		asm volatile(ASM_TRY("1f") ".byte 0x66; xsaveopt (%0)\n\t" "1:"
			     : : "r"(p) : "memory");
		break;
	default:
		break;
	}
	return exception_vector();
}

static bool has_flush(enum flush f)
{
	switch (f) {
	case CLFLUSH:
		return this_cpu_has(X86_FEATURE_CLFLUSH);
	case CLFLUSHOPT:
		return this_cpu_has(X86_FEATURE_CLFLUSHOPT);
	case CLWB:
		return this_cpu_has(X86_FEATURE_CLWB);
	default:
		return false;
	}
}

static const char *vn(int v)
{
	return v ? exception_mnemonic(v) : "no fault";
}

static void test_flush(enum flush f, u8 *ro_page, u8 *absent_page)
{
	static u64 line[8] __attribute__((aligned(64)));
	const char *n = flush_names[f];
	int v;

	line[3] = 0x1122334455667788ull;
	v = flush_safe(f, &line[3]);
	if (!has_flush(f)) {
		report(v == UD_VECTOR, "%s not in CPUID: #UD (got %s)", n, vn(v));
		return;
	}
	report(v == 0 && line[3] == 0x1122334455667788ull,
	       "%s runs, the line keeps its data (got %s)", n, vn(v));
	v = flush_safe(f, ro_page);
	report(v == 0, "%s on a read-only page: no fault (got %s)", n, vn(v));
	v = flush_safe(f, absent_page);
	report_tcg_gap(v == PF_VECTOR && !(exception_error_code() & (PF_ERR_P | PF_ERR_W)),
	       "%s on a page not present: #PF, read, not present (got %s, error %#x)",
	       n, vn(v), exception_error_code());
#ifdef __x86_64__
	v = flush_safe(f, (void *)NONCANONICAL);
	report_tcg_gap(v == GP_VECTOR, "%s on a non-canonical address: #GP (got %s)", n, vn(v));
#endif
}

static void test_fences(void)
{
	static volatile u32 cell;
	u32 v = 0x600df00d;
	int r;

	asm volatile(ASM_TRY("1f") "sfence\n\t" "lfence\n\t" "mfence\n\t" "1:"
		     : : : "memory");
	r = exception_vector();
	report(!r, "SFENCE, LFENCE, MFENCE run (got %s)", vn(r));
	asm volatile("movnti %1, %0\n\tsfence" : "=m"(cell) : "r"(v) : "memory");
	report(cell == 0x600df00d, "MOVNTI stores, seen after SFENCE");
}

int main(void)
{
	pgd_t *cr3 = current_page_table();
	u8 *ro = alloc_vpage(), *absent = alloc_vpage();
	pteval_t *pte;
	int f;

	pte = install_page(cr3, virt_to_phys(alloc_page()), ro);
	*pte &= ~PT_WRITABLE_MASK;
	invlpg(ro);
	report_info("CLFLUSH %d, CLFLUSHOPT %d, CLWB %d", has_flush(CLFLUSH),
		    has_flush(CLFLUSHOPT), has_flush(CLWB));
	for (f = 0; f < NR_FLUSH; f++)
		test_flush(f, ro, absent);
	test_fences();
	return report_summary();
}
