// SPDX-License-Identifier: MIT
/*
 * smp.c - on_cpu(), on_cpu_async() and on_cpus() of <smp.h>, once for
 * every arch.  Work for the calling CPU is a plain call; work for another
 * CPU goes through the arch (arch.h: arch_on_cpu_queue(), how the CPU
 * gets it; arch_on_cpu_wait(), until it has run), so the rules here (the
 * CPU number is checked, on_cpus() runs the caller's share itself while
 * the others run theirs) are the same everywhere.
 */
#include <libcflat.h>
#include <smp.h>

#include "arch.h"

/* on_cpus()'s tickets: more CPUs than any arch brings up (NR_CPUS, 255). */
#define ON_CPUS_MAX	256

static void check_cpu(int cpu)
{
	assert_msg(cpu >= 0 && cpu < cpu_count(),
		   "no CPU %d (cpu_count() is %d)", cpu, cpu_count());
}

void on_cpu_async(int cpu, void (*func)(void *data), void *data)
{
	check_cpu(cpu);
	if (cpu == smp_id())
		func(data);
	else
		arch_on_cpu_queue(cpu, func, data);
}

void on_cpu(int cpu, void (*func)(void *data), void *data)
{
	check_cpu(cpu);
	if (cpu == smp_id())
		func(data);
	else
		arch_on_cpu_wait(cpu, arch_on_cpu_queue(cpu, func, data));
}

void on_cpus(void (*func)(void *data), void *data)
{
	unsigned int ticket[ON_CPUS_MAX];
	int cpu, me = smp_id(), n = cpu_count();

	assert_msg(n <= ON_CPUS_MAX, "%d CPUs, more than on_cpus() takes", n);
	for (cpu = 0; cpu < n; cpu++)
		if (cpu != me)
			ticket[cpu] = arch_on_cpu_queue(cpu, func, data);
	func(data);
	for (cpu = 0; cpu < n; cpu++)
		if (cpu != me)
			arch_on_cpu_wait(cpu, ticket[cpu]);
}
