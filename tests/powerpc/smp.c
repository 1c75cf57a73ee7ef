// SPDX-License-Identifier: MIT
/*
 * smp.c - the CPUs of a pseries guest (asm/smp.h), in both models:
 *   start_all_cpus()/stop_all_cpus(), upstream's: each other CPU runs
 *   the entry once, with its own server number, and stops; twice over;
 *   IPIs through XICS: each CPU takes the one sent to it, once;
 *   atomics and spinlocks under contention from every CPU;
 *   on_cpu() after all that starts the stopped CPUs again;
 *   on_cpu() to idle CPUs many times over: each call wakes the CPU from
 *   H_CEDE, and none is lost (a lost wake-up hangs here).
 */
#include <libcflat.h>
#include <asm/atomic.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/spinlock.h>
#include <asm/time.h>

#define INCREMENTS	20000

static int ran[NR_CPUS];
static unsigned long ran_server[NR_CPUS];
static volatile int ipis[NR_CPUS];
static volatile bool ipi_ready[NR_CPUS], ipi_done;

static void count_entry(int server)
{
	int cpu = smp_processor_id();

	ran[cpu]++;
	ran_server[cpu] = server;
}

static void check_start_stop(int round)
{
	int cpu, ok = 1;

	for (cpu = 0; cpu < nr_cpus_present; cpu++)
		ran[cpu] = 0;
	start_all_cpus(count_entry);
	stop_all_cpus();
	for (cpu = 1; cpu < nr_cpus_present; cpu++)
		ok &= ran[cpu] == 1 && ran_server[cpu] == cpus[cpu].server_no;
	report(ok && ran[0] == 0 && nr_cpus_online == 1,
	       "round %d: %d CPUs ran the entry once each, with their own server, "
	       "and stopped", round, nr_cpus_present - 1);
}

static void ipi_handler(struct pt_regs *regs, void *data)
{
	(void)regs;
	(void)data;
	ipis[smp_processor_id()]++;
}

static void wait_for_ipi(int server)
{
	int cpu = smp_processor_id();

	(void)server;
	local_ipi_enable();
	local_irq_enable();
	ipi_ready[cpu] = true;
	while (!ipi_done)
		cpu_relax();
	local_irq_disable();
	local_ipi_disable();
}

static void check_ipis(void)
{
	uint64_t t0;
	int cpu, ok = 1;

	register_ipi(ipi_handler, NULL);
	ipi_done = false;
	for (cpu = 0; cpu < nr_cpus_present; cpu++)
		ipis[cpu] = 0, ipi_ready[cpu] = false;
	start_all_cpus(wait_for_ipi);
	for (cpu = 1; cpu < nr_cpus_present; cpu++) {
		while (!ipi_ready[cpu])
			cpu_relax();
		send_ipi(cpus[cpu].server_no);
		t0 = get_tb();
		while (!ipis[cpu] && get_tb() - t0 < 10 * tb_hz)
			cpu_relax();
	}
	udelay(10000);
	ipi_done = true;
	stop_all_cpus();
	unregister_ipi();
	for (cpu = 1; cpu < nr_cpus_present; cpu++) {
		if (ipis[cpu] != 1)
			printf("CPU %d took %d IPIs\n", cpu, ipis[cpu]);
		ok &= ipis[cpu] == 1;
	}
	report(ok && ipis[0] == 0, "each of %d CPUs took the IPI sent to it, once",
	       nr_cpus_present - 1);
}

static int atomic_count;
static long locked_count;
static struct spinlock lock;

static void contend(void *data)
{
	int i;

	(void)data;
	for (i = 0; i < INCREMENTS; i++) {
		atomic_fetch_inc(&atomic_count);
		spin_lock(&lock);
		locked_count++;
		spin_unlock(&lock);
	}
}

static void check_atomics(void)
{
	int n = cpu_count();

	atomic_count = 0;
	locked_count = 0;
	on_cpus(contend, NULL);
	report(atomic_count == n * INCREMENTS,
	       "atomic_fetch_inc() from %d CPUs: %d of %d", n, atomic_count,
	       n * INCREMENTS);
	report(locked_count == (long)n * INCREMENTS,
	       "increments under a spinlock from %d CPUs: %ld of %d", n,
	       locked_count, n * INCREMENTS);
}

#define WAKEUPS		300

static int woken[NR_CPUS];

static void wake(void *data)
{
	(void)data;
	woken[smp_processor_id()]++;
}

static void check_wakeups(void)
{
	int cpu, i, ok = 1, n = cpu_count();

	for (cpu = 0; cpu < n; cpu++)
		woken[cpu] = 0;
	/*
	 * Back to back, so the next call comes as the CPU goes idle, between
	 * its look for work and its H_CEDE.
	 */
	for (cpu = 1; cpu < n; cpu++) {
		for (i = 0; i < WAKEUPS; i++)
			on_cpu_async(cpu, wake, NULL);
		on_cpu(cpu, wake, NULL);
		ok &= woken[cpu] == WAKEUPS + 1;
	}
	report(ok && woken[0] == 0, "on_cpu() %d times to each of %d idle CPUs: "
	       "each call ran once", WAKEUPS + 1, n - 1);
}

int main(void)
{
	report_prefix_push("smp");
	if (nr_cpus_present < 2) {
		report_skip("one CPU only (give -smp 2 or more)");
		return report_summary();
	}
	check_start_stop(1);
	check_start_stop(2);
	check_ipis();
	check_atomics();
	check_wakeups();
	report_prefix_pop();
	return report_summary();
}
