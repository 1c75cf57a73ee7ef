/* SPDX-License-Identifier: MIT */
/*
 * asm/smp.h - the CPUs of a pseries guest: kut's on_cpu() model and
 * upstream kvm-unit-tests' powerpc one, side by side.
 *
 * CPUs are numbered 0 .. nr_cpus_present - 1 in device-tree order (each
 * server number of each /cpus node's "ibm,ppc-interrupt-server#s", so
 * SMT threads count), CPU 0 being the one that booted; cpus[cpu] is its
 * struct cpu, which r13 points to while it runs.  A CPU starts with RTAS
 * "start-cpu" and stops itself with "stop-self".
 *
 * kut's model: on_cpu(), on_cpu_async() and on_cpus() (<smp.h>) start a
 * stopped CPU first; it then idles in kut, waiting for work.  Upstream's:
 * start_all_cpus(entry) starts every other CPU running entry(server
 * number), each stopping itself when entry returns; stop_all_cpus()
 * waits until they have.  A CPU idling for on_cpu() is not counted in
 * nr_cpus_online (which counts CPUs running start_all_cpus()'s entry,
 * and the boot CPU) and is stopped by start_all_cpus() before it starts
 * it again.
 */
#ifndef _ASMPOWERPC_SMP_H_
#define _ASMPOWERPC_SMP_H_

#include <libcflat.h>
#include <asm-generic/smp.h>
#include <cpumask.h>
#include <asm/barrier.h>
#include <asm/processor.h>

typedef void (*secondary_entry_fn)(int cpu_id);

/*
 * Per-CPU data.  The stack protector of a distro-built libfdt reads its
 * canary at r13 - 0x7010: each struct cpu sits 0x7010 bytes above a
 * copy of the guard (libkut/powerpc/smp.c).
 */
struct cpu {
	unsigned long server_no;	/* the interrupt server number */
	unsigned long stack;		/* top of its stack */
	unsigned long exception_stack;	/* top of the stack interrupts run on */
	bool in_user;
	secondary_entry_fn entry;	/* start_all_cpus()'s, or NULL */
	void *pgtable;			/* the page tables it translates with */
	int cpu;			/* kut's number, 0 .. nr_cpus_present - 1 */
	unsigned long entry_save[3];	/* interrupt entry's: r3, vector, CR */
};

extern struct cpu *const cpus;		/* cpus[0 .. nr_cpus_present) */
extern int nr_cpus_present;
extern int nr_cpus_online;
/* kut's names for the same: cpu_count() and the masks of <cpumask.h>. */
extern int nr_cpus;
extern cpumask_t cpu_present_mask, cpu_online_mask, cpu_idle_mask;

/* This CPU's struct cpu (r13). */
static inline struct cpu *current_cpu(void)
{
	struct cpu *c;

	asm volatile("mr %0,13" : "=r"(c));
	return c;
}

/* The number of the calling CPU, 0 .. nr_cpus_present - 1. */
static inline int smp_processor_id(void)
{
	return current_cpu()->cpu;
}

#define cpu_present(cpu)	cpumask_test_cpu(cpu, &cpu_present_mask)
#define cpu_online(cpu)		cpumask_test_cpu(cpu, &cpu_online_mask)

/* Spin-wait hints (upstream's names); there is no event to wait for. */
#define smp_wait_for_event()	cpu_relax()
#define smp_send_event()	cpu_relax()

/*
 * Start every other CPU running @entry(its server number); returns once
 * all are online (true), ends the test if one does not start.
 */
extern bool start_all_cpus(secondary_entry_fn entry);

/* Wait until every CPU start_all_cpus() started has stopped itself. */
extern void stop_all_cpus(void);

/*
 * Start CPU @cpu running @func() (NULL: nothing) on a stack of its own;
 * when @func returns, the CPU waits for on_cpu() work.  Waits until the
 * CPU is online.  The _nofail form returns at once for a CPU already
 * running.
 */
extern void smp_boot_secondary(int cpu, void (*func)(void));
extern void smp_boot_secondary_nofail(int cpu, void (*func)(void));

/* Stop this CPU for good (RTAS stop-self); CPU 0 ends the test. */
extern void halt(int cpu_id) __attribute__((noreturn));

/*
 * Inter-processor interrupts through the XICS interrupt controller
 * (PAPR's H_IPI, H_XIRR, H_EOI, H_CPPR): register_ipi() installs @fn as
 * the external interrupt (0x500) handler for IPIs, send_ipi() interrupts
 * the CPU with server number @cpu_id, local_ipi_enable()/disable() let
 * this CPU take them or not (its CPPR); MSR[EE] must be on too.
 */
void register_ipi(void (*fn)(struct pt_regs *, void *), void *data);
void unregister_ipi(void);
void cpu_init_ipis(void);
void local_ipi_enable(void);
void local_ipi_disable(void);
void send_ipi(int cpu_id);

#endif /* _ASMPOWERPC_SMP_H_ */
