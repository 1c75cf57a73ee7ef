// SPDX-License-Identifier: MIT
/*
 * selftest.c - checks of the arm and arm64 framework itself, one area
 * per first argument (see unittests.cfg):
 *   setup [smp=N] [mem=MiB]  argv, environment, and the CPUs and RAM the
 *                            device tree describes against what QEMU was
 *                            asked for
 *   vectors-kernel  undefined instruction, SVC, data abort (and BRK on
 *                   arm64) caught by installed handlers, which resume
 *   vectors-user    the same from user mode (start_usr)
 *   mmu             the boot identity map: caches on, read-only text,
 *                   an alias mapping, MMU off and on again
 *   smp             every CPU runs on_cpus() work and knows who it is
 *   thumb           (arm) exceptions taken in Thumb state return to it
 *   console-input   getchar() returns the bytes sent to the UART (kut-run's
 *                   standard input), in order: want=<the bytes>
 *   errata          ERRATA() and ERRATA_RELAXED() of the environment:
 *                   ERRATA_0000000001 must be set to y, ..02 to n, ..03 unset
 * and purpose-made endings that kut-run's own tests check from outside:
 *   pass, fail, skip, dabt (unexpected data abort), und (unexpected
 *   undefined instruction), hang, abort, assert.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/mmu.h>
#include <asm/page.h>
#include <asm/io.h>
#include <errata.h>
#include <memregions.h>
#include "../common/selftest.h"

/* "name=value" in argv, or NULL. */
static void check_setup(int argc, char **argv)
{
	const char *want_argc = getenv("SELFTEST_ARGC");
	const char *smp = arg_value(argc, argv, "smp");
	const char *mem = arg_value(argc, argv, "mem");
	struct mem_region *r;
	u64 ram = 0;

	report_prefix_push("setup");
	report(argv[argc] == NULL, "argv is NULL-terminated (argc=%d)", argc);
	if (want_argc)
		report(argc == atol(want_argc), "argc %d == SELFTEST_ARGC %s",
		       argc, want_argc);
	for (r = mem_regions; r->end; r++)
		if (!(r->flags & MR_F_IO))
			ram += r->end - r->start;
	if (smp)
		report(nr_cpus == atol(smp), "nr_cpus %d == smp=%s", nr_cpus, smp);
	else
		report_skip("no smp=N argument");
	if (mem)
		report(ram == (u64)atol(mem) << 20, "RAM %llu MiB == mem=%s",
		       (unsigned long long)(ram >> 20), mem);
	else
		report_skip("no mem=MiB argument");
	report(PHYS_OFFSET <= (uintptr_t)&ram && (uintptr_t)&ram < PHYS_END,
	       "stack in the primary RAM region [%#llx, %#llx)",
	       (unsigned long long)PHYS_OFFSET, (unsigned long long)PHYS_END);
	report(memregions_get_flags((uintptr_t)check_setup) == MR_F_CODE &&
	       memregions_get_flags((uintptr_t)&ram) == 0 &&
	       memregions_get_flags(0x09000000) == MR_F_IO &&
	       memregions_get_flags(PHYS_END) == MR_F_UNKNOWN,
	       "memregions: code, RAM, device, nothing");
	report(mpidr_to_cpu(get_mpidr()) == smp_processor_id() &&
	       smp_processor_id() == 0, "boot CPU is CPU 0 (MPIDR %#llx)",
	       (unsigned long long)get_mpidr());
	report_prefix_pop();
}

static volatile int caught;
static volatile unsigned long caught_addr;

/* An unmapped page: the next access to it faults. */
static void *unmapped_page(void)
{
	void *p = alloc_page();
	pteval_t *pte = install_page(mmu_idmap, virt_to_pte_phys(mmu_idmap, p), p);

	*pte = 0;
	flush_tlb_page((unsigned long)p);
	return p;
}

#ifdef __aarch64__
static void und_handler(struct pt_regs *regs, unsigned int esr)
{
	caught = ESR_ELx_EC(esr) + 1;
	regs->pc += 4;
}

static void svc_handler(struct pt_regs *regs, unsigned int esr)
{
	(void)regs;
	caught = (esr & 0xffff) == 123 ? (int)ESR_ELx_EC_SVC64 + 1 : -1;
}

static void dabt_handler(struct pt_regs *regs, unsigned int esr)
{
	unsigned long far;

	caught = ESR_ELx_EC(esr) + 1;
	caught_addr = get_far(esr, &far) ? far : 0;
	regs->pc += 4;
}

static void check_vectors(void *arg)
{
	enum vector v = is_user() ? EL0_SYNC_64 : EL1H_SYNC;
	unsigned int dabt = is_user() ? ESR_ELx_EC_DABT_LOW : ESR_ELx_EC_DABT_CUR;
	volatile int *bad = arg;

	install_exception_handler(v, ESR_ELx_EC_UNKNOWN, und_handler);
	caught = 0;
	asm volatile(".inst 0x00000000");	/* udf #0 */
	report(caught == ESR_ELx_EC_UNKNOWN + 1, "und: handler ran, resumed");

	install_exception_handler(v, ESR_ELx_EC_SVC64, svc_handler);
	caught = 0;
	asm volatile("svc #123" : : : "memory");
	report(caught == ESR_ELx_EC_SVC64 + 1, "svc: handler saw the immediate");

	install_exception_handler(v, dabt, dabt_handler);
	caught = 0;
	caught_addr = 0;
	(void)*bad;
	report(caught == (int)dabt + 1 && caught_addr == (unsigned long)bad,
	       "dabt: handler ran, FAR %#lx", caught_addr);

	if (!is_user()) {
		install_exception_handler(v, ESR_ELx_EC_BRK64, und_handler);
		caught = 0;
		asm volatile("brk #0x55");
		report(caught == ESR_ELx_EC_BRK64 + 1, "brk: handler ran, resumed");
	}
	install_exception_handler(v, ESR_ELx_EC_UNKNOWN, NULL);
	install_exception_handler(v, ESR_ELx_EC_SVC64, NULL);
	install_exception_handler(v, dabt, NULL);
}
#else
static void und_handler(struct pt_regs *regs)
{
	(void)regs;	/* ARM_pc is past the undefined instruction already */
	caught = EXCPTN_UND + 1;
}

static void svc_handler(struct pt_regs *regs)
{
	u32 insn = *(u32 *)(regs->ARM_pc - 4);

	caught = (insn & 0xffffff) == 123 ? EXCPTN_SVC + 1 : -1;
}

static void dabt_handler(struct pt_regs *regs)
{
	caught = EXCPTN_DABT + 1;
	caught_addr = read_sysreg(DFAR);
	regs->ARM_pc += 4;
}

static void check_vectors(void *arg)
{
	volatile int *bad = arg;

	/* In user mode the exceptions come back in SVC mode. */
	install_exception_handler(EXCPTN_UND, und_handler);
	caught = 0;
	asm volatile(".word 0xe7f000f0");	/* udf #0 */
	report(caught == EXCPTN_UND + 1, "und: handler ran, resumed");

	install_exception_handler(EXCPTN_SVC, svc_handler);
	caught = 0;
	asm volatile("svc #123" : : : "memory", "lr");
	report(caught == EXCPTN_SVC + 1, "svc: handler saw the immediate");

	install_exception_handler(EXCPTN_DABT, dabt_handler);
	caught = 0;
	caught_addr = 0;
	(void)*bad;
	report(caught == EXCPTN_DABT + 1 && caught_addr == (unsigned long)bad,
	       "dabt: handler ran, DFAR %#lx", caught_addr);
	install_exception_handler(EXCPTN_UND, NULL);
	install_exception_handler(EXCPTN_SVC, NULL);
	install_exception_handler(EXCPTN_DABT, NULL);
}

/*
 * Thumb code that takes an undefined instruction, an svc and a data
 * abort (on the address in r0), and returns 5 if it resumed after each.
 * The svc in SVC mode overwrites lr, hence the push and pop.
 */
int thumb_exceptions(volatile int *bad);
asm(".pushsection .text\n"
    ".balign 4\n"
    ".thumb\n"
    ".global thumb_exceptions\n"
    ".type thumb_exceptions, %function\n"
    ".thumb_func\n"
    "thumb_exceptions:\n"
    "	push {lr}\n"		/* +0 */
    "	udf #0x17\n"		/* +2 */
    "	svc #42\n"		/* +4 */
    "	movs r1, #5\n"		/* +6 */
    "	ldr r0, [r0]\n"		/* +8 */
    "	mov r0, r1\n"
    "	pop {pc}\n"
    ".arm\n"
    ".popsection");

static struct {
	unsigned long und_pc, svc_pc, dabt_pc;
	bool und_t, svc_t, dabt_t;
	int svc_imm;
} thumb;

static void thumb_und(struct pt_regs *regs)
{
	thumb.und_pc = regs->ARM_pc;
	thumb.und_t = thumb_mode(regs);
}

static void thumb_svc(struct pt_regs *regs)
{
	thumb.svc_pc = regs->ARM_pc;
	thumb.svc_t = thumb_mode(regs);
	thumb.svc_imm = *(u16 *)(regs->ARM_pc - 2) & 0xff;
}

static void thumb_dabt(struct pt_regs *regs)
{
	thumb.dabt_pc = regs->ARM_pc;
	thumb.dabt_t = thumb_mode(regs);
	regs->ARM_pc += 2;	/* a 16-bit ldr */
}

/* Exceptions from Thumb state come back to Thumb state, at the right place. */
static void check_thumb(void)
{
	unsigned long code = (unsigned long)thumb_exceptions & ~1UL;
	int ret;

	report_prefix_push("thumb");
	install_exception_handler(EXCPTN_UND, thumb_und);
	install_exception_handler(EXCPTN_SVC, thumb_svc);
	install_exception_handler(EXCPTN_DABT, thumb_dabt);
	ret = thumb_exceptions(unmapped_page());
	report(ret == 5, "resumed after each exception (returned %d)", ret);
	report(thumb.und_t && thumb.und_pc == code + 4,
	       "und: Thumb state, ARM_pc after the udf (%#lx)", thumb.und_pc - code);
	report(thumb.svc_t && thumb.svc_pc == code + 6 && thumb.svc_imm == 42,
	       "svc: Thumb state, ARM_pc after the svc (%#lx), immediate %d",
	       thumb.svc_pc - code, thumb.svc_imm);
	report(thumb.dabt_t && thumb.dabt_pc == code + 8,
	       "dabt: Thumb state, ARM_pc at the ldr (%#lx)", thumb.dabt_pc - code);
	install_exception_handler(EXCPTN_UND, NULL);
	install_exception_handler(EXCPTN_SVC, NULL);
	install_exception_handler(EXCPTN_DABT, NULL);
	report_prefix_pop();
}
#endif

static void user_vectors(void *arg)
{
	report_prefix_push("user");
	report(is_user(), "running in user mode");
	check_vectors(arg);
	report_prefix_pop();
	/* Returning ends the test with report_summary(). */
}

static void check_mmu(void)
{
	u32 *page = alloc_page(), *alias;
	volatile u32 *text = (u32 *)(uintptr_t)check_mmu;
	/* An address the boot map gives to devices: far from RAM. */
#ifdef __aarch64__
	uintptr_t va = 300UL << 30;
#else
	uintptr_t va = 0x30000000;
#endif

	report_prefix_push("mmu");
	report(mmu_enabled(), "MMU on at boot");
#ifdef __aarch64__
	{
		u64 sctlr = read_sysreg(sctlr_el1);

		report((sctlr & (SCTLR_EL1_C | SCTLR_EL1_I)) ==
		       (SCTLR_EL1_C | SCTLR_EL1_I), "data and instruction caches on");
	}
#else
	report((read_sysreg(SCTLR) & (SCTLR_C | SCTLR_I)) == (SCTLR_C | SCTLR_I),
	       "data and instruction caches on");
#endif
	report(virt_to_pte_phys(mmu_idmap, page) == (uintptr_t)page,
	       "RAM is identity mapped");
	report(get_pte(mmu_idmap, (uintptr_t)text) &&
	       (*get_pte(mmu_idmap, (uintptr_t)text) & PTE_RDONLY),
	       "text is mapped read-only");

	alias = (u32 *)va;
	install_page(mmu_idmap, virt_to_phys(page), alias);
	page[7] = 0x12345678;
	report(alias[7] == 0x12345678, "an alias mapping reads what the page holds");
	alias[8] = 0x9abcdef0;
	report(page[8] == 0x9abcdef0, "a write through the alias lands in the page");
	report(virt_to_pte_phys(mmu_idmap, alias) == virt_to_phys(page),
	       "virt_to_pte_phys() follows the alias");

	page[9] = 1;
	mmu_disable();
	page[9] = 2;		/* aligned store, straight to memory */
	mmu_enable(mmu_idmap);
	report(!mmu_enabled() || page[9] == 2, "MMU off and on again keeps memory");
	report_prefix_pop();
}

static u64 seen_mpidr[NR_CPUS];
static int seen_cpu[NR_CPUS];

static void whoami(void *data)
{
	int cpu = smp_processor_id();

	(void)data;
	seen_mpidr[cpu] = get_mpidr() & MPIDR_HWID_BITMASK;
	seen_cpu[cpu] = cpu;
	smp_wmb();
}

static void check_smp(void)
{
	int cpu, ok = 1;

	report_prefix_push("smp");
	for (cpu = 0; cpu < nr_cpus; cpu++)
		seen_cpu[cpu] = -1;
	on_cpus(whoami, NULL);
	smp_rmb();
	for (cpu = 0; cpu < nr_cpus; cpu++) {
		if (seen_cpu[cpu] != cpu || seen_mpidr[cpu] != cpus[cpu]) {
			report_info("CPU %d: ran as %d with MPIDR %#llx, DT says %#llx",
				    cpu, seen_cpu[cpu],
				    (unsigned long long)seen_mpidr[cpu],
				    (unsigned long long)cpus[cpu]);
			ok = 0;
		}
	}
	report(ok, "on_cpus() ran on all %d CPUs, each with its own MPIDR", nr_cpus);
	report(cpumask_weight(&cpu_online_mask) == nr_cpus, "%d CPUs online",
	       cpumask_weight(&cpu_online_mask));
	report_prefix_pop();
}

static void check_errata(void)
{
	const char *force;

	report_prefix_push("errata");
	report(ERRATA(0000000001), "set to y: ERRATA() true");
	report(ERRATA_RELAXED(0000000001), "set to y: ERRATA_RELAXED() true");
	report(!ERRATA(0000000002), "set to n: ERRATA() false");
	report(!ERRATA_RELAXED(0000000002), "set to n: ERRATA_RELAXED() false");
	report(!ERRATA(0000000003), "unset: ERRATA() false");
	report(ERRATA_RELAXED(0000000003), "unset: ERRATA_RELAXED() true");
	force = getenv("ERRATA_FORCE");
	report(errata_force() == (force && *force &&
				  strchr("1yY", *force) != NULL),
	       "ERRATA_FORCE=%s", force ? force : "(unset)");
	report_prefix_pop();
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (!strcmp(what, "setup")) {
		check_setup(argc, argv);
	} else if (!strcmp(what, "vectors-kernel")) {
		report_prefix_push("kernel");
		check_vectors(unmapped_page());
		report_prefix_pop();
	} else if (!strcmp(what, "vectors-user")) {
		start_usr(user_vectors, unmapped_page(),
			  (unsigned long)thread_stack_alloc());
	} else if (!strcmp(what, "mmu")) {
		check_mmu();
	} else if (!strcmp(what, "smp")) {
		check_smp();
#ifndef __aarch64__
	} else if (!strcmp(what, "thumb")) {
		check_thumb();
#endif
	} else if (!strcmp(what, "console-input")) {
		check_console_input(argc, argv);
	} else if (!strcmp(what, "errata")) {
		check_errata();
	} else if (!strcmp(what, "pass")) {
		report_pass("a passing check");
	} else if (!strcmp(what, "fail")) {
		report_fail("a failing check");
	} else if (!strcmp(what, "skip")) {
		report_skip("a skipped check");
	} else if (!strcmp(what, "dabt")) {
		*(volatile int *)unmapped_page() = 1;
	} else if (!strcmp(what, "und")) {
#ifdef __aarch64__
		asm volatile(".inst 0x00000000");
#else
		asm volatile(".word 0xe7f000f0");
#endif
	} else if (!strcmp(what, "hang")) {
		for (;;)
			cpu_relax();
	} else if (!strcmp(what, "abort")) {
		report_abort("aborting on purpose");
	} else if (!strcmp(what, "assert")) {
		assert(argc == 1000);
	} else {
		report_abort("unknown selftest '%s'", what);
	}
	return report_summary();
}
