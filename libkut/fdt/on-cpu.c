// SPDX-License-Identifier: MIT
/*
 * on-cpu.c - on_cpu(), on_cpu_async(), on_cpus() and the CPU count of
 * <smp.h> for the device-tree arches (on-cpu.h).  A CPU that is not
 * online yet is started first (smp_boot_secondary_nofail()); waiting is
 * smp_wait_for_event() (WFE on arm, a PAUSE on riscv).
 */
#include <libcflat.h>
#include <smp.h>
#include <asm/barrier.h>
#include <asm/smp.h>
#include <asm/spinlock.h>

#include "on-cpu.h"

struct on_cpu_work {
	void (*func)(void *data);
	void *data;
};
static struct on_cpu_work work[NR_CPUS];
static struct spinlock work_lock;

bool on_cpu_work_pending(int cpu)
{
	return __atomic_load_n(&work[cpu].func, __ATOMIC_ACQUIRE) != NULL;
}

void on_cpu_run_work(int cpu)
{
	struct on_cpu_work *w = &work[cpu];

	w->func(w->data);
	__atomic_store_n(&w->func, NULL, __ATOMIC_RELEASE);
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
		smp_boot_secondary_nofail(cpu, NULL);
	spin_lock(&work_lock);
	while (!cpumask_test_cpu(cpu, &cpu_idle_mask)) {
		spin_unlock(&work_lock);
		smp_wait_for_event();
		spin_lock(&work_lock);
	}
	cpumask_clear_cpu(cpu, &cpu_idle_mask);
	w->data = data;
	__atomic_store_n(&w->func, func, __ATOMIC_RELEASE);
	spin_unlock(&work_lock);
	arch_cpu_kick(cpu);
}

static void wait_idle(int cpu)
{
	while (!cpumask_test_cpu(cpu, &cpu_idle_mask))
		smp_wait_for_event();
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
