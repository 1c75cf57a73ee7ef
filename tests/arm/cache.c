// SPDX-License-Identifier: MIT
/*
 * cache.c - what software must do for the caches, and that it is enough
 * (Arm ARM D7.5, B2.4): one area per first argument:
 *   code    code written as data runs as written once the data cache is
 *           cleaned to the point of unification (unless CTR_EL0.IDC says
 *           it need not be) and the instruction cache invalidated (unless
 *           CTR_EL0.DIC), then an ISB; 10000 rewrites of one instruction
 *   alias   a page seen through a cacheable and a non-cacheable mapping:
 *           a write through the cacheable one reaches memory (what the
 *           non-cacheable one reads) after DC CVAC, and a write through
 *           the non-cacheable one is seen through the cacheable one after
 *           DC CIVAC; under KVM this needs the host to honour the guest's
 *           memory attributes
 * arm (AArch32) has no IDC/DIC and does the full maintenance always.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <vmalloc.h>
#include <asm/mmu.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/thread_info.h>

#define ROUNDS		10000

typedef int (*fn_t)(void);

#ifdef __aarch64__
#define CTR_IDC		(1UL << 28)
#define CTR_DIC		(1UL << 29)
#define MOV_R0(x)	(0xd2800000 | (((x) & 0xffff) << 5))	/* mov x0, #x */
#define RET		0xd65f03c0
static void dc_cvau(void *p) { asm volatile("dc cvau, %0" : : "r"(p) : "memory"); }
static void ic_ivau(void *p) { asm volatile("ic ivau, %0" : : "r"(p) : "memory"); }
static void dc_cvac(volatile void *p) { asm volatile("dc cvac, %0" : : "r"(p) : "memory"); }
static void dc_civac(volatile void *p) { asm volatile("dc civac, %0" : : "r"(p) : "memory"); }
static void bp_inval(void) { }
#else
#define MOV_R0(x)	(0xe3a00000 | ((x) & 0xff))	/* mov r0, #x */
#define RET		0xe12fff1e			/* bx lr */
static void dc_cvau(void *p) { asm volatile("mcr p15, 0, %0, c7, c11, 1" : : "r"(p) : "memory"); }
static void ic_ivau(void *p) { asm volatile("mcr p15, 0, %0, c7, c5, 1" : : "r"(p) : "memory"); }
static void dc_cvac(volatile void *p) { asm volatile("mcr p15, 0, %0, c7, c10, 1" : : "r"(p) : "memory"); }
static void dc_civac(volatile void *p) { asm volatile("mcr p15, 0, %0, c7, c14, 1" : : "r"(p) : "memory"); }
/* BPIALL: ARMv7 may predict branches from stale code. */
static void bp_inval(void) { asm volatile("mcr p15, 0, %0, c7, c5, 6" : : "r"(0) : "memory"); }
#endif

static bool dcache_clean_needed = true, icache_inval_needed = true;

/* The sequence the architecture requires after writing an instruction. */
static void sync_code(u32 *insn)
{
	if (dcache_clean_needed) {
		dc_cvau(insn);
		dsb(ish);
	}
	if (icache_inval_needed) {
		ic_ivau(insn);
		bp_inval();
	}
	dsb(ish);
	isb();
}

static void check_code(void)
{
	u32 *code = alloc_page();
	bool ok = true;
	int i, ret;

	report_prefix_push("code");
#ifdef __aarch64__
	{
		u64 ctr = read_sysreg(ctr_el0);

		dcache_clean_needed = !(ctr & CTR_IDC);
		icache_inval_needed = !(ctr & CTR_DIC);
		report_info("CTR_EL0 %#lx: IDC %d, DIC %d", (unsigned long)ctr,
			    !dcache_clean_needed, !icache_inval_needed);
		/* No execution from memory EL1 may write (SCTLR_EL1.WXN). */
		write_sysreg(read_sysreg(sctlr_el1) & ~SCTLR_EL1_WXN, sctlr_el1);
		isb();
		flush_tlb_all();
	}
#endif
	/* EL1 executes no page EL0 may write: take EL0 away. */
	mmu_clear_user(current_thread_info()->pgtable, (unsigned long)code);
#ifndef __aarch64__
	{
		/* LPAE's XN (AArch64's UXN bit) forbids PL1 too: clear it. */
		pteval_t *pte = follow_pte(current_thread_info()->pgtable,
					   (uintptr_t)code);

		*pte &= ~PTE_UXN;
		flush_tlb_page((unsigned long)code);
	}
#endif
	code[1] = RET;
	for (i = 0; i < ROUNDS && ok; i++) {
		code[0] = MOV_R0(i & 0xff);
		sync_code(&code[0]);
		if (i == 0)
			sync_code(&code[1]);
		ret = ((fn_t)code)();
		ok = ret == (i & 0xff);
	}
	report(ok, "%d rewrites of an instruction, each run as written%s", ROUNDS,
	       ok ? "" : " (not all)");
	report_prefix_pop();
}

static void check_alias(void)
{
	u64 *cached = alloc_page(), *uncached = alloc_vpage();
	pteval_t *pte;

	report_prefix_push("alias");
	install_page(current_thread_info()->pgtable, virt_to_phys(cached), uncached);
	pte = follow_pte(current_thread_info()->pgtable, (uintptr_t)uncached);
	assert(pte);
	*pte = (*pte & ~PTE_ATTRINDX_MASK) | PTE_ATTRINDX(MT_NORMAL_NC);
	flush_tlb_page((unsigned long)uncached);

	WRITE_ONCE(cached[0], 0x1122334455667788ULL);
	dc_cvac(&cached[0]);
	dsb(sy);
	report(READ_ONCE(uncached[0]) == 0x1122334455667788ULL,
	       "a cacheable write cleaned with DC CVAC reaches memory");

	/* Stale data may sit in the cache: drop it before the other write. */
	dc_civac(&cached[1]);
	dsb(sy);
	WRITE_ONCE(uncached[1], 0x8877665544332211ULL);
	dsb(sy);
	dc_civac(&cached[1]);
	dsb(sy);
	report(READ_ONCE(cached[1]) == 0x8877665544332211ULL,
	       "a non-cacheable write is seen cacheable after DC CIVAC");
	vfree(uncached);
	report_prefix_pop();
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (!strcmp(what, "code"))
		check_code();
	else if (!strcmp(what, "alias"))
		check_alias();
	else
		report_abort("unknown area '%s' (code, alias)", what);
	return report_summary();
}
