// SPDX-License-Identifier: MIT
/*
 * selftest.c - checks of the ppc64 framework itself (either byte order),
 * one area per first argument (see unittests.cfg):
 *   setup [smp=N] [mem=MiB]  argv, environment, the CPUs and RAM the
 *                            device tree describes against what QEMU was
 *                            asked for, byte order, per-CPU data
 *   vectors   trap, illegal instruction, system call: caught by
 *             installed handlers, which resume after the instruction
 *   smp       every CPU runs on_cpus() work and knows who it is
 *   mmu       translation off at boot; setup_vm() turns the radix MMU on,
 *             on every CPU; a store to vmalloc's guard page or to a
 *             freed page is a data storage interrupt naming the address;
 *             user mode: it runs code, stores and prints, a privileged
 *             instruction there is a program interrupt, and it ends
 *   console-input  getchar() returns the bytes sent to the virtual
 *             terminal (QEMU's standard input), in order: want=<the bytes>
 * and purpose-made endings that kut-run's own tests check from outside:
 *   pass, fail, skip, illegal (an unexpected program interrupt), leaf
 *   (the same in a function that calls none), hang, abort, assert.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <vmalloc.h>
#include <asm/mmu.h>
#include <asm/processor.h>
#include <asm/rtas.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include "../common/selftest.h"

#define SRR1_TRAP	0x20000UL	/* program interrupt: a trap */
#define SRR1_ILLEGAL	0x80000UL	/* program interrupt: illegal insn */
#define SRR1_PRIV	0x40000UL	/* program interrupt: privileged insn */

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
	unsigned long msr = mfmsr();
	int local;

	report_prefix_push("setup");
	report(argv[argc] == NULL, "argv is NULL-terminated (argc=%d)", argc);
	if (want_argc)
		report(argc == atol(want_argc), "argc %d == SELFTEST_ARGC %s",
		       argc, want_argc);
	if (smp)
		report(nr_cpus_present == atol(smp) && cpu_count() == nr_cpus_present,
		       "nr_cpus_present %d == smp=%s", nr_cpus_present, smp);
	else
		report_skip("no smp=N argument");
	if (mem)
		report(ram == (u64)atol(mem) << 20, "RAM %llu MiB == mem=%s",
		       (unsigned long long)(ram >> 20), mem);
	else
		report_skip("no mem=MiB argument");
	report((uintptr_t)&local < ram, "stack in RAM (%p)", &local);
	report((msr & MSR_SF) && !(msr & (MSR_IR | MSR_DR | MSR_PR)),
	       "64-bit supervisor mode, MMU off (MSR %#lx)", msr);
	report(!!(msr & MSR_LE) == (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__),
	       "running %s-endian, as built",
	       (msr & MSR_LE) ? "little" : "big");
	report(smp_processor_id() == 0 && current_cpu() == &cpus[0] &&
	       cpus[0].server_no == fdt_boot_cpuid_phys(dt_fdt()),
	       "boot CPU (server %lu) is CPU 0", cpus[0].server_no);
	report(tb_hz > 0, "timebase-frequency %llu Hz", (unsigned long long)tb_hz);
	report(machine_is_pseries() && (host_is_tcg != host_is_kvm),
	       "pseries, under %s", host_is_kvm ? "KVM" : "TCG");
	report_prefix_pop();
}

static volatile unsigned long caught_trap, caught_srr1;

static void catch_and_skip(struct pt_regs *regs, void *data)
{
	(void)data;
	caught_trap = regs->trap;
	caught_srr1 = regs->msr;
	regs_advance_insn(regs);
}

/* sc: SRR0 is past the instruction already. */
static void catch_only(struct pt_regs *regs, void *data)
{
	(void)data;
	caught_trap = regs->trap;
	caught_srr1 = regs->msr;
}

static void expect(unsigned long trap, unsigned long srr1_bits, const char *what)
{
	report(caught_trap == trap && (caught_srr1 & srr1_bits) == srr1_bits,
	       "%s: handler ran (vector %#lx, SRR1 %#lx), resumed", what,
	       caught_trap, caught_srr1);
	caught_trap = 0;
	caught_srr1 = 0;
}

static void check_vectors(void)
{
	report_prefix_push("vectors");
	handle_exception(0x700, catch_and_skip, NULL);
	handle_exception(0xc00, catch_only, NULL);

	asm volatile("tw 31,0,0");
	expect(0x700, SRR1_TRAP, "trap");
	asm volatile(".long 0");		/* an illegal instruction */
	expect(0x700, SRR1_ILLEGAL, "illegal instruction");
	asm volatile("sc" : : : "r0", "r3", "r4", "r5", "r6", "r7", "r8",
		     "r9", "r10", "r11", "r12", "cr0", "ctr", "xer", "memory");
	expect(0xc00, 0, "system call");

	handle_exception(0x700, NULL, NULL);
	handle_exception(0xc00, NULL, NULL);
	report_prefix_pop();
}

static struct cpu *seen_r13[NR_CPUS];
static int seen_cpu[NR_CPUS];
static bool seen_running[NR_CPUS];

static bool rtas_running(unsigned long server);

static void whoami(void *data)
{
	int cpu = smp_processor_id();

	(void)data;
	seen_r13[cpu] = current_cpu();
	seen_cpu[cpu] = cpu;
	seen_running[cpu] = rtas_running(current_cpu()->server_no);
	smp_wmb();
}

/*
 * RTAS's view: whether the CPU with this server number is running (a CPU
 * asking about itself: an idle one, ceded, reads as stopped).
 */
static bool rtas_running(unsigned long server)
{
	uint32_t token;
	int state = -1;

	return rtas_token("query-cpu-stopped-state", &token) == 0 &&
	       rtas_call(token, 1, 2, &state, (int)server) == 0 && state == 2;
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
		if (seen_cpu[cpu] != cpu || seen_r13[cpu] != &cpus[cpu] ||
		    !seen_running[cpu]) {
			report_info("CPU %d: ran as %d with r13 %p, server %lu %s",
				    cpu, seen_cpu[cpu], seen_r13[cpu], cpus[cpu].server_no,
				    seen_running[cpu] ? "running" : "not running");
			ok = 0;
		}
	}
	report(ok, "on_cpus() ran on all %d CPUs, each with its own struct cpu "
	       "and server", nr_cpus);
	report(cpumask_weight(&cpu_online_mask) == nr_cpus, "%d CPUs online",
	       cpumask_weight(&cpu_online_mask));
	/* Twice more, so that idle (ceded) CPUs are woken again. */
	on_cpus(whoami, NULL);
	on_cpu(nr_cpus - 1, whoami, NULL);
	report(seen_cpu[nr_cpus - 1] == nr_cpus - 1, "idle CPUs take more work");
	report_prefix_pop();
}

static volatile unsigned long caught_dar;

static void catch_dsi(struct pt_regs *regs, void *data)
{
	(void)data;
	caught_trap = regs->trap;
	caught_dar = regs->dar;
	regs_advance_insn(regs);
}

/* One plain store (no update form: a skipped one would update nothing). */
static void store(volatile u64 *p, u64 v)
{
	asm volatile("std %1,0(%0)" : : "b"(p), "r"(v) : "memory");
}

static void translating(void *ok)
{
	if (!mmu_enabled())
		*(volatile bool *)ok = false;
}

static void check_mmu(void)
{
	volatile u64 *buf;
	bool ok = true;

	report_prefix_push("mmu");
	report(!mmu_enabled() && !mmu_idmap, "translation off at boot");
	setup_vm();
	report(mmu_enabled() && mmu_idmap && current_cpu()->pgtable == (void *)mmu_idmap &&
	       mfspr(SPR_PIDR) == 1, "setup_vm(): radix translation on, PID 1");
	on_cpus(translating, &ok);
	report(ok, "on every CPU (%d)", cpu_count());

	handle_exception(0x300, catch_dsi, NULL);
	buf = vmalloc(PAGE_SIZE);
	buf[0] = 1;
	caught_trap = caught_dar = 0;
	store(&buf[PAGE_SIZE / 8], 2);
	report(caught_trap == 0x300 && caught_dar == (uintptr_t)&buf[PAGE_SIZE / 8],
	       "a store to the guard page: interrupt %#lx at %#lx", caught_trap,
	       caught_dar);
	vfree((void *)buf);
	caught_trap = caught_dar = 0;
	store(&buf[1], 3);
	report(caught_trap == 0x300 && caught_dar == (uintptr_t)&buf[1],
	       "a store to a freed page: interrupt %#lx at %#lx", caught_trap,
	       caught_dar);
	handle_exception(0x300, NULL, NULL);
	report_prefix_pop();
}

static volatile int user_stores;

/* After check_mmu(): user mode needs translation on. */
static void check_usermode(void)
{
	unsigned long msr = 0;
	bool user, still_user;

	report_prefix_push("usermode");
	handle_exception(0x700, catch_and_skip, NULL);
	caught_trap = caught_srr1 = 0;
	enter_usermode();
	user = in_usermode();
	user_stores++;
	printf("a line printed from user mode\n");
	still_user = in_usermode();
	asm volatile("mfmsr %0" : "+r"(msr));
	exit_usermode();
	report(user && still_user && user_stores == 1,
	       "enter_usermode(): in user mode, which stores and prints");
	report(!msr, "mfmsr did not run in user mode");
	expect(0x700, SRR1_PRIV | MSR_PR,
	       "mfmsr in user mode: a privileged-instruction program interrupt");
	report(!in_usermode() && !(mfmsr() & (MSR_PR | MSR_EE)),
	       "exit_usermode(): privileged again, interrupts off");
	handle_exception(0x700, NULL, NULL);
	report_prefix_pop();
}

/* A leaf: its return address stays in LR. */
static noinline void illegal_in_leaf(void)
{
	asm volatile(".long 0");
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (!strcmp(what, "setup")) {
		check_setup(argc, argv);
	} else if (!strcmp(what, "vectors")) {
		check_vectors();
	} else if (!strcmp(what, "smp")) {
		check_smp();
	} else if (!strcmp(what, "mmu")) {
		check_mmu();
		check_usermode();
	} else if (!strcmp(what, "console-input")) {
		check_console_input(argc, argv);
	} else if (!strcmp(what, "pass")) {
		report_pass("a passing check");
	} else if (!strcmp(what, "fail")) {
		report_fail("a failing check");
	} else if (!strcmp(what, "skip")) {
		report_skip("a skipped check");
	} else if (!strcmp(what, "illegal")) {
		asm volatile(".long 0");
	} else if (!strcmp(what, "leaf")) {
		illegal_in_leaf();
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
