/* SPDX-License-Identifier: MIT */
/*
 * asm/cpumask.h - sets of CPUs (numbered 0 .. NR_CPUS-1, in the order of
 * the device tree's cpu nodes), under the Linux names.  Updates are
 * atomic per bit, so CPUs may set and clear their own bits concurrently.
 */
#ifndef _ASMARM_CPUMASK_H_
#define _ASMARM_CPUMASK_H_

#include <libcflat.h>
#include <asm/bitops.h>

#define NR_CPUS			255

typedef struct cpumask {
	unsigned long bits[(NR_CPUS + BITS_PER_LONG - 1) / BITS_PER_LONG];
} cpumask_t;

extern int nr_cpus;

static inline void cpumask_set_cpu(int cpu, cpumask_t *mask)
{
	set_bit(cpu, mask->bits);
}

static inline void cpumask_clear_cpu(int cpu, cpumask_t *mask)
{
	clear_bit(cpu, mask->bits);
}

static inline bool cpumask_test_cpu(int cpu, const cpumask_t *mask)
{
	return test_bit(cpu, mask->bits);
}

static inline bool cpumask_test_and_set_cpu(int cpu, cpumask_t *mask)
{
	return test_and_set_bit(cpu, mask->bits);
}

static inline bool cpumask_test_and_clear_cpu(int cpu, cpumask_t *mask)
{
	return test_and_clear_bit(cpu, mask->bits);
}

static inline void cpumask_clear(cpumask_t *mask)
{
	memset(mask, 0, sizeof(*mask));
}

static inline void cpumask_copy(cpumask_t *dst, const cpumask_t *src)
{
	memcpy(dst, src, sizeof(*dst));
}

/* The number of CPUs in @mask, of the nr_cpus that exist. */
static inline int cpumask_weight(const cpumask_t *mask)
{
	int cpu, n = 0;

	for (cpu = 0; cpu < nr_cpus; cpu++)
		n += cpumask_test_cpu(cpu, mask);
	return n;
}

static inline bool cpumask_empty(const cpumask_t *mask)
{
	return cpumask_weight(mask) == 0;
}

/* Whether @mask holds all nr_cpus CPUs. */
static inline bool cpumask_full(const cpumask_t *mask)
{
	return cpumask_weight(mask) == nr_cpus;
}

/* The first CPU after @cpu in @mask, or nr_cpus if there is none. */
static inline int cpumask_next(int cpu, const cpumask_t *mask)
{
	while (++cpu < nr_cpus && !cpumask_test_cpu(cpu, mask))
		;
	return cpu;
}

#define for_each_cpu(cpu, mask)						\
	for ((cpu) = cpumask_next(-1, mask); (cpu) < nr_cpus;		\
	     (cpu) = cpumask_next(cpu, mask))

/* CPUs the device tree lists, CPUs running kut code, CPUs idle in kut. */
extern cpumask_t cpu_present_mask;
extern cpumask_t cpu_online_mask;
extern cpumask_t cpu_idle_mask;

#define cpu_present(cpu)	cpumask_test_cpu(cpu, &cpu_present_mask)
#define cpu_online(cpu)		cpumask_test_cpu(cpu, &cpu_online_mask)
#define for_each_present_cpu(cpu)	for_each_cpu(cpu, &cpu_present_mask)
#define for_each_online_cpu(cpu)	for_each_cpu(cpu, &cpu_online_mask)

#endif /* _ASMARM_CPUMASK_H_ */
