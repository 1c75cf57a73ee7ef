// SPDX-License-Identifier: MIT
/*
 * vmexit.c - what one exit to the hypervisor costs, by kind of exit: the
 * microbenchmark KVM developers compare kernels with.  For each kind (a
 * CPUID, a hypercall, CR8 reads and writes, port reads answered by QEMU or
 * by KVM's in-kernel devices, IPIs to a running and to a halted CPU, the
 * TSC-deadline timer, MSR reads and writes, CR0/CR4 writes, pci-testdev
 * writes ...) a loop runs the operation, doubling its count until one
 * round lasts at least VMEXIT_GOAL TSC cycles, and prints
 *
 *     INFO: vmexit: <kind>: <cycles> cycles per exit (<loops> loops)
 *
 * with the mean of that last round.  Every kind also checks, on every
 * iteration, that the operation did what the architecture (or KVM's
 * documented ABI) says: a broken exit path fails instead of timing fast.
 *
 * Arguments select kinds by upstream kvm-unit-tests' vmexit names
 * (cpuid, vmcall, mov_to_cr8, ipi, tscdeadline, ...); with none, all run.
 * A kind this CPU or machine cannot do is skipped with the reason.
 */
#include <libcflat.h>
#include <asm/io.h>
#include <pci.h>
#include <smp.h>
#include <x86/acpi.h>
#include <x86/apic.h>
#include <x86/isr.h>
#include <x86/processor.h>
#include "x86-test.h"

/* The cycles one round must last: 2^30, as the figures KVM people quote. */
#define VMEXIT_GOAL	(1ull << 30)
/* Rounds start at this many iterations (then 2x, 4x, ...). */
#define FIRST_LOOPS	64
#define SELF_IPI_VEC	0xb0
#define TIMER_VEC	0xb1

/* The KVM hypercall ABI: a number KVM does not know returns -KVM_ENOSYS. */
#define KVM_ENOSYS		1000
#define UNKNOWN_HYPERCALL	0

/* The ELCR of the first 8259 (edge/level per IRQ): in KVM's kernel. */
#define ELCR1_PORT	0x4d0
/* A port nothing decodes: reads all ones, answered by QEMU. */
#define UNDECODED_PORT	0x1234

struct exit_kind {
	const char *name;
	/* NULL when the kind can run here, else why not. */
	const char *(*unavailable)(void);
	/* Before the first round. */
	void (*prepare)(void);
	/* One exit. */
	void (*run)(void);
	/* After the last round: report whether every iteration did its job. */
	void (*verify)(const char *name, u64 loops);
};

/* Iterations whose result was wrong, and interrupts taken, per kind. */
static volatile u64 bad, irqs;
/* Interrupts that came only after the window the kind opened for them. */
static volatile u64 late;
static u64 total_loops;

static struct cpuid leaf0;
static ulong cr0_start, cr4_start;
static u32 elcr;
static struct pm_timer pm;
static u32 pm_last, pm_moves;

static void verify_bad(const char *name, u64 loops, const char *what)
{
	report(bad == 0, "%s: %s (%llu of %llu wrong)", name, what,
	       (unsigned long long)bad, (unsigned long long)loops);
}

static void verify_irqs(const char *name, u64 loops, const char *what)
{
	u64 start = rdtsc();

	/* The last one may still be on its way. */
	sti();
	while (irqs < loops && rdtsc() - start < LOST_CYCLES)
		pause();
	cli();
	report(irqs == loops && bad == 0, "%s: %s (%llu for %llu)", name, what,
	       (unsigned long long)irqs, (unsigned long long)loops);
	if (late)
		report_info("%s: %llu of them came only after the instruction "
			    "that opened the window", name,
			    (unsigned long long)late);
}

/* ---- CPUID: always intercepted */

static void cpuid_prepare(void)
{
	leaf0 = raw_cpuid(0, 0);
}

static void cpuid_run(void)
{
	struct cpuid c = raw_cpuid(0, 0);

	if (c.a != leaf0.a || c.b != leaf0.b)
		bad++;
}

static void cpuid_verify(const char *name, u64 loops)
{
	verify_bad(name, loops, "leaf 0 the same every time");
}

/* ---- the KVM hypercall: VMCALL on Intel, VMMCALL on AMD */

static const char *vmcall_unavailable(void)
{
	return accel_is_kvm() ? NULL :
	       "no KVM (CPUID 0x40000000): nothing answers a hypercall";
}

static void vmcall_run(void)
{
	ulong ax = UNKNOWN_HYPERCALL, bx = 0, cx = 0, dx = 0;

	if (is_intel())
		asm volatile("vmcall" : "+a"(ax), "+b"(bx), "+c"(cx), "+d"(dx)
			     : : "memory");
	else
		asm volatile("vmmcall" : "+a"(ax), "+b"(bx), "+c"(cx), "+d"(dx)
			     : : "memory");
	if (ax != (ulong)-KVM_ENOSYS)
		bad++;
}

static void vmcall_verify(const char *name, u64 loops)
{
	verify_bad(name, loops, "an unknown hypercall returns -KVM_ENOSYS");
}

/* ---- CR8, the task priority (64-bit mode only) */

#ifdef __x86_64__
#define CR8_SET		3

static const char *cr8_unavailable(void)
{
	return NULL;
}

static void mov_from_cr8_prepare(void)
{
	write_cr8(CR8_SET);
}

static void mov_from_cr8_run(void)
{
	if (read_cr8() != CR8_SET)
		bad++;
}

static void mov_from_cr8_verify(const char *name, u64 loops)
{
	verify_bad(name, loops, "CR8 reads what was written");
	write_cr8(0);
}

static void mov_to_cr8_prepare(void)
{
	write_cr8(CR8_SET);
}

static void mov_to_cr8_run(void)
{
	write_cr8(0);
}

static void mov_to_cr8_verify(const char *name, u64 loops)
{
	report(read_cr8() == 0 && (apic_read(APIC_TASKPRI) >> 4) == 0,
	       "%s: CR8 and the APIC's TPR say 0 after %llu writes", name,
	       (unsigned long long)loops);
}
#else
static const char *cr8_unavailable(void)
{
	return "CR8 exists in 64-bit mode only";
}
#define mov_from_cr8_prepare	NULL
#define mov_from_cr8_run	NULL
#define mov_from_cr8_verify	NULL
#define mov_to_cr8_prepare	NULL
#define mov_to_cr8_run		NULL
#define mov_to_cr8_verify	NULL
#endif

/* ---- port reads and writes */

static const char *pmtimer_unavailable(void)
{
	return pm_timer_init(&pm) ? NULL : "no ACPI PM timer (FADT)";
}

static void pmtimer_prepare(void)
{
	printf("vmexit: the PM timer is port %#x\n", pm.port);
	pm_last = pm_timer_read(&pm);
	pm_moves = 0;
}

static void pmtimer_run(void)
{
	u32 now = pm_timer_read(&pm);

	/* It counts up and wraps: a step back of less than half is wrong. */
	if (((now - pm_last) & pm.mask) > pm.mask / 2)
		bad++;
	else if (now != pm_last)
		pm_moves++;
	pm_last = now;
}

static void pmtimer_verify(const char *name, u64 loops)
{
	verify_bad(name, loops, "the PM timer never goes back");
	report(pm_moves > 0, "%s: ... and it runs (%u moves)", name, pm_moves);
}

static const char *no_reason(void)
{
	return NULL;
}

static void inl_qemu_run(void)
{
	if (inl(UNDECODED_PORT) != 0xffffffff)
		bad++;
}

static void inl_qemu_verify(const char *name, u64 loops)
{
	verify_bad(name, loops, "an undecoded port reads all ones");
}

static void elcr_prepare(void)
{
	elcr = inb(ELCR1_PORT);
}

static void inl_kernel_run(void)
{
	if (inb(ELCR1_PORT) != elcr)
		bad++;
}

static void inl_kernel_verify(const char *name, u64 loops)
{
	verify_bad(name, loops, "the ELCR reads the same every time");
}

static void outl_kernel_run(void)
{
	outb(elcr, ELCR1_PORT);
}

static void outl_kernel_verify(const char *name, u64 loops)
{
	report(inb(ELCR1_PORT) == elcr, "%s: the ELCR keeps %#x after %llu writes",
	       name, elcr, (unsigned long long)loops);
}

/* ---- debug registers */

#define DR7_FIXED	0x400

static void mov_dr_run(void)
{
	write_dr7(DR7_FIXED);
}

static void mov_dr_verify(const char *name, u64 loops)
{
	ulong dr7 = read_dr7();

	report(dr7 == DR7_FIXED, "%s: DR7 reads %#lx after %llu writes", name,
	       dr7, (unsigned long long)loops);
}

/* ---- self-IPIs: ICR write, delivery, EOI */

static void self_ipi_isr(isr_regs_t *regs)
{
	(void)regs;
	irqs++;
	eoi();
}

static void self_ipi_prepare(void)
{
	handle_irq(SELF_IPI_VEC, self_ipi_isr);
}

static void send_self_ipi(void)
{
	apic_icr_write(APIC_DEST_SELF | APIC_DEST_PHYSICAL | APIC_DM_FIXED |
		       SELF_IPI_VEC, 0);
}

/*
 * Each iteration must take exactly its own interrupt.  One that has not
 * come yet is waited for with interrupts on (and counted as late: the
 * architecture promises no delivery within the instruction or two after
 * STI), or a second IPI would merge with it in the IRR.
 */
static void expect_one_more(u64 before)
{
	u64 start;

	if (irqs == before) {
		late++;
		start = rdtsc();
		sti();
		while (irqs == before && rdtsc() - start < LOST_CYCLES)
			pause();
		cli();
	}
	if (irqs != before + 1)
		bad++;
}

static void self_ipi_sti_nop_run(void)
{
	u64 before = irqs;

	cli();
	send_self_ipi();
	asm volatile("sti; nop; cli" ::: "memory");
	expect_one_more(before);
}

static void self_ipi_sti_hlt_run(void)
{
	u64 before = irqs;

	cli();
	send_self_ipi();
	asm volatile("sti; hlt; cli" ::: "memory");
	expect_one_more(before);
}

static void self_ipi_tpr_run(void)
{
	u64 before = irqs;

	/* Masked by the TPR (sent with IF=1), delivered when it drops. */
	sti();
	apic_set_tpr(0xf);
	send_self_ipi();
	apic_set_tpr(0);
	asm volatile("nop; cli" ::: "memory");
	expect_one_more(before);
}

static void self_ipi_tpr_sti_nop_run(void)
{
	u64 before = irqs;

	cli();
	apic_set_tpr(0xf);
	send_self_ipi();
	apic_set_tpr(0);
	asm volatile("sti; nop; cli" ::: "memory");
	expect_one_more(before);
}

static void self_ipi_tpr_sti_hlt_run(void)
{
	u64 before = irqs;

	cli();
	apic_set_tpr(0xf);
	send_self_ipi();
	apic_set_tpr(0);
	asm volatile("sti; hlt; cli" ::: "memory");
	expect_one_more(before);
}

static void self_ipi_verify(const char *name, u64 loops)
{
	verify_irqs(name, loops, "one interrupt per IPI, before the next one");
}

static const char *x2apic_unavailable(void)
{
	return is_x2apic_enabled() ? NULL : "the APIC is not in x2APIC mode";
}

static void x2apic_self_ipi_sti_hlt_run(void)
{
	u64 before = irqs;

	cli();
	wrmsr(x2apic_msr(APIC_SELF_IPI), SELF_IPI_VEC);
	asm volatile("sti; hlt; cli" ::: "memory");
	expect_one_more(before);
}

static void x2apic_self_ipi_sti_nop_run(void)
{
	u64 before = irqs;

	cli();
	wrmsr(x2apic_msr(APIC_SELF_IPI), SELF_IPI_VEC);
	asm volatile("sti; nop; cli" ::: "memory");
	expect_one_more(before);
}

/* ---- IPIs to another CPU: on_cpu() sends one and waits for the work */

static volatile u64 remote_runs;

static const char *smp_unavailable(void)
{
	return cpu_count() > 1 ? NULL : "needs 2 CPUs (-smp 2)";
}

static void count_on_cpu1(void *data)
{
	(void)data;
	if (smp_id() == 1)
		remote_runs++;
}

static void ipi_prepare(void)
{
	remote_runs = 0;
}

static void ipi_run(void)
{
	on_cpu(1, count_on_cpu1, NULL);
}

/* As ipi, then time for CPU 1 to halt again: each IPI wakes it. */
static void ipi_halt_run(void)
{
	u64 t = rdtsc() + 2000;

	on_cpu(1, count_on_cpu1, NULL);
	while (rdtsc() < t)
		pause();
}

static void ipi_verify(const char *name, u64 loops)
{
	report(remote_runs == loops, "%s: the work ran on CPU 1 each time "
	       "(%llu of %llu)", name, (unsigned long long)remote_runs,
	       (unsigned long long)loops);
}

/* ---- the TSC-deadline timer */

static void deadline_isr(isr_regs_t *regs)
{
	(void)regs;
	irqs++;
	eoi();
}

static const char *tscdeadline_unavailable(void)
{
	return this_cpu_has(X86_FEATURE_TSC_DEADLINE_TIMER) ? NULL :
	       "CPUID has no TSC-deadline timer";
}

static void tscdeadline_prepare(void)
{
	handle_irq(TIMER_VEC, deadline_isr);
	apic_setup_timer(TIMER_VEC, APIC_LVT_TIMER_TSCDEADLINE);
}

/*
 * A deadline already passed fires at once, with interrupts on all along
 * as in upstream's loop: the write, the timer firing and the interrupt's
 * delivery, which may come with the next exit (an interrupt still
 * pending then merges with the next one).  The fence keeps the TSC read
 * from passing the MSR write, which is not a serializing one.
 */
static void tscdeadline_immed_prepare(void)
{
	tscdeadline_prepare();
	sti();
}

static void tscdeadline_immed_run(void)
{
	wrmsr(MSR_IA32_TSCDEADLINE, rdtsc());
	asm volatile("mfence; lfence" ::: "memory");
}

static void tscdeadline_immed_verify(const char *name, u64 loops)
{
	u64 start = rdtsc();

	while ((!irqs || rdmsr(MSR_IA32_TSCDEADLINE)) &&
	       rdtsc() - start < LOST_CYCLES)
		pause();
	cli();
	report(irqs >= 1 && irqs <= loops && !rdmsr(MSR_IA32_TSCDEADLINE),
	       "%s: the deadlines fired, the MSR reads 0 (%llu interrupts for "
	       "%llu deadlines: pending ones merge)", name,
	       (unsigned long long)irqs, (unsigned long long)loops);
	apic_cleanup_timer();
}

/* A deadline 3000 cycles ahead, waited for. */
static void tscdeadline_run(void)
{
	u64 before = irqs, start = rdtsc();

	wrmsr(MSR_IA32_TSCDEADLINE, start + 3000);
	sti();
	while (irqs == before && rdtsc() - start < LOST_CYCLES)
		pause();
	cli();
	expect_one_more(before);
}

static void tscdeadline_verify(const char *name, u64 loops)
{
	verify_irqs(name, loops, "one interrupt per deadline");
	report(rdmsr(MSR_IA32_TSCDEADLINE) == 0,
	       "%s: the deadline MSR reads 0 once it fired", name);
	apic_cleanup_timer();
}

/* ---- MSRs */

static const char *tsc_adjust_unavailable(void)
{
	u64 v;

	return rdmsr_safe(MSR_IA32_TSC_ADJUST, &v) ? "no IA32_TSC_ADJUST" : NULL;
}

static void rd_tsc_adjust_run(void)
{
	if (rdmsr(MSR_IA32_TSC_ADJUST) != 0)
		bad++;
}

static void rd_tsc_adjust_verify(const char *name, u64 loops)
{
	verify_bad(name, loops, "IA32_TSC_ADJUST reads 0");
}

static void wr_tsc_adjust_run(void)
{
	wrmsr(MSR_IA32_TSC_ADJUST, 0);
}

static void wr_tsc_adjust_verify(const char *name, u64 loops)
{
	report(rdmsr(MSR_IA32_TSC_ADJUST) == 0,
	       "%s: IA32_TSC_ADJUST reads 0 after %llu writes of 0", name,
	       (unsigned long long)loops);
}

#ifdef __x86_64__
static const char *long_mode_only(void)
{
	return NULL;
}

static void kernel_gs_base_prepare(void)
{
	wrmsr(MSR_KERNEL_GS_BASE, 0x1000);
}

static void wr_kernel_gs_base_run(void)
{
	wrmsr(MSR_KERNEL_GS_BASE, 0);
}

static void wr_kernel_gs_base_verify(const char *name, u64 loops)
{
	report(rdmsr(MSR_KERNEL_GS_BASE) == 0,
	       "%s: KERNEL_GS_BASE reads 0 after %llu writes", name,
	       (unsigned long long)loops);
}
#else
static const char *long_mode_only(void)
{
	return "KERNEL_GS_BASE exists in 64-bit mode only";
}
#define kernel_gs_base_prepare		NULL
#define wr_kernel_gs_base_run		NULL
#define wr_kernel_gs_base_verify	NULL
#endif

/* ---- control registers */

static void cr_prepare(void)
{
	cr0_start = read_cr0();
	cr4_start = read_cr4();
}

static void toggle_cr0_wp_run(void)
{
	write_cr0(cr0_start ^ X86_CR0_WP);
	if ((read_cr0() ^ cr0_start) != X86_CR0_WP)
		bad++;
	write_cr0(cr0_start);
}

static void toggle_cr0_wp_verify(const char *name, u64 loops)
{
	verify_bad(name, loops, "CR0 holds the WP bit written");
	report(read_cr0() == cr0_start, "%s: CR0 back to %#lx", name, cr0_start);
}

static const char *pge_unavailable(void)
{
	return this_cpu_has(X86_FEATURE_PGE) ? NULL : "CPUID has no PGE";
}

static void toggle_cr4_pge_run(void)
{
	write_cr4(cr4_start ^ X86_CR4_PGE);
	if ((read_cr4() ^ cr4_start) != X86_CR4_PGE)
		bad++;
	write_cr4(cr4_start);
}

static void toggle_cr4_pge_verify(const char *name, u64 loops)
{
	verify_bad(name, loops, "CR4 holds the PGE bit written");
	report(read_cr4() == cr4_start, "%s: CR4 back to %#lx", name, cr4_start);
}

static const struct exit_kind kinds[] = {
	{ "cpuid", no_reason, cpuid_prepare, cpuid_run, cpuid_verify },
	{ "vmcall", vmcall_unavailable, NULL, vmcall_run, vmcall_verify },
	{ "mov_from_cr8", cr8_unavailable, mov_from_cr8_prepare,
	  mov_from_cr8_run, mov_from_cr8_verify },
	{ "mov_to_cr8", cr8_unavailable, mov_to_cr8_prepare, mov_to_cr8_run,
	  mov_to_cr8_verify },
	{ "inl_from_pmtimer", pmtimer_unavailable, pmtimer_prepare, pmtimer_run,
	  pmtimer_verify },
	{ "inl_from_qemu", no_reason, NULL, inl_qemu_run, inl_qemu_verify },
	{ "inl_from_kernel", no_reason, elcr_prepare, inl_kernel_run,
	  inl_kernel_verify },
	{ "outl_to_kernel", no_reason, elcr_prepare, outl_kernel_run,
	  outl_kernel_verify },
	{ "mov_dr", no_reason, NULL, mov_dr_run, mov_dr_verify },
	{ "tscdeadline_immed", tscdeadline_unavailable, tscdeadline_immed_prepare,
	  tscdeadline_immed_run, tscdeadline_immed_verify },
	{ "tscdeadline", tscdeadline_unavailable, tscdeadline_prepare,
	  tscdeadline_run, tscdeadline_verify },
	{ "self_ipi_sti_nop", no_reason, self_ipi_prepare,
	  self_ipi_sti_nop_run, self_ipi_verify },
	{ "self_ipi_sti_hlt", no_reason, self_ipi_prepare,
	  self_ipi_sti_hlt_run, self_ipi_verify },
	{ "self_ipi_tpr", no_reason, self_ipi_prepare, self_ipi_tpr_run,
	  self_ipi_verify },
	{ "self_ipi_tpr_sti_nop", no_reason, self_ipi_prepare,
	  self_ipi_tpr_sti_nop_run, self_ipi_verify },
	{ "self_ipi_tpr_sti_hlt", no_reason, self_ipi_prepare,
	  self_ipi_tpr_sti_hlt_run, self_ipi_verify },
	{ "x2apic_self_ipi_sti_nop", x2apic_unavailable, self_ipi_prepare,
	  x2apic_self_ipi_sti_nop_run, self_ipi_verify },
	{ "x2apic_self_ipi_sti_hlt", x2apic_unavailable, self_ipi_prepare,
	  x2apic_self_ipi_sti_hlt_run, self_ipi_verify },
	{ "ipi", smp_unavailable, ipi_prepare, ipi_run, ipi_verify },
	{ "ipi_halt", smp_unavailable, ipi_prepare, ipi_halt_run, ipi_verify },
	{ "wr_kernel_gs_base", long_mode_only, kernel_gs_base_prepare,
	  wr_kernel_gs_base_run, wr_kernel_gs_base_verify },
	{ "rd_tsc_adjust_msr", tsc_adjust_unavailable, NULL, rd_tsc_adjust_run,
	  rd_tsc_adjust_verify },
	{ "wr_tsc_adjust_msr", tsc_adjust_unavailable, NULL, wr_tsc_adjust_run,
	  wr_tsc_adjust_verify },
	{ "toggle_cr0_wp", no_reason, cr_prepare, toggle_cr0_wp_run,
	  toggle_cr0_wp_verify },
	{ "toggle_cr4_pge", pge_unavailable, cr_prepare, toggle_cr4_pge_run,
	  toggle_cr4_pge_verify },
};

/*
 * Run @run in rounds of 64, 128, ... iterations until one round lasts
 * VMEXIT_GOAL cycles; print the mean of that round; returns the total
 * number of iterations of every round.
 */
static u64 measure(const char *name, void (*run)(void))
{
	u64 loops = FIRST_LOOPS, total = 0, i, t;

	for (;;) {
		t = rdtsc();
		for (i = 0; i < loops; i++)
			run();
		t = rdtsc() - t;
		total += loops;
		if (t >= VMEXIT_GOAL)
			break;
		loops *= 2;
	}
	report_info("%s: %llu cycles per exit (%llu loops)", name,
		    (unsigned long long)(t / loops), (unsigned long long)loops);
	return total;
}

static void run_kind(const struct exit_kind *k)
{
	const char *why = k->unavailable();

	if (why || !k->run) {
		report_skip("%s: %s", k->name, why ? why : "not on this arch");
		return;
	}
	bad = 0;
	irqs = 0;
	late = 0;
	if (k->prepare)
		k->prepare();
	total_loops = measure(k->name, k->run);
	k->verify(k->name, total_loops);
}

/* ---- pci-testdev: a write QEMU counts, or an ioeventfd swallows */

static void pci_region(struct pci_dev *dev, int bar, const char *kind)
{
	struct pci_testdev_region r;
	struct pci_testdev_entry e;
	u64 loops = FIRST_LOOPS, t, i;
	char name[64];
	int nr;

	if (!pci_testdev_region_init(&r, dev, bar)) {
		report_skip("%s: pci-testdev BAR %d is not assigned", kind, bar);
		return;
	}
	for (nr = 0; pci_testdev_select(&r, nr, &e); nr++) {
		snprintf(name, sizeof(name), "%s: %s", kind, e.name);
		/* pci_testdev_write() loops itself: one call per round. */
		for (;;) {
			t = rdtsc();
			pci_testdev_write(&r, &e, e.offset, e.data, loops);
			t = rdtsc() - t;
			if (t >= VMEXIT_GOAL)
				break;
			loops *= 2;
			pci_testdev_select(&r, nr, &e);
		}
		report_info("%s: %llu cycles per exit (%llu loops)", name,
			    (unsigned long long)(t / loops),
			    (unsigned long long)loops);
		i = pci_testdev_count(&r);
		if (pci_testdev_counts_always(&e))
			report(i == loops, "%s: the device counted every write "
			       "(%llu of %llu)", name, (unsigned long long)i,
			       (unsigned long long)loops);
		else
			report(i == 0 || i == loops, "%s: an ioeventfd took "
			       "them all, or the device counted them all (%llu)",
			       name, (unsigned long long)i);
		loops = FIRST_LOOPS;
	}
	report(nr > 0, "%s: %d tests in the BAR", kind, nr);
}

static void run_pci(const char *kind, int bar)
{
	pcidevaddr_t bdf = pci_find_dev(PCI_VENDOR_ID_REDHAT,
					PCI_DEVICE_ID_REDHAT_TEST);
	struct pci_dev dev;

	if (bdf == PCIDEVADDR_INVALID) {
		report_skip("%s: no pci-testdev", kind);
		return;
	}
	pci_dev_init(&dev, bdf);
	pci_region(&dev, bar, kind);
}

int main(int argc, char **argv)
{
	unsigned i;
	int j;

	report_prefix_push("vmexit");
	for (j = 1; j < argc; j++) {
		bool known = !strcmp(argv[j], "pci-mem") ||
			     !strcmp(argv[j], "pci-io");

		for (i = 0; i < ARRAY_SIZE(kinds); i++)
			known |= !strcmp(argv[j], kinds[i].name);
		if (!known)
			report_abort("unknown exit kind '%s'", argv[j]);
	}
	for (i = 0; i < ARRAY_SIZE(kinds); i++)
		if (arg_wanted(kinds[i].name, argc, argv))
			run_kind(&kinds[i]);
	if (arg_wanted("pci-mem", argc, argv))
		run_pci("pci-mem", PCI_TESTDEV_BAR_MEM);
	if (arg_wanted("pci-io", argc, argv))
		run_pci("pci-io", PCI_TESTDEV_BAR_IO);
	return report_summary();
}
