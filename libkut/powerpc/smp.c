// SPDX-License-Identifier: MIT
/*
 * smp.c - the CPUs of a pseries guest (asm/smp.h): per-CPU data, RTAS
 * start-cpu and stop-self, the idle loop on_cpu() hands work to
 * (../fdt/on-cpu.c), upstream's start_all_cpus()/stop_all_cpus(), and
 * XICS inter-processor interrupts.
 *
 * Per-CPU data: r13 points to the CPU's struct cpu, and a distro-built
 * libfdt's stack protector reads its canary at r13 - 0x7010.  So the
 * struct cpu array sits 0x7010 bytes into one area whose beginning holds,
 * for each CPU, the guard word 0x7010 below its struct cpu.
 *
 * An idle CPU cedes itself to the hypervisor (H_CEDE, which returns with
 * MSR[EE] on: the decrementer is set far away first) until H_PROD wakes
 * it for work or to stop.  A prod that comes before the H_CEDE should
 * make it return at once, but QEMU's TCG forgets it whenever the vCPU
 * thread re-enters its loop (a kick, a cpu_relax()), so a prod landing
 * between the CPU's last look for work and its H_CEDE can be lost, and
 * the CPU sleeps with work queued.  So a CPU says it may be ceding
 * (ceding[]) before it looks, and arch_cpu_kick() prods again until the
 * CPU has woken or has nothing left to do.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <asm/atomic.h>
#include <asm/hcall.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/rtas.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/time.h>

#include "../fdt/on-cpu.h"
#include "powerpc.h"

#define STACK_GUARD	0x6b75742d67756172UL	/* "kut-guar" */
#define RTAS_STOPPED	0

static struct {
	unsigned long guard[CANARY_OFFSET / sizeof(unsigned long)];
	struct cpu cpu[NR_CPUS];
} percpu __attribute__((aligned(64)));

_Static_assert(NR_CPUS * sizeof(struct cpu) <= CANARY_OFFSET,
	       "the guards of the struct cpus overlap them");
_Static_assert(sizeof(struct cpu) % sizeof(unsigned long) == 0,
	       "a guard must fall on a word");
_Static_assert(__builtin_offsetof(struct cpu, stack) == CPU_STACK,
	       "head.S reads the stack at CPU_STACK");
_Static_assert(__builtin_offsetof(struct cpu, exception_stack) == CPU_EXCEPTION_STACK &&
	       __builtin_offsetof(struct cpu, entry_save) == CPU_ENTRY_SAVE,
	       "exceptions.S reads struct cpu at these offsets");
_Static_assert(EXCEPTION_STACK_SIZE % 0x10000 == 0,
	       "exceptions.S subtracts EXCEPTION_STACK_SIZE with addis");

static char boot_exception_stack[EXCEPTION_STACK_SIZE] __attribute__((aligned(16)));

struct cpu *const cpus = percpu.cpu;
int nr_cpus = 1, nr_cpus_present = 1, nr_cpus_online = 1;
cpumask_t cpu_present_mask, cpu_online_mask, cpu_idle_mask;

static cpumask_t cpu_started;		/* running kut code */
static volatile unsigned int boots[NR_CPUS];	/* starts seen by the CPU */
static void (*boot_func[NR_CPUS])(void);
static volatile bool park_request[NR_CPUS];
static volatile bool ceding[NR_CPUS];	/* between its look for work and waking */

static void set_guard(int cpu)
{
	percpu.guard[cpu * sizeof(struct cpu) / sizeof(unsigned long)] = STACK_GUARD;
}

void smp_boot_cpu_init(void)
{
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		set_guard(cpu);
	cpus[0].cpu = 0;
	cpus[0].exception_stack = (unsigned long)boot_exception_stack + EXCEPTION_STACK_SIZE;
	cpumask_set_cpu(0, &cpu_present_mask);
	cpumask_set_cpu(0, &cpu_online_mask);
	cpumask_set_cpu(0, &cpu_started);
}

static uint32_t token(const char *service)
{
	uint32_t t;

	if (rtas_token(service, &t)) {
		printf("kut: RTAS has no \"%s\"\n", service);
		abort();
	}
	return t;
}

/* Whether CPU @cpu is in RTAS's stopped state. */
static bool rtas_stopped(int cpu)
{
	int state = -1, ret;

	ret = rtas_call(token("query-cpu-stopped-state"), 1, 2, &state,
			(int)cpus[cpu].server_no);
	assert_msg(ret == 0, "query-cpu-stopped-state of CPU %d: %d", cpu, ret);
	return state == RTAS_STOPPED;
}

static void __attribute__((noreturn)) stop_self(int cpu)
{
	cpumask_clear_cpu(cpu, &cpu_online_mask);
	atomic_fetch_dec(&nr_cpus_online);
	smp_mb();
	cpumask_clear_cpu(cpu, &cpu_started);
	rtas_stop_self();
}

/* Whether idle CPU @cpu has work to run, or is asked to stop. */
static bool cpu_has_request(int cpu)
{
	return on_cpu_work_pending(cpu) || park_request[cpu];
}

/* The CPU waits in H_CEDE until there is work, or it is asked to stop. */
static void __attribute__((noreturn)) do_idle(void)
{
	int cpu = smp_processor_id();

	for (;;) {
		cpumask_set_cpu(cpu, &cpu_idle_mask);
		for (;;) {
			/* Said before looking: arch_cpu_kick() sees one or the other. */
			ceding[cpu] = true;
			mb();
			if (cpu_has_request(cpu))
				break;
			hcall(H_CEDE);
			local_irq_disable();
		}
		ceding[cpu] = false;
		if (park_request[cpu]) {
			park_request[cpu] = false;
			cpumask_clear_cpu(cpu, &cpu_idle_mask);
			stop_self(cpu);
		}
		ppc_mmu_follow();
		on_cpu_run_work(cpu);
	}
}

/*
 * Wake @cpu for the work or the stop request just written: prod it, and
 * again every PROD_RETRY_US while it still cedes with the request there
 * (the prod was lost, see the top of this file).  A CPU that has woken,
 * or has done the work and sleeps again, needs no more.
 */
#define PROD_RETRY_US	100

void arch_cpu_kick(int cpu)
{
	uint64_t t0;

	mb();
	hcall(H_PROD, cpus[cpu].server_no);
	while (ceding[cpu] && cpu_has_request(cpu)) {
		t0 = get_tb();
		while (ceding[cpu] && get_tb() - t0 < PROD_RETRY_US * tb_hz / 1000000)
			cpu_relax();
		hcall(H_PROD, cpus[cpu].server_no);
	}
}

void kut_ppc_secondary_setup(struct cpu *c)
{
	int cpu = c->cpu;

	ppc_enable_facilities();
	mtspr(SPR_DEC, ppc_dec_max());
	ppc_mmu_follow();
	smp_wmb();
	cpumask_set_cpu(cpu, &cpu_online_mask);
	boots[cpu]++;
	if (c->entry) {
		/* start_all_cpus(): upstream's model, stop when done. */
		c->entry(c->server_no);
		mb();
		stop_self(cpu);
	}
	if (boot_func[cpu])
		boot_func[cpu]();
	do_idle();
}

static void start_cpu(int cpu)
{
	struct cpu *c = &cpus[cpu];
	unsigned int seen = boots[cpu];
	int ret;

	if (!c->stack) {
		void *stack = alloc_pages(STACK_SIZE > PAGE_SIZE ?
					  __builtin_ctzl(STACK_SIZE / PAGE_SIZE) : 0);
		void *exc = alloc_pages(EXCEPTION_STACK_SIZE > PAGE_SIZE ?
					__builtin_ctzl(EXCEPTION_STACK_SIZE / PAGE_SIZE) : 0);

		assert_msg(stack && exc, "no memory for CPU %d's stacks", cpu);
		c->stack = (unsigned long)stack + STACK_SIZE;
		c->exception_stack = (unsigned long)exc + EXCEPTION_STACK_SIZE;
	}
	while (!rtas_stopped(cpu))
		cpu_relax();
	atomic_fetch_inc(&nr_cpus_online);
	cpumask_set_cpu(cpu, &cpu_started);
	mb();
	ret = rtas_call(token("start-cpu"), 3, 1, NULL, (int)c->server_no,
			(int)virt_to_phys(secondary_start), (int)virt_to_phys(c));
	if (ret) {
		printf("kut: RTAS start-cpu of CPU %d (server %lu) failed: %d\n",
		       cpu, c->server_no, ret);
		abort();
	}
	/* (Not "online": an entry may have run and stopped the CPU already.) */
	while (boots[cpu] == seen)
		cpu_relax();
}

void smp_boot_secondary(int cpu, void (*func)(void))
{
	assert_msg(cpu > 0 && cpu < nr_cpus, "no CPU %d", cpu);
	assert_msg(!cpumask_test_cpu(cpu, &cpu_started),
		   "CPU %d was started already", cpu);
	boot_func[cpu] = func;
	cpus[cpu].entry = NULL;
	start_cpu(cpu);
}

void smp_boot_secondary_nofail(int cpu, void (*func)(void))
{
	assert_msg(cpu > 0 && cpu < nr_cpus, "no CPU %d", cpu);
	if (!cpumask_test_cpu(cpu, &cpu_started)) {
		boot_func[cpu] = func;
		cpus[cpu].entry = NULL;
		start_cpu(cpu);
	}
	while (!cpu_online(cpu))
		cpu_relax();
}

/* Stop the CPUs idling for on_cpu(), and wait until RTAS has them. */
static void park_idle_cpus(void)
{
	int cpu;

	for (cpu = 1; cpu < nr_cpus; cpu++) {
		if (!cpumask_test_cpu(cpu, &cpu_started) || cpus[cpu].entry)
			continue;
		while (!cpumask_test_cpu(cpu, &cpu_idle_mask))
			cpu_relax();
		park_request[cpu] = true;
		arch_cpu_kick(cpu);
		while (cpumask_test_cpu(cpu, &cpu_started))
			cpu_relax();
	}
}

bool start_all_cpus(secondary_entry_fn entry)
{
	int cpu, me = smp_processor_id();

	assert_msg(me == 0, "start_all_cpus() from CPU %d, not CPU 0", me);
	park_idle_cpus();
	assert_msg(nr_cpus_online == 1, "start_all_cpus(): %d CPUs running",
		   nr_cpus_online);
	for (cpu = 1; cpu < nr_cpus; cpu++) {
		boot_func[cpu] = NULL;
		cpus[cpu].entry = entry;
		start_cpu(cpu);
	}
	return true;
}

void stop_all_cpus(void)
{
	int cpu;

	park_idle_cpus();
	while (nr_cpus_online > 1)
		cpu_relax();
	for (cpu = 1; cpu < nr_cpus; cpu++)
		while (!rtas_stopped(cpu))
			cpu_relax();
	for (cpu = 1; cpu < nr_cpus; cpu++)
		cpus[cpu].entry = NULL;
}

void halt(int cpu_id)
{
	int cpu = smp_processor_id();

	(void)cpu_id;
	if (cpu == 0)
		exit(report_summary());
	local_irq_disable();
	stop_self(cpu);
}

/* ---- inter-processor interrupts (XICS) ---- */

#define XICS_IPI_SOURCE		2
#define IPI_PRIORITY		4
#define CPPR_ACCEPT_IPI		5	/* less favoured than IPI_PRIORITY */
#define MFRR_NONE		0xff

static void (*ipi_fn)(struct pt_regs *regs, void *data);

/* H_XIRR returns its value in r4, which hcall() does not give back. */
static unsigned long xirr_accept(void)
{
	register unsigned long r3 asm("r3") = H_XIRR;
	register unsigned long r4 asm("r4");

	asm volatile("sc 1" : "+r"(r3), "=r"(r4) : :
		     "r0", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12",
		     "cr0", "ctr", "xer", "memory");
	return r4;
}

static void extint_handler(struct pt_regs *regs, void *data)
{
	unsigned long xirr = xirr_accept();

	if ((xirr & 0xffffff) == XICS_IPI_SOURCE)
		hcall(H_IPI, cpus[smp_processor_id()].server_no, MFRR_NONE);
	hcall(H_EOI, xirr);
	if (ipi_fn)
		ipi_fn(regs, data);
}

void register_ipi(void (*fn)(struct pt_regs *, void *), void *data)
{
	ipi_fn = fn;
	handle_exception(0x500, extint_handler, data);
}

void unregister_ipi(void)
{
	handle_exception(0x500, NULL, NULL);
	ipi_fn = NULL;
}

void cpu_init_ipis(void)
{
}

void local_ipi_enable(void)
{
	hcall(H_CPPR, CPPR_ACCEPT_IPI);
}

void local_ipi_disable(void)
{
	hcall(H_CPPR, 0);
}

void send_ipi(int cpu_id)
{
	hcall(H_IPI, cpu_id, IPI_PRIORITY);
}
