/* SPDX-License-Identifier: MIT */
/*
 * asm/setup.h - what boot learnt from the device tree on riscv: the CPUs
 * and the timer frequency (upstream kvm-unit-tests' names).
 *
 * CPU 0 is the hart OpenSBI booted (the one running main()); the others
 * follow in device-tree order.  Harts whose node is disabled, or that
 * lack S-mode, are not counted.
 */
#ifndef _ASMRISCV_SETUP_H_
#define _ASMRISCV_SETUP_H_

#include <libcflat.h>
#include <cpumask.h>
#include <asm/processor.h>

/* Per-CPU data of each CPU (its hart id in cpus[cpu].hartid). */
extern struct thread_info cpus[NR_CPUS];
extern int nr_cpus;
/* /cpus/timebase-frequency: ticks of the time CSR per second. */
extern uint64_t timebase_frequency;

/*
 * The CPU number of hart @hartid, or -1 if it is not one of ours.  It
 * touches no stack and only temporaries: a hart just started through
 * SBI HSM, with no stack and translation off, may call it (upstream's
 * sbi test does).
 */
extern int hartid_to_cpu(unsigned long hartid);

#endif /* _ASMRISCV_SETUP_H_ */
