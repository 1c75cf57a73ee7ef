/* SPDX-License-Identifier: MIT */
/*
 * on-cpu.h - on_cpu()/on_cpus() for the arches whose CPUs come from the
 * device tree and idle in kut (arm, arm64, riscv64); internal, not
 * installed.
 *
 * Work for an idle CPU is one {func, data} slot per CPU.  The CPU is in
 * cpu_idle_mask while it waits; on_cpu_async() takes it out, fills the
 * slot and kicks it (arch_cpu_kick()); the CPU runs the work and goes
 * back into the mask, so "idle again" means "done".  Each arch's idle
 * loop waits its own way and calls the two functions below.
 */
#ifndef KUT_FDT_ON_CPU_H
#define KUT_FDT_ON_CPU_H

#include <stdbool.h>

/* arch: wake CPU @cpu, whose work slot has just been filled. */
void arch_cpu_kick(int cpu);
/*
 * arch, optional: whether CPU @cpu, online to kut but not idle, was
 * stopped behind kut's back (riscv: a test's own HSM HART_STOP); if so
 * it is marked offline, and on_cpu() starts it again.  The default
 * (weak, in on-cpu.c) says no.
 */
bool arch_cpu_stopped(int cpu);

/* For CPU @cpu's idle loop: whether work waits, and run it (then done). */
bool on_cpu_work_pending(int cpu);
void on_cpu_run_work(int cpu);
/*
 * Forget CPU @cpu's work: for a CPU (re)starting, whose last work may
 * have turned it off (PSCI CPU_OFF) before it could say it was done.
 */
void on_cpu_work_clear(int cpu);

#endif /* KUT_FDT_ON_CPU_H */
