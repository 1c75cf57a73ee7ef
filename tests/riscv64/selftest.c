// SPDX-License-Identifier: MIT
/*
 * selftest.c - checks of the riscv64 framework itself, one area per
 * first argument (see unittests.cfg):
 *   setup [smp=N] [mem=MiB]  argv, environment, and the harts and RAM
 *                            the device tree describes against what
 *                            QEMU was asked for
 *   vectors   illegal instruction, breakpoint, load and store page
 *             faults, a store to read-only text: caught by installed
 *             handlers, which resume
 *   mmu [sv39|sv48|sv57]  the identity map: Sv39 on at boot, read-only
 *             text, an alias mapping, translation off and on again; in
 *             Sv48 or Sv57 (mmu_set_satp_mode()), also a page only that
 *             mode reaches, faults beside it and past its width, CPU 1
 *             switched along, and the way back to Sv39
 *   smp       every CPU runs on_cpus() work and knows who it is
 * and purpose-made endings that kut-run's own tests check from outside:
 *   pass, fail, skip, pagefault (unexpected store page fault), leaf
 *   (the same in a function that calls none), illegal (unexpected
 *   illegal instruction), hang, abort, assert.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <devicetree.h>
#include <vmalloc.h>
#include <asm/csr.h>
#include <asm/mmu.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/sbi.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/timer.h>
#include "hsm-wait.h"
#include "../common/selftest.h"

/* "name=value" in argv, or NULL. */
static u64 dt_ram_bytes(void)
{
	struct dt_pbus_reg regs[8];
	int n = dt_get_memory_params(regs, ARRAY_SIZE(regs)), i;
	u64 ram = 0;

	for (i = 0; i < n; i++)
		ram += regs[i].size;
	return ram;
}

static void check_setup(int argc, char **argv)
{
	const char *want_argc = getenv("SELFTEST_ARGC");
	const char *smp = arg_value(argc, argv, "smp");
	const char *mem = arg_value(argc, argv, "mem");
	u64 ram = dt_ram_bytes();
	int local;

	report_prefix_push("setup");
	report(argv[argc] == NULL, "argv is NULL-terminated (argc=%d)", argc);
	if (want_argc)
		report(argc == atol(want_argc), "argc %d == SELFTEST_ARGC %s",
		       argc, want_argc);
	if (smp)
		report(nr_cpus == atol(smp), "nr_cpus %d == smp=%s", nr_cpus, smp);
	else
		report_skip("no smp=N argument");
	if (mem)
		report(ram == (u64)atol(mem) << 20, "RAM %llu MiB == mem=%s",
		       (unsigned long long)(ram >> 20), mem);
	else
		report_skip("no mem=MiB argument");
	report((uintptr_t)&local >= 0x80000000UL && (uintptr_t)&local < 0x80000000UL + ram,
	       "stack in RAM (%p)", &local);
	report(smp_processor_id() == 0 && current_thread_info() == &cpus[0],
	       "boot hart %lu is CPU 0", cpus[0].hartid);
	report(hartid_to_cpu(cpus[0].hartid) == 0 && hartid_to_cpu(~0UL) == -1,
	       "hartid_to_cpu()");
	report(timebase_frequency > 0, "timebase-frequency %llu Hz",
	       (unsigned long long)timebase_frequency);
	report_prefix_pop();
}

static volatile unsigned long caught_cause, caught_tval;

static void catch_and_skip(struct pt_regs *regs)
{
	caught_cause = regs->cause;
	caught_tval = regs->badaddr;
	regs->epc += insn_len(regs->epc);
}

/* An address the MMU maps nothing at: a page of the vmalloc window. */
static void *unmapped_page(void)
{
	void *p = alloc_vpage();

	assert(p && !virt_to_pte_phys(mmu_idmap, p));
	return p;
}

static void expect(unsigned long cause, const char *what, bool tval_ok)
{
	report(caught_cause == cause && tval_ok, "%s: handler ran (cause %lu, stval %#lx), resumed",
	       what, caught_cause, caught_tval);
	caught_cause = ~0UL;
	caught_tval = 0;
}

static void check_vectors(void)
{
	static const int causes[] = {
		EXC_INST_ILLEGAL, EXC_BREAKPOINT, EXC_LOAD_PAGE_FAULT,
		EXC_STORE_PAGE_FAULT,
	};
	volatile unsigned long *bad = unmapped_page();
	volatile u32 *text = (volatile u32 *)((uintptr_t)check_vectors & ~7UL);
	unsigned int i;

	report_prefix_push("vectors");
	for (i = 0; i < ARRAY_SIZE(causes); i++)
		install_exception_handler(causes[i], catch_and_skip);
	caught_cause = ~0UL;

	/* csrw cycle, zero: a write to a read-only CSR. */
	asm volatile(".4byte 0xc0001073");
	expect(EXC_INST_ILLEGAL, "illegal instruction", caught_tval == 0xc0001073 || !caught_tval);
	asm volatile("ebreak");
	expect(EXC_BREAKPOINT, "ebreak", true);
	(void)*bad;
	expect(EXC_LOAD_PAGE_FAULT, "load from an unmapped page",
	       caught_tval == (unsigned long)bad);
	*bad = 1;
	expect(EXC_STORE_PAGE_FAULT, "store to an unmapped page",
	       caught_tval == (unsigned long)bad);
	*text = *text;
	expect(EXC_STORE_PAGE_FAULT, "store to read-only text",
	       caught_tval == (unsigned long)text);

	for (i = 0; i < ARRAY_SIZE(causes); i++)
		install_exception_handler(causes[i], NULL);
	report_prefix_pop();
}

static const struct {
	const char *name;
	unsigned long mode;
} modes[] = {
	{ "sv39", SATP_MODE_39 }, { "sv48", SATP_MODE_48 }, { "sv57", SATP_MODE_57 },
};

static const char *mode_name(unsigned long mode)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(modes); i++)
		if (modes[i].mode == mode)
			return modes[i].name;
	return "?";
}

/* The identity map, read-only text, an alias, translation off and on. */
static void check_idmap(void)
{
	u32 *page = alloc_page(), *alias = alloc_vpage();
	uintptr_t text = (uintptr_t)check_idmap;
	pte_t *pte;

	report(csr_read(CSR_SATP) >> SATP_MODE_SHIFT == mmu_satp_mode() >> SATP_MODE_SHIFT &&
	       current_pgtable() == mmu_idmap, "%s on, with mmu_idmap",
	       mode_name(mmu_satp_mode()));
	report(virt_to_pte_phys(mmu_idmap, page) == (uintptr_t)page &&
	       virt_to_phys(page) == (uintptr_t)page, "RAM is identity mapped");
	pte = get_pte(mmu_idmap, text);
	report((*pte & (_PAGE_READ | _PAGE_WRITE | _PAGE_EXEC)) == (_PAGE_READ | _PAGE_EXEC),
	       "text is mapped read-only and executable");

	install_page(mmu_idmap, virt_to_phys(page), alias);
	page[7] = 0x12345678;
	report(alias[7] == 0x12345678, "an alias mapping reads what the page holds");
	alias[8] = 0x9abcdef0;
	report(page[8] == 0x9abcdef0, "a write through the alias lands in the page");
	report(virt_to_pte_phys(mmu_idmap, alias) == virt_to_phys(page) &&
	       virt_to_phys(alias) == virt_to_phys(page),
	       "virt_to_pte_phys() and virt_to_phys() follow the alias");

	page[9] = 1;
	mmu_disable();
	page[9] = 2;
	mmu_enable(mmu_satp_mode(), mmu_idmap);
	report(mmu_enabled() && page[9] == 2, "translation off and on again keeps memory");
}

static volatile unsigned long far_satp;
static volatile u32 far_read;

static void read_far(void *data)
{
	far_satp = csr_read(CSR_SATP);
	far_read = *(volatile u32 *)data;
}

/*
 * A wider mode: a page mapped where only it reaches, an unmapped page
 * beside it and the first address past its width fault; another CPU
 * switched with us; back to Sv39, the wide mapping is out of reach and
 * the vmalloc window's survives.
 */
static void check_wide_mode(unsigned long mode)
{
	u32 *page = alloc_page(), *alias = alloc_vpage();
	volatile u32 *far, *beside;
	unsigned long past;

	install_page(mmu_idmap, virt_to_phys(page), alias);
	if (nr_cpus > 1)
		on_cpu(1, read_far, page);	/* CPU 1 runs Sv39 tables */
	if (!mmu_set_satp_mode(mode)) {
		report_skip("the hart has no %s (satp kept Sv39)", mode_name(mode));
		return;
	}
	report((int)mmu_va_bits() == 39 + 9 * (satp_mode_levels(mode) - 3),
	       "%s: %u-bit virtual addresses", mode_name(mode), mmu_va_bits());
	check_idmap();
	far = (u32 *)(1UL << (mmu_va_bits() - 2));
	beside = far + PAGE_SIZE / sizeof(u32);
	past = 1UL << mmu_va_bits();
	install_page(mmu_idmap, virt_to_phys(page), (void *)far);
	page[3] = 0x5a5a1234;
	report(far[3] == 0x5a5a1234 && alias[3] == 0x5a5a1234,
	       "a page at %p (beyond the narrower modes) and the older alias", far);
	if (nr_cpus > 1) {
		on_cpu(1, read_far, (void *)&far[3]);
		report(far_satp >> SATP_MODE_SHIFT == mode >> SATP_MODE_SHIFT &&
		       far_read == 0x5a5a1234, "CPU 1 switched too and reads it");
	} else {
		report_skip("one CPU: none to switch with us");
	}

	install_exception_handler(EXC_LOAD_PAGE_FAULT, catch_and_skip);
	caught_cause = ~0UL;
	(void)*beside;
	expect(EXC_LOAD_PAGE_FAULT, "load from the unmapped page beside it",
	       caught_tval == (uintptr_t)beside);
	(void)*(volatile u32 *)past;
	expect(EXC_LOAD_PAGE_FAULT, "load from the first address past the width",
	       caught_tval == past);

	report(mmu_set_satp_mode(SATP_MODE_39) && mmu_va_bits() == 39 &&
	       csr_read(CSR_SATP) >> SATP_MODE_SHIFT == SATP_MODE_39 >> SATP_MODE_SHIFT,
	       "back to sv39");
	page[4] = 0x600dcafe;
	report(alias[4] == 0x600dcafe, "the vmalloc window's alias carried over");
	(void)*far;
	expect(EXC_LOAD_PAGE_FAULT, "the wide page is out of reach",
	       caught_tval == (uintptr_t)far);
	install_exception_handler(EXC_LOAD_PAGE_FAULT, NULL);
}

static void check_mmu(int argc, char **argv)
{
	const char *want = argc > 2 ? argv[2] : "sv39";
	unsigned int i;

	report_prefix_push("mmu");
	for (i = 0; i < ARRAY_SIZE(modes); i++)
		if (!strcmp(want, modes[i].name))
			break;
	if (i == ARRAY_SIZE(modes)) {
		report_abort("mmu %s: not sv39, sv48 or sv57", want);
	} else if (modes[i].mode == SATP_MODE_39) {
		report(mmu_satp_mode() == SATP_MODE_39, "Sv39 on at boot (mmu_satp_mode())");
		check_idmap();
	} else {
		check_wide_mode(modes[i].mode);
	}
	report_prefix_pop();
}

/* The image's first byte, where OpenSBI enters it (head.S). */
extern char _head[];

static unsigned long seen_hartid[NR_CPUS];
static int seen_cpu[NR_CPUS];

static void whoami(void *data)
{
	int cpu = smp_processor_id();

	(void)data;
	seen_hartid[cpu] = current_thread_info()->hartid;
	seen_cpu[cpu] = cpu;
	smp_wmb();
}

static void check_smp(void)
{
	int cpu, ok = 1;

	report_prefix_push("smp");
	for (cpu = 0; cpu < nr_cpus; cpu++)
		seen_cpu[cpu] = -1;
	if (nr_cpus > 1) {
		/*
		 * What OpenSBI 1.1's HART_START race does now and then: the
		 * hart leaves for the image's entry with the boot's a1.
		 */
		struct sbiret ret = sbi_hart_start(cpus[nr_cpus - 1].hartid,
						   virt_to_phys(_head), 0);

		on_cpu(nr_cpus - 1, whoami, NULL);
		report(!ret.error && seen_cpu[nr_cpus - 1] == nr_cpus - 1,
		       "a hart started at the image's entry joins as CPU %d",
		       nr_cpus - 1);
	}
	on_cpus(whoami, NULL);
	smp_rmb();
	for (cpu = 0; cpu < nr_cpus; cpu++) {
		struct sbiret st = sbi_hart_get_status(cpus[cpu].hartid);

		if (seen_cpu[cpu] != cpu || seen_hartid[cpu] != cpus[cpu].hartid ||
		    st.error || st.value != SBI_EXT_HSM_STARTED) {
			report_info("CPU %d: ran as %d on hart %lu, device tree says %lu, HSM status %ld/%ld",
				    cpu, seen_cpu[cpu], seen_hartid[cpu],
				    cpus[cpu].hartid, st.error, st.value);
			ok = 0;
		}
	}
	report(ok, "on_cpus() ran on all %d CPUs, each on its own hart", nr_cpus);
	report(cpumask_weight(&cpu_online_mask) == nr_cpus, "%d CPUs online",
	       cpumask_weight(&cpu_online_mask));
	/* Twice more, so that idle CPUs are woken again. */
	on_cpus(whoami, NULL);
	on_cpu(nr_cpus - 1, whoami, NULL);
	report(seen_cpu[nr_cpus - 1] == nr_cpus - 1, "idle CPUs take more work");
	if (nr_cpus < 2) {
		report_skip("one CPU: none to halt and start again");
		report_prefix_pop();
		return;
	}
	/* halt() stops the hart; the next on_cpu() starts it again. */
	on_cpu_async(nr_cpus - 1, stop_here, NULL);
	report(hart_reaches(nr_cpus - 1, SBI_EXT_HSM_STOPPED) &&
	       !cpu_online(nr_cpus - 1), "halt(): CPU %d stopped, offline",
	       nr_cpus - 1);
	seen_cpu[nr_cpus - 1] = -1;
	on_cpu(nr_cpus - 1, whoami, NULL);
	report(seen_cpu[nr_cpus - 1] == nr_cpus - 1 && cpu_online(nr_cpus - 1),
	       "on_cpu() starts a halted CPU again, which runs the work once");
	/* At once this time: halt() and on_cpu() race HSM STOP_PENDING. */
	on_cpu_async(nr_cpus - 1, stop_here, NULL);
	seen_cpu[nr_cpus - 1] = -1;
	on_cpu(nr_cpus - 1, whoami, NULL);
	report(seen_cpu[nr_cpus - 1] == nr_cpus - 1, "and again, right after halt()");
	report_prefix_pop();
}

/* A leaf: GCC keeps its return address in ra only. */
static noinline void store_to(volatile int *p)
{
	*p = 1;
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (!strcmp(what, "setup")) {
		check_setup(argc, argv);
	} else if (!strcmp(what, "vectors")) {
		check_vectors();
	} else if (!strcmp(what, "mmu")) {
		check_mmu(argc, argv);
	} else if (!strcmp(what, "smp")) {
		check_smp();
	} else if (!strcmp(what, "pass")) {
		report_pass("a passing check");
	} else if (!strcmp(what, "fail")) {
		report_fail("a failing check");
	} else if (!strcmp(what, "skip")) {
		report_skip("a skipped check");
	} else if (!strcmp(what, "pagefault")) {
		*(volatile int *)unmapped_page() = 1;
	} else if (!strcmp(what, "leaf")) {
		store_to(unmapped_page());
	} else if (!strcmp(what, "illegal")) {
		asm volatile(".4byte 0xc0001073");
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
