/* SPDX-License-Identifier: MIT */
/*
 * cpumask.h - sets of CPUs (numbered 0 .. NR_CPUS-1 as the arch's
 * <asm/smp.h> says), under the Linux names.  Updates are atomic per bit,
 * so CPUs may set and clear their own bits concurrently.  The arches with
 * a device tree (arm, arm64, riscv64) define the masks below and
 * nr_cpus; <asm/cpumask.h> is the same header under arm's name.
 */
#ifndef _CPUMASK_H_
#define _CPUMASK_H_

#include <libcflat.h>
#include <bitops.h>

#define NR_CPUS			255

typedef struct cpumask {
	unsigned long bits[(NR_CPUS + BITS_PER_LONG - 1) / BITS_PER_LONG];
} cpumask_t;

/* The words of @maskp, for the bit operations of <bitops.h>. */
#define cpumask_bits(maskp)	((maskp)->bits)

/* The number of CPUs the machine has (the device tree's cpu nodes). */
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

/* Every CPU in, every CPU out (not atomic: for masks no one else uses). */
static inline void cpumask_setall(cpumask_t *mask)
{
	memset(mask, 0xff, sizeof(*mask));
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

/* Whether every CPU of @sub is in @mask too (of the nr_cpus that exist). */
static inline bool cpumask_subset(const cpumask_t *sub, const cpumask_t *mask)
{
	int cpu;

	for (cpu = 0; cpu < nr_cpus; cpu++)
		if (cpumask_test_cpu(cpu, sub) && !cpumask_test_cpu(cpu, mask))
			return false;
	return true;
}

static inline bool cpumask_equal(const cpumask_t *a, const cpumask_t *b)
{
	return cpumask_subset(a, b) && cpumask_subset(b, a);
}

/*
 * @dst = @a & @b, @a | @b, @a ^ @b, @a & ~@b, word by word (@dst may be
 * either source); cpumask_and() and cpumask_andnot() say whether the
 * result holds any CPU.
 */
#define __CPUMASK_WORDS(dst, a, b, expr)				\
	do {								\
		unsigned int __i;					\
		for (__i = 0; __i < ARRAY_SIZE((dst)->bits); __i++) {	\
			unsigned long x = (a)->bits[__i], y = (b)->bits[__i]; \
			(dst)->bits[__i] = (expr);			\
		}							\
	} while (0)

static inline bool cpumask_and(cpumask_t *dst, const cpumask_t *a, const cpumask_t *b)
{
	__CPUMASK_WORDS(dst, a, b, x & y);
	return !cpumask_empty(dst);
}

static inline void cpumask_or(cpumask_t *dst, const cpumask_t *a, const cpumask_t *b)
{
	__CPUMASK_WORDS(dst, a, b, x | y);
}

static inline void cpumask_xor(cpumask_t *dst, const cpumask_t *a, const cpumask_t *b)
{
	__CPUMASK_WORDS(dst, a, b, x ^ y);
}

static inline bool cpumask_andnot(cpumask_t *dst, const cpumask_t *a, const cpumask_t *b)
{
	__CPUMASK_WORDS(dst, a, b, x & ~y);
	return !cpumask_empty(dst);
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
#define cpu_idle(cpu)		cpumask_test_cpu(cpu, &cpu_idle_mask)
#define for_each_present_cpu(cpu)	for_each_cpu(cpu, &cpu_present_mask)
#define for_each_online_cpu(cpu)	for_each_cpu(cpu, &cpu_online_mask)

/* Put @cpu in or out of the present, online or idle mask. */
static inline void __cpumask_assign(int cpu, cpumask_t *mask, bool in)
{
	if (in)
		cpumask_set_cpu(cpu, mask);
	else
		cpumask_clear_cpu(cpu, mask);
}
#define set_cpu_present(cpu, in)  __cpumask_assign(cpu, &cpu_present_mask, in)
#define set_cpu_online(cpu, in)	  __cpumask_assign(cpu, &cpu_online_mask, in)
#define set_cpu_idle(cpu, in)	  __cpumask_assign(cpu, &cpu_idle_mask, in)

#endif /* _CPUMASK_H_ */
