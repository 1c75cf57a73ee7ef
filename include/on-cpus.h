/* SPDX-License-Identifier: MIT */
/*
 * on-cpus.h - running work on other CPUs, by masks (upstream's names, on
 * the device-tree arches: arm, arm64, riscv64).  on_cpu(), on_cpu_async()
 * and on_cpus() are declared in <smp.h>; here are the mask forms:
 * on_cpumask() runs @func(@data) on every CPU of @mask (the caller's
 * too, if it is in it) and returns when all are done; _async returns once
 * the work is handed out.  A CPU not started yet is started first.
 */
#ifndef _ON_CPUS_H_
#define _ON_CPUS_H_

#include <stdbool.h>
#include <cpumask.h>

/*
 * Set when CPU 0 runs do_idle(): only then may work be queued for it
 * (otherwise on_cpu(0, ...) from another CPU would wait forever).
 */
extern bool cpu0_calls_idle;

/* The idle loop: wait for work, run it, repeat (arm: asm/smp.h). */
void do_idle(void) __attribute__((noreturn));

void on_cpumask_async(const cpumask_t *mask, void (*func)(void *data), void *data);
void on_cpumask(const cpumask_t *mask, void (*func)(void *data), void *data);

#endif /* _ON_CPUS_H_ */
