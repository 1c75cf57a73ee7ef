// SPDX-License-Identifier: MIT
/*
 * smp.c - the other CPUs of an s390x machine (asm/smp.h), by SIGNAL
 * PROCESSOR.
 *
 * The CPU list is the SCLP's, the boot CPU moved to index 0.  A CPU gets
 * going with upstream kvm-unit-tests' sequence: INITIAL CPU RESET (which
 * stops it), SET PREFIX to a lowcore of its own in the first 2 GiB,
 * then RESTART, which loads the lowcore's restart new PSW: restart_int
 * (head.S) loads its registers (stack, return address) and CR0 from the
 * lowcore, makes the target PSW its restart PSW for later restarts, and
 * loads that PSW.
 *
 * CPUs on_cpu() needs are started into kut's idle loop: an enabled wait
 * with only the emergency-signal subclass on, left when the emergency
 * signal arch_cpu_kick() sends after queueing work arrives (the external
 * handler sees the CPU idling in kut and resumes it, interrupts off).
 * One signal per work item, each consumed before the work runs, so none
 * is left pending for a test that takes emergency signals itself.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <asm/arch_def.h>
#include <asm/asm-offsets.h>
#include <asm/barrier.h>
#include <asm/interrupt.h>
#include <asm/memory_areas.h>
#include <asm/sigp.h>
#include <asm/smp.h>
#include <asm/spinlock.h>
#include <sclp.h>

#include "s390x.h"
#include "../fdt/on-cpu.h"

#define SECONDARY_STACK_ORDER	2	/* 16 KiB */

struct cpu s390x_cpus[NR_CPUS];
int nr_cpus = 1;
cpumask_t cpu_present_mask;
cpumask_t cpu_online_mask;
cpumask_t cpu_idle_mask;

static struct spinlock lock;
static cpumask_t kut_started;
static secondary_func_t boot_func[NR_CPUS];

extern char cpu0_stack[];

void smp_setup(void)
{
	uint16_t me = stap();
	CPUEntry *entry;
	int i, n = sclp_get_cpu_num();

	if (n > NR_CPUS) {
		printf("kut: %d CPUs, only the first %d used\n", n, NR_CPUS);
		n = NR_CPUS;
	}
	entry = sclp_get_cpu_entries();
	spin_lock(&lock);
	for (i = 0; i < n; i++) {
		if (entry[i].address != me)
			s390x_cpus[nr_cpus++].addr = entry[i].address;
	}
	for (i = 0; i < nr_cpus; i++) {
		s390x_cpus[i].idx = i;
		set_cpu_present(i, true);
	}
	set_cpu_online(0, true);
	spin_unlock(&lock);
}

/* setup.c: the boot CPU's state, before anything else runs. */
void s390x_boot_cpu_init(void)
{
	struct cpu *cpu = &s390x_cpus[0];

	cpu->addr = stap();
	cpu->lowcore = &lowcore;
	cpu->stack = (uint64_t *)cpu0_stack;
	cpu->active = true;
	lowcore.this_cpu = cpu;
}

int smp_query_num_cpus(void)
{
	return nr_cpus;
}

static void check_idx(uint16_t idx)
{
	assert_msg(idx < nr_cpus, "no CPU %d (%d CPUs)", idx, nr_cpus);
}

struct lowcore *smp_get_lowcore(uint16_t idx)
{
	if (THIS_CPU->idx == idx)
		return &lowcore;
	check_idx(idx);
	return s390x_cpus[idx].lowcore;
}

int smp_sigp(uint16_t idx, uint8_t order, unsigned long parm, uint32_t *status)
{
	check_idx(idx);
	return sigp_retry(s390x_cpus[idx].addr, order, parm, status);
}

struct cpu *smp_cpu_from_addr(uint16_t addr)
{
	int i;

	for (i = 0; i < nr_cpus; i++)
		if (s390x_cpus[i].addr == addr)
			return &s390x_cpus[i];
	return NULL;
}

struct cpu *smp_cpu_from_idx(uint16_t idx)
{
	check_idx(idx);
	return &s390x_cpus[idx];
}

uint16_t smp_cpu_addr(uint16_t idx)
{
	check_idx(idx);
	return s390x_cpus[idx].addr;
}

bool smp_cpu_stopped(uint16_t idx)
{
	uint32_t status;

	if (smp_sigp(idx, SIGP_SENSE, 0, &status) != SIGP_CC_STATUS_STORED)
		return false;
	return status & (SIGP_STATUS_CHECK_STOP | SIGP_STATUS_STOPPED);
}

bool smp_sense_running_status(uint16_t idx)
{
	/* "Status stored" is the answer for a CPU that is not running. */
	return smp_sigp(idx, SIGP_SENSE_RUNNING, 0, NULL) != SIGP_CC_STATUS_STORED;
}

/* A stopped CPU is no longer kut's: on_cpu() starts it afresh. */
static void mark_stopped(uint16_t idx)
{
	s390x_cpus[idx].active = false;
	set_cpu_online(idx, false);
	set_cpu_idle(idx, false);
	cpumask_clear_cpu(idx, &kut_started);
}

static int stop_locked(uint16_t idx, bool store)
{
	if (idx == 0)
		return -1;	/* never the boot CPU */
	if (smp_sigp(idx, store ? SIGP_STOP_AND_STORE_STATUS : SIGP_STOP, 0, NULL))
		return -1;
	while (!smp_cpu_stopped(idx))
		mb();
	mark_stopped(idx);
	return 0;
}

int smp_cpu_stop(uint16_t idx)
{
	int rc;

	spin_lock(&lock);
	rc = stop_locked(idx, false);
	spin_unlock(&lock);
	return rc;
}

int smp_cpu_stop_store_status(uint16_t idx)
{
	int rc;

	spin_lock(&lock);
	rc = stop_locked(idx, true);
	spin_unlock(&lock);
	return rc;
}

/* Only the order, not the waiting (or a retry of a busy condition code). */
int smp_cpu_stop_nowait(uint16_t idx)
{
	int rc = -1;

	check_idx(idx);
	if (idx == 0)
		return -1;
	spin_lock(&lock);
	if (!sigp(s390x_cpus[idx].addr, SIGP_STOP, 0, NULL)) {
		mark_stopped(idx);
		rc = 0;
	}
	spin_unlock(&lock);
	return rc;
}

static int restart_locked(uint16_t idx, const struct psw *psw)
{
	struct cpu *cpu = &s390x_cpus[idx];
	int rc;

	check_idx(idx);
	if (psw)
		cpu->lowcore->restart_new_psw = *psw;
	/* Stopped first, so "running again" below means the restart. */
	stop_locked(idx, false);
	rc = smp_sigp(idx, SIGP_RESTART, 0, NULL);
	if (rc == 0) {
		/* Active once it runs: wait until the restart has taken. */
		do
			mb();
		while (smp_cpu_stopped(idx));
		cpu->active = true;
	}
	return rc;
}

int smp_cpu_restart(uint16_t idx)
{
	int rc;

	spin_lock(&lock);
	rc = restart_locked(idx, NULL);
	spin_unlock(&lock);
	return rc;
}

int smp_cpu_restart_nowait(uint16_t idx)
{
	int rc = -1;

	check_idx(idx);
	spin_lock(&lock);
	if (!sigp(s390x_cpus[idx].addr, SIGP_RESTART, 0, NULL)) {
		s390x_cpus[idx].active = true;
		rc = 0;
	}
	spin_unlock(&lock);
	return rc;
}

int smp_cpu_start(uint16_t idx, struct psw psw)
{
	int rc;

	spin_lock(&lock);
	rc = restart_locked(idx, &psw);
	spin_unlock(&lock);
	return rc;
}

static int setup_locked(uint16_t idx, struct psw psw)
{
	struct cpu *cpu = &s390x_cpus[idx];
	struct lowcore *lc;
	uint64_t *top;

	check_idx(idx);
	if (cpu->active)
		return -1;
	smp_sigp(idx, SIGP_INITIAL_CPU_RESET, 0, NULL);
	/* A lowcore and a stack kept from an earlier setup are reused. */
	if (!cpu->lowcore) {
		cpu->lowcore = alloc_pages_flags(1, AREA_DMA31);
		cpu->stack = alloc_pages(SECONDARY_STACK_ORDER);
		assert(cpu->lowcore && cpu->stack);
	}
	lc = cpu->lowcore;
	smp_sigp(idx, SIGP_SET_PREFIX, (unsigned long)lc, NULL);

	/* The caller's interrupt PSWs (and DAT mode), our own CPU state. */
	memcpy(lc, &lowcore, 512);
	lc->this_cpu = cpu;
	memset(lc->sw_int_grs, 0, sizeof(lc->sw_int_grs));
	top = (uint64_t *)((char *)cpu->stack + (PAGE_SIZE << SECONDARY_STACK_ORDER));
	memset(top - STACK_FRAME_SIZE / 8, 0, STACK_FRAME_SIZE);
	lc->sw_int_grs[14] = (uint64_t)smp_cpu_spin;
	lc->sw_int_grs[15] = (uint64_t)(top - STACK_FRAME_SIZE / 8);
	/* The caller's control registers (its DAT tables), CR0 = AFP (+EDAT). */
	asm volatile("stctg 0,15,%0" : "=Q" (lc->sw_int_crs));
	lc->sw_int_crs[0] = HANDLER_CR0 | (lc->sw_int_crs[0] & (1UL << CTL0_EDAT));
	lc->sw_int_psw = psw;
	lc->restart_new_psw = PSW(PSW_MASK_64, restart_int);
	mb();
	restart_locked(idx, NULL);
	/* restart_int makes @psw the restart PSW once it has taken over. */
	while (READ_ONCE(lc->restart_new_psw.addr) != psw.addr)
		mb();
	return 0;
}

int smp_cpu_setup(uint16_t idx, struct psw psw)
{
	int rc;

	spin_lock(&lock);
	rc = setup_locked(idx, psw);
	spin_unlock(&lock);
	return rc;
}

int smp_cpu_destroy(uint16_t idx)
{
	struct cpu *cpu;
	int rc;

	check_idx(idx);
	cpu = &s390x_cpus[idx];
	spin_lock(&lock);
	rc = stop_locked(idx, false);
	if (!rc) {
		free_pages(cpu->lowcore);
		free_pages(cpu->stack);
		cpu->lowcore = NULL;
		cpu->stack = NULL;
	}
	spin_unlock(&lock);
	return rc;
}

void smp_teardown(void)
{
	uint16_t me = stap();
	int i;

	spin_lock(&lock);
	for (i = 0; i < nr_cpus; i++)
		if (s390x_cpus[i].active && s390x_cpus[i].addr != me)
			sigp_retry(s390x_cpus[i].addr, SIGP_STOP, 0, NULL);
	spin_unlock(&lock);
}

/*
 * The end of the test: every CPU but the caller stops, those the test
 * started with SIGP on its own too (no lock: the caller may hold it).
 */
void s390x_smp_stop_others(void)
{
	uint16_t me = stap();
	int i;

	for (i = 0; i < nr_cpus; i++)
		if (s390x_cpus[i].addr != me)
			sigp_retry(s390x_cpus[i].addr, SIGP_STOP, 0, NULL);
}

/*
 * DIAGNOSE 0x308 load normal (1) or load modified clear (0), as
 * upstream's tests call it: 1 once the machine was reset and execution
 * is back here, 0 if it was not.  The reset stops every other CPU.
 */
int kut_diag308_reset(uint64_t subcode);
int diag308_load_reset(uint64_t subcode);
int diag308_load_reset(uint64_t subcode)
{
	int i, rc;

	assert_msg(THIS_CPU->idx == 0, "diag308_load_reset() on CPU %d: boot CPU only",
		   THIS_CPU->idx);
	rc = kut_diag308_reset(subcode);
	if (rc)
		for (i = 1; i < nr_cpus; i++)
			mark_stopped(i);
	return rc;
}

/* ---- kut's secondaries: on_cpu() (../fdt/on-cpu.c) ---- */

void arch_cpu_kick(int cpu)
{
	mb();
	sigp_retry(s390x_cpus[cpu].addr, SIGP_EMERGENCY_SIGNAL, 0, NULL);
}

/* Wait for one emergency signal; interrupt.c ends the wait. */
static void wait_for_kick(void)
{
	THIS_CPU->kut_idle = true;
	ctl_set_bit(0, CTL0_EMERGENCY_SIGNAL);
	load_psw_mask(extract_psw_mask() | PSW_MASK_EXT | PSW_MASK_WAIT);
	ctl_clear_bit(0, CTL0_EMERGENCY_SIGNAL);
}

static void __noreturn idle(void)
{
	int cpu = smp_processor_id();

	for (;;) {
		set_cpu_idle(cpu, true);
		wait_for_kick();
		if (on_cpu_work_pending(cpu))
			on_cpu_run_work(cpu);
	}
}

static void secondary_main(void)
{
	int cpu = smp_processor_id();
	secondary_func_t func = boot_func[cpu];

	smp_wmb();
	set_cpu_online(cpu, true);
	if (func)
		func();
	idle();
}

static void start_kut(int cpu, secondary_func_t func)
{
	/* In the caller's address space: DAT as it has it. */
	uint64_t mask = extract_psw_mask() & (PSW_MASK_DAT | PSW_MASK_HOME | PSW_MASK_64);

	boot_func[cpu] = func;
	mb();
	if (smp_cpu_setup(cpu, PSW(mask, secondary_main)))
		report_abort("CPU %d runs already, started by the test", cpu);
	while (!cpu_online(cpu))
		mb();
}

void smp_boot_secondary(int cpu, secondary_func_t func)
{
	assert_msg(cpu > 0 && cpu < nr_cpus, "no CPU %d", cpu);
	assert_msg(!cpumask_test_and_set_cpu(cpu, &kut_started),
		   "CPU %d was started already", cpu);
	start_kut(cpu, func);
}

void smp_boot_secondary_nofail(int cpu, secondary_func_t func)
{
	assert_msg(cpu > 0 && cpu < nr_cpus, "no CPU %d", cpu);
	if (!cpumask_test_and_set_cpu(cpu, &kut_started))
		start_kut(cpu, func);
	while (!cpu_online(cpu))
		mb();
}
