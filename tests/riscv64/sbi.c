// SPDX-License-Identifier: MIT
/*
 * sbi.c - the SBI firmware (OpenSBI under QEMU) as kut calls it: the
 * base extension (version, implementation, probing), hart state
 * management (status of started and stopped harts, errors), IPIs to
 * one CPU and to all others, and remote fences.  Parts that need a
 * second CPU skip without one: run with -smp 2 or more.
 */
#include <libcflat.h>
#include <asm/barrier.h>
#include <asm/processor.h>
#include <asm/sbi.h>
#include <asm/setup.h>
#include <asm/smp.h>

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
	report_prefix_pop();
}

static void nothing(void *data)
{
	(void)data;
}

static void check_hsm(void)
{
	int last = nr_cpus - 1;
	struct sbiret st;

	report_prefix_push("hsm");
	st = sbi_hart_get_status(cpus[0].hartid);
	report(!st.error && st.value == SBI_EXT_HSM_STARTED, "boot hart: started");
	st = sbi_hart_get_status(~0UL >> 1);
	report(st.error == SBI_ERR_INVALID_PARAM,
	       "status of a hart that does not exist: SBI_ERR_INVALID_PARAM (%ld)",
	       st.error);
	if (nr_cpus < 2) {
		report_skip("one CPU: no secondary hart to start");
		report_prefix_pop();
		return;
	}
	st = sbi_hart_get_status(cpus[last].hartid);
	report(!st.error && st.value == SBI_EXT_HSM_STOPPED,
	       "CPU %d before first use: stopped (%ld)", last, st.value);
	on_cpu(last, nothing, NULL);
	st = sbi_hart_get_status(cpus[last].hartid);
	report(!st.error && st.value == SBI_EXT_HSM_STARTED,
	       "CPU %d after on_cpu(): started", last);
	st = sbi_hart_start(cpus[last].hartid, 0, 0);
	report(st.error == SBI_ERR_ALREADY_AVAILABLE,
	       "starting it again: SBI_ERR_ALREADY_AVAILABLE (%ld)", st.error);
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
	report_prefix_pop();
}

static void check_rfence(void)
{
	struct sbiret ret;
	int cpu, ok = 1;

	report_prefix_push("rfence");
	on_cpus(nothing, NULL);
	for_each_online_cpu(cpu) {
		ret = sbi_remote_sfence_vma(1, cpus[cpu].hartid, 0, -1UL);
		ok &= !ret.error;
	}
	report(ok, "remote SFENCE.VMA on each of %d harts", nr_cpus);
	report_prefix_pop();
}

int main(void)
{
	check_base();
	check_hsm();
	check_ipi();
	check_rfence();
	return report_summary();
}
