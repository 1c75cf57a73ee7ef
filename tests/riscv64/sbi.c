// SPDX-License-Identifier: MIT
/*
 * sbi.c - the SBI firmware (OpenSBI under QEMU) as kut calls it, each
 * extension it offers with the SBI specification's (v2.0) error codes
 * for bad arguments: base (versions, IDs, probing, unknown extensions
 * and functions), TIME (a deadline in the past and none), IPI (one CPU,
 * a broadcast, a hart that does not exist), HSM (status, start, stop,
 * retentive suspend, bad harts, addresses and suspend types), RFENCE
 * (FENCE.I and SFENCE.VMA on each hart, bad hart masks), SRST (bad
 * types and reasons; a real reset ends every test), PMU (counters, their
 * configuration, start and stop, a firmware counter that counts SBI
 * calls) and DBCN (writes to the console) where the firmware has them.
 * Parts that need a second CPU skip without one: run with -smp 2 or more.
 */
#include <libcflat.h>
#include <asm/barrier.h>
#include <asm/delay.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/sbi.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/timer.h>
#include "hsm-wait.h"

#define UNKNOWN_EXT	0x0badcafe

static void check_base(void)
{
	struct sbiret spec = sbi_get_spec_version();
	struct sbiret impl = sbi_get_imp_id();
	struct sbiret ver = sbi_get_imp_version();
	struct sbiret bad = sbi_ecall(UNKNOWN_EXT, 0, 0, 0, 0, 0, 0, 0);
	static const struct { int ext; const char *name; } exts[] = {
		{ SBI_EXT_BASE, "BASE" }, { SBI_EXT_TIME, "TIME" },
		{ SBI_EXT_IPI, "IPI" }, { SBI_EXT_RFENCE, "RFENCE" },
		{ SBI_EXT_HSM, "HSM" }, { SBI_EXT_SRST, "SRST" },
		{ SBI_EXT_PMU, "PMU" },
	};
	unsigned int i;

	report_prefix_push("base");
	report(!spec.error && spec.value >= (0L << 24 | 2),
	       "spec version %ld.%ld (0.2 or later)",
	       (spec.value >> 24) & 0x7f, spec.value & 0xffffff);
	report(!impl.error && !ver.error, "implementation %ld, version %#lx",
	       impl.value, ver.value);
	for (i = 0; i < ARRAY_SIZE(exts); i++)
		report(sbi_probe(exts[i].ext) != 0, "probe: %s is there", exts[i].name);
	report(sbi_probe(UNKNOWN_EXT) == 0, "probe: an unknown extension is not");
	report(bad.error == SBI_ERR_NOT_SUPPORTED,
	       "calling an unknown extension: SBI_ERR_NOT_SUPPORTED (%ld)", bad.error);
	bad = sbi_ecall(SBI_EXT_BASE, 0x7f, 0, 0, 0, 0, 0, 0);
	report(bad.error == SBI_ERR_NOT_SUPPORTED,
	       "an unknown function of the base extension: SBI_ERR_NOT_SUPPORTED (%ld)",
	       bad.error);
	for (i = SBI_EXT_BASE_GET_MVENDORID; i <= SBI_EXT_BASE_GET_MIMPID; i++) {
		struct sbiret id = sbi_ecall(SBI_EXT_BASE, i, 0, 0, 0, 0, 0, 0);

		if (id.error)
			break;
	}
	report(i > SBI_EXT_BASE_GET_MIMPID, "mvendorid, marchid, mimpid readable");
	report(__sbi_get_imp_id() == (unsigned long)impl.value &&
	       __sbi_get_imp_version() == (unsigned long)ver.value,
	       "__sbi_get_imp_id(), __sbi_get_imp_version()");
	report_prefix_pop();
}

static void check_time(void)
{
	struct sbiret ret;
	u64 give_up;
	bool raised = false;

	report_prefix_push("time");
	ret = sbi_set_timer(0);
	give_up = timer_get_cycles() + timebase_frequency / 10;
	while (!(raised = timer_irq_is_pending()) && timer_get_cycles() < give_up)
		cpu_relax();
	report(!ret.error && raised, "a deadline in the past: pending at once");
	ret = sbi_set_timer(~0UL);
	report(!ret.error && !timer_irq_is_pending(), "no deadline: not pending");
	ret = sbi_ecall(SBI_EXT_TIME, 1, 0, 0, 0, 0, 0, 0);
	report(ret.error == SBI_ERR_NOT_SUPPORTED,
	       "an unknown function: SBI_ERR_NOT_SUPPORTED (%ld)", ret.error);
	report_prefix_pop();
}

static void nothing(void *data)
{
	(void)data;
}

/* The firmware's own memory, which S-mode may not execute (OpenSBI). */
#define FIRMWARE_BASE	0x80000000UL
#define NO_HART		(~0UL >> 1)

static void check_suspend(void)
{
	struct sbiret ret;
	u64 deadline;

	ret = sbi_hart_suspend(1, 0, 0);
	report(ret.error == SBI_ERR_INVALID_PARAM,
	       "suspend of a reserved type: SBI_ERR_INVALID_PARAM (%ld)", ret.error);
	ret = sbi_hart_suspend(SBI_EXT_HSM_HART_SUSPEND_NON_RETENTIVE,
			       FIRMWARE_BASE, 0);
	report(ret.error == SBI_ERR_INVALID_ADDRESS,
	       "non-retentive suspend resuming in the firmware: SBI_ERR_INVALID_ADDRESS (%ld)",
	       ret.error);
	/* Woken by the timer: enabled in sie, not taken (sstatus.SIE off). */
	timer_irq_enable();
	deadline = timer_get_cycles() + usec_to_cycles(2000);
	sbi_set_timer(deadline);
	ret = sbi_hart_suspend(SBI_EXT_HSM_HART_SUSPEND_RETENTIVE, 0, 0);
	report(!ret.error && timer_irq_is_pending() && timer_get_cycles() >= deadline,
	       "retentive suspend returns once the timer is pending (%ld)", ret.error);
	sbi_set_timer(~0UL);
	timer_irq_disable();
}

static void check_hsm(void)
{
	int last = nr_cpus - 1;
	struct sbiret st;

	report_prefix_push("hsm");
	st = sbi_hart_get_status(cpus[0].hartid);
	report(!st.error && st.value == SBI_EXT_HSM_STARTED, "boot hart: started");
	st = sbi_hart_get_status(NO_HART);
	report(st.error == SBI_ERR_INVALID_PARAM,
	       "status of a hart that does not exist: SBI_ERR_INVALID_PARAM (%ld)",
	       st.error);
	st = sbi_hart_start(NO_HART, virt_to_phys(stop_here), 0);
	report(st.error == SBI_ERR_INVALID_PARAM,
	       "starting a hart that does not exist: SBI_ERR_INVALID_PARAM (%ld)",
	       st.error);
	check_suspend();
	if (nr_cpus < 2) {
		report_skip("one CPU: no secondary hart to start");
		report_prefix_pop();
		return;
	}
	st = sbi_hart_get_status(cpus[last].hartid);
	report(!st.error && st.value == SBI_EXT_HSM_STOPPED,
	       "CPU %d before first use: stopped (%ld)", last, st.value);
	st = sbi_hart_start(cpus[last].hartid, FIRMWARE_BASE, 0);
	report(st.error == SBI_ERR_INVALID_ADDRESS,
	       "starting it in the firmware: SBI_ERR_INVALID_ADDRESS (%ld)", st.error);
	on_cpu(last, nothing, NULL);
	st = sbi_hart_get_status(cpus[last].hartid);
	report(!st.error && st.value == SBI_EXT_HSM_STARTED,
	       "CPU %d after on_cpu(): started", last);
	st = sbi_hart_start(cpus[last].hartid, 0, 0);
	report(st.error == SBI_ERR_ALREADY_AVAILABLE,
	       "starting it again: SBI_ERR_ALREADY_AVAILABLE (%ld)", st.error);
	on_cpu_async(last, stop_here, NULL);
	report(hart_reaches(last, SBI_EXT_HSM_STOPPED), "HART_STOP: stopped");
	on_cpu(last, nothing, NULL);
	report(hart_reaches(last, SBI_EXT_HSM_STARTED), "and started again");
	report_prefix_pop();
}

static volatile int ipis[NR_CPUS];
static volatile bool ready[NR_CPUS];

static void ipi_handler(struct pt_regs *regs)
{
	(void)regs;
	ipi_ack();
	ipis[smp_processor_id()]++;
}

/* On the target: take IPIs until one arrives, then stop taking them. */
static void wait_for_ipi(void *data)
{
	int cpu = smp_processor_id();

	(void)data;
	install_irq_handler(IRQ_S_SOFT, ipi_handler);
	local_ipi_enable();
	local_irq_enable();
	ready[cpu] = true;
	while (!ipis[cpu])
		wfi();
	local_irq_disable();
	local_ipi_disable();
	install_irq_handler(IRQ_S_SOFT, NULL);
}

static void await_ready(cpumask_t *mask)
{
	int cpu;

	for_each_cpu(cpu, mask)
		while (!ready[cpu])
			cpu_relax();
	smp_mb();
}

/* Whether this CPU's own IPI arrives (pending, not taken), acked. */
static bool own_ipi(void)
{
	u64 give_up = timer_get_cycles() + timebase_frequency / 10;
	bool seen;

	while (!(seen = csr_read(CSR_SIP) & IE_SSIE) && timer_get_cycles() < give_up)
		cpu_relax();
	ipi_ack();
	return seen;
}

static void check_ipi(void)
{
	cpumask_t others;
	struct sbiret ret;
	int cpu, got = 0;

	report_prefix_push("ipi");
	if (nr_cpus < 2) {
		report_skip("one CPU: no IPI target");
		report_prefix_pop();
		return;
	}
	cpumask_clear(&others);
	cpumask_set_cpu(1, &others);
	on_cpu_async(1, wait_for_ipi, NULL);
	await_ready(&others);
	ret = sbi_send_ipi_cpu(1);
	on_cpu(1, nothing, NULL);	/* returns once wait_for_ipi() has */
	report(!ret.error && ipis[1] == 1, "to CPU 1: taken once (%d)", ipis[1]);

	for (cpu = 1; cpu < nr_cpus; cpu++) {
		ipis[cpu] = 0;
		ready[cpu] = false;
		cpumask_set_cpu(cpu, &others);
		on_cpu_async(cpu, wait_for_ipi, NULL);
	}
	await_ready(&others);
	ret = sbi_send_ipi_broadcast();
	for (cpu = 1; cpu < nr_cpus; cpu++) {
		on_cpu(cpu, nothing, NULL);
		got += ipis[cpu] == 1;
	}
	report(!ret.error && got == nr_cpus - 1,
	       "to every other CPU: each took one (%d of %d)", got, nr_cpus - 1);
	report(own_ipi(), "a broadcast reaches the caller too");
	ret = sbi_send_ipi(1, NO_HART);
	report(ret.error == SBI_ERR_INVALID_PARAM,
	       "to a hart that does not exist: SBI_ERR_INVALID_PARAM (%ld)", ret.error);
	report_prefix_pop();
}

static void check_rfence(void)
{
	struct sbiret ret;
	int cpu, fence_i = 1, vma = 1, asid = 1;

	report_prefix_push("rfence");
	on_cpus(nothing, NULL);
	for_each_online_cpu(cpu) {
		unsigned long hart = cpus[cpu].hartid;

		fence_i &= !sbi_remote_fence_i(1, hart).error;
		vma &= !sbi_remote_sfence_vma(1, hart, 0, -1UL).error;
		ret = sbi_ecall(SBI_EXT_RFENCE, SBI_EXT_RFENCE_REMOTE_SFENCE_VMA_ASID,
				1, hart, 0, -1UL, 0, 0);
		asid &= !ret.error;
	}
	report(fence_i, "remote FENCE.I on each of %d harts", nr_cpus);
	report(vma, "remote SFENCE.VMA on each of %d harts", nr_cpus);
	report(asid, "remote SFENCE.VMA of ASID 0 on each of %d harts", nr_cpus);
	ret = sbi_remote_sfence_vma(1, NO_HART, 0, -1UL);
	report(ret.error == SBI_ERR_INVALID_PARAM,
	       "to a hart that does not exist: SBI_ERR_INVALID_PARAM (%ld)", ret.error);
	report_prefix_pop();
}

static void check_srst(void)
{
	struct sbiret ret;

	report_prefix_push("srst");
	ret = sbi_ecall(SBI_EXT_SRST, SBI_EXT_SRST_RESET, 3,
			SBI_SRST_RESET_REASON_NONE, 0, 0, 0, 0);
	report(ret.error == SBI_ERR_INVALID_PARAM,
	       "a reserved reset type: SBI_ERR_INVALID_PARAM (%ld)", ret.error);
	ret = sbi_ecall(SBI_EXT_SRST, SBI_EXT_SRST_RESET, SBI_SRST_RESET_TYPE_SHUTDOWN,
			2, 0, 0, 0, 0);
	report(ret.error == SBI_ERR_INVALID_PARAM,
	       "a reserved reset reason: SBI_ERR_INVALID_PARAM (%ld)", ret.error);
	report_prefix_pop();
}

/* PMU event indexes: type in bits 19:16, code below. */
#define PMU_EVENT_HW_CPU_CYCLES		0x00001
#define PMU_EVENT_FW_SET_TIMER		0xf0005
#define PMU_CFG_CLEAR_VALUE		(1UL << 1)
#define PMU_CFG_AUTO_START		(1UL << 2)
#define PMU_STOP_RESET			(1UL << 0)

static struct sbiret pmu(int fid, unsigned long a0, unsigned long a1,
			 unsigned long a2, unsigned long a3, unsigned long a4)
{
	return sbi_ecall(SBI_EXT_PMU, fid, a0, a1, a2, a3, a4, 0);
}

static void check_pmu(void)
{
	struct sbiret ret, cfg;
	long n, i, fw = -1;
	bool info_ok = true;
	unsigned long all;

	report_prefix_push("pmu");
	if (!sbi_probe(SBI_EXT_PMU)) {
		report_skip("the firmware has no PMU extension");
		report_prefix_pop();
		return;
	}
	ret = pmu(SBI_EXT_PMU_NUM_COUNTERS, 0, 0, 0, 0, 0);
	n = ret.value;
	report(!ret.error && n > 0 && n <= 64, "%ld counters", n);
	if (ret.error || n <= 0 || n > 64) {
		report_prefix_pop();
		return;
	}
	for (i = 0; i < n; i++) {
		ret = pmu(SBI_EXT_PMU_COUNTER_GET_INFO, i, 0, 0, 0, 0);
		/* OpenSBI numbers counters as CSRs: 1, time, is none. */
		if (i == 1 && ret.error == SBI_ERR_INVALID_PARAM)
			continue;
		if (ret.error)
			report_info("counter %ld: error %ld", i, ret.error);
		info_ok &= !ret.error;
		/* Bit 63 set: a firmware counter. */
		if (!ret.error && (unsigned long)ret.value >> 63 && fw < 0)
			fw = i;
	}
	report(info_ok, "each counter describes itself (1, the time CSR's, aside)");
	ret = pmu(SBI_EXT_PMU_COUNTER_GET_INFO, n, 0, 0, 0, 0);
	report(ret.error == SBI_ERR_INVALID_PARAM,
	       "counter %ld's info: SBI_ERR_INVALID_PARAM (%ld)", n, ret.error);

	all = n == 64 ? ~0UL : (1UL << n) - 1;
	cfg = pmu(SBI_EXT_PMU_COUNTER_CFG_MATCH, 0, all, 0,
		  PMU_EVENT_HW_CPU_CYCLES, 0);
	report(!cfg.error && cfg.value >= 0 && cfg.value < n,
	       "a counter for CPU cycles: %ld (%ld)", cfg.value, cfg.error);
	if (!cfg.error) {
		/* A fixed counter may count already: stop it first. */
		pmu(SBI_EXT_PMU_COUNTER_STOP, cfg.value, 1, 0, 0, 0);
		ret = pmu(SBI_EXT_PMU_COUNTER_START, cfg.value, 1, 0, 0, 0);
		report(!ret.error, "started (%ld)", ret.error);
		ret = pmu(SBI_EXT_PMU_COUNTER_START, cfg.value, 1, 0, 0, 0);
		report(ret.error == SBI_ERR_ALREADY_STARTED,
		       "started again: SBI_ERR_ALREADY_STARTED (%ld)", ret.error);
		ret = pmu(SBI_EXT_PMU_COUNTER_STOP, cfg.value, 1, 0, 0, 0);
		report(!ret.error, "stopped (%ld)", ret.error);
		ret = pmu(SBI_EXT_PMU_COUNTER_STOP, cfg.value, 1, 0, 0, 0);
		report(ret.error == SBI_ERR_ALREADY_STOPPED,
		       "stopped again: SBI_ERR_ALREADY_STOPPED (%ld)", ret.error);
		pmu(SBI_EXT_PMU_COUNTER_START, cfg.value, 1, 0, 0, 0);
		ret = pmu(SBI_EXT_PMU_COUNTER_STOP, cfg.value, 1, PMU_STOP_RESET, 0, 0);
		report(!ret.error, "stopped and released (%ld)", ret.error);
		ret = pmu(SBI_EXT_PMU_COUNTER_STOP, cfg.value, 1, 0, 0, 0);
		report(ret.error == SBI_ERR_INVALID_PARAM,
		       "released, it is no one's: SBI_ERR_INVALID_PARAM (%ld)", ret.error);
	}
	ret = pmu(SBI_EXT_PMU_COUNTER_START, n, 1, 0, 0, 0);
	report(ret.error == SBI_ERR_INVALID_PARAM,
	       "starting counter %ld: SBI_ERR_INVALID_PARAM (%ld)", n, ret.error);

	if (fw < 0) {
		report_skip("no firmware counter");
		report_prefix_pop();
		return;
	}
	cfg = pmu(SBI_EXT_PMU_COUNTER_CFG_MATCH, fw, 1,
		  PMU_CFG_CLEAR_VALUE | PMU_CFG_AUTO_START, PMU_EVENT_FW_SET_TIMER, 0);
	if (!cfg.error) {
		for (i = 0; i < 3; i++)
			sbi_set_timer(~0UL);
		ret = pmu(SBI_EXT_PMU_COUNTER_FW_READ, cfg.value, 0, 0, 0, 0);
		pmu(SBI_EXT_PMU_COUNTER_STOP, cfg.value, 1, PMU_STOP_RESET, 0, 0);
	}
	report(!cfg.error && !ret.error && ret.value == 3,
	       "firmware counter %ld counts 3 SET_TIMER calls: %ld (%ld, %ld)",
	       fw, ret.value, cfg.error, ret.error);
	report_prefix_pop();
}

static void check_dbcn(void)
{
	static const char msg[] = "DBCN: written through the SBI console\n";
	struct sbiret ret;

	report_prefix_push("dbcn");
	if (!sbi_probe(SBI_EXT_DBCN)) {
		report_skip("the firmware has no DBCN extension (OpenSBI 1.3 or later)");
		report_prefix_pop();
		return;
	}
	ret = sbi_ecall(SBI_EXT_DBCN, SBI_EXT_DBCN_CONSOLE_WRITE, sizeof(msg) - 1,
			virt_to_phys(msg), 0, 0, 0, 0);
	report(!ret.error && ret.value == sizeof(msg) - 1, "console write: %ld bytes",
	       ret.value);
	ret = sbi_ecall(SBI_EXT_DBCN, SBI_EXT_DBCN_CONSOLE_WRITE_BYTE, '\n', 0, 0, 0, 0, 0);
	report(!ret.error, "console write byte");
	ret = sbi_ecall(SBI_EXT_DBCN, SBI_EXT_DBCN_CONSOLE_WRITE, 1, FIRMWARE_BASE, 0, 0, 0, 0);
	report(ret.error == SBI_ERR_INVALID_PARAM,
	       "a write from the firmware's memory: SBI_ERR_INVALID_PARAM (%ld)", ret.error);
	report_prefix_pop();
}

int main(void)
{
	check_base();
	check_time();
	check_hsm();
	check_ipi();
	check_rfence();
	check_srst();
	check_pmu();
	check_dbcn();
	return report_summary();
}
