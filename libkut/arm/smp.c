// SPDX-License-Identifier: MIT
/*
 * smp.c - secondary CPUs: PSCI CPU_ON bring-up and the idle loop, which
 * waits in WFE for on_cpu() work (../fdt/on-cpu.c), kicked with SEV.
 *
 * One CPU boots at a time (boot_lock), since secondary_data is shared.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <asm/smp.h>
#include <asm/setup.h>
#include <asm/psci.h>
#include <asm/mmu.h>
#include <asm/processor.h>
#include <asm/spinlock.h>

#include "arm.h"
#include "../fdt/on-cpu.h"

struct secondary_data secondary_data;
cpumask_t cpu_present_mask;
cpumask_t cpu_online_mask;
cpumask_t cpu_idle_mask;

static struct spinlock boot_lock;

int mpidr_to_cpu(uint64_t mpidr)
{
	int i;

	for (i = 0; i < nr_cpus; i++)
		if (cpus[i] == (mpidr & MPIDR_HWID_BITMASK))
			return i;
	return -1;
}

/* CPU 0's number, once the device tree says which MPIDR is which. */
void smp_boot_cpu_init(void)
{
	struct thread_info *ti = current_thread_info();
	int cpu = mpidr_to_cpu(get_mpidr());

	ti->cpu = cpu < 0 ? 0 : cpu;
	cpumask_set_cpu(ti->cpu, &cpu_online_mask);
	mmu_mark_enabled(ti->cpu);
}

void *thread_stack_alloc(void)
{
	void *base = alloc_pages(THREAD_SHIFT - PAGE_SHIFT);

	assert(base);
	return base + THREAD_START_SP;
}

/*
 * A secondary CPU, on the stack secondary_data gave it: it fills its own
 * thread_info (a test may start CPUs with PSCI CPU_ON itself, setting
 * only secondary_data, as upstream's psci test does), turns its MMU on,
 * says it is online and runs the entry function, then idles.
 */
void kut_arm_secondary_setup(void)
{
	struct thread_info *ti = current_thread_info();
	secondary_entry_fn entry;

	mmu_boot_setup();
	thread_info_init(ti, 0);
	ti->pgtable = mmu_idmap;
	mmu_mark_enabled(ti->cpu);
	on_cpu_work_clear(ti->cpu);
	/* Read before we are online: then the next boot may change it. */
	entry = secondary_data.entry;
	smp_mb();
	cpumask_set_cpu(ti->cpu, &cpu_online_mask);
	sev();
	if (entry)
		entry();
	do_idle();
}

static void boot_secondary(int cpu, secondary_entry_fn entry)
{
	secondary_data.stack = thread_stack_alloc();
	secondary_data.entry = entry;
	mmu_mark_disabled(cpu);
	/* The new CPU reads it with its MMU (and caches) still off. */
	flush_dcache_addr((unsigned long)&secondary_data);
	dsb(ish);
	if (cpu_psci_cpu_boot(cpu)) {
		spin_unlock(&boot_lock);
		abort();
	}
	while (!cpu_online(cpu))
		wfe();
}

void smp_boot_secondary(int cpu, secondary_entry_fn entry)
{
	assert_msg(cpu > 0 && cpu < nr_cpus, "no CPU %d", cpu);
	spin_lock(&boot_lock);
	if (cpu_online(cpu)) {
		spin_unlock(&boot_lock);
		printf("smp_boot_secondary: CPU %d is already online\n", cpu);
		abort();
	}
	boot_secondary(cpu, entry);
	spin_unlock(&boot_lock);
}

void smp_boot_secondary_nofail(int cpu, secondary_entry_fn entry)
{
	assert_msg(cpu > 0 && cpu < nr_cpus, "no CPU %d", cpu);
	spin_lock(&boot_lock);
	if (!cpu_online(cpu))
		boot_secondary(cpu, entry);
	spin_unlock(&boot_lock);
}

void do_idle(void)
{
	int cpu = smp_processor_id();

	if (cpu == 0)
		cpu0_calls_idle = true;
	for (;;) {
		cpumask_set_cpu(cpu, &cpu_idle_mask);
		sev();
		while (!on_cpu_work_pending(cpu))
			wfe();
		on_cpu_run_work(cpu);
	}
}

void arch_cpu_kick(int cpu)
{
	(void)cpu;
	dsb(ish);
	sev();
}

void halt(void)
{
	if (smp_processor_id() == 0)
		exit(report_summary());
	local_irq_disable();
	cpumask_clear_cpu(smp_processor_id(), &cpu_online_mask);
	cpu_psci_cpu_die();
	for (;;)
		wfi();
}
