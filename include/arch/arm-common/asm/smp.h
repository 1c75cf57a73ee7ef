/* SPDX-License-Identifier: MIT */
/*
 * asm/smp.h - bringing up secondary CPUs and running code on them.
 *
 * CPUs are numbered in device-tree order, CPU 0 being the boot CPU.
 * Secondaries are started with PSCI CPU_ON; once started they idle in
 * kut, waiting for work from on_cpu()/on_cpus() (started on demand: a
 * test that never asks for another CPU never starts one).
 */
#ifndef _ASMARM_SMP_H_
#define _ASMARM_SMP_H_

#include <libcflat.h>
#include <asm-generic/smp.h>
#include <on-cpus.h>
#include <asm/barrier.h>
#include <asm/cpumask.h>
#include <asm/setup.h>
#include <asm/thread_info.h>

#define smp_processor_id()	(current_thread_info()->cpu)

typedef void (*secondary_entry_fn)(void);

/*
 * What a secondary CPU starts with at secondary_entry (PSCI CPU_ON's
 * entry point, set by smp_boot_secondary()): its initial stack pointer
 * (thread_stack_alloc()) and the function it runs before idling.
 */
struct secondary_data {
	void *stack;		/* first member: the entry code loads it */
	secondary_entry_fn entry;
};
extern struct secondary_data secondary_data;

#define smp_wait_for_event()	wfe()
#define smp_send_event()	sev()

/* Stop this CPU for good (secondaries), or end the test (CPU 0). */
extern void halt(void) __attribute__((noreturn));

/*
 * Start CPU @cpu running @entry() on a new stack, with the boot MMU
 * tables and vectors; when @entry returns, the CPU idles and on_cpu()
 * can use it.  Waits until the CPU is online.  Starting a CPU that is
 * online already, or PSCI refusing, stops the test; the _nofail form
 * returns at once for an online CPU.
 */
extern void smp_boot_secondary(int cpu, secondary_entry_fn entry);
extern void smp_boot_secondary_nofail(int cpu, secondary_entry_fn entry);

/*
 * on_cpu(), on_cpu_async() and on_cpus() are declared in <smp.h>.  On
 * arm they start the CPU first if needed, and @func runs in the CPU's
 * idle loop with interrupts as the CPU has them.  cpu_count() is nr_cpus
 * and smp_id() is smp_processor_id().
 */

/*
 * do_idle() (<on-cpus.h>) is where a secondary waits for on_cpu() work:
 * it is in cpu_idle_mask while it waits.
 */

#endif /* _ASMARM_SMP_H_ */
