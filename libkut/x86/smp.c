// SPDX-License-Identifier: MIT
/*
 * smp.c - the x86 CPUs: which there are, starting them before main(), and
 * running on_cpu() work on them (smp.h, asm/smp.h).
 *
 * Which CPUs: the enabled entries of the ACPI MADT, in table order, the
 * boot CPU first.  The MADT is what real firmware offers and gives APIC
 * IDs, which the AP needs (to be sent INIT/SIPI) and tests need (id_map[]);
 * QEMU's fw_cfg only counts CPUs, so it is the fallback for a machine
 * without ACPI, with the APIC IDs QEMU gives N CPUs of the topology CPUID
 * leaf 0xb describes.
 *
 * Starting them: a constructor that runs before the test's own (and
 * after the page allocator is up) copies trampoline.S's real-mode code to
 * TRAMPOLINE_PA, gives each AP a stack, then sends every AP INIT and a
 * STARTUP IPI, and a second STARTUP to any that has not shown up after a
 * while, as the SDM's sequence has it (QEMU and KVM need neither the
 * second IPI nor the SDM's delays, so none is waited out up front).  The
 * APs start in parallel and find their number from their APIC ID.
 *
 * on_cpu(): each CPU has a ring of work slots that any CPU may fill (under
 * the ring's lock) and only the owner empties.  The sender fills a slot
 * and sends SMP_IPI_VECTOR; the owner's handler sends the EOI first, so
 * the work runs with a clean in-service register, then runs every filled
 * slot in order.  "done" counts finished slots, which is what on_cpu()
 * waits on.  A CPU that waits (in on_cpu(), on_cpus(), or for a free
 * slot) serves its own ring meanwhile, so two CPUs handing each other
 * work do not deadlock.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <smp.h>
#include <asm/page.h>
#include <asm/spinlock.h>
#include <x86/apic.h>
#include <x86/desc.h>
#include <x86/fwcfg.h>
#include <x86/msr.h>
#include <x86/processor.h>

#include "percpu.h"
#include "x86.h"

/* The page the APs start in: STARTUP vector 0x08. */
#define TRAMPOLINE_PA		0x8000

/*
 * Each AP's memory: the ring-0 stack the TSS names for entries from
 * user mode at the bottom, its own stack above.
 */
#define AP_MEM_ORDER		3
#define AP_RSP0_SIZE		(2 * PAGE_SIZE)

/*
 * TSC cycles to wait for the APs before a second STARTUP IPI, and in
 * all; at 1 GHz or more, at least 10 ms and 10 s.
 */
#define AP_RESEND_CYCLES	10000000ull
#define AP_GIVE_UP_CYCLES	10000000000ull

#define WORK_SLOTS		16

struct work {
	void (*func)(void *data);
	void *data;
};

struct work_queue {
	struct spinlock lock;	/* taken by senders, to fill a slot */
	unsigned int head;	/* next slot to run; moved by the owner */
	unsigned int tail;	/* next slot to fill */
	unsigned int done;	/* slots whose work has returned */
	bool running;		/* the owner is emptying the ring */
	struct work slot[WORK_SLOTS];
};

_Static_assert(__builtin_offsetof(struct percpu, smp_id) == 0,
	       "smp_id() reads %gs:0");

u32 kut_nr_cpus = 1;
u64 ap_stack_tops[MAX_TEST_CPUS];

static struct work_queue queues[MAX_TEST_CPUS];
static void *ap_rsp0[MAX_TEST_CPUS];
static volatile bool cpu_up[MAX_TEST_CPUS];
/* The CPUs running kut's code (asm/smp.h). */
atomic_t cpu_online_count = ATOMIC_INIT(1);
static bool started;
static bool use_x2apic;

/* What the APs copy from the boot CPU before taking work. */
static struct {
	u64 cr3, cr4, efer;
} boot_regs;

static unsigned long irq_save(void)
{
	unsigned long flags = read_rflags();

	cli();
	return flags;
}

static void irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		sti();
}

int cpu_count(void)
{
	return kut_nr_cpus;
}

int smp_id(void)
{
	u32 id;

	asm volatile("movl %%gs:0, %0" : "=r"(id));
	return id;
}

/* ---- which CPUs there are ---- */

static void add_cpu(u32 apic_id)
{
	u32 i;

	for (i = 0; i < kut_nr_cpus; i++)
		if (id_map[i] == apic_id)
			return;
	if (apic_id > 0xfe) {
		printf("smp: CPU with APIC ID %u left out: kut handles "
		       "8-bit APIC IDs only\n", apic_id);
		return;
	}
	if (kut_nr_cpus == MAX_TEST_CPUS) {
		printf("smp: CPU with APIC ID %u left out: more than "
		       "MAX_TEST_CPUS (%d)\n", apic_id, MAX_TEST_CPUS);
		return;
	}
	id_map[kut_nr_cpus++] = apic_id;
}

static int madt_cpu(struct acpi_subtable_header *h)
{
	struct acpi_madt_local_apic *lapic = (void *)h;
	struct acpi_madt_local_x2apic *x2apic = (void *)h;

	if (h->type == ACPI_MADT_TYPE_LOCAL_APIC && h->length >= sizeof(*lapic)) {
		if (lapic->lapic_flags & ACPI_MADT_ENABLED)
			add_cpu(lapic->id);
	} else if (h->type == ACPI_MADT_TYPE_LOCAL_X2APIC &&
		   h->length >= sizeof(*x2apic)) {
		if (x2apic->lapic_flags & ACPI_MADT_ENABLED)
			add_cpu(x2apic->local_apic_id);
	}
	return 0;
}

static bool cpus_from_madt(void)
{
	return kut_acpi_walk_madt(-1, madt_cpu) >= 0;
}

/*
 * The APIC ID of the @i-th CPU as QEMU numbers them: threads within a
 * core, cores within a package, each field as wide as CPUID leaf 0xb
 * says; without leaf 0xb, IDs are 0 .. N-1.
 */
static u32 nth_apic_id(u32 i)
{
	struct cpuid smt = cpuid_indexed(0xb, 0), core = cpuid_indexed(0xb, 1);
	u32 threads = smt.b & 0xffff, per_pkg = core.b & 0xffff;

	if ((smt.c >> 8 & 0xff) != 1 || (core.c >> 8 & 0xff) != 2 ||
	    !threads || !per_pkg)
		return i;
	return (i / per_pkg) << (core.a & 0x1f) |
	       (i % per_pkg / threads) << (smt.a & 0x1f) | (i % threads);
}

static void cpus_from_fwcfg(void)
{
	unsigned int n = fwcfg_get_nb_cpus(), i;

	if (n > MAX_TEST_CPUS)		/* all ones: no fw_cfg */
		n = 1;
	for (i = 0; i < n; i++)
		add_cpu(nth_apic_id(i));
}

/* ---- starting the APs ---- */

static void send_startup(u32 cpu)
{
	apic_icr_write(APIC_DEST_PHYSICAL | APIC_DM_STARTUP |
		       (TRAMPOLINE_PA >> PAGE_SHIFT), id_map[cpu]);
}

static bool wait_for_aps(u64 cycles)
{
	u64 start = rdtsc();

	while (atomic_read(&cpu_online_count) < (int)kut_nr_cpus) {
		if (rdtsc() - start > cycles)
			return false;
		pause();
	}
	return true;
}

static void start_aps(void)
{
	u32 cpu;
	u8 *mem;

	boot_regs.cr3 = read_cr3();
	boot_regs.cr4 = read_cr4();
	/* EFER (for NX) exists where NX does; 2-level paging has no NX bit. */
	boot_regs.efer = cpu_has_efer_nx() ? rdmsr(MSR_EFER) : 0;
	for (cpu = 1; cpu < kut_nr_cpus; cpu++) {
		mem = alloc_pages(AP_MEM_ORDER);
		assert_msg(mem, "no memory for CPU %u's stacks", cpu);
		ap_rsp0[cpu] = mem + AP_RSP0_SIZE;
		ap_stack_tops[cpu] = (unsigned long)mem + (PAGE_SIZE << AP_MEM_ORDER);
	}
	memcpy((void *)TRAMPOLINE_PA, ap_trampoline,
	       ap_trampoline_end - ap_trampoline);

	for (cpu = 1; cpu < kut_nr_cpus; cpu++)
		apic_icr_write(APIC_DEST_PHYSICAL | APIC_DM_INIT |
			       APIC_INT_ASSERT, id_map[cpu]);
	for (cpu = 1; cpu < kut_nr_cpus; cpu++)
		send_startup(cpu);
	if (wait_for_aps(AP_RESEND_CYCLES))
		return;
	for (cpu = 1; cpu < kut_nr_cpus; cpu++)
		if (!cpu_up[cpu])
			send_startup(cpu);
	if (wait_for_aps(AP_GIVE_UP_CYCLES))
		return;
	for (cpu = 1; cpu < kut_nr_cpus; cpu++)
		if (!cpu_up[cpu])
			printf("smp: CPU %u (APIC ID %u) did not start\n",
			       cpu, id_map[cpu]);
	report_abort("smp: %d of %u CPUs started", atomic_read(&cpu_online_count),
		     kut_nr_cpus);
}

void kut_x86_ap_start(u32 cpu)
{
	kut_x86_setup_ap(cpu, ap_rsp0[cpu]);
	write_cr4(boot_regs.cr4);
	if (boot_regs.efer & EFER_NX)
		wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NX);
	write_cr3(boot_regs.cr3);
	kut_x86_apic_init_cpu(use_x2apic);
	cpu_up[cpu] = true;
	atomic_inc(&cpu_online_count);
	/* Work comes by IPI; the idle loop only waits for it. */
	for (;;)
		safe_halt();
}

/* ---- on_cpu() ---- */

/* Run this CPU's queued work; interrupts must be off. */
static void run_work(struct work_queue *q)
{
	unsigned int head;
	struct work w;

	if (q->running)
		return;
	q->running = true;
	while ((head = q->head) != __atomic_load_n(&q->tail, __ATOMIC_ACQUIRE)) {
		w = q->slot[head % WORK_SLOTS];
		__atomic_store_n(&q->head, head + 1, __ATOMIC_RELEASE);
		w.func(w.data);
		cli();
		__atomic_store_n(&q->done, q->done + 1, __ATOMIC_RELEASE);
	}
	q->running = false;
}

static void serve_own_queue(void)
{
	struct work_queue *q = &queues[smp_id()];
	unsigned long flags;

	if (q->head == __atomic_load_n(&q->tail, __ATOMIC_ACQUIRE))
		return;
	flags = irq_save();
	run_work(q);
	irq_restore(flags);
}

static void ipi_handler(struct ex_regs *regs)
{
	(void)regs;
	eoi();
	run_work(&queues[smp_id()]);
}

/* Queue @func(@data) for @cpu and send it the IPI; returns the slot's number. */
static unsigned int queue_work(int cpu, void (*func)(void *data), void *data)
{
	struct work_queue *q = &queues[cpu];
	struct work w = { func, data };
	unsigned long flags = irq_save();
	unsigned int ticket;

	spin_lock(&q->lock);
	while (q->tail - __atomic_load_n(&q->head, __ATOMIC_ACQUIRE) >= WORK_SLOTS) {
		spin_unlock(&q->lock);
		run_work(&queues[smp_id()]);
		pause();
		spin_lock(&q->lock);
	}
	ticket = q->tail;
	q->slot[ticket % WORK_SLOTS] = w;
	__atomic_store_n(&q->tail, ticket + 1, __ATOMIC_RELEASE);
	spin_unlock(&q->lock);
	apic_icr_write(APIC_DEST_PHYSICAL | APIC_DM_FIXED | APIC_INT_ASSERT |
		       SMP_IPI_VECTOR, id_map[cpu]);
	irq_restore(flags);
	return ticket;
}

static void wait_done(int cpu, unsigned int ticket)
{
	struct work_queue *q = &queues[cpu];

	while ((int)(__atomic_load_n(&q->done, __ATOMIC_ACQUIRE) - ticket) <= 0) {
		serve_own_queue();
		pause();
	}
}

/* arch.h: on_cpu() (libkut/smp.c) queues work and waits for its ticket. */
unsigned int arch_on_cpu_queue(int cpu, void (*func)(void *data), void *data)
{
	return queue_work(cpu, func, data);
}

void arch_on_cpu_wait(int cpu, unsigned int ticket)
{
	wait_done(cpu, ticket);
}

int cpus_active(void)
{
	int cpu, n = 1;

	for (cpu = 0; cpu < (int)kut_nr_cpus; cpu++)
		n += __atomic_load_n(&queues[cpu].tail, __ATOMIC_ACQUIRE) -
		     __atomic_load_n(&queues[cpu].done, __ATOMIC_ACQUIRE);
	return n;
}

static void reset_apic_here(void *data)
{
	(void)data;
	reset_apic();
}

void smp_reset_apic(void)
{
	on_cpus(reset_apic_here, NULL);
}

/* ---- start-up ---- */

void smp_init(void)
{
	u32 bsp;

	if (started)
		return;
	started = true;
	bsp = pre_boot_apic_id();
	id_map[0] = bsp;
	if (!cpus_from_madt())
		cpus_from_fwcfg();
	use_x2apic = this_cpu_has(X86_FEATURE_X2APIC);
	mask_pic_interrupts();
	kut_x86_apic_init_cpu(use_x2apic);
	handle_exception(SMP_IPI_VECTOR, ipi_handler);
	if (kut_nr_cpus > 1)
		start_aps();
}

/* Before the test's constructors, which may already want other CPUs. */
static void __attribute__((constructor(101))) smp_boot(void)
{
	smp_init();
}
