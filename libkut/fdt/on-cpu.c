// SPDX-License-Identifier: MIT
/*
 * on-cpu.c - how on_cpu() (libkut/smp.c) hands work to a CPU, and the
 * CPU count of <smp.h>, and the mask forms of <on-cpus.h>, for the
 * device-tree arches (on-cpu.h).  A CPU
 * that is not online yet is started first (smp_boot_secondary_nofail());
 * waiting is smp_wait_for_event() (WFE on arm, a PAUSE on riscv).
 */
#include <libcflat.h>
#include <smp.h>
#include <asm/barrier.h>
#include <asm/smp.h>
#include <asm/spinlock.h>
#include <on-cpus.h>

#include "../arch.h"
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

void on_cpu_work_clear(int cpu)
{
	__atomic_store_n(&work[cpu].func, NULL, __ATOMIC_RELEASE);
}

void on_cpu_run_work(int cpu)
{
	struct on_cpu_work *w = &work[cpu];

	w->func(w->data);
	__atomic_store_n(&w->func, NULL, __ATOMIC_RELEASE);
}

bool __attribute__((weak)) arch_cpu_stopped(int cpu)
{
	(void)cpu;
	return false;
}

/* arch.h: on_cpu() (libkut/smp.c) waits for the CPU to be idle again. */
unsigned int arch_on_cpu_queue(int cpu, void (*func)(void *data), void *data)
{
	struct on_cpu_work *w = &work[cpu];

	assert_msg(cpu != 0 || cpu0_calls_idle,
		   "work for CPU 0, which runs main() and does not idle "
		   "(set cpu0_calls_idle if it will)");
	spin_lock(&work_lock);
	while (!cpumask_test_cpu(cpu, &cpu_idle_mask)) {
		spin_unlock(&work_lock);
		/*
		 * Not started yet, or its last work turned it off (halt()),
		 * or something else did.
		 */
		if (!cpu_online(cpu) || arch_cpu_stopped(cpu))
			smp_boot_secondary_nofail(cpu, NULL);
		else
			smp_wait_for_event();
		spin_lock(&work_lock);
	}
	cpumask_clear_cpu(cpu, &cpu_idle_mask);
	w->data = data;
	__atomic_store_n(&w->func, func, __ATOMIC_RELEASE);
	spin_unlock(&work_lock);
	arch_cpu_kick(cpu);
	return 0;
}

void arch_on_cpu_wait(int cpu, unsigned int ticket)
{
	(void)ticket;
	while (!cpumask_test_cpu(cpu, &cpu_idle_mask))
		smp_wait_for_event();
	smp_rmb();
}

bool cpu0_calls_idle;

void on_cpumask_async(const cpumask_t *mask, void (*func)(void *data), void *data)
{
	int cpu, me = smp_processor_id();

	for_each_cpu(cpu, mask)
		if (cpu != me)
			on_cpu_async(cpu, func, data);
	if (cpumask_test_cpu(me, mask))
		func(data);
}

void on_cpumask(const cpumask_t *mask, void (*func)(void *data), void *data)
{
	int cpu, me = smp_processor_id();

	on_cpumask_async(mask, func, data);
	for_each_cpu(cpu, mask)
		if (cpu != me)
			arch_on_cpu_wait(cpu, 0);
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
