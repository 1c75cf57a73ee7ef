// SPDX-License-Identifier: MIT
/*
 * smp.c - secondary harts: SBI HSM bring-up, and the idle loop that
 * waits for on_cpu() work (../fdt/on-cpu.c).
 *
 * A hart is started on first use, and again on the first use after it
 * called halt() (SBI HART_STOP).  An idle CPU sleeps in WFI with only
 * the software interrupt enabled in sie (and interrupts off in sstatus,
 * so nothing traps): each work item is followed by exactly one SBI IPI
 * (arch_cpu_kick()), which wakes it.  The idle CPU consumes that IPI
 * before running the work, even when it saw the work before the IPI
 * arrived, so no stale IPI is left pending for a test that enables
 * software interrupts itself; and the kick returns only once it has, so
 * an IPI the test sends after on_cpu_async() is never taken for the
 * kick (upstream's sbi test sends one at once, and waits for it).
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <asm/smp.h>
#include <asm/setup.h>
#include <asm/sbi.h>
#include <asm/mmu.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/spinlock.h>

#include "riscv.h"
#include "../fdt/on-cpu.h"

cpumask_t cpu_present_mask;
cpumask_t cpu_online_mask;
cpumask_t cpu_idle_mask;
static struct spinlock boot_lock;
static void *stacks[NR_CPUS];

static secondary_func_t boot_func[NR_CPUS];
/* How many kicks each CPU has consumed (its IPI acknowledged). */
static unsigned long kicks_taken[NR_CPUS];

extern char secondary_entry[];

static void __noreturn do_idle(void)
{
	int cpu = smp_processor_id();

	for (;;) {
		local_ipi_enable();
		set_cpu_idle(cpu, true);
		while (!on_cpu_work_pending(cpu))
			wfi();
		while (!(csr_read(CSR_SIP) & IE_SSIE))
			cpu_relax();
		ipi_ack();
		__atomic_add_fetch(&kicks_taken[cpu], 1, __ATOMIC_RELEASE);
		local_ipi_disable();
		on_cpu_run_work(cpu);
	}
}

void arch_cpu_kick(int cpu)
{
	unsigned long taken = __atomic_load_n(&kicks_taken[cpu], __ATOMIC_ACQUIRE);

	mb();
	sbi_send_ipi_cpu(cpu);
	/* The CPU is idle (on-cpu.c queues only then): it answers soon. */
	while (__atomic_load_n(&kicks_taken[cpu], __ATOMIC_ACQUIRE) == taken)
		cpu_relax();
}

/* HSM says STOPPED: stopped by the test's own ecall, not by halt(). */
bool arch_cpu_stopped(int cpu)
{
	struct sbiret ret = sbi_hart_get_status(cpus[cpu].hartid);

	if (ret.error || ret.value != SBI_EXT_HSM_STOPPED)
		return false;
	set_cpu_online(cpu, false);
	return true;
}

_Static_assert(offsetof(struct secondary_data, sp) == SD_SP &&
	       offsetof(struct secondary_data, satp) == SD_SATP &&
	       offsetof(struct secondary_data, info) == SD_INFO &&
	       offsetof(struct secondary_data, hartid) == SD_HARTID,
	       "struct secondary_data as head.S reads it");

void kut_riscv_secondary_setup(struct secondary_data *data, bool strayed)
{
	int cpu = data->info->cpu;
	secondary_func_t func = boot_func[cpu];

	/*
	 * Started again after halt(): the work that halted it never said it
	 * was done, and an IPI sent while it was off may still be pending.
	 */
	on_cpu_work_clear(cpu);
	ipi_ack();
	if (strayed)
		printf("kut: CPU %d (hart %lu) came in through the image's entry, "
		       "not its start address (OpenSBI's HART_START race); carrying on\n",
		       cpu, data->hartid);
	timer_hart_init();
	smp_wmb();
	set_cpu_online(cpu, true);
	if (func)
		func();
	do_idle();
}

/*
 * Start CPU @cpu's hart, for the first time or again after halt(): then
 * it may still be on its way out (HSM STOP_PENDING), and SBI refuses to
 * start a hart that is not stopped yet.  Its stack is allocated once.
 * The data is published in riscv_starting first, for a hart that strayed
 * into the image's entry (head.S): one that waits there already needs
 * no HART_START.
 */
static void start_hart(int cpu, secondary_func_t func)
{
	struct secondary_data *data;
	struct sbiret ret;

	if (!stacks[cpu])
		stacks[cpu] = alloc_pages(2);
	assert(stacks[cpu] && (4 * PAGE_SIZE) == STACK_SIZE);
	/* The data sits at the top of the stack, the stack grows below it. */
	data = (struct secondary_data *)((char *)stacks[cpu] + STACK_SIZE) - 1;
	data->sp = (uintptr_t)data & ~15UL;
	data->satp = csr_read(CSR_SATP);
	data->info = &cpus[cpu];
	data->hartid = cpus[cpu].hartid;
	boot_func[cpu] = func;
	mb();
	riscv_starting = data;
	for (;;) {
		/* A hart waiting in stray_entry takes the data and comes. */
		if (cpu_online(cpu))
			goto started;
		ret = sbi_hart_get_status(cpus[cpu].hartid);
		if (ret.error || ret.value == SBI_EXT_HSM_STOPPED)
			break;
		cpu_relax();
	}
	ret = sbi_hart_start(cpus[cpu].hartid, virt_to_phys(secondary_entry),
			     virt_to_phys(data));
	if (ret.error) {
		printf("kut: SBI HART_START of CPU %d (hart %lu) failed: %ld\n",
		       cpu, cpus[cpu].hartid, ret.error);
		abort();
	}
	while (!cpu_online(cpu))
		cpu_relax();
started:
	riscv_starting = NULL;
}

void smp_boot_secondary(int cpu, void (*func)(void))
{
	assert_msg(cpu > 0 && cpu < nr_cpus, "no CPU %d", cpu);
	spin_lock(&boot_lock);
	assert_msg(!cpu_online(cpu), "CPU %d is running already", cpu);
	start_hart(cpu, func);
	spin_unlock(&boot_lock);
}

void smp_boot_secondary_nofail(int cpu, void (*func)(void))
{
	assert_msg(cpu > 0 && cpu < nr_cpus, "no CPU %d", cpu);
	spin_lock(&boot_lock);
	if (!cpu_online(cpu))
		start_hart(cpu, func);
	spin_unlock(&boot_lock);
}

void halt(void)
{
	int cpu = smp_processor_id();

	if (cpu == 0)
		exit(report_summary());
	local_irq_disable();
	set_cpu_online(cpu, false);
	sbi_hart_stop();
	for (;;)
		wfi();
}
