/* SPDX-License-Identifier: MIT */
/*
 * asm/smp.h - bringing up secondary harts and running code on them.
 *
 * CPUs are numbered as asm/setup.h says (CPU 0 is the boot hart).
 * Secondaries are started with SBI HSM HART_START on first use (a test
 * that never asks for another CPU never starts one), on the boot tables
 * and trap vector; they then wait in kut with WFI, woken by an SBI IPI
 * when on_cpu()/on_cpus() (<smp.h>) gives them work.  cpu_count() is
 * nr_cpus and smp_id() is smp_processor_id().
 */
#ifndef _ASMRISCV_SMP_H_
#define _ASMRISCV_SMP_H_

#include <libcflat.h>
#include <asm-generic/smp.h>
#include <cpumask.h>
#include <asm/barrier.h>
#include <asm/processor.h>

/* The number of the calling CPU. */
static inline int smp_processor_id(void)
{
	return current_thread_info()->cpu;
}

/* Spin-wait hints (upstream's names); riscv has no event to wait for. */
#define smp_wait_for_event()	cpu_relax()
#define smp_send_event()	cpu_relax()

typedef void (*secondary_func_t)(void);

/*
 * Start CPU @cpu running @func() (NULL: nothing) on a stack of its own;
 * when @func returns, the CPU waits for on_cpu() work.  Waits until the
 * CPU is online.  Starting a CPU twice ends the test (use the _nofail
 * form, which returns at once for a CPU already started).
 */
extern void smp_boot_secondary(int cpu, void (*func)(void));
extern void smp_boot_secondary_nofail(int cpu, void (*func)(void));

/* Stop this CPU for good (SBI HSM HART_STOP); CPU 0 ends the test. */
extern void halt(void) __attribute__((noreturn));

#endif /* _ASMRISCV_SMP_H_ */
