/* SPDX-License-Identifier: MIT */
/*
 * asm-generic/smp.h - the CPU names every arch shares (cpu_count, smp_id,
 * on_cpu, ...), declared once.  Each arch's <asm/smp.h> includes this
 * header, so upstream's x86 tests ("smp.h") and its arm tests
 * (<asm/smp.h>) both reach these declarations, and <smp.h> is simply
 * <asm/smp.h>: no header includes its includer.
 *
 * CPUs are numbered 0 .. cpu_count() - 1; CPU 0 is the one that runs
 * main().  How an arch numbers the others (ACPI MADT order on x86,
 * device-tree order on arm) is said in its <asm/smp.h>.
 */
#ifndef _ASM_GENERIC_SMP_H_
#define _ASM_GENERIC_SMP_H_

#ifndef __ASSEMBLY__

/* The number of CPUs the test has: -smp N gives N. */
int cpu_count(void);

/* The number of the CPU that calls it, 0 .. cpu_count() - 1. */
int smp_id(void);

/*
 * Make sure every CPU is up and ready for on_cpu().  kut starts the CPUs
 * before main() on x86 and on first use on arm, so a test never needs to
 * call this; upstream's older tests do, and it is harmless.
 */
void smp_init(void);

/*
 * Run @func(@data) on CPU @cpu.  on_cpu() returns when @func has returned;
 * on_cpu_async() returns once the work is queued, so the caller may still
 * be running when @func starts.  on_cpus() runs @func on every CPU, the
 * caller included, and returns when all of them are done.  Calling
 * on_cpu() for the calling CPU itself runs @func directly, as a plain
 * call (on_cpu_async() too).  @func on another CPU must not wait for the
 * caller of a synchronous on_cpu(): that caller is waiting for @func.
 */
void on_cpu(int cpu, void (*func)(void *data), void *data);
void on_cpu_async(int cpu, void (*func)(void *data), void *data);
void on_cpus(void (*func)(void *data), void *data);

#endif /* !__ASSEMBLY__ */

#endif /* _ASM_GENERIC_SMP_H_ */
