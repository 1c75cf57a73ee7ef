// SPDX-License-Identifier: MIT
/*
 * hypercall.c - KVM's hypercall ABI, as Linux's
 * Documentation/virt/kvm/x86/hypercalls.rst gives it: the number in RAX,
 * arguments in RBX, RCX, RDX, RSI, the result in RAX; VMCALL and VMMCALL
 * both work on either vendor (KVM fixes up the other one); an unknown
 * number returns -KVM_ENOSYS; a hypercall from CPL 3 returns -KVM_EPERM;
 * KVM_HC_SEND_IPI (where CPUID advertises PV_SEND_IPI) sends fixed IPIs
 * to a bitmap of APIC IDs and returns how many it delivered;
 * KVM_HC_KICK_CPU wakes a CPU halted with interrupts off.  Skips (77)
 * where the hypervisor is not KVM.
 */
#include <libcflat.h>
#include <smp.h>
#include <x86/apic.h>
#include <x86/isr.h>
#include <x86/processor.h>
#include <x86/usermode.h>
#include "x86-test.h"

#define KVM_ENOSYS		1000
#define KVM_EPERM		1
#define KVM_HC_VAPIC_POLL_IRQ	1
#define KVM_HC_KICK_CPU		5
#define KVM_HC_SEND_IPI		10
#define HC_UNKNOWN		0x7fff
#define PV_SEND_IPI_BIT		11	/* CPUID 0x40000001 EAX */
#define PV_UNHALT_BIT		7

#define IPI_VEC			0xe5

static ulong hypercall(bool amd, ulong nr, ulong a0, ulong a1, ulong a2,
		       ulong a3)
{
	if (amd)
		asm volatile("vmmcall"
			     : "+a"(nr) : "b"(a0), "c"(a1), "d"(a2), "S"(a3)
			     : "memory");
	else
		asm volatile("vmcall"
			     : "+a"(nr) : "b"(a0), "c"(a1), "d"(a2), "S"(a3)
			     : "memory");
	return nr;
}

static uint64_t hypercall_at_cpl3(void)
{
	return hypercall(is_amd(), HC_UNKNOWN, 0, 0, 0, 0);
}

static volatile int ipis[MAX_TEST_CPUS];

static void count_ipi(isr_regs_t *regs)
{
	(void)regs;
	ipis[smp_id()]++;
	eoi();
}

static void check_send_ipi(void)
{
	ulong bitmap = 0, ret;
	int cpu, n = cpu_count(), got = 0;
	u32 min_id = id_map[0];

	if (!(cpuid(KVM_CPUID_FEATURES).a & 1u << PV_SEND_IPI_BIT)) {
		report_skip("KVM_HC_SEND_IPI: CPUID has no PV_SEND_IPI");
		return;
	}
	for (cpu = 0; cpu < n; cpu++)
		if (id_map[cpu] < min_id)
			min_id = id_map[cpu];
	for (cpu = 0; cpu < n && cpu < (int)(8 * sizeof(long)); cpu++)
		if (id_map[cpu] - min_id < (int)(8 * sizeof(long)))
			bitmap |= 1ul << (id_map[cpu] - min_id);
	handle_irq(IPI_VEC, count_ipi);
	ret = hypercall(is_amd(), KVM_HC_SEND_IPI, bitmap, 0, min_id,
			APIC_DM_FIXED | IPI_VEC);
	wait_for_count(&ipis[0], 1, LOST_CYCLES);
	for (cpu = 1; cpu < n; cpu++)
		spin_for_count(&ipis[cpu], 1, LOST_CYCLES);
	for (cpu = 0; cpu < n; cpu++)
		got += ipis[cpu] == 1;
	report(ret == (ulong)n && got == n,
	       "KVM_HC_SEND_IPI to %d CPUs: returns %ld, each took one", n,
	       (long)ret);
}

static volatile bool woke;

static void check_kick(void)
{
	u64 start;

	if (cpu_count() < 2) {
		report_skip("KVM_HC_KICK_CPU: needs -smp 2");
		return;
	}
	if (!(cpuid(KVM_CPUID_FEATURES).a & 1u << PV_UNHALT_BIT)) {
		report_skip("KVM_HC_KICK_CPU: CPUID has no PV_UNHALT");
		return;
	}
	woke = false;
	on_cpu_async(1, halt_with_if_clear, (void *)&woke);
	for (start = rdtsc(); rdtsc() - start < QUIET_CYCLES; )
		pause();
	report(!woke, "CPU 1 halted with IF=0");
	report(hypercall(is_amd(), KVM_HC_KICK_CPU, 0, id_map[1], 0, 0) == 0,
	       "KVM_HC_KICK_CPU returns 0");
	for (start = rdtsc(); !woke && rdtsc() - start < LOST_CYCLES; )
		pause();
	report(woke, "... and CPU 1 runs past its HLT");
}

int main(void)
{
	bool raised = false;
	ulong ret;

	report_prefix_push("hypercall");
	if (!accel_is_kvm()) {
		report_skip("not KVM (no KVM signature in CPUID 0x40000000)");
		return report_summary();
	}
	report(hypercall(false, HC_UNKNOWN, 0, 0, 0, 0) == (ulong)-KVM_ENOSYS,
	       "VMCALL, an unknown number: -KVM_ENOSYS");
	report(hypercall(true, HC_UNKNOWN, 0, 0, 0, 0) == (ulong)-KVM_ENOSYS,
	       "VMMCALL, an unknown number: -KVM_ENOSYS");
	report(hypercall(is_amd(), KVM_HC_VAPIC_POLL_IRQ, 0, 0, 0, 0) == 0,
	       "KVM_HC_VAPIC_POLL_IRQ: 0");

	setup_vm();
	ret = run_in_user(hypercall_at_cpl3, UD_VECTOR, 0, 0, 0, 0, &raised);
	report(!raised && ret == (ulong)-KVM_EPERM, "from CPL 3: -KVM_EPERM");

	check_send_ipi();
	check_kick();
	return report_summary();
}
