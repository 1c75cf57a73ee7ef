// SPDX-License-Identifier: MIT
/*
 * smptest.c - kut's x86 SMP promises (smp.h, asm/smp.h), checked from the
 * guest: every CPU QEMU was given is up before main(), numbered, with its
 * own stack, TSS and per-CPU data and the boot CPU's tables; on_cpu()
 * waits, on_cpu_async() does not, on_cpus() reaches every CPU once, work
 * runs in order, and CPUs may hand each other work.
 *
 * Argument "ncpus=N": also check that cpu_count() is N (the -smp value).
 */
#include <libcflat.h>
#include <smp.h>
#include <x86/apic.h>
#include <x86/desc.h>
#include <x86/fwcfg.h>
#include <x86/processor.h>

/* TSC cycles to wait for another CPU before calling it stuck (>= 2 s). */
#define STUCK_CYCLES	(2000000000ull)
#define ROUND_TRIPS	200
#define QUEUED		40

struct cpu_view {
	int ran;
	int smp_id;
	u32 apic_id;
	u32 cpuid_apic_id;
	u16 tr;
	bool x2apic;
	bool bsp_flag;
	unsigned long gs_base, stack, cr3;
	struct descriptor_table_ptr gdtr, idtr;
	unsigned ud_vector;
};

static struct cpu_view view[MAX_TEST_CPUS];

static void look_around(void *data)
{
	struct cpu_view *v = &view[(long)data];
	unsigned long here = (unsigned long)&here;

	v->ran++;
	v->smp_id = smp_id();
	v->apic_id = apic_id();
	v->cpuid_apic_id = cpuid(1).b >> 24;
	v->tr = str();
	v->x2apic = is_x2apic_enabled();
	v->bsp_flag = rdmsr(MSR_IA32_APICBASE) & APIC_BSP;
	v->gs_base = rdmsr(MSR_GS_BASE);
	v->stack = here;
	v->cr3 = read_cr3();
	sgdt(&v->gdtr);
	sidt(&v->idtr);
	/* ASM_TRY records the fault in this CPU's per-CPU data (%gs:4). */
	asm volatile(ASM_TRY("1f") "ud2\n\t1:" : : : "memory");
	v->ud_vector = exception_vector();
}

static bool wait_flag(volatile int *flag, int want)
{
	u64 start = rdtsc();

	while (*flag != want)
		if (rdtsc() - start > STUCK_CYCLES)
			return false;
	return true;
}

static void check_count(int argc, char **argv)
{
	unsigned int nb = fwcfg_get_nb_cpus();
	int i;

	report(cpu_count() >= 1 && cpu_count() <= MAX_TEST_CPUS,
	       "cpu_count() is %d", cpu_count());
	report(cpu_count() == (int)nb,
	       "cpu_count() %d == fw_cfg's CPU count %u", cpu_count(), nb);
	for (i = 1; i < argc; i++)
		if (!strncmp(argv[i], "ncpus=", 6))
			report(cpu_count() == atol(argv[i] + 6),
			       "cpu_count() %d == -smp %ld", cpu_count(),
			       atol(argv[i] + 6));
	smp_init();
	report(cpu_count() == (int)nb, "smp_init() again changes nothing");
	report(smp_id() == 0, "main() runs on CPU 0");
	report(cpus_active() == 1, "cpus_active() is 1 when all others idle");
}

static void check_each_cpu(void)
{
	struct cpu_view *v0 = &view[0];
	bool ok_id = true, ok_apic = true, ok_tr = true, ok_tables = true;
	bool ok_mode = true, ok_bsp = true, ok_ud = true, ok_ran = true;
	bool ok_gs = true, ok_stack = true;
	int cpu, other;

	for (cpu = 0; cpu < cpu_count(); cpu++)
		on_cpu(cpu, look_around, (void *)(long)cpu);

	for (cpu = 0; cpu < cpu_count(); cpu++) {
		struct cpu_view *v = &view[cpu];

		ok_ran &= v->ran == 1;
		ok_id &= v->smp_id == cpu;
		ok_apic &= v->apic_id == id_map[cpu] &&
			   v->apic_id == v->cpuid_apic_id;
		ok_tr &= v->tr == TSS_MAIN + 16 * cpu;
		ok_tables &= v->cr3 == v0->cr3 &&
			     v->idtr.base == v0->idtr.base &&
			     v->idtr.limit == v0->idtr.limit &&
			     v->gdtr.base == v0->gdtr.base &&
			     v->gdtr.limit == v0->gdtr.limit;
		ok_mode &= v->x2apic == this_cpu_has(X86_FEATURE_X2APIC);
		ok_bsp &= v->bsp_flag == (cpu == 0);
		ok_ud &= v->ud_vector == UD_VECTOR;
		for (other = 0; other < cpu; other++) {
			ok_gs &= v->gs_base != view[other].gs_base;
			ok_stack &= v->stack - view[other].stack >= 4096 &&
				    view[other].stack - v->stack >= 4096;
			ok_apic &= v->apic_id != view[other].apic_id;
		}
		if (!(ok_id && ok_apic && ok_tr))
			report_info("CPU %d: smp_id %d, APIC ID %u (id_map %u, "
				    "CPUID %u), TR %#x", cpu, v->smp_id,
				    v->apic_id, id_map[cpu], v->cpuid_apic_id,
				    v->tr);
	}
	report(ok_ran, "on_cpu() ran the function once on each CPU");
	report(ok_id, "smp_id() is the CPU number on each CPU");
	report(ok_apic, "APIC IDs are distinct, match id_map[] and CPUID");
	report(ok_tr, "each CPU has its own TSS (TSS_MAIN + 16 * cpu)");
	report(ok_gs, "each CPU has its own per-CPU area (GS base)");
	report(ok_stack, "each CPU has its own stack");
	report(ok_tables, "every CPU has the boot CPU's CR3, GDT and IDT");
	report(ok_mode, "every APIC is in x2APIC mode iff CPUID offers it");
	report(ok_bsp, "only CPU 0 has IA32_APIC_BASE.BSP");
	report(ok_ud, "ASM_TRY catches #UD on every CPU");

	/* A clean ASM_TRY on CPU 0, then faults elsewhere: CPU 0's stays 0. */
	asm volatile(ASM_TRY("1f") "nop\n\t1:" : : : "memory");
	for (cpu = 1; cpu < cpu_count(); cpu++)
		on_cpu(cpu, look_around, (void *)(long)cpu);
	report(exception_vector() == 0,
	       "other CPUs' faults leave CPU 0's exception_vector() alone");
}

static atomic_t everyone;
static unsigned long seen_mask;

static void count_me(void *data)
{
	(void)data;
	atomic_inc(&everyone);
	__atomic_fetch_or(&seen_mask, 1ul << smp_id(), __ATOMIC_SEQ_CST);
}

static void check_on_cpus(void)
{
	unsigned long all = cpu_count() == 64 ? ~0ul : (1ul << cpu_count()) - 1;

	atomic_set(&everyone, 0);
	seen_mask = 0;
	on_cpus(count_me, NULL);
	report(atomic_read(&everyone) == cpu_count() && seen_mask == all,
	       "on_cpus() ran once on each of %d CPUs (mask %#lx)",
	       atomic_read(&everyone), seen_mask);
}

static volatile int go, done;

static void wait_for_go(void *data)
{
	(void)data;
	while (!go)
		pause();
	done = 1;
}

static void check_async(void)
{
	bool returned_early = true, finished = true;
	int cpu;

	if (cpu_count() < 2) {
		report_skip("on_cpu_async: needs 2 CPUs");
		return;
	}
	for (cpu = 1; cpu < cpu_count(); cpu++) {
		go = done = 0;
		on_cpu_async(cpu, wait_for_go, NULL);
		/* The function cannot end before go: async returned first. */
		returned_early &= !done;
		go = 1;
		finished &= wait_flag(&done, 1);
	}
	report(returned_early, "on_cpu_async() returns before the function ends");
	report(finished, "on_cpu_async()'s function completes");
}

static int order[QUEUED], next;

static void append(void *data)
{
	order[next++] = (long)data;
}

static void check_order(void)
{
	bool in_order = true;
	int i, cpu = cpu_count() - 1;

	if (cpu_count() < 2) {
		report_skip("work order: needs 2 CPUs");
		return;
	}
	next = 0;
	for (i = 0; i < QUEUED; i++)
		on_cpu_async(cpu, append, (void *)(long)i);
	on_cpu(cpu, append, (void *)(long)-1);
	for (i = 0; i < QUEUED; i++)
		in_order &= order[i] == i;
	report(next == QUEUED + 1 && in_order,
	       "%d queued items ran on CPU %d in order", next, cpu);
}

static volatile int mark;

static void set_mark(void *data)
{
	mark = (long)data;
}

static void call_back_cpu0(void *data)
{
	/* CPU 0 is waiting in on_cpu() for us: it must still serve this. */
	on_cpu(0, set_mark, data);
}

static void call_third(void *data)
{
	on_cpu(2, set_mark, data);
}

static void check_nested(void)
{
	if (cpu_count() < 2) {
		report_skip("CPU to CPU work: needs 2 CPUs");
		return;
	}
	mark = 0;
	on_cpu(1, call_back_cpu0, (void *)7l);
	report(mark == 7, "CPU 1 gives work to CPU 0 while CPU 0 waits for it");
	if (cpu_count() < 3) {
		report_skip("AP to AP work: needs 3 CPUs");
		return;
	}
	mark = 0;
	on_cpu(1, call_third, (void *)9l);
	report(mark == 9, "CPU 1 gives work to CPU 2");
}

static void nothing(void *data)
{
	(void)data;
}

static void measure(void)
{
	u64 t;
	int i;

	if (cpu_count() < 2)
		return;
	t = rdtsc();
	for (i = 0; i < ROUND_TRIPS; i++)
		on_cpu(1, nothing, NULL);
	t = rdtsc() - t;
	report_info("on_cpu() round trip to CPU 1: %lu TSC cycles",
		    (unsigned long)(t / ROUND_TRIPS));
}

int main(int argc, char **argv)
{
	report_prefix_push("smp");
	check_count(argc, argv);
	check_each_cpu();
	check_on_cpus();
	check_async();
	check_order();
	check_nested();
	measure();
	report(cpus_active() == 1, "cpus_active() is 1 again at the end");
	return report_summary();
}
