// SPDX-License-Identifier: MIT
/*
 * psci.c - the PSCI firmware interface QEMU emulates (Arm DEN 0022): its
 * version and features, and CPU_ON / AFFINITY_INFO / CPU_OFF seen from
 * both sides (needs -smp 2 or more for the CPU checks), every secondary
 * going off and one coming back on.  "cpu-on-race" (-smp 3 or more):
 * CPUs racing to CPU_ON the same CPU, 20 times: one wins each time, the
 * others hear ALREADY_ON or ON_PENDING, and it starts once.
 * "system-reset": SYSTEM_RESET, which must not return (kut-run's
 * -no-reboot makes QEMU exit; make check looks at that from outside).
 */
#include <libcflat.h>
#include <asm/psci.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/processor.h>
#include <asm/delay.h>
#include <asm/mmu.h>
#include <asm/io.h>

static int affinity_info(int cpu)
{
#ifdef __aarch64__
	return psci_invoke(PSCI_0_2_FN64_AFFINITY_INFO, cpus[cpu], 0, 0);
#else
	return psci_invoke(PSCI_0_2_FN_AFFINITY_INFO, cpus[cpu], 0, 0);
#endif
}

/* Wait up to a second for @cpu's affinity state to become @state. */
static bool wait_affinity(int cpu, int state)
{
	int i;

	for (i = 0; i < 1000; i++) {
		if (affinity_info(cpu) == state)
			return true;
		mdelay(1);
	}
	return false;
}

static void cpu_off(void *data)
{
	(void)data;
	cpumask_clear_cpu(smp_processor_id(), &cpu_online_mask);
	cpumask_clear_cpu(smp_processor_id(), &cpu_idle_mask);
	cpu_psci_cpu_die();
}

extern char secondary_entry[];

#define RACE_ROUNDS	20

static volatile int race_go, race_started;
static int race_ret[NR_CPUS];
static cpumask_t race_done;

/* CPU @data's race: CPU_ON the last CPU, as soon as everyone is ready. */
static void race_cpu_on(void *data)
{
	int target = nr_cpus - 1, me = smp_processor_id();

	(void)data;
	while (!race_go)
		cpu_relax();
	race_ret[me] = psci_cpu_on(cpus[target], virt_to_phys(secondary_entry));
	cpumask_set_cpu(me, &race_done);
}

/* What the CPU that wins the race runs (kut's secondary_entry calls it). */
static void race_target_entry(void)
{
	__atomic_add_fetch(&race_started, 1, __ATOMIC_SEQ_CST);
}

/* One race; whether exactly one racer succeeded and the rest were told so. */
static bool race_round(int round)
{
	int target = nr_cpus - 1, cpu, wins = 0, others_ok = 1;

	cpumask_clear(&race_done);
	race_go = 0;
	race_started = 0;
	/* The racers first: starting them uses secondary_data too. */
	for (cpu = 1; cpu < target; cpu++)
		on_cpu_async(cpu, race_cpu_on, NULL);
	/* The target starts as kut's secondaries do: set up its stack. */
	secondary_data.stack = thread_stack_alloc();
	secondary_data.entry = race_target_entry;
	mmu_mark_disabled(target);
	flush_dcache_addr((unsigned long)&secondary_data);
	smp_mb();
	race_go = 1;
	race_cpu_on(NULL);
	for (cpu = 0; cpu < target; cpu++) {
		while (!cpumask_test_cpu(cpu, &race_done))
			cpu_relax();
		if (race_ret[cpu] == PSCI_RET_SUCCESS)
			wins++;
		else if (race_ret[cpu] != PSCI_RET_ALREADY_ON &&
			 race_ret[cpu] != PSCI_RET_ON_PENDING)
			others_ok = 0;
	}
	if (!wait_affinity(target, PSCI_0_2_AFFINITY_LEVEL_ON))
		return false;
	while (!cpu_online(target))
		cpu_relax();
	mdelay(10);
	if (wins != 1 || !others_ok || race_started != 1)
		report_info("round %d: %d successes, %d starts", round, wins,
			    race_started);
	/* Off again, for the next round. */
	on_cpu_async(target, cpu_off, NULL);
	wait_affinity(target, PSCI_0_2_AFFINITY_LEVEL_OFF);
	return wins == 1 && others_ok && race_started == 1;
}

/*
 * CPUs 0 .. n-2 race to CPU_ON CPU n-1, over and over: PSCI lets one of
 * them succeed (SUCCESS), the others hear ALREADY_ON or ON_PENDING, and
 * the CPU starts once.
 */
static void check_cpu_on_race(void)
{
	int round, good = 0;

	report_prefix_push("cpu-on-race");
	if (nr_cpus < 3) {
		report_skip("needs -smp 3 or more");
		return report_prefix_pop();
	}
	for (round = 0; round < RACE_ROUNDS; round++)
		good += race_round(round);
	report(good == RACE_ROUNDS, "%d CPUs raced to CPU_ON CPU %d %d times: "
	       "one succeeded, the others did not, it started once (%d good)",
	       nr_cpus - 1, nr_cpus - 1, RACE_ROUNDS, good);
	report_prefix_pop();
}

static void check_off_and_on_again(void)
{
	int cpu, off = 1;

	report_prefix_push("cpu-off-on");
	for (cpu = 1; cpu < nr_cpus; cpu++)
		if (cpu_online(cpu))
			on_cpu_async(cpu, cpu_off, NULL);
	for (cpu = 1; cpu < nr_cpus; cpu++)
		off &= wait_affinity(cpu, PSCI_0_2_AFFINITY_LEVEL_OFF);
	report(off, "every secondary CPU_OFF: AFFINITY_INFO says off");
	smp_boot_secondary(1, NULL);
	report(affinity_info(1) == PSCI_0_2_AFFINITY_LEVEL_ON,
	       "CPU 1 started again after CPU_OFF");
	on_cpu_async(1, cpu_off, NULL);
	report(wait_affinity(1, PSCI_0_2_AFFINITY_LEVEL_OFF), "and off again");
	report_prefix_pop();
}

int main(int argc, char **argv)
{
	int ver = psci_invoke(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0);
	int major = PSCI_VERSION_MAJOR(ver), minor = PSCI_VERSION_MINOR(ver);
	int ret;

	if (argc > 1 && !strcmp(argv[1], "cpu-on-race")) {
		check_cpu_on_race();
		return report_summary();
	}
	if (argc > 1 && !strcmp(argv[1], "system-reset")) {
		printf("psci: SYSTEM_RESET\n");
		psci_system_reset();
		report_fail("SYSTEM_RESET returned");
		return report_summary();
	}

	report(ver >= 0 && (major >= 1 || minor >= 2),
	       "PSCI_VERSION %d.%d (0.2 or later)", major, minor);
	if (major >= 1) {
		report(psci_invoke(PSCI_1_0_FN_PSCI_FEATURES,
				   PSCI_0_2_FN_CPU_ON, 0, 0) == 0 ||
		       psci_invoke(PSCI_1_0_FN_PSCI_FEATURES,
				   PSCI_0_2_FN64_CPU_ON, 0, 0) == 0,
		       "PSCI_FEATURES: CPU_ON supported");
		report(psci_invoke(PSCI_1_0_FN_PSCI_FEATURES, 0x8400ffff, 0, 0) ==
		       PSCI_RET_NOT_SUPPORTED, "PSCI_FEATURES: unknown call not supported");
	}
	report(affinity_info(0) == PSCI_0_2_AFFINITY_LEVEL_ON,
	       "AFFINITY_INFO: the boot CPU is on");
	report(psci_cpu_on(0xff00ff, 0x40000000) == PSCI_RET_INVALID_PARAMS,
	       "CPU_ON of an MPIDR that does not exist: INVALID_PARAMETERS");

	if (nr_cpus < 2) {
		report_skip("CPU_ON and CPU_OFF need -smp 2 or more");
		return report_summary();
	}
	report(affinity_info(1) == PSCI_0_2_AFFINITY_LEVEL_OFF,
	       "AFFINITY_INFO: CPU 1 is off before it is started");
	smp_boot_secondary(1, NULL);
	report(affinity_info(1) == PSCI_0_2_AFFINITY_LEVEL_ON,
	       "CPU_ON: CPU 1 runs, AFFINITY_INFO says on");
	ret = psci_cpu_on(cpus[1], 0x40000000);
	report(ret == PSCI_RET_ALREADY_ON, "CPU_ON of a running CPU: ALREADY_ON (%d)",
	       ret);
	on_cpu_async(1, cpu_off, NULL);
	report(wait_affinity(1, PSCI_0_2_AFFINITY_LEVEL_OFF),
	       "CPU_OFF: CPU 1 stopped, AFFINITY_INFO says off");
	check_off_and_on_again();
	return report_summary();
}
