// SPDX-License-Identifier: MIT
/*
 * psci.c - the PSCI firmware interface QEMU emulates: its version and
 * features, and CPU_ON / AFFINITY_INFO / CPU_OFF seen from both sides
 * (needs -smp 2 or more for the CPU checks).
 */
#include <libcflat.h>
#include <asm/psci.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/processor.h>
#include <asm/delay.h>

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

int main(void)
{
	int ver = psci_invoke(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0);
	int major = PSCI_VERSION_MAJOR(ver), minor = PSCI_VERSION_MINOR(ver);
	int ret;

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
	return report_summary();
}
