// SPDX-License-Identifier: MIT
/*
 * smp.c - secondary CPUs: PSCI CPU_ON bring-up, the idle loop, and
 * on_cpu()/on_cpus() (asm/smp.h).
 *
 * One CPU boots at a time (boot_lock), since secondary_data is shared.
 * Work for an idle CPU is a {func, data} slot per CPU; the CPU takes it
 * out of cpu_idle_mask while it runs, so "idle again" means "done".
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

struct secondary_data secondary_data;
cpumask_t cpu_present_mask;
cpumask_t cpu_online_mask;
cpumask_t cpu_idle_mask;

struct on_cpu_work {
	void (*func)(void *data);
	void *data;
};
static struct on_cpu_work work[NR_CPUS];
static struct spinlock boot_lock;
static struct spinlock work_lock;

int mpidr_to_cpu(uint64_t mpidr)
{
	int i;

	for (i = 0; i < nr_cpus; i++)
		if (cpus[i] == (mpidr & MPIDR_HWID_BITMASK))
			return i;
	return -1;
}

void smp_boot_cpu_init(void)
{
	struct thread_info *ti = current_thread_info();
	int cpu = mpidr_to_cpu(get_mpidr());

	ti->mpidr = get_mpidr() & MPIDR_HWID_BITMASK;
	ti->cpu = cpu < 0 ? 0 : cpu;
	cpumask_set_cpu(ti->cpu, &cpu_online_mask);
}

void *thread_stack_alloc(void)
{
	void *sp = alloc_pages(THREAD_SHIFT - PAGE_SHIFT);

	assert(sp);
	return sp + THREAD_SIZE;
}

void kut_arm_secondary_setup(void)
{
	struct thread_info *ti = current_thread_info();
	secondary_entry_fn entry;

	mmu_boot_setup();
	ti->mpidr = get_mpidr() & MPIDR_HWID_BITMASK;
	entry = secondary_data.entry;
	smp_wmb();
	cpumask_set_cpu(ti->cpu, &cpu_online_mask);
	sev();
	if (entry)
		entry();
	do_idle();
}

void smp_boot_secondary(int cpu, secondary_entry_fn entry)
{
	void *stack;
	struct thread_info *ti;

	assert_msg(cpu > 0 && cpu < nr_cpus, "no CPU %d", cpu);
	spin_lock(&boot_lock);
	if (cpu_online(cpu)) {
		spin_unlock(&boot_lock);
		printf("smp_boot_secondary: CPU %d is already online\n", cpu);
		abort();
	}
	stack = thread_stack_alloc();
	ti = thread_info_sp((unsigned long)stack - 1);
	ti->cpu = cpu;
	ti->flags = 0;
	secondary_data.stack = stack;
	secondary_data.entry = entry;
	/* The new CPU reads these with its MMU (and caches) still off. */
	flush_dcache_addr((unsigned long)&secondary_data);
	flush_dcache_addr((unsigned long)ti);
	dsb(ish);
	if (cpu_psci_cpu_boot(cpu)) {
		spin_unlock(&boot_lock);
		abort();
	}
	while (!cpu_online(cpu))
		wfe();
	spin_unlock(&boot_lock);
}

void smp_boot_secondary_nofail(int cpu, secondary_entry_fn entry)
{
	smp_boot_secondary(cpu, entry);
}

void do_idle(void)
{
	int cpu = smp_processor_id();
	struct on_cpu_work *w = &work[cpu];
	void (*func)(void *data);

	for (;;) {
		cpumask_set_cpu(cpu, &cpu_idle_mask);
		sev();
		while (!(func = __atomic_load_n(&w->func, __ATOMIC_ACQUIRE)))
			wfe();
		func(w->data);
		__atomic_store_n(&w->func, NULL, __ATOMIC_RELEASE);
	}
}

void on_cpu_async(int cpu, void (*func)(void *data), void *data)
{
	struct on_cpu_work *w = &work[cpu];

	assert_msg(cpu >= 0 && cpu < nr_cpus, "no CPU %d", cpu);
	if (cpu == smp_processor_id()) {
		func(data);
		return;
	}
	if (!cpu_online(cpu))
		smp_boot_secondary(cpu, NULL);
	spin_lock(&work_lock);
	while (!cpumask_test_cpu(cpu, &cpu_idle_mask)) {
		spin_unlock(&work_lock);
		wfe();
		spin_lock(&work_lock);
	}
	cpumask_clear_cpu(cpu, &cpu_idle_mask);
	w->data = data;
	__atomic_store_n(&w->func, func, __ATOMIC_RELEASE);
	spin_unlock(&work_lock);
	dsb(ish);
	sev();
}

static void wait_idle(int cpu)
{
	while (!cpumask_test_cpu(cpu, &cpu_idle_mask))
		wfe();
	smp_rmb();
}

void on_cpu(int cpu, void (*func)(void *data), void *data)
{
	on_cpu_async(cpu, func, data);
	if (cpu != smp_processor_id())
		wait_idle(cpu);
}

void on_cpus(void (*func)(void *data), void *data)
{
	int cpu, me = smp_processor_id();

	for (cpu = 0; cpu < nr_cpus; cpu++)
		if (cpu != me)
			on_cpu_async(cpu, func, data);
	func(data);
	for (cpu = 0; cpu < nr_cpus; cpu++)
		if (cpu != me)
			wait_idle(cpu);
}

int cpu_count(void)
{
	return nr_cpus;
}

int smp_id(void)
{
	return smp_processor_id();
}

/* Secondaries start on first use: there is nothing to do up front. */
void smp_init(void)
{
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
